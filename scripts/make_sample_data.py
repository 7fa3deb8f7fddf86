"""Build the synthetic sample ledgers in data/ (deterministic: same seed, same content).

The files look like real departmental submissions: title rows, a 填报单位 line, merged
employer cells, 合计 rows and footers in workbooks; GB18030 and UTF-8-with-BOM CSV;
header aliases; months typed as text. The people are made up; their ID numbers have
valid check characters, region 142332 (Zhongyang before 2003) for people born before
2003, 141129 after, and a few from elsewhere.

`zytalent summarize 2023` on the result reproduces the figures of the source article
(spec §6); tests/test_sample_data.py pins them.

Usage: python scripts/make_sample_data.py [OUTDIR]   (default: data/)
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import random
import sys
from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from zytalent.cells.identifiers import id_check_char

FIXED_TIME = dt.datetime(2024, 1, 5, 9, 0, 0)
TOWNS = ("宁乡镇", "金罗镇", "枝柯镇", "武家庄镇", "暖泉镇", "下枣林乡", "车鸣峪乡")
SURNAMES = (
    "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁"
    "魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤"
    "尹黎易常武乔贺赖龚文"
)
GIVEN = "建国华明丽军伟芳娜敏静秀英强磊洋艳勇杰娟涛超霞平刚桂兰玉凤春梅海燕晓红亮鹏飞宇浩然欣怡子涵"
OTHER_REGIONS = ("141102", "142301", "140105", "142325", "141124")


class People:
    """Made-up people with unique, valid ID numbers."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.ids: set[str] = set()

    def name(self) -> str:
        length = 1 if self.rng.random() < 0.3 else 2
        return self.rng.choice(SURNAMES) + "".join(self.rng.choice(GIVEN) for _ in range(length))

    def id_number(self, born: dt.date) -> str:
        while True:
            if self.rng.random() < 0.06:
                region = self.rng.choice(OTHER_REGIONS)
            else:
                region = "142332" if born.year < 2003 else "141129"
            body = f"{region}{born:%Y%m%d}{self.rng.randrange(1000):03d}"
            number = body + id_check_char(body)
            if number not in self.ids:
                self.ids.add(number)
                return number

    def born_between(self, first: int, last: int) -> dt.date:
        start = dt.date(first, 1, 1).toordinal()
        return dt.date.fromordinal(self.rng.randint(start, dt.date(last, 12, 31).toordinal()))


def new_book() -> Workbook:
    book = Workbook()
    book.properties.created = FIXED_TIME
    book.properties.modified = FIXED_TIME
    book.properties.creator = "zytalent sample data"
    return book


def titled_sheet(sheet: Worksheet, title: str, unit_line: str, header: Sequence[str]) -> None:
    """A title row merged across the table, a 填报单位 line, then the header."""
    sheet.append([title])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(header))
    sheet.append([unit_line])
    sheet.append(list(header))


def footer(sheet: Worksheet) -> None:
    sheet.append([])
    sheet.append(["填表人：王丽", None, "审核人：张建国", None, "联系电话：0358-3221234"])
    sheet.append(["注：本表由填报单位据实填写。"])


def save_book(book: Workbook, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)


def write_csv(path: Path, rows: Sequence[Sequence[object]], encoding: str) -> None:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(buffer.getvalue().encode(encoding))


# ---------------------------------------------------------------- hires (48)
EMPLOYERS_COUNTY = (
    "县委办公室",
    "县发展和改革局",
    "县工业和信息化局",
    "县自然资源局",
    "县委党校",
    "县融媒体中心",
    "宁乡镇人民政府",
    "金罗镇人民政府",
    "暖泉镇人民政府",
)
SCHOOLS = (
    "山西大学",
    "太原理工大学",
    "山西财经大学",
    "山西农业大学",
    "中北大学",
    "山西师范大学",
    "吕梁学院",
    "北京航空航天大学",
    "兰州大学",
    "西北大学",
)
MAJORS = (
    "汉语言文学",
    "法学",
    "计算机科学与技术",
    "会计学",
    "土木工程",
    "农学",
    "临床医学",
    "护理学",
    "数学与应用数学",
    "英语",
    "思想政治教育",
    "环境工程",
)


