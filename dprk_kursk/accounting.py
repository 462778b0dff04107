"""Troop accounting: does sent = still there + returned home + killed + unaccounted?"""
import pandas as pd

from dprk_kursk.analysis import active

# Components in the order a waterfall draws them, with the sign each takes against troops deployed.
COMPONENTS = [("troops_present", "Still in Kursk"), ("returned_home", "Returned home"), ("killed", "Killed")]


def pick(figures: pd.DataFrame, measure: str, source_id: str = None, claimant_id: str = None) -> pd.Series:
    """The latest active figure for `measure`, optionally limited to one source or claimant."""
    rows = active(figures)[lambda f: f["measure"] == measure]
    if source_id is not None:
        rows = rows[rows["source_id"] == source_id]
    if claimant_id is not None:
        rows = rows[rows["claimant_id"] == claimant_id]
    if rows.empty:
        raise LookupError(f"no active {measure} figure for source={source_id} claimant={claimant_id}")
    return rows.sort_values(["reported", "figure_id"]).iloc[-1]


def balance(deployed: pd.Series, parts: dict) -> pd.DataFrame:
    """A waterfall table: deployed, then each part subtracted, then the remainder no figure accounts for.

    Each row carries the figure's value and its lower and upper bound (value where the wording gives none),
    so the remainder's bounds follow: more of a part accounted for means less left over.
    """
    def bounds(row):
        low = row["low"] if pd.notna(row["low"]) else row["value"]
        high = row["high"] if pd.notna(row["high"]) else (None if row["qualifier"] in ("at_least", "more_than") else row["value"])
        return low, high

    rows = [{"step": "Sent to Russia", "figure_id": deployed["figure_id"], "stated_as": deployed["stated_as"],
             "value": deployed["value"], "low": bounds(deployed)[0], "high": bounds(deployed)[1]}]
    remainder, remainder_high = deployed["value"], bounds(deployed)[1]
    for label, row in parts.items():
        low, high = bounds(row)
        rows.append({"step": label, "figure_id": row["figure_id"], "stated_as": row["stated_as"],
                     "value": -row["value"], "low": -high if high is not None else None, "high": -low})
        remainder -= row["value"]
        remainder_high = None if remainder_high is None else remainder_high - low
    rows.append({"step": "Unaccounted for", "figure_id": "", "stated_as": "", "value": remainder,
                 "low": None, "high": remainder_high})
    return pd.DataFrame(rows)


CUMULATIVE = {"troops_deployed", "killed", "wounded", "casualties", "captured", "returned_home"}


def claimant_figure(rows: pd.DataFrame, measure: str) -> pd.Series:
    """One claimant's figure for a term: the highest for a running total (sent, killed, returned), which
    only grows as counting goes on; the latest for a stock (troops still there)."""
    order = ["value", "reported", "figure_id"] if measure in CUMULATIVE else ["reported", "figure_id"]
    return rows.sort_values(order).iloc[-1]


def substitutions(figures: pd.DataFrame, deployed: pd.Series, parts: dict) -> pd.DataFrame:
    """How the remainder moves when one term of the balance is taken from another claimant.

    For each term (troops deployed, then each part), each claimant's figure for that measure and the same
    subject as the base figure (so counts of one unit or one battle are left out) replaces the base figure,
    all other terms staying as they are. One row per (term, claimant): the figure, the remainder and its
    change from the base balance.
    """
    base = balance(deployed, parts).iloc[-1]["value"]
    terms = {"troops_deployed": ("Sent to Russia", deployed)} | {row["measure"]: (label, row) for label, row in parts.items()}
    standing = active(figures)
    rows = []
    for measure, (label, current) in terms.items():
        candidates = standing[(standing["measure"] == measure) & (standing["subject"] == current["subject"])]
        for claimant_id, claimed in candidates.groupby("claimant_id", sort=True):
            row = claimant_figure(claimed, measure)
            swapped = {k: (row if v["measure"] == measure else v) for k, v in parts.items()}
            remainder = balance(row if measure == "troops_deployed" else deployed, swapped).iloc[-1]["value"]
            rows.append({"term": label, "claimant_id": claimant_id, "figure_id": row["figure_id"],
                         "reported": row["reported"], "stated_as": row["stated_as"], "value": row["value"],
                         "is_base": row["figure_id"] == current["figure_id"],
                         "remainder": remainder, "change": remainder - base})
    return pd.DataFrame(rows)
