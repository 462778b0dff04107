"""The answers a reader sees, pinned on three days: for each headline measure, which claims stand and the range they
span, worked out by hand from data/figures.csv (active rows counting the whole North Korean contingent on the
measure's basis, dated, in the places the question allows; each claimant's latest said by that day).

A change to what counts as comparable or as standing that moves a published number fails here, naming the measure."""

import pandas as pd
import pytest

from dprk_kursk import load_package
from dprk_kursk.standing import envelope, standing_on

SENT, IN_KURSK = {"russia", "kursk-oblast"}, {"kursk-oblast"}
# The site's headline: claims said within the last 365 days of the package's last day.
LAST_DAY, RECENT_DAYS = "2026-02-20", 365

# (measure, places, day, max_age_days) -> standing figure ids, lowest floor, its holders, highest ceiling, its holders.
# Several claimants may hold an end at the same number; any of them may be named.
EXPECTED = [
    # sent, 30 June 2025. Left out: F0164 F0165 F0042 F0169 (Russian Far East), F0066 (undated), F0029 F0198 F0195
    # F0114 F0189 (a wave or a part). Latest per claimant: kr-nis F0112 (15,000, not F0034 3,000 or F0052 11,000),
    # ua-zelensky F0080 (not F0067), gb-mod F0090 (not F0173). Lowest: nl-brekelmans "at least 1,500".
    (
        "troops_deployed",
        SENT,
        "2025-06-30",
        None,
        ["F0037", "F0131", "F0040", "F0045", "F0080", "F0084", "F0090", "F0112", "F0174", "F0136"],
        1_500,
        {"nl-brekelmans"},
        15_000,
        {"kr-nis"},
    ),
    # sent, 11 February 2026: kr-nis now F0191 (at least 13,000); F0183 (14,000) and F0003 (15,000) join.
    (
        "troops_deployed",
        SENT,
        "2026-02-11",
        None,
        ["F0037", "F0131", "F0040", "F0045", "F0080", "F0084", "F0090", "F0174", "F0136", "F0191", "F0183", "F0003"],
        1_500,
        {"nl-brekelmans"},
        15_000,
        {"tr-turkiye-today"},
    ),
    # sent, the headline: said after 20 February 2025. gb-mod F0090 (23 Feb 2025), int-msmt F0174 and ua-umerov
    # F0136 all say 11,000.
    (
        "troops_deployed",
        SENT,
        LAST_DAY,
        RECENT_DAYS,
        ["F0090", "F0174", "F0136", "F0191", "F0183", "F0003"],
        11_000,
        {"gb-mod", "int-msmt", "ua-umerov"},
        15_000,
        {"tr-turkiye-today"},
    ),
    # still in Kursk, 30 June 2025. Left out: F0176 F0038 F0185 F0186 F0048 (elsewhere in Russia), F0050 (border),
    # F0041 (a part). Lowest: ua-nrc "more than three thousand"; org-isw F0139 and ua-zelensky F0075 say 12,000.
    (
        "troops_present",
        IN_KURSK,
        "2025-06-30",
        None,
        ["F0132", "F0043", "F0044", "F0047", "F0168", "F0049", "F0170", "F0062", "F0139", "F0075", "F0079"],
        3_000,
        {"ua-nrc"},
        12_000,
        {"org-isw", "ua-zelensky"},
    ),
    (
        "troops_present",
        IN_KURSK,
        "2026-02-11",
        None,
        ["F0132", "F0043", "F0044", "F0047", "F0168", "F0049", "F0170", "F0062", "F0139", "F0075", "F0079", "F0001"],
        3_000,
        {"ua-nrc"},
        12_000,
        {"org-isw", "ua-zelensky"},
    ),
    # still in Kursk, the headline: 8,000 to 11,000. kr-nis said three things on 12 Feb 2026 (1.1.0: F0214, F0215,
    # F0217, in the page's own words, replacing F0159, F0160, F0184); only F0214 counts the whole contingent
    # (F0217 counts 1,000 engineers, F0215 combat troops only).
    ("troops_present", IN_KURSK, LAST_DAY, RECENT_DAYS, ["F0001", "F0214"], 8_000, {"ua-hur"}, 11_000, {"kr-nis"}),
    # killed, 30 June 2025. Left out: the SSO's and others' battle counts (part). kr-nis F0110 (600) replaces F0060 and
    # F0072; ua-zelensky F0081 ("over 4,000") replaces F0076.
    ("killed", None, "2025-06-30", None, ["F0077", "F0081", "F0092", "F0110"], 400, {"ua-hur"}, 4_000, {"ua-zelensky"}),
    (
        "killed",
        None,
        "2026-02-11",
        None,
        ["F0077", "F0081", "F0092", "F0124", "F0137", "F0005"],
        400,
        {"ua-hur"},
        6_000,
        {"int-sources-unnamed"},
    ),
    (
        "killed",
        None,
        LAST_DAY,
        RECENT_DAYS,
        ["F0092", "F0124", "F0137", "F0005"],
        400,
        {"ua-hur"},
        6_000,
        {"int-sources-unnamed"},
    ),
    # killed or wounded, 30 June 2025. Left out: F0056 (part), F0065 F0171 (an increment). Lowest: ua-kovalenko
    # "exceeded 200"; highest: gb-mod "more than 6,000" (F0113).
    (
        "casualties",
        None,
        "2025-06-30",
        None,
        ["F0209", "F0069", "F0070", "F0208", "F0078", "F0083", "F0096", "F0197", "F0108", "F0180", "F0113"],
        200,
        {"ua-kovalenko"},
        6_000,
        {"gb-mod"},
    ),
    # killed or wounded, last day: kr-nis's about 6,000 of 12 Feb 2026 is F0213 (F0158 until 1.1.0).
    (
        "casualties",
        None,
        LAST_DAY,
        RECENT_DAYS,
        ["F0096", "F0197", "F0108", "F0113", "F0213"],
        4_000,
        {"ua-hur", "kr-jcs"},
        6_000,
        {"gb-mod", "kr-nis"},
    ),
    # gone home: nobody yet in June 2025 (F0111 is one group), then ua-hur's about 3,000 (F0002 after F0188).
    ("returned_home", None, "2025-06-30", None, [], None, set(), None, set()),
    ("returned_home", None, "2026-02-11", None, ["F0002"], 3_000, {"ua-hur"}, 3_000, {"ua-hur"}),
    ("returned_home", None, LAST_DAY, RECENT_DAYS, ["F0002"], 3_000, {"ua-hur"}, 3_000, {"ua-hur"}),
]


@pytest.fixture(scope="module")
def figures():
    return load_package().figures


@pytest.mark.parametrize(
    "measure, places, day, max_age, ids, lowest, lowest_by, highest, highest_by",
    EXPECTED,
    ids=[f"{e[0]}-{e[2]}-{'recent' if e[3] else 'all'}" for e in EXPECTED],
)
def test_headline_answer(figures, measure, places, day, max_age, ids, lowest, lowest_by, highest, highest_by):
    standing = standing_on(figures, measure, day, places, max_age_days=max_age)
    assert sorted(standing["figure_id"]) == sorted(ids)
    answer = envelope(figures, measure, [day], places, max_age_days=max_age).iloc[0]
    assert answer["claims"] == len(ids)
    if ids:
        assert (answer["lowest"], answer["highest"]) == (lowest, highest)
        assert answer["lowest_by"] in lowest_by and answer["highest_by"] in highest_by


def test_the_last_day_is_the_packages_last_report(figures):
    assert figures["reported"].max() == pd.Timestamp(LAST_DAY)
