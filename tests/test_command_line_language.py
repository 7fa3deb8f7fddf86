"""The command line in the user's language: help and the usage errors click raises."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
import typer
from typer.testing import CliRunner

from zytalent.cli.app import app
from zytalent.cli.localize import HELP_ZH, language, translate_message

runner = CliRunner()


def help_texts() -> set[str]:
    texts: set[str] = set()

    def walk(command: object) -> None:
        for item in [command, *getattr(command, "params", [])]:
            text = getattr(item, "help", None)
            if text:
                texts.add(text)
        for sub in getattr(command, "commands", {}).values():
            walk(sub)

    walk(typer.main.get_command(app))
    return texts


def test_every_help_text_has_a_chinese_translation() -> None:
    texts = help_texts()
    assert len(texts) > 40
    missing = sorted(t for t in texts if t not in HELP_ZH and t not in HELP_ZH.values())
    assert not missing, missing


@pytest.mark.parametrize(
    ("args", "env", "expected"),
    [
        ([], {}, "zh"),
        (["--lang", "en"], {}, "en"),
        (["--lang=en"], {}, "en"),
        ([], {"ZYTALENT_LANG": "en"}, "en"),
        ([], {"LANG": "en_US.UTF-8"}, "en"),
        ([], {"LANG": "zh_CN.UTF-8"}, "zh"),
        (["--lang", "zh"], {"ZYTALENT_LANG": "en"}, "zh"),
    ],
)
def test_the_language_of_a_run(
    args: list[str], env: dict[str, str], expected: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    for variable in ("ZYTALENT_LANG", "LANG", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(variable, raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    assert language(args) == expected


@pytest.mark.parametrize(
    ("args", "zh", "en"),
    [
        (
            ["summarise", "2023"],
            "没有这个命令：'summarise'。你是不是要找 'summarize'？",
            "Did you mean 'summarize'",
        ),
        (["summarize", "2023", "--bogus"], "没有这个选项：--bogus", "No such option: --bogus"),
        (["summarize"], "缺少参数 '年份'", "Missing argument 'YEAR'"),
        (["summarize", "2023", "-f", "xml"], "'xml' 不是以下之一", "is not one of"),
        (["summarize", "20x3"], "不是年份", "is not a year"),
    ],
)
def test_usage_errors_in_both_languages(args: list[str], zh: str, en: str) -> None:
    result = runner.invoke(app, args, env={"COLUMNS": "200"})
    assert result.exit_code == 2
    assert zh in result.output and "用法：" in result.output
    result = runner.invoke(app, [*args, "--lang", "en"], env={"COLUMNS": "200"})
    assert result.exit_code == 2
    assert en in result.output and "Usage:" in result.output


def test_help_is_chinese_by_default_and_reads_at_80_columns() -> None:
    result = runner.invoke(app, ["summarize", "--help"], env={"COLUMNS": "80"})
    assert result.exit_code == 0
    assert "汇总一年的主要数据" in result.output and "显示本帮助并退出" in result.output
    assert "Compute the year" not in result.output
    english = runner.invoke(app, ["summarize", "--help", "--lang", "en"], env={"COLUMNS": "80"})
    # paragraphs wrap at the terminal's width, not at the source's line breaks
    assert "prints the figures of the annual report" in " ".join(english.output.split())
    lines = english.output.splitlines()
    assert all(len(line) <= 80 for line in lines)


def test_translate_message_leaves_unknown_messages_alone() -> None:
    assert translate_message("something else") == "something else"


def test_a_windows_style_console_in_a_subprocess() -> None:
    env = {**os.environ, "PYTHONIOENCODING": "cp1252", "COLUMNS": "80"}
    done = subprocess.run(
        [sys.executable, "-m", "zytalent", "summarize", "--help"],
        capture_output=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0 and b"Traceback" not in done.stderr
