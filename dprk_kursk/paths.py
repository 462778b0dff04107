"""Every path the project uses, resolved once from the repository root.

DPRK_KURSK_ROOT, when set, names another root: a copy of the package whose notebooks a test runs on changed data.
"""
import os
from pathlib import Path

ROOT = Path(os.environ.get("DPRK_KURSK_ROOT") or Path(__file__).resolve().parent.parent)
DESCRIPTOR = ROOT / "datapackage.json"
DATA = ROOT / "data"
NOTEBOOKS = ROOT / "notebooks"
FIGURES = ROOT / "figures"
DIST = ROOT / "dist"
DOCS = ROOT / "docs"
DICTIONARY = DOCS / "data-dictionary.md"
REPORT = ROOT / "report"
RELEASES = ROOT / "releases"
RELEASED_IDS = RELEASES / "released-ids.csv"


def descriptor_path(path=None) -> Path:
    """The datapackage.json named by `path` (the file itself or its folder); the repository's by default."""
    if path is None:
        return DESCRIPTOR
    path = Path(path)
    return path / "datapackage.json" if path.is_dir() else path
