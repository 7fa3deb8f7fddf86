"""The 2022 sample ledgers, for `zytalent compare 2022 2023`.

Smaller than 2023 and consistent with the article's growth statements: fewer hires,
trainees and certified workers; the skills contests' third edition (20 events, 276
people) — the fourth, in 2023, has 24 and 371; the diaspora pool's first 20 people;
the day-care centres opened by the end of 2022. Flats, services and care posts started
in 2023, so 2022 has no such ledgers and `compare` shows those figures as new.
"""

from __future__ import annotations

import random
from pathlib import Path

from make_sample_data import (
    People,
    hires,
    meals,
    new_book,
    save_book,
    skills,
    titled_sheet,
    training,
)
from sample_article_ledgers import care_centres, contests, sheet_of, write_csv

YEAR = 2022


def funds(out: Path, people: People) -> None:
    book = new_book()
    sheet = sheet_of(book, "资金")
    titled_sheet(
        sheet,
        f"{YEAR}年人才工作资金台账",
        "填报单位：县财政局",
        ["序号", "日期", "资金类别", "资金性质", "事项", "金额（万元）"],
    )
    rows = [
        ("2022-03-10", "招才引智专项资金", "预算安排", "招才引智专项资金", "180"),
        ("2022-02-18", "财政专项资金", "预算安排", "人才工作财政专项资金", "452.36"),
        ("2022-10-20", "人才奖补", "兑现", "引进人才奖补", "126.5"),
    ]
    for n, row in enumerate(rows, 1):
        sheet.append([n, *row])
    save_book(book, out / "县财政局_人才资金台账.xlsx")


def flexible(out: Path, people: People) -> None:
    rows: list[list[object]] = [
        ["姓名", "学历", "所在单位", "引才平台", "服务单位", "引进方式", "开始日期"]
    ]
    for i in range(8):
        rows.append(
            [
                people.name(),
                "博士研究生" if i < 3 else "硕士研究生",
                "山西农业大学",
                "专家工作站",
                "中阳县农业农村局",
                "技术顾问",
                f"{YEAR}-0{4 + i % 5}-01",
            ]
        )
    write_csv(out / "县委组织部_柔性引才台账.csv", rows, "gb18030")


def diaspora(out: Path, rng: random.Random, people: People) -> None:
    rows: list[list[object]] = [["姓名", "籍贯", "现工作单位", "职务职称", "入库日期"]]
    for _ in range(20):
        rows.append([people.name(), "中阳县宁乡镇", "北京航空航天大学", "教授", f"{YEAR}-06-01"])
    write_csv(out / "县委组织部_在外人才库.csv", rows, "gb18030")


def cooperation(out: Path) -> None:
    rows: list[list[object]] = [["合作院校", "项目名称", "合作类型", "级别", "日期", "人数或数量"]]
    for i, name in enumerate(
        (
            "北京航空航天大学",
            "山西省社会科学院",
            "山西农业大学",
            "太原理工大学",
            "中国矿业大学",
            "北京科技大学",
            "兰州大学",
        )
    ):
        rows.append([name, "合作协议", "合作关系", "", f"{YEAR}-0{1 + i}-10", ""])
    rows.append(["山西农业大学", "产教融合平台", "产教融合平台", "", f"{YEAR}-05-01", ""])
    rows.append(["北京航空航天大学", "产教融合平台", "产教融合平台", "", f"{YEAR}-06-01", ""])
    for i in range(9):
        rows.append(
            [
                ("北京航空航天大学", "中国矿业大学", "山西农业大学", "太原理工大学", "兰州大学")[
                    i % 5
                ],
                f"合作项目{i + 1}",
                "校友招商引才项目" if i == 0 else "签约项目",
                "",
                f"{YEAR}-0{1 + i % 9}-15",
                "",
            ]
        )
    for i in range(6):
        rows.append(["上海财经大学", f"讲座{i + 1}", "专家讲座", "", f"{YEAR}-0{3 + i}-12", ""])
    for i in range(7):
        rows.append(
            ["北京航空航天大学", f"实践团队{i + 1}", "实践团队", "", f"{YEAR}-07-1{i}", "16"]
        )
    rows.append(["北京航空航天大学", "北航护工就业", "护工就业", "", f"{YEAR}-12-20", "31"])
    write_csv(out / "县科技局_校地合作台账.csv", rows, "utf-8-sig")


def build_2022(root: Path) -> None:
    rng = random.Random(20221231)
    people = People(rng)
    out = root / str(YEAR)
    hires(
        out,
        rng,
        people,
        YEAR,
        {"county_township": (14, 8), "village": (3, 1), "education": (12, 5), "health": (6, 2)},
    )
    training(out, rng, YEAR, scale=0.8)
    skills(out, rng, people, YEAR, levels=(1, 7, 55, 330, 712))
    funds(out, people)
    meals(out, rng, people, YEAR, elders_per_town=(540, 410, 350, 370, 330, 380, 300), open_by=YEAR)
    flexible(out, people)
    diaspora(out, rng, people)
    contests(out, rng, YEAR, editions=3)
    cooperation(out)
    care_centres(out, YEAR, opened_by=YEAR)
