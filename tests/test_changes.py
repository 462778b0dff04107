"""The change log: rebuilt from the repository's history it equals the committed one; its counts agree with the
CHANGELOG; a release that edits a released row in place without a reason is refused; the record as each
release knew it answers "which claims stood on a day" as `standing_on` does on that release's rows."""

import csv
import json
import os
import re
import shutil
import subprocess
import sys
from collections import Counter

import pytest

from dprk_kursk import changes
from dprk_kursk.changes import Release, compare, unexplained
from dprk_kursk.paths import ROOT

ROW = {"figure_id": "F0001", "measure": "killed", "value": "100", "status": "active", "superseded_by": "", "note": ""}


def table(*rows):
    return {"figures": (["figure_id"], {r["figure_id"]: r for r in rows})}


def kinds(before, after, reasons=None):
    rows = compare(before, after, Release("9.9.9", "2030-01-01", ""), reasons or {})
    return {r["id"]: (r["kind"], json.loads(r["changed"]) if r["changed"] else {}, r["reason"]) for r in rows}


def test_each_kind_of_change_is_named_with_its_fields():
    corrected = ROW | {"status": "corrected", "superseded_by": "F0003"}
    before = table(ROW, ROW | {"figure_id": "F0002"}, ROW | {"figure_id": "F0004"}, ROW | {"figure_id": "F0005"})
    after = table(
        corrected,
        ROW | {"figure_id": "F0002", "value": "200"},
        ROW | {"figure_id": "F0003"},
        ROW | {"figure_id": "F0004", "status": "retracted"},
    )
    assert kinds(before, after) == {
        "F0001": ("corrected", {"status": ["active", "corrected"], "superseded_by": ["", "F0003"]}, ""),
        "F0002": ("edited_in_place", {"value": ["100", "200"]}, ""),
        "F0003": ("added", {}, ""),
        "F0004": ("retracted", {"status": ["active", "retracted"]}, ""),
        "F0005": ("removed", {}, ""),
    }


def test_a_row_that_did_not_change_is_not_listed_and_a_new_column_is_no_edit():
    assert kinds(table(ROW), table(ROW | {"counted": "kpa_troops"})) == {}


def test_every_change_but_an_addition_needs_a_reason():
    before = table(ROW, ROW | {"figure_id": "F0002"})
    after = table(
        ROW | {"value": "200"},
        ROW | {"figure_id": "F0002", "status": "corrected", "note": "why"},
        ROW | {"figure_id": "F0003"},
    )
    rows = compare(before, after, Release("9.9.9", "2030-01-01", ""), {})
    assert [r["id"] for r in unexplained(rows, "9.9.9")] == ["F0001", "F0002"]
    reasons = {
        ("9.9.9", "figures", "F0001"): ("", "typo: the page says 200"),
        ("9.9.9", "figures", "F0002"): ("", "measure: the page counts troops there"),
    }
    rows = compare(before, after, Release("9.9.9", "2030-01-01", ""), reasons)
    assert unexplained(rows, "9.9.9") == []
    assert rows[0]["reason"] == "typo: the page says 200"


def test_a_correction_that_also_edits_a_value_needs_a_reason():
    after = table(ROW | {"status": "corrected", "superseded_by": "F0009", "value": "300"})
    rows = compare(table(ROW), after, Release("9.9.9", "2030-01-01", ""), {})
    assert [(r["id"], r["kind"]) for r in unexplained(rows, "9.9.9")] == [("F0001", "corrected")]


def test_a_field_wide_reason_covers_only_edits_of_those_fields():
    reasons = {("9.9.9", "figures", "*"): ("as_of", "as_of set for every figure")}
    after = table(ROW | {"as_of": "2025-01-01"}, ROW | {"figure_id": "F0002", "as_of": "2025-01-01", "value": "5"})
    before = table(ROW | {"as_of": ""}, ROW | {"figure_id": "F0002", "as_of": ""})
    found = kinds(before, after, reasons)
    assert found["F0001"][2] == "as_of set for every figure"
    assert found["F0002"][2] == ""


