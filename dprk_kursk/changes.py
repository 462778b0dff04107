"""What changed between releases, row by row, and why: the machine-readable change log.

Each release's tables are read from the repository's history at the commit named in
`releases/releases.csv` (the newest release, whose row has no commit yet, at the commit that added that
row; or the working tree while that row is not committed). Consecutive releases are compared table by
table on each table's primary key. One row per changed id per release: its kind (added, corrected,
retracted, marked_duplicate, edited_in_place, removed), the fields that changed with their old and new
values, and the reason: from `releases/reasons.csv` where a curator wrote one, else a correction's own note.

Output: `releases/changes.csv` (written by the release step, `make release`). An edit in place of a
released row with no reason in `releases/reasons.csv` stops the release step (`unexplained`).
"""

import csv
import functools
import io
import json
import subprocess
from dataclasses import dataclass

from dprk_kursk.csvfile import read_csv
from dprk_kursk.paths import RELEASES, ROOT

RELEASE_LIST = RELEASES / "releases.csv"
REASONS = RELEASES / "reasons.csv"
CHANGES = RELEASES / "changes.csv"
COLUMNS = ["version", "released", "table", "id", "kind", "changed", "reason"]
STATUS_KIND = {"corrected": "corrected", "retracted": "retracted", "duplicate": "marked_duplicate"}
# Fields a correction, retraction or duplicate mark sets on the old row; changing them is the record of it.
STATUS_FIELDS = {"status", "superseded_by", "note"}


@dataclass(frozen=True)
class Release:
    version: str
    released: str
    commit: str  # empty: the working tree


def git(*args: str) -> str:
    done = subprocess.run(["git", "-C", str(ROOT), *args], capture_output=True, text=True, encoding="utf-8")
    if done.returncode != 0:
        raise RuntimeError(f"git {' '.join(args)}: {done.stderr.strip()}")
    return done.stdout


@functools.lru_cache(maxsize=256)
def committed_text(commit: str, path: str) -> str | None:
    """A file as a commit holds it (None where it did not exist). A commit never changes, so one read serves."""
    try:
        return git("show", f"{commit}:{path}")
    except RuntimeError:
        return None


def read_text(release: Release, path: str) -> str | None:
    """A file of the repository as it was at the release (None where it did not exist)."""
    if not release.commit:
        file = ROOT / path
        return file.read_text(encoding="utf-8") if file.exists() else None
    return committed_text(release.commit, path)


def releases() -> list[Release]:
    """Every release in order, the newest one's commit resolved (see the module's docstring)."""
    with open(RELEASE_LIST, newline="", encoding="utf-8") as handle:
        rows = [Release(r["version"], r["released"], r["commit"]) for r in csv.DictReader(handle)]
    if rows and not rows[-1].commit:
        listed = RELEASE_LIST.relative_to(ROOT).as_posix()
        committed = git("status", "--porcelain", "--", listed).strip() == ""
        commit = git("log", "-n", "1", "--format=%H", "--", listed).strip() if committed else ""
        rows[-1] = Release(rows[-1].version, rows[-1].released, commit)
    return rows


def tables_at(release: Release) -> dict:
    """{table: (key columns, {key: row})} for every tabular resource of the release."""
    descriptor = json.loads(read_text(release, "datapackage.json"))
    tables = {}
    for resource in descriptor["resources"]:
        text = read_text(release, resource["path"])
        if text is None:
            continue
        key = resource["schema"].get("primaryKey") or [resource["schema"]["fields"][0]["name"]]
        key = [key] if isinstance(key, str) else key
        rows = csv.DictReader(io.StringIO(text, newline=""))
        tables[resource["name"]] = (key, {"/".join(row[k] for k in key): row for row in rows})
    return tables


def changed_fields(old: dict, new: dict) -> dict:
    """{field: [old, new]} for the fields both rows have whose values differ (added columns are not edits)."""
    return {f: [old[f], new[f]] for f in sorted(old.keys() & new.keys()) if old[f] != new[f]}


def kind_of(old: dict | None, new: dict | None, fields: dict) -> str | None:
    if old is None:
        return "added"
    if new is None:
        return "removed"
    if "status" in fields and new.get("status") in STATUS_KIND:
        return STATUS_KIND[new["status"]]
    return "edited_in_place" if fields else None


