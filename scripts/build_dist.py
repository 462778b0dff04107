"""Build the release archive.

Input: datapackage.json, data/*.csv, README.md, LICENSE, CITATION.cff, CHANGELOG.md, docs/data-dictionary.md.
Output: dist/<name>-<version>.zip, which `frictionless validate` accepts as it is.
"""
from dprk_kursk.export import build_archive
from dprk_kursk.paths import DIST, ROOT

if __name__ == "__main__":
    target = build_archive(DIST)
    print(f"dist: {target.relative_to(ROOT)} ({target.stat().st_size:,} bytes)")
