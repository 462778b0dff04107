"""Reading datapackage.json and the parts of it more than one module needs."""

import json
from pathlib import Path

from dprk_kursk.paths import descriptor_path

STANDS = "active"  # the status of a row that stands; corrected, retracted and duplicate rows do not


def read_descriptor(path=None) -> tuple[dict, Path]:
    """The descriptor at `path` (datapackage.json or its folder; the repository's by default) and its folder."""
    file = descriptor_path(path)
    return json.loads(file.read_text(encoding="utf-8")), file.parent


def referenced_table(key: dict, own_table: str) -> str:
    """The table a foreign key points to: a reference that names no resource points to the table itself."""
    return key["reference"].get("resource") or own_table
