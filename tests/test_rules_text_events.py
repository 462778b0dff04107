"""The rules on text cells (words read as missing, non-finite numbers, which columns are text) and on events (who
made a statement, the same happening entered twice), run on in-memory copies of the valid sample."""

import copy

import pytest
from rules_kit import append, event_row, sample, tables

from dprk_kursk.rules import LINE, check

# pandas reads these whole cells as missing by default (read_csv's na_values, as its documentation lists them;
# the empty cell is a missing value anyway)...
PANDAS_MISSING = [
    "#N/A", "#N/A N/A", "#NA", "-1.#IND", "-1.#QNAN", "-NaN", "-nan", "1.#IND", "1.#QNAN",
    "<NA>", "N/A", "NA", "NULL", "NaN", "None", "n/a", "nan", "null",
]  # fmt: skip
# ...and other readers (and pandas with other settings) the same words in other capitals.
OTHER_CAPITALS = ["NONE", "none", "Null", "na", "NAN", "Nan"]
# Cells holding such a word among others, or a word that only starts like one: real text.
NOT_MISSING = ["Nana", "None known", "n.a.", "null and void", "NaN%", "NA-1", "Nanjing", "not applicable"]

# (name, table, column, cell) for the numbers that are not finite: each on a row of its own.
NOT_FINITE = [
    ("figure value inf", "figures", "value", "inf"),
    ("figure low -inf", "figures", "low", "-inf"),
    ("figure high nan", "figures", "high", "nan"),
    ("citation value Infinity", "citations", "value", "Infinity"),
    ("citation low -Infinity", "citations", "low", "-Infinity"),
    ("citation high NaN", "citations", "high", "NaN"),
]
FINITE = [
    ("figure value large", "figures", "value", "1e308"),
    ("citation low negative", "citations", "low", "-5"),
    ("citation high zero", "citations", "high", "0"),
]


@pytest.fixture(scope="module")
def text_run():
    """One copy with every text and number case on a row of its own, and a schema where one text field (the
    claimants' note) leaves its type out; {case: (file, line)} and the (file, line, column, code) found."""
    tables_, paths, fields, foreign_keys = sample()
    changed, fields = tables(), copy.deepcopy(fields)
    lines = {}
    for i, word in enumerate(PANDAS_MISSING + OTHER_CAPITALS + NOT_MISSING):
        target = changed["publishers"][i]
        target["note"] = word
        lines[word] = (paths["publishers"], target[LINE])
    used = {"figures": 0, "citations": 0}
    for name, table, column, cell in NOT_FINITE + FINITE:
        target = changed[table][used[table]]
        used[table] += 1
        target[column] = cell
        lines[name] = (paths[table], target[LINE])
    # A field with no type is a string field (Table Schema's default), so its cells are text cells.
    note = next(f for f in fields["claimants"] if f["name"] == "note")
    del note["type"]
    changed["claimants"][0]["note"] = "N/A"
    lines["untyped N/A"] = (paths["claimants"], changed["claimants"][0][LINE])
    found = check(changed, paths, fields, copy.deepcopy(foreign_keys))
    return lines, {(p.file, p.line, p.column, p.code) for p in found}


def codes_on(reported, file, line):
    return {(column, code) for f, n, column, code in reported if (f, n) == (file, line)}


@pytest.mark.parametrize("word", PANDAS_MISSING + OTHER_CAPITALS)
def test_a_word_read_as_missing_is_reported(text_run, word):
    lines, reported = text_run
    assert ("note", "text.missing_word") in codes_on(reported, *lines[word])


@pytest.mark.parametrize("cell", NOT_MISSING)
def test_text_that_only_contains_or_resembles_a_missing_word_is_not_reported(text_run, cell):
    lines, reported = text_run
    assert ("note", "text.missing_word") not in codes_on(reported, *lines[cell])


def test_a_field_without_a_type_is_checked_as_text(text_run):
    lines, reported = text_run
    assert ("note", "text.missing_word") in codes_on(reported, *lines["untyped N/A"])


@pytest.mark.parametrize("name, table, column, cell", NOT_FINITE, ids=[c[0] for c in NOT_FINITE])
def test_a_number_that_is_not_finite_is_reported_and_not_as_text(text_run, name, table, column, cell):
    lines, reported = text_run
    on_row = codes_on(reported, *lines[name])
    assert (column, "numbers.finite") in on_row
    # A number column is not text: "nan" there is not a missing word, "-inf" not a formula.
    assert [code for _, code in on_row if code.startswith("text.")] == []


@pytest.mark.parametrize("name, table, column, cell", FINITE, ids=[c[0] for c in FINITE])
def test_a_finite_number_is_not_reported(text_run, name, table, column, cell):
    lines, reported = text_run
    on_row = codes_on(reported, *lines[name])
    assert [code for _, code in on_row if code == "numbers.finite" or code.startswith("text.")] == []


# Events. Every case has days of its own (2023, before any event of the sample), so cases never pair up.
def event(number, day, summary, category="combat", place="kursk-oblast", source="S0001", claimant=""):
    return event_row(f"E9{number:03d}", day, summary, category, place, source, claimant)


