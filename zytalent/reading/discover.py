"""Turn the paths a user gives into the spreadsheet files to read."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from zytalent import findings as fnd
from zytalent.errors import UsageError
from zytalent.i18n import render
from zytalent.messages import MESSAGES

SPREADSHEET_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xls", ".csv"})


@dataclass(frozen=True)
class Discovered:
    files: list[Path]
    notes: list[fnd.Finding]


def discover(paths: Iterable[str | Path]) -> Discovered:
    """Files named directly are read whatever they are called; folders are walked
    recursively for spreadsheets, without following symbolic links (no loops)."""
    files: list[Path] = []
    notes: list[fnd.Finding] = []
    seen: set[Path] = set()
    for given in paths:
        path = Path(given)
        if not path.exists():
            raise UsageError(render(MESSAGES, "path_missing", {"path": path}))
        candidates = [path] if path.is_file() else _walk(path)
        for candidate in candidates:
            key = candidate.resolve()
            if key in seen:
                continue
            seen.add(key)
            skip = _skip_reason(candidate, named=candidate == path)
            if skip:
                notes.append(fnd.make("info", skip, file=str(candidate), suffix=candidate.suffix))
            else:
                files.append(candidate)
    return Discovered(files, notes)


def _walk(folder: Path) -> list[Path]:
    found: list[Path] = []
    for root, dirs, names in os.walk(folder, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(Path(root) / name for name in sorted(names))
    return found


def _skip_reason(path: Path, named: bool) -> str | None:
    name = path.name
    if name.startswith("~$") or (name.startswith(".") and not named):
        return "file_skipped_temporary"
    if path.suffix.lower() not in SPREADSHEET_SUFFIXES and not named:
        return "file_skipped"
    return None
