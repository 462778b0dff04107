"""A validation problem, located by file, line and column, and how it is printed.

Every text a problem shows may come from a stranger's files, so each goes through `shown()` once, in
`Problem.as_dict`: the printed line and the JSON carry the same escaped, length-capped strings.
"""

import unicodedata
from dataclasses import dataclass

SHOWN_CHARS = 80  # a file name, column or value is cut to this many characters, then '…'
MESSAGE_CHARS = 1000  # messages quote descriptor text (frictionless notes, labels), so they are capped too
HIDDEN = {"Cc", "Cf", "Cs", "Zl", "Zp"}  # controls (C0, C1, ESC, CR, newline), bidi and zero-width marks, separators
NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def visible(char: str) -> str:
    """`char` itself, or an escape such as \\n, \\x1b or \\u202e when it is a control or invisible character."""
    if unicodedata.category(char) not in HIDDEN:
        return char
    code = ord(char)
    return NAMED.get(char) or (
        f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"
    )


def shown(text, limit: int = SHOWN_CHARS) -> str:
    """`text` safe to print on one line: hidden characters escaped, cut to `limit` characters with an ellipsis."""
    pieces, length = [], 0
    for char in str(text)[: limit + 1]:
        piece = visible(char)
        if length + len(piece) > limit:
            return "".join(pieces) + "…"
        pieces.append(piece)
        length += len(piece)
    return "".join(pieces)


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in the package. `line` is the line a spreadsheet shows (the header is line 1)."""

    file: str
    line: int
    column: str
    message: str
    value: str = ""
    code: str = ""  # the rule or check that found it (see dprk_kursk.rules.registry.CODES)

    def as_dict(self) -> dict:
        """The problem's fields as printed: every text escaped and capped by `shown()`."""
        return {
            "file": shown(self.file),
            "line": self.line,
            "column": shown(self.column),
            "message": shown(self.message, MESSAGE_CHARS),
            "value": shown(self.value),
        }

    def __str__(self) -> str:
        fields = self.as_dict()
        value = f" ({fields['value']})" if fields["value"] != "" else ""
        return f"{fields['file']}:{fields['line']}: {fields['column'] or '-'}: {fields['message']}{value}"
