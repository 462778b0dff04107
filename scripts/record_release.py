"""Record the ids of this release, with what each one means, so no later version can lose or reuse one.

Input: the package through the shared loader. Output: releases/released-ids.csv (table, id, meaning,
first_version), keeping every id already recorded and adding the new ones with this version.
Run by the release step (`make release`), after the version in datapackage.json has been bumped.
"""

import csv

from dprk_kursk import load_package
from dprk_kursk.ids import current_meanings, read_released
from dprk_kursk.paths import RELEASED_IDS


def main() -> None:
    package = load_package()
    released = read_released()
    rows = [{"table": t, "id": i, "meaning": m, "first_version": v} for (t, i), (m, v) in released.items()]
    for (table, key), meaning in current_meanings(package).items():
        if (table, key) not in released:
            rows.append({"table": table, "id": key, "meaning": meaning, "first_version": package.version})
    RELEASED_IDS.parent.mkdir(exist_ok=True)
    with open(RELEASED_IDS, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=["table", "id", "meaning", "first_version"], lineterminator="\n")
        writer.writeheader()
        writer.writerows(sorted(rows, key=lambda r: (r["table"], r["id"])))
    print(f"{len(rows)} ids recorded in {RELEASED_IDS.relative_to(RELEASED_IDS.parent.parent)}")


if __name__ == "__main__":
    main()
