"""CSV: exact values (money in 元 to the fen), one row per figure, record or group row;
written with a byte-order mark so that Excel opens it as UTF-8."""

from __future__ import annotations

from typing import TYPE_CHECKING

from zytalent.figures.registry import SECTION_NAMES
from zytalent.writers.exports import grouped_cell, grouped_table, lines
from zytalent.writers.formats import ExportFormat
from zytalent.writers.outputs import csv_text

if TYPE_CHECKING:
    from zytalent.explain import Explanation
    from zytalent.grouped import Grouped
    from zytalent.summary import Summary


def summary_csv(summary: Summary) -> str:
    header = ["section", "figure", "label", "value", "unit"]
    rows = [
        [str(SECTION_NAMES[x.section]), x.figure_id, x.label, x.exact(), x.exact_unit()]
        for x in lines(summary)
    ]
    return csv_text(header, rows)


def explanation_csv(explanation: Explanation) -> str:
    rows = explanation.rows(labels=True)
    header = list(rows[0]) if rows else ["file", "sheet", "row"]
    return csv_text(header, [list(r.values()) for r in rows])


def grouped_csv(result: Grouped) -> str:
    header, rows = grouped_table(result)
    return csv_text(header, [[grouped_cell(c) for c in row] for row in rows])


FORMAT = ExportFormat(
    name="csv",
    position=10,
    summary=summary_csv,
    explanation=explanation_csv,
    grouped=grouped_csv,
    bom=True,
)
