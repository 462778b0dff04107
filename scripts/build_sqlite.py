"""Build the SQLite database and its Datasette metadata.

Input: datapackage.json and data/*.csv.
Output: dist/<name>.sqlite with every table, their types, primary and foreign keys, enum checks, a
`figures_in_context` view (active figures joined to claimants, places and sources) and a `package` table
(name, version); dist/<name>.metadata.json for `datasette dist/<name>.sqlite -m dist/<name>.metadata.json`.
"""

import json

from dprk_kursk.export import build_sqlite, datasette_metadata
from dprk_kursk.paths import DESCRIPTOR, DIST, ROOT

if __name__ == "__main__":
    descriptor = json.loads(DESCRIPTOR.read_text(encoding="utf-8"))
    target = build_sqlite(DIST / f"{descriptor['name']}.sqlite")
    metadata = target.with_suffix(".metadata.json")
    metadata.write_text(
        json.dumps(datasette_metadata(descriptor), indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    print(
        f"sqlite: {target.relative_to(ROOT)} ({target.stat().st_size:,} bytes; foreign keys and integrity checked); "
        f"Datasette metadata: {metadata.relative_to(ROOT)}"
    )
