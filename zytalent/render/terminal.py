"""Rich tables for people at a terminal."""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Sequence

from rich.console import Console, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from zytalent.diagnostics import i18n
from zytalent.diagnostics.codes import Code
from zytalent.diagnostics.findings import Finding
from zytalent.diagnostics.words import LEVEL, WHERE
from zytalent.text.escape import terminal, visible
from zytalent.text.wrap import wrap

STYLE = {"error": "bold red", "warning": "yellow", "info": "dim"}
LABEL = {
    "error": i18n.Text("错误", "error"),
    "warning": i18n.Text("警告", "warning"),
    "info": i18n.Text("说明", "note"),
}


def console(stderr: bool = False, record: bool = False) -> Console:
    if record:  # rendered for a file: wide enough for long rows, no colour codes
        return Console(
            record=True, width=200, highlight=False, color_system=None, file=io.StringIO()
        )
    return Console(stderr=stderr, highlight=False, soft_wrap=False)


def severity_text(severity: str) -> Text:
    return Text(str(LABEL[severity]), style=STYLE[severity])


def one_line(text: str | None) -> str:
    """A text on one line, every control or bidi character in it shown visibly."""
    return visible(" ".join((text or "").split()))


# Below this width a six-column table leaves the message a few characters a line, so
# findings are listed instead, the message indented under its place.
TABLE_FROM_WIDTH = 140


def findings_view(
    findings: Sequence[Finding], limit: int, width: int
) -> tuple[list[RenderableType], int]:
    """Every finding with where it is and what to do, grouped by file (the path is said
    once); returns what to print and how many findings were cut by `limit`."""
    shown = findings if limit <= 0 else _few_per_code(findings)[:limit]
    hidden = Counter((f.file, f.sheet, f.declared) for f in findings) if limit > 0 else Counter()
    hidden.subtract(Counter((f.file, f.sheet, f.declared) for f in shown))
    parts: list[RenderableType] = []
    table: Table | None = None
    current: str | None = None
    for number, f in enumerate(shown):
        if number == 0 or f.file != current:
            if number:
                parts += _more(hidden, current, width)
            current = f.file
            title = visible(f.file) if f.file else str(i18n.Text("（不属于某个文件）", "(no file)"))
            if width >= TABLE_FROM_WIDTH:
                table = _findings_table(title)
                parts.append(table)
            else:
                parts.append(Text(title, style="bold"))
        if table is not None:
            row = (f.cells or "", one_line(f.column), one_line(f.value))
            cells = (terminal(f.place), *(terminal(c) for c in row), terminal(f.message))
            table.add_row(severity_text(f.severity), *cells)
            continue
        line = Text.assemble(severity_text(f.severity), " ", visible(_with_cell(f.place, f)))
        if f.column or f.value:
            line.append(f"  {one_line(f.column)}：{one_line(f.value)}", style="cyan")
        parts += _list_entry(line, f.message, width)
    if shown:
        parts += _more(hidden, current, width)
    return parts, len(findings) - len(shown) - sum(n for n in hidden.values() if n > 0)


# the terminal shows this many findings of one code in one sheet; JSON and the 问题清单
# hold them all
PER_CODE = 5
MORE = i18n.Text(
    "……{where}“{name}”另有 {count:,} 处未显示（--limit 0 显示全部，或 --format json）。",
    "… {count:,} more '{name}' {where}not shown (--limit 0 shows all, or use --format json).",
)


def _few_per_code(findings: Sequence[Finding]) -> list[Finding]:
    seen: Counter[tuple[str | None, str | None, Code]] = Counter()
    kept = []
    for f in findings:
        key = (f.file, f.sheet, f.declared)
        seen[key] += 1
        if seen[key] <= PER_CODE:
            kept.append(f)
    return kept


def _more(
    hidden: Counter[tuple[str | None, str | None, Code]], file: str | None, width: int
) -> list[RenderableType]:
    """The findings of one file left out because their code came many times in a sheet."""
    lines: list[RenderableType] = []
    for (where, sheet, code), count in hidden.items():
        if where != file or count <= 0:
            continue
        place = i18n.Text(f"工作表“{sheet}”中", f"in sheet '{sheet}' ") if sheet else ""
        said = MORE.format(where=place, name=code.name, count=count)
        lines.append(Padding(wrapped(Text(str(said), style="dim"), width - 2), (0, 0, 0, 2)))
    return lines


def _with_cell(place: str, finding: Finding) -> str:
    return " › ".join(p for p in (place, finding.cells) if p)


def _list_entry(line: Text, message: str, width: int) -> list[RenderableType]:
    """One finding in the narrow layout: its line, and the message indented below it,
    both broken as Chinese text is set (no line starting with 、，。, file names whole)."""
    return [
        Padding(wrapped(line, width - 2), (0, 0, 0, 2)),
        Padding(wrapped(Text(visible(message)), width - 7), (0, 0, 0, 7)),
    ]


def wrapped(text: Text, width: int) -> Text:
    """`text` broken into lines by `wrap`, keeping its styles."""
    lines = wrap(text.plain, width)
    if len(lines) <= 1:
        return text
    result = Text(no_wrap=True, overflow="ignore")
    start = 0
    for number, line in enumerate(lines):
        found = text.plain.find(line, start)
        start = found if found >= 0 else start
        result.append_text(text[start : start + len(line)])
        start += len(line)
        if number < len(lines) - 1:
            result.append("\n")
    return result


FINDINGS_HEADERS = (
    LEVEL,
    WHERE,
    i18n.Text("单元格", "cell"),
    i18n.Text("列", "column"),
    i18n.Text("值", "value"),
    i18n.Text("问题与处理", "problem and fix"),
)
FINDINGS_TITLE = i18n.Text("检查结果", "Findings")
FIRST_AT = i18n.Text("首个：{where}", "first: {where}")
DIGEST_HEADERS = (
    LEVEL,
    i18n.Text("问题", "problem"),
    i18n.Text("条数", "count"),
    i18n.Text("首个位置", "first at"),
    i18n.Text("说明", "message"),
)


def _findings_table(title: str) -> Table:
    table = Table(title=title, title_justify="left")
    for header in FINDINGS_HEADERS:
        table.add_column(str(header), overflow="fold")
    return table


def findings_digest(findings: Sequence[Finding], width: int) -> list[RenderableType]:
    """One entry per finding code: how many, the first place, the message of the first
    (a table on a wide terminal, a list like `findings_view` on a narrow one)."""
    counts = Counter(f.code for f in findings)
    first: dict[str, Finding] = {}
    for f in findings:
        first.setdefault(f.code, f)
    title = str(FINDINGS_TITLE)
    if width < TABLE_FROM_WIDTH:
        parts: list[RenderableType] = [Text(title, style="bold")]
        for code, finding in first.items():
            where = visible(_with_cell(finding.where, finding))
            line = Text.assemble(
                severity_text(finding.severity),
                f" {finding.declared.name} × {counts[code]:,}  ",
                (str(FIRST_AT.format(where=where)), "cyan"),
            )
            parts += _list_entry(line, finding.message, width)
        return parts
    table = Table(title=title, title_justify="left")
    for header in DIGEST_HEADERS:
        table.add_column(str(header), overflow="fold")
    for code, finding in first.items():
        where = _with_cell(finding.where, finding)
        table.add_row(
            severity_text(finding.severity),
            str(finding.declared.name),
            f"{counts[code]:,}",
            terminal(where),
            terminal(finding.message),
        )
    return [table]
