"""The corruption suite: break a copy of the real package and check the validator reports the right
(file, line, column, code); wording is free to change. Structural breakage is one copy per case; cell-level
breakage is one copy with every case on a row of its own; appended rows (twins, links, near-twin events) are a
second shared copy. Every registered rule code has a case here (tests/test_rules_registry.py holds that).

Runs the validator in-process (the same code `scripts/validate.py` runs) so the suite stays fast.
"""

import hashlib
import re
from datetime import date, timedelta

import pytest
from conftest import copy_package, edit_descriptor, read, set_cell, write
from rules_kit import event_row

from dprk_kursk.validate import validate

FIGURES, EVENTS, SOURCES, CLAIMANTS = "data/figures.csv", "data/events.csv", "data/sources.csv", "data/claimants.csv"
CITATIONS, LINKS, PLACES = "data/citations.csv", "data/figure_links.csv", "data/places.csv"


def located(problems):
    return {(p.file, p.line, p.column, p.code) for p in problems}


def get_cell(root, file, line, column):
    rows = read(root / file)
    return rows[line - 1][rows[0].index(column)]


def edit_text(root, file, change):
    path = root / file
    path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")


# Structural cases: (id, breaker(root) -> (file, line, column or None for any), code).
def drop_column(root):
    rows = read(root / FIGURES)
    i = rows[0].index("unit")
    write(root / FIGURES, [r[:i] + r[i + 1 :] for r in rows])
    return FIGURES, 1, None


def extra_column(root):
    write(root / EVENTS, [r + (["extra"] if n == 0 else ["x"]) for n, r in enumerate(read(root / EVENTS))])
    return EVENTS, 1, None


def rename_column(root):
    edit_text(root, SOURCES, lambda t: t.replace("publisher,", "outlet,", 1))
    return SOURCES, 1, None


def reorder_columns(root):
    write(root / CLAIMANTS, [[r[1], r[0]] + r[2:] for r in read(root / CLAIMANTS)])
    return CLAIMANTS, 1, None


def too_many_fields(root):
    rows = read(root / FIGURES)
    rows[4].append("surplus")
    write(root / FIGURES, rows)
    return FIGURES, 5, ""


def too_few_fields(root):
    rows = read(root / EVENTS)
    rows[3] = rows[3][:5]
    write(root / EVENTS, rows)
    return EVENTS, 4, ""


def blank_row(root):
    edit_text(root, CLAIMANTS, lambda t: t.replace("\n", "\n\n", 3).replace("\n\n", "\n", 2))
    return CLAIMANTS, 4, ""


def not_utf8(root):
    path = root / SOURCES
    path.write_bytes(path.read_bytes().replace("Türkiye".encode(), "Türkiye".encode("latin-1"), 1))
    return SOURCES, 2, ""


def byte_order_mark(root):
    path = root / FIGURES
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    return FIGURES, 1, ""


def crlf(root):
    path = root / EVENTS
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    return EVENTS, 1, ""


def missing_resource_file(root):
    (root / EVENTS).unlink()
    return EVENTS, 1, ""


def descriptor_not_json(root):
    edit_text(root, "datapackage.json", lambda t: t.replace('"name": "dprk', '"name" "dprk', 1))
    return "datapackage.json", 3, ""


def descriptor_breaks_profile(root):
    edit_descriptor(root, lambda d: d["resources"][0]["schema"]["fields"][0].update(type="strng"))
    return "datapackage.json", 1, ""


def key_to_missing_table(root):
    def change(descriptor):
        figures = next(r for r in descriptor["resources"] if r["name"] == "figures")
        next(k for k in figures["schema"]["foreignKeys"] if k["fields"] == ["claimant_id"])["reference"]["resource"] = (
            "claimant"
        )

    edit_descriptor(root, change)
    return "datapackage.json", 1, ""


