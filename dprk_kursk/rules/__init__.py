"""The validator's rules beyond frictionless' types and constraints, one small function each, registered with
a code by `registry.rule` and grouped by table or concern. Importing this package registers every rule.

To add a rule: write a function in the module of its table (or a new module listed below) that takes a
`Tables` and yields `Finding`s, decorate it with `@rule("table.what")`, and add a corruption case for its code
in tests/test_corruption.py (tests/test_rules_registry.py fails until you do).
"""
from dprk_kursk.rules import (  # noqa: F401  (imported to register their rules)
    citations, claimants, dates, events, figures, links, numbers, references, sources, status, text)
from dprk_kursk.rules.context import LINE, Tables
from dprk_kursk.rules.registry import CODES, RULES, Finding, declare, rule, run

__all__ = ["CODES", "LINE", "RULES", "Finding", "Tables", "check", "declare", "rule", "run"]


def check(tables, paths, fields, foreign_keys=None, today=None, partial=()) -> list:
    """Every registered rule over one package's raw tables (see context.Tables), as Problems with their codes."""
    context = Tables(tables, paths, fields, foreign_keys or {}, partial=set(partial))
    if today is not None:
        context.today = today
    return run(context)
