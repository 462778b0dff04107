"""Build the SQLite database.

Input: datapackage.json and data/*.csv.
Output: dist/<name>.sqlite with the four tables, their types, primary and foreign keys, enum checks, a
`figures_in_context` view (figures joined to claimants and sources) and a `package` table (name, version).
"""
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from dprk_kursk.export import build_sqlite  # noqa: E402
from dprk_kursk.paths import DESCRIPTOR, DIST, ROOT  # noqa: E402

if __name__ == "__main__":
    name = json.loads(DESCRIPTOR.read_text(encoding="utf-8"))["name"]
    target = build_sqlite(DIST / f"{name}.sqlite")
    print(f"sqlite: {target.relative_to(ROOT)} ({target.stat().st_size:,} bytes; foreign keys and integrity checked)")
