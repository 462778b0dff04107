"""Reading a `stated_as` phrase ("at least 8,000", "11,000 to 12,000") into its qualifier and numbers."""
import re

NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "dozens": None, "hundreds": None, "thousands": None,
}
MULTIPLIERS = {"hundred": 100, "thousand": 1_000, "million": 1_000_000}
NUMBER = re.compile(
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\b(?:" + "|".join(NUMBER_WORDS) + r")\b"
    r"|\ba(?=\s+(?:hundred|thousand|million)\b))"
    r"(?:\s*-?\s*(?P<mult>hundred|thousand|million)\b)?",
    re.IGNORECASE,
)
RANGE_JOINER = re.compile(r"^\s*(?:to|-|–|—|and|or)\s*$", re.IGNORECASE)
QUALIFIER_WORDS = [
    ("at_least", r"\bat least\b|\bno (?:fewer|less) than\b|\bminimum of\b"),
    ("more_than", r"\bmore than\b|\bover\b|\babove\b|\bupwards of\b|\bin excess of\b|\bexceed"),
    ("up_to", r"\bup to\b|\bat most\b|\bas many as\b|\bmaximum of\b"),
    ("less_than", r"\bfewer than\b|\bless than\b|\bunder\b|\bbelow\b"),
    ("about", r"\babout\b|\bapproximately\b|\bapprox\.|\baround\b|\bnearly\b|\balmost\b|\bsome\b"
              r"|\bestimated\b|\broughly\b|\bclose to\b|~|\ban estimated\b|\broughly\b"),
]

QUALIFIER_PATTERNS = [(qualifier, re.compile(words, re.IGNORECASE)) for qualifier, words in QUALIFIER_WORDS]


def numbers_in(phrase: str) -> list:
    """The numbers a phrase states, in order, with 'thousand'/'million' applied; words map to integers."""
    found = []
    for match in NUMBER.finditer(phrase):
        raw, mult = match.group("num"), match.group("mult")
        word = 1 if raw.lower() == "a" else NUMBER_WORDS.get(raw.lower(), 0) if raw.isalpha() else 0
        if raw.isalpha() and word is None:
            continue
        number = word if raw.isalpha() else float(raw.replace(",", ""))
        found.append((number * MULTIPLIERS.get((mult or "").lower(), 1), match.start(), match.end()))
    return found


def read_stated(phrase: str):
    """Return (qualifier, numbers) that the phrase expresses; qualifier is one of the schema's enum."""
    found = numbers_in(phrase)
    numbers = [n for n, _, _ in found]
    if len(found) >= 2 and RANGE_JOINER.match(phrase[found[0][2]:found[1][1]]):
        return "range", numbers[:2]
    for qualifier, pattern in QUALIFIER_PATTERNS:
        if pattern.search(phrase):
            return qualifier, numbers
    return "exact", numbers
