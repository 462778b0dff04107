"""Validate the data package (or a copy of it) and print one line per problem.

Input: PATH, a datapackage.json or the folder holding it (default: this repository's). The package may be a
stranger's: only regular files inside its folder are read, within the limits in README.md ("Validating
untrusted files"), and nothing is fetched.
Output: `file:line: column: what is wrong (value)` lines, then a summary; `--json` prints the same as JSON, each
problem with the `code` of the rule or check that found it (dprk_kursk.rules.CODES lists them).
Every echoed text is escaped (control and invisible characters shown as \\n, \\x1b, \\u202e…) and cut to length.
Exit status: 0 when valid, 1 when any problem is found, 2 when it could not validate (an unexpected error, or
past --max-seconds: one line naming the descriptor). Reads only; never changes a file.
"""

import argparse
import json
import sys
import time

from dprk_kursk.paths import descriptor_path
from dprk_kursk.untrusted import MAX_SECONDS, OutOfTime, time_limit
from dprk_kursk.validate import Validation, validate


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", help="datapackage.json or its folder (default: this repository)")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.add_argument("--timing", action="store_true", help="print the seconds spent validating to stderr")
    parser.add_argument("--max-seconds", type=float, default=MAX_SECONDS, help=f"time limit (default {MAX_SECONDS})")
    args = parser.parse_args(argv)
    sys.stdout.reconfigure(errors="backslashreplace")
    started = time.perf_counter()
    try:
        with time_limit(args.max_seconds):
            result = validate(args.path)
    except (Exception, OutOfTime) as error:  # any failure is one located line and status 2, never a traceback
        result = Validation.failure(descriptor_path(args.path).name, error)
    if args.timing:
        print(f"validated in {time.perf_counter() - started:.3f} s", file=sys.stderr)
    if args.json:
        print(json.dumps(result.as_dict(), indent=2, ensure_ascii=False))
    else:
        for problem in result.problems:
            print(problem)
        print(result.summary())
    return result.status


if __name__ == "__main__":
    sys.exit(main())
