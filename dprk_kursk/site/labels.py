"""Every word the site and the generated documents use for a code of the data, in one place.

Definitions come from the descriptor's x-vocabulary (one home for each meaning); these are the short labels a
reader sees. A measure's label lives in the measure table (`dprk_kursk.measures`), with its other facts.
"""

from dprk_kursk.measures import MEASURES

MEASURE_LABELS = {name: measure.label for name, measure in MEASURES.items()}
COUNTED = {
    "kpa_troops": "North Korean troops",
    "kpa_combat_troops": "North Korean combat troops",
    "kpa_engineers": "North Korean engineers",
    "kpa_builders": "North Korean builders",
    "kpa_engineers_builders": "North Korean engineers and builders",
    "ua_forces": "Ukrainian forces",
    "ru_forces": "Russian forces",
}
BASIS_WORDS = {
    "stock": "level on the day",
    "cumulative": "total so far",
    "increment": "over a period",
    "plan": "planned",
}
# How a link reads from the figure whose page shows it ("F0004 is part of F0003"; "F0003 includes F0004").
RELATION = {
    "part_of": "part of",
    "includes": "includes",
    "adds_to": "a later wave on",
    "followed_by": "followed by",
    "other_measure": "same number, other measure, in",
    "repeats": "restates",
    "repeated_by": "restated by",
}
# The same, as a sentence on a figure's own page: "F0004 is part of F0003".
RELATION_SENTENCE = {
    "part_of": "is part of",
    "includes": "includes",
    "adds_to": "is a later wave on top of",
    "followed_by": "is followed by the later wave",
    "other_measure": "is the same number, counted as another measure, as",
    "repeats": "restates",
    "repeated_by": "is restated by",
}
# A claim's bounds in words, by qualifier; {v}, {low} and {high} are the formatted numbers.
BOUNDS_WORDS = {
    "exact": "{v}: stated plainly, no qualifying word",
    "about": "about {v}: an estimate, no stated floor or ceiling",
    "at_least": "at least {low}: a floor, no ceiling",
    "more_than": "more than {low}: a floor, no ceiling",
    "up_to": "up to {high}: a ceiling, no floor",
    "less_than": "fewer than {high}: a ceiling, no floor",
    "range": "{low} to {high}: a floor and a ceiling",
}
PRECISION_WORDS = {
    "day": "to the day",
    "month": "to the month",
    "year": "to the year",
    "undated": "not dated by the source",
}
STATUS_WORDS = {"corrected": "was corrected", "retracted": "was retracted", "duplicate": "duplicates another figure"}


def country_label(country) -> str:
    """A claimant's country as a label: its value in claimants.csv (required, one of a closed list that the
    validator keeps free of words a CSV reader takes for missing)."""
    return str(country)
