"""The notebook summaries on small hand-made tables whose answers are worked out by hand."""

import pandas as pd
import pytest

from dprk_kursk.analysis import (
    comparable,
    first_and_latest,
    monthly_spread,
    monthly_volume,
    per_claimant,
    relay_chains,
    single_claimant_measures,
    whole_numbers,
)


def figures(rows):
    frame = pd.DataFrame(
        rows, columns=["figure_id", "claimant", "claimant_id", "measure", "value", "stated_as", "reported"]
    )
    frame["reported"] = pd.to_datetime(frame["reported"])
    frame["status"] = "active"
    frame["as_of"], frame["place_id"], frame["counted"] = frame["reported"], "kursk-oblast", "kpa_troops"
    frame["scope"], frame["basis"], frame["as_of_precision"] = "whole", "cumulative", "day"
    return frame


SAMPLE = figures(
    [
        ("F1", "A", "a", "killed", 100.0, "100", "2025-01-05"),
        ("F2", "A", "a", "killed", 300.0, "300", "2025-02-01"),
        ("F3", "B", "b", "killed", 1000.0, "1,000", "2025-01-20"),
        ("F4", "B", "b", "wounded", 50.0, "50", "2025-03-01"),
        ("F5", "C", "c", "killed", 3.0, "3", "2025-01-21"),
    ]
)
SAMPLE.loc[SAMPLE["figure_id"] == "F5", "scope"] = "part"  # one battle: never compared with totals


def test_first_and_latest_per_claimant():
    table = first_and_latest(SAMPLE, "killed")
    assert table.loc["A", "first"] == "100" and table.loc["A", "latest"] == "300"
    assert table.loc["B", "first"] == table.loc["B", "latest"] == "1,000"
    assert table["figures"].to_dict() == {"A": 2, "B": 1}  # C's one battle is not a total


def test_monthly_spread_compares_claimants_in_a_month():
    table = monthly_spread(SAMPLE, "killed")
    january = table.loc[pd.Period("2025-01", "M")]
    assert (january["claimants"], january["lowest"], january["highest"], january["ratio"]) == (
        2,
        100,
        1000,
        10.0,
    )  # not 3


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


def candidates():
    """One claim that compares, then one that differs from it in each way that makes a claim not compare."""
    frame = figures([(f"C{i}", "A", "a", "killed", 100.0 + i, str(100 + i), "2025-01-05") for i in range(8)])
    frame.loc[1, "counted"] = "kpa_engineers"  # counts engineers, not the contingent
    frame.loc[2, "scope"] = "part"  # one unit
    frame.loc[3, "basis"] = "increment"  # over a period, not a running total
    frame.loc[4, "as_of_precision"] = "undated"
    frame.loc[5, "status"] = "retracted"
    frame.loc[6, "measure"] = "wounded"
    frame.loc[7, "place_id"] = "russia"
    return frame


def test_comparable_keeps_only_whole_group_totals_of_the_measure():
    assert comparable(candidates(), "killed")["figure_id"].tolist() == ["C0", "C7"]
    assert comparable(candidates(), "killed", places=["kursk-oblast"])["figure_id"].tolist() == ["C0"]
    assert comparable(candidates(), "killed", places={"russia"})["figure_id"].tolist() == ["C7"]
    assert comparable(candidates(), "killed", places=iter(["russia"]))["figure_id"].tolist() == ["C7"]


def test_comparable_uses_each_measures_own_group_and_basis():
    frame = candidates().iloc[:2].copy()
    frame["measure"], frame["basis"] = "territory_held_km2", "stock"
    frame["counted"] = ["kpa_troops", "ua_forces"]
    assert comparable(frame, "territory_held_km2")["figure_id"].tolist() == ["C1"]
    frame["measure"], frame["counted"], frame["basis"] = "troops_present", "kpa_troops", ["stock", "cumulative"]
    assert comparable(frame, "troops_present")["figure_id"].tolist() == ["C0"]


def test_first_and_latest_dates_and_pages():
    table = first_and_latest(SAMPLE.assign(pages=[1, 4, 2, 1, 1]), "killed")
    assert table.loc["A", ["first reported", "latest reported", "pages carrying the latest"]].tolist() == [
        "2025-01-05",
        "2025-02-01",
        4,
    ]
    assert "pages carrying the latest" not in first_and_latest(SAMPLE, "killed")


def test_first_and_latest_lists_claimants_by_name():
    frame = SAMPLE.copy()
    frame.loc[frame["claimant"] == "B", "reported"] = pd.Timestamp("2024-12-01")  # B now speaks first
    assert first_and_latest(frame, "killed").index.tolist() == ["A", "B"]


def test_first_and_latest_breaks_a_same_day_tie_by_id():
    frame = SAMPLE.copy()
    frame.loc[frame["figure_id"] == "F2", "reported"] = pd.Timestamp("2025-01-05")
    frame.loc[frame["figure_id"] == "F1", "figure_id"] = "F9"  # said the same day as F2, with a later id
    assert first_and_latest(frame, "killed").loc["A", ["first", "latest"]].tolist() == ["300", "100"]


