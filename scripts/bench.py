"""Benchmark the package's commands and check them against their budgets.

Input: the repository at HEAD, cloned into a scratch folder (the working tree is never touched; commit
before benchmarking a change), and synthetic packages built from the real schema (dprk_kursk.synthetic).
Output: bench/results.json and bench/results.md, and the same table on stdout. Exit status 1 when a
budget is missed. Budgets are for a 2-core machine with the package registry reachable.
"""

import json
import math
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from dprk_kursk.paths import ROOT
from dprk_kursk.render import markdown_environment
from dprk_kursk.synthetic import write_synthetic

OUT = ROOT / "bench"
REPEATS = {"validate": 4, "make test": 3, "synthetic small": 2}
SIZES = [1_000, 10_000, 100_000]
BROKEN_EVERY = 100  # 1% of rows


def timed(command, cwd, expect=0):
    """Run `command` in `cwd`; return (seconds, stdout + stderr). Fails loudly on an unexpected exit status."""
    started = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode != expect:
        sys.exit(
            f"bench: {' '.join(map(str, command))} exited {done.returncode}\n{done.stdout[-2000:]}{done.stderr[-2000:]}"
        )
    return seconds, done.stdout + done.stderr


def median_of(times: list) -> float:
    return round(statistics.median(times), 3)


def validation_seconds(output: str) -> float:
    return float(re.search(r"validated in ([0-9.]+) s", output).group(1))


def bench_setup_and_tests(clone: Path, results: dict) -> None:
    started = time.perf_counter()
    subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True)
    timed(["make", "-s", ".venv/.installed"], clone)
    setup = time.perf_counter() - started
    tests = [timed(["make", "-s", "test"], clone)[0] for _ in range(REPEATS["make test"])]
    results["fresh clone to passing make test"] = {
        "seconds": round(setup + tests[0], 3),
        "setup_seconds": round(setup, 3),
    }
    results["make test"] = {"seconds": median_of(tests), "runs": [round(t, 3) for t in tests]}


def bench_copy(clone: Path, scratch: Path, results: dict) -> None:
    """`cp -a` of a set-up clone: make rebuilds the copy's .venv for it, the copy imports its own code, and a
    measure typo in the copy fails the copy's validation while the original stays valid."""
    copy = scratch / "copy"
    subprocess.run(["cp", "-a", str(clone), str(copy)], check=True)
    seconds, _ = timed(["make", "-s", ".venv/.installed"], copy)
    _, imported = timed([copy / ".venv/bin/python", "-c", "import dprk_kursk; print(dprk_kursk.__file__)"], scratch)
    timed(
        [
            copy / ".venv/bin/python",
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:xdist",
            "-o",
            "addopts=",
            "tests/test_packaging.py::test_installed_package_is_this_checkout",
        ],
        copy,
    )
    figures = copy / "data" / "figures.csv"
    figures.write_text(
        figures.read_text(encoding="utf-8").replace(",troops_present,", ",troops_presnet,", 1), encoding="utf-8"
    )
    _, output = timed(["make", "-s", "validate"], copy, expect=2)
    timed(["make", "-s", "validate"], clone)
    results["cp -a copy tests itself"] = {
        "rebuild_seconds": round(seconds, 3),
        "imports_from_copy": Path(imported.strip()).is_relative_to(copy),
        "typo_in_copy_caught": "troops_presnet" in output,
    }


def bench_validate(clone: Path, results: dict) -> None:
    ours, bare = [], []
    for _ in range(REPEATS["validate"]):
        ours.append(timed(["make", "-s", "validate"], clone)[0])
        bare.append(timed([".venv/bin/frictionless", "validate", "datapackage.json"], clone)[0])
    results["make validate"] = {"seconds": median_of(ours), "runs": [round(t, 3) for t in ours]}
    results["bare frictionless validate"] = {"seconds": median_of(bare), "runs": [round(t, 3) for t in bare]}
    results["make validate / bare frictionless"] = {"ratio": round(median_of(ours) / median_of(bare), 3)}


def bench_reproduce(clone: Path, results: dict) -> None:
    seconds, output = timed(["make", "-s", "reproduce"], clone)
    results["make reproduce"] = {"seconds": round(seconds, 3)}
    for name, notebook_seconds in re.findall(r"ran (\S+\.ipynb) in ([0-9.]+) s", output):
        results[f"notebook {name}"] = {"seconds": float(notebook_seconds)}


