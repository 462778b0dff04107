"""The feeds: well-formed Atom and JSON Feed 1.1 (only the fields its specification lists), one entry per figure
added, corrected or retracted in a release, the same bytes on every build."""

import json
import xml.etree.ElementTree as ET

import pytest

from dprk_kursk import feeds, load_package
from dprk_kursk.changes import read_changes, releases

ATOM = "{http://www.w3.org/2005/Atom}"
# JSON Feed 1.1 (jsonfeed.org/version/1.1): the top-level and item fields the specification defines.
FEED_FIELDS = {
    "version",
    "title",
    "home_page_url",
    "feed_url",
    "description",
    "user_comment",
    "next_url",
    "icon",
    "favicon",
    "authors",
    "language",
    "expired",
    "hubs",
    "items",
}
ITEM_FIELDS = {
    "id",
    "url",
    "external_url",
    "title",
    "content_html",
    "content_text",
    "summary",
    "image",
    "banner_image",
    "date_published",
    "date_modified",
    "authors",
    "tags",
    "language",
    "attachments",
}


@pytest.fixture(scope="module")
def built():
    package = load_package()
    figures = {r["figure_id"]: r for r in package.figures.astype(str).to_dict("records")}
    claimants = dict(zip(package.claimants["claimant_id"], package.claimants["name"]))
    changes = read_changes()
    return changes, feeds.feeds(feeds.entries(changes, figures, claimants)), (figures, claimants)


def test_atom_feeds_are_well_formed_and_every_entry_has_id_link_and_date(built):
    _, files, _ = built
    for name, data in files.items():
        if name.endswith(".atom"):
            root = ET.fromstring(data)
            assert root.tag == f"{ATOM}feed"
            for entry in root.findall(f"{ATOM}entry"):
                assert entry.findtext(f"{ATOM}id").startswith("tag:")
                assert entry.find(f"{ATOM}link").get("href").startswith("../claims/F")
                assert entry.findtext(f"{ATOM}updated").endswith("T00:00:00Z")


def test_json_feeds_use_only_the_fields_json_feed_defines(built):
    _, files, _ = built
    for name, data in files.items():
        if name.endswith(".json"):
            document = json.loads(data)
            assert document["version"] == "https://jsonfeed.org/version/1.1"
            assert set(document) <= FEED_FIELDS and isinstance(document["title"], str)
            for item in document["items"]:
                assert set(item) <= ITEM_FIELDS
                assert isinstance(item["id"], str) and ("content_text" in item or "content_html" in item)


def test_the_main_feed_has_one_entry_per_figure_change_of_the_latest_release(built):
    changes, files, _ = built
    latest = releases()[-1].version
    expected = {
        (r["id"], r["kind"])
        for r in changes
        if r["version"] == latest and r["table"] == "figures" and r["kind"] in ("added", "corrected", "retracted")
    }
    items = json.loads(files["figures.json"])["items"]
    got = {(i["id"].split("/")[-2], i["id"].split("/")[-1]) for i in items if f":{latest}/" in i["id"]}
    assert got == expected
    atom_ids = [e.findtext(f"{ATOM}id") for e in ET.fromstring(files["figures.atom"]).findall(f"{ATOM}entry")]
    assert atom_ids == [i["id"] for i in items]


def test_each_measure_feed_holds_only_that_measure(built):
    _, files, (figures, _) = built
    document = json.loads(files["figures-killed.json"])
    ids = {item["url"].split("/")[-1].removesuffix(".html") for item in document["items"]}
    assert ids and {figures[i]["measure"] for i in ids} == {"killed"}


def test_two_builds_give_the_same_bytes(built):
    changes, files, (figures, claimants) = built
    assert feeds.feeds(feeds.entries(changes, figures, claimants)) == files


def test_a_feed_entry_escapes_text_it_carries():
    change = {
        "table": "figures",
        "kind": "added",
        "id": "F0001",
        "version": "1.0.0",
        "released": "2026-01-01",
        "reason": "<script>alert(1)</script> & more",
    }
    figure = {
        "claimant_id": "x",
        "measure": "killed",
        "stated_as": "]]> <b>",
        "reported": "2025-01-01",
        "superseded_by": "",
    }
    items = feeds.entries([change], {"F0001": figure}, {})
    data = feeds.atom(items, "t", "figures")
    assert b"<script>" not in data and b"<b>" not in data
    assert "<script>alert(1)</script> & more" in ET.fromstring(data).find(f"{ATOM}entry").findtext(f"{ATOM}summary")
