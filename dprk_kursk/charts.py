"""Charts that look the same in every notebook and are byte-identical from one run to the next."""
import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.layout_engine import ConstrainedLayoutEngine

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


def use_style() -> None:
    """Apply the package's chart style (fixed sizes, fixed SVG hash salt)."""
    matplotlib.rcParams.update(STYLE)


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

    Writes figures/NAME.png, .svg and .txt (title and alt text, for the report). The notebook shows the PNG
    just written instead of drawing the figure a third time, so what a reader sees is the file in figures/.
    """
    from IPython.display import Image, display

    credit(chart.fig, version)
    png, _ = save(chart.fig, name)
    png.with_suffix(".txt").write_text(f"{chart.title}\n{chart.alt}\n", encoding="utf-8")
    plt.close(chart.fig)
    display(Image(filename=str(png)))



# One colour per claimant's country or group, the same in every chart (Okabe-Ito: safe for colour-blind readers).
COUNTRY_COLOURS = {"Ukraine": "#0072B2", "South Korea": "#E69F00", "United States": "#009E73", "United Kingdom": "#CC79A7",
                   "Russia": "#D55E00", "North Korea": "#000000", "International": "#56B4E9", "Netherlands": "#882255",
                   "Japan": "#117733", "Türkiye": "#999999", "Independent": "#666666"}
COUNTRY_LABEL = {"Independent": "independent", "International": "international"}
# A claim's marker says what its wording bounds: a floor points up, a ceiling down, a range or a figure is a dot.
MARKER = {"at_least": "^", "more_than": "^", "up_to": "v", "less_than": "v"}
# How long a period a date of each precision stands for (a month is drawn as 30 days, a year as 365).
PERIOD = {"month": pd.Timedelta(days=30), "year": pd.Timedelta(days=365)}
CATEGORY_COLOURS = {"territory": "#D55E00", "combat": "#E69F00", "confirmation": "#CC79A7", "prisoners": "#009E73"}


class Chart:
    """A finished figure with the sentence it states (title) and a description for readers who cannot see it."""

    def __init__(self, fig, title: str, alt: str):
        self.fig, self.title, self.alt = fig, title, alt


HEADER_INCHES = 0.7  # title and subtitle above every axes
FOOTER_INCHES = 0.25  # the credit line below


def headed(fig, title: str, subtitle: str) -> None:
    """The finding as the title and what is drawn as the subtitle, both above every axes, left-aligned."""
    from matplotlib.transforms import offset_copy

    fig.text(0.01, 1, title, ha="left", va="top", fontsize=12, fontweight="bold",
             transform=offset_copy(fig.transFigure, fig, y=-6, units="points"))
    fig.text(0.01, 1, subtitle, ha="left", va="top", fontsize=9, color="0.3",
             transform=offset_copy(fig.transFigure, fig, y=-26, units="points"))


def new_figure(rows: int = 1, height: float = 5.5, **kwargs):
    """A figure of the package's width whose layout leaves room for the header and the credit line."""
    fig, axes = plt.subplots(rows, 1, figsize=(10, height), layout="constrained", **kwargs)
    bottom, top = FOOTER_INCHES / height, 1 - HEADER_INCHES / height
    fig.get_layout_engine().set(rect=(0, bottom, 1, top - bottom))
    return fig, axes


def claims(ax, rows) -> list:
    """Each claim as a point at the date it describes, with the range its wording implies, coloured by country.

    A claim dated only to a month or a year is drawn at the middle of that period, with a bar across it.
    `rows` needs as_of, as_of_precision, value, low, high, qualifier and country. Points are never joined: each
    is one claim. Returns the countries drawn, for the key.
    """
    low = (rows["value"] - rows["low"].fillna(rows["value"])).clip(lower=0)
    high = (rows["high"].fillna(rows["value"]) - rows["value"]).clip(lower=0)
    period_end = rows["as_of"] + rows["as_of_precision"].map(PERIOD).fillna(pd.Timedelta(0))
    middle = rows["as_of"] + (period_end - rows["as_of"]) / 2
    half = (period_end - rows["as_of"]) / 2
    for (country, marker), mine in rows.groupby([rows["country"], rows["qualifier"].map(MARKER).fillna("o")]):
        ax.errorbar(middle[mine.index], mine["value"], yerr=[low[mine.index], high[mine.index]], xerr=half[mine.index],
                    fmt=marker, ms=6, capsize=3, color=COUNTRY_COLOURS[country], ecolor=COUNTRY_COLOURS[country], lw=1)
    return sorted(rows["country"].unique())


def country_key(ax, countries) -> None:
    """One key for the chart: a colour per country or group, and what the marker shapes mean."""
    from matplotlib.lines import Line2D

    handles = [Line2D([], [], ls="none", marker="s", ms=8, color=COUNTRY_COLOURS[c], label=COUNTRY_LABEL.get(c, c))
               for c in countries]
    handles += [Line2D([], [], ls="none", marker=m, ms=6, color="0.3", label=t)
                for m, t in (("o", "about / exact"), ("^", "at least"), ("v", "up to"))]
    ax.legend(handles=handles, fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False,
              title="claimant's country; wording", title_fontsize=8)


