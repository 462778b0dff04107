"""Every fact of the seed article (../shared/seed/article.txt) is in the package, citing the article."""

import pytest

from dprk_kursk import load_package

SEED_URL = (
    "https://www.turkiyetoday.com/world/ukraine-intelligence-says-8000-north-korean-troops-remain-"
    "in-russias-kursk-region-3214386"
)
PACKAGE = load_package()
SEED = PACKAGE.sources[PACKAGE.sources["url"] == SEED_URL]

# (measure, value, qualifier, claimant_id) as the article words them.
SEED_FIGURES = [
    ("troops_present", 8000, "at_least", "ua-hur"),
    ("returned_home", 3000, "about", "ua-hur"),
    ("troops_deployed", 15000, "about", None),
    ("engineers_deployed", 1000, "about", None),
    ("killed", 2000, "at_least", "ua-officials-unnamed"),
    ("territory_held_km2", 1000, "about", None),
    ("territory_held_km2", 1250, "more_than", "ua-zelensky"),
    ("settlements_held", 92, "exact", "ua-zelensky"),
]
# (date, category) of each dated event the article mentions.
SEED_EVENTS = [
    ("2024-08-06", "combat"),
    ("2024-08-07", "statement"),
    ("2026-02-10", "attack"),
    ("2026-02-11", "intelligence"),
]
SEED_UNDATED_EVENTS = ["emergency", "treaty", "territory", "award"]


def test_the_article_is_a_source_relaying_joongang():
    assert len(SEED) == 1
    row = SEED.iloc[0]
    assert row["relays"] == "JoongAng Ilbo"
    assert str(row["published"].date()) == "2026-02-11"


@pytest.mark.parametrize("measure, value, qualifier, claimant", SEED_FIGURES)
def test_seed_figure_is_a_row(measure, value, qualifier, claimant):
    rows = PACKAGE.figures[
        (PACKAGE.figures["source_id"] == SEED.iloc[0]["source_id"])
        & (PACKAGE.figures["measure"] == measure)
        & (PACKAGE.figures["value"] == value)
    ]
    assert len(rows) == 1
    assert rows.iloc[0]["qualifier"] == qualifier
    if claimant:
        assert rows.iloc[0]["claimant_id"] == claimant


@pytest.mark.parametrize("day, category", SEED_EVENTS)
def test_seed_event_is_a_row(day, category):
    events = PACKAGE.events[PACKAGE.events["source_id"] == SEED.iloc[0]["source_id"]]
    assert ((events["date"].dt.strftime("%Y-%m-%d") == day) & (events["category"] == category)).any()


@pytest.mark.parametrize("category", SEED_UNDATED_EVENTS)
def test_seed_event_without_a_date_in_the_article_cites_where_its_date_comes_from(category):
    events = PACKAGE.events[
        (PACKAGE.events["source_id"] == SEED.iloc[0]["source_id"]) & (PACKAGE.events["category"] == category)
    ]
    assert len(events) >= 1
    assert events["date_source_id"].notna().all()
