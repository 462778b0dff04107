"""Validate a copy of the package: its files, frictionless' schema checks, then the project's own rules.

`validate(path)` returns every Problem found, in file and row order; it only reads, never writes.
"""
import csv
import io
import json
import multiprocessing
import re
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import frictionless

from dprk_kursk.paths import descriptor_path
from dprk_kursk.problems import Problem
from dprk_kursk.rules import LINE, Checker

FILE_LEVEL = {"scheme-error", "format-error", "encoding-error", "source-error", "hashing-error", "byte-count", "resource-error"}
LABEL_ERRORS = {"incorrect-label", "extra-label", "missing-label", "duplicate-label", "blank-label", "blank-header"}


class Validation:
    """The outcome: problems, plus how many rows were read per table."""

    def __init__(self, problems, row_counts):
        self.problems = sorted(set(problems), key=lambda p: (p.file != "datapackage.json", p.file, p.line, p.column, p.message))
        self.row_counts = row_counts

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        rows = sum(self.row_counts.values())
        files = len({p.file for p in self.problems})
        verdict = "valid" if self.ok else f"{len(self.problems)} problem(s) in {files} file(s)"
        return f"{len(self.row_counts)} tables, {rows} rows checked: {verdict}"


def read_descriptor(path: Path):
    name = path.name
    if not path.exists():
        return None, [Problem(name, 1, "", "file not found", str(path))]
    try:
        return json.loads(path.read_text(encoding="utf-8")), []
    except UnicodeDecodeError as error:
        return None, [Problem(name, 1, "", f"not UTF-8 (byte {error.start})")]
    except json.JSONDecodeError as error:
        return None, [Problem(name, error.lineno, "", f"not valid JSON: {error.msg} at column {error.colno}")]


def read_rows(base: Path, resource: dict):
    """Raw rows of one CSV (strings, spreadsheet line numbers), and problems with the file's bytes."""
    shown = resource.get("path", "")
    file = base / shown
    if not isinstance(shown, str) or not file.is_file():
        return None, [Problem(str(shown), 1, "", f"resource '{resource.get('name')}' names a file that does not exist")]
    raw = file.read_bytes()
    problems = []
    if raw.startswith(b"\xef\xbb\xbf"):
        problems.append(Problem(shown, 1, "", "file starts with a byte-order mark (save as UTF-8 without BOM)"))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, problems + [Problem(shown, line, "", f"not UTF-8: byte {raw[error.start]:#04x} at offset {error.start}")]
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, [])
    rows = []
    for number, cells in enumerate(reader, start=2):
        row = {name: (cells[i] if i < len(cells) else "") for i, name in enumerate(header)}
        row[LINE] = number
        rows.append(row)
    names = [f["name"] for f in resource.get("schema", {}).get("fields", [])]
    return (rows if header == names else None), problems


def well_formed_keys(resource: dict) -> bool:
    """True when every foreign key of `resource` has the shape the project's own check reads.

    Those keys are checked by Checker.references (a set lookup per cell) instead of frictionless, whose
    lookup re-opens every referenced table and doubles the validation time; malformed keys stay in the
    descriptor so that frictionless reports them.
    """
    keys = resource.get("schema", {}).get("foreignKeys") if isinstance(resource.get("schema"), dict) else None
    def ok(key):
        reference = key.get("reference") if isinstance(key, dict) else None
        return (isinstance(reference, dict) and isinstance(key.get("fields"), list)
                and isinstance(reference.get("resource", ""), str) and isinstance(reference.get("fields"), list)
                and len(key["fields"]) == len(reference["fields"]) > 0)
    return isinstance(keys, list) and all(ok(k) for k in keys)


def frictionless_problems(descriptor: dict, base: Path):
    """Schema, type, constraint and key errors as frictionless finds them, one Problem each."""
    try:
        report = frictionless.Package(descriptor, basepath=str(base)).validate()
    except frictionless.FrictionlessException as error:
        return [Problem("datapackage.json", 1, "", f"descriptor rejected: {error.error.note or error.error.title}")]
    problems = [Problem("datapackage.json", 1, "", error.message) for error in report.errors]
    for task in report.tasks:
        shown = task.place
        short_rows = {e.row_number for e in task.errors if e.type == "missing-cell"}
        reported_short = set()
        for error in task.errors:
            problem = translate(error, shown, short_rows, reported_short)
            if problem:
                problems.append(problem)
    return problems


