"""What is found by itself stays found: a ledger kind is its module in `zytalent/ledgers/`,
an export format its module in `zytalent/writers/formats/`; and everything said in two
languages is a `Text`, never a loose pair of strings."""

from __future__ import annotations

import ast
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from zytalent import ledgers
from zytalent.cli.app import app
from zytalent.cli.common import ExportChoice
from zytalent.ledgers import LEDGERS, LedgerRecord
from zytalent.writers import formats

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "zytalent"
runner = CliRunner()


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
        from typing import Annotated, ClassVar

        from zytalent.diagnostics.i18n import Text
        from zytalent.ledgers.base import Column, LedgerRecord


        class NewKind(LedgerRecord):
            kind: ClassVar[str] = "{kind}"
            position: ClassVar[int] = {position}
            label: ClassVar[Text] = Text("农家书屋台账", "Village libraries")
            rows: ClassVar[Text] = Text("每个书屋一行", "one row per library")

            name: Annotated[str, Column(label=Text("书屋", "library"), kind="text", required=True)]
        """
    (folder / f"zz_{kind}.py").write_text(textwrap.dedent(source), encoding="utf-8")


def test_a_new_ledger_module_is_found_without_editing_another_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _ledger_module(tmp_path, "libraries", 15)
    monkeypatch.setattr(ledgers, "__path__", [*ledgers.__path__, str(tmp_path)])
    found = ledgers._discovered()
    assert list(found)[:3] == ["hires", "libraries", "flexible"]
    assert issubclass(found["libraries"], LedgerRecord)
    assert found["libraries"].columns()["name"].header == "书屋"


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
    assert formats.format_names() == ["table", "json", *modules]
    assert [f.value for f in ExportChoice] == formats.format_names()
    for name in modules:
        assert formats.format_of(name).name == name


def test_a_new_format_module_is_offered_and_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = """
        from zytalent.writers.exports import lines
        from zytalent.writers.formats import ExportFormat


        def summary_tsv(summary):
            return "".join(f"{x.figure_id}\\t{x.exact()}\\n" for x in lines(summary))


        FORMAT = ExportFormat(
            name="tsv",
            summary=summary_tsv,
            explanation=lambda explanation: str(explanation.value),
            grouped=lambda grouped: ",".join(grouped.groups),
        )
        """
    (tmp_path / "tsv.py").write_text(textwrap.dedent(source), encoding="utf-8")
    monkeypatch.setattr(formats, "__path__", [*formats.__path__, str(tmp_path)])
    formats.format_of.cache_clear()
    try:
        assert "tsv" in formats.format_names()
        from zytalent.summary import summarize

        summary = summarize(2023, [ROOT / "data" / "2023"])
        written = formats.export(summary, "tsv")
        assert isinstance(written, str) and "hires.total\t48\n" in written
        assert not formats.wants_bom("tsv") and formats.wants_bom("csv")
    finally:
        formats.format_of.cache_clear()


@pytest.mark.parametrize("name", [n for n in formats.format_names() if n != "table"])
def test_every_format_writes_summary_by_and_explain(name: str, tmp_path: Path) -> None:
    """Each format's three writers run from the command line and name what they hold."""
    runs = {  # what each must hold: hires.total of data/2023, or a record's file
        "summary": (["summarize", "2023"], "48"),
        "by": (["summarize", "2023", "--by", "folder"], "48"),
        "explain": (["explain", "hires.total", "2023"], "县人社局"),
    }
    for what, (args, expected) in runs.items():
        out = tmp_path / f"{what}.{name}"
        done = runner.invoke(app, [*args, "-f", name, "-o", str(out)])
        assert done.exit_code == 0, (what, done.output)
        content = out.read_bytes()
        if name == "xlsx":
            from openpyxl import load_workbook

            book = load_workbook(out)
            content = "\n".join(
                str(c.value) for s in book.worksheets for row in s.iter_rows() for c in row
            ).encode()
        text = content.decode("utf-8-sig")
        assert expected in text, (what, name)


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
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert offenders == []
