"""What the site shows, as plain rows and words: the claims explorer, the timeline, dates and bounds in words."""

import pandas as pd

from dprk_kursk.site.labels import BASIS_WORDS, COUNTED, MEASURE_LABELS, RELATION, country_label


def day_text(day, precision: str) -> str:
    if pd.isna(day) or precision == "undated":
        return "undated"
    return {"month": f"{day:%Y-%m}", "year": f"{day:%Y}"}.get(precision, f"{day:%Y-%m-%d}")


def number(value) -> str:
    return f"{value:,.0f}"


def bounds_text(row) -> str:
    low, high = row["low"], row["high"]
    if pd.notna(low) and pd.notna(high):
        return f"{number(low)}–{number(high)}"
    if pd.notna(low):
        return f"≥ {number(low)}"
    if pd.notna(high):
        return f"≤ {number(high)}"
    return number(row["value"])


def what_text(row) -> str:
    """Group (and part), basis and place in a few words: 'North Korean troops · total so far · Kursk Oblast'."""
    group = COUNTED[row["counted"]] + (f": {row['part']}" if row["scope"] == "part" else "")
    basis = BASIS_WORDS[row["basis"]]
    start, end, precision = row["period_start"], row["as_of"], row["as_of_precision"]
    if row["basis"] == "increment":
        basis = (
            "counted over a period the source does not give"
            if pd.isna(start)
            else f"counted {'on' if precision == 'day' else 'in'} {day_text(start, precision)}"
            if start == end
            else f"counted {day_text(start, precision)} to {day_text(end, precision)}"
        )
    return f"{group} · {basis} · {row['place']}"


def split_links(links) -> list:
    """'part_of F0003; includes F0009' as [(relation, figure_id), ...]; none for a missing value."""
    if pd.isna(links) or not links:
        return []
    return [tuple(item.split(" ", 1)) for item in links.split("; ")]


def warning_text(links) -> str:
    return "; ".join(f"{RELATION.get(relation, relation)} {other}" for relation, other in split_links(links))


def text(value) -> str:
    return "" if pd.isna(value) else str(value)


def claim_rows(package) -> list:
    """Every active figure as one flat row for the explorer."""
    figures = package.figures_in_context()
    return [
        {
            "figure_id": row["figure_id"],
            "as_of": day_text(row["as_of"], row["as_of_precision"]),
            "reported": f"{row['reported']:%Y-%m-%d}",
            "claimant": row["claimant"],
            "country": country_label(row["country"]),
            "measure": MEASURE_LABELS[row["measure"]],
            "what": what_text(row),
            "stated_as": row["stated_as"],
            "stated_as_en": text(row.get("stated_as_en")),
            "bounds": bounds_text(row),
            "publisher": row["publisher"],
            "url": row["url"],
            "pages": int(row["pages"]),
            "warning": warning_text(row["links"]),
            "note": text(row["note"]),
        }
        for _, row in figures.sort_values(["reported", "figure_id"]).iterrows()
    ]


def event_rows(package) -> list:
    """Every active event as one flat row for the timeline."""
    events = package.events[package.events["status"] == "active"]
    claimants = package.claimants.set_index("claimant_id")
    places = package.places.set_index("place_id")["name"]
    sources = package.sources.set_index("source_id")
    rows = []
    for _, row in events.sort_values(["date", "event_id"]).iterrows():
        who = row["claimant_id"]
        rows.append(
            {
                "event_id": row["event_id"],
                "date": day_text(row["date"], row["date_precision"]),
                "category": row["category"],
                "place": places[row["place_id"]],
                "claimant": claimants["name"].get(who, "") if pd.notna(who) else "",
                "country": country_label(claimants["country"].get(who)) if pd.notna(who) else "",
                "summary": row["summary"],
                "publisher": sources.loc[row["source_id"], "publisher"],
                "url": sources.loc[row["source_id"], "url"],
            }
        )
    return rows