def compare(before: dict, after: dict, release: Release, reasons: dict) -> list[dict]:
    """The change rows of one release: `after`'s tables against `before`'s."""
    rows = []
    for table in sorted(after.keys() | before.keys()):
        old_rows = before.get(table, ([], {}))[1]
        new_rows = after.get(table, ([], {}))[1]
        for key in sorted(old_rows.keys() | new_rows.keys()):
            old, new = old_rows.get(key), new_rows.get(key)
            fields = changed_fields(old, new) if old and new else {}
            kind = kind_of(old, new, fields)
            if kind is None:
                continue
            row = {
                "version": release.version,
                "released": release.released,
                "table": table,
                "id": key,
                "kind": kind,
                "changed": json.dumps(fields, ensure_ascii=False, sort_keys=True) if fields else "",
            }
            row["reason"] = reason_for(row, reasons)
            rows.append(row)
    return rows


def reason_for(row: dict, reasons: dict) -> str:
    """The curator's reason for this id; else one written for every edit of a table touching only the fields it
    names (`id` = `*`); else one for the whole release (`table` = `*`)."""
    version, table = row["version"], row["table"]
    if (version, table, row["id"]) in reasons:
        return reasons[(version, table, row["id"])][1]
    if row["kind"] == "added":
        return ""
    edited = set(value_edits(row))
    fields, reason = reasons.get((version, table, "*"), ("", ""))
    if reason and edited and edited <= set(fields.split()):
        return reason
    return reasons.get((version, "*", "*"), ("", ""))[1]


def read_reasons() -> dict:
    """{(version, table, id): (fields, reason)} written by curators for edits that are not corrections."""
    if not REASONS.exists():
        return {}
    with open(REASONS, newline="", encoding="utf-8") as handle:
        return {(r["version"], r["table"], r["id"]): (r["fields"], r["reason"]) for r in csv.DictReader(handle)}


def change_log(history: list[Release] | None = None, reasons: dict | None = None) -> list[dict]:
    """Every release's change rows, oldest first (the first release: every row added)."""
    history = releases() if history is None else history
    reasons = read_reasons() if reasons is None else reasons
    rows, before = [], {}
    for release in history:
        after = tables_at(release)
        rows += compare(before, after, release, reasons)
        before = after
    return rows


def value_edits(row: dict) -> dict:
    """The fields of a change row that are edits of a released value (not the record of a status change)."""
    fields = json.loads(row["changed"]) if row["changed"] else {}
    if row["kind"] in ("added", "removed"):
        return {}
    return {f: v for f, v in fields.items() if row["kind"] == "edited_in_place" or f not in STATUS_FIELDS}


def unexplained(rows: list[dict], version: str) -> list[dict]:
    """Change rows of `version` that correct, retract, mark, edit in place or remove a released row with no
    reason given (an added row needs none)."""
    return [r for r in rows if r["version"] == version and not r["reason"] and r["kind"] != "added"]


