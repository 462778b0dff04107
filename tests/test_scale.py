"""The validator on synthetic packages built from the real schema: every broken row found, nothing else,
and the same answer whether frictionless runs in the same process or beside it."""

import pytest

from dprk_kursk.synthetic import write_synthetic
from dprk_kursk.validate import validate


@pytest.fixture(scope="module")
def broken_package(tmp_path_factory):
    root = tmp_path_factory.mktemp("synthetic")
    return root, write_synthetic(root, 600, broken_every=50)


def test_synthetic_package_is_valid_when_unbroken(tmp_path):
    write_synthetic(tmp_path, 300)
    result = validate(tmp_path)
    assert result.ok, "\n".join(map(str, result.problems[:10]))
    assert result.row_counts["figures"] == 300


def test_every_broken_row_and_only_those_are_reported(broken_package):
    root, broken = broken_package
    lines = {p.line for p in validate(root).problems if p.file == "data/figures.csv"}
    assert len(broken) == 12 and lines == set(broken)


def test_frictionless_beside_the_rules_gives_the_same_problems(broken_package):
    root, _ = broken_package
    assert validate(root, parallel_above=0).problems == validate(root, parallel_above=10**12).problems


def test_frictionless_findings_kept_by_content_are_reused_only_for_the_same_bytes(tmp_path, monkeypatch):
    from dprk_kursk import schema

    root, memo = tmp_path / "package", tmp_path / "memo"
    memo.mkdir()
    write_synthetic(root, 100, broken_every=25)
    fresh = validate(root).problems
    monkeypatch.setenv(schema.MEMO_FOLDER, str(memo))
    assert validate(root).problems == fresh and len(list(memo.iterdir())) == 1
    calls = []
    monkeypatch.setattr(schema, "frictionless_findings", lambda *args: calls.append(args) or [])
    assert validate(root).problems == fresh and calls == []
    figures = root / "data" / "figures.csv"
    figures.write_bytes(figures.read_bytes() + b"\n")
    validate(root)
    assert len(calls) == 1
