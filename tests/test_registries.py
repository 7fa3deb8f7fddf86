"""What is found by itself stays found: a ledger kind is its module in `zytalent/ledgers/`,
an export format its module in `zytalent/writers/formats/`; and everything said in two
languages is a `Text`, never a loose pair of strings."""

from __future__ import annotations

import ast
import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from zytalent import ledgers
from zytalent.cli.common import ExportChoice
from zytalent.ledgers import LEDGERS
from zytalent.writers import formats

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "zytalent"
# the three hires ledgers of 2023 (hires.total 48): enough for every writer, and quick
HIRES_2023 = sorted((ROOT / "data" / "2023").glob("*引进人才*"))


def test_every_ledger_module_is_a_kind_in_its_declared_position() -> None:
    helpers = {"__init__", "base", "people"}
    modules = sorted(p.stem for p in (PACKAGE / "ledgers").glob("*.py") if p.stem not in helpers)
    assert sorted(model.__module__.rsplit(".", 1)[-1] for model in LEDGERS.values()) == modules
    positions = [model.position for model in LEDGERS.values()]
    assert positions == sorted(positions) and len(set(positions)) == len(positions)
    assert list(LEDGERS)[:2] == ["hires", "flexible"]  # the annual report's order
    assert list(LEDGERS)[-1] == "donations"


def _ledger_module(folder: Path, kind: str, position: int) -> None:
    """A ledger kind as someone adds one: its module, and nothing else."""
    source = f"""
        import datetime as dt
        from typing import Annotated, ClassVar

        from zytalent.diagnostics.i18n import Text
        from zytalent.ledgers.base import Column, LedgerRecord


        class VillageLibrary(LedgerRecord):
            kind: ClassVar[str] = "{kind}"
            position: ClassVar[int] = {position}
            label: ClassVar[Text] = Text("农家书屋台账", "Village libraries")
            rows: ClassVar[Text] = Text("每个书屋一行", "one row per library")
            names_zh: ClassVar[tuple[str, ...]] = ("农家书屋",)

            name: Annotated[str, Column(label=Text("书屋", "library"), kind="text", required=True)]
            books: Annotated[
                int,
                Column(label=Text("藏书册数", "books"), kind="integer", required=True, minimum=1),
            ]
            opened: Annotated[
                dt.date,
                Column(label=Text("建成日期", "opened"), kind="date", required=True, counts_year=True),
            ]
        """
    (folder / f"{kind}.py").write_text(textwrap.dedent(source), encoding="utf-8")


def _package_copy(tmp_path: Path) -> Path:
    """A copy of the package to add one module to, as a developer would."""
    shutil.copytree(PACKAGE, tmp_path / "zytalent", ignore=shutil.ignore_patterns("__pycache__"))
    return tmp_path


