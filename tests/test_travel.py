"""How a number travels, on a small hand-made table whose answers are worked out by hand."""

import pandas as pd
import pytest

from dprk_kursk.frames import pages_carrying, pages_per_figure
from dprk_kursk.travel import corroboration_by_claimant, direction, drift_kind, drifts

FIGURES = pd.DataFrame(
    [
        {
            "figure_id": "F1",
            "claimant_id": "a",
            "measure": "killed",
            "value": 1000.0,
            "low": None,
            "high": None,
            "qualifier": "about",
            "stated_as": "about 1,000",
            "status": "active",
        },
        {
            "figure_id": "F2",
            "claimant_id": "a",
            "measure": "troops_planned",
            "value": 27500.0,
            "low": 25000.0,
            "high": 30000.0,
            "qualifier": "range",
            "stated_as": "25,000 to 30,000",
            "status": "active",
        },
        {
            "figure_id": "F3",
            "claimant_id": "b",
            "measure": "killed",
            "value": 100.0,
            "low": 100.0,
            "high": None,
            "qualifier": "at_least",
            "stated_as": "at least 100",
            "status": "active",
        },
        {
            "figure_id": "F4",
            "claimant_id": "b",
            "measure": "killed",
            "value": 5.0,
            "low": None,
            "high": None,
            "qualifier": "exact",
            "stated_as": "5",
            "status": "retracted",
        },
    ]
)
CITATIONS = pd.DataFrame(
    [
        {
            "figure_id": "F1",
            "source_id": "S1",
            "value": 1000.0,
            "low": 1000.0,
            "high": None,
            "qualifier": "more_than",
            "stated_as": "more than 1,000",
        },
        {
            "figure_id": "F1",
            "source_id": "S2",
            "value": 1000.0,
            "low": None,
            "high": None,
            "qualifier": "exact",
            "stated_as": "1,000",
        },
        {
            "figure_id": "F2",
            "source_id": "S3",
            "value": 30000.0,
            "low": None,
            "high": 30000.0,
            "qualifier": "up_to",
            "stated_as": "up to 30,000",
        },
        {
            "figure_id": "F3",
            "source_id": "S4",
            "value": 100.0,
            "low": None,
            "high": None,
            "qualifier": "exact",
            "stated_as": "100",
        },
        {
            "figure_id": "F3",
            "source_id": "S5",
            "value": 120.0,
            "low": None,
            "high": None,
            "qualifier": "about",
            "stated_as": "about 120",
        },
        {
            "figure_id": "F4",
            "source_id": "S6",
            "value": 5.0,
            "low": None,
            "high": None,
            "qualifier": "exact",
            "stated_as": "5",
        },
    ]
)


def test_pages_count_the_figures_own_page_and_its_citations():
    assert pages_per_figure(FIGURES, CITATIONS).to_dict() == {"F1": 3, "F2": 2, "F3": 3}  # F4 is retracted


def test_each_drift_is_named_with_its_direction():
    table = drifts(FIGURES, CITATIONS).set_index("source_id")
    assert table.loc["S1", ["kind", "direction"]].tolist() == ["floor added", "larger"]  # about -> more than
    assert table.loc["S2", ["kind", "direction"]].tolist() == ["same wording", "same"]  # about -> plain
    assert table.loc["S3", ["kind", "direction"]].tolist() == ["range cut to its top", "larger"]
    assert table.loc["S4", ["kind", "direction"]].tolist() == ["floor dropped", "smaller"]  # at least 100 -> 100
    assert table.loc["S5", ["kind", "direction"]].tolist() == ["another number", "larger"]
    assert "S6" not in table.index


def test_claimants_ranked_by_share_of_figures_a_second_page_carries():
    table = corroboration_by_claimant(FIGURES, CITATIONS)
    assert table.loc["a", ["figures", "carried_twice", "median_pages"]].tolist() == [2, 2, 2.5]
    assert table.loc["b", ["figures", "carried_twice"]].tolist() == [1, 1]


def test_a_figure_no_page_cites_is_carried_by_its_own_page_only():
    ids = pd.Series(["F3", "F9", "F1"], index=[10, 11, 12])
    pages = pages_carrying(ids, CITATIONS)
    assert pages.to_dict() == {10: 3, 11: 1, 12: 3} and pages.name == "pages" and str(pages.dtype) == "int64"


def wording(qualifier, value, low=None, high=None):
    return {"qualifier": qualifier, "value": value, "low": low, "high": high}


RANGE = wording("range", 27_500, 25_000, 30_000)


