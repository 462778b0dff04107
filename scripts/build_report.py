"""Build the static HTML report: one page per notebook plus an index summarising the package.

Input: notebooks/NN-*.ipynb (as committed, with outputs), datapackage.json and data/.
Output: report/index.html and report/NN-topic.html, openable in a browser without Jupyter.
"""
import html
import sys
from pathlib import Path

import nbformat
from nbconvert import HTMLExporter

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from dprk_kursk import load_package  # noqa: E402
from dprk_kursk.paths import NOTEBOOKS, REPORT  # noqa: E402


def notebook_title(notebook) -> str:
    first = next((c.source for c in notebook.cells if c.cell_type == "markdown"), "")
    return first.splitlines()[0].lstrip("# ").strip() if first else "Notebook"


def index_page(package, pages) -> str:
    counts = "".join(f"<li>{name}: {len(table)} rows — <a href='../{res['path']}'>{res['path']}</a></li>"
                     for (name, table), res in zip(package.tables.items(), package.descriptor["resources"]))
    reported = package.figures["reported"]
    links = "".join(f"<li><a href='{html.escape(href)}'>{html.escape(title)}</a></li>" for href, title in pages)
    return (f"<!doctype html><html><head><meta charset='utf-8'><title>{html.escape(package.descriptor['title'])}</title>"
            "<style>body{font-family:sans-serif;max-width:50em;margin:2em auto;line-height:1.5}</style></head><body>"
            f"<h1>{html.escape(package.descriptor['title'])}</h1><p>Version {package.version}. "
            f"{html.escape(package.descriptor['description'])}</p>"
            f"<p>Figures reported from {reported.min():%Y-%m-%d} to {reported.max():%Y-%m-%d}.</p>"
            f"<h2>Tables</h2><ul>{counts}</ul><h2>Analysis</h2><ul>{links}</ul></body></html>\n")


def main() -> None:
    REPORT.mkdir(exist_ok=True)
    exporter = HTMLExporter(template_name="classic")
    pages = []
    for path in sorted(NOTEBOOKS.glob("[0-9][0-9]-*.ipynb")):
        notebook = nbformat.read(path, as_version=4)
        body, _ = exporter.from_notebook_node(notebook)
        target = REPORT / f"{path.stem}.html"
        target.write_text(body, encoding="utf-8")
        pages.append((target.name, notebook_title(notebook)))
    (REPORT / "index.html").write_text(index_page(load_package(), pages), encoding="utf-8")
    print(f"report: {len(pages)} notebook pages and index.html in {REPORT}")


if __name__ == "__main__":
    main()
