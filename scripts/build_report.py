"""Build the static HTML report: one page per notebook plus an index summarising the package.

Input: notebooks/NN-*.ipynb (as committed, with outputs), figures/*.png, datapackage.json, data/*.csv and
the release archive dist/<name>-<version>.zip (`make dist`, which `make report` runs first).
Output: report/, self-contained: index.html (version, counts, coverage, downloads, charts), one page per
notebook, and copies of the CSVs, the descriptor, the archive and the charts it links.
"""
import html
import shutil
import sys
from pathlib import Path

import nbformat
from nbconvert import HTMLExporter

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from dprk_kursk import load_package  # noqa: E402
from dprk_kursk.analysis import active  # noqa: E402
from dprk_kursk.export import archive_name  # noqa: E402
from dprk_kursk.paths import DESCRIPTOR, DICTIONARY, DIST, FIGURES, NOTEBOOKS, REPORT, ROOT  # noqa: E402

STYLE = ("body{font-family:sans-serif;max-width:56em;margin:2em auto;padding:0 1em;line-height:1.5}"
         "table{border-collapse:collapse}td,th{border-bottom:1px solid #ddd;padding:.2em .8em;text-align:left}"
         "img{max-width:100%;border:1px solid #eee;margin:.5em 0}")


def notebook_title(notebook) -> str:
    first = next((c.source for c in notebook.cells if c.cell_type == "markdown"), "")
    return first.splitlines()[0].lstrip("# ").strip() if first else "Notebook"


def copy_into_report(source: Path, name: str) -> str:
    """Copy `source` to report/<name> and return the relative link."""
    target = REPORT / name
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    return name


def index_page(package, pages, downloads, charts) -> str:
    esc = html.escape
    title = esc(package.descriptor["title"])
    rows = "".join(f"<tr><td>{esc(name)}</td><td>{len(table)}</td><td><a href='{esc(link)}'>{esc(link)}</a></td></tr>"
                   for (name, table), link in zip(package.tables.items(), downloads["tables"]))
    reported, dated = package.figures["reported"], package.events["date"]
    standing = active(package.figures)
    extra = "".join(f"<li><a href='{esc(link)}'>{esc(text)}</a></li>" for text, link in downloads["other"])
    notebooks = "".join(f"<li><a href='{esc(href)}'>{esc(text)}</a></li>" for href, text in pages)
    images = "".join(f"<figure><img src='{esc(link)}' alt='{esc(alt)}'><figcaption>{esc(alt)}</figcaption></figure>"
                     for link, alt in charts)
    return (f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{title}</title>"
            f"<style>{STYLE}</style></head><body><h1>{title}</h1>"
            f"<p>Version {esc(package.version)}. {esc(package.descriptor['description'])}</p>"
            f"<p>{len(standing)} active figures from {standing['claimant_id'].nunique()} claimants, reported "
            f"{reported.min():%Y-%m-%d} to {reported.max():%Y-%m-%d}; {len(package.events)} events dated "
            f"{dated.min():%Y-%m-%d} to {dated.max():%Y-%m-%d}; {len(package.sources)} sources from "
            f"{package.sources['publisher'].nunique()} publishers.</p>"
            f"<h2>Download</h2><table><tr><th>table</th><th>rows</th><th>file</th></tr>{rows}</table><ul>{extra}</ul>"
            f"<h2>Analysis</h2><ul>{notebooks}</ul><h2>Charts</h2>{images}</body></html>\n")


def main() -> None:
    shutil.rmtree(REPORT, ignore_errors=True)
    REPORT.mkdir()
    package = load_package()
    exporter = HTMLExporter(template_name="classic")
    pages = []
    for path in sorted(NOTEBOOKS.glob("[0-9][0-9]-*.ipynb")):
        notebook = nbformat.read(path, as_version=4)
        body, _ = exporter.from_notebook_node(notebook)
        (REPORT / f"{path.stem}.html").write_text(body, encoding="utf-8")
        pages.append((f"{path.stem}.html", notebook_title(notebook)))
    archive = DIST / archive_name(package.descriptor)
    if not archive.is_file():
        sys.exit(f"{archive} is missing: run `make dist` first (make report does)")
    downloads = {
        "tables": [copy_into_report(ROOT / res["path"], res["path"]) for res in package.descriptor["resources"]],
        "other": [("datapackage.json (descriptor and schemas)", copy_into_report(DESCRIPTOR, "datapackage.json")),
                  (f"{archive.name} (everything, with sizes and hashes)", copy_into_report(archive, archive.name)),
                  ("data dictionary (Markdown)", copy_into_report(DICTIONARY, "data-dictionary.md"))],
    }
    charts = [(copy_into_report(png, f"figures/{png.name}"), png.stem.replace("-", " "))
              for png in sorted(FIGURES.glob("*.png"))]
    (REPORT / "index.html").write_text(index_page(package, pages, downloads, charts), encoding="utf-8")
    print(f"report: index.html, {len(pages)} notebook pages, {len(charts)} charts and the downloads in {REPORT}")


if __name__ == "__main__":
    main()
