"""Charts that look the same in every notebook and are byte-identical from one run to the next."""
import matplotlib
import matplotlib.pyplot as plt
from cycler import cycler
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
    if isinstance(engine, ConstrainedLayoutEngine):
        engine.set(rect=(0, 0.035, 1, 0.965))  # keep the bottom strip free for the credit line
    fig.text(0.01, 0.005, CREDIT.format(version=version), fontsize=8, color="0.35", ha="left", va="bottom")


def claimant_cycle(ax) -> None:
    """Colours and markers varied together, so up to 40 series stay tell-apart (the default repeats after 10)."""
    ax.set_prop_cycle(cycler(marker=["o", "s", "^", "D"]) * cycler(color=plt.get_cmap("tab10").colors))


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


def show(fig, name: str, version: str) -> None:
    """Credit, save and display a finished chart.

    The notebook shows the PNG just written instead of drawing the figure a third time, so what a reader
    sees is byte for byte the file in figures/.
    """
    from IPython.display import Image, display

    credit(fig, version)
    png, _ = save(fig, name)
    plt.close(fig)
    display(Image(filename=str(png)))


# One colour per claimant's country or group, the same in every chart (Okabe-Ito: safe for colour-blind readers).
COUNTRY_COLOURS = {"Ukraine": "#0072B2", "South Korea": "#E69F00", "United States": "#009E73", "United Kingdom": "#CC79A7",
                   "Russia": "#D55E00", "North Korea": "#000000", "International": "#56B4E9", "Netherlands": "#F0E442",
                   "Japan": "#882255", "Türkiye": "#999999", "None": "#666666"}
