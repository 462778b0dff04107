"""Rules on claimants: one claimant, one name."""

import re
import unicodedata

from dprk_kursk.rules.context import LINE
from dprk_kursk.rules.registry import Finding, rule


def name_key(name: str) -> str:
    """A name without accents, case, spaces or punctuation: 'Kyiv Independent' and 'KYIV-independent' alike."""
    return re.sub(r"[^a-z0-9]", "", unicodedata.normalize("NFKD", name).casefold())


@rule("claimants.spelling")
def spelling(tables):
    """The same claimant under two spellings of one name."""
    seen = {}
    for row in tables.rows("claimants"):
        key = name_key(row.get("name", ""))
        if key in seen:
            yield Finding(
                "claimants", row, "name", f"same claimant as line {seen[key]} under another spelling", row["name"]
            )
        seen.setdefault(key, row[LINE])
