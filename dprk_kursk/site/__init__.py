"""The static site, built from dprk_kursk/templates/ (Jinja2, autoescaped): an overview answering the headline questions,
a page for every figure ever released, a claims explorer, a timeline, every notebook (results first, code on
request) and the data dictionary. Every link is relative and nothing is fetched, so it works from file://.

`build_site(out_dir, dist)` is the one entry point (scripts/build_report.py calls it).
"""

import json
import re
import shutil
from pathlib import Path

import pandas as pd

from dprk_kursk.changes import read_changes
from dprk_kursk.export import archive_name
from dprk_kursk.feeds import write_feeds
from dprk_kursk.frames import active
from dprk_kursk.paths import DESCRIPTOR, DICTIONARY, FIGURES, NOTEBOOKS, ROOT
from dprk_kursk.render import html_environment, markdown_to_html
from dprk_kursk.site.claims import claim_pages
from dprk_kursk.site.front import answers
from dprk_kursk.site.labels import MEASURE_LABELS
from dprk_kursk.site.rows import claim_rows, event_rows

ASSETS = ("site.css", "explorer.js", "front.js")
# Where the site is published; a claim's citation names its page under it.
SITE_ADDRESS = "https://dprk-troops-russia-kursk.github.io/dprk-troops-russia-kursk/"
CHART_CALL = re.compile(r"""["'](\d\d-[a-z0-9-]+)["']""")

CLAIM_COLUMNS = [
    {"field": "figure_id", "label": "id", "page": "claims/{}.html"},
    {"field": "stated_as", "label": "as stated", "also": "stated_as_en"},
    {"field": "bounds", "label": "bounds", "className": "num"},
    {"field": "measure_label", "label": "measure"},
    {"field": "claimant", "label": "claimant"},
    {"field": "country", "label": "country"},
    {"field": "as_of", "label": "describes", "className": "date"},
    {"field": "reported", "label": "said on", "className": "date"},
    {"field": "what", "label": "counts", "className": "wide"},
    {"field": "note", "label": "curator's note", "className": "note"},
    {"field": "warning", "label": "read with", "className": "warn"},
    {"field": "publisher", "label": "source", "link": "url"},
    {"field": "pages", "label": "pages", "className": "num"},
]
EVENT_COLUMNS = [
    {"field": "event_id", "label": "id"},
    {"field": "date", "label": "date", "className": "date"},
    {"field": "category", "label": "category"},
    {"field": "summary", "label": "what happened", "className": "wide"},
    {"field": "place", "label": "place"},
    {"field": "claimant", "label": "who"},
    {"field": "country", "label": "country"},
    {"field": "publisher", "label": "source", "link": "url"},
]


def copy_into(out_dir: Path, source: Path, name: str) -> str:
    target = out_dir / name
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    return name


def chart_words(stem: str) -> dict:
    """A chart's title, subtitle and alt text: figures/<stem>.json when the charts write it, else the .txt lines."""
    described = FIGURES / f"{stem}.json"
    if described.is_file():
        words = json.loads(described.read_text(encoding="utf-8"))
        return {"title": words["title"], "subtitle": words.get("subtitle", ""), "alt": words["alt"]}
    title, alt = (FIGURES / f"{stem}.txt").read_text(encoding="utf-8").splitlines()[:2]
    return {"title": title, "subtitle": "", "alt": alt}


def notebook_body(path: Path, exporter) -> tuple:
    """A notebook's HTML, each chart shown from its SVG in figures/ with its alt text, and its title (its first
    Markdown line). A chart is the image output of a cell that names a figure stem ("02-losses")."""
    import nbformat

    notebook = nbformat.read(path, as_version=4)
    for cell in notebook.cells:
        stems = (
            [stem for stem in CHART_CALL.findall(cell.source) if (FIGURES / f"{stem}.svg").is_file()]
            if cell.cell_type == "code"
            else []
        )
        for output in cell.get("outputs", []) if stems else []:
            if "image/png" in output.get("data", {}):
                metadata = output.setdefault("metadata", {})
                metadata["image/png"] = {"alt": chart_words(stems[0])["alt"]}
                metadata["filenames"] = {"image/png": f"figures/{stems[0]}.svg"}
    body, _ = exporter.from_notebook_node(notebook)
    first = next((c.source for c in notebook.cells if c.cell_type == "markdown"), "")
    return body, first.splitlines()[0].lstrip("# ").strip() if first else path.stem


