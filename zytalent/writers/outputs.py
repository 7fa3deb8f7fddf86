"""Writing output files safely: never half a file, never over a file without --force."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

from zytalent.diagnostics.errors import UsageError
from zytalent.diagnostics.i18n import Text


def write_atomic(path: Path, data: bytes, *, force: bool = False) -> None:
    """Write to a temporary file beside the target, then rename it into place, so an
    interrupted run (Ctrl-C, a full disk) leaves either the old file or none."""
    if path.exists() and not force:
        raise UsageError(
            str(
                Text(
                    "{path} 已存在；要覆盖请加 --force",
                    "{path} exists; add --force to overwrite it",
                ).format(path=path)
            )
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        # mkstemp makes the file private (0600); give it the mode a file created normally
        # gets (0644 under umask 022), so colleagues on a shared folder can open it
        os.chmod(temporary, 0o666 & ~current_umask())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def current_umask() -> int:
    """The process's umask (read by setting it, then setting it back)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text: str) -> str:
    """A cell text that a spreadsheet would run as a formula gets a leading apostrophe,
    which Excel shows as text (CSV/xlsx formula injection); control characters, which
    openpyxl refuses and a terminal obeys, are written out (`\x1b`)."""
    from zytalent.render.escape import xlsx_text

    text = xlsx_text(text)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_text(header: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    import csv
    import io

    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([neutralise(h) for h in header])
    for row in rows:
        writer.writerow(["" if v is None else neutralise(str(v)) for v in row])
    return buffer.getvalue()


def write_text(output: Path, text: str, force: bool, *, bom: bool = False) -> None:
    """Text to a file written atomically (UTF-8; with a BOM for CSV, so that Excel on
    Chinese Windows opens it correctly)."""
    write_atomic(output, (("\ufeff" if bom else "") + text).encode("utf-8"), force=force)
