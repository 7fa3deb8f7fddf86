"""Write what every command prints or exports over the bundled data and the test fixtures
into a folder, one file per output, so that a structural change can be compared byte for
byte before and after:

    python scripts/snapshot_outputs.py /tmp/before
    ... change ...
    python scripts/snapshot_outputs.py /tmp/after && diff -r /tmp/before /tmp/after

Workbooks and Word files are written as the text of their cells and paragraphs (their
zip bytes carry timestamps); everything else as printed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
SCRATCH = Path(tempfile.gettempdir()) / "zytalent-snapshot-files"


def run(args: list[str], columns: int = 100) -> bytes:
    env = {**os.environ, "COLUMNS": str(columns), "NO_COLOR": "1"}
    env.pop("ZYTALENT_LANG", None)
    done = subprocess.run(
        [sys.executable, "-m", "zytalent", *args],
        capture_output=True,
        cwd=ROOT,
        env=env,
        check=False,
        timeout=600,
    )
    return (
        done.stdout
        + b"\n--- stderr ---\n"
        + done.stderr
        + f"\n--- exit {done.returncode}\n".encode()
    )


def workbook_text(path: Path) -> bytes:
    from openpyxl import load_workbook

    lines: list[str] = []
    book = load_workbook(path)
    for sheet in book.worksheets:
        lines.append(f"## {sheet.title} {sheet.sheet_state}")
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value is not None:
                    lines.append(f"{cell.coordinate}\t{cell.value!r}\t{cell.number_format}")
    return "\n".join(lines).encode()


def docx_text(path: Path) -> bytes:
    from docx import Document

    document = Document(str(path))
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        lines += ["\t".join(c.text for c in row.cells) for row in table.rows]
    return "\n".join(lines).encode()


def main() -> None:
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    outputs: dict[str, bytes] = {}
    for year in ("2022", "2023", "2024"):
        for fmt in ("json", "csv", "md", "html"):
            outputs[f"summarize_{year}.{fmt}"] = run(["summarize", year, "-f", fmt])
        for columns in (80, 200):
            outputs[f"summarize_{year}_{columns}.txt"] = run(["summarize", year], columns)
        outputs[f"validate_{year}.json"] = run(
            ["validate", f"data/{year}", "--year", year, "-f", "json"]
        )
        outputs[f"report_{year}.md"] = run(["report", year])
        outputs[f"report_{year}_en.md"] = run(["report", year, "--lang", "en"])
        outputs[f"report_{year}.html"] = run(["report", year, "--format", "html"])
    for name in sorted(
        p.name for p in FIXTURES.rglob("*") if p.suffix in (".xlsx", ".csv", ".ods", ".xls")
    ):
        path = next(FIXTURES.rglob(name))
        outputs[f"validate_fixture_{name}.json"] = run(
            ["validate", str(path), "--year", "2023", "-f", "json"]
        )
        for columns in (80, 200):
            outputs[f"validate_fixture_{name}_{columns}.txt"] = run(
                ["validate", str(path)], columns
            )
    outputs["summarize_corpus.json"] = run(
        ["summarize", "2023", str(FIXTURES / "corpus"), "--skip-invalid", "-f", "json"]
    )
    for figure in (
        "hires.total",
        "meals.elders",
        "funds.disbursed",
        "training.trainees",
        "skills.certified",
    ):
        outputs[f"explain_{figure}.json"] = run(["explain", figure, "2023", "-f", "json"])
        outputs[f"explain_{figure}.csv"] = run(["explain", figure, "2023", "-f", "csv"])
        outputs[f"explain_{figure}.txt"] = run(["explain", figure, "2023"], 200)
    outputs["explain_unknown.txt"] = run(["explain", "hires.totl", "2023"])
    outputs["compare.txt"] = run(["compare", "2022", "2023"], 200)
    outputs["compare.json"] = run(["compare", "2022", "2023", "-f", "json"])
    outputs["ledgers.txt"] = run(["ledgers"], 200)
    for kind in ("hires", "meals", "training"):
        outputs[f"ledgers_{kind}.txt"] = run(["ledgers", kind], 200)
    outputs["schema_check.txt"] = run(["schema", "--check"])
    outputs["help.txt"] = run(["--help"], 100)
    shutil.rmtree(SCRATCH, ignore_errors=True)
    SCRATCH.mkdir()
    folder = SCRATCH
    files = {
        "summary.xlsx": ["summarize", "2023", "-f", "xlsx"],
        "explain.xlsx": ["explain", "meals.elders", "2023", "-f", "xlsx"],
        "compare.xlsx": ["compare", "2022", "2023", "-f", "xlsx"],
        "template.xlsx": ["template", "hires", "meals", "--year", "2024"],
        "report.docx": ["report", "2023", "--format", "docx"],
    }
    for name, args in files.items():
        target = folder / name
        outputs[f"{name}.log"] = run([*args, "--output", str(target)])
        reader = docx_text if name.endswith(".docx") else workbook_text
        outputs[f"{name}.text"] = reader(target) if target.exists() else b"(not written)"
    annotated = folder / "annotated"
    outputs["annotate.log"] = run(["validate", str(FIXTURES), "--annotate", str(annotated)])
    for path in sorted(annotated.glob("*.xlsx")):
        outputs[f"annotated_{path.name}.text"] = workbook_text(path)
    for name, content in outputs.items():
        (out / name.replace("/", "_")).write_bytes(content.replace(str(ROOT).encode(), b"<root>"))
    print(f"{len(outputs)} outputs in {out}")


if __name__ == "__main__":
    main()
