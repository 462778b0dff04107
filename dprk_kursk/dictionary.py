"""The data dictionary, rendered as Markdown from datapackage.json and the data it describes
(dprk_kursk/templates/data-dictionary.md).

One section per table: what a row means, its coverage, every field with type, constraints and
description, and each vocabulary (enum) with the meaning of each value and how many rows use it.
"""

from dprk_kursk.descriptor import referenced_table


def constraints(field: dict, primary_key: list) -> list:
    """Each constraint as (words, code values): the template sets code values in backticks."""
    rules = field.get("constraints", {})
    parts = [
        ("primary key", []) if field["name"] in primary_key else None,
        ("required", []) if rules.get("required") else None,
        ("unique", []) if rules.get("unique") and field["name"] not in primary_key else None,
    ]
    if "pattern" in rules:
        parts.append(("pattern", [rules["pattern"]]))
    if "minimum" in rules:
        parts.append((f"≥ {rules['minimum']}", []))
    if "maximum" in rules:
        parts.append((f"≤ {rules['maximum']}", []))
    if "enum" in rules:
        parts.append(("one of the values below", []) if "x-vocabulary" in field else ("one of", rules["enum"]))
    if field.get("format") and field["format"] != "default":
        parts.append((f"format {field['format']}", []))
    return [part for part in parts if part]


def references(resource: dict) -> dict:
    """Field name -> 'table.field' it refers to."""
    found = {}
    for key in resource["schema"].get("foreignKeys", []):
        target = referenced_table(key, resource["name"])
        for mine, theirs in zip(key["fields"], key["reference"]["fields"]):
            found[mine] = f"{target}.{theirs}"
    return found


def coverage(resource: dict, table) -> dict:
    """Rows (active rows where the table has a status) and, per date field, its first and last day."""
    active = int((table["status"] == "active").sum()) if "status" in table.columns else None
    dates = []
    for field in resource["schema"]["fields"]:
        column = table[field["name"]].dropna()
        if field.get("type") == "date" and len(column):
            dates.append(
                {
                    "name": field["name"],
                    "first": f"{column.min():%Y-%m-%d}",
                    "last": f"{column.max():%Y-%m-%d}",
                    "rows": len(column),
                }
            )
    return {"rows": len(table), "active": active, "dates": dates}


def table_context(resource: dict, table) -> dict:
    schema = resource["schema"]
    primary_key = schema.get("primaryKey", [])
    refs = references(resource)
    fields = [
        {
            "name": field["name"],
            "type": field.get("type", "string"),
            "constraints": constraints(field, primary_key),
            "refers_to": refs.get(field["name"], ""),
            "description": field.get("description", ""),
        }
        for field in schema["fields"]
    ]
    vocabularies = []
    for field in schema["fields"]:
        if "x-vocabulary" in field:
            counts = table[field["name"]].value_counts()
            vocabularies.append(
                {
                    "name": field["name"],
                    "values": [
                        (value, meaning, int(counts.get(value, 0))) for value, meaning in field["x-vocabulary"].items()
                    ],
                }
            )
    return {
        "name": resource["name"],
        "path": resource["path"],
        "description": resource["description"],
        "coverage": coverage(resource, table),
        "fields": fields,
        "vocabularies": vocabularies,
    }


def render(package) -> str:
    """The whole dictionary for a loaded Package (see dprk_kursk.load)."""
    from dprk_kursk.render import markdown_environment

    descriptor = package.descriptor
    joins = [(res["name"], mine, target) for res in descriptor["resources"] for mine, target in references(res).items()]
    return (
        markdown_environment()
        .get_template("data-dictionary.md")
        .render(
            descriptor=descriptor,
            joins=joins,
            licences=[lic.get("name", "") for lic in descriptor.get("licenses", [])],
            tables=[table_context(res, package.tables[res["name"]]) for res in descriptor["resources"]],
        )
    )
