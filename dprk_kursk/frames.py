"""What every reader of the loaded tables shares, beside the loader and below the analysis: which rows stand
(written once, here) and how many pages carry each figure. Imports nothing of the package but pandas."""

import pandas as pd

from dprk_kursk.descriptor import STANDS


def active(rows: pd.DataFrame) -> pd.DataFrame:
    """Only rows that stand (status active)."""
    return rows[rows["status"] == STANDS]


def pages_carrying(figure_ids: pd.Series, citations: pd.DataFrame) -> pd.Series:
    """For each figure id: the pages that carry it, its own page and every citation (aligned with `figure_ids`)."""
    return (1 + figure_ids.map(citations["figure_id"].value_counts()).fillna(0)).astype(int).rename("pages")


def pages_per_figure(figures: pd.DataFrame, citations: pd.DataFrame) -> pd.Series:
    """For each active figure: the pages that carry it, indexed by figure id."""
    standing = active(figures)
    return pages_carrying(standing["figure_id"], citations).set_axis(standing["figure_id"])
