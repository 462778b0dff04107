"""How a stated_as phrase is read: the qualifier its words imply and the numbers it states."""

import re

import pytest

from dprk_kursk import stated
from dprk_kursk.stated import read_stated


@pytest.mark.parametrize(
    "phrase, qualifier, numbers",
    [
        ("at least 8,000", "at_least", [8000]),
        ("about 3,000", "about", [3000]),
        ("an estimated 15,000", "about", [15000]),
        ("around 1,000", "about", [1000]),
        ("nearly 12,000", "about", [12000]),
        ("more than 1,250", "more_than", [1250]),
        ("over 10,000", "more_than", [10000]),
        ("up to 3,000", "up_to", [3000]),
        ("as many as 10,000", "up_to", [10000]),
        ("fewer than 100", "less_than", [100]),
        ("11,000 to 12,000", "range", [11000, 12000]),
        ("11,000-12,000", "range", [11000, 12000]),
        ("between 25,000 and 30,000", "range", [25000, 30000]),
        ("92", "exact", [92]),
        ("two", "exact", [2]),
        ("11 thousand", "exact", [11000]),
        ("1.5 million", "exact", [1500000]),
        # spelled out and hyphenated
        ("some 15-hundred", "about", [1500]),
        ("roughly 27-hundred", "about", [2700]),
        ("some three-thousand", "about", [3000]),
        ("Eight thousand", "exact", [8000]),
        ("more than a hundred", "more_than", [100]),
        ("about a thousand", "about", [1000]),
        ("a total of 15,000", "exact", [15000]),
        ("approaching 1,000", "about", [1000]),
    ],
)
def test_phrase_is_read_as_stated(phrase, qualifier, numbers):
    assert read_stated(phrase) == (qualifier, numbers)


def test_a_phrase_without_a_number_states_none():
    assert read_stated("several dozen")[1] == []


@pytest.mark.parametrize(
    "phrase, qualifier, numbers",
    [
        ("понад 1250", "more_than", [1250]),
        ("близько 11 тисяч", "about", [11000]),
        ("орієнтовно 1,1 тис.", "about", [1100]),
        ("дополнительно 25-30 тыс.", "range", [25000, 30000]),
        ("від 25 до 30 тисяч", "range", [25000, 30000]),
        ("до 8000", "up_to", [8000]),
        ("щонайменше 12 тисяч", "at_least", [12000]),
        ("близько тисячі", "about", [1000]),
        ("1 376 квадратних кілометрів", "exact", [1376]),
        ("총 1만5000여 명", "about", [15000]),
        ("약 1만 2000명", "about", [12000]),
        ("1만1천 명에서 1만2천 명", "range", [11000, 12000]),
        ("최소 100여명", "at_least", [100]),
        ("3천 명 넘는", "more_than", [3000]),
        ("총 4천700명", "exact", [4700]),
        ("約１万１０００人", "about", [11000]),
        ("3千人あまり", "more_than", [3000]),
        ("8000〜1万人", "range", [8000, 10000]),
        ("Più di 3.000", "more_than", [3000]),
        ("circa 8.000", "about", [8000]),
        ("حوالي 5 آلاف", "about", [5000]),
        ("11mila", "exact", [11000]),
        ("an approximate 4,000", "about", [4000]),
        ("1000人以上", "at_least", [1000]),
        ("Alrededor de 8.000", "about", [8000]),
        ("mindst 10.000", "at_least", [10000]),
        ("ponad 200", "more_than", [200]),
        ("surpassed 3,000", "more_than", [3000]),
        ("omkring 11.000 til 12.000", "range", [11000, 12000]),
    ],
)
def test_other_languages_are_read_alike(phrase, qualifier, numbers):
    assert read_stated(phrase) == (qualifier, numbers)


@pytest.mark.parametrize("phrase", ["чотирьох тисяч", "più di un centinaio", "ثلاثة كيلومترات مربعة فقط", "семью"])
def test_numbers_spelled_out_in_other_languages_are_not_read(phrase):
    assert read_stated(phrase)[1] == []


