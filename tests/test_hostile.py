"""The hostile-fork suite: what a stranger's pull request could hold, built on copies of the real package and
run through scripts/validate.py as CI runs it, all runs at once.

Each case must end within seconds with the expected exit status and a located line naming the file; never show
the outside 'secret' file's marker; print no raw control character and no line that starts with anything but a
package file name or the summary (so nothing a terminal or GitHub Actions would act on); and never a traceback.
No case may reach the listening socket the remote urls point at.
"""

import json
import os
import re
import socket
import subprocess
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from conftest import copy_package, edit_descriptor, load_script, read, run_validator, set_cell, write

from dprk_kursk.problems import shown
from dprk_kursk.validate import validate

PACKAGE, SOURCES, CLAIMANTS = "datapackage.json", "data/sources.csv", "data/claimants.csv"
EVENTS, FIGURES = "data/events.csv", "data/figures.csv"
MARKER = f"OUTSIDE-SECRET-{uuid.uuid4().hex}"
SUMMARY = re.compile(r"\d+ tables, \d+ rows checked: ")
RAW = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]")
SECONDS = 5
LIMIT = 0.5  # --max-seconds for the case that would run forever


def added(name, make=None, file=None, **changes):
    """A breaker adding resource `name`, a copy of the claimants resource: its file is data/NAME.csv (or `file`)
    made by `make(path, world)`, else the claimants file; `changes` to the copy may use {secret}, {relative}, {url}."""

    def breaker(root, world):
        path = file or (f"data/{name}.csv" if make else CLAIMANTS)
        if make:
            make(root / path, world)
        filled = {key: value.format(**world) if isinstance(value, str) else value for key, value in changes.items()}
        edit_descriptor(
            root,
            lambda d: d["resources"].append(
                {**next(r for r in d["resources"] if r["name"] == "claimants"), "name": name, "path": path, **filled}
            ),
        )

    return breaker


def claimants_rows(change):
    """A `make` writing the claimants table after `change(rows)`."""

    def make(path, world):
        rows = read(path.parent / "claimants.csv")
        change(rows)
        write(path, rows)

    return make


def spreadsheet(path, world):
    path.write_bytes(b"PK\x03\x04" + bytes(range(256)))


def binary(path, world):
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 64)


def huge(path, world):
    path.write_bytes(b"")
    os.truncate(path, 60_000_000)


def backtracking_pattern(root, world):
    """A schema pattern that takes forever on a cell that almost matches it."""
    set_cell(root, CLAIMANTS, 3, "note", "a" * 60 + "!")
    edit_descriptor(
        root,
        lambda d: next(
            f for r in d["resources"] if r["name"] == "claimants" for f in r["schema"]["fields"] if f["name"] == "note"
        ).update(constraints={"pattern": "(a|aa)+"}),
    )


def descriptor_as_directory(root, world):
    (root / PACKAGE).unlink()
    (root / PACKAGE).mkdir()
    (root / PACKAGE / "inside.json").write_text(MARKER)


def nested_descriptor(root, world):
    (root / PACKAGE).write_text('{"resources": ' + "[" * 100_000 + "]" * 100_000 + "}")


def large_descriptor(root, world):
    edit_descriptor(root, lambda d: d.update(description="x" * 1_100_000))


def cell(file, line, column, value):
    return lambda root, world: set_cell(root, file, line, column, value)


def header(file, column, label):
    def breaker(root, world):
        rows = read(root / file)
        rows[0][rows[0].index(column)] = label
        write(root / file, rows)

    return breaker


ESCAPES = "\x1b[2J\x1b]0;title\x07\rover\n\u202eright\u2066\x85"  # the newline makes the csv writer quote the cell

