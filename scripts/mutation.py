"""Mutation testing of the core modules: put one small bug at a time into a module, run the tests that reach it,
and count the bugs they catch.

Inputs: the modules and test files named in MODULES (a package folder mutates every .py file in it), and
bench/mutation-equivalent.txt (mutant id, then why it cannot change behaviour; not counted against the score).
Outputs: bench/mutation.json (every mutant and its outcome) and bench/mutation.md (the score per module); exits 1
when a module scores below FLOOR.
Usage: python scripts/mutation.py [module ...]   (default: every module in MODULES; a run over some modules keeps
the others' last results), --report to re-score the last results after editing the list of equivalents, or
--survivors [module ...] to re-run only the mutants that survived the last run (quick, after adding tests; a
mutant caught before is taken as caught, so a full run stays the authority once tests are changed or removed).
To mutate another module or package, add one line to MODULES. Tests that run the code in a subprocess do not see
the mutant.

Mutants come from Python's ast: arithmetic, comparison and boolean operators, constants, `not`, return values,
deleted statements, and the word tables (one entry of a module-level dict or list, or one alternative of a
regular expression, removed at a time). Each mutant runs in a forked copy of this process, which has pytest and
pandas imported already, with a time limit; two run at once.
"""

import ast
import hashlib
import importlib.abc
import importlib.util
import json
import os
import select
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from dprk_kursk.render import markdown_environment
from dprk_kursk.schema import MEMO_FOLDER

ROOT = Path(__file__).resolve().parents[1]
# Module (dprk_kursk/NAME.py or the package dprk_kursk/NAME/) -> the test files (or test ids) that reach it, in the
# order they run.
MODULES = {
    "stated": ["tests/test_stated.py", "tests/test_stated_properties.py"],
    "standing": ["tests/test_standing.py", "tests/test_headline.py"],
    "accounting": ["tests/test_accounting.py", "tests/test_standing.py"],
    "travel": ["tests/test_travel.py"],
    "frames": ["tests/test_travel.py", "tests/test_package.py"],
    "analysis": ["tests/test_analysis.py", "tests/test_standing.py", "tests/test_headline.py", "tests/test_tables.py"],
    # The rules' cases on tables in memory first, then the corruption suite's cell and row cases, frictionless'
    # slow structural cases last: -x stops at the first failure.
    "rules": [
        "tests/test_rules_figures.py",
        "tests/test_rules_sources.py",
        "tests/test_rules_text_events.py",
        "tests/test_rules_robust.py",
        "tests/test_corruption.py::test_every_cell_case_has_a_row_of_its_own",
        "tests/test_corruption.py::test_cell_breakage_is_located",
        "tests/test_corruption.py::test_valid_cell_is_not_reported",
        "tests/test_corruption.py::test_appended_row_is_judged",
        "tests/test_rules_registry.py",
        "tests/test_corruption.py",
        "tests/test_package.py",
    ],
    "changes": ["tests/test_changes.py"],
}
EQUIVALENT = ROOT / "bench" / "mutation-equivalent.txt"
OUTPUT = ROOT / "bench"
WORKERS = 2
FLOOR = 0.90  # every module's score, like a budget of the benchmark: a run below it exits 1
SWAP = {
    ast.Add: ast.Sub,
    ast.Sub: ast.Add,
    ast.Mult: ast.Div,
    ast.Div: ast.Mult,
    ast.FloorDiv: ast.Div,
    ast.Mod: ast.Mult,
    ast.Lt: ast.LtE,
    ast.LtE: ast.Lt,
    ast.Gt: ast.GtE,
    ast.GtE: ast.Gt,
    ast.Eq: ast.NotEq,
    ast.NotEq: ast.Eq,
    ast.In: ast.NotIn,
    ast.NotIn: ast.In,
    ast.Is: ast.IsNot,
    ast.IsNot: ast.Is,
    ast.And: ast.Or,
    ast.Or: ast.And,
    ast.BitAnd: ast.BitOr,
    ast.BitOr: ast.BitAnd,
}


