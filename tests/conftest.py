"""Helpers shared by the tests: a scratch copy of the package to break, edits to its files, and the validator's CLI."""

import importlib.util
import json
import subprocess
import sys

import pytest

from dprk_kursk.csvfile import read_lists, write_csv
from dprk_kursk.paths import ROOT
from dprk_kursk.synthetic import write_sample

VALIDATE = ROOT / "scripts" / "validate.py"


def copy_package(root):
    """A valid copy of the package in the folder `root`, to break: the descriptor and a slice of the data (the
    first figures with their citations, every event and the sources they cite; see synthetic.write_sample)."""
    return write_sample(root)


@pytest.fixture
def package_copy(tmp_path):
    """A copy of the package in a temporary folder, to break one way at a time."""
    return copy_package(tmp_path)


def read(path):
    """Every record of a CSV, the header first, as lists of cells."""
    return read_lists(path)


def write(path, rows):
    """Write `rows` (lists of cells, the header first) as the package writes CSV."""
    write_csv(path, None, rows)


def set_cell(root, file, line, column, value):
    """Set the cell at spreadsheet `line` (header = 1) and `column` of `file`."""
    rows = read(root / file)
    rows[line - 1][rows[0].index(column)] = value
    write(root / file, rows)


def edit_descriptor(root, change):
    """Apply `change(descriptor)` to the copy's datapackage.json, in place."""
    descriptor = json.loads((root / "datapackage.json").read_text(encoding="utf-8"))
    change(descriptor)
    (root / "datapackage.json").write_text(json.dumps(descriptor, indent=2, ensure_ascii=False), encoding="utf-8")


def run_validator(path, *args, timeout=120):
    """Run scripts/validate.py on `path` as a user would; returns the finished process."""
    return subprocess.run(
        [sys.executable, str(VALIDATE), str(path), *args], capture_output=True, text=True, timeout=timeout
    )


def load_script(name):
    """Import scripts/NAME.py as a module, to call its functions in-process."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
