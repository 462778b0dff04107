"""The one place CSV files are read and written as text: the validator's hostile reading (`read_rows`) and the
plain reading and writing of trusted copies (`read_csv`, `write_csv`) used by the synthetic packages and tests.
The typed reading into DataFrames is the loader's (dprk_kursk.load)."""

import csv
import io
from pathlib import Path
from typing import NamedTuple

from dprk_kursk.problems import Problem
from dprk_kursk.rules.context import LINE
from dprk_kursk.rules.registry import declare
from dprk_kursk.untrusted import MAX_CELL_CHARS, MAX_ROW_CELLS

BOM = declare("file.bom", "a file starting with a byte-order mark")
CRLF = declare("file.crlf", "a file with Windows (CRLF) line endings")
ENCODING = declare("file.encoding", "a file that is not UTF-8")
NOT_CSV = declare("file.csv", "a file that cannot be read as CSV within the limits")
ROW_LENGTH = declare("file.row_length", "a row with more or fewer fields than the header")
QUOTE = declare("file.quote", "a quote left open, running the row on over later lines")
BLANK = declare("file.blank_row", "a blank row")


def read_csv(path: Path) -> tuple:
    """The header and the rows (dicts) of one trusted CSV."""
    with open(path, encoding="utf-8", newline="") as file:
        reader = csv.DictReader(file)
        return reader.fieldnames, list(reader)


def read_lists(path: Path) -> list:
    """Every record of one trusted CSV, the header first, each as a list of cells."""
    with open(path, encoding="utf-8", newline="") as file:
        return list(csv.reader(file))


def write_csv(path: Path, fields: list, rows) -> None:
    """Write `rows` (dicts, or lists when `fields` is None) as UTF-8 CSV with LF line endings."""
    with open(path, "w", encoding="utf-8", newline="") as file:
        if fields is None:
            csv.writer(file, lineterminator="\n").writerows(rows)
            return
        writer = csv.DictWriter(file, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def byte_problems(file: str, raw: bytes) -> list:
    """A byte-order mark and CRLF line endings, each once, at its line."""
    problems = []
    if raw.startswith(b"\xef\xbb\xbf"):
        problems.append(Problem(file, 1, "", "file starts with a byte-order mark (save as UTF-8 without BOM)", "", BOM))
    if b"\r\n" in raw:
        line = raw[: raw.index(b"\r\n")].count(b"\n") + 1
        problems.append(
            Problem(
                file,
                line,
                "",
                "Windows line endings (CRLF) from this line: save the file with LF line endings",
                "",
                CRLF,
            )
        )
    return problems


class Stop(Exception):
    """A row that stops the file being read further, as its Problem; `readable` when the rows before it count."""

    def __init__(self, problem, readable):
        super().__init__(problem.message)
        self.problem, self.readable = problem, readable


class Read(NamedTuple):
    """One CSV as the validator reads it: `header` and `rows` are None when the file cannot be read as CSV within
    the limits; `misfits`, the lines whose shape is wrong (any other problem there only repeats it); `cut`, the
    line of a run-on quote, from which on the file is not checked (0: none)."""

    header: list
    rows: list
    problems: list
    misfits: set
    cut: int = 0


def shape_problem(file: str, number: int, cells: list, header: list, spanned: int):
    """The problem with a row's shape (None when it has the header's width); raises Stop for a run-on quote."""
    if not cells:
        return Problem(file, number, "", "blank row: delete it", "", BLANK)
    if spanned > 1 and len(cells) != len(header):
        raise Stop(
            Problem(
                file,
                number,
                "",
                f"a quote opened in this row runs on over {spanned} lines: close it "
                'in this row (a quote inside a cell is written twice, "")',
                "",
                QUOTE,
            ),
            True,
        )
    if len(cells) != len(header):
        hint = (
            'an unquoted comma in a number (8,000) or a text? write the cell in quotes ("8,000")'
            if len(cells) > len(header)
            else "a missing comma?"
        )
        return Problem(
            file, number, "", f"row has {len(cells)} fields, the header {len(header)}: {hint}", "", ROW_LENGTH
        )
    return None


def read_rows(file: str, raw: bytes) -> Read:
    """Read one untrusted CSV (see Read): rows as dicts of strings carrying their spreadsheet line under LINE."""
    problems = byte_problems(file, raw)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return Read(
            None,
            None,
            problems
            + [
                Problem(
                    file,
                    line,
                    "",
                    f"not UTF-8: byte {raw[error.start]:#04x} at offset {error.start}: save the file as UTF-8",
                    "",
                    ENCODING,
                )
            ],
            set(),
        )
    rows, misfits, cut = [], set(), 0
    previous = csv.field_size_limit(MAX_CELL_CHARS)
    try:
        read_into(file, csv.reader(io.StringIO(text, newline="")), rows, problems, misfits)
    except Stop as stop:
        problems.append(stop.problem)
        if not stop.readable:
            return Read(None, None, problems, set())
        cut = stop.problem.line
    except csv.Error as error:
        reason = (
            f"a cell over the limit of {MAX_CELL_CHARS:,} characters"
            if "field limit" in str(error)
            else f"not CSV ({error})"
        )
        return Read(
            None,
            None,
            problems + [Problem(file, len(rows) + 1, "", f"{reason}; the file is checked no further", "", NOT_CSV)],
            set(),
        )
    finally:
        csv.field_size_limit(previous)
    return Read(rows.pop(0) if rows else [], rows, problems, misfits, cut)


def read_into(file, reader, rows, problems, misfits):
    """Read `reader`'s records into `rows` (the header first, as a list), shape problems into `problems`."""
    ended = 0
    for number, cells in enumerate(reader, start=1):
        spanned, ended = reader.line_num - ended, reader.line_num
        if len(cells) > MAX_ROW_CELLS:
            raise Stop(
                Problem(
                    file,
                    number,
                    "",
                    f"row of {len(cells):,} cells, over the limit of {MAX_ROW_CELLS}; the file is checked no further",
                    "",
                    NOT_CSV,
                ),
                False,
            )
        if number == 1:
            rows.append(cells)
            continue
        problem = shape_problem(file, number, cells, rows[0], spanned)
        if problem:
            problems.append(problem)
            misfits.add(number)
        row = {name: (cells[i] if i < len(cells) else "") for i, name in enumerate(rows[0])}
        row[LINE] = number
        rows.append(row)
