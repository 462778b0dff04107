"""The troop balance on a day, on a small table worked by hand: which claim each term takes, the range all standing
claims span, a chosen claim, a term nobody has spoken to, and what moves when one claimant replaces another."""

import pandas as pd
import pytest
from test_standing import claim, table

from dprk_kursk.accounting import balance_on, remainder_range, substitutions, worded_bounds

# Three claimants for "sent", so that a chosen figure is neither the first nor the last standing one.
ROWS = table(
    claim("D1", "a", "troops_deployed", 10_000, "2025-01-01", low=10_000),  # "at least 10,000"
    claim("D2", "b", "troops_deployed", 12_000, "2025-02-01", place="kursk-oblast", low=11_000, high=13_000),
    claim("D3", "c", "troops_deployed", 14_000, "2025-03-01"),
    claim("D4", "d", "troops_deployed", 20_000, "2025-03-02", place="russian-far-east"),  # not a place for "sent"
    claim("P1", "a", "troops_present", 9_000, "2025-02-10", place="kursk-oblast", high=9_000),  # "up to 9,000"
    claim("P2", "b", "troops_present", 7_000, "2025-03-01", place="kursk-oblast", low=6_000, high=8_000),
    claim("H1", "c", "returned_home", 500, "2025-02-20", place="north-korea"),
    claim("K1", "a", "killed", 400, "2025-02-15", place="kursk-oblast"),
    claim("K2", "b", "killed", 1_000, "2025-02-25", place="kursk-oblast", low=1_000),  # "more than 1,000"
)
DAY = "2025-03-10"


def test_each_term_takes_the_newest_standing_claim_and_spans_them_all():
    balance = balance_on(ROWS, DAY).set_index("step")
    assert balance.index.tolist() == ["Sent to Russia", "Still in Kursk", "Returned home", "Killed", "Unaccounted for"]
    assert balance_on(ROWS, DAY).index.tolist() == [0, 1, 2, 3, 4]
    assert balance["sign"].tolist() == [1, -1, -1, -1, 0]
    # sent: D1 (floor 10,000), D2 (11,000 to 13,000), D3 (14,000); D4 names the Far East; D3 is the newest
    assert balance.loc[
        "Sent to Russia", ["figure_id", "claimant_id", "value", "floor", "ceiling", "claims"]
    ].tolist() == ["D3", "c", 14_000, 10_000, 14_000, 3]
    assert balance.loc["Still in Kursk", ["figure_id", "value", "floor", "ceiling", "claims"]].tolist() == [
        "P2",
        7_000,
        6_000,
        9_000,
        2,
    ]
    assert balance.loc["Killed", ["figure_id", "stated_as", "floor", "ceiling", "claims"]].tolist() == [
        "K2",
        "1000.0",
        400,
        1_000,
        2,
    ]
    # 14,000 - 7,000 - 500 - 1,000 = 5,500; floor 10,000 - 9,000 - 500 - 1,000; ceiling 14,000 - 6,000 - 500 - 400
    assert balance.loc["Unaccounted for", ["value", "floor", "ceiling", "claims"]].tolist() == [5_500, -500, 7_100, 0]


def test_a_chosen_claim_replaces_the_newest_one():
    balance = balance_on(ROWS, DAY, choose={"troops_deployed": "D2", "killed": "K1"}).set_index("step")
    assert balance.loc["Sent to Russia", ["figure_id", "claimant_id", "value"]].tolist() == ["D2", "b", 12_000]
    assert balance.loc["Killed", ["figure_id", "value"]].tolist() == ["K1", 400]
    assert balance.loc["Still in Kursk", "figure_id"] == "P2"  # not chosen: the newest
    # the range does not depend on the choice: every standing claim still counts
    assert balance.loc["Sent to Russia", ["floor", "ceiling", "claims"]].tolist() == [10_000, 14_000, 3]
    assert balance.loc["Unaccounted for", "value"] == 12_000 - 7_000 - 500 - 400


