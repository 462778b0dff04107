"""Every path the project uses, resolved once from the repository root.

The root is, in this order: the folder named by the environment variable DPRK_KURSK_ROOT; the checkout this
code lives in (a clone, or `pip install -e` of one); else the nearest folder, from the working directory up,
holding this package's datapackage.json (a wheel installed into one's own environment, used from a copy).
"""

import json
import os
from pathlib import Path

PACKAGE_NAME = "dprk-troops-russia-kursk"
ROOT_VARIABLE = "DPRK_KURSK_ROOT"
CODE_HOME = Path(__file__).resolve().parent.parent  # the checkout, when the code is one's (clone, pip install -e)
MAX_DESCRIPTOR_BYTES = 5_000_000  # a folder's datapackage.json larger than this is not ours


def is_root(folder: Path) -> bool:
    """True when `folder` holds this data package's datapackage.json."""
    path = folder / "datapackage.json"
    try:
        if not path.is_file() or path.stat().st_size > MAX_DESCRIPTOR_BYTES:
            return False
        descriptor = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(descriptor, dict) and descriptor.get("name") == PACKAGE_NAME


def find_root(environ=os.environ, here: Path = CODE_HOME, start=None) -> Path:
    """The repository root (see the module's docstring); the checkout of the code when none is found, so a
    missing file is then reported under a path the user can recognise."""
    if environ.get(ROOT_VARIABLE):
        return Path(environ[ROOT_VARIABLE]).resolve()
    if is_root(here):
        return here
    start = Path.cwd() if start is None else Path(start)
    for folder in [start, *start.parents]:
        if is_root(folder):
            return folder.resolve()
    return here


ROOT = find_root()
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
