"""Charts that look the same in every notebook and are byte-identical from one run to the next.

Each chart is a function of the package registered under the stem of its files (`@registered`), so the notebooks,
the tests and the report iterate `CHARTS` and none is listed by hand. Every number and comparative word of a
chart's title and subtitle is computed here from the package; tests/test_chart_titles.py recomputes them.
"""

import json
import textwrap

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.layout_engine import ConstrainedLayoutEngine
from matplotlib.path import Path

from dprk_kursk.paths import FIGURES

CREDIT = "Data: dprk-troops-russia-kursk data package (figures.csv, sources.csv), v{version}"
STYLE = {
    "figure.figsize": (9, 5),
    "figure.dpi": 100,
    "savefig.dpi": 100,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "font.size": 10,
    "svg.hashsalt": "dprk-troops-russia-kursk",
    "svg.fonttype": "path",
    "path.simplify": True,
}
PNG_METADATA = {"Software": None}
SVG_METADATA = {"Date": None, "Creator": None}


# Tables shown whole: every row, every column and every character of a note (pandas cuts all three by default).
TABLE_OPTIONS = {"display.max_rows": 500, "display.max_columns": 50, "display.max_colwidth": None}


def use_style() -> None:
    """Apply the package's chart style (fixed sizes, fixed SVG hash salt) and show tables whole."""
    matplotlib.rcParams.update(STYLE)
    for option, value in TABLE_OPTIONS.items():
        pd.set_option(option, value)


def credit(fig, version: str) -> None:
    """Write the line naming the data source at the bottom left of the figure, below everything else."""
    engine = fig.get_layout_engine()
    if isinstance(engine, ConstrainedLayoutEngine) and tuple(engine.get()["rect"]) == (0, 0, 1, 1):
        engine.set(rect=(0, 0.035, 1, 0.965))  # keep the bottom strip free for the credit line
    fig.text(0.01, 0.005, CREDIT.format(version=version), fontsize=8, color="0.35", ha="left", va="bottom")


def freeze_layout(fig) -> None:
    """Run the layout once, round each axes' position to 1e-6 of the figure and switch the layout off.

    Constrained layout settles on positions that differ in the last bits from one process to the next, and
    the SVG backend names clip paths by hashing those exact floats; rounded, fixed positions keep both
    files byte-identical between runs (at 1e-6 the change is far below a pixel).
    """
    fig.draw_without_rendering()
    for ax in fig.axes:
        ax.set_position([round(value, 6) for value in ax.get_position().bounds])
    fig.set_layout_engine("none")


def save(fig, name: str) -> list:
    """Save `fig` as figures/NAME.png and figures/NAME.svg with no embedded dates or versions."""
    FIGURES.mkdir(exist_ok=True)
    freeze_layout(fig)
    paths = [FIGURES / f"{name}.png", FIGURES / f"{name}.svg"]
    fig.savefig(paths[0], metadata=PNG_METADATA)
    fig.savefig(paths[1], metadata=SVG_METADATA)
    return paths