def date_axis(ax, label="date the figure describes") -> None:
    import matplotlib.dates as mdates

    ax.xaxis.set_major_locator(mdates.MonthLocator(bymonth=(1, 4, 7, 10)))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%b %Y"))
    ax.set_xlabel(label)


def troop_balance(balance, day: str) -> Chart:
    """Waterfall of the balance on one day (accounting.balance_on): sent, each part taken away, the remainder."""
    fig, ax = new_figure(height=5.5)
    level, labels = 0.0, []
    for i, row in enumerate(balance.itertuples()):
        last = i == len(balance) - 1
        start = 0.0 if i == 0 or last else level
        height = row.value if i == 0 or last else -row.value
        ax.bar(i, height, bottom=start, width=0.6, color="0.35" if i == 0 else "0.75" if last else "#D55E00")
        ax.annotate(row.stated_as or f"about {row.value:,.0f}", (i, max(start, start + height)), xytext=(0, 3),
                    textcoords="offset points", ha="center", va="bottom", fontsize=9)
        level = start + height if not last else level
        labels.append(row.step)
    ax.set_xticks(range(len(labels)), labels)
    ax.set_ylim(0, balance["value"].iloc[0] * 1.12)
    ax.set_ylabel("North Korean troops (people)")
    remainder, sent = balance["value"].iloc[-1], balance["value"].iloc[0]
    title = f"About {remainder:,.0f} of the {sent:,.0f} sent are covered by no figure standing on {day}"
    headed(fig, title, "Each term is the newest claim standing that day for the whole contingent; labels as worded.")
    alt = (f"Waterfall chart. Sent to Russia {sent:,.0f}; minus "
           + "; minus ".join(f"{r.step[0].lower()}{r.step[1:]} {r.stated_as}" for r in balance.iloc[1:-1].itertuples())
           + f"; leaves about {remainder:,.0f} unaccounted for.")
    return Chart(fig, title, alt)


def claims_over_time(panels, title: str, subtitle: str, ylabel: str) -> Chart:
    """One panel per (rows, panel title): claims by country at the date they describe, one shared key."""
    fig, axes = new_figure(rows=len(panels), height=4.2 * len(panels) + 1, sharex=True, squeeze=False)
    countries = set()
    for ax, (rows, label) in zip(axes[:, 0], panels):
        countries |= set(claims(ax, rows))
        ax.set_title(label, loc="left", fontsize=10)
        ax.set_ylabel(ylabel)
    date_axis(axes[-1, 0])
    country_key(axes[0, 0], sorted(countries))
    headed(fig, title, subtitle)
    alt = " ".join(f"{label}: {len(rows)} claims from {rows['as_of'].min():%B %Y} to {rows['as_of'].max():%B %Y}, "
                   f"from {rows['value'].min():,.0f} to {rows['value'].max():,.0f}." for rows, label in panels)
    return Chart(fig, title, f"Scatter chart with ranges, by claimant's country. {alt}")


def ground_and_events(held, events, title: str) -> Chart:
    """Area held at the date it describes, over the events that moved it."""
    fig, (top, bottom) = new_figure(rows=2, height=7.5, sharex=True, height_ratios=[3, 2])
    country_key(top, claims(top, held))
    top.set_ylabel("area held by Ukraine (km²)")
    for category, group in events.groupby("category"):
        bottom.scatter(group["date"], [category] * len(group), color=CATEGORY_COLOURS[category], s=25)
    bottom.set_ylabel("event")
    date_axis(bottom, "date the figure describes / date of the event")
    headed(fig, title, "Top: Ukrainian-held area of Kursk Oblast, each claim at the date it describes (across the month when "
                       "that is all it gives). Bottom: events.")
    alt = (f"Scatter chart of {len(held)} claims of Ukrainian-held area, from {held['value'].max():,.0f} km² at most "
           f"to {held['value'].min():,.0f} km² at least, {held['as_of'].min():%B %Y} to {held['as_of'].max():%B %Y}, "
           f"above {len(events)} events by category.")
    return Chart(fig, title, alt)


