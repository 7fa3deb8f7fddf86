"""Annotated returns: a copy of each submitted file with its problems marked, to send back.

Every offending cell is filled (red for errors, amber for warnings) and carries a comment
with the message; a first sheet 问题清单 lists every finding with a link to its cell.
The original is never touched; CSV and .xls come back as .xlsx. The copy keeps the
department's own data as it was (they need it to correct it); the 问题清单 shows values
masked like every other output.
"""

from __future__ import annotations

import io
import warnings
from collections import defaultdict
from pathlib import Path
from typing import Any

from zytalent.diagnostics.codes import ANNOTATE_FAILED, ANNOTATE_NOT_WRITTEN
from zytalent.diagnostics.findings import Finding, make
from zytalent.diagnostics.i18n import render
from zytalent.diagnostics.messages import MESSAGES
from zytalent.load import Loaded
from zytalent.text.escape import sheet_title, xlsx_text
from zytalent.writers.outputs import OutputNotWritten, neutralise, write_atomic
from zytalent.writers.printing import prepare_for_print

ERROR_FILL, WARNING_FILL = "FFC7CE", "FFEB9C"
LIST_SHEET = "问题清单"
SUFFIX = "_问题标注.xlsx"


def annotate(loaded: Loaded, outdir: Path, *, force: bool = False) -> list[Path]:
    """Write one annotated copy per file with errors or warnings; return their paths.

    A file whose copy cannot be written does not stop the others: it becomes an
    `annotate_failed` warning among the loaded findings, and the next file is written."""
    by_file: dict[str, list[Finding]] = defaultdict(list)
    for finding in loaded.findings.sorted():
        if finding.file and finding.severity in ("error", "warning"):
            by_file[finding.file].append(finding)
    written: list[Path] = []
    names: set[str] = set()
    for file, findings in by_file.items():
        source = Path(file)
        name = source.stem + SUFFIX
        if name in names:  # 台账.csv and 台账.xlsx: keep both
            name = f"{source.stem}_{source.suffix.lstrip('.')}{SUFFIX}"
        names.add(name)
        target = outdir / name
        try:
            content = annotated_copy(source, findings)
        except Exception as exc:  # one odd workbook must not stop a batch half written
            loaded.findings.add(
                make(
                    ANNOTATE_FAILED,
                    file=file,
                    detail=f"{type(exc).__name__}: {exc}"[:300],
                )
            )
            continue
        try:
            write_atomic(target, content, force=force)
        except OutputNotWritten as exc:  # a full disk: the findings still reach the user
            loaded.findings.add(
                make(
                    ANNOTATE_NOT_WRITTEN,
                    file=file,
                    path=str(target),
                    reason=exc.reason,
                )
            )
            continue
        written.append(target)
    return written


def annotated_copy(source: Path, findings: list[Finding]) -> bytes:
    from openpyxl import Workbook, load_workbook

    book: Any
    lost: list[str] = []
    if source.suffix.lower() in (".xlsx", ".xlsm"):
        try:
            with warnings.catch_warnings():
                # openpyxl's "Unknown extension is not supported" and the like: what the
                # copy cannot keep is said in its 问题清单, never as a raw warning
                warnings.simplefilter("ignore")
                book = load_workbook(source)  # a copy in memory; the file itself is only read
        except Exception:  # unreadable to openpyxl too: the list alone goes back
            book = Workbook()
            book.remove(book.active)
            lost.append("annotate_lost_content")
        else:
            lost.extend(_what_openpyxl_drops(source))
    else:
        book = _rebuilt(source)
        lost.append("annotate_rebuilt")
    _mark_cells(book, findings)
    _add_list(book, findings, lost)
    out = io.BytesIO()
    prepare_for_print(book)
    book.save(out)
    return out.getvalue()


def _what_openpyxl_drops(source: Path) -> list[str]:
    """Charts and pictures (openpyxl does not keep them) and macros of an .xlsm."""
    import zipfile

    lost: list[str] = []
    try:
        with zipfile.ZipFile(source) as archive:
            names = archive.namelist()
    except (zipfile.BadZipFile, OSError):
        return lost
    if any(n.startswith(("xl/drawings/", "xl/charts/", "xl/media/")) for n in names):
        lost.append("annotate_lost_drawings")
    if any(n.startswith("xl/vbaProject") for n in names):
        lost.append("annotate_lost_macros")
    return lost


def _rebuilt(source: Path) -> Any:
    """CSV and .xls as a new workbook, cell by cell, text kept as text."""
    from openpyxl import Workbook

    from zytalent.reading.grids import read_grids
    from zytalent.reading.safety import UnreadableFile

    book = Workbook()
    book.remove(book.active)
    # a sheet's own name -> the title it has in the copy ([ ] ? * : / \ are not allowed)
    titles: dict[str | None, str] = {}
    book.zytalent_titles = titles
    try:
        grids = read_grids(source)
    except (UnreadableFile, OSError):
        return book
    for grid in grids:
        sheet = book.create_sheet(sheet_title(grid.sheet or source.stem, set(book.sheetnames)))
        titles[grid.sheet] = sheet.title
        for r, row in enumerate(grid.cells.itertuples(index=False, name=None), 1):
            for c, value in enumerate(row, 1):
                if value is None or value == "" or value != value:
                    continue
                cell = sheet.cell(r, c, xlsx_text(value) if isinstance(value, str) else value)
                if isinstance(value, str):
                    cell.data_type = "s"  # "=1+1" in a CSV stays text, never a formula
    return book


