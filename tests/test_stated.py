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
])
def test_phrase_is_read_as_stated(phrase, qualifier, numbers):
    assert read_stated(phrase) == (qualifier, numbers)


def test_a_phrase_without_a_number_states_none():
    assert read_stated("several dozen")[1] == []
