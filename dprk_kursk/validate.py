"""Validate a copy of the package: its files, frictionless' schema checks, then the project's own rules.

`validate(path)` returns every Problem found, in file and row order; it only reads, never writes, and the
package may be a stranger's: dprk_kursk.untrusted vets every file before it is read (see its limits).
"""
import csv
import io
import multiprocessing
import re
import signal
import warnings
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from dprk_kursk.paths import descriptor_path
from dprk_kursk.problems import Problem, shown
from dprk_kursk.rules import LINE, Checker
from dprk_kursk.untrusted import MAX_CELL_CHARS, MAX_FILE_BYTES, MAX_ROW_CELLS, Intake

FILE_LEVEL = {"scheme-error", "format-error", "encoding-error", "source-error", "hashing-error", "byte-count", "resource-error"}
LABEL_ERRORS = {"incorrect-label", "extra-label", "missing-label", "duplicate-label", "blank-label", "blank-header"}


class Validation:
    """The outcome: problems, plus how many rows were read per table; `failed` when validation itself broke."""

    def __init__(self, problems, row_counts, failed=False):
        self.problems = sorted(set(problems), key=lambda p: (p.file != "datapackage.json", p.file, p.line, p.column, p.message))
        self.row_counts = row_counts
        self.failed = failed

    @classmethod
    def failure(cls, file: str, error: Exception) -> "Validation":
        """An unexpected error, as one line naming the file being validated."""
        return cls([Problem(file, 1, "", f"could not validate: {type(error).__name__}: {error}")], {}, failed=True)

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def status(self) -> int:
        """The exit status: 0 valid, 1 problems found, 2 could not validate."""
        return 2 if self.failed else 0 if self.ok else 1

    def summary(self) -> str:
        rows = sum(self.row_counts.values())
        files = len({p.file for p in self.problems})
        verdict = ("could not validate" if self.failed else "valid" if self.ok
                   else f"{len(self.problems)} problem(s) in {files} file(s)")
        return f"{len(self.row_counts)} tables, {rows} rows checked: {verdict}"

    def as_dict(self) -> dict:
        """The outcome as `--json` prints it: table names and problems shown as the printed lines show them."""
        return {"valid": self.ok, "summary": self.summary(), "rows": {shown(name): n for name, n in self.row_counts.items()},
                "problems": [p.as_dict() for p in self.problems]}


def read_table(file: str, raw: bytes):
    """(header, rows, problems) of one CSV: rows as strings with spreadsheet line numbers. Header and rows are
    None when the bytes cannot be read as CSV within the limits: such a file is checked no further."""
    problems = []
    if raw.startswith(b"\xef\xbb\xbf"):
        problems.append(Problem(file, 1, "", "file starts with a byte-order mark (save as UTF-8 without BOM)"))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, None, problems + [Problem(file, line, "", f"not UTF-8: byte {raw[error.start]:#04x} at offset {error.start}")]
    reader = csv.reader(io.StringIO(text, newline=""))
    header, rows = None, []
    previous = csv.field_size_limit(MAX_CELL_CHARS)
    try:
        for number, cells in enumerate(reader, start=1):
            if len(cells) > MAX_ROW_CELLS:
                return None, None, problems + [Problem(file, number, "", f"row of {len(cells):,} cells, over the limit "
                                                      f"of {MAX_ROW_CELLS}; the file is checked no further")]
            if header is None:
                header = cells
                continue
            row = {name: (cells[i] if i < len(cells) else "") for i, name in enumerate(header)}
            row[LINE] = number
            rows.append(row)
    except csv.Error as error:
        reason = f"a cell over the limit of {MAX_CELL_CHARS:,} characters" if "field limit" in str(error) else f"not CSV ({error})"
        return None, None, problems + [Problem(file, len(rows) + 1 + (header is not None), "", f"{reason}; the file is checked no further")]
    finally:
        csv.field_size_limit(previous)
    return header or [], rows, problems


