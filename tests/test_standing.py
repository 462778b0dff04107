"""The record as it stood on a day, its envelope and the balance on a day, on small tables worked by hand."""

import pandas as pd
import pytest

from dprk_kursk.accounting import balance_on, substitutions
from dprk_kursk.standing import envelope, standing_on

COLUMNS = [
    "figure_id",
    "claimant_id",
    "measure",
    "value",
    "low",
    "high",
    "reported",
    "place_id",
    "counted",
    "scope",
    "basis",
    "as_of_precision",
]


def table(*rows):
    frame = pd.DataFrame([dict(zip(COLUMNS, row)) for row in rows])
    frame["reported"] = pd.to_datetime(frame["reported"])
    frame["as_of"] = frame["reported"]
    frame["stated_as"] = frame["value"].map(str)
    frame["status"] = "active"
    return frame


def claim(
    fid,
    who,
    measure,
    value,
    reported,
    place="russia",
    low=None,
    high=None,
    counted="kpa_troops",
    scope="whole",
    basis=None,
    precision="day",
):
    basis = basis or {"troops_present": "stock", "troops_planned": "plan"}.get(measure, "cumulative")
    return (fid, who, measure, float(value), low, high, reported, place, counted, scope, basis, precision)


SENT = table(
    claim("S1", "a", "troops_deployed", 10_000, "2024-11-01"),
    claim("S2", "a", "troops_deployed", 12_000, "2025-03-01"),
    claim("S3", "b", "troops_deployed", 11_000, "2025-01-10", low=11_000),  # "more than 11,000"
    claim("S4", "c", "troops_deployed", 1_500, "2025-02-01", scope="part"),  # one wave: not comparable
    claim("S5", "d", "troops_deployed", 14_000, "2025-02-01", basis="increment"),  # an increment: not comparable
    claim("S6", "e", "troops_deployed", 13_000, "2025-02-01", precision="undated"),  # undated: not placed in time
    claim("S7", "f", "troops_deployed", 11_000, "2025-02-01", low=11_000, high=12_000),  # "11,000 to 12,000"
)


def test_standing_on_takes_each_claimants_latest_known_claim():
    standing = standing_on(SENT, "troops_deployed", "2025-02-15").set_index("claimant_id")
    assert sorted(standing.index) == ["a", "b", "f"]  # c, d, e never compare with a total
    assert standing.loc["a", "figure_id"] == "S1"  # S2 was not yet said on 15 February
    assert standing_on(SENT, "troops_deployed", "2025-03-01").set_index("claimant_id").loc["a", "figure_id"] == "S2"
    assert standing_on(SENT, "troops_deployed", "2024-10-31").empty


def test_max_age_drops_stale_claims():
    standing = standing_on(SENT, "troops_deployed", "2025-03-01", max_age_days=60)
    assert sorted(standing["figure_id"]) == ["S2", "S3", "S7"]
    assert sorted(standing_on(SENT, "troops_deployed", "2025-03-01", max_age_days=10)["figure_id"]) == ["S2"]


def test_envelope_spans_the_floors_and_ceilings_standing_each_day():
    days = pd.to_datetime(["2024-12-01", "2025-02-15", "2025-03-15"])
    result = envelope(SENT, "troops_deployed", days)
    assert result.loc["2024-12-01", "claims"] == 1 and result.loc["2024-12-01", "lowest"] == 10_000
    # 15 Feb: a's 10,000, b's more than 11,000 (floor and ceiling 11,000), f's 11,000 to 12,000
    assert result.loc["2025-02-15", ["lowest", "lowest_by", "highest", "highest_by"]].tolist() == [
        10_000,
        "a",
        12_000,
        "f",
    ]
    # 15 Mar: a now says 12,000, tying f's ceiling; the lowest is b's floor
    assert result.loc["2025-03-15", ["claims", "lowest", "lowest_by", "highest"]].tolist() == [3, 11_000, "b", 12_000]


BALANCE = table(
    claim("D1", "a", "troops_deployed", 12_000, "2025-01-01"),
    claim("D2", "b", "troops_deployed", 15_000, "2025-06-01"),
    claim("P1", "a", "troops_present", 8_000, "2025-01-01", place="kursk-oblast", low=8_000),  # "at least 8,000"
    claim("P2", "b", "troops_present", 11_000, "2025-02-01", place="russia"),  # elsewhere: not "in Kursk"
    claim("K1", "a", "killed", 300, "2024-12-20", place="kursk-oblast"),
    claim("K2", "b", "killed", 600, "2025-04-01", place="russia-ukraine-front"),
    claim("K3", "c", "killed", 50, "2025-04-02", place="kursk-oblast", scope="part"),  # one unit: left out
    claim("R1", "b", "returned_home", 1_000, "2025-05-01", place="north-korea"),
)


def test_balance_on_a_day_uses_only_claims_standing_then():
    early = balance_on(BALANCE, "2025-01-31").set_index("step")
    # 12,000 sent - 8,000 in Kursk - 0 home (no claim yet) - 300 killed = 3,700
    assert early.loc["Sent to Russia", "figure_id"] == "D1" and early.loc["Still in Kursk", "figure_id"] == "P1"
    assert early.loc["Returned home", "stated_as"] == "no claim yet"
    assert early.loc["Unaccounted for", "value"] == 3_700
    late = balance_on(BALANCE, "2025-06-30").set_index("step")
    # 15,000 - 8,000 - 1,000 - 600 = 5,400 (the newest claim for each term)
    assert late.loc["Unaccounted for", "value"] == 5_400
    # range: sent 12,000..15,000; in Kursk 8,000..8,000; home 1,000; killed 300..600
    assert late.loc["Unaccounted for", ["floor", "ceiling"]].tolist() == [
        12_000 - 8_000 - 1_000 - 600,
        15_000 - 8_000 - 1_000 - 300,
    ]


