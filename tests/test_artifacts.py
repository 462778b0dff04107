"""The things users download or query: release archive, SQLite database, DuckDB example, R-readable schema."""

import csv
import hashlib
import io
import json
import re
import sqlite3
import subprocess
import sys
import zipfile

import duckdb
import frictionless
import pytest
import yaml

from dprk_kursk import load_package
from dprk_kursk.export import archive_folder, archive_name, build_archive, build_sqlite
from dprk_kursk.paths import DESCRIPTOR, ROOT

DESCRIPTOR_JSON = json.loads(DESCRIPTOR.read_text(encoding="utf-8"))
RESOURCES = {r["name"]: r for r in DESCRIPTOR_JSON["resources"]}


def csv_rows(text: str) -> list:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def tree_rows(name: str) -> list:
    return csv_rows((ROOT / RESOURCES[name]["path"]).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    return build_archive(tmp_path_factory.mktemp("dist"))


@pytest.fixture(scope="module")
def database(tmp_path_factory):
    return build_sqlite(tmp_path_factory.mktemp("db") / "package.sqlite")


def test_archive_is_named_for_the_version(archive):
    assert archive.name == f"{DESCRIPTOR_JSON['name']}-{DESCRIPTOR_JSON['version']}.zip"
    assert archive.name == archive_name(DESCRIPTOR_JSON)


FOLDER = f"{DESCRIPTOR_JSON['name']}-{DESCRIPTOR_JSON['version']}"


@pytest.fixture(scope="module")
def unpacked(archive, tmp_path_factory):
    """The archive unzipped into an empty folder, far from the repository."""
    target = tmp_path_factory.mktemp("unzipped")
    with zipfile.ZipFile(archive) as zipped:
        zipped.extractall(target)
    return target


def test_archive_unpacks_to_one_folder(archive, unpacked):
    assert archive_folder(DESCRIPTOR_JSON) == FOLDER
    assert [p.name for p in unpacked.iterdir()] == [FOLDER]
    with zipfile.ZipFile(archive) as zipped:
        assert all(name.startswith(FOLDER + "/") for name in zipped.namelist())


def test_unpacked_archive_validates_on_its_own(unpacked):
    """The project's validator and bare frictionless, run inside the unpacked folder alone."""
    folder = unpacked / FOLDER
    done = subprocess.run(
        [sys.executable, "-m", "dprk_kursk.cli", "validate", "datapackage.json"],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.splitlines()[-1].endswith(": valid")
    report = frictionless.Package(str(folder / "datapackage.json")).validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_archive_readme_describes_only_what_is_in_it(unpacked):
    folder = unpacked / FOLDER
    readme = (folder / "README.md").read_text(encoding="utf-8")
    links = re.findall(r"\]\(([^)#]+)\)", readme)
    local = [link for link in links if "://" not in link]
    assert "data/figures.csv" in local and "LICENSE" in local
    assert [link for link in local if not (folder / link).is_file()] == []
    files = {str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file()}
    assert files - {"README.md"} <= set(local), "a file of the archive the README does not describe"
    assert not re.search(r"\bmake\b|\.venv|notebooks/|scripts/", readme)


def test_archive_rows_equal_the_working_tree(archive):
    with zipfile.ZipFile(archive) as zipped:
        for name, resource in RESOURCES.items():
            assert csv_rows(zipped.read(f"{FOLDER}/{resource['path']}").decode("utf-8")) == tree_rows(name), name


def test_archive_descriptor_carries_true_sizes_and_hashes(archive):
    with zipfile.ZipFile(archive) as zipped:
        inside = json.loads(zipped.read(f"{FOLDER}/datapackage.json"))
        for resource in inside["resources"]:
            raw = zipped.read(f"{FOLDER}/{resource['path']}")
            assert resource["bytes"] == len(raw)
            assert resource["hash"] == "sha256:" + hashlib.sha256(raw).hexdigest()
        expected = {"README.md", "LICENSE", "CITATION.cff", "CHANGELOG.md", "docs/data-dictionary.md"}
        assert {f"{FOLDER}/{name}" for name in expected} <= set(zipped.namelist())


def test_archive_is_byte_identical_when_rebuilt(archive, tmp_path):
    assert build_archive(tmp_path).read_bytes() == archive.read_bytes()


def test_sqlite_tables_hold_every_csv_row(database):
    with sqlite3.connect(database) as db:
        for name in RESOURCES:
            assert db.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] == len(tree_rows(name)), name
        assert db.execute("SELECT value FROM package WHERE key = 'version'").fetchone()[0] == DESCRIPTOR_JSON["version"]


def test_sqlite_joins_across_the_foreign_keys(database):
    figures = tree_rows("figures")
    with sqlite3.connect(database) as db:
        joined = db.execute("""SELECT f.figure_id, c.name, s.url FROM figures f
                               JOIN claimants c ON c.claimant_id = f.claimant_id
                               JOIN sources s ON s.source_id = f.source_id""").fetchall()
        assert len(joined) == len(figures)
        active = sum(1 for row in figures if row["status"] == "active")
        assert db.execute("SELECT count(*) FROM figures_in_context").fetchone()[0] == active < len(figures)
        dated = db.execute("SELECT count(*) FROM events e JOIN sources s ON s.source_id = e.date_source_id").fetchone()[
            0
        ]
        assert dated == sum(1 for row in tree_rows("events") if row["date_source_id"])
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_sqlite_keeps_types_and_enforces_keys(database):
    db = sqlite3.connect(database)
    try:
        db.execute("PRAGMA foreign_keys = ON")
        assert db.execute("SELECT typeof(value) FROM figures LIMIT 1").fetchone()[0] == "real"
        db.execute(
            "INSERT INTO figures (figure_id, measure, counted, scope, basis, place_id, value, qualifier, stated_as, unit, "
            "claimant_id, reported, as_of_precision, source_id, status) VALUES ('F9999', 'killed', 'kpa_troops', 'whole', "
            "'cumulative', 'kursk-oblast', 1, 'exact', '1', 'people', 'xx-nobody', '2025-01-01', 'day', 'S0001', 'active')"
        )
        with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):
            db.commit()
        db.rollback()
        with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
            db.execute("UPDATE figures SET measure = 'nonsense' WHERE figure_id = 'F0001'")
        db.rollback()
    finally:
        db.close()