def bench_synthetic(clone: Path, scratch: Path, results: dict) -> None:
    python, validator = clone / ".venv" / "bin" / "python", clone / "scripts" / "validate.py"
    inside = {}
    for size in SIZES:
        repeats = REPEATS["synthetic small"] if size < 100_000 else 1
        folder = scratch / f"synthetic-{size}"
        write_synthetic(folder, size)
        ours = [timed([python, validator, folder, "--timing"], clone) for _ in range(repeats)]
        bare = [
            timed([clone / ".venv/bin/frictionless", "validate", folder / "datapackage.json"], clone)[0]
            for _ in range(repeats)
        ]
        inside[size] = median_of([validation_seconds(out) for _, out in ours])
        ours_wall = median_of([t for t, _ in ours])
        results[f"synthetic {size:,} rows, valid"] = {
            "seconds": ours_wall,
            "bare_frictionless_seconds": median_of(bare),
            "ratio": round(ours_wall / median_of(bare), 3),
            "validation_seconds": inside[size],
            "rows_per_second": round(size / inside[size]),
        }
        broken_folder = scratch / f"synthetic-{size}-broken"
        broken = write_synthetic(broken_folder, size, BROKEN_EVERY)
        seconds, output = timed([python, validator, broken_folder, "--timing"], clone, expect=1)
        found = {int(line) for line in re.findall(r"^data/figures\.csv:(\d+):", output, re.M)}
        results[f"synthetic {size:,} rows, 1% broken"] = {
            "seconds": round(seconds, 3),
            "broken_rows": len(broken),
            "broken_rows_reported": len(found & set(broken)),
            "other_rows_reported": len(found - set(broken)),
            "rows_per_second": round(size / validation_seconds(output)),
        }
    for small, large in zip(SIZES, SIZES[1:]):
        exponent = math.log(inside[large] / inside[small]) / math.log(large / small)
        results[f"growth exponent {small:,} to {large:,} rows"] = {"exponent": round(exponent, 3)}


BUDGETS = [  # (result, field, limit, text)
    ("make test", "seconds", 20, "≤ 20 s (browser tests included)"),
    ("make validate", "seconds", 1.5, "≤ 1.5 s"),
    ("make validate / bare frictionless", "ratio", 1.3, "≤ 1.3×"),
    ("synthetic 100,000 rows, valid", "ratio", 1.3, "≤ 1.3× bare frictionless"),
    ("growth exponent 10,000 to 100,000 rows", "exponent", 1.1, "≤ 1.1"),
    ("make reproduce", "seconds", 20, "≤ 20 s"),
    ("fresh clone to passing make test", "seconds", 60, "≤ 60 s"),
]


def verdicts(results: dict) -> dict:
    checked = {}
    for name, field, limit, text in BUDGETS:
        value = results[name][field]
        checked[name] = {"field": field, "value": value, "budget": text, "ok": value <= limit}
    copy = results["cp -a copy tests itself"]
    checked["cp -a copy tests itself"] = {
        "field": "own code and data",
        "value": copy["imports_from_copy"] and copy["typo_in_copy_caught"],
        "budget": "the copy's code, and its typo caught",
        "ok": copy["imports_from_copy"] and copy["typo_in_copy_caught"],
    }
    for name, result in results.items():
        if "broken_rows" in result:
            ok = result["broken_rows_reported"] == result["broken_rows"] and result["other_rows_reported"] == 0
            checked[name] = {
                "field": "broken rows reported",
                "value": f"{result['broken_rows_reported']}/{result['broken_rows']}",
                "budget": "all, and no others",
                "ok": ok,
            }
    return checked


def table_rows(results: dict, checked: dict) -> list:
    """One row per measure: its results, its budget, and whether it is within it."""
    rows = []
    for name, result in results.items():
        shown = ", ".join(f"{key.replace('_', ' ')} {value}" for key, value in result.items() if key != "runs")
        check = checked.get(name)
        within = ("yes" if check["ok"] else "**NO**") if check else ""
        rows.append({"name": name, "shown": shown, "budget": check["budget"] if check else "", "within": within})
    return rows


def main() -> int:
    started = time.perf_counter()
    scratch = Path(tempfile.mkdtemp(prefix="dprk-bench-"))
    clone, results = scratch / "clone", {}
    try:
        bench_setup_and_tests(clone, results)
        bench_copy(clone, scratch, results)
        bench_validate(clone, results)
        bench_reproduce(clone, results)
        bench_synthetic(clone, scratch, results)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    checked = verdicts(results)
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    machine = {
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "system": platform.platform(),
        "commit": commit,
        "bench_seconds": round(time.perf_counter() - started, 1),
    }
    OUT.mkdir(exist_ok=True)
    (OUT / "results.json").write_text(
        json.dumps({"machine": machine, "results": results, "budgets": checked}, indent=2, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    text = (
        markdown_environment()
        .get_template("bench-results.md")
        .render(machine=machine, rows=table_rows(results, checked))
    )
    (OUT / "results.md").write_text(text, encoding="utf-8")
    print(text)
    return 0 if all(check["ok"] for check in checked.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
