"""The one loader: reads datapackage.json and returns each table as a DataFrame typed per its schema."""
from dataclasses import dataclass, field

import pandas as pd

from dprk_kursk.descriptor import read_descriptor

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

    def figures_in_context(self) -> pd.DataFrame:
        """Figures joined to their claimant (name, country, kind) and source (publisher, url, published)."""
        claimants = self.tables["claimants"].rename(columns={"name": "claimant", "note": "claimant_note"})
        sources = self.tables["sources"][["source_id", "publisher", "url", "published", "relays"]]
        return self.tables["figures"].merge(claimants, on="claimant_id", how="left").merge(
            sources, on="source_id", how="left"
        )


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
