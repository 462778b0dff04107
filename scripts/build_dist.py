"""Build the release archive.

Input: datapackage.json, data/*.csv, LICENSE, CITATION.cff, CHANGELOG.md, docs/data-dictionary.md.
Output: dist/<name>-<version>.zip, unpacking to one folder <name>-<version>/ that validates on its own
(`frictionless validate datapackage.json` inside it), with a README describing only what it holds.
"""

from dprk_kursk.export import build_archive
from dprk_kursk.paths import DIST, ROOT

if __name__ == "__main__":
    target = build_archive(DIST)
    print(f"dist: {target.relative_to(ROOT)} ({target.stat().st_size:,} bytes)")