STRUCTURAL = [
    ("missing column", drop_column, "schema.header"),
    ("extra column", extra_column, "schema.header"),
    ("renamed column", rename_column, "schema.header"),
    ("reordered columns", reorder_columns, "schema.header"),
    ("row with too many fields", too_many_fields, "file.row_length"),
    ("row with too few fields", too_few_fields, "file.row_length"),
    ("blank row", blank_row, "file.blank_row"),
    ("file not UTF-8", not_utf8, "file.encoding"),
    ("byte-order mark", byte_order_mark, "file.bom"),
    ("CRLF line endings", crlf, "file.crlf"),
    ("resource file missing", missing_resource_file, "file.refused"),
    ("descriptor not JSON", descriptor_not_json, "descriptor.refused"),
    ("descriptor breaks the profile", descriptor_breaks_profile, "schema.descriptor"),
    ("foreign key to a missing table", key_to_missing_table, "references.target"),
]


@pytest.mark.parametrize("name, breaker, code", STRUCTURAL, ids=[c[0] for c in STRUCTURAL])
def test_structural_breakage_is_located(package_copy, name, breaker, code):
    file, line, column = breaker(package_copy)
    problems = validate(package_copy).problems
    assert any((p.file, p.line, p.code) == (file, line, code) and column in (None, p.column) for p in problems), (
        "\n".join(f"{p} [{p.code}]" for p in problems)
    )


# Cell-level cases: (name, file, row picker, column, new value or callable(root, line) -> new value,
# expected column, code); a dict as the new value sets several cells. All are applied to ONE copy, each to a row of its own, and validated once.
# Line 2 of sources and claimants stays intact: cases that need a twin copy their values from it.
def nth(n):
    """The first row at line n or below that no other case has taken."""
    return lambda root, file, used: next(line for line in range(n, 10_000) if line not in used)


def row_where(*conditions):
    """The first row not taken whose cells satisfy every (column, predicate) pair."""

    def pick(root, file, used):
        rows = read(root / file)
        return next(
            i
            for i, row in enumerate(rows[1:], start=2)
            if i not in used and all(test(row[rows[0].index(column)]) for column, test in conditions)
        )

    return pick


def equals(value):
    return lambda cell: cell == value


def qualifier_row(*qualifiers):
    return row_where(("qualifier", lambda v: v in qualifiers))


def same_as_line_2(file, column, change=lambda value: value):
    return lambda root, line: change(get_cell(root, file, 2, column))


def published(root):
    return {row[0]: row[4] for row in read(root / SOURCES)[1:]}


def cites_source_published_before(day):
    """The first figure row not taken whose source shows a publication date before `day`."""

    def pick(root, file, used):
        days = published(root)
        return row_where(("source_id", lambda v: "" < days.get(v, "") < day))(root, file, used)

    return pick


def event_with_dated_source(root, file, used):
    days = published(root)
    return row_where(
        ("source_id", lambda v: "2024-09-01" < days.get(v, "") < "2026-01-01"), ("date_precision", equals("day"))
    )(root, file, used)


def day_after_its_source(root, line):
    source = get_cell(root, EVENTS, line, "source_id")
    return (date.fromisoformat(published(root)[source]) + timedelta(days=30)).isoformat()


def figure_of(root, line):
    citation_figure = get_cell(root, CITATIONS, line, "figure_id")
    figures = read(root / FIGURES)
    return dict(zip(figures[0], next(r for r in figures[1:] if r[0] == citation_figure)))


def citation_of_a_late_figure(root, file, used):
    """A citation whose figure was reported after the earliest dated source's page."""
    earliest = min(day for day in published(root).values() if day)
    figures = {r[0]: r[read(root / FIGURES)[0].index("reported")] for r in read(root / FIGURES)[1:]}
    return row_where(("figure_id", lambda v: figures.get(v, "") > earliest))(root, file, used)


def earliest_source(root, line):
    return min((day, source) for source, day in published(root).items() if day)[1]


