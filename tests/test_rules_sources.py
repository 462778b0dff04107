"""The rules on sources (placeholder titles, portal and host relays, one page under two urls, dates, every source
cited) and on corrections, checked case by case on a changed copy of the valid sample's tables in memory."""

from datetime import date

import pytest
from rules_kit import append, found, problems, row, tables

from dprk_kursk.rules import LINE

SOURCES, EVENTS, FIGURES = "data/sources.csv", "data/events.csv", "data/figures.csv"

# Titles written by hand: (title, a placeholder?).
TITLES = [
    ("(no headline in the excerpt)", True),
    ("Headline not shown", True),
    ("HEADLINE UNKNOWN", True),
    ("Untitled", True),
    ("N/A", True),
    ("na", True),
    ("(Update) North Korean troops seen near Kursk", False),
    ("North Korea (DPRK) sends troops to Russia", False),
    ("NATO says North Korean troops are in Kursk", False),
    ("Nana's diary", False),
]
# News portals as a contributor would write them in relays: each is a portal, never the outlet.
PORTAL_RELAYS = [
    "Naver",
    "Nate",
    "ZUM",
    "MSN",
    "Microsoft Start",
    "Yahoo",
    "Yahoo News",
    "Google News",
    "AOL",
    "Flipboard",
    "NewsBreak",
    "SmartNews",
    "Apple News",
    "LINE NEWS",
    "Ground News",
]
# (page url, relay, names the page's host?)
HOST_RELAYS = [
    ("https://www.cnn.com/2024/11/05/kursk-troops", "CNN", True),
    ("https://edition.cnn.com/2024/11/06/kursk-troops", "CNN", True),
    ("https://www.example-outlet.com/kursk/1", "WWW", False),
    ("https://www.example-outlet.com/kursk/2", "COM", False),
    ("https://www.example-outlet.net/kursk/3", "NET", False),
    ("https://www.example-outlet.org/kursk/4", "ORG", False),
    ("https://www.cnn.com/2024/11/07/kursk-troops", "Yonhap", False),
    # a country code is not a host's name: Bayerischer Rundfunk (BR) carried by a Brazilian page
    ("https://www.estadao.com.br/internacional/kursk", "BR", False),
    # a site's own name of two letters is still its name
    ("https://www.dw.com/en/kursk/a-1", "DW", True),
    ("https://www.ft.com/content/kursk", "FT", True),
    ("https://www.aa.com.tr/en/kursk", "AA", True),
    ("https://www.bbc.co.uk/news/kursk", "BBC", True),
    ("https://www.bbc.co.uk/news/kursk-2", "CO", False),
    # the second level under a country's domain names no site; under a generic top-level domain it is the site
    ("https://www.snu.ac.kr/news/kursk", "AC", False),
    ("https://www.mofa.go.kr/eng/kursk", "GO", False),
    ("https://www.fco.gov.uk/news/kursk", "GOV", False),
    ("https://www.asahi.ne.jp/news/kursk", "NE", False),
    ("https://www.abc.net.au/news/kursk", "NET", False),
    ("https://www.kida.or.kr/kursk", "OR", False),
    ("https://www.chathamhouse.org.uk/kursk", "ORG", False),
    ("https://www.smh.com.au/world/kursk", "COM", False),
    ("https://aa.com.tr/en/kursk-2", "COM", False),
    ("https://dw.com/en/kursk-2", "COM", False),
    ("https://dw.com/en/kursk-3", "DW", True),
    # a relay of no Latin letters has no name key to compare with an empty label of a sloppy host
    ("https://news..example.com/kursk", "연합뉴스", False),
]