@pytest.fixture(scope="module")
def rebuilt():
    return changes.change_log()


def test_the_committed_change_log_is_the_one_the_history_gives(rebuilt):
    committed = changes.read_changes()
    assert len(committed) == len(rebuilt)
    differing = [(c["version"], c["table"], c["id"]) for c, r in zip(committed, rebuilt) if c != r]
    assert differing == [], f"releases/changes.csv is stale at {differing[:5]}: run make release"


def test_the_change_log_covers_every_release_from_the_first(rebuilt):
    listed = [r.version for r in changes.releases()]
    assert listed[0] == "0.1.0"
    assert sorted({r["version"] for r in rebuilt}, key=listed.index) == listed
    current = json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))["version"]
    assert listed[-1] == current


def test_every_edit_of_a_released_row_has_a_reason(rebuilt):
    missing = [
        (r["version"], r["table"], r["id"]) for v in {r["version"] for r in rebuilt} for r in unexplained(rebuilt, v)
    ]
    assert missing == []


def changelog_counts() -> dict:
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    counts = {}
    for version, line in re.findall(r"^## \[(\d+\.\d+\.\d+)\].*?\nIds first released: ([^\n]*)", text, re.M | re.S):
        for number, name in re.findall(r"(\d+) (\w+)", line):
            counts[(version, name)] = int(number)
    return counts


def test_changelog_counts_agree_with_the_change_log(rebuilt):
    added = Counter((r["version"], r["table"]) for r in rebuilt if r["kind"] == "added")
    stated = changelog_counts()
    assert stated, "no 'Ids first released' lines found in CHANGELOG.md"
    assert {key: added.get(key, 0) for key in stated} == stated


def test_history_gives_each_release_its_own_rows():
    history = changes.read_history()
    per_release = Counter(r["version"] for r in history)
    assert per_release["0.1.0"] == 8  # the seed's eight figures, F0001-F0008
    f0061 = {r["version"]: r for r in history if r["figure_id"] == "F0061"}
    assert f0061["0.4.0"]["status"] == "active" and f0061["1.0.0"]["status"] == "corrected"


def test_standing_as_released_differs_where_a_release_corrected_a_claim():
    # NIS's wounded on 19 Dec 2024 stood as "more than 1,000" (F0061) in 0.4.0; 1.0.0 replaced it with F0187.
    old = changes.standing_as_released("0.4.0", "wounded", "2025-01-01")
    new = changes.standing_as_released("1.0.0", "wounded", "2025-01-01")
    assert "F0061" in set(old["figure_id"]) and "F0061" not in set(new["figure_id"])
    assert "F0187" in set(new["figure_id"])


def test_the_release_step_refuses_an_unexplained_edit_on_a_copy(tmp_path):
    copy = tmp_path / "repo"
    subprocess.run(["git", "clone", "-q", str(ROOT), str(copy)], check=True)
    for path in ("data", "releases", "dprk_kursk", "scripts", "datapackage.json"):
        source = ROOT / path
        target = copy / path
        if source.is_dir():
            shutil.rmtree(target, ignore_errors=True)
            shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, target)
    subprocess.run(["git", "-C", str(copy), "add", "-A"], check=True)
    subprocess.run(
        ["git", "-C", str(copy), "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "t", "--allow-empty"],
        check=True,
    )
    descriptor = json.loads((copy / "datapackage.json").read_text(encoding="utf-8"))
    descriptor["version"] = "99.0.0"
    (copy / "datapackage.json").write_text(json.dumps(descriptor, indent=2), encoding="utf-8")
    figures = copy / "data" / "figures.csv"
    rows = list(csv.reader(figures.open(encoding="utf-8", newline="")))
    header = rows[0]
    rows[1][header.index("value")] = "8001"
    with figures.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)
    before = (copy / "releases" / "changes.csv").read_bytes()
    env = os.environ | {"PYTHONPATH": str(copy)}
    done = subprocess.run(
        [sys.executable, str(copy / "scripts" / "build_changes.py")], cwd=copy, env=env, capture_output=True, text=True
    )
    assert done.returncode == 1
    assert f"figures {rows[1][0]}: edited_in_place" in done.stderr
    assert (copy / "releases" / "changes.csv").read_bytes() == before