CELL_CASES = [
    ("value not a number", FIGURES, nth(3), "value", "three thousand", "value", "schema.type"),
    ("impossible date", FIGURES, nth(3), "reported", "2025-02-30", "reported", "schema.type"),
    ("wrong date format", EVENTS, nth(3), "date", "07/08/2024", "date", "schema.type"),
    ("infinite value", FIGURES, nth(3), "value", "inf", "value", "numbers.finite"),
    ("duplicate figure id", FIGURES, nth(3), "figure_id", "F0001", "figure_id", "schema.unique"),
    ("duplicate source url", SOURCES, nth(3), "url", same_as_line_2(SOURCES, "url"), "url", "schema.unique"),
    (
        "same page under another url form",
        SOURCES,
        nth(3),
        "url",
        same_as_line_2(SOURCES, "url", lambda url: url.replace("https://www.", "http://") + "/"),
        "url",
        "sources.same_page",
    ),
    ("figure claimant not in claimants", FIGURES, nth(3), "claimant_id", "ua-nobody", "claimant_id", "references.id"),
    ("figure source not in sources", FIGURES, nth(3), "source_id", "S9999", "source_id", "references.id"),
    ("event source not in sources", EVENTS, nth(3), "source_id", "S9999", "source_id", "references.id"),
    ("event claimant not in claimants", EVENTS, nth(3), "claimant_id", "ru-nobody", "claimant_id", "references.id"),
    ("event date source not in sources", EVENTS, nth(3), "date_source_id", "S9998", "date_source_id", "references.id"),
    ("superseded_by names no figure", FIGURES, nth(3), "superseded_by", "F9999", "superseded_by", "references.id"),
    ("place not in places", FIGURES, nth(3), "place_id", "atlantis", "place_id", "references.id"),
    ("event place not in places", EVENTS, nth(3), "place_id", "atlantis", "place_id", "references.id"),
    (
        "publisher not in its canonical spelling",
        SOURCES,
        row_where(("publisher", equals("The Kyiv Independent"))),
        "publisher",
        "Kyiv Independent",
        "publisher",
        "references.id",
    ),
    ("measure not in vocabulary", FIGURES, nth(3), "measure", "troops_lost", "measure", "schema.enum"),
    ("source type not in vocabulary", SOURCES, nth(3), "source_type", "blog", "source_type", "schema.enum"),
    ("counted group not in vocabulary", FIGURES, nth(3), "counted", "kpa_tourists", "counted", "schema.enum"),
    ("basis not in vocabulary", FIGURES, nth(3), "basis", "guess", "basis", "schema.enum"),
    ("precision not in vocabulary", FIGURES, nth(3), "as_of_precision", "week", "as_of_precision", "schema.enum"),
    ("negative value", FIGURES, nth(3), "value", "-5", "value", "schema.minimum"),
    ("id breaks pattern", FIGURES, nth(3), "figure_id", "F12", "figure_id", "schema.pattern"),
    ("required cell empty", CLAIMANTS, nth(3), "name", "", "name", "schema.required"),
    ("at_least without low", FIGURES, qualifier_row("at_least"), "low", "", "low", "numbers.bound_missing"),
    ("exact with a bound", FIGURES, qualifier_row("exact"), "high", "99999", "high", "numbers.bound_extra"),
    (
        "open bound differing from value",
        FIGURES,
        qualifier_row("at_least", "more_than"),
        "low",
        lambda root, line: str(float(get_cell(root, FIGURES, line, "value")) - 1),
        "low",
        "numbers.bound_not_value",
    ),
    (
        "up_to without high",
        FIGURES,
        qualifier_row("exact"),
        "qualifier",
        {"qualifier": "up_to", "stated_as": ""},
        "high",
        "numbers.bound_missing",
    ),
    ("exact with a low bound", FIGURES, qualifier_row("exact"), "low", "1", "low", "numbers.bound_extra"),
    (
        "open high bound differing from value",
        FIGURES,
        qualifier_row("exact"),
        "high",
        {
            "qualifier": "up_to",
            "stated_as": "",
            "high": lambda root, line: str(float(get_cell(root, FIGURES, line, "value")) + 1),
        },
        "high",
        "numbers.bound_not_value",
    ),
    ("range low above high", FIGURES, qualifier_row("range"), "low", "99999999", "low", "numbers.range_order"),
    (
        "value outside its range",
        FIGURES,
        qualifier_row("range"),
        "value",
        lambda root, line: str(float(get_cell(root, FIGURES, line, "high")) + 1000),
        "value",
        "numbers.outside_range",
    ),
    (
        "stated_as states no number",
        FIGURES,
        qualifier_row("exact"),
        "stated_as",
        "several",
        "stated_as",
        "stated.no_number",
    ),
    (
        "stated_as disagrees with value",
        FIGURES,
        qualifier_row("about"),
        "value",
        "123456",
        "stated_as",
        "stated.number",
    ),
    (
        "qualifier disagrees with stated_as",
        FIGURES,
        qualifier_row("about"),
        "qualifier",
        "exact",
        "qualifier",
        "stated.qualifier",
    ),
    (
        "unit wrong for measure",
        FIGURES,
        row_where(("measure", equals("territory_held_km2"))),
        "unit",
        "people",
        "unit",
        "figures.unit",
    ),
    (
        "counted group wrong for measure",
        FIGURES,
        row_where(("measure", equals("territory_held_km2"))),
        "counted",
        "kpa_troops",
        "counted",
        "figures.counted",
    ),
    (
        "running total as a stock",
        FIGURES,
        row_where(("measure", equals("killed"))),
        "basis",
        "stock",
        "basis",
        "figures.basis",
    ),
    (
        "captured as a stock",
        FIGURES,
        row_where(("measure", equals("captured"))),
        "basis",
        "stock",
        "basis",
        "figures.basis",
    ),
    (
        "part scope naming no part",
        FIGURES,
        row_where(("scope", equals("whole"))),
        "scope",
        "part",
        "part",
        "figures.part_missing",
    ),
    (
        "whole scope naming a part",
        FIGURES,
        row_where(("scope", equals("whole"))),
        "part",
        "the first wave",
        "part",
        "figures.part_extra",
    ),
    (
        "undated figure with a period",
        FIGURES,
        row_where(("as_of_precision", equals("undated"))),
        "period_start",
        "2024-09-01",
        "as_of_precision",
        "figures.undated_with_date",
    ),
    (
        "undated figure with a date",
        FIGURES,
        row_where(("as_of_precision", equals("undated"))),
        "as_of",
        "2024-09-01",
        "as_of_precision",
        "figures.undated_with_date",
    ),
    (
        "dated figure without as_of",
        FIGURES,
        row_where(("as_of_precision", equals("day")), ("period_start", equals(""))),
        "as_of",
        "",
        "as_of",
        "figures.as_of_missing",
    ),
    (
        "period on a stock",
        FIGURES,
        row_where(("basis", equals("stock"))),
        "period_start",
        "2024-09-01",
        "period_start",
        "figures.period_basis",
    ),
    (
        "period starting after it ends",
        FIGURES,
        row_where(
            ("basis", equals("increment")),
            ("as_of_precision", equals("day")),
            ("as_of", lambda v: "2024-06-01" < v < "2026-01-01"),
        ),
        "period_start",
        "2026-01-01",
        "period_start",
        "figures.period_order",
    ),
    (
        "as_of after reported",
        FIGURES,
        row_where(("reported", lambda v: v < "2026-02-20")),
        "as_of",
        "2026-02-20",
        "as_of",
        "figures.as_of_after_reported",
    ),
    (
        "reported after the source was published",
        FIGURES,
        cites_source_published_before("2026-02-28"),
        "reported",
        "2026-02-28",
        "reported",
        "figures.reported_after_source",
    ),
    (
        "as_of of month precision not on the first",
        FIGURES,
        row_where(("as_of", lambda v: v[-2:] not in ("", "01"))),
        "as_of_precision",
        "month",
        "as_of",
        "dates.precision",
    ),
    (
        "month precision not on the first",
        EVENTS,
        row_where(("date", lambda v: not v.endswith("-01"))),
        "date_precision",
        "month",
        "date",
        "dates.precision",
    ),
    ("date before the window", EVENTS, nth(3), "date", "2023-05-01", "date", "dates.window"),
    ("figure reported before the window", FIGURES, nth(3), "reported", "2024-05-31", "reported", "dates.window"),
    ("page published after today", SOURCES, nth(3), "published", "2099-01-01", "published", "dates.window"),
    (
        "year precision not on 1 January",
        EVENTS,
        row_where(("date", lambda v: not v.endswith("-01-01"))),
        "date_precision",
        "year",
        "date",
        "dates.precision",
    ),
    (
        "corrected row names no successor",
        FIGURES,
        row_where(("superseded_by", equals(""))),
        "status",
        "corrected",
        "superseded_by",
        "status.no_successor",
    ),
    (
        "successor on an active row",
        FIGURES,
        row_where(("status", equals("active"))),
        "superseded_by",
        "F0001",
        "superseded_by",
        "status.successor_not_replaced",
    ),
    (
        "row superseding itself",
        FIGURES,
        row_where(("status", equals("corrected"))),
        "superseded_by",
        lambda root, line: get_cell(root, FIGURES, line, "figure_id"),
        "superseded_by",
        "status.self",
    ),
    ("event ends before it starts", EVENTS, nth(3), "end_date", "2024-01-01", "end_date", "events.end_before_start"),
    (
        "event dated after its source",
        EVENTS,
        event_with_dated_source,
        "date",
        day_after_its_source,
        "date",
        "events.after_source",
    ),
    (
        "event dated after its date's source",
        EVENTS,
        event_with_dated_source,
        "date_source_id",
        {
            "date": day_after_its_source,
            "date_source_id": lambda root, line: get_cell(root, EVENTS, line, "source_id"),
            "source_id": "",
        },
        "date",
        "events.after_source",
    ),
    (
        "statement naming no claimant",
        EVENTS,
        row_where(("category", equals("statement"))),
        "claimant_id",
        "",
        "claimant_id",
        "events.claimant",
    ),
    ("date in the future", SOURCES, nth(3), "accessed", "2099-01-01", "accessed", "sources.accessed_future"),
    (
        "accessed before published",
        SOURCES,
        row_where(("published", lambda v: v > "2025-01-01")),
        "accessed",
        "2025-01-01",
        "accessed",
        "sources.accessed_before_published",
    ),
    ("malformed url", SOURCES, nth(3), "url", "https://no-dot-host/page", "url", "sources.url"),
    (
        "url no parser can split, on a relayed page",
        SOURCES,
        row_where(("relays", lambda v: v != "")),
        "url",
        "http://[unclosed/page",
        "url",
        "sources.url",
    ),
    (
        "relay not a known publisher",
        SOURCES,
        row_where(("relays", lambda v: v != "")),
        "relays",
        "Reuterz",
        "relays",
        "sources.relay_unknown",
    ),
    (
        "relay is the page's own publisher",
        SOURCES,
        nth(3),
        "relays",
        lambda root, line: get_cell(root, SOURCES, line, "publisher"),
        "relays",
        "sources.relay_own_publisher",
    ),
    ("relay is a portal", SOURCES, nth(3), "relays", "Daum", "relays", "sources.relay_host"),
    (
        "relay is the page's own host",
        SOURCES,
        row_where(("url", lambda v: "koreaherald.com" in v)),
        "relays",
        "Korea Herald",
        "relays",
        "sources.relay_host",
    ),
    (
        "placeholder title",
        SOURCES,
        nth(3),
        "title",
        "(headline not shown in excerpt)",
        "title",
        "sources.placeholder_title",
    ),
    (
        "claimant under two names",
        CLAIMANTS,
        nth(3),
        "name",
        same_as_line_2(CLAIMANTS, "name", str.upper),
        "name",
        "claimants.spelling",
    ),
    (
        "citation on the figure's own page",
        CITATIONS,
        nth(2),
        "source_id",
        lambda root, line: figure_of(root, line)["source_id"],
        "source_id",
        "citations.own_page",
    ),
    (
        "citation published before the statement",
        CITATIONS,
        citation_of_a_late_figure,
        "source_id",
        earliest_source,
        "source_id",
        "citations.before_statement",
    ),
    (
        "leading or trailing space",
        CLAIMANTS,
        nth(3),
        "name",
        lambda root, line: get_cell(root, CLAIMANTS, line, "name") + " ",
        "name",
        "text.whitespace",
    ),
    ("control character", EVENTS, nth(3), "summary", "Ukraine\x07 attacks", "summary", "text.control"),
    ("formula injection", FIGURES, nth(3), "note", '=HYPERLINK("x")', "note", "text.formula"),
    ("formula injection with @", SOURCES, nth(3), "title", "@SUM(A1)", "title", "text.formula"),
    ("None as a note", FIGURES, nth(3), "note", "None", "note", "text.missing_word"),
    ("NA as a summary", EVENTS, nth(3), "summary", "NA", "summary", "text.missing_word"),
    ("null as a claimant note", CLAIMANTS, nth(3), "note", "null", "note", "text.missing_word"),
    ("NaN as a place note", PLACES, nth(2), "note", "NaN", "note", "text.missing_word"),
    ("N/A as a link note", LINKS, nth(2), "note", "N/A", "note", "text.missing_word"),
    ("None as a country", CLAIMANTS, nth(3), "country", "None", "country", "text.missing_word"),
]

