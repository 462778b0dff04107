"""scripts/validate.py as a user runs it: exit status, located messages, JSON output, read-only."""

import json

from conftest import run_validator


def test_valid_package_exits_zero(package_copy):
    done = run_validator(package_copy)
    assert done.returncode == 0, done.stdout
    assert "valid" in done.stdout.splitlines()[-1]


def test_broken_row_is_located(package_copy):
    figures = package_copy / "data" / "figures.csv"
    lines = figures.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[2] = lines[2].replace(",3000,", ",three thousand,", 1)
    figures.write_text("".join(lines), encoding="utf-8")
    before = figures.read_bytes()
    done = run_validator(package_copy / "datapackage.json")
    assert done.returncode == 1
    located = [
        line for line in done.stdout.splitlines() if line.startswith("data/figures.csv:3: value: not a valid number")
    ]
    assert len(located) == 1 and located[0].endswith("(three thousand)") and "8000, not 8,000" in located[0]
    assert figures.read_bytes() == before


def test_json_output_lists_problems(package_copy):
    figures = package_copy / "data" / "figures.csv"
    figures.write_text(figures.read_text(encoding="utf-8").replace("ua-zelensky", "ua-nobody"), encoding="utf-8")
    done = run_validator(package_copy, "--json")
    report = json.loads(done.stdout)
    assert done.returncode == 1 and report["valid"] is False
    assert {(p["file"], p["column"], p["value"], p["code"]) for p in report["problems"]} >= {
        ("data/figures.csv", "claimant_id", "ua-nobody", "references.id")
    }
