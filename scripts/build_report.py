"""Build the static site: an overview answering the headline questions, a claims explorer, a timeline, every
notebook (results first, code on request) and the data dictionary. Works from the file system and any static
host: every link is relative and nothing is fetched from the network.

Input: the package (through the shared loader), notebooks/NN-*.ipynb as committed, figures/*.png with their
.txt titles and alt text, docs/data-dictionary.md, site/ (style sheet and explorer script), and the release
archive dist/<name>-<version>.zip (`make dist`, which `make report` runs first).
Output: report/ (index.html, claims.html, timeline.html, NN-*.html, data-dictionary.html and the downloads).
"""
import html
import json
import shutil
import sys
from pathlib import Path

import mistune
import nbformat
from nbconvert import HTMLExporter

from dprk_kursk import load_package
from dprk_kursk.analysis import active
from dprk_kursk.export import archive_name
from dprk_kursk.paths import DESCRIPTOR, DICTIONARY, DIST, FIGURES, NOTEBOOKS, REPORT, ROOT
from dprk_kursk.site import claim_rows, event_rows, headline

esc = html.escape
CODE_TOGGLE = ("<p><button id='code-toggle' type='button'>Show the code</button></p><script>"
               "document.body.classList.add('code-hidden');document.getElementById('code-toggle').onclick=function(){"
               "var hidden=document.body.classList.toggle('code-hidden');this.textContent=hidden?'Show the code':'Hide the code';};"
               "</script>")


def page(title: str, body: str, nav: list) -> str:
    links = "".join(f"<a href='{esc(href)}'>{esc(text)}</a>" for href, text in nav)
    return (f"<!doctype html><html lang='en'><head><meta charset='utf-8'><meta name='viewport' "
            f"content='width=device-width,initial-scale=1'><title>{esc(title)}</title>"
            f"<link rel='stylesheet' href='site.css'></head><body><nav>{links}</nav>{body}</body></html>\n")


def embedded(rows: list) -> str:
    """Rows as JSON inside a script element: '</' is escaped so no value can close the element."""
    return json.dumps(rows, ensure_ascii=False, sort_keys=True).replace("</", "<\\/")


def explorer(title: str, intro: str, rows: list, columns: list, filters: list, date_field: str, nav: list) -> str:
    selects = "".join(f"<label>{esc(label)} <select name='{esc(field)}' data-filter='{esc(field)}'><option value=''>all</option></select></label>"
                      for field, label in filters)
    months = (f"<label>from <input type='month' name='from' data-from='{date_field}'></label>"
              f"<label>to <input type='month' name='to' data-to='{date_field}'></label>")
    head = "".join(f"<th>{esc(c['label'])}</th>" for c in columns)
    spec = esc(json.dumps([{k: v for k, v in c.items() if k != "label"} for c in columns]))
    body = (f"<h1>{esc(title)}</h1><p>{intro}</p><div class='filters'>{selects}{months}"
            f"<button id='sort' type='button'>oldest first</button></div><p id='count' class='muted'></p>"
            f"<table id='rows-table' data-sort='{date_field}' data-columns='{spec}'><thead><tr>{head}</tr></thead><tbody></tbody></table>"
            f"<script id='rows' type='application/json'>{embedded(rows)}</script><script src='explorer.js'></script>")
    return page(title, body, nav)


CLAIM_COLUMNS = [
    {"field": "as_of", "label": "describes", "className": "date"}, {"field": "reported", "label": "reported", "className": "date"},
    {"field": "claimant", "label": "claimant"}, {"field": "country", "label": "country"},
    {"field": "measure", "label": "measure"}, {"field": "what", "label": "counts"},
    {"field": "stated_as", "label": "as stated"}, {"field": "bounds", "label": "bounds", "className": "num"},
    {"field": "publisher", "label": "source", "link": "url"}, {"field": "pages", "label": "pages", "className": "num"},
    {"field": "warning", "label": "read with", "className": "warn"}, {"field": "figure_id", "label": "id"}]
EVENT_COLUMNS = [
    {"field": "date", "label": "date", "className": "date"}, {"field": "category", "label": "category"},
    {"field": "place", "label": "place"}, {"field": "claimant", "label": "who"}, {"field": "summary", "label": "what happened"},
    {"field": "publisher", "label": "source", "link": "url"}, {"field": "event_id", "label": "id"}]


