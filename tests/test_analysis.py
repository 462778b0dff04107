"""The notebook summaries on small hand-made tables whose answers are worked out by hand."""
import pandas as pd

from dprk_kursk.analysis import first_and_latest, monthly_spread, monthly_volume, single_claimant_measures


def figures(rows):
    frame = pd.DataFrame(rows, columns=["figure_id", "claimant", "claimant_id", "measure", "value", "stated_as", "reported"])
    frame["reported"] = pd.to_datetime(frame["reported"])
    frame["status"] = "active"
    frame["as_of"], frame["place_id"], frame["counted"] = frame["reported"], "kursk-oblast", "kpa_troops"
    frame["scope"], frame["basis"], frame["as_of_precision"] = "whole", "cumulative", "day"
    return frame


SAMPLE = figures([
    ("F1", "A", "a", "killed", 100.0, "100", "2025-01-05"),
    ("F2", "A", "a", "killed", 300.0, "300", "2025-02-01"),
    ("F3", "B", "b", "killed", 1000.0, "1,000", "2025-01-20"),
    ("F4", "B", "b", "wounded", 50.0, "50", "2025-03-01"),
    ("F5", "C", "c", "killed", 3.0, "3", "2025-01-21"),
])
SAMPLE.loc[SAMPLE["figure_id"] == "F5", "scope"] = "part"  # one battle: never compared with totals


def test_first_and_latest_per_claimant():
    table = first_and_latest(SAMPLE, "killed")
    assert table.loc["A", "first"] == "100" and table.loc["A", "latest"] == "300"
    assert table.loc["B", "first"] == table.loc["B", "latest"] == "1,000"
    assert table["figures"].to_dict() == {"A": 2, "B": 1}  # C's one battle is not a total


def test_monthly_spread_compares_claimants_in_a_month():
    table = monthly_spread(SAMPLE, "killed")
    january = table.loc[pd.Period("2025-01", "M")]
    assert (january["claimants"], january["lowest"], january["highest"], january["ratio"]) == (2, 100, 1000, 10.0)  # not 3


def test_single_claimant_measures_sorted_by_claimants():
    table = single_claimant_measures(SAMPLE)
    assert table.loc["wounded", "claimants"] == 1 and table.loc["killed", "claimants"] == 3
    assert table.index[0] == "wounded"


def test_monthly_volume_keeps_empty_months():
    events = pd.DataFrame({"date": pd.to_datetime(["2025-05-10"])})
    table = monthly_volume(SAMPLE, events)
    assert list(table.index.astype(str)) == ["2025-01", "2025-02", "2025-03", "2025-04", "2025-05"]
    assert table.loc[pd.Period("2025-04", "M")].tolist() == [0, 0]
    assert table["figures"].sum() == 5 and table["events"].sum() == 1
