"""Feeds of the figures each release added, corrected or retracted: Atom 1.0 and JSON Feed 1.1.

Input: the change log (`releases/changes.csv`), the figures and claimants. Output: one feed of every
figure change and one per measure, each entry linking to the figure's claim page (`claims/F0001.html`,
relative to the site's root). Entry ids are tag URIs built from the release, the id and the kind, so an
entry keeps its id across builds; timestamps are the release days, so the bytes are the same on every build.
"""

import json
import xml.etree.ElementTree as ET
from dataclasses import dataclass

ATOM = "http://www.w3.org/2005/Atom"
TAG = "tag:github.com,2026:dprk-troops-russia-kursk"
KINDS = ("added", "corrected", "retracted")
WORDS = {"added": "added", "corrected": "corrected", "retracted": "retracted"}


@dataclass(frozen=True)
class Entry:
    id: str
    title: str
    link: str  # relative to the site's root
    updated: str
    summary: str
    measure: str


def entries(changes: list[dict], figures: dict, claimants: dict) -> list[Entry]:
    """One entry per figure added, corrected or retracted in a release, newest release first, then by id."""
    out = []
    for row in changes:
        if row["table"] != "figures" or row["kind"] not in KINDS or row["id"] not in figures:
            continue
        figure = figures[row["id"]]
        who = claimants.get(figure["claimant_id"], figure["claimant_id"])
        said = f"{figure['measure']}: “{figure['stated_as']}”, {who}, reported {figure['reported']}"
        summary = said + (f". Replaced by {figure['superseded_by']}" if figure.get("superseded_by") else "")
        summary += f". {row['reason']}" if row["reason"] else ""
        out.append(
            Entry(
                id=f"{TAG}:{row['version']}/{row['id']}/{row['kind']}",
                title=f"{row['id']} {WORDS[row['kind']]} in {row['version']}: {said}",
                link=f"claims/{row['id']}.html",
                updated=f"{row['released']}T00:00:00Z",
                summary=summary,
                measure=figure["measure"],
            )
        )
    return sorted(out, key=lambda e: (e.updated, e.id), reverse=True)


def atom(items: list[Entry], title: str, feed_name: str, prefix: str = "../") -> bytes:
    """An Atom feed; links are relative to the feed's own folder (`prefix` leads back to the site's root)."""
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    ET.SubElement(feed, f"{{{ATOM}}}id").text = f"{TAG}:feeds/{feed_name}"
    ET.SubElement(feed, f"{{{ATOM}}}title").text = title
    ET.SubElement(feed, f"{{{ATOM}}}updated").text = items[0].updated if items else "1970-01-01T00:00:00Z"
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="self", href=f"{feed_name}.atom")
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    ET.SubElement(author, f"{{{ATOM}}}name").text = "dprk-troops-russia-kursk data package"
    for item in items:
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        ET.SubElement(entry, f"{{{ATOM}}}id").text = item.id
        ET.SubElement(entry, f"{{{ATOM}}}title").text = item.title
        ET.SubElement(entry, f"{{{ATOM}}}link", rel="alternate", type="text/html", href=prefix + item.link)
        ET.SubElement(entry, f"{{{ATOM}}}updated").text = item.updated
        ET.SubElement(entry, f"{{{ATOM}}}summary").text = item.summary
    ET.indent(feed)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"


def json_feed(items: list[Entry], title: str, feed_name: str, prefix: str = "../") -> bytes:
    """A JSON Feed 1.1 document with the same entries as the Atom feed of the same name."""
    document = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": title,
        "feed_url": f"{feed_name}.json",
        "description": "Figures added, corrected or retracted in each release of the data package.",
        "authors": [{"name": "dprk-troops-russia-kursk data package"}],
        "language": "en",
        "items": [
            {
                "id": item.id,
                "url": prefix + item.link,
                "title": item.title,
                "content_text": item.summary,
                "date_modified": item.updated,
                "tags": [item.measure],
            }
            for item in items
        ],
    }
    return (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def feeds(items: list[Entry]) -> dict:
    """{file name: bytes}: every change, and one pair of files per measure."""
    out = {
        "figures.atom": atom(items, "Figures: every change", "figures"),
        "figures.json": json_feed(items, "Figures: every change", "figures"),
    }
    for measure in sorted({item.measure for item in items}):
        chosen = [item for item in items if item.measure == measure]
        name, title = f"figures-{measure}", f"Figures: {measure}"
        out[f"{name}.atom"], out[f"{name}.json"] = atom(chosen, title, name), json_feed(chosen, title, name)
    return out


def write_feeds(folder, package, changes: list[dict]) -> int:
    """Write every feed of the package into `folder`; returns how many files."""
    figures = {r["figure_id"]: r for r in package.figures.astype(str).replace("<NA>", "").to_dict("records")}
    for row in figures.values():
        row["reported"] = row["reported"][:10]
    claimants = dict(zip(package.claimants["claimant_id"], package.claimants["name"]))
    folder.mkdir(parents=True, exist_ok=True)
    files = feeds(entries(changes, figures, claimants))
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return len(files)