def test_monthly_spread_ratio_is_the_highest_over_the_lowest():
    frame = SAMPLE.copy()
    frame.loc[frame["figure_id"] == "F3", "value"] = 333.0  # January: 100 and 333
    january = monthly_spread(frame, "killed").loc[pd.Period("2025-01", "M")]
    assert january["ratio"] == pytest.approx(3.33) and january["highest"] == 333
    assert monthly_spread(frame, "killed").index.name == "month"


def test_per_claimant_largest_first_then_by_name():
    frame = SAMPLE.assign(country=["US", "US", "UA", "UA", "KR"])
    frame.loc[frame["figure_id"] == "F4", "status"] = "retracted"
    table = per_claimant(frame)
    assert table.to_dict("records") == [
        {"country": "US", "claimant": "A", "figures": 2},
        {"country": "UA", "claimant": "B", "figures": 1},
        {"country": "KR", "claimant": "C", "figures": 1},
    ]
    assert table.index.tolist() == [0, 1, 2]


def test_relay_chains_count_relayed_figures_only():
    frame = SAMPLE.assign(relays=["Yonhap", None, "TASS", "TASS", "Yonhap"], publisher=["BBC", "CNN", "RT", "RT", "AP"])
    retracted = frame.iloc[[2]].assign(figure_id="F6", claimant="A", status="retracted")  # A via TASS, withdrawn
    table = relay_chains(pd.concat([frame, retracted], ignore_index=True))
    assert table.to_dict("records") == [
        {"claimant": "B", "relays": "TASS", "publisher": "RT", "figures": 2},
        {"claimant": "A", "relays": "Yonhap", "publisher": "BBC", "figures": 1},
        {"claimant": "C", "relays": "Yonhap", "publisher": "AP", "figures": 1},
    ]
    assert table.index.tolist() == [0, 1, 2]


def test_single_claimant_measures_count_figures_and_break_ties_by_figures():
    frame = pd.concat(
        [SAMPLE, SAMPLE.iloc[[3]].assign(figure_id="F6", measure="missing"), SAMPLE.iloc[[3]].assign(figure_id="F7")],
        ignore_index=True,
    )
    table = single_claimant_measures(frame)
    assert table.index.tolist() == ["missing", "wounded", "killed"]
    assert table.loc["wounded", ["claimants", "figures"]].tolist() == [1, 2]


def test_monthly_volume_starts_at_the_earliest_of_figures_and_events():
    events = pd.DataFrame({"date": pd.to_datetime(["2024-11-30", "2025-01-01"])})
    table = monthly_volume(SAMPLE, events)
    assert list(table.index.astype(str)) == ["2024-11", "2024-12", "2025-01", "2025-02", "2025-03"]
    assert table.loc[pd.Period("2025-01", "M")].tolist() == [3, 1] and table.index.name == "month"


def test_whole_numbers_round_and_keep_gaps():
    frame = pd.DataFrame(
        {"km2": [1400.4, 2.6, None], "share": [0.25, 0.5, 0.75]}, index=pd.Index(["a", "b", "c"], name="place")
    )
    table = whole_numbers(frame, ["km2"])
    assert table["km2"].tolist() == ["1,400", "3", ""]
    assert table.index.tolist() == ["a", "b", "c"]


def test_caveats_name_other_measure_links_and_a_part_as_large_as_the_whole():
    from test_standing import claim, table

    from dprk_kursk.analysis import caveats

    figures = table(
        claim("W1", "a", "casualties", 3000, "2025-01-01"),
        claim("W2", "a", "casualties", 5000, "2025-03-01"),
        claim("K1", "b", "killed", 1000, "2025-01-10"),  # below the 3,000 known then: no warning
        claim("K2", "c", "killed", 3000, "2025-02-01"),  # equal to the 3,000 known then: likely both
        claim("K3", "d", "killed", 4000, "2024-12-01"),  # before any whole was claimed: no warning
        claim("K4", "e", "killed", 4000, "2025-02-10"),  # linked: the link's note, not the size rule
        claim("K5", "f", "killed", 200, "2025-02-11"),  # linked with no note: the default words
    )
    links = pd.DataFrame(
        [
            {"figure_id": "K4", "related_id": "W1", "relation": "other_measure", "note": "said as killed and wounded"},
            {"figure_id": "K5", "related_id": "W1", "relation": "other_measure", "note": None},
            {"figure_id": "K1", "related_id": "W1", "relation": "part_of", "note": "not a warning"},
        ]
    )
    found = caveats(figures, links, "killed")
    assert found.to_dict() == {
        "K2": "no fewer than the 3,000 killed and wounded claimed by then: likely counts both",
        "K4": "said as killed and wounded",
        "K5": "counts another measure",
    }
    assert found.name == "warning"
    assert caveats(figures, links, "casualties").empty  # the whole itself is never checked against itself
    assert list(caveats(figures, links, "wounded").index) == []


def test_caveats_check_wounded_against_the_whole_too():
    from test_standing import claim, table

    from dprk_kursk.analysis import caveats

    figures = table(claim("W1", "a", "casualties", 300, "2025-01-01"), claim("U1", "b", "wounded", 300, "2025-01-02"))
    links = pd.DataFrame(columns=["figure_id", "related_id", "relation", "note"])
    assert list(caveats(figures, links, "wounded").index) == ["U1"]
