"""A large CSV is read and checked in chunks of rows: records, findings and figures must be
exactly those of reading it whole, wherever the chunk boundaries fall (forced tiny here:
boundaries inside quoted line breaks, 合计 and 小计 spans, duplicate pairs, footer lines)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from helpers import TODAY, make_id
from hypothesis import given
from hypothesis import strategies as st

from zytalent.checks import repeats as repeats_module
from zytalent.figures.engine import Engine
from zytalent.load import Loaded, load
from zytalent.reading.chunks import csv_chunks
from zytalent.reading.grids import read_csv_grid
from zytalent.reading.safety import Limits
from zytalent.summary import summarize

FIXTURES = Path(__file__).parent / "fixtures"
DATA = Path(__file__).parent.parent / "data"
WHOLE = Limits(chunk_bytes=1 << 40)  # never in chunks


def chunked(rows: int) -> Limits:
    return Limits(chunk_rows=rows, chunk_bytes=0)


MEALS_HEADER = "日期,服务点,姓名,身份证号,就餐次数,政府补贴,集体补贴,个人支付,子女支付,社会捐赠"


def meal(month: int, point: str, name: str, seq: int, meals: object = 20) -> str:
    number = make_id(dt.date(1950, 1, 1) + dt.timedelta(days=seq), seq=seq % 1000)
    money = meals if isinstance(meals, int) else 0
    return f"2023-{month:02d},{point},{name},{number},{meals},{money},0,0,0,0"


def write_meals(path: Path) -> Path:
    """Title row; 60 plain rows first (a quoted line break in the first rows sends a file
    to the exact reader, whole); then a quoted service point with a line break, a 小计
    after each town, a 合计 that disagrees where a cell was invalid, identical rows far
    apart, footer lines."""
    first = [meal(m % 12 + 1, "宁乡镇幸福小院", f"老人{m // 12}", m // 12) for m in range(60)]
    broken = [meal(m, '"金罗镇\n第二幸福小院"', "李四", 7) for m in range(1, 4)]
    invalid = [meal(4, "金罗镇幸福小院", "李四", 7, meals="十二次左右")]
    second = [meal(m, "金罗镇幸福小院", "王五", 8) for m in range(5, 9)]
    lines = [
        "中阳县2023年老年助餐服务台账,,,,,,,,,",
        MEALS_HEADER,
        *first,
        "小计,,,,1200,1200,0,0,0,0",
        *broken,
        *invalid,
        first[2],  # identical to a row many chunks above
        *second,
        "小计,,,,172,160,0,0,0,0",
        "合计,,,,1392,1380,0,0,0,0",
        "填表人：赵六,,,,,,,,,",
        "说明：本表按月填报,,,,,,,,,",
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def write_hires(path: Path, people: int = 12) -> Path:
    header = "姓名,身份证号,学历,毕业学校,专业,引进单位,系统,引进方式,到岗日期"
    rows = [
        f"人{i},{make_id(seq=i)},硕士研究生,山西大学,临床医学,县人民医院,卫生系统,公开招聘,2023/7/{i % 28 + 1}"
        for i in range(people)
    ]
    rows.insert(9, rows[2].replace("人2,", "人二,"))  # the same person again, another name
    rows.insert(4, rows[1])  # an identical row
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


def same(whole: Loaded, chunks: Loaded) -> None:
    assert whole.report() == chunks.report()
    assert list(whole.frames) == list(chunks.frames)
    for kind, frame in whole.frames.items():
        pd.testing.assert_frame_equal(frame, chunks.frames[kind])


def loaded(paths: list[Path], limits: Limits, **options: object) -> Loaded:
    return load(paths, today=TODAY, limits=limits, **options)  # type: ignore[arg-type]


def test_chunks_are_the_rows_of_a_whole_read(tmp_path: Path) -> None:
    path = write_meals(tmp_path / "meals.csv")
    whole = read_csv_grid(path).cells
    for rows in (1, 2, 3, 16):
        grids = list(csv_chunks(path, rows) or [])
        assert grids[0].first_row == 0 and len(grids[0].cells) >= min(15, len(whole))
        assert [g.first_row for g in grids[1:]] == [
            sum(len(g.cells) for g in grids[:i]) for i in range(1, len(grids))
        ]
        pd.testing.assert_frame_equal(pd.concat([g.cells for g in grids], ignore_index=True), whole)


@pytest.mark.parametrize("rows", [1, 2, 3, 4, 5, 7, 1000])
def test_every_boundary_gives_the_records_and_findings_of_a_whole_read(
    tmp_path: Path, rows: int
) -> None:
    paths = [write_meals(tmp_path / "meals.csv"), write_hires(tmp_path / "hires.csv")]
    whole = loaded(paths, WHOLE, year=2023)
    codes = {f.code for f in whole.findings.items}
    # the file really holds what it is meant to test
    assert {"total_mismatch_invalid", "duplicate_row", "duplicate_person", "rows_skipped"} <= codes
    same(whole, loaded(paths, chunked(rows), year=2023))


@pytest.mark.parametrize("rows", [1, 3, 8])
def test_every_csv_fixture_reads_the_same_in_chunks(rows: int) -> None:
    files = sorted(FIXTURES.rglob("*.csv"))
    assert len(files) >= 4
    for path in files:
        same(loaded([path], WHOLE, year=2023), loaded([path], chunked(rows), year=2023))


def test_the_sample_data_reads_the_same_in_chunks() -> None:
    for year in (2022, 2023):
        whole = summarize(year, [DATA / str(year)], today=TODAY, limits=WHOLE)
        chunks = summarize(year, [DATA / str(year)], today=TODAY, limits=chunked(97))
        assert chunks.to_dict() == whole.to_dict()


@pytest.mark.parametrize("rows", [1, 2, 5])
def test_stored_figures_equal_figures_of_kept_records(tmp_path: Path, rows: int) -> None:
    """Records stored batch by batch in the engine's tables (a file rolled back and read
    again whole on the way) give the figures of records kept as frames."""
    paths = [write_meals(tmp_path / "meals.csv"), write_hires(tmp_path / "hires.csv")]
    kept = summarize(2023, paths, today=TODAY, limits=WHOLE, skip_invalid=True, keep_records=True)
    assert kept.loaded.frames and not kept.loaded.stored
    stored = summarize(2023, paths, today=TODAY, limits=chunked(rows), skip_invalid=True)
    assert set(stored.loaded.stored) == {"meals", "hires"} and not stored.loaded.frames
    assert stored.to_dict() == kept.to_dict()
    assert stored.values["meals.elders"] == 7


def test_identical_rows_are_confirmed_on_their_values_not_their_hashes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every row hashing alike (the worst collision): only really identical rows are
    reported, both when records are kept and when they are read again to confirm."""
    paths = [write_meals(tmp_path / "meals.csv"), write_hires(tmp_path / "hires.csv")]
    honest = loaded(paths, WHOLE, year=2023)
    crowded = lambda keys: np.zeros(len(keys), dtype=np.uint64)  # noqa: E731
    monkeypatch.setattr(repeats_module, "row_hashes", crowded)
    same(honest, loaded(paths, WHOLE, year=2023))
    colliding = summarize(2023, paths, today=TODAY, limits=chunked(2), skip_invalid=True)
    assert colliding.loaded.report() == honest.report()