# Cells that look suspicious but are valid: no problem of any code at their line.
VALID_CELLS = [
    (
        "end_date on the event's own day",
        EVENTS,
        nth(3),
        "end_date",
        lambda root, line: get_cell(root, EVENTS, line, "date"),
    ),
    (
        "end_date after the event's day",
        EVENTS,
        row_where(("date", lambda v: v < "2025-01-01"), ("date_precision", equals("day"))),
        "end_date",
        "2025-06-30",
    ),
    ("a word beginning with none", FIGURES, nth(3), "note", "None of the pages gives a date."),
    (
        "an increment of killed",
        FIGURES,
        row_where(("measure", equals("killed")), ("basis", equals("cumulative")), ("period_start", equals(""))),
        "basis",
        "increment",
    ),
]


def break_cells(root, cases, used):
    lines = {}
    for name, file, pick, column, new, *_ in cases:
        line = pick(root, file, used.setdefault(file, set()))
        used[file].add(line)
        for cell, value in (new if isinstance(new, dict) else {column: new}).items():
            set_cell(root, file, line, cell, value(root, line) if callable(value) else value)
        lines[name] = line
    return lines


@pytest.fixture(scope="module")
def cell_breakage(tmp_path_factory):
    """One copy with every cell-level case (and every valid cell) on its own row; the lines used and the problems."""
    root = copy_package(tmp_path_factory.mktemp("cells"))
    used = {SOURCES: {2}, CLAIMANTS: {2}}
    lines = break_cells(root, CELL_CASES, used) | break_cells(root, VALID_CELLS, used)
    return lines, validate(root).problems


