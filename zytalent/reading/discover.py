"""Turn the paths a user gives into the spreadsheet files to read."""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from zytalent.diagnostics import findings as fnd
from zytalent.diagnostics.codes import (
    FILE_DUPLICATE,
    FILE_NOT_REGULAR,
    FILE_SAVE_AS,
    FILE_SKIPPED,
    FILE_SKIPPED_TEMPORARY,
    FOLDER_LINK_SKIPPED,
    FOLDER_UNREADABLE,
    Code,
)
from zytalent.diagnostics.errors import UsageError
from zytalent.diagnostics.i18n import render
from zytalent.diagnostics.messages import MESSAGES, READ_REASONS
from zytalent.reading.grids import SAVE_AS_SUFFIXES, SPREADSHEET_SUFFIXES


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
        candidates = _walk(path, notes) if path.is_dir() else [path]
        for candidate in candidates:
            key = candidate.resolve()
            if key in seen:
                continue
            seen.add(key)
            if not _regular(candidate):
                # a pipe, a device or a socket would block or never end: never opened
                notes.append(fnd.make(FILE_NOT_REGULAR, file=str(candidate)))
                continue
            skip = _skip_reason(candidate, named=candidate == path)
            if skip:
                notes.append(fnd.make(skip, file=str(candidate), suffix=candidate.suffix))
            else:
                files.append(candidate)
    copies = identical_copies(files)
    for copy, first in copies.items():
        notes.append(fnd.make(FILE_DUPLICATE, file=str(copy), other=str(first)))
    return Discovered([f for f in files if f not in copies], notes)


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def identical_copies(files: list[Path]) -> dict[Path, Path]:
    """Each file whose bytes equal another's, mapped to the one that is kept: the oldest
    by modification time (a copy or a second download is newer), then the first found.
    Only files of equal size are hashed, so the usual folder costs no reading at all."""
    by_size: dict[int, list[tuple[int, int, Path]]] = {}
    for order, path in enumerate(files):
        try:
            info = path.stat()
        except OSError:
            continue  # reading it will report the problem
        by_size.setdefault(info.st_size, []).append((info.st_mtime_ns, order, path))
    copies: dict[Path, Path] = {}
    for size, group in by_size.items():
        if len(group) < 2 or size == 0:
            continue  # empty files are each reported as unreadable instead
        kept: dict[str, Path] = {}
        for _, _, path in sorted(group):
            try:
                digest = sha256(path)
            except OSError:
                continue
            if digest in kept:
                copies[path] = kept[digest]
            else:
                kept[digest] = path
    return copies


def _walk(folder: Path, notes: list[fnd.Finding]) -> list[Path]:
    """The files under a folder, sorted. Links to folders are not followed (a loop would
    never end), and each one is named; a folder that cannot be read is an error."""
    found: list[Path] = []

    def unreadable(error: OSError) -> None:
        where = error.filename or str(folder)
        reason = render(READ_REASONS, "os", {"detail": error.strerror or str(error)})
        notes.append(fnd.make(FOLDER_UNREADABLE, file=str(where), reason=reason))

    for root, dirs, names in os.walk(folder, followlinks=False, onerror=unreadable):
        linked = [d for d in dirs if (Path(root) / d).is_symlink()]
        for name in sorted(linked):
            notes.append(fnd.make(FOLDER_LINK_SKIPPED, file=str(Path(root) / name)))
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in linked)
        found.extend(Path(root) / name for name in sorted(names))
    return found


def _regular(path: Path) -> bool:
    """A regular file, or a path that cannot be looked at (reading it says why)."""
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except OSError:
        return True


def _skip_reason(path: Path, named: bool) -> Code | None:
    name = path.name
    if name.startswith("~$") or (name.startswith(".") and not named):
        return FILE_SKIPPED_TEMPORARY
    if path.suffix.lower() in SAVE_AS_SUFFIXES:
        return FILE_SAVE_AS  # a table in it would vanish from the figures unsaid
    if path.suffix.lower() not in SPREADSHEET_SUFFIXES and not named:
        return FILE_SKIPPED
    return None