@pytest.fixture(scope="module")
def database(tmp_path_factory):
    from dprk_kursk.export import build_sqlite

    return build_sqlite(tmp_path_factory.mktemp("db") / "package.sqlite")


@pytest.mark.parametrize(
    "version, measure, day",
    [
        ("1.0.0", "killed", "2025-06-30"),
        ("0.4.0", "killed", "2025-06-30"),
        ("1.0.0", "troops_present", "2026-02-11"),
        ("0.2.0", "wounded", "2025-01-01"),
    ],
)
def test_the_sql_query_answers_as_standing_on_does(database, version, measure, day):
    import sqlite3

    with sqlite3.connect(database) as connection:
        found = [
            r[0]
            for r in connection.execute(
                f"SELECT figure_id FROM ({changes.STANDING_AS_RELEASED})",
                {"version": version, "measure": measure, "day": day},
            )
        ]
    expected = list(changes.standing_as_released(version, measure, day)["figure_id"])
    assert found and sorted(found) == sorted(expected)


def test_the_history_file_is_the_one_the_releases_give():
    rebuilt = changes.figures_by_release()
    assert changes.read_history() == rebuilt, "releases/figures-by-release.csv is stale: run make release"


def history_row(version, figure, claimant, reported, status="active", value="100"):
    return {
        "version": version,
        "figure_id": figure,
        "measure": "killed",
        "counted": "kpa_troops",
        "scope": "whole",
        "basis": "cumulative",
        "place_id": "kursk-oblast",
        "value": value,
        "low": "",
        "high": "",
        "qualifier": "exact",
        "stated_as": value,
        "claimant_id": claimant,
        "reported": reported,
        "as_of": reported,
        "as_of_precision": "day",
        "status": status,
        "superseded_by": "",
        "classified_in": version,
    }


def test_why_answers_differ_names_each_cause():
    # Release 1 had A1 (claimant a) and B1 (claimant b). Release 2 retracted B1, added A2 (a's later claim) and
    # C1 (a new claimant): A1 gives way to A2, B1 leaves as retracted, A2 and C1 join.
    history = [
        history_row("1", "A1", "a", "2025-01-01"),
        history_row("1", "B1", "b", "2025-01-02"),
        history_row("2", "A1", "a", "2025-01-01"),
        history_row("2", "B1", "b", "2025-01-02", "retracted"),
        history_row("2", "A2", "a", "2025-01-05"),
        history_row("2", "C1", "c", "2025-01-03"),
    ]
    log = [
        {"version": "1", "table": "figures", "id": i, "kind": "added", "changed": "", "reason": ""}
        for i in ("A1", "B1")
    ]
    log += [
        {"version": "2", "table": "figures", "id": i, "kind": "added", "changed": "", "reason": ""}
        for i in ("A2", "C1")
    ]
    log += [
        {
            "version": "2",
            "table": "figures",
            "id": "B1",
            "kind": "retracted",
            "changed": json.dumps({"status": ["active", "retracted"]}),
            "reason": "no such page",
        }
    ]
    rows = {r["figure"]: r for r in changes.why_answers_differ("1", "2", "killed", "2025-02-01", history, log)}
    assert rows["A1"]["why"] == "the same claimant's later claim A2 (added in 2) stands instead"
    assert rows["B1"]["why"] == "retracted in 2: no such page"
    assert rows["A2"]["why"] == "added in 2" and rows["C1"]["why"] == "added in 2"
    assert set(rows) == {"A1", "B1", "A2", "C1"}


def test_the_descriptor_says_how_far_the_record_reaches_and_when_it_next_moves():
    descriptor = json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))
    with open(ROOT / "data" / "sources.csv", newline="", encoding="utf-8") as handle:
        accessed = max(row["accessed"] for row in csv.DictReader(handle))
    assert descriptor["sources_searched_through"] == accessed
    assert descriptor["next_release_due"] > changes.releases()[-1].released