@pytest.mark.parametrize(
    "choose, message",
    [
        (
            {"troops_deployed": "D4"},
            "D4 is not a standing troops_deployed claim on 2025-03-10",
        ),  # a place "sent" excludes
        ({"killed": "K9"}, "K9 is not a standing killed claim on 2025-03-10"),  # no such figure
        ({"killed": "D1"}, "D1 is not a standing killed claim on 2025-03-10"),  # another measure's figure
    ],
)
def test_a_chosen_claim_that_does_not_stand_is_refused_by_name(choose, message):
    with pytest.raises(LookupError) as refused:
        balance_on(ROWS, DAY, choose=choose)
    assert refused.type is LookupError and str(refused.value) == message  # an IndexError is a LookupError too


def test_a_claim_said_after_the_day_cannot_be_chosen():
    with pytest.raises(LookupError) as refused:
        balance_on(ROWS, "2025-02-15", choose={"troops_deployed": "D3"})
    assert (
        refused.type is LookupError and str(refused.value) == "D3 is not a standing troops_deployed claim on 2025-02-15"
    )


def test_a_term_without_claims_counts_zero_and_says_so():
    balance = balance_on(ROWS, "2025-01-15").set_index("step")  # only D1 has been said
    assert balance.loc["Sent to Russia", ["figure_id", "value", "floor", "ceiling", "claims"]].tolist() == [
        "D1",
        10_000,
        10_000,
        10_000,
        1,
    ]
    for step in ("Still in Kursk", "Returned home", "Killed"):
        assert balance.loc[
            step, ["figure_id", "claimant_id", "stated_as", "value", "floor", "ceiling", "claims"]
        ].tolist() == ["", "", "no claim yet", 0, 0, 0, 0]
    assert balance.loc["Unaccounted for", ["value", "floor", "ceiling"]].tolist() == [10_000, 10_000, 10_000]
    assert balance["measure"].tolist() == ["troops_deployed", "troops_present", "returned_home", "killed", ""]
    assert balance["sign"].tolist() == [1, -1, -1, -1, 0]
    assert balance.loc[
        "Unaccounted for", ["measure", "sign", "figure_id", "claimant_id", "stated_as", "claims"]
    ].tolist() == ["", 0, "", "", "", 0]


def test_max_age_drops_old_claims_from_every_term():
    balance = balance_on(ROWS, DAY, max_age_days=20).set_index("step")  # said after 18 February
    assert balance.loc["Sent to Russia", ["floor", "ceiling", "claims"]].tolist() == [14_000, 14_000, 1]
    assert balance.loc["Still in Kursk", "claims"] == 1 and balance.loc["Killed", "figure_id"] == "K2"
    assert balance.loc["Killed", "claims"] == 1 and balance.loc["Returned home", "claims"] == 1


def test_substitutions_on_a_day():
    result = substitutions(ROWS, DAY).set_index(["term", "claimant_id"])
    assert len(result) == 3 + 2 + 1 + 2
    # base remainder 5,500. Sent is added: b's 12,000 instead of c's 14,000 takes 2,000 off
    assert result.loc[("Sent to Russia", "b"), ["figure_id", "value", "remainder", "change", "is_base"]].tolist() == [
        "D2",
        12_000,
        3_500,
        -2_000,
        False,
    ]
    # in Kursk is taken away: a's 9,000 instead of b's 7,000 takes 2,000 more off
    assert result.loc[("Still in Kursk", "a"), ["remainder", "change"]].tolist() == [3_500, -2_000]
    assert result.loc[("Killed", "a"), ["remainder", "change"]].tolist() == [6_100, 600]
    assert result.loc[("Returned home", "c"), ["remainder", "change", "is_base"]].tolist() == [5_500, 0, True]
    assert result.loc[("Sent to Russia", "c"), "reported"] == pd.Timestamp("2025-03-01")
    assert result.loc[("Sent to Russia", "c"), "stated_as"] == "14000.0"


def test_substitutions_start_from_the_chosen_base():
    result = substitutions(ROWS, DAY, choose={"troops_deployed": "D1"}).set_index(["term", "claimant_id"])
    # base 10,000 - 7,000 - 500 - 1,000 = 1,500; c's 14,000 adds 4,000
    assert result.loc[("Sent to Russia", "a"), "is_base"] and not result.loc[("Sent to Russia", "c"), "is_base"]
    assert result.loc[("Sent to Russia", "c"), ["remainder", "change"]].tolist() == [5_500, 4_000]


