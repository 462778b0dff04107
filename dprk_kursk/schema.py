"""frictionless' schema checks (types, constraints, headers, keys), each error as one Problem with a code and a
message that says how to fix it: the allowed values in full with the nearest match, the expected date format."""

import dataclasses
import difflib
import hashlib
import json
import os
import re
import warnings
from pathlib import Path

from dprk_kursk.problems import MESSAGE_CHARS, Problem
from dprk_kursk.rules.registry import declare

NEAR_VALUES, NEAR_CHARS = 1000, 200  # bounds on the nearest-match search (see allowed)
FILE_LEVEL = {
    "scheme-error",
    "format-error",
    "encoding-error",
    "source-error",
    "hashing-error",
    "byte-count",
    "resource-error",
}
LABEL_ERRORS = {"incorrect-label", "extra-label", "missing-label", "duplicate-label", "blank-label", "blank-header"}
SHAPE_ERRORS = {"extra-cell", "missing-cell", "blank-row"}  # csvfile.read_rows reports a row's shape, once
FORMATS = {
    "date": "YYYY-MM-DD, e.g. 2024-11-05",
    "number": "digits with at most one decimal point and no thousands separator (8000, not 8,000)",
    "integer": "a whole number in digits",
}
DESCRIPTOR = declare("schema.descriptor", "datapackage.json breaks the Data Package standard")
FILE = declare("schema.file", "a data file frictionless cannot read")
HEADER = declare("schema.header", "a header that differs from the schema's fields")
TYPE = declare("schema.type", "a cell that is not of its field's type")
UNIQUE = declare("schema.unique", "a value that must be unique appears twice")
KEY = declare("schema.foreign_key", "a value not found in the table its foreign key references")
OTHER = declare("schema.other", "any other schema error")
CONSTRAINTS = {
    name: declare(f"schema.{name}", f"a cell that breaks its field's {name} constraint")
    for name in ("required", "enum", "pattern", "minimum", "maximum")
}


class Offline:
    """An http session for frictionless that refuses every request: validation does no network I/O."""

    def request(self, *args, **kwargs):
        raise ConnectionRefusedError("validation does no network I/O")

    get = post = request


# A folder where frictionless' findings are kept by the content they judged (the vetted descriptor and the bytes of
# every file it names). Set only by scripts/mutation.py, whose every mutant of the project's own rules re-validates
# the same test copies: frictionless' findings on them cannot change, so they are computed once. Unset for users.
MEMO_FOLDER = "DPRK_KURSK_FRICTIONLESS_MEMO"


def content_key(descriptor: dict, base: Path) -> str:
    """A digest of everything frictionless reads: the descriptor and each named file's bytes (or its absence)."""
    digest = hashlib.sha256(json.dumps(descriptor, sort_keys=True, default=str).encode())
    for resource in descriptor.get("resources", []):
        file = base / str(resource.get("path", ""))
        digest.update(str(resource.get("path", "")).encode() + b"\0")
        digest.update(hashlib.sha256(file.read_bytes()).digest() if file.is_file() else b"absent")
    return digest.hexdigest()


def frictionless_problems(descriptor: dict, base: Path):
    """frictionless' findings (see frictionless_findings), from the memo folder when MEMO_FOLDER names one."""
    folder = os.environ.get(MEMO_FOLDER)
    if not folder:
        return frictionless_findings(descriptor, base)
    kept = Path(folder) / f"{content_key(descriptor, base)}.json"
    if kept.is_file():
        return [Problem(*fields) for fields in json.loads(kept.read_text(encoding="utf-8"))]
    problems = frictionless_findings(descriptor, base)
    kept.write_text(json.dumps([dataclasses.astuple(p) for p in problems]), encoding="utf-8")
    return problems


def frictionless_findings(descriptor: dict, base: Path):
    """Schema, type, constraint and key errors as frictionless finds them, one Problem each.

    `descriptor` is the vetted copy Intake leaves: only package files, schemas and dialects inline. Its warnings
    are silenced: they would print raw lines to stderr. frictionless is imported here, so that a package refused
    before this point is refused in a blink."""
    import frictionless

    try:
        with frictionless.system.use_context(trusted=False, http_session=Offline()), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            report = frictionless.Package(descriptor, basepath=str(base)).validate()
    except frictionless.FrictionlessException as error:
        return [
            Problem(
                "datapackage.json",
                1,
                "",
                f"descriptor rejected: {error.error.note or error.error.title}",
                "",
                DESCRIPTOR,
            )
        ]
    fields = {
        r.get("path"): {f.get("name"): f for f in r["schema"].get("fields", []) if isinstance(f, dict)}
        for r in descriptor.get("resources", [])
        if isinstance(r.get("schema"), dict)
    }
    problems = [Problem("datapackage.json", 1, "", error.message, "", DESCRIPTOR) for error in report.errors]
    for task in report.tasks:
        problems += filter(None, (translate(error, task.place, fields.get(task.place, {})) for error in task.errors))
    return problems


