"""Builders for broken and hostile inputs."""

from __future__ import annotations

import zipfile
from pathlib import Path

from helpers import HIRES_HEADER, hire, write_xlsx


def good_workbook(path: Path, rows: int = 2) -> Path:
    return write_xlsx(
        path, {"引进": [HIRES_HEADER, *(hire(f"人{i}", i) for i in range(1, rows + 1))]}
    )


def rewrite_part(source: Path, target: Path, part: str, change: object) -> Path:
    """Copy a workbook, replacing one part's text through `change(text) -> text`."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in src.namelist():
            data = src.read(name)
            if name == part:
                data = change(data.decode("utf-8")).encode("utf-8")  # type: ignore[operator]
            dst.writestr(name, data)
    return target


def zip_bomb(source: Path, target: Path, inflated_mb: int) -> Path:
    """A workbook whose first sheet inflates to `inflated_mb` MB of white space."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in src.namelist():
            if name != "xl/worksheets/sheet1.xml":
                dst.writestr(name, src.read(name))
                continue
            text = src.read(name)
            head, tail = text.split(b"<sheetData>", 1)
            with dst.open(name, "w") as out:
                out.write(head + b"<sheetData>")
                block = b" " * (1 << 20)
                for _ in range(inflated_mb):
                    out.write(block)
                out.write(tail)
    return target
