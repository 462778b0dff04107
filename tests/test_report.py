"""The static site: built into a scratch folder, every link and image resolves inside it, and in a real
headless Chromium every page loads without errors or network requests, the explorer filters as it should and
keeps its filters in the address, the front page recomputes for another day, and no page is wider than a phone."""

import json
import re
from urllib.parse import parse_qs, unquote, urlsplit

import pandas as pd
import pytest
from chromium import Browser, find_browser, required

from dprk_kursk import load_package
from dprk_kursk.export import build_archive
from dprk_kursk.paths import DESCRIPTOR, ROOT
from dprk_kursk.site import build_site
from dprk_kursk.site.front import answers

PACKAGE = load_package()
ACTIVE = PACKAGE.figures[PACKAGE.figures["status"] == "active"]
PHONE = 390
# Two claim pages for the browser (all of them are checked in plain Python here and in test_site.py): an active one
# with citations and links, a corrected one.
SAMPLE_CLAIMS = ("F0003", "F0031")


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    out, dist = tmp_path_factory.mktemp("report"), tmp_path_factory.mktemp("dist")
    build_archive(dist)
    build_site(out, dist)
    return out


def top_pages(report):
    return sorted(report.glob("*.html"))


def local_links(page_text):
    links = re.findall(r"(?:href|src)=['\"]([^'\"]+)['\"]", page_text)
    return [link for link in links if not urlsplit(link).scheme and not link.startswith("#")]


def test_every_page_links_and_images_resolve_inside_the_report(report):
    pages = top_pages(report) + sorted((report / "claims").glob("*.html"))
    assert len(pages) >= 8 + len(PACKAGE.figures)
    for page in pages:
        missing = [
            link
            for link in local_links(page.read_text(encoding="utf-8"))
            if not (page.parent / unquote(urlsplit(link).path)).is_file()
        ]
        assert missing == [], page.name


def test_nothing_is_loaded_from_the_network(report):
    for page in top_pages(report) + sorted((report / "claims").glob("*.html")):
        text = page.read_text(encoding="utf-8")
        assert not re.search(r"<(script|link|img)[^>]+(src|href)=['\"](https?:)?//", text), page.name


def test_every_image_on_every_page_has_its_alt_text_said_once(report):
    for page in top_pages(report):
        text = page.read_text(encoding="utf-8")
        images = re.findall(r"<img\b[^>]*>", text)
        alts = [re.search(r"\balt=\"([^\"]*)\"", image) for image in images]
        assert all(alt and alt.group(1).strip() for alt in alts), page.name
        assert "No description has been provided" not in text, page.name
        for alt in alts:
            assert text.count(alt.group(1)) == 1, f"{page.name}: alt text repeated on the page"


def test_headings_run_in_order_on_every_page(report):
    for page in top_pages(report) + sorted((report / "claims").glob("*.html")):
        levels = [int(level) for level in re.findall(r"<h([1-6])\b", page.read_text(encoding="utf-8"))]
        assert levels[0] == 1 and levels.count(1) == 1, page.name
        assert all(after <= before + 1 for before, after in zip(levels, levels[1:])), page.name


def test_notebook_charts_are_the_svgs_with_their_alt_text(report):
    shown = 0
    for page in report.glob("[0-9][0-9]-*.html"):
        images = re.findall(r"<img\b[^>]*>", page.read_text(encoding="utf-8"))
        assert all(re.search(r'src="figures/[^"]+\.svg"', image) for image in images), page.name
        shown += len(images)
    assert shown >= len(list((ROOT / "figures").glob("*.svg")))


