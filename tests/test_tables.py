"""Tables a reader can read: counts whole with thousands separators, ratios with their precision, empty cells
empty, human headers and no bare row numbers; checked on a table made by hand."""

import json
import re
from pathlib import Path

import pandas as pd
import pytest

from dprk_kursk.analysis import readable, whole_numbers

HAND = pd.DataFrame(
    {
        "claimant_id": ["kr-nis", "ua-zelensky", "gb-mod"],
        "lowest": [4000.0, 300.0, None],
        "highest": [5000.0, 4000.0, 12345.6],
        "ratio": [5000 / 4000, 4000 / 300, None],
        "reported": pd.to_datetime(["2025-03-05", "2025-01-13", None]),
        "note": ["first", None, "third"],
    }
)


def test_counts_are_whole_with_separators_and_ratios_keep_their_precision():
    table = readable(HAND, counts=["lowest", "highest"], ratios=["ratio"])
    assert table["lowest"].tolist() == ["4,000", "300", ""]
    assert table["highest"].tolist() == ["5,000", "4,000", "12,346"]
    assert table["ratio"].tolist() == ["1.25", "13.33", ""]


def test_empty_cells_are_empty_and_dates_are_days():
    table = readable(HAND, counts=["lowest", "highest"], ratios=["ratio"])
    rendered = table.to_html() + table.to_string()
    assert "<NA>" not in rendered and "NaN" not in rendered and "NaT" not in rendered and "None" not in rendered
    assert table["reported"].tolist() == ["2025-03-05", "2025-01-13", ""]
    assert table["note"].tolist() == ["first", "", "third"]


def test_no_bare_row_numbers_and_human_headers():
    table = readable(HAND, counts=["lowest"], headers={"claimant_id": "claimant", "lowest": "lowest claim"})
    assert table.index.name == "claimant" and table.index.tolist() == ["kr-nis", "ua-zelensky", "gb-mod"]
    assert "lowest claim" in table.columns and "claimant_id" not in table.columns
    assert not any("_" in str(c) for c in table.columns)


def test_whole_numbers_rounds_only_the_counts_it_is_given():
    table = whole_numbers(
        HAND[["lowest", "highest", "ratio"]].set_index(pd.Index(["a", "b", "c"], name="x")), ["lowest", "highest"]
    )
    assert table["ratio"].tolist()[:2] == ["1.25", "13.33"]
    assert table["lowest"].tolist()[:2] == ["4,000", "300"]


def test_a_count_above_999_always_has_a_separator():
    table = readable(pd.DataFrame({"k": ["a", "b"], "n": [1000, 1234567]}), counts=["n"])
    assert table["n"].tolist() == ["1,000", "1,234,567"]


NOTEBOOKS = sorted((Path(__file__).resolve().parent.parent / "notebooks").glob("[0-9][0-9]-*.ipynb"))


def shown_tables(path):
    for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
        for output in cell.get("outputs", []):
            html = "".join(output.get("data", {}).get("text/html", ""))
            if "<table" in html:
                yield cell.get("id"), html


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_no_notebook_table_shows_na_is_cut_or_prints_a_count_without_separators(path):
    for cell, html in shown_tables(path):
        assert "&lt;NA&gt;" not in html and "<NA>" not in html and ">NaN<" not in html, (
            f"cell {cell} shows an empty cell as NA"
        )
        assert not re.search(r"\d+ rows × \d+ columns", html) and ">...<" not in html, f"cell {cell} is cut by pandas"
        assert not re.search(r"\.\.\.</t[dh]>", html), f"cell {cell} cuts a text short"
        for number in re.findall(r"<td>\s*(-?\d{4,}(?:\.\d+)?)\s*</td>", html):
            assert 2000 <= float(number) <= 2030, f"cell {cell} shows {number} without a thousands separator"


def test_the_notebook_check_finds_what_it_looks_for(tmp_path):
    bad = pd.DataFrame({"n": [12000, 3], "x": [None, 1.5]}).astype({"n": "Int64", "x": "Float64"})
    notebook = {"cells": [{"id": "x", "outputs": [{"data": {"text/html": bad.to_html()}}]}]}
    (tmp_path / "01-bad.ipynb").write_text(json.dumps(notebook), encoding="utf-8")
    with pytest.raises(AssertionError):
        test_no_notebook_table_shows_na_is_cut_or_prints_a_count_without_separators(tmp_path / "01-bad.ipynb")


def test_an_index_named_by_the_caller_is_kept_and_renamed():
    frame = pd.DataFrame({"figure_id": ["F1", "F2"], "claimant_id": ["a", "b"], "value": [1.0, 2.0]})
    table = readable(frame, index="figure_id", headers={"figure_id": "figure"})
    assert table.index.name == "figure" and table.index.tolist() == ["F1", "F2"]
    assert list(table.columns) == ["claimant id", "value"]


def test_a_one_column_table_keeps_its_rows_and_a_named_index_is_not_replaced():
    single = readable(pd.DataFrame({"n": [5.0, 6.0]}))
    assert single.index.tolist() == [0, 1] and single["n"].tolist() == ["5", "6"]
    named = readable(pd.DataFrame({"a": ["x"], "b": [1.5]}, index=pd.Index(["r"], name="row_id")))
    assert named.index.name == "row id" and list(named.columns) == ["a", "b"]


def test_other_numbers_keep_their_places_unless_whole_and_negative_zero_reads_zero():
    table = readable(pd.DataFrame({"k": ["a", "b", "c"], "x": [0.5, 2.0, -0.001], "w": [1.0, 2.0, -0.0]}))
    assert table["x"].tolist() == ["0.50", "2.00", "0.00"]
    assert table["w"].tolist() == ["1", "2", "0"]
    assert readable(pd.DataFrame({"k": ["a"], "r": [2.0]}), ratios=["r"])["r"].tolist() == ["2.00"]
    assert readable(pd.DataFrame({"k": ["a"], "r": [2.0]}), ratios=["r"], decimals=1)["r"].tolist() == ["2.0"]
