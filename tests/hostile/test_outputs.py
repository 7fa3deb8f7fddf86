"""Output files are written whole or not at all, and never over a file without --force."""

from __future__ import annotations

from pathlib import Path

import pytest

from zytalent.diagnostics.errors import UsageError
from zytalent.writers.outputs import write_atomic


def test_write_atomic_writes_and_refuses_to_overwrite(tmp_path: Path) -> None:
    target = tmp_path / "out" / "report.json"
    write_atomic(target, b"one")
    assert target.read_bytes() == b"one"
    with pytest.raises(UsageError):
        write_atomic(target, b"two")
    assert target.read_bytes() == b"one"
    write_atomic(target, b"two", force=True)
    assert target.read_bytes() == b"two"
    assert sorted(p.name for p in target.parent.iterdir()) == ["report.json"]


def test_an_interrupted_write_leaves_no_partial_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "report.json"

    def interrupted(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("os.replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, b"x" * 1000)
    assert list(tmp_path.iterdir()) == []


def _disk_full(monkeypatch: pytest.MonkeyPatch) -> None:
    import errno
    import os

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("zytalent.writers.outputs.os.fsync", full)


@pytest.mark.parametrize(
    "command",
    [
        ["summarize", "2023", "DATA", "--format", "json", "--output", "OUT"],
        ["report", "2023", "DATA", "--output", "OUT"],
    ],
)
def test_a_full_disk_is_said_in_chinese_and_the_previous_file_stays(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    from typer.testing import CliRunner

    from zytalent.cli.app import app

    data = Path(__file__).resolve().parents[2] / "data" / "2023"
    out = tmp_path / "上次.out"
    out.write_bytes(b"previous")
    _disk_full(monkeypatch)
    args = [str(data) if a == "DATA" else str(out) if a == "OUT" else a for a in command]
    result = CliRunner().invoke(app, [*args, "--force", "--lang", "zh"])
    assert result.exit_code == 1, result.stderr
    assert "磁盘空间不足" in result.stderr and "Traceback" not in result.stderr
    assert "internal error" not in result.stderr
    assert out.read_bytes() == b"previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["上次.out"]  # no .part left


def test_annotate_on_a_full_disk_still_reports_and_names_each_copy_not_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import json

    from helpers import HIRES_HEADER, hire, write_csv
    from typer.testing import CliRunner

    from zytalent.cli.app import app

    bad = write_csv(tmp_path / "bad.csv", [HIRES_HEADER, hire("张三", 1, sector="农业")])
    _disk_full(monkeypatch)
    result = CliRunner().invoke(
        app, ["validate", str(bad), "--annotate", str(tmp_path / "退回"), "--format", "json"]
    )
    assert result.exit_code == 1 and "Traceback" not in result.stderr
    report = json.loads(result.stdout)
    codes = {f["code"] for f in report["findings"]}
    assert "value_not_allowed" in codes or len(codes) > 1
    (unwritten,) = [f for f in report["findings"] if f["code"] == "annotate_not_written"]
    assert unwritten["file"] == str(bad)


def test_an_output_path_through_a_file_is_a_clear_error(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from zytalent.cli.app import app

    data = Path(__file__).resolve().parents[2] / "data" / "2023"
    (tmp_path / "不是文件夹").write_text("x")
    result = CliRunner().invoke(
        app,
        [
            "summarize",
            "2023",
            str(data),
            "--format",
            "json",
            "--output",
            str(tmp_path / "不是文件夹" / "汇总.json"),
            "--lang",
            "zh",
        ],
    )
    assert result.exit_code == 1
    assert "未能写出" in result.stderr and "不是文件夹" in result.stderr