def show(chart, name: str, version: str) -> None:
    """Credit, save and display a finished chart (a Chart: figure, title, alt text).

    Writes figures/NAME.png, .svg, .txt (title and alt text) and .json (title, subtitle, alt: the site shows the
    title and subtitle as HTML, where they reflow). The notebook shows the PNG
    just written instead of drawing the figure a third time, so what a reader sees is the file in figures/.
    """
    from IPython.display import Image, display

    credit(chart.fig, version)
    png, _ = save(chart.fig, name)
    png.with_suffix(".txt").write_text(f"{chart.title}\n{chart.alt}\n", encoding="utf-8")
    words = {"title": chart.title, "subtitle": chart.subtitle, "alt": chart.alt}
    png.with_suffix(".json").write_text(json.dumps(words, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    plt.close(chart.fig)
    display(Image(filename=str(png)))


# One colour per claimant's country or group, the same in every chart and for nothing else. Chosen so that every
# pair stays apart for readers with protanopia or deuteranopia (tests/test_chart_colours.py simulates both);
# claimants of no country (AFP, ISW) are "Independent", in grey.
COUNTRY_COLOURS = {
    "Ukraine": "#0072B2",
    "Russia": "#D55E00",
    "South Korea": "#E69F00",
    "North Korea": "#000000",
    "United States": "#33BBEE",
    "United Kingdom": "#882255",
    "Türkiye": "#7A5230",
    "International": "#009E73",
    "Netherlands": "#CC79A7",
    "Japan": "#F0E442",
    "Independent": "#BBBBBB",
}
# Everything that is not a claimant's country is drawn in greys (by lightness), never in a country's hue.
INK, MID, LIGHT = "0.25", "0.55", "0.8"
# How long a period a date of each precision stands for.
PERIOD = {"month": pd.offsets.MonthBegin(1), "year": pd.offsets.YearBegin(1)}
# Which way a claim's wording leaves it open: a floor upward, a ceiling downward.
OPENS = {"at_least": 1, "more_than": 1, "up_to": -1, "less_than": -1}
QUALIFIER_WORDS = {
    "about": "about ",
    "exact": "",
    "at_least": "at least ",
    "more_than": "more than ",
    "up_to": "up to ",
    "less_than": "less than ",
    "range": "",
}


def _arrow(direction: int) -> Path:
    """A marker that starts at the claim and points the way its wording leaves it open."""
    d = direction
    return Path(
        [(0, 0), (0, d), (-0.4, 0.55 * d), (0, d), (0.4, 0.55 * d)],
        [Path.MOVETO, Path.LINETO, Path.MOVETO, Path.LINETO, Path.LINETO],
    )


class Chart:
    """A finished figure with the sentence it states (title), what it draws (subtitle) and a description for
    readers who cannot see it (alt)."""

    def __init__(self, fig, title: str, subtitle: str, alt: str):
        self.fig, self.title, self.subtitle, self.alt = fig, title, subtitle, alt


CHARTS = {}


def registered(stem: str):
    """Register a chart function (package -> Chart) under the stem of the files it is saved to."""

    def register(build):
        CHARTS[stem] = build
        return build

    return register


def country_of(value) -> str:
    """A claimant's country as the charts name it: its value in claimants.csv (required, one of a closed list)."""
    return str(value)


FOOTER_INCHES = 0.25  # the credit line below


def headed(fig, title: str, subtitle: str) -> None:
    """The finding as the title and what is drawn as the subtitle, above every axes, left-aligned and wrapped."""
    from matplotlib.transforms import offset_copy

    width = fig.get_figwidth()
    title_lines = textwrap.wrap(title, int(width * 9.5), break_on_hyphens=False)
    subtitle_lines = textwrap.wrap(subtitle, int(width * 14), break_on_hyphens=False)
    fig.text(
        0.01,
        1,
        "\n".join(title_lines),
        ha="left",
        va="top",
        fontsize=12,
        fontweight="bold",
        linespacing=1.3,
        transform=offset_copy(fig.transFigure, fig, y=-6, units="points"),
    )
    fig.text(
        0.01,
        1,
        "\n".join(subtitle_lines),
        ha="left",
        va="top",
        fontsize=9,
        color="0.3",
        linespacing=1.3,
        transform=offset_copy(fig.transFigure, fig, y=-12 - 16 * len(title_lines), units="points"),
    )
    header = (16 + 16 * len(title_lines) + 12 * len(subtitle_lines)) / 72
    height = fig.get_figheight()
    bottom = FOOTER_INCHES / height
    fig.get_layout_engine().set(rect=(0, bottom, 1, 1 - header / height - bottom))


def new_figure(rows: int = 1, height: float = 5.5, **kwargs):
    """A figure of the package's width; `headed` then leaves room for the header and the credit line."""
    fig, axes = plt.subplots(rows, 1, figsize=(10, height), layout="constrained", **kwargs)
    return fig, axes


def thousands(axis) -> None:
    """Numbers on `axis` with thousands separators."""
    from matplotlib.ticker import FuncFormatter

    axis.set_major_formatter(FuncFormatter(lambda value, _: f"{value:,.0f}"))


def claims(ax, rows, caveats=None) -> set:
    """Each claim at the date it describes, in its claimant's country colour, never joined to another.

    A dot for a figure; a vertical bar for a stated range; an arrow from the number for a floor (up) or a ceiling
    (down). A claim dated only to a month or a year is a light band across that period, with no dot. A claim with
    a caveat (`caveats`: figure id -> reason) is hollow and labelled. `rows` needs figure_id, as_of,
    as_of_precision, value, low, high, qualifier and country. Returns the kinds of mark drawn, for the key.
    """
    caveats = caveats if caveats is not None else pd.Series(dtype="object")
    drawn = set()
    for row in rows.itertuples():
        colour = COUNTRY_COLOURS[country_of(row.country)]
        flagged = row.figure_id in caveats.index
        opens = OPENS.get(row.qualifier, 0)
        if row.as_of_precision in PERIOD:
            end = row.as_of + PERIOD[row.as_of_precision]
            ax.plot([row.as_of, end], [row.value, row.value], color=colour, lw=6, alpha=0.45, solid_capstyle="butt")
            x = row.as_of + (end - row.as_of) / 2
            drawn.add("span")
        else:
            x = row.as_of
            ax.plot(
                [x],
                [row.value],
                ls="none",
                marker="o",
                ms=6,
                color=colour,
                mec=colour,
                mfc="white" if flagged else colour,
                mew=1.5,
            )
            drawn.add("hollow" if flagged else "dot")
        if pd.notna(row.low) and pd.notna(row.high) and row.low != row.high:
            ax.plot([x, x], [row.low, row.high], color=colour, lw=1.5)
            ax.plot([x, x], [row.low, row.high], ls="none", marker="_", ms=7, color=colour)
            drawn.add("range")
        if opens:
            ax.plot([x], [row.value], ls="none", marker=_arrow(opens), ms=22, color=colour, mew=1.5, fillstyle="none")
            drawn.add("floor" if opens > 0 else "ceiling")
    return drawn


def caveat_labels(ax, rows, caveats) -> None:
    """One label per caveat, beside the first claim it concerns, naming the figures it covers."""
    for reason, ids in caveats.groupby(caveats).groups.items():
        mine = rows[rows["figure_id"].isin(ids)].sort_values("as_of")
        if mine.empty:
            continue
        first = mine.iloc[0]
        text = "\n".join(textwrap.wrap(f"⚠ {', '.join(mine['figure_id'])}: {reason}", 44))
        late = first["as_of"] > rows["as_of"].min() + (rows["as_of"].max() - rows["as_of"].min()) / 2
        ax.annotate(
            text,
            (first["as_of"], first["value"]),
            xytext=(-10 if late else 10, -4),
            textcoords="offset points",
            fontsize=8,
            color="0.2",
            va="top",
            ha="right" if late else "left",
        )


MARK_LABELS = {
    "dot": "a claim (about, or exact)",
    "floor": "at least: could be higher",
    "ceiling": "up to: could be lower",
    "range": "a stated range",
    "span": "dated only to a month or year",
    "hollow": "⚠ counts something else",
}


def country_key(ax, countries, marks) -> None:
    """One key: a colour per claimant's country, then what each kind of mark drawn means."""
    from matplotlib.lines import Line2D

    handles = [
        Line2D([], [], ls="none", marker="s", ms=8, color=COUNTRY_COLOURS[c], label=c) for c in sorted(countries)
    ]
    styles = {
        "dot": {"marker": "o"},
        "floor": {"marker": _arrow(1), "ms": 16, "fillstyle": "none"},
        "ceiling": {"marker": _arrow(-1), "ms": 16, "fillstyle": "none"},
        "range": {"marker": "|", "ms": 10},
        "span": {"marker": "_", "ms": 14, "mew": 5, "alpha": 0.45},
        "hollow": {"marker": "o", "mfc": "white", "mew": 1.5},
    }
    handles += [
        Line2D([], [], ls="none", color=INK, label=MARK_LABELS[m], **({"ms": 6} | styles[m]))
        for m in MARK_LABELS
        if m in marks
    ]
    ax.legend(
        handles=handles,
        fontsize=8,
        loc="upper left",
        bbox_to_anchor=(1.01, 1),
        frameon=False,
        title="claimant's country; mark",
        title_fontsize=8,
        alignment="left",
    )


def date_axis(ax, label="date the figure describes") -> None:
    import matplotlib.dates as mdates

    ax.xaxis.set_major_locator(mdates.MonthLocator(bymonth=(1, 4, 7, 10)))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%b %Y"))
    ax.set_xlabel(label)


def worded(value: float, qualifier: str) -> str:
    """A number as its claimant's wording bounds it: "at least 2,000", "about 6,000"."""
    return f"{QUALIFIER_WORDS.get(qualifier, '')}{value:,.0f}"


# How a claimant's name may already say its country ("UK Ministry of Defence", "Russian Ministry of Defence").
NAMED_IN = {
    "United Kingdom": ("United Kingdom", "UK ", "British"),
    "United States": ("United States", "US ", "U.S.", "American"),
    "Russia": ("Russia",),
    "Ukraine": ("Ukrain",),
    "South Korea": ("South Korea",),
    "North Korea": ("North Korea",),
}
NUMBER_WORDS = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine"}


def short_name(name: str) -> str:
    """A claimant's abbreviation where its name gives one ("Agence France-Presse (AFP)" -> "AFP")."""
    inner = name[name.rfind("(") + 1 : -1] if name.endswith(")") and "(" in name else ""
    return inner or name


def whose(package, claimant_id: str) -> str:
    """A claimant as a title names it: its abbreviation or name, after its country where the words do not say it
    ("Ukraine's HUR", "South Korea's NIS", "UK Ministry of Defence", "Türkiye Today")."""
    row = package.claimants.set_index("claimant_id").loc[claimant_id]
    country, name = country_of(row["country"]), short_name(row["name"])
    if country in ("Independent", "International") or any(w in name for w in NAMED_IN.get(country, (country,))):
        return name
    return f"{country}'s {name}"


def drawn_texts(fig, renderer) -> list:
    """Every text the figure draws: titles, labels, annotations, legends and the tick labels inside each view."""
    from matplotlib.text import Text

    tick_labels, shown = set(), []
    for ax in fig.axes:
        for axis, (low, high) in ((ax.xaxis, sorted(ax.get_xlim())), (ax.yaxis, sorted(ax.get_ylim()))):
            for location, label in zip(axis.get_majorticklocs(), axis.get_majorticklabels()):
                tick_labels.add(id(label))
                if low - 1e-9 <= location <= high + 1e-9:
                    shown.append(label)
            tick_labels |= {id(label) for label in axis.get_minorticklabels()}
    shown += [t for t in fig.findobj(Text) if id(t) not in tick_labels]
    return [t for t in shown if t.get_visible() and t.get_text().strip()]


def text_collisions(fig) -> list:
    """Pairs of drawn texts whose boxes overlap by more than a pixel, and texts that leave the canvas."""
    renderer = fig.canvas.get_renderer()
    fig.draw(renderer)
    canvas = fig.bbox
    boxes = [(t, t.get_window_extent(renderer)) for t in drawn_texts(fig, renderer)]
    found = [
        f"outside the canvas: {t.get_text()!r}"
        for t, box in boxes
        if box.x0 < canvas.x0 - 1 or box.y0 < canvas.y0 - 1 or box.x1 > canvas.x1 + 1 or box.y1 > canvas.y1 + 1
    ]
    for i, (first, a) in enumerate(boxes):
        for second, b in boxes[i + 1 :]:
            if min(a.x1, b.x1) - max(a.x0, b.x0) > 1 and min(a.y1, b.y1) - max(a.y0, b.y0) > 1:
                found.append(f"overlap: {first.get_text()!r} and {second.get_text()!r}")
    return found


def _day(stamp) -> str:
    return f"{pd.Timestamp(stamp).day} {pd.Timestamp(stamp):%B %Y}"


def _fade(ax, x, start, length, colour, width=0.6, steps=6) -> None:
    """A bar's open end: from `start`, `length` long (negative: downward), fading out."""
    for step in range(steps):
        ax.bar(
            x,
            length / steps,
            bottom=start + step * length / steps,
            width=width,
            color=colour,
            alpha=0.8 * (1 - (step + 1) / (steps + 1)),
            lw=0,
        )


# The day of the seed article, whose balance notebook 1 draws.
SEED_DAY = "2026-02-11"


def _balance_bars(ax, balance, bounds, names) -> list:
    """The waterfall's bars for sent and each term taken away (a floor's bar fades where it is open); their labels."""
    sent = balance.iloc[0]
    fade, level, labels = 0.1 * sent["value"], 0.0, []
    for i, row in enumerate(balance.iloc[:-1].itertuples()):
        start = 0.0 if row.sign > 0 else level - row.value
        ax.bar(i, row.value, bottom=start, width=0.6, color=INK if row.sign > 0 else MID, lw=0)
        if bounds.iloc[i]["high"] == float("inf"):
            _fade(ax, i, start + row.value if row.sign > 0 else start, fade * row.sign, INK if row.sign > 0 else MID)
        ax.annotate(
            row.stated_as,
            (i, start + row.value),
            xytext=(0, 3 if row.sign > 0 else -4),
            textcoords="offset points",
            ha="center",
            va="bottom" if row.sign > 0 else "top",
            fontsize=9,
        )
        level = row.value if row.sign > 0 else start
        who = "\n".join(textwrap.wrap(names.get(row.claimant_id, "no claim yet"), 22))
        labels.append(f"{row.step}\n{who}")
    return labels


def _remainder_words(span) -> tuple:
    """How the title and the band's label say the remainder's range: (title's lead, band's label)."""
    low, high = span["low"], span["high"]
    if span["open_below"]:
        return "At most about", f"at most about {high:,.0f}"
    if low == high:
        return "About", f"about {high:,.0f}"
    return f"Between about {low:,.0f} and", f"between {low:,.0f} and {high:,.0f}"


@registered("01-troop-accounting-seed")
def balance_chart(package, day: str = SEED_DAY) -> Chart:
    """Waterfall of the balance on `day` (accounting.balance_on): sent, each part taken away, and the remainder as
    the band the claims' wording allows (accounting.remainder_range); a floor's bar fades out where it is open."""
    from dprk_kursk.accounting import balance_on, remainder_range, worded_bounds

    balance = balance_on(package.figures, day)
    bounds, span = worded_bounds(balance, package.figures), remainder_range(balance, package.figures)
    sent = balance.iloc[0]
    fig, ax = new_figure(height=6)
    labels = _balance_bars(ax, balance, bounds, package.claimants.set_index("claimant_id")["name"])
    last, low, high = len(balance) - 1, span["low"], span["high"]
    ax.bar(last, high - low, bottom=low, width=0.6, color="none", edgecolor=INK, hatch="///", lw=1)
    lead, band = _remainder_words(span)
    ax.annotate(
        band, (last, max(high, 0)), xytext=(0, 3), textcoords="offset points", ha="center", va="bottom", fontsize=9
    )
    labels.append("Unaccounted for\n(what the claims allow)")
    ax.set_xticks(range(len(labels)), labels, fontsize=8.5)
    ax.set_ylim(0, sent["value"] * 1.15)
    ax.set_axisbelow(True)
    ax.grid(axis="x", visible=False)
    ax.set_ylabel("North Korean troops (people)")
    thousands(ax.yaxis)
    who_sent = whose(package, sent["claimant_id"])
    if high < 0:
        title = (
            f"The claims standing on {_day(day)} count {-high:,.0f} more North Korean troops than the "
            f"{sent['value']:,.0f} {who_sent} says were sent"
        )
    else:
        title = (
            f"{lead} {high:,.0f} of the {sent['value']:,.0f} North Korean troops {who_sent} says were sent "
            f"are covered by no claim standing on {_day(day)}"
        )
    subtitle = (
        "Each term is the newest claim standing that day for the whole contingent, as worded, under whose it is. "
        'A faded end: an "at least" figure, which could be larger, so what is left could be smaller. '
        "Hatched: the range of the remainder the wording allows."
    )
    headed(fig, title, subtitle)
    alt = (
        f"Waterfall chart. Sent to Russia {sent['stated_as']} ({who_sent}); minus "
        + "; minus ".join(f"{r.step[0].lower()}{r.step[1:]} {r.stated_as}" for r in balance.iloc[1:-1].itertuples())
        + f"; leaves {band} unaccounted for."
    )
    return Chart(fig, title, subtitle, alt)


def claims_panels(panels, title: str, subtitle: str, ylabel: str, caveats=None) -> Chart:
    """One panel per (rows, panel title): claims by country at the date they describe, from zero, one shared key."""
    fig, axes = new_figure(rows=len(panels), height=4.2 * len(panels) + 1.2, sharex=True, squeeze=False)
    countries, marks = set(), set()
    for ax, (rows, label) in zip(axes[:, 0], panels):
        marks |= claims(ax, rows, caveats)
        countries |= {country_of(c) for c in rows["country"]}
        if caveats is not None:
            caveat_labels(ax, rows, caveats)
        ax.set_title(label, loc="left", fontsize=10)
        ax.set_ylabel(ylabel)
        ax.set_ylim(0, max(rows["high"].fillna(rows["value"]).max(), rows["value"].max()) * 1.15)
        thousands(ax.yaxis)
    date_axis(axes[-1, 0])
    country_key(axes[0, 0], countries, marks)
    headed(fig, title, subtitle)
    alt = " ".join(
        f"{label}: {len(rows)} claims from {rows['as_of'].min():%B %Y} to {rows['as_of'].max():%B %Y}, "
        f"from {rows['value'].min():,.0f} to {rows['value'].max():,.0f}."
        for rows, label in panels
    )
    if caveats is not None and len(caveats):
        alt += (
            " Marked as not comparable: "
            + "; ".join(f"{i} ({reason.rstrip('.')})" for i, reason in caveats.items())
            + "."
        )
    return Chart(fig, title, subtitle, f"Scatter chart with ranges, by claimant's country. {alt}")


def first_reaching(rows, value):
    """The claim that first (by date described, then reported) gave `value`."""
    return rows[rows["value"] == value].sort_values(["as_of", "reported", "figure_id"]).iloc[0]


@registered("02-troops-deployed")
def sent_chart(package) -> Chart:
    from dprk_kursk.accounting import SENT_PLACES
    from dprk_kursk.analysis import caveats, comparable

    context = package.figures_in_context()
    rows = comparable(context, "troops_deployed", SENT_PLACES)
    warned = caveats(context, package.figure_links, "troops_deployed", SENT_PLACES)
    compared = rows[~rows["figure_id"].isin(warned.index)]
    first_year = compared["as_of"].dt.year.min()
    early = first_reaching(compared, compared.loc[compared["as_of"].dt.year == first_year, "value"].max())
    peak = first_reaching(compared, compared["value"].max())
    title = (
        f"The highest claim of North Korean troops sent was {worded(early['value'], early['qualifier'])} in {first_year}, "
        f"first from {whose(package, early['claimant_id'])}; "
        f"{whose(package, peak['claimant_id'])} put it at {worded(peak['value'], peak['qualifier'])} "
        f"in {peak['as_of']:%B %Y}"
    )
    subtitle = (
        "North Korean troops sent to Russia in total (people), each claim at the date it describes; a light band "
        "across the month or year when that is all it gives."
    )
    return claims_panels([(rows, "Troops sent, in total")], title, subtitle, "North Korean troops (people)", warned)


@registered("02-losses")
def losses_chart(package) -> Chart:
    from dprk_kursk.analysis import caveats, comparable

    context = package.figures_in_context()
    killed, both = comparable(context, "killed"), comparable(context, "casualties")
    warned = pd.concat(
        [caveats(context, package.figure_links, "killed"), caveats(context, package.figure_links, "casualties")]
    )
    compared = killed[~killed["figure_id"].isin(warned.index)].sort_values(["as_of", "reported", "figure_id"])
    first, top = compared.iloc[0], first_reaching(compared, compared["value"].max())
    most = first_reaching(both[~both["figure_id"].isin(warned.index)], both["value"].max())
    said = {
        row["figure_id"]: f"{worded(row['value'], row['qualifier'])} in {row['as_of']:%B %Y}" for row in (first, top)
    }
    if first["claimant_id"] == top["claimant_id"]:
        title = (
            f"{whose(package, first['claimant_id'])} raised its count of North Korean dead from "
            f"{said[first['figure_id']]} to {said[top['figure_id']]}"
        )
    else:
        title = (
            f"Claims of North Korean dead rose from {said[first['figure_id']]} ({whose(package, first['claimant_id'])}) "
            f"to {said[top['figure_id']]} ({whose(package, top['claimant_id'])})"
        )
    subtitle = (
        f"Killed and wounded together reached {worded(most['value'], most['qualifier'])} "
        f"({whose(package, most['claimant_id'])}, {most['as_of']:%B %Y}). Totals for the whole contingent at the "
        f"date they describe. ⚠ hollow: {len(warned)} killed claims that likely count killed and wounded "
        f"({', '.join(warned.index)}), drawn but not compared."
    )
    return claims_panels(
        [(killed, "Killed"), (both, "Killed and wounded together")],
        title,
        subtitle,
        "North Korean troops (people)",
        warned,
    )


# The few events the Kursk chart labels (the start of the incursion and Russia's claims to have retaken it), each
# with a short label in the chart's words; the date comes from events.csv.
KURSK_EVENTS = {
    "E0001": ("Ukraine's incursion begins", "bottom"),
    "E0053": ("Russia says Sudzha retaken", "top"),
    "E0007": ("Russia says all of Kursk retaken", "top"),
}
SAME_WEEKS = pd.Timedelta(days=28)


def _event_lines(ax, package):
    """The few events that matter on the Kursk chart (KURSK_EVENTS): a dotted line each, labelled along it."""
    from dprk_kursk.analysis import active

    events = active(package.events).set_index("event_id").loc[list(KURSK_EVENTS)]
    for event_id, event in events.iterrows():
        ax.axvline(event["date"], color=MID, lw=1, ls=":")
        label, end = KURSK_EVENTS[event_id]
        ax.annotate(
            label,
            (event["date"], 1 if end == "top" else 0),
            xycoords=("data", "axes fraction"),
            xytext=(-3, -4 if end == "top" else 4),
            textcoords="offset points",
            rotation=90,
            ha="right",
            va=end,
            fontsize=8,
            color="0.3",
        )
    return events


@registered("03-kursk-campaign")
def kursk_chart(package) -> Chart:
    """Area of Kursk Oblast held by Ukraine, each claim at the date it describes, with the few events that matter."""
    from dprk_kursk.analysis import comparable

    held = comparable(package.figures_in_context(), "territory_held_km2", {"kursk-oblast"})
    own = held[held["country"] == "Ukraine"]
    peak = first_reaching(own, own["value"].max())
    others = held[
        (held["country"] != "Ukraine")
        & (held["as_of_precision"] == "day")
        & ((held["as_of"] - peak["as_of"]).abs() <= SAME_WEEKS)
    ]
    names = package.claimants.set_index("claimant_id")["name"]
    who = sorted(
        {
            short_name(names[c])
            if country_of(k) in ("Independent", "International")
            else ("the " + k if k.startswith("United") else k)
            for c, k in zip(others["claimant_id"], others["country"])
        }
    )
    low, high = others["low"].fillna(others["value"]).min(), others["high"].fillna(others["value"]).max()
    title = (
        f"{whose(package, peak['claimant_id'])} put Ukraine's hold on Kursk at {worded(peak['value'], peak['qualifier'])} km² "
        f"on {_day(peak['as_of'])}; {', '.join(who[:-1])} and {who[-1]} gave {low:,.0f}–{high:,.0f} km² within "
        f"{NUMBER_WORDS.get(SAME_WEEKS.days // 7, SAME_WEEKS.days // 7)} weeks"
    )
    fig, ax = new_figure(height=6)
    marks = claims(ax, held)
    country_key(ax, {country_of(c) for c in held["country"]}, marks)
    events = _event_lines(ax, package)
    ax.set_ylim(0, held["high"].fillna(held["value"]).max() * 1.12)
    ax.set_ylabel("area of Kursk Oblast held by Ukraine (km²)")
    thousands(ax.yaxis)
    date_axis(ax)
    subtitle = (
        "Ukrainian-held area of Russia's Kursk Oblast (km²) as each claimant gave it, at the date it describes; "
        "dotted lines: events."
    )
    headed(fig, title, subtitle)
    alt = (
        f"Scatter chart of {len(held)} claims of the area of Kursk Oblast held by Ukraine, {held['as_of'].min():%B %Y} "
        f"to {held['as_of'].max():%B %Y}, from {held['value'].max():,.0f} km² down to {held['value'].min():,.0f} km², "
        f"with {len(events)} events marked: "
        + "; ".join(f"{KURSK_EVENTS[i][0]} ({_day(e['date'])})" for i, e in events.iterrows())
        + "."
    )
    return Chart(fig, title, subtitle, alt)


def busiest_stretch(counts: pd.Series):
    """The shortest run of consecutive months holding more than half of `counts` (the most if several)."""
    total, values = counts.sum(), counts.to_numpy()
    for length in range(1, len(values) + 1):
        sums = [values[i : i + length].sum() for i in range(len(values) - length + 1)]
        best = int(np.argmax(sums))
        if sums[best] * 2 > total:
            return counts.index[best], counts.index[best + length - 1], int(sums[best]), length
    raise ValueError("no months")


@registered("04-volume-per-month")
def volume_chart(package) -> Chart:
    """Figures and events per month, side by side."""
    from dprk_kursk.analysis import active, monthly_volume

    table = monthly_volume(package.figures, active(package.events))
    start, end, count, months = busiest_stretch(table["figures"])
    title = (
        f"{count:,} of the {table['figures'].sum():,} standing figures were reported in the {NUMBER_WORDS.get(months, months)} months "
        f"from {start:%B %Y} to {end:%B %Y}"
    )
    fig, ax = new_figure(height=4.8)
    x = range(len(table))
    ax.bar([i - 0.2 for i in x], table["figures"], width=0.4, color=INK, label="figures (month reported)")
    ax.bar([i + 0.2 for i in x], table["events"], width=0.4, color=LIGHT, label="events (month dated)")
    ax.set_xticks(list(x), [f"{m:%b %Y}" for m in table.index.to_timestamp()], rotation=90, fontsize=8)
    ax.set_axisbelow(True)
    ax.grid(axis="x", visible=False)
    ax.set_ylabel("rows in the package (count)")
    thousands(ax.yaxis)
    ax.legend(fontsize=8, frameon=False)
    subtitle = "Standing figures per month reported and events per month dated; empty months shown as zero."
    headed(fig, title, subtitle)
    busiest = table["figures"].idxmax()
    alt = (
        f"Bar chart of rows per month, {table.index.min():%B %Y} to {table.index.max():%B %Y}; the busiest "
        f"month for figures is {busiest:%B %Y} with {table['figures'].max()}."
    )
    return Chart(fig, title, subtitle, alt)


@registered("05-wording-drift")
def drift_chart(package) -> Chart:
    """How relays reword a claim: each kind of change, split by whether it makes the number look larger or smaller."""
    from dprk_kursk.travel import drifts

    table = drifts(package.figures, package.citations)
    changed = table[table["kind"] != "same wording"]
    counts = (
        changed.groupby(["kind", "direction"])
        .size()
        .unstack(fill_value=0)
        .reindex(columns=["larger", "same", "smaller"], fill_value=0)
    )
    counts = counts.loc[counts.sum(axis=1).sort_values().index]
    fig, ax = new_figure(height=4.8)
    left = np.zeros(len(counts))
    for column, colour in (("larger", INK), ("same", LIGHT), ("smaller", MID)):
        if not counts[column].any():
            continue
        ax.barh(
            range(len(counts)),
            counts[column],
            left=left,
            color=colour,
            label=f"makes the number look {column}" if column != "same" else "neither",
        )
        left = left + counts[column].to_numpy()
    ax.set_yticks(range(len(counts)), counts.index)
    ax.set_axisbelow(True)
    ax.grid(axis="y", visible=False)
    ax.set_xlim(0, counts.sum(axis=1).max() * 1.05)
    ax.set_xlabel("citations (a further page carrying a claim)")
    thousands(ax.xaxis)
    ax.legend(fontsize=8, frameon=False, loc="lower right")
    larger = int(counts["larger"].sum())
    title = f"{larger} of {len(changed)} rewordings by relaying pages make the number look larger"
    subtitle = f"Of {len(table):,} further pages carrying a claim, {len(changed)} word its number differently from the page closest to the claimant."
    headed(fig, title, subtitle)
    alt = (
        "Horizontal bar chart of how relaying pages change a claim's wording: "
        + "; ".join(f"{kind}: {int(row.sum())}" for kind, row in counts.iloc[::-1].iterrows())
        + "."
    )
    return Chart(fig, title, subtitle, alt)
