"""Validate the data package (or a copy of it) and print one line per problem.

Input: PATH, a datapackage.json or the folder holding it (default: this repository's).
Output: `file:line: column: what is wrong (value)` lines, then a summary; `--json` prints the same as JSON.
Exit status: 0 when valid, 1 when any problem is found. Reads only; never changes a file.
"""
import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from dprk_kursk.validate import validate  # noqa: E402


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", help="datapackage.json or its folder (default: this repository)")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.add_argument("--timing", action="store_true", help="print the seconds spent validating to stderr")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    result = validate(args.path)
    if args.timing:
        print(f"validated in {time.perf_counter() - started:.3f} s", file=sys.stderr)
    if args.json:
        print(json.dumps({"valid": result.ok, "summary": result.summary(), "rows": result.row_counts,
                          "problems": [p.as_dict() for p in result.problems]}, indent=2, ensure_ascii=False))
    else:
        for problem in result.problems:
            print(problem)
        print(result.summary())
    return 0 if result.ok else 1


if __name__ == "__main__":
    sys.exit(main())
