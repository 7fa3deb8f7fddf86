"""Progress is reported as data, and the fast and exact CSV readers agree."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from helpers import TODAY, make_id, write_csv

from zytalent.load import load
from zytalent.reading import grids


def test_progress_reports_each_file_with_bytes(tmp_path: Path) -> None:
    header = ["日期", "服务点", "姓名", "身份证号", "就餐次数"]
    for seq, name in enumerate(("a.csv", "b.csv"), start=1):
        elder = make_id(dt.date(1950, 1, 1), seq)
        write_csv(tmp_path / name, [header, ["2023-03", "点", "王", elder, 3]])
    calls: list[tuple[str, int, int]] = []
    load(
        [tmp_path],
        today=TODAY,
        progress=lambda path, done, total: calls.append((path.name, done, total)),
    )
    size = (tmp_path / "a.csv").stat().st_size
    read, checked = int(size * 0.4), int(size * 0.7)  # a file read whole: parsed, checked
    assert calls == [
        ("a.csv", 0, 2 * size),
        ("a.csv", read, 2 * size),
        ("a.csv", checked, 2 * size),
        ("a.csv", size, 2 * size),
        ("b.csv", size, 2 * size),
        ("b.csv", size + read, 2 * size),
        ("b.csv", size + checked, 2 * size),
        ("b.csv", 2 * size, 2 * size),
    ]


def test_progress_moves_within_a_workbook_read_whole(tmp_path: Path) -> None:
    """A workbook is parsed whole, but its sheets and tables are checked one by one: the
    bar moves between them, forward only, in proportion to the rows checked."""
    from helpers import HIRES_HEADER, hire, write_xlsx

    sheets = {
        f"第{n}批": [HIRES_HEADER, *(hire(f"人{n}{i}", n * 100 + i) for i in range(n * 10))]
        for n in (1, 2, 3)
    }
    path = write_xlsx(tmp_path / "引进.xlsx", sheets)
    seen: list[int] = []
    load([path], today=TODAY, progress=lambda _, done, total: seen.append(done))
    size = path.stat().st_size
    rows = [len(rows) for rows in sheets.values()]
    shares = [0.4 + 0.3 * sum(rows[: k + 1]) / sum(rows) for k in range(3)]
    assert seen == [0, int(size * 0.4), *(int(size * share) for share in shares), size]
    assert seen == sorted(seen) and len(set(seen)) == len(seen)  # forward, a step a sheet


def test_the_fast_and_the_exact_csv_readers_agree(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The Arrow reader serves ordinary files and the csv-module reader the unusual ones;
    on the same data they must give identical records and findings."""
    data = Path(__file__).resolve().parent.parent / "data" / "2023"
    files = [
        *sorted(data.glob("*.csv")),
        Path(__file__).resolve().parent / "fixtures" / "gbk_meals.csv",
    ]
    fast = load(files, year=2023, today=TODAY)
    monkeypatch.setattr(grids, "_read_csv_arrow", lambda *args, **kwargs: None)
    exact = load(files, year=2023, today=TODAY)
    assert [f.to_dict() for f in fast.findings.sorted()] == [
        f.to_dict() for f in exact.findings.sorted()
    ]
    assert fast.frames.keys() == exact.frames.keys()
    for kind, frame in fast.frames.items():
        other = exact.frames[kind]
        assert frame.shape == other.shape
        for column in frame.columns:
            assert (
                frame[column].astype(object).fillna("∅").tolist()
                == other[column].astype(object).fillna("∅").tolist()
            ), (kind, column)


def test_a_bar_appears_for_a_read_that_takes_more_than_a_second(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Small but slow inputs (a 100k-row workbook is 5 MB) get a bar too, after a second;
    quick ones never flash one."""
    import sys
    import time

    from rich.progress import Progress

    from zytalent.render import progress

    started: list[bool] = []
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    monkeypatch.setattr(Progress, "start", lambda self: started.append(True))
    monkeypatch.setattr(Progress, "stop", lambda self: None)
    monkeypatch.setattr(progress, "SHOW_AFTER_SECONDS", 0.2)
    with progress.reading_progress(quiet=False) as update:
        assert update is not None
        update(Path("quick.xlsx"), 0, 1000)
    assert started == []  # over before the bar was due
    with progress.reading_progress(quiet=False) as update:
        assert update is not None
        update(Path("slow.xlsx"), 0, 1000)
        time.sleep(0.5)
    assert started == [True]
