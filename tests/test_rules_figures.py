"""Boundary cases for the rules on figures, figure links, stated numbers, foreign keys and dates: what each
rule must report and, just as much, what it must leave alone. Cases share one copy of the sample per theme."""

from datetime import date

import pytest
from rules_kit import LINE, append, found, row, tables

from dprk_kursk.rules import check

FIGURES, LINKS, CITATIONS = "data/figures.csv", "data/figure_links.csv", "data/citations.csv"
EVENTS, SOURCES = "data/events.csv", "data/sources.csv"


def by_line(problems, code):
    """{(file, line, column): Problem} of the problems carrying `code`."""
    return {(p.file, p.line, p.column): p for p in problems if p.code == code}


def figure(changed, figure_id, **cells):
    """Append an active figure (a copy of F0001, a troops_present count of KPA troops) with `cells` changed."""
    template = row(changed, "figures", "figure_id", "F0001")
    base = {k: v for k, v in template.items() if k != LINE} | {"status": "active", "superseded_by": "", "note": ""}
    return append(changed, "figures", **(base | {"figure_id": figure_id} | cells))


# ---- figures: the same claim twice, and empty cells shown as empty ----------------------------------------------

DAY = date(2025, 3, 10)


def day(offset):
    return date.fromordinal(DAY.toordinal() + offset).isoformat()


@pytest.fixture(scope="module")
def claims():
    """One copy holding pairs of figures: twins and near-twins. Returns {name: line} and the problems."""
    changed = tables()
    lines = {}
    claim = dict(value="8100", low="8100", high="", qualifier="at_least", stated_as="", as_of="2025-03-01")
    lines["first"] = figure(changed, "X0100", reported=day(0), **claim)[LINE]
    # one column changed each: a different claim, never a duplicate of the first
    others = {
        "other claimant": dict(claimant_id="ua-zelensky"),
        "other measure": dict(measure="troops_deployed"),
        "other group": dict(counted="kpa_engineers"),
        "other scope": dict(scope="part", part="in Kursk"),
        "other basis": dict(basis="cumulative"),
        "other place": dict(place_id="russia"),
        "other low": dict(low="8000"),
        "other high": dict(high="9000"),
    }
    for n, (name, change) in enumerate(others.items()):
        lines[name] = figure(changed, f"X01{n + 10}", reported=day(0), **(claim | change))[LINE]
    lines["exact twin"] = figure(changed, "X0199", reported=day(0), **claim)[LINE]
    # (first day, second day): each pair its own claim (its own number)
    for n, (name, first, second) in enumerate(
        [
            ("two days later", 0, 2),
            ("three days later", 0, 3),
            ("one day earlier", 1, 0),
            ("two days earlier", 2, 0),
            ("three days earlier", 3, 0),
        ]
    ):
        number = dict(claim, value=str(8200 + n), low=str(8200 + n))
        figure(changed, f"X02{n}0", reported=day(first), **number)
        lines[name] = figure(changed, f"X02{n}1", reported=day(second), **number)[LINE]
    row(changed, "figures", "figure_id", "F0002").update(scope="part", part="")
    row(changed, "figures", "figure_id", "F0003").update(as_of="", as_of_precision="day")
    return lines, found(changed)


def test_claims_differing_in_one_column_are_not_duplicates(claims):
    lines, problems = claims
    duplicates = {line for _, line, _ in by_line(problems, "figures.duplicate")}
    for name in ("first", "other claimant", "other measure", "other group", "other scope", "other basis"):
        assert lines[name] not in duplicates, name
    for name in ("other place", "other low", "other high"):
        assert lines[name] not in duplicates, name


def test_the_same_claim_on_the_same_day_is_a_duplicate_shown_by_its_id(claims):
    lines, problems = claims
    twin = by_line(problems, "figures.duplicate")[FIGURES, lines["exact twin"], "figure_id"]
    assert twin.value == "X0199"


@pytest.mark.parametrize(
    "name, duplicate",
    [
        ("two days later", True),
        ("three days later", False),
        ("one day earlier", True),
        ("two days earlier", True),
        ("three days earlier", False),
    ],
)
def test_the_same_claim_within_two_days_either_way_is_a_duplicate(claims, name, duplicate):
    lines, problems = claims
    at = (FIGURES, lines[name], "figure_id")
    assert (at in by_line(problems, "figures.duplicate")) is duplicate


