"""The HTML report in a real headless browser, and the Word report read back with python-docx."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from docx import Document
from helpers import SOFFICE, print_to_pdf
from typer.testing import CliRunner

from zytalent.cli.app import app
from zytalent.writers.charts import PALETTE

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data" / "2023"
runner = CliRunner()
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("html") / "report.html"
    result = runner.invoke(
        app, ["report", "2023", str(DATA), "--format", "html", "--output", str(out)]
    )
    assert result.exit_code == 0
    return out


def test_the_page_is_self_contained(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    assert "<script" not in text and "<link" not in text and "@import" not in text
    assert not re.search(r"(src|href)=\"?https?:", text) and "url(" not in text
    assert text.count("<svg") == 8  # hires, trainees, levels, three fund kinds, kinds, meal funding
    assert "全年共引进48人（研究生25人）" in text and "@page{size:A4" in text


@pytest.mark.skipif(
    CHROMIUM is None, reason="Debian's chromium is not installed (.ci/run installs it)"
)
def test_the_page_renders_in_chromium_with_its_charts(page: Path, tmp_path: Path) -> None:
    from PIL import Image

    shot = tmp_path / "shot.png"
    result = subprocess.run(
        [
            str(CHROMIUM),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--enable-logging=stderr",
            "--v=0",
            "--window-size=1000,3200",
            f"--screenshot={shot}",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert shot.exists(), result.stderr[-2000:]
    console = [
        line
        for line in result.stderr.splitlines()
        if "CONSOLE" in line or "Failed to load resource" in line
    ]
    assert console == []
    image = Image.open(shot).convert("RGB")
    raw = image.tobytes()
    colours = {"#" + raw[i : i + 3].hex() for i in range(0, len(raw), 3)}
    drawn = [c for c in PALETTE if c in colours]
    assert len(drawn) >= 6  # the bars are on screen in their colours


@pytest.fixture(scope="module")
def word(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("docx") / "report.docx"
    args = ["report", "2023", str(DATA), "--format", "docx", "--output", str(out)]
    assert runner.invoke(app, args).exit_code == 0
    return out


def test_the_word_report_reads_back(word: Path) -> None:
    document = Document(str(word))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "全年共引进48人（研究生25人）" in text and "安排财政专项资金601.09万元" in text
    assert "一、聚焦引才" in text and "（一）引进人才按领域" in text
    cells = [[c.text for c in row.cells] for table in document.tables for row in table.rows]
    assert ["资金安排", "823.09", "万元"] in cells
    assert runner.invoke(app, ["report", "2023", str(DATA), "--format", "docx"]).exit_code == 2


def test_the_word_report_is_in_the_official_format(word: Path) -> None:
    """GB/T 9704-2012: A4, a 156 × 225 mm text block 37 mm from the top and 28 mm from
    the left, 小标宋 title, 仿宋 body at 3号, 黑体 / 楷体 headings, "— 1 —" page numbers
    at the outer corner, fonts named for East-Asian text too, no coloured headings."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn

    document = Document(str(word))
    section = document.sections[0]
    mm = 36000  # EMU per millimetre
    assert (round(section.page_width / mm), round(section.page_height / mm)) == (210, 297)
    assert round(section.top_margin / mm) == 37 and round(section.left_margin / mm) == 28
    block_w = (section.page_width - section.left_margin - section.right_margin) / mm
    block_h = (section.page_height - section.top_margin - section.bottom_margin) / mm
    assert (round(block_w), round(block_h)) == (156, 225)

    def fonts(paragraph: object) -> set[tuple[str | None, float | None]]:
        return {
            (r._r.rPr.rFonts.get(qn("w:eastAsia")), r.font.size.pt if r.font.size else None)
            for r in paragraph.runs  # type: ignore[attr-defined]
        }

    paragraphs = [p for p in document.paragraphs if p.text]
    assert fonts(paragraphs[0]) == {("方正小标宋简体", 22.0)}
    heading = next(p for p in paragraphs if p.text.startswith("一、"))
    assert fonts(heading) == {("黑体", 16.0)}
    sub = next(p for p in paragraphs if p.text.startswith("（一）"))
    assert fonts(sub) == {("楷体", 16.0)}
    body = next(p for p in paragraphs if p.text.startswith("全年共引进"))
    assert fonts(body) == {("仿宋", 16.0)}
    for paragraph in paragraphs:  # nothing in Word's blue default heading styles
        assert not paragraph.style.name.startswith(("Heading", "Title")), paragraph.text
    assert document.settings.odd_and_even_pages_header_footer
    odd, even = section.footer.paragraphs[0], section.even_page_footer.paragraphs[0]
    for footer, side in ((odd, WD_ALIGN_PARAGRAPH.RIGHT), (even, WD_ALIGN_PARAGRAPH.LEFT)):
        assert footer.alignment == side and footer.text.startswith("— ")
        assert "PAGE" in footer._p.xml and fonts(footer) == {("宋体", 14.0)}
    # the charts are Word's own charts, one per chart of the HTML report
    assert len(chart_parts(word)) == 8


