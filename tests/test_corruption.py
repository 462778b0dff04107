"""The corruption suite: break a copy of the real package and check the validator names the right file,
line and column. Structural breakage is one copy per case; cell-level breakage is one copy with every case
on a row of its own. Each case fails if the rule that catches it is removed.

Runs the validator in-process (the same code `scripts/validate.py` runs) so the suite stays fast.
"""
import hashlib

import pytest
from conftest import copy_package, edit_descriptor, read, set_cell, write

from dprk_kursk.validate import validate

FIGURES, EVENTS, SOURCES, CLAIMANTS = "data/figures.csv", "data/events.csv", "data/sources.csv", "data/claimants.csv"


def get_cell(root, file, line, column):
    rows = read(root / file)
    return rows[line - 1][rows[0].index(column)]


def line_of(root, file, column, value):
    """The spreadsheet line of the first row whose `column` equals `value`."""
    rows = read(root / file)
    return next(i for i, row in enumerate(rows[1:], start=2) if row[rows[0].index(column)] == value)


def edit_text(root, file, change):
    path = root / file
    path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")


def first_with(root, file, column, predicate):
    rows = read(root / file)
    return next(i for i, row in enumerate(rows[1:], start=2) if predicate(row[rows[0].index(column)]))


# Each case: (id, breaker(root) -> (file, line, column) expected, message fragment).
def drop_column(root):
    rows = read(root / FIGURES)
    i = rows[0].index("unit")
    write(root / FIGURES, [r[:i] + r[i + 1:] for r in rows])
    return FIGURES, 1, ""


def extra_column(root):
    write(root / EVENTS, [r + (["extra"] if n == 0 else ["x"]) for n, r in enumerate(read(root / EVENTS))])
    return EVENTS, 1, ""


def rename_column(root):
    edit_text(root, SOURCES, lambda t: t.replace("publisher,", "outlet,", 1))
    return SOURCES, 1, ""


def reorder_columns(root):
    rows = read(root / CLAIMANTS)
    write(root / CLAIMANTS, [[r[1], r[0]] + r[2:] for r in rows])
    return CLAIMANTS, 1, ""


def too_many_fields(root):
    rows = read(root / FIGURES)
    rows[4].append("surplus")
    write(root / FIGURES, rows)
    return FIGURES, 5, ""


def too_few_fields(root):
    rows = read(root / EVENTS)
    rows[3] = rows[3][:5]
    write(root / EVENTS, rows)
    return EVENTS, 4, None


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


def missing_resource_file(root):
    (root / EVENTS).unlink()
    return EVENTS, 1, ""


def descriptor_not_json(root):
    edit_text(root, "datapackage.json", lambda t: t.replace('"name": "dprk', '"name" "dprk', 1))
    return "datapackage.json", 3, ""


CASES = [
    ("missing column", drop_column, "header"),
    ("extra column", extra_column, "header"),
    ("renamed column", rename_column, "header"),
    ("reordered columns", reorder_columns, "header"),
    ("row with too many fields", too_many_fields, "more fields than the header"),
    ("row with too few fields", too_few_fields, "fewer fields than the header"),
    ("blank row", blank_row, "blank row"),
    ("file not UTF-8", not_utf8, "not UTF-8"),
    ("byte-order mark", byte_order_mark, "byte-order mark"),
    ("resource file missing", missing_resource_file, "does not exist"),
    ("descriptor not JSON", descriptor_not_json, "not valid JSON"),
]


@pytest.mark.parametrize("name, breaker, message", CASES, ids=[c[0] for c in CASES])
def test_structural_breakage_is_located(package_copy, name, breaker, message):
    file, line, column = breaker(package_copy)
    problems = validate(package_copy).problems
    assert any(p.file == file and p.line == line and message in p.message
               and (column is None or p.column == column or column == "") for p in problems), \
        "\n".join(map(str, problems))


# Cell-level cases: (name, file, row picker, column, new value or callable(root, line) -> new value, expected column,
# message). They are all applied to ONE copy, each to a row of its own, and validated once (one frictionless run
# instead of forty); each case then checks that its own problem is reported at its own row and column.
# Line 2 of sources and claimants stays intact: cases that need a twin copy their values from it.
def nth(n):
    """The first row at line n or below that no other case has taken."""
    return lambda root, file, used: next(line for line in range(n, 10_000) if line not in used)


def row_where(column, predicate):
    """The first row not taken whose `column` satisfies `predicate`."""
    def pick(root, file, used):
        rows = read(root / file)
        return next(i for i, row in enumerate(rows[1:], start=2)
                    if i not in used and predicate(row[rows[0].index(column)]))
    return pick


