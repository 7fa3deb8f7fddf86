"""Tables that arrive in other clothes: Word tables (.docx) and the HTML tables that web
systems save with an .xls name. Each becomes a Grid like a worksheet's, so the header
search, the checks and the annotated copy treat them as any sheet.

- A .docx is a zip like an .xlsx: the same safety pass (bombs, DTDs) runs before
  python-docx parses it. Each table is a grid named 表1, 表2, …; the paragraph above it is
  its title (where a year or a month is found). A cell merged across (gridSpan) or down
  (vMerge) gives every grid cell it covers its text, as a merged worksheet cell does.
- An HTML table is parsed by lxml's HTML parser with the network off and no huge trees;
  nothing of the page runs (only cell text is taken). colspan and rowspan fill every cell
  they cover. The file's size is bounded by the same limit as an inflated workbook.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pandas as pd

from zytalent.diagnostics.codes import FILE_TOO_LARGE
from zytalent.reading.grid import Grid, library_reason
from zytalent.reading.safety import ENV_MAX_UNCOMPRESSED, Limits, UnreadableFile, inspect_zip

__all__ = ["looks_like_html", "read_docx_grids", "read_html_grids"]

# a rowspan or colspan beyond this is a typo or an attack, not a ledger; nor is a table
# whose spans fill more cells than a worksheet may have
MAX_SPAN = 1_000
MAX_CELLS = 20_000_000
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_-]+)""", re.IGNORECASE)
_HTML_START = (b"<!doctype html", b"<html", b"<table", b"<meta", b"<head", b"<body", b"<style")
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")


def looks_like_html(start: bytes) -> bool:
    """The first bytes of a file are an HTML page or table (what a web system's "export to
    Excel" often writes under an .xls name)."""
    head = start
    for bom in _BOMS:
        head = head.removeprefix(bom)
    head = head.lstrip().lower()
    if head.startswith(b"<?xml"):
        return b"<html" in head[:4096]
    return head.startswith(_HTML_START) or (head.startswith(b"<") and b"<table" in head[:4096])


def read_docx_grids(path: Path, limits: Limits) -> list[Grid]:
    """The tables of a Word document, each as a grid (表1, 表2, …) with its title."""
    from docx import Document
    from docx.table import Table

    inspect_zip(path, limits)
    try:
        document = Document(str(path))
    except Exception as exc:  # python-docx raises several types for what is not a .docx
        raise UnreadableFile("not_docx", detail=library_reason(exc)) from exc
    grids: list[Grid] = []
    title: str | None = None
    for block in document.iter_inner_content():
        if not isinstance(block, Table):
            text = " ".join(block.text.split())
            if text:
                title = text
            continue
        rows = _docx_rows(block)
        cells = pd.DataFrame(rows, dtype=object) if rows else pd.DataFrame()
        grid = Grid(str(path), f"表{len(grids) + 1}", cells)
        if title:
            grid.titles = [title]
        grids.append(grid)
        title = None  # the paragraph above the next table is its title, not this one's
    return grids


def _docx_rows(table: Any) -> list[list[object]]:
    """The table as rows of text, one per grid column: cells merged across or down repeat
    their text in every position they cover; positions a row leaves out are blank."""
    rows: list[list[object]] = []
    for row in table.rows:
        texts: list[object] = [None] * row.grid_cols_before
        for cell in row.cells:
            text = "\n".join(p.text for p in cell.paragraphs).strip()
            texts.append(text or None)
        texts.extend([None] * row.grid_cols_after)
        rows.append(texts)
    width = max((len(r) for r in rows), default=0)
    return [r + [None] * (width - len(r)) for r in rows]


def read_html_grids(path: Path, limits: Limits) -> list[Grid]:
    """The tables of an HTML file saved as a workbook, each as a grid named like a sheet
    (表1, 表2, …; a table's caption is its title)."""
    import lxml.etree
    import lxml.html

    budget = limits.max_uncompressed_mb * (1 << 20)
    try:
        size = path.stat().st_size
        if size > budget:
            raise _too_large(limits)
        data = path.read_bytes()
    except OSError as exc:
        raise UnreadableFile("os", detail=exc.strerror or str(exc)) from exc
    text = _decode_html(data)
    parser = lxml.html.HTMLParser(no_network=True, huge_tree=False, remove_comments=True)
    try:
        root = lxml.html.document_fromstring(text, parser=parser)
    except (lxml.etree.ParserError, ValueError) as exc:
        raise UnreadableFile("damaged", detail=library_reason(exc)) from exc
    grids: list[Grid] = []
    for table in root.iter("table"):
        if any(parent.tag == "table" for parent in table.iterancestors()):
            continue  # a table inside a cell is part of that cell's text
        rows = _html_rows(table, limits)
        if not rows:
            continue
        grid = Grid(str(path), f"表{len(grids) + 1}", pd.DataFrame(rows, dtype=object))
        caption = table.find("caption")
        if caption is not None and caption.text_content().strip():
            grid.titles = [" ".join(caption.text_content().split())]
        grids.append(grid)
    return grids


def _decode_html(data: bytes) -> str:
    """The page as text: the charset its <meta> declares, else UTF-8, else GB18030 (what
    Chinese web systems use)."""
    declared = _CHARSET.search(data[:4096])
    candidates = [declared.group(1).decode("ascii").lower()] if declared else []
    for encoding in [*candidates, "utf-8-sig", "gb18030"]:
        if encoding in ("gbk", "gb2312"):
            encoding = "gb18030"  # a superset: the same bytes, and more of them
        try:
            return data.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            continue
    raise UnreadableFile("encoding")


def _html_rows(table: Any, limits: Limits) -> list[list[object]]:
    """Rows of cell text; colspan and rowspan fill every position they cover."""
    grid: dict[tuple[int, int], object] = {}
    height = width = 0
    for r, row in enumerate(tr for tr in table.iter("tr") if _owned_by(tr, table)):
        c = 0
        for cell in row:
            if cell.tag not in ("td", "th"):
                continue
            while (r, c) in grid:
                c += 1
            text = "\n".join(line.strip() for line in cell.text_content().splitlines())
            value: object = text.strip() or None
            rows, columns = _span(cell.get("rowspan")), _span(cell.get("colspan"))
            if len(grid) + rows * columns > MAX_CELLS:
                raise _too_large(limits)
            for dr in range(rows):
                for dc in range(columns):
                    grid[(r + dr, c + dc)] = value
            width = max(width, c + columns)
            height = max(height, r + rows)
            c += columns
        height = max(height, r + 1)
    return [[grid.get((r, c)) for c in range(width)] for r in range(height)]


def _owned_by(row: Any, table: Any) -> bool:
    """A row of this table, not of a table nested in one of its cells."""
    parent = row.getparent()
    while parent is not None and parent.tag != "table":
        parent = parent.getparent()
    return parent is table


def _span(text: str | None) -> int:
    try:
        return min(max(int(text or 1), 1), MAX_SPAN)
    except ValueError:
        return 1


def _too_large(limits: Limits) -> UnreadableFile:
    return UnreadableFile(
        "too_large", FILE_TOO_LARGE, limit=limits.max_uncompressed_mb, env=ENV_MAX_UNCOMPRESSED
    )
