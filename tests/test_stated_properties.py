"""Properties of the phrase reader: numbers written every way the pages write them, with qualifier words and range
forms in each language, read back to the number that was written and the qualifier's side."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dprk_kursk.stated import read_stated

# Fixed and derandomised, so every run (and CI) tries the same examples; small enough for `make test`'s budget.
FAST = settings(
    max_examples=40, derandomize=True, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
)
SEPARATORS = [",", ".", " ", "\u00a0", "\u202f", ""]
# Which side of the number a qualifier puts the truth on: a floor, a ceiling, or around it.
SIDE = {
    "at_least": "floor",
    "more_than": "floor",
    "up_to": "ceiling",
    "less_than": "ceiling",
    "about": "around",
    "exact": "around",
}
WORDS = [
    ("at least {}", "floor"),
    ("{} or more", "floor"),
    ("щонайменше {}", "floor"),
    ("не менее {}", "floor"),
    ("최소 {}명", "floor"),
    ("{}명 이상", "floor"),
    ("{}人以上", "floor"),
    ("mindestens {}", "floor"),
    ("more than {}", "floor"),
    ("понад {}", "floor"),
    ("свыше {}", "floor"),
    ("{}명이 넘는", "floor"),
    ("{}人あまり", "floor"),
    ("más de {}", "floor"),
    ("plus de {}", "floor"),
    ("ponad {}", "floor"),
    ("up to {}", "ceiling"),
    ("до {}", "ceiling"),
    ("최대 {}명", "ceiling"),
    ("bis zu {}", "ceiling"),
    ("hasta {}", "ceiling"),
    ("fewer than {}", "ceiling"),
    ("менше {}", "ceiling"),
    ("меньше {}", "ceiling"),
    ("{}명 미만", "ceiling"),
    ("unter {}", "ceiling"),
    ("about {}", "around"),
    ("близько {}", "around"),
    ("около {}", "around"),
    ("약 {}명", "around"),
    ("{}여 명", "around"),
    ("約{}人", "around"),
    ("circa {}", "around"),
    ("omkring {}", "around"),
    ("{}", "around"),
]
JOINERS = [" to ", "-", "–", "—", " – ", " до ", "～", "〜", "~", " or ", " bis ", " til "]


def written(number: int, separator: str) -> str:
    """`number` in digits, thousands grouped with `separator`."""
    return f"{number:,}".replace(",", separator)


@FAST
@given(st.integers(0, 9_999_999), st.sampled_from(SEPARATORS), st.sampled_from(WORDS))
def test_a_qualified_number_reads_back_with_its_side(number, separator, word):
    template, side = word
    qualifier, numbers = read_stated(template.format(written(number, separator)))
    assert numbers == [number]
    assert SIDE[qualifier] == side


@FAST
@given(st.integers(1, 9_999_999), st.integers(1, 9_999_999), st.sampled_from(SEPARATORS), st.sampled_from(JOINERS))
def test_a_range_reads_back_low_to_high(a, b, separator, joiner):
    low, high = sorted((a, b))
    qualifier, numbers = read_stated(f"{written(low, separator)}{joiner}{written(high, separator)}")
    # "2 to 3,000" is read as 2,000 to 3,000: the thousand after the second number applies to the first
    both_thousands = low < 1_000 <= high and high % 1_000 == 0 and low * 1_000 <= high
    assert qualifier == "range"
    assert numbers == [low * 1_000 if both_thousands else low, high]
    assert numbers[0] <= numbers[1]


@FAST
@given(st.integers(1, 999), st.integers(1_000, 9_999_999), st.sampled_from(SEPARATORS), st.sampled_from(JOINERS))
def test_no_multiplier_lifts_a_first_number_above_the_second(low, high, separator, joiner):
    qualifier, numbers = read_stated(f"{low}{joiner}{written(high, separator)}")
    assert numbers[1] == high and numbers[0] <= high
    assert numbers[0] in (low, low * 1_000)


@FAST
@given(
    st.integers(1, 99),
    st.integers(0, 9_999),
    st.sampled_from(["만", "万", "萬"]),
    st.sampled_from(["", " "]),
    st.sampled_from(["", " 명", "人", "名"]),
)
def test_myriads(myriads, rest, sign, space, noun):
    tail = f"{space}{rest}" if rest else ""
    assert read_stated(f"{myriads}{sign}{tail}{noun}") == ("exact", [myriads * 10_000 + rest])


@FAST
@given(st.integers(1, 99), st.integers(1, 9), st.integers(0, 999), st.sampled_from([("만", "천"), ("万", "千")]))
def test_myriads_and_thousands(myriads, thousands, rest, signs):
    myriad, thousand = signs
    phrase = f"{myriads}{myriad}{thousands}{thousand}{rest or ''}"
    assert read_stated(phrase)[1] == [myriads * 10_000 + thousands * 1_000 + rest]


@FAST
@given(
    st.integers(1, 99_999),
    st.integers(0, 9),
    st.sampled_from(["тисяч", "тисячі", "тис.", "тыс.", "тысяч", "mila", "tausend"]),
)
def test_thousand_words_with_a_decimal_comma(whole, tenth, word):
    phrase = f"{whole},{tenth} {word}" if tenth else f"{whole} {word}"
    assert read_stated(phrase) == ("exact", [whole * 1_000 + tenth * 100])


@FAST
@given(
    st.integers(1, 998),
    st.integers(1, 999),
    st.sampled_from(["-", "–", " до ", "～"]),
    st.sampled_from(["тис.", "тыс.", "тисяч", "тысяч"]),
)
def test_a_thousand_word_after_a_range_applies_to_both_ends(a, b, joiner, word):
    low, high = sorted((a, b if b != a else a + 1))
    assert read_stated(f"{low}{joiner}{high} {word}") == ("range", [low * 1_000, high * 1_000])


@FAST
@given(st.integers(1, 99), st.integers(1, 99), st.sampled_from(["만", "万"]), st.sampled_from(["에서 ", "～", "-"]))
def test_a_range_of_myriads(a, b, sign, joiner):
    low, high = sorted((a, b))
    assert read_stated(f"{low}{sign}{joiner}{high}{sign}") == ("range", [low * 10_000, high * 10_000])
