"""`explain` works for every figure id and its total equals the figure."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from pathlib import Path

import pytest
from helpers import HIRES_HEADER, hire, write_csv
from typer.testing import CliRunner

from zytalent.cli.app import app
from zytalent.diagnostics.errors import UsageError
from zytalent.explain import explain, explanation_of, find_figure
from zytalent.figures.registry import FIGURES
from zytalent.summary import summarize

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
runner = CliRunner()


@pytest.mark.parametrize("year", [2023, 2024])
def test_every_figure_is_the_total_of_its_records(year: int) -> None:
    # unmasked: masked ID numbers may coincide, and distinct counts need the real ones
    summary = summarize(year, [DATA / str(year)], show_personal=True, keep_records=True)
    assert summary.values
    for figure_id, value in summary.values.items():
        result = explanation_of(summary, FIGURES[figure_id], show_personal=True)
        assert result.available
        assert result.value == value, figure_id
        rows = result.rows()
        assert len(rows) == len(result.records)
        field = result.figure.field
        if result.figure.measure == "rows":
            assert len(rows) == value
        elif result.figure.measure == "distinct":
            assert len({r[field] for r in rows if r[field] is not None}) == value  # type: ignore[index]
        elif result.figure.unit != "yuan":
            assert sum(r[field] or 0 for r in rows) == value  # type: ignore[index]
        assert all(r["file"] and r["row"] for r in rows)


def test_the_cli_json_equals_the_library() -> None:
    result = runner.invoke(
        app, ["explain", "hires.sector.education", "2023", str(DATA / "2023"), "--format", "json"]
    )
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    library = explain("hires.sector.education", 2023, [DATA / "2023"]).to_dict()
    assert data == json.loads(json.dumps(library, ensure_ascii=False))
    assert data["value"] == 18 and data["count"] == 18
    assert {r["file"] for r in data["records"]} == {
        "data/2023/县教育局引进人才.csv".replace("data", str(DATA))
    }
    assert all(re.fullmatch(r"\d{6}\*{8}[\dX]{4}", r["id_number"]) for r in data["records"])


def test_money_figures_show_yuan_and_add_up() -> None:
    result = explain("funds.allocated.fiscal_special", 2023, [DATA / "2023"])
    assert result.json_value() == "6010900.00"
    assert sorted(r["amount"] for r in result.rows()) == ["2805900.00", "3205000.00"]


def test_table_and_csv(tmp_path: Path) -> None:
    args = ["explain", "funds.allocated.fiscal_special", "2023", str(DATA / "2023")]
    table = runner.invoke(app, args, env={"COLUMNS": "200"})
    assert table.exit_code == 0 and "6010900.00" in table.stdout
    # The spreadsheet rows (6 and 7) stay whole however long the path is.
    assert re.findall(r"│\s+(\d+)\s+│\s+2023-", table.stdout) == ["6", "7"]
    # below 110 columns, a list: each record's place on a line, its fields under it
    listed = runner.invoke(app, args, env={"COLUMNS": "80"})
    assert listed.exit_code == 0 and "6010900.00" in listed.stdout
    assert re.findall(r"^  第 (\d+) 行", listed.stdout, re.M) == ["6", "7"]
    out = tmp_path / "x.csv"
    written = runner.invoke(
        app,
        [
            "explain",
            "hires.doctorate",
            "2023",
            str(DATA / "2023"),
            "--format",
            "csv",
            "--output",
            str(out),
        ],
    )
    assert written.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    expected_row = explain("hires.doctorate", 2023, [DATA / "2023"]).rows()[0]["row"]
    assert (
        len(rows) == 1
        and rows[0]["education"] == "博士研究生"
        and rows[0]["row"] == str(expected_row)
    )
    again = runner.invoke(
        app,
        [
            "explain",
            "hires.doctorate",
            "2023",
            str(DATA / "2023"),
            "--format",
            "csv",
            "--output",
            str(out),
        ],
    )
    assert again.exit_code == 2 and "--force" in again.stderr


def test_csv_neutralises_formulas(tmp_path: Path) -> None:
    rows = [HIRES_HEADER, hire('=HYPERLINK("x")', 1), hire("+1", 2)]
    write_csv(tmp_path / "h.csv", rows)
    result = runner.invoke(
        app, ["explain", "hires.total", "2023", str(tmp_path), "--format", "csv"]
    )
    names = [r["name"] for r in csv.DictReader(io.StringIO(result.stdout))]
    assert names == ['\'=HYPERLINK("x")', "'+1"]


def test_unknown_ids_list_close_matches() -> None:
    with pytest.raises(UsageError) as caught:
        find_figure("hires.sector.educaton")
    assert "hires.sector.education" in str(caught.value)
    result = runner.invoke(app, ["explain", "meals.elder", "2023", str(DATA / "2023")])
    assert result.exit_code == 2 and "meals.elders" in result.stderr


def test_missing_ledger_and_blocked_inputs(tmp_path: Path) -> None:
    write_csv(tmp_path / "h.csv", [HIRES_HEADER, hire("张三", 1)])
    result = runner.invoke(app, ["explain", "meals.elders", "2023", str(tmp_path)])
    assert result.exit_code == 1 and "养老助餐台账" in result.stderr
    write_csv(tmp_path / "bad.csv", [HIRES_HEADER, hire("李四", 2, sector="农业")])
    # the wrong 引进领域 touches the figures by sector, not the number of hires
    total = runner.invoke(
        app, ["explain", "hires.total", "2023", str(tmp_path), "--format", "json"]
    )
    assert total.exit_code == 0 and json.loads(total.stdout)["value"] == 2
    health = ["explain", "hires.sector.health", "2023", str(tmp_path)]
    assert runner.invoke(app, health).exit_code == 1
    skipped = runner.invoke(app, [*health, "--skip-invalid", "--format", "json"])
    assert skipped.exit_code == 0 and json.loads(skipped.stdout)["value"] == 0


def test_explain_reads_the_default_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    shutil.copytree(DATA / "2024", tmp_path / "data" / "2024")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["explain", "donations.value", "2024", "--format", "json"])
    assert result.exit_code == 0 and json.loads(result.stdout)["value"] == "40600.00"


@pytest.mark.parametrize(
    "columns",
    [
        pytest.param("60", marks=pytest.mark.slow),
        "80",
        pytest.param("120", marks=pytest.mark.slow),
        "200",
    ],
)
def test_explain_at_every_width_keeps_ids_and_borders_whole(columns: str) -> None:
    result = runner.invoke(
        app,
        ["explain", "meals.elders", "2023", str(DATA / "2023"), "--limit", "5"],
        env={"COLUMNS": columns},
    )
    assert result.exit_code == 0
    masked = re.compile(r"\d{6}\*{8}[\dX]{4}")
    text = result.stdout
    assert len(masked.findall(text)) == 5  # each ID number on one line, unbroken
    for line in text.splitlines():
        assert len(line) <= int(columns) or not line.strip()
        if line.startswith(("┃", "│", "┏", "┡", "└")):
            assert line.rstrip().endswith(("┃", "│", "┓", "┩", "┘"))  # the right border
