"""Whatever a stranger writes in a cell, the rules report problems and never raise: a crash would hide every other
problem of the file and name no row. Property-based (Hypothesis, derandomised) over a few rows of each table."""

import copy

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rules_kit import found, sample

from dprk_kursk.rules import LINE

# Cells that have broken parsers elsewhere: an unclosed IPv6 bracket, ports out of range, impossible dates,
# numbers too large for a float, separators alone, control and bidi characters, other scripts' digits.
AWKWARD = [
    "http://[oops/x",
    "https://[::1/x",
    "//[",
    "http://a.b:99999999/x",
    "http://user@:/",
    "://",
    "1e999",
    "-0",
    "NaN",
    "9" * 400,
    "2024-02-30",
    "0000-01-01",
    "9999-12-31",
    ";",
    " ; ;",
    "\x00",
    "\u202e",
    "１２３",
    "٣",
]
CELLS = st.one_of(st.sampled_from(AWKWARD), st.text(max_size=30))


def small_tables(rows=4):
    tables = sample()[0]
    return {resource: table[:rows] for resource, table in tables.items()}


@pytest.mark.parametrize("text", AWKWARD, ids=lambda text: repr(text[:16]))
def test_an_awkward_text_in_any_cell_is_reported_not_raised(text):
    """The text in every column of every table at once, each column on a row of its own."""
    tables = copy.deepcopy(small_tables(rows=40))
    for rows in tables.values():
        for row, column in zip(rows, [c for c in rows[0] if c != LINE]):
            row[column] = text
    assert all(p.file and p.line >= 1 for p in found(tables))


@st.composite
def edits(draw):
    """Up to four (table, row index, column, new text) edits of the small tables."""
    tables = small_tables()
    chosen = []
    for _ in range(draw(st.integers(1, 4))):
        resource = draw(st.sampled_from(sorted(tables)))
        index = draw(st.integers(0, len(tables[resource]) - 1))
        column = draw(st.sampled_from(sorted(c for c in tables[resource][index] if c != LINE)))
        chosen.append((resource, index, column, draw(CELLS)))
    return chosen


@settings(max_examples=30, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edits())
def test_no_cell_makes_the_rules_raise(changes):
    tables = copy.deepcopy(small_tables())
    for resource, index, column, text in changes:
        tables[resource][index][column] = text
    assert all(p.file and p.line >= 1 for p in found(tables))


def test_an_unsplittable_url_is_reported_as_malformed_not_raised():
    tables = copy.deepcopy(small_tables())
    source = tables["sources"][1]
    source["url"], source["relays"] = "http://[oops/kursk", "CNN"
    assert (source[LINE], "url", "sources.url") in {(p.line, p.column, p.code) for p in found(tables)}
