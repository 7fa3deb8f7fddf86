"""Findings are data: every problem, with a stable code, where it is and what it is about.

A finding keeps the context of its message (the value, the other place of a duplicate,
the expected check character, the limit, the allowed values) and renders the message
only when it is read, in the language chosen then.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from zytalent.diagnostics import i18n
from zytalent.diagnostics.codes import Code, Scope, Severity
from zytalent.diagnostics.words import ROW_NUMBER

SEVERITY_ORDER: dict[str, int] = {"error": 0, "warning": 1, "info": 2}


Context = tuple[tuple[str, Any], ...]


@lru_cache(maxsize=65536)
def _message(lang: str, code: Code, context: Context) -> str:
    # a value wrong in 50,000 rows shares one context: its message is rendered once
    with i18n.using(lang):
        return i18n.fill(code.message, dict(context))


@dataclass(frozen=True, slots=True)  # a bad ledger makes tens of thousands of them
class Finding:
    """One problem or note: what it is (`declared`, the code of zytalent.diagnostics.codes
    with its severity, scope and words), where it is (`file`, `sheet`, spreadsheet `row`,
    `column` as headed in the file, `cell`), the `value` as shown (masked where
    personal), the `context` its message is made from, and a reader library's own words
    in `detail` (JSON only)."""

    declared: Code
    file: str | None
    sheet: str | None
    row: int | None
    column: str | None
    cell: str | None
    value: str | None
    context: Context = ()
    detail: str | None = None
    # a run: the same problem in the same column down to this row (every row from `row`
    # to here); `cell` is the run's first cell
    last_row: int | None = None

    @property
    def code(self) -> str:
        """The stable code (part of the JSON contract)."""
        return self.declared.code

    @property
    def severity(self) -> Severity:
        return self.declared.severity

    @property
    def scope(self) -> Scope:
        return self.declared.scope

    @property
    def count(self) -> int:
        """The cells a finding covers: one, or every row of its run."""
        return 1 if self.last_row is None or self.row is None else self.last_row - self.row + 1

    @property
    def rows(self) -> range:
        if self.row is None:
            return range(0)
        return range(self.row, (self.last_row or self.row) + 1)

    @property
    def cells(self) -> str | None:
        """The cell, or the run's first and last cell (B3–B200002)."""
        if self.cell is None or self.last_row is None:
            return self.cell
        letters = self.cell.rstrip("0123456789")
        return f"{self.cell}–{letters}{self.last_row}"

    @property
    def message(self) -> str:
        """What is wrong and what to do, in the current language."""
        return _message(i18n.current_lang(), self.declared, self.context)

    def to_dict(self) -> dict[str, Any]:
        # by hand: dataclasses.asdict deep-copies every value, which shows at 50,000 findings
        shown: dict[str, Any] = {
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
        if self.last_row is not None:  # a run: its first and last row, and how many cells
            shown["rows"] = [self.row, self.last_row]
            shown["count"] = self.count
        return shown

    @property
    def where(self) -> str:
        """file › sheet › row."""
        return " › ".join(p for p in (self.file, self.place) if p)

    @property
    def place(self) -> str:
        """sheet › row, for where the file is already said."""
        parts = [self.sheet] if self.sheet else []
        if self.row is not None:
            rows = f"{self.row}–{self.last_row}" if self.last_row is not None else self.row
            parts.append(str(ROW_NUMBER.format(row=rows)))
        return " › ".join(parts)

    def through(self, last_row: int) -> Finding:
        """The same finding as a run down to `last_row`."""
        longer = self.row is not None and last_row > self.row
        return replace(self, last_row=last_row if longer else None)

    def at(self, row: int, letter: str) -> Finding:
        """The same finding (message included) for the same column in another row: a
        value wrong in many rows is explained once."""
        return Finding(
            self.declared,
            self.file,
            self.sheet,
            row,
            self.column,
            f"{letter}{row}",
            self.value,
            self.context,
            self.detail,
        )


def row_ranges(rows: list[int]) -> str:
    """5, 6, 7, 9 -> "5–7, 9": long runs of rows said in a few characters."""
    runs: list[list[int]] = []
    for row in rows:
        if runs and row == runs[-1][1] + 1:
            runs[-1][1] = row
        else:
            runs.append([row, row])
    return ", ".join(str(a) if a == b else f"{a}–{b}" for a, b in runs)


def make(
    code: Code,
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
    """Build a finding; its message is rendered from the catalogue when it is read."""
    context = {"file": file, "sheet": sheet, "row": row, "value": value, "column": column, **ctx}
    frozen = tuple((k, tuple(v) if isinstance(v, list) else v) for k, v in context.items())
    return Finding(code, file, sheet, row, column, cell, value, frozen, detail)


@dataclass
class Findings:
    """An ordered collection that never stops at the first problem."""

    items: list[Finding] = field(default_factory=list)
    # (file, sheet) -> the sheet's position in its workbook, for ordering
    sheet_order: dict[tuple[str, str | None], int] = field(default_factory=dict)

    def add(self, finding: Finding) -> None:
        self.items.append(finding)

    def extend(self, findings: list[Finding]) -> None:
        self.items.extend(findings)

    def count(self, severity: Severity) -> int:
        """Problems of this severity: a run of 200,000 empty cells is one problem."""
        return sum(1 for f in self.items if f.severity == severity)

    def merge_runs(self) -> None:
        """Runs cut apart by the reader (a large CSV read in chunks) joined again: the
        same finding of a cell's column at the row after a run's last row extends it.
        The findings keep their order; a run stands where its first part stood."""
        groups: dict[tuple[Any, ...], list[int]] = {}
        for position, f in enumerate(self.items):
            if f.row is None or f.cell is None or f.scope != "cell":
                continue
            key = (f.declared, f.file, f.sheet, f.column, f.cell.rstrip("0123456789"))
            # the context names the row the message was first made for: not part of the problem
            context = tuple(item for item in f.context if item[0] != "row")
            groups.setdefault((*key, context, f.value, f.detail), []).append(position)
        items: list[Finding | None] = list(self.items)
        for positions in groups.values():
            if len(positions) < 2:
                continue
            positions.sort(key=lambda p: self.items[p].row or 0)
            keep = positions[0]
            for position in positions[1:]:
                run, f = items[keep], self.items[position]
                assert run is not None and run.row is not None and f.row is not None
                if (run.last_row or run.row) + 1 == f.row:
                    items[keep] = run.through(f.last_row or f.row)
                    items[position] = None
                else:
                    keep = position
        self.items = [f for f in items if f is not None]

    @property
    def errors(self) -> int:
        return self.count("error")

    @property
    def warnings(self) -> int:
        return self.count("warning")

    def sorted(self) -> list[Finding]:
        """By file, then the workbook's own sheet order (not the sheets' names), then row,
        then column (B before AA), then code."""
        order = self.sheet_order

        def key(f: Finding) -> tuple[str, int, str, int, int, str, str]:
            sheet = order.get((f.file or "", f.sheet), len(order)) if f.sheet else -1
            return (
                f.file or "",
                sheet,
                f.sheet or "",
                f.row or 0,
                _column_number(f.cell),
                f.cell or "",
                f.code,
            )

        return sorted(self.items, key=key)


def _column_number(cell: str | None) -> int:
    """B7 -> 2, AA10 -> 27: the column of a cell address, for ordering."""
    number = 0
    for char in cell or "":
        if not char.isalpha():
            break
        number = number * 26 + ord(char.upper()) - 64
    return number