def qualifier_row(qualifier):
    return row_where("qualifier", lambda v: v == qualifier)


def same_as_line_2(file, column, change=lambda value: value):
    return lambda root, line: change(get_cell(root, file, 2, column))


def cites_source_published_before(day):
    """The first figure row not taken whose source shows a publication date before `day`."""
    def pick(root, file, used):
        sources = {row[0]: row[4] for row in read(root / SOURCES)[1:]}
        return row_where("source_id", lambda v: "" < sources.get(v, "") < day)(root, file, used)
    return pick

CELL_CASES = [
    ("value not a number", FIGURES, nth(3), "value", "three thousand", "value", "not a valid number"),
    ("impossible date", FIGURES, nth(3), "reported", "2025-02-30", "reported", "not a valid date"),
    ("wrong date format", EVENTS, nth(3), "date", "07/08/2024", "date", "not a valid date"),
    ("infinite value", FIGURES, nth(3), "value", "inf", "value", "not a finite number"),
    ("duplicate figure id", FIGURES, nth(3), "figure_id", "F0001", "figure_id", "duplicate"),
    ("duplicate source url", SOURCES, nth(3), "url", same_as_line_2(SOURCES, "url"), "url", "duplicate"),
    ("same page under another url form", SOURCES, nth(3), "url",
     same_as_line_2(SOURCES, "url", lambda url: url.replace("https://www.", "http://") + "/"), "url", "same page as line 2"),
    ("figure claimant not in claimants", FIGURES, nth(3), "claimant_id", "ua-nobody", "claimant_id", "no such id"),
    ("figure source not in sources", FIGURES, nth(3), "source_id", "S9999", "source_id", "no such id"),
    ("event source not in sources", EVENTS, nth(3), "source_id", "S9999", "source_id", "no such id"),
    ("event claimant not in claimants", EVENTS, nth(3), "claimant_id", "ru-nobody", "claimant_id", "no such id"),
    ("event date source not in sources", EVENTS, nth(3), "date_source_id", "S9998", "date_source_id", "no such id"),
    ("superseded_by names no figure", FIGURES, nth(3), "superseded_by", "F9999", "superseded_by", "no such id"),
    ("measure not in vocabulary", FIGURES, nth(3), "measure", "troops_lost", "measure", "not one of the allowed values"),
    ("negative value", FIGURES, nth(3), "value", "-5", "value", "below the minimum"),
    ("id breaks pattern", FIGURES, nth(3), "figure_id", "F12", "figure_id", "does not match the pattern"),
    ("required cell empty", CLAIMANTS, nth(3), "name", "", "name", "required but empty"),
    ("source type not in vocabulary", SOURCES, nth(3), "source_type", "blog", "source_type", "not one of the allowed values"),
    ("at_least without low", FIGURES, qualifier_row("at_least"), "low", "", "low", "needs low set"),
    ("exact with a bound", FIGURES, qualifier_row("exact"), "high", "99999", "high", "takes no high bound"),
    ("range low above high", FIGURES, qualifier_row("range"), "low", "99999999", "low", "range needs low below high"),
    ("stated_as disagrees with value", FIGURES, qualifier_row("about"), "value", "123456", "stated_as", "does not state the row's number"),
    ("qualifier disagrees with stated_as", FIGURES, qualifier_row("about"), "qualifier", "exact", "qualifier", "reads as about"),
    ("as_of after reported", FIGURES, row_where("reported", lambda v: v < "2026-02-20"), "as_of", "2026-02-20", "as_of", "after the day it was reported"),
    ("reported after the source was published", FIGURES, cites_source_published_before("2026-02-28"), "reported", "2026-02-28", "reported", "after its source was published"),
    ("event ends before it starts", EVENTS, nth(3), "end_date", "2024-01-01", "end_date", "before the event's date"),
    ("date in the future", SOURCES, nth(3), "accessed", "2099-01-01", "accessed", "in the future"),
    ("accessed before published", SOURCES, row_where("published", lambda v: v > "2025-01-01"), "accessed", "2025-01-01",
     "accessed", "before the page was published"),
    ("date before the window", EVENTS, nth(3), "date", "2023-05-01", "date", "outside the project's window"),
    ("month precision not on the first", EVENTS, row_where("date", lambda v: not v.endswith("-01")), "date_precision", "month",
     "date", "month's first day"),
    ("leading or trailing space", CLAIMANTS, nth(3), "name", lambda root, line: get_cell(root, CLAIMANTS, line, "name") + " ",
     "name", "white space"),
    ("control character", EVENTS, nth(3), "summary", "Ukraine\x07 attacks", "summary", "control or invisible character"),
    ("formula injection", FIGURES, nth(3), "note", "=HYPERLINK(\"x\")", "note", "formula"),
    ("formula injection with @", SOURCES, nth(3), "title", "@SUM(A1)", "title", "formula"),
    ("claimant under two names", CLAIMANTS, nth(3), "name", same_as_line_2(CLAIMANTS, "name", str.upper), "name", "under another spelling"),
    ("corrected row names no successor", FIGURES, nth(3), "status", "corrected", "superseded_by", "names the row that stands for it"),
    ("successor on an active row", FIGURES, nth(3), "superseded_by", "F0001", "superseded_by", "only a corrected or duplicate row"),
    ("place not in places", FIGURES, nth(3), "place_id", "atlantis", "place_id", "no such id in places"),
    ("event place not in places", EVENTS, nth(3), "place_id", "atlantis", "place_id", "no such id in places"),
    ("counted group not in vocabulary", FIGURES, nth(3), "counted", "kpa_tourists", "counted", "not one of the allowed values"),
    ("basis not in vocabulary", FIGURES, nth(3), "basis", "guess", "basis", "not one of the allowed values"),
    ("precision not in vocabulary", FIGURES, nth(3), "as_of_precision", "week", "as_of_precision", "not one of the allowed values"),
    ("part scope naming no part", FIGURES, row_where("scope", lambda v: v == "whole"), "scope", "part", "part", "needs part"),
    ("counted group wrong for measure", FIGURES, row_where("measure", lambda v: v == "territory_held_km2"), "counted", "kpa_troops",
     "counted", "counts ua_forces"),
    ("running total as a stock", FIGURES, row_where("measure", lambda v: v == "killed"), "basis", "stock", "basis", "cannot be a stock"),
    ("period on a stock", FIGURES, row_where("basis", lambda v: v == "stock"), "period_start", "2024-09-01", "period_start",
     "only an increment"),
    ("undated figure with a date", FIGURES, row_where("as_of_precision", lambda v: v == "undated"), "as_of", "2024-09-01",
     "as_of_precision", "undated takes no"),
    ("as_of of month precision not on the first", FIGURES, row_where("as_of", lambda v: v[-2:] not in ("", "01")), "as_of_precision",
     "month", "as_of", "month's first day"),
    ("statement naming no claimant", EVENTS, row_where("category", lambda v: v == "statement"), "claimant_id", "", "claimant_id",
     "names who made it"),
    ("publisher not in its canonical spelling", SOURCES, row_where("publisher", lambda v: v == "The Kyiv Independent"), "publisher",
     "Kyiv Independent", "publisher", "no such id in publishers"),
    ("relay not a known publisher", SOURCES, row_where("relays", lambda v: v != ""), "relays", "Reuterz", "relays", "not a name in publishers"),
    ("relay is the page's own publisher", SOURCES, nth(3), "relays", lambda root, line: get_cell(root, SOURCES, line, "publisher"),
     "relays", "own publisher"),
    ("placeholder title", SOURCES, nth(3), "title", "(headline not shown in excerpt)", "title", "placeholder"),
    ("unit wrong for measure", FIGURES, row_where("measure", lambda v: v == "territory_held_km2"), "unit", "people", "unit", "counted in km2"),
    ("malformed url", SOURCES, nth(3), "url", "https://no-dot-host/page", "url", "not a well-formed"),
]


