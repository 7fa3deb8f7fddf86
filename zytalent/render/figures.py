"""`zytalent figures` at a terminal."""

from __future__ import annotations

from rich.console import Console
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from zytalent.diagnostics import i18n
from zytalent.diagnostics.words import FIGURE, FIGURE_ID_SHORT, FIGURES_TITLE, LEDGER, UNIT


def render_figures(rows: list[dict[str, str | None]], out: Console) -> None:
    if out.width < 80:  # a list: the id, then the label and unit under it
        out.print(Text(str(FIGURES_TITLE), style="bold"))
        for row in rows:
            out.print(Text(str(row["id"]), style="cyan"), overflow="fold")
            indent = 4 if row["parent"] else 2
            out.print(Padding(f"{row['label']}（{row['unit']}）", (0, 0, 0, indent)))
        _hint(out)
        return
    wide = out.width >= 110  # the ledger's name gets a column of its own
    table = Table(title=str(FIGURES_TITLE), title_justify="left")
    table.add_column(str(FIGURE_ID_SHORT), no_wrap=True)
    table.add_column(str(FIGURE), overflow="fold", min_width=14, ratio=1)
    table.add_column(str(UNIT), no_wrap=True)
    if wide:
        table.add_column(str(LEDGER), no_wrap=True)
    for row in rows:
        label = f"  {row['label']}" if row["parent"] else str(row["label"])
        cells = [str(row["id"]), label, str(row["unit"])]
        table.add_row(*cells, *([str(row["ledger_title"])] if wide else []))
    out.print(table)
    _hint(out)


def _hint(out: Console) -> None:
    out.print(
        str(
            i18n.Text(
                "[dim]某个指标由哪些记录组成：zytalent explain 编号或名称 年份[/]",
                "[dim]The records behind a figure: zytalent explain ID-OR-LABEL YEAR[/]",
            )
        )
    )
