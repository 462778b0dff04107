"""The one loader: reads datapackage.json and returns each table as a DataFrame typed per its schema."""
from dataclasses import dataclass, field

import pandas as pd

from dprk_kursk.descriptor import read_descriptor
from dprk_kursk.travel import pages_carrying

# How a link reads from its other end: F0003 includes F0004 when F0004 is part_of F0003.
INVERSE = {"part_of": "includes", "adds_to": "followed_by", "other_measure": "other_measure", "repeats": "repeated_by"}
PANDAS_TYPES = {"string": "string", "number": "float64", "integer": "Int64", "boolean": "boolean"}


@dataclass
class Package:
    """The data package: its descriptor and one DataFrame per resource, keyed by resource name."""

    descriptor: dict
    tables: dict = field(default_factory=dict)

    @property
    def version(self) -> str:
        return self.descriptor["version"]

    def __getattr__(self, name):
        try:
            return self.tables[name]
        except KeyError:
            raise AttributeError(name) from None

    def figures_in_context(self, include_inactive: bool = False) -> pd.DataFrame:
        """Active figures (all rows with `include_inactive`) joined to their claimant (name, country, kind), place
        (name, ISO code), source (publisher, url, published), and `links`: each linked figure with how it relates
        (part_of, includes, adds_to, followed_by, other_measure, repeats, repeated_by; see figure_links), for a reader about to add or
        compare the figure; and `pages`, how many pages carry it (its own and its citations)."""
        figures = self.tables["figures"]
        if not include_inactive:
            figures = figures[figures["status"] == "active"]
        claimants = self.tables["claimants"].rename(columns={"name": "claimant", "note": "claimant_note"})
        places = self.tables["places"][["place_id", "name", "iso_3166"]].rename(columns={"name": "place"})
        sources = self.tables["sources"][["source_id", "publisher", "url", "published", "relays"]]
        links = self.tables["figure_links"][["figure_id", "related_id", "relation"]]
        inverse = links.rename(columns={"figure_id": "related_id", "related_id": "figure_id"})
        linked = pd.concat([links, inverse.assign(relation=inverse["relation"].map(INVERSE))])
        warnings = (linked.assign(link=linked["relation"] + " " + linked["related_id"])
                    .groupby("figure_id")["link"].agg(lambda items: "; ".join(sorted(items))).rename("links"))
        merged = (figures.merge(claimants, on="claimant_id", how="left").merge(places, on="place_id", how="left")
                  .merge(sources, on="source_id", how="left").merge(warnings, on="figure_id", how="left"))
        return merged.assign(pages=pages_carrying(merged["figure_id"], self.tables["citations"]))


def read_table(resource: dict, base) -> pd.DataFrame:
    """Read one tabular resource's CSV, casting each column to the type its schema gives."""
    fields = resource["schema"]["fields"]
    frame = pd.read_csv(
        base / resource["path"], dtype=str, keep_default_na=False, na_values=[""], encoding="utf-8"
    )
    for spec in fields:
        name, kind = spec["name"], spec.get("type", "string")
        if kind == "date":
            frame[name] = pd.to_datetime(frame[name], format="%Y-%m-%d")
        elif kind == "number":
            frame[name] = pd.to_numeric(frame[name]).astype("float64")
        else:
            frame[name] = frame[name].astype(PANDAS_TYPES.get(kind, "string"))
    return frame


def load_package(path=None) -> Package:
    """Load the package at `path` (a datapackage.json or its folder; the repository's by default)."""
    descriptor, base = read_descriptor(path)
    tables = {res["name"]: read_table(res, base) for res in descriptor["resources"]}
    return Package(descriptor=descriptor, tables=tables)
