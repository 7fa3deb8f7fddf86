"""The article's other nine ledgers: reading, checks and every figure, hand-counted."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from helpers import TODAY, make_id, make_uscc, write_csv, write_xlsx

from zytalent.figures.registry import FIGURES
from zytalent.load import load
from zytalent.summary import Summary, summarize

HAND_COUNTED_KINDS = (
    "flexible",
    "diaspora",
    "contests",
    "cooperation",
    "housing",
    "services",
    "care_centers",
    "care_workers",
    "donations",
)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("more")
    write_xlsx(
        root / "flexible.xlsx",
        {
            "s": [
                ["柔性引才台账"],
                ["姓名", "学历", "原单位", "平台", "依托单位", "团队", "柔性方式", "入站日期"],
                ["甲", "博士", "农大", "博士创新站", "心言公司", "", "入站", "2023-05-01"],
                [
                    "乙",
                    "博士",
                    "医大",
                    "医疗卫生博士服务站",
                    "县医院",
                    "心内团队",
                    "技术顾问",
                    "2023-07-01",
                ],
                ["丙", "硕士", "医大", "博士服务站", "县医院", "心内团队", "兼职", "2023-07-01"],
                ["丁", "本科", "医大", "博士服务站", "县医院", "骨科团队", "兼职", "2023-07-01"],
                [
                    "戊",
                    "博士",
                    "医大",
                    "博士服务站",
                    "县医院",
                    "骨科团队",
                    "兼职",
                    "2022-07-01",
                ],  # other year
            ]
        },
    )
    write_csv(
        root / "diaspora.csv",
        [
            ["姓名", "家乡", "单位", "职称", "手机", "入库时间"],
            ["甲", "宁乡镇", "北航", "教授", "13812345678", "2021-01-01"],
            ["乙", "金罗镇", "山大", "", "", "2023-06-01"],
            ["丙", "枝柯镇", "太钢", "", "13912345678", "2024-02-01"],  # after the year: not yet in
        ],
        "gb18030",
    )
    write_csv(
        root / "contests.csv",
        [
            ["届次", "日期", "项目", "参赛人数", "市赛获奖"],
            ["1", "2021-09-01", "电工", "10", "1"],
            ["1", "2021-09-01", "焊工", "12", ""],
            ["2", "2023-09-01", "电工", "20", "2"],
            ["2", "2023-09-01", "焊工", "21", "3"],
            ["2", "2023-09-01", "厨师", "22", "0"],
        ],
    )
    write_csv(
        root / "cooperation.csv",
        [
            ["合作院校", "项目名称", "合作类型", "级别", "日期", "金额（万元）", "人数或数量"],
            ["北航", "协议", "合作关系", "", "2023-01-01", "", ""],
            ["山大", "协议", "战略合作", "", "2023-02-01", "", ""],
            ["北航", "协议续签", "合作关系", "", "2023-03-01", "", ""],
            ["农大", "中心", "技术中心", "省级", "2023-04-01", "", ""],
            ["北航", "中心", "研发中心", "市级", "2023-04-01", "", ""],
            ["北航", "平台", "产教融合", "", "2023-04-01", "", ""],
            ["矿大", "走访", "走访", "", "2023-04-01", "", ""],
            ["矿大", "项目1", "签约项目", "", "2023-05-01", "", ""],
            ["北航", "项目2", "校友项目", "", "2023-05-01", "", ""],
            ["北航", "展销", "展销", "", "2023-06-01", "10.5", "30"],
            ["北理工", "展销", "展销", "", "2023-06-01", "0.25", "5"],
            ["北航", "红色路线", "研学", "", "2023-07-01", "", "100"],
            ["职中", "基地", "实习基地", "", "2023-07-01", "", ""],
            ["北航", "队1", "实践团队", "", "2023-07-01", "", "15"],
            ["山大", "课题", "课题", "", "2023-08-01", "", ""],
            ["上财", "讲座", "讲座", "", "2023-08-01", "", ""],
            ["兰大", "交流", "交流互访", "", "2023-08-01", "", ""],
            ["北航", "护工", "北航护工", "", "2023-12-01", "", "44"],
            ["北航", "旧协议", "合作关系", "", "2022-01-01", "", ""],  # other year
        ],
    )
    write_csv(
        root / "housing.csv",
        [
            ["入住人", "单位", "房号", "分配日期", "批次"],
            ["甲", "县医院", "1-101", "2023-04-01", "1"],
            ["乙", "一中", "1-102", "2023-04-01", "1"],
            ["丙", "党校", "1-103", "2023-09-01", "2"],
        ],
    )
    write_csv(
        root / "services.csv",
        [
            ["服务日期", "类别", "内容", "人数"],
            ["2023-05-01", "免费体检", "体检", "25"],
            ["2023-06-01", "体检", "体检", "5"],
            ["2023-06-02", "关键小事", "漏水", "1"],
            ["2023-06-03", "协调事项", "断电", "2"],
            ["2023-07-01", "宣传", "报道", "3"],
        ],
    )
    write_csv(
        root / "centers.csv",
        [
            ["名称", "所在乡镇", "类型", "建成时间"],
            ["甲社区小院", "宁乡镇", "社区", "2021-01-01"],
            ["乙安置点小院", "金罗镇", "安置点", "2022-01-01"],
            ["丙村小院", "枝柯镇", "村", "2023-05-01"],
            ["丁村小院", "枝柯镇", "行政村", "2024-05-01"],
        ],
    )
    write_csv(
        root / "workers.csv",
        [
            ["姓名", "身份证号", "人员类别", "服务点", "入职日期"],
            ["甲", make_id(dt.date(1970, 1, 1), 1), "脱贫户", "甲社区小院", "2023-02-01"],
            ["乙", make_id(dt.date(1971, 1, 1), 2), "监测对象", "甲社区小院", "2023-03-01"],
            ["丙", make_id(dt.date(1972, 1, 1), 3), "其他", "丙村小院", "2023-03-01"],
        ],
    )
    write_csv(
        root / "donations.csv",
        [
            ["日期", "捐赠方", "信用代码", "接收单位", "物资", "金额"],
            ["2023-01-20", "甲公司", make_uscc(), "郝家岭村", "米", "1,000"],
            ["2023-01-20", "乙公司", "", "郝家岭村", "面", "500.50"],
            ["2023-01-21", "甲公司", make_uscc(), "武家庄镇", "油", "2000"],
        ],
    )
    return root


@pytest.fixture(scope="module")
def summary(folder: Path) -> Summary:
    return summarize(2023, [folder], today=TODAY)


EXPECTED: dict[str, int | Decimal] = {
    "flexible.total": 4,
    "flexible.doctorate": 2,
    "flexible.innovation_station.doctorates": 1,
    "flexible.medical_station.teams": 2,
    "flexible.medical_station.experts": 3,
    "flexible.medical_station.doctorates": 1,
    "diaspora.total": 2,
    "contests.editions": 2,
    "contests.events.first": 2,
    "contests.events.latest": 3,
    "contests.participants.first": 22,
    "contests.participants.latest": 63,
    "contests.city_awards": 6,
    "cooperation.partners": 2,
    "cooperation.tech_centers.provincial": 1,
    "cooperation.rd_centers.city": 1,
    "cooperation.industry_education": 1,
    "cooperation.visits": 1,
    "cooperation.projects": 2,
    "cooperation.project_universities": 2,
    "cooperation.alumni_projects": 1,
    "cooperation.product_kinds": 35,
    "cooperation.product_sales": Decimal("107500.00"),
    "cooperation.product_universities": 2,
    "cooperation.study_routes": 1,
    "cooperation.study_visitors": 100,
    "cooperation.internship_bases": 1,
    "cooperation.practice_teams": 1,
    "cooperation.interns": 15,
    "cooperation.research": 1,
    "cooperation.lectures": 1,
    "cooperation.exchanges": 1,
    "cooperation.caregivers": 44,
    "housing.flats": 3,
    "housing.batches": 2,
    "services.health_checks": 30,
    "services.matters": 3,
    "services.publicity": 3,
    "care_centers.total": 3,
    "care_centers.community": 1,
    "care_centers.relocation": 1,
    "care_centers.village": 1,
    "care_workers.posts": 2,
    "care_workers.household.poverty_lifted": 1,
    "care_workers.household.monitored": 1,
    "care_workers.household.other": 1,
    "donations.donors": 2,
    "donations.value": Decimal("3500.50"),
    "donations.recipients": 2,
}


def test_every_new_figure_matches_the_hand_count(summary: Summary) -> None:
    assert summary.loaded.findings.errors == 0, summary.loaded.findings.items
    got = {
        fid: summary.value(fid) for fid in summary.values if FIGURES[fid].kind in HAND_COUNTED_KINDS
    }
    assert got == EXPECTED
    assert {fid for fid, f in FIGURES.items() if f.kind in HAND_COUNTED_KINDS} == set(EXPECTED)


def test_stocks_warn_about_records_after_the_year(summary: Summary) -> None:
    after = sorted(
        (f.code, Path(f.file or "").name, f.row)
        for f in summary.loaded.findings.items
        if f.severity == "warning"
    )
    assert ("after_year", "centers.csv", 5) in after and ("after_year", "diaspora.csv", 4) in after
    assert ("outside_year", "flexible.xlsx", 7) in after


def test_kinds_are_detected_from_their_headers(summary: Summary) -> None:
    kinds = {Path(f.file).stem: s.kind for f in summary.loaded.files for s in f.sheets}
    assert kinds == {
        "flexible": "flexible",
        "diaspora": "diaspora",
        "contests": "contests",
        "cooperation": "cooperation",
        "housing": "housing",
        "services": "services",
        "centers": "care_centers",
        "workers": "care_workers",
        "donations": "donations",
    }


def test_phone_numbers_are_checked_and_unique(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "d.csv",
        [
            ["姓名", "籍贯", "工作单位", "联系电话", "入库日期"],
            ["甲", "宁乡镇", "北航", "138-1234-5678", "2023-01-01"],
            ["乙", "宁乡镇", "北航", "12812345678", "2023-01-01"],
            ["丙", "宁乡镇", "北航", "13812345678", "2023-01-01"],
        ],
    )
    found = sorted((f.code, f.cell, f.value) for f in load([path], today=TODAY).findings.items)
    assert found == [
        ("duplicate_value", "D4", "138****5678"),
        ("phone_format", "D3", "128****5678"),
    ]


def test_credit_codes_are_checked(tmp_path: Path) -> None:
    good = make_uscc()
    bad = good[:17] + ("0" if good[17] != "0" else "1")
    path = write_csv(
        tmp_path / "d.csv",
        [
            ["捐赠日期", "捐赠单位", "统一社会信用代码", "受赠单位", "价值"],
            ["2024-01-20", "甲", bad, "村", "100"],
            ["2024-01-20", "乙", "N2141129MF0000001D", "村", "100"],
            ["2024-01-20", "丙", "ABC", "村", "100"],
        ],
    )
    found = sorted((f.code, f.cell) for f in load([path], today=TODAY).findings.items)
    assert found == [("uscc_checksum", "C2"), ("uscc_format", "C4")]


def test_unique_flats_centres_and_care_workers(tmp_path: Path) -> None:
    write_csv(
        tmp_path / "h.csv",
        [
            ["姓名", "工作单位", "房号", "分配日期", "批次"],
            ["甲", "医院", "1-101", "2023-04-01", "1"],
            ["乙", "医院", "1-101", "2023-09-01", "2"],
        ],
    )
    worker = make_id(dt.date(1970, 1, 1), 1)
    write_csv(
        tmp_path / "w.csv",
        [
            ["姓名", "身份证号", "户类型", "服务点", "上岗日期"],
            ["甲", worker, "脱贫户", "点", "2023-01-01"],
            ["甲", worker, "监测户", "点", "2023-02-01"],
        ],
    )
    found = sorted(
        (f.code, Path(f.file or "").name, f.row)
        for f in load([tmp_path], today=TODAY).findings.items
    )
    assert found == [("duplicate_person", "w.csv", 3), ("duplicate_value", "h.csv", 3)]
