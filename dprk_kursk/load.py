"""The one loader: reads datapackage.json and returns each table as a DataFrame typed per its schema.

It sits at the bottom of the package: it imports the descriptor, the shared frame helpers and (to refuse a
broken copy) the validator, never the analysis or the site. A package is validated before it is loaded unless
the same bytes have been found valid before (a digest kept in the user's cache folder), so an edited copy with
a typo is refused with the validator's own lines instead of loading silently.
"""

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from dprk_kursk.descriptor import read_descriptor
from dprk_kursk.frames import active, pages_carrying
from dprk_kursk.paths import descriptor_path

# How a link reads from its other end: F0003 includes F0004 when F0004 is part_of F0003.
INVERSE = {"part_of": "includes", "adds_to": "followed_by", "other_measure": "other_measure", "repeats": "repeated_by"}
SHOWN_PROBLEMS = 20  # an invalid package's error lists this many problems, then how many more
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
            figures = active(figures)
        claimants = self.tables["claimants"].rename(columns={"name": "claimant", "note": "claimant_note"})
        places = self.tables["places"][["place_id", "name", "iso_3166"]].rename(columns={"name": "place"})
        sources = self.tables["sources"][["source_id", "publisher", "url", "published", "relays"]]
        links = self.tables["figure_links"][["figure_id", "related_id", "relation"]]
        inverse = links.rename(columns={"figure_id": "related_id", "related_id": "figure_id"})
        linked = pd.concat([links, inverse.assign(relation=inverse["relation"].map(INVERSE))])
        warnings = (
            linked.assign(link=linked["relation"] + " " + linked["related_id"])
            .groupby("figure_id")["link"]
            .agg(lambda items: "; ".join(sorted(items)))
            .rename("links")
        )
        merged = (
            figures.merge(claimants, on="claimant_id", how="left")
            .merge(places, on="place_id", how="left")
            .merge(sources, on="source_id", how="left")
            .merge(warnings, on="figure_id", how="left")
        )
        return merged.assign(pages=pages_carrying(merged["figure_id"], self.tables["citations"]))


def read_table(resource: dict, base) -> pd.DataFrame:
    """Read one tabular resource's CSV, casting each column to the type its schema gives."""
    fields = resource["schema"]["fields"]
    frame = pd.read_csv(base / resource["path"], dtype=str, keep_default_na=False, na_values=[""], encoding="utf-8")
    for spec in fields:
        name, kind = spec["name"], spec.get("type", "string")
        if kind == "date":
            frame[name] = pd.to_datetime(frame[name], format="%Y-%m-%d")
        elif kind == "number":
            frame[name] = pd.to_numeric(frame[name]).astype("float64")
        else:
            frame[name] = frame[name].astype(PANDAS_TYPES.get(kind, "string"))
    return frame


class InvalidPackage(ValueError):
    """The package breaks the validator's checks; `problems` lists every Problem found."""

    def __init__(self, file, problems):
        lines = [str(p) for p in problems[:SHOWN_PROBLEMS]]
        more = len(problems) - len(lines)
        lines += [f"... and {more} more"] if more else []
        super().__init__(
            f"{file} is not a valid package ({len(problems)} problem(s)); fix these, or run "
            f"scripts/validate.py for the full list:\n" + "\n".join(lines)
        )
        self.problems = problems


def package_digest(file: Path) -> str:
    """sha256 over the descriptor and every file in its folder's data/ (names and bytes)."""
    digest = hashlib.sha256(file.read_bytes())
    for data in sorted((file.parent / "data").glob("*.csv")):
        digest.update(data.name.encode() + b"\0" + data.read_bytes())
    return digest.hexdigest()


def validated_stamp() -> Path:
    """Where digests of packages found valid are kept (the user's cache folder; DPRK_KURSK_CACHE overrides it)."""
    cache = (
        os.environ.get("DPRK_KURSK_CACHE")
        or Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "dprk_kursk"
    )
    return Path(cache) / "validated-digests"


def ensure_valid(path=None) -> None:
    """Raise InvalidPackage unless the package at `path` is valid; a valid package's digest is kept so the same
    bytes are validated once."""
    from dprk_kursk.validate import validate

    file = descriptor_path(path)
    digest, stamp = package_digest(file), validated_stamp()
    if stamp.is_file() and digest in stamp.read_text(encoding="utf-8").split():
        return
    result = validate(file)
    if not result.ok:
        raise InvalidPackage(file, result.problems)
    try:
        stamp.parent.mkdir(parents=True, exist_ok=True)
        with open(stamp, "a", encoding="utf-8") as out:
            out.write(digest + "\n")
    except OSError:
        pass  # a read-only home only costs a validation next time


def load_package(path=None, validate: bool = True) -> Package:
    """Load the package at `path` (a datapackage.json or its folder; the repository's by default).

    With `validate` (the default) a package not seen valid before is validated first, and InvalidPackage names
    its problems (file, line, column) instead of loading it; `validate=False` loads without checking."""
    if validate:
        ensure_valid(path)
    descriptor, base = read_descriptor(path)
    tables = {res["name"]: read_table(res, base) for res in descriptor["resources"]}
    return Package(descriptor=descriptor, tables=tables)
