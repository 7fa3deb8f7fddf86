"""The HTML report in a real headless browser, and the Word report read back with python-docx."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from docx import Document
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


def test_the_word_report_reads_back(tmp_path: Path) -> None:
    out = tmp_path / "report.docx"
    assert (
        runner.invoke(
            app, ["report", "2023", str(DATA), "--format", "docx", "--output", str(out)]
        ).exit_code
        == 0
    )
    document = Document(str(out))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "全年共引进48人（研究生25人）" in text and "安排财政专项资金601.09万元" in text
    cells = [[c.text for c in row.cells] for table in document.tables for row in table.rows]
    assert ["资金安排", "823.09", "万元"] in cells
    assert any(row[0] == "教育系统" and row[1].startswith("█") and row[2] == "18" for row in cells)
    assert runner.invoke(app, ["report", "2023", str(DATA), "--format", "docx"]).exit_code == 2