@pytest.fixture(scope="module")
def cell_breakage(tmp_path_factory):
    """One copy with every cell-level case applied to its own row; the lines used and the problems found."""
    root = copy_package(tmp_path_factory.mktemp("cells"))
    used = {SOURCES: {2}, CLAIMANTS: {2}, FIGURES: set(), EVENTS: set()}
    lines = {}
    for name, file, pick, column, new, *_ in CELL_CASES:
        line = pick(root, file, used[file])
        used[file].add(line)
        set_cell(root, file, line, column, new(root, line) if callable(new) else new)
        lines[name] = line
    return lines, validate(root).problems


def test_every_cell_case_has_a_row_of_its_own(cell_breakage):
    lines, _ = cell_breakage
    taken = [(case[1], lines[case[0]]) for case in CELL_CASES]
    assert len(taken) == len(set(taken)) == len(CELL_CASES)


@pytest.mark.parametrize("name, file, pick, column, new, expected_column, message", CELL_CASES,
                         ids=[c[0] for c in CELL_CASES])
def test_cell_breakage_is_located(cell_breakage, name, file, pick, column, new, expected_column, message):
    lines, problems = cell_breakage
    line = lines[name]
    assert any(p.file == file and p.line == line and p.column == expected_column and message in p.message
               for p in problems), "\n".join(str(p) for p in problems if p.file == file and p.line == line) or "no problem reported"


