"""Documentation that is generated or must agree with the descriptor is never stale."""

import json
import re

from dprk_kursk import load_package
from dprk_kursk import untrusted as limits
from dprk_kursk.paths import DESCRIPTOR, ROOT
from dprk_kursk.problems import MESSAGE_CHARS, SHOWN_CHARS

VERSION = json.loads(DESCRIPTOR.read_text(encoding="utf-8"))["version"]


def test_readme_summary_is_current():
    from dprk_kursk.site.readme import README, refreshed

    text = README.read_text(encoding="utf-8")
    assert refreshed(load_package(), text) == text, "README.md summary or samples are out of date: run `make reproduce`"


def test_citation_version_matches_the_descriptor():
    citation = (ROOT / "CITATION.cff").read_text(encoding="utf-8")
    assert re.search(r"^version: (\S+)$", citation, re.M).group(1) == VERSION
    assert re.search(r"^type: (\S+)$", citation, re.M).group(1) == "dataset"


def test_changelog_has_an_entry_for_this_version():
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert re.search(rf"^## \[{re.escape(VERSION)}\] - \d{{4}}-\d{{2}}-\d{{2}}$", changelog, re.M)


def test_data_dictionary_is_current():
    from dprk_kursk import load_package
    from dprk_kursk.dictionary import render
    from dprk_kursk.paths import DICTIONARY

    assert DICTIONARY.read_text(encoding="utf-8") == render(load_package()), (
        "docs/data-dictionary.md is out of date: run `make docs`"
    )


def test_every_vocabulary_value_is_explained():
    descriptor = json.loads(DESCRIPTOR.read_text(encoding="utf-8"))
    for resource in descriptor["resources"]:
        for field in resource["schema"]["fields"]:
            enum = field.get("constraints", {}).get("enum")
            if enum is None or field["name"] == "country":  # country names explain themselves
                continue
            meanings = field.get("x-vocabulary", {})
            assert list(meanings) == enum, (
                f"{resource['name']}.{field['name']}: x-vocabulary must explain each enum value, in order"
            )
            assert all(text.strip() for text in meanings.values()), f"{resource['name']}.{field['name']}: empty meaning"


def test_readme_shows_how_to_cite_a_figure_as_the_data_has_it():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Citing a figure", 1)[1].split("\n## ", 1)[0]
    example = re.search(
        r"Figure (F\d{4,}) \((.+?): (.+?) North Korean troops .+?\), in\n> .+?version (\d+\.\d+\.\d+)", section, re.S
    )
    assert example, "the README's citing section has no example"
    figure_id, _, stated, version = example.groups()
    figure = load_package().figures.set_index("figure_id").loc[figure_id]
    assert figure["status"] == "active" and figure["stated_as"] == stated
    assert version == json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))["version"]


def test_readme_states_the_validators_limits():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    mb = 1_000_000
    for stated in (
        f"| {limits.MAX_DESCRIPTOR_BYTES // mb} MB, nested at most {limits.MAX_DEPTH} deep |",
        f"| resources | {limits.MAX_RESOURCES} |",
        f"| {limits.MAX_FILE_BYTES // mb} MB / {limits.MAX_PACKAGE_BYTES // mb} MB |",
        f"| {limits.MAX_CELL_CHARS:,} characters |",
        f"| {limits.MAX_ROW_CELLS} cells |",
        f"backtracks forever | {limits.MAX_SECONDS} s |",
        f"cut to {SHOWN_CHARS} characters (messages to {MESSAGE_CHARS})",
    ):
        assert stated in readme, stated
