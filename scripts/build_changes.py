"""The release step's change log: what changed in each release, row by row, and why.

Input: releases/releases.csv (the releases and their commits), the repository's history, the data in the
working tree, releases/reasons.csv. Output: releases/changes.csv and releases/figures-by-release.csv.
Adds the version in datapackage.json to releases/releases.csv when it is new. Refuses (exit 1, nothing
written) when the new release edits a released row in place, or removes one, with no reason given.
"""

import csv
import json
import sys
from datetime import UTC, datetime

from dprk_kursk import changes
from dprk_kursk.paths import DESCRIPTOR


def add_release(version: str) -> None:
    """List `version` as the newest release; the release before it gets the commit that recorded it."""
    listed = changes.releases()
    if version in {r.version for r in listed}:
        return
    if listed and not listed[-1].commit:
        raise SystemExit(
            f"releases/releases.csv: commit the release of {listed[-1].version} before releasing {version}"
        )
    today = datetime.now(UTC).date().isoformat()
    rows = [[r.version, r.released, r.commit] for r in listed] + [[version, today, ""]]
    with open(changes.RELEASE_LIST, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["version", "released", "commit"])
        writer.writerows(rows)


def main() -> int:
    version = json.loads(DESCRIPTOR.read_text(encoding="utf-8"))["version"]
    add_release(version)
    rows = changes.change_log()
    refused = changes.unexplained(rows, version)
    for row in refused:
        print(
            f"releases/changes.csv: {row['table']} {row['id']}: {row['kind']} {row['changed'] or ''} with no reason; "
            f"record a correction row, or add a line to releases/reasons.csv saying why",
            file=sys.stderr,
        )
    if refused:
        print(
            f"{len(refused)} unexplained edits of released rows in {version}: change log not written", file=sys.stderr
        )
        return 1
    changes.CHANGES.write_text(changes.to_csv(rows), encoding="utf-8")
    changes.HISTORY.write_text(changes.to_csv(changes.figures_by_release(), changes.HISTORY_FIELDS), encoding="utf-8")
    print(f"{len(rows)} change rows over {len(changes.releases())} releases in releases/changes.csv")
    return 0


if __name__ == "__main__":
    sys.exit(main())