def dataset_json_ld(package, downloads: list) -> dict:
    """schema.org Dataset: what it is, its version and licence, coverage, measures, every download, how to cite."""
    descriptor, figures = package.descriptor, package.figures
    measures = json.loads(DESCRIPTOR.read_text(encoding="utf-8"))
    definitions = next(
        f
        for r in measures["resources"]
        if r["name"] == "figures"
        for f in r["schema"]["fields"]
        if f["name"] == "measure"
    )["x-vocabulary"]
    return {
        "@context": "https://schema.org",
        "@type": "Dataset",
        "name": descriptor["title"],
        "identifier": descriptor["name"],
        "description": descriptor["description"],
        "version": descriptor["version"],
        "url": SITE_ADDRESS,
        "license": [lic.get("path", lic.get("name")) for lic in descriptor.get("licenses", [])],
        "keywords": descriptor.get("keywords", []),
        "dateCreated": descriptor.get("created", ""),
        "creator": [{"@type": "Organization", "name": c["title"]} for c in descriptor.get("contributors", [])],
        "temporalCoverage": f"{figures['reported'].min():%Y-%m-%d}/{figures['reported'].max():%Y-%m-%d}",
        "spatialCoverage": [
            {"@type": "Place", "name": name} for name in ("Russia", "Kursk Oblast", "Ukraine", "North Korea")
        ],
        "variableMeasured": [
            {"@type": "PropertyValue", "name": MEASURE_LABELS[code], "propertyID": code, "description": text}
            for code, text in definitions.items()
        ],
        "distribution": [
            {"@type": "DataDownload", "name": d["text"], "contentUrl": d["href"], "encodingFormat": d["format"]}
            for d in downloads
        ],
        "citation": f"{', '.join(c['title'] for c in descriptor.get('contributors', []))}, {descriptor['title']}, "
        f"version {descriptor['version']}. Cite a figure by its id (F0001) and this version.",
    }


def downloads(package, out_dir: Path, archive: Path) -> list:
    formats = {".csv": "text/csv", ".json": "application/json", ".zip": "application/zip"}
    files = [
        (f"{res['path']} ({res['name']})", copy_into(out_dir, ROOT / res["path"], res["path"]))
        for res in package.descriptor["resources"]
    ]
    files += [
        ("datapackage.json (descriptor and schemas)", copy_into(out_dir, DESCRIPTOR, "datapackage.json")),
        (f"{archive.name} (everything, with sizes and hashes)", copy_into(out_dir, archive, archive.name)),
    ]
    return [{"text": text, "href": href, "format": formats[Path(href).suffix]} for text, href in files]


def inactive_ids(package) -> dict:
    """Every figure id not active: its status and the row that replaced it (for the explorer's ?id= message)."""
    figures = package.figures[package.figures["status"] != "active"]
    return {
        row.figure_id: {"status": row.status, "replaced_by": "" if pd.isna(row.superseded_by) else row.superseded_by}
        for row in figures.itertuples()
    }


CLAIMS_PAGE = {
    "template": "claims.html",
    "title": "Every claim",
    "table_name": "claims",
    "columns": CLAIM_COLUMNS,
    "filters": [
        {"field": "measure", "label": "measure", "text": "measure_label"},
        {"field": "country", "label": "country", "text": "country"},
        {"field": "claimant", "label": "claimant", "text": "claimant"},
    ],
    "dates": [("reported", "the day it was said"), ("as_of", "the time it describes")],
    "undated": True,
}
TIMELINE_PAGE = {
    "template": "timeline.html",
    "title": "Timeline",
    "table_name": "timeline",
    "columns": EVENT_COLUMNS,
    "filters": [
        {"field": "category", "label": "category", "text": "category"},
        {"field": "country", "label": "country", "text": "country"},
        {"field": "claimant", "label": "who", "text": "claimant"},
    ],
    "dates": [("date", "the day of the event")],
    "undated": False,
}


def page_writer(out_dir: Path, nav: list):
    """write(name, template, **context): render `template` into out_dir/name, links made relative to its folder."""
    environment = html_environment()

    def write(name: str, template: str, **context) -> None:
        target = out_dir / name
        target.parent.mkdir(parents=True, exist_ok=True)
        html = environment.get_template(template).render(root="../" * name.count("/"), nav=nav, current=name, **context)
        target.write_text(html, encoding="utf-8")

    return write


