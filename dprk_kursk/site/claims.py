"""One page per figure id ever released: the statement, who said it, what it counts, every page carrying it,
its links read from this end, how to cite it, and for a row no longer active, what replaced it and why."""

import json

import pandas as pd

from dprk_kursk.ids import read_released
from dprk_kursk.site.labels import (
    BASIS_WORDS,
    BOUNDS_WORDS,
    COUNTED,
    MEASURE_LABELS,
    PRECISION_WORDS,
    RELATION_SENTENCE,
    STATUS_WORDS,
    country_label,
)
from dprk_kursk.site.rows import day_text, number, split_links, text
from dprk_kursk.travel import direction, drift_kind


def released_figure_ids() -> dict:
    """Figure id -> the version it was first released in, from releases/released-ids.csv."""
    return {key: first for (table, key), (_, first) in read_released().items() if table == "figures"}


def vocabulary(descriptor, table: str, field: str) -> dict:
    resource = next(r for r in descriptor["resources"] if r["name"] == table)
    return next(f for f in resource["schema"]["fields"] if f["name"] == field).get("x-vocabulary", {})


def bounds_words(row) -> str:
    values = {
        "v": number(row["value"]),
        "low": number(row["low"]) if pd.notna(row["low"]) else "",
        "high": number(row["high"]) if pd.notna(row["high"]) else "",
    }
    return BOUNDS_WORDS[row["qualifier"]].format(**values)


def replacement(figure_id: str, figures: pd.DataFrame) -> str:
    """The active row that stands for `figure_id`: itself, or the end of its superseded_by chain (empty if none)."""
    seen = set()
    while figure_id and figure_id not in seen:
        seen.add(figure_id)
        row = figures.loc[figure_id]
        if row["status"] == "active":
            return figure_id
        figure_id = text(row["superseded_by"])
    return ""


def why(figure, figures: pd.DataFrame) -> str:
    """Why an inactive row stopped standing: the note of the row that replaced it, else its own note."""
    if figure["status"] == "active":
        return ""
    replaced_by = text(figure["superseded_by"])
    return (
        text(figures.loc[replaced_by, "note"])
        if replaced_by and text(figures.loc[replaced_by, "note"])
        else text(figure["note"])
    )


def pages(figure: dict, sources: dict, cited: list) -> list:
    """Every page carrying the figure, its own first, then by date (undated last): publisher, date, headline, wording.
    `sources` maps source id to its row, `cited` holds the figure's citation rows (all as dicts)."""
    listed = [
        {
            "source_id": figure["source_id"],
            "wording": figure["stated_as"],
            "wording_en": text(figure.get("stated_as_en")),
            "own": True,
            "direction": "",
            "kind": "",
        }
    ]
    listed += [
        {
            "source_id": row["source_id"],
            "wording": row["stated_as"],
            "wording_en": text(row.get("stated_as_en")),
            "own": False,
            "direction": direction(figure, row),
            "kind": drift_kind(figure, row),
        }
        for row in cited
    ]
    for item in listed:
        source = sources[item["source_id"]]
        item.update(
            publisher=source["publisher"],
            url=source["url"],
            title=text(source["title"]),
            published=f"{source['published']:%Y-%m-%d}" if pd.notna(source["published"]) else "",
        )
    return [listed[0]] + sorted(
        listed[1:], key=lambda item: (item["published"] == "", item["published"], item["source_id"])
    )


def links(figure_id: str, context: pd.DataFrame, figures: pd.DataFrame, notes: dict) -> list:
    """Each linked figure, the relation read from this end, and the active row that stands for it."""
    found = []
    for relation, other in split_links(context.loc[figure_id, "links"]):
        standing = replacement(other, figures)
        found.append(
            {
                "relation": RELATION_SENTENCE[relation],
                "id": other,
                "status": figures.loc[other, "status"],
                "target": standing,
                "note": notes.get(frozenset((figure_id, other)), ""),
            }
        )
    return found


def citation(figure, claimant: str, place: str, descriptor: dict, address: str) -> dict:
    """The ready citation: a sentence and CSL-JSON, naming the figure id, the data version and the address."""
    title = descriptor["title"]
    authors = [c["title"] for c in descriptor.get("contributors", [])]
    said = f"{figure['reported']:%-d %B %Y}"
    subject = f"{claimant}: {figure['stated_as']}, {MEASURE_LABELS[figure['measure']]}, {place}, {said}"
    csl = {
        "id": f"{descriptor['name']}-{figure.name}",
        "type": "dataset",
        "title": f"Figure {figure.name} ({subject})",
        "container-title": title,
        "author": [{"literal": name} for name in authors],
        "version": descriptor["version"],
        "URL": address,
        "note": f"figure {figure.name} in data/figures.csv",
        "issued": {"date-parts": [[int(part) for part in descriptor["created"][:10].split("-")]]},
    }
    return {
        "subject": subject,
        "authors": ", ".join(authors),
        "title": title,
        "version": descriptor["version"],
        "address": address,
        "csl": json.dumps([csl], ensure_ascii=False, indent=2),
    }


