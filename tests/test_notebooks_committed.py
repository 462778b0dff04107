"""Committed notebooks ran top to bottom in a fresh kernel: nbval only compares cells that carry a count."""

import nbformat
import pytest

from dprk_kursk.paths import NOTEBOOKS

PATHS = sorted(NOTEBOOKS.glob("[0-9][0-9]-*.ipynb"))


def test_there_are_notebooks():
    assert len(PATHS) >= 4


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.name)
def test_cells_ran_in_order_with_outputs(path):
    code = [c for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code"]
    assert [c.execution_count for c in code] == list(range(1, len(code) + 1))


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.name)
def test_notebook_opens_with_its_question_and_closes_with_caveats(path):
    cells = nbformat.read(path, as_version=4).cells
    assert cells[0].cell_type == "markdown" and cells[0].source.startswith("# ")
    assert cells[-1].cell_type == "markdown" and "cannot" in cells[-1].source


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.name)
def test_notebook_states_its_findings_as_computed_text_before_the_caveats(path):
    """The answer is a computed output (dprk_kursk.findings.say), shown just before the closing caveats."""
    cells = nbformat.read(path, as_version=4).cells
    answer = cells[-2]
    assert answer.cell_type == "code" and "say(" in answer.source
    assert any("text/markdown" in output.get("data", {}) for output in answer.outputs)
    assert cells[-3].cell_type == "markdown" and cells[-3].source.startswith("## What this shows")
