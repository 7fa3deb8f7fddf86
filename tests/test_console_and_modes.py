"""Any console, any shared folder: output that cannot be encoded is replaced, never a
crash; files zytalent writes get the mode a normally created file gets."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from zytalent.writers.outputs import write_atomic

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    "encoding",
    [
        "cp1252",
        pytest.param("gbk", marks=pytest.mark.slow),
        pytest.param("ascii", marks=pytest.mark.slow),
    ],
)
def test_a_console_that_cannot_encode_chinese_gets_replacements(encoding: str) -> None:
    env = {**os.environ, "PYTHONIOENCODING": encoding, "COLUMNS": "80"}
    result = subprocess.run(
        [sys.executable, "-m", "zytalent", "validate", str(ROOT / "data" / "2023")],
        capture_output=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr.decode(encoding, "replace")
    assert b"Traceback" not in result.stderr and b"UnicodeEncodeError" not in result.stderr
    text = result.stdout.decode(encoding)
    assert "27,062" in text  # the numbers survive; what cannot be shown becomes "?"


@pytest.mark.skipif(os.name == "nt", reason="POSIX file modes")
@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_written_files_get_the_mode_the_umask_gives(tmp_path: Path, umask: int, mode: int) -> None:
    old = os.umask(umask)
    try:
        target = tmp_path / "out.xlsx"
        write_atomic(target, b"data")
    finally:
        os.umask(old)
    assert stat.S_IMODE(target.stat().st_mode) == mode
    assert target.read_bytes() == b"data"


@pytest.mark.skipif(os.name == "nt", reason="POSIX signals")
def test_a_write_killed_half_way_leaves_the_old_file_whole(tmp_path: Path) -> None:
    """Atomic writes, without patching anything: a writer killed while it writes leaves
    the file as it was (here: the previous version), never half of the new one."""
    import signal
    import time

    target = tmp_path / "out.xlsx"
    target.write_bytes(b"old version")
    code = (
        "import sys, time; from pathlib import Path; from zytalent.writers import outputs\n"
        "real = outputs.os.fsync\n"
        "def slow(fd):\n"
        "    print('writing', flush=True); time.sleep(30); real(fd)\n"
        "outputs.os.fsync = slow\n"
        f"outputs.write_atomic(Path({str(target)!r}), b'x' * 50_000_000, force=True)\n"
    )
    with subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True) as child:
        assert child.stdout is not None and child.stdout.readline().strip() == "writing"
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    time.sleep(0.1)
    assert target.read_bytes() == b"old version"
    leftovers = [p.name for p in tmp_path.iterdir() if p.name != "out.xlsx"]
    assert all(name.startswith(".out.xlsx.") and name.endswith(".part") for name in leftovers)
