"""Rules on corrections: a corrected or duplicate row names the row that stands for it, and only such a row does."""

from dprk_kursk.rules.registry import Finding, rule

REPLACED = ("corrected", "duplicate")
KEYED = (("figures", "figure_id"), ("events", "event_id"))


def with_status(tables):
    """(resource, row, status, successor, own id) for every figure and event."""
    for resource, key in KEYED:
        for row in tables.rows(resource):
            yield resource, row, row.get("status", ""), row.get("superseded_by", ""), row.get(key)


@rule("status.no_successor")
def no_successor(tables):
    """A corrected or duplicate row names no successor in superseded_by."""
    for resource, row, status, successor, _ in with_status(tables):
        if status in REPLACED and not successor:
            yield Finding(resource, row, "superseded_by", f"a {status} row names the row that stands for it", "")


@rule("status.successor_not_replaced")
def successor_not_replaced(tables):
    """A successor on a row that is neither corrected nor a duplicate."""
    for resource, row, status, successor, _ in with_status(tables):
        if status not in REPLACED and successor:
            yield Finding(
                resource,
                row,
                "superseded_by",
                f"only a corrected or duplicate row names a successor (status {status})",
                successor,
            )


@rule("status.self")
def supersedes_itself(tables):
    """A row names itself as its successor."""
    for resource, row, _, successor, own in with_status(tables):
        if successor and successor == own:
            yield Finding(resource, row, "superseded_by", "a row cannot supersede itself", successor)