# One phrase for every qualifier word the reader knows, in the word order of its language; {n} is 5,000 written
# the way that language writes it. A word added to a table without a phrase here fails the coverage test below.
QUALIFIED = [
    (
        "at_least",
        [
            "at least {n}",
            "{n} or more",
            "no fewer than {n}",
            "no less than {n}",
            "a minimum of {n}",
            "щонайменше {n}",
            "не менше {n}",
            "не менее {n}",
            "как минимум {n}",
            "최소 {n}명",
            "{n}명 이상",
            "mindestens {n}",
            "að minnsta kosti {n}",
            "vähemalt {n}",
            "alespoň {n}",
            "almeno {n}",
            "al menos {n}",
            "au moins {n}",
            "minstens {n}",
            "mindst {n}",
            "zeker {n}",
            "{n}人以上",
        ],
    ),
    (
        "more_than",
        [
            "more than {n}",
            "over {n}",
            "above {n}",
            "upwards of {n}",
            "in excess of {n}",
            "exceeded {n}",
            "понад {n}",
            "більш ніж {n}",
            "більше {n}",
            "более {n}",
            "больше {n}",
            "свыше {n}",
            "{n}명이 넘는",
            "{n}명을 넘어",
            "{n}명을 넘었다",
            "{n}명이 넘은",
            "{n}人あまり",
            "más de {n}",
            "più di {n}",
            "oltre {n}",
            "plus de {n}",
            "mehr als {n}",
            "über {n}",
            "أكثر من {n}",
            "meira en {n}",
            "přes {n}",
            "повече от {n}",
            "ponad {n}",
            "surpassed {n}",
        ],
    ),
    (
        "up_to",
        [
            "up to {n}",
            "at most {n}",
            "as many as {n}",
            "a maximum of {n}",
            "до {n}",
            "최대 {n}명",
            "ما يصل إلى {n}",
            "až {n}",
            "bis zu {n}",
            "fino a {n}",
            "hasta {n}",
            "jusqu’à {n}",
        ],
    ),
    (
        "less_than",
        [
            "fewer than {n}",
            "less than {n}",
            "under {n}",
            "below {n}",
            "менше {n}",
            "меньше {n}",
            "{n}명 미만",
            "unter {n}",
        ],
    ),
    (
        "about",
        [
            "about {n}",
            "approximately {n}",
            "an approximate {n}",
            "approx. {n}",
            "around {n}",
            "nearly {n}",
            "almost {n}",
            "some {n}",
            "estimated {n}",
            "an estimated {n}",
            "roughly {n}",
            "close to {n}",
            "~{n}",
            "approaching {n}",
            "approaches {n}",
            "близько {n}",
            "около {n}",
            "приблизно {n}",
            "примерно {n}",
            "орієнтовно {n}",
            "ориентировочно {n}",
            "майже {n}",
            "почти {n}",
            "околу {n}",
            "약 {n}명",
            "{n}여 명",
            "{n}명 가까이",
            "{n}명 가량",
            "{n}명 정도",
            "{n}명 규모",
            "約{n}人",
            "{n}人近く",
            "{n}人規模",
            "cerca de {n}",
            "unos {n}",
            "circa {n}",
            "etwa {n}",
            "rund {n}",
            "um {n}",
            "حوالي {n}",
            "نحو {n}",
            "قرابة {n}",
            "aproximativ {n}",
            "aproximadamente {n}",
            "quelque {n}",
            "environ {n}",
            "ongeveer {n}",
            "bijna {n}",
            "quasi {n}",
            "kolem {n}",
            "sekitar {n}",
            "yaklaşık {n}",
            "körülbelül {n}",
            "περίπου {n}",
            "σχεδόν {n}",
            "alrededor de {n}",
            "omkring {n}",
            "rundt {n}",
            "umbes {n}",
        ],
    ),
]
SEPARATED = ["5,000", "5.000", "5 000", "5000"]
WORD_CASES = [
    (template.format(n=SEPARATED[i % len(SEPARATED)]), qualifier)
    for i, (qualifier, template) in enumerate((q, t) for q, templates in QUALIFIED for t in templates)
]