# (id, group, breaker(root, world), exit status, file the located line names, fragment of that line; None where
# the case is valid in itself).
# The cases of a group share one copy (each on a resource, row or column of its own) and one run, as the
# corruption suite's cell cases do, to keep the suite fast; a case with no group refuses the whole package.
CASES = [
    (
        "link out of the package",
        "files",
        added("link-out", lambda path, world: path.symlink_to(world["secret"])),
        1,
        "data/link-out.csv",
        "resource 'link-out': a link leading outside the package folder",
    ),
    (
        "link to /dev/zero",
        "files",
        added("zero", lambda path, world: path.symlink_to("/dev/zero")),
        1,
        "data/zero.csv",
        "resource 'zero': a link leading outside the package folder",
    ),
    ("dot-dot path", "files", added("dot-dot", path="{relative}"), 1, PACKAGE, "'dot-dot' path is a path out of"),
    ("absolute path", "files", added("absolute", path="{secret}"), 1, PACKAGE, "'absolute' path is an absolute path"),
    ("file url path", "files", added("file-url", path="file://{secret}"), 1, PACKAGE, "'file-url' path is a url"),
    ("FIFO", "files", added("fifo", lambda path, world: os.mkfifo(path)), 1, "data/fifo.csv", "(a FIFO)"),
    (
        "directory as resource",
        "files",
        added("folder", lambda path, world: path.mkdir()),
        1,
        "data/folder.csv",
        "(a directory)",
    ),
    ("data file over 50 MB", "files", added("huge", huge), 1, "data/huge.csv", "larger than the 50,000,000-byte limit"),
    ("binary file as resource", "files", added("binary", binary), 1, "data/binary.csv", "not UTF-8"),
    (
        "deprecated keys that make frictionless warn",
        "files",
        added("legacy", layout={"header": True}, compression="no"),
        1,
        None,
        None,
    ),
    (
        "spreadsheet as resource",
        "files",
        added("sheet", spreadsheet, "data/sheet.xlsx", format="xlsx"),
        1,
        PACKAGE,
        "'sheet' is not a local CSV file",
    ),
    (
        "remote path",
        "remote",
        added("remote-path", path="{url}/claimants.csv"),
        1,
        PACKAGE,
        "'remote-path' path is a url; validation reads only files inside the package and never fetches one",
    ),
    (
        "remote schema",
        "remote",
        added("remote-schema", schema="{url}/schema.json"),
        1,
        PACKAGE,
        "'remote-schema' schema is a url",
    ),
    (
        "remote dialect",
        "remote",
        added("remote-dialect", dialect="{url}/dialect.json"),
        1,
        PACKAGE,
        "'remote-dialect' dialect is a url",
    ),
    (
        "remote profile",
        "remote",
        added("remote-profile", profile="{url}/profile.json"),
        1,
        PACKAGE,
        "'remote-profile' names a profile other than data-resource or tabular-data-resource",
    ),
    (
        "remote $schema",
        "remote",
        lambda root, world: edit_descriptor(root, lambda d: d.update({"$schema": world["url"]})),
        1,
        PACKAGE,
        "$schema: names a profile that is not a standard Data Package profile",
    ),
    (
        "forged workflow command in a cell",
        "output",
        cell(FIGURES, 3, "claimant_id", "ua-hur\n::error file=README.md::forged"),
        1,
        FIGURES,
        "no such id in claimants (ua-hur\\n::error",
    ),
    (
        "escape, CR and bidi in a cell",
        "output",
        cell(EVENTS, 3, "summary", f"Kursk{ESCAPES}"),
        1,
        EVENTS,
        "control or invisible character (Kursk\\x1b[2J\\x1b]0;title\\x07\\rover\\n\\u202eright\\u2066\\x85)",
    ),
    (
        "escape, CR and bidi in a header",
        "output",
        header(SOURCES, "publisher", f"publisher{ESCAPES}"),
        1,
        SOURCES,
        "header: incorrect label (publisher\\x1b[2J",
    ),
    (
        "3 MB cell",
        "output",
        added("big-cell", claimants_rows(lambda rows: rows[2].__setitem__(4, "x" * 3_000_000))),
        1,
        "data/big-cell.csv",
        "over the limit of 100,000 characters",
    ),
    (
        "10,000 extra empty cells",
        "output",
        added("wide-row", claimants_rows(lambda rows: rows[2].extend([""] * 10_000))),
        1,
        "data/wide-row.csv",
        "over the limit of 200",
    ),
    ("datapackage.json a directory", None, descriptor_as_directory, 1, PACKAGE, "(a directory)"),
    ("descriptor nested 100,000 deep", None, nested_descriptor, 1, PACKAGE, "nested deeper"),
    ("descriptor over 1 MB", None, large_descriptor, 1, PACKAGE, "larger than the 1,000,000-byte limit"),
    (
        "pattern that backtracks forever",
        None,
        backtracking_pattern,
        2,
        PACKAGE,
        f"could not validate: OutOfTime: took longer than {LIMIT} s",
    ),
]
ARGS = {"pattern that backtracks forever": ["--max-seconds", str(LIMIT)]}  # the default limit, 60 s, is too long here


