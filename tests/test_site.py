"""The site's content in plain Python, for every figure id ever released: each page says what the rows say, links
read correctly from both ends and only to rows that stand, inactive ids say what replaced them; the front page
answers only with figures that answer the question; text from the package is escaped; no HTML or Markdown is
built from strings in the code."""

import csv
import html
import json
import re

import pytest
from conftest import edit_descriptor
from markupsafe import escape

from dprk_kursk import load_package, site
from dprk_kursk.dictionary import render as render_dictionary
from dprk_kursk.paths import RELEASED_IDS, ROOT
from dprk_kursk.render import html_environment, markdown_to_html, script_json
from dprk_kursk.site import SITE_ADDRESS, chart_words
from dprk_kursk.site.claims import claim_pages
from dprk_kursk.site.front import answers
from dprk_kursk.synthetic import write_sample

PACKAGE = load_package()
FIGURES = PACKAGE.figures.set_index("figure_id", drop=False)
NAV = [("index.html", "Overview")]


@pytest.fixture(scope="module")
def pages():
    """Every claim page's context and its HTML, by figure id."""
    template = html_environment().get_template("claim.html")
    return {
        claim["id"]: (claim, template.render(claim=claim, root="../", nav=NAV, current="", title=claim["id"]))
        for claim in claim_pages(PACKAGE, SITE_ADDRESS)
    }


def linked_ids(page: str) -> list:
    section = page.split("<h2>Linked figures</h2>", 1)[1].split("<h2>", 1)[0]
    return re.findall(r'<a href="(F\d{4})\.html">', section)


def test_every_released_figure_id_has_a_page(pages):
    with open(RELEASED_IDS, encoding="utf-8", newline="") as file:
        released = {row["id"] for row in csv.DictReader(file) if row["table"] == "figures"}
    assert released and released <= set(pages)
    assert set(pages) == released | set(FIGURES.index)


def test_each_active_page_shows_its_statement_note_claimant_and_every_page_carrying_it(pages):
    sources = PACKAGE.sources.set_index("source_id")
    claimants = PACKAGE.claimants.set_index("claimant_id")
    for figure_id, figure in FIGURES[FIGURES["status"] == "active"].iterrows():
        _, page = pages[figure_id]
        assert escape(figure["stated_as"]) in page, figure_id
        assert escape(claimants.loc[figure["claimant_id"], "name"]) in page, figure_id
        if isinstance(figure["note"], str):
            assert escape(figure["note"]) in page, figure_id
        carried = [figure["source_id"]] + list(
            PACKAGE.citations.loc[PACKAGE.citations["figure_id"] == figure_id, "source_id"]
        )
        for source_id in carried:
            assert f'href="{escape(sources.loc[source_id, "url"])}"' in page, (figure_id, source_id)
        assert page.count('<td data-label="publisher">') == len(carried), figure_id
        assert "None" not in re.findall(r"\(([^;()]*); [a-z ]+:", page), figure_id


def test_links_read_correctly_from_both_ends(pages):
    # figure_links: F0004 part_of F0003; F0175 adds_to F0174.
    assert re.search(r'F0004 is part of <a href="F0003.html">F0003</a>', pages["F0004"][1])
    assert re.search(r'F0003 includes <a href="F0004.html">F0004</a>', pages["F0003"][1])
    assert re.search(r'F0175 is a later wave on top of <a href="F0174.html">F0174</a>', pages["F0175"][1])
    assert re.search(r'F0174 is followed by the later wave <a href="F0175.html">F0175</a>', pages["F0174"][1])
    # F0076 other_measure F0069: Zelensky's 4,000 as killed, and as killed and wounded.
    assert re.search(
        r'F0069 is the same number, counted as another measure, as <a href="F0076.html">F0076</a>', pages["F0069"][1]
    )


def test_links_go_only_to_rows_that_stand(pages):
    # F0110 is part of F0109, which F0180 corrected; F0146 is part of F0098, which F0179 corrected.
    assert linked_ids(pages["F0110"][1]) == ["F0180"]
    assert linked_ids(pages["F0146"][1]) == ["F0179"]
    for figure_id, (_, page) in pages.items():
        for target in linked_ids(page):
            row = FIGURES.loc[target]
            assert row["status"] == "active" or (
                row["status"] == "retracted" and not isinstance(row["superseded_by"], str)
            ), (figure_id, target)


def test_inactive_pages_say_so_why_and_what_replaced_them(pages):
    for figure_id, figure in FIGURES[FIGURES["status"] != "active"].iterrows():
        _, page = pages[figure_id]
        status = re.search(r'<div class="status" role="note">(.*?)</div>', page, re.S)
        assert status, figure_id
        assert {"corrected": "was corrected", "retracted": "was retracted", "duplicate": "duplicates another figure"}[
            figure["status"]
        ] in status.group(1), figure_id
        if isinstance(figure["superseded_by"], str):
            assert f'<a href="{figure["superseded_by"]}.html">' in status.group(1), figure_id
        replaced = FIGURES.loc[figure["superseded_by"]] if isinstance(figure["superseded_by"], str) else None
        why = replaced["note"] if replaced is not None and isinstance(replaced["note"], str) else figure["note"]
        if isinstance(why, str):
            assert escape(why) in status.group(1), figure_id
    assert '<a href="F0176.html">' in pages["F0031"][1] and "No row replaces it" in pages["F0088"][1]


