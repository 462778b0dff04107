"""Every chart of the package: no text overlaps another or leaves the canvas, colours mean countries, claims are
never joined into lines, bounds are drawn as bounds and periods as spans, bars and sizes start at zero, every
axis number above 999 has a separator, and each chart has a title that states a finding, a subtitle and alt text."""

import json
import re

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.colors import to_hex  # noqa: E402

from dprk_kursk import load_package  # noqa: E402
from dprk_kursk.charts import CHARTS, COUNTRY_COLOURS, claims, credit, text_collisions, use_style  # noqa: E402
from dprk_kursk.paths import FIGURES  # noqa: E402

PACKAGE = load_package()


@pytest.fixture(scope="module")
def charts():
    use_style()
    built = {}
    for name, build in CHARTS.items():
        chart = build(PACKAGE)
        credit(chart.fig, PACKAGE.version)
        built[name] = chart
    yield built
    plt.close("all")


@pytest.mark.parametrize("name", CHARTS)
def test_no_text_overlaps_or_leaves_the_canvas(charts, name):
    assert text_collisions(charts[name].fig) == []


def test_the_collision_check_finds_overlaps():
    fig = plt.figure(figsize=(4, 3))
    fig.text(0.5, 0.5, "one label")
    fig.text(0.52, 0.5, "another label")
    fig.text(0.98, 0.1, "runs off the edge")
    found = text_collisions(fig)
    plt.close(fig)
    assert any(f.startswith("overlap") for f in found) and any(f.startswith("outside") for f in found)


@pytest.mark.parametrize("name", ["02-troops-deployed", "02-losses", "03-kursk-campaign"])
def test_claims_are_points_in_country_colours(charts, name):
    palette = {c.lower() for c in COUNTRY_COLOURS.values()}
    for ax in charts[name].fig.axes:
        for line in ax.get_lines():
            if len(line.get_xdata()) > 1 and line.get_marker() not in (None, "None", ""):
                assert line.get_linestyle() in ("None", "none", ""), "claims joined by a line"
                assert to_hex(line.get_color()) in palette


@pytest.mark.parametrize("name", CHARTS)
def test_every_chart_states_a_finding_and_describes_itself(charts, name):
    chart = charts[name]
    assert len(chart.title.split()) >= 6 and any(ch.isdigit() for ch in chart.title)
    assert len(chart.alt) > 60


@pytest.mark.parametrize("name", CHARTS)
def test_the_notebooks_wrote_each_chart_with_its_alt_text(name):
    title, alt = (FIGURES / f"{name}.txt").read_text(encoding="utf-8").splitlines()[:2]
    assert (FIGURES / f"{name}.png").is_file() and title and alt


def test_no_stray_chart_files():
    assert sorted(p.stem for p in FIGURES.glob("*.png")) == sorted(CHARTS)
    assert sorted(p.stem for p in FIGURES.glob("*.json")) == sorted(CHARTS)


@pytest.mark.parametrize("name", CHARTS)
def test_each_figure_has_its_words_beside_it_for_the_site(charts, name):
    words = json.loads((FIGURES / f"{name}.json").read_text(encoding="utf-8"))
    assert set(words) == {"title", "subtitle", "alt"} and all(words.values())
    assert words["title"] == charts[name].title and words["subtitle"] == charts[name].subtitle


@pytest.mark.parametrize("name", CHARTS)
def test_every_axis_number_above_999_has_a_separator(charts, name):
    fig = charts[name].fig
    fig.draw_without_rendering()
    for ax in fig.axes:
        for label in ax.get_xticklabels() + ax.get_yticklabels():
            text = label.get_text().replace("\u2212", "-")
            if re.fullmatch(r"-?[\d,]+(\.\d+)?", text):
                assert not re.search(r"\d{4}", text), f"{text!r} has no thousands separator"


@pytest.mark.parametrize("name", CHARTS)
def test_bars_and_sizes_start_at_zero(charts, name):
    for ax in charts[name].fig.axes:
        if ax.get_ylabel():
            horizontal = (
                bool(ax.patches) and ax.get_yticklabels() and not ax.get_yticklabels()[0].get_text()[:1].isdigit()
            )
            low = ax.get_xlim()[0] if horizontal else ax.get_ylim()[0]
            assert low == 0, f"{ax.get_title() or ax.get_ylabel()} starts at {low}"


def hand_rows():
    return pd.DataFrame(
        {
            "figure_id": ["A", "B", "C", "D"],
            "as_of": pd.to_datetime(["2025-01-10", "2025-02-10", "2025-03-01", "2024-01-01"]),
            "as_of_precision": ["day", "day", "month", "year"],
            "value": [100.0, 200.0, 300.0, 400.0],
            "low": [100.0, None, None, 400.0],
            "high": [None, 200.0, None, None],
            "qualifier": ["at_least", "up_to", "about", "more_than"],
            "country": ["Ukraine"] * 4,
        }
    )


def test_a_floor_opens_up_a_ceiling_down_and_a_period_is_a_span_not_a_point():
    fig, ax = plt.subplots()
    marks = claims(ax, hand_rows())
    lines = ax.get_lines()
    arrows = [line for line in lines if hasattr(line.get_marker(), "vertices")]
    directions = sorted((line.get_ydata()[0], line.get_marker().vertices[1][1]) for line in arrows)
    assert directions == [(100.0, 1), (200.0, -1), (400.0, 1)]  # A floor up, B ceiling down, D floor up (no dot)
    dots = {float(line.get_ydata()[0]) for line in lines if line.get_marker() == "o"}
    assert dots == {100.0, 200.0}  # the month and the year claims have no point
    spans = {
        float(line.get_ydata()[0]): tuple(line.get_xdata())
        for line in lines
        if len(line.get_xdata()) == 2 and line.get_marker() in ("None", None, "")
    }
    assert spans[300.0] == (pd.Timestamp("2025-03-01"), pd.Timestamp("2025-04-01"))
    assert spans[400.0] == (pd.Timestamp("2024-01-01"), pd.Timestamp("2025-01-01"))
    assert {"floor", "ceiling", "span", "dot"} <= marks
    plt.close(fig)


def test_key_lists_countries_not_claimants(charts):
    for chart in charts.values():
        for ax in chart.fig.axes:
            legend = ax.get_legend()
            if legend:
                assert len(legend.get_texts()) <= len(COUNTRY_COLOURS) + 3


def test_the_kursk_chart_labels_the_few_events_it_draws(charts):
    from dprk_kursk.charts import KURSK_EVENTS

    events = PACKAGE.events.set_index("event_id")
    assert set(KURSK_EVENTS) <= set(events.index[events["status"] == "active"])
    texts = {t.get_text() for ax in charts["03-kursk-campaign"].fig.axes for t in ax.texts}
    assert {label for label, _ in KURSK_EVENTS.values()} <= texts
    for ax in charts["03-kursk-campaign"].fig.axes:
        assert not ax.collections, "unlabelled event dots"


def test_a_claimant_of_no_country_is_keyed_as_independent(charts):
    keyed = {
        t.get_text()
        for chart in charts.values()
        for ax in chart.fig.axes
        if ax.get_legend()
        for t in ax.get_legend().get_texts()
    }
    assert "Independent" in keyed  # AFP's area of Kursk
    assert not keyed & {"None", "none", "independent", "nan", "<NA>"}
