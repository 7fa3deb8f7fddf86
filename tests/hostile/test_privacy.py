"""No unmasked ID or mobile number in any output, and no network connection, ever."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import HIRES_HEADER, hire, make_id, write_csv, write_xlsx
from typer.testing import CliRunner

from zytalent.cli.app import app

runner = CliRunner()
ID_LIKE = re.compile(r"(?<![0-9])[0-9]{17}[0-9X](?![0-9])")
MOBILE_LIKE = re.compile(r"(?<![0-9])1[3-9][0-9]{9}(?![0-9])")


@pytest.fixture()
def personal(tmp_path: Path) -> tuple[Path, list[str]]:
    """Ledgers whose every finding involves an ID number: wrong check characters,
    duplicates, under-age elders."""
    good = make_id(seq=1)
    wrong = good[:17] + ("0" if good[17] != "0" else "1")
    young = make_id(dt.date(1980, 1, 1), 7)
    write_csv(
        tmp_path / "hires.csv",
        [
            HIRES_HEADER,
            hire("张三", 1),
            hire("李四", 1),
            ["王五", wrong, "本科", "县委办", "县直", "2023-03-01"],
        ],
    )
    write_xlsx(
        tmp_path / "meals.xlsx",
        {
            "s": [
                ["日期", "服务点", "姓名", "身份证号", "就餐次数", "备注"],
                ["2023-03", "点", "刘", young, 3, "13812345678"],
            ]
        },
    )
    return tmp_path, [good, wrong, young]


def outputs(folder: Path) -> list[str]:
    commands = [
        ["validate", str(folder)],
        ["validate", str(folder), "--format", "json"],
        ["validate", str(folder), "--lang", "en"],
        ["summarize", "2023", str(folder)],
        ["summarize", "2023", str(folder), "--format", "json"],
        ["summarize", "2023", str(folder), "--skip-invalid"],
        ["summarize", "2023", str(folder), "--skip-invalid", "--format", "json"],
    ]
    texts = []
    for command in commands:
        result = runner.invoke(app, command)
        texts.append(result.stdout + result.stderr)
    return texts


def test_no_output_carries_a_full_id_number(personal: tuple[Path, list[str]]) -> None:
    folder, numbers = personal
    for text in outputs(folder):
        for number in numbers:
            assert number not in text
        assert not ID_LIKE.search(text)
        assert not MOBILE_LIKE.search(text)
    assert "141129" in "".join(outputs(folder)) or "142332" in "".join(outputs(folder))


def test_show_personal_prints_them_on_request(personal: tuple[Path, list[str]]) -> None:
    folder, numbers = personal
    result = runner.invoke(app, ["validate", str(folder), "--format", "json", "--show-personal"])
    values = {f["value"] for f in json.loads(result.stdout)["findings"]}
    assert numbers[1] in values


def test_debug_traceback_does_not_print_locals(
    personal: tuple[Path, list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, numbers = personal

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr("zytalent.summary.Summary.to_dict", broken)
    result = runner.invoke(
        app, ["summarize", "2023", str(folder), "--skip-invalid", "--format", "json", "--debug"]
    )
    assert result.exit_code == 3
    assert "RuntimeError: boom" in result.stderr
    assert not any(n in result.stderr for n in numbers)
    plain = runner.invoke(
        app, ["summarize", "2023", str(folder), "--skip-invalid", "--format", "json"]
    )
    assert plain.exit_code == 3 and "Traceback" not in plain.stderr and "--debug" in plain.stderr


def test_no_network_connection_is_made(
    personal: tuple[Path, list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, _ = personal
    attempts: list[object] = []

    def refuse(self: socket.socket, address: object) -> None:
        attempts.append(address)
        raise OSError("network disabled in this test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    outputs(folder)
    assert attempts == []


def test_ctrl_c_exits_130_without_a_traceback(tmp_path: Path) -> None:
    """Deterministic: the interrupt is sent once the command is running, never during
    start-up: when the child is seen holding the file open, or, should every short
    window of that be missed, once its /proc io counter shows more than twice the file
    read (start-up reads less than the file's size). The product remembers the signal as
    well as raising it, so a KeyboardInterrupt lost on the way cannot turn it into exit 1,
    and the checking of 400,000 rows lasts long after the file is read."""
    import signal
    import time

    if not Path("/proc/self/io").exists():
        pytest.skip("needs /proc to see how much the child has read")
    big = tmp_path / "big.csv"
    row = "，".join(str(c) for c in hire("张三", 1))
    big.write_text("，".join(HIRES_HEADER) + "\n" + (row + "\n") * 400_000, encoding="utf-8")
    size = big.stat().st_size
    process = subprocess.Popen(
        [sys.executable, "-m", "zytalent", "validate", str(big)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 120
    read, is_open = 0, False
    while time.monotonic() < deadline and process.poll() is None:
        try:
            counters = Path(f"/proc/{process.pid}/io").read_text()
            read = int(counters.split("rchar:")[1].split()[0])
            is_open = str(big) in [
                os.readlink(f) for f in Path(f"/proc/{process.pid}/fd").iterdir()
            ]
        except (OSError, IndexError, ValueError):
            pass
        if is_open or read > 2 * size:
            break
        time.sleep(0.002)
    assert process.poll() is None, "the child finished before it could be interrupted"
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=120)
    assert process.returncode == 130, err
    assert "Traceback" not in err