def _run(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(root), "COLUMNS": "200", "NO_COLOR": "1"}
    env.pop("ZYTALENT_LANG", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # the copy's modules compiled once, not per run
    return subprocess.run(
        [sys.executable, "-m", "zytalent", *args],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
        check=False,
    )


def test_a_ledger_kind_added_as_one_module_is_read_checked_and_listed(tmp_path: Path) -> None:
    root = _package_copy(tmp_path)
    _ledger_module(root / "zytalent" / "ledgers", "libraries", 15)
    (root / "书屋.csv").write_text(
        "书屋,藏书册数,建成日期\n枝柯镇书屋,1200,2023-05-01\n暖泉镇书屋,0,2023-06-01\n",
        encoding="utf-8",
    )
    listed = _run(root, "ledgers")
    assert listed.returncode == 0, listed.stderr
    kinds = [line.split()[1] for line in listed.stdout.splitlines() if line.startswith("│")]
    assert kinds[:3] == ["hires", "libraries", "flexible"]  # in its declared position
    checked = _run(root, "validate", "书屋.csv", "--year", "2023", "--format", "json")
    assert checked.returncode == 1, checked.stderr
    report = json.loads(checked.stdout)
    assert [(f["code"], f["row"], f["cell"]) for f in report["findings"]] == [
        ("below_minimum", 3, "B3")
    ]
    assert report["files"][0]["sheets"][0]["kind"] == "libraries"
    template = _run(root, "template", "农家书屋", "--output", "t.xlsx")
    assert template.returncode == 0, template.stderr


def test_two_ledgers_at_one_position_are_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _ledger_module(tmp_path, "clash", 10)  # where hires is
    monkeypatch.setattr(ledgers, "__path__", [*ledgers.__path__, str(tmp_path)])
    with pytest.raises(RuntimeError, match="same position"):
        ledgers._discovered()


def test_the_format_option_offers_every_format_module() -> None:
    modules = sorted(
        p.stem for p in (PACKAGE / "writers" / "formats").glob("*.py") if p.stem != "__init__"
    )
    names = formats.format_names()
    assert names[:2] == ["table", "json"] and sorted(names[2:]) == modules
    assert [f.value for f in ExportChoice] == names
    declared = [formats.format_of(name) for name in names[2:]]
    assert [f.name for f in declared] == names[2:]
    assert [f.position for f in declared] == sorted(f.position for f in declared)
    assert names == ["table", "json", "csv", "xlsx", "md", "html"]  # as --help has listed them


def test_an_export_format_added_as_one_module_is_offered_and_writes(tmp_path: Path) -> None:
    root = _package_copy(tmp_path)
    source = """
        from zytalent.writers.exports import grouped_cell, grouped_table, lines
        from zytalent.writers.formats import ExportFormat


        def summary_tsv(summary):
            return "".join(f"{x.figure_id}\\t{x.exact()}\\n" for x in lines(summary))


        def grouped_tsv(result):
            header, rows = grouped_table(result)
            return "".join("\\t".join(grouped_cell(c) for c in r) + "\\n" for r in [header, *rows])


        FORMAT = ExportFormat(
            name="tsv",
            position=25,
            summary=summary_tsv,
            explanation=lambda explanation: f"{explanation.figure.id}\\t{explanation.value}\\n",
            grouped=grouped_tsv,
        )
        """
    (root / "zytalent" / "writers" / "formats" / "tsv.py").write_text(
        textwrap.dedent(source), encoding="utf-8"
    )
    data = [str(path) for path in HIRES_2023]
    shown = _run(root, "summarize", "--help")
    assert "可选：table、json、csv、xlsx、tsv、md、html" in shown.stdout
    written = _run(root, "summarize", "2023", *data, "--format", "tsv")
    assert written.returncode == 0, written.stderr
    assert "hires.total\t48\n" in written.stdout
    explained = _run(root, "explain", "hires.total", "2023", *data, "-f", "tsv")
    assert explained.stdout == "hires.total\t48\n", explained.stderr


@pytest.fixture(scope="module")
def results() -> dict[str, object]:
    """What each format writes: the summary of 2023's hires, `--by folder` and one
    explanation."""
    from zytalent.explain import explain
    from zytalent.grouped import summarize_by
    from zytalent.summary import summarize

    data = HIRES_2023
    return {
        "summary": summarize(2023, data),
        "by": summarize_by(2023, data, "folder"),
        "explain": explain("hires.total", 2023, data),
    }


@pytest.mark.parametrize("name", [n for n in formats.format_names() if n != "table"])
def test_every_format_writes_summary_by_and_explain(
    name: str, results: dict[str, object], tmp_path: Path
) -> None:
    """Each format's three writers run and hold what they should: hires.total of
    data/2023, or the file of one of its records."""
    expected = {"summary": "48", "by": "48", "explain": "县人社局"}
    for what, result in results.items():
        written = formats.export(result, name)  # type: ignore[arg-type]
        if isinstance(written, bytes):  # a workbook: its cells as text
            from openpyxl import load_workbook

            out = tmp_path / f"{what}.{name}"
            out.write_bytes(written)
            book = load_workbook(out)
            written = "\n".join(
                str(c.value) for s in book.worksheets for row in s.iter_rows() for c in row
            )
        assert expected[what] in written, (what, name)


def test_nothing_said_in_two_languages_bypasses_text() -> None:
    """`pick(zh, en)` is i18n's own; everything else says things as `Text` values (words
    in diagnostics/words.py, messages in diagnostics/messages.py)."""
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        if path.name == "i18n.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            called = isinstance(node, ast.Call) and (
                getattr(node.func, "id", None) == "pick"
                or getattr(node.func, "attr", None) == "pick"
            )
            imported = isinstance(node, ast.ImportFrom) and any(
                a.name == "pick" for a in node.names
            )
            if called or imported:
                offenders.append(f"{path.relative_to(ROOT)}:{getattr(node, 'lineno', 0)}")
    assert offenders == []
