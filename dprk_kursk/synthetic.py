"""Synthetic copies of the package with many figures rows, for benchmarks and scale tests.

The copy keeps the real descriptor, sources, claimants and events, and replaces figures with `rows`
generated rows that pass every check: each has its own id, number and date, cites a real claimant and
source, and states its number as an exact figure. With `broken_every`, every n-th row gets one of a few
kinds of breakage, so a validator run must report exactly those rows.
"""

import shutil
from datetime import date, timedelta
from pathlib import Path

from dprk_kursk.csvfile import read_csv, write_csv
from dprk_kursk.paths import DATA, DESCRIPTOR

UNDATED = "2025-06-01"  # a day in the window for rows citing a source that shows no publication date
BREAKAGES = [("value", "many"), ("measure", "troops_lost"), ("qualifier", "about"), ("claimant_id", "xx-nobody")]


def figure_row(number: int, claimant_id: str, source_id: str, published: date) -> dict:
    value = 1000 + number
    reported = max(published - timedelta(days=number % 60), date(2024, 6, 1))
    return {
        "figure_id": f"F{number:06d}",
        "measure": "troops_present",
        "counted": "kpa_troops",
        "scope": "whole",
        "part": "",
        "basis": "stock",
        "place_id": "kursk-oblast",
        "value": str(value),
        "low": "",
        "high": "",
        "qualifier": "exact",
        "stated_as": f"{value:,}",
        "unit": "people",
        "claimant_id": claimant_id,
        "reported": reported.isoformat(),
        "as_of": reported.isoformat(),
        "as_of_precision": "day",
        "period_start": "",
        "source_id": source_id,
        "status": "active",
        "superseded_by": "",
        "note": "",
    }


def cited(*row_lists) -> set:
    """The source ids the rows cite, as their source or as the source of their date."""
    return {
        row[column]
        for rows in row_lists
        for row in rows
        for column in ("source_id", "date_source_id")
        if row.get(column)
    }


def write_synthetic(target: Path, rows: int, broken_every: int = 0) -> list:
    """Write a package with `rows` figures into `target`; return the spreadsheet lines that were broken.

    Citations and links are left empty, and only the sources that the figures and events cite are kept, as the
    real package has no uncited source."""
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(DATA, target / "data")
    shutil.copy(DESCRIPTOR, target / "datapackage.json")
    tables = {
        name: read_csv(DATA / f"{name}.csv")
        for name in ("figures", "sources", "claimants", "events", "citations", "figure_links")
    }
    dated = [(s["source_id"], date.fromisoformat(s["published"] or UNDATED)) for s in tables["sources"][1]]
    claimants = [c["claimant_id"] for c in tables["claimants"][1]]
    figures, broken = [], []
    for number in range(1, rows + 1):
        source_id, published = dated[number % len(dated)]
        row = figure_row(number, claimants[number % len(claimants)], source_id, published)
        if broken_every and number % broken_every == 0:
            column, value = BREAKAGES[(number // broken_every) % len(BREAKAGES)]
            row[column] = value
            broken.append(number + 1)
        figures.append(row)
    write_csv(target / "data" / "figures.csv", tables["figures"][0], figures)
    for name in ("citations", "figure_links"):
        write_csv(target / "data" / f"{name}.csv", tables[name][0], [])
    kept = cited(figures, tables["events"][1])
    write_csv(
        target / "data" / "sources.csv",
        tables["sources"][0],
        [s for s in tables["sources"][1] if s["source_id"] in kept],
    )
    return broken


def first_citations(citations: list, figure_ids: set, per_figure: int):
    """At most `per_figure` citations of each figure in `figure_ids`, in file order."""
    taken = {}
    for citation in citations:
        if citation["figure_id"] in figure_ids and taken.get(citation["figure_id"], 0) < per_figure:
            taken[citation["figure_id"]] = taken.get(citation["figure_id"], 0) + 1
            yield citation


def write_sample(target: Path, figure_count: int = 100) -> Path:
    """Write a valid slice of the real package into `target`: the first `figure_count` figures (with the rows
    that replace any of them), two citations of each and their links, every event, and only the sources those rows cite.
    The validator's tests break such a copy: the same rules on a tenth of the rows run in a fraction of the time."""
    tables = {path.stem: read_csv(path) for path in DATA.glob("*.csv")}
    figures = tables["figures"][1]
    by_id = {f["figure_id"]: f for f in figures}
    kept = {f["figure_id"] for f in figures[:figure_count]}
    while True:
        successors = {by_id[i]["superseded_by"] for i in kept if by_id[i]["superseded_by"]} - kept
        if not successors:
            break
        kept |= successors
    rows = {
        "figures": [f for f in figures if f["figure_id"] in kept],
        "citations": list(first_citations(tables["citations"][1], kept, per_figure=2)),
        "figure_links": [link for link in tables["figure_links"][1] if {link["figure_id"], link["related_id"]} <= kept],
    }
    sources = cited(rows["figures"], rows["citations"], tables["events"][1])
    rows["sources"] = [s for s in tables["sources"][1] if s["source_id"] in sources]
    (target / "data").mkdir(parents=True, exist_ok=True)
    shutil.copy(DESCRIPTOR, target / "datapackage.json")
    for name, (fields, all_rows) in tables.items():
        write_csv(target / "data" / f"{name}.csv", fields, rows.get(name, all_rows))
    return target