def test_a_person_in_two_files_is_found_across_chunks_and_files(tmp_path: Path) -> None:
    first = write_hires(tmp_path / "a.csv")
    second = tmp_path / "b.csv"
    lines = first.read_text(encoding="utf-8").splitlines()
    second.write_text("\n".join([lines[0], lines[-1]]) + "\n", encoding="utf-8")
    for limits in (WHOLE, chunked(1)):
        result = loaded([first, second], limits)
        people = [f for f in result.findings.items if f.code == "duplicate_person"]
        assert {f.file for f in people} == {str(first), str(second)}


def test_a_surprise_part_way_reads_the_file_again_whole(tmp_path: Path) -> None:
    """A ragged row and GB18030 bytes after a UTF-8 start appear only after the first
    chunks: what was read of the file is rolled back and the file read whole."""
    rows = [meal(m % 12 + 1, "宁乡镇幸福小院", f"老人{m}", m) for m in range(80)]
    ragged = tmp_path / "ragged.csv"
    lines = [MEALS_HEADER, *rows]
    lines[70] += ",多出来的一格"
    ragged.write_text("\n".join(lines) + "\n", encoding="utf-8")
    mixed = tmp_path / "mixed.csv"
    mixed.write_bytes(
        ("\n".join([MEALS_HEADER, *rows[:60]]) + "\n").encode("utf-8")
        + ("\n".join(rows[60:]) + "\n").encode("gb18030")
    )
    for path in (ragged, mixed):
        whole = loaded([path], WHOLE, year=2023)
        same(whole, loaded([path], chunked(4), year=2023))
        tallied = summarize(2023, [path], today=TODAY, limits=chunked(4), skip_invalid=True)
        kept = summarize(2023, [path], today=TODAY, limits=WHOLE, skip_invalid=True)
        assert tallied.to_dict() == kept.to_dict()
    assert any(f.code == "csv_ragged_rows" for f in loaded([ragged], chunked(4)).findings.items)


