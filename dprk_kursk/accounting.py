"""Troop accounting on a day: does sent = still there + returned home + killed + unaccounted for,
each term taken from the claims standing on that day (never a 2024 total against a 2026 stock)?"""

import pandas as pd

from dprk_kursk.measures import MEASURES
from dprk_kursk.standing import standing_on

# Where a total sent may say the troops went, and where those still there are counted (see the measure table).
SENT_PLACES, PRESENT_PLACES = set(MEASURES["troops_deployed"].places), set(MEASURES["troops_present"].places)
# The terms of the troop balance: measure, the term's name in the balance, sign, and the places a figure for it
# may name (places from the measure table).
TERMS = [
    (name, label, sign, MEASURES[name].places and set(MEASURES[name].places))
    for name, label, sign in (
        ("troops_deployed", "Sent to Russia", +1),
        ("troops_present", "Still in Kursk", -1),
        ("returned_home", "Returned home", -1),
        ("killed", "Killed", -1),
    )
]


def _term(standing: pd.DataFrame, measure: str, label: str, sign: int, wanted, day) -> dict:
    """One term of the balance: the chosen (else the latest) standing claim, and the range all standing claims span."""
    row = {"step": label, "measure": measure, "sign": sign}
    if standing.empty:
        none = {"figure_id": "", "claimant_id": "", "stated_as": "no claim yet", "value": 0.0}
        return row | none | {"floor": 0.0, "ceiling": 0.0, "claims": 0}
    if wanted is not None and wanted not in set(standing["figure_id"]):
        raise LookupError(f"{wanted} is not a standing {measure} claim on {pd.Timestamp(day):%Y-%m-%d}")
    chosen = standing[standing["figure_id"] == wanted].iloc[0] if wanted else standing.iloc[-1]
    claim = {key: chosen[key] for key in ("figure_id", "claimant_id", "stated_as", "value")}
    spans = {"floor": standing["floor"].min(), "ceiling": standing["ceiling"].max(), "claims": len(standing)}
    return row | claim | spans


def balance_on(figures: pd.DataFrame, day, choose=None, max_age_days=None) -> pd.DataFrame:
    """Sent minus still there, home and killed, each term from the claims standing on `day`.

    Each term takes the most recently reported standing claim (or, with `choose={measure: figure_id}`, the
    named one, which must stand that day), and carries the range all standing claims span. The last row is
    what no figure accounts for: its value from the chosen figures, its range from the terms' ranges.
    A term no claim covers yet counts as zero and says so. `max_age_days` drops claims older than that.
    """
    choose = choose or {}
    rows = [
        _term(standing_on(figures, measure, day, places, max_age_days), measure, label, sign, choose.get(measure), day)
        for measure, label, sign, places in TERMS
    ]
    table = pd.DataFrame(rows)
    signed = table["sign"]
    remainder = {"step": "Unaccounted for", "measure": "", "sign": 0, "figure_id": "", "claimant_id": ""}
    remainder |= {
        "stated_as": "",
        "value": (signed * table["value"]).sum(),
        "floor": table.loc[signed > 0, "floor"].sum() - table.loc[signed < 0, "ceiling"].sum(),
        "ceiling": table.loc[signed > 0, "ceiling"].sum() - table.loc[signed < 0, "floor"].sum(),
        "claims": 0,
    }
    return pd.concat([table, pd.DataFrame([remainder])], ignore_index=True)


def substitutions(figures: pd.DataFrame, day, choose=None, max_age_days=None) -> pd.DataFrame:
    """How the remainder of the balance on `day` moves when one term is taken from another claimant.

    For each term, each claimant's standing figure replaces the chosen one, the other terms staying as they
    are. One row per (term, claimant): the figure, the remainder and its change from the base balance.
    """
    base = balance_on(figures, day, choose, max_age_days)
    remainder = base.iloc[-1]["value"]
    rows = []
    for measure, label, sign, places in TERMS:
        current = base[base["measure"] == measure].iloc[0]
        for claim in standing_on(figures, measure, day, places, max_age_days).itertuples():
            change = sign * (claim.value - current["value"])
            rows.append(
                {
                    "term": label,
                    "claimant_id": claim.claimant_id,
                    "figure_id": claim.figure_id,
                    "reported": claim.reported,
                    "stated_as": claim.stated_as,
                    "value": claim.value,
                    "is_base": claim.figure_id == current["figure_id"],
                    "remainder": remainder + change,
                    "change": change,
                }
            )
    return pd.DataFrame(rows)


# Which side of a claim its wording leaves open: "at least" has no ceiling, "up to" no floor.
OPEN_ABOVE, OPEN_BELOW = {"at_least", "more_than"}, {"up_to", "less_than"}


def worded_bounds(balance: pd.DataFrame, figures: pd.DataFrame) -> pd.DataFrame:
    """Each term's chosen claim as its wording bounds it: low and high, infinite on an open side (a count
    cannot fall below zero). A term no claim covers yet is zero. Indexed like `balance` without its remainder."""
    terms = balance.iloc[:-1]
    claims = figures.set_index("figure_id")
    rows = []
    for term in terms.itertuples():
        if not term.figure_id:
            rows.append({"low": 0.0, "high": 0.0, "qualifier": ""})
            continue
        claim = claims.loc[term.figure_id]
        low = claim["low"] if pd.notna(claim["low"]) else claim["value"]
        high = claim["high"] if pd.notna(claim["high"]) else claim["value"]
        if claim["qualifier"] in OPEN_ABOVE:
            high = float("inf")
        if claim["qualifier"] in OPEN_BELOW:
            low = 0.0
        rows.append({"low": float(low), "high": float(high), "qualifier": claim["qualifier"]})
    return pd.DataFrame(rows, index=terms.index)


def remainder_range(balance: pd.DataFrame, figures: pd.DataFrame) -> dict:
    """The lowest and highest remainder the chosen claims' wording allows (sent low minus the others' highs, sent
    high minus their lows), never below zero unless even the highest is (the claims then count more than were sent),
    and `open_below` when a floor among the terms leaves no lowest."""
    bounds, sign = worded_bounds(balance, figures), balance["sign"].iloc[:-1]
    low = bounds.loc[sign > 0, "low"].sum() - bounds.loc[sign < 0, "high"].sum()
    high = bounds.loc[sign > 0, "high"].sum() - bounds.loc[sign < 0, "low"].sum()
    return {
        "low": float(max(low, 0.0) if high >= 0 else low),
        "high": float(high),
        "open_below": bool(low == float("-inf")),
        "value": float(balance["value"].iloc[-1]),
    }
