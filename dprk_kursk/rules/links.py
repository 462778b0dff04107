"""Rules on figure_links: a link joins two active figures, in the direction its relation reads."""

from dprk_kursk.rules.context import STANDS, as_date, as_number
from dprk_kursk.rules.registry import Finding, rule


def linked(tables, *relations):
    """(link, figure, related figure) for each link (of `relations`, or any) whose two ends exist."""
    for row in tables.rows("figure_links"):
        figure, related = tables.figures.get(row.get("figure_id")), tables.figures.get(row.get("related_id"))
        if figure is not None and related is not None and (not relations or row.get("relation") in relations):
            yield row, figure, related


@rule("links.self")
def to_itself(tables):
    """A figure linked to itself."""
    for row in tables.rows("figure_links"):
        if row.get("figure_id") and row.get("figure_id") == row.get("related_id"):
            yield Finding("figure_links", row, "related_id", "a figure cannot relate to itself", row["related_id"])


@rule("links.active", "figures")
def active(tables):
    """A link to a row that no longer stands: it should name the row in that row's superseded_by."""
    for row, *ends in linked(tables):
        for column, end in zip(("figure_id", "related_id"), ends):
            if end.get("status") != STANDS:
                successor = end.get("superseded_by")
                fix = f"link {successor}, the row that stands for it" if successor else "drop the link"
                yield Finding("figure_links", row, column, f"links a {end.get('status')} row: {fix}", row[column])


@rule("links.part_larger", "figures")
def part_larger(tables):
    """A part larger than its whole, on the same measure and counted group."""
    for row, part, whole in linked(tables, "part_of"):
        same = all(part.get(c) == whole.get(c) for c in ("measure", "counted"))
        part_value, whole_value = as_number(part.get("value")), as_number(whole.get("value"))
        if same and part_value is not None and whole_value is not None and part_value > whole_value:
            yield Finding(
                "figure_links",
                row,
                "relation",
                f"the part ({row['figure_id']}, {part_value:g}) is larger "
                f"than its whole ({row['related_id']}, {whole_value:g}): is the link backwards?",
                "part_of",
            )


@rule("links.adds_to_direction", "figures")
def adds_to_direction(tables):
    """An adds_to link whose first figure is not an increment (the later wave sits in figure_id)."""
    for row, wave, _ in linked(tables, "adds_to"):
        if wave.get("basis") != "increment":
            yield Finding(
                "figure_links",
                row,
                "figure_id",
                "adds_to reads 'figure_id, a later wave, adds to "
                f"related_id', but {row['figure_id']} is a {wave.get('basis')}: is the link backwards?",
                row["figure_id"],
            )


@rule("links.repeats_direction", "figures")
def repeats_direction(tables):
    """A repeats link whose restatement (figure_id) was reported before the statement it repeats."""
    for row, later, earlier in linked(tables, "repeats"):
        said, repeated = as_date(later.get("reported")), as_date(earlier.get("reported"))
        if said and repeated and said < repeated:
            yield Finding(
                "figure_links",
                row,
                "figure_id",
                f"reported {said}, before the statement it repeats "
                f"({row['related_id']}, {repeated}): is the link backwards?",
                row["figure_id"],
            )


@rule("links.other_measure", "figures")
def other_measure(tables):
    """An other_measure link that does not join one number under two measures."""
    for row, figure, related in linked(tables, "other_measure"):
        if figure.get("value") != related.get("value") or figure.get("measure") == related.get("measure"):
            yield Finding(
                "figure_links",
                row,
                "relation",
                "other_measure joins one number under two measures: "
                f"{row['figure_id']} ({figure.get('measure')}, {figure.get('value')}) and {row['related_id']} "
                f"({related.get('measure')}, {related.get('value')})",
                "other_measure",
            )


@rule("links.other_measure_missing", "figures")
def other_measure_missing(tables):
    """One claimant's one number on one page under two measures, with no other_measure link between the rows."""
    linked_pairs = {
        frozenset((r.get("figure_id"), r.get("related_id")))
        for r in tables.rows("figure_links")
        if r.get("relation") == "other_measure"
    }
    seen = {}
    for row in tables.rows("figures"):
        if row.get("status") != STANDS or not row.get("value"):
            continue
        key = tuple(row.get(c) for c in ("claimant_id", "source_id", "value", "unit"))
        for earlier in seen.setdefault(key, []):
            if (
                earlier.get("measure") != row.get("measure")
                and frozenset((earlier.get("figure_id"), row.get("figure_id"))) not in linked_pairs
            ):
                yield Finding(
                    "figures",
                    row,
                    "figure_id",
                    f"the same number on the same page as {earlier.get('figure_id')} "
                    f"under another measure ({earlier.get('measure')}): link the two in figure_links.csv as "
                    "other_measure",
                    row.get("figure_id"),
                )
        seen[key].append(row)