@pytest.fixture(scope="module")
def listener():
    """A socket on 127.0.0.1 that the remote urls point at; no case may connect to it."""
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(16)
        server.setblocking(False)
        yield server


@pytest.fixture(scope="module")
def runs(tmp_path_factory, listener):
    """Every group and every case with no group built and validated at once: {key: (root, process or None, seconds)}."""
    secret = tmp_path_factory.mktemp("outside") / "secret.csv"
    secret.write_text(f"{MARKER},{MARKER}\n{MARKER},{MARKER}\n")
    runs = {}
    for name, group, breaker, *_ in CASES:
        root = runs.setdefault(group or name, copy_package(tmp_path_factory.mktemp("hostile")))
        breaker(
            root,
            {
                "secret": secret,
                "relative": os.path.relpath(secret, root),
                "url": f"http://127.0.0.1:{listener.getsockname()[1]}",
            },
        )

    def run(key):
        started = time.perf_counter()
        try:
            done = run_validator(runs[key], *ARGS.get(key, []), timeout=2 * SECONDS)
        except subprocess.TimeoutExpired:
            done = None
        return key, (runs[key], done, time.perf_counter() - started)

    # As many at once as there are cores: each run's seconds are then its own, not a share of the queue's.
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        return dict(pool.map(run, runs))


def package_files(root: Path) -> set:
    return {str(path.relative_to(root)) for path in root.rglob("*")} | {PACKAGE}


@pytest.mark.parametrize("name, group, breaker, status, file, fragment", CASES, ids=[c[0] for c in CASES])
def test_hostile_package_is_refused_safely(runs, name, group, breaker, status, file, fragment):
    root, done, seconds = runs[group or name]
    assert done is not None and seconds < SECONDS, f"took {seconds:.1f} s"
    output = done.stdout + done.stderr
    lines = done.stdout.rstrip("\n").split("\n")
    assert MARKER not in output
    assert "Traceback" not in output and done.stderr == ""
    assert not any(RAW.search(line) for line in output.split("\n")), "raw control character in the output"
    files = package_files(root)
    assert SUMMARY.match(lines[-1]) and all(line.split(":", 1)[0] in files for line in lines[:-1]), output
    assert file is None or any(line.startswith(f"{file}:") and fragment in line for line in lines), output
    assert done.returncode == status, output


def test_json_shows_what_the_lines_show(runs):
    result = validate(runs["output"][0])
    assert not RAW.search(json.dumps(result.as_dict(), ensure_ascii=False))
    assert any("\\x1b" in problem.as_dict()["value"] for problem in result.problems)
    for problem in result.problems:
        assert all(str(field) in str(problem) for field in problem.as_dict().values())


def test_no_case_reaches_the_network(runs, listener):
    with pytest.raises(BlockingIOError):
        listener.accept()


def test_unexpected_error_is_one_line_and_status_2(package_copy, monkeypatch, capsys):
    cli = load_script("validate")
    monkeypatch.setattr(cli, "validate", lambda path: 1 / 0)
    assert cli.main([str(package_copy)]) == 2
    lines = capsys.readouterr().out.splitlines()
    assert lines == [
        "datapackage.json:1: -: could not validate: ZeroDivisionError: division by zero",
        "0 tables, 0 rows checked: could not validate",
    ]


def test_shown_escapes_and_cuts():
    assert shown("a\nb\r\x1b[31m\u202e\x85\t") == "a\\nb\\r\\x1b[31m\\u202e\\x85\\t"
    assert shown("é" * 200) == "é" * 80 + "…"
    assert shown("\x00" * 30) == "\\x00" * 20 + "…"
