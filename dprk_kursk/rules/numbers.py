"""Rules on the number a figure or citation states: its bounds agree with its qualifier and its wording."""

import math

from dprk_kursk.rules.context import as_number
from dprk_kursk.rules.registry import Finding, rule
from dprk_kursk.stated import read_stated

LOW_SET = {"at_least", "more_than"}
HIGH_SET = {"up_to", "less_than"}


def numbered(tables):
    """(resource, row, qualifier, value, low, high) for each figure and citation with a finite value and bounds."""
    for resource, row in tables.rows_of("figures", "citations"):
        value, low, high = (as_number(row.get(c, "")) for c in ("value", "low", "high"))
        if value is not None and all(math.isfinite(n) for n in (value, low, high) if n is not None):
            yield resource, row, row.get("qualifier", ""), value, low, high


def wanted_sides(qualifier):
    """(low wanted, high wanted) for a qualifier."""
    return qualifier in LOW_SET or qualifier == "range", qualifier in HIGH_SET or qualifier == "range"


@rule("numbers.bound_missing")
def bound_missing(tables):
    """A qualifier that needs a bound (at_least, up_to, range...) has none."""
    for resource, row, qualifier, _, low, high in numbered(tables):
        for column, bound, wanted in zip(("low", "high"), (low, high), wanted_sides(qualifier)):
            if wanted and bound is None:
                yield Finding(resource, row, column, f"qualifier {qualifier} needs {column} set", "")


@rule("numbers.bound_extra")
def bound_extra(tables):
    """A bound on a side the qualifier leaves open (exact with a high, at_least with a high...)."""
    for resource, row, qualifier, _, low, high in numbered(tables):
        for column, bound, wanted in zip(("low", "high"), (low, high), wanted_sides(qualifier)):
            if qualifier and not wanted and bound is not None:
                yield Finding(resource, row, column, f"qualifier {qualifier} takes no {column} bound", f"{bound:g}")


@rule("numbers.bound_not_value")
def bound_not_value(tables):
    """An open-ended qualifier's bound differs from the value (at_least 500 has low 500)."""
    for resource, row, qualifier, value, low, high in numbered(tables):
        if qualifier in LOW_SET and low is not None and low != value:
            yield Finding(resource, row, "low", f"qualifier {qualifier} needs low equal to value {value:g}", f"{low:g}")
        if qualifier in HIGH_SET and high is not None and high != value:
            yield Finding(
                resource, row, "high", f"qualifier {qualifier} needs high equal to value {value:g}", f"{high:g}"
            )


@rule("numbers.range_order")
def range_order(tables):
    """A range whose low is not below its high."""
    for resource, row, qualifier, _, low, high in numbered(tables):
        if qualifier == "range" and low is not None and high is not None and not low < high:
            yield Finding(resource, row, "low", f"range needs low below high {high:g}", f"{low:g}")


@rule("numbers.outside_range")
def outside_range(tables):
    """A range's value outside its low and high."""
    for resource, row, qualifier, value, low, high in numbered(tables):
        if qualifier == "range" and low is not None and high is not None and low < high and not low <= value <= high:
            yield Finding(resource, row, "value", f"value outside its range {low:g} to {high:g}", f"{value:g}")


def phrased(tables):
    """(resource, row, qualifier, numbers the wording states, numbers the row states) for each worded number."""
    for resource, row, qualifier, value, low, high in numbered(tables):
        if row.get("stated_as"):
            said_qualifier, numbers = read_stated(row["stated_as"])
            yield resource, row, qualifier, said_qualifier, numbers, [low, high] if qualifier == "range" else [value]


@rule("stated.no_number")
def no_number(tables):
    """stated_as holds no number the phrase reader can read."""
    for resource, row, _, _, numbers, _ in phrased(tables):
        if not numbers:
            yield Finding(resource, row, "stated_as", "states no number", row["stated_as"])


@rule("stated.qualifier")
def stated_qualifier(tables):
    """The qualifier differs from the one stated_as reads as."""
    for resource, row, qualifier, said, numbers, _ in phrased(tables):
        if numbers and said != qualifier:
            yield Finding(
                resource, row, "qualifier", f"stated_as reads as {said}, row says {qualifier}", row["stated_as"]
            )


@rule("stated.number")
def stated_number(tables):
    """stated_as does not state the row's value (or its range's low and high)."""
    for resource, row, _, _, numbers, expected in phrased(tables):
        if numbers and None not in expected and numbers[: len(expected)] != expected:
            shown = " to ".join(f"{n:g}" for n in expected)
            yield Finding(resource, row, "stated_as", f"does not state the row's number {shown}", row["stated_as"])
