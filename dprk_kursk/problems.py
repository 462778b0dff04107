"""A validation problem, located by file, line and column, and how it is printed."""
from dataclasses import asdict, dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in the package. `line` is the line a spreadsheet shows (the header is line 1)."""

    file: str
    line: int
    column: str
    message: str
    value: str = ""

    def __str__(self) -> str:
        shown = f" ({self.value})" if self.value != "" else ""
        return f"{self.file}:{self.line}: {self.column or '-'}: {self.message}{shown}"

    def as_dict(self) -> dict:
        return asdict(self)