# (name, earlier event's cells, later event's cells beyond the shared ones, the later one is a duplicate).
# Unless a case says so, the two are of different categories and places: only the page can join them.
OTHER = {"category": "deployment", "place": "russia"}
PAIRS = [
    # {alpha bank wall door} and {bravo bank wall door}: 3 of 5 words shared, 0.6.
    ("four-letter words count", {"summary": "Alpha bank wall door."}, {"summary": "Bravo bank wall door."} | OTHER, 1),
    # Words of three letters or fewer are left out: {zebra} and {yankee} share nothing.
    (
        "three-letter words do not count",
        {"summary": "The cat sat on the mat, zebra."},
        {"summary": "The cat sat on the mat, yankee."} | OTHER,
        0,
    ),
    ("summaries of short words only", {"summary": "Big win."}, {"summary": "Car hit."} | OTHER, 0),
    # 3 words shared of 10 in all: exactly the same-page threshold, 0.3.
    (
        "alike at the threshold",
        {"summary": "Alpha bravo delta golf hotel india juliet."},
        {"summary": "Alpha bravo delta kilo lima mike."} | OTHER,
        1,
    ),
    # 1 word shared of 9: 0.11.
    (
        "one long word shared",
        {"summary": "Alpha bravo charlie delta echo."},
        {"summary": "Alpha foxtrot golf hotel india."} | OTHER,
        0,
    ),
    # Same category, other places and pages, unlike summaries: joined only by one speaker.
    (
        "same speaker",
        {"summary": "Alpha bravo.", "category": "diplomacy", "claimant": "ua-hur"},
        {
            "summary": "Charlie delta.",
            "category": "diplomacy",
            "claimant": "ua-hur",
            "place": "russia",
            "source": "S0002",
        },
        1,
    ),
    (
        "only the earlier names a speaker",
        {"summary": "Alpha bravo.", "category": "diplomacy", "claimant": "ua-hur"},
        {"summary": "Charlie delta.", "category": "diplomacy", "claimant": "", "place": "russia", "source": "S0002"},
        0,
    ),
    (
        "only the later names a speaker",
        {"summary": "Alpha bravo.", "category": "diplomacy", "claimant": ""},
        {
            "summary": "Charlie delta.",
            "category": "diplomacy",
            "claimant": "ua-hur",
            "place": "russia",
            "source": "S0002",
        },
        0,
    ),
    (
        "two speakers on one page",
        {"summary": "Alpha bravo charlie.", "category": "diplomacy", "claimant": "ua-hur"},
        {"summary": "Alpha bravo charlie.", "category": "diplomacy", "claimant": "ua-zelensky"},
        0,
    ),
]
# (name, category, claimant, reported): one event each.
CLAIMANT_CASES = [
    ("confirmation without claimant", "confirmation", "", 1),
    ("intelligence without claimant", "intelligence", "", 1),
    ("statement without claimant", "statement", "", 1),
    ("confirmation with claimant", "confirmation", "ua-hur", 0),
    ("intelligence with claimant", "intelligence", "ua-hur", 0),
    ("combat without claimant", "combat", "", 0),
    ("diplomacy without claimant", "diplomacy", "", 0),
]


@pytest.fixture(scope="module")
def event_run():
    """One copy with every pair and claimant case appended; {case: (row, ...)} and the Problems found."""
    changed, rows = tables(), {}
    for n, (name, earlier, later, _) in enumerate(PAIRS):
        day = f"2023-01-{n + 1:02d}"
        first = append(changed, "events", **event(2 * n, day, **earlier))
        rows[name] = first, append(changed, "events", **event(2 * n + 1, day, **earlier | later))
    for n, (name, category, claimant, _) in enumerate(CLAIMANT_CASES):
        summary = f"Case {name}."
        rows[name] = (
            append(changed, "events", **event(500 + n, f"2023-02-{n + 1:02d}", summary, category, claimant=claimant)),
        )
    _, paths, fields, foreign_keys = sample()
    return rows, paths["events"], check(changed, paths, fields, copy.deepcopy(foreign_keys))


def events_problems(event_run, row, code):
    _, file, found = event_run
    return [p for p in found if (p.file, p.line, p.code) == (file, row[LINE], code)]


@pytest.mark.parametrize("name, earlier, later, duplicate", PAIRS, ids=[p[0] for p in PAIRS])
def test_two_events_of_one_day_are_one_happening_or_two(event_run, name, earlier, later, duplicate):
    first, second = event_run[0][name]
    assert events_problems(event_run, first, "events.duplicate") == []
    assert len(events_problems(event_run, second, "events.duplicate")) == duplicate


def test_a_duplicate_shows_its_own_id_and_names_the_earlier_event(event_run):
    first, second = event_run[0]["four-letter words count"]
    (problem,) = events_problems(event_run, second, "events.duplicate")
    assert (problem.column, problem.value) == ("event_id", second["event_id"])
    assert f"line {first[LINE]} ({first['event_id']})" in problem.message


@pytest.mark.parametrize("name, category, claimant, reported", CLAIMANT_CASES, ids=[c[0] for c in CLAIMANT_CASES])
def test_an_event_that_needs_a_claimant_names_one(event_run, name, category, claimant, reported):
    (only,) = event_run[0][name]
    found = events_problems(event_run, only, "events.claimant")
    assert len(found) == reported
    # The problem shows the cell as it is: empty.
    assert [(p.column, p.value) for p in found] == [("claimant_id", "")] * reported
