"""GitHub Actions annotations from the validator's `--json` output: one `::error` line per problem, so a pull
request shows each problem on its file and line.

The validator's texts are already escaped for a terminal (`shown()`); here they are encoded once more for the
runner, as GitHub's toolkit does (@actions/core escapeData / escapeProperty): in the message `%`, CR and LF
become %25, %0D, %0A, and `::` becomes %3A%3A so no text can read as a second command; in the properties
(file, title) `:` and `,` are encoded too.
"""

import json
import sys

SHOWN_PROBLEMS = 20  # one screen: the first problems as annotations and lines, then how many more


def escape_data(text) -> str:
    return str(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A").replace("::", "%3A%3A")


def escape_property(text) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def line_number(value) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else 1


def plain(problem: dict) -> str:
    """The problem as the validator prints it: `file:line: column: message (value)`."""
    value = f" ({problem.get('value')})" if problem.get("value") not in (None, "") else ""
    return (
        f"{problem.get('file', '')}:{line_number(problem.get('line'))}: {problem.get('column') or '-'}: "
        f"{problem.get('message', '')}{value}"
    )


def annotation(problem: dict) -> str:
    """One `::error file=…,line=…,title=…::message` workflow command for one problem of the `--json` output."""
    title = f"{problem.get('column') or 'file'}: invalid"
    return (
        f"::error file={escape_property(problem.get('file', ''))},line={line_number(problem.get('line'))},"
        f"title={escape_property(title)}::{escape_data(plain(problem))}"
    )


def report(result: dict, limit: int = SHOWN_PROBLEMS) -> list:
    """The lines CI prints for a validation result: an annotation and the plain line for each of the first
    `limit` problems, how many more there are, and the validator's summary."""
    problems = result.get("problems", [])
    lines = []
    for problem in problems[:limit]:
        lines += [annotation(problem), plain(problem)]
    if len(problems) > limit:
        lines.append(f"… and {len(problems) - limit} more problem(s): run `make validate` to list them all")
    lines.append(escape_data(result.get("summary", "")))
    return lines


def main(stream=sys.stdin) -> int:
    """Read the validator's `--json` output on stdin, print the annotations; status 0 when valid, else 1."""
    result = json.loads(stream.read())
    print("\n".join(report(result)))
    return 0 if result.get("valid") else 1


if __name__ == "__main__":
    sys.exit(main())
