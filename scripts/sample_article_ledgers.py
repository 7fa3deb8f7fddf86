"""The article's other ledgers for the sample data (see make_sample_data.py).

Where the article is vague the data holds a definite value that fits, pinned by
tests/test_sample_data.py: 十余所 → 11 institutions, 60余种 → 62 kinds, 100余万元 →
1,036,580.00 元, 300余人次 → 312, 180余人次 → 186, 10余项 → 12, 两万余元 → 20,600 元,
40余名 → 42.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from make_sample_data import (
    TOWNS,
    People,
    centre_opened,
    day_care_centres,
    footer,
    new_book,
    save_book,
    titled_sheet,
    write_csv,
)

from zytalent.cells.identifiers import USCC_ALPHABET, uscc_check_char

UNIVERSITIES = (
    "北京航空航天大学",
    "山西省社会科学院",
    "兰州大学",
    "上海财经大学",
    "华南理工大学",
    "中国矿业大学",
    "北京科技大学",
    "山西农业大学",
    "北京理工大学",
    "大连海事大学",
    "太原理工大学",
)


def credit_code(rng: random.Random) -> str:
    body = "91141129" + "".join(rng.choice(USCC_ALPHABET) for _ in range(9))
    return body + uscc_check_char(body)


def mobile(rng: random.Random) -> str:
    return f"1{rng.choice('3456789')}{rng.randrange(10**9):09d}"


def sheet_of(book, title: str):  # type: ignore[no-untyped-def]
    sheet = book.active
    sheet.title = title
    return sheet


def flexible(out: Path, rng: random.Random, people: People, year: int) -> None:
    book = new_book()
    sheet = sheet_of(book, "柔性引才")
    header = [
        "序号",
        "姓名",
        "学历",
        "所在单位",
        "引才平台",
        "服务单位",
        "所属团队",
        "引进方式",
        "开始日期",
    ]
    titled_sheet(sheet, f"中阳县{year}年柔性引才台账", "填报单位：县委组织部人才办", header)
    rows = [
        [
            people.name(),
            "博士研究生",
            "山西农业大学",
            "博士创新站",
            "心言生物科技有限公司",
            "",
            "入站工作",
            dt.date(year, 5, 8),
        ]
        for _ in range(6)
    ]
    departments = (
        "心血管内科",
        "呼吸内科",
        "消化内科",
        "神经内科",
        "内分泌科",
        "肾内科",
        "普外科",
        "骨科",
        "泌尿外科",
        "妇产科",
        "儿科",
        "眼科",
        "耳鼻喉科",
        "麻醉科",
        "影像科",
        "检验科",
    )
    hospitals = ("山西医科大学第一医院", "山西医科大学第二医院", "山西省人民医院", "吕梁市人民医院")
    for t, department in enumerate(departments):  # 16 teams, 46 experts, 16 doctorates
        for member in range(3 if t < 14 else 2):
            degree = "博士研究生" if member == 0 else rng.choice(("硕士研究生", "大学本科"))
            rows.append(
                [
                    people.name(),
                    degree,
                    hospitals[t % 4],
                    "医疗卫生博士服务站",
                    "中阳县人民医院",
                    f"{department}专家团队",
                    rng.choice(("技术顾问", "短期聘用", "兼职")),
                    dt.date(year, 7, 18),
                ]
            )
    for n, row in enumerate(rows, 1):
        sheet.append([n, *row])
    footer(sheet)
    save_book(book, out / "县委组织部_柔性引才台账.xlsx")


def diaspora(out: Path, rng: random.Random, people: People, year: int) -> None:
    rows: list[list[object]] = [["姓名", "籍贯", "现工作单位", "职务职称", "手机号", "入库日期"]]
    titles = ("教授", "副教授", "研究员", "高级工程师", "主任医师", "总经理", "处长")
    for i in range(33):  # 20 entered in the first year of the pool, 13 in this one
        entered = dt.date(year - 1, 6, 1) if i < 20 else dt.date(year, 3 + i % 8, 10)
        rows.append(
            [
                people.name(),
                f"中阳县{rng.choice(TOWNS)}",
                rng.choice(
                    (
                        "北京航空航天大学",
                        "山西大学",
                        "太原钢铁集团",
                        "中国科学院",
                        "上海交通大学医学院",
                        "深圳某科技公司",
                    )
                ),
                rng.choice(titles),
                mobile(rng),
                entered.isoformat(),
            ]
        )
    write_csv(out / "县委组织部_在外人才库.csv", rows, "gb18030")


def contests(out: Path, rng: random.Random, year: int, editions: int = 4) -> None:
    """All editions held up to `year` (the ledger is kept across years)."""
    book = new_book()
    sheet = sheet_of(book, "技能大赛")
    titled_sheet(
        sheet,
        "中阳县县级职业技能大赛台账（历届）",
        "填报单位：县人社局",
        ["届次", "比赛日期", "比赛项目", "参赛人数", "市赛获奖人数"],
    )
    first = year - editions + 1
    plan = (
        (1, first, 12, 122, 9),
        (2, first + 1, 16, 198, 13),
        (3, first + 2, 20, 276, 16),
        (4, first + 3, 24, 371, 22),
    )[:editions]
    for edition, when, events, participants, awards in plan:
        counts = [participants // events] * events
        counts[0] += participants - sum(counts)
        prizes = [awards // events] * events
        for i in range(awards - sum(prizes)):
            prizes[i] += 1
        for e in range(events):
            sheet.append(
                [edition, dt.date(when, 9, 20), f"第{edition}届·项目{e + 1}", counts[e], prizes[e]]
            )
    save_book(book, out / "县人社局_职业技能大赛台账.xlsx")


def cooperation(out: Path, rng: random.Random, year: int) -> None:
    d = dt.date
    rows: list[list[object]] = []

    def add(
        institution: str,
        project: str,
        kind: str,
        when: dt.date,
        level: str = "",
        amount: object = None,
        count: object = None,
    ) -> None:
        rows.append([institution, project, kind, level, when, amount, count])

    for i, name in enumerate(UNIVERSITIES):
        add(name, "战略合作协议", "合作关系", d(year, 2 + i % 9, 6))
    add("山西农业大学", "中阳木耳省级技术中心", "技术中心", d(year, 4, 12), "省级")
    add("北京航空航天大学", "吕梁市冶金材料检测研发中心", "研发中心", d(year, 5, 9), "市级")
    for i, name in enumerate(("北京航空航天大学", "中国矿业大学", "山西农业大学", "太原理工大学")):
        add(name, f"产教融合平台{i + 1}", "产教融合平台", d(year, 6, 1 + i))
    for i, name in enumerate(("中国矿业大学", "北京科技大学", "北京航空航天大学", "北京理工大学")):
        add(name, "县委书记走访", "走访高校", d(year, 3, 20 + i))
    signers = (
        "北京航空航天大学",
        "中国矿业大学",
        "北京科技大学",
        "山西农业大学",
        "北京理工大学",
        "太原理工大学",
        "兰州大学",
        "上海财经大学",
        "大连海事大学",
    )
    for i in range(16):  # 16 projects with 9 universities, 2 of them alumni projects
        kind = "校友招商引才项目" if i < 2 else "签约项目"
        add(signers[i % 9], f"校地合作项目{i + 1}", kind, d(year, 4 + i % 8, 15))
    add(
        "北京航空航天大学",
        "枣夹核桃、剪纸文创等农特产品展销",
        "农特产品展销",
        d(year, 6, 18),
        amount="612300.00",
        count=35,
    )
    add(
        "北京理工大学", "农特产品展销", "农特产品展销", d(year, 11, 3), amount="424280.00", count=27
    )
    for route, visitors in (
        ("红色教育研学路线", 120),
        ("国情教育研学路线", 108),
        ("民俗文化体验研学路线", 84),
    ):
        add("北京航空航天大学", route, "研学路线", d(year, 7, 1), count=visitors)
    add("中阳职业中学", "标准化实习基地", "实习基地", d(year, 5, 20))
    for i in range(11):
        add(
            rng.choice(UNIVERSITIES),
            f"大学生实践团队{i + 1}",
            "实践团队",
            d(year, 7, 5 + i),
            count=17 if i else 16,
        )
    for i in range(5):
        add(
            "山西省社会科学院",
            "以县城为重要载体的城镇化研究" if i == 0 else f"合作课题{i + 1}",
            "合作课题",
            d(year, 8, 1 + i),
        )
    for i in range(11):
        add(
            ("上海财经大学", "北京航空航天大学", "华南理工大学")[i % 3],
            f"专家讲座{i + 1}",
            "专家讲座",
            d(year, 3 + i % 9, 12),
        )
    for i in range(6):
        add(
            "兰州大学",
            ("纸短情长书信交流", "共建书香家园")[i % 2] + f"（{i + 1}）",
            "交流互访",
            d(year, 4 + i, 22),
        )
    add("北京航空航天大学", "北航护工新增就业", "护工就业", d(year, 12, 20), count=44)
    book = new_book()
    sheet = sheet_of(book, "校地合作")
    titled_sheet(
        sheet,
        f"中阳县{year}年校地合作台账",
        "填报单位：县科技局",
        ["序号", "合作院校", "项目名称", "合作类型", "级别", "日期", "金额（元）", "人数或数量"],
    )
    for n, row in enumerate(rows, 1):
        sheet.append([n, *row])
    save_book(book, out / "县科技局_校地合作台账.xlsx")


def housing(out: Path, rng: random.Random, people: People, year: int) -> None:
    book = new_book()
    sheet = sheet_of(book, "人才公寓")
    titled_sheet(
        sheet,
        f"{year}年人才公寓分配台账",
        "填报单位：县住建局",
        ["序号", "姓名", "工作单位", "房号", "分配日期", "批次"],
    )
    for n in range(38):  # April: 20 flats, September: 18
        batch = 1 if n < 20 else 2
        when = dt.date(year, 4, 18) if batch == 1 else dt.date(year, 9, 12)
        sheet.append(
            [
                n + 1,
                people.name(),
                rng.choice(("县人民医院", "县第一中学", "县委党校", "县发改局")),
                f"{1 + n // 12}号楼{(n % 12) // 4 + 1}0{n % 4 + 1}",
                when,
                batch,
            ]
        )
    save_book(book, out / "县住建局_人才公寓台账.xlsx")


def services(out: Path, year: int) -> None:
    rows: list[list[object]] = [["日期", "服务类别", "事项", "数量"]]
    for month, count in ((5, 25), (6, 25), (8, 20)):
        rows.append([f"{year}-{month:02d}-15", "体检", "市内重点医院免费体检", count])
    matters = (
        "家电维修",
        "漏水维修",
        "断电抢修",
        "车牌录入",
        "水电开户",
        "宽带安装",
        "门锁更换",
        "暖气维修",
        "燃气开户",
        "子女入学咨询",
        "配偶就业咨询",
        "落户办理",
    )
    for i, matter in enumerate(matters):
        rows.append([f"{year}-{4 + i % 8:02d}-{10 + i}", "关键小事", matter, 1])
    media = ("吕梁共产党员", "吕梁日报", "中阳融媒")
    for i in range(15):
        rows.append(
            [
                f"{year}-{1 + i % 12:02d}-20",
                "宣传报道",
                f"{media[i % 3]}：专家人才爱国奋斗风采篇（{i + 1}）",
                1,
            ]
        )
    write_csv(out / "县委组织部_人才服务台账.csv", rows, "utf-8-sig")


def care_centres(out: Path, year: int, opened_by: int | None = None) -> None:
    """The centres, each with the date it opened; `opened_by` keeps those open by then."""
    book = new_book()
    sheet = sheet_of(book, "幸福小院")
    titled_sheet(
        sheet,
        "中阳县日间照料中心（幸福小院）台账",
        "填报单位：县民政局",
        ["序号", "名称", "乡镇", "类型", "建成日期"],
    )
    kept = 0
    for n, (town, name, kind) in enumerate(day_care_centres(), 1):
        opened = centre_opened(n)
        if opened_by is None or opened.year <= opened_by:
            kept += 1
            sheet.append([kept, name, town, kind, opened])
    save_book(book, out / "县民政局_日间照料中心台账.xlsx")


def care_workers(out: Path, rng: random.Random, people: People, year: int) -> None:
    names = [name for _, name, _ in day_care_centres()]
    book = new_book()
    sheet = sheet_of(book, "公益岗")
    titled_sheet(
        sheet,
        f"{year}年养老护理员公益岗台账",
        "填报单位：县民政局",
        ["序号", "姓名", "身份证号", "户类型", "服务点", "上岗日期"],
    )
    households = ["脱贫户"] * 104 + ["监测户"] * 46 + ["其他"] * 3
    for n, household in enumerate(households, 1):
        born = people.born_between(1966, 1985)
        sheet.append(
            [
                n,
                people.name(),
                people.id_number(born),
                household,
                names[n % len(names)],
                dt.date(year, 1 + n % 11, 1),
            ]
        )
    save_book(book, out / "县民政局_养老公益岗台账.xlsx")


def donations(out: Path, rng: random.Random, year: int) -> None:
    donors = ["中阳县工商联", "中阳县昌达汽贸联合党支部"] + [
        f"郝家岭村{k}"
        for k in (
            "养殖合作社",
            "宏达物流有限公司",
            "顺通物流有限公司",
            "绿源养殖场",
            "福鑫养殖厂",
            "丰盛农牧有限公司",
            "兴旺养殖专业合作社",
            "通达运输有限公司",
            "金穗农业有限公司",
            "康源食品有限公司",
            "鑫源商贸有限公司",
            "惠民超市",
        )
    ]
    values = [2000, 1800] + [1400] * 12  # 20,600 元: "价值两万余元"
    book = new_book()
    sheet = sheet_of(book, "捐赠")
    titled_sheet(
        sheet,
        f"{year + 1}年1月“千万养怡·幸福助老”捐赠台账",
        "填报单位：县民政局",
        ["序号", "捐赠日期", "捐赠单位", "统一社会信用代码", "受赠单位", "捐赠物资", "价值（元）"],
    )
    n = 0
    for donor, value in zip(donors, values, strict=True):
        n += 1
        code = credit_code(rng) if "有限公司" in donor else ""
        sheet.append(
            [n, dt.date(year + 1, 1, 20), donor, code, "宁乡镇郝家岭村", "米、面、油", value]
        )
    for donor, value in (("汾西中泰煤业有限公司", 12000), ("吕梁鑫盛元能源科技有限公司", 8000)):
        n += 1
        sheet.append(
            [
                n,
                dt.date(year + 1, 1, 21),
                donor,
                credit_code(rng),
                "武家庄镇",
                "大米、白面、食用油、调味品",
                value,
            ]
        )
    footer(sheet)
    save_book(book, out / "县民政局_捐赠台账.xlsx")


def build_article_ledgers(root: Path, rng: random.Random, people: People, year: int) -> None:
    out = root / str(year)
    flexible(out, rng, people, year)
    diaspora(out, rng, people, year)
    contests(out, rng, year)
    cooperation(out, rng, year)
    housing(out, rng, people, year)
    services(out, year)
    care_centres(out, year)
    care_workers(out, rng, people, year)
    donations(root / str(year + 1), rng, year)
