"""The validator's own rules on tables held in memory: the valid sample read once, as the validator reads it, then
changed row by row in a copy and checked by `dprk_kursk.rules.check` alone (no files, no frictionless), so a case
costs milliseconds. tests/test_corruption.py runs the whole validator on files; this is for many small cases."""

import copy
import functools
import tempfile
from pathlib import Path

from dprk_kursk.paths import descriptor_path
from dprk_kursk.rules import LINE, check
from dprk_kursk.synthetic import write_sample
from dprk_kursk.untrusted import Intake
from dprk_kursk.validate import read_tables


@functools.lru_cache(maxsize=1)
def sample():
    """(tables, paths, fields, foreign keys) of the valid sample, as the validator reads them before its rules."""
    root = write_sample(Path(tempfile.mkdtemp(prefix="rules-kit-")))
    intake = Intake(descriptor_path(root))
    tables, paths, _, _, fields, foreign_keys, _ = read_tables(intake, intake.descriptor())
    return tables, paths, fields, foreign_keys


def tables():
    """A fresh copy of the sample's raw tables, {resource: [row dict, ...]}, to change."""
    return copy.deepcopy(sample()[0])


def found(changed, today=None, partial=()) -> list:
    """The rules' Problems (with their messages) on `changed` (tables from `tables()`, changed)."""
    _, paths, fields, foreign_keys = sample()
    return check(changed, paths, fields, copy.deepcopy(foreign_keys), today=today, partial=partial)


def problems(changed, today=None, partial=()) -> list:
    """The rules' problems on `changed`, as (file, line, column, code)."""
    return [(p.file, p.line, p.column, p.code) for p in found(changed, today, partial)]


def append(changed, resource, **cells) -> dict:
    """Add a row to `resource`: a copy of its last row with `cells` changed, on the next line; returns it."""
    rows = changed[resource]
    row = dict(rows[-1]) | cells | {LINE: rows[-1][LINE] + 1}
    rows.append(row)
    return row


def row(changed, resource, key, value) -> dict:
    """The row of `resource` whose column `key` holds `value` (to change in place)."""
    return next(r for r in changed[resource] if r.get(key) == value)


def event_row(event_id, day, summary, category="combat", place="kursk-oblast", source="S0001", claimant="") -> dict:
    """A whole events row, active and dated to the day (the corruption suite appends it to a file, the rules' tests
    to tables in memory)."""
    return {
        "event_id": event_id,
        "date": day,
        "date_precision": "day",
        "end_date": "",
        "category": category,
        "place_id": place,
        "also_place_id": "",
        "summary": summary,
        "claimant_id": claimant,
        "source_id": source,
        "date_source_id": "",
        "status": "active",
        "superseded_by": "",
    }
