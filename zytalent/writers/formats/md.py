"""Markdown: a table per report section, the records behind a figure, the `--by` table."""

from __future__ import annotations

from typing import TYPE_CHECKING

from zytalent.diagnostics.i18n import Text
from zytalent.diagnostics.words import FIGURE, UNIT, VALUE, WHERE
from zytalent.figures.registry import SECTION_NAMES, UNITS
from zytalent.ledgers import LEDGERS
from zytalent.text.titles import headline
from zytalent.writers.exports import (
    GROUPED_NOTE,
    explanation_title,
    explanation_where,
    grouped_cell,
    grouped_table,
    grouped_title,
    lines,
)
from zytalent.writers.formats import ExportFormat

if TYPE_CHECKING:
    from zytalent.explain import Explanation
    from zytalent.grouped import Grouped
    from zytalent.summary import Summary

TOTAL_LINE = Text(
    "合计：{value} {unit}（{records} 条记录）", "Total: {value} {unit} ({records} records)"
)


def md_cell(text: str) -> str:
    """Text for a Markdown table cell: a vertical bar would end the cell, and a name or a
    cell holding HTML or control characters must not reach a viewer as such."""
    from zytalent.text.escape import markdown

    return markdown(text)


def md_row(cells: list[str]) -> str:
    return "| " + " | ".join(md_cell(c) for c in cells) + " |"


def summary_markdown(summary: Summary) -> str:
    out = [
        f"# {headline(summary.year)}",
        "",
    ]
    for section, name in SECTION_NAMES.items():
        chosen = [x for x in lines(summary) if x.section == section]
        if not chosen:
            continue
        out += [
            f"## {name}",
            "",
            f"| {FIGURE} | {VALUE} | {UNIT} |",
            "|---|---:|---|",
        ]
        out += [f"| {md_cell(x.label)} | {x.shown()} | {x.shown_unit()} |" for x in chosen]
        out.append("")
    return "\n".join(out)


def explanation_markdown(explanation: Explanation) -> str:
    rows = explanation.rows(labels=True)
    columns = LEDGERS[explanation.figure.kind].columns()
    fields = explanation.fields()
    out = [
        f"# {explanation_title(explanation)}",
        "",
        "| " + " | ".join([str(WHERE), *(str(columns[f].label) for f in fields)]) + " |",
        "|" + "---|" * (len(fields) + 1),
    ]
    for row in rows:
        values = (row[f] if row[f] is not None else "" for f in fields)
        out.append(md_row([str(v) for v in [explanation_where(row), *values]]))
    total = TOTAL_LINE.format(
        value=explanation.json_value(), unit=UNITS[explanation.figure.unit], records=len(rows)
    )
    out += ["", str(total), ""]
    return "\n".join(out)


def grouped_markdown(result: Grouped) -> str:
    header, rows = grouped_table(result)
    numeric = range(3, len(header) - 1)
    align = ["---:" if i in numeric else "---" for i in range(len(header))]
    out = [f"# {grouped_title(result)}", "", md_row(header), "|" + "|".join(align) + "|"]
    out += [md_row([grouped_cell(c) for c in row]) for row in rows]
    return "\n".join([*out, "", str(GROUPED_NOTE), ""])


FORMAT = ExportFormat(
    name="md",
    position=30,
    summary=summary_markdown,
    explanation=explanation_markdown,
    grouped=grouped_markdown,
)
