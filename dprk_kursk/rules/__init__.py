"""The validator's rules beyond frictionless' types and constraints, one small function each, registered with
a code by `registry.rule` and grouped by table or concern. Importing this package imports every module in it,
and so registers every rule: nothing lists rules or modules by hand.

To add a rule: write a function in the module of its table (or in a new module here) that takes a `Tables`
and yields `Finding`s, decorate it with `@rule("table.what")`, and add a corruption case for its code in
tests/test_corruption.py (tests/test_rules_registry.py fails until you do).
"""

import importlib
import pkgutil

from dprk_kursk.rules.context import LINE, Tables
from dprk_kursk.rules.registry import CODES, RULES, Finding, declare, rule, run

__all__ = ["CODES", "LINE", "RULES", "Finding", "Tables", "check", "declare", "rule", "run"]

for _module in pkgutil.iter_modules(__path__):
    importlib.import_module(f"{__name__}.{_module.name}")


def check(tables, paths, fields, foreign_keys=None, today=None, partial=()) -> list:
    """Every registered rule over one package's raw tables (see context.Tables), as Problems with their codes."""
    context = Tables(tables, paths, fields, foreign_keys or {}, partial=set(partial))
    if today is not None:
        context.today = today
    return run(context)