def alternatives(pattern: str) -> list:
    """(start, end) of each alternative of each `|` group in a regular expression; unclosed groups end at the end."""
    groups, stack, i, in_class = [], [[0, []]], 0, False
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 1
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            start = i + 1
            if pattern.startswith("?P<", start):
                start = pattern.find(">", start) + 1
            elif pattern.startswith(("?<!", "?<="), start):
                start += 3
            elif pattern.startswith("?", start):
                start += 2
            stack.append([start, []])
        elif char == "|":
            stack[-1][1].append(i)
        elif char == ")" and len(stack) > 1:
            groups.append((*stack.pop(), i))
        i += 1
    while stack:
        start, bars = stack.pop()
        groups.append((start, bars, len(pattern)))
    spans = []
    for start, bars, end in groups:
        edges = [start - 1, *bars, end]
        spans += [(edges[k] + 1, edges[k + 1]) for k in range(len(edges) - 1)] if bars else []
    return spans


def without_alternative(pattern: str, span) -> str:
    """The pattern with one alternative and one neighbouring `|` removed."""
    start, end = span
    if end < len(pattern) and pattern[end] == "|":
        return pattern[:start] + pattern[end + 1 :]
    return pattern[: start - 1] + pattern[end:]


class Mutator(ast.NodeTransformer):
    """Walks a module; lists every mutation point, or applies the one numbered `target`."""

    def __init__(self, target=-1):
        self.target, self.count, self.points, self.scope = target, 0, [], []

    def point(self, node, kind, replacement):
        """Register a mutation point; return the replacement if it is the target, else None."""
        index, self.count = self.count, self.count + 1
        if self.target == -1:
            before = ast.unparse(node) if isinstance(node, ast.AST) else str(node)
            after = ast.unparse(replacement) if isinstance(replacement, ast.AST) else str(replacement)
            self.points.append(
                {
                    "scope": ".".join(self.scope) or "<module>",
                    "kind": kind,
                    "line": getattr(node, "lineno", 0),
                    "before": before[:120],
                    "after": after[:120],
                }
            )
        return replacement if index == self.target else None

    def visit_FunctionDef(self, node):
        self.scope.append(node.name)
        node.body = self.statements(
            node.body[1:] if ast.get_docstring(node) else node.body, node.body[:1] if ast.get_docstring(node) else []
        )
        node.args = self.visit(node.args)
        self.scope.pop()
        return node

    def statements(self, body, kept):
        """Each statement in a function body may be deleted (replaced by `pass`)."""
        out = list(kept)
        for statement in body:
            deleted = (
                self.point(statement, "delete statement", ast.Pass()) if not isinstance(statement, ast.Return) else None
            )
            out.append(ast.copy_location(deleted, statement) if deleted else self.visit(statement))
        return out

    def visit_Module(self, node):
        body = node.body[1:] if ast.get_docstring(node) else node.body
        node.body = node.body[: len(node.body) - len(body)] + [self.visit(statement) for statement in body]
        return node

    def visit_Assign(self, node):
        if not self.scope and isinstance(node.value, (ast.Dict, ast.List, ast.Set, ast.Tuple)):
            name = ast.unparse(node.targets[0])
            self.scope.append(name)
            node.value = self.table(node.value)
            self.scope.pop()
            return node
        return self.generic_visit(node)

    def table(self, node):
        """A word table: each entry may be removed; each entry is then mutated as usual."""
        if isinstance(node, ast.Tuple) and not all(isinstance(e, (ast.Dict, ast.List, ast.Set)) for e in node.elts):
            return self.generic_visit(node)
        if isinstance(node, ast.Tuple):
            node.elts = [self.table(e) for e in node.elts]
            return node
        if isinstance(node, ast.Dict):
            for k in range(len(node.keys)):
                smaller = ast.Dict(
                    keys=node.keys[:k] + node.keys[k + 1 :], values=node.values[:k] + node.values[k + 1 :]
                )
                if self.point(node.keys[k], "remove table entry", ast.Constant("<removed>")):
                    return smaller
            node.values = [self.visit(v) for v in node.values]
            return node
        for k in range(len(node.elts)):
            if self.point(node.elts[k], "remove table entry", ast.Constant("<removed>")):
                return type(node)(
                    elts=node.elts[:k] + node.elts[k + 1 :], **({"ctx": node.ctx} if hasattr(node, "ctx") else {})
                )
        node.elts = [self.visit(e) for e in node.elts]
        return node

    def visit_If(self, node):
        node.test = self.visit(node.test)
        node.body, node.orelse = self.statements(node.body, []), self.statements(node.orelse, [])
        return node

    def visit_For(self, node):
        node.iter = self.visit(node.iter)
        node.body = self.statements(node.body, [])
        return node

    def visit_JoinedStr(self, node):
        return node  # f-strings are messages, not logic

    def visit_Constant(self, node):
        value = node.value
        if isinstance(value, bool):
            return self.point(node, "constant", ast.Constant(not value)) or node
        if isinstance(value, (int, float)):
            replacement = self.point(node, "constant", ast.Constant(value + 1))
            replacement = replacement or (
                self.point(node, "constant", ast.Constant(0)) if value not in (0, 1) else None
            )
            return replacement or node
        if isinstance(value, str):
            spans = alternatives(value) if "|" in value else []
            for span in spans:
                shorter = without_alternative(value, span)
                if self.point(ast.Constant(value[span[0] : span[1]]), "remove word", ast.Constant(shorter)):
                    return ast.Constant(shorter)
            if not spans:
                return self.point(node, "constant", ast.Constant("" if value else "X")) or node
        return node

    def visit_BinOp(self, node):
        self.generic_visit(node)
        swapped = SWAP.get(type(node.op))
        return (swapped and self.point(node, "operator", ast.BinOp(node.left, swapped(), node.right))) or node

    def visit_BoolOp(self, node):
        self.generic_visit(node)
        return self.point(node, "boolean", ast.BoolOp(SWAP[type(node.op)](), node.values)) or node

    def visit_Compare(self, node):
        self.generic_visit(node)
        for k, op in enumerate(node.ops):
            if type(op) in SWAP:
                ops = node.ops[:k] + [SWAP[type(op)]()] + node.ops[k + 1 :]
                if self.point(node, "comparison", ast.Compare(node.left, ops, node.comparators)):
                    return ast.Compare(node.left, ops, node.comparators)
        return node

    def visit_UnaryOp(self, node):
        self.generic_visit(node)
        if isinstance(node.op, (ast.Not, ast.Invert)):
            return self.point(node, "negation", node.operand) or node
        return node

    def visit_IfExp(self, node):
        self.generic_visit(node)
        return (
            self.point(node, "condition", ast.IfExp(ast.UnaryOp(ast.Not(), node.test), node.body, node.orelse)) or node
        )

    def visit_Return(self, node):
        self.generic_visit(node)
        if node.value is not None:
            return self.point(node, "return value", ast.Return(ast.Constant(None))) or node
        return node