def chart_parts(word: Path) -> list[tuple[str, bytes, bytes]]:
    """(name, chart XML, embedded workbook) of every chart the document body shows."""
    import posixpath
    import re
    import zipfile

    package = zipfile.ZipFile(word)
    body = package.read("word/document.xml").decode("utf-8")
    relations = package.read("word/_rels/document.xml.rels").decode("utf-8")
    targets = dict(re.findall(r'Id="(rId\d+)"[^>]*Target="([^"]+)"', relations))
    targets |= {k: v for v, k in re.findall(r'Target="([^"]+)"[^>]*Id="(rId\d+)"', relations)}
    found = []
    for relationship in re.findall(r'<c:chart [^>]*r:id="(rId\d+)"', body):
        name = posixpath.normpath(posixpath.join("word", targets[relationship]))
        own = package.read(
            posixpath.join(posixpath.dirname(name), "_rels", posixpath.basename(name) + ".rels")
        ).decode("utf-8")
        embedded = re.search(r'Target="([^"]+\.xlsx)"', own)
        assert embedded, name
        data = posixpath.normpath(posixpath.join(posixpath.dirname(name), embedded[1]))
        found.append((name, package.read(name), package.read(data)))
    return found


def test_the_charts_are_native_word_charts_with_their_data_inside(word: Path) -> None:
    """Word and WPS draw a native chart with their own fonts, so no font on the computer
    that writes the report decides whether a chart is there (matplotlib once left all
    eight out where its font cache was older than the font). Each chart carries its
    labels and values (what a reader draws) and a workbook with the same data (what
    编辑数据 opens), equal to the figures, in the report's order."""
    import io
    from xml.etree import ElementTree

    from openpyxl import load_workbook

    from zytalent.summary import summarize
    from zytalent.writers.charts import chart_data

    ns = {"c": "http://schemas.openxmlformats.org/drawingml/2006/chart"}
    expected = chart_data(summarize(2023, [DATA]).values)
    parts = chart_parts(word)
    assert [name for name, _, _ in parts] == [f"word/charts/chart{i}.xml" for i in range(1, 9)]
    for chart, (name, xml, data) in zip(expected, parts, strict=True):
        tree = ElementTree.fromstring(xml)
        series = tree.find(".//c:ser", ns)
        assert series is not None, name
        labels = [v.text for v in series.findall("c:cat//c:pt/c:v", ns)]
        values = [float(v.text or "") for v in series.findall("c:val//c:pt/c:v", ns)]
        assert labels == [label for label, _, _ in chart.bars], name
        assert values == [value for _, value, _ in chart.bars], name
        assert tree.find(".//c:barDir", ns).get("val") == "bar"  # type: ignore[union-attr]
        shown = tree.find(".//c:dLbls/c:numFmt", ns)
        assert shown is not None and shown.get("formatCode") == (
            "#,##0.00" if chart.unit == "万元" else "#,##0"
        )
        sheet = load_workbook(io.BytesIO(data)).worksheets[0]
        rows = [tuple(r) for r in sheet.iter_rows(min_row=2, values_only=True)]
        assert rows == [(label, value) for label, value, _ in chart.bars], name
        assert sheet["B1"].value == chart.title


