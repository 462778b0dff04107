"""The static site: built into a scratch folder, every link and image resolves inside it, and in a real
headless Chromium every page loads without errors or network requests and the explorer filters as it should."""
import json
import re
from urllib.parse import unquote, urlsplit

import pytest

from chromium import Browser, find_browser, required
from conftest import load_script
from dprk_kursk import load_package
from dprk_kursk.export import build_archive
from dprk_kursk.paths import DESCRIPTOR, ROOT

PACKAGE = load_package()
ACTIVE = PACKAGE.figures[PACKAGE.figures["status"] == "active"]


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    module = load_script("build_report")
    out, dist = tmp_path_factory.mktemp("report"), tmp_path_factory.mktemp("dist")
    build_archive(dist)
    module.REPORT, module.DIST = out, dist
    module.main()
    return out


def local_links(page_text):
    links = re.findall(r"(?:href|src)=['\"]([^'\"]+)['\"]", page_text)
    return [link for link in links if not urlsplit(link).scheme and not link.startswith("#")]


def test_every_page_links_and_images_resolve_inside_the_report(report):
    pages = sorted(report.glob("*.html"))
    assert len(pages) >= 8
    for page in pages:
        missing = [link for link in local_links(page.read_text(encoding="utf-8"))
                   if not (report / unquote(urlsplit(link).path)).is_file()]
        assert missing == [], page.name


def test_nothing_is_loaded_from_the_network(report):
    for page in report.glob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert not re.search(r"<(script|link|img)[^>]+(src|href)=['\"](https?:)?//", text), page.name


def test_index_offers_every_table_the_archive_the_charts_and_the_pages(report):
    index = (report / "index.html").read_text(encoding="utf-8")
    descriptor = json.loads(DESCRIPTOR.read_text(encoding="utf-8"))
    for resource in descriptor["resources"]:
        assert f"href='{resource['path']}'" in index
    assert f"{descriptor['name']}-{descriptor['version']}.zip" in index and f"Version {descriptor['version']}" in index
    assert len(re.findall(r"<img src='figures/[^']+\.png' alt='[^']{40,}'", index)) == len(list((ROOT / "figures").glob("*.png"))) > 0
    for page in ("claims.html", "timeline.html", "data-dictionary.html") + tuple(p.stem + ".html" for p in (ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb")):
        assert f"href='{page}'" in index


def test_claims_page_embeds_every_active_figure_once(report):
    text = (report / "claims.html").read_text(encoding="utf-8")
    rows = json.loads(re.search(r"<script id='rows' type='application/json'>(.*?)</script>", text, re.S).group(1))
    assert sorted(row["figure_id"] for row in rows) == sorted(ACTIVE["figure_id"])


@pytest.fixture(scope="module")
def browser():
    binary = find_browser()
    if binary is None:
        if required():
            pytest.fail("CI must run the browser tests: install Debian's chromium package (.ci/run does)")
        pytest.skip("no chromium on this machine: the browser tests need Debian's chromium package (apt-get install chromium)")
    started = Browser(binary)
    yield started
    started.close()


def test_every_page_loads_without_errors_or_network_requests(report, browser):
    for page in sorted(report.glob("*.html")):
        loaded, evaluate = browser.open(page.as_uri())
        assert loaded.errors == [], page.name
        assert [u for u in loaded.requests if not u.startswith(("file:", "data:", "about:"))] == [], page.name
        broken = evaluate("Array.from(document.images).filter(i => !i.complete || i.naturalWidth === 0).map(i => i.src)")
        assert broken == [], page.name


def test_explorer_shows_every_active_figure_and_filters_by_measure(report, browser):
    loaded, evaluate = browser.open((report / "claims.html").as_uri())
    assert evaluate("document.querySelectorAll('#rows-table tbody tr').length") == len(ACTIVE)
    measures = evaluate("Array.from(document.querySelectorAll(\"select[data-filter='measure'] option\")).map(o => o.value)")
    assert sorted(m for m in measures if m) == sorted(ACTIVE["measure"].unique())
    shown = evaluate("""(() => { const s = document.querySelector("select[data-filter='measure']");
        s.value = 'killed'; s.dispatchEvent(new Event('change'));
        const column = Array.from(document.querySelectorAll('#rows-table th')).findIndex(th => th.textContent === 'measure');
        return Array.from(document.querySelectorAll('#rows-table tbody tr')).map(tr => tr.children[column].textContent); })()""")
    assert shown and set(shown) == {"killed"} and len(shown) == int((ACTIVE["measure"] == "killed").sum())
    assert loaded.errors == []


def test_explorer_opens_filtered_from_its_address_and_sorts_by_date(report, browser):
    _, evaluate = browser.open((report / "claims.html").as_uri() + "?measure=killed&country=Ukraine")
    expected = ACTIVE[(ACTIVE["measure"] == "killed") & ACTIVE["claimant_id"].str.startswith("ua-")]
    assert evaluate("document.querySelectorAll('#rows-table tbody tr').length") == len(expected) > 0
    first = evaluate("document.querySelector('#rows-table tbody tr td').textContent")
    evaluate("document.getElementById('sort').click()")
    newest = evaluate("document.querySelector('#rows-table tbody tr td').textContent")
    assert newest >= first


def test_timeline_filters_by_category(report, browser):
    _, evaluate = browser.open((report / "timeline.html").as_uri())
    events = PACKAGE.events[PACKAGE.events["status"] == "active"]
    assert evaluate("document.querySelectorAll('#rows-table tbody tr').length") == len(events)
    count = evaluate("""(() => { const s = document.querySelector("select[data-filter='category']");
        s.value = 'statement'; s.dispatchEvent(new Event('change'));
        return document.querySelectorAll('#rows-table tbody tr').length; })()""")
    assert count == int((events["category"] == "statement").sum())


def test_notebook_pages_show_results_first_and_code_on_request(report, browser):
    page = next(report.glob("01-*.html"))
    _, evaluate = browser.open(page.as_uri())
    hidden = "Array.from(document.querySelectorAll('div.input')).filter(d => d.offsetParent !== null).length"
    assert evaluate("document.querySelectorAll('div.input').length") > 0 and evaluate(hidden) == 0
    assert evaluate("document.querySelectorAll('div.output_area img, div.output_html table').length") > 0
    evaluate("document.getElementById('code-toggle').click()")
    assert evaluate(hidden) > 0


def test_notebook_pages_show_no_stray_escapes_or_printed_frames(report):
    for page in report.glob("[0-9][0-9]-*.html"):
        text = page.read_text(encoding="utf-8")
        prose = " ".join(re.findall(r"<(?:h[1-6]|p|li)[^>]*>(.*?)</(?:h[1-6]|p|li)>", text, re.S))
        assert "\\n" not in prose and "\\t" not in prose, page.name
        assert "<table" in text and not re.search(r"<pre>\s*\S+\s{2,}\S+\s{2,}\S+.*\n.*\s{2,}\S+\s{2,}", text), page.name