def constraint_message(note: str) -> str:
    """Plain words for frictionless' 'constraint "X" is "Y"' note."""
    found = re.match(r'constraint "([^"]+)" is "(.*)"$', note or "")
    if not found:
        return note or "breaks a constraint"
    name, rule = found.groups()
    return {
        "required": "required but empty",
        "enum": f"not one of the allowed values {rule}",
        "pattern": f"does not match the pattern {rule}",
        "minimum": f"below the minimum {rule}",
        "maximum": f"above the maximum {rule}",
        "unique": "must be unique",
    }.get(name, f"breaks the {name} constraint {rule}")


def translate(error, shown: str, short_rows: set, reported_short: set):
    """One frictionless error as a Problem; None for an error another one already reports."""
    kind = error.type
    row = getattr(error, "row_number", None)
    column = getattr(error, "field_name", "") or getattr(error, "label", "") or ""
    cell = getattr(error, "cell", "")
    if kind in FILE_LEVEL:
        return Problem(shown, 1, "", error.note or error.title)
    if kind in LABEL_ERRORS:
        return Problem(shown, 1, column, f"header: {error.title.lower()} ({error.note})" if error.note else f"header: {error.title.lower()}")
    if kind == "missing-cell":
        if row in reported_short:
            return None
        reported_short.add(row)
        return Problem(shown, row, column, "row has fewer fields than the header; first missing field")
    if kind == "constraint-error" and row in short_rows and cell in ("", None, "None"):
        return None
    if kind == "extra-cell":
        return Problem(shown, row, "", "row has more fields than the header", cell)
    if kind == "blank-row":
        return Problem(shown, row, "", "blank row")
    if kind == "primary-key":
        return None
    if kind == "type-error":
        return Problem(shown, row, column, f"not a valid {error.note.split('is ')[-1].strip(chr(34)).split('/')[0]}", cell)
    if kind == "constraint-error":
        return Problem(shown, row, column, constraint_message(error.note), "" if cell in (None, "None") else cell)
    if kind == "unique-error":
        first = re.search(r"position (\d+)", error.note or "")
        return Problem(shown, row, column, f"duplicate: same value as line {first.group(1) if first else '?'}", cell)
    if kind == "foreign-key":
        found = re.search(r'for "([^"]+)": values "([^"]*)" not found in the lookup table "([^"]*)"', error.note or "")
        if found:
            target = found.group(3) or "this table"
            return Problem(shown, row, found.group(1), f"no such id in {target}", found.group(2))
        return Problem(shown, row, "", error.note)
    return Problem(shown, row or 1, column, error.note or error.title, cell if cell not in (None, "None") else "")


PARALLEL_ABOVE_BYTES = 2_000_000  # below this, a second process costs more than it saves


def data_bytes(base: Path, resources: list) -> int:
    return sum((base / r["path"]).stat().st_size for r in resources
               if isinstance(r.get("path"), str) and (base / r["path"]).is_file())


def validate(path=None, today=None, parallel_above=PARALLEL_ABOVE_BYTES) -> Validation:
    """Validate the package at `path` (datapackage.json or its folder; the repository's by default).

    frictionless and the project's own rules read the files independently; for packages larger than
    `parallel_above` bytes (where fork is available) frictionless runs in a second process meanwhile.
    """
    descriptor_file = descriptor_path(path)
    base = descriptor_file.parent
    descriptor, problems = read_descriptor(descriptor_file)
    if descriptor is None:
        return Validation(problems, {})
    resources = [r for r in descriptor.get("resources", []) if isinstance(r, dict)]
    foreign_keys = {r.get("name", ""): r["schema"].pop("foreignKeys") for r in resources if well_formed_keys(r)}
    pool = None
    if "fork" in multiprocessing.get_all_start_methods() and data_bytes(base, resources) > parallel_above:
        pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork"))
        pending = pool.submit(frictionless_problems, descriptor, base)
    try:
        tables, paths, fields, unreadable = {}, {}, {}, set()
        for resource in resources:
            rows, found = read_rows(base, resource)
            problems += found
            name = resource.get("name", "")
            paths[name] = resource.get("path", "")
            fields[name] = resource.get("schema", {}).get("fields", [])
            if rows is None and any(p.message.startswith(("not UTF-8", "resource")) for p in found):
                unreadable.add(paths[name])
            if rows is not None:
                tables[name] = rows
        problems += Checker(tables, paths, fields, foreign_keys, today=today).run()
        found = pending.result() if pool else frictionless_problems(descriptor, base)
    finally:
        if pool:
            pool.shutdown()
    problems += [p for p in found if p.file not in unreadable]
    return Validation(problems, {name: len(rows) for name, rows in tables.items()})
