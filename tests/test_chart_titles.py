"""Every number and comparative word in a chart's title and subtitle holds for the package: each is worked out
here again from the rows of the tables, by logic written for the test, and some are checked against data
changed so that the title must change with it."""

import matplotlib
import pandas as pd
import pytest

from dprk_kursk import load_package
from dprk_kursk.charts import CHARTS, use_style
from dprk_kursk.load import Package

matplotlib.use("Agg")
PACKAGE = load_package()
WORDS = {
    "about": "about ",
    "exact": "",
    "at_least": "at least ",
    "more_than": "more than ",
    "up_to": "up to ",
    "less_than": "less than ",
    "range": "",
}


@pytest.fixture(autouse=True)
def style():
    use_style()
    yield
    matplotlib.pyplot.close("all")


def whole(figures, measure, counted="kpa_troops", basis="cumulative", places=None):
    """Active, dated figures counting the whole group on the measure's basis (written here, not imported)."""
    keep = (
        (figures["status"] == "active")
        & (figures["measure"] == measure)
        & (figures["counted"] == counted)
        & (figures["scope"] == "whole")
        & (figures["basis"] == basis)
        & (figures["as_of_precision"] != "undated")
    )
    if places:
        keep &= figures["place_id"].isin(places)
    return figures[keep]


def country(claimant_id):
    return PACKAGE.claimants.set_index("claimant_id").loc[claimant_id, "country"]


def name(claimant_id) -> str:
    """How a title may name a claimant: the abbreviation its name ends with in brackets, else the name."""
    full = PACKAGE.claimants.set_index("claimant_id").loc[claimant_id, "name"]
    return full.rsplit("(", 1)[1].rstrip(")") if full.endswith(")") else full


def said(row) -> str:
    return f"{WORDS[row['qualifier']]}{row['value']:,.0f}"


def first(rows):
    return rows.sort_values(["as_of", "reported", "figure_id"]).iloc[0]


def with_figures(figures):
    return Package(PACKAGE.descriptor, dict(PACKAGE.tables) | {"figures": figures})


# The troop balance on 11 February 2026 ------------------------------------------------------------------------

DAY = pd.Timestamp("2026-02-11")
TERMS = [
    ("troops_deployed", "cumulative", {"russia", "kursk-oblast"}),
    ("troops_present", "stock", {"kursk-oblast"}),
    ("returned_home", "cumulative", None),
    ("killed", "cumulative", None),
]


def newest(figures, measure, basis, places):
    rows = whole(figures, measure, basis=basis, places=places)
    return rows[rows["reported"] <= DAY].sort_values(["reported", "figure_id"]).iloc[-1]


def test_the_waterfall_says_at_most_when_floors_are_taken_away():
    sent, *taken = [newest(PACKAGE.figures, *term) for term in TERMS]
    assert any(t["qualifier"] in ("at_least", "more_than") for t in taken)  # so the remainder has no lowest value
    floors = sum(t["low"] if pd.notna(t["low"]) else t["value"] for t in taken)
    title = CHARTS["01-troop-accounting-seed"](PACKAGE).title
    assert title.startswith(f"At most about {sent['value'] - floors:,.0f} of the {sent['value']:,.0f} ")
    assert name(sent["claimant_id"]) in title
    assert "11 February 2026" in title


def test_the_waterfall_says_about_once_no_term_is_a_floor():
    figures = PACKAGE.figures.copy()
    floors = [newest(figures, *term)["figure_id"] for term in TERMS[1:]]
    figures.loc[figures["figure_id"].isin(floors), ["qualifier", "low", "high"]] = ["about", None, None]
    sent, *taken = [newest(figures, *term) for term in TERMS]
    title = CHARTS["01-troop-accounting-seed"](with_figures(figures)).title
    assert title.startswith(f"About {sent['value'] - sum(t['value'] for t in taken):,.0f} of the ")


# Losses ---------------------------------------------------------------------------------------------------------


def flagged_killed(figures):
    killed, both = whole(figures, "killed"), whole(figures, "casualties")
    links = PACKAGE.figure_links
    linked = set(links.loc[links["relation"] == "other_measure", "figure_id"]) & set(killed["figure_id"])
    as_large = {
        r.figure_id
        for r in killed.itertuples()
        if (both["reported"] <= r.reported).any() and r.value >= both.loc[both["reported"] <= r.reported, "value"].max()
    }
    return linked | as_large


def test_the_losses_chart_names_the_flagged_claims_and_compares_the_rest():
    flagged = flagged_killed(PACKAGE.figures)
    assert {"F0076", "F0081", "F0137"} <= flagged  # Zelensky's 4,000 (linked to F0069) and the note-flagged 6,000
    killed = whole(PACKAGE.figures, "killed")
    kept = killed[~killed["figure_id"].isin(flagged)]
    earliest, top = first(kept), first(kept[kept["value"] == kept["value"].max()])
    assert earliest["as_of"] < top["as_of"] and earliest["value"] < top["value"]  # so "rose" holds
    chart = CHARTS["02-losses"](PACKAGE)
    assert f"from {said(earliest)} in {earliest['as_of']:%B %Y}" in chart.title
    assert (
        chart.title.endswith(f"to {said(top)} in {top['as_of']:%B %Y}")
        or f"to {said(top)} in {top['as_of']:%B %Y} (" in chart.title
    )
    for row in (earliest, top):  # whose each figure is
        assert name(row["claimant_id"]) in chart.title
    both = whole(PACKAGE.figures, "casualties")
    most = first(both[both["value"] == both["value"].max()])
    assert f"reached {said(most)}" in chart.subtitle and f"{most['as_of']:%B %Y}" in chart.subtitle
    assert all(f in chart.subtitle for f in flagged) and "tenfold" not in chart.title


