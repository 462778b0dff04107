"""The `dprk-kursk` command (installed by pyproject.toml's [project.scripts]).

    dprk-kursk validate [PATH] [--json | --github]   validate the package (or a copy of it) and list every problem
    dprk-kursk add-figure --measure … --source S0001  append a figure row with the next free id, then validate

Exit status: 0 valid, 1 problems found, 2 could not validate (as scripts/validate.py).
"""

import argparse
import csv
import io
import json
import re
import sys
import time
from pathlib import Path

from dprk_kursk.annotations import report
from dprk_kursk.descriptor import read_descriptor
from dprk_kursk.ids import read_released
from dprk_kursk.paths import ROOT, descriptor_path
from dprk_kursk.untrusted import MAX_SECONDS, OutOfTime, time_limit
from dprk_kursk.validate import Validation, validate

FIGURE_ID = re.compile(r"F(\d{4,})")


def checked(path, max_seconds: float = MAX_SECONDS) -> Validation:
    """Validate the package at `path` within `max_seconds`; any failure is one located problem, never a traceback."""
    try:
        with time_limit(max_seconds):
            return validate(path)
    except (Exception, OutOfTime) as error:
        return Validation.failure(descriptor_path(path).name, error)


def print_result(result: Validation, style: str) -> None:
    if style == "json":
        print(json.dumps(result.as_dict(), indent=2, ensure_ascii=False))
    elif style == "github":
        print("\n".join(report(result.as_dict())))
    else:
        for problem in result.problems:
            print(problem)
        print(result.summary())


def validate_command(args) -> int:
    started = time.perf_counter()
    result = checked(args.path, args.max_seconds)
    if args.timing:
        print(f"validated in {time.perf_counter() - started:.3f} s", file=sys.stderr)
    print_result(result, "json" if args.json else "github" if args.github else "text")
    return result.status


def figure_fields(descriptor: dict) -> list:
    return next(r for r in descriptor["resources"] if r["name"] == "figures")["schema"]["fields"]


def next_figure_id(figures_csv: Path, released: dict) -> str:
    """One past the highest figure id in figures.csv or ever released (ids are never reused)."""
    with open(figures_csv, newline="", encoding="utf-8") as handle:
        used = [row["figure_id"] for row in csv.DictReader(handle)]
    used += [key for table, key in released if table == "figures"]
    numbers = [int(m.group(1)) for m in map(FIGURE_ID.fullmatch, used) if m]
    return f"F{max(numbers, default=0) + 1:04d}"


# Flags of add-figure: (flag, column, required, help). The allowed values come from the schema.
FIGURE_FLAGS = [
    ("--measure", "measure", True, "what is counted over time"),
    ("--counted", "counted", True, "whose people"),
    ("--scope", "scope", False, "whole (default) or part"),
    ("--part", "part", False, "which part, when --scope part"),
    ("--basis", "basis", True, "stock, cumulative, increment or plan"),
    ("--place", "place_id", True, "a place_id of data/places.csv"),
    ("--value", "value", True, "the number (midpoint of a range)"),
    ("--low", "low", False, "lower bound, when the claim gives one"),
    ("--high", "high", False, "upper bound, when the claim gives one"),
    ("--qualifier", "qualifier", True, "how precise the claim is"),
    ("--stated-as", "stated_as", True, "the number as the source words it"),
    ("--unit", "unit", False, "people (default), km2 or settlements"),
    ("--claimant", "claimant_id", True, "a claimant_id of data/claimants.csv"),
    ("--reported", "reported", True, "YYYY-MM-DD the claim was made"),
    ("--as-of", "as_of", False, "YYYY-MM-DD the number describes"),
    ("--as-of-precision", "as_of_precision", False, "day, month, year or undated (default: day with --as-of)"),
    ("--period-start", "period_start", False, "YYYY-MM-DD, for increments"),
    ("--source", "source_id", True, "a source_id of data/sources.csv: the page read"),
    ("--note", "note", False, "a short note in your own words"),
]
DEFAULTS = {"scope": "whole", "unit": "people", "status": "active"}


def figure_row(args, fields: list, figure_id: str) -> dict:
    row = {field["name"]: "" for field in fields}
    row.update(DEFAULTS, figure_id=figure_id)
    for _, column, _, _ in FIGURE_FLAGS:
        value = getattr(args, column)
        if value is not None:
            row[column] = value
    if not row["as_of_precision"]:
        row["as_of_precision"] = "day" if row["as_of"] else "undated"
    return row


def add_figure_command(args) -> int:
    descriptor, base = read_descriptor(args.root)
    figures_csv = base / next(r for r in descriptor["resources"] if r["name"] == "figures")["path"]
    released = read_released(base / "releases" / "released-ids.csv")
    fields = figure_fields(descriptor)
    row = figure_row(args, fields, next_figure_id(figures_csv, released))
    out = io.StringIO()
    csv.DictWriter(out, fieldnames=[f["name"] for f in fields], lineterminator="\n").writerow(row)
    text = figures_csv.read_text(encoding="utf-8")
    figures_csv.write_text(text + ("" if text.endswith("\n") else "\n") + out.getvalue(), encoding="utf-8")
    print(f"added {row['figure_id']} to {figures_csv.relative_to(base)}")
    result = checked(base)
    print_result(result, "text")
    return result.status


def enums(descriptor: dict) -> dict:
    """{column: allowed values} of the figures table; empty without a readable descriptor."""
    try:
        fields = figure_fields(descriptor)
    except (KeyError, StopIteration, TypeError):
        return {}
    return {f["name"]: f["constraints"]["enum"] for f in fields if "enum" in f.get("constraints", {})}


def parser(descriptor: dict) -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog="dprk-kursk", description=__doc__.splitlines()[0])
    commands = main.add_subparsers(dest="command", required=True)
    check = commands.add_parser("validate", help="validate the package and list every problem")
    check.add_argument("path", nargs="?", help="datapackage.json or its folder (default: this repository)")
    style = check.add_mutually_exclusive_group()
    style.add_argument("--json", action="store_true", help="machine-readable output")
    style.add_argument("--github", action="store_true", help="GitHub Actions annotations (CI), one screen at most")
    check.add_argument("--timing", action="store_true", help="print the seconds spent validating to stderr")
    check.add_argument("--max-seconds", type=float, default=MAX_SECONDS, help=f"time limit (default {MAX_SECONDS})")
    check.set_defaults(run=validate_command)
    add = commands.add_parser(
        "add-figure",
        help="append a figure row with the next free id, then validate",
        description="Append one row to data/figures.csv (status active) with the next free "
        "figure id, then validate the package. See CONTRIBUTING.md.",
    )
    add.add_argument("--root", default=str(ROOT), help="the package's folder (default: this repository)")
    allowed = enums(descriptor)
    for flag, column, required, text in FIGURE_FLAGS:
        add.add_argument(flag, dest=column, required=required, choices=allowed.get(column), help=text)
    add.set_defaults(run=add_figure_command)
    return main


def main(argv=None) -> int:
    sys.stdout.reconfigure(errors="backslashreplace")
    try:
        descriptor, _ = read_descriptor()
    except (OSError, ValueError):
        descriptor = {}
    args = parser(descriptor).parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
