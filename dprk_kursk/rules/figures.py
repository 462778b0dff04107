"""Rules on what a figure counts: its measure's unit, group and basis (from the measure table), scope and part,
dating, and the same claim entered twice."""

from dprk_kursk.measures import MEASURES
from dprk_kursk.rules.context import LINE, STANDS, as_date
from dprk_kursk.rules.registry import Finding, rule

NEAR_DAYS = 2  # one statement relayed by outlets on different days is still one claim
SAME_CLAIM = ("claimant_id", "measure", "counted", "scope", "basis", "place_id", "value", "low", "high")


def measured(tables):
    """(row, Measure) for each figure whose measure is in the measure table."""
    for row in tables.rows("figures"):
        if row.get("measure") in MEASURES:
            yield row, MEASURES[row["measure"]]


@rule("figures.unit")
def unit(tables):
    """The unit is not the one the measure is counted in."""
    for row, measure in measured(tables):
        if row.get("unit") and row["unit"] != measure.unit:
            yield Finding("figures", row, "unit", f"measure {measure.name} is counted in {measure.unit}", row["unit"])


@rule("figures.counted")
def counted(tables):
    """The counted group is not one the measure may count."""
    for row, measure in measured(tables):
        if row.get("counted") and row["counted"] not in measure.groups:
            yield Finding(
                "figures",
                row,
                "counted",
                f"measure {measure.name} counts {' or '.join(sorted(measure.groups))}",
                row["counted"],
            )


@rule("figures.basis")
def basis(tables):
    """The basis is not one the measure may take (a running total is never a stock; only a plan is a plan)."""
    for row, measure in measured(tables):
        if row.get("basis") and row["basis"] not in measure.bases:
            yield Finding(
                "figures",
                row,
                "basis",
                f"measure {measure.name} cannot be a {row['basis']}: it is a {' or '.join(sorted(measure.bases))}",
                row["basis"],
            )


@rule("figures.part_missing")
def part_missing(tables):
    """Scope part with no part named."""
    for row in tables.rows("figures"):
        if row.get("scope") == "part" and not row.get("part"):
            yield Finding("figures", row, "part", "scope part needs part to name the part counted", "")


@rule("figures.part_extra")
def part_extra(tables):
    """Scope whole with a part named."""
    for row in tables.rows("figures"):
        if row.get("scope") == "whole" and row.get("part"):
            yield Finding("figures", row, "part", "scope whole takes no part", row["part"])


@rule("figures.undated_with_date")
def undated_with_date(tables):
    """Precision undated with an as_of or period_start."""
    for row in tables.rows("figures"):
        dated = row.get("as_of") or row.get("period_start")
        if row.get("as_of_precision") == "undated" and dated:
            yield Finding("figures", row, "as_of_precision", "undated takes no as_of or period_start", dated)


@rule("figures.as_of_missing")
def as_of_missing(tables):
    """A precision other than undated with no as_of."""
    for row in tables.rows("figures"):
        precision = row.get("as_of_precision")
        if precision and precision != "undated" and not row.get("as_of"):
            yield Finding("figures", row, "as_of", f"precision {precision} needs as_of set", "")


@rule("figures.period_basis")
def period_basis(tables):
    """A period_start on a figure that is not an increment."""
    for row in tables.rows("figures"):
        if row.get("period_start") and row.get("basis") != "increment":
            yield Finding(
                "figures",
                row,
                "period_start",
                f"only an increment has a period (basis {row.get('basis')})",
                row["period_start"],
            )


@rule("figures.period_order")
def period_order(tables):
    """A period_start after the period's end (as_of)."""
    for row in tables.rows("figures"):
        first, last = as_date(row.get("period_start")), as_date(row.get("as_of"))
        if first and last and first > last:
            yield Finding("figures", row, "period_start", f"after the period's end, as_of ({last})", first)


@rule("figures.as_of_after_reported")
def as_of_after_reported(tables):
    """A figure describing a day after the day it was reported."""
    for row in tables.rows("figures"):
        reported, as_of = as_date(row.get("reported")), as_date(row.get("as_of"))
        if reported and as_of and as_of > reported:
            yield Finding("figures", row, "as_of", f"after the day it was reported ({reported})", as_of)


@rule("figures.reported_after_source", "sources")
def reported_after_source(tables):
    """A figure reported after its source page was published."""
    for row in tables.rows("figures"):
        reported, source_day = as_date(row.get("reported")), tables.published.get(row.get("source_id"))
        if reported and source_day and reported > source_day:
            yield Finding("figures", row, "reported", f"after its source was published ({source_day})", reported)


@rule("figures.duplicate")
def duplicate(tables):
    """The same claim twice: same claimant, measure, group, scope, basis, place and number within NEAR_DAYS days."""
    seen = {}  # (claim, day number) -> the first line with that claim on that day
    for row in tables.rows("figures"):
        day = as_date(row.get("reported"))
        if row.get("status") != STANDS or day is None:
            continue
        key, number = tuple(row.get(c, "") for c in SAME_CLAIM), day.toordinal()
        twin = min(
            (seen[key, near] for near in range(number - NEAR_DAYS, number + NEAR_DAYS + 1) if (key, near) in seen),
            default=None,
        )
        if twin:
            yield Finding(
                "figures",
                row,
                "figure_id",
                "same claim (claimant, measure, group, scope, basis, place, "
                f"number) as line {twin}, reported within {NEAR_DAYS} days",
                row.get("figure_id"),
            )
        seen.setdefault((key, number), row[LINE])
