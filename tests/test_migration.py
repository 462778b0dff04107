"""The 1.0.0 migration lost no row's meaning: every 0.4.0 subject and place maps to the new columns, and the
record of that mapping (releases/migration-1.0.0.csv) still matches the data."""

import csv
import re

import pytest

from dprk_kursk.paths import DATA, ROOT

MIGRATION = list(csv.DictReader(open(ROOT / "releases" / "migration-1.0.0.csv", encoding="utf-8")))
RELEASED = list(csv.DictReader(open(ROOT / "releases" / "released-ids.csv", encoding="utf-8")))
CURRENT = {
    table: {row[f"{table[:-1]}_id"]: row for row in csv.DictReader(open(DATA / f"{table}.csv", encoding="utf-8"))}
    for table in ("figures", "events")
}
MAPPED = {(row["table"], row["id"]): row for row in MIGRATION}
DETAIL = re.compile(r"\(|/|\||near |,")  # old text that said more than a plain place or group
# Old places whose brackets or bars only restated the place: Kursk Oblast, in Russia.
RESTATED = {
    "Kursk Oblast | Russia",
    "Kursk Oblast (Kursk front)",
    "Russia (Kursk Oblast)",
    "Russia (Kursk)",
    "Russia / Kursk Oblast",
}


@pytest.mark.parametrize("table", ["figures", "events"])
def test_every_row_released_before_1_0_0_was_migrated(table):
    before = {row["id"] for row in RELEASED if row["table"] == table and not row["first_version"].startswith("1.")}
    assert before and sorted(before - {i for t, i in MAPPED if t == table}) == []


@pytest.mark.parametrize("column", ["place_id", "counted", "scope", "part", "basis"])
def test_the_record_matches_the_figures(column):
    differ = [i for (t, i), row in MAPPED.items() if t == "figures" and CURRENT["figures"][i][column] != row[column]]
    assert differ == []


def test_the_record_matches_the_events():
    differ = [
        i
        for (t, i), row in MAPPED.items()
        if t == "events"
        and (CURRENT["events"][i]["place_id"], CURRENT["events"][i]["also_place_id"])
        != (row["place_id"], row["also_place_id"])
    ]
    assert differ == []


def test_old_detail_went_somewhere():
    """An old subject or place that carried detail (brackets, a list, 'near') left a trace in the new row: a part,
    a note, a place more specific than a country or Kursk Oblast, a group other than the whole contingent, or a
    basis other than the measure's plain one."""
    lost = []
    for (table, key), row in MAPPED.items():
        place = "" if row["old_place"] in RESTATED else row["old_place"]
        if table != "figures" or not (DETAIL.search(row["old_subject"]) or DETAIL.search(place)):
            continue
        new = CURRENT["figures"][key]
        traces = [
            new["part"],
            new["note"],
            new["place_id"] not in ("russia", "kursk-oblast"),
            new["counted"] not in ("kpa_troops", "ua_forces", "ru_forces"),
            new["basis"] == "increment",
            new["as_of_precision"] != "day",
        ]
        if not any(traces):
            lost.append(f"{key}: {row['old_subject']} | {row['old_place']}")
    assert lost == []