def index_page(package, nav, notebooks, charts, downloads) -> str:
    facts = headline(package)
    rows = "".join(
        f"<tr><td>{esc(f['question'])}</td><td class='num'>{esc(f['range'])}</td><td>{esc(f['ends'])}</td>"
        f"<td>{esc(f['latest'])}</td><td class='num'>{f['claims']}</td></tr>" for f in facts["rows"])
    figures = "".join(f"<figure><img src='{esc(src)}' alt='{esc(title)}. {esc(alt)}'><figcaption>{esc(alt)}</figcaption></figure>"
                      for src, title, alt in charts)
    pages = "".join(f"<li><a href='{esc(href)}'>{esc(text)}</a></li>" for href, text in notebooks)
    files = "".join(f"<li><a href='{esc(href)}'>{esc(text)}</a></li>" for text, href in downloads)
    standing = active(package.figures)
    body = (f"<h1>{esc(package.descriptor['title'])}</h1><p>Version {esc(package.version)}. "
            f"{len(standing)} active figures from {standing['claimant_id'].nunique()} claimants, "
            f"{len(active(package.events))} events and {len(package.sources)} source pages. "
            f"Every number is somebody's claim, kept with who said it, when and where it was published.</p>"
            f"<h2>The headline questions, as the claims stood on {esc(facts['day'])}</h2>"
            f"<p class='muted'>Claims standing: each claimant's latest figure for the whole contingent made in the "
            f"year before that day. The range runs from the lowest floor to the highest ceiling their wording states.</p>"
            f"<table class='headline'><tr><th>question</th><th>range of claims</th><th>who holds each end</th>"
            f"<th>newest claim</th><th>claims</th></tr>{rows}</table>"
            f"<p><a href='claims.html'>Explore every claim</a> · <a href='timeline.html'>the timeline</a> · "
            f"<a href='data-dictionary.html'>what each column means</a></p>"
            f"<h2>Analysis</h2><ul>{pages}</ul><h2>Charts</h2>{figures}<h2>Download</h2><ul>{files}</ul>")
    return page(package.descriptor["title"], body, nav)


def notebook_page(path: Path, exporter, nav) -> tuple:
    notebook = nbformat.read(path, as_version=4)
    body, _ = exporter.from_notebook_node(notebook)
    first = next((c.source for c in notebook.cells if c.cell_type == "markdown"), "")
    title = first.splitlines()[0].lstrip("# ").strip() if first else path.stem
    (REPORT / f"{path.stem}.html").write_text(page(title, body + CODE_TOGGLE, nav), encoding="utf-8")
    return f"{path.stem}.html", title


def copy_into_report(source: Path, name: str) -> str:
    target = REPORT / name
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    return name


def main() -> None:
    shutil.rmtree(REPORT, ignore_errors=True)
    REPORT.mkdir()
    package = load_package()
    for asset in ("site.css", "explorer.js"):
        copy_into_report(ROOT / "site" / asset, asset)
    paths = sorted(NOTEBOOKS.glob("[0-9][0-9]-*.ipynb"))
    nav = [("index.html", "Overview"), ("claims.html", "Claims"), ("timeline.html", "Timeline")]
    nav += [(f"{p.stem}.html", f"Notebook {p.stem[:2]}") for p in paths] + [("data-dictionary.html", "Data dictionary")]
    exporter = HTMLExporter(template_name="basic")
    notebooks = [notebook_page(path, exporter, nav) for path in paths]
    archive = DIST / archive_name(package.descriptor)
    if not archive.is_file():
        sys.exit(f"{archive} is missing: run `make dist` first (make report does)")
    downloads = [(f"{res['path']} ({res['name']})", copy_into_report(ROOT / res["path"], res["path"]))
                 for res in package.descriptor["resources"]]
    downloads += [("datapackage.json (descriptor and schemas)", copy_into_report(DESCRIPTOR, "datapackage.json")),
                  (f"{archive.name} (everything, with sizes and hashes)", copy_into_report(archive, archive.name))]
    charts = []
    for png in sorted(FIGURES.glob("*.png")):
        title, alt = png.with_suffix(".txt").read_text(encoding="utf-8").splitlines()[:2]
        charts.append((copy_into_report(png, f"figures/{png.name}"), title, alt))
    # The dictionary links the CSVs from docs/ (../data/…); in the site they sit beside it.
    dictionary = mistune.html(DICTIONARY.read_text(encoding="utf-8").replace("](../", "]("))
    (REPORT / "data-dictionary.html").write_text(page("Data dictionary", dictionary, nav), encoding="utf-8")
    (REPORT / "claims.html").write_text(explorer(
        "Every claim", "One row per active figure: what it counts, who said it, when, and the page it was published on. "
        "<em>describes</em> is the date the figure is about; <em>read with</em> names figures it must not be added to or "
        "compared with blindly.", claim_rows(package), CLAIM_COLUMNS,
        [("measure", "measure"), ("country", "country"), ("claimant", "claimant")], "as_of", nav), encoding="utf-8")
    (REPORT / "timeline.html").write_text(explorer(
        "Timeline", "One row per active event, with the page that reports it.", event_rows(package), EVENT_COLUMNS,
        [("category", "category"), ("country", "country"), ("claimant", "who")], "date", nav), encoding="utf-8")
    (REPORT / "index.html").write_text(index_page(package, nav, notebooks, charts, downloads), encoding="utf-8")
    print(f"report: {len(notebooks) + 4} pages, {len(charts)} charts and the downloads in {REPORT}")


if __name__ == "__main__":
    main()