def mutants(path: Path, name: str) -> list:
    """Every mutant of the file: a stable id, where, what changes."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    walker = Mutator()
    walker.visit(tree)
    seen = {}
    for index, point in enumerate(walker.points):
        key = f"{name}:{point['scope']}:{point['kind']}:{point['before']} -> {point['after']}"
        seen[key] = seen.get(key, 0) + 1
        key += f"#{seen[key]}" if seen[key] > 1 else ""
        point.update(
            index=index, module=name, file=str(path.relative_to(ROOT)), id=hashlib.sha1(key.encode()).hexdigest()[:10]
        )
    return walker.points


def mutated_code(path: Path, index: int):
    tree = Mutator(index).visit(ast.parse(path.read_text(encoding="utf-8")))
    return compile(ast.fix_missing_locations(tree), str(path), "exec")


class MutantLoader(importlib.abc.Loader):
    """Imports one module from its mutated code instead of its file."""

    def __init__(self, path: Path, index: int):
        self.path, self.index = path, index

    def is_package(self, name):
        return self.path.name == "__init__.py"

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        exec(mutated_code(self.path, self.index), module.__dict__)


class MutantFinder(importlib.abc.MetaPathFinder):
    """Finds the mutated module under its own name; every other import goes on as usual."""

    def __init__(self, path: Path, index: int):
        parts = path.relative_to(ROOT).with_suffix("").parts
        self.name, self.path, self.index = ".".join(parts[:-1] if parts[-1] == "__init__" else parts), path, index

    def find_spec(self, fullname, path=None, target=None):
        if fullname != self.name:
            return None
        return importlib.util.spec_from_file_location(fullname, self.path, loader=MutantLoader(self.path, self.index))


class InOrder:
    """A pytest plugin that runs the collected tests in the order MODULES lists them (pytest groups by file)."""

    def __init__(self, tests: list):
        self.tests = tests

    def rank(self, item) -> int:
        listed = (
            i for i, t in enumerate(self.tests) if item.nodeid == t or item.nodeid.startswith((t + "[", t + "::"))
        )
        return next(listed, len(self.tests))

    def pytest_collection_modifyitems(self, items):
        items.sort(key=self.rank)


def run_child(path: Path, index, tests: list) -> int:
    """In a forked child: install the (mutated) module, run its tests quietly, return pytest's exit code."""
    import pytest

    for name in [m for m in sys.modules if m == "dprk_kursk" or m.startswith("dprk_kursk.")]:
        del sys.modules[name]  # imported by this runner: the child imports the project afresh, mutant included
    if index is not None:
        sys.meta_path.insert(0, MutantFinder(path, index))
    os.environ["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1"
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, 1), os.dup2(null, 2)
    arguments = [*tests, "-x", "-q", "-p", "no:cacheprovider", "-o", "addopts=", "-W", "ignore"]
    return int(pytest.main(arguments, plugins=[InOrder(tests)]))


