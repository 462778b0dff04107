"""Foreign keys, one set lookup per cell (frictionless' own lookup re-opens every referenced table)."""

from dprk_kursk.descriptor import referenced_table
from dprk_kursk.rules.registry import Finding, rule


def keys(tables):
    """(resource, key, target table) for every well-formed foreign key whose target's schema could be read."""
    for resource, resource_keys in tables.foreign_keys.items():
        for key in resource_keys:
            target = referenced_table(key, resource)
            if not (
                target in tables.fields and tables.fields[target] is None
            ):  # an unreadable schema is reported already
                yield resource, key, target


def target_exists(tables, key, target) -> bool:
    names = {f.get("name") for f in tables.fields.get(target) or []}
    return target in tables.fields and set(key["reference"]["fields"]) <= names


@rule("references.target")
def target(tables):
    """A foreign key names a table or column that does not exist."""
    for resource, key, target_table in keys(tables):
        if not target_exists(tables, key, target_table):
            yield Finding(
                None,
                None,
                "",
                f"foreign key {resource}.{','.join(key['fields'])} names "
                f"{target_table}.{','.join(key['reference']['fields'])}, which does not exist",
            )


@rule("references.id")
def known_id(tables):
    """A value (empty cells aside) that does not exist in the column its foreign key references."""
    for resource, key, target_table in keys(tables):
        if not target_exists(tables, key, target_table) or target_table not in tables.tables.keys() - tables.partial:
            continue  # a table not read, or read only up to a run-on quote, has ids unseen
        wanted, known = key["fields"], key["reference"]["fields"]
        ids = {tuple(r.get(f, "") for f in known) for r in tables.rows(target_table)}
        for row in tables.rows(resource):
            value = tuple(row.get(f, "") for f in wanted)
            if "" not in value and value not in ids:
                yield Finding(resource, row, wanted[0], f"no such id in {target_table}", ",".join(value))