def allowed(values, cell) -> str:
    """The allowed values in full, the nearest one first when the cell looks like a misspelling of it. A stranger's
    enum or cell may be huge: only the first NEAR_VALUES values are compared, a cell of at most NEAR_CHARS, and
    the list stops once the message is full (MESSAGE_CHARS)."""
    names = [str(v) for v in values[:NEAR_VALUES]]
    near = difflib.get_close_matches(str(cell), names, n=1, cutoff=0.6) if len(str(cell)) <= NEAR_CHARS else []
    hint = f"did you mean {near[0]}? " if near else ""
    listed, length = [], 0
    for name in names:
        length += len(name) + 2
        if length > MESSAGE_CHARS:
            listed.append("…")
            break
        listed.append(name)
    return f"not one of the allowed values: {hint}allowed are {', '.join(listed)}"


def constraint_problem(note: str, field: dict, cell) -> tuple:
    """(code, plain words) for frictionless' 'constraint "X" is "Y"' note."""
    found = re.match(r'constraint "([^"]+)" is "(.*)"$', note or "")
    if not found:
        return OTHER, note or "breaks a constraint"
    name, rule = found.groups()
    enum = field.get("constraints", {}).get("enum") if isinstance(field.get("constraints"), dict) else None
    return CONSTRAINTS.get(name, OTHER), {
        "required": "required but empty",
        "enum": allowed(enum, cell) if isinstance(enum, list) else f"not one of the allowed values {rule}",
        "pattern": f"does not match the pattern {rule}",
        "minimum": f"below the minimum {rule}",
        "maximum": f"above the maximum {rule}",
    }.get(name, f"breaks the {name} constraint {rule}")


def label_problem(error, shown: str, column: str) -> Problem:
    label = getattr(error, "label", "") or ""
    message = f"header: {error.title.lower()} ({error.note})" if error.note else f"header: {error.title.lower()}"
    return Problem(shown, 1, column, message, label if label != column else "", HEADER)


def type_problem(error, shown: str, row, column: str, field: dict, cell) -> Problem:
    kind = field.get("type") or error.note.split("is ")[-1].strip('"').split("/")[0]
    return Problem(shown, row, column, f"not a valid {kind}: expected {FORMATS.get(kind, 'a ' + kind)}", cell, TYPE)


def translate(error, shown: str, fields: dict):
    """One frictionless error as a Problem; None for an error another check already reports."""
    kind, row = error.type, getattr(error, "row_number", None)
    column = getattr(error, "field_name", "") or getattr(error, "label", "") or ""
    cell = getattr(error, "cell", "")
    cell = "" if cell in (None, "None") else cell
    if kind in FILE_LEVEL:
        return Problem(shown, 1, "", error.note or error.title, "", FILE)
    if kind in LABEL_ERRORS:
        return label_problem(error, shown, column)
    if kind in SHAPE_ERRORS or kind == "primary-key":
        return None  # a row's shape is csvfile's; a primary key is also unique, reported as such
    if kind == "type-error":
        return type_problem(error, shown, row, column, fields.get(column, {}), cell)
    if kind == "constraint-error":
        code, message = constraint_problem(error.note, fields.get(column, {}), cell)
        return Problem(shown, row, column, message, cell, code)
    if kind == "unique-error":
        first = re.search(r"position (\d+)", error.note or "")
        return Problem(
            shown, row, column, f"duplicate: same value as line {first.group(1) if first else '?'}", cell, UNIQUE
        )
    if kind == "foreign-key":
        found = re.search(r'for "([^"]+)": values "([^"]*)" not found in the lookup table "([^"]*)"', error.note or "")
        if found:
            return Problem(
                shown, row, found.group(1), f"no such id in {found.group(3) or 'this table'}", found.group(2), KEY
            )
        return Problem(shown, row, "", error.note, "", KEY)
    return Problem(shown, row or 1, column, error.note or error.title, cell, OTHER)
