"""How a stated_as phrase is read: the qualifier its words imply and the numbers it states."""
import pytest

from dprk_kursk.stated import read_stated


@pytest.mark.parametrize("phrase, qualifier, numbers", [
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
])
def test_phrase_is_read_as_stated(phrase, qualifier, numbers):
    assert read_stated(phrase) == (qualifier, numbers)


def test_a_phrase_without_a_number_states_none():
    assert read_stated("several dozen")[1] == []


@pytest.mark.parametrize("phrase, qualifier, numbers", [
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
])
def test_other_languages_are_read_alike(phrase, qualifier, numbers):
    assert read_stated(phrase) == (qualifier, numbers)


@pytest.mark.parametrize("phrase", ["чотирьох тисяч", "più di un centinaio", "ثلاثة كيلومترات مربعة فقط", "семью"])
def test_numbers_spelled_out_in_other_languages_are_not_read(phrase):
    assert read_stated(phrase)[1] == []
