"""`explain` at a terminal and as CSV."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from zytalent.diagnostics.i18n import pick
from zytalent.explain import Explanation
from zytalent.figures.registry import UNITS
from zytalent.ledgers import LEDGERS
from zytalent.render.terminal import one_line


def render_explanation(explanation: Explanation, out: Console, limit: int) -> None:
    figure = explanation.figure
    columns = LEDGERS[figure.kind].columns()
    title = f"{figure.label!s}（{figure.id}，{explanation.summary.year}）"
    table = Table(title=title, title_justify="left")
    table.add_column(pick("文件 › 工作表", "file › sheet"), overflow="fold", min_width=16)
    # The row number gets a column of its own so a long path never splits it.
    table.add_column(pick("行", "row"), justify="right", no_wrap=True)
    fields = explanation.fields()
    for name in fields:
        table.add_column(str(columns[name].label), overflow="fold")
    rows = explanation.rows(labels=True)
    shown = rows if limit <= 0 else rows[:limit]
    for row in shown:
        where = " › ".join(str(p) for p in (row["file"], row["sheet"]) if p)
        cells = (one_line("" if row[n] is None else str(row[n])) for n in fields)
        table.add_row(where, str(row["row"]), *cells)
    out.print(table)
    if len(rows) > len(shown):
        out.print(
            pick(
                f"……另有 {len(rows) - len(shown):,} 条（--limit 0 显示全部）",
                f"… {len(rows) - len(shown):,} more (--limit 0 shows all)",
            )
        )
    unit = pick(*UNITS[figure.unit])
    value = explanation.json_value()
    if figure.measure == "rows":
        how = pick(f"共 {len(rows):,} 条记录", f"{len(rows):,} records")
    elif figure.measure == "sum":
        header = str(columns[figure.field or ""].label)
        how = pick(
            f"{len(rows):,} 条记录的“{header}”相加", f"'{header}' added over {len(rows):,} records"
        )
    else:
        header = str(columns[figure.field or ""].label)
        how = pick(
            f"{len(rows):,} 条记录中不同的“{header}”",
            f"distinct '{header}' among {len(rows):,} records",
        )
    out.print(f"[bold]{how} = {value} {unit}[/]")


def render_unavailable(explanation: Explanation, err: Console) -> None:
    from zytalent.render.summary import render_summary

    if explanation.summary.blocked:
        render_summary(explanation.summary, err, err)
        return
    kind = LEDGERS[explanation.figure.kind]
    err.print(
        pick(
            f"[bold red]输入中没有{kind.title_zh}，无法给出 {explanation.figure.id}。[/]",
            f"[bold red]No {kind.title_en} ledger among the inputs; {explanation.figure.id} cannot be given.[/]",
        )
    )
