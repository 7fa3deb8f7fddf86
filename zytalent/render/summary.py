"""`summarize` at a terminal: one table per section, money in 万元."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text as RichText

from zytalent.cells.money import shown
from zytalent.diagnostics import i18n
from zytalent.diagnostics.codes import CODES
from zytalent.diagnostics.findings import Finding
from zytalent.diagnostics.words import FIGURE, FIGURE_ID_SHORT, LIST_SEPARATOR, UNIT, VALUE
from zytalent.figures.base import shown_unit
from zytalent.figures.registry import FIGURES, SECTION_NAMES
from zytalent.ledgers import LEDGERS
from zytalent.render.terminal import findings_digest, findings_view, wrapped
from zytalent.summary import Summary
from zytalent.text.titles import headline


def _source_line(summary: Summary, kind: str) -> str:
    model, source = LEDGERS[kind], summary.sources[kind]
    line = str(
        i18n.Text(
            "{ledger} {records:,} 条记录（{files} 个文件）",
            "{ledger}: {records:,} records from {files} files",
        ).format(ledger=model.label, records=source.records, files=source.files)
    )
    if source.read > source.records:  # say why the rest of what was read does not count
        rest = source.read - source.records
        line += str(
            i18n.Text(
                "，另有 {rest:,} 条不计入 {year} 年（日期不在该年或记录无效）",
                "; {rest:,} read but not counted towards {year} (dated outside it, or invalid)",
            ).format(rest=rest, year=summary.year)
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
                str(
                    i18n.Text(
                        "……另有 {cut:,} 个错误未显示，请用 zytalent validate 查看全部。",
                        "… {cut:,} more errors; run zytalent validate to see them all.",
                    ).format(cut=cut)
                )
            )
        err.print(
            str(
                i18n.Text(
                    "[bold red]输入中有 {errors_count:,} 个错误，未输出统计数。[/]请修正后重试，或加 --skip-invalid 跳过无效记录。",
                    "[bold red]{errors_count:,} errors in the inputs; no figures were computed.[/] Fix them, or add --skip-invalid to leave invalid records out.",
                ).format(errors_count=len(errors))
            )
        )
        return
    out.print(f"[bold]{headline(summary.year)}[/]")
    for section, name in SECTION_NAMES.items():
        ids = [fid for fid in summary.values if FIGURES[fid].section == section]
        if not ids:
            continue
        table = Table(title=str(name), title_justify="left", min_width=48)
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
            str(
                i18n.Text(
                    "[yellow]已按 --skip-invalid 跳过 {left_out_rows:,} 条无效记录、{left_out_files} 个无法使用的文件。[/]",
                    "[yellow]--skip-invalid left out {left_out_rows:,} invalid records and {left_out_files} unusable files.[/]",
                ).format(left_out_rows=summary.left_out_rows, left_out_files=summary.left_out_files)
            )
        )
    render_refusals(summary, err)
    unused = _unused_line(findings)
    if unused:
        err.print(wrapped(RichText(unused, style="dim"), err.width))
    problems = [f for f in findings if f.severity != "info"]
    if problems:
        for part in findings_digest(problems, err.width):
            err.print(part)
        err.print(
            str(
                i18n.Text(
                    "[dim]逐条明细：zytalent validate 路径 --year 年份[/]",
                    "[dim]Every finding: zytalent validate PATH --year YEAR[/]",
                )
            )
        )


REFUSED = i18n.Text(
    "[bold red]{count} 项指标受输入中的错误影响，未输出：{figures}。[/]请修正后重试，或加 --skip-invalid 只用有效记录计算。",
    "[bold red]{count} figures are touched by errors in the inputs and were not given: {figures}.[/] Fix them, or add --skip-invalid to compute them from the valid records.",
)
HARMLESS = i18n.Text(
    "[yellow]{count} 处错误不影响统计数：{columns}，仍请退回修正。[/]",
    "[yellow]{count} errors touch no figure: {columns}; still send them back to be corrected.[/]",
)
COLUMN_NAMED = i18n.Text("{column}列", "column {column}")


def render_refusals(summary: Summary, err: Console) -> None:
    """The figures errors touch (not given), and the errors that touch none."""
    if summary.refused:
        labels = [str(FIGURES[fid].label) for fid in summary.refused]
        shown = "、".join(labels[:8]) + ("……" if len(labels) > 8 else "")
        said = REFUSED.format(count=len(labels), figures=shown)
        err.print(str(said))
    if summary.harmless:
        columns = list(dict.fromkeys(f.column or "" for f in summary.harmless))
        named = "、".join(str(COLUMN_NAMED.format(column=c)) for c in columns if c)
        count = sum(f.count for f in summary.harmless)
        err.print(str(HARMLESS.format(count=count, columns=named)))


NOT_USED_PART = i18n.Text("{count:,} {what}", "{count:,} {what}")
NOT_COUNTED = i18n.Text(
    "未计入：{zh}（zytalent validate 可逐条查看）。",
    "Not counted: {en} (zytalent validate lists each).",
)


def _unused_line(findings: list[Finding]) -> str:
    """One line saying that something read was not used, and where to see it: the codes
    with a `not_used` noun, in the order they are declared."""
    counts = {code: 0 for code in CODES.values() if code.not_used}
    for finding in findings:
        if finding.declared in counts:
            counts[finding.declared] += 1
    parts = [NOT_USED_PART.format(count=n, what=code.not_used) for code, n in counts.items() if n]
    if not parts:
        return ""
    return str(
        NOT_COUNTED.format(zh="、".join(p.zh for p in parts), en=", ".join(p.en for p in parts))
    )
