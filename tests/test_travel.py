"""How a number travels, on a small hand-made table whose answers are worked out by hand."""
import pandas as pd

from dprk_kursk.travel import corroboration_by_claimant, drifts, pages_per_figure

FIGURES = pd.DataFrame([
    {"figure_id": "F1", "claimant_id": "a", "measure": "killed", "value": 1000.0, "low": None, "high": None, "qualifier": "about", "stated_as": "about 1,000", "status": "active"},
    {"figure_id": "F2", "claimant_id": "a", "measure": "troops_planned", "value": 27500.0, "low": 25000.0, "high": 30000.0, "qualifier": "range", "stated_as": "25,000 to 30,000", "status": "active"},
    {"figure_id": "F3", "claimant_id": "b", "measure": "killed", "value": 100.0, "low": 100.0, "high": None, "qualifier": "at_least", "stated_as": "at least 100", "status": "active"},
    {"figure_id": "F4", "claimant_id": "b", "measure": "killed", "value": 5.0, "low": None, "high": None, "qualifier": "exact", "stated_as": "5", "status": "retracted"},
])
CITATIONS = pd.DataFrame([
    {"figure_id": "F1", "source_id": "S1", "value": 1000.0, "low": 1000.0, "high": None, "qualifier": "more_than", "stated_as": "more than 1,000"},
    {"figure_id": "F1", "source_id": "S2", "value": 1000.0, "low": None, "high": None, "qualifier": "exact", "stated_as": "1,000"},
    {"figure_id": "F2", "source_id": "S3", "value": 30000.0, "low": None, "high": 30000.0, "qualifier": "up_to", "stated_as": "up to 30,000"},
    {"figure_id": "F3", "source_id": "S4", "value": 100.0, "low": None, "high": None, "qualifier": "exact", "stated_as": "100"},
    {"figure_id": "F3", "source_id": "S5", "value": 120.0, "low": None, "high": None, "qualifier": "about", "stated_as": "about 120"},
    {"figure_id": "F4", "source_id": "S6", "value": 5.0, "low": None, "high": None, "qualifier": "exact", "stated_as": "5"},
])


def test_pages_count_the_figures_own_page_and_its_citations():
    assert pages_per_figure(FIGURES, CITATIONS).to_dict() == {"F1": 3, "F2": 2, "F3": 3}  # F4 is retracted


def test_each_drift_is_named_with_its_direction():
    table = drifts(FIGURES, CITATIONS).set_index("source_id")
    assert table.loc["S1", ["kind", "direction"]].tolist() == ["floor added", "larger"]      # about -> more than
    assert table.loc["S2", ["kind", "direction"]].tolist() == ["same wording", "same"]       # about -> plain
    assert table.loc["S3", ["kind", "direction"]].tolist() == ["range cut to its top", "larger"]
    assert table.loc["S4", ["kind", "direction"]].tolist() == ["floor dropped", "smaller"]   # at least 100 -> 100
    assert table.loc["S5", ["kind", "direction"]].tolist() == ["another number", "larger"]
    assert "S6" not in table.index


def test_claimants_ranked_by_share_of_figures_a_second_page_carries():
    table = corroboration_by_claimant(FIGURES, CITATIONS)
    assert table.loc["a", ["figures", "carried_twice", "median_pages"]].tolist() == [2, 2, 2.5]
    assert table.loc["b", ["figures", "carried_twice"]].tolist() == [1, 1]
