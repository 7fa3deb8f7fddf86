"""One test per reading rule of the ledger contract (spec §2)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pandas as pd
from helpers import HIRES_HEADER, TODAY, digest, hire, make_id, write_csv, write_xlsx

from zytalent.load import Loaded, load

MEALS_HEADER = ["日期", "服务点", "姓名", "身份证号", "就餐次数", "政府补贴"]
ELDER = make_id(dt.date(1950, 3, 1), 11)


def codes(loaded: Loaded) -> list[tuple[str, str, int | None, str | None]]:
    return [(f.severity, f.code, f.row, f.cell) for f in loaded.findings.sorted()]


def test_header_found_below_title_rows_and_rows_keep_their_numbers(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "h.xlsx",
        {
            "引进": [
                ["中阳县2023年引进人才台账"],
                ["填报单位：县人社局  填报日期：2024年1月5日"],
                HIRES_HEADER,
                hire("张三", 1),
                hire("李四", 2),
            ]
        },
        merges={"引进": ["A1:F1"]},
    )
    loaded = load([path], today=TODAY)
    assert codes(loaded) == []
    frame = loaded.frames["hires"]
    assert frame["_row"].tolist() == [4, 5]
    assert frame["_sheet"].tolist() == ["引进", "引进"]
    assert frame["name"].tolist() == ["张三", "李四"]


def test_header_normalisation_spaces_breaks_brackets_and_units(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "f.xlsx",
        {
            "资金": [
                ["日　期", "资金\n类别", " 资金性质 ", "金额（万元）"],
                ["2023-03-01", "招才引智专项资金", "安排", "222"],
                ["2023-03-02", "财政专项资金", "安排", "601.09"],
            ]
        },
    )
    loaded = load([path], today=TODAY)
    assert codes(loaded) == []
    assert loaded.frames["funds"]["amount"].tolist() == [222_000_000, 601_090_000]


def test_money_unit_in_half_width_brackets_and_default_yuan(tmp_path: Path) -> None:
    rows = [
        ["日期", "资金类别", "资金性质", "金额(元)"],
        ["2023-10-26", "人才奖补", "兑现", "1,948,000.00"],
    ]
    loaded = load([write_csv(tmp_path / "a.csv", rows)], today=TODAY)
    assert loaded.frames["funds"]["amount"].tolist() == [194_800_000]
    rows[0][3] = "金额"
    loaded = load([write_csv(tmp_path / "b.csv", rows)], today=TODAY)
    assert loaded.frames["funds"]["amount"].tolist() == [194_800_000]


def test_serial_number_column_is_ignored(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "h.csv", [["序号", *HIRES_HEADER], [1, *hire("张三", 1)]])
    loaded = load([path], today=TODAY)
    assert codes(loaded) == []
    assert "序号" not in loaded.frames["hires"].columns


def test_header_and_value_aliases(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "h.csv",
        [
            ["名字", "公民身份号码", "最高学历", "用人单位", "系统", "报到日期"],
            ["张三", make_id(seq=1), "研究生", "县医院", "卫健", "2023-05-01"],
        ],
    )
    loaded = load([path], today=TODAY)
    # a bare 研究生 is read as 硕士, with a warning that says so: it may be a doctorate
    assert codes(loaded) == [("warning", "value_ambiguous", 2, "C2")]
    frame = loaded.frames["hires"]
    assert frame[["education", "sector"]].iloc[0].tolist() == ["master", "health"]


def test_blank_rows_in_the_middle_are_skipped(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "h.xlsx",
        {"s": [HIRES_HEADER, hire("张三", 1), [], [None, "  "], hire("李四", 2)]},
    )
    loaded = load([path], today=TODAY)
    assert codes(loaded) == []
    assert loaded.frames["hires"]["_row"].tolist() == [2, 5]


def test_total_rows_are_excluded_and_checked(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "m.xlsx",
        {
            "s": [
                MEALS_HEADER,
                ["2023-03", "郝家岭村幸福小院", "王大妈", ELDER, 20, "60.00"],
                ["2023-04", "郝家岭村幸福小院", "王大妈", ELDER, 22, "66.00"],
                ["小计", None, None, None, 42, "126.00"],
                ["2023-05", "郝家岭村幸福小院", "王大妈", ELDER, 10, "30.00"],
                ["合　计", None, None, None, 53, "150"],
            ]
        },
    )
    loaded = load([path], today=TODAY)
    assert loaded.frames["meals"]["_row"].tolist() == [2, 3, 5]
    findings = loaded.findings.sorted()
    assert [(f.code, f.row, f.cell, f.value) for f in findings] == [
        ("total_mismatch", 6, "E6", "53"),
        ("total_mismatch", 6, "F6", "150.00"),
    ]
    assert findings[0].severity == "warning"
    assert "52" in findings[0].message
    assert "156.00" in findings[1].message


def test_footer_lines_are_skipped_with_their_rows(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "h.xlsx",
        {
            "s": [
                HIRES_HEADER,
                hire("张三", 1),
                ["填表人：王丽", None, "审核人：张建国"],
                ["注：据实填写。"],
            ]
        },
    )
    loaded = load([path], today=TODAY)
    assert codes(loaded) == [("info", "rows_skipped", 3, None)]
    assert "3, 4" in loaded.findings.items[0].message
    assert len(loaded.frames["hires"]) == 1


def test_merged_cells_fill_every_row_they_span(tmp_path: Path) -> None:
    rows = [HIRES_HEADER, hire("张三", 1), hire("李四", 2), hire("王五", 3)]
    rows[1][3] = "县人民医院"
    rows[2][3] = rows[3][3] = None
    path = write_xlsx(tmp_path / "h.xlsx", {"s": rows}, merges={"s": ["D2:D4"]})
    loaded = load([path], today=TODAY)
    assert codes(loaded) == []
    assert loaded.frames["hires"]["employer"].tolist() == ["县人民医院"] * 3


def test_numbers_as_text_thousands_and_full_width(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "t.xlsx",
        {
            "s": [
                ["培训项目", "培训类别", "开始日期", "结束日期", "培训人次"],
                ["甲", "教师", "2023-07-01", "2023-07-03", "１２"],
                ["乙", "教师", "2023-07-01", "2023-07-03", " 1,200 "],
                ["丙", "教师", "2023-07-01", "2023-07-03", 30.0],
            ]
        },
    )
    loaded = load([path], today=TODAY)
    assert codes(loaded) == []
    assert loaded.frames["training"]["trainees"].tolist() == [12, 1200, 30]


def test_every_date_form(tmp_path: Path) -> None:
    forms = [
        dt.date(2023, 3, 15),
        45000,
        "2023-03-15",
        "2023/3/15",
        "2023.3.15",
        "2023年3月15日",
        "20230315",
        "2023-03",
        "2023/03",
        "2023.03",
        "2023年3月",
    ]
    rows = [MEALS_HEADER] + [[f, "点", "王", ELDER, i + 1, 0] for i, f in enumerate(forms)]
    loaded = load([write_xlsx(tmp_path / "m.xlsx", {"s": rows})], today=TODAY)
    assert codes(loaded) == []
    got = [d.date() for d in loaded.frames["meals"]["period"]]
    assert (
        got
        == [dt.date(2023, 3, 15), dt.date(2023, 3, 15)]
        + [dt.date(2023, 3, 15)] * 5
        + [dt.date(2023, 3, 1)] * 4
    )


def test_id_number_stored_as_a_number_is_unrecoverable(tmp_path: Path) -> None:
    rows = [HIRES_HEADER, hire("张三", 1)]
    rows[1][1] = 1.41129e17
    loaded = load([write_xlsx(tmp_path / "h.xlsx", {"s": rows})], today=TODAY)
    (finding,) = loaded.findings.items
    assert (finding.code, finding.row, finding.cell, finding.column) == (
        "id_number_as_number",
        2,
        "B2",
        "身份证号",
    )
    assert "文本" in finding.message
    csv_rows = [HIRES_HEADER, hire("张三", 1)]
    csv_rows[1][1] = "1.41129E+17"
    loaded = load([write_csv(tmp_path / "h.csv", csv_rows)], today=TODAY)
    assert [f.code for f in loaded.findings.items] == ["id_number_as_number"]


def test_lowercase_x_and_spaces_in_id_numbers_are_normalised(tmp_path: Path) -> None:
    number = next(make_id(seq=s) for s in range(1000) if make_id(seq=s).endswith("X"))
    rows = [
        HIRES_HEADER,
        [
            "张三",
            f" {number[:6]} {number[6:14]} {number[14:].lower()}",
            "本科",
            "县委办",
            "县直",
            "2023-03-01",
        ],
    ]
    loaded = load([write_csv(tmp_path / "h.csv", rows)], today=TODAY)
    assert codes(loaded) == []
    assert loaded.frames["hires"]["id_number"].tolist() == [number]


def test_csv_encodings(tmp_path: Path) -> None:
    rows = [HIRES_HEADER, hire("张三", 1)]
    for encoding in ("utf-8", "utf-8-sig", "gb18030"):
        loaded = load([write_csv(tmp_path / f"{encoding}.csv", rows, encoding)], today=TODAY)
        assert codes(loaded) == [], encoding
        assert loaded.frames["hires"]["name"].tolist() == ["张三"]


def test_non_ledger_sheets_are_skipped_and_a_file_without_ledgers_is_an_error(
    tmp_path: Path,
) -> None:
    path = write_xlsx(
        tmp_path / "h.xlsx",
        {"说明": [["本表说明"]], "Sheet3": [], "引进": [HIRES_HEADER, hire("张三", 1)]},
    )
    loaded = load([path], today=TODAY)
    assert [(f.code, f.sheet) for f in loaded.findings.sorted()] == [
        ("sheet_skipped", "说明"),  # in the workbook's order
        ("sheet_skipped", "Sheet3"),
    ]
    assert loaded.findings.errors == 0
    empty = write_xlsx(tmp_path / "e.xlsx", {"说明": [["只有说明"]]})
    loaded = load([empty], today=TODAY)
    assert [(f.severity, f.code) for f in loaded.findings.sorted()] == [
        ("info", "sheet_skipped"),
        ("error", "file_no_ledger"),
    ] or sorted((f.severity, f.code) for f in loaded.findings.items) == [
        ("error", "file_no_ledger"),
        ("info", "sheet_skipped"),
    ]


def test_two_kinds_fitting_a_header_need_kind(tmp_path: Path) -> None:
    header = [
        "姓名",
        "身份证号",
        "学历",
        "引进单位",
        "引进领域",
        "到岗日期",
        "职业",
        "技能等级",
        "证书编号",
        "发证日期",
    ]
    path = write_csv(
        tmp_path / "x.csv", [header, [*hire("张三", 1), "电工", "五级", "C1", "2023-04-01"]]
    )
    loaded = load([path], today=TODAY)
    assert [(f.code, f.severity) for f in loaded.findings.items] == [("kind_ambiguous", "error")]
    loaded = load([path], kind="skills", today=TODAY)
    assert loaded.findings.errors == 0
    assert list(loaded.frames) == ["skills"]


def test_required_column_missing_names_the_aliases(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "h.csv", [HIRES_HEADER[:5], hire("张三", 1)[:5]])
    loaded = load([path], today=TODAY)
    (finding,) = loaded.findings.items
    assert (finding.code, finding.column, finding.row) == ("column_missing", "到岗日期", 1)
    assert "报到日期" in finding.message and "入职日期" in finding.message
    assert not loaded.frames["hires"]["_valid"].any()


def test_kind_forced_on_a_poor_header_reports_missing_columns(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "h.csv", [["姓名", "备注"], ["张三", "x"]])
    loaded = load([path], kind="hires", today=TODAY)
    missing = [f for f in loaded.findings.items if f.code == "column_missing"]
    assert sorted(f.column or "" for f in missing) == sorted(
        ["身份证号", "学历", "引进单位", "引进领域", "到岗日期"]
    )


def test_inputs_are_never_modified(tmp_path: Path) -> None:
    paths = [
        write_xlsx(tmp_path / "h.xlsx", {"s": [HIRES_HEADER, hire("张三", 1)]}),
        write_csv(tmp_path / "h.csv", [HIRES_HEADER, hire("李四", 2)], "gb18030"),
    ]
    before = [digest(p) for p in paths]
    load([tmp_path], today=TODAY)
    assert [digest(p) for p in paths] == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["h.csv", "h.xlsx"]


def test_folders_are_read_recursively_and_other_files_noted(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    write_csv(tmp_path / "sub" / "h.csv", [HIRES_HEADER, hire("张三", 1)])
    (tmp_path / "readme.txt").write_text("hi")
    (tmp_path / "~$h.xlsx").write_bytes(b"lock")
    loaded = load([tmp_path], today=TODAY)
    assert [f.file for f in loaded.files] == [str(tmp_path / "sub" / "h.csv")]
    assert sorted(f.code for f in loaded.findings.items) == [
        "file_skipped",
        "file_skipped_temporary",
    ]


def test_provenance_columns_are_typed(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "h.csv", [HIRES_HEADER, hire("张三", 1)])
    frame = load([path], today=TODAY).frames["hires"]
    assert frame["_file"].tolist() == [str(path)]
    assert frame["_sheet"].isna().all()
    assert frame["_row"].tolist() == [2]
    assert pd.api.types.is_datetime64_any_dtype(frame["start_date"])


def test_legacy_xls_workbooks(tmp_path: Path) -> None:
    import xlwt

    book = xlwt.Workbook()
    sheet = book.add_sheet("引进")
    sheet.write_merge(0, 0, 0, 5, "中阳县引进人才台账")
    date_style = xlwt.easyxf(num_format_str="yyyy-mm-dd")
    rows = [HIRES_HEADER, hire("张三", 1, date=dt.date(2023, 3, 15)), hire("李四", 2, date=45000)]
    rows[2][1] = 1.42332e17
    for r, row in enumerate(rows, 1):
        for c, value in enumerate(row):
            sheet.write(
                r, c, value, date_style if isinstance(value, dt.date) else xlwt.Style.default_style
            )
    path = tmp_path / "old.xls"
    book.save(str(path))
    loaded = load([path], today=TODAY)
    assert [(f.code, f.cell) for f in loaded.findings.items] == [("id_number_as_number", "B4")]
    frame = loaded.frames["hires"]
    assert frame["_row"].tolist() == [3, 4]
    assert [d.date() for d in frame["start_date"]] == [dt.date(2023, 3, 15), dt.date(2023, 3, 15)]


def test_a_file_sent_twice_counts_once_with_a_warning(tmp_path: Path) -> None:
    rows = [HIRES_HEADER, hire("张三", 1), hire("李四", 2)]
    (tmp_path / "a").mkdir()
    first = write_csv(tmp_path / "a" / "人社局.csv", rows)
    copy = tmp_path / "人社局(1).csv"
    copy.write_bytes(first.read_bytes())
    later = first.stat().st_mtime + 60
    os.utime(copy, (later, later))  # found first (top folder), but the newer of the two
    # same size, different bytes: a different submission, read in full
    other = write_csv(tmp_path / "z.csv", [HIRES_HEADER, hire("王五", 3), hire("赵六", 4)])
    assert other.stat().st_size == first.stat().st_size
    loaded = load([tmp_path], today=TODAY)
    assert [(f.severity, f.code, f.file) for f in loaded.findings.sorted()] == [
        ("warning", "file_duplicate", str(copy))
    ]
    assert str(first) in loaded.findings.items[0].message
    assert len(loaded.frames["hires"]) == 4
    assert sorted(f.file for f in loaded.files) == sorted([str(first), str(other)])
