"""Synthetic copies of the package with many figures rows, for benchmarks and scale tests.

The copy keeps the real descriptor, sources, claimants and events, and replaces figures with `rows`
generated rows that pass every check: each has its own id, number and date, cites a real claimant and
source, and states its number as an exact figure. With `broken_every`, every n-th row gets one of a few
kinds of breakage, so a validator run must report exactly those rows.
"""
import csv
import shutil
from datetime import date, timedelta
from pathlib import Path

from dprk_kursk.paths import DATA, DESCRIPTOR

UNDATED = "2025-06-01"  # a day in the window for rows citing a source that shows no publication date
BREAKAGES = [("value", "many"), ("measure", "troops_lost"), ("qualifier", "about"), ("claimant_id", "xx-nobody")]


def figure_row(number: int, claimant_id: str, source_id: str, published: date) -> dict:
    value = 1000 + number
    reported = max(published - timedelta(days=number % 60), date(2024, 6, 1))
    return {"figure_id": f"F{number:06d}", "measure": "troops_present", "counted": "kpa_troops", "scope": "whole",
            "part": "", "basis": "stock", "place_id": "kursk-oblast", "value": str(value), "low": "", "high": "",
            "qualifier": "exact", "stated_as": f"{value:,}", "unit": "people", "claimant_id": claimant_id,
            "reported": reported.isoformat(), "as_of": reported.isoformat(), "as_of_precision": "day", "period_start": "",
            "source_id": source_id, "status": "active", "superseded_by": "", "note": ""}


def write_synthetic(target: Path, rows: int, broken_every: int = 0) -> list:
    """Write a package with `rows` figures into `target`; return the spreadsheet lines that were broken."""
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(DATA, target / "data")
    shutil.copy(DESCRIPTOR, target / "datapackage.json")
    (target / "data" / "figure_links.csv").write_text("figure_id,related_id,relation,note\n", encoding="utf-8")
    (target / "data" / "citations.csv").write_text("figure_id,source_id,value,low,high,qualifier,stated_as,note\n", encoding="utf-8")
    with open(DATA / "figures.csv", encoding="utf-8", newline="") as file:
        header = next(csv.reader(file))
    with open(DATA / "sources.csv", encoding="utf-8", newline="") as file:
        dated = [(s["source_id"], date.fromisoformat(s["published"] or UNDATED)) for s in csv.DictReader(file)]
    with open(DATA / "claimants.csv", encoding="utf-8", newline="") as file:
        claimants = [c["claimant_id"] for c in csv.DictReader(file)]
    broken = []
    with open(target / "data" / "figures.csv", "w", encoding="utf-8", newline="") as file:
        writer = csv.DictWriter(file, fieldnames=header, lineterminator="\n")
        writer.writeheader()
        for number in range(1, rows + 1):
            source_id, published = dated[number % len(dated)]
            row = figure_row(number, claimants[number % len(claimants)], source_id, published)
            if broken_every and number % broken_every == 0:
                column, value = BREAKAGES[(number // broken_every) % len(BREAKAGES)]
                row[column] = value
                broken.append(number + 1)
            writer.writerow(row)
    keep_cited_sources(target, {dated[number % len(dated)][0] for number in range(1, rows + 1)})
    return broken


def keep_cited_sources(target: Path, cited: set) -> None:
    """Drop the sources that no synthetic figure and no event cites, as the real package has none."""
    with open(target / "data" / "events.csv", encoding="utf-8", newline="") as file:
        cited |= {e[c] for e in csv.DictReader(file) for c in ("source_id", "date_source_id") if e[c]}
    path = target / "data" / "sources.csv"
    with open(path, encoding="utf-8", newline="") as file:
        reader = csv.DictReader(file)
        fields, kept = reader.fieldnames, [s for s in reader if s["source_id"] in cited]
    with open(path, "w", encoding="utf-8", newline="") as file:
        writer = csv.DictWriter(file, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(kept)


def first_citations(citations: list, figure_ids: set, per_figure: int) -> list:
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
    tables = {}
    for path in DATA.glob("*.csv"):
        with open(path, encoding="utf-8", newline="") as file:
            reader = csv.DictReader(file)
            tables[path.stem] = (reader.fieldnames, list(reader))
    figures = tables["figures"][1]
    by_id = {f["figure_id"]: f for f in figures}
    kept = {f["figure_id"] for f in figures[:figure_count]}
    while True:
        successors = {by_id[i]["superseded_by"] for i in kept if by_id[i]["superseded_by"]} - kept
        if not successors:
            break
        kept |= successors
    rows = {"figures": [f for f in figures if f["figure_id"] in kept],
            "citations": list(first_citations(tables["citations"][1], kept, per_figure=2)),
            "figure_links": [link for link in tables["figure_links"][1] if {link["figure_id"], link["related_id"]} <= kept]}
    cited = {r[c] for name in ("figures", "citations", "events") for r in rows.get(name, tables[name][1])
             for c in ("source_id", "date_source_id") if r.get(c)}
    rows["sources"] = [s for s in tables["sources"][1] if s["source_id"] in cited]
    target.mkdir(parents=True, exist_ok=True)
    (target / "data").mkdir(exist_ok=True)
    shutil.copy(DESCRIPTOR, target / "datapackage.json")
    for name, (fields, all_rows) in tables.items():
        with open(target / "data" / f"{name}.csv", "w", encoding="utf-8", newline="") as file:
            writer = csv.DictWriter(file, fieldnames=fields, lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows.get(name, all_rows))
    return target
