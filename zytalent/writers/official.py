"""The Word report in the official document format (GB/T 9704-2012 党政机关公文格式):
A4, a text block of 156 × 225 mm (37 mm from the top, 28 mm from the left), the title in
2号 小标宋, the body in 3号 仿宋 at 22 lines of 28 characters, level-one headings in 黑体
(一、), level-two in 楷体 (（一）), page numbers "— 1 —" in 4号 宋体 at the outer bottom
corner. Fonts are named as Word and WPS on an office PC know them, with the East-Asian
font attribute set; no coloured default heading styles are used."""

from __future__ import annotations

import io
from typing import Any

from zytalent.diagnostics.words import ALL_FIGURES, CHARTS_HEADING, FIGURE, UNIT, VALUE
from zytalent.report import Report
from zytalent.text.titles import headline

TITLE_FONT, BODY_FONT, HEADING_FONT, SUBHEADING_FONT, NUMBER_FONT = (
    "方正小标宋简体",
    "仿宋",
    "黑体",
    "楷体",
    "宋体",
)
# 号 sizes in points
SIZE_2, SIZE_3, SIZE_4, SIZE_SMALL_4 = 22, 16, 14, 12
LINE_PITCH_PT = 225 / 22 / 25.4 * 72  # 22 lines in 225 mm: 28.9 pt
CHINESE_NUMBERS = "一二三四五六七八九十"


def _chinese_theme_language(document: Any) -> None:
    """python-docx's template declares East Asian text Japanese (themeFontLang
    eastAsia="ja-JP"), so LibreOffice and WPS pick a Japanese face for every Chinese run;
    this document is Chinese."""
    from docx.oxml.ns import qn

    settings = document.settings.element
    language = settings.find(qn("w:themeFontLang"))
    if language is None:
        from docx.oxml import OxmlElement

        language = OxmlElement("w:themeFontLang")
        settings.append(language)
    language.set(qn("w:eastAsia"), "zh-CN")


def official_report(result: Report) -> bytes:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    from zytalent.writers.charts import chart_data
    from zytalent.writers.word_charts import add_chart

    document = Document()
    _page(document)
    _normal_style(document)
    _chinese_theme_language(document)
    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(title, str(headline(result.summary.year)), TITLE_FONT, SIZE_2)
    _spacing(title, before=0, after=LINE_PITCH_PT)
    number = 0
    for number, (heading, text) in enumerate(result.paragraphs, 1):
        _heading(document, f"{CHINESE_NUMBERS[number - 1]}、{heading}")
        _body(document, text)
    charts = chart_data(result.summary.values)
    if charts:
        number += 1
        _heading(document, f"{CHINESE_NUMBERS[number - 1]}、{CHARTS_HEADING}")
        for position, chart in enumerate(charts, 1):
            _subheading(document, f"（{CHINESE_NUMBERS[position - 1]}）{chart.title}")
            picture = document.add_paragraph()
            picture.alignment = WD_ALIGN_PARAGRAPH.CENTER
            add_chart(document, picture, chart, width_mm=150)
    number += 1
    _heading(document, f"{CHINESE_NUMBERS[number - 1]}、{ALL_FIGURES}")
    _figures_table(document, result)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _page(document: Any) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm

    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    section.footer_distance = Mm(28)  # the page number 7 mm below the text block
    grid = section._sectPr.find(qn("w:docGrid"))
    if grid is None:
        grid = OxmlElement("w:docGrid")
        section._sectPr.append(grid)
    grid.set(qn("w:type"), "linesAndChars")
    grid.set(qn("w:linePitch"), str(round(LINE_PITCH_PT * 20)))
    grid.set(qn("w:charSpace"), "0")
    document.settings.odd_and_even_pages_header_footer = True
    _page_number(section.footer, right=True)  # odd pages: the outer corner is the right
    _page_number(section.even_page_footer, right=False)


def _page_number(footer: Any, *, right: bool) -> None:
    """ "— 1 —" in 4号 宋体, one character in from the outer edge."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    paragraph = footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT if right else WD_ALIGN_PARAGRAPH.LEFT
    if right:
        paragraph.paragraph_format.right_indent = Pt(SIZE_4)
    else:
        paragraph.paragraph_format.left_indent = Pt(SIZE_4)
    _run(paragraph, "— ", NUMBER_FONT, SIZE_4)
    run = _run(paragraph, "", NUMBER_FONT, SIZE_4)
    for kind, text in (("begin", None), (None, " PAGE "), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._r.append(element)
    _run(paragraph, " —", NUMBER_FONT, SIZE_4)


def _normal_style(document: Any) -> None:
    from docx.enum.text import WD_LINE_SPACING
    from docx.shared import Pt, RGBColor

    style = document.styles["Normal"]
    _fonts(style.element, BODY_FONT)
    style.font.size = Pt(SIZE_3)
    style.font.color.rgb = RGBColor(0, 0, 0)
    style.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    style.paragraph_format.line_spacing = Pt(LINE_PITCH_PT)
    style.paragraph_format.space_before = Pt(0)
    style.paragraph_format.space_after = Pt(0)


def _fonts(element: Any, name: str) -> None:
    """One font for Latin and East-Asian text: w:ascii, w:hAnsi and w:eastAsia."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    properties = element.get_or_add_rPr()
    fonts = properties.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        properties.insert(0, fonts)
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attribute), name)


