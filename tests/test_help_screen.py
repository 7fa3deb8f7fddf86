"""Every command's --help at every width, in both languages: nothing cut, nothing past the
edge, no Python type names; usage errors worded for a person; typer left as it is."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from zytalent.cli import help_screen
from zytalent.cli.app import app
from zytalent.diagnostics import i18n
from zytalent.text.wrap import NO_LINE_START, cell_width

runner = CliRunner()


def command_paths() -> Iterator[tuple[list[str], Any]]:
    def walk(path: list[str], command: Any) -> Iterator[tuple[list[str], Any]]:
        yield path, command
        for name, sub in getattr(command, "commands", {}).items():
            yield from walk([*path, name], sub)

    yield from walk([], typer.main.get_command(app))


COMMANDS = [
    pytest.param(path, command, id=" ".join(path) or "top") for path, command in command_paths()
]


def squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("columns", [40, 80, 120])
@pytest.mark.parametrize(("path", "command"), COMMANDS)
def test_help_shows_every_word_within_the_width(
    path: list[str], command: Any, columns: int, lang: str
) -> None:
    result = runner.invoke(app, [*path, "--help", "--lang", lang], env={"COLUMNS": str(columns)})
    assert result.exit_code == 0, result.output
    shown = result.output
    for line in shown.splitlines():
        # closing punctuation may hang past the edge, as in print; nothing else does
        assert cell_width(line.rstrip("".join(NO_LINE_START))) <= columns, line
        assert not line.lstrip() or line.lstrip()[0] not in NO_LINE_START, line
    assert "…" not in shown and not re.search(r"<(bool|str|int|path|list)", shown)
    i18n.set_lang(lang)
    try:
        for param in command.params:
            for opt in param.opts:
                if opt.startswith("-"):
                    assert opt in shown, opt
            if param.help:  # the whole help text, however it was wrapped
                assert squeezed(help_screen.shown(param.help)) in squeezed(shown), param.help
        if command.help:
            for paragraph in help_screen.shown(command.help).split("\n\n"):
                assert squeezed(paragraph) in squeezed(shown)
    finally:
        i18n.set_lang("zh")
    if lang == "zh":
        assert "用法：" in shown and "Usage" not in shown and "Options" not in shown


def test_the_chinese_help_names_what_each_option_takes() -> None:
    shown = runner.invoke(app, ["summarize", "--help"], env={"COLUMNS": "80"}).output
    assert "用法：zytalent summarize [选项] 年份 [路径...]" in shown
    assert re.search(r"^  -o, --output 路径 +写入这个文件", shown, re.M)
    assert re.search(r"^  --lang zh\|en +界面和提示的语言", shown, re.M)
    assert "可选：table、json、csv、xlsx、md、html。（默认table）" in squeezed(shown)
    assert "（不小于1）" in squeezed(shown)  # --max-uncompressed-mb's bound
    assert "（也可用环境变量ZYTALENT_LANG）" in squeezed(shown)
    english = runner.invoke(app, ["summarize", "--help", "--lang", "en"]).output
    assert "[default: table]" in english and "[at least 1]" in english
    assert "see zytalent ledgers" in " ".join(english.split())  # no Markdown backticks


@pytest.mark.parametrize(
    ("args", "lines"),
    [
        (
            ["validate"],
            [
                "用法：zytalent validate [选项] 路径...",
                "错误：缺少参数 '路径'。",
                "查看帮助：zytalent validate --help",
            ],
        ),
        (
            ["validate", "--lang", "en"],
            [
                "Usage: zytalent validate [OPTIONS] PATHS...",
                "Error: Missing argument 'PATHS'.",
                "Try 'zytalent validate --help' for help.",
            ],
        ),
        (
            ["round", "open"],
            ["用法：zytalent round open [选项] 年份", "错误：缺少参数 '年份'。"],
        ),
    ],
)
def test_a_usage_error_is_three_plain_lines(args: list[str], lines: list[str]) -> None:
    result = runner.invoke(app, args, env={"COLUMNS": "120"})
    assert result.exit_code == 2
    assert result.output.splitlines()[: len(lines)] == lines
    assert "Traceback" not in result.output and "╭" not in result.output


def test_zytalent_alone_shows_its_help() -> None:
    result = runner.invoke(app, [], env={"COLUMNS": "80"})
    assert result.exit_code == 2  # as click does: nothing was asked
    assert result.output.startswith("用法：zytalent [选项] 命令 [参数]...")
    assert "summarize  汇总一年的主要数据。" in result.output
    assert "schema" not in result.output  # a developer's command stays hidden


def test_typer_itself_is_not_patched() -> None:
    import typer.rich_utils

    runner.invoke(app, ["summarize", "--help"])
    runner.invoke(app, ["summarise"])
    assert typer.rich_utils.rich_format_error.__module__ == "typer.rich_utils"
    assert typer.rich_utils.OPTIONS_PANEL_TITLE == "Options"