def test_every_cell_case_has_a_row_of_its_own(cell_breakage):
    lines, _ = cell_breakage
    taken = [(case[1], lines[case[0]]) for case in CELL_CASES + VALID_CELLS]
    assert len(taken) == len(set(taken)) == len(CELL_CASES) + len(VALID_CELLS)


@pytest.mark.parametrize(
    "name, file, pick, column, new, expected_column, code", CELL_CASES, ids=[c[0] for c in CELL_CASES]
)
def test_cell_breakage_is_located(cell_breakage, name, file, pick, column, new, expected_column, code):
    lines, problems = cell_breakage
    line = lines[name]
    assert (file, line, expected_column, code) in located(problems), (
        "\n".join(f"{p} [{p.code}]" for p in problems if p.file == file and p.line == line) or "no problem reported"
    )


@pytest.mark.parametrize("name, file, pick, column, new", VALID_CELLS, ids=[c[0] for c in VALID_CELLS])
def test_valid_cell_is_not_reported(cell_breakage, name, file, pick, column, new):
    lines, problems = cell_breakage
    assert [str(p) for p in problems if p.file == file and p.line == lines[name]] == []


# Appended rows: (name, file, row(header, rows) -> {column: value} over a copy of a template row, expected column,
# code or None when the row must raise no problem of `code_absent`).
def figure_twin(days, source_line=5):
    """A copy of the figure at `source_line` under a new id, reported `days` later."""

    def make(header, rows):
        row = dict(zip(header, rows[source_line - 1]))
        later = date.fromisoformat(row["reported"]) + timedelta(days=days)
        return row | {"figure_id": f"F09{days:02d}{source_line:02d}", "reported": later.isoformat()}

    return make


