"""What the static site shows, as plain rows: the claims explorer, the timeline and the headline answers."""
import pandas as pd

from dprk_kursk.accounting import PRESENT_PLACES, SENT_PLACES
from dprk_kursk.standing import standing_on

HEADLINE = [("How many North Korean troops were sent to Russia?", "troops_deployed", SENT_PLACES),
            ("How many are still in Kursk Oblast?", "troops_present", PRESENT_PLACES),
            ("How many were killed?", "killed", None),
            ("How many were killed or wounded?", "casualties", None),
            ("How many have gone home?", "returned_home", None)]
RECENT_DAYS = 365
COUNTED = {"kpa_troops": "North Korean troops", "kpa_combat_troops": "North Korean combat troops",
           "kpa_engineers": "North Korean engineers", "kpa_builders": "North Korean builders",
           "kpa_engineers_builders": "North Korean engineers and builders", "ua_forces": "Ukrainian forces",
           "ru_forces": "Russian forces"}
BASIS_WORDS = {"stock": "level on the day", "cumulative": "total so far", "increment": "over a period", "plan": "planned"}
RELATION = {"part_of": "part of", "includes": "includes", "adds_to": "a later wave on", "followed_by": "followed by",
            "other_measure": "same number, other measure, in", "repeats": "restates", "repeated_by": "restated by"}


def day_text(day, precision: str) -> str:
    if pd.isna(day) or precision == "undated":
        return "undated"
    return {"month": f"{day:%Y-%m}", "year": f"{day:%Y}"}.get(precision, f"{day:%Y-%m-%d}")


def bounds_text(row) -> str:
    low, high = row["low"], row["high"]
    if pd.notna(low) and pd.notna(high):
        return f"{low:,.0f}–{high:,.0f}"
    if pd.notna(low):
        return f"≥ {low:,.0f}"
    if pd.notna(high):
        return f"≤ {high:,.0f}"
    return f"{row['value']:,.0f}"


def what_text(row) -> str:
    """Group (and part), basis and place in a few words: 'North Korean troops · total so far · Kursk Oblast'."""
    group = COUNTED[row["counted"]] + (f": {row['part']}" if row["scope"] == "part" else "")
    basis = BASIS_WORDS[row["basis"]]
    start, end, precision = row["period_start"], row["as_of"], row["as_of_precision"]
    if row["basis"] == "increment":
        basis = ("counted over a period the source does not give" if pd.isna(start) else
                 f"counted {'on' if precision == 'day' else 'in'} {day_text(start, precision)}" if start == end else
                 f"counted {day_text(start, precision)} to {day_text(end, precision)}")
    return f"{group} · {basis} · {row['place']}"


def warning_text(links) -> str:
    if pd.isna(links):
        return ""
    parts = [item.split(" ", 1) for item in links.split("; ")]
    return "; ".join(f"{RELATION.get(relation, relation)} {other}" for relation, other in parts)


def claim_rows(package) -> list:
    """Every active figure as one flat row for the explorer."""
    figures = package.figures_in_context()
    return [{"figure_id": row["figure_id"], "as_of": day_text(row["as_of"], row["as_of_precision"]),
             "reported": f"{row['reported']:%Y-%m-%d}", "claimant": row["claimant"], "country": row["country"],
             "measure": row["measure"], "what": what_text(row), "stated_as": row["stated_as"], "bounds": bounds_text(row),
             "publisher": row["publisher"], "url": row["url"], "pages": int(row["pages"]),
             "warning": warning_text(row["links"])}
            for _, row in figures.sort_values(["reported", "figure_id"]).iterrows()]


def event_rows(package) -> list:
    """Every active event as one flat row for the timeline."""
    events = package.events[package.events["status"] == "active"]
    claimants = package.claimants.set_index("claimant_id")
    places = package.places.set_index("place_id")["name"]
    sources = package.sources.set_index("source_id")
    rows = []
    for _, row in events.sort_values(["date", "event_id"]).iterrows():
        who = row["claimant_id"]
        rows.append({"event_id": row["event_id"], "date": day_text(row["date"], row["date_precision"]),
                     "category": row["category"], "place": places[row["place_id"]],
                     "claimant": claimants["name"].get(who, "") if pd.notna(who) else "",
                     "country": claimants["country"].get(who, "") if pd.notna(who) else "",
                     "summary": row["summary"], "publisher": sources.loc[row["source_id"], "publisher"],
                     "url": sources.loc[row["source_id"], "url"]})
    return rows


def headline(package) -> dict:
    """For each headline question: the range of claims standing on the package's latest day, and who holds each end."""
    day = package.figures["reported"].max()
    names = package.claimants["name"].set_axis(package.claimants["claimant_id"])
    rows = []
    for question, measure, places in HEADLINE:
        standing = standing_on(package.figures, measure, day, places, max_age_days=RECENT_DAYS)
        if standing.empty:
            rows.append({"question": question, "range": "no claim", "ends": "", "latest": "", "claims": 0})
            continue
        low, high, newest = standing.loc[standing["floor"].idxmin()], standing.loc[standing["ceiling"].idxmax()], standing.iloc[-1]
        said = lambda row: f"{names[row['claimant_id']]} ({row['stated_as']}, {row['reported']:%d %b %Y})"  # noqa: E731
        rows.append({"question": question, "range": f"{low['floor']:,.0f} to {high['ceiling']:,.0f}",
                     "ends": f"lowest: {said(low)}; highest: {said(high)}", "latest": said(newest), "claims": len(standing)})
    return {"day": f"{day:%d %B %Y}", "rows": rows}
