"""Release artefacts built from the package: the zip archive and the SQLite database.

Both are byte-for-byte reproducible from the same data: files in the archive carry a fixed timestamp and
fixed order, and rows go into the database in file order. The archive unpacks to one folder,
<name>-<version>/, that validates on its own and whose README describes only what the folder holds.
"""

import csv
import hashlib
import json
import sqlite3
import zipfile
from pathlib import Path

from dprk_kursk.changes import STANDING_AS_RELEASED, add_release_table
from dprk_kursk.descriptor import read_descriptor, referenced_table
from dprk_kursk.paths import ROOT
from dprk_kursk.render import markdown_environment

# Files copied from the repository into the archive, with what each holds (the archive's README lists them).
ARCHIVE_EXTRAS = {
    "LICENSE": "the licences: the data's (CC BY 4.0) and the code's",
    "CITATION.cff": "how to cite the package",
    "CHANGELOG.md": "what changed in each version",
    "docs/data-dictionary.md": "every table and column explained, with allowed values",
}
FIXED_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip entry can carry
SQL_TYPES = {"string": "TEXT", "date": "TEXT", "number": "REAL", "integer": "INTEGER", "boolean": "INTEGER"}
LOAD_ORDER = [
    "publishers",
    "sources",
    "claimants",
    "places",
    "figures",
    "figure_links",
    "events",
]  # referenced tables first


def archive_name(descriptor: dict) -> str:
    return f"{descriptor['name']}-{descriptor['version']}.zip"


def with_integrity(descriptor: dict, base: Path) -> dict:
    """The descriptor with each resource's size and sha256 added, so a user can check the files."""
    stamped = json.loads(json.dumps(descriptor))
    for resource in stamped["resources"]:
        raw = (base / resource["path"]).read_bytes()
        resource["bytes"] = len(raw)
        resource["hash"] = "sha256:" + hashlib.sha256(raw).hexdigest()
    return stamped


def add_file(archive: zipfile.ZipFile, name: str, data: bytes) -> None:
    entry = zipfile.ZipInfo(name, date_time=FIXED_TIME)
    entry.compress_type = zipfile.ZIP_DEFLATED
    entry.external_attr = 0o644 << 16
    archive.writestr(entry, data)


def archive_folder(descriptor: dict) -> str:
    """The one top-level folder the archive unpacks to."""
    return f"{descriptor['name']}-{descriptor['version']}"


def first_sentence(text: str) -> str:
    return text.split(". ")[0].rstrip(".")


def archive_readme(descriptor: dict, extras: list) -> str:
    """The archive's README.md: what the folder holds (the descriptor, each table, each extra), how to check,
    read and cite it; it names no file the archive lacks."""
    files = [{"path": "datapackage.json", "what": "the descriptor: tables, columns, types, keys, sizes and hashes"}]
    files += [
        {"path": r["path"], "what": first_sentence(r.get("description") or r.get("title", r["name"]))}
        for r in descriptor["resources"]
    ]
    files += [{"path": name, "what": ARCHIVE_EXTRAS[name]} for name in extras]
    fields = {key: descriptor.get(key, "") for key in ("name", "title", "version", "description", "homepage")}
    return markdown_environment().get_template("archive-README.md").render(fields, files=files)


def build_archive(out_dir: Path, path=None) -> Path:
    """Write <name>-<version>.zip into `out_dir`, every file under the folder <name>-<version>/: datapackage.json
    (with sizes and hashes), the CSVs under data/, the licence, citation, changelog and data dictionary, and a
    README describing those files."""
    descriptor, base = read_descriptor(path)
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / archive_name(descriptor)
    folder = archive_folder(descriptor)
    extras = [name for name in ARCHIVE_EXTRAS if (ROOT / name).is_file()]
    with zipfile.ZipFile(target, "w") as archive:
        stamped = with_integrity(descriptor, base)
        add_file(archive, f"{folder}/README.md", archive_readme(descriptor, extras).encode("utf-8"))
        add_file(
            archive,
            f"{folder}/datapackage.json",
            (json.dumps(stamped, indent=2, ensure_ascii=False) + "\n").encode("utf-8"),
        )
        for resource in descriptor["resources"]:
            add_file(archive, f"{folder}/{resource['path']}", (base / resource["path"]).read_bytes())
        for name in extras:
            add_file(archive, f"{folder}/{name}", (ROOT / name).read_bytes())
    return target


def column_sql(field: dict, primary_key: list) -> str:
    constraints = field.get("constraints", {})
    parts = [f'"{field["name"]}"', SQL_TYPES.get(field.get("type", "string"), "TEXT")]
    if field["name"] in primary_key and len(primary_key) == 1:
        parts.append("PRIMARY KEY")
    if constraints.get("required"):
        parts.append("NOT NULL")
    if constraints.get("unique") and field["name"] not in primary_key:
        parts.append("UNIQUE")
    if "enum" in constraints:
        allowed = ", ".join("'" + value.replace("'", "''") + "'" for value in constraints["enum"])
        parts.append(f'CHECK ("{field["name"]}" IN ({allowed}))')
    return " ".join(parts)


