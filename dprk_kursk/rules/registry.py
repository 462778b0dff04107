"""The rule registry: every check beyond frictionless' types and constraints is one function registered here
with its code, and `run` finds them by registration (a rule never needs listing by hand).

A rule takes a `Tables` (see context.py) and yields `Finding`s; the runner turns each into a Problem that
carries the rule's code. `CODES` also names the codes of the problems found before the rules run (reading
the files, frictionless' schema checks, refusing untrusted files), so every code a Problem may carry is
known in one place.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

from dprk_kursk.problems import Problem
from dprk_kursk.rules.context import LINE


class Finding(NamedTuple):
    """What a rule found: in `resource` (None: the descriptor, line 1) at `row`, `column`, with `value` shown."""

    resource: str
    row: dict
    column: str
    message: str
    value: object = ""


@dataclass(frozen=True)
class Rule:
    code: str
    check: Callable
    needs: tuple  # the tables that must have been read for the rule to run
    description: str


RULES: dict[str, Rule] = {}
CODES: dict[str, str] = {}


def rule(code: str, *needs: str):
    """Register the decorated function as the rule `code` (table.what), run only when the `needs` tables were read."""

    def register(check):
        if code in CODES:
            raise ValueError(f"rule code {code} registered twice")
        if not (check.__doc__ or "").strip():
            raise ValueError(f"rule {code} needs a docstring: its first line describes the code in the docs")
        description = check.__doc__.strip().splitlines()[0]
        RULES[code] = Rule(code, check, needs, description)
        CODES[code] = description
        return check

    return register


def declare(code: str, description: str) -> str:
    """Name a code given by code outside the registry (file reading, schema checks); returns the code."""
    CODES.setdefault(code, description)
    return code


def run(tables) -> list:
    """Every registered rule over `tables`, as Problems carrying their rule's code."""
    problems = []
    for code, registered in RULES.items():
        if not set(registered.needs) <= tables.tables.keys():
            continue
        for found in registered.check(tables):
            if found.resource is None:
                problems.append(Problem("datapackage.json", 1, found.column, found.message, str(found.value), code))
            else:
                problems.append(
                    Problem(
                        tables.paths[found.resource],
                        found.row[LINE],
                        found.column,
                        found.message,
                        str(found.value),
                        code,
                    )
                )
    return problems
