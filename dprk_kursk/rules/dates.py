"""Rules on dates shared by several tables: inside the project's window, stored as their precision says."""

from datetime import date

from dprk_kursk.rules.context import as_date
from dprk_kursk.rules.registry import Finding, rule

WINDOW_START = date(2024, 6, 1)
# (table, date column, the column giving its precision or None for day)
DATED = [
    ("figures", "reported", None),
    ("figures", "as_of", "as_of_precision"),
    ("events", "date", "date_precision"),
    ("sources", "published", None),
]
STORED = [
    ("figures", "as_of", "as_of_precision"),
    ("figures", "period_start", "as_of_precision"),
    ("events", "date", "date_precision"),
]


def period_end(day, precision):
    """The last day of the period (day, month or year) a stored date stands for (28th for a month: any month has one)."""
    return {"year": date(day.year, 12, 31), "month": date(day.year, day.month, 28)}.get(precision, day)


@rule("dates.window")
def window(tables):
    """A date whose period misses the project's window (1 June 2024 to today)."""
    for resource, column, precision_column in DATED:
        for row in tables.rows(resource):
            day = as_date(row.get(column))
            precision = row.get(precision_column, "day") if precision_column else "day"
            if day and not (period_end(day, precision) >= WINDOW_START and day <= tables.today):
                yield Finding(
                    resource, row, column, f"outside the project's window {WINDOW_START} to {tables.today}", row[column]
                )


@rule("dates.precision")
def stored_at_precision(tables):
    """A date of precision month or year not stored on the period's first day."""
    for resource, column, precision_column in STORED:
        for row in tables.rows(resource):
            day, precision = as_date(row.get(column)), row.get(precision_column)
            if day and precision == "month" and day.day != 1:
                yield Finding(
                    resource, row, column, "precision month is stored on the month's first day (YYYY-MM-01)", day
                )
            if day and precision == "year" and (day.month, day.day) != (1, 1):
                yield Finding(resource, row, column, "precision year is stored on 1 January (YYYY-01-01)", day)
