"""Reads that no safety pass can bound run in a worker process with a time and a memory
limit: a file past either is a finding, the worker is replaced, the next file is read."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from helpers import HIRES_HEADER, TODAY, hire

from zytalent.load import load
from zytalent.reading.isolated import should_isolate
from zytalent.reading.safety import Limits

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.fixture()
def xls(tmp_path: Path) -> Path:
    """A BIFF8 .xls of 2,000 hires, as Excel 97-2003 saves it."""
    import xlwt

    book = xlwt.Workbook()
    sheet = book.add_sheet("引进")
    for r, row in enumerate([HIRES_HEADER, *(hire(f"人{i}", i % 999 + 1) for i in range(2000))]):
        for c, value in enumerate(row):
            sheet.write(r, c, value)
    path = tmp_path / "seed.xls"
    book.save(str(path))
    return path


def test_which_reads_are_isolated() -> None:
    risky = Limits()
    assert risky.isolate == "risky"
    assert should_isolate(Path("a.xlsb"), risky) and should_isolate(Path("a.ODS"), risky)
    assert not should_isolate(Path("a.xlsx"), risky)  # the safety pass bounds it
    assert should_isolate(Path("a.xlsx"), replace(risky, isolate="all"))
    assert not should_isolate(Path("a.xls"), replace(risky, isolate="none"))


def test_a_read_past_its_time_is_a_finding_and_the_next_file_is_read(
    tmp_path: Path, xls: Path
) -> None:
    slow = shutil.copy(xls, tmp_path / "慢.xls")
    limits = Limits(read_seconds=0.001)
    loaded = load([Path(slow)], today=TODAY, limits=limits)
    (finding,) = loaded.findings.items
    assert (finding.code, finding.severity) == ("file_read_stopped", "error")
    assert "0.001 秒" in finding.message or "0.001 seconds" in finding.message
    again = load([Path(slow)], today=TODAY, limits=Limits())
    assert again.records > 0 and not any(
        f.code == "file_read_stopped" for f in again.findings.items
    )


def test_a_read_past_its_memory_is_a_finding_not_an_abort(tmp_path: Path, xls: Path) -> None:
    hungry = shutil.copy(xls, tmp_path / "大.xls")
    loaded = load([Path(hungry)], today=TODAY, limits=Limits(read_memory_mb=1))
    (finding,) = loaded.findings.items
    assert finding.code == "file_read_stopped"
    assert "1 MB" in finding.message
    assert load([Path(hungry)], today=TODAY).records > 0  # a new worker, the usual limit


def test_isolated_and_in_process_reads_give_the_same_records(xls: Path) -> None:
    files = [xls, FIXTURES / "layout_wps.ods", FIXTURES / "layout_excel4.xls"]
    inside = load(files, today=TODAY, limits=Limits(isolate="none"))
    outside = load(files, today=TODAY, limits=Limits(isolate="all"))
    assert inside.records == outside.records > 0
    for kind, frame in inside.frames.items():
        assert frame.equals(outside.frames[kind])
    assert [f.to_dict() for f in inside.findings.items] == [
        f.to_dict() for f in outside.findings.items
    ]


def test_the_foreign_corpus_script_reports_each_odd_file_without_a_crash(tmp_path: Path) -> None:
    """scripts/foreign_corpus.py over the odd workbooks of tests/hostile/builders.py: each
    is read or a finding, in its own bounded process; none crashes, hangs or tracebacks."""
    import subprocess
    import sys

    from hostile.builders import far_cell, good_workbook, with_macro_sheet, without_worksheets

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    seed = good_workbook(tmp_path / "seed.xlsx")
    far_cell(seed, corpus / "far.xlsx", "XFD1048576")
    with_macro_sheet(seed, corpus / "macro.xlsm")
    without_worksheets(seed, corpus / "shell.xlsx")
    script = Path(__file__).resolve().parents[2] / "scripts" / "foreign_corpus.py"
    result = subprocess.run(
        [sys.executable, str(script), str(corpus), "--seconds", "120", "--memory-mb", "4096"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 spreadsheets" in result.stdout
    assert "exit 1     2" in result.stdout and "exit 0     1" in result.stdout
    assert "crash" not in result.stdout and "hang" not in result.stdout


def test_a_server_starting_starts_every_check_worker(tmp_path: Path) -> None:
    """`zytalent serve` starts its check workers as it starts (the app's lifespan), each
    having run one check, so that the first uploads wait for no worker's start-up."""
    import time

    from starlette.testclient import TestClient

    from zytalent.reading import isolated
    from zytalent.web.app import create_app

    isolated._POOL.stop()
    isolated._POOL.all.clear()
    while not isolated._POOL.idle.empty():
        isolated._POOL.idle.get()
    with TestClient(create_app(tmp_path / "data")) as client:
        assert client.get("/healthz").text == "ok"  # answers while the workers start
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and isolated._POOL.idle.qsize() < isolated._POOL.size:
            time.sleep(0.1)
    workers = isolated._POOL.all
    assert len(workers) == isolated._POOL.size
    assert all(w.process is not None and w.process.poll() is None for w in workers)
