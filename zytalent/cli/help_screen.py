"""What `--help` and a usage error show: zytalent's own layout, in the run's language,
wrapped for the terminal's width by the rule every other screen uses (zytalent.text.wrap).

Why not typer's rich help: it gives each parameter's Python type a column (`<bool>`,
`<list[Path]>`), which means nothing to a clerk, and it cuts a Chinese help text with `…`
where the column is narrow, because to rich a Chinese sentence is one long word. Here a
parameter is its name, the kind of value it takes in words (路径, 数字, the allowed
values) and its whole help text; nothing is cut at any width.

These functions return text; the command classes in localize.py hand it to click.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from typing import Any, get_args

import typer

from zytalent.diagnostics import i18n
from zytalent.text.wrap import cell_width, wrap

MAX_WIDTH = 100  # past this a line is too long to read, however wide the window
NAME_COLUMN = 24  # a longer option name gets a line of its own, its help below it

# argument name (as declared) -> what the usage line calls it, in English and Chinese
ARGUMENT_NAMES: dict[str, tuple[str, str]] = {
    "year": ("YEAR", "年份"),
    "before": ("BEFORE", "较早年份"),
    "after": ("AFTER", "较晚年份"),
    "paths": ("PATHS", "路径"),
    "figure_id": ("FIGURE", "指标"),
    "kind": ("KIND", "台账"),
    "kinds": ("KINDS", "台账"),
}
WORDS: dict[str, tuple[str, str]] = {
    "usage": ("Usage: ", "用法："),
    "options": ("[OPTIONS]", "[选项]"),
    "command": ("COMMAND [ARGS]...", "命令 [参数]..."),
    "arguments_title": ("Arguments", "参数"),
    "options_title": ("Options", "选项"),
    "commands_title": ("Commands", "命令"),
    "required": ("[required]", "（必填）"),
    "default": ("[default: {}]", "（默认 {}）"),
    "envvar": ("[env var: {}]", "（也可用环境变量 {}）"),
    "choices": ("One of: {}.", "可选：{}。"),
    "choice_separator": (", ", "、"),
    "at_least": ("[at least {}]", "（不小于 {}）"),
    "at_most": ("[at most {}]", "（不大于 {}）"),
    "between": ("[{} to {}]", "（{} 到 {}）"),
    "error": ("Error: ", "错误："),
    "try_help": ("Try '{} --help' for help.", "查看帮助：{} --help"),
    "aborted": ("Aborted!", "已中止。"),
    "help_option": ("Show this message and exit.", "显示本帮助并退出。"),
    "integer": ("NUMBER", "数字"),
    "float": ("NUMBER", "数字"),
    "path": ("PATH", "路径"),
    "text": ("TEXT", "文字"),
    "choice": ("VALUE", "值"),
}


def word(key: str) -> str:
    english, chinese = WORDS[key]
    return chinese if i18n.current_lang() == "zh" else english


def screen_width() -> int:
    """The terminal's width (COLUMNS when set), at most MAX_WIDTH."""
    return max(40, min(shutil.get_terminal_size((80, 24)).columns, MAX_WIDTH))


def shown(text: str | None) -> str:
    """A help text as the run shows it: translated in Chinese; in English, paragraphs as
    single lines, so they wrap at the terminal's width and not at the source's."""
    from zytalent.cli.localize import HELP_ZH

    if not text:
        return ""
    if i18n.current_lang() == "zh":
        return HELP_ZH.get(text, text)
    # `code` marks in the source are Markdown, which a terminal does not render
    return "\n\n".join(" ".join(p.split()) for p in text.replace("`", "").split("\n\n"))


def argument_name(param: Any) -> str:
    english, chinese = ARGUMENT_NAMES.get(param.name, (param.name.upper(), param.name.upper()))
    name = chinese if i18n.current_lang() == "zh" else english
    return f"{name}..." if param.nargs == -1 else name


def usage_line(command: Any, ctx: Any) -> str:
    pieces = [ctx.command_path, word("options")]
    for param in command.get_params(ctx):
        if _is_argument(param):
            name = argument_name(param)
            pieces.append(name if param.required else f"[{name}]")
    if hasattr(command, "list_commands"):
        pieces.append(word("command"))
    return word("usage") + " ".join(pieces)


