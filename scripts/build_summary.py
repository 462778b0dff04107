"""Write the package summary (row counts, coverage, claimants, publishers) and a sample of each table
into README.md (dprk_kursk.site.readme, dprk_kursk/templates/readme-*.md).

Input: datapackage.json and data/ through the shared loader.
Output: README.md, only the blocks between the `summary:` and `samples:` start and end markers.
`--check` writes nothing and exits 1 when a block is out of date.
"""

import sys

from dprk_kursk import load_package
from dprk_kursk.site.readme import README, refreshed


def main(argv) -> int:
    text = README.read_text(encoding="utf-8")
    fresh = refreshed(load_package(), text)
    if "--check" in argv:
        if fresh != text:
            print("README.md summary or samples are out of date: run `make reproduce` (or scripts/build_summary.py)")
            return 1
        return 0
    README.write_text(fresh, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
