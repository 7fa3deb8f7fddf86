"""Layout invariance: the same records, laid out as offices lay them out, give the same
figures as the plain layout; what is read but not used is named in a finding."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest
from helpers import TODAY, make_id, write_csv, write_xlsx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from zytalent.load import load
from zytalent.summary import summarize

MEAL_HEADER = ["日期", "服务点", "姓名", "身份证号", "就餐次数", "政府补贴"]
ELDERS = [
    ("王大妈", make_id(dt.date(1950, 3, 1), 11), "郝家岭村幸福小院"),
    ("刘大爷", make_id(dt.date(1948, 7, 9), 13), "郝家岭村幸福小院"),
    ("陈奶奶", make_id(dt.date(1940, 1, 1), 15), "城关社区幸福小院"),
]
# (elder index, month, meals, gov 元): zero and blank months are not records
MEALS = [
    (0, 1, 20, 60),
    (0, 2, 18, 54),
    (0, 3, 22, 66),
    (1, 1, 30, 90),
    (1, 3, 12, 36),
    (2, 2, 25, 75),
    (2, 12, 9, 27),
]


def figures(*paths: Path) -> dict[str, object]:
    result = summarize(2023, paths, today=TODAY).to_dict()
    return result["figures"]


def plain(path: Path) -> Path:
    rows: list[list[object]] = [MEAL_HEADER]
    for who, month, meals, gov in MEALS:
        name, number, center = ELDERS[who]
        rows.append([f"2023-{month:02d}", center, name, number, meals, gov])
    return write_csv(path / "plain.csv", rows)


def month_grid(header: Callable[[int], object]) -> list[list[object]]:
    """One row per elder, one column per month, a 全年 column."""
    rows: list[list[object]] = [
        ["服务点", "姓名", "身份证号", *(header(m) for m in range(1, 13)), "全年"]
    ]
    for who, (name, number, center) in enumerate(ELDERS):
        by_month = {m: n for w, m, n, _ in MEALS if w == who}
        cells = [by_month.get(m, 0 if m % 2 else None) for m in range(1, 13)]
        rows.append([center, name, number, *cells, sum(by_month.values())])
    return rows


@pytest.fixture
def baseline(tmp_path: Path) -> dict[str, object]:
    meals_only = {k: v for k, v in figures(plain(tmp_path)).items() if "fund" not in k}
    return meals_only


def meal_figures(*paths: Path) -> dict[str, object]:
    return {k: v for k, v in figures(*paths).items() if "fund" not in k}


def test_the_plain_layout_reads_every_record(tmp_path: Path) -> None:
    result = figures(plain(tmp_path))
    assert result["meals.meals"] == sum(m[2] for m in MEALS)
    assert result["meals.elders"] == 3


@pytest.mark.parametrize(
    "header",
    [
        lambda m: f"{m}月",
        lambda m: f"2023年{m}月",
        lambda m: f"2023-{m:02d}",
        lambda m: f"2023.{m}月",
    ],
    ids=["1月", "2023年1月", "2023-01", "2023.1月"],
)
def test_one_column_per_month(tmp_path: Path, baseline: dict[str, object], header) -> None:  # type: ignore[no-untyped-def]
    rows = [["中阳县2023年养老助餐台账"], *month_grid(header)]
    path = write_xlsx(tmp_path / "wide.xlsx", {"助餐": rows}, merges={"助餐": ["A1:P1"]})
    assert meal_figures(path) == baseline
    loaded = load([path], year=2023, today=TODAY)
    assert loaded.findings.errors == 0
    assert "layout_months" in {f.code for f in loaded.findings.items}


def test_month_columns_take_the_year_from_the_file_name(
    tmp_path: Path, baseline: dict[str, object]
) -> None:
    path = write_xlsx(
        tmp_path / "2023年金罗镇助餐.xlsx", {"Sheet1": month_grid(lambda m: f"{m}月")}
    )
    assert meal_figures(path) == baseline


def test_month_columns_without_any_year_are_a_clear_error(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "金罗镇助餐.xlsx", {"助餐": month_grid(lambda m: f"{m}月")})
    loaded = load([path], year=2023, today=TODAY)
    errors = [f for f in loaded.findings.items if f.severity == "error"]
    assert [f.code for f in errors] == ["month_year_unknown"]
    assert "2023年1月" in errors[0].message


def test_month_columns_in_a_gbk_csv(tmp_path: Path, baseline: dict[str, object]) -> None:
    path = write_csv(tmp_path / "wide.csv", month_grid(lambda m: f"2023年{m}月"), "gb18030")
    assert meal_figures(path) == baseline


def test_a_row_total_that_disagrees_is_reported_at_its_cell(tmp_path: Path) -> None:
    rows = month_grid(lambda m: f"2023年{m}月")
    rows[1][-1] = 61  # the true total is 60
    path = write_xlsx(tmp_path / "wide.xlsx", {"助餐": rows})
    found = [f for f in load([path], today=TODAY).findings.items if f.code == "row_total_mismatch"]
    assert [(f.cell, f.value) for f in found] == [("P2", "61")]


def test_months_under_merged_parents(tmp_path: Path) -> None:
    """1月 merged over 就餐次数 / 政府补贴: the children are read per month."""
    top: list[object] = ["服务点", "姓名", "身份证号"]
    sub: list[object] = [None, None, None]
    for month in (1, 2, 3, 12):
        top += [f"2023年{month}月", None]
        sub += ["就餐次数", "政府补贴"]
    rows: list[list[object]] = [top, sub]
    for who, (name, number, center) in enumerate(ELDERS):
        cells: list[object] = []
        for month in (1, 2, 3, 12):
            found = [(n, g) for w, m, n, g in MEALS if w == who and m == month]
            cells += list(found[0]) if found else [None, None]
        rows.append([center, name, number, *cells])
    merges = [f"{c1}1:{c2}1" for c1, c2 in (("D", "E"), ("F", "G"), ("H", "I"), ("J", "K"))]
    merges += ["A1:A2", "B1:B2", "C1:C2"]
    path = write_xlsx(tmp_path / "merged.xlsx", {"助餐": rows}, merges={"助餐": merges})
    assert figures(path) == figures(plain(tmp_path))


def test_one_sheet_per_month_takes_the_period_from_the_sheet_name(
    tmp_path: Path, baseline: dict[str, object]
) -> None:
    sheets: dict[str, list[list[object]]] = {}
    for month in sorted({m for _, m, _, _ in MEALS}):
        rows: list[list[object]] = [
            ["2023年养老助餐台账"],
            ["服务点", "姓名", "身份证号", "就餐次数"],
        ]
        for who, m, meals, _ in MEALS:
            if m == month:
                name, number, center = ELDERS[who]
                rows.append([center, name, number, meals])
        sheets[f"{month}月"] = rows
    path = write_xlsx(tmp_path / "months.xlsx", sheets)
    assert meal_figures(path) == baseline
    notes = [f for f in load([path], today=TODAY).findings.items if f.code == "period_from_sheet"]
    assert len(notes) == len(sheets) and "2023-03" in notes[2].message


def test_a_hidden_draft_sheet_is_not_counted_but_named(
    tmp_path: Path, baseline: dict[str, object]
) -> None:
    rows = month_grid(lambda m: f"2023年{m}月")
    path = tmp_path / "draft.xlsx"
    write_xlsx(path, {"助餐": rows, "草稿": rows})
    from openpyxl import load_workbook

    book = load_workbook(path)
    book["草稿"].sheet_state = "hidden"
    book.save(path)
    assert meal_figures(path) == baseline
    loaded = load([path], today=TODAY)
    hidden = [f for f in loaded.findings.items if f.code == "sheet_hidden"]
    assert [(f.severity, f.sheet) for f in hidden] == [("warning", "草稿")]
    assert "--include-hidden" in hidden[0].message
    from zytalent.reading.safety import Limits

    # read too, the draft is a copy of 助餐: named, and not counted twice
    both = summarize(2023, [path], today=TODAY, limits=Limits(include_hidden=True))
    assert both.values["meals.meals"] == sum(m[2] for m in MEALS)
    copies = [f for f in both.loaded.findings.items if f.code == "sheet_summary"]
    assert [f.sheet for f in copies] == ["草稿"]


def test_rows_hidden_by_a_filter_are_counted_with_a_note(
    tmp_path: Path, baseline: dict[str, object]
) -> None:
    source = pd.read_csv(plain(tmp_path), dtype=str)
    path = tmp_path / "filtered.xlsx"
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(MEAL_HEADER)
    for row in source.itertuples(index=False):
        sheet.append([row[0], row[1], row[2], row[3], int(row[4]), int(row[5])])
    sheet.row_dimensions[3].hidden = True
    sheet.row_dimensions[4].hidden = True
    book.save(path)
    assert meal_figures(path) == baseline
    notes = [f for f in load([path], today=TODAY).findings.items if f.code == "rows_hidden"]
    assert [(n.row, n.severity) for n in notes] == [(3, "info")] and "3–4" in notes[0].message


def test_ods_and_every_format_in_a_folder(tmp_path: Path, baseline: dict[str, object]) -> None:
    frame = pd.read_csv(plain(tmp_path), dtype=str)
    folder = tmp_path / "folder"
    folder.mkdir()
    frame.to_excel(folder / "meals.ods", index=False, engine="odf")
    assert meal_figures(folder) == baseline
    assert meal_figures(folder / "meals.ods") == baseline


def test_an_old_excel_4_file_is_named_as_such(tmp_path: Path) -> None:
    path = tmp_path / "old.xls"
    # a BIFF4 worksheet: BOF record 0x0409, length 6, version, type, then EOF
    path.write_bytes(b"\x09\x04\x06\x00\x00\x00\x10\x00\x00\x00" + b"\x0a\x00\x00\x00")
    found = load([path], today=TODAY).findings.items
    assert [(f.code, f.severity) for f in found] == [("file_format_old", "error")]
    assert "Excel 4.0" in found[0].message and "另存为 .xlsx" in found[0].message


TRAINING_PLAIN = [
    ["培训项目", "培训类别", "开始日期", "结束日期", "培训人次"],
    ["乡村振兴培训班", "乡村振兴", "2023-08-07", "2023-08-19", 120],
    ["教师培训", "教师", "2023-09-12", "2023-09-14", 30],
    ["干部培训", "党政干部", "2023-10-09", "2023-10-20", 42],
    ["选调生培训", "选调生", "2023-03-01", "2023-03-31", 33],
]


def test_two_header_rows_and_a_range_in_one_cell(tmp_path: Path) -> None:
    expected = figures(write_csv(tmp_path / "plain.csv", TRAINING_PLAIN))
    two_rows = [
        ["培训项目", "培训类别", "培训时间", None, "培训情况"],
        [None, None, "开始", "结束", "人次"],
        *[[p, c, s, e, n] for p, c, s, e, n in TRAINING_PLAIN[1:]],
    ]
    merges = ["A1:A2", "B1:B2", "C1:D1"]
    path = write_xlsx(tmp_path / "two.xlsx", {"培训": two_rows}, merges={"培训": merges})
    assert figures(path) == expected
    ranges = [
        ["培训项目", "培训类别", "培训时间", "培训人次"],
        ["乡村振兴培训班", "乡村振兴", "2023年8月7日-8月19日", 120],
        ["教师培训", "教师", "2023.9.12—9.14", 30],
        ["干部培训", "党政干部", "2023/10/9-2023/10/20", 42],
        ["选调生培训", "选调生", "2023年3月", 33],
    ]
    path = write_csv(tmp_path / "ranges.csv", ranges)
    assert figures(path) == expected
    assert load([path], today=TODAY).findings.errors == 0


def test_ids_written_to_survive_excel(tmp_path: Path) -> None:
    numbers = [make_id(seq=s) for s in (101, 102, 103, 104)]
    header = ["姓名", "身份证号", "学历", "引进单位", "引进领域", "到岗日期", "联系电话", "备注"]
    rows = [
        header,
        ["甲", numbers[0], "本科", "县委办", "县直", "2023-03-15", "13812345678", ""],
        ["乙", numbers[1], "本科", "县委办", "县直", "2023-03-15", "", "x"],
        ["丙", numbers[2], "本科", "县委办", "县直", "2023-03-15", "", ""],
        ["丁", numbers[3], "本科", "县委办", "县直", "2023-03-15", "", ""],
    ]
    expected = figures(write_csv(tmp_path / "plain.csv", rows))
    written = [
        f'="{numbers[0]}"',
        f"'{numbers[1]}",
        f" {numbers[2].lower()} ",
        numbers[3].translate(str.maketrans("0123456789X", "０１２３４５６７８９Ｘ")),
    ]
    for row, number in zip(rows[1:], written, strict=True):
        row[1] = number
    path = write_csv(tmp_path / "excel.csv", rows)
    assert figures(path) == expected
    loaded = load([path], today=TODAY)
    assert loaded.findings.errors == 0
    unused = [f for f in loaded.findings.items if f.code == "columns_unused"]
    assert len(unused) == 1 and "备注（H）" in unused[0].message
    assert loaded.frames["hires"]["phone"].iloc[0] == "13812345678"


def test_non_ascii_digits_are_not_an_id_number(tmp_path: Path) -> None:
    number = make_id(seq=105)
    arabic = number[:17].translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")) + number[17]
    rows = [
        ["姓名", "身份证号", "学历", "引进单位", "引进领域", "到岗日期"],
        ["甲", arabic, "本科", "县委办", "县直", "2023-03-15"],
    ]
    found = load([write_csv(tmp_path / "h.csv", rows)], today=TODAY).findings.items
    assert [f.code for f in found if f.severity == "error"] == ["id_format"]


def test_a_total_that_differs_because_a_cell_is_invalid_says_so(tmp_path: Path) -> None:
    rows = [
        ["培训项目", "培训类别", "开始日期", "结束日期", "培训人次"],
        ["甲班", "教师", "2023-03-01", "2023-03-02", 10],
        ["乙班", "教师", "2023-03-01", "2023-03-02", "约20人"],
        ["合计", None, None, None, 30],
    ]
    found = load([write_csv(tmp_path / "t.csv", rows)], today=TODAY).findings.items
    total = next(f for f in found if f.code.startswith("total_mismatch"))
    assert total.code == "total_mismatch_invalid" and total.cell == "E4"
    assert "第 3 行" in total.message and "合计相符" in total.message


def test_no_findings_about_sheets_that_are_skipped(tmp_path: Path) -> None:
    path = tmp_path / "f.xlsx"
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "说明"
    sheet["A1"] = "=1+1"  # a formula without a cached value, in a sheet that is no ledger
    ledger = book.create_sheet("助餐")
    for row in [MEAL_HEADER, ["2023-01", "幸福小院", "王大妈", ELDERS[0][1], 3, 9]]:
        ledger.append(row)
    book.save(path)
    codes = [f.code for f in load([path], today=TODAY).findings.items]
    assert "formula_without_value" not in codes and "sheet_skipped" in codes


@settings(max_examples=12, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    title_rows=st.integers(0, 2),
    month_header=st.sampled_from(["{m}月", "2023年{m}月", "2023-{m:02d}"]),
    fmt=st.sampled_from(["xlsx", "csv", "ods"]),
    hidden_draft=st.booleans(),
)
def test_layout_combinations_give_the_plain_figures(
    tmp_path_factory: pytest.TempPathFactory,
    title_rows: int,
    month_header: str,
    fmt: str,
    hidden_draft: bool,
) -> None:
    folder = tmp_path_factory.mktemp("combo")
    expected = meal_figures(plain(folder))
    rows = [["2023年养老助餐台账"]] * title_rows + month_grid(lambda m: month_header.format(m=m))
    target = folder / f"ledger.{fmt}"
    if fmt == "csv":
        write_csv(target, rows, "gb18030")
    elif fmt == "ods":
        width = max(len(r) for r in rows)
        frame = pd.DataFrame([list(r) + [None] * (width - len(r)) for r in rows])
        with pd.ExcelWriter(target, engine="odf") as writer:
            frame.to_excel(writer, sheet_name="助餐", index=False, header=False)
    else:
        sheets = {"助餐": rows, **({"旧稿": rows} if hidden_draft else {})}
        write_xlsx(target, sheets)
        if hidden_draft:
            from openpyxl import load_workbook

            book = load_workbook(target)
            book["旧稿"].sheet_state = "hidden"
            book.save(target)
    if title_rows == 0 and "年" not in month_header and "-" not in month_header:
        target = target.rename(folder / f"2023年助餐.{fmt}")
    assert json.dumps(meal_figures(target)) == json.dumps(expected)


def test_a_wrong_cell_beside_month_columns_is_reported_once(tmp_path: Path) -> None:
    rows = month_grid(lambda m: f"2023年{m}月")
    rows[1][2] = rows[1][2][:17] + ("0" if rows[1][2][17] != "0" else "1")
    found = load([write_xlsx(tmp_path / "w.xlsx", {"助餐": rows})], today=TODAY).findings.items
    assert [(f.code, f.cell) for f in found if f.severity == "error"] == [("id_checksum", "C2")]


def test_a_text_row_under_two_equal_headers_is_data(tmp_path: Path) -> None:
    rows = [
        ["姓名", "身份证号", "学历", "引进单位", "引进领域", "到岗日期", "备注", "备注"],
        ["甲", make_id(seq=301), "本科", "县委办", "县直", "2023-03-15", "调入", "已报到"],
    ]
    loaded = load([write_xlsx(tmp_path / "h.xlsx", {"引进": rows})], today=TODAY)
    assert loaded.records == 1 and loaded.findings.errors == 0


def test_a_title_naming_a_span_of_months_is_no_period(tmp_path: Path) -> None:
    rows = [["中阳县2023年1月—12月养老助餐台账"], ["服务点", "姓名", "身份证号", "就餐次数"]]
    rows.append(["幸福小院", "王大妈", ELDERS[0][1], 3])
    found = load([write_xlsx(tmp_path / "m.xlsx", {"全年": rows})], today=TODAY).findings.items
    assert [f.code for f in found if f.severity == "error"] == ["column_missing"]


def test_wps_et_files_are_read_in_folders_or_named_as_what_to_do(tmp_path: Path) -> None:
    import xlwt

    book = xlwt.Workbook()
    sheet = book.add_sheet("助餐")
    for r, row in enumerate([MEAL_HEADER, ["2023-01", "幸福小院", "王大妈", ELDERS[0][1], 3, 9]]):
        for c, value in enumerate(row):
            sheet.write(r, c, value)
    folder = tmp_path / "wps"
    folder.mkdir()
    book.save(str(folder / "助餐.et"))
    (folder / "坏的.et").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    loaded = load([folder], today=TODAY)
    assert loaded.records == 1
    broken = [f for f in loaded.findings.items if f.severity == "error"]
    assert [Path(f.file or "").name for f in broken] == ["坏的.et"]
    assert "另存为 .xlsx" in broken[0].message and broken[0].detail


def test_a_year_merged_over_the_month_columns(tmp_path: Path, baseline: dict[str, object]) -> None:
    top: list[object] = ["服务点", "姓名", "身份证号", "2023年", *[None] * 11]
    grid = month_grid(lambda m: f"{m}月")
    sub = [None, None, None, *grid[0][3:15]]
    rows = [top, sub, *[r[:15] for r in grid[1:]]]
    merges = ["A1:A2", "B1:B2", "C1:C2", "D1:O1"]
    path = write_xlsx(tmp_path / "金罗镇助餐.xlsx", {"助餐": rows}, merges={"助餐": merges})
    assert meal_figures(path) == baseline


def test_a_hidden_sheet_that_fits_two_kinds_is_named_not_passed_over(tmp_path: Path) -> None:
    header = ["姓名", "身份证号", "学历", "引进单位", "引进领域", "到岗日期"]
    header += ["职业", "技能等级", "证书编号", "发证日期"]
    path = tmp_path / "two.xlsx"
    write_xlsx(path, {"助餐": month_grid(lambda m: f"2023年{m}月"), "旧表": [header]})
    from openpyxl import load_workbook

    book = load_workbook(path)
    book["旧表"].sheet_state = "hidden"
    book.save(path)
    found = load([path], today=TODAY).findings.items
    hidden = [f for f in found if f.sheet == "旧表"]
    assert [(f.code, f.severity) for f in hidden] == [("sheet_hidden", "warning")]
    assert "引进人才台账或技能人才台账" in hidden[0].message
    assert not [f for f in found if f.code == "kind_ambiguous"]
