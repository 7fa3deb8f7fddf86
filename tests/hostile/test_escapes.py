"""Nothing printed raw: hostile file names, sheet names and cells reach every screen and
every writer escaped (the terminal, Markdown, CSV, xlsx, the annotated copy)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import HIRES_HEADER, TODAY, hire, write_csv, write_xlsx
from openpyxl import load_workbook
from typer.testing import CliRunner

from zytalent.cli.app import app
from zytalent.text.escape import markdown, sheet_title, visible

runner = CliRunner()
ESC, RLO = "\x1b[31m", "\u202e"
HOSTILE_CELL = f"<script>alert(1)</script>{ESC}红\n假行{RLO}"


def hostile_inputs(folder: Path) -> Path:
    folder.mkdir()
    rows = [HIRES_HEADER, hire("张三", 1), hire("[bold]赵六", 2, sector=HOSTILE_CELL)]
    write_csv(folder / "教育局[2023]引进人才.csv", rows)
    clean = [HIRES_HEADER, hire("李四", 3), hire("王五", 4, sector="<b>农业</b>")]
    write_xlsx(folder / f"<img src=x onerror=alert(1)>{ESC}.xlsx", {f"<svg onload=x>{RLO}": clean})
    return folder


@pytest.mark.parametrize("columns", ["80", "200"])
def test_the_terminal_shows_no_control_character(tmp_path: Path, columns: str) -> None:
    folder = hostile_inputs(tmp_path / "in")
    result = runner.invoke(app, ["validate", str(folder)], env={"COLUMNS": columns})
    assert result.exit_code == 1
    assert "\x1b" not in result.output and RLO not in result.output
    assert "\\x1b" in result.output and "\\u202e" in result.output
    assert "假行" in result.output and "\n假行" not in result.output


def test_markdown_outputs_escape_html_and_markup(tmp_path: Path) -> None:
    folder = hostile_inputs(tmp_path / "in")
    by_file = runner.invoke(
        app, ["summarize", "2023", str(folder), "--by", "file", "-f", "md", "--skip-invalid"]
    )
    explain = runner.invoke(
        app, ["explain", "hires.total", "2023", str(folder), "-f", "md", "--show-personal"]
    )
    for output in (by_file.output, explain.output):
        assert "<img" not in output and "<svg" not in output and "<script" not in output
        assert "\x1b" not in output and RLO not in output
    assert "\\[bold\\]赵六" in explain.output  # Markdown's own brackets escaped
    assert "&lt;svg onload=x&gt;" in by_file.output or "&lt;img" in by_file.output


def test_xlsx_writers_take_control_characters(tmp_path: Path) -> None:
    folder = hostile_inputs(tmp_path / "in")
    out = tmp_path / "explain.xlsx"
    result = runner.invoke(
        app, ["explain", "hires.total", "2023", str(folder), "-f", "xlsx", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    records = tmp_path / "records.xlsx"
    result = runner.invoke(
        app, ["records", "hires", "2023", str(folder), "-o", str(records), "--skip-invalid"]
    )
    assert result.exit_code == 0, result.output
    cells = [c.value for row in load_workbook(records).active.iter_rows() for c in row]
    assert any(isinstance(v, str) and "\\x1b" in v for v in cells)


def test_annotated_copies_of_hostile_names_are_written(tmp_path: Path) -> None:
    folder = hostile_inputs(tmp_path / "in")
    out = tmp_path / "out"
    result = runner.invoke(app, ["validate", str(folder), "--annotate", str(out), "-f", "json"])
    assert result.exit_code == 1
    report, _ = json.JSONDecoder().raw_decode(result.stdout)
    assert not [f for f in report["findings"] if f["code"] == "annotate_failed"]
    written = sorted(p.name for p in out.iterdir())
    assert len(written) == 2
    book = load_workbook(next(p for p in out.iterdir() if "2023" in p.name))
    assert book.sheetnames[1] == "教育局_2023_引进人才"
    listed = [str(c.value) for c in book["问题清单"]["H"]]
    assert any("\\x1b" in text for text in listed)


def test_the_escapes_themselves() -> None:
    assert visible("a\x1bb\nc\u202ed\te") == "a\\x1bb⏎c\\u202ed e"
    assert markdown("<b>*x*</b> | [y](z)") == "&lt;b&gt;\\*x\\*&lt;/b&gt; \\| \\[y\\](z)"
    assert sheet_title("a[1]?*:/\\b") == "a_1______b"
    assert sheet_title("x" * 40, {"x" * 31}) == "x" * 27 + " (2)"
    assert visible("普通的文字") == "普通的文字"


def test_json_keeps_names_as_they_are(tmp_path: Path) -> None:
    folder = hostile_inputs(tmp_path / "in")
    result = runner.invoke(app, ["validate", str(folder), "-f", "json"])
    files = [f["file"] for f in json.loads(result.output)["files"]]
    assert any(ESC in name for name in files)  # JSON escapes them itself
    assert TODAY.year == 2024
