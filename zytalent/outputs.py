"""Writing output files safely: never half a file, never over a file without --force."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from zytalent.errors import UsageError
from zytalent.i18n import pick


def write_atomic(path: Path, data: bytes, *, force: bool = False) -> None:
    """Write to a temporary file beside the target, then rename it into place, so an
    interrupted run (Ctrl-C, a full disk) leaves either the old file or none."""
    if path.exists() and not force:
        raise UsageError(
            pick(
                f"{path} 已存在；要覆盖请加 --force", f"{path} exists; add --force to overwrite it"
            )
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
