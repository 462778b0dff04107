"""The package as published: valid, described, and holding every fact of the seed article."""
import json
import re

import pytest

from dprk_kursk import load_package
from dprk_kursk.paths import DESCRIPTOR
from dprk_kursk.validate import validate

DESCRIPTOR_JSON = json.loads(DESCRIPTOR.read_text(encoding="utf-8"))
REQUIRED_COLUMNS = {
    "sources": ["source_id", "url", "publisher", "title", "published", "language", "source_type", "relays", "accessed"],
    "claimants": ["claimant_id", "name", "country", "kind"],
    "figures": ["figure_id", "measure", "counted", "scope", "part", "basis", "place_id", "value", "low", "high",
                "qualifier", "stated_as", "unit", "claimant_id", "reported", "as_of", "as_of_precision", "period_start",
                "source_id", "note"],
    "events": ["event_id", "date", "date_precision", "end_date", "category", "place_id", "summary", "source_id"],
    "places": ["place_id", "name", "kind", "iso_3166", "parent_id"],
    "publishers": ["publisher", "aliases"],
}


def test_the_package_is_valid():
    result = validate()
    assert result.ok, "\n".join(map(str, result.problems))


@pytest.mark.parametrize("key", ["name", "title", "description", "version", "created", "licenses",
                                 "sources", "contributors", "keywords"])
def test_descriptor_has_metadata(key):
    assert DESCRIPTOR_JSON.get(key), f"datapackage.json lacks {key}"


def test_version_is_semver():
    assert re.fullmatch(r"\d+\.\d+\.\d+", DESCRIPTOR_JSON["version"])


@pytest.mark.parametrize("name, columns", REQUIRED_COLUMNS.items())
def test_resource_keeps_the_documented_columns(name, columns):
    resource = next(r for r in DESCRIPTOR_JSON["resources"] if r["name"] == name)
    names = [f["name"] for f in resource["schema"]["fields"]]
    assert [c for c in columns if c not in names] == []
    assert resource["schema"]["primaryKey"] == [columns[0]]


@pytest.mark.parametrize("resource", DESCRIPTOR_JSON["resources"], ids=lambda r: r["name"])
def test_every_field_is_typed_and_described(resource):
    for field in resource["schema"]["fields"]:
        assert field.get("type"), field["name"]
        assert len(field.get("description", "")) > 10, field["name"]


def test_loader_types_columns_per_schema():
    package = load_package()
    assert str(package.figures["value"].dtype) == "float64"
    assert str(package.figures["reported"].dtype).startswith("datetime64")
    assert str(package.events["date"].dtype).startswith("datetime64")
    assert set(package.tables) == {"sources", "publishers", "claimants", "places", "figures", "figure_links", "citations", "events"}


def test_corrections_of_1_0_0_stand():
    """The rows an outside check found wrong stay corrected: a TASS tally is TASS's, the NIS wounded of
    19 December 2024 were about 1,000, and Budanov's unsupported 4,000 stays retracted."""
    figures = load_package().figures.set_index("figure_id")
    def successor(figure_id):
        row = figures.loc[figure_id]
        assert row["status"] == "corrected"
        return figures.loc[row["superseded_by"]]
    assert successor("F0097")["claimant_id"] == "ru-tass"
    assert successor("F0061")["qualifier"] == "about" and successor("F0061")["value"] == 1000
    assert figures.loc["F0088", "status"] == "retracted"
    active = figures[figures["status"] == "active"]
    assert not ((active["claimant_id"] == "ua-budanov") & (active["reported"] == "2025-02-19")).any()
