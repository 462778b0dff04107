"""The front page's answers: for each headline question, the claims standing on a day and the range they span.

Only figures that answer the question stand: `analysis.comparable` keeps the whole group, on the measure's own
basis, dated; figures linked as a part of another or as the same number under another measure are left out
(they answer another question). Python gives the default day; the page recomputes other days from the same
candidates, embedded as JSON, with the same rule (site/front.js).
"""

import pandas as pd

from dprk_kursk.analysis import comparable
from dprk_kursk.site.labels import BOUNDS_WORDS, country_label
from dprk_kursk.site.rows import number, split_links, text
from dprk_kursk.standing import standing_on

SENT_PLACES, RUSSIA_PLACES, KURSK_PLACES = ("russia", "kursk-oblast"), ("russia",), ("kursk-oblast",)
QUESTIONS = [
    ("sent", "How many North Korean troops were sent to Russia?", "troops_deployed", SENT_PLACES),
    ("kursk", "How many are still in Kursk Oblast?", "troops_present", KURSK_PLACES),
    ("russia", "How many are still anywhere in Russia?", "troops_present", RUSSIA_PLACES),
    ("killed", "How many were killed?", "killed", None),
    ("casualties", "How many were killed or wounded?", "casualties", None),
    ("home", "How many have gone home?", "returned_home", None),
]
RECENT_DAYS = 365
FIRST_DAY = pd.Timestamp("2024-08-01")
# Links that say a figure answers another question: it is a part of another, or another measure's number.
OTHER_QUESTION = {"part_of", "other_measure"}


def wording(row) -> str:
    """The claim's number with its qualifier, in English: 'more than 6,000', '11,000 to 12,000', 'about 3,000'."""
    words = BOUNDS_WORDS[row["qualifier"]].split(":", 1)[0]
    values = {
        "v": number(row["value"]),
        "low": number(row["low"]) if pd.notna(row["low"]) else "",
        "high": number(row["high"]) if pd.notna(row["high"]) else "",
    }
    return words.format(**values)


def candidates(figures: pd.DataFrame, context: pd.DataFrame, measure: str, places) -> pd.DataFrame:
    """Figures that may answer the question: comparable, and linked to no other figure as a part or another measure
    (`context` is figures_in_context indexed by figure id)."""
    rows = comparable(figures, measure, places)
    linked = context["links"].map(lambda links: any(rel in OTHER_QUESTION for rel, _ in split_links(links)))
    return rows[~rows["figure_id"].map(linked).fillna(False).astype(bool)]


def claim_json(row, context) -> dict:
    """One candidate as the page's script needs it."""
    about = context.loc[row["figure_id"]]
    low = row["low"] if pd.notna(row["low"]) else row["value"]
    high = row["high"] if pd.notna(row["high"]) else row["value"]
    return {
        "id": row["figure_id"],
        "claimant_id": row["claimant_id"],
        "claimant": about["claimant"],
        "country": country_label(about["country"]),
        "reported": f"{row['reported']:%Y-%m-%d}",
        "said": f"{row['reported']:%-d %b %Y}",
        "as_of": f"{row['as_of']:%Y-%m-%d}",
        "floor": float(low),
        "ceiling": float(high),
        "wording": wording(row),
        "stated_as": row["stated_as"],
        "note": text(row["note"]),
    }


def answers(package, day=None) -> dict:
    """Each question's candidates (for the page's script) and the answer standing on `day` (the last day by default)."""
    day = pd.Timestamp(day) if day is not None else package.figures["reported"].max()
    context = package.figures_in_context().set_index("figure_id")
    questions = []
    for key, question, measure, places in QUESTIONS:
        rows = candidates(package.figures, context, measure, places)
        standing = standing_on(rows, measure, day, places, max_age_days=RECENT_DAYS)
        older = standing_on(rows, measure, day, places)
        older = older[~older["claimant_id"].isin(standing["claimant_id"])]
        scale = float(rows["high"].where(rows["high"].notna(), rows["value"]).max()) if len(rows) else 1.0
        questions.append(
            {
                "key": key,
                "question": question,
                "measure": measure,
                "scale": scale,
                "scale_words": number(scale),
                "claims": [
                    claim_json(row, context)
                    for _, row in rows.sort_values(["reported", "as_of", "figure_id"]).iterrows()
                ],
                "standing": [claim_json(row, context) for _, row in standing.iterrows()],
                "older": [claim_json(row, context) for _, row in older.iterrows()],
            }
        )
    return {
        "day": f"{day:%Y-%m-%d}",
        "day_words": f"{day:%-d %B %Y}",
        "first": f"{FIRST_DAY:%Y-%m-%d}",
        "window": RECENT_DAYS,
        "questions": questions,
    }
