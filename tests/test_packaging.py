"""The package as users install and run it: pyproject and its lock, the root it finds, the `dprk-kursk`
command (validate, GitHub annotations, add-figure) and pytest from another folder."""

import csv
import io
import json
import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

from conftest import set_cell

from dprk_kursk.annotations import annotation, escape_data, escape_property, report
from dprk_kursk.paths import ROOT, find_root

CHECKOUT = Path(__file__).resolve().parent.parent  # the checkout these tests belong to
PYPROJECT = tomllib.loads((CHECKOUT / "pyproject.toml").read_text(encoding="utf-8"))


def test_package_version_is_the_data_version():
    descriptor = json.loads((CHECKOUT / "datapackage.json").read_text(encoding="utf-8"))
    assert PYPROJECT["project"]["version"] == descriptor["version"]


def pins(lines) -> dict:
    found = (re.match(r"([A-Za-z0-9_.-]+)==([^\s;\\]+)", line) for line in lines)
    return {m.group(1).lower().replace("_", "-"): m.group(2) for m in found if m}


def test_locks_hold_every_pin_of_pyproject_with_hashes():
    project = PYPROJECT["project"]
    extras = project["optional-dependencies"]
    for lock, wanted in [
        ("requirements.txt", project["dependencies"] + extras["test"]),
        ("requirements-lab.txt", project["dependencies"] + extras["test"] + extras["lab"]),
    ]:
        text = (CHECKOUT / lock).read_text(encoding="utf-8")
        locked = pins(text.splitlines())
        assert pins(wanted).items() <= locked.items(), lock
        requirements = re.findall(
            r"^[A-Za-z0-9_.-]+==\S+ \\\n(?:    --hash=sha256:[0-9a-f]{64}(?: \\\n)?)+", text, re.M
        )
        assert len(requirements) == len(locked) > 30, f"{lock}: a requirement without --hash"
    assert "--require-hashes" in (CHECKOUT / "Makefile").read_text(encoding="utf-8")


def test_no_script_edits_sys_path_and_no_pth_writer():
    assert not (CHECKOUT / "scripts" / "link_package.py").exists()
    for script in sorted((CHECKOUT / "scripts").glob("*.py")) + sorted((CHECKOUT / "dprk_kursk").glob("*.py")):
        assert "sys.path" not in script.read_text(encoding="utf-8"), script.name


def test_installed_package_is_this_checkout(tmp_path):
    """Imported from a folder outside the repository (as a notebook kernel or a user's Jupyter does), the
    package is this checkout's code and finds this checkout's data: after `cp -a` or `mv`, `make` must
    have rebuilt .venv for the new folder, or this fails."""
    code = "import dprk_kursk, dprk_kursk.paths as p; print(dprk_kursk.__file__); print(p.ROOT)"
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    module, root = done.stdout.splitlines()
    assert Path(module).resolve() == CHECKOUT / "dprk_kursk" / "__init__.py"
    assert Path(root) == CHECKOUT == ROOT


def make_package(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "datapackage.json").write_text('{"name": "dprk-troops-russia-kursk"}', encoding="utf-8")
    return folder


def test_root_is_the_variable_then_the_checkout_then_the_working_folder(tmp_path):
    code_home = tmp_path / "site-packages"  # code installed from a wheel: no datapackage.json beside it
    code_home.mkdir()
    copy = make_package(tmp_path / "copy")
    (copy / "notebooks").mkdir()
    other = make_package(tmp_path / "other")
    assert find_root({}, here=code_home, start=copy / "notebooks") == copy
    assert find_root({"DPRK_KURSK_ROOT": str(other)}, here=code_home, start=copy) == other
    assert find_root({}, here=other, start=copy) == other  # a checkout's own code uses its own data
    stranger = tmp_path / "stranger"
    stranger.mkdir()
    (stranger / "datapackage.json").write_text('{"name": "someone-else"}', encoding="utf-8")
    assert find_root({}, here=code_home, start=stranger) == code_home  # another package is not ours


