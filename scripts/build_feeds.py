"""Atom and JSON feeds of the figures each release added, corrected or retracted.

Input: releases/changes.csv and the package (figures, claimants). Output: report/feeds/figures.{atom,json}
and report/feeds/figures-MEASURE.{atom,json}.
"""
from dprk_kursk import feeds, load_package
from dprk_kursk.changes import read_changes
from dprk_kursk.paths import REPORT


def main() -> None:
    package = load_package()
    figures = {r["figure_id"]: r for r in package.figures.astype(str).replace("<NA>", "").to_dict("records")}
    for row in figures.values():
        row["reported"] = row["reported"][:10]
    claimants = dict(zip(package.claimants["claimant_id"], package.claimants["name"]))
    out = REPORT / "feeds"
    out.mkdir(parents=True, exist_ok=True)
    for name, data in feeds.feeds(feeds.entries(read_changes(), figures, claimants)).items():
        (out / name).write_bytes(data)
    print(f"feeds written to {out.relative_to(REPORT.parent)}")


if __name__ == "__main__":
    main()
