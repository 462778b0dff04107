"""Summaries the notebooks print: by claimant, by month, by relay. Pure functions of the loaded tables."""

import pandas as pd

from dprk_kursk.frames import active
from dprk_kursk.measures import MEASURES


def comparable(figures: pd.DataFrame, measure: str, places=None) -> pd.DataFrame:
    """Active figures for `measure` that count the whole group on the measure's basis, dated, in `places`."""
    rows, counts = active(figures), MEASURES[measure]
    keep = (
        (rows["measure"] == measure)
        & (rows["counted"] == counts.group)
        & (rows["scope"] == "whole")
        & (rows["basis"] == counts.basis)
        & (rows["as_of_precision"] != "undated")
    )
    if places is not None:
        keep &= rows["place_id"].isin(list(places))
    return rows[keep]


# A measure that counts part of another: a claim of the part as large as the whole claimed by then is suspect.
WITHIN = {"killed": "casualties", "wounded": "casualties"}


def caveats(figures: pd.DataFrame, links: pd.DataFrame, measure: str, places=None) -> pd.Series:
    """Why some comparable claims of `measure` should not be compared as they stand, by figure id.

    A claim linked as `other_measure` (figure_links) carries its link's note; a claim of a part (killed) no
    smaller than the largest claim of the whole (killed and wounded) reported by its date likely counts the
    whole. Claims with no warning are left out of the result.
    """
    rows = comparable(figures, measure, places)
    other = links[(links["relation"] == "other_measure") & links["figure_id"].isin(rows["figure_id"])]
    found = dict(zip(other["figure_id"], other["note"].fillna("counts another measure")))
    if measure in WITHIN:
        whole = comparable(figures, WITHIN[measure])
        for row in rows.itertuples():
            known = whole[whole["reported"] <= row.reported]["value"]
            if row.figure_id not in found and not known.empty and row.value >= known.max():
                found[row.figure_id] = (
                    f"no fewer than the {known.max():,.0f} killed and wounded claimed by then: likely counts both"
                )
    return pd.Series(found, dtype="object", name="warning").sort_index()


def first_and_latest(figures: pd.DataFrame, measure: str) -> pd.DataFrame:
    """Per claimant, the first and the latest figure for `measure` that counts the whole group (by reported date)."""
    rows = comparable(figures, measure).sort_values(["reported", "figure_id"])
    grouped = rows.groupby("claimant", sort=True)
    first, latest = grouped.first(), grouped.last()
    return pd.DataFrame(
        {
            "first reported": first["reported"].dt.strftime("%Y-%m-%d"),
            "first": first["stated_as"],
            "latest reported": latest["reported"].dt.strftime("%Y-%m-%d"),
            "latest": latest["stated_as"],
            "figures": grouped.size(),
        }
        | ({"pages carrying the latest": latest["pages"]} if "pages" in rows else {})
    )


def monthly_spread(figures: pd.DataFrame, measure: str) -> pd.DataFrame:
    """Per month, how many claimants gave `measure` for the whole group, and the lowest and highest value."""
    rows = comparable(figures, measure)
    month = rows["reported"].dt.to_period("M")
    table = rows.groupby(month).agg(
        claimants=("claimant_id", "nunique"), lowest=("value", "min"), highest=("value", "max")
    )
    table["ratio"] = table["highest"] / table["lowest"]
    table.index.name = "month"
    return table


def per_claimant(figures: pd.DataFrame) -> pd.DataFrame:
    """Figures per country and claimant, largest first."""
    return (
        active(figures)
        .groupby(["country", "claimant"])
        .size()
        .rename("figures")
        .reset_index()
        .sort_values(["figures", "claimant"], ascending=[False, True], ignore_index=True)
    )


def relay_chains(figures: pd.DataFrame) -> pd.DataFrame:
    """Claimant -> relayed outlet -> publishing outlet, with how many figures travelled that way."""
    relayed = active(figures).dropna(subset=["relays"])
    return (
        relayed.groupby(["claimant", "relays", "publisher"])
        .size()
        .rename("figures")
        .reset_index()
        .sort_values(["figures", "claimant"], ascending=[False, True], ignore_index=True)
    )


def single_claimant_measures(figures: pd.DataFrame) -> pd.DataFrame:
    """Per measure, how many claimants gave it: a measure only one claimant speaks to rests on that claimant."""
    table = active(figures).groupby("measure").agg(claimants=("claimant_id", "nunique"), figures=("figure_id", "size"))
    return table.sort_values(["claimants", "figures"])


def monthly_volume(figures: pd.DataFrame, events: pd.DataFrame) -> pd.DataFrame:
    """Figures and events per calendar month, with months that have none shown as zero (gaps stay visible)."""
    f = active(figures)["reported"].dt.to_period("M").value_counts()
    e = events["date"].dt.to_period("M").value_counts()
    months = pd.period_range(min(f.index.min(), e.index.min()), max(f.index.max(), e.index.max()), freq="M")
    table = pd.DataFrame({"figures": f.reindex(months, fill_value=0), "events": e.reindex(months, fill_value=0)})
    table.index.name = "month"
    return table


def whole_numbers(frame: pd.DataFrame, columns) -> pd.DataFrame:
    """`frame` for display with `columns` (counts: people, km², settlements) as whole numbers; see `readable`."""
    return readable(frame, counts=columns)


def readable(frame: pd.DataFrame, counts=(), ratios=(), headers=None, index=None, decimals: int = 2) -> pd.DataFrame:
    """A table a reader can read, as text: what a notebook displays and the report prints.

    `counts` become whole numbers and `ratios` keep `decimals` places, both with thousands separators; any
    other number keeps `decimals` places unless it is whole. Dates read YYYY-MM-DD, empty cells stay empty
    (never NaN or <NA>), `headers` renames columns (others lose their underscores). `index` names the
    column(s) that identify a row; a bare row number is never shown: an unnamed 0..n-1 index gives way to
    the first column.
    """
    shown = frame.copy()
    if index is not None:
        shown = shown.set_index(index)
    elif isinstance(shown.index, pd.RangeIndex) and shown.index.name is None and len(shown.columns) > 1:
        shown = shown.set_index(shown.columns[0])
    for column in shown.columns:
        shown[column] = _cells(shown[column], column in set(counts), column in set(ratios), decimals)
    names = {c: (headers or {}).get(c, str(c).replace("_", " ")) for c in shown.columns}
    levels = [(headers or {}).get(n, str(n).replace("_", " ")) if n is not None else None for n in shown.index.names]
    return shown.rename(columns=names).rename_axis(levels)


def _cells(values: pd.Series, count: bool, ratio: bool, decimals: int) -> pd.Series:
    """One column as display text (see `readable`)."""
    if pd.api.types.is_datetime64_any_dtype(values):
        return values.dt.strftime("%Y-%m-%d").fillna("")
    if pd.api.types.is_bool_dtype(values) or not pd.api.types.is_numeric_dtype(values):
        return values.astype("object").where(values.notna(), "").astype(str)
    numbers = values.astype("float64")
    whole = count or (not ratio and bool(((numbers.dropna() % 1) == 0).all()))
    text = numbers.round(0 if whole else decimals).map(lambda x: f"{x:,.0f}" if whole else f"{x:,.{decimals}f}")
    zero = f"{0:,.{0 if whole else decimals}f}"
    return text.where(numbers.notna(), "").replace("-" + zero, zero)
