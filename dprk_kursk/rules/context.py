"""The raw tables a rule reads: `{resource: [row dict, ...]}`, every cell a string, each row carrying its
spreadsheet line number under LINE. Cells that frictionless already rejected (bad numbers or dates) read as
None here, so one mistake is reported once."""

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from dprk_kursk.descriptor import STANDS  # noqa: F401  (the rules read it from here)

LINE = "__line__"
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def as_number(text):
    try:
        return float(text) if text != "" else None
    except (TypeError, ValueError):
        return None


def as_date(text):
    try:
        return date.fromisoformat(text) if ISO_DATE.fullmatch(text or "") else None
    except ValueError:
        return None


@dataclass
class Tables:
    """One package's raw tables; `paths` maps resource name to its file as shown, `fields` to its schema fields."""

    tables: dict
    paths: dict
    fields: dict
    foreign_keys: dict = field(default_factory=dict)
    today: date = field(default_factory=date.today)
    partial: set = field(default_factory=set)  # tables read only up to a run-on quote: their later ids are unseen

    def rows(self, resource):
        return self.tables.get(resource, [])

    def rows_of(self, *resources):
        """(resource, row) for every row of the named tables, in turn."""
        return ((resource, row) for resource in resources for row in self.rows(resource))

    def text_columns(self, resource):
        return [f["name"] for f in self.fields.get(resource) or [] if f.get("type", "string") == "string"]

    @cached_property
    def published(self) -> dict:
        """Source id -> the day its page was published (None when unknown)."""
        return {r.get("source_id"): as_date(r.get("published", "")) for r in self.rows("sources")}

    @cached_property
    def figures(self) -> dict:
        """Figure id -> its row."""
        return {r.get("figure_id"): r for r in self.rows("figures")}