def test_annotation_escapes_what_the_runner_would_read_as_commands():
    problem = {
        "file": "data/a,b:c.csv",
        "line": 7,
        "column": "measure",
        "message": "no such value 100%\r\n::error file=README.md::forged",
        "value": "x",
    }
    line = annotation(problem)
    assert line == (
        "::error file=data/a%2Cb%3Ac.csv,line=7,title=measure%3A invalid::"
        "data/a,b:c.csv:7: measure: no such value 100%25%0D%0A%3A%3Aerror file=README.md%3A%3Aforged (x)"
    )
    assert line.count("::") == 2 and "\n" not in line and "\r" not in line
    assert escape_data("50%") == "50%25" and escape_property("a:b,c") == "a%3Ab%2Cc"


def test_annotation_of_a_hostile_line_number_is_line_one():
    for line in ["7\n::error", True, -3, None]:
        assert ",line=1," in annotation({"file": "f.csv", "line": line, "column": "", "message": "m"})


def test_report_fits_one_screen():
    problems = [{"file": "data/figures.csv", "line": n, "column": "value", "message": "bad"} for n in range(2, 52)]
    lines = report({"valid": False, "summary": "50 problem(s) in 1 file(s)", "problems": problems}, limit=20)
    assert len(lines) == 20 * 2 + 2
    assert lines[-2] == "… and 30 more problem(s): run `make validate` to list them all"
    assert lines[0].startswith("::error file=data/figures.csv,line=2,") and lines[1] == "data/figures.csv:2: value: bad"


def dprk_kursk(*args, cwd=None):
    return subprocess.run(
        [sys.executable, "-m", "dprk_kursk.cli", *args], capture_output=True, text=True, timeout=120, cwd=cwd
    )


def test_measure_typo_is_one_annotation_on_its_line(package_copy):
    set_cell(package_copy, "data/figures.csv", 4, "measure", "troops_presnet")
    done = dprk_kursk("validate", str(package_copy), "--github")
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    assert lines[0].startswith(
        "::error file=data/figures.csv,line=4,title=measure%3A invalid::data/figures.csv:4: measure:"
    )
    assert "troops_presnet" in lines[0] and lines[1].startswith("data/figures.csv:4: measure:")
    assert len(lines) <= 2 * 20 + 2


