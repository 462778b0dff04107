"""The notebook summaries on small hand-made tables whose answers are worked out by hand."""
import pandas as pd

from dprk_kursk.accounting import balance, substitutions
from dprk_kursk.analysis import first_and_latest, monthly_spread, monthly_volume, single_claimant_measures


def figures(rows):
    frame = pd.DataFrame(rows, columns=["figure_id", "claimant", "claimant_id", "measure", "value", "stated_as", "reported"])
    frame["reported"] = pd.to_datetime(frame["reported"])
    frame["status"] = "active"
    return frame


SAMPLE = figures([
    ("F1", "A", "a", "killed", 100.0, "100", "2025-01-05"),
    ("F2", "A", "a", "killed", 300.0, "300", "2025-02-01"),
    ("F3", "B", "b", "killed", 1000.0, "1,000", "2025-01-20"),
    ("F4", "B", "b", "wounded", 50.0, "50", "2025-03-01"),
])


def test_first_and_latest_per_claimant():
    table = first_and_latest(SAMPLE, "killed")
    assert table.loc["A", "first"] == "100" and table.loc["A", "latest"] == "300"
    assert table.loc["B", "first"] == table.loc["B", "latest"] == "1,000"
    assert table["figures"].to_dict() == {"A": 2, "B": 1}


def test_monthly_spread_compares_claimants_in_a_month():
    table = monthly_spread(SAMPLE, "killed")
    january = table.loc[pd.Period("2025-01", "M")]
    assert (january["claimants"], january["lowest"], january["highest"], january["ratio"]) == (2, 100, 1000, 10.0)


def test_single_claimant_measures_sorted_by_claimants():
    table = single_claimant_measures(SAMPLE)
    assert table.loc["wounded", "claimants"] == 1 and table.loc["killed", "claimants"] == 2
    assert table.index[0] == "wounded"


def test_monthly_volume_keeps_empty_months():
    events = pd.DataFrame({"date": pd.to_datetime(["2025-05-10"])})
    table = monthly_volume(SAMPLE, events)
    assert list(table.index.astype(str)) == ["2025-01", "2025-02", "2025-03", "2025-04", "2025-05"]
    assert table.loc[pd.Period("2025-04", "M")].tolist() == [0, 0]
    assert table["figures"].sum() == 4 and table["events"].sum() == 1


def test_balance_turns_floors_into_a_ceiling_on_the_remainder():
    def row(fid, value, qualifier, low=None, high=None):
        return pd.Series({"figure_id": fid, "stated_as": "", "value": value, "qualifier": qualifier,
                          "low": low, "high": high})
    table = balance(row("D", 100, "about"), {"P": row("P", 40, "at_least", low=40), "K": row("K", 10, "exact")})
    remainder = table.iloc[-1]
    assert remainder["value"] == 50 and remainder["high"] == 50
    assert pd.isna(table.iloc[1]["low"])


def test_substitutions_swap_one_term_per_claimant():
    def fig(fid, claimant_id, measure, value, reported, subject="troops"):
        return {"figure_id": fid, "claimant_id": claimant_id, "measure": measure, "value": value, "stated_as": str(value),
                "qualifier": "exact", "low": None, "high": None, "status": "active", "reported": pd.Timestamp(reported),
                "subject": subject}
    table = pd.DataFrame([fig("D1", "a", "troops_deployed", 100, "2025-01-01"), fig("D2", "b", "troops_deployed", 130, "2025-01-01"),
                          fig("K1", "a", "killed", 10, "2025-01-01"), fig("K2", "b", "killed", 50, "2025-01-01"),
                          fig("K3", "b", "killed", 30, "2025-02-01"), fig("K4", "c", "killed", 2, "2025-03-01", subject="one unit"),
                          fig("P1", "a", "troops_present", 60, "2025-01-01"), fig("P2", "b", "troops_present", 70, "2025-01-01"),
                          fig("P3", "b", "troops_present", 40, "2025-04-01")])
    deployed, killed, present = table.iloc[0], table.iloc[2], table.iloc[6]
    result = substitutions(table, deployed, {"Killed": killed, "Still there": present}).set_index(["term", "claimant_id"])
    # base remainder 100 - 10 - 60 = 30
    assert result.loc[("Sent to Russia", "b"), ["remainder", "change"]].tolist() == [60, 30]  # 130 - 10 - 60
    assert result.loc[("Killed", "b"), ["figure_id", "remainder", "change"]].tolist() == ["K2", -10, -40]  # highest total
    assert result.loc[("Still there", "b"), ["figure_id", "remainder"]].tolist() == ["P3", 50]  # latest stock
    assert ("Killed", "c") not in result.index  # another subject is not a substitute
    assert result.loc[("Killed", "a"), "is_base"] and result.loc[("Killed", "a"), "change"] == 0