HIRES_2023 = {
    "county_township": (20, 12),
    "village": (4, 1),
    "education": (18, 9),
    "health": (6, 3),
}


def hires(
    out: Path,
    rng: random.Random,
    people: People,
    year: int,
    plan: dict[str, tuple[int, int]] | None = None,
) -> None:
    # (sector, count, postgraduates) — article: 48 hired, 25 postgraduates,
    # 20 county/township, 4 to villages, 18 education, 6 health; one full-time doctorate.
    plan = plan or HIRES_2023
    records: dict[str, list[list[object]]] = {k: [] for k in plan}
    for sector, (count, postgraduates) in plan.items():
        for i in range(count):
            born = people.born_between(1991, 2000)
            if sector == "county_township" and i == 0:
                education, school, channel = "博士研究生", "复旦大学", "一事一议"
            elif i < postgraduates:
                education, school, channel = "硕士研究生", rng.choice(SCHOOLS), "公开招聘"
            else:
                education, school, channel = (
                    rng.choice(("大学本科", "本科")),
                    rng.choice(SCHOOLS),
                    "公开招聘",
                )
            if sector == "village":
                channel = "选调生"
            employer = {
                "county_township": EMPLOYERS_COUNTY[i % len(EMPLOYERS_COUNTY)],
                "village": f"{TOWNS[i % len(TOWNS)]}人民政府",
                "education": ("中阳县第一中学", "中阳县第二中学", "中阳职业中学")[i % 3],
                "health": ("中阳县人民医院", "中阳县中医院")[i % 2],
            }[sector]
            start = dt.date(year, rng.choice((7, 8, 9, 10)), rng.randint(1, 28))
            records[sector].append(
                [
                    people.name(),
                    "男" if rng.random() < 0.5 else "女",
                    people.id_number(born),
                    education,
                    school,
                    rng.choice(MAJORS),
                    employer,
                    sector,
                    channel,
                    start,
                ]
            )
    for rows in records.values():
        rows.sort(key=lambda r: (str(r[6]), str(r[0])))

    # 人社局: county and township bodies plus village posts, as a formatted workbook
    book = new_book()
    sheet = book.active
    assert sheet is not None
    sheet.title = "引进人才"
    header = [
        "序号",
        "姓名",
        "性别",
        "身份证号码",
        "最高学历",
        "毕业院校",
        "所学专业",
        "引进单位",
        "引进领域",
        "引进方式",
        "到岗日期",
    ]
    titled_sheet(
        sheet,
        f"中阳县{year}年事业单位引进人才台账",
        f"填报单位：县人社局    填报日期：{year + 1}年1月5日",
        header,
    )
    labels = {"county_township": "县直和乡镇", "village": "到村任职"}
    rows = records["county_township"] + records["village"]
    first_data_row = sheet.max_row + 1
    for n, r in enumerate(rows, 1):
        sheet.append([n, r[0], r[1], r[2], r[3], r[4], r[5], r[6], labels[str(r[7])], r[8], r[9]])
        sheet.cell(row=sheet.max_row, column=11).number_format = "yyyy-mm-dd"
    _merge_runs(sheet, column=8, first_row=first_data_row, values=[r[6] for r in rows])
    sheet.append(["合计", f"{len(rows)}人"])
    footer(sheet)
    notes = book.create_sheet("填表说明")
    notes.append(["引进领域填写：县直和乡镇、到村任职、教育系统、卫生系统。"])
    save_book(book, out / "县人社局_引进人才台账.xlsx")

    # 教育局: a plain CSV saved by Excel on Chinese Windows (GB18030), dates typed as text
    csv_rows: list[list[object]] = [
        [
            "姓名",
            "性别",
            "身份证号",
            "学历",
            "毕业学校",
            "专业",
            "用人单位",
            "系统",
            "招聘方式",
            "入职日期",
        ]
    ]
    for r in records["education"]:
        degree = {"硕士研究生": "硕士", "博士研究生": "博士"}.get(str(r[3]), str(r[3]))
        date = r[9]
        assert isinstance(date, dt.date)
        csv_rows.append(
            [
                r[0],
                r[1],
                r[2],
                degree,
                r[4],
                r[5],
                r[6],
                "教育",
                r[8],
                f"{date.year}/{date.month}/{date.day}",
            ]
        )
    write_csv(out / "县教育局引进人才.csv", csv_rows, "gb18030")

    # 卫健局: a small workbook whose header has spaces and line breaks
    book = new_book()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Sheet1"
    sheet.append(["姓　名", "身份证\n号码", "学 历", "引进单位", "引进领域", "报到日期"])
    for r in records["health"]:
        sheet.append([r[0], r[2], r[3], r[6], "卫健系统", r[9]])
    save_book(book, out / "县卫健局_引进人才.xlsx")


