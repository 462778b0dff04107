"""Nothing released is ever lost: every released id is still here and still means the same thing."""
import pytest

from dprk_kursk import load_package
from dprk_kursk.ids import current_meanings, read_released

RELEASED = read_released()
CURRENT = current_meanings(load_package())


def test_there_is_a_release_record():
    assert RELEASED, "releases/released-ids.csv is missing or empty"


@pytest.mark.parametrize("table", ["sources", "claimants", "figures", "events"])
def test_no_released_id_disappeared(table):
    missing = sorted(i for (t, i) in RELEASED if t == table and (t, i) not in CURRENT)
    assert missing == []


@pytest.mark.parametrize("table", ["sources", "claimants", "figures", "events"])
def test_no_released_id_changed_meaning(table):
    changed = sorted(i for (t, i), (meaning, _) in RELEASED.items()
                     if t == table and (t, i) in CURRENT and CURRENT[(t, i)] != meaning)
    assert changed == [], "correct a released row with a new row (status corrected), not an edit"


def test_a_changed_meaning_is_caught():
    (table, key), (meaning, _) = next(iter(RELEASED.items()))
    assert CURRENT[(table, key)] == meaning
    assert CURRENT[(table, key)] + "|edited" != meaning