def help_text(command: Any, ctx: Any) -> str:
    """The whole help screen of a command or group."""
    width = screen_width()
    lines = [*wrap(usage_line(command, ctx), width), ""]
    for paragraph in shown(command.help).split("\n\n"):
        if paragraph.strip():
            lines += [*wrap(paragraph.strip(), width), ""]
    params = [p for p in command.get_params(ctx) if not getattr(p, "hidden", False)]
    arguments = [(argument_name(p), _details(p, ctx)) for p in params if _is_argument(p)]
    options = [(_option_names(p), _details(p, ctx)) for p in params if not _is_argument(p)]
    commands = [
        (name, shown(sub.help).split("\n\n")[0].strip()) for name, sub in _subcommands(command, ctx)
    ]
    for title, rows in (
        ("arguments_title", arguments),
        ("options_title", options),
        ("commands_title", commands),
    ):
        if rows:
            lines += [typer.style(word(title), bold=True), *_rows(rows, width), ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def error_text(error: Any) -> str:
    """A usage error: the usage line, the message in the run's language, where help is."""
    from zytalent.cli.localize import translate_message

    width = screen_width()
    message = error.format_message()
    if i18n.current_lang() == "zh":
        message = translate_message(message)
    for declared, (english, chinese) in ARGUMENT_NAMES.items():
        name = chinese if i18n.current_lang() == "zh" else english
        for hint in (declared, english):  # an argument is named as the usage line names it
            message = message.replace(f"'{hint}'", f"'{name}'")
    ctx = getattr(error, "ctx", None)
    lines: list[str] = []
    if ctx is not None:
        lines += wrap(usage_line(ctx.command, ctx), width)
    lines += wrap(word("error") + message, width)
    if ctx is not None:
        lines += wrap(word("try_help").format(ctx.command_path), width)
    return "\n".join(lines)


def _is_argument(param: Any) -> bool:
    return getattr(param, "param_type_name", "") == "argument"


def _subcommands(command: Any, ctx: Any) -> Iterable[tuple[str, Any]]:
    if not hasattr(command, "list_commands"):
        return []
    found = ((name, command.get_command(ctx, name)) for name in command.list_commands(ctx))
    return [(name, sub) for name, sub in found if sub is not None and not sub.hidden]


def _option_names(param: Any) -> str:
    def joined(opts: list[str]) -> str:
        return ", ".join(sorted(opts, key=lambda o: (o.startswith("--"), o)))

    names = joined(param.opts)
    if param.secondary_opts:
        names += " / " + joined(param.secondary_opts)
    if not getattr(param, "is_flag", False) and param.name != "help":
        names += " " + _value_word(param)
    return names


def _value_word(param: Any) -> str:
    return _inline_choices(param) or word(_kind(param))


def _inline_choices(param: Any) -> str:
    """A few short allowed values in place of the value's name: `--lang zh|en`."""
    described = getattr(param, "type_descriptor", None)
    if described is None or not described.choices:
        return ""
    listed = "|".join(str(getattr(c, "value", c)) for c in described.choices)
    return listed if cell_width(listed) <= 12 else ""


def _kind(param: Any) -> str:
    """What a parameter takes, from how typer describes it (typer 0.29's TypeDescriptor;
    a parameter without one is shown as taking text)."""
    described = getattr(param, "type_descriptor", None)
    if described is None:
        return "text"
    if described.is_choice:
        return "choice"
    if described.is_path:
        return "path"
    annotation = described.annotation
    if described.is_list and get_args(annotation):
        annotation = get_args(annotation)[0]
    if annotation is int:
        return "integer"
    if annotation is float:
        return "float"
    return "text"


def _details(param: Any, ctx: Any) -> str:
    """A parameter's help text with what else a user must know: the allowed values,
    bounds, default, environment variable, whether it is required."""
    if param.name == "help":
        return word("help_option")
    parts = [shown(param.help)]
    described = getattr(param, "type_descriptor", None)
    choices = described.choices if described is not None else None
    if choices and not _inline_choices(param):
        listed = word("choice_separator").join(str(getattr(c, "value", c)) for c in choices)
        parts.append(word("choices").format(listed))
    parts.append(_bounds(getattr(param, "min", None), getattr(param, "max", None)))
    default = _default(param, ctx)
    if default and default not in parts[0]:  # a help text may say its default itself
        parts.append(word("default").format(default))
    if getattr(param, "show_envvar", False) and param.envvar:
        parts.append(word("envvar").format(param.envvar))
    if param.required:
        parts.append(word("required"))
    joiner = "" if i18n.current_lang() == "zh" else " "
    return joiner.join(p for p in parts if p)


def _bounds(low: Any, high: Any) -> str:
    if low is not None and high is not None:
        return word("between").format(low, high)
    if low is not None:
        return word("at_least").format(low)
    if high is not None:
        return word("at_most").format(high)
    return ""


def _default(param: Any, ctx: Any) -> str:
    if getattr(param, "is_flag", False) or not (param.show_default or ctx.show_default):
        return ""
    if isinstance(param.show_default, str):
        return param.show_default
    resilient, ctx.resilient_parsing = ctx.resilient_parsing, True
    try:  # the declared default, not computed nor checked
        value = param.get_default(ctx, call=False)
    finally:
        ctx.resilient_parsing = resilient
    if value is None or callable(value) or value in ("", [], ()):
        return ""
    return str(getattr(value, "value", value))


def _rows(rows: list[tuple[str, str]], width: int) -> list[str]:
    """Name and help side by side, the help wrapped in its column; a name too long for
    the column, or a terminal too narrow for two columns, puts the help below it."""
    names = min(max(cell_width(name) for name, _ in rows), NAME_COLUMN)
    help_width = width - 2 - names - 2
    below = help_width < 24
    if below:
        help_width = width - 6
    lines: list[str] = []
    for name, details in rows:
        wrapped = wrap(details, help_width) if details else []
        if below or cell_width(name) > names:
            lines.append("  " + name)
            indent = 6 if below else names + 4
            lines += [" " * indent + line for line in wrapped]
            continue
        pad = " " * (names - cell_width(name))
        first, *rest = wrapped or [""]
        lines.append(f"  {name}{pad}  {first}".rstrip())
        lines += [" " * (names + 4) + line for line in rest]
    return lines