def to_csv(rows: list[dict], columns: list = COLUMNS) -> str:
    """The text of releases/changes.csv (or, with HISTORY_FIELDS, of releases/figures-by-release.csv)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def read_changes(path=CHANGES) -> list[dict]:
    return read_csv(path)[1]


HISTORY = RELEASES / "figures-by-release.csv"
HISTORY_FIELDS = [
    "version",
    "figure_id",
    "measure",
    "counted",
    "scope",
    "basis",
    "place_id",
    "value",
    "low",
    "high",
    "qualifier",
    "stated_as",
    "claimant_id",
    "reported",
    "as_of",
    "as_of_precision",
    "status",
    "superseded_by",
    "classified_in",
]
# Columns that 1.0.0 added by re-reading every figure; an older release's rows borrow them from the first release
# that has them, for the same id (named in `classified_in`), so old and new answers are computed alike.
CLASSIFICATION = ["counted", "scope", "basis", "place_id", "as_of_precision"]


def figures_by_release(history: list[Release] | None = None) -> list[dict]:
    """Every figure row as each release published it, oldest release first."""
    history = releases() if history is None else history
    published = [(r.version, tables_at(r).get("figures", ([], {}))[1]) for r in history]
    first_classified = next(
        ((v, rows) for v, rows in published if rows and "counted" in next(iter(rows.values()))), (None, {})
    )
    out = []
    for version, rows in published:
        for key, row in rows.items():
            own = "counted" in row
            source = row if own else first_classified[1].get(key, {})
            merged = {f: row.get(f, "") for f in HISTORY_FIELDS} | {f: source.get(f, "") for f in CLASSIFICATION}
            out.append(merged | {"version": version, "classified_in": version if own else first_classified[0] or ""})
    return out


def history_frame(rows: list[dict]):
    """figures-by-release rows typed as the loader types figures (dates as timestamps, numbers as floats)."""
    import pandas as pd

    frame = pd.DataFrame(rows, columns=HISTORY_FIELDS).replace("", pd.NA)
    for column in ("reported", "as_of"):
        frame[column] = pd.to_datetime(frame[column], format="%Y-%m-%d")
    for column in ("value", "low", "high"):
        frame[column] = pd.to_numeric(frame[column]).astype("float64")
    return frame


def read_history(path=HISTORY) -> list[dict]:
    return read_csv(path)[1]


def standing_as_released(version: str, measure: str, day, history=None):
    """The claims standing on `day` for `measure`, as the package knew them in release `version`."""
    from dprk_kursk.standing import standing_on

    frame = history_frame(read_history() if history is None else history)
    return standing_on(frame[frame["version"] == version], measure, day)


def release_table(history=None) -> list[dict]:
    """figures-by-release rows with `comparable`: 1 where the row is one `standing_on` compares for its measure
    in its release (active, whole group, the measure's basis, dated), for SQL that cannot call Python."""
    from dprk_kursk.analysis import comparable

    rows = read_history() if history is None else history
    frame = history_frame(rows)
    keep = set()
    for (version, measure), group in frame.groupby(["version", "measure"]):
        keep |= {(version, f) for f in comparable(group, measure)["figure_id"]}
    return [r | {"comparable": int((r["version"], r["figure_id"]) in keep)} for r in rows]


# The claims standing on :day for :measure as release :version knew them: each claimant's latest comparable
# figure reported by then (the SQL twin of dprk_kursk.standing.standing_on, which a test holds it to).
STANDING_AS_RELEASED = """SELECT f.version, f.figure_id, f.claimant_id, f.measure, f.stated_as, f.value, f.low, f.high,
       f.reported, f.as_of
FROM figure_releases f
WHERE f.version = :version AND f.measure = :measure AND f.comparable = 1 AND f.reported <= :day
  AND NOT EXISTS (
    SELECT 1 FROM figure_releases g
    WHERE g.version = f.version AND g.measure = f.measure AND g.comparable = 1 AND g.claimant_id = f.claimant_id
      AND g.reported <= :day AND (g.reported, COALESCE(g.as_of, ''), g.figure_id)
                                 > (f.reported, COALESCE(f.as_of, ''), f.figure_id))
ORDER BY f.reported, f.figure_id"""


def add_release_table(connection) -> None:
    """The table `figure_releases` (every figure as each release published it) in an open SQLite database."""
    rows = release_table()
    columns = HISTORY_FIELDS + ["comparable"]
    connection.execute(f"CREATE TABLE figure_releases ({', '.join(columns)}, PRIMARY KEY (version, figure_id))")
    connection.executemany(
        f"INSERT INTO figure_releases VALUES ({', '.join('?' for _ in columns)})",
        [[r[c] if r[c] != "" else None for c in columns] for r in rows],
    )


def why_answers_differ(then_version: str, now_version: str, measure: str, day, history=None, log=None) -> list[dict]:
    """For each claim standing on `day` in one release and not the other: which it is, and why it moved — its
    own change (a correction, a retraction) from the change log, or the same claimant's later claim replacing it."""
    history = read_history() if history is None else history
    log = read_changes() if log is None else log
    then = standing_as_released(then_version, measure, day, history)
    now = standing_as_released(now_version, measure, day, history)
    latest_by = dict(zip(now["claimant_id"], now["figure_id"]))
    first_added = {r["id"]: r["version"] for r in log if r["table"] == "figures" and r["kind"] == "added"}
    status_change = {
        r["id"]: r
        for r in log
        if r["table"] == "figures"
        and r["version"] != then_version
        and r["kind"] in ("corrected", "retracted", "marked_duplicate")
    }
    rows = []
    for figure, claimant in zip(then["figure_id"], then["claimant_id"]):
        if figure in set(now["figure_id"]):
            continue
        if figure in status_change:
            change = status_change[figure]
            why = f"{change['kind']} in {change['version']}: {change['reason']}"
            replaced_by = json.loads(change["changed"] or "{}").get("superseded_by", ["", ""])[1]
            why += f" (replaced by {replaced_by})" if replaced_by else ""
        elif claimant in latest_by:
            newer = latest_by[claimant]
            why = f"the same claimant's later claim {newer} (added in {first_added.get(newer, '?')}) stands instead"
        else:
            why = "no longer compared for this measure (its classification changed)"
        rows.append({"figure": figure, "in": then_version, "why": why})
    then_by = dict(zip(then["claimant_id"], then["figure_id"]))
    for figure, claimant in zip(now["figure_id"], now["claimant_id"]):
        if figure in set(then["figure_id"]):
            continue
        added_in = first_added.get(figure, "?")
        why = f"added in {added_in}"
        if added_in != now_version and claimant in then_by:
            why += f"; now its claimant's latest claim, in place of {then_by[claimant]}"
        rows.append({"figure": figure, "in": now_version, "why": why})
    return rows