def test_add_figure_appends_the_next_free_id_and_validates(package_copy):
    (package_copy / "releases").mkdir()
    (package_copy / "releases" / "released-ids.csv").write_text(
        "table,id,meaning,first_version\nfigures,F0950,killed|ua-hur|S0001|about 100,1.0.0\n", encoding="utf-8"
    )
    figures = package_copy / "data" / "figures.csv"
    before = figures.read_text(encoding="utf-8")
    done = dprk_kursk(
        "add-figure",
        "--root",
        str(package_copy),
        "--measure",
        "killed",
        "--counted",
        "kpa_troops",
        "--basis",
        "cumulative",
        "--place",
        "kursk-oblast",
        "--value",
        "100",
        "--qualifier",
        "about",
        "--stated-as",
        "about 100",
        "--claimant",
        "ua-hur",
        "--reported",
        "2026-02-11",
        "--as-of",
        "2026-02-11",
        "--source",
        "S0001",
        "--note",
        "a test row, with a comma",
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.splitlines()[0] == "added F0951 to data/figures.csv"
    after = figures.read_text(encoding="utf-8")
    assert after.startswith(before) and after.count("\n") == before.count("\n") + 1
    row = next(csv.DictReader(io.StringIO(after.splitlines()[0] + "\n" + after.splitlines()[-1])))
    assert row == {
        **{k: "" for k in row},
        "figure_id": "F0951",
        "measure": "killed",
        "counted": "kpa_troops",
        "scope": "whole",
        "basis": "cumulative",
        "place_id": "kursk-oblast",
        "value": "100",
        "qualifier": "about",
        "stated_as": "about 100",
        "unit": "people",
        "claimant_id": "ua-hur",
        "reported": "2026-02-11",
        "as_of": "2026-02-11",
        "as_of_precision": "day",
        "source_id": "S0001",
        "status": "active",
        "note": "a test row, with a comma",
    }


def test_add_figure_refuses_a_value_outside_the_schema(package_copy):
    done = dprk_kursk(
        "add-figure",
        "--root",
        str(package_copy),
        "--measure",
        "troops_presnet",
        "--counted",
        "kpa_troops",
        "--basis",
        "stock",
        "--place",
        "kursk-oblast",
        "--value",
        "1",
        "--qualifier",
        "exact",
        "--stated-as",
        "1",
        "--claimant",
        "ua-hur",
        "--reported",
        "2026-02-11",
        "--source",
        "S0001",
    )
    assert done.returncode == 2 and "invalid choice: 'troops_presnet'" in done.stderr


def test_pytest_finds_its_settings_from_notebooks():
    """Started in notebooks/, pytest still reads pytest.ini and finds nbval's sanitizer (collection only; from
    the root, `make test` itself is the test)."""
    probe = (
        "import sys, pytest\n"
        "class Probe:\n"
        "    def pytest_collection_finish(self, session):\n"
        "        print('SANITIZE', session.config.option.nbval_sanitize_with)\n"
        "        print('ITEMS', len({item.path.name for item in session.items}))\n"
        "sys.exit(pytest.main(['--collect-only', '-q', '-n', '0', '.'], plugins=[Probe()]))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=CHECKOUT / "notebooks", capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert f"SANITIZE {CHECKOUT / 'tests' / 'nbval-sanitize.cfg'}" in done.stdout
    assert f"ITEMS {len(list((CHECKOUT / 'notebooks').glob('[0-9][0-9]-*.ipynb')))}" in done.stdout


def test_forged_workflow_command_in_a_cell_stays_inside_its_annotation(package_copy):
    set_cell(package_copy, "data/figures.csv", 3, "claimant_id", "ua-hur\n::error file=README.md::forged")
    done = dprk_kursk("validate", str(package_copy), "--github")
    assert done.returncode == 1
    commands = [line for line in done.stdout.splitlines() if line.startswith("::")]
    assert commands and all(line.startswith("::error file=data/figures.csv,line=3,") for line in commands)
    assert all(line.count("::") == 2 for line in commands)
    assert "%3A%3Aerror file=README.md%3A%3Aforged" in commands[0]


def dry_run_setup(folder: Path, recorded_root: str) -> str:
    """What `make` would do to set up .venv in `folder` (a copy of the Makefile and the lock inputs) whose
    .venv records `recorded_root` as the folder it was made for."""
    for name in ("Makefile", "requirements.txt", "pyproject.toml"):
        (folder / name).write_bytes((CHECKOUT / name).read_bytes())
    (folder / ".venv").mkdir()
    (folder / ".venv" / ".root").write_text(recorded_root + "\n", encoding="utf-8")
    (folder / ".venv" / ".installed").touch()
    # A make of our own, not one inheriting the flags of a make running these tests (`make -s bench` silences it).
    alone = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL", "MAKEOVERRIDES")}
    done = subprocess.run(
        ["make", "-n", ".venv/.installed"], cwd=folder, capture_output=True, text=True, timeout=60, env=alone
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_make_rebuilds_a_venv_made_for_another_folder(tmp_path):
    moved, kept = tmp_path / "moved", tmp_path / "kept"
    moved.mkdir()
    kept.mkdir()
    assert "rm -rf .venv" in dry_run_setup(moved, str(tmp_path / "original"))
    assert "is up to date" in dry_run_setup(kept, str(kept))