def test_a_missing_part_or_as_of_is_shown_as_an_empty_value(claims):
    _, problems = claims
    assert by_line(problems, "figures.part_missing")[FIGURES, 3, "part"].value == ""
    assert by_line(problems, "figures.as_of_missing")[FIGURES, 4, "as_of"].value == ""


# ---- figure links ------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def links():
    """One copy with figures appended to link, and links between them. Returns {name: link line} and problems."""
    changed = tables()
    made = {}

    def add(name, relation, first, second):
        made[name] = append(changed, "figure_links", figure_id=first, related_id=second, relation=relation, note="")[
            LINE
        ]

    deployed = dict(measure="troops_deployed", counted="kpa_troops")
    same_day = dict(reported="2025-03-10", as_of="2025-03-10", qualifier="", low="", high="", stated_as="")
    for figure_id, cells in {
        "P1": dict(deployed, value="20000"),
        "P2": dict(deployed, value="15000"),
        "P3": dict(deployed, value="15000", claimant_id="ua-zelensky"),
        "P4": dict(deployed, value="15000", claimant_id="ua-syrskyi"),
        "P5": dict(measure="troops_present", counted="kpa_troops", value="20001"),
        "P6": dict(deployed, value="15001"),
        "P7": dict(measure="troops_deployed", counted="kpa_engineers", value="20002"),
        "P8": dict(deployed, value="15002"),
        "R1": dict(value="31", reported="2025-03-10"),
        "R2": dict(value="32", reported="2025-03-10"),
        "R3": dict(value="33", reported="2025-03-09"),
        "R4": dict(value="34", reported="2025-03-10"),
        "O1": dict(measure="troops_present", value="901"),
        "O2": dict(measure="troops_deployed", value="901"),
        "O3": dict(measure="troops_present", value="902"),
        "O4": dict(measure="troops_present", value="902", claimant_id="ua-zelensky"),
        "O5": dict(measure="troops_present", value="903"),
        "O6": dict(measure="troops_deployed", value="904"),
        "A1": dict(value="41", status="corrected", superseded_by="A2"),
        "A2": dict(value="42"),
        "A3": dict(value="43", status="retracted"),
        "M1": dict(measure="troops_present", value="951", source_id="S0001"),
        "M2": dict(measure="troops_deployed", value="951", source_id="S0001"),
        "N1": dict(measure="troops_present", value="952", source_id="S0001", claimant_id="ua-hur"),
        "N2": dict(measure="troops_deployed", value="952", source_id="S0001", claimant_id="ua-zelensky"),
        "L1": dict(measure="troops_present", value="953", source_id="S0001"),
        "L2": dict(measure="troops_deployed", value="953", source_id="S0001"),
        "S1": dict(measure="troops_present", value="954", source_id="S0001", place_id="kursk-oblast"),
        "S2": dict(measure="troops_present", value="954", source_id="S0001", place_id="russia"),
    }.items():
        made[figure_id] = figure(changed, figure_id, **(same_day | cells))[LINE]
    add("larger part", "part_of", "P1", "P2")
    add("equal part", "part_of", "P3", "P4")
    add("larger part, other measure", "part_of", "P5", "P6")
    add("larger part, other group", "part_of", "P7", "P8")
    add("repeat on the same day", "repeats", "R1", "R2")
    add("repeat a day before", "repeats", "R3", "R4")
    add("one number, two measures", "other_measure", "O1", "O2")
    add("one number, one measure", "other_measure", "O3", "O4")
    add("two numbers, two measures", "other_measure", "O5", "O6")
    add("retracted and corrected ends", "repeats", "A3", "A1")
    add("linked pair", "other_measure", "L1", "L2")
    return made, found(changed)


def test_a_part_larger_than_its_whole_is_reported_only_on_the_same_measure_and_group(links):
    made, problems = links
    larger = by_line(problems, "links.part_larger")
    assert larger[LINKS, made["larger part"], "relation"].value == "part_of"
    for name in ("equal part", "larger part, other measure", "larger part, other group"):
        assert (LINKS, made[name], "relation") not in larger, name


def test_a_repeat_reported_the_same_day_as_what_it_repeats_reads_forwards(links):
    made, problems = links
    backwards = by_line(problems, "links.repeats_direction")
    assert (LINKS, made["repeat a day before"], "figure_id") in backwards
    assert (LINKS, made["repeat on the same day"], "figure_id") not in backwards