def test_uncited_source_is_reported(package_copy):
    rows = read(package_copy / SOURCES)
    rows.append(["S0999", "https://example.org/uncited", "Example", "", "2025-01-01", "en", "news", "", "2026-11-27"])
    write(package_copy / SOURCES, rows)
    problems = validate(package_copy).problems
    assert any(p.file == SOURCES and p.line == len(rows) and "no figure, citation or event cites" in p.message for p in problems)


def test_same_statement_entered_twice_is_reported(package_copy):
    rows = read(package_copy / FIGURES)
    twin = list(rows[5])
    twin[0] = "F0999"
    rows.append(twin)
    write(package_copy / FIGURES, rows)
    problems = validate(package_copy).problems
    assert any(p.file == FIGURES and p.line == len(rows) and "same claim" in p.message for p in problems)


def test_same_happening_entered_twice_is_reported(package_copy):
    rows = read(package_copy / EVENTS)
    header, original = rows[0], next(r for r in rows[1:] if r[rows[0].index("status")] == "active")
    twin = list(original)
    twin[0] = "E0999"
    twin[header.index("summary")] = original[header.index("summary")].replace(".", ", officials said.")
    rows.append(twin)
    write(package_copy / EVENTS, rows)
    problems = validate(package_copy).problems
    assert any(p.file == EVENTS and p.line == len(rows) and "same happening as line" in p.message for p in problems), \
        "\n".join(str(p) for p in problems if p.file == EVENTS)


def test_two_speakers_on_one_day_are_two_events(package_copy):
    rows = read(package_copy / EVENTS)
    header = rows[0]
    original = next(r for r in rows[1:] if r[header.index("claimant_id")] and r[header.index("status")] == "active")
    other = list(original)
    other[0] = "E0999"
    other[header.index("claimant_id")] = next(r[0] for r in read(package_copy / CLAIMANTS)[1:] if r[0] != original[header.index("claimant_id")])
    other[header.index("source_id")] = "S0001"
    rows.append(other)
    write(package_copy / EVENTS, rows)
    assert not [p for p in validate(package_copy).problems if "same happening" in p.message]


def test_figure_linked_to_itself_is_reported(package_copy):
    rows = read(package_copy / "data/figure_links.csv")
    rows.append(["F0010", "F0010", "part_of", ""])
    write(package_copy / "data/figure_links.csv", rows)
    problems = validate(package_copy).problems
    assert any(p.file == "data/figure_links.csv" and p.line == len(rows) and "relate to itself" in p.message for p in problems)


def test_every_problem_is_reported_in_one_run_in_row_order(package_copy):
    set_cell(package_copy, FIGURES, 7, "value", "x")
    set_cell(package_copy, FIGURES, 3, "measure", "nonsense")
    set_cell(package_copy, EVENTS, 2, "category", "nonsense")
    problems = [p for p in validate(package_copy).problems if p.file in (FIGURES, EVENTS)]
    located = [(p.file, p.line) for p in problems]
    assert {(FIGURES, 3), (FIGURES, 7), (EVENTS, 2)} <= set(located)
    assert located == sorted(located)


def test_validator_never_changes_the_files(package_copy):
    set_cell(package_copy, FIGURES, 3, "value", "broken")
    files = sorted(p for p in package_copy.rglob("*") if p.is_file())
    before = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in files}
    validate(package_copy)
    assert {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in files} == before
    assert sorted(p for p in package_copy.rglob("*") if p.is_file()) == files


def test_descriptor_that_breaks_the_profile_is_reported(package_copy):
    edit_descriptor(package_copy, lambda d: d["resources"][0]["schema"]["fields"][0].update(type="strng"))
    assert any(p.file == "datapackage.json" for p in validate(package_copy).problems)


def test_foreign_key_to_a_missing_table_is_reported(package_copy):
    edit_descriptor(package_copy, lambda d: next(k for k in next(r for r in d["resources"] if r["name"] == "figures")
                                                  ["schema"]["foreignKeys"] if k["fields"] == ["claimant_id"])
                    ["reference"].update(resource="claimant"))
    problems = validate(package_copy).problems
    assert any(p.file == "datapackage.json" and "names claimant.claimant_id" in p.message for p in problems), \
        "\n".join(map(str, problems))
