"""The package as published: valid, described, and holding every fact of the seed article."""

import json
import re

import pytest
from conftest import set_cell

from dprk_kursk import InvalidPackage, load_package
from dprk_kursk.load import package_digest
from dprk_kursk.paths import DESCRIPTOR
from dprk_kursk.validate import validate

DESCRIPTOR_JSON = json.loads(DESCRIPTOR.read_text(encoding="utf-8"))
REQUIRED_COLUMNS = {
    "sources": ["source_id", "url", "publisher", "title", "published", "language", "source_type", "relays", "accessed"],
    "claimants": ["claimant_id", "name", "country", "kind"],
    "figures": [
        "figure_id",
        "measure",
        "counted",
        "scope",
        "part",
        "basis",
        "place_id",
        "value",
        "low",
        "high",
        "qualifier",
        "stated_as",
        "unit",
        "claimant_id",
        "reported",
        "as_of",
        "as_of_precision",
        "period_start",
        "source_id",
        "note",
    ],
    "events": ["event_id", "date", "date_precision", "end_date", "category", "place_id", "summary", "source_id"],
    "places": ["place_id", "name", "kind", "iso_3166", "parent_id"],
    "publishers": ["publisher", "aliases"],
}


def test_the_package_is_valid():
    result = validate()
    assert result.ok, "\n".join(map(str, result.problems))


@pytest.mark.parametrize(
    "key", ["name", "title", "description", "version", "created", "licenses", "sources", "contributors", "keywords"]
)
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
    assert set(package.tables) == {
        "sources",
        "publishers",
        "claimants",
        "places",
        "figures",
        "figure_links",
        "citations",
        "events",
    }


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


def test_loader_refuses_an_edited_copy_naming_its_problems(package_copy, monkeypatch, tmp_path_factory):
    monkeypatch.setenv("DPRK_KURSK_CACHE", str(tmp_path_factory.mktemp("cache")))
    set_cell(package_copy, "data/figures.csv", 3, "measure", "troops_presnet")
    with pytest.raises(InvalidPackage) as refused:
        load_package(package_copy)
    assert "data/figures.csv:3: measure: not one of the allowed values: did you mean troops_present?" in str(
        refused.value
    )
    assert [(p.file, p.line, p.code) for p in refused.value.problems] == [("data/figures.csv", 3, "schema.enum")]
    assert load_package(package_copy, validate=False).figures["measure"].iloc[1] == "troops_presnet"


def test_loader_validates_the_same_bytes_once(package_copy, monkeypatch, tmp_path_factory):
    cache = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("DPRK_KURSK_CACHE", str(cache))
    assert len(load_package(package_copy).figures) > 0
    assert (cache / "validated-digests").read_text(encoding="utf-8").split() == [
        package_digest(package_copy / "datapackage.json")
    ]
    monkeypatch.setattr("dprk_kursk.validate.validate", lambda path: pytest.fail("validated twice"))
    assert len(load_package(package_copy).figures) > 0


ABOVE_THE_LOADER = {"analysis", "accounting", "standing", "travel", "site", "charts", "dictionary", "export"}


@pytest.mark.parametrize(
    "module, banned",
    [
        ("dprk_kursk.load", {f"dprk_kursk.{m}" for m in ABOVE_THE_LOADER}),
        ("dprk_kursk.validate", {"pandas"} | {f"dprk_kursk.{m}" for m in ABOVE_THE_LOADER}),
    ],
)
def test_layers_import_nothing_above_them(module, banned):
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-c", f"import sys, {module}; print(' '.join(sys.modules))"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert sorted(banned & set(done.stdout.split())) == []