def test_the_committed_files_are_byte_for_byte_what_the_release_step_writes(rebuilt):
    assert changes.CHANGES.read_text(encoding="utf-8") == changes.to_csv(rebuilt)
    history = changes.to_csv(changes.figures_by_release(), changes.HISTORY_FIELDS)
    assert changes.HISTORY.read_text(encoding="utf-8") == history


def test_the_change_log_has_the_columns_the_readme_lists():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    described = re.search(r"`releases/changes\.csv`: one row per changed id per release — (.*?)\. ", readme, re.S)
    listed = re.findall(r"`(\w+)`", re.sub(r"\([^()]*\)", "", described.group(1)))
    assert changes.CHANGES.read_text(encoding="utf-8").splitlines()[0].split(",") == listed


def test_a_file_is_read_from_the_working_tree_or_from_a_commit():
    here = Release("x", "", "")
    assert changes.read_text(here, "datapackage.json") == (ROOT / "datapackage.json").read_text(encoding="utf-8")
    assert changes.read_text(here, "no/such/file.csv") is None
    first = changes.releases()[0]
    assert first.commit and json.loads(changes.read_text(first, "datapackage.json"))["version"] == "0.1.0"
    assert changes.read_text(first, "no/such/file.csv") is None
    with pytest.raises(RuntimeError, match="git show"):
        changes.git("show", "0000000000000000000000000000000000000000:datapackage.json")


@pytest.mark.parametrize(
    "status, expected",
    [("", "abc123"), (" M releases/releases.csv\n", "")],
    ids=["release list committed", "release list edited"],
)
def test_the_newest_release_is_the_commit_that_last_touched_the_release_list(monkeypatch, tmp_path, status, expected):
    listed = tmp_path / "releases.csv"
    listed.write_text("version,released,commit\n0.1.0,2026-01-01,fff000\n0.2.0,2026-02-01,\n", encoding="utf-8")
    monkeypatch.setattr(changes, "RELEASE_LIST", listed)
    monkeypatch.setattr(changes, "ROOT", tmp_path)
    answers = {"status": status, "log": "abc123\n"}
    monkeypatch.setattr(changes, "git", lambda *args: answers[args[0]])
    assert changes.releases() == [Release("0.1.0", "2026-01-01", "fff000"), Release("0.2.0", "2026-02-01", expected)]


def test_tables_at_keys_rows_and_skips_a_file_the_release_lacks(monkeypatch):
    descriptor = {
        "resources": [
            {"name": "a", "path": "a.csv", "schema": {"fields": [{"name": "x"}, {"name": "y"}], "primaryKey": "y"}},
            {"name": "b", "path": "b.csv", "schema": {"fields": [{"name": "p"}, {"name": "q"}]}},
            {"name": "c", "path": "c.csv", "schema": {"fields": [{"name": "m"}], "primaryKey": ["m"]}},
            {"name": "gone", "path": "gone.csv", "schema": {"fields": [{"name": "z"}]}},
        ]
    }
    files = {
        "datapackage.json": json.dumps(descriptor),
        "a.csv": "x,y\n1,k1\n",
        "b.csv": "p,q\nP1,2\n",
        "c.csv": "m\nM\n",
    }
    monkeypatch.setattr(changes, "read_text", lambda release, path: files.get(path))
    tables = changes.tables_at(Release("1", "", ""))
    assert tables == {
        "a": (["y"], {"k1": {"x": "1", "y": "k1"}}),
        "b": (["p"], {"P1": {"p": "P1", "q": "2"}}),
        "c": (["m"], {"M": {"m": "M"}}),
    }