@pytest.fixture(scope="module")
def batch():
    """One changed copy holding every independent case on a row of its own, checked once.
    Returns (the cases' rows by name, {(file, line): {codes}}, the Problems)."""
    changed = tables()
    rows = iter(changed["sources"][10:])
    cases = {}

    for title, _ in TITLES:
        source = next(rows)
        source["title"] = title
        cases[("title", title)] = source
    for n, relay in enumerate(PORTAL_RELAYS):
        source = next(rows)
        source["url"], source["relays"] = f"https://www.example-outlet.com/relayed/{n}", relay
        cases[("portal", relay)] = source
    for address, relay, _ in HOST_RELAYS:
        source = next(rows)
        source["url"], source["relays"] = address, relay
        cases[("host", address)] = source

    # accessed the day the page was published, and the day before
    same_day, day_before = next(rows), next(rows)
    same_day["published"], same_day["accessed"] = "2025-03-01", "2025-03-01"
    day_before["published"], day_before["accessed"] = "2025-03-01", "2025-02-28"
    cases["same day"], cases["day before"] = same_day, day_before

    # one page under two urls; one page twice under one url; a mistyped scheme on another page's address
    for name, address in [
        ("first form", "https://www.bbc.com/news/world-asia-1001"),
        ("second form", "http://bbc.com/news/world-asia-1001/"),
        ("once", "https://www.bbc.com/news/world-asia-1002"),
        ("twice", "https://www.bbc.com/news/world-asia-1002"),
        ("good scheme", "https://www.bbc.com/news/world-asia-1003"),
        ("typo scheme", "htps://www.bbc.com/news/world-asia-1003"),
    ]:
        source = next(rows)
        source["url"] = address
        cases[name] = source

    # new sources: one cited only by an event's date, one only by a citation, one by nothing
    by_event = append(changed, "sources", source_id="S9001", url="https://www.example-outlet.com/cited/1")
    by_citation = append(changed, "sources", source_id="S9002", url="https://www.example-outlet.com/cited/2")
    by_nothing = append(changed, "sources", source_id="S9003", url="https://www.example-outlet.com/cited/3")
    changed["events"][5]["date_source_id"] = "S9001"
    append(changed, "citations", source_id="S9002")
    cases["by event"], cases["by citation"], cases["by nothing"] = by_event, by_citation, by_nothing

    # corrections among events: no successor; itself as successor
    unnamed = row(changed, "events", "event_id", "E0020")
    unnamed["status"], unnamed["superseded_by"] = "corrected", ""
    itself = row(changed, "events", "event_id", "E0021")
    itself["status"], itself["superseded_by"] = "duplicate", "E0021"
    figure = row(changed, "figures", "figure_id", "F0010")
    figure["status"], figure["superseded_by"] = "corrected", ""
    cases["event no successor"], cases["event itself"], cases["figure no successor"] = unnamed, itself, figure

    reported = found(changed, today=date(2026, 12, 1))
    codes = {}
    for p in reported:
        codes.setdefault((p.file, p.line), set()).add(p.code)
    return cases, codes, reported


def codes_at(batch, file, case):
    cases, codes, _ = batch
    return codes.get((file, cases[case][LINE]), set())


@pytest.mark.parametrize(("title", "placeholder"), TITLES)
def test_a_placeholder_title_is_refused_and_a_headline_is_not(batch, title, placeholder):
    assert ("sources.placeholder_title" in codes_at(batch, SOURCES, ("title", title))) is placeholder


@pytest.mark.parametrize("relay", PORTAL_RELAYS)
def test_a_relay_naming_a_news_portal_is_refused(batch, relay):
    assert "sources.relay_host" in codes_at(batch, SOURCES, ("portal", relay))


@pytest.mark.parametrize(("address", "relay", "host"), HOST_RELAYS)
def test_a_relay_naming_the_pages_host_is_refused_but_not_the_generic_parts_of_an_address(batch, address, relay, host):
    assert ("sources.relay_host" in codes_at(batch, SOURCES, ("host", address))) is host


def test_a_page_accessed_the_day_it_was_published_is_valid(batch):
    assert "sources.accessed_before_published" not in codes_at(batch, SOURCES, "same day")
    assert "sources.accessed_before_published" in codes_at(batch, SOURCES, "day before")


def test_one_page_under_two_forms_of_its_url_is_reported_once(batch):
    assert "sources.same_page" not in codes_at(batch, SOURCES, "first form")
    assert "sources.same_page" in codes_at(batch, SOURCES, "second form")


def test_the_very_same_url_twice_is_not_two_forms_of_it(batch):
    assert "sources.same_page" not in codes_at(batch, SOURCES, "once") | codes_at(batch, SOURCES, "twice")


def test_a_malformed_url_is_reported_as_malformed_only(batch):
    typo = codes_at(batch, SOURCES, "typo scheme")
    assert "sources.url" in typo
    assert "sources.same_page" not in typo | codes_at(batch, SOURCES, "good scheme")


def test_a_source_cited_by_an_event_or_a_citation_alone_is_cited(batch):
    assert "sources.uncited" not in codes_at(batch, SOURCES, "by event")
    assert "sources.uncited" not in codes_at(batch, SOURCES, "by citation")
    assert "sources.uncited" in codes_at(batch, SOURCES, "by nothing")


def test_a_corrected_or_duplicate_event_names_another_event(batch):
    assert "status.no_successor" in codes_at(batch, EVENTS, "event no successor")
    assert "status.self" in codes_at(batch, EVENTS, "event itself")
    assert "status.no_successor" not in codes_at(batch, EVENTS, "event itself")


def test_a_missing_successor_is_shown_as_the_empty_cell_it_is(batch):
    cases, _, reported = batch
    line = cases["figure no successor"][LINE]
    (missing,) = [p for p in reported if (p.file, p.line, p.code) == (FIGURES, line, "status.no_successor")]
    assert missing.value == ""


@pytest.mark.parametrize("unread", ["events", "citations"])
def test_no_source_is_called_uncited_while_a_citing_table_was_read_only_in_part(unread):
    changed = tables()  # the same source is reported when every table was read whole: see the batch's "by nothing"
    lonely = append(changed, "sources", source_id="S9009", url="https://www.example-outlet.com/uncited")
    assert (SOURCES, lonely[LINE], "source_id", "sources.uncited") not in problems(changed, partial={unread})
