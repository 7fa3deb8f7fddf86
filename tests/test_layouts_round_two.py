"""Layout invariance, round two: the same records as departments really send them (a 汇总
sheet before one sheet per township, a Word table, an HTML table saved as .xls, …) give
the same figures as the plain layout, and what is not counted is said."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from docx import Document
from helpers import HIRES_HEADER, TODAY, hire, make_id, write_csv, write_xlsx

from zytalent.load import load
from zytalent.summary import summarize

TRAINING_HEADER = ["培训项目", "培训类别", "开始日期", "结束日期", "培训人次"]
TOWNS = ("宁乡镇", "枝柯镇", "金罗镇")
# (town, program, category, start, end, trainees)
CLASSES = [
    ("宁乡镇", "电商培训一期", "创业就业", "2023-03-01", "2023-03-05", 50),
    ("宁乡镇", "电商培训二期", "创业就业", "2023-04-01", "2023-04-05", 48),
    ("宁乡镇", "厨师培训", "职业技能", "2023-05-10", "2023-05-20", 60),
    ("枝柯镇", "月嫂培训", "劳务品牌", "2023-06-01", "2023-06-10", 70),
    ("枝柯镇", "焊工培训", "职业技能", "2023-07-01", "2023-07-15", 55),
    ("枝柯镇", "乡村振兴讲堂", "乡村振兴", "2023-08-01", "2023-08-02", 66),
    ("金罗镇", "育婴员培训", "劳务品牌", "2023-09-01", "2023-09-09", 45),
    ("金罗镇", "电工培训", "职业技能", "2023-10-01", "2023-10-12", 52),
    ("金罗镇", "直播带货", "创业就业", "2023-11-01", "2023-11-03", 58),
    ("金罗镇", "果树修剪", "乡村振兴", "2023-12-01", "2023-12-02", 60),
]
assert sum(c[-1] for c in CLASSES) == 564


def training_figures(*paths: Path) -> dict[str, object]:
    result = summarize(2023, paths, today=TODAY).to_dict()
    assert not result["blocked"], result["report"]["findings"]
    return {k: v for k, v in result["figures"].items() if k.startswith("training")}


def plain_training(folder: Path) -> Path:
    rows = [TRAINING_HEADER, *[list(c[1:]) for c in CLASSES]]
    return write_csv(folder / "plain.csv", rows)


@pytest.fixture
def baseline(tmp_path: Path) -> dict[str, object]:
    plain = tmp_path / "plain"
    plain.mkdir()
    figures = training_figures(plain_training(plain))
    assert figures["training.classes"] == 10
    assert figures["training.trainees"] == 564
    return figures


def summary_workbook(path: Path, *, summary_rows: list[list[object]] | None = None) -> Path:
    """A 汇总 sheet first (with a 乡镇 column and a 总计 row), then one sheet per township."""
    header = ["乡镇", *TRAINING_HEADER]
    rows = summary_rows or [[c[0], *c[1:]] for c in CLASSES]
    total = sum(int(r[-1]) for r in rows)  # type: ignore[call-overload]
    sheets: dict[str, list[list[object]]] = {
        "汇总": [["2023年各乡镇职业技能培训汇总表"], header, *rows, ["总计", "", "", "", "", total]]
    }
    for town in TOWNS:
        sheets[town] = [
            [f"{town}2023年培训台账"],
            TRAINING_HEADER,
            *[list(c[1:]) for c in CLASSES if c[0] == town],
        ]
    return write_xlsx(path, sheets)


def codes(path: Path) -> list[tuple[str, str, str | None]]:
    loaded = load([path], today=TODAY, year=2023)
    return [(f.severity, f.code, f.sheet) for f in loaded.findings.sorted()]


def test_a_summary_sheet_is_not_counted_twice(tmp_path: Path, baseline: dict[str, object]) -> None:
    book = summary_workbook(tmp_path / "乡镇培训.xlsx")
    assert training_figures(book) == baseline
    loaded = load([book], today=TODAY, year=2023)
    summary = [f for f in loaded.findings.items if f.code == "sheet_summary"]
    assert len(summary) == 1
    assert summary[0].sheet == "汇总"
    message = summary[0].message
    assert all(town in message for town in TOWNS)
    assert "逐条一致" in message
    assert not [f for f in loaded.findings.items if f.code == "duplicate_row"]


def test_a_summary_that_disagrees_names_each_difference(tmp_path: Path) -> None:
    rows = [[c[0], *c[1:]] for c in CLASSES]
    rows[4][-1] = 99  # 焊工培训 says 99 in the summary, 55 in 枝柯镇's sheet
    book = summary_workbook(tmp_path / "乡镇培训.xlsx", summary_rows=rows)
    figures = training_figures(book)
    assert figures["training.trainees"] == 564  # the parts count, not the summary
    found = codes(book)
    assert ("warning", "sheet_summary", "汇总") in found
    assert ("warning", "summary_row_unmatched", "汇总") in found
    assert ("warning", "summary_row_missing", "枝柯镇") in found
    loaded = load([book], today=TODAY, year=2023)
    (summary,) = [f for f in loaded.findings.items if f.code == "sheet_summary"]
    assert "不一致" in summary.message


def test_only_the_summary_is_counted_when_it_is_alone(
    tmp_path: Path, baseline: dict[str, object]
) -> None:
    header = ["乡镇", *TRAINING_HEADER]
    book = write_xlsx(
        tmp_path / "汇总.xlsx",
        {"汇总": [["2023年培训汇总"], header, *[[c[0], *c[1:]] for c in CLASSES]]},
    )
    assert training_figures(book) == baseline
    assert "sheet_summary" not in {code for _, code, _ in codes(book)}


def test_a_summary_file_beside_the_townships_files(
    tmp_path: Path, baseline: dict[str, object]
) -> None:
    folder = tmp_path / "收到的台账"
    folder.mkdir()
    for town in TOWNS:
        write_csv(
            folder / f"{town}培训.csv",
            [TRAINING_HEADER, *[list(c[1:]) for c in CLASSES if c[0] == town]],
        )
    write_csv(
        folder / "全县培训汇总.csv", [["乡镇", *TRAINING_HEADER], *[list(c) for c in CLASSES]]
    )
    assert training_figures(folder) == baseline
    loaded = load([folder], today=TODAY, year=2023)
    (summary,) = [f for f in loaded.findings.items if f.code == "sheet_summary"]
    assert summary.file is not None and summary.file.endswith("全县培训汇总.csv")


def test_a_copy_of_a_sheet_is_not_counted_twice(
    tmp_path: Path, baseline: dict[str, object]
) -> None:
    rows = [TRAINING_HEADER, *[list(c[1:]) for c in CLASSES]]
    book = write_xlsx(tmp_path / "培训.xlsx", {"Sheet1": rows, "Sheet1 (2)": rows})
    assert training_figures(book) == baseline
    found = codes(book)
    assert ("warning", "sheet_summary", "Sheet1 (2)") in found


def test_rows_repeated_across_sheets_say_the_figures_count_them_twice(tmp_path: Path) -> None:
    first = [TRAINING_HEADER, *[list(c[1:]) for c in CLASSES[:5]]]
    second = [TRAINING_HEADER, *[list(c[1:]) for c in CLASSES[4:]]]  # 焊工培训 in both
    book = write_xlsx(tmp_path / "培训.xlsx", {"上半年": first, "下半年": second})
    loaded = load([book], today=TODAY, year=2023)
    (repeat,) = [f for f in loaded.findings.items if f.code == "duplicate_row"]
    assert "都已计入统计数" in repeat.message
    assert "sheet_summary" not in {f.code for f in loaded.findings.items}


HIRES = [hire(n, i) for i, n in enumerate(["张三", "李四", "王五", "赵六"], 1)]


def hires_figures(*paths: Path) -> dict[str, object]:
    result = summarize(2023, paths, today=TODAY).to_dict()
    assert not result["blocked"], result["report"]["findings"]
    return {k: v for k, v in result["figures"].items() if k.startswith("hires.")}


def word_table(
    path: Path, rows: list[list[object]], title: str | None = None, merge: int | None = None
) -> Path:
    document = Document()
    document.add_paragraph("说明：本表由县直单位填报。")
    if title:
        document.add_paragraph(title)
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = "" if value is None else str(value)
    if merge is not None:  # a column merged down over every record, as Word users do
        merged = table.cell(1, merge).merge(table.cell(len(rows) - 1, merge))
        merged.text = str(rows[1][merge])
    document.save(str(path))
    return path


def test_a_word_table_is_read_like_a_sheet(tmp_path: Path) -> None:
    plain = write_csv(tmp_path / "plain.csv", [HIRES_HEADER, *HIRES])
    expected = hires_figures(plain)
    assert expected["hires.total"] == 4
    word = word_table(
        tmp_path / "引进人才.docx", [HIRES_HEADER, *HIRES], "2023年引进人才台账", merge=3
    )
    assert hires_figures(word) == expected
    loaded = load([word], today=TODAY)
    assert [(s.sheet, s.kind, s.records) for s in loaded.files[0].sheets] == [("表1", "hires", 4)]
    assert loaded.frames["hires"]["employer"].tolist() == ["县委办"] * 4


def test_a_word_table_beside_a_workbook_is_counted(tmp_path: Path) -> None:
    folder = tmp_path / "收到"
    folder.mkdir()
    write_xlsx(folder / "县直.xlsx", {"Sheet1": [HIRES_HEADER, HIRES[0], HIRES[1]]})
    word_table(folder / "乡镇.docx", [HIRES_HEADER, HIRES[2], HIRES[3]])
    assert hires_figures(folder)["hires.total"] == 4


def test_the_title_above_a_word_table_gives_the_month(tmp_path: Path) -> None:
    elder = make_id(dt.date(1950, 3, 1), 11)
    rows = [["服务点", "姓名", "身份证号", "就餐次数"], ["幸福小院", "王大妈", elder, "20"]]
    word = word_table(tmp_path / "助餐.docx", rows, "2023年3月助餐情况")
    loaded = load([word], today=TODAY)
    assert [str(d.date()) for d in loaded.frames["meals"]["period"]] == ["2023-03-01"]
    assert "period_from_sheet" in {f.code for f in loaded.findings.items}


def html_export(rows: list[list[object]], *, charset: str = "gbk") -> bytes:
    head = f"<html><head><meta http-equiv='Content-Type' content='text/html; charset={charset}'>"
    cells = "".join(
        "<tr>" + "".join(f"<td>{value}</td>" for value in row) + "</tr>" for row in rows
    )
    page = (
        f"{head}<script>fetch('http://example.invalid/x')</script></head><body>"
        f"<table border=1><tr><td colspan={len(rows[0])}>2023年引进人才台账</td></tr>"
        f"{cells}</table></body></html>"
    )
    return page.encode(charset)


@pytest.mark.parametrize("charset", ["gbk", "utf-8"])
def test_an_html_table_saved_as_xls_is_read(tmp_path: Path, charset: str) -> None:
    plain = write_csv(tmp_path / "plain.csv", [HIRES_HEADER, *HIRES])
    export = tmp_path / "导出.xls"
    export.write_bytes(html_export([HIRES_HEADER, *HIRES], charset=charset))
    assert hires_figures(export) == hires_figures(plain)


def test_tab_separated_text_saved_as_xls_is_read(tmp_path: Path) -> None:
    plain = write_csv(tmp_path / "plain.csv", [HIRES_HEADER, *HIRES])
    export = tmp_path / "导出.xls"
    text = "\n".join("\t".join(str(v) for v in row) for row in [HIRES_HEADER, *HIRES])
    export.write_bytes(text.encode("gb18030"))
    assert hires_figures(export) == hires_figures(plain)


def test_rowspan_and_colspan_fill_every_cell_they_cover(tmp_path: Path) -> None:
    header = "".join(f"<th>{h}</th>" for h in HIRES_HEADER)
    first = "".join(f"<td>{v}</td>" for v in HIRES[0][:3])
    first += f"<td rowspan=2>{HIRES[0][3]}</td><td>县直</td><td>2023-03-15</td>"
    second = "".join(f"<td>{v}</td>" for v in HIRES[1][:3]) + "<td>县直</td><td>2023-03-15</td>"
    export = tmp_path / "x.xls"
    export.write_text(
        f"<table><tr>{header}</tr><tr>{first}</tr><tr>{second}</tr></table>", encoding="utf-8"
    )
    loaded = load([export], today=TODAY)
    assert loaded.frames["hires"]["employer"].tolist() == ["县委办", "县委办"]


@pytest.mark.parametrize("suffix", [".doc", ".wps", ".pdf"])
def test_formats_that_cannot_be_read_are_a_warning_not_a_note(tmp_path: Path, suffix: str) -> None:
    write_csv(tmp_path / "a.csv", [HIRES_HEADER, HIRES[0]])
    (tmp_path / f"乡镇{suffix}").write_bytes(b"\xd0\xcf\x11\xe0 something")
    loaded = load([tmp_path], today=TODAY)
    found = [(f.severity, f.code) for f in loaded.findings.items]
    assert found == [("warning", "file_save_as")]
    assert "另存为 .xlsx 或 .docx" in loaded.findings.items[0].message


def test_a_word_letter_beside_the_ledgers_is_a_note(tmp_path: Path) -> None:
    write_csv(tmp_path / "a.csv", [HIRES_HEADER, HIRES[0]])
    letter = Document()
    letter.add_paragraph("关于报送2023年引进人才台账的说明")
    letter.save(str(tmp_path / "说明.docx"))
    loaded = load([tmp_path], today=TODAY)
    assert [(f.severity, f.code) for f in loaded.findings.items] == [("info", "document_no_ledger")]
    assert loaded.records == 1


def test_meal_figures_of_a_column_no_ledger_has_are_absent_not_zero(tmp_path: Path) -> None:
    elder = make_id(dt.date(1950, 3, 1), 11)
    meals = write_csv(
        tmp_path / "助餐.csv",
        [
            ["日期", "服务点", "姓名", "身份证号", "就餐次数"],
            ["2023-03", "幸福小院", "王大妈", elder, 20],
        ],
    )
    figures = summarize(2023, [meals], today=TODAY).to_dict()["figures"]
    assert figures == {"meals.elders": 1, "meals.meals": 20, "meals.centers": 1}
    from zytalent.explain import explain

    result = explain("meals.funding.gov", 2023, [meals], today=TODAY)
    assert not result.available
    assert result.to_dict()["missing_column"] == "政府补贴"


@pytest.mark.parametrize(
    "numbers",
    [
        ["甲", "乙", "丙", "1", "2"],
        ["（1）", "（2）", "（3）", "（4）", "（5）"],
        ["栏次", "1", "2", "3", "4"],
        [1, 2, 3, 4, 5],
    ],
)
def test_a_row_numbering_the_columns_is_skipped_with_a_note(
    tmp_path: Path, baseline: dict[str, object], numbers: list[object]
) -> None:
    rows = [TRAINING_HEADER, numbers, *[list(c[1:]) for c in CLASSES]]
    book = write_xlsx(tmp_path / "培训.xlsx", {"s": [["2023年培训情况"], *rows]})
    assert training_figures(book) == baseline
    assert codes(book) == [("info", "rows_column_numbers", "s")]


def test_a_total_under_the_header_covers_the_rows_below(
    tmp_path: Path, baseline: dict[str, object]
) -> None:
    total = ["合计", "", "", "", 564]
    book = write_xlsx(
        tmp_path / "培训.xlsx", {"s": [TRAINING_HEADER, total, *[list(c[1:]) for c in CLASSES]]}
    )
    assert training_figures(book) == baseline
    assert codes(book) == []
    total[-1] = 565
    wrong = write_xlsx(
        tmp_path / "错.xlsx", {"s": [TRAINING_HEADER, total, *[list(c[1:]) for c in CLASSES]]}
    )
    (finding,) = load([wrong], today=TODAY).findings.items
    assert finding.code == "total_mismatch" and finding.row == 2
    assert "各行相加为 564" in finding.message


def test_a_total_in_wan_yuan_is_said_in_wan_yuan(tmp_path: Path) -> None:
    elder = make_id(dt.date(1950, 3, 1), 11)
    header = ["日期", "服务点", "姓名", "身份证号", "就餐次数", "政府补贴（万元）"]
    rows = [
        header,
        ["2023-03", "幸福小院", "王大妈", elder, 20, "800.00"],
        ["2023-04", "幸福小院", "王大妈", elder, 20, "23.09"],
        ["合计", None, None, None, 40, "832.09"],
    ]
    (finding,) = load([write_xlsx(tmp_path / "m.xlsx", {"s": rows})], today=TODAY).findings.items
    assert finding.message == "合计行写的是 832.09 万元，各行相加为 823.09 万元，请核对。"


def test_a_count_of_people_in_a_text_column_is_compared(tmp_path: Path) -> None:
    hires = [hire(f"张{i}", i) for i in range(1, 25)]
    wrong = write_xlsx(tmp_path / "h.xlsx", {"s": [HIRES_HEADER, *hires, ["合计", "25人"]]})
    (finding,) = load([wrong], today=TODAY).findings.items
    assert finding.code == "total_count_mismatch" and "实有记录 24 条" in finding.message
    right = write_xlsx(tmp_path / "r.xlsx", {"s": [HIRES_HEADER, *hires, ["合计", "24人"]]})
    assert load([right], today=TODAY).findings.items == []


def test_a_date_after_today_is_an_error_and_the_title_names_the_year(tmp_path: Path) -> None:
    rows = [
        ["2023年引进人才台账"],
        HIRES_HEADER,
        hire("张三", 1, date="2027-03-01"),
        hire("李四", 2, date="2022-12-01"),
        hire("王五", 3),
    ]
    found = load([write_xlsx(tmp_path / "h.xlsx", {"s": rows})], today=TODAY).findings.sorted()
    assert [(f.severity, f.code, f.row) for f in found] == [
        ("error", "date_in_future", 3),
        ("warning", "outside_year", 4),
    ]


def test_a_canteen_export_of_one_row_per_meal(tmp_path: Path) -> None:
    elders = [make_id(dt.date(1950, 3, 1), i) for i in range(1, 4)]
    served = [
        [f"2023-03-{day:02d}", meal, "幸福小院", f"老人{i}", elders[i]]
        for day in range(1, 11)
        for i in range(3)
        for meal in ("早餐", "午餐")
    ]
    header = ["就餐日期", "餐次", "服务点", "姓名", "身份证号"]
    plain = write_csv(tmp_path / "a.csv", [[*header, "份数"], *[[*r, 1] for r in served]])
    bare = write_csv(tmp_path / "b.csv", [header, *served])
    for path in (plain, bare):
        summary = summarize(2023, [path], today=TODAY)
        assert summary.values == {"meals.elders": 3, "meals.meals": 60, "meals.centers": 1}
        found = {f.code for f in summary.loaded.findings.items}
        assert "duplicate_row" not in found and "columns_unused" not in found
    assert [f.code for f in load([bare], today=TODAY).findings.items] == ["count_one_per_row"]


def test_two_tables_stacked_in_one_sheet(tmp_path: Path) -> None:
    plain = write_csv(tmp_path / "plain.csv", [HIRES_HEADER, *HIRES])
    rows = [
        ["2023年县直单位引进人才台账"],
        HIRES_HEADER,
        *HIRES[:2],
        [],
        [],
        ["2023年乡镇引进人才台账"],
        ["填报单位：各乡镇"],
        HIRES_HEADER,
        *HIRES[2:],
        ["合计", "2人"],
    ]
    stacked = write_xlsx(tmp_path / "stacked.xlsx", {"引进人才": rows})
    assert hires_figures(stacked) == hires_figures(plain)
    loaded = load([stacked], today=TODAY)
    assert loaded.findings.items == []
    assert sorted(loaded.frames["hires"]["_row"].tolist()) == [3, 4, 10, 11]


def registration_form(name: str, number: str, education: str = "本科") -> list[list[object]]:
    """一人一表: label cells beside their values, a title above."""
    return [
        ["县直单位引进人才登记表"],
        ["姓名", name, "性别", "男", "出生年月", "1990-05"],
        ["身份证号", number, "学历", education, "毕业院校", "山西大学"],
        ["引进单位", "县委办", "引进领域", "县直", "到岗日期", "2023-03-15"],
        ["联系电话", "13800001234", None, None, None, None],
    ]


def test_one_form_per_person_is_one_record_each(tmp_path: Path) -> None:
    plain = write_csv(tmp_path / "plain.csv", [HIRES_HEADER, *HIRES])
    sheets = {row[0]: registration_form(str(row[0]), str(row[1])) for row in HIRES}
    forms = write_xlsx(tmp_path / "登记表.xlsx", sheets)
    assert hires_figures(forms) == hires_figures(plain)
    loaded = load([forms], today=TODAY)
    assert {f.code for f in loaded.findings.items} == {"form_read"}
    assert loaded.frames["hires"]["_row"].tolist() == [2, 2, 2, 2]


def test_a_wrong_value_in_a_form_names_its_own_cell(tmp_path: Path) -> None:
    forms = write_xlsx(tmp_path / "登记表.xlsx", {"王五": registration_form("王五", "123")})
    (error,) = [f for f in load([forms], today=TODAY).findings.items if f.severity == "error"]
    assert (error.code, error.row, error.cell) == ("id_format", 3, "B3")


def test_a_form_in_a_word_table(tmp_path: Path) -> None:
    plain = write_csv(tmp_path / "plain.csv", [HIRES_HEADER, HIRES[0]])
    rows = [r + [None] * (6 - len(r)) for r in registration_form("张三", str(HIRES[0][1]))[1:]]
    word = word_table(tmp_path / "登记表.docx", rows, "引进人才登记表")
    assert hires_figures(word) == hires_figures(plain)
