"""Every chart of the package: no text overlaps another or leaves the canvas, colours mean countries, claims are
never joined into lines, and each chart has a title that states a finding and alt text."""
import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402
from matplotlib.colors import to_hex  # noqa: E402

from dprk_kursk import load_package  # noqa: E402
from dprk_kursk.charts import CHARTS, COUNTRY_COLOURS, credit, text_collisions, use_style  # noqa: E402
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


def test_key_lists_countries_not_claimants(charts):
    for chart in charts.values():
        for ax in chart.fig.axes:
            legend = ax.get_legend()
            if legend:
                assert len(legend.get_texts()) <= len(COUNTRY_COLOURS) + 3