def test_balance_on_a_chosen_figure_must_stand_that_day():
    chosen = balance_on(BALANCE, "2025-06-30", choose={"killed": "K1"}).set_index("step")
    assert chosen.loc["Unaccounted for", "value"] == 15_000 - 8_000 - 1_000 - 300
    with pytest.raises(LookupError, match="^D2 is not a standing troops_deployed claim on 2025-01-31$") as refused:
        balance_on(BALANCE, "2025-01-31", choose={"troops_deployed": "D2"})  # D2 was said in June
    assert refused.type is LookupError  # not an IndexError, which pytest.raises(LookupError) would also accept


def test_substitutions_swap_one_term_per_standing_claimant():
    result = substitutions(BALANCE, "2025-06-30").set_index(["term", "claimant_id"])
    # base remainder 5,400; a's 12,000 sent instead of b's 15,000 gives 2,400
    assert result.loc[("Sent to Russia", "a"), ["remainder", "change"]].tolist() == [2_400, -3_000]
    assert result.loc[("Killed", "a"), ["figure_id", "remainder"]].tolist() == ["K1", 5_700]
    assert ("Killed", "c") not in result.index
    assert result.loc[("Killed", "b"), "is_base"] and result.loc[("Killed", "b"), "change"] == 0


def test_bounds_take_the_stated_ends_else_the_number():
    rows = table(
        claim("B1", "a", "killed", 100, "2025-01-01", low=90),
        claim("B2", "b", "killed", 200, "2025-01-01", high=250),
        claim("B3", "c", "killed", 300, "2025-01-01"),
    )
    standing = standing_on(rows, "killed", "2025-01-01").set_index("figure_id")
    assert standing.loc[["B1", "B2", "B3"], "floor"].tolist() == [90, 200, 300]
    assert standing.loc[["B1", "B2", "B3"], "ceiling"].tolist() == [100, 250, 300]


def test_a_claim_exactly_max_age_days_old_no_longer_stands():
    rows = table(claim("A1", "a", "killed", 100, "2025-02-01"), claim("A2", "b", "killed", 200, "2025-02-02"))
    assert standing_on(rows, "killed", "2025-03-01", max_age_days=28)["figure_id"].tolist() == ["A2"]
    assert standing_on(rows, "killed", "2025-03-01", max_age_days=29)["figure_id"].tolist() == ["A1", "A2"]


def test_a_claimants_latest_claim_is_the_last_reported_then_the_latest_dated_then_the_last_id():
    rows = table(
        claim("L2", "a", "killed", 200, "2025-03-01"),
        claim("L1", "a", "killed", 100, "2025-03-01"),
        claim("L3", "a", "killed", 300, "2025-02-01"),
        claim("M1", "b", "killed", 50, "2025-01-01"),
    )
    rows.loc[rows["figure_id"] == "L1", "as_of"] = pd.Timestamp("2025-03-01")
    rows.loc[rows["figure_id"] == "L2", "as_of"] = pd.Timestamp("2025-02-15")  # said on 1 March about mid-February
    standing = standing_on(rows, "killed", "2025-03-05")
    assert standing["figure_id"].tolist() == ["M1", "L1"]  # ordered by when they were said
    rows.loc[rows["figure_id"] == "L2", "as_of"] = pd.Timestamp("2025-03-01")  # same day, same as_of: the last id
    assert standing_on(rows, "killed", "2025-03-05").set_index("claimant_id").loc["a", "figure_id"] == "L2"


def test_places_limit_the_claims_that_stand():
    rows = table(
        claim("Q1", "a", "troops_present", 8_000, "2025-01-01", place="kursk-oblast"),
        claim("Q2", "b", "troops_present", 11_000, "2025-01-02", place="russia"),
    )
    assert standing_on(rows, "troops_present", "2025-02-01", {"kursk-oblast"})["figure_id"].tolist() == ["Q1"]
    assert standing_on(rows, "troops_present", "2025-02-01")["figure_id"].tolist() == ["Q1", "Q2"]
    result = envelope(rows, "troops_present", ["2025-02-01"], places={"russia"})
    assert result.loc["2025-02-01", ["claims", "lowest", "highest"]].tolist() == [1, 11_000, 11_000]


def test_envelope_on_days_with_no_claims():
    days = ["2024-01-01", "2024-11-01", "2030-01-01"]
    result = envelope(SENT, "troops_deployed", days, max_age_days=100)
    assert result.index.tolist() == list(pd.to_datetime(days))
    assert result["claims"].tolist() == [0, 1, 0]  # before the first claim; after they all aged
    assert result.loc["2024-01-01", ["lowest", "highest"]].isna().all()
    assert result.loc["2024-11-01", ["lowest", "lowest_by", "highest", "highest_by"]].tolist() == [
        10_000,
        "a",
        10_000,
        "a",
    ]
    nothing = envelope(SENT, "troops_deployed", ["2024-01-01"])
    assert nothing.index.tolist() == [pd.Timestamp("2024-01-01")] and nothing["claims"].tolist() == [0]