def _sheet_for(book: Any, finding: Finding) -> Any:
    title = getattr(book, "zytalent_titles", {}).get(finding.sheet, finding.sheet)
    if title and title in book.sheetnames:
        return book[title]
    visible = [s for s in book.worksheets if s.title != LIST_SHEET]
    return visible[0] if visible and finding.sheet is None else None


def _anchor(sheet: Any, ref: str) -> tuple[str, str | None]:
    """The cell that can carry a fill and a comment: a merged range's top-left cell (the
    others are read-only in openpyxl), and the range's name when it is one."""
    for merged in sheet.merged_cells.ranges:
        if ref in merged:
            return merged.start_cell.coordinate, merged.coord
    return ref, None


MARKED_COLUMN_MAX = 40


def _widen_marked_columns(book: Any, columns: set[tuple[str, str]]) -> None:
    """A column with a marked cell is made wide enough to show its values (an ID number,
    a date), where the sender's narrow column shows 14233219… or ###: the clerk must see
    the value the comment is about."""
    import datetime as dt

    from openpyxl.utils import column_index_from_string

    from zytalent.text.wrap import cell_width

    for title, letters in columns:
        sheet = book[title]
        index = column_index_from_string(letters)
        widest = 0
        for (cell,) in sheet.iter_rows(min_col=index, max_col=index, max_row=2000):
            value = cell.value
            if value is None:
                continue
            shown = "2023-12-31" if isinstance(value, dt.date) else str(value)
            widest = max(widest, cell_width(shown))
        dimension = sheet.column_dimensions[letters]
        current = dimension.width or 8.43
        dimension.width = max(current, min(widest + 2, MARKED_COLUMN_MAX))


def _mark_cells(book: Any, findings: list[Finding]) -> None:
    from openpyxl.comments import Comment
    from openpyxl.styles import PatternFill

    messages: dict[tuple[str, str], list[Finding]] = defaultdict(list)
    ranges: dict[tuple[str, str], str] = {}
    filled: dict[tuple[str, str], str] = {}  # the other cells of a run: filled, no comment
    for finding in findings:
        sheet = _sheet_for(book, finding)
        if sheet is None or finding.row is None:
            continue
        ref, merged = _anchor(sheet, finding.cell or f"A{finding.row}")
        messages[(sheet.title, ref)].append(finding)
        if merged:
            ranges[(sheet.title, ref)] = merged
        letters = (finding.cell or "A").rstrip("0123456789")
        for row in finding.rows[1:]:
            other, _ = _anchor(sheet, f"{letters}{row}")
            if filled.get((sheet.title, other)) != "error":
                filled[(sheet.title, other)] = finding.severity
    _widen_marked_columns(book, {(t, r.rstrip("0123456789")) for t, r in [*messages, *filled]})
    for (title, ref), severity in filled.items():
        if (title, ref) not in messages:
            colour = ERROR_FILL if severity == "error" else WARNING_FILL
            book[title][ref].fill = PatternFill("solid", fgColor=colour)
    for (title, ref), items in messages.items():
        cell = book[title][ref]
        worst = "error" if any(f.severity == "error" for f in items) else "warning"
        colour = ERROR_FILL if worst == "error" else WARNING_FILL
        cell.fill = PatternFill("solid", fgColor=colour)
        text = "\n".join(
            f"【{'错误' if f.severity == 'error' else '警告'}】{f.message}" for f in items
        )
        if (title, ref) in ranges:
            text = f"（合并单元格 {ranges[(title, ref)]}）\n{text}"
        comment = Comment(xlsx_text(text), "zytalent")
        comment.width, comment.height = 320, 60 + 40 * len(items)
        cell.comment = comment


def _add_list(book: Any, findings: list[Finding], lost: list[str] | None = None) -> None:
    from openpyxl.styles import Font, PatternFill
    from openpyxl.worksheet.hyperlink import Hyperlink

    sheet = book.create_sheet(LIST_SHEET, 0)
    header = ["级别", "问题", "工作表", "行", "单元格", "列", "值", "问题与处理"]
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for finding in findings:
        level = "错误" if finding.severity == "error" else "警告"
        sheet.append(
            [
                level,
                str(finding.declared.name),
                neutralise(finding.sheet or ""),  # the original name, as the department wrote it
                finding.row if finding.last_row is None else f"{finding.row}–{finding.last_row}",
                finding.cells or "",
                neutralise(" ".join((finding.column or "").split())),
                neutralise(finding.value or ""),
                neutralise(finding.message),
            ]
        )
        row = sheet.max_row
        target = _sheet_for(book, finding)
        if target is not None and finding.row is not None:
            ref, _ = _anchor(target, finding.cell or f"A{finding.row}")
            link = sheet.cell(row, 5, finding.cells if finding.last_row else ref)
            # an internal link (location), not an external "#…" target
            link.hyperlink = Hyperlink(ref=link.coordinate, location=f"'{target.title}'!{ref}")
            link.font = Font(color="0563C1", underline="single")
        fill = ERROR_FILL if finding.severity == "error" else WARNING_FILL
        sheet.cell(row, 1).fill = PatternFill("solid", fgColor=fill)
    for code in lost or []:
        sheet.append(["说明", "", "", None, "", "", "", render(MESSAGES, code, {})])
    for letter, width in zip("ABCDEFGH", (6, 20, 14, 6, 8, 14, 20, 80), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A2"
    book.active = 0