def json_ld(figure, claimant_row, carried: list, address: str) -> dict:
    def appearance(page):
        found = {
            "@type": "CreativeWork",
            "url": page["url"],
            "publisher": {"@type": "Organization", "name": page["publisher"]},
        }
        if page["title"]:
            found["headline"] = page["title"]
        if page["published"]:
            found["datePublished"] = page["published"]
        return found

    kind = "Person" if claimant_row["kind"] == "head_of_state" else "Organization"
    return {
        "@context": "https://schema.org",
        "@type": "Claim",
        "identifier": figure.name,
        "url": address,
        "text": figure["stated_as"],
        "author": {"@type": kind, "name": claimant_row["name"]},
        "datePublished": f"{figure['reported']:%Y-%m-%d}",
        "firstAppearance": appearance(carried[0]),
        "appearance": [appearance(page) for page in carried],
    }


def _lookups(package) -> dict:
    """What every claim page looks up: the figures, their context and links, sources, citations, claimants,
    places, and the descriptor's meanings of each code."""
    citations = {}
    for row in package.citations.to_dict("records"):
        citations.setdefault(row["figure_id"], []).append(row)
    descriptor = package.descriptor
    return {
        "figures": package.figures.set_index("figure_id", drop=False),
        "context": package.figures_in_context(include_inactive=True).set_index("figure_id"),
        "notes": {frozenset((r.figure_id, r.related_id)): text(r.note) for r in package.figure_links.itertuples()},
        "sources": package.sources.set_index("source_id", drop=False).to_dict("index"),
        "citations": citations,
        "claimants": package.claimants.set_index("claimant_id"),
        "places": package.places.set_index("place_id")["name"],
        "meanings": {field: vocabulary(descriptor, "figures", field) for field in ("measure", "counted", "basis")},
        "kinds": vocabulary(descriptor, "claimants", "kind"),
        "descriptor": descriptor,
    }


def _what_it_counts(figure, look) -> dict:
    """The page's account of what the figure counts: measure, group, scope, basis, place, each with its meaning."""
    meanings = look["meanings"]
    return {
        "measure": MEASURE_LABELS[figure["measure"]],
        "measure_meaning": meanings["measure"].get(figure["measure"], ""),
        "counted": COUNTED[figure["counted"]],
        "counted_meaning": meanings["counted"].get(figure["counted"], ""),
        "scope": figure["scope"],
        "part": text(figure["part"]),
        "basis": BASIS_WORDS[figure["basis"]],
        "basis_meaning": meanings["basis"].get(figure["basis"], ""),
        "place": look["places"][figure["place_id"]],
    }


def _who_and_when(figure, claimant, kinds) -> dict:
    """The page's account of the statement: its wording and bounds, who said it, when, and what time it describes."""
    period_start = figure["period_start"]
    return {
        "stated_as": figure["stated_as"],
        "stated_as_en": text(figure.get("stated_as_en")),
        "bounds": bounds_words(figure),
        "unit": figure["unit"],
        "claimant": claimant["name"],
        "country": country_label(claimant["country"]),
        "kind": claimant["kind"].replace("_", " "),
        "kind_meaning": kinds.get(claimant["kind"], ""),
        "claimant_note": text(claimant["note"]),
        "reported": f"{figure['reported']:%-d %B %Y}",
        "as_of": day_text(figure["as_of"], figure["as_of_precision"]),
        "precision": PRECISION_WORDS[figure["as_of_precision"]],
        "period_start": day_text(period_start, figure["as_of_precision"]) if pd.notna(period_start) else "",
    }


def claim_page(figure_id: str, look: dict, released: dict, site_address: str) -> dict:
    """The context of one figure's page."""
    figures = look["figures"]
    figure = figures.loc[figure_id].rename(figure_id)
    claimant = look["claimants"].loc[figure["claimant_id"]]
    place = look["places"][figure["place_id"]]
    address = f"{site_address}claims/{figure_id}.html"
    carried = pages(figure.to_dict(), look["sources"], look["citations"].get(figure_id, []))
    standing = replacement(figure_id, figures)
    status = {
        "id": figure_id,
        "status": figure["status"],
        "status_words": STATUS_WORDS.get(figure["status"], ""),
        "first_version": released.get(figure_id, "unreleased"),
        "replaced_by": text(figure["superseded_by"]),
        "standing": standing if standing != figure_id else "",
        "replaced_in": released.get(text(figure["superseded_by"]), ""),
        "why": why(figure, figures),
    }
    return (
        status
        | _who_and_when(figure, claimant, look["kinds"])
        | _what_it_counts(figure, look)
        | {
            "note": text(figure["note"]),
            "pages": carried,
            "links": links(figure_id, look["context"], figures, look["notes"]),
            "citation": citation(figure, claimant["name"], place, look["descriptor"], address),
            "json_ld": json_ld(figure, claimant, carried, address),
        }
    )


def claim_pages(package, site_address: str) -> list:
    """The context of every released figure's page, in id order."""
    look = _lookups(package)
    released = released_figure_ids()
    ids = sorted(set(released) | set(look["figures"].index))
    return [claim_page(figure_id, look, released, site_address) for figure_id in ids]
