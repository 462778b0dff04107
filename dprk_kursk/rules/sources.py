"""Rules on sources: dates, urls, every source cited, relays naming real outlets, headlines not placeholders."""

import re
from urllib.parse import urlsplit

from dprk_kursk.rules.claimants import name_key
from dprk_kursk.rules.context import LINE, as_date
from dprk_kursk.rules.registry import Finding, rule

PLACEHOLDER_TITLE = re.compile(r"^\(.*\)$|not shown|headline unknown|untitled|^n/?a$", re.IGNORECASE)
# News portals that host other outlets' articles: the page's outlet is the one the portal carries, never the portal.
PORTALS = {
    "daum",
    "naver",
    "nate",
    "zum",
    "msn",
    "microsoftstart",
    "yahoo",
    "yahoonews",
    "googlenews",
    "aol",
    "flipboard",
    "newsbreak",
    "smartnews",
    "applenews",
    "linenews",
    "groundnews",
}


def relayed(tables):
    """(row, name) for each outlet a source names in relays (names split on ';')."""
    for row in tables.rows("sources"):
        for name in filter(None, (n.strip() for n in row.get("relays", "").split(";"))):
            yield row, name


@rule("sources.accessed_future")
def accessed_future(tables):
    """A page accessed after today."""
    for row in tables.rows("sources"):
        accessed = as_date(row.get("accessed"))
        if accessed and accessed > tables.today:
            yield Finding("sources", row, "accessed", f"in the future (today is {tables.today})", accessed)


@rule("sources.accessed_before_published")
def accessed_before_published(tables):
    """A page accessed before it was published."""
    for row in tables.rows("sources"):
        published, accessed = as_date(row.get("published")), as_date(row.get("accessed"))
        if published and accessed and accessed < published:
            yield Finding("sources", row, "accessed", f"before the page was published ({published})", accessed)


def split(url: str):
    """The url's parts, or None where the standard library cannot split it (an unclosed IPv6 bracket)."""
    try:
        return urlsplit(url)
    except ValueError:
        return None


def malformed(url: str) -> bool:
    parts = split(url)
    return parts is None or parts.scheme not in ("http", "https") or "." not in parts.netloc or " " in url


@rule("sources.url")
def url(tables):
    """A url that is not a well-formed http(s) address."""
    for row in tables.rows("sources"):
        if row.get("url") and malformed(row["url"]):
            yield Finding("sources", row, "url", "not a well-formed http(s) address", row["url"])


@rule("sources.same_page")
def same_page(tables):
    """Two sources for one page under two forms of its url (www., trailing slash, http)."""
    seen = {}
    for row in tables.rows("sources"):
        address = row.get("url", "")
        if not address or malformed(address):
            continue
        parts = split(address)
        key = (parts.netloc.lower().removeprefix("www."), parts.path.rstrip("/"), parts.query)
        if key in seen and seen[key][0] != address:
            yield Finding("sources", row, "url", f"same page as line {seen[key][1]} ({seen[key][0]})", address)
        seen.setdefault(key, (address, row[LINE]))


@rule("sources.uncited", "figures", "events")
def uncited(tables):
    """A source no figure, citation or event cites."""
    if tables.partial & {"figures", "events", "citations"}:
        return  # rows past a run-on quote may cite it
    cited = {
        r.get(column)
        for resource in ("figures", "events", "citations")
        for r in tables.rows(resource)
        for column in ("source_id", "date_source_id")
    }
    for row in tables.rows("sources"):
        if row.get("source_id") and row["source_id"] not in cited:
            yield Finding(
                "sources", row, "source_id", "no figure, citation or event cites this source", row["source_id"]
            )


@rule("sources.relay_unknown", "publishers")
def relay_unknown(tables):
    """A relayed outlet that is not a publisher name in publishers.csv."""
    known = {r.get("publisher") for r in tables.rows("publishers")}
    for row, name in relayed(tables):
        if name not in known:
            yield Finding("sources", row, "relays", "not a name in publishers.csv", name)


@rule("sources.relay_own_publisher")
def relay_own_publisher(tables):
    """A source relaying its own publisher."""
    for row, name in relayed(tables):
        if name == row.get("publisher"):
            yield Finding("sources", row, "relays", "names the page's own publisher", name)


# The second level under a country's domain that names no site (news.co.kr, example.com.br, aa.com.tr).
COUNTRY_SECOND_LEVEL = {"ac", "co", "com", "go", "gov", "ne", "net", "or", "org"}


def host_names(url: str) -> set:
    """The labels of a page's host that can name its site: not www, the top-level domain or a country's second
    level (so dw from www.dw.com, aa from aa.com.tr, cnn from edition.cnn.com)."""
    parts = split(url)
    if parts is None:
        return set()
    labels = parts.netloc.lower().rsplit("@", 1)[-1].split(":")[0].split(".")
    top = labels.pop() if len(labels) > 1 else ""
    if len(top) == 2 and len(labels) > 1 and labels[-1] in COUNTRY_SECOND_LEVEL:
        labels.pop()
    return set(labels) - {"www", ""}


@rule("sources.relay_host")
def relay_host(tables):
    """A relay naming the page's own host or a news portal (Daum, Naver, MSN, Yahoo...) rather than an outlet."""
    for row, name in relayed(tables):
        key = name_key(name)
        if key in PORTALS or key in host_names(row.get("url", "")):
            yield Finding(
                "sources",
                row,
                "relays",
                "names the page's host or a news portal: name the outlet whose "
                "article the page carries, or leave relays empty",
                name,
            )


@rule("sources.placeholder_title")
def placeholder_title(tables):
    """A title that is a placeholder, not a headline."""
    for row in tables.rows("sources"):
        if PLACEHOLDER_TITLE.search(row.get("title", "")):
            yield Finding(
                "sources",
                row,
                "title",
                "a placeholder, not a headline: leave empty when no copy shows it",
                row["title"],
            )