def volume(table, title: str) -> Chart:
    """Figures and events per month, side by side."""
    fig, ax = new_figure(height=4.8)
    x = range(len(table))
    ax.bar([i - 0.2 for i in x], table["figures"], width=0.4, color="#0072B2", label="figures (month reported)")
    ax.bar([i + 0.2 for i in x], table["events"], width=0.4, color="#E69F00", label="events (month dated)")
    ax.set_xticks(list(x), [f"{m:%b %Y}" for m in table.index.to_timestamp()], rotation=90, fontsize=8)
    ax.set_ylabel("rows in the package")
    ax.legend(fontsize=8, frameon=False)
    headed(fig, title, "Active figures per month reported and events per month dated; empty months shown as zero.")
    busiest = table["figures"].idxmax()
    alt = (f"Bar chart of rows per month, {table.index.min():%B %Y} to {table.index.max():%B %Y}; the busiest "
           f"month for figures is {busiest:%B %Y} with {table['figures'].max()}.")
    return Chart(fig, title, alt)


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
    found = [f"outside the canvas: {t.get_text()!r}" for t, box in boxes
             if box.x0 < canvas.x0 - 1 or box.y0 < canvas.y0 - 1 or box.x1 > canvas.x1 + 1 or box.y1 > canvas.y1 + 1]
    for i, (first, a) in enumerate(boxes):
        for second, b in boxes[i + 1:]:
            if min(a.x1, b.x1) - max(a.x0, b.x0) > 1 and min(a.y1, b.y1) - max(a.y0, b.y0) > 1:
                found.append(f"overlap: {first.get_text()!r} and {second.get_text()!r}")
    return found


# Every chart of the notebooks, built from the package the way the notebooks build them (the tests draw each).
SEED_DAY = "2026-02-11"


def balance_chart(package, day: str = SEED_DAY) -> Chart:
    from dprk_kursk.accounting import balance_on

    stamp = pd.Timestamp(day)
    return troop_balance(balance_on(package.figures, day), f"{stamp.day} {stamp:%B %Y}")


def sent_chart(package) -> Chart:
    from dprk_kursk.accounting import SENT_PLACES
    from dprk_kursk.analysis import comparable

    rows = comparable(package.figures_in_context(), "troops_deployed", SENT_PLACES)
    return claims_over_time([(rows, "North Korean troops sent to Russia, in total")],
                            "Totals sent settled at 10,000-12,000, then rose to 14,000-15,000 as later waves were counted",
                            "Each claim at the date it describes (a bar across the month or year when that is all it gives); vertical bars: its stated range.",
                            "North Korean troops (people)")


def losses_chart(package) -> Chart:
    from dprk_kursk.analysis import comparable

    panels = [(comparable(package.figures_in_context(), measure), label)
              for measure, label in (("killed", "Killed"), ("casualties", "Killed and wounded together"))]
    return claims_over_time(panels, "Claims of the dead differ tenfold in the same months; killed and wounded reached about 6,000",
                            "Totals for the whole contingent (no unit, battle or week) at the date they describe; a bar across the month when that is all they give.",
                            "North Korean troops (people)")


def kursk_chart(package) -> Chart:
    from dprk_kursk.analysis import active, comparable

    held = comparable(package.figures_in_context(), "territory_held_km2", {"kursk-oblast"})
    events = active(package.events)
    shown = events[(events["date"] >= "2024-08-01") & events["category"].isin(list(CATEGORY_COLOURS))]
    return ground_and_events(held, shown,
                             "Ukraine's hold on Kursk peaked near 1,300 km² in 2024 and shrank to tens of km² by late April 2025")


def volume_chart(package) -> Chart:
    from dprk_kursk.analysis import active, monthly_volume

    return volume(monthly_volume(package.figures, active(package.events)), "Most figures were published from October 2024 to April 2025")


def drift_chart(package) -> Chart:
    """How relays reword a claim: each kind of change, split by whether it makes the number look larger or smaller."""
    from dprk_kursk.travel import drifts

    table = drifts(package.figures, package.citations)
    changed = table[table["kind"] != "same wording"]
    counts = changed.groupby(["kind", "direction"]).size().unstack(fill_value=0).reindex(columns=["larger", "same", "smaller"], fill_value=0)
    counts = counts.loc[counts.sum(axis=1).sort_values().index]
    fig, ax = new_figure(height=4.8)
    left = np.zeros(len(counts))
    for column, colour in (("larger", "#D55E00"), ("same", "#999999"), ("smaller", "#0072B2")):
        if not counts[column].any():
            continue
        ax.barh(range(len(counts)), counts[column], left=left, color=colour, label=f"makes the number look {column}" if column != "same" else "neither")
        left = left + counts[column].to_numpy()
    ax.set_yticks(range(len(counts)), counts.index)
    ax.set_xlabel("citations (a further page carrying a claim)")
    ax.legend(fontsize=8, frameon=False, loc="lower right")
    larger = int(counts["larger"].sum())
    title = f"{larger} of {len(changed)} rewordings by relaying pages make the number look larger"
    headed(fig, title, f"Of {len(table)} further pages carrying a claim, {len(changed)} word its number differently from the page closest to the claimant.")
    alt = "Horizontal bar chart of how relaying pages change a claim's wording: " + "; ".join(
        f"{kind}: {int(row.sum())}" for kind, row in counts.iloc[::-1].iterrows()) + "."
    return Chart(fig, title, alt)


CHARTS = {"01-troop-accounting-seed": balance_chart, "02-troops-deployed": sent_chart, "02-losses": losses_chart,
          "03-kursk-campaign": kursk_chart, "04-volume-per-month": volume_chart, "05-wording-drift": drift_chart}