def test_reasons_are_empty_without_a_reasons_file_and_an_addition_needs_none(monkeypatch, tmp_path):
    monkeypatch.setattr(changes, "REASONS", tmp_path / "missing.csv")
    assert changes.read_reasons() == {}
    added = {"version": "2", "table": "figures", "id": "F1", "kind": "added", "changed": ""}
    assert changes.reason_for(added, {("2", "*", "*"): ("", "release-wide")}) == ""
    edited = added | {"kind": "edited_in_place", "changed": json.dumps({"note": ["a", "b"]})}
    assert changes.reason_for(edited, {}) == ""
    assert changes.value_edits(added | {"changed": json.dumps({"value": ["1", "2"]})}) == {}
    assert changes.value_edits(edited | {"kind": "removed"}) == {}
    corrected = edited | {
        "kind": "corrected",
        "changed": json.dumps({"status": ["active", "corrected"], "value": ["1", "2"]}),
    }
    assert changes.value_edits(corrected) == {"value": ["1", "2"]}
    assert changes.value_edits(edited) == {"note": ["a", "b"]}


def test_the_history_is_typed_as_the_loader_types_figures():
    frame = changes.history_frame([history_row("1", "A1", "a", "2025-01-01", value="1500")])
    assert frame.loc[0, "value"] == 1500.0 and str(frame["value"].dtype) == "float64"
    assert str(frame["low"].dtype) == "float64" and frame["low"].isna().all()
    assert frame.loc[0, "reported"].year == 2025


def test_why_answers_differ_names_a_correction_a_reclassification_and_a_later_claim():
    # Release 1: D1 (d), E1 (e), G1 (g), H1 (h). Release 2 corrects D1 by D2 and adds G2, g's later claim.
    # Release 3 re-reads E1 as an increment (no longer compared for killed). H1 stands throughout.
    one = [history_row("1", f, f[0].lower(), "2025-01-0" + str(i)) for i, f in enumerate(["D1", "E1", "G1", "H1"], 1)]
    two = [r | {"version": "2"} for r in one]
    two[0] |= {"status": "corrected", "superseded_by": "D2"}
    two += [history_row("2", "D2", "d", "2025-01-01"), history_row("2", "G2", "g", "2025-01-20")]
    one.append(history_row("1", "J1", "j", "2025-01-05"))
    two.append(one[-1] | {"version": "2"})
    three = [r | {"version": "3"} for r in two]
    three[1] |= {"basis": "increment"}
    three[6] |= {"status": "duplicate"}  # J1
    log = [
        {"version": "1", "table": "figures", "id": r["figure_id"], "kind": "added", "changed": "", "reason": ""}
        for r in one
    ]
    log += [
        {"version": "2", "table": "figures", "id": i, "kind": "added", "changed": "", "reason": ""}
        for i in ("D2", "G2")
    ]
    log.append(
        {
            "version": "2",
            "table": "figures",
            "id": "D1",
            "kind": "corrected",
            "changed": json.dumps({"status": ["active", "corrected"], "superseded_by": ["", "D2"]}),
            "reason": "misread page",
        }
    )
    log.append(
        {
            "version": "3",
            "table": "figures",
            "id": "J1",
            "kind": "marked_duplicate",
            "changed": json.dumps({"status": ["active", "duplicate"]}),
            "reason": "same statement as H1",
        }
    )
    note = json.dumps({"note": ["", "wording checked"]})
    log.append(
        {"version": "3", "table": "figures", "id": "G2", "kind": "edited_in_place", "changed": note, "reason": ""}
    )
    log.append({"version": "3", "table": "claimants", "id": "D2", "kind": "added", "changed": "", "reason": ""})
    rows = changes.why_answers_differ("1", "3", "killed", "2025-02-01", one + two + three, log)
    assert {r["figure"]: (r["in"], r["why"]) for r in rows} == {
        "D1": ("1", "corrected in 2: misread page (replaced by D2)"),
        "E1": ("1", "no longer compared for this measure (its classification changed)"),
        "G1": ("1", "the same claimant's later claim G2 (added in 2) stands instead"),
        "J1": ("1", "marked_duplicate in 3: same statement as H1"),
        "D2": ("3", "added in 2; now its claimant's latest claim, in place of D1"),
        "G2": ("3", "added in 2; now its claimant's latest claim, in place of G1"),
    }