def write_notebooks(write, paths: list) -> list:
    """Each notebook as a page; returns (page, title) for the index."""
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="basic")
    written = []
    for path in paths:
        body, title = notebook_body(path, exporter)
        write(f"{path.stem}.html", "notebook.html", title=title, body=markdown_safe(body))
        written.append((f"{path.stem}.html", title))
    return written


def write_tables(write, package) -> int:
    """The claim pages, the claims explorer and the timeline; returns how many claim pages were written."""
    claims = claim_pages(package, SITE_ADDRESS)
    for claim in claims:
        write(
            f"claims/{claim['id']}.html",
            "claim.html",
            title=f"{claim['id']}: {claim['claimant']}, {claim['stated_as']}",
            claim=claim,
        )
    rows = [row | {"measure_label": MEASURE_LABELS.get(row["measure"], row["measure"])} for row in claim_rows(package)]
    for spec, table, inactive in ((CLAIMS_PAGE, rows, inactive_ids(package)), (TIMELINE_PAGE, event_rows(package), {})):
        write(
            spec["template"],
            spec["template"],
            rows=table,
            inactive=inactive,
            **{k: v for k, v in spec.items() if k != "template"},
        )
    return len(claims)


def write_index(write, package, notebooks, charts, files) -> None:
    """The front page: what the package holds, how far it reaches, the headline answers, charts and downloads."""
    standing = active(package.figures)
    counts = {
        "figures": len(standing),
        "claimants": standing["claimant_id"].nunique(),
        "events": len(active(package.events)),
        "sources": len(package.sources),
    }
    record = {key: package.descriptor.get(key, "") for key in ("sources_searched_through", "next_release_due")}
    record["latest_reported"] = standing["reported"].max().strftime("%Y-%m-%d")
    write(
        "index.html",
        "index.html",
        title=package.descriptor["title"],
        version=package.version,
        counts=counts,
        answers=answers(package),
        notebooks=notebooks,
        charts=charts,
        downloads=files,
        record=record,
        dataset=dataset_json_ld(package, files),
    )


def build_site(out_dir: Path, dist: Path) -> dict:
    """Write the whole site into `out_dir` (emptied first); the release archive must already be in `dist`."""
    from dprk_kursk import load_package

    package = load_package()
    archive = dist / archive_name(package.descriptor)
    if not archive.is_file():
        raise FileNotFoundError(f"{archive} is missing: run `make dist` first (make report does)")
    shutil.rmtree(out_dir, ignore_errors=True)
    out_dir.mkdir(parents=True)
    for asset in ASSETS:
        copy_into(out_dir, ROOT / "site" / asset, asset)
    paths = sorted(NOTEBOOKS.glob("[0-9][0-9]-*.ipynb"))
    nav = [("index.html", "Overview"), ("claims.html", "Claims"), ("timeline.html", "Timeline")]
    nav += [(f"{p.stem}.html", f"Notebook {p.stem[:2]}") for p in paths] + [("data-dictionary.html", "Data dictionary")]
    write = page_writer(out_dir, nav)
    charts = [
        {"src": copy_into(out_dir, svg, f"figures/{svg.name}"), **chart_words(svg.stem)}
        for svg in sorted(FIGURES.glob("*.svg"))
    ]
    notebooks = write_notebooks(write, paths)
    files = downloads(package, out_dir, archive)
    # The dictionary links the CSVs from docs/ (../data/…); in the site they sit beside it.
    write(
        "data-dictionary.html",
        "dictionary.html",
        title="Data dictionary",
        body=markdown_to_html(DICTIONARY.read_text(encoding="utf-8").replace("](../", "](")),
    )
    claims = write_tables(write, package)
    write_index(write, package, notebooks, charts, files)
    feeds = write_feeds(out_dir / "feeds", package, read_changes())
    return {"pages": len(notebooks) + 4 + claims, "claims": claims, "charts": len(charts), "feeds": feeds}


def markdown_safe(body: str):
    """nbconvert's output, marked safe: it is the committed notebook's own HTML, not text from the data."""
    from markupsafe import Markup

    return Markup(body)
