"""Reading a `stated_as` phrase ("at least 8,000", "11,000 to 12,000") into its qualifier and numbers.

English phrases are read as written. Pages in other languages (citations keep each page's own words) are
first brought to the same form: full-width digits, Korean and Japanese myriads (1만2000, 1万1000, 5천),
thousands written with spaces or dots (11 000, 6.000), decimal commas (1,1 тис.), and the common words for
thousand; their qualifier words (понад, близько, 최소, 여, 約, más de, circa, …) map to the same qualifiers.
Words for "a thousand" on their own (тисячу, тысяча, ألف) and a bare myriad (만) are read as numbers; any other
number spelled out in another language (чотирьох тисяч, un centinaio) is not read, and the phrase states no number.
"""

import re
import unicodedata

NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}
MULTIPLIERS = {"hundred": 100, "thousand": 1_000, "million": 1_000_000}
# Words for "thousand" after a number, and for "a thousand" on their own, in the pages' other languages.
THOUSAND_AFTER = r"тисяч[іау]?|тис\.?|тысяч[иау]?|тыс\.?|mila|tausend|tisíc|хиляди|آلاف|ألف"
THOUSAND_ALONE = r"тисячу|тисяча|тисячі|тысячу|тысяча|тысячи|ألف"
NUMBER = re.compile(
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\b(?:" + "|".join(NUMBER_WORDS) + r")\b"
    r"|\ba(?=\s+(?:hundred|thousand|million)\b))"
    r"(?:\s*-?\s*(?P<mult>hundred|thousand|million)\b)?",
    re.IGNORECASE,
)
RANGE_JOINER = re.compile(r"^\s*(?:명|人|名)?\s*(?:to|-|–|—|and|or|~|〜|에서|до|a|à|bis|til)\s*$", re.IGNORECASE)
QUALIFIER_WORDS = [
    (
        "at_least",
        r"\bat least\b|\bor more\b|\bno (?:fewer|less) than\b|\bminimum of\b"
        r"|щонайменше|не менше|не менее|как минимум|최소|이상|mindestens|að minnsta kosti|vähemalt|alespoň"
        r"|\balmeno\b|al menos|au moins|minstens|\bmindst\b|\bzeker\b|以上",
    ),
    (
        "more_than",
        r"\bmore than\b|\bover\b|\babove\b|\bupwards of\b|\bin excess of\b|\bexceed"
        r"|понад|більш ніж|більше|более|больше|свыше|넘는|넘어|넘었|넘은|あまり|más de|più di|\boltre\b"
        r"|plus de|mehr als|über|أكثر من|meira en|\bpřes\b|повече от|\bponad\b|\bsurpass",
    ),
    (
        "up_to",
        r"\bup to\b|\bat most\b|\bas many as\b|\bmaximum of\b"
        r"|(?<![\w-])до(?![\w-])|최대|ما يصل|\baž\b|bis zu|fino a|hasta|jusqu'à",
    ),
    ("less_than", r"\bfewer than\b|\bless than\b|\bunder\b|\bbelow\b|менше|меньше|미만|\bunter\b"),
    (
        "about",
        r"\babout\b|\bapproximate(?:ly)?\b|\bapprox\.|\baround\b|\bnearly\b|\balmost\b|\bsome\b"
        r"|\bestimated\b|\broughly\b|\bclose to\b|~|\bapproach(?:ing|es)\b"
        r"|близько|около|приблизно|примерно|орієнтовно|ориентировочно|майже|почти|околу|약|\d\s*여|가까이|가량|정도|규모"
        r"|約|近く|規模|cerca de|\bunos\b|\bcirca\b|\betwa\b|\brund\b|\bum\b|حوالي|نحو|قرابة|aproximativ"
        r"|aproximadamente|quelque|environ|ongeveer|bijna|\bquasi\b|\bkolem\b|sekitar|yaklaşık|körülbelül|περίπου|σχεδόν"
        r"|alrededor de|\bomkring\b|\brundt\b|\bumbes\b",
    ),
]

QUALIFIER_PATTERNS = [(qualifier, re.compile(words, re.IGNORECASE)) for qualifier, words in QUALIFIER_WORDS]


MYRIAD = re.compile(r"(?:(\d+)\s*|(?<!\w))[만万萬]\s*(?:(\d+)\s*[천千]\s*(\d+)?|(\d+))?")
THOUSANDS_CJK = re.compile(r"(\d+)\s*[천千]\s*(\d+)?")
HUNDREDS_CJK = re.compile(r"(\d+)\s*백")


def digits(number: float) -> str:
    """A number as plain digits (no exponent, no float noise): 1100.0000000000002 -> '1100', 1e6 -> '1000000'."""
    number = round(number, 3)
    return str(int(number)) if number.is_integer() else str(number)


def normalised(phrase: str) -> str:
    """The phrase with digits, myriads, thousand separators, decimal commas and 'thousand' words made uniform."""
    text = unicodedata.normalize("NFKC", phrase).replace("’", "'")
    text = re.sub(r"(?<=\d)[ \u00a0\u202f](?=\d{3}(?!\d))", "", text)  # 11 000 -> 11000
    text = re.sub(r"(?<=\d)\.(?=\d{3}(?!\d))", "", text)  # 6.000 -> 6000
    text = re.sub(r"(?<=\d),(?=\d{1,2}(?!\d))", ".", text)  # 1,1 тис. -> 1.1 тис.
    text = HUNDREDS_CJK.sub(lambda m: str(int(m.group(1)) * 100), text)
    text = MYRIAD.sub(
        lambda m: str(
            int(m.group(1) or 1) * 10_000 + int(m.group(2) or 0) * 1_000 + int(m.group(3) or 0) + int(m.group(4) or 0)
        ),
        text,
    )
    text = THOUSANDS_CJK.sub(lambda m: str(int(m.group(1)) * 1_000 + int(m.group(2) or 0)), text)
    text = re.sub(
        rf"(\d+(?:\.\d+)?)\s*(?:{THOUSAND_AFTER})(?!\w)",
        lambda m: digits(float(m.group(1)) * 1_000),
        text,
        flags=re.IGNORECASE,
    )
    return re.sub(rf"(?<![\w\d.])(?:{THOUSAND_ALONE})(?!\w)", "1000", text, flags=re.IGNORECASE)


def numbers_in(phrase: str) -> list:
    """The numbers a phrase states, in order, with 'thousand'/'million' applied; words map to integers."""
    found = []
    for match in NUMBER.finditer(phrase):
        raw, mult = match.group("num"), match.group("mult")
        number = (
            1 if raw.lower() == "a" else NUMBER_WORDS[raw.lower()] if raw.isalpha() else float(raw.replace(",", ""))
        )
        found.append((number * MULTIPLIERS[mult.lower()] if mult else number, match.start(), match.end()))
    return found


def read_stated(phrase: str):
    """Return (qualifier, numbers) that the phrase expresses; qualifier is one of the schema's enum."""
    phrase = normalised(phrase)
    found = numbers_in(phrase)
    numbers = [n for n, _, _ in found]
    if len(found) >= 2 and RANGE_JOINER.match(phrase[found[0][2] : found[1][1]]):
        low, high = numbers[:2]
        if low < 1_000 <= high and high % 1_000 == 0 and low * 1_000 <= high:
            low *= 1_000  # "25-30 тыс.": the thousand after the second number applies to both
        return "range", [low, high]
    for qualifier, pattern in QUALIFIER_PATTERNS:
        if pattern.search(phrase):
            return qualifier, numbers
    return "exact", numbers