def test_other_measure_joins_one_number_under_two_measures(links):
    made, problems = links
    wrong = by_line(problems, "links.other_measure")
    assert (LINKS, made["one number, two measures"], "relation") not in wrong
    assert wrong[LINKS, made["one number, one measure"], "relation"].value == "other_measure"
    assert wrong[LINKS, made["two numbers, two measures"], "relation"].value == "other_measure"


def test_a_link_to_a_row_that_no_longer_stands_names_its_fix(links):
    made, problems = links
    inactive = by_line(problems, "links.active")
    line = made["retracted and corrected ends"]
    assert "A2" in inactive[LINKS, line, "related_id"].message  # the corrected row's successor
    assert "drop the link" in inactive[LINKS, line, "figure_id"].message  # a retraction has none


def test_one_claimants_number_under_two_measures_on_one_page_wants_a_link(links):
    made, problems = links
    missing = by_line(problems, "links.other_measure_missing")
    unlinked = missing[FIGURES, made["M2"], "figure_id"]
    assert unlinked.value == "M2"
    assert "M1" in unlinked.message and "troops_present" in unlinked.message
    assert (FIGURES, made["N2"], "figure_id") not in missing  # two claimants' numbers
    assert (FIGURES, made["L2"], "figure_id") not in missing  # already linked
    assert (FIGURES, made["S2"], "figure_id") not in missing  # one measure, for two places


# ---- numbers a figure or citation states ----------------------------------------------------------------------

NUMBER_CASES = {
    # name: (cells, {(column, code), ...} the numbers rules must report, and nothing else)
    "less than, high is the value": (dict(qualifier="less_than", value="500", high="500"), set()),
    "less than, no high": (dict(qualifier="less_than", value="500"), {("high", "numbers.bound_missing")}),
    "less than, high not the value": (
        dict(qualifier="less_than", value="500", high="600"),
        {("high", "numbers.bound_not_value")},
    ),
    "at least, no low": (dict(qualifier="at_least", value="500"), {("low", "numbers.bound_missing")}),
    "range of one number": (
        dict(qualifier="range", value="100", low="100", high="100"),
        {("low", "numbers.range_order")},
    ),
    "range of one number, value off it": (
        dict(qualifier="range", value="200", low="100", high="100"),
        {("low", "numbers.range_order")},
    ),
    "range, value at its low": (dict(qualifier="range", value="100", low="100", high="200"), set()),
    "range, value at its high": (dict(qualifier="range", value="200", low="100", high="200"), set()),
    "range, value above it": (
        dict(qualifier="range", value="250", low="100", high="200"),
        {("value", "numbers.outside_range")},
    ),
    "no value": (dict(qualifier="at_least", value="", low="500"), set()),
    "range worded with other numbers": (
        dict(qualifier="range", value="150", low="100", high="200", stated_as="300 to 400"),
        {("stated_as", "stated.number")},
    ),
}


@pytest.fixture(scope="module")
def numbers():
    """One copy with a citation per case, and F0001 turned into a less_than figure. Returns lines and problems."""
    changed = tables()
    blank = dict(value="", low="", high="", qualifier="", stated_as="", stated_as_en="", note="")
    lines = {name: append(changed, "citations", **(blank | cells))[LINE] for name, (cells, _) in NUMBER_CASES.items()}
    row(changed, "figures", "figure_id", "F0001").update(qualifier="less_than", low="", high="8000", stated_as="")
    return lines, found(changed)


def numbers_codes(problems, file, line):
    return {
        (p.column, p.code)
        for p in problems
        if (p.file, p.line) == (file, line) and p.code.split(".")[0] in {"numbers", "stated"}
    }


@pytest.mark.parametrize("name", NUMBER_CASES)
def test_a_citations_number_is_judged_by_its_qualifier(numbers, name):
    lines, problems = numbers
    assert numbers_codes(problems, CITATIONS, lines[name]) == NUMBER_CASES[name][1]


def test_a_figure_less_than_its_high_is_valid(numbers):
    _, problems = numbers
    assert numbers_codes(problems, FIGURES, 2) == set()