def test_the_losses_title_moves_when_the_highest_claim_is_withdrawn():
    killed = whole(PACKAGE.figures, "killed")
    kept = killed[~killed["figure_id"].isin(flagged_killed(PACKAGE.figures))]
    figures = PACKAGE.figures.copy()
    figures.loc[figures["figure_id"].isin(kept.loc[kept["value"] == kept["value"].max(), "figure_id"]), "status"] = (
        "retracted"
    )
    rest = kept[kept["value"] < kept["value"].max()]
    top = first(rest[rest["value"] == rest["value"].max()])
    title = CHARTS["02-losses"](with_figures(figures)).title
    assert f"to {said(top)} in {top['as_of']:%B %Y}" in title and name(top["claimant_id"]) in title


# Troops sent ----------------------------------------------------------------------------------------------------


def test_the_troops_sent_title_gives_the_2024_high_and_the_peak_with_whose_it_is():
    rows = whole(PACKAGE.figures, "troops_deployed", places={"russia", "kursk-oblast"})
    in_2024 = rows[rows["as_of"].dt.year == 2024]
    early = first(in_2024[in_2024["value"] == in_2024["value"].max()])
    peak = first(rows[rows["value"] == rows["value"].max()])
    title = CHARTS["02-troops-deployed"](PACKAGE).title
    assert f"was {said(early)} in 2024, first from " in title and f"{name(early['claimant_id'])};" in title
    assert f"{name(peak['claimant_id'])} put it at {said(peak)} in {peak['as_of']:%B %Y}" in title
    assert peak["value"] == 15000 and f"{peak['as_of']:%B %Y}" == "May 2025"  # the figure the old title skipped


# Kursk ----------------------------------------------------------------------------------------------------------


def test_the_kursk_title_gives_ukraines_peak_as_ukraines_and_the_others_range():
    rows = whole(PACKAGE.figures, "territory_held_km2", counted="ua_forces", basis="stock", places={"kursk-oblast"})
    countries = rows["claimant_id"].map(country)
    own = rows[countries == "Ukraine"]
    peak = first(own[own["value"] == own["value"].max()])
    near = rows[
        (countries != "Ukraine")
        & (rows["as_of_precision"] == "day")
        & ((rows["as_of"] - peak["as_of"]).abs() <= pd.Timedelta(weeks=4))
    ]
    low = near["low"].where(near["low"].notna(), near["value"]).min()
    high = near["high"].where(near["high"].notna(), near["value"]).max()
    title = CHARTS["03-kursk-campaign"](PACKAGE).title
    assert (
        title.startswith("Ukraine's ") and f"at {said(peak)} km² on {peak['as_of'].day} {peak['as_of']:%B %Y};" in title
    )
    assert f"gave {low:,.0f}–{high:,.0f} km² within four weeks" in title
    assert "AFP" in title and "Russia" in title and "United Kingdom" in title


# Volume and wording -----------------------------------------------------------------------------------------------


def test_the_volume_title_names_the_shortest_stretch_holding_most_figures():
    months = PACKAGE.figures.loc[PACKAGE.figures["status"] == "active", "reported"].dt.to_period("M")
    counts = months.value_counts()
    span = pd.period_range(min(months.min(), PACKAGE.events["date"].dt.to_period("M").min()), months.max(), freq="M")
    counts = counts.reindex(span, fill_value=0)
    windows = [
        (j - i, -counts.iloc[i:j].sum(), i, j)
        for i in range(len(span))
        for j in range(i + 1, len(span) + 1)
        if counts.iloc[i:j].sum() * 2 > len(months)
    ]
    length, minus, i, j = min(windows)
    title = CHARTS["04-volume-per-month"](PACKAGE).title
    assert title.startswith(f"{-minus:,} of the {len(months):,} standing figures were reported in the ")
    assert f"from {span[i]:%B %Y} to {span[j - 1]:%B %Y}" in title


def test_the_wording_title_counts_rewordings_that_enlarge():
    lean = {"less_than": -1, "up_to": -1, "exact": 0, "about": 0, "range": 0, "at_least": 1, "more_than": 1}
    standing = PACKAGE.figures[PACKAGE.figures["status"] == "active"].set_index("figure_id")
    cited = PACKAGE.citations[PACKAGE.citations["figure_id"].isin(standing.index)]
    own = standing.loc[cited["figure_id"]].reset_index()
    cited = cited.reset_index(drop=True)
    step = cited["qualifier"].map(lean) - own["qualifier"].map(lean)
    changed = (cited["value"] != own["value"]) | (step != 0)
    larger = (cited["value"] > own["value"]) | ((cited["value"] == own["value"]) & (step > 0))
    title = CHARTS["05-wording-drift"](PACKAGE).title
    assert title.startswith(f"{int(larger.sum())} of {int(changed.sum())} rewordings")