def link(figure_id, related_id, relation):
    return lambda header, rows: {"figure_id": figure_id, "related_id": related_id, "relation": relation, "note": ""}


WORDS = [f"word{chr(97 + i)}{chr(97 + j)}" for i in range(6) for j in range(6)]


def event(number, day, summary_words, category="combat", place="kursk-oblast", source="S0001", claimant=""):
    summary = " ".join(WORDS[i] for i in summary_words) + "."
    row = event_row(f"E09{number:02d}", day, summary, category, place, source, claimant)
    return lambda header, rows: row


# Each near-twin pair sits on a day of its own (no real event has these dates): its first event, then its second.
# Similarity is the share of words the summaries have in common (Jaccard), worked out here by hand.
EVENT_PAIRS = [
    # one page, 3 of 10 words shared: 3/10 = 0.3, the same-page threshold: one happening
    (
        "same page at the threshold",
        "2025-07-01",
        dict(summary_words=range(10), category="combat", place="russia"),
        dict(summary_words=range(3), category="territory", place="kursk-oblast"),
        "events.duplicate",
    ),
    # one page, 3 shared of 11: 0.27, below it; other category and place: two happenings
    (
        "same page below the threshold",
        "2025-07-02",
        dict(summary_words=range(10), category="combat", place="russia"),
        dict(summary_words=[0, 1, 2, 30], category="territory", place="kursk-oblast"),
        None,
    ),
    # other pages, same category and place, 3 of 25 words: 0.12, the same-place threshold: one happening
    (
        "same place at the threshold",
        "2025-07-03",
        dict(summary_words=range(25), source="S0001"),
        dict(summary_words=range(3), source="S0002"),
        "events.duplicate",
    ),
    # the same, 3 shared of 26: 0.115, below it: two happenings
    (
        "same place below the threshold",
        "2025-07-04",
        dict(summary_words=range(25), source="S0001"),
        dict(summary_words=[0, 1, 2, 30], source="S0002"),
        None,
    ),
    # same speaker and category, other page and place, nothing in common: one happening
    (
        "same speaker",
        "2025-07-05",
        dict(summary_words=range(5), source="S0001", claimant="ua-zelensky", category="statement"),
        dict(summary_words=range(20, 25), source="S0002", place="russia", claimant="ua-zelensky", category="statement"),
        "events.duplicate",
    ),
    # two speakers on one page with the same words: two events
    (
        "two speakers",
        "2025-07-06",
        dict(summary_words=range(8), claimant="ua-zelensky", category="statement"),
        dict(summary_words=range(8), claimant="ua-syrskyi", category="statement"),
        None,
    ),
    # same speaker, other category and page, nothing in common: two events
    (
        "same speaker, other category",
        "2025-07-07",
        dict(summary_words=range(5), claimant="ua-zelensky", category="statement", source="S0001"),
        dict(summary_words=range(20, 25), claimant="ua-zelensky", category="combat", source="S0002"),
        None,
    ),
]

