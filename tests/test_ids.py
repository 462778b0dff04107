"""Nothing released is ever lost: every released id is still here and still means the same thing, and the
CHANGELOG says in which version each id first appeared."""

import re
from collections import Counter

import pytest

from dprk_kursk import load_package
from dprk_kursk.ids import current_meanings, read_released
from dprk_kursk.paths import ROOT

RELEASED = read_released()
CURRENT = current_meanings(load_package())


def test_there_is_a_release_record():
    assert RELEASED, "releases/released-ids.csv is missing or empty"


TABLES = ["sources", "publishers", "claimants", "places", "figures", "events"]


@pytest.mark.parametrize("table", TABLES)
def test_no_released_id_disappeared(table):
    missing = sorted(i for (t, i) in RELEASED if t == table and (t, i) not in CURRENT)
    assert missing == []


@pytest.mark.parametrize("table", TABLES)
def test_no_released_id_changed_meaning(table):
    changed = sorted(
        i
        for (t, i), (meaning, _) in RELEASED.items()
        if t == table and (t, i) in CURRENT and CURRENT[(t, i)] != meaning
    )
    assert changed == [], "correct a released row with a new row (status corrected), not an edit"


def test_a_changed_meaning_is_caught():
    (table, key), (meaning, _) = next(iter(RELEASED.items()))
    assert CURRENT[(table, key)] == meaning
    assert CURRENT[(table, key)] + "|edited" != meaning


def changelog_counts() -> dict:
    """{(version, table): count} from each CHANGELOG section's 'Ids first released: N figures, N events, …' line."""
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    counts = {}
    for version, line in re.findall(r"^## \[([0-9.]+)\] - [0-9-]+\nIds first released: (.+)\.$", text, re.MULTILINE):
        counts.update({(version, table): int(n) for n, table in re.findall(r"(\d+) ([a-z_]+)", line)})
    return counts


def test_changelog_and_release_record_agree_on_when_each_id_appeared():
    recorded = Counter((version, table) for (table, _), (_, version) in RELEASED.items())
    stated = changelog_counts()
    assert {v for v, _ in recorded} == {v for v, _ in stated}, (
        "every released version needs an 'Ids first released' line"
    )
    assert {k: n for k, n in stated.items() if n} == dict(recorded)
