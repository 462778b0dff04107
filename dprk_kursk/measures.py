"""The measure table: one row per measure of figures.csv, the single home of what each measure counts.

The validator's rules (which must start without pandas), the analysis, the troop balance and (from the next
release) the site and charts read each measure's facts from here. `tests/test_measures.py` holds the table
against the `measure` enum, its definitions (`x-vocabulary`) and the `counted`, `basis` and `unit` enums of
datapackage.json.

The stock question, decided for every running total (basis `cumulative`): none of the eleven may be a `stock`.
A number of troops "there now" is `troops_present`; a total sent, killed, captured, sent home or retaken counts
what happened so far and may fall only by correction, so the same number as a level on a day is another
measure. Each may also be an `increment` (a wave or a period's toll), never a `plan` (only `troops_planned`).
"""

from dataclasses import dataclass

KPA = frozenset({"kpa_troops", "kpa_combat_troops", "kpa_engineers", "kpa_builders", "kpa_engineers_builders"})
RUNNING_TOTAL = frozenset({"cumulative", "increment"})
DEFAULT_GROUP = "kpa_troops"


@dataclass(frozen=True)
class Measure:
    """One measure: the group it counts when the whole is meant (`group`), the groups it may count (`groups`),
    the basis it is compared on (`basis`) and the bases a row may take (`bases`), its unit, the short label a
    reader sees on the site, in charts and tables, and its definition in plain words (the descriptor's x-vocabulary text). `places`, when set,
    are the places a figure for it may name in the troop balance."""

    name: str
    group: str
    groups: frozenset
    basis: str
    bases: frozenset
    unit: str
    label: str
    definition: str
    places: frozenset = None


def troops(name, basis, label, definition, bases=None, places=None):
    """A measure of North Korean personnel: any KPA group, counted in people."""
    return Measure(
        name,
        DEFAULT_GROUP,
        KPA,
        basis,
        frozenset(bases or {basis}),
        "people",
        label,
        definition,
        places and frozenset(places),
    )


def total(name, group, unit, label, definition, groups=None):
    """A running total (basis cumulative; never a stock, see the module's docstring)."""
    return Measure(name, group, frozenset(groups or {group}), "cumulative", RUNNING_TOTAL, unit, label, definition)


TABLE = [
    troops(
        "troops_deployed",
        "cumulative",
        "troops sent",
        "North Korean personnel sent so far, in total, whether "
        "or not still there (the claimant says they were sent or deployed)",
        RUNNING_TOTAL,
        {"russia", "kursk-oblast"},
    ),
    troops(
        "troops_present",
        "stock",
        "troops there",
        "personnel in the place on the as_of day (the claimant says they are or remain there)",
        places={"kursk-oblast"},
    ),
    troops(
        "troops_planned",
        "plan",
        "troops planned",
        "personnel planned, pledged or expected to be sent, in total or in addition as note and part say",
    ),
    troops(
        "reinforcements_deployed",
        "increment",
        "reinforcements sent",
        "one later wave sent on top of those sent before: "
        "part of troops_deployed, never added to a total that already includes it",
    ),
    total("killed", DEFAULT_GROUP, "people", "killed", "personnel killed", KPA),
    total("wounded", DEFAULT_GROUP, "people", "wounded", "personnel wounded", KPA),
    total(
        "casualties",
        DEFAULT_GROUP,
        "people",
        "killed or wounded",
        "killed and wounded together (some claimants include missing and captured)",
        KPA,
    ),
    total("missing", DEFAULT_GROUP, "people", "missing", "missing in action", KPA),
    total("captured", DEFAULT_GROUP, "people", "captured", "taken prisoner by Ukraine", KPA),
    total("returned_home", DEFAULT_GROUP, "people", "returned home", "personnel who went back to North Korea", KPA),
    total(
        "engineers_deployed",
        "kpa_engineers",
        "people",
        "engineers sent",
        "engineers or deminers sent (counted: kpa_engineers)",
    ),
    total(
        "builders_deployed",
        "kpa_builders",
        "people",
        "builders sent",
        "military construction workers sent (counted: kpa_builders)",
    ),
    Measure(
        "territory_held_km2",
        "ua_forces",
        frozenset({"ua_forces"}),
        "stock",
        frozenset({"stock"}),
        "km2",
        "ground held (km²)",
        "area of Kursk Oblast held by Ukrainian forces",
    ),
    Measure(
        "settlements_held",
        "ua_forces",
        frozenset({"ua_forces"}),
        "stock",
        frozenset({"stock"}),
        "settlements",
        "settlements held",
        "settlements in Kursk Oblast held by Ukrainian forces",
    ),
    total("territory_recaptured_km2", "ru_forces", "km2", "ground retaken (km²)", "area Russia said it took back"),
    total(
        "settlements_recaptured",
        "ru_forces",
        "settlements",
        "settlements retaken",
        "settlements Russia said it took back",
    ),
]
MEASURES = {measure.name: measure for measure in TABLE}


def measure(name: str) -> Measure:
    """The named measure; KeyError naming the known measures for any other name."""
    try:
        return MEASURES[name]
    except KeyError:
        raise KeyError(f"no measure {name!r}; known: {', '.join(MEASURES)}") from None
