"""Validate a copy of the package: its files, frictionless' schema checks, then the project's own rules.

`validate(path)` returns every Problem found, in file and row order; it only reads, never writes, and the
package may be a stranger's: dprk_kursk.untrusted vets every file before it is read (see its limits).
"""

import multiprocessing
import signal
from concurrent.futures import ProcessPoolExecutor

from dprk_kursk.csvfile import BLANK, QUOTE, ROW_LENGTH, read_rows
from dprk_kursk.paths import descriptor_path
from dprk_kursk.problems import Problem, shown
from dprk_kursk.rules import check, declare
from dprk_kursk.schema import frictionless_problems
from dprk_kursk.untrusted import MAX_FILE_BYTES, Intake

FAILED = declare("validation.failed", "validation itself broke (an unexpected error, or past the time limit)")


class Validation:
    """The outcome: problems, plus how many rows were read per table; `failed` when validation itself broke."""

    def __init__(self, problems, row_counts, failed=False):
        self.problems = sorted(
            set(problems), key=lambda p: (p.file != "datapackage.json", p.file, p.line, p.column, p.message)
        )
        self.row_counts = row_counts
        self.failed = failed

    @classmethod
    def failure(cls, file: str, error: Exception) -> "Validation":
        """An unexpected error, as one line naming the file being validated."""
        return cls(
            [Problem(file, 1, "", f"could not validate: {type(error).__name__}: {error}", "", FAILED)], {}, failed=True
        )

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
        verdict = (
            "could not validate"
            if self.failed
            else "valid"
            if self.ok
            else f"{len(self.problems)} problem(s) in {files} file(s)"
        )
        return f"{len(self.row_counts)} tables, {rows} rows checked: {verdict}"

    def as_dict(self) -> dict:
        """The outcome as `--json` prints it: table names and problems shown as the printed lines show them."""
        return {
            "valid": self.ok,
            "summary": self.summary(),
            "rows": {shown(name): n for name, n in self.row_counts.items()},
            "problems": [{**p.as_dict(), "code": p.code} for p in self.problems],
        }


def schema_fields(resource: dict) -> list:
    """The named fields of the resource's inline schema, whatever shape a stranger gave it."""
    fields = resource.get("schema", {}).get("fields") if isinstance(resource.get("schema"), dict) else None
    return (
        [f for f in fields if isinstance(f, dict) and isinstance(f.get("name"), str)]
        if isinstance(fields, list)
        else []
    )


def well_formed_keys(resource: dict) -> bool:
    """True when every foreign key of `resource` has the shape the project's own check reads.

    Those keys are checked by the rule references.id (a set lookup per cell) instead of frictionless, whose
    lookup re-opens every referenced table and doubles the validation time; malformed keys stay in the
    descriptor so that frictionless reports them.
    """
    keys = resource.get("schema", {}).get("foreignKeys") if isinstance(resource.get("schema"), dict) else None

    def names(value):
        return isinstance(value, list) and all(isinstance(name, str) for name in value)

    def ok(key):
        reference = key.get("reference") if isinstance(key, dict) else None
        return (
            isinstance(reference, dict)
            and names(key.get("fields"))
            and names(reference.get("fields"))
            and isinstance(reference.get("resource", ""), str)
            and len(key["fields"]) == len(reference["fields"]) > 0
        )

    return isinstance(keys, list) and all(ok(k) for k in keys)


PARALLEL_ABOVE_BYTES = 2_000_000  # below this, a second process costs more than it saves


def quiet(problem, reads) -> bool:
    """True for a problem that only repeats a wrong row shape reported at its line, or lies past a run-on quote."""
    read = reads.get(problem.file)
    if read is None or problem.code in (ROW_LENGTH, BLANK, QUOTE):
        return False
    return problem.line in read.misfits or bool(read.cut) and problem.line >= read.cut


def read_tables(intake, descriptor):
    """Read every vetted resource once: (tables for the rules, the Read of each file, the descriptor frictionless
    checks, fields, foreign keys, bytes read)."""
    checked = {**intake.standards(descriptor, "package", ""), "resources": []}
    listed = descriptor.get("resources") if isinstance(descriptor.get("resources"), list) else []
    fields = {
        str(r.get("name", "")): None if isinstance(r.get("schema"), str) else schema_fields(r)
        for r in listed
        if isinstance(r, dict)
    }
    tables, paths, reads, foreign_keys, size = {}, {}, {}, {}, 0
    for resource, real, _ in intake.resources(descriptor):
        raw = intake.read(real, resource["path"], MAX_FILE_BYTES)
        if raw is None:
            continue
        read = read_rows(resource["path"], raw)
        if resource.get("dialect"):
            read = read._replace(
                problems=[p for p in read.problems if p.code not in (ROW_LENGTH, BLANK, QUOTE)], misfits=set(), cut=0
            )
        intake.problems.extend(read.problems)
        if read.header is None:
            continue
        name = str(resource.get("name", ""))
        checked["resources"].append(resource)
        paths[name], fields[name], reads[resource["path"]] = resource["path"], schema_fields(resource), read
        size += len(raw)
        if well_formed_keys(resource):
            foreign_keys[name] = resource["schema"].pop("foreignKeys")
        if read.header == [field["name"] for field in fields[name]]:
            tables[name] = read.rows
    return tables, paths, reads, checked, fields, foreign_keys, size


def validate(path=None, today=None, parallel_above=PARALLEL_ABOVE_BYTES) -> Validation:
    """Validate the package at `path` (datapackage.json or its folder; the repository's by default).

    Intake vets and reads every file once; frictionless gets a copy of the descriptor that names only the files
    read as CSV within the limits. frictionless and the project's own rules then check them independently; for
    packages larger than `parallel_above` bytes (where fork is available) frictionless runs in a second process
    meanwhile. A problem that only repeats a row's wrong shape is dropped: one broken row, one problem.
    """
    descriptor_file = descriptor_path(path)
    intake = Intake(descriptor_file)
    descriptor = intake.descriptor()
    if descriptor is None:
        return Validation(intake.problems, {})
    tables, paths, reads, checked, fields, foreign_keys, size = read_tables(intake, descriptor)
    pool = None
    if "fork" in multiprocessing.get_all_start_methods() and size > parallel_above:
        left = signal.getitimer(signal.ITIMER_REAL)[0]  # a time limit running here (time_limit) holds there too
        pool = ProcessPoolExecutor(
            max_workers=1,
            mp_context=multiprocessing.get_context("fork"),
            initializer=signal.setitimer,
            initargs=(signal.ITIMER_REAL, left),
        )
        pending = pool.submit(frictionless_problems, checked, descriptor_file.parent)
    try:
        partial = {name for name, path in paths.items() if reads[path].cut}
        problems = intake.problems + check(tables, paths, fields, foreign_keys, today=today, partial=partial)
        problems += pending.result() if pool else frictionless_problems(checked, descriptor_file.parent)
    finally:
        if pool:
            pool.shutdown()
    shown_problems = [p for p in problems if not quiet(p, reads)]
    return Validation(shown_problems, {name: len(rows) for name, rows in tables.items()})
