"""Where commands look for ledgers when no path is given."""

from __future__ import annotations

from pathlib import Path

from zytalent.diagnostics.errors import UsageError
from zytalent.diagnostics.i18n import pick


def default_paths(paths: list[Path] | None, year: int) -> list[Path]:
    if paths:
        return paths
    folder = Path("data") / str(year)
    if not folder.exists():
        raise UsageError(
            pick(
                f"没有给出台账，且 {folder} 不存在；请指定文件或文件夹",
                f"no ledgers given and {folder} does not exist; name a file or folder",
            )
        )
    return [folder]
