"""The notebooks' prose is under test like their code.

Every Markdown cell of every notebook is read: a number of three or more digits, a date or a figure id in it must
also appear in a computed output of the same notebook (where nbval compares it with the committed run), unless it
sits in a paragraph marked as a definition, a blockquote that opens with `**Definition.**`:

    > **Definition.** A floor added: "about 1,000" becomes "more than 1,000".

And on a copy of the package, changing one figure's value fails nbval on the sentence that quoted it.
"""

import os
import re
import shutil
import subprocess
import sys

import nbformat
import pytest
from conftest import set_cell

from dprk_kursk.findings import compared, direction, quantifier, runs
from dprk_kursk.paths import NOTEBOOKS, ROOT

PATHS = sorted(NOTEBOOKS.glob("[0-9][0-9]-*.ipynb"))
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
MONTH = "|".join(MONTHS)
DATE = re.compile(rf"\b(?:(?P<d>\d{{1,2}}) )?(?P<m>{MONTH}) (?P<y>\d{{4}})\b|\b\d{{4}}-\d{{2}}(?:-\d{{2}})?\b")
FIGURE_ID = re.compile(r"\bF\d{4}\b")
NUMBER = re.compile(r"(?<![\w,.])\d{1,3}(?:,\d{3})+(?![\d,])|(?<![\w,.])\d{3,}(?![\d,])")
DEFINITION = "> **Definition.**"


def outputs_text(notebook) -> str:
    """Everything the notebook's code cells printed or displayed as text, joined."""
    parts = []
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            parts.append(output.get("text", ""))
            parts.extend(output.get("data", {}).get(kind, "") for kind in ("text/plain", "text/markdown"))
    return "\n".join(parts)


def prose(cell) -> str:
    """A Markdown cell's text without its definition paragraphs."""
    paragraphs = re.split(r"\n\s*\n", cell.source)
    return "\n\n".join(p for p in paragraphs if not p.lstrip().startswith(DEFINITION))


def iso(match) -> str:
    """A date as written ('6 August 2024', 'August 2024', '2024-08-06') in ISO form."""
    if not match.group("m"):
        return match.group(0)
    month = f"{match.group('y')}-{MONTHS.index(match.group('m')) + 1:02d}"
    return f"{month}-{int(match.group('d')):02d}" if match.group("d") else month


def unsupported(notebook) -> list:
    """(cell id, token) for each date, figure id or long number in Markdown that no computed output carries."""
    shown = outputs_text(notebook)
    shown_numbers = {n.replace(",", "") for n in NUMBER.findall(shown)}
    found = []
    for cell in notebook.cells:
        if cell.cell_type != "markdown":
            continue
        text = prose(cell)
        for match in DATE.finditer(text):
            if match.group(0) not in shown and iso(match) not in shown:
                found.append((cell.id, match.group(0)))
        text = DATE.sub(" ", text)
        found += [(cell.id, i) for i in FIGURE_ID.findall(text) if i not in shown]
        found += [
            (cell.id, n) for n in NUMBER.findall(FIGURE_ID.sub(" ", text)) if n.replace(",", "") not in shown_numbers
        ]
    return found


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.name)
def test_every_number_date_and_figure_in_markdown_is_computed(path):
    assert unsupported(nbformat.read(path, as_version=4)) == []


def doctored():
    """A notebook of two cells: a computed sentence, and Markdown that quotes it and more."""
    notebook = nbformat.v4.new_notebook()
    code = nbformat.v4.new_code_cell("say(...)", id="computed")
    code.outputs = [
        nbformat.v4.new_output(
            "display_data",
            data={
                "text/plain": "On 11 February 2026 about 2,000 of 15,000 (F0003) were unaccounted for.",
                "text/markdown": "On 11 February 2026 about **2,000** of **15,000** (F0003) were unaccounted for.",
            },
        )
    ]
    typed = nbformat.v4.new_markdown_cell(
        "In February 2026 about 2,000 of 15,000 (F0003) were left, 13% of the 15000.\n\n"
        "By 3 March 2026, 2,500 were left (F0009); in 2027 fewer.\n\n"
        '> **Definition.** A floor added: "about 1,000" becomes "more than 1,000".',
        id="typed",
    )
    notebook.cells = [code, typed]
    return notebook