def fork(path, index, tests):
    """Start a child running one mutant; returns (pid, read end of a pipe that closes when it exits)."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read)
        try:
            code = run_child(path, index, tests)
        except BaseException:
            code = 99
        os._exit(code)
    os.close(write)
    return pid, read


def run_all(jobs: list, timeout: float) -> dict:
    """Run (key, path, index, tests) jobs, WORKERS at a time; the outcome of each key: caught, survived or timeout."""
    outcomes, running, queue = {}, {}, list(jobs)
    while queue or running:
        while queue and len(running) < WORKERS:
            key, path, index, tests = queue.pop(0)
            pid, pipe = fork(path, index, tests)
            running[pipe] = (key, pid, time.monotonic())
        ready, _, _ = select.select(list(running), [], [], 0.5)
        for pipe in list(running):
            key, pid, started = running[pipe]
            if pipe in ready:
                _, status = os.waitpid(pid, 0)
                code = os.waitstatus_to_exitcode(status)
                outcomes[key] = "survived" if code == 0 else "caught"
            elif time.monotonic() - started > timeout:
                os.kill(pid, 9)
                os.waitpid(pid, 0)
                outcomes[key] = "timeout"
            else:
                continue
            os.close(pipe)
            del running[pipe]
            if len(outcomes) % 50 == 0:
                print(f"  {len(outcomes)} of {len(jobs)} run", file=sys.stderr, flush=True)
    return outcomes


def equivalents() -> dict:
    """Mutant id -> the reason it cannot change behaviour, from bench/mutation-equivalent.txt."""
    if not EQUIVALENT.exists():
        return {}
    lines = [line.split(None, 1) for line in EQUIVALENT.read_text(encoding="utf-8").splitlines()]
    return {parts[0]: parts[1] if len(parts) > 1 else "" for parts in lines if parts and not parts[0].startswith("#")}


def last_outcomes() -> dict:
    """Mutant id -> what it did in the last recorded run (bench/mutation.json)."""
    if not (OUTPUT / "mutation.json").exists():
        return {}
    return {m["id"]: m["ran"] for m in json.loads((OUTPUT / "mutation.json").read_text(encoding="utf-8"))["mutants"]}


def main(names, survivors_only=False):
    import hypothesis  # noqa: F401  (imported once here, shared by every forked child)
    import pandas  # noqa: F401
    import pytest  # noqa: F401

    os.chdir(ROOT)
    # frictionless' findings on a test copy are the same under every mutant of the project's code: computed once.
    memo = tempfile.mkdtemp(prefix="frictionless-memo-")
    for name in names:
        os.environ[MEMO_FOLDER] = memo if name != "schema" else ""  # unless the findings' own code is mutated
        target = ROOT / "dprk_kursk" / name
        files = sorted(target.glob("*.py")) if target.is_dir() else [target.with_suffix(".py")]
        tests = [t for t in MODULES[name] if (ROOT / t.split("::")[0]).exists()]
        started = time.monotonic()
        baseline = run_all([("baseline", files[0], None, tests)], timeout=600)["baseline"]
        took = time.monotonic() - started
        if baseline != "survived":
            sys.exit(f"{name}: the tests fail without any mutant ({', '.join(tests)})")
        points = [p for f in files for p in mutants(f, name)]
        last = last_outcomes() if survivors_only else {}
        rerun = [p for p in points if last.get(p["id"], "survived") == "survived"]
        outcomes = {p["id"]: last[p["id"]] for p in points if p not in rerun}
        outcomes |= run_all([(p["id"], ROOT / p["file"], p["index"], tests) for p in rerun], timeout=max(10, 6 * took))
        for point in points:
            point["ran"] = outcomes[point["id"]]
        summary = write_report({name: tests}, points, survivors_only)
        print(f"{name}: {summary[name]}", flush=True)
    low = {name: s["score"] for name, s in summary.items() if name in names and s["score"] < FLOOR}
    if low:
        sys.exit(f"below the floor of {FLOOR:.0%} caught: {low} (see bench/mutation.md)")


def scores(results: list, tests: dict) -> dict:
    """Per module: how many mutants were caught, timed out, survived or are listed as equivalent, and the score."""
    known, summary = equivalents(), {}
    for point in results:
        if "ran" not in point:  # a result written before outcomes were re-scored
            point["ran"] = "survived" if point["outcome"] == "equivalent" else point["outcome"]
        point["outcome"] = "equivalent" if point["id"] in known and point["ran"] == "survived" else point["ran"]
        point["reason"] = known[point["id"]] if point["outcome"] == "equivalent" else ""
    for name in dict.fromkeys(p["module"] for p in results):
        points = [p for p in results if p["module"] == name]
        counts = {o: sum(p["outcome"] == o for p in points) for o in ("caught", "timeout", "survived", "equivalent")}
        scored = counts["caught"] + counts["timeout"] + counts["survived"]
        summary[name] = counts | {
            "mutants": len(points),
            "score": round((counts["caught"] + counts["timeout"]) / scored, 3),
            "tests": tests[name],
        }
    return summary


def write_report(tests: dict, new: list, survivors_only: bool = False) -> dict:
    """bench/mutation.json: every mutant and the scores of earlier runs; bench/mutation.md: scores, history, survivors.
    A run over some modules keeps the others' last results; equivalents are applied afresh to all. A run of the
    last survivors only is marked as such in the history."""
    previous = (
        json.loads((OUTPUT / "mutation.json").read_text(encoding="utf-8"))
        if (OUTPUT / "mutation.json").exists()
        else {}
    )
    tests = {name: s["tests"] for name, s in previous.get("modules", {}).items()} | tests
    results = [m for m in previous.get("mutants", []) if m["module"] not in {r["module"] for r in new}] + new
    summary = scores(results, tests)
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    run = {
        "commit": commit,
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "run": "survivors re-run" if survivors_only else "full",
        "scores": {name: s["score"] for name, s in summary.items() if name in {r["module"] for r in new}},
    }
    history = previous.get("history", []) + ([run] if new else [])
    (OUTPUT / "mutation.json").write_text(
        json.dumps({"modules": summary, "history": history, "mutants": results}, indent=1, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    names = sorted({name for entry in history for name in entry["scores"]})
    environment = markdown_environment()
    environment.filters["code"] = lambda text: " ".join(text.split()).replace("|", "\\|").replace("`", "'")
    report = environment.get_template("mutation.md").render(
        summary=summary,
        names=names,
        history=history,
        survivors=[p for p in results if p["outcome"] == "survived"],
        equivalents=[p for p in results if p["outcome"] == "equivalent"],
    )
    (OUTPUT / "mutation.md").write_text(report, encoding="utf-8")
    return summary


if __name__ == "__main__":
    arguments = sys.argv[1:]
    if arguments == ["--report"]:  # re-score bench/mutation.json after editing the list of equivalents
        write_report({}, [])
    elif arguments[:1] == ["--survivors"]:  # after adding tests: re-run only the mutants that survived last time
        main(arguments[1:] or list(MODULES), survivors_only=True)
    else:
        main(arguments or list(MODULES))
