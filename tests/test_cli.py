"""The command line: exit codes, JSON equal to the library, help everywhere, no tracebacks."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from helpers import HIRES_HEADER, digest, hire, write_csv
from typer.testing import CliRunner

from zytalent.cli.app import app
from zytalent.load import load
from zytalent.summary import summarize

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data" / "2023"
runner = CliRunner()


def invoke(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), env=env)
    assert "Traceback" not in result.stdout + result.stderr
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture()
def good(tmp_path: Path) -> Path:
    return write_csv(tmp_path / "good.csv", [HIRES_HEADER, hire("张三", 1), hire("李四", 2)])


@pytest.fixture()
def bad(tmp_path: Path) -> Path:
    return write_csv(
        tmp_path / "bad.csv", [HIRES_HEADER, hire("张三", 1), hire("李四", 2, sector="农业")]
    )


def test_validate_exit_codes(good: Path, bad: Path, tmp_path: Path) -> None:
    assert invoke("validate", str(good))[0] == 0
    assert invoke("validate", str(bad))[0] == 1
    broken = tmp_path / "broken.xlsx"
    broken.write_text("not a workbook")
    code, out, _ = invoke("validate", str(broken), str(good), "--format", "json")
    assert code == 1
    report = json.loads(out)
    assert [f["code"] for f in report["findings"]] == ["file_unreadable"]
    assert report["summary"]["records"] == 2  # the other file was still read
    assert invoke("validate", str(tmp_path / "missing.csv"))[0] == 2
    assert invoke("validate", str(good), "--no-such-option")[0] == 2
    assert invoke("validate", str(good), "--kind", "nonsense")[0] == 2


def test_validate_json_equals_the_library(bad: Path) -> None:
    code, out, _ = invoke("validate", str(bad), "--format", "json")
    assert code == 1
    assert json.loads(out) == json.loads(json.dumps(load([bad]).report(), ensure_ascii=False))
    finding = json.loads(out)["findings"][0]
    assert {k: finding[k] for k in ("severity", "code", "row", "column", "cell", "value")} == {
        "severity": "error",
        "code": "value_not_allowed",
        "row": 3,
        "column": "引进领域",
        "cell": "E3",
        "value": "农业",
    }


def test_validate_table_shows_where_and_what(bad: Path) -> None:
    code, out, _ = invoke("validate", str(bad))
    assert code == 1
    assert "E3" in out and "农业" in out and "1 个错误" in out


def test_summarize_json_equals_the_library() -> None:
    code, out, _ = invoke("summarize", "2023", str(DATA), "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data == json.loads(
        json.dumps(summarize(2023, [DATA]).to_dict(), ensure_ascii=False, default=str)
    )
    assert data["year"] == 2023
    assert data["figures"]["funds.allocated.fiscal_special"] == "6010900.00"
    assert data["figures"]["hires.total"] == 48


def test_summarize_table_groups_sections_and_shows_wan_yuan() -> None:
    code, out, _ = invoke("summarize", "2023", str(DATA))
    assert code == 0
    for section in ("引才", "育才", "技能", "资金", "养老"):
        assert section in out
    assert "601.09" in out and "万元" in out and "1,392" in out
    assert "引进人才台账 48 条记录（3 个文件）" in out


def test_summarize_defaults_to_data_year(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(ROOT)
    assert invoke("summarize", "2023", "--format", "json")[0] == 0
    monkeypatch.chdir(tmp_path)
    code, _, err = invoke("summarize", "2023")
    assert code == 2 and "data/2023" in err


def test_summarize_refuses_the_figures_errors_touch_unless_skip_invalid(
    bad: Path, tmp_path: Path
) -> None:
    # a wrong 引进领域 touches the figures by sector, not 引进人才 itself
    code, out, err = invoke("summarize", "2023", str(bad))
    assert code == 1 and "--skip-invalid" in err and "引进人才" in out
    assert "按领域" not in out and "按领域：县直和乡镇" in err
    code, out, err = invoke("summarize", "2023", str(bad), "--skip-invalid")
    assert code == 0 and "按领域" in out and "1 条无效记录" in err
    code, out, _ = invoke("summarize", "2023", str(bad), "--format", "json")
    result = json.loads(out)
    assert code == 1 and result["blocked"] is False and result["figures"]["hires.total"] == 2
    assert "hires.sector.county_township" in result["refused"]
    # a file that cannot be read may hold anything: no figure at all
    broken = tmp_path / "broken.xlsx"
    broken.write_text("not a workbook")
    code, out, _ = invoke("summarize", "2023", str(bad), str(broken), "--format", "json")
    assert code == 1 and json.loads(out)["blocked"] is True and json.loads(out)["figures"] == {}


def test_an_error_no_figure_uses_blocks_nothing(tmp_path: Path) -> None:
    rows = [[*HIRES_HEADER, "性别"], [*hire("张三", 1), "男"], [*hire("李四", 2), "未知"]]
    path = write_csv(tmp_path / "g.csv", rows)
    code, out, err = invoke("summarize", "2023", str(path))
    assert code == 0 and "引进人才" in out and "按领域" in out
    assert "1 处错误不影响统计数：性别列，仍请退回修正" in err
    assert invoke("validate", str(path))[0] == 1


def test_english(good: Path) -> None:
    code, out, _ = invoke("summarize", "2023", str(good), "--lang", "en")
    assert code == 0 and "Recruiting talent" in out and "talent hired" in out
    code, out, _ = invoke("summarize", "2023", str(good), env={"ZYTALENT_LANG": "en"})
    assert "Recruiting talent" in out
    code, out, _ = invoke("ledgers", "--lang", "en")
    assert "Ledger kinds" in out


def test_ledgers_and_schema(tmp_path: Path) -> None:
    code, out, _ = invoke("ledgers", "meals", "--format", "json")
    assert code == 0 and json.loads(out)["kind"] == "meals"
    assert invoke("ledgers", "nonsense")[0] == 2
    assert invoke("schema", "--check", "--output-dir", str(ROOT / "schemas"))[0] == 0
    assert invoke("schema", "--check", "--output-dir", str(tmp_path))[0] == 1
    assert invoke("schema", "--output-dir", str(tmp_path))[0] == 0
    assert invoke("schema", "--check", "--output-dir", str(tmp_path))[0] == 0


def test_inputs_unchanged_by_commands(good: Path, bad: Path) -> None:
    before = [digest(good), digest(bad)]
    invoke("validate", str(good.parent))
    invoke("summarize", "2023", str(good.parent), "--skip-invalid")
    assert [digest(good), digest(bad)] == before


def command_names() -> list[str]:
    import typer.main

    group = typer.main.get_command(app)
    return sorted(group.commands)  # type: ignore[attr-defined]


def test_every_command_has_help_with_an_example_and_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    names = command_names()
    assert {"summarize", "validate", "ledgers", "schema"} <= set(names)
    for name in names:
        code, out, _ = invoke(name, "--help")
        assert code == 0 and "例：" in out, name  # Chinese by default
        code, out, _ = invoke(name, "--help", "--lang", "en")
        assert code == 0 and "Example" in out, name
        assert f"zytalent {name}" in readme, name
    assert invoke("--help")[0] == 0
    assert invoke("--version")[1].startswith("zytalent ")


def test_readme_first_lines_give_the_two_commands() -> None:
    lines = [
        ln for ln in (ROOT / "README.md").read_text(encoding="utf-8").splitlines() if ln.strip()
    ]
    commands = [ln for ln in lines[:8] if ln.startswith(("pip ", "python"))]
    assert len(commands) == 2
    assert "zytalent summarize 2023" in commands[0]
    assert "pytest" in commands[1]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert commands[1] in ci


def test_findings_are_grouped_by_file_as_a_list_or_a_table(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a short relative path, so that no line is folded whatever the clone's location
    shutil.copy(ROOT / "tests" / "fixtures" / "messy_hires.xlsx", tmp_path / "messy.xlsx")
    monkeypatch.chdir(tmp_path)
    messy = "messy.xlsx"
    code, narrow, _ = invoke("validate", messy, env={"COLUMNS": "80"})
    assert code == 1
    assert narrow.count(messy) == 1 + 1 + 1  # files table, group title, the duplicate's "另见"
    assert "  错误 引进人才 › 第 6 行 › C6  身份证 号码：142332********0310" in narrow
    assert "       身份证号校验位不符（应为 4），请核对号码是否抄错。" in narrow
    code, wide, _ = invoke("validate", messy, env={"COLUMNS": "200"})
    assert code == 1 and "┃ 问题与处理" in wide
    assert "│ 引进人才 › 第 6 行 │ C6 " in wide.replace("  ", " ").replace("  ", " ")


def test_summarize_digests_its_warnings_as_a_list_or_a_table(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(ROOT)  # relative paths: the same lines wherever the clone lives
    code, _, narrow = invoke("summarize", "2023", "data/2023", env={"COLUMNS": "80"})
    # the first place is a long path that may wrap anywhere: only what comes before it
    assert code == 0 and "  警告 不在本年 × 23" in narrow and "首个：" in narrow
    code, _, wide = invoke("summarize", "2023", "data/2023", env={"COLUMNS": "200"})
    assert code == 0 and "┃ 问题" in wide and "│ 不在本年 │ 23 " in wide
    assert "outside_year" not in narrow + wide  # codes are for the JSON report


def test_a_binary_format_without_output_is_refused_before_reading(tmp_path: Path) -> None:
    import time

    for command in (["summarize", "2023"], ["report", "2023"], ["explain", "hires.total", "2023"]):
        fmt = "docx" if command[0] == "report" else "xlsx"
        started = time.perf_counter()
        code, _, err = invoke(*command, str(tmp_path / "不存在"), "--format", fmt)
        assert code == 2, command
        assert "请加 --output" in err and "need --output" not in err
        assert time.perf_counter() - started < 5


def test_each_file_written_is_said_once_in_a_sentence(tmp_path: Path) -> None:
    target = tmp_path / "汇总.xlsx"
    code, out, err = invoke(
        "summarize", "2023", str(DATA), "--format", "xlsx", "--output", str(target)
    )
    assert code == 0 and out == "" and err.strip() == f"已写出 {target}"
    records = tmp_path / "r.csv"
    code, _, err = invoke(
        "records", "hires", "2023", str(DATA), "--output", str(records), "--lang", "en"
    )
    assert (
        code == 0
        and err.strip().startswith(f"Wrote {records} (")
        and err.strip().endswith("records)")
    )


def test_english_counts_of_one_are_singular() -> None:
    from zytalent.diagnostics.i18n import Text, singular_after_one

    assert singular_after_one("1 files, 21 records: 1 errors, 0 warnings") == (
        "1 file, 21 records: 1 error, 0 warnings"
    )
    assert singular_after_one("11 files, 1.1 files") == "11 files, 1.1 files"
    assert Text("{n} 个文件", "{n} files").format(n=1).en == "1 file"


def test_schema_is_kept_out_of_the_clerks_list() -> None:
    code, out, _ = invoke("--help")
    assert code == 0 and "schema" not in out and "summarize" in out
    assert invoke("schema", "--help")[0] == 0


@pytest.mark.parametrize("command", ["summarize", "report", "explain", "validate", "records"])
def test_every_reading_command_reads_hidden_sheets_when_asked(command: str, tmp_path: Path) -> None:
    """--include-hidden and --max-uncompressed-mb are declared once (`reads_files`) and
    reach the reader of every command that reads ledgers."""
    from helpers import write_xlsx
    from openpyxl import load_workbook

    path = tmp_path / "hires.xlsx"
    write_xlsx(
        path, {"台账": [HIRES_HEADER, hire("张三", 1)], "草稿": [HIRES_HEADER, hire("李四", 2)]}
    )
    book = load_workbook(path)
    book["草稿"].sheet_state = "hidden"
    book.save(path)
    before = {
        "summarize": ["summarize", "2023", str(path), "--format", "json"],
        "report": ["report", "2023", str(path)],
        "explain": ["explain", "hires.total", "2023", str(path), "--format", "json"],
        "validate": ["validate", str(path), "--year", "2023", "--format", "json"],
        "records": ["records", "hires", "2023", str(path), "--format", "csv", "--force"],
    }[command]
    written = tmp_path / "records.csv"

    def shown(*args: str) -> str:
        out = invoke(*args, *(["--output", str(written)] if command == "records" else []))[1]
        return written.read_text(encoding="utf-8-sig") if command == "records" else out

    plain, hidden = shown(*before), shown(*before, "--include-hidden")
    assert "sheet_hidden" in plain or "李四" not in plain
    assert plain != hidden
    code, _, err = invoke(*before, "--max-uncompressed-mb", "0")
    assert code == 2 and "--max-uncompressed-mb" in err


def test_reads_files_needs_a_limits_parameter() -> None:
    from zytalent.cli.common import reads_files

    def command(year: int) -> None: ...

    with pytest.raises(TypeError, match="no `limits` parameter"):
        reads_files(command)
