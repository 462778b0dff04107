"""How a number travels: how many pages carry each statement, and how their wording drifts from the page
closest to the claimant (the figure's own source) as it is relayed."""

import pandas as pd

from dprk_kursk.frames import active, pages_per_figure

# Which way a wording leans for the same number: a ceiling below, a plain figure level, a floor above.
LEAN = {"less_than": -1, "up_to": -1, "exact": 0, "about": 0, "at_least": 1, "more_than": 1, "range": 0}


def drift_kind(figure, citation) -> str:
    """How a citation words the figure's number: the same, another qualifier, a range cut to one end, another number."""
    same_number = citation["value"] == figure["value"]
    if (
        figure["qualifier"] == "range"
        and citation["qualifier"] != "range"
        and citation["value"] in (figure["low"], figure["high"])
    ):
        return "range cut to its top" if citation["value"] == figure["high"] else "range cut to its bottom"
    if not same_number:
        return "another number"
    before, after = LEAN[figure["qualifier"]], LEAN[citation["qualifier"]]
    if before == after:
        return "same wording"  # about and a plain figure, or at least and more than, read alike
    if before > 0 and after == 0:
        return "floor dropped"
    if before == 0 and after > 0:
        return "floor added"
    if before < 0 and after == 0:
        return "ceiling dropped"
    if before == 0 and after < 0:
        return "ceiling added"
    return "floor and ceiling swapped"


def direction(figure, citation) -> str:
    """Whether the page makes the number look larger, smaller or the same than the page closest to the claimant."""
    if citation["value"] != figure["value"]:
        return "larger" if citation["value"] > figure["value"] else "smaller"
    lean = LEAN[citation["qualifier"]] - LEAN[figure["qualifier"]]
    return "larger" if lean > 0 else "smaller" if lean < 0 else "same"


def drifts(figures: pd.DataFrame, citations: pd.DataFrame) -> pd.DataFrame:
    """One row per citation of an active figure: both wordings, the kind of drift and its direction."""
    standing = active(figures).set_index("figure_id")
    rows = []
    for citation in citations[citations["figure_id"].isin(standing.index)].itertuples(index=False):
        figure = standing.loc[citation.figure_id]
        cited = citation._asdict()
        rows.append(
            {
                "figure_id": citation.figure_id,
                "source_id": citation.source_id,
                "claimant_id": figure["claimant_id"],
                "measure": figure["measure"],
                "as_first_stated": figure["stated_as"],
                "as_relayed": citation.stated_as,
                "kind": drift_kind(figure, cited),
                "direction": direction(figure, cited),
            }
        )
    return pd.DataFrame(
        rows,
        columns=[
            "figure_id",
            "source_id",
            "claimant_id",
            "measure",
            "as_first_stated",
            "as_relayed",
            "kind",
            "direction",
        ],
    )


def corroboration_by_claimant(figures: pd.DataFrame, citations: pd.DataFrame) -> pd.DataFrame:
    """Per claimant: active figures, how many a second page carries, and the median pages per figure."""
    pages = pages_per_figure(figures, citations)
    standing = active(figures).assign(pages=lambda f: f["figure_id"].map(pages))
    table = standing.groupby("claimant_id").agg(
        figures=("figure_id", "size"),
        carried_twice=("pages", lambda p: int((p >= 2).sum())),
        median_pages=("pages", "median"),
    )
    table["share_carried_twice"] = (table["carried_twice"] / table["figures"]).round(2)
    return table.sort_values(["share_carried_twice", "figures"], ascending=[False, False])
