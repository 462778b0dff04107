"""The data dictionary, rendered as Markdown from datapackage.json and the data it describes.

One section per table: what a row means, its coverage, every field with type, constraints and
description, and each vocabulary (enum) with the meaning of each value and how many rows use it.
"""
from dprk_kursk.descriptor import referenced_table

HEADER = """# Data dictionary

Generated from `datapackage.json` and `data/` by `scripts/build_docs.py` (`make docs`); do not edit by hand.
Package `{name}`, version {version}.

{description}

Tables: {tables}. Keys join them: {joins}.
"""


def cell_text(text) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def constraints_text(field: dict, primary_key: list) -> str:
    rules = field.get("constraints", {})
    parts = ["primary key" if field["name"] in primary_key else ""]
    parts += ["required" if rules.get("required") else "", "unique" if rules.get("unique") and field["name"] not in primary_key else ""]
    if "pattern" in rules:
        parts.append(f"pattern `{rules['pattern']}`")
    if "minimum" in rules:
        parts.append(f"≥ {rules['minimum']}")
    if "maximum" in rules:
        parts.append(f"≤ {rules['maximum']}")
    if "enum" in rules:
        parts.append("one of the values below" if "x-vocabulary" in field else "one of " + ", ".join(f"`{v}`" for v in rules["enum"]))
    if field.get("format") and field["format"] != "default":
        parts.append(f"format {field['format']}")
    return "; ".join(p for p in parts if p)


def references(resource: dict) -> dict:
    """Field name -> 'table.field' it refers to."""
    found = {}
    for key in resource["schema"].get("foreignKeys", []):
        target = referenced_table(key, resource["name"])
        for mine, theirs in zip(key["fields"], key["reference"]["fields"]):
            found[mine] = f"{target}.{theirs}"
    return found


def coverage(resource: dict, table) -> list:
    lines = [f"- rows: {len(table)}"]
    if "status" in table.columns:
        lines[0] += f" ({int((table['status'] == 'active').sum())} active)"
    for field in resource["schema"]["fields"]:
        column = table[field["name"]].dropna()
        if field.get("type") == "date" and len(column):
            lines.append(f"- `{field['name']}`: {column.min():%Y-%m-%d} to {column.max():%Y-%m-%d} ({len(column)} rows with a value)")
    return lines


def vocabulary(field: dict, table) -> list:
    counts = table[field["name"]].value_counts()
    lines = [f"#### `{field['name']}` values", "", "| value | meaning | rows |", "| --- | --- | ---: |"]
    lines += [f"| `{value}` | {cell_text(meaning)} | {int(counts.get(value, 0))} |" for value, meaning in field["x-vocabulary"].items()]
    return lines + [""]


def table_section(resource: dict, table) -> list:
    schema = resource["schema"]
    primary_key = schema.get("primaryKey", [])
    refs = references(resource)
    lines = [f"## {resource['name']}", "", f"File [`{resource['path']}`](../{resource['path']}). {resource['description']}", "",
             "Coverage:", "", *coverage(resource, table), "",
             "| field | type | constraints | refers to | description |", "| --- | --- | --- | --- | --- |"]
    for field in schema["fields"]:
        lines.append(f"| `{field['name']}` | {field.get('type', 'string')} | {cell_text(constraints_text(field, primary_key))} | "
                     f"{'`' + refs[field['name']] + '`' if field['name'] in refs else ''} | {cell_text(field.get('description', ''))} |")
    lines.append("")
    for field in schema["fields"]:
        if "x-vocabulary" in field:
            lines += vocabulary(field, table)
    return lines


def render(package) -> str:
    """The whole dictionary for a loaded Package (see dprk_kursk.load)."""
    descriptor = package.descriptor
    joins = "; ".join(f"`{res['name']}.{mine}` → `{target}`" for res in descriptor["resources"]
                      for mine, target in references(res).items())
    text = HEADER.format(name=descriptor["name"], version=descriptor["version"], description=descriptor["description"],
                         tables=", ".join(f"[{r['name']}](#{r['name']})" for r in descriptor["resources"]), joins=joins)
    sections = [line for res in descriptor["resources"] for line in table_section(res, package.tables[res["name"]])]
    licence = ", ".join(lic.get("name", "") for lic in descriptor.get("licenses", []))
    return text + "\n" + "\n".join(sections) + f"\nLicence of the data: {licence}.\n"