def test_the_check_fails_on_a_doctored_notebook():
    # Worked by hand: February 2026 (2026-02), 2,000, 15,000, 15000, F0003 and 13% are in the output or short;
    # 3 March 2026, 2,500, F0009 and 2027 are not; 1,000 stands in a definition.
    assert unsupported(doctored()) == [
        ("typed", "3 March 2026"),
        ("typed", "F0009"),
        ("typed", "2,500"),
        ("typed", "2027"),
    ]


def test_a_definition_must_be_marked_to_be_exempt():
    notebook = doctored()
    notebook.cells[1].source = notebook.cells[1].source.replace(DEFINITION, "> Definition.")
    assert ("typed", "1,000") in unsupported(notebook)


@pytest.mark.parametrize(
    "part, whole, word",
    [
        (195, 195, "all"),
        (0, 7, "none"),
        (9, 10, "almost all"),
        (89, 100, "most"),
        (126, 195, "most"),
        (5, 10, "half"),
        (25, 69, "some"),
        (2, 29, "few"),
        (1, 10, "some"),
    ],
)
def test_shares_are_worded_by_the_stated_thresholds(part, whole, word):
    assert quantifier(part, whole) == word


def test_comparisons_follow_their_rules():
    assert compared(6000, 100) == "60 times"
    assert compared(15000, 13000) == "less than twice"
    assert compared(2000, 1000) == "2 times"
    assert [direction(1500, 13000), direction(3, 1), direction(5, 5)] == ["rose", "fell", "did not change"]
    assert runs(__import__("pandas").Series([12, 12, 15, 13, 15], index=list("abcde"))) == [
        (12, "a", "b"),
        (15, "c", "c"),
        (13, "d", "d"),
        (15, "e", "e"),
    ]


def test_a_share_out_of_range_is_an_error():
    with pytest.raises(ValueError):
        quantifier(3, 2)


KURSK = "03-kursk-campaign.ipynb"


def test_changing_a_figure_fails_nbval_on_the_sentence_that_quoted_it(tmp_path):
    """Notebook 3 quotes the peak of ground held as computed ("1,300 km²"). Raise that figure to 1,400 in a copy
    (value and wording together, so the copy still validates) and nbval must fail on the sentence that quoted it."""
    for name in ["data", "datapackage.json"]:
        (shutil.copytree if (ROOT / name).is_dir() else shutil.copy)(ROOT / name, tmp_path / name)
    (tmp_path / "notebooks").mkdir()
    shutil.copy(NOTEBOOKS / KURSK, tmp_path / "notebooks" / KURSK)
    figures = (tmp_path / "data" / "figures.csv").read_text(encoding="utf-8").splitlines()
    line = next(i for i, row in enumerate(figures, start=1) if row.startswith("F0021,"))
    assert ",1300," in figures[line - 1], "the peak this test moves is F0021's 1,300 km²"
    set_cell(tmp_path, "data/figures.csv", line, "value", "1400")
    set_cell(tmp_path, "data/figures.csv", line, "stated_as", "1,400")
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "--nbval",
            "--nbval-current-env",
            "-p",
            "no:cacheprovider",
            "-p",
            "nbval.plugin",
            "-o",
            "addopts=",
            "--nbval-sanitize-with",
            str(ROOT / "tests" / "nbval-sanitize.cfg"),
            "--rootdir",
            str(tmp_path),
            str(tmp_path / "notebooks" / KURSK),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=tmp_path,
        # nbval alone: the other installed plugins (xdist, hypothesis, anyio…) would only slow its start.
        env=os.environ | {"DPRK_KURSK_ROOT": str(tmp_path), "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1"},
    )
    assert run.returncode == 1, run.stdout[-3000:]
    failed = re.findall(r"FAILED \S+::(Cell \d+)", run.stdout)
    assert "held peaked at" in run.stdout, run.stdout[-3000:]  # the failing cell is the finding's
    assert "1,400 km²" in run.stdout and "1,300 km²" in run.stdout, run.stdout[-3000:]  # new and stored sentence
    assert failed, run.stdout[-3000:]
