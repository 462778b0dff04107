"""Rules on events: dates against their sources, who made a statement, and the same happening entered twice."""

import re

from dprk_kursk.rules.context import LINE, STANDS, as_date
from dprk_kursk.rules.registry import Finding, rule

NEEDS_CLAIMANT = {"statement", "confirmation", "intelligence"}
SAME_SOURCE_SIMILARITY = 0.3  # two events of one day and one page, summaries this alike: one happening
SAME_PLACE_SIMILARITY = 0.12  # two events of one day, category and place, summaries this alike: one happening


@rule("events.end_before_start")
def end_before_start(tables):
    """An end_date before the event's date."""
    for row in tables.rows("events"):
        day, end = as_date(row.get("date")), as_date(row.get("end_date"))
        if day and end and end < day:
            yield Finding("events", row, "end_date", f"before the event's date ({day})", end)


@rule("events.after_source", "sources")
def after_source(tables):
    """An event dated after its source (or its date's source) was published."""
    for row in tables.rows("events"):
        day = as_date(row.get("date"))
        for column in ("source_id", "date_source_id"):
            source_day = tables.published.get(row.get(column))
            if day and source_day and day > source_day:
                yield Finding("events", row, "date", f"after its source ({column}) was published ({source_day})", day)


@rule("events.claimant")
def claimant(tables):
    """A statement, confirmation or intelligence event that names no claimant."""
    for row in tables.rows("events"):
        if row.get("category") in NEEDS_CLAIMANT and not row.get("claimant_id"):
            yield Finding("events", row, "claimant_id", f"a {row['category']} event names who made it", "")


def words(text: str) -> set:
    return {w for w in re.findall(r"[a-z0-9]+", text.casefold()) if len(w) > 3}


def similarity(a: str, b: str) -> float:
    """Share of the longer words two summaries have in common (Jaccard)."""
    first, second = words(a), words(b)
    return len(first & second) / len(first | second) if first | second else 0.0


def same_happening(a: dict, b: dict) -> bool:
    """One day's two events are one happening: same page and summaries alike, or same category and the same
    speaker, or same category and place with summaries alike; two named claimants who differ are two events."""
    claimants = a.get("claimant_id", ""), b.get("claimant_id", "")
    if all(claimants) and claimants[0] != claimants[1]:
        return False
    alike = similarity(a.get("summary", ""), b.get("summary", ""))
    if a.get("source_id") == b.get("source_id") and alike >= SAME_SOURCE_SIMILARITY:
        return True
    same_speaker = bool(claimants[0]) and claimants[0] == claimants[1]
    same_place = a.get("place_id") == b.get("place_id")
    return a.get("category") == b.get("category") and (same_speaker or same_place and alike >= SAME_PLACE_SIMILARITY)


@rule("events.duplicate")
def duplicate(tables):
    """The same happening twice: two standing events of one day that `same_happening` joins."""
    by_day = {}
    for row in tables.rows("events"):
        if row.get("status") == STANDS and as_date(row.get("date")):
            by_day.setdefault(row["date"], []).append(row)
    for rows in by_day.values():
        for i, later in enumerate(rows):
            earlier = next((e for e in rows[:i] if same_happening(e, later)), None)
            if earlier:
                yield Finding(
                    "events",
                    later,
                    "event_id",
                    f"same happening as line {earlier[LINE]} "
                    f"({earlier.get('event_id')}): same day, and same page or same category and place; "
                    "mark one duplicate",
                    later.get("event_id"),
                )
