"""Stable ids: what each id means, and the record of ids already released."""

import csv

from dprk_kursk.paths import RELEASED_IDS

# The columns that fix what a row *is*: changing them changes the row's meaning, which a correction
# must do with a new row (status corrected + superseded_by), never by editing the old one.
MEANING = {
    "sources": ("source_id", ["url"]),
    "claimants": ("claimant_id", ["name"]),
    "figures": ("figure_id", ["measure", "claimant_id", "source_id", "stated_as"]),
    "events": ("event_id", ["date", "category", "source_id"]),
    "places": ("place_id", ["name"]),
    "publishers": ("publisher", ["publisher"]),
}


def current_meanings(package) -> dict:
    """{(table, id): meaning} for every row of the loaded package."""
    meanings = {}
    for table, (key, columns) in MEANING.items():
        frame = package.tables[table]
        text = frame[columns].astype(str).agg("|".join, axis=1)
        meanings.update({(table, k): m for k, m in zip(frame[key], text)})
    return meanings


def read_released(path=RELEASED_IDS) -> dict:
    """{(table, id): (meaning, first_version)} from the released-ids file (empty before the first release)."""
    if not path.exists():
        return {}
    with open(path, newline="", encoding="utf-8") as handle:
        return {(r["table"], r["id"]): (r["meaning"], r["first_version"]) for r in csv.DictReader(handle)}
