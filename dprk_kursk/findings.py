"""The notebooks' findings as sentences built from computed values, so that nbval fails when the data moves them.

A finding cell computes its numbers and ends with `say(...)`: the sentence shows as Markdown in the notebook and
the report, and as the same text in `text/plain`, which nbval compares with the committed output. Comparative
words come from the rules below, never from the author's reading of one run; `rules()` states them in the
notebook.
"""

import pandas as pd

ALMOST_ALL = 0.9  # "almost all": at least nine in ten
FEW = 0.1  # "few": fewer than one in ten (and more than none)
FOLD = 2  # "N times": said only when one number is at least twice the other
# How a sentence names each qualifier of the schema.
WORDING = {
    "exact": "a plain number",
    "about": "“about”",
    "at_least": "“at least”",
    "more_than": "“more than”",
    "up_to": "“up to”",
    "less_than": "“less than”",
    "range": "a range",
}


class Finding:
    """A computed sentence: Markdown in the notebook's rendered output, the same text in its plain output."""

    def __init__(self, text: str):
        self.text = text

    def _repr_markdown_(self) -> str:
        return self.text

    def __repr__(self) -> str:
        return self.text


def say(*lines: str) -> Finding:
    """One paragraph per line; lines that start with '- ' make a list."""
    return Finding("\n".join(lines) if all(line.startswith("- ") for line in lines) else "\n\n".join(lines))


def number(value) -> str:
    """A whole number with thousands separators (people, km², settlements): 15,000; -2,000."""
    return f"{float(value):,.0f}"


def day_text(value) -> str:
    """A date as a reader writes it: 11 February 2026."""
    value = pd.Timestamp(value)
    return f"{value.day} {value:%B %Y}"


def month_text(value) -> str:
    """A month as a reader writes it: August 2024."""
    return f"{pd.Timestamp(value):%B %Y}"


def share(part: int, whole: int) -> str:
    """'152 of 195 (78%)'."""
    return f"{part:,} of {whole:,} ({part / whole:.0%})"


def quantifier(part: int, whole: int) -> str:
    """The word for `part` out of `whole`: all, almost all, most, half, some, few, none (thresholds above)."""
    if whole <= 0 or part < 0 or part > whole:
        raise ValueError(f"{part} of {whole} is not a share")
    ratio = part / whole
    if part == whole:
        return "all"
    if part == 0:
        return "none"
    if ratio >= ALMOST_ALL:
        return "almost all"
    if ratio > 0.5:
        return "most"
    if ratio == 0.5:
        return "half"
    return "few" if ratio < FEW else "some"


def compared(larger: float, smaller: float) -> str:
    """'4 times' when `larger` is at least FOLD times `smaller`, else 'not twice'; both positive."""
    if larger <= 0 or smaller <= 0:
        raise ValueError("compare positive numbers only")
    ratio = larger / smaller
    return f"{ratio:.0f} times" if ratio >= FOLD else "less than twice"


def direction(first: float, last: float) -> str:
    """'rose', 'fell' or 'did not change' from `first` to `last`."""
    return "rose" if last > first else "fell" if last < first else "did not change"


def runs(series: pd.Series) -> list:
    """Consecutive stretches of one value in an ordered series: [(value, first label, last label), ...]."""
    stretches = []
    for label, value in series.items():
        if stretches and stretches[-1][0] == value:
            stretches[-1] = (value, stretches[-1][1], label)
        else:
            stretches.append((value, label, label))
    return stretches


def rules() -> Finding:
    """The thresholds behind every comparative word the findings use, stated once per notebook."""
    return say(
        f"*How the findings word shares:* **all** and **none** mean exactly that; **almost all** at least "
        f"{ALMOST_ALL:.0%}; **most** more than half; **half** exactly half; **few** under {FEW:.0%}; "
        f"**some** anything else. One number is called *N times* another only when it is at least "
        f"{FOLD} times as large; *rose* and *fell* compare the first and last value of a series."
    )
