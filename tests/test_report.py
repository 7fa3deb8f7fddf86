"""`report`: the article's data sentences, every number computed from the ledgers."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from helpers import HIRES_HEADER, hire, write_csv
from typer.testing import CliRunner

from zytalent.cli.app import app
from zytalent.diagnostics import i18n
from zytalent.report import report

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
runner = CliRunner()

ARTICLE_SENTENCES = [
    "全年共引进48人（研究生25人），其中县直和乡镇招聘到岗20人，到村工作大学生4人，教育系统18人，卫生系统6人。",
    "选送培训医务人员151名；开展乡村振兴人才培训5期，培训600人次；开展教师专项培训2期，培训教师60人次",
    "培训到村任职选调生33人；培训高层次人才50名。全年组织各类职业技能培训2211人。",
    "新增技能人才1392人、高技能人才87人。",
    "比赛项目由12个增加到24个，参加人数由122人增加到371人，60名选手在市赛中获得",
    "安排招才引智专项资金222万元，安排财政专项资金601.09万元，发放奖补待遇194.8万元，申请校地合作经费支持280万元。",
    "吕梁医疗卫生博士服务站柔性引进16个团队46位医疗专家，其中博士研究生学历16人。",
    "目前入库在外优秀人才33名。",
    "与9所高校新签约16个项目，其中校友招商引才项目2个。",
    "分2批分配人才公寓38套；协调解决关键小事12项；为70名优秀人才提供免费体检；刊发人才工作宣传信息15篇。",
    "在14个社区、7个移民安置点、68个行政村建成日间照料中心（幸福小院）。",
    "解决了150名脱贫户、监测户养老护理员公益岗",
]


def test_the_article_sentences() -> None:
    text = report(2023, [DATA / "2023"]).markdown()
    for sentence in ARTICLE_SENTENCES:
        assert sentence in text


def test_donations_are_in_the_2024_report_only() -> None:
    assert "捐赠" not in report(2023, [DATA / "2023"]).markdown()
    assert (
        "16家爱心单位向2个村（镇）捐赠了价值4.06万元的生活物资。"
        in report(2024, [DATA / "2024"]).markdown()
    )


def test_changing_a_ledger_changes_the_sentence(tmp_path: Path) -> None:
    folder = tmp_path / "2023"
    shutil.copytree(DATA / "2023", folder)
    extra = write_csv(
        folder / "追加.csv",
        [
            HIRES_HEADER,
            hire("新人甲", 901, sector="卫生"),
            hire("新人乙", 902, education="硕士", sector="卫生"),
        ],
    )
    text = report(2023, [folder]).markdown()
    assert "全年共引进50人（研究生26人）" in text and "卫生系统8人" in text
    extra.unlink()
    assert "全年共引进48人（研究生25人）" in report(2023, [folder]).markdown()


def test_a_figure_with_no_data_is_left_out(tmp_path: Path) -> None:
    write_csv(tmp_path / "h.csv", [HIRES_HEADER, hire("甲", 1), hire("乙", 2, sector="教育")])
    text = report(2023, [tmp_path]).markdown()
    assert "全年共引进2人（研究生0人），其中县直和乡镇招聘到岗1人，教育系统1人。" in text
    assert "卫生系统" not in text and "培训" not in text and "## 养老服务" not in text


def test_english() -> None:
    with i18n.using("en"):
        text = report(2023, [DATA / "2023"]).markdown()
    assert "48 people were hired in the year (25 postgraduates)" in text
    assert "2,220,000 yuan was allocated to talent recruitment" in text


def test_cli_writes_markdown(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "r.md"
    result = runner.invoke(app, ["report", "2023", str(DATA / "2023"), "--output", str(out)])
    assert result.exit_code == 0 and out.read_text(encoding="utf-8").startswith("# 中阳县2023年")
    assert (
        runner.invoke(app, ["report", "2023", str(DATA / "2023"), "--output", str(out)]).exit_code
        == 2
    )
    assert (
        runner.invoke(
            app, ["report", "2023", str(DATA / "2023"), "-o", str(out), "--force"]
        ).exit_code
        == 0
    )
    stdout = runner.invoke(app, ["report", "2023", str(DATA / "2023"), "--lang", "en"])
    assert stdout.exit_code == 0 and "Recruiting talent" in stdout.stdout
    assert "#" not in stdout.stdout and "**" not in stdout.stdout  # Markdown is for --output
    assert "## 聚焦引才" in out.read_text(encoding="utf-8")  # the file keeps its Markdown


@pytest.mark.parametrize("columns", [60, 80, 120])
def test_the_report_fits_the_terminal_and_breaks_lines_the_chinese_way(columns: int) -> None:
    import unicodedata

    result = runner.invoke(
        app, ["report", "2023", str(DATA / "2023")], env={"COLUMNS": str(columns)}
    )
    assert result.exit_code == 0
    lines = result.stdout.splitlines()

    def width(text: str) -> int:
        return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)

    assert max(width(line) for line in lines) <= columns
    assert not any(line.startswith(("，", "。", "、", "）", "；")) for line in lines)
    assert "#" not in result.stdout and "`" not in result.stdout