@pytest.mark.parametrize("phrase, qualifier", WORD_CASES, ids=[p for p, _ in WORD_CASES])
def test_every_qualifier_word_gives_its_qualifier(phrase, qualifier):
    assert read_stated(phrase) == (qualifier, [5000])


def top_level_alternatives(pattern):
    """The alternatives of a regular expression's outermost `|` (not those inside groups or classes)."""
    parts, depth, start, escaped, in_class = [], 0, 0, False, False
    for i, char in enumerate(pattern):
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class or char == "[":
            in_class = char != "]"
        elif char in "()":
            depth += 1 if char == "(" else -1
        elif char == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
    return parts + [pattern[start:]]


@pytest.mark.parametrize("qualifier, words", stated.QUALIFIER_WORDS, ids=[q for q, _ in stated.QUALIFIER_WORDS])
def test_every_word_in_the_qualifier_tables_is_reached_by_a_phrase_above(qualifier, words):
    phrases = [stated.normalised(template.format(n="5000")) for template in dict(QUALIFIED)[qualifier]]
    unreached = [
        word
        for word in top_level_alternatives(words)
        if not any(re.search(word, phrase, re.IGNORECASE) for phrase in phrases)
    ]
    assert unreached == []


def test_the_tables_are_split_into_words():
    assert top_level_alternatives(r"a|(?:b|c)|[|]|\||d") == ["a", "(?:b|c)", "[|]", r"\|", "d"]


@pytest.mark.parametrize(
    "phrase, qualifier, numbers",
    [
        # the first number gets no multiplier the second one has when that would put it above the second
        ("500 to 3,000", "range", [500, 3000]),
        ("999-1000", "range", [999, 1000]),
        ("2-3 thousand", "range", [2000, 3000]),
        ("1-3 тис.", "range", [1000, 3000]),
        ("30-1500", "range", [30, 1500]),
        ("3-2500", "range", [3, 2500]),
        ("3-3000", "range", [3000, 3000]),  # the edges of that rule
        ("1-1000", "range", [1000, 1000]),
        ("1000-1000000", "range", [1000, 1000000]),
        ("between 5 and 7,000", "range", [5000, 7000]),
        ("100 or 1,000", "range", [100, 1000]),
        ("1,000 or 2,000", "range", [1000, 2000]),
        # every dash and joiner
        ("11,000–12,000", "range", [11000, 12000]),
        ("11,000—12,000", "range", [11000, 12000]),
        ("11,000 – 12,000", "range", [11000, 12000]),
        ("11000～12000", "range", [11000, 12000]),
        ("11000~12000", "range", [11000, 12000]),
        ("11000 до 12000", "range", [11000, 12000]),
        ("11000 bis 12000", "range", [11000, 12000]),
        ("de 11000 à 12000", "range", [11000, 12000]),
        ("de 11000 a 12000", "range", [11000, 12000]),
        ("11 000 or 12 000", "range", [11000, 12000]),
        ("1만 명에서 2만 명", "range", [10000, 20000]),
        ("1万人～2万人", "range", [10000, 20000]),
        ("1万名～2万名", "range", [10000, 20000]),
        ("11,000 to 12,000, up from 3,000", "range", [11000, 12000]),  # a third number is not part of the range
        # two numbers that are not a range
        ("11,000 troops, 12,000 by March", "exact", [11000, 12000]),
        ("11,000 of 12,000", "exact", [11000, 12000]),
    ],
)
def test_ranges_and_their_joiners(phrase, qualifier, numbers):
    assert read_stated(phrase) == (qualifier, numbers)