def test_the_newest_release_commit_is_the_one_git_names_for_the_release_list():
    listed = changes.RELEASE_LIST.relative_to(ROOT).as_posix()
    last = subprocess.run(
        ["git", "-C", str(ROOT), "log", "-1", "--pretty=format:%H", "--", listed], capture_output=True, text=True
    ).stdout
    dirty = subprocess.run(
        ["git", "-C", str(ROOT), "status", "--short", "--", listed], capture_output=True, text=True
    ).stdout
    assert changes.releases()[-1].commit == ("" if dirty.strip() else last.strip())


def test_releases_with_every_commit_known_are_taken_as_listed(monkeypatch, tmp_path):
    listed = tmp_path / "releases.csv"
    listed.write_text("version,released,commit\n0.1.0,2026-01-01,fff000\n0.2.0,2026-02-01,eee111\n", encoding="utf-8")
    monkeypatch.setattr(changes, "RELEASE_LIST", listed)
    monkeypatch.setattr(changes, "git", lambda *args: pytest.fail(f"git {args} asked for a commit already known"))
    assert [r.commit for r in changes.releases()] == ["fff000", "eee111"]


def test_the_working_tree_is_read_from_its_folder_not_from_git(monkeypatch, tmp_path):
    (tmp_path / "notes.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    monkeypatch.setattr(changes, "ROOT", tmp_path)
    assert changes.read_text(Release("9.9.9", "", ""), "notes.csv") == "a,b\n1,2\n"


def test_a_release_lacking_a_column_leaves_it_empty_in_the_history(monkeypatch):
    old = {"F1": {"figure_id": "F1", "measure": "killed", "value": "5", "status": "active"}}
    new = {"F1": old["F1"] | {"counted": "kpa_troops", "scope": "whole", "basis": "cumulative", "place_id": "x"}}
    tables = {"1": {"figures": (["figure_id"], old)}, "2": {"figures": (["figure_id"], new)}}
    monkeypatch.setattr(changes, "tables_at", lambda release: tables[release.version])
    rows = changes.figures_by_release([Release("1", "", "a"), Release("2", "", "b")])
    first, second = rows
    assert first["version"] == "1" and first["low"] == "" and first["as_of_precision"] == ""
    assert first["counted"] == "kpa_troops" and first["classified_in"] == "2"
    assert second["classified_in"] == "2" and second["superseded_by"] == ""
    unclassified = changes.figures_by_release([Release("1", "", "a")])
    assert unclassified[0]["counted"] == "" and unclassified[0]["classified_in"] == ""


def test_a_correction_changing_only_status_successor_and_note_edits_no_value():
    corrected = {
        "version": "2",
        "table": "figures",
        "id": "F1",
        "kind": "corrected",
        "changed": json.dumps({"status": ["active", "corrected"], "superseded_by": ["", "F2"], "note": ["", "see F2"]}),
    }
    assert changes.value_edits(corrected) == {}


def test_empty_cells_are_null_in_the_release_table(database):
    import sqlite3

    with sqlite3.connect(database) as connection:
        empty = connection.execute(
            "SELECT count(*) FROM figure_releases WHERE low = '' OR superseded_by = ''"
        ).fetchone()
        null = connection.execute("SELECT count(*) FROM figure_releases WHERE superseded_by IS NULL").fetchone()
    assert empty == (0,) and null[0] > 0


def test_why_answers_differ_reads_the_committed_record_by_default():
    current = changes.releases()[-1].version
    explicit = changes.why_answers_differ(
        "0.4.0", current, "wounded", "2025-01-01", changes.read_history(), changes.read_changes()
    )
    assert explicit and changes.why_answers_differ("0.4.0", current, "wounded", "2025-01-01") == explicit


def test_the_newest_release_in_the_history_reads_as_the_loader_reads_the_figures():
    from dprk_kursk import load_package

    figures = load_package().figures.set_index("figure_id").sort_index()
    history = changes.history_frame(changes.read_history())
    newest = history[history["version"] == changes.releases()[-1].version].set_index("figure_id").sort_index()
    shared = [c for c in changes.HISTORY_FIELDS if c in figures.columns and c != "figure_id"]
    assert list(newest.index) == list(figures.index)
    assert (newest[shared].isna() == figures[shared].isna()).all().all()