def test_substitutions_honour_max_age():
    result = substitutions(ROWS, DAY, max_age_days=20)
    assert sorted(result["figure_id"]) == ["D3", "H1", "K2", "P2"]


def balance_of(*terms, remainder=0.0):
    """A balance as balance_on returns it: (figure_id, sign, value) per term, then the remainder row."""
    rows = [{"figure_id": f, "sign": s, "value": v} for f, s, v in terms]
    return pd.DataFrame(rows + [{"figure_id": "", "sign": 0, "value": remainder}])


def worded(figure_id, value, qualifier, low=None, high=None):
    return {"figure_id": figure_id, "value": value, "qualifier": qualifier, "low": low, "high": high}


# Sent about 15,000; still there at least 8,000; home 2,000 to 3,000 (stated 2,500); killed up to 1,000.
WORDED = pd.DataFrame(
    [
        worded("S", 15000.0, "about"),
        worded("P", 8000.0, "at_least", low=8000.0),
        worded("H", 2500.0, "range", low=2000.0, high=3000.0),
        worded("K", 1000.0, "up_to", high=1000.0),
        worded("P2", 8000.0, "more_than", low=8000.0),
        worded("K2", 1000.0, "less_than", high=1000.0),
        worded("P3", 8000.0, "exact"),
        worded("S2", 5000.0, "exact"),
    ]
)


def test_worded_bounds_open_a_floor_upward_and_a_ceiling_down_to_zero():
    balance = balance_of(("S", 1, 15000.0), ("P2", -1, 8000.0), ("H", -1, 2500.0), ("K2", -1, 1000.0), ("", -1, 0.0))
    bounds = worded_bounds(balance, WORDED)
    assert bounds.to_dict("records") == [
        {"low": 15000.0, "high": 15000.0, "qualifier": "about"},
        {"low": 8000.0, "high": float("inf"), "qualifier": "more_than"},
        {"low": 2000.0, "high": 3000.0, "qualifier": "range"},
        {"low": 0.0, "high": 1000.0, "qualifier": "less_than"},
        {"low": 0.0, "high": 0.0, "qualifier": ""},
    ]
    assert list(bounds.index) == [0, 1, 2, 3, 4]


def test_remainder_with_a_floor_taken_away_is_at_most_its_highest():
    # Highest: 15,000 - (8,000 + 2,000 + 0) = 5,000; lowest: no bound (the floor of 8,000 could be any larger), so 0.
    balance = balance_of(("S", 1, 15000.0), ("P", -1, 8000.0), ("H", -1, 2500.0), ("K", -1, 1000.0), remainder=3500.0)
    assert remainder_range(balance, WORDED) == {"low": 0.0, "high": 5000.0, "open_below": True, "value": 3500.0}


def test_remainder_between_two_bounds_when_no_term_is_open_above():
    # Lowest: 15,000 - (8,000 + 3,000 + 1,000) = 3,000; highest: 15,000 - (8,000 + 2,000 + 0) = 5,000.
    balance = balance_of(("S", 1, 15000.0), ("P3", -1, 8000.0), ("H", -1, 2500.0), ("K", -1, 1000.0), remainder=3500.0)
    assert remainder_range(balance, WORDED) == {"low": 3000.0, "high": 5000.0, "open_below": False, "value": 3500.0}


def test_remainder_below_zero_when_the_claims_count_more_than_were_sent():
    # Sent 5,000 exactly; still there 8,000 exactly: highest 5,000 - (8,000 + 2,000 + 0) = -5,000, lowest -7,000.
    balance = balance_of(("S2", 1, 5000.0), ("P3", -1, 8000.0), ("H", -1, 2500.0), ("K", -1, 1000.0), remainder=-6500.0)
    assert remainder_range(balance, WORDED) == {"low": -7000.0, "high": -5000.0, "open_below": False, "value": -6500.0}


def test_the_remainder_row_has_no_sign_and_no_claim():
    last = balance_on(ROWS, "2026-02-11").iloc[-1]
    assert (last["step"], last["sign"], last["figure_id"], last["claims"]) == ("Unaccounted for", 0, "", 0)
