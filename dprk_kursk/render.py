"""The template engines: HTML with autoescape, Markdown with the table-cell filter; and Markdown to HTML with
raw HTML escaped (descriptions in datapackage.json are written by contributors, so never trusted)."""

import json
from pathlib import Path

import jinja2
import mistune
from markupsafe import Markup

TEMPLATES = Path(__file__).resolve().parent / "templates"


def cell(value) -> str:
    """A value fit for one cell of a Markdown table: pipes escaped, on one line."""
    return str(value).replace("|", "\\|").replace("\n", " ")


def script_json(value) -> Markup:
    """JSON to place inside a script element: every '<' is written \\u003c, so no value can close the element or
    open a comment inside it; JSON.parse reads it back unchanged."""
    return Markup(json.dumps(value, ensure_ascii=False, sort_keys=True).replace("<", "\\u003c"))


def html_environment() -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    environment.filters["script_json"] = script_json
    environment.filters["attr_json"] = lambda value: json.dumps(value, ensure_ascii=False, sort_keys=True)
    return environment


def markdown_environment() -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    environment.filters["cell"] = cell
    return environment


def markdown_to_html(text: str) -> Markup:
    """CommonMark with tables; any raw HTML in `text` comes out escaped, as text."""
    return Markup(mistune.create_markdown(escape=True, plugins=["table"])(text))
