"""`validate` at a terminal."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from zytalent.diagnostics.i18n import pick
from zytalent.diagnostics.words import FILE, LEDGER, RECORDS, SHEET
from zytalent.ledgers import LEDGERS
from zytalent.load import Loaded
from zytalent.render.terminal import findings_view


def render_validation(loaded: Loaded, out: Console, limit: int) -> None:
    files = Table(title=pick("读取的文件", "Files read"), title_justify="left")
    for header in (
        str(FILE),
        str(SHEET),
        str(LEDGER),
        str(RECORDS),
    ):
        files.add_column(header, overflow="fold")
    for report in loaded.files:
        if not report.sheets:
            files.add_row(report.file, "—", "—", "0")
        for sheet in report.sheets:
            model = LEDGERS[sheet.kind]
            title = pick(model.title_zh, model.title_en)
            files.add_row(report.file, sheet.sheet or "—", title, f"{sheet.records:,}")
    out.print(files)
    findings = loaded.findings.sorted()
    if findings:
        parts, cut = findings_view(findings, limit, out.width)
        for part in parts:
            out.print(part)
        if cut:
            out.print(
                pick(
                    f"……另有 {cut:,} 条未显示（--limit 0 显示全部，或 --format json）。",
                    f"… {cut:,} more not shown (--limit 0 shows all, or use --format json).",
                )
            )
    errors, warnings = loaded.findings.errors, loaded.findings.warnings
    style = "bold red" if errors else ("yellow" if warnings else "bold green")
    out.print(
        f"[{style}]"
        + pick(
            f"{len(loaded.files)} 个文件，{loaded.records:,} 条记录：{errors:,} 个错误，{warnings:,} 个警告。",
            f"{_count(len(loaded.files), 'file')}, {_count(loaded.records, 'record')}: "
            f"{_count(errors, 'error')}, {_count(warnings, 'warning')}.",
        )
        + "[/]"
    )


def _count(number: int, noun: str) -> str:
    return f"{number:,} {noun}" + ("" if number == 1 else "s")
