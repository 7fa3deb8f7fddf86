"""Findings in runs, never a flood: the same problem in the same column over consecutive
rows is one finding with a range, in every chunking, the JSON, the terminal and the
问题清单, while the annotated copy still marks every cell."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import HIRES_HEADER, TODAY, hire, make_id, write_csv
from openpyxl import load_workbook
from typer.testing import CliRunner

from zytalent.cli.app import app
from zytalent.load import load
from zytalent.reading.safety import Limits

runner = CliRunner()


def empty_ids(path: Path, rows: int) -> Path:
    """A title row, the header, then `rows` hires without an ID number, and one with."""
    body = [[f"张{i}", "", "本科", "县委办", "县直", "2023-03-15"] for i in range(rows)]
    return write_csv(path, [["2023年引进人才台账"], HIRES_HEADER, *body, hire("李四", 1)])


def test_an_empty_column_is_one_finding_with_its_rows(tmp_path: Path) -> None:
    path = empty_ids(tmp_path / "h.csv", 500)
    result = runner.invoke(app, ["validate", str(path), "--format", "json"])
    assert result.exit_code == 1
    report = json.loads(result.output)
    (finding,) = report["findings"]
    assert finding["code"] == "cell_empty" and finding["cell"] == "B3"
    assert finding["row"] == 3 and finding["rows"] == [3, 502] and finding["count"] == 500
    assert report["summary"]["errors"] == 1


@pytest.mark.parametrize("rows", [1, 7, 64, 499])
def test_a_run_cut_by_chunks_is_joined_again(tmp_path: Path, rows: int) -> None:
    path = empty_ids(tmp_path / "h.csv", 500)
    whole = load([path], today=TODAY, limits=Limits(chunk_bytes=1 << 40))
    chunked = load([path], today=TODAY, limits=Limits(chunk_rows=rows, chunk_bytes=0))
    assert [f.to_dict() for f in chunked.findings.sorted()] == [
        f.to_dict() for f in whole.findings.sorted()
    ]


def test_a_break_in_the_rows_starts_a_new_run(tmp_path: Path) -> None:
    rows = [HIRES_HEADER]
    rows += [[f"甲{i}", "", "本科", "县委办", "县直", "2023-03-15"] for i in range(3)]
    rows.append(hire("乙", 2))
    rows += [[f"丙{i}", "", "本科", "县委办", "县直", "2023-03-15"] for i in range(2)]
    found = load([write_csv(tmp_path / "h.csv", rows)], today=TODAY).findings.sorted()
    assert [(f.row, f.last_row, f.count) for f in found] == [(2, 4, 3), (6, 7, 2)]


def test_different_wrong_values_are_findings_of_their_own(tmp_path: Path) -> None:
    rows = [HIRES_HEADER] + [
        ["甲", make_id(seq=i), "本科", "县委办", sector, "2023-03-15"]
        for i, sector in enumerate(["卫健x", "卫健x", "教育y"], 1)
    ]
    found = load([write_csv(tmp_path / "h.csv", rows)], today=TODAY).findings.sorted()
    assert [(f.value, f.row, f.last_row) for f in found] == [("卫健x", 2, 3), ("教育y", 4, None)]


def test_the_terminal_shows_a_few_per_code_and_says_how_many_more(tmp_path: Path) -> None:
    rows = [HIRES_HEADER] + [
        [f"甲{i}", make_id(seq=i)[:-1] + "0", "本科", "县委办", "县直", "2023-03-15"]
        for i in range(1, 40)
    ]
    path = write_csv(tmp_path / "h.csv", rows)
    found = load([path], today=TODAY).findings.items
    wrong = [f for f in found if f.code == "id_checksum"]
    result = runner.invoke(app, ["validate", str(path)], env={"COLUMNS": "80"})
    assert result.output.count("身份证号校验位不符（") == 5
    assert f"另有 {len(wrong) - 5} 处未显示" in result.output
    every = runner.invoke(app, ["validate", str(path), "--limit", "0"], env={"COLUMNS": "80"})
    assert every.output.count("身份证号校验位不符（") == len(wrong)


def test_the_annotated_copy_marks_every_cell_of_a_run(tmp_path: Path) -> None:
    path = empty_ids(tmp_path / "h.csv", 40)
    out = tmp_path / "out"
    result = runner.invoke(app, ["validate", str(path), "--annotate", str(out)])
    assert result.exit_code == 1
    book = load_workbook(next(out.iterdir()))
    data = book.worksheets[1]
    assert all(data[f"B{row}"].fill.fgColor.rgb.endswith("FFC7CE") for row in range(3, 43))
    assert data["B43"].fill.fgColor.rgb in (None, "00000000")
    assert data["B3"].comment is not None
    listed = [[c.value for c in row] for row in book["问题清单"].iter_rows(min_row=2)]
    assert [(r[3], r[4]) for r in listed if r[0] == "错误"] == [("3–42", "B3–B42")]