def _merge_runs(sheet: Worksheet, column: int, first_row: int, values: Sequence[object]) -> None:
    """Merge consecutive equal cells down a column, as offices do for 引进单位."""
    start = 0
    for i in range(1, len(values) + 1):
        if i == len(values) or values[i] != values[start]:
            if i - start > 1:
                sheet.merge_cells(
                    start_row=first_row + start,
                    start_column=column,
                    end_row=first_row + i - 1,
                    end_column=column,
                )
            start = i


# ---------------------------------------------------------------- training
def training(out: Path, rng: random.Random, year: int, scale: float = 1.0) -> None:
    """The 2023 classes; other years scale the class sizes (and so the totals)."""
    header = [
        "序号",
        "培训项目",
        "培训类别",
        "主办单位",
        "培训地点",
        "开始日期",
        "结束日期",
        "培训人次",
    ]
    org = [
        ("乡镇干部乡村振兴专题培训（第一期）", "乡村振兴", (3, 6), 4, 120),
        ("第一书记乡村振兴能力提升培训", "乡村振兴", (4, 10), 4, 118),
        ("村主干乡村振兴专题培训（第一期）", "乡村振兴", (5, 15), 4, 122),
        ("村主干乡村振兴专题培训（第二期）", "乡村振兴", (6, 12), 4, 125),
        ("乡镇干部乡村振兴专题培训（第二期）", "乡村振兴", (9, 18), 4, 115),
        ("北航中阳党政领导干部履职能力提升班", "党政干部", (5, 22), 5, 42),
        ("到村任职选调生业务能力提升培训暨国情调研班", "选调生", (7, 10), 13, 33),
        ("高层次人才和青年人才国情研修", "高层次人才", (8, 21), 3, 50),
        ("北航教师专项培训（第一期）", "教师", (7, 17), 6, 30),
        ("北航教师专项培训（第二期）", "教师", (8, 7), 6, 30),
    ]
    book = new_book()
    sheet = book.active
    assert sheet is not None
    sheet.title = "2023年培训"
    titled_sheet(sheet, f"中阳县{year}年人才培训台账", "填报单位：县委组织部人才办", header)
    org = [(name, cat, when, days, round(count * scale)) for name, cat, when, days, count in org]
    for n, (name, category, (month, day), days, count) in enumerate(org, 1):
        start = dt.date(year, month, day)
        place = "北京航空航天大学" if "北航" in name else "中阳县委党校"
        sheet.append(
            [
                n,
                name,
                category,
                "县委组织部",
                place,
                start,
                start + dt.timedelta(days=days - 1),
                count,
            ]
        )
    sheet.append(["合计", None, None, None, None, None, None, sum(row[4] for row in org)])
    footer(sheet)
    save_book(book, out / "县委组织部_人才培训台账.xlsx")

    # 卫健局: medical staff sent to Beijing hospitals, 151 in four batches; months as text
    medical = [
        (f"北京重点医院进修（第{i + 1}批）", round(count * scale))
        for i, count in enumerate((38, 40, 36, 37))
    ]
    rows: list[list[object]] = [
        ["培训名称", "类别", "承办单位", "地点", "培训开始日期", "培训结束日期", "参训人数"]
    ]
    for i, (name, count) in enumerate(medical):
        start = dt.date(year, 3 + i * 2, 1)
        rows.append(
            [
                name,
                "医务人员",
                "县卫健局",
                "北京",
                start.isoformat(),
                (start + dt.timedelta(days=27)).isoformat(),
                count,
            ]
        )
    write_csv(out / "县卫健局_医务人员培训.csv", rows, "utf-8-sig")

    # 人社局: vocational, labour-brand and e-commerce classes, 2211 person-times
    classes = [
        ("吕梁山护工培训", "劳务品牌", 12, 60),
        ("中阳耳农培训", "劳务品牌", 6, 55),
        ("中阳剪纸传承人培训", "劳务品牌", 3, 40),
        ("电商创业培训", "电商", 4, 45),
        ("网商新业态培训", "创业就业", 2, 50),
        ("电工职业技能培训", "职业技能", 5, 48),
        ("焊工职业技能培训", "职业技能", 4, 46),
        ("中式烹调师培训", "职业技能", 4, 52),
        ("育婴员培训", "职业技能", 3, 40),
    ]
    plan: list[tuple[str, str, int]] = []
    for name, category, times, size in classes:
        plan += [(f"{name}（第{i + 1}期）", category, size) for i in range(times)]
    target = round(2211 * scale)
    total = sum(size for _, _, size in plan)
    # spread the difference over the classes so the year's total is the article's 2211
    plan = [(name, cat, size + (target - total) // len(plan)) for name, cat, size in plan]
    remainder = target - sum(size for _, _, size in plan)
    plan[0] = (plan[0][0], plan[0][1], plan[0][2] + remainder)
    book = new_book()
    sheet = book.active
    assert sheet is not None
    sheet.title = "职业技能培训"
    titled_sheet(
        sheet,
        f"{year}年职业技能培训台账",
        "填报单位：县人力资源和社会保障局",
        ["序号", "培训名称", "类别", "承办单位", "培训地点", "开始日期", "结束日期", "培训人数"],
    )
    for n, (name, category, size) in enumerate(plan, 1):
        start = dt.date(year, 1 + (n * 7) % 12, 1 + (n * 5) % 27)
        sheet.append(
            [
                n,
                name,
                category,
                "县人社局",
                rng.choice(TOWNS),
                start,
                start + dt.timedelta(days=9),
                str(size),
            ]
        )
    sheet.append(["合计", None, None, None, None, None, None, f"{target:,}"])
    save_book(book, out / "县人社局_职业技能培训台账.xlsx")


# ---------------------------------------------------------------- skills (1392, 87 high)
OCCUPATIONS = (
    "养老护理员",
    "电工",
    "焊工",
    "中式烹调师",
    "育婴员",
    "保育员",
    "家政服务员",
    "农业技术员",
    "砌筑工",
    "美容师",
    "汽车维修工",
    "剪纸工艺师",
)


def skills(
    out: Path,
    rng: random.Random,
    people: People,
    year: int,
    levels: tuple[int, int, int, int, int] = (2, 10, 75, 420, 885),
) -> None:
    """`levels`: people whose best level is 1..5 (2023: 1392 people, 87 high-skilled)."""
    best_levels = [level for level, count in enumerate(levels, 1) for _ in range(count)]
    rng.shuffle(best_levels)
    certificates: list[tuple[str, str, str, int, dt.date]] = []
    for i, level in enumerate(best_levels):
        born = people.born_between(1970, 2004)
        name, number = people.name(), people.id_number(born)
        issued = dt.date(year, 1, 1) + dt.timedelta(days=rng.randrange(365))
        certificates.append((name, number, rng.choice(OCCUPATIONS), level, issued))
        if i % 23 == 0 and level < 5:  # some people also passed a lower level that year
            earlier = dt.date(year, 1, 1) + dt.timedelta(
                days=rng.randrange((issued - dt.date(year, 1, 1)).days + 1)
            )
            certificates.append((name, number, rng.choice(OCCUPATIONS), level + 1, earlier))
    certificates.sort(key=lambda c: (c[4], c[1]))
    level_names = {
        5: "五级/初级工",
        4: "四级/中级工",
        3: "三级/高级工",
        2: "二级/技师",
        1: "一级/高级技师",
    }
    short_names = {5: "初级工", 4: "中级工", 3: "高级工", 2: "技师", 1: "高级技师"}
    book = new_book()
    first = book.active
    assert first is not None
    book.remove(first)
    header = ["序号", "姓名", "身份证号", "职业（工种）", "技能等级", "证书编号", "发证日期"]
    for half, months in (("上半年", range(1, 7)), ("下半年", range(7, 13))):
        sheet = book.create_sheet(half)
        titled_sheet(
            sheet,
            f"中阳县{year}年{half}新增技能人才台账",
            "填报单位：县人社局职业技能鉴定中心",
            header,
        )
        n = 0
        for serial, c in enumerate(certificates, 1):
            if c[4].month in months:
                n += 1
                level = level_names[c[3]] if n % 3 else short_names[c[3]]
                sheet.append([n, c[0], c[1], c[2], level, f"S{year}1411{serial:05d}", c[4]])
    book.create_sheet("说明").append(["本表按证书逐条登记，一人多证逐条填写。"])
    save_book(book, out / "县人社局_技能人才台账.xlsx")


# ---------------------------------------------------------------- funds
def funds(out: Path, rng: random.Random, people: People, year: int) -> None:
    book = new_book()
    sheet = book.active
    assert sheet is not None
    sheet.title = "资金安排"
    titled_sheet(
        sheet,
        f"{year}年人才工作资金安排台账",
        "填报单位：县财政局",
        ["序号", "日期", "资金类别", "资金性质", "事项", "金额（万元）", "文号"],
    )
    allocations = [
        (
            "2023年3月15日",
            "招才引智专项资金",
            "预算安排",
            "招才引智专项资金（第一批）",
            "150",
            "中财预〔2023〕12号",
        ),
        (
            "2023年8月10日",
            "招才引智专项资金",
            "预算安排",
            "招才引智专项资金（第二批）",
            "72",
            "中财预〔2023〕57号",
        ),
        (
            "2023年2月20日",
            "财政专项资金",
            "预算安排",
            "人才工作财政专项资金",
            "320.5",
            "中财预〔2023〕8号",
        ),
        (
            "2023年9月1日",
            "财政专项资金",
            "预算安排",
            "人才工作财政专项资金（追加）",
            "280.59",
            "中财预〔2023〕66号",
        ),
    ]
    for n, row in enumerate(allocations, 1):
        sheet.append([n, *row])
    sheet.append(["合计", None, None, None, None, "823.09"])

    sheet = book.create_sheet("奖补发放")
    titled_sheet(
        sheet,
        "“汇聚青年力量 助力高质量发展”奖补发放台账",
        "填报单位：县委组织部人才办",
        ["序号", "发放日期", "资金名称", "类型", "摘要", "金额(元)", "领取人"],
    )
    amounts = [60000] * 6 + [30000] * 24 + [20000] * 40 + [14000] * 2 + [10000] * 4
    assert sum(amounts) == 1_948_000
    for n, amount in enumerate(amounts, 1):
        sheet.append(
            [
                n,
                dt.date(year, 10, 26),
                "人才奖补",
                "兑现",
                "引进人才奖补",
                f"{amount:,.2f}",
                people.name(),
            ]
        )
    sheet.append(["合计", None, None, None, None, f"{sum(amounts):,.2f}"])

    sheet = book.create_sheet("校地合作经费")
    titled_sheet(
        sheet,
        "校地合作经费申请台账",
        "填报单位：县科技局",
        ["日期", "资金类别", "资金性质", "事项", "金额（元）", "收款单位/个人"],
    )
    sheet.append(
        [
            dt.date(year, 11, 8),
            "校地合作经费",
            "申请",
            "腾宇-农大吕梁市木耳工程技术研究中心",
            1500000,
            "山西腾宇农业科技有限公司",
        ]
    )
    sheet.append(
        [
            dt.date(year, 11, 8),
            "校地合作经费",
            "申请",
            "中钢-北航冶金综合材料检测重点实验室",
            1300000,
            "中钢集团山西有限公司",
        ]
    )
    footer(sheet)
    save_book(book, out / "县财政局_人才资金台账.xlsx")


# ---------------------------------------------------------------- meals (3000+ elders)
def day_care_centres() -> list[tuple[str, str, str]]:
    """(town, name, type): 14 communities, 7 relocation sites and 68 villages (幸福小院)."""
    found = [(TOWNS[i % 2], f"{TOWNS[i % 2]}第{i + 1}社区幸福小院", "社区") for i in range(14)]
    found += [(TOWNS[i], f"{TOWNS[i]}移民安置点幸福小院", "移民安置点") for i in range(7)]
    found += [
        (TOWNS[i % len(TOWNS)], f"{TOWNS[i % len(TOWNS)]}{VILLAGES[i]}村幸福小院", "行政村")
        for i in range(68)
    ]
    return found


def centre_opened(number: int) -> dt.date:
    """When the `number`-th centre (from 1) opened: 2021 to 2023, spread over the year."""
    return dt.date(2021 + number % 3, 1 + number % 12, 1 + number % 28)


def meals(
    out: Path,
    rng: random.Random,
    people: People,
    year: int,
    elders_per_town: tuple[int, ...] = (620, 480, 410, 430, 390, 440, 356),
    open_by: int | None = None,
) -> None:
    """A row per elder and month; meals are served only at centres open by `open_by`."""
    centres: dict[str, list[str]] = {town: [] for town in TOWNS}
    for number, (town, name, _) in enumerate(day_care_centres(), 1):
        if open_by is None or centre_opened(number).year <= open_by:
            centres[town].append(name)
    rate = {
        "gov": 300,
        "collective": 200,
        "individual": 300,
        "children": 150,
        "society": 50,
    }  # fen a meal
    layouts = ("xlsx", "csv-gb18030", "xlsx", "csv-bom", "xlsx", "csv-gb18030", "xlsx")
    for t, town in enumerate(TOWNS):
        rows: list[tuple[dt.date, str, str, str, int]] = []
        for _ in range(elders_per_town[t]):
            born = people.born_between(1930, year - 61)
            name, number = people.name(), people.id_number(born)
            centre = rng.choice(centres[town])
            first, last = rng.randint(1, 6), rng.randint(9, 12)
            for month in range(first, last + 1):
                rows.append((dt.date(year, month, 1), centre, name, number, rng.randint(15, 31)))
            if last == 12 and rng.random() < 0.04:
                rows.append((dt.date(year + 1, 1, 1), centre, name, number, rng.randint(15, 31)))
        rows.sort(key=lambda r: (r[1], r[0], r[3]))
        _write_meals(out, town, year, layouts[t], rows, rate)


VILLAGES = (
    "郝家岭",
    "西坡",
    "东庄",
    "南沟",
    "北塔",
    "上顶",
    "下湾",
    "前进",
    "红旗",
    "枣林",
    "柏洼",
    "车鸣",
    "刘家坪",
    "张家沟",
    "李家湾",
    "王家庄",
    "赵家峁",
    "高家坡",
    "马家塔",
    "白家山",
    "贺家岭",
    "薛家沟",
    "武家庄",
    "暖泉",
    "弓阳",
    "阳坡",
    "杨家坡",
    "石门",
    "下枣林",
    "上枣林",
    "宋家",
    "段家",
    "田家",
    "任家",
    "曹家",
    "崔家",
    "吴家",
    "冯家",
    "郭家",
    "邢家",
    "陈家",
    "苏家",
    "范家",
    "韩家",
    "侯家",
    "霍家",
    "吕家",
    "孙家",
    "唐家",
    "汪家",
    "温家",
    "席家",
    "闫家",
    "姚家",
    "于家",
    "袁家",
    "岳家",
    "翟家",
    "郑家",
    "周家",
    "朱家",
    "庄头",
    "坪上",
    "沟底",
    "峁上",
    "塔上",
    "岭后",
    "河畔",
)


def _write_meals(
    out: Path,
    town: str,
    year: int,
    layout: str,
    rows: list[tuple[dt.date, str, str, str, int]],
    rate: dict[str, int],
) -> None:
    def money(fen: int) -> str:
        return f"{fen / 100:.2f}" if fen % 100 else str(fen // 100)

    if layout.startswith("csv"):
        # townships keying months as text and the 五个一点 headers from the policy
        table: list[list[object]] = [
            [
                "月份",
                "幸福小院",
                "老人姓名",
                "身份证号码",
                "就餐人次",
                "政府补一点",
                "集体补一点",
                "个人出一点",
                "子女交一点",
                "社会捐一点",
            ]
        ]
        for date, centre, name, number, count in rows:
            month = (
                f"{date.year}-{date.month:02d}"
                if layout == "csv-bom"
                else f"{date.year}年{date.month}月"
            )
            table.append(
                [month, centre, name, number, count, *(money(count * r) for r in rate.values())]
            )
        encoding = "utf-8-sig" if layout == "csv-bom" else "gb18030"
        write_csv(out / f"{town}_养老助餐台账.csv", table, encoding)
        return
    book = new_book()
    sheet = book.active
    assert sheet is not None
    sheet.title = "助餐台账"
    header = [
        "序号",
        "日期",
        "服务点",
        "姓名",
        "身份证号",
        "就餐次数",
        "政府补贴",
        "集体补贴",
        "个人支付",
        "子女支付",
        "社会捐赠",
    ]
    titled_sheet(
        sheet, f"{town}{year}年“千万养怡”养老助餐台账", f"填报单位：{town}人民政府", header
    )
    sums = [0] * 6
    for n, (date, centre, name, number, count) in enumerate(rows, 1):
        fen = [count * r for r in rate.values()]
        sheet.append([n, date, centre, name, number, count, *(f / 100 for f in fen)])
        sheet.cell(row=sheet.max_row, column=2).number_format = "yyyy-mm"
        sums = [a + b for a, b in zip(sums, [count, *fen], strict=True)]
    sheet.append(["合计", None, None, None, None, sums[0], *(f / 100 for f in sums[1:])])
    footer(sheet)
    save_book(book, out / f"{town}_养老助餐台账.xlsx")


def build(out: Path) -> None:
    year = 2023
    rng = random.Random(20231231)
    people = People(rng)
    target = out / str(year)
    hires(target, rng, people, year)
    training(target, rng, year)
    skills(target, rng, people, year)
    funds(target, rng, people, year)
    meals(target, rng, people, year)
    from sample_article_ledgers import build_article_ledgers  # the article's other ledgers

    build_article_ledgers(out, rng, people, year)
    from sample_2022 import build_2022  # the year before, for `zytalent compare`

    build_2022(out)


if __name__ == "__main__":
    build(
        Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent / "data"
    )
