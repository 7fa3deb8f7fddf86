"""Native Word charts: each chart of the report is a DrawingML chart part, the same chart
XML Excel uses (built with openpyxl's chart model), with its numbers cached in the part and
its data in an embedded workbook. Word and WPS draw it with their own fonts, and a clerk
can restyle it or edit its data (右键 › 编辑数据). Nothing depends on the fonts of the
computer that writes the report, so no chart is ever left out for want of one."""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from zytalent.writers.charts import Chart, native_bar_chart
from zytalent.writers.exports import text

# the chart part's relationship to its embedded workbook is the part's first and only one
WORKBOOK_RELATIONSHIP = "rId1"
RELATIONSHIPS_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
SHEET = "Sheet1"  # the name Word gives the data sheet of a chart it makes
EMU_PER_MM = 36000

Bars = Sequence[tuple[str, float, str]]  # (label, value, the value as shown)


def chart_workbook(title: str, bars: Bars) -> bytes:
    """The chart's data as Word keeps it: a workbook whose first sheet has the labels in
    column A and the values in column B, the title above the values."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = SHEET
    sheet.append(["", text(title)])
    for label, value, _ in bars:
        sheet.append([text(label), value])
    sheet.column_dimensions["A"].width = 24
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def chart_xml(title: str, bars: Bars, axis_title: str, decimals: int = 0) -> bytes:
    """The chart part: horizontal bars in the order given (the first on top), the value
    at the end of each bar (with `decimals` places and thousands separated, as the report
    writes them), no legend, the value axis below; its series refer to the embedded
    workbook and carry the values themselves, so a reader draws it without opening it."""
    from openpyxl.chart.data_source import (
        AxDataSource,
        NumData,
        NumDataSource,
        NumRef,
        NumVal,
        StrData,
        StrRef,
        StrVal,
    )
    from openpyxl.chart.label import DataLabelList
    from openpyxl.chart.series import Series, SeriesLabel
    from openpyxl.xml.functions import Element, tostring

    last = len(bars) + 1
    number_format = "#,##0" + ("." + "0" * decimals if decimals else "")
    labels = StrData(ptCount=len(bars), pt=[StrVal(idx=i, v=b[0]) for i, b in enumerate(bars)])
    values = NumData(
        formatCode=number_format,
        ptCount=len(bars),
        pt=[NumVal(idx=i, v=b[1]) for i, b in enumerate(bars)],
    )
    named = StrRef(f"{SHEET}!$B$1", strCache=StrData(ptCount=1, pt=[StrVal(idx=0, v=title)]))
    series = Series(
        val=NumDataSource(numRef=NumRef(f"{SHEET}!$B$2:$B${last}", numCache=values)),
        cat=AxDataSource(strRef=StrRef(f"{SHEET}!$A$2:$A${last}", strCache=labels)),
        tx=SeriesLabel(strRef=named),
    )
    series.dLbls = DataLabelList(showVal=True, numFmt=number_format)
    series.dLbls.showSerName = series.dLbls.showCatName = series.dLbls.showLegendKey = False
    series.dLbls.showPercent = False
    chart = native_bar_chart(title, axis_title)
    chart.x_axis.delete = chart.y_axis.delete = False
    chart.y_axis.crosses = "max"  # at the last category, which maxMin puts at the bottom
    chart.y_axis.number_format = "#,##0"  # whole numbers on the scale; the bars say more
    chart.x_axis.tickLblSkip = 1  # every bar named, even where the labels are crowded
    chart.series.append(series)
    tree = chart._write()
    external = Element("externalData", {f"{{{RELATIONSHIPS_NS}}}id": WORKBOOK_RELATIONSHIP})
    external.append(Element("autoUpdate", {"val": "0"}))
    tree.append(external)
    return b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n" + tostring(tree)


def add_chart(document: Any, paragraph: Any, chart: Chart, width_mm: float) -> None:
    """Put the chart in `paragraph` of `document` (python-docx) as an inline drawing: a
    chart part and its workbook in the package, related to the document."""
    from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    package = document.part.package
    number = 1 + sum(1 for p in package.iter_parts() if p.content_type == CONTENT_TYPE.DML_CHART)
    data = Part(
        PackURI(f"/word/embeddings/Microsoft_Excel_Worksheet{number}.xlsx"),
        CONTENT_TYPE.SML_SHEET,
        chart_workbook(chart.title, chart.bars),
        package,
    )
    part = Part(
        PackURI(f"/word/charts/chart{number}.xml"),
        CONTENT_TYPE.DML_CHART,
        chart_xml(chart.title, chart.bars, chart.unit, chart.decimals),
        package,
    )
    assert part.relate_to(data, RELATIONSHIP_TYPE.PACKAGE) == WORKBOOK_RELATIONSHIP
    relationship = document.part.relate_to(part, RELATIONSHIP_TYPE.CHART)
    width = round(width_mm * EMU_PER_MM)
    height = round(min(max(55.0, 10.0 * len(chart.bars) + 35.0), 160.0) * EMU_PER_MM)
    drawing_id = 1000 + number  # unique among the document's drawings (pictures count up from 1)
    inline = parse_xml(
        f"<w:drawing {nsdecls('w', 'wp', 'a', 'c', 'r')}>"
        '<wp:inline distT="0" distB="0" distL="0" distR="0">'
        f'<wp:extent cx="{width}" cy="{height}"/>'
        '<wp:effectExtent l="0" t="0" r="0" b="0"/>'
        f'<wp:docPr id="{drawing_id}" name="图表 {number}"/>'
        "<wp:cNvGraphicFramePr/>"
        '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">'
        f'<c:chart r:id="{relationship}"/>'
        "</a:graphicData></a:graphic></wp:inline></w:drawing>"
    )
    paragraph.add_run()._r.append(inline)
