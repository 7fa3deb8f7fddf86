"""Where commands look for ledgers when no path is given."""

from __future__ import annotations

from pathlib import Path

from zytalent.diagnostics.errors import UsageError
from zytalent.diagnostics.i18n import Text


def default_paths(
    paths: list[Path] | None, year: int, records: list[str] | None = None
) -> list[Path]:
    """The ledgers to read: those named, else data/YEAR; none with --records (a run
    reads ledgers or exported records, never both)."""
    if records:
        if paths:
            raise UsageError(
                str(
                    Text(
                        "--records 与台账路径不能同时给出：要么读台账，要么读导出的记录。",
                        "--records and ledger paths cannot be given together: read ledgers or exported records.",
                    )
                )
            )
        return []
    if paths:
        return paths
    folder = Path("data") / str(year)
    if not folder.exists():
        raise UsageError(
            str(
                Text(
                    "没有给出台账，且 {folder} 不存在；请指定文件或文件夹",
                    "no ledgers given and {folder} does not exist; name a file or folder",
                ).format(folder=folder)
            )
        )
    return [folder]


def group_paths(paths: list[Path], group: str | None) -> list[Path]:
    """With --group, the folder of that name right below each PATH (a county's folder in a
    city's, as `summarize --by folder` groups them); a name no PATH has is a usage error
    that lists the groups there are."""
    if group is None:
        return paths
    found = [p / group for p in paths if (p / group).is_dir()]
    if found:
        return found
    there = sorted({c.name for p in paths if p.is_dir() for c in p.iterdir() if c.is_dir()})
    raise UsageError(
        str(
            Text(
                "没有名为“{group}”的组（下一级文件夹）。可选：{there}",
                "no group '{group}' (a folder right below PATH). There are: {there}",
            ).format(group=group, there=Text("、".join(there) or "—", ", ".join(there) or "—"))
        )
    )