def _run(paragraph: Any, text: str, font: str, size: float, bold: bool = False) -> Any:
    from docx.shared import Pt

    run = paragraph.add_run(text)
    run.font.size = Pt(size)
    run.bold = bold
    _fonts(run._r, font)
    return run


def _spacing(paragraph: Any, *, before: float, after: float) -> None:
    from docx.shared import Pt

    paragraph.paragraph_format.space_before = Pt(before)
    paragraph.paragraph_format.space_after = Pt(after)


def _heading(document: Any, text: str) -> None:
    paragraph = document.add_paragraph()
    paragraph.paragraph_format.first_line_indent = _chars(2)
    paragraph.paragraph_format.keep_with_next = True
    _run(paragraph, text, HEADING_FONT, SIZE_3)


def _subheading(document: Any, text: str) -> None:
    paragraph = document.add_paragraph()
    paragraph.paragraph_format.first_line_indent = _chars(2)
    paragraph.paragraph_format.keep_with_next = True
    _run(paragraph, text, SUBHEADING_FONT, SIZE_3)


def _body(document: Any, text: str) -> None:
    paragraph = document.add_paragraph()
    paragraph.paragraph_format.first_line_indent = _chars(2)
    _run(paragraph, text, BODY_FONT, SIZE_3)


def _chars(count: int) -> Any:
    from docx.shared import Pt

    return Pt(SIZE_3 * count)


def _figures_table(document: Any, result: Report) -> None:
    from docx.oxml import OxmlElement
    from docx.shared import Mm

    table = document.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    widths = (Mm(96), Mm(36), Mm(24))
    headers = (str(FIGURE), str(VALUE), str(UNIT))
    for cell, text, width in zip(table.rows[0].cells, headers, widths, strict=True):
        _cell(cell, text, bold=True)
        cell.width = width
        for paragraph in cell.paragraphs:  # never a header alone at the foot of a page
            paragraph.paragraph_format.keep_with_next = True
    _repeat_as_header(table.rows[0])
    for label, line in appendix_rows(result):
        cells = table.add_row().cells
        _cell(cells[0], label)
        _cell(cells[1], line.shown() if line else "", right=True)
        _cell(cells[2], line.shown_unit() if line else "")
        for cell, width in zip(cells, widths, strict=True):
            cell.width = width
    for row in table.rows:  # a row of two lines is never split over two pages
        row._tr.get_or_add_trPr().append(_on(OxmlElement("w:cantSplit")))


def _repeat_as_header(row: Any) -> None:
    """The row is the table's header: Word, WPS and LibreOffice repeat it on every page."""
    from docx.oxml import OxmlElement

    row._tr.get_or_add_trPr().append(_on(OxmlElement("w:tblHeader")))


def _on(element: Any) -> Any:
    from docx.oxml.ns import qn

    element.set(qn("w:val"), "true")
    return element


INDENT = "\u3000"  # a full-width space: how a Chinese table indents a child row


def appendix_rows(result: Report) -> list[tuple[str, Any]]:
    """The appendix as a table writes it: a breakdown's zero parts are left out, as the
    text leaves them out; `按领域：县直和乡镇` becomes a row 按领域 once (under its parent),
    with 县直和乡镇 and the other parts indented under it."""
    from zytalent.figures.registry import FIGURES
    from zytalent.writers.exports import lines

    rows: list[tuple[str, Any]] = []
    group = None
    for line in lines(result.summary):
        figure = FIGURES[line.figure_id]
        label = str(line.label)
        if figure.parent and "：" in label:
            prefix, part = label.split("：", 1)
            if line.value == 0:
                continue  # 按领域：企业 0: the text leaves it out, so does the table
            if (figure.parent, prefix) != group:
                group = (figure.parent, prefix)
                rows.append((INDENT + prefix, None))
            rows.append((INDENT * 2 + part, line))
            continue
        group = None
        rows.append(((INDENT if figure.parent else "") + label, line))
    return rows


def _cell(cell: Any, text: str, *, bold: bool = False, right: bool = False) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
    from docx.shared import Pt

    paragraph = cell.paragraphs[0]
    paragraph.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
    paragraph.paragraph_format.first_line_indent = Pt(0)
    if right:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _run(paragraph, text, BODY_FONT, SIZE_SMALL_4, bold=bold)