@pytest.mark.parametrize(
    "figure, citation, kind, way",
    [
        (RANGE, wording("up_to", 30_000), "range cut to its top", "larger"),
        (RANGE, wording("exact", 25_000), "range cut to its bottom", "smaller"),
        (RANGE, wording("at_least", 25_000), "range cut to its bottom", "smaller"),
        (RANGE, wording("range", 30_000, 30_000, 35_000), "another number", "larger"),  # a range moved up is no cut
        (RANGE, wording("exact", 27_500), "same wording", "same"),
        (RANGE, wording("about", 26_000), "another number", "smaller"),
        (wording("exact", 1_000), wording("exact", 1_000), "same wording", "same"),
        (wording("about", 1_000), wording("exact", 1_000), "same wording", "same"),
        (wording("at_least", 1_000), wording("more_than", 1_000), "same wording", "same"),
        (wording("less_than", 1_000), wording("up_to", 1_000), "same wording", "same"),
        (wording("at_least", 1_000), wording("about", 1_000), "floor dropped", "smaller"),
        (wording("exact", 1_000), wording("more_than", 1_000), "floor added", "larger"),
        (wording("up_to", 1_000), wording("exact", 1_000), "ceiling dropped", "larger"),
        (wording("about", 1_000), wording("less_than", 1_000), "ceiling added", "smaller"),
        (wording("more_than", 1_000), wording("up_to", 1_000), "floor and ceiling swapped", "smaller"),
        (wording("up_to", 1_000), wording("at_least", 1_000), "floor and ceiling swapped", "larger"),
        (wording("exact", 1_000), wording("up_to", 999), "another number", "smaller"),
        (wording("up_to", 1_000), wording("up_to", 1_001), "another number", "larger"),
    ],
)
def test_drift_kind_and_direction(figure, citation, kind, way):
    assert (drift_kind(figure, citation), direction(figure, citation)) == (kind, way)


def test_drifts_carry_both_wordings_and_who_said_it():
    table = drifts(FIGURES, CITATIONS).set_index("source_id")
    assert table.columns.tolist() == [
        "figure_id",
        "claimant_id",
        "measure",
        "as_first_stated",
        "as_relayed",
        "kind",
        "direction",
    ]
    assert table.loc["S3", ["figure_id", "claimant_id", "measure", "as_first_stated", "as_relayed"]].tolist() == [
        "F2",
        "a",
        "troops_planned",
        "25,000 to 30,000",
        "up to 30,000",
    ]


def test_drifts_of_nothing_is_an_empty_table_with_its_columns():
    table = drifts(FIGURES, CITATIONS[CITATIONS["figure_id"] == "F4"])
    assert table.empty and table.columns.tolist() == [
        "figure_id",
        "source_id",
        "claimant_id",
        "measure",
        "as_first_stated",
        "as_relayed",
        "kind",
        "direction",
    ]


def test_corroboration_shares_are_rounded_and_ranked():
    figures = pd.concat(
        [
            FIGURES,
            pd.DataFrame(
                [
                    {
                        "figure_id": "F5",
                        "claimant_id": "b",
                        "measure": "killed",
                        "value": 7.0,
                        "qualifier": "exact",
                        "status": "active",
                    },
                    {
                        "figure_id": "F6",
                        "claimant_id": "b",
                        "measure": "killed",
                        "value": 8.0,
                        "qualifier": "exact",
                        "status": "active",
                    },
                    {
                        "figure_id": "F7",
                        "claimant_id": "c",
                        "measure": "killed",
                        "value": 9.0,
                        "qualifier": "exact",
                        "status": "active",
                    },
                ]
            ),
        ],
        ignore_index=True,
    )
    table = corroboration_by_claimant(figures, CITATIONS)
    # a: F1 (3 pages), F2 (2): 2 of 2. b: F3 (3), F5 (1), F6 (1): 1 of 3 = 0.33. c: F7 (1): none
    assert table.index.tolist() == ["a", "b", "c"]
    assert table.loc["b", ["figures", "carried_twice", "median_pages", "share_carried_twice"]].tolist() == [
        3,
        1,
        1,
        0.33,
    ]
    assert table.loc["c", ["carried_twice", "share_carried_twice"]].tolist() == [0, 0.0]


def test_corroboration_ties_rank_the_claimant_with_more_figures_first():
    figures = FIGURES.assign(claimant_id=["a", "b", "b", "c"], status="active")
    table = corroboration_by_claimant(figures, CITATIONS.assign(figure_id=CITATIONS["figure_id"].replace("F4", "F1")))
    assert table.index.tolist() == ["b", "a", "c"]  # a and b carry every figure twice; b has two; c's F4 only once
