"""Rules on every text cell of every table: white space, hidden characters, formulas, words read as missing."""

import math
import re

from dprk_kursk.rules.context import as_number
from dprk_kursk.rules.registry import Finding, rule

CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
FORMULA_START = ("=", "+", "-", "@")
# Whole cells that pandas (its default na_values) and other CSV readers turn into a missing value.
MISSING_WORDS = {
    "#N/A",
    "#N/A N/A",
    "#NA",
    "-1.#IND",
    "-1.#QNAN",
    "-NaN",
    "-nan",
    "1.#IND",
    "1.#QNAN",
    "<NA>",
    "N/A",
    "NA",
    "NULL",
    "NaN",
    "None",
    "n/a",
    "nan",
    "null",
    "NONE",
    "none",
    "Null",
    "na",
    "NAN",
    "Nan",
}


def text_cells(tables):
    """(resource, row, column, cell) for every text cell of every table."""
    for resource, rows in tables.tables.items():
        columns = tables.text_columns(resource)
        for row in rows:
            for column in columns:
                yield resource, row, column, row.get(column) or ""


@rule("text.whitespace")
def whitespace(tables):
    """A text cell starts or ends with white space."""
    for resource, row, column, cell in text_cells(tables):
        if cell != cell.strip():
            yield Finding(resource, row, column, "leading or trailing white space", cell)


@rule("text.control")
def control(tables):
    """A text cell holds a control or invisible character."""
    for resource, row, column, cell in text_cells(tables):
        if CONTROL.search(cell):
            yield Finding(resource, row, column, "control or invisible character", cell)


@rule("text.formula")
def formula(tables):
    """A text cell a spreadsheet would run as a formula."""
    for resource, row, column, cell in text_cells(tables):
        if cell.startswith(FORMULA_START):
            yield Finding(
                resource, row, column, "starts with = + - or @: a spreadsheet would run it as a formula", cell
            )


@rule("text.missing_word")
def missing_word(tables):
    """A whole text cell that a CSV reader would read as a missing value (None, NA, N/A, null, NaN...)."""
    for resource, row, column, cell in text_cells(tables):
        if cell in MISSING_WORDS:
            yield Finding(
                resource,
                row,
                column,
                "a CSV reader (pandas, R) reads this as a missing value: leave the "
                "cell empty if nothing is known, or write the value out in words",
                cell,
            )


@rule("numbers.finite")
def finite(tables):
    """A value, low or high that is not a finite number (inf, nan)."""
    for resource, row in tables.rows_of("figures", "citations"):
        for column in ("value", "low", "high"):
            number = as_number(row.get(column, ""))
            if number is not None and not math.isfinite(number):
                yield Finding(resource, row, column, "not a finite number", row[column])