def readme_sql() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    found = re.search(r"<!-- duckdb-example[^>]*-->\s*```sql\n(.*?)```", readme, re.S)
    assert found, "README lost its DuckDB example"
    return found.group(1)


def test_readme_duckdb_example_runs_as_written():
    connection = duckdb.connect()
    connection.execute(f"SET file_search_path = '{ROOT}'")
    rows = connection.execute(readme_sql()).fetchall()
    figures = load_package().figures_in_context()
    expected = figures[(figures["measure"] == "killed") & (figures["status"] == "active")]
    assert len(rows) == len(expected) > 0
    assert [str(row[0]) for row in rows] == sorted(expected["reported"].dt.strftime("%Y-%m-%d"))
    assert sorted((str(r[0]), r[2], r[4]) for r in rows) == sorted(
        zip(expected["reported"].dt.strftime("%Y-%m-%d"), expected["stated_as"], expected["url"])
    )


R_FIELD_TYPES = {"string", "number", "integer", "boolean", "date", "datetime", "time", "year", "yearmonth", "any"}
R_CONSTRAINTS = {"required", "unique", "enum", "pattern", "minimum", "maximum"}


def test_schema_stays_within_what_r_frictionless_reads():
    for resource in DESCRIPTOR_JSON["resources"]:
        assert resource["path"].endswith(".csv") and resource.get("encoding", "utf-8") == "utf-8"
        for field in resource["schema"]["fields"]:
            assert field.get("type", "string") in R_FIELD_TYPES, (resource["name"], field["name"])
            assert set(field.get("constraints", {})) <= R_CONSTRAINTS, (resource["name"], field["name"])


WORKFLOW = ROOT / ".github" / "workflows" / "validate.yml"


def test_ci_template_runs_what_ci_runs_validation_first():
    """The workflow runs .ci/run's steps in order, validation (with annotations) before any test or notebook."""
    steps = [
        step.get("run")
        for job in yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"].values()
        for step in job["steps"]
    ]
    ci = [run for run in steps if run and run.startswith(".ci/run")]
    assert ci == [".ci/run setup", ".ci/run validate", ".ci/run test"]
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert re.search(r"^\s*test\) make test ;;$", script, re.M)
    assert re.search(r"^\s*\.venv/bin/dprk-kursk validate --github$", script, re.M)
    assert re.search(r"^\s*all\) setup && validate && make test ;;$", script, re.M)


def test_ci_template_is_safe_on_a_strangers_pull_request():
    """A read-only token, no pull_request_target, no secrets, no persisted git credentials, and every action
    pinned to a full 40-hex commit SHA with the release it is (`# vX.Y.Z`) beside it."""
    text = WORKFLOW.read_text(encoding="utf-8")
    workflow = yaml.safe_load(text)
    steps = [step for job in workflow["jobs"].values() for step in job["steps"]]
    uses = re.findall(r"^\s*(?:- )?uses:\s*(\S+)(.*)$", text, re.M)
    assert workflow["permissions"] == {"contents": "read"}
    assert "pull_request_target" not in workflow[True] and not re.search(
        r"\$\{\{[^}]*secrets", text
    )  # True: YAML's `on`
    assert len(uses) == sum("uses" in step for step in steps) > 0
    for action, comment in uses:
        assert re.fullmatch(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}", action) and re.fullmatch(
            r"\s*# v\d+\.\d+\.\d+", comment
        ), action
    assert all(
        step["with"]["persist-credentials"] is False
        for step in steps
        if step.get("uses", "").startswith("actions/checkout@")
    )


def test_readme_plain_frictionless_line_runs(monkeypatch):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    line = re.search(r"`(frictionless\.Package\(\"datapackage\.json\"\)[^`]+)`", readme).group(1)
    monkeypatch.chdir(ROOT)
    frame = eval(line, {"frictionless": frictionless})
    assert len(frame) == len(tree_rows("figures"))
