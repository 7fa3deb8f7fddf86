"""Every figure id of spec §5 on small hand-counted ledgers."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from helpers import TODAY, make_id, write_csv, write_xlsx

from zytalent.figures.registry import FIGURES
from zytalent.summary import Summary, summarize


@pytest.fixture(scope="module")
def summary(tmp_path_factory: pytest.TempPathFactory) -> Summary:
    folder = tmp_path_factory.mktemp("ledgers")
    write_csv(
        folder / "hires.csv",
        [
            ["姓名", "身份证号", "学历", "引进单位", "引进领域", "到岗日期"],
            ["甲", make_id(seq=1), "博士", "县医院", "卫生", "2023-08-01"],
            ["乙", make_id(seq=2), "硕士", "县委办", "县直", "2023-08-01"],
            ["丙", make_id(seq=3), "本科", "某村", "到村", "2023-08-01"],
            ["丁", make_id(seq=4), "硕士", "一中", "教育", "2023-08-01"],
            ["戊", make_id(seq=5), "硕士", "一中", "教育", "2022-08-01"],  # other year
        ],
    )
    write_csv(
        folder / "training.csv",
        [
            ["培训项目", "培训类别", "开始日期", "结束日期", "培训人次"],
            ["甲", "医务人员", "2023-03-01", "2023-03-10", "10"],
            ["乙", "医务人员", "2023-04-01", "2023-04-10", "5"],
            ["丙", "电商", "2023-05-01", "2023-05-02", "7"],
            ["丁", "教师", "2022-05-01", "2022-05-02", "100"],  # other year
        ],
    )
    p1, p2, p3 = make_id(seq=11), make_id(seq=12), make_id(seq=13)
    write_csv(
        folder / "skills.csv",
        [
            ["姓名", "身份证号", "职业（工种）", "技能等级", "证书编号", "发证日期"],
            ["甲", p1, "电工", "五级/初级工", "C1", "2023-01-05"],
            ["甲", p1, "电工", "高级工", "C2", "2023-06-05"],  # p1 counts once, at level 3
            ["乙", p2, "焊工", "4", "C3", "2023-02-05"],
            ["丙", p3, "厨师", "技师", "C4", "2022-12-31"],  # other year
            ["丙", p3, "厨师", "中级工", "C5", "2023-03-01"],  # in 2023 p3's best is level 4
        ],
    )
    write_xlsx(
        folder / "funds.xlsx",
        {
            "s": [
                ["日期", "资金类别", "资金性质", "金额（万元）"],
                ["2023-03-01", "招才引智专项资金", "安排", "100"],
                ["2023-04-01", "招才引智专项资金", "预算安排", "22.5"],
                ["2023-05-01", "人才奖补", "兑现", "0.0123"],
                ["2023-05-02", "校地合作经费", "申请", "1"],
            ]
        },
    )
    e1, e2 = make_id(dt.date(1950, 1, 1), 21), make_id(dt.date(1945, 1, 1), 22)
    write_csv(
        folder / "meals.csv",
        [
            [
                "月份",
                "服务点",
                "姓名",
                "身份证号",
                "就餐次数",
                "政府补贴",
                "集体补贴",
                "个人支付",
                "子女支付",
                "社会捐赠",
            ],
            ["2023-01", "甲院", "老甲", e1, "20", "60", "40", "60", "30", "10.5"],
            ["2023-02", "甲院", "老甲", e1, "18", "54", "36", "54", "27", "9"],
            ["2023-02", "乙院", "老乙", e2, "1", "3", "", "3", "", ""],
            ["2024-01", "丙院", "老乙", e2, "5", "15", "10", "15", "7.5", "2.5"],  # next year
        ],
    )
    return summarize(2023, [folder], today=TODAY)


EXPECTED: dict[str, int | Decimal] = {
    "hires.total": 4,
    "hires.postgraduate": 3,
    "hires.doctorate": 1,
    "hires.sector.county_township": 1,
    "hires.sector.village": 1,
    "hires.sector.education": 1,
    "hires.sector.health": 1,
    "hires.sector.enterprise": 0,
    "hires.sector.other": 0,
    "training.classes": 3,
    "training.trainees": 22,
    "training.trainees.medical": 15,
    "training.trainees.entrepreneurship": 7,
    "training.trainees.teachers": 0,
    "training.trainees.rural": 0,
    "training.trainees.cadres": 0,
    "training.trainees.selectees": 0,
    "training.trainees.high_level": 0,
    "training.trainees.vocational": 0,
    "training.trainees.labor_brand": 0,
    "training.trainees.skills_all": 7,
    "training.classes.medical": 2,
    "training.classes.entrepreneurship": 1,
    **{
        f"training.classes.{c}": 0
        for c in (
            "teachers",
            "rural",
            "cadres",
            "selectees",
            "high_level",
            "vocational",
            "labor_brand",
        )
    },
    "skills.certified": 3,
    "skills.high_skilled": 1,
    "skills.level.1": 0,
    "skills.level.2": 0,
    "skills.level.3": 1,
    "skills.level.4": 2,
    "skills.level.5": 0,
    "funds.allocated": Decimal("1225000.00"),
    "funds.allocated.talent_recruitment": Decimal("1225000.00"),
    "funds.disbursed": Decimal("123.00"),
    "funds.disbursed.talent_rewards": Decimal("123.00"),
    "funds.requested": Decimal("10000.00"),
    "funds.requested.cooperation": Decimal("10000.00"),
    "meals.elders": 2,
    "meals.meals": 39,
    "meals.centers": 2,
    "meals.funding.gov": Decimal("117.00"),
    "meals.funding.collective": Decimal("76.00"),
    "meals.funding.individual": Decimal("117.00"),
    "meals.funding.children": Decimal("57.00"),
    "meals.funding.society": Decimal("19.50"),
}


def test_every_figure_matches_the_hand_count(summary: Summary) -> None:
    assert not summary.blocked
    assert {fid: summary.value(fid) for fid in summary.values} == EXPECTED


def test_every_figure_id_of_the_registry_is_covered(summary: Summary) -> None:
    pairs_not_present = {
        fid for fid, f in FIGURES.items() if f.kind in summary.sources and fid not in EXPECTED
    }
    assert all(FIGURES[fid].only_if_present for fid in pairs_not_present)


def test_json_money_is_a_decimal_string_in_yuan(summary: Summary) -> None:
    figures = summary.to_dict()["figures"]
    assert figures["funds.allocated.talent_recruitment"] == "1225000.00"
    assert figures["funds.disbursed"] == "123.00"
    assert figures["hires.total"] == 4 and isinstance(figures["hires.total"], int)


def test_sources_count_records_and_files(summary: Summary) -> None:
    assert summary.sources["meals"].records == 3
    assert summary.sources["meals"].files == 1
    assert summary.sources["meals"].read == 4  # the row of another year is read, not counted
    assert summary.sources["skills"].records == 4


def test_kinds_without_a_ledger_give_no_figures(tmp_path: Path) -> None:
    write_csv(
        tmp_path / "h.csv",
        [
            ["姓名", "身份证号", "学历", "引进单位", "引进领域", "到岗日期"],
            ["甲", make_id(seq=1), "博士", "县医院", "卫生", "2023-08-01"],
        ],
    )
    result = summarize(2023, [tmp_path], today=TODAY)
    assert set(result.values) == {fid for fid in FIGURES if fid.startswith("hires.")}


def test_errors_block_figures_unless_skip_invalid(tmp_path: Path) -> None:
    write_csv(
        tmp_path / "h.csv",
        [
            ["姓名", "身份证号", "学历", "引进单位", "引进领域", "到岗日期"],
            ["甲", make_id(seq=1), "博士", "县医院", "卫生", "2023-08-01"],
            ["乙", "123", "博士", "县医院", "卫生", "2023-08-01"],
        ],
    )
    # a wrong ID number is the record's identity: every figure of the ledger is refused
    blocked = summarize(2023, [tmp_path], today=TODAY)
    assert not blocked.complete and blocked.values == {}
    assert set(blocked.refused) == {f for f in FIGURES if f.startswith("hires.")}
    skipped = summarize(2023, [tmp_path], skip_invalid=True, today=TODAY)
    assert skipped.values["hires.total"] == 1
    assert skipped.left_out_rows == 1
    assert skipped.to_dict()["left_out"] == {"rows": 1, "files": 0}


@pytest.mark.parametrize("year", [2022, 2023, 2024])
def test_no_breakdown_adds_up_to_more_than_its_parent(year: int) -> None:
    """A part shown under a figure is part of it: the parts of one breakdown (one label
    prefix, 按户类型：…) never add up to more than the figure they are shown under."""
    from collections import defaultdict

    from zytalent.figures.registry import FIGURES
    from zytalent.summary import summarize

    values = summarize(year, [Path(__file__).resolve().parent.parent / "data" / str(year)]).values
    parts: dict[tuple[str, str], int] = defaultdict(int)
    for fid, value in values.items():
        figure = FIGURES[fid]
        label = figure.label.zh
        if figure.parent in values and "：" in label and figure.unit == FIGURES[figure.parent].unit:
            parts[(figure.parent, label.split("：")[0])] += value
    assert parts or year != 2023  # there are breakdowns to check
    for (parent, prefix), total in parts.items():
        assert total <= values[parent], (year, parent, prefix)
