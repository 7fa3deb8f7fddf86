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
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
SCRATCH = Path(tempfile.gettempdir()) / "zytalent-snapshot-files"
COMMANDS = (
    "summarize",
    "validate",
    "explain",
    "figures",
    "compare",
    "ledgers",
    "records",
    "report",
    "schema",
    "template",
)


def rel(path: Path) -> str:
    """A path as typed from the repository's folder: what is printed then does not depend on
    where the repository is (a longer path would wrap the tables differently)."""
    return str(path.relative_to(ROOT))


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


def run_all(commands: dict[str, tuple[list[str], int]]) -> dict[str, bytes]:
    """Every command in its own process, two at a time: the outputs do not depend on the order."""
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        done = {name: pool.submit(run, args, columns) for name, (args, columns) in commands.items()}
    return {name: future.result() for name, future in done.items()}


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
    queued: dict[str, tuple[list[str], int]] = {}
    for year in ("2022", "2023", "2024"):
        for fmt in ("json", "csv", "md", "html"):
            queued[f"summarize_{year}.{fmt}"] = (["summarize", year, "-f", fmt], 100)
        for columns in (80, 200):
            queued[f"summarize_{year}_{columns}.txt"] = (["summarize", year], columns)
        queued[f"validate_{year}.json"] = (
            ["validate", f"data/{year}", "--year", year, "-f", "json"],
            100,
        )
        queued[f"report_{year}.md"] = (["report", year], 100)
        queued[f"report_{year}_en.md"] = (["report", year, "--lang", "en"], 100)
        queued[f"report_{year}.html"] = (["report", year, "--format", "html"], 100)
    for name in sorted(
        p.name for p in FIXTURES.rglob("*") if p.suffix in (".xlsx", ".csv", ".ods", ".xls")
    ):
        path = next(FIXTURES.rglob(name))
        queued[f"validate_fixture_{name}.json"] = (
            ["validate", rel(path), "--year", "2023", "-f", "json"],
            100,
        )
        for columns in (80, 200):
            queued[f"validate_fixture_{name}_{columns}.txt"] = (["validate", rel(path)], columns)
    queued["summarize_corpus.json"] = (
        ["summarize", "2023", rel(FIXTURES / "corpus"), "--skip-invalid", "-f", "json"],
        100,
    )
    for figure in (
        "hires.total",
        "meals.elders",
        "funds.disbursed",
        "training.trainees",
        "skills.certified",
    ):
        queued[f"explain_{figure}.json"] = (["explain", figure, "2023", "-f", "json"], 100)
        queued[f"explain_{figure}.csv"] = (["explain", figure, "2023", "-f", "csv"], 100)
        queued[f"explain_{figure}.txt"] = (["explain", figure, "2023"], 200)
    queued["explain_unknown.txt"] = (["explain", "hires.totl", "2023"], 100)
    queued["compare.txt"] = (["compare", "2022", "2023"], 200)
    queued["compare.json"] = (["compare", "2022", "2023", "-f", "json"], 100)
    queued["ledgers.txt"] = (["ledgers"], 200)
    for kind in ("hires", "meals", "training"):
        queued[f"ledgers_{kind}.txt"] = (["ledgers", kind], 200)
    queued["schema_check.txt"] = (["schema", "--check"], 100)
    queued["help.txt"] = (["--help"], 100)
    # English, and what only a few outputs show: --by, records, every command's help
    for fmt in ("json", "csv", "md", "html"):
        queued[f"summarize_2023_en.{fmt}"] = (["summarize", "2023", "-f", fmt, "--lang", "en"], 100)
    for columns in (80, 200):
        queued[f"summarize_2023_en_{columns}.txt"] = (
            ["summarize", "2023", "--lang", "en"],
            columns,
        )
    for lang in ("zh", "en"):
        for fmt in ("table", "json", "csv", "md", "html"):
            queued[f"by_file_{lang}.{fmt}"] = (
                ["summarize", "2023", "--by", "file", "-f", fmt, "--lang", lang],
                160,
            )
        for figure in ("hires.total", "meals.elders"):
            for fmt in ("md", "html", "csv"):
                queued[f"explain_{figure}_{lang}.{fmt}"] = (
                    ["explain", figure, "2023", "-f", fmt, "--lang", lang],
                    100,
                )
            queued[f"explain_{figure}_{lang}_80.txt"] = (
                ["explain", figure, "2023", "--lang", lang],
                80,
            )
        queued[f"compare_{lang}.txt"] = (["compare", "2022", "2023", "--lang", lang], 100)
        queued[f"ledgers_{lang}.txt"] = (["ledgers", "--lang", lang], 100)
        queued[f"ledgers_meals_{lang}.txt"] = (["ledgers", "meals", "--lang", lang], 100)
        queued[f"figures_{lang}.txt"] = (["figures", "--lang", lang], 100)
        queued[f"summarize_bad_{lang}.txt"] = (
            ["summarize", "2023", rel(FIXTURES / "corpus"), "--lang", lang],
            100,
        )
        queued[f"summarize_skip_{lang}.txt"] = (
            ["summarize", "2023", rel(FIXTURES / "corpus"), "--skip-invalid", "--lang", lang],
            100,
        )
        queued[f"validate_corpus_{lang}_80.txt"] = (
            ["validate", rel(FIXTURES / "corpus"), "--lang", lang],
            80,
        )
        for command in COMMANDS:
            queued[f"help_{command}_{lang}.txt"] = ([command, "--help", "--lang", lang], 100)
    for name in ("messy_hires.xlsx", "layout_month_columns.xlsx"):
        path = next(FIXTURES.rglob(name))
        queued[f"validate_fixture_{name}_en.json"] = (
            ["validate", rel(path), "--year", "2023", "-f", "json", "--lang", "en"],
            100,
        )
        queued[f"validate_fixture_{name}_en_200.txt"] = (
            ["validate", rel(path), "--lang", "en"],
            200,
        )
    outputs = run_all(queued)
    shutil.rmtree(SCRATCH, ignore_errors=True)
    SCRATCH.mkdir()
    folder = SCRATCH
    files = {
        "summary.xlsx": ["summarize", "2023", "-f", "xlsx"],
        "explain.xlsx": ["explain", "meals.elders", "2023", "-f", "xlsx"],
        "compare.xlsx": ["compare", "2022", "2023", "-f", "xlsx"],
        "template.xlsx": ["template", "hires", "meals", "--year", "2024"],
        "report.docx": ["report", "2023", "--format", "docx"],
        "summary_en.xlsx": ["summarize", "2023", "-f", "xlsx", "--lang", "en"],
        "explain_en.xlsx": ["explain", "hires.total", "2023", "-f", "xlsx", "--lang", "en"],
        "compare_en.xlsx": ["compare", "2022", "2023", "-f", "xlsx", "--lang", "en"],
        "template_en.xlsx": ["template", "meals", "--year", "2024", "--lang", "en"],
        "report_en.docx": ["report", "2023", "--format", "docx", "--lang", "en"],
        "by_file.xlsx": ["summarize", "2023", "--by", "file", "-f", "xlsx"],
        "by_file_en.xlsx": [*("summarize", "2023", "--by", "file", "-f", "xlsx", "--lang", "en")],
        "records_meals.xlsx": ["records", "meals", "2023"],
        "records_hires.csv": ["records", "hires", "2023"],
        "records_hires_en.csv": ["records", "hires", "2023", "--lang", "en"],
    }
    for name, args in files.items():
        target = folder / name
        outputs[f"{name}.log"] = run([*args, "--output", str(target)])
        readers = {".docx": docx_text, ".xlsx": workbook_text, ".csv": Path.read_bytes}
        reader = readers[target.suffix]
        outputs[f"{name}.text"] = reader(target) if target.exists() else b"(not written)"
    annotated = folder / "annotated"
    outputs["annotate.log"] = run(["validate", rel(FIXTURES), "--annotate", str(annotated)])
    for path in sorted(annotated.glob("*.xlsx")):
        outputs[f"annotated_{path.name}.text"] = workbook_text(path)
    for name, content in outputs.items():
        (out / name.replace("/", "_")).write_bytes(content.replace(str(ROOT).encode(), b"<root>"))
    print(f"{len(outputs)} outputs in {out}")


if __name__ == "__main__":
    main()