@pytest.mark.parametrize(
    "phrase, numbers",
    [
        ("2만 명", [20000]),
        ("3만", [30000]),
        ("12만 명", [120000]),
        ("만 명", [10000]),
        ("2万", [20000]),
        ("2萬", [20000]),
        ("2만 3000명", [23000]),
        ("2만3천 명", [23000]),
        ("2만 3천 명", [23000]),
        ("1万5000人", [15000]),
        ("1만1천500명", [11500]),
        ("1만1천5백 명", [11500]),
        ("5천5백 명", [5500]),
        ("3백만", [3_000_000]),
        ("5천 명", [5000]),
        ("5千人", [5000]),
        ("5천 300명", [5300]),
        ("5천300명", [5300]),
        ("7백 명", [700]),
        ("12 тисяч", [12000]),
        ("12 тисячі", [12000]),
        ("12 тисяча", [12000]),
        ("12 тисячу", [12000]),
        ("12 тис", [12000]),
        ("12 тис.", [12000]),
        ("12 тысяч", [12000]),
        ("12 тысячи", [12000]),
        ("12 тысяча", [12000]),
        ("12 тысячу", [12000]),
        ("12 тыс.", [12000]),
        ("12 тыс", [12000]),
        ("12 mila", [12000]),
        ("12 tausend", [12000]),
        ("12 tisíc", [12000]),
        ("12 хиляди", [12000]),
        ("12 آلاف", [12000]),
        ("12 ألف", [12000]),
        ("тисячу", [1000]),
        ("тисяча", [1000]),
        ("тисячі", [1000]),
        ("тысячу", [1000]),
        ("тысяча", [1000]),
        ("тысячи", [1000]),
        ("ألف", [1000]),
        ("2,5 тыс.", [2500]),
        ("0,5 тис.", [500]),
        ("1,25 тис.", [1250]),
        ("1.2345 тыс.", [1234.5]),
        ("1000 тисяч", [1_000_000]),
        ("1250 тисяч", [1_250_000]),
        ("1,1 тис.", [1100]),
        ("0,7 тис.", [700]),
        ("12 Tausend", [12000]),
        ("12 ТИС.", [12000]),
        ("Тисяча", [1000]),
        ("3 Thousand", [3000]),
        ("1,234.5", [1234.5]),
        ("12.5 thousand", [12500]),
        ("3 hundred", [300]),
        ("a million", [1_000_000]),
        ("two million", [2_000_000]),
        ("12 000", [12000]),
        ("12\u00a0000", [12000]),
        ("12\u202f000", [12000]),
        ("12.000", [12000]),
        ("1.234.567", [1234567]),
        ("１２，０００", [12000]),
        ("12,5", [12.5]),
        ("1.5", [1.5]),
        ("12.50", [12.5]),
    ],
)
def test_multipliers_and_separators(phrase, numbers):
    assert read_stated(phrase)[1] == numbers


@pytest.mark.parametrize(
    "phrase, numbers",
    [
        ("one", [1]),
        ("two", [2]),
        ("three", [3]),
        ("four", [4]),
        ("five", [5]),
        ("six", [6]),
        ("seven", [7]),
        ("eight", [8]),
        ("nine", [9]),
        ("ten", [10]),
        ("eleven", [11]),
        ("twelve", [12]),
        ("Twelve hundred", [1200]),
        ("dozens", []),
        ("hundreds", []),
        ("thousands", []),
        ("thousands, perhaps 3,000", [3000]),
        ("a thousand", [1000]),
        ("a hundred", [100]),
        ("a million", [1_000_000]),
        ("a few", []),
        ("onew", []),
        ("someone", []),
    ],
)
def test_number_words(phrase, numbers):
    assert read_stated(phrase)[1] == numbers


@pytest.mark.parametrize(
    "phrase, qualifier",
    [
        (
            "under 5,000 or more",
            "at_least",
        ),  # the tables are tried in order: at least, more than, up to, less than, about
        ("more than 5,000, up to", "more_than"),
        ("up to about 5,000", "up_to"),
        ("less than about 5,000", "less_than"),
        ("до 5000", "up_to"),
        ("від 5000", "exact"),
        ("надо 5000", "exact"),
        ("до-5000", "exact"),
        ("thunder 5000", "exact"),
        ("hover 5000", "exact"),
        ("forum 5000", "exact"),
        ("handsome 5000", "exact"),
        ("almenos 5000", "exact"),
    ],
)
def test_qualifier_words_are_whole_words_and_tried_in_order(phrase, qualifier):
    assert read_stated(phrase)[0] == qualifier
