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
