"""`summarize` at a terminal: one table per section, money in 万元."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text as RichText

from zytalent.cells.money import shown, shown_unit
from zytalent.diagnostics.findings import Finding
from zytalent.diagnostics.i18n import pick
from zytalent.diagnostics.words import FIGURE, FIGURE_ID_SHORT, LIST_SEPARATOR, UNIT, VALUE
from zytalent.figures.registry import FIGURES, SECTIONS
from zytalent.ledgers import LEDGERS
from zytalent.render.terminal import findings_digest, findings_view, wrapped
from zytalent.summary import Summary
from zytalent.writers.titles import headline


def _source_line(summary: Summary, kind: str) -> str:
    model, source = LEDGERS[kind], summary.sources[kind]
    line = pick(
        f"{model.title_zh} {source.records:,} 条记录（{source.files} 个文件）",
        f"{model.title_en}: {source.records:,} records from {source.files} files",
    )
    if source.read > source.records:  # say why the rest of what was read does not count
        rest = source.read - source.records
        line += pick(
            f"，另有 {rest:,} 条不计入 {summary.year} 年（日期不在该年或记录无效）",
            f"; {rest:,} read but not counted towards {summary.year} (dated outside it, or invalid)",
        )
    return line


def render_summary(summary: Summary, out: Console, err: Console, *, show_ids: bool = False) -> None:
    """The figures per section; with `show_ids`, each figure's id beside it (for `explain`)."""
    findings = summary.loaded.findings.sorted()
    if summary.blocked:
        errors = [f for f in findings if f.severity == "error"]
        parts, cut = findings_view(errors, 50, err.width)
        for part in parts:
            err.print(part)
        if cut:
            err.print(
                pick(
                    f"……另有 {cut:,} 个错误未显示，请用 zytalent validate 查看全部。",
                    f"… {cut:,} more errors; run zytalent validate to see them all.",
                )
            )
        err.print(
            pick(
                f"[bold red]输入中有 {len(errors):,} 个错误，未输出统计数。[/] 请修正后重试，或加 --skip-invalid 跳过无效记录。",
                f"[bold red]{len(errors):,} errors in the inputs; no figures were computed.[/] Fix them, or add --skip-invalid to leave invalid records out.",
            )
        )
        return
    out.print(f"[bold]{headline(summary.year)}[/]")
    for section, (zh, en) in SECTIONS.items():
        ids = [fid for fid in summary.values if FIGURES[fid].section == section]
        if not ids:
            continue
        table = Table(title=pick(zh, en), title_justify="left", min_width=48)
        table.add_column(str(FIGURE))
        table.add_column(str(VALUE), justify="right")
        table.add_column(str(UNIT))
        if show_ids:
            table.add_column(str(FIGURE_ID_SHORT), style="dim", no_wrap=True)
        for fid in ids:
            figure = FIGURES[fid]
            raw = summary.values[fid]
            value, unit = shown(raw, figure.unit), str(shown_unit(figure.unit))
            label = str(figure.label)
            row = [f"  {label}" if figure.parent else label, value, unit]
            table.add_row(*row, *([fid] if show_ids else []))
        out.print(table)
        kinds = list(dict.fromkeys(FIGURES[fid].kind for fid in ids))
        line = str(LIST_SEPARATOR).join(_source_line(summary, kind) for kind in kinds)
        out.print(wrapped(RichText(line, style="dim"), out.width))
    if summary.skip_invalid and (summary.left_out_rows or summary.left_out_files):
        err.print(
            pick(
                f"[yellow]已按 --skip-invalid 跳过 {summary.left_out_rows:,} 条无效记录、{summary.left_out_files} 个无法使用的文件。[/]",
                f"[yellow]--skip-invalid left out {summary.left_out_rows:,} invalid records and {summary.left_out_files} unusable files.[/]",
            )
        )
    unused = _unused_line(findings)
    if unused:
        err.print(wrapped(RichText(unused, style="dim"), err.width))
    problems = [f for f in findings if f.severity != "info"]
    if problems:
        for part in findings_digest(problems, err.width):
            err.print(part)
        err.print(
            pick(
                "[dim]逐条明细：zytalent validate 路径 --year 年份[/]",
                "[dim]Every finding: zytalent validate PATH --year YEAR[/]",
            )
        )


# What was read or found but not used, by what it is: (zh unit, en unit)
NOT_USED: dict[str, tuple[str, str]] = {
    "file_skipped": ("个非表格文件", "files that are not spreadsheets"),
    "file_skipped_temporary": ("个临时或隐藏文件", "lock or hidden files"),
    "file_duplicate": ("个重复提交的文件", "files sent twice"),
    "sheet_skipped": ("个非台账工作表", "worksheets that are not ledgers"),
    "sheet_hidden": ("个隐藏工作表", "hidden worksheets"),
    "columns_unused": ("个工作表中有未使用的列", "worksheets with columns not used"),
    "rows_skipped": ("个工作表中有表尾说明行", "worksheets with footer lines"),
}


def _unused_line(findings: list[Finding]) -> str:
    """One line saying that something read was not used, and where to see it."""
    counts = {code: 0 for code in NOT_USED}
    for finding in findings:
        if finding.code in counts:
            counts[finding.code] += 1
    parts = [f"{n:,} {pick(*NOT_USED[code])}" for code, n in counts.items() if n]
    if not parts:
        return ""
    return pick(
        f"未计入：{'、'.join(parts)}（zytalent validate 可逐条查看）。",
        f"Not counted: {', '.join(parts)} (zytalent validate lists each).",
    )