def table_sql(resource: dict) -> str:
    schema = resource["schema"]
    primary_key = schema.get("primaryKey", [])
    lines = [column_sql(field, primary_key) for field in schema["fields"]]
    for key in schema.get("foreignKeys", []):
        target = referenced_table(key, resource["name"])
        lines.append(
            f'FOREIGN KEY ({", ".join(key["fields"])}) REFERENCES "{target}" '
            f"({', '.join(key['reference']['fields'])}) DEFERRABLE INITIALLY DEFERRED"
        )
    return f'CREATE TABLE "{resource["name"]}" (\n  ' + ",\n  ".join(lines) + "\n)"


def cell(value: str, kind: str):
    """A CSV cell as SQLite stores it: empty is NULL; numbers as numbers; dates stay ISO text."""
    if value == "":
        return None
    if kind == "number":
        return float(value)
    if kind == "integer":
        return int(value)
    if kind == "boolean":
        return int(value.lower() in ("true", "1"))
    return value


FIGURES_IN_CONTEXT = """CREATE VIEW figures_in_context AS
SELECT f.*, c.name AS claimant, c.country, c.kind AS claimant_kind, p.name AS place, p.iso_3166,
       s.publisher, s.url, s.published, s.relays
FROM figures f JOIN claimants c USING (claimant_id) JOIN sources s USING (source_id) JOIN places p USING (place_id)
WHERE f.status = 'active'"""


def build_sqlite(target: Path, path=None) -> Path:
    """Write every table, with their types, keys and enum checks, to a new SQLite file at `target`."""
    descriptor, base = read_descriptor(path)
    resources = sorted(
        descriptor["resources"], key=lambda r: LOAD_ORDER.index(r["name"]) if r["name"] in LOAD_ORDER else 99
    )
    target.parent.mkdir(parents=True, exist_ok=True)
    target.unlink(missing_ok=True)
    connection = sqlite3.connect(target)
    try:
        connection.execute("PRAGMA foreign_keys = ON")
        with connection:
            for resource in resources:
                connection.execute(table_sql(resource))
                fields = resource["schema"]["fields"]
                with open(base / resource["path"], encoding="utf-8", newline="") as file:
                    rows = [
                        [cell(row[f["name"]], f.get("type", "string")) for f in fields] for row in csv.DictReader(file)
                    ]
                marks = ", ".join("?" for _ in fields)
                connection.executemany(f'INSERT INTO "{resource["name"]}" VALUES ({marks})', rows)
            connection.execute(FIGURES_IN_CONTEXT)
            add_release_table(connection)
            connection.execute("CREATE TABLE package (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
            connection.executemany(
                "INSERT INTO package VALUES (?, ?)",
                [(key, descriptor[key]) for key in ("name", "title", "version") if key in descriptor],
            )
        problems = connection.execute("PRAGMA foreign_key_check").fetchall()
        integrity = connection.execute("PRAGMA integrity_check").fetchone()[0]
        if problems or integrity != "ok":
            raise ValueError(f"{target}: foreign key problems {problems[:5]}; integrity check: {integrity}")
        connection.execute("VACUUM")
    finally:
        connection.close()
    return target


FACETS = {
    "figures": ["measure", "claimant_id", "basis"],
    "figures_in_context": ["measure", "claimant", "country"],
    "events": ["category", "claimant_id"],
    "sources": ["publisher", "source_type"],
}


def datasette_metadata(descriptor: dict) -> dict:
    """Datasette's metadata for the SQLite database, from the descriptor: title, licence, source, every table's
    and column's description, and facets on measure, claimant and country."""
    database = descriptor["name"]
    licence = descriptor["licenses"][0]
    tables = {
        res["name"]: {
            "title": res.get("title", res["name"]),
            "description": res.get("description", ""),
            "columns": {f["name"]: f.get("description", "") for f in res["schema"]["fields"]},
        }
        for res in descriptor["resources"]
    }
    tables["figures_in_context"] = {
        "title": "Figures in context",
        "description": "Active figures joined to their claimant (name, country), place and source.",
    }
    tables["figure_releases"] = {
        "title": "Figures as each release published them",
        "description": "Every figure row of every release (releases/figures-by-release.csv).",
    }
    for table, facets in FACETS.items():
        tables[table]["facets"] = facets
    return {
        "title": descriptor["title"],
        "description": descriptor["description"],
        "license": licence["name"],
        "license_url": licence["path"],
        "source": "dprk-troops-russia-kursk data package, version " + descriptor["version"],
        "source_url": descriptor.get("homepage", ""),
        "databases": {
            database: {
                "tables": tables,
                "queries": {
                    "standing_as_released": {
                        "title": "Claims standing on a day, as a release knew them",
                        "description": "Each claimant's latest comparable figure for a measure reported by the day, in the "
                        "release given (e.g. version 1.0.0, measure killed, day 2025-06-30).",
                        "sql": STANDING_AS_RELEASED,
                    }
                },
            }
        },
    }
