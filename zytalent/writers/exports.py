"""What every export format writes, as rows: the summary's figure lines, the records behind
a figure, and the `summarize --by` table. The formats themselves are in `writers/formats/`,
one module each.

Money stays exact: CSV and JSON carry 元 to the fen; tables for people show 万元 with two
decimals; the workbook holds the exact value in both units with number formats. Text that
a spreadsheet would run as a formula is neutralised.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from zytalent.cells.money import format_fen, shown
from zytalent.diagnostics.i18n import Text
from zytalent.diagnostics.words import FIGURE, FIGURE_ID, TOTAL, UNIT
from zytalent.figures.base import shown_unit
from zytalent.figures.registry import FIGURES, UNITS
from zytalent.summary import Summary
from zytalent.text.titles import headline
from zytalent.writers.outputs import neutralise

if TYPE_CHECKING:
    from zytalent.explain import Explanation
    from zytalent.grouped import Grouped


@dataclass(frozen=True)
class Line:
    section: str
    figure_id: str
    label: str
    value: int  # money in fen
    unit: str  # the unit code

    @property
    def money(self) -> bool:
        return self.unit == "yuan"

    def shown(self) -> str:
        """As a person reads it: 万元 with two decimals, counts with separators."""
        return shown(self.value, self.unit)

    def shown_unit(self) -> str:
        return str(shown_unit(self.unit))

    def exact(self) -> str:
        return format_fen(self.value) if self.money else str(self.value)

    def exact_unit(self) -> str:
        """The unit of `exact()`: 元 for money."""
        return str(UNITS[self.unit])


def lines(summary: Summary) -> list[Line]:
    return [
        Line(
            FIGURES[fid].section,
            fid,
            str(FIGURES[fid].label),
            value,
            FIGURES[fid].unit,
        )
        for fid, value in summary.values.items()
    ]


def text(value: str) -> str:
    """Text for a workbook cell: neutralised so that it can never run as a formula."""
    return neutralise(value)


def explanation_title(explanation: Explanation) -> str:
    figure = explanation.figure
    return f"{figure.label!s}（{figure.id}，{explanation.summary.year}）"


def explanation_where(row: dict[str, Any]) -> str:
    """Where a record is, as one text: file › sheet › row."""
    return " › ".join(str(p) for p in (row["file"], row["sheet"], row["row"]) if p)


def explanation_total(explanation: Explanation) -> str:
    """The figure's value with its unit: `1234.50 元`, `48 人`."""
    return f"{explanation.json_value()} {UNITS[explanation.figure.unit]}"


IS_SUM = Text("合计等于各组之和", "total is the sum")
YES, NO = Text("是", "yes"), Text("否", "no")
GROUPED_NOTE = Text(
    "合计按全部记录计算。同一人在几个组里都有记录时，人数合计不等于各组之和（标“否”）；"
    "“—”表示该指标无法按此分组。",
    "Totals are computed over all records. Where a person has records in several groups, "
    "a count of people is not the sum of the groups (marked “no”); “—”: the figure cannot "
    "be split this way.",
)
GROUPED_BY = Text("（按“{by}”分组）", " (by {by})")

Cell = str | int | Decimal | None


def grouped_table(result: Grouped) -> tuple[list[str], list[list[Cell]]]:
    """Header and rows of `summarize --by`: figure id, label, unit, a value per group,
    total, is-the-sum. Values are numbers (money as exact Decimal 元); None where a group
    has no value."""
    header = [str(FIGURE_ID), str(FIGURE), str(UNIT), *result.groups, str(TOTAL), str(IS_SUM)]
    rows: list[list[Cell]] = []
    for fid, total in result.summary.values.items():
        figure = FIGURES[fid]
        money = figure.unit == "yuan"

        def number(value: int, money: bool = money) -> int | Decimal:
            return Decimal(format_fen(value)) if money else value

        cells = [number(g[fid]) if fid in g else None for g in result.groups.values()]
        unit = "元" if money else str(UNITS[figure.unit])
        same = "—" if fid in result.unsplit else str(NO if result.differs(fid) else YES)
        rows.append([fid, str(figure.label), unit, *cells, number(total), same])
    return header, rows


def grouped_cell(cell: Cell) -> str:
    """A `--by` table cell as text: money with two decimals, nothing for no value."""
    if cell is None:
        return ""
    if isinstance(cell, Decimal):
        return f"{cell:.2f}"
    return str(cell)


def grouped_title(result: Grouped) -> str:
    return f"{headline(result.summary.year)}{GROUPED_BY.format(by=result.by)}"
