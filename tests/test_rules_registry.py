"""The rule registry: every registered rule has a corruption case, every case names a known code, the runner
finds rules by registration, and messages say how to fix what they report."""

import ast
from datetime import date, timedelta

import pytest
import rules_kit
from conftest import set_cell
from test_corruption import CELL_CASES, ROW_CASES, STRUCTURAL

from dprk_kursk.paths import ROOT
from dprk_kursk.rules import CODES, RULES, Finding, Tables, rule, run
from dprk_kursk.rules.context import LINE
from dprk_kursk.validate import validate

CASE_CODES = {case[-1] for case in CELL_CASES + ROW_CASES + STRUCTURAL if case[-1]} | {"sources.uncited"}


def test_every_registered_rule_has_a_corruption_case():
    assert sorted(set(RULES) - CASE_CODES) == []


def test_every_corruption_case_names_a_known_code():
    assert sorted(CASE_CODES - set(CODES)) == []


def test_codes_name_their_table_or_concern():
    assert all(code.count(".") == 1 and code == code.lower() for code in CODES)


def test_registering_a_rule_twice_is_refused():
    with pytest.raises(ValueError, match="registered twice"):
        rule(next(iter(RULES)))(lambda tables: [])


def test_a_registered_rule_runs_without_being_listed_when_the_tables_it_needs_were_read():
    def every_claimant(tables):
        """Reports every claimant (a rule registered here only)."""
        return (Finding("claimants", row, "name", "seen", row["name"]) for row in tables.rows("claimants"))

    def every_event(tables):
        """Reports every event, and the descriptor (a rule registered here only)."""
        yield Finding(None, {}, "resources", "descriptor seen")
        yield from (Finding("events", row, "summary", "seen") for row in tables.rows("events"))

    registered = rule("test.every_claimant", "claimants")(every_claimant)
    rule("test.every_event", "events")(every_event)
    try:
        tables = Tables({"claimants": [{"name": "A", LINE: 2}]}, {"claimants": "data/claimants.csv"}, {"claimants": []})
        claimants = [p for p in run(tables) if p.code.startswith("test.")]
        tables.tables["events"], tables.paths["events"] = [{"summary": "s", LINE: 7}], "data/events.csv"
        events = [p for p in run(tables) if p.code == "test.every_event"]
    finally:
        for code in ("test.every_claimant", "test.every_event"):
            del RULES[code], CODES[code]
    assert registered is every_claimant, "a rule stays a plain function after registration, callable on its own"
    assert [(p.file, p.line, p.column, p.value) for p in claimants] == [("data/claimants.csv", 2, "name", "A")]
    assert [(p.file, p.line, p.column, p.value) for p in events] == [
        ("datapackage.json", 1, "resources", ""),
        ("data/events.csv", 7, "summary", ""),
    ]


def test_a_rule_without_a_docstring_is_refused_by_its_code():
    with pytest.raises(ValueError, match="test.undocumented needs a docstring"):
        rule("test.undocumented")(lambda tables: [])
    assert "test.undocumented" not in CODES


def test_the_day_the_rules_take_as_today_can_be_set():
    changed = rules_kit.tables()
    latest = max(date.fromisoformat(r["accessed"]) for r in changed["sources"])
    last_read = {("data/sources.csv", r[LINE], "accessed") for r in changed["sources"] if r["accessed"] == str(latest)}
    future = {(f, line, c) for f, line, c, _ in rules_kit.problems(changed, today=latest - timedelta(days=1))}
    assert last_read and last_read <= future
    assert rules_kit.problems(changed, today=latest) == []


def test_no_class_over_120_lines_and_no_function_over_50():
    too_long = []
    for path in sorted((ROOT / "dprk_kursk").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            limit = 120 if isinstance(node, ast.ClassDef) else 50
            if isinstance(node, (ast.ClassDef, ast.FunctionDef)) and node.end_lineno - node.lineno + 1 > limit:
                too_long.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.name}")
    assert too_long == []


def only(problems, file, line):
    return [p for p in problems if (p.file, p.line) == (file, line)]


def test_misspelt_measure_names_the_nearest_and_every_allowed_value(package_copy):
    set_cell(package_copy, "data/figures.csv", 4, "measure", "troops_presnet")
    [problem] = only(validate(package_copy).problems, "data/figures.csv", 4)
    assert problem.code == "schema.enum" and "did you mean troops_present?" in problem.message
    assert problem.message.endswith(
        "territory_held_km2, settlements_held, territory_recaptured_km2, settlements_recaptured"
    )
    assert str(problem).count(", ") == 15  # all sixteen measures, the last included


def test_wrong_date_format_names_the_expected_one(package_copy):
    set_cell(package_copy, "data/events.csv", 3, "date", "07/08/2024")
    [problem] = only(validate(package_copy).problems, "data/events.csv", 3)
    assert problem.code == "schema.type" and "YYYY-MM-DD" in problem.message


def test_unquoted_thousands_is_one_problem_at_its_line(package_copy):
    path = package_copy / "data" / "figures.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    assert ",3000," in lines[2]
    lines[2] = lines[2].replace(",3000,", ",3,000,", 1)
    path.write_text("".join(lines), encoding="utf-8")
    problems = validate(package_copy).problems
    assert [(p.file, p.line, p.code) for p in problems] == [("data/figures.csv", 3, "file.row_length")]
    assert '"8,000"' in problems[0].message


def test_broken_quote_is_one_problem_at_its_line(package_copy):
    path = package_copy / "data" / "figures.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[5] = lines[5].replace(",people,", ',"people,', 1)
    path.write_text("".join(lines), encoding="utf-8")
    problems = validate(package_copy).problems
    assert [(p.file, p.line, p.code) for p in problems] == [("data/figures.csv", 6, "file.quote")]
