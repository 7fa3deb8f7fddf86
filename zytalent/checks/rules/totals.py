"""A stated 合计 (or 小计) row that does not equal the sum of the rows it covers. Where
cells of the column were invalid, and so not added, the finding names their rows and says
whether the stated total agrees once they are read as the numbers they seem to hold."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from zytalent.cells.informal import count_with_unit
from zytalent.cells.money import format_in_unit
from zytalent.cells.values import CellError, normalise
from zytalent.checks.rules import Sheet, rule
from zytalent.diagnostics import findings as fnd
from zytalent.diagnostics.codes import Code
from zytalent.diagnostics.i18n import Text
from zytalent.ledgers import LEDGERS, Column

if TYPE_CHECKING:
    from zytalent.reading.model import TotalRow

AGREES = Text(
    "按这些单元格看起来的数值更正后，合计相符。",
    "Once those cells are corrected to the numbers they seem to hold, the total agrees.",
)
STILL_DISAGREES = Text(
    "即使按这些单元格看起来的数值计入，合计仍不相符，请一并核对。",
    "Even with those cells read as the numbers they seem to hold, the total disagrees; check it too.",
)
_DIGITS = re.compile(r"-?[0-9]+(?:\.[0-9]+)?")


TOTAL_MISMATCH = Code(
    "total_mismatch",
    "cell",
    "warning",
    name=Text("合计不符", "total disagrees"),
    message=Text(
        "合计行写的是 {stated}，各行相加为 {computed}，请核对。",
        "The total row states {stated}, but the rows add up to {computed}; check it.",
    ),
)
TOTAL_MISMATCH_INVALID = Code(
    "total_mismatch_invalid",
    "cell",
    "warning",
    name=Text("合计不符（有无效值）", "total disagrees (invalid cells)"),
    message=Text(
        "合计行写的是 {stated}，有效各行相加为 {computed}；第 {rows} 行的该列数值无效，未计入。{agrees}",
        "The total row states {stated}; the valid rows add up to {computed}. Rows {rows} hold invalid values in this column and were not added. {agrees}",
    ),
)
TOTAL_COUNT_MISMATCH = Code(
    "total_count_mismatch",
    "cell",
    "warning",
    name=Text("合计人数不符", "total count disagrees"),
    message=Text(
        "合计行写的是 {stated}，实有记录 {computed} 条，请核对。",
        "The total row states {stated}, but there are {computed} records; check it.",
    ),
)


@dataclass
class Carry:
    """What the 合计 check of a table read in chunks needs from the chunks before: per
    number field the sum of every record so far, the sums at the end of each 合计/小计
    span, and the cells that did not parse (their record position, row and raw value)."""

    sums: dict[str, int] = field(default_factory=dict)
    marks: dict[int, dict[str, int]] = field(default_factory=dict)
    bad: dict[str, list[tuple[int, int, object]]] = field(default_factory=dict)


def stated_totals(sheet: Sheet) -> list[fnd.Finding]:
    import numpy as np

    table, frame = sheet.table, sheet.frame
    carry, offset = sheet.kept(Carry), table.first_record
    found: list[fnd.Finding] = []
    columns = dict(sheet.columns(lambda c: c.kind in ("integer", "money")))

    def before(name: str, position: int) -> int:
        """The sum of the field over the table's records before `position` (a record
        position among all its chunks' records)."""
        if position >= offset:
            local = frame[name].iloc[: position - offset]
            return carry.sums.get(name, 0) + (int(local.sum()) if len(local) else 0)
        return carry.marks.get(position, {}).get(name, 0)

    for name in columns:  # cells left out of the sums, for the spans that cover them
        bad = np.flatnonzero(sheet.bad_cells.get(name, np.zeros(0, dtype=bool)))
        if len(bad):
            rows = frame["_row"].to_numpy()[bad].tolist()
            raws = table.records[name].iloc[bad].tolist()
            positions = (bad + offset).tolist()
            carry.bad.setdefault(name, []).extend(zip(positions, rows, raws, strict=True))
    for total in table.totals:
        carry.marks[total.end_record] = {n: before(n, total.end_record) for n in columns}
        for name, raw in total.stated.items():
            if name not in columns:
                continue
            column, source = columns[name], table.columns[name]
            try:
                stated = column.parse(raw, source.factor, sheet.today)
            except CellError:
                continue
            if stated is None:
                continue
            computed = before(name, total.end_record) - before(name, total.first_record)
            if stated == computed:
                continue
            factor = source.factor

            money = column.kind == "money"

            def shown(value: int, factor: int = factor, money: bool = money) -> str:
                # said in the cell's own unit: a 合计 in 万元 is read back in 万元
                return format_in_unit(value, factor) if money else str(value)

            left_out = [
                (row, raw)
                for position, row, raw in carry.bad.get(name, [])
                if total.first_record <= position < total.end_record
            ]
            context: dict[str, object] = {}
            if left_out:  # the rows left out of the sum, and whether they explain it
                guess = lenient_sum(column, [raw for _, raw in left_out], source.factor)
                agrees: object = ""
                if guess is not None:
                    agrees = AGREES if computed + guess == stated else STILL_DISAGREES
                rows = ", ".join(str(int(row)) for row, _ in left_out)
                context = {"rows": rows, "agrees": agrees}
            code = TOTAL_MISMATCH_INVALID if context else TOTAL_MISMATCH
            found.append(
                sheet.at_cell(
                    name,
                    total.row,
                    code,
                    value=shown(stated),
                    stated=shown(stated),
                    computed=shown(computed),
                    **context,
                )
            )
        if table.chunk is None:
            found.extend(_counted_in_text(sheet, total))
    for name in columns:
        carry.sums[name] = carry.sums.get(name, 0) + int(frame[name].sum())
    return found


rule(stated_totals, "合计 rows", TOTAL_MISMATCH, TOTAL_MISMATCH_INVALID, TOTAL_COUNT_MISMATCH)


def _counted_in_text(sheet: Sheet, total: TotalRow) -> list[fnd.Finding]:
    """A 合计 that counts the records in a column of text (`25人` under 姓名): compared
    with the number of records it covers."""
    found: list[fnd.Finding] = []
    columns = LEDGERS[sheet.table.kind].columns()
    records = total.end_record - total.first_record
    for name, raw in total.stated.items():
        if columns[name].kind in ("integer", "money") or not isinstance(raw, str | int | float):
            continue
        text = normalise(str(raw))
        with_unit = count_with_unit(text)
        number = with_unit[0] if with_unit else text
        if not number.isdigit() or (with_unit is None and columns[name].kind != "text"):
            continue
        if int(number) != records:
            found.append(
                sheet.at_cell(
                    name,
                    total.row,
                    TOTAL_COUNT_MISMATCH,
                    value=str(raw).strip(),
                    stated=str(raw).strip(),
                    computed=records,
                )
            )
        break  # one count per 合计 row
    return found


def lenient_sum(column: Column, raws: list[object], factor: int) -> int | None:
    """The sum of what invalid number cells seem to hold (`12人` -> 12), or None when
    one of them holds no single number."""
    total = 0
    for raw in raws:
        text = unicodedata.normalize("NFKC", str(raw)).replace(",", "")
        numbers = _DIGITS.findall(text)
        if len(numbers) != 1:
            return None
        amount = Decimal(numbers[0]) * factor * (100 if column.kind == "money" else 1)
        if amount != amount.to_integral_value():
            return None
        total += int(amount)
    return total
