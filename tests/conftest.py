"""Helpers shared by the tests: a scratch copy of the package to break, and the validator's CLI."""
import importlib.util
import shutil
import subprocess
import sys

import pytest

from dprk_kursk.paths import DATA, DESCRIPTOR, ROOT

VALIDATE = ROOT / "scripts" / "validate.py"


@pytest.fixture
def package_copy(tmp_path):
    """A copy of datapackage.json and data/ in a temporary folder, to break one way at a time."""
    shutil.copy(DESCRIPTOR, tmp_path / "datapackage.json")
    shutil.copytree(DATA, tmp_path / "data")
    return tmp_path


def run_validator(path, *args):
    """Run scripts/validate.py on `path` as a user would; returns the finished process."""
    return subprocess.run([sys.executable, str(VALIDATE), str(path), *args],
                          capture_output=True, text=True, timeout=120)


def load_script(name):
    """Import scripts/NAME.py as a module, to call its functions in-process."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