def test_a_month_per_column_csv_is_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "months.csv"
    number = make_id(dt.date(1950, 3, 1), seq=5)
    lines = ["服务点,姓名,身份证号,2023年1月,2023年2月,2023年3月"]
    lines += [
        f"宁乡镇幸福小院,老人{i},{make_id(dt.date(1950, 3, i + 1), seq=i)},20,18,0"
        for i in range(25)
    ]
    lines.append(f"宁乡镇幸福小院,老人,{number},1,2,3")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    same(loaded([path], WHOLE, year=2023), loaded([path], chunked(2), year=2023))


@given(st.lists(st.tuples(st.lists(st.integers(0, 40), max_size=30), st.booleans()), max_size=12))
def test_repeated_hashes_are_those_noted_twice_in_files_kept(
    files: list[tuple[list[int], bool]],
) -> None:
    """The engine's row hashes: a hash is a candidate when the files not taken back noted
    it at least twice (in one file or in two), 2**64 - 1 included."""
    with Engine() as engine:
        kept: list[int] = []
        for number, (batch, taken_back) in enumerate(files):
            hashes = np.array(batch, dtype=np.uint64) * np.uint64(
                0x0FFF_FFFF_FFFF_FFFF
            ) - np.uint64(1)
            engine.note_rows("meals", hashes, number)
            if taken_back:
                engine.forget("meals", number)
            else:
                kept += hashes.tolist()
        twice = sorted({h for h in kept if kept.count(h) > 1})
        assert engine.repeated_hashes("meals").tolist() == twice


def test_progress_moves_within_a_file_read_in_chunks(tmp_path: Path) -> None:
    """A file of millions of rows takes a while: the bar moves with the chunks, forward
    only, and ends at the file's size."""
    path = tmp_path / "meals.csv"
    rows = [meal(m % 12 + 1, "宁乡镇幸福小院", f"老人{m}", m) for m in range(20_000)]
    path.write_text("\n".join([MEALS_HEADER, *rows]) + "\n", encoding="utf-8")
    seen: list[int] = []
    load(
        [path], today=TODAY, limits=chunked(200), progress=lambda _, done, total: seen.append(done)
    )
    size = path.stat().st_size
    assert seen[0] == 0 and seen[-1] == size and seen == sorted(seen)
    assert len([d for d in seen if 0 < d < size]) >= 2  # moved during the file


def test_a_file_read_again_whole_forgets_what_its_chunks_added(tmp_path: Path) -> None:
    """The people, candidates and lost rows that the first chunks of a file added are
    taken back before it is read whole: nobody is then a repeat of themselves."""
    first = write_hires(tmp_path / "a.csv")
    header, *people = first.read_text(encoding="utf-8").splitlines()
    others = [
        f"新人{i},{make_id(dt.date(1991, 1, 1) + dt.timedelta(days=i), seq=i)},硕士研究生,"
        f"山西大学,临床医学,县人民医院,卫生系统,公开招聘,2023/8/{i % 28 + 1}"
        for i in range(80)
    ]
    lines = [header, *others[:30], people[3], people[3], *others[30:]]
    lines[70] += ",多出来的一格"
    second = tmp_path / "b.csv"
    second.write_text("\n".join(lines) + "\n", encoding="utf-8")
    whole = loaded([first, second], WHOLE, year=2023)
    assert any(f.code == "csv_ragged_rows" for f in whole.findings.items)
    same(whole, loaded([first, second], chunked(4), year=2023))
    kept = summarize(2023, [first, second], today=TODAY, limits=WHOLE, skip_invalid=True)
    tallied = summarize(2023, [first, second], today=TODAY, limits=chunked(4), skip_invalid=True)
    assert tallied.to_dict() == kept.to_dict()
