"""Small builders for test spreadsheets and valid identifiers."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook

from zytalent.cells.identifiers import USCC_ALPHABET, id_check_char, uscc_check_char

TODAY = dt.date(2024, 6, 30)


def make_id(born: dt.date = dt.date(1990, 5, 17), seq: int = 123, region: str = "142332") -> str:
    body = f"{region}{born:%Y%m%d}{seq:03d}"
    return body + id_check_char(body)


def make_uscc(body: str = "91141129MA0K12345") -> str:
    assert all(c in USCC_ALPHABET for c in body)
    return body + uscc_check_char(body)


def write_xlsx(
    path: Path,
    sheets: dict[str, Sequence[Sequence[object]]],
    merges: dict[str, Sequence[str]] | None = None,
) -> Path:
    book = Workbook()
    first = book.active
    assert first is not None
    book.remove(first)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(list(row))
        for cells in (merges or {}).get(name, ()):
            sheet.merge_cells(cells)
    book.save(path)
    return path


def write_csv(path: Path, rows: Sequence[Sequence[object]], encoding: str = "utf-8") -> Path:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def digest(path: Path) -> tuple[str, int]:
    return hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns


HIRES_HEADER = ["姓名", "身份证号", "学历", "引进单位", "引进领域", "到岗日期"]


def hire(
    name: str, seq: int, education: str = "本科", sector: str = "县直", date: object = "2023-03-15"
) -> list[object]:
    return [name, make_id(seq=seq), education, "县委办", sector, date]


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def print_to_pdf(document: Path, folder: Path) -> Path:
    """`document` printed to PDF by LibreOffice (headless, a profile of its own in
    `folder`), as a clerk's PDF printer would; the PDF's path."""
    assert SOFFICE is not None
    subprocess.run(
        [
            SOFFICE,
            "--headless",
            f"-env:UserInstallation=file://{folder}/lo",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            str(document),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return folder / document.with_suffix(".pdf").name