def test_index_offers_every_table_the_archive_the_charts_and_the_pages(report):
    index = (report / "index.html").read_text(encoding="utf-8")
    descriptor = json.loads(DESCRIPTOR.read_text(encoding="utf-8"))
    for resource in descriptor["resources"]:
        assert f'href="{resource["path"]}"' in index
    assert f"{descriptor['name']}-{descriptor['version']}.zip" in index and f"Version {descriptor['version']}" in index
    charts = sorted(p.name for p in (ROOT / "figures").glob("*.svg"))
    assert sorted(re.findall(r'<img src="figures/([^"]+\.svg)" alt="[^"]{40,}"', index)) == charts and charts
    for page in ("claims.html", "timeline.html", "data-dictionary.html") + tuple(
        p.stem + ".html" for p in (ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb")
    ):
        assert f'href="{page}"' in index


def test_index_dataset_json_ld_parses_and_names_every_download(report):
    index = (report / "index.html").read_text(encoding="utf-8")
    dataset = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', index, re.S).group(1))
    assert dataset["@type"] == "Dataset" and dataset["version"] == PACKAGE.version
    offered = re.search(r"<h2>Download</h2>\s*<ul>(.*?)</ul>", index, re.S).group(1)
    hrefs = re.findall(r'href="([^"]+)"', offered)
    assert len(hrefs) == len(PACKAGE.descriptor["resources"]) + 2
    assert sorted(d["contentUrl"] for d in dataset["distribution"]) == sorted(hrefs)
    assert (
        dataset["temporalCoverage"]
        == f"{PACKAGE.figures['reported'].min():%Y-%m-%d}/{PACKAGE.figures['reported'].max():%Y-%m-%d}"
    )


def test_front_page_shows_one_claim_as_one_claim(report):
    index = (report / "index.html").read_text(encoding="utf-8")
    for section in re.findall(r'<section class="answer".*?</section>', index, re.S):
        ids = re.search(r'data-ids="([^"]*)"', section).group(1).split()
        big = re.search(r'<p class="big">(.*?)</p>', section, re.S).group(1)
        ends = re.findall(r'href="claims/(F\d{4})\.html"', big)
        assert len(ends) == (1 if len(ids) == 1 else len(set(ends))) and set(ends) <= set(ids)
        assert ('class="to"' in big) == (len(set(ends)) == 2)


def test_claims_page_embeds_every_active_figure_once(report):
    text = (report / "claims.html").read_text(encoding="utf-8")
    rows = json.loads(re.search(r'<script id="rows" type="application/json">(.*?)</script>', text, re.S).group(1))
    assert sorted(row["figure_id"] for row in rows) == sorted(ACTIVE["figure_id"])
    assert {row["country"] for row in rows}.isdisjoint({"None", "", "nan"})


@pytest.fixture(scope="module")
def browser():
    binary = find_browser()
    if binary is None:
        if required():
            pytest.fail("CI must run the browser tests: install Debian's chromium package (.ci/run does)")
        pytest.skip(
            "no chromium on this machine: the browser tests need Debian's chromium package (apt-get install chromium)"
        )
    started = Browser(binary)
    yield started
    started.close()


ROWS = "document.querySelectorAll('#rows-table tbody tr').length"


def test_every_page_loads_without_errors_network_or_sideways_scroll_on_a_phone(report, browser):
    pages = top_pages(report) + [report / "claims" / f"{figure_id}.html" for figure_id in SAMPLE_CLAIMS]
    for page in pages:
        loaded, evaluate = browser.open(page.as_uri(), width=PHONE)
        assert loaded.errors == [], page.name
        assert [u for u in loaded.requests if not u.startswith(("file:", "data:", "about:", "blob:"))] == [], page.name
        broken = evaluate(
            "Array.from(document.images).filter(i => !i.complete || i.naturalWidth === 0).map(i => i.src)"
        )
        assert broken == [], page.name
        assert evaluate("Array.from(document.images).filter(i => !i.alt.trim()).length") == 0, page.name
        assert evaluate("document.documentElement.scrollWidth") <= PHONE, page.name


def test_every_id_in_the_explorer_links_to_its_claim_page(report, browser):
    _, evaluate = browser.open((report / "claims.html").as_uri() + "#F0003")
    assert evaluate(ROWS) == len(ACTIVE)
    assert evaluate("document.querySelector('tr.target').id") == "F0003"
    links = evaluate(
        "Array.from(document.querySelectorAll('#rows-table tbody tr td:first-child a')).map(a => [a.textContent, a.href])"
    )
    assert sorted(text for text, _ in links) == sorted(ACTIVE["figure_id"])
    for text, href in links:
        path = unquote(urlsplit(href).path)
        assert path.endswith(f"/claims/{text}.html") and (report / "claims" / f"{text}.html").is_file()


def test_explorer_filters_by_measure_and_writes_the_filter_to_the_address(report, browser):
    loaded, evaluate = browser.open((report / "claims.html").as_uri())
    shown = evaluate("""(() => { const s = document.querySelector("select[data-filter='measure']");
        s.value = 'killed'; s.dispatchEvent(new Event('change'));
        return Array.from(document.querySelectorAll('#rows-table tbody tr td:first-child')).map(td => td.textContent); })()""")
    killed = ACTIVE[ACTIVE["measure"] == "killed"]
    assert sorted(shown) == sorted(killed["figure_id"]) and len(shown) > 0
    address = evaluate("location.href")
    assert parse_qs(urlsplit(address).query) == {"measure": ["killed"]}
    download = evaluate("""(async () => { let saved; URL.createObjectURL = blob => { saved = blob; return 'blob:kept'; };
        HTMLAnchorElement.prototype.click = () => {};
        document.getElementById('download').click(); return await saved.text(); })()""")
    lines = download.splitlines()
    assert lines[0].split(",")[:3] == ["figure_id", "stated_as", "bounds"]
    assert len(lines) == 1 + len(killed) and all(",killed," in line for line in lines[1:])
    _, reopened = browser.open(address)
    assert reopened(ROWS) == len(killed)
    assert reopened("document.querySelector(\"select[data-filter='measure']\").value") == "killed"
    assert loaded.errors == []


def test_explorer_opens_filtered_from_its_address_and_sorts_by_date(report, browser):
    _, evaluate = browser.open((report / "claims.html").as_uri() + "?measure=killed&country=Ukraine")
    expected = ACTIVE[(ACTIVE["measure"] == "killed") & ACTIVE["claimant_id"].str.startswith("ua-")]
    assert evaluate(ROWS) == len(expected) > 0
    said = "Array.from(document.querySelectorAll('#rows-table tbody tr td:nth-child(8)')).map(td => td.textContent)"
    oldest_first = evaluate(said)
    evaluate("document.getElementById('sort').click()")
    assert evaluate(said) == sorted(oldest_first, reverse=True) and oldest_first == sorted(oldest_first)


@pytest.mark.parametrize("query", ["?measure=Killed", "?country=None", "?id=F9999"])
def test_an_unknown_filter_value_says_so_and_shows_no_rows(report, browser, query):
    _, evaluate = browser.open((report / "claims.html").as_uri() + query)
    assert evaluate(ROWS) == 0
    assert evaluate(
        "!document.getElementById('message').hidden && document.getElementById('message').textContent.length > 0"
    )


def test_explorer_honours_an_id_and_names_the_row_that_replaced_an_inactive_one(report, browser):
    _, evaluate = browser.open((report / "claims.html").as_uri() + "?id=F0003")
    assert evaluate("Array.from(document.querySelectorAll('#rows-table tbody tr')).map(tr => tr.id)") == ["F0003"]
    _, evaluate = browser.open((report / "claims.html").as_uri() + "?id=F0031")
    assert evaluate(ROWS) == 0
    assert "F0176" in evaluate("document.getElementById('message').textContent")  # F0031 is corrected by F0176


def test_undated_rows_follow_the_date_filter_as_it_says(report, browser):
    described = ACTIVE[ACTIVE["as_of"] >= pd.Timestamp("2026-01-01")]
    undated = ACTIVE[ACTIVE["as_of_precision"] == "undated"]
    said = ACTIVE[ACTIVE["reported"] >= pd.Timestamp("2026-01-01")]
    _, evaluate = browser.open((report / "claims.html").as_uri() + "?date=as_of&from=2026-01")
    assert evaluate(ROWS) == len(described) > 0 and len(undated) > 0
    evaluate(
        "(() => { const k = document.getElementById('keep-undated'); k.checked = true; k.dispatchEvent(new Event('change')); })()"
    )
    assert evaluate(ROWS) == len(described) + len(undated)
    assert parse_qs(urlsplit(evaluate("location.href")).query) == {
        "date": ["as_of"],
        "from": ["2026-01"],
        "undated": ["keep"],
    }
    evaluate(
        "(() => { const d = document.getElementById('date-field'); d.value = 'reported'; d.dispatchEvent(new Event('change')); })()"
    )
    assert evaluate(ROWS) == len(said) > 0


def test_front_page_recomputes_as_of_a_day_and_keeps_it_in_the_address(report, browser):
    ids = "Object.fromEntries(Array.from(document.querySelectorAll('.answer')).map(s => [s.dataset.question, s.dataset.ids]))"
    default = answers(PACKAGE)
    _, evaluate = browser.open((report / "index.html").as_uri())
    assert evaluate(ids) == {q["key"]: " ".join(c["id"] for c in q["standing"]) for q in default["questions"]}
    day = "2025-06-30"
    expected = {q["key"]: " ".join(c["id"] for c in q["standing"]) for q in answers(PACKAGE, day)["questions"]}
    evaluate(
        f"(() => {{ const i = document.getElementById('day'); i.value = '{day}'; i.dispatchEvent(new Event('change')); }})()"
    )
    assert evaluate(ids) == expected != evaluate("null")
    address = evaluate("location.href")
    assert parse_qs(urlsplit(address).query) == {"on": [day]}
    _, reopened = browser.open(address)
    assert reopened(ids) == expected and reopened("document.getElementById('day').value") == day


def test_timeline_filters_by_category(report, browser):
    _, evaluate = browser.open((report / "timeline.html").as_uri())
    events = PACKAGE.events[PACKAGE.events["status"] == "active"]
    assert evaluate(ROWS) == len(events)
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
        assert "<table" in text and not re.search(r"<pre>\s*\S+\s{2,}\S+\s{2,}\S+.*\n.*\s{2,}\S+\s{2,}", text), (
            page.name
        )


def test_the_browser_harness_reports_what_goes_wrong_on_a_page(browser, tmp_path):
    broken, clean = tmp_path / "broken.html", tmp_path / "clean.html"
    broken.write_text('<img src="missing.png"><script>console.error("logged"); throw new Error("thrown")</script>')
    clean.write_text("<p>fine</p>")
    loaded, _ = browser.open(broken.as_uri())
    assert any("missing.png" in e for e in loaded.errors) and "logged" in loaded.errors
    assert any("thrown" in e for e in loaded.errors)
    after, evaluate = browser.open(clean.as_uri(), width=PHONE)
    assert after.errors == [] and evaluate("document.body.textContent") == "fine"
