"""Writing output files safely: never half a file, never over a file without --force."""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

from zytalent.diagnostics.errors import UsageError, ZytalentError
from zytalent.diagnostics.i18n import Text

# Why an output could not be written, by the system's error number, in words a clerk can
# act on; the previous file, if any, is untouched in every case (see write_atomic).
_WHY_NOT_WRITTEN: dict[int, Text] = {
    errno.ENOSPC: Text("磁盘空间不足", "the disk is full"),
    errno.EDQUOT: Text("磁盘配额已用完", "the disk quota is used up"),
    errno.EROFS: Text("该文件夹所在的磁盘是只读的", "the folder is on a read-only disk"),
    errno.EACCES: Text("没有写入该文件夹的权限", "no permission to write in the folder"),
    errno.EPERM: Text("没有写入该文件夹的权限", "no permission to write in the folder"),
    errno.ENOENT: Text("输出文件夹不存在或已被移走", "the output folder is gone"),
    errno.ENOTDIR: Text("输出路径中有一段不是文件夹", "part of the output path is not a folder"),
}


class OutputNotWritten(ZytalentError):
    """An output file could not be written (a full disk, a read-only or vanished folder):
    exit 1 with the reason, never a traceback."""

    def __init__(self, path: Path, exc: OSError) -> None:
        self.path = path
        self.reason = why_not_written(exc)
        super().__init__(
            str(
                Text(
                    "未能写出 {path}：{reason}。原有文件（如有）未改动；请处理后重试。",
                    "{path} was not written: {reason}. Any previous file is unchanged; fix this and try again.",
                ).format(path=path, reason=self.reason)
            )
        )


def why_not_written(exc: OSError) -> str:
    known = _WHY_NOT_WRITTEN.get(exc.errno or 0)
    return str(known) if known else (exc.strerror or type(exc).__name__)


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
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(
            prefix=f".{path.name}.", suffix=".part", dir=path.parent
        )
    except OSError as exc:
        raise OutputNotWritten(path, exc) from exc
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        # mkstemp makes the file private (0600); give it the mode a file created normally
        # gets (0644 under umask 022), so colleagues on a shared folder can open it
        os.chmod(temporary, 0o666 & ~current_umask())
        os.replace(temporary, path)
    except BaseException as exc:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise OutputNotWritten(path, exc) from exc
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
    from zytalent.text.escape import xlsx_text

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
