"""Summaries the notebooks print: by claimant, by month, by relay. Pure functions of the loaded tables."""
import pandas as pd

from dprk_kursk.measures import BASIS_OF, DEFAULT_GROUP, GROUP_OF


def active(figures: pd.DataFrame) -> pd.DataFrame:
    """Only rows that stand (status active)."""
    return figures[figures["status"] == "active"]


def comparable(figures: pd.DataFrame, measure: str, places=None) -> pd.DataFrame:
    """Active figures for `measure` that count the whole group on the measure's basis, dated, in `places`."""
    rows = active(figures)
    keep = ((rows["measure"] == measure) & (rows["counted"] == GROUP_OF.get(measure, DEFAULT_GROUP))
            & (rows["scope"] == "whole") & (rows["basis"] == BASIS_OF[measure]) & (rows["as_of_precision"] != "undated"))
    if places is not None:
        keep &= rows["place_id"].isin(list(places))
    return rows[keep]


def first_and_latest(figures: pd.DataFrame, measure: str) -> pd.DataFrame:
    """Per claimant, the first and the latest figure for `measure` that counts the whole group (by reported date)."""
    rows = comparable(figures, measure).sort_values(["reported", "figure_id"])
    grouped = rows.groupby("claimant", sort=True)
    first, latest = grouped.first(), grouped.last()
    return pd.DataFrame({
        "first reported": first["reported"].dt.strftime("%Y-%m-%d"), "first": first["stated_as"],
        "latest reported": latest["reported"].dt.strftime("%Y-%m-%d"), "latest": latest["stated_as"],
        "figures": grouped.size(),
    } | ({"pages carrying the latest": latest["pages"]} if "pages" in rows else {}))


def monthly_spread(figures: pd.DataFrame, measure: str) -> pd.DataFrame:
    """Per month, how many claimants gave `measure` for the whole group, and the lowest and highest value."""
    rows = comparable(figures, measure)
    month = rows["reported"].dt.to_period("M")
    table = rows.groupby(month).agg(claimants=("claimant_id", "nunique"), lowest=("value", "min"),
                                    highest=("value", "max"))
    table["ratio"] = (table["highest"] / table["lowest"]).round(1)
    table.index.name = "month"
    return table


def per_claimant(figures: pd.DataFrame) -> pd.DataFrame:
    """Figures per country and claimant, largest first."""
    return (active(figures).groupby(["country", "claimant"]).size().rename("figures")
            .reset_index().sort_values(["figures", "claimant"], ascending=[False, True], ignore_index=True))


def relay_chains(figures: pd.DataFrame) -> pd.DataFrame:
    """Claimant -> relayed outlet -> publishing outlet, with how many figures travelled that way."""
    relayed = active(figures).dropna(subset=["relays"])
    return (relayed.groupby(["claimant", "relays", "publisher"]).size().rename("figures").reset_index()
            .sort_values(["figures", "claimant"], ascending=[False, True], ignore_index=True))


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
    """`frame` with `columns` rounded to whole numbers for display (people, km², settlements); gaps stay empty."""
    rounded = frame.astype({column: "float64" for column in columns}).round({column: 0 for column in columns})
    return rounded.astype({column: "Int64" for column in columns})