def test_each_page_carries_a_claim_json_ld_and_a_citation(pages):
    claimants = PACKAGE.claimants.set_index("claimant_id")["name"]
    for figure_id, (_claim, page) in pages.items():
        figure = FIGURES.loc[figure_id]
        found = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1))
        assert found["@type"] == "Claim" and found["author"]["name"] == claimants[figure["claimant_id"]]
        assert found["datePublished"] == f"{figure['reported']:%Y-%m-%d}"
        assert found["firstAppearance"]["url"] == PACKAGE.sources.set_index("source_id").loc[figure["source_id"], "url"]
        assert len(found["appearance"]) == 1 + int((PACKAGE.citations["figure_id"] == figure_id).sum())
        csl = json.loads(html.unescape(re.search(r'<pre class="code">(.*?)</pre>', page, re.S).group(1)))[0]
        assert (
            figure_id in csl["title"]
            and csl["version"] == PACKAGE.version
            and csl["URL"].endswith(f"claims/{figure_id}.html")
        )
        assert f"Figure {figure_id} (" in page and f"version {PACKAGE.version}" in page


def test_front_page_on_the_last_day_answers_only_with_figures_that_answer_the_question():
    front = answers(PACKAGE)
    assert front["day"] == f"{PACKAGE.figures['reported'].max():%Y-%m-%d}"
    links = PACKAGE.figure_links
    elsewhere = set(links.loc[links["relation"] == "part_of", "figure_id"]) | set(
        links.loc[links["relation"] == "other_measure", ["figure_id", "related_id"]].to_numpy().ravel()
    )
    shown = [claim["id"] for question in front["questions"] for claim in question["standing"] + question["older"]]
    assert shown
    for figure_id in shown:
        row = FIGURES.loc[figure_id]
        assert row["status"] == "active" and row["scope"] == "whole" and row["basis"] != "increment", figure_id
        assert figure_id not in elsewhere, figure_id
    by_key = {question["key"]: question for question in front["questions"]}
    # F0194: Zelensky, 10,000 North Korean troops in Russia, said 20 February 2026 (the package's last day).
    assert by_key["russia"]["standing"][-1]["id"] == "F0194" and by_key["russia"]["standing"][-1]["wording"] == "10,000"
    # F0002 (HUR, about 3,000 home, 11 February 2026) is the only standing claim of troops returned home.
    assert [claim["id"] for claim in by_key["home"]["standing"]] == ["F0002"]
    # F0137 (more than 6,000 killed) keeps its wording and its note saying the other 6,000s count killed and wounded.
    f0137 = next(claim for claim in by_key["killed"]["standing"] if claim["id"] == "F0137")
    assert f0137["wording"] == "more than 6,000" and "killed and wounded" in f0137["note"]


def test_a_description_with_html_appears_escaped_on_the_dictionary_page(tmp_path):
    root = write_sample(tmp_path)
    attack = "<img src=x onerror=alert(1)>"
    edit_descriptor(root, lambda d: d["resources"][0]["schema"]["fields"][0].update(description=f"Id {attack} here"))
    page = markdown_to_html(render_dictionary(load_package(root)))
    assert attack not in page and "<img" not in page
    assert html.escape(attack, quote=False) in page


HTML_TAGS = "a|p|li|ul|ol|dl|dt|dd|td|th|tr|table|thead|tbody|div|span|h[1-6]|img|script|link|figure|figcaption|section|nav|main|html|body|head|meta|title|em|strong|code|pre|br|button|label|select|option|input|form|details|summary|blockquote"


def test_chart_words_come_from_the_json_beside_a_chart_when_there_is_one(tmp_path, monkeypatch):
    monkeypatch.setattr(site, "FIGURES", tmp_path)
    (tmp_path / "a.txt").write_text("Title from txt\nAlt from txt\n", encoding="utf-8")
    assert chart_words("a") == {"title": "Title from txt", "subtitle": "", "alt": "Alt from txt"}
    (tmp_path / "a.json").write_text(json.dumps({"title": "T", "subtitle": "S", "alt": "A"}), encoding="utf-8")
    assert chart_words("a") == {"title": "T", "subtitle": "S", "alt": "A"}


def test_text_in_embedded_json_cannot_end_its_script_element():
    hostile = ["</script><!--<script>alert(1)</script>", "<img src=x onerror=alert(1)>"]
    embedded = str(script_json(hostile))
    assert "<" not in embedded and json.loads(embedded) == hostile


def test_markdown_from_contributors_keeps_no_raw_html_or_script_links():
    page = markdown_to_html("[x](javascript:alert(1)) <script>alert(1)</script>")
    assert "<script" not in page and "javascript:" not in page


TAG = re.compile(rf"""["'][^"'\n]*</?(?:{HTML_TAGS})[\s>/]""")
MARKDOWN_ROW = re.compile(r"""f["']\|\s""")


def test_no_html_or_markdown_is_built_from_strings_in_the_code():
    for path in sorted((ROOT / "dprk_kursk").rglob("*.py")) + sorted((ROOT / "scripts").glob("*.py")):
        text = path.read_text(encoding="utf-8")
        assert not TAG.search(text) and not MARKDOWN_ROW.search(text), path.name