ROW_CASES = [
    ("same claim reported two days later", FIGURES, figure_twin(2, 5), "figure_id", "figures.duplicate"),
    ("same claim reported three days later", FIGURES, figure_twin(3, 6), "figure_id", None),
    (
        "one number under two measures, unlinked",
        FIGURES,
        lambda header, rows: (
            figure_twin(0, 7)(header, rows)
            | {
                "measure": "troops_present"
                if dict(zip(header, rows[6]))["measure"] != "troops_present"
                else "troops_deployed",
                "figure_id": "F0970",
            }
        ),
        "figure_id",
        "links.other_measure_missing",
    ),
    ("figure linked to itself", LINKS, link("F0010", "F0010", "part_of"), "related_id", "links.self"),
    ("link to a corrected row", LINKS, link("F0004", "F0098", "part_of"), "related_id", "links.active"),
    ("link from a corrected row", LINKS, link("F0098", "F0096", "other_measure"), "figure_id", "links.active"),
    ("part larger than its whole", LINKS, link("F0034", "F0029", "part_of"), "relation", "links.part_larger"),
    ("part smaller than its whole", LINKS, link("F0029", "F0034", "part_of"), "relation", None),
    ("a total added to a wave", LINKS, link("F0034", "F0033", "adds_to"), "figure_id", "links.adds_to_direction"),
    (
        "a repeat before what it repeats",
        LINKS,
        link("F0011", "F0015", "repeats"),
        "figure_id",
        "links.repeats_direction",
    ),
    (
        "other measure joining two numbers",
        LINKS,
        link("F0076", "F0072", "other_measure"),
        "relation",
        "links.other_measure",
    ),
]
for name, day, first, second, code in EVENT_PAIRS:
    ROW_CASES += [
        (f"{name} (first)", EVENTS, event(len(ROW_CASES), day, **first), "event_id", None),
        (f"{name} (second)", EVENTS, event(len(ROW_CASES) + 1, day, **second), "event_id", code),
    ]
