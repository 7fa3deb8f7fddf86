"""Findings are data: every problem, with a stable code and where it is."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from zytalent import i18n
from zytalent.messages import MESSAGES

Severity = Literal["error", "warning", "info"]
SEVERITY_ORDER: dict[str, int] = {"error": 0, "warning": 1, "info": 2}


@dataclass(frozen=True, slots=True)  # a bad ledger makes tens of thousands of them
class Finding:
    severity: Severity
    code: str
    file: str | None
    sheet: str | None
    row: int | None
    column: str | None
    cell: str | None
    value: str | None
    message: str
    detail: str | None = None  # a reader library's own words, for the JSON report only

    def to_dict(self) -> dict[str, Any]:
        # by hand: dataclasses.asdict deep-copies every value, which shows at 50,000 findings
        return {
            "severity": self.severity,
            "code": self.code,
            "file": self.file,
            "sheet": self.sheet,
            "row": self.row,
            "column": self.column,
            "cell": self.cell,
            "value": self.value,
            "message": self.message,
            "detail": self.detail,
        }

    @property
    def where(self) -> str:
        """file › sheet › row."""
        return " › ".join(p for p in (self.file, self.place) if p)

    @property
    def place(self) -> str:
        """sheet › row, for where the file is already said."""
        parts = [self.sheet] if self.sheet else []
        if self.row is not None:
            parts.append(i18n.pick(f"第 {self.row} 行", f"row {self.row}"))
        return " › ".join(parts)

    def at(self, row: int, letter: str) -> Finding:
        """The same finding (message included) for the same column in another row: a
        value wrong in many rows is explained once."""
        return Finding(
            self.severity,
            self.code,
            self.file,
            self.sheet,
            row,
            self.column,
            f"{letter}{row}",
            self.value,
            self.message,
            self.detail,
        )


def make(
    severity: Severity,
    code: str,
    *,
    file: str | None = None,
    sheet: str | None = None,
    row: int | None = None,
    column: str | None = None,
    cell: str | None = None,
    value: str | None = None,
    detail: str | None = None,
    **ctx: Any,
) -> Finding:
    """Build a finding whose message is rendered from the catalogue in the current language."""
    context = {"file": file, "sheet": sheet, "row": row, "value": value, "column": column, **ctx}
    message = i18n.render(MESSAGES, code, context)
    return Finding(severity, code, file, sheet, row, column, cell, value, message, detail)


@dataclass
class Findings:
    """An ordered collection that never stops at the first problem."""

    items: list[Finding] = field(default_factory=list)

    def add(self, finding: Finding) -> None:
        self.items.append(finding)

    def extend(self, findings: list[Finding]) -> None:
        self.items.extend(findings)

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.items if f.severity == severity)

    @property
    def errors(self) -> int:
        return self.count("error")

    @property
    def warnings(self) -> int:
        return self.count("warning")

    def sorted(self) -> list[Finding]:
        return sorted(
            self.items,
            key=lambda f: (f.file or "", f.sheet or "", f.row or 0, f.cell or "", f.code),
        )
