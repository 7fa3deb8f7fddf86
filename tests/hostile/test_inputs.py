"""Every hostile or broken input of the reliability issue: a clear finding, no traceback,
the other files still read, bounded time and memory, inputs unchanged."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import pytest
from helpers import HIRES_HEADER, TODAY, digest, hire, make_id, write_csv, write_xlsx

from hostile.builders import (
    far_cell,
    good_workbook,
    one_line_csv,
    rewrite_part,
    with_macro_sheet,
    with_sheet_state,
    without_worksheets,
    zip_bomb,
)
from zytalent.load import Loaded, load
from zytalent.reading.safety import Limits

SHEET = "xl/worksheets/sheet1.xml"


def problems(loaded: Loaded) -> list[tuple[str, str, str | None]]:
    return sorted((f.severity, f.code, Path(f.file or "").name) for f in loaded.findings.items)


def test_broken_files_are_findings_and_the_others_are_still_read(tmp_path: Path) -> None:
    good = good_workbook(tmp_path / "good.xlsx")
    data = good.read_bytes()
    (tmp_path / "truncated.xlsx").write_bytes(data[: len(data) // 2])
    (tmp_path / "text.xlsx").write_text("姓名,身份证号\n张三,1\n", encoding="utf-8")
    (tmp_path / "empty.xlsx").write_bytes(b"")
    (tmp_path / "empty.csv").write_bytes(b"")
    (tmp_path / "binary.csv").write_bytes(b"\x00\x01\x02" * 100)
    loaded = load([tmp_path], today=TODAY)
    assert problems(loaded) == [
        ("error", "file_unreadable", "binary.csv"),
        ("error", "file_unreadable", "empty.csv"),
        ("error", "file_unreadable", "empty.xlsx"),
        ("error", "file_unreadable", "text.xlsx"),
        ("error", "file_unreadable", "truncated.xlsx"),
    ]
    assert loaded.records == 2
    messages = {Path(f.file or "").name: f for f in loaded.findings.items}
    assert "0 字节" in messages["empty.xlsx"].message
    assert "已损坏" in messages["truncated.xlsx"].message
    # the reader library's English stays out of the Chinese message, in `detail` instead
    truncated = messages["truncated.xlsx"]
    assert truncated.detail and truncated.detail not in truncated.message


def test_encrypted_workbook_is_named_as_such(tmp_path: Path) -> None:
    from msoffcrypto.format.ooxml import OOXMLFile

    plain = good_workbook(tmp_path / "plain.xlsx")
    with plain.open("rb") as source, (tmp_path / "locked.xlsx").open("wb") as out:
        OOXMLFile(source).encrypt("secret", out)
    plain.unlink()
    (finding,) = load([tmp_path], today=TODAY).findings.items
    assert (finding.code, Path(finding.file or "").name) == ("file_encrypted", "locked.xlsx")
    assert "密码" in finding.message


def test_zip_bomb_is_refused_under_a_configured_limit(tmp_path: Path) -> None:
    bomb = zip_bomb(good_workbook(tmp_path / "seed.xlsx"), tmp_path / "bomb.xlsx", inflated_mb=40)
    (tmp_path / "seed.xlsx").unlink()
    assert bomb.stat().st_size < 1 << 20
    loaded = load([bomb], today=TODAY, limits=Limits(max_uncompressed_mb=16))
    (finding,) = loaded.findings.items
    assert finding.code == "file_too_large"
    assert "16" in finding.message and "--max-uncompressed-mb" in finding.message
    assert "ZYTALENT_MAX_UNCOMPRESSED_MB" in finding.message
    raised = load([bomb], today=TODAY, limits=Limits(max_uncompressed_mb=64))
    assert [
        f.code for f in raised.findings.items
    ] == []  # white space only: a valid, empty-ish sheet


@pytest.mark.slow
def test_zip_bomb_past_the_default_limit_is_refused_in_bounded_memory(tmp_path: Path) -> None:
    bomb = zip_bomb(good_workbook(tmp_path / "seed.xlsx"), tmp_path / "bomb.xlsx", inflated_mb=1100)
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "zytalent", "validate", str(bomb), "--format", "json"],
        capture_output=True,
        text=True,
        env={**os.environ, "ZYTALENT_MAX_UNCOMPRESSED_MB": ""},
    )
    elapsed = time.perf_counter() - started
    peak_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    assert result.returncode == 1 and "file_too_large" in result.stdout
    assert "Traceback" not in result.stderr
    assert elapsed < 60 and peak_mib < 800


@pytest.mark.parametrize("part", [SHEET, "docProps/core.xml", "xl/workbook.xml"])
def test_xml_entities_are_refused_in_any_part(tmp_path: Path, part: str) -> None:
    laughs = (
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c SYSTEM "file:///etc/passwd">]>'
    )
    hostile = rewrite_part(
        good_workbook(tmp_path / "seed.xlsx"),
        tmp_path / "laughs.xlsx",
        part,
        lambda text: laughs + text.split("?>", 1)[-1],
    )
    started = time.perf_counter()
    (finding,) = load([hostile], today=TODAY).findings.items
    assert (finding.code, finding.severity) == ("file_unsafe_xml", "error")
    assert part in finding.message
    assert time.perf_counter() - started < 5


def test_a_lying_dimension_and_a_million_empty_formatted_rows_cost_little(tmp_path: Path) -> None:
    seed = good_workbook(tmp_path / "seed.xlsx", rows=20)
    empty = "".join(
        f'<row r="{i}" s="1" customFormat="1"><c r="A{i}" s="1"/></row>' for i in range(23, 300_023)
    )
    hostile = rewrite_part(
        seed,
        tmp_path / "wide.xlsx",
        SHEET,
        lambda text: text.replace("</sheetData>", empty + "</sheetData>").replace(
            '<dimension ref="A1:F21" />', '<dimension ref="A1:XFD1048576" />'
        ),
    )
    seed.unlink()
    started = time.perf_counter()
    loaded = load([hostile], today=TODAY)
    assert time.perf_counter() - started < 10
    assert loaded.records == 20 and loaded.findings.errors == 0


def test_formulas_use_the_cached_value_and_a_missing_value_is_a_finding(tmp_path: Path) -> None:
    seed = write_xlsx(
        tmp_path / "seed.xlsx",
        {
            "s": [
                ["培训项目", "培训类别", "开始日期", "结束日期", "培训人次"],
                ["甲", "教师", "2023-07-01", "2023-07-03", 30],
                ["乙", "教师", "2023-07-01", "2023-07-03", 40],
            ]
        },
    )
    hostile = rewrite_part(
        seed,
        tmp_path / "formulas.xlsx",
        SHEET,
        lambda text: text.replace(
            '<c r="E2" t="n"><v>30</v></c>', '<c r="E2"><f>10*3</f><v>30</v></c>'
        ).replace('<c r="E3" t="n"><v>40</v></c>', '<c r="E3"><f>SUM(A1:A2)</f></c>'),
    )
    seed.unlink()
    loaded = load([hostile], today=TODAY)
    assert loaded.frames["training"]["trainees"].tolist()[0] == 30
    found = sorted((f.code, f.cell) for f in loaded.findings.items)
    assert found == [("cell_empty", "E3"), ("formula_without_value", "E3")]


def test_lock_files_hidden_files_and_other_types_are_skipped_with_a_note(tmp_path: Path) -> None:
    good_workbook(tmp_path / "台账.xlsx")
    (tmp_path / "~$台账.xlsx").write_bytes(b"\x00locked by Excel")
    (tmp_path / ".hidden.csv").write_text("x")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.csv").write_text("x")
    for name in ("附件.pdf", "data.json"):
        (tmp_path / name).write_bytes(b"something")
    loaded = load([tmp_path], today=TODAY)
    assert problems(loaded) == [
        ("info", "file_skipped", "data.json"),
        ("info", "file_skipped_temporary", ".hidden.csv"),
        ("info", "file_skipped_temporary", "~$台账.xlsx"),
        ("warning", "file_save_as", "附件.pdf"),
    ]
    assert loaded.records == 2


def test_symlink_loops_are_not_followed_and_dangling_links_are_findings(tmp_path: Path) -> None:
    good_workbook(tmp_path / "台账.xlsx")
    (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)
    (tmp_path / "gone.csv").symlink_to(tmp_path / "missing.csv")
    started = time.perf_counter()
    loaded = load([tmp_path], today=TODAY)
    assert time.perf_counter() - started < 5
    assert problems(loaded) == [
        ("error", "file_unreadable", "gone.csv"),
        ("info", "folder_link_skipped", "loop"),
    ]
    assert loaded.records == 2


def test_an_unreadable_file_is_a_finding(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    good_workbook(tmp_path / "a.xlsx")
    secret = write_csv(tmp_path / "secret.csv", [HIRES_HEADER, hire("张三", 1)])
    real_open = Path.open

    def guarded(self: Path, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        if self.name == "secret.csv":
            raise PermissionError(13, "Permission denied")
        return real_open(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "open", guarded)
    loaded = load([tmp_path], today=TODAY)
    assert problems(loaded) == [("error", "file_unreadable", "secret.csv")]
    assert "Permission denied" in loaded.findings.items[0].message
    assert secret.exists()


def test_wide_sheets_long_cells_control_and_rare_characters(tmp_path: Path) -> None:
    rare = "𠀀𪚥䶮"  # outside the BMP, and a 生僻字 inside it
    long_text = "长" * 32_767
    header = HIRES_HEADER + [f"备注{i}" for i in range(194)]
    row = [f"王{rare}", make_id(seq=1), "本科", long_text, "县直", "2023-03-01"] + [
        "x\t\u200b"
    ] * 194
    path = write_xlsx(tmp_path / "wide.xlsx", {"s": [header, row]})  # openpyxl refuses C0 controls
    loaded = load([path], today=TODAY)
    assert loaded.findings.errors == 0
    frame = loaded.frames["hires"]
    assert frame["name"].iloc[0] == f"王{rare}"
    assert frame["employer"].iloc[0] == long_text
    row[6:] = ["x\x01\x7f\x1b"] * 194  # control characters do reach CSV files
    csv_path = write_csv(tmp_path / "wide.csv", [header, row])
    assert load([csv_path], today=TODAY).frames["hires"]["name"].iloc[0] == f"王{rare}"


@pytest.mark.parametrize("delimiter", ["\t", ";", "，"])
def test_other_delimiters_are_detected(tmp_path: Path, delimiter: str) -> None:
    lines = [delimiter.join(HIRES_HEADER), delimiter.join(str(c) for c in hire("张三", 1))]
    path = tmp_path / "d.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    loaded = load([path], today=TODAY)
    assert loaded.findings.errors == 0 and loaded.records == 1


def test_quoted_newlines_keep_excel_row_numbers(tmp_path: Path) -> None:
    rows = [HIRES_HEADER, hire("张三", 1), hire("李四", 2, sector="农业")]
    rows[1][3] = "县委\n办公室"
    loaded = load([write_csv(tmp_path / "q.csv", rows)], today=TODAY)
    (finding,) = loaded.findings.items
    assert (finding.code, finding.row, finding.cell) == ("value_not_allowed", 3, "E3")
    assert loaded.frames["hires"]["employer"].iloc[0] == "县委\n办公室"


def test_ragged_rows_are_read_and_reported(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    good = ",".join(str(c) for c in hire("张三", 1))
    longer = ",".join(str(c) for c in hire("李四", 2)) + ",多余,的"
    shorter = ",".join(str(c) for c in hire("王五", 3)[:4])
    path.write_text(
        "\n".join([",".join(HIRES_HEADER), good, longer, shorter]) + "\n", encoding="utf-8"
    )
    loaded = load([path], today=TODAY)
    assert sorted((f.code, f.row) for f in loaded.findings.items) == [
        ("cell_empty", 4),
        ("cell_empty", 4),
        ("csv_ragged_rows", 3),
    ]
    assert loaded.records == 3


def test_inputs_are_unchanged_after_hostile_runs(tmp_path: Path) -> None:
    good = good_workbook(tmp_path / "good.xlsx")
    bad = tmp_path / "bad.xlsx"
    bad.write_text("not a workbook")
    before = [digest(good), digest(bad)]
    subprocess.run(
        [sys.executable, "-m", "zytalent", "validate", str(tmp_path)], capture_output=True
    )
    subprocess.run(
        [sys.executable, "-m", "zytalent", "summarize", "2023", str(tmp_path), "--skip-invalid"],
        capture_output=True,
    )
    assert [digest(good), digest(bad)] == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.xlsx", "good.xlsx"]


def test_a_pipe_is_a_finding_and_never_opened(tmp_path: Path) -> None:
    good_workbook(tmp_path / "台账.xlsx")
    os.mkfifo(tmp_path / "x.csv")
    started = time.perf_counter()
    for given in ([tmp_path], [tmp_path / "x.csv"]):
        loaded = load(given, today=TODAY)
        assert ("error", "file_not_regular", "x.csv") in problems(loaded)
    assert time.perf_counter() - started < 10


def test_a_folder_that_cannot_be_read_is_a_finding(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    good_workbook(tmp_path / "台账.xlsx")
    (tmp_path / "secret").mkdir()
    real_scandir = os.scandir

    def guarded(path: object = ".") -> object:
        if str(path).endswith("secret"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", guarded)
    loaded = load([tmp_path], today=TODAY)
    assert ("error", "folder_unreadable", "secret") in problems(loaded)
    assert loaded.records == 2


def test_a_far_cell_is_refused_before_a_reader_allocates_the_sheet(tmp_path: Path) -> None:
    """One real cell at XFD1048576 beside A1 once made python-calamine ask for 549 GB and
    abort the whole process (exit 134); the safety pass now names the cell. Run in a child
    process, so that a regression aborts the child, not the test run."""
    far = far_cell(good_workbook(tmp_path / "seed.xlsx"), tmp_path / "远单元格.xlsx", "XFD1048576")
    (tmp_path / "seed.xlsx").unlink()
    good_workbook(tmp_path / "正常.xlsx")
    result = subprocess.run(
        [sys.executable, "-m", "zytalent", "validate", str(tmp_path), "--format", "json"],
        capture_output=True,
        text=True,
        env={**os.environ, "ZYTALENT_MAX_CELLS": ""},
        timeout=120,
    )
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    import json

    report = json.loads(result.stdout)
    (finding,) = [f for f in report["findings"] if f["severity"] == "error"]
    assert finding["code"] == "file_too_large" and finding["file"].endswith(far.name)
    assert "XFD1048576" in finding["message"]
    assert report["summary"]["records"] == 2  # the other file is read


def test_wide_sheets_under_the_cell_limit_are_read_and_the_limit_is_configurable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    wide = far_cell(good_workbook(tmp_path / "seed.xlsx"), tmp_path / "wide.xlsx", "AZ1")
    (tmp_path / "seed.xlsx").unlink()
    assert load([wide], today=TODAY).findings.errors == 0
    monkeypatch.setenv("ZYTALENT_MAX_CELLS", "100")  # 3 rows × 52 columns
    (finding,) = load([wide], today=TODAY).findings.items
    assert finding.code == "file_too_large" and "AZ1" in finding.message
    assert "ZYTALENT_MAX_CELLS" in finding.message


@pytest.mark.parametrize("fields", [20_000, 50_000_000])
def test_a_csv_line_of_too_many_fields_is_refused_in_bounded_memory(
    tmp_path: Path, fields: int
) -> None:
    csv_file = one_line_csv(tmp_path / "一行.csv", fields)
    good_workbook(tmp_path / "正常.xlsx")
    started = time.perf_counter()
    loaded = load([tmp_path], today=TODAY)
    assert time.perf_counter() - started < 10
    (finding,) = loaded.findings.items
    assert (finding.code, finding.file) == ("file_too_large", str(csv_file))
    assert "第 1 行" in finding.message and "16,384" in finding.message
    assert loaded.records == 2


def test_a_csv_line_too_long_in_bytes_is_refused_and_long_cells_are_not(tmp_path: Path) -> None:
    long_cells = write_csv(
        tmp_path / "长单元格.csv", [HIRES_HEADER, hire("人1", 1), hire("人2", 2)]
    )
    text = long_cells.read_text(encoding="utf-8").replace("人1", "人1" + "注" * 30_000)
    long_cells.write_text(text, encoding="utf-8")
    huge = tmp_path / "长行.csv"
    huge.write_bytes(b"a" * (5 << 20) + b"\n")
    loaded = load([tmp_path], today=TODAY)
    assert [(f.code, f.file) for f in loaded.findings.items if f.severity == "error"][:1] == [
        ("file_too_large", str(huge))
    ]
    assert not any(
        f.file == str(long_cells) and f.code == "file_too_large" for f in loaded.findings.items
    )


def test_a_macro_sheet_is_skipped_with_a_note_and_the_worksheets_are_read(tmp_path: Path) -> None:
    book = with_macro_sheet(good_workbook(tmp_path / "seed.xlsx"), tmp_path / "宏.xlsm")
    loaded = load([book], today=TODAY)
    assert loaded.records == 2
    assert [(f.code, f.severity, f.sheet) for f in loaded.findings.items] == [
        ("sheet_macro_skipped", "info", "Macro1")
    ]


@pytest.mark.parametrize("state", ["show", "Visible", ""])
def test_a_sheet_state_excel_ignores_is_read_as_visible(tmp_path: Path, state: str) -> None:
    book = with_sheet_state(good_workbook(tmp_path / "seed.xlsx"), tmp_path / "状态.xlsx", state)
    loaded = load([book], today=TODAY)
    assert loaded.records == 2 and not loaded.findings.items


def test_a_workbook_without_worksheets_says_so_in_words(tmp_path: Path) -> None:
    book = without_worksheets(good_workbook(tmp_path / "seed.xlsx"), tmp_path / "空壳.xlsx")
    (finding,) = load([book], today=TODAY).findings.items
    assert finding.code == "file_unreadable"
    assert "没有可读的工作表" in finding.message and "“引进”" in finding.message


@pytest.mark.parametrize("at", [1, 500, 190_000])  # 190,000: in the second 1 MB block
def test_a_line_of_too_many_fields_among_short_ones_is_found_by_its_number(
    tmp_path: Path, at: int
) -> None:
    """The scan looks at single lines only where a block holds a line long enough to
    break a bound: one such line between thousands of short ones, in the first block or
    a later one, is still found, with its own line number."""
    from zytalent.reading.safety import UnreadableFile, check_csv_lines

    lines = [b"a,b,c"] * 200_000
    lines[at - 1] = b",".join([b"x"] * 20_000)
    path = tmp_path / "wide.csv"
    path.write_bytes(b"\n".join(lines) + b"\n")
    with pytest.raises(UnreadableFile) as caught:
        check_csv_lines(path)
    assert caught.value.ctx["line"] == at and caught.value.ctx["fields"] == "20,000"
    path.write_bytes(b"\n".join([b"a,b,c"] * 200_000) + b"\n")
    check_csv_lines(path)  # short lines only: nothing to say