def test_missing_bounds_are_shown_empty_and_a_wrong_range_as_low_to_high(numbers):
    lines, problems = numbers
    missing = by_line(problems, "numbers.bound_missing")
    assert missing[CITATIONS, lines["less than, no high"], "high"].value == ""
    assert missing[CITATIONS, lines["at least, no low"], "low"].value == ""
    wording = by_line(problems, "stated.number")[CITATIONS, lines["range worded with other numbers"], "stated_as"]
    assert "100 to 200" in wording.message


# ---- tables missing a column: nothing is invented for the absent cells ------------------------------------------


def test_cells_of_a_missing_column_are_not_judged():
    changed = tables()
    for citation in changed["citations"]:
        del citation["qualifier"]
    for event in changed["events"]:
        del event["claimant_id"]
    codes = {p.code for p in found(changed) if p.file in (CITATIONS, EVENTS)}
    assert not {"numbers.bound_extra", "references.id"} & codes


# ---- foreign keys ---------------------------------------------------------------------------------------------


def test_foreign_keys_are_looked_up_in_the_columns_they_name():
    rows = {
        "parents": [{"pid": "p1", LINE: 2}],
        "grid": [{"x": "a1", "y": "b1", LINE: 2}],
        "kids": [
            {"kid": "k1", "pid": "p1", "a": "a1", "b": "b1", LINE: 2},
            {"kid": "k2", "pid": "p9", "a": "a1", "b": "b9", LINE: 3},
        ],
    }
    fields = {
        "parents": [{"name": "pid"}],
        "grid": [{"name": "x"}, {"name": "y"}],
        "kids": [{"name": n} for n in ("kid", "pid", "a", "b")],
    }
    keys = {
        "kids": [
            {"fields": ["pid"], "reference": {"resource": "parents", "fields": ["pid"]}},
            {"fields": ["a", "b"], "reference": {"resource": "grid", "fields": ["x", "y"]}},
            {"fields": ["kid"], "reference": {"resource": "parents", "fields": ["kid"]}},
            {"fields": ["kid"], "reference": {"resource": "ghosts", "fields": ["kid"]}},
        ]
    }
    paths = {name: f"data/{name}.csv" for name in rows}
    problems = check(rows, paths, fields, keys)
    targets = [p.message for p in problems if p.code == "references.target"]
    assert len(targets) == 2, targets  # parents has no kid column; there is no ghosts table
    assert all("kid" in message for message in targets)
    unknown = {(p.line, p.column, p.value) for p in problems if p.code == "references.id"}
    assert unknown == {(3, "pid", "p9"), (3, "a", "a1,b9")}


# ---- dates ------------------------------------------------------------------------------------------------------

TODAY = date(2027, 1, 15)


def test_dates_inside_the_window_and_stored_at_their_precision():
    changed = tables()
    figures, events = changed["figures"], changed["events"]
    figures[0].update(reported="2027-01-15")  # today: inside
    figures[1].update(reported="2027-01-16")  # tomorrow: outside
    figures[2].update(as_of="2024-06-01", as_of_precision="day")  # the window's first day: inside
    figures[3].update(as_of="2024-05-31", as_of_precision="day")  # the day before: outside
    figures[4].update(as_of="2024-01-01", as_of_precision="year")  # a year reaching into the window: inside
    figures[5].update(as_of="2025-04-01", as_of_precision="month", period_start="2025-03-15", basis="increment")
    figures[6].update(as_of="2025-03-15", as_of_precision="month", period_start="")
    figures[7].update(as_of="2025-01-01", as_of_precision="year", period_start="2024-07-01", basis="increment")
    figures[8].update(as_of="2025-03-01", as_of_precision="month", period_start="2025-02-01", basis="increment")
    events[0].update(date="2024-01-01", date_precision="year")  # inside
    events[1].update(date="2024-05-01", date_precision="month")  # May 2024: outside
    events[2].update(date="2024-06-01", date_precision="day")  # inside
    problems = found(changed, today=TODAY)
    assert set(by_line(problems, "dates.window")) == {
        (FIGURES, 3, "reported"),
        (FIGURES, 5, "as_of"),
        (EVENTS, 3, "date"),
    }
    assert set(by_line(problems, "dates.precision")) == {
        (FIGURES, 7, "period_start"),
        (FIGURES, 8, "as_of"),
        (FIGURES, 9, "period_start"),
    }