SILENT = {
    "same claim reported three days later": "figures.duplicate",
    "part smaller than its whole": "links.part_larger",
}


@pytest.fixture(scope="module")
def row_breakage(tmp_path_factory):
    """One copy with every appended-row case at the end of its table; the line of each and the problems."""
    root = copy_package(tmp_path_factory.mktemp("rows"))
    assert not {row[1] for row in read(root / EVENTS)[1:]} & {pair[1] for pair in EVENT_PAIRS}
    lines = {}
    for name, file, make, *_ in ROW_CASES:
        rows = read(root / file)
        template = dict(zip(rows[0], rows[1]))
        rows.append(list((template | make(rows[0], rows)).values()))
        write(root / file, rows)
        lines[name] = len(rows)
    return lines, validate(root).problems


@pytest.mark.parametrize("name, file, make, column, code", ROW_CASES, ids=[c[0] for c in ROW_CASES])
def test_appended_row_is_judged(row_breakage, name, file, make, column, code):
    lines, problems = row_breakage
    at_line = {(p.column, p.code) for p in problems if (p.file, p.line) == (file, lines[name])}
    if code:
        assert (column, code) in at_line, at_line
    else:
        absent = SILENT.get(name, "events.duplicate")
        assert absent not in {c for _, c in at_line}, at_line


def test_uncited_source_is_reported(package_copy):
    rows = read(package_copy / SOURCES)
    row = {
        "source_id": "S0999",
        "url": "https://example.org/uncited",
        "publisher": "Example",
        "published": "2025-01-01",
        "not_shown": "title",
        "language": "en",
        "source_type": "news",
        "accessed": "2026-11-27",
    }
    rows.append([row.get(column, "") for column in rows[0]])
    write(package_copy / SOURCES, rows)
    assert (SOURCES, len(rows), "source_id", "sources.uncited") in located(validate(package_copy).problems)


def test_every_problem_is_reported_in_one_run_in_row_order(package_copy):
    set_cell(package_copy, FIGURES, 7, "value", "x")
    set_cell(package_copy, FIGURES, 3, "measure", "nonsense")
    set_cell(package_copy, EVENTS, 2, "category", "nonsense")
    problems = [p for p in validate(package_copy).problems if p.file in (FIGURES, EVENTS)]
    lines = [(p.file, p.line) for p in problems]
    assert {(FIGURES, 3), (FIGURES, 7), (EVENTS, 2)} <= set(lines)
    assert lines == sorted(lines)


def test_validator_never_changes_the_files(package_copy):
    set_cell(package_copy, FIGURES, 3, "value", "broken")
    files = sorted(p for p in package_copy.rglob("*") if p.is_file())
    before = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in files}
    validate(package_copy)
    assert {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in files} == before
    assert sorted(p for p in package_copy.rglob("*") if p.is_file()) == files


def test_every_problem_says_in_words_what_is_wrong(cell_breakage, row_breakage):
    """A code and a location are for machines; the reader of a problem needs its message: at least three words of
    its own beyond the column's name and the value shown."""
    problems = cell_breakage[1] + row_breakage[1]
    assert len({p.code for p in problems}) >= len(CELL_CASES) // 2

    def words(problem):
        said = re.sub(re.escape(str(problem.value)), " ", problem.message) if problem.value != "" else problem.message
        return [w for w in re.findall(r"[^\W\d_]{2,}", said) if w not in problem.column.split("_")]

    assert [f"{p} [{p.code}]" for p in problems if len(words(p)) < 3] == []
