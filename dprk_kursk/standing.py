"""The record as it stood on a day: which claims were known by then, and the range they span.

A claim stands on day D when it is active, was reported on or before D, and describes a dated time. Only
claims that count the same thing are compared: the same measure, the whole of the same group (no unit,
battle or wave), on the measure's own basis (a stock with stocks, a running total with running totals,
never an increment or a plan with either), in the places a question allows.
"""

import pandas as pd

from dprk_kursk.analysis import comparable


def bounds(rows: pd.DataFrame) -> pd.DataFrame:
    """Each claim's floor and ceiling as its wording implies; an open side ("at least", "up to") is its number."""
    floor = rows["low"].where(rows["low"].notna(), rows["value"])
    ceiling = rows["high"].where(rows["high"].notna(), rows["value"])
    return pd.DataFrame({"floor": floor, "ceiling": ceiling}, index=rows.index)


def standing_on(figures: pd.DataFrame, measure: str, day, places=None, max_age_days=None) -> pd.DataFrame:
    """Each claimant's latest comparable figure known by `day` (reported on or before it), one row each.

    With `max_age_days`, a claimant whose latest word is older than that no longer counts as standing.
    """
    day = pd.Timestamp(day)
    rows = comparable(figures, measure, places)
    rows = rows[rows["reported"] <= day]
    if max_age_days is not None:
        rows = rows[rows["reported"] > day - pd.Timedelta(days=max_age_days)]
    rows = rows.sort_values(["reported", "as_of", "figure_id"])
    latest = rows.groupby("claimant_id", sort=True).tail(1)
    return pd.concat([latest, bounds(latest)], axis=1).sort_values(["reported", "figure_id"])


def envelope(figures: pd.DataFrame, measure: str, days, places=None, max_age_days=None) -> pd.DataFrame:
    """Per day: how many claims stood, the lowest floor and highest ceiling among them, and whose they were."""
    rows = []
    for day in days:
        standing = standing_on(figures, measure, day, places, max_age_days)
        if standing.empty:
            rows.append({"day": pd.Timestamp(day), "claims": 0})
            continue
        low, high = standing.loc[standing["floor"].idxmin()], standing.loc[standing["ceiling"].idxmax()]
        rows.append(
            {
                "day": pd.Timestamp(day),
                "claims": len(standing),
                "lowest": low["floor"],
                "lowest_by": low["claimant_id"],
                "highest": high["ceiling"],
                "highest_by": high["claimant_id"],
            }
        )
    return pd.DataFrame(rows).set_index("day")
