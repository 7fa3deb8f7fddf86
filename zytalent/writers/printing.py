"""Print setup for every workbook zytalent writes, so that it prints on A4 as it is:
fitted to one page wide (landscape where the sheet is wide), the header rows repeated on
every page, long text wrapped, and a footer 第 N 页 共 M 页."""

from __future__ import annotations

from typing import Any

from openpyxl.utils import get_column_letter

# Column widths (in characters of the default font) that fit across an A4 page with
# the default margins; wider sheets print in landscape.
PORTRAIT_WIDTH = 95
WRAP_FROM_WIDTH = 30  # columns at least this wide wrap their text instead of running on
FOOTER = "第 &P 页 共 &N 页"


def prepare_for_print(book: Any) -> None:
    """A4, fitted to one page wide, header rows repeated, footer, wrapped long text, for
    every visible worksheet of `book` (an openpyxl Workbook)."""
    for sheet in book.worksheets:
        if sheet.sheet_state != "visible":
            continue
        setup_sheet(sheet)


def setup_sheet(sheet: Any) -> None:
    widths = _column_widths(sheet)
    setup = sheet.page_setup
    setup.paperSize = sheet.PAPERSIZE_A4
    setup.orientation = "landscape" if sum(widths.values()) > PORTRAIT_WIDTH else "portrait"
    setup.fitToWidth = 1
    setup.fitToHeight = 0  # as many pages down as it takes
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True
    header_rows = _header_rows(sheet)
    if header_rows and not sheet.print_title_rows:
        sheet.print_title_rows = f"1:{header_rows}"
    sheet.oddFooter.center.text = FOOTER
    sheet.evenFooter.center.text = FOOTER
    _wrap_long_columns(sheet, widths, header_rows)
    if sheet.max_row <= 5000:  # a department's long ledger keeps its own look
        fit_row_heights(sheet, header_rows)


def _column_widths(sheet: Any) -> dict[str, float]:
    """Each used column's width: as set, else the default (8.43 characters)."""
    widths: dict[str, float] = {}
    for index in range(1, (sheet.max_column or 0) + 1):
        letter = get_column_letter(index)
        dimension = sheet.column_dimensions.get(letter)
        if dimension is not None and dimension.hidden:
            continue  # not printed
        width = dimension.width if dimension is not None and dimension.width else 8.43
        widths[letter] = float(width)
    return widths


def _header_rows(sheet: Any) -> int:
    """The rows above the frozen pane (the header a reader needs on every page)."""
    frozen = sheet.freeze_panes
    if not frozen:
        return 0
    digits = "".join(c for c in str(frozen) if c.isdigit())
    return max(int(digits) - 1, 0) if digits else 0


def _wrap_long_columns(sheet: Any, widths: dict[str, float], header_rows: int) -> None:
    from copy import copy

    wide = [letter for letter, width in widths.items() if width >= WRAP_FROM_WIDTH]
    if not wide or sheet.max_row > 5000:  # a department's long ledger keeps its own look
        return
    for letter in wide:
        for (cell,) in sheet.iter_rows(
            min_row=header_rows + 1, min_col=_index(letter), max_col=_index(letter)
        ):
            if isinstance(cell.value, str) and cell.value:
                alignment = copy(cell.alignment)
                alignment.wrap_text = True
                alignment.vertical = alignment.vertical or "top"
                cell.alignment = alignment


def _index(letter: str) -> int:
    from openpyxl.utils import column_index_from_string

    return int(column_index_from_string(letter))


LINE_POINTS = 15.0  # one line of the default 11-point font


def fit_row_heights(sheet: Any, header_rows: int = 0) -> None:
    """Rows whose wrapped text needs more than one line get the height for it: Excel
    grows such rows when it opens a file, LibreOffice and WPS do not, and cut the text."""
    import math

    from zytalent.text.wrap import cell_width

    widths = _column_widths(sheet)
    for row in sheet.iter_rows(min_row=1):
        lines = 1
        for cell in row:
            if not (isinstance(cell.value, str) and cell.alignment and cell.alignment.wrap_text):
                continue
            width = max(widths.get(cell.column_letter, 8.43) - 1, 1)
            needed = sum(
                max(1, math.ceil(cell_width(part) / width)) for part in cell.value.split("\n")
            )
            lines = max(lines, needed)
        if lines > 1:
            number = row[0].row
            current = sheet.row_dimensions[number].height or LINE_POINTS
            sheet.row_dimensions[number].height = max(current, lines * LINE_POINTS)