def test_the_report_is_written_without_any_font_or_drawing_library() -> None:
    """Nothing of the report's writing asks the machine for fonts: matplotlib is not a
    dependency any more and is not imported to write the Word report."""
    import subprocess
    import sys

    code = (
        "import sys; from zytalent.report import report; from zytalent.writers.documents "
        f"import report_docx; report_docx(report(2023, [{str(DATA)!r}])); "
        "print('matplotlib' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False"


@pytest.mark.slow
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
def test_the_word_report_prints_on_a4_in_libreoffice(word: Path, tmp_path: Path) -> None:
    from pypdf import PdfReader

    pdf = PdfReader(str(print_to_pdf(word, tmp_path)))
    assert len(pdf.pages) >= 3
    box = pdf.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4 in points
    second = pdf.pages[1].extract_text()
    assert "— 2 —" in second
    # every paragraph and table cell is printed whole: nothing cut at a margin or a cell
    # each page without its number (— 3 —), which a paragraph running on to the next
    # page would otherwise have in its middle
    printed = "".join(
        re.sub(r"—\s*\d+\s*—\s*$", "", page.extract_text().strip()) for page in pdf.pages
    )
    flat = letters(printed)
    document = Document(str(word))
    texts = [p.text for p in document.paragraphs]
    texts += [c.text for table in document.tables for row in table.rows for c in row.cells]
    for text in texts:
        assert printed_in(text, flat), text
    # LibreOffice drew the native charts: every bar's label is on the page, none dropped
    for name, xml, _ in chart_parts(word):
        for label in re.findall(r"<c:v>([^<]+)</c:v>|<v>([^<]+)</v>", xml.decode("utf-8")):
            text = next(part for part in label if part)
            if not text.replace(".", "").isdigit():
                assert text in printed, (name, text)


@pytest.mark.slow
@pytest.mark.skipif(
    CHROMIUM is None, reason="Debian's chromium is not installed (.ci/run installs it)"
)
def test_the_html_report_prints_with_no_page_ending_in_a_heading(
    page: Path, tmp_path: Path
) -> None:
    from pypdf import PdfReader

    pdf_path = tmp_path / "report.pdf"
    subprocess.run(
        [
            str(CHROMIUM),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--no-pdf-header-footer",
            f"--print-to-pdf={pdf_path}",
            page.as_uri(),
        ],
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert pdf_path.exists()
    pdf = PdfReader(str(pdf_path))
    headings = {"引才", "育才", "技能", "校地合作", "资金", "留才", "养老", "图表", "指标一览"}
    headings |= {"聚焦引才", "强化育才", "技能提升", "校地合作", "资金保障", "暖心留才", "养老服务"}
    for number, sheet in enumerate(pdf.pages, 1):
        lines = [ln.strip() for ln in (sheet.extract_text() or "").splitlines() if ln.strip()]
        assert lines, number
        assert lines[-1] not in headings, (number, lines[-3:])
    assert len(pdf.pages) <= 8
    # every text of the page is printed whole: no label or paragraph cut off at an edge
    from html.parser import HTMLParser

    class Texts(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.found: list[str] = []
            self.skip = 0

        def handle_starttag(self, tag: str, attrs: object) -> None:
            self.skip += tag in ("style", "title")

        def handle_endtag(self, tag: str) -> None:
            self.skip -= tag in ("style", "title")

        def handle_data(self, data: str) -> None:
            if not self.skip and data.strip():
                self.found.append(data)

    texts = Texts()
    texts.feed(page.read_text(encoding="utf-8"))
    flat = letters("".join(sheet.extract_text() or "" for sheet in pdf.pages))
    cut = [t for t in texts.found if not printed_in(t, flat)]
    assert cut == []


def letters(text: str) -> str:
    """The letters, digits and characters of a text, as a PDF's text gives them back:
    its text order may move punctuation (“” before the word they quote), so only
    letters count; a font may map a character to a radical that looks the same (⼈ for
    人, ⺠ for 民), kept here so that `printed_in` can let it stand for any character."""
    return "".join(c for c in text if c.isalnum() or RADICALS[0] <= c <= RADICALS[1])


RADICALS = ("\u2e80", "\u2fdf")  # CJK Radicals Supplement and Kangxi Radicals


def printed_in(text: str, printed: str) -> bool:
    """Whether `text` is in `printed` (both through `letters`), a radical standing for
    any character."""
    wildcard = f"{RADICALS[0]}-{RADICALS[1]}"
    pattern = "".join(f"[{re.escape(c)}{wildcard}]" for c in letters(text))
    return re.search(pattern, printed) is not None
