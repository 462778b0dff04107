"""The measure table against datapackage.json, and the validator's treatment of every measure's basis."""

import json

import pytest

from dprk_kursk.measures import MEASURES, TABLE, measure
from dprk_kursk.paths import DESCRIPTOR
from dprk_kursk.rules import Tables, run
from dprk_kursk.rules.context import LINE

FIGURE_FIELDS = {
    f["name"]: f
    for f in next(r for r in json.loads(DESCRIPTOR.read_text(encoding="utf-8"))["resources"] if r["name"] == "figures")[
        "schema"
    ]["fields"]
}


def enum(column):
    return FIGURE_FIELDS[column]["constraints"]["enum"]


def test_one_row_per_measure_of_the_descriptor_in_its_order():
    assert [m.name for m in TABLE] == enum("measure")


def test_definitions_are_the_descriptors():
    assert {m.name: m.definition for m in TABLE} == FIGURE_FIELDS["measure"]["x-vocabulary"]


def test_groups_bases_and_units_are_in_the_descriptors_vocabularies():
    for m in TABLE:
        assert m.group in m.groups and set(m.groups) <= set(enum("counted")), m.name
        assert m.basis in m.bases and set(m.bases) <= set(enum("basis")), m.name
        assert m.unit in enum("unit") and m.label, m.name


def test_units_by_hand():
    assert {m.name for m in TABLE if m.unit == "km2"} == {"territory_held_km2", "territory_recaptured_km2"}
    assert {m.name for m in TABLE if m.unit == "settlements"} == {"settlements_held", "settlements_recaptured"}


def test_unknown_measure_names_the_known_ones():
    with pytest.raises(KeyError, match="troops_present"):
        measure("troops_lost")


# The stock question, decided: the eleven running totals are never a stock; only troops_planned is a plan.
RUNNING_TOTALS = [
    "troops_deployed",
    "killed",
    "wounded",
    "casualties",
    "missing",
    "captured",
    "returned_home",
    "engineers_deployed",
    "builders_deployed",
    "territory_recaptured_km2",
    "settlements_recaptured",
]
ALLOWED = {name: {"cumulative", "increment"} for name in RUNNING_TOTALS} | {
    "troops_present": {"stock"},
    "troops_planned": {"plan"},
    "reinforcements_deployed": {"increment"},
    "territory_held_km2": {"stock"},
    "settlements_held": {"stock"},
}


def basis_problems(measure_name, basis):
    row = {"measure": measure_name, "basis": basis, LINE: 2}
    tables = Tables({"figures": [row]}, {"figures": "data/figures.csv"}, {"figures": []})
    return [p for p in run(tables) if p.code == "figures.basis"]


def test_running_totals_are_the_cumulative_measures():
    assert sorted(m.name for m in TABLE if m.basis == "cumulative") == sorted(RUNNING_TOTALS)


@pytest.mark.parametrize("name", list(ALLOWED))
@pytest.mark.parametrize("basis", ["stock", "cumulative", "increment", "plan"])
def test_the_validator_takes_each_basis_as_decided(name, basis):
    problems = basis_problems(name, basis)
    assert bool(problems) == (basis not in ALLOWED[name]), problems
    assert MEASURES[name].bases == ALLOWED[name]
