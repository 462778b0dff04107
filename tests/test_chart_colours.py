"""Colour means one thing: a claimant's country, the same in every chart, told apart by colour-blind readers.

Each colour is passed through Machado, Oliveira & Fernandes (2009)'s simulation of protanopia and deuteranopia
(severity 1.0, applied to linear RGB) and compared in CIELAB (D65). Two categories collapse when their distance
(CIE76 delta E) falls below 12 in normal vision or in either simulation: about 2.3 is the smallest difference
seen side by side, and small marks (6-point dots, thin bands) need several times that before readers sort them
into categories at a glance (Stone, Szafir & Setlur 2014 put it near 10 for marks this size); 12 leaves a margin.
"""

import itertools

import matplotlib
import numpy as np
import pytest
from matplotlib.colors import to_rgb
from matplotlib.lines import Line2D

from dprk_kursk import load_package
from dprk_kursk.charts import CHARTS, COUNTRY_COLOURS, use_style

matplotlib.use("Agg")
THRESHOLD = 12.0
MACHADO = {
    "normal": np.eye(3),
    "protan": np.array(
        [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]]
    ),
    "deutan": np.array(
        [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]]
    ),
}
SRGB_TO_XYZ = np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722], [0.0193, 0.1192, 0.9505]])
WHITE = np.array([0.95047, 1.0, 1.08883])


def lab(colour, vision: str) -> np.ndarray:
    rgb = np.array(to_rgb(colour))
    linear = np.where(rgb <= 0.04045, rgb / 12.92, ((rgb + 0.055) / 1.055) ** 2.4)
    xyz = SRGB_TO_XYZ @ np.clip(MACHADO[vision] @ linear, 0, 1) / WHITE
    f = np.where(xyz > (6 / 29) ** 3, np.cbrt(xyz), xyz / (3 * (6 / 29) ** 2) + 4 / 29)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


def collapsed(colours: dict) -> list:
    """Pairs of categories whose colours fall closer than THRESHOLD in some vision."""
    return [
        (a, b, vision, round(float(np.linalg.norm(lab(colours[a], vision) - lab(colours[b], vision))), 1))
        for a, b in itertools.combinations(sorted(colours), 2)
        for vision in MACHADO
        if np.linalg.norm(lab(colours[a], vision) - lab(colours[b], vision)) < THRESHOLD
    ]


def test_the_simulation_knows_red_from_green_only_in_normal_vision():
    red, green = "#E00000", "#6E8B00"
    assert np.linalg.norm(lab(red, "normal") - lab(green, "normal")) > 40
    assert collapsed({"red": red, "green": green})


def test_the_check_fails_on_the_old_palette_where_the_uk_and_turkiye_met():
    assert collapsed({"United Kingdom": "#CC79A7", "Türkiye": "#999999"})


def test_the_uk_the_us_and_turkiye_stay_apart():
    assert collapsed({c: COUNTRY_COLOURS[c] for c in ("United Kingdom", "United States", "Türkiye")}) == []


def test_no_two_countries_collapse_anywhere():
    assert collapsed(COUNTRY_COLOURS) == []


def test_a_country_has_one_colour_and_a_colour_one_country():
    assert len({c.lower() for c in COUNTRY_COLOURS.values()}) == len(COUNTRY_COLOURS)


def is_grey(colour) -> bool:
    r, g, b = to_rgb(colour)
    return max(r, g, b) - min(r, g, b) < 0.03


@pytest.fixture(scope="module")
def charts():
    use_style()
    package = load_package()
    built = {name: build(package) for name, build in CHARTS.items()}
    yield built
    matplotlib.pyplot.close("all")


def drawn_colours(fig) -> set:
    colours = set()
    for ax in fig.axes:
        for line in ax.get_lines():
            colours |= {
                matplotlib.colors.to_hex(line.get_color()),
                matplotlib.colors.to_hex(line.get_markerfacecolor()),
            }
        for patch in ax.patches:
            if patch.get_fill():
                colours.add(matplotlib.colors.to_hex(patch.get_facecolor()))
        for collection in ax.collections:
            colours |= {matplotlib.colors.to_hex(c) for c in collection.get_facecolors()}
    return {c for c in colours if not is_grey(c)}


@pytest.mark.parametrize("name", CHARTS)
def test_every_hue_drawn_is_a_country(charts, name):
    palette = {c.lower() for c in COUNTRY_COLOURS.values()}
    assert drawn_colours(charts[name].fig) <= palette


@pytest.mark.parametrize("name", CHARTS)
def test_the_countries_of_each_chart_stay_apart_for_colour_blind_readers(charts, name):
    keyed = {}
    for ax in charts[name].fig.axes:
        legend = ax.get_legend()
        for handle, text in zip(legend.legend_handles if legend else [], legend.get_texts() if legend else []):
            if isinstance(handle, Line2D) and text.get_text() in COUNTRY_COLOURS:
                keyed[text.get_text()] = handle.get_color()
    palette = {c.lower(): k for k, c in COUNTRY_COLOURS.items()}
    drawn = {palette[c] for c in drawn_colours(charts[name].fig)}
    assert drawn <= set(keyed), "a country drawn but missing from the key"
    assert collapsed(keyed) == []