def schema_fields(resource: dict) -> list:
    """The named fields of the resource's inline schema, whatever shape a stranger gave it."""
    fields = resource.get("schema", {}).get("fields") if isinstance(resource.get("schema"), dict) else None
    return [f for f in fields if isinstance(f, dict) and isinstance(f.get("name"), str)] if isinstance(fields, list) else []


def well_formed_keys(resource: dict) -> bool:
    """True when every foreign key of `resource` has the shape the project's own check reads.

    Those keys are checked by Checker.references (a set lookup per cell) instead of frictionless, whose
    lookup re-opens every referenced table and doubles the validation time; malformed keys stay in the
    descriptor so that frictionless reports them.
    """
    keys = resource.get("schema", {}).get("foreignKeys") if isinstance(resource.get("schema"), dict) else None
    def names(value):
        return isinstance(value, list) and all(isinstance(name, str) for name in value)
    def ok(key):
        reference = key.get("reference") if isinstance(key, dict) else None
        return (isinstance(reference, dict) and names(key.get("fields")) and names(reference.get("fields"))
                and isinstance(reference.get("resource", ""), str) and len(key["fields"]) == len(reference["fields"]) > 0)
    return isinstance(keys, list) and all(ok(k) for k in keys)


class Offline:
    """An http session for frictionless that refuses every request: validation does no network I/O."""

    def request(self, *args, **kwargs):
        raise ConnectionRefusedError("validation does no network I/O")

    get = post = request


def frictionless_problems(descriptor: dict, base: Path):
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
        label = getattr(error, "label", "") or ""
        message = f"header: {error.title.lower()} ({error.note})" if error.note else f"header: {error.title.lower()}"
        return Problem(shown, 1, column, message, label if label != column else "")
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


def validate(path=None, today=None, parallel_above=PARALLEL_ABOVE_BYTES) -> Validation:
    """Validate the package at `path` (datapackage.json or its folder; the repository's by default).

    Intake vets and reads every file once; frictionless gets a copy of the descriptor that names only the files
    read as CSV within the limits. frictionless and the project's own rules then check them independently; for
    packages larger than `parallel_above` bytes (where fork is available) frictionless runs in a second process
    meanwhile.
    """
    descriptor_file = descriptor_path(path)
    intake = Intake(descriptor_file)
    descriptor = intake.descriptor()
    if descriptor is None:
        return Validation(intake.problems, {})
    checked = {**intake.standards(descriptor, "package", ""), "resources": []}
    listed = descriptor.get("resources") if isinstance(descriptor.get("resources"), list) else []
    fields = {str(r.get("name", "")): None if isinstance(r.get("schema"), str) else schema_fields(r)
              for r in listed if isinstance(r, dict)}
    tables, paths, foreign_keys, size = {}, {}, {}, 0
    for resource, real, _ in intake.resources(descriptor):
        raw = intake.read(real, resource["path"], MAX_FILE_BYTES)
        header, rows, found = read_table(resource["path"], raw) if raw is not None else (None, None, [])
        intake.problems.extend(found)
        if header is None:
            continue
        name = str(resource.get("name", ""))
        checked["resources"].append(resource)
        paths[name], fields[name], size = resource["path"], schema_fields(resource), size + len(raw)
        if well_formed_keys(resource):
            foreign_keys[name] = resource["schema"].pop("foreignKeys")
        if header == [field["name"] for field in fields[name]]:
            tables[name] = rows
    pool = None
    if "fork" in multiprocessing.get_all_start_methods() and size > parallel_above:
        left = signal.getitimer(signal.ITIMER_REAL)[0]  # a time limit running here (time_limit) holds there too
        pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork"),
                                   initializer=signal.setitimer, initargs=(signal.ITIMER_REAL, left))
        pending = pool.submit(frictionless_problems, checked, descriptor_file.parent)
    try:
        problems = intake.problems + Checker(tables, paths, fields, foreign_keys, today=today).run()
        problems += pending.result() if pool else frictionless_problems(checked, descriptor_file.parent)
    finally:
        if pool:
            pool.shutdown()
    return Validation(problems, {name: len(rows) for name, rows in tables.items()})
