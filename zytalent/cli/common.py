"""Options every command shares, and the one place exceptions become exit codes."""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from zytalent.diagnostics.errors import (
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    ZytalentError,
    exit_code_for,
)
from zytalent.writers.formats import format_names


def parse_year(text: str) -> int:
    """A year as a clerk types it: 2023, 2023年, 2023年度, full-width ２０２３."""
    import unicodedata

    from zytalent.diagnostics.i18n import Text

    plain = unicodedata.normalize("NFKC", str(text)).strip().removesuffix("度").removesuffix("年")
    if not plain.isascii() or not plain.isdigit() or not 1900 <= int(plain) <= 2100:
        raise typer.BadParameter(
            str(
                Text(
                    "“{text}”不是年份，请写成 2023 或 2023年（1900–2100）。",
                    "'{text}' is not a year; write it as 2023 (1900-2100).",
                ).format(text=text)
            )
        )
    return int(plain)


def year_argument(help_text: str) -> Any:
    return typer.Argument(help=help_text, parser=parse_year, metavar="YEAR")


def year_option(help_text: str) -> Any:
    return typer.Option("--year", help=help_text, parser=parse_year, show_default=False)


class Format(StrEnum):
    table = "table"
    json = "json"


# Every module of writers/formats/ is a format (adding one is adding its module), so the
# choices of --format are made from their names, without importing them.
ExportChoice = StrEnum("ExportChoice", [(name, name) for name in format_names()])  # type: ignore[misc]
TABLE = ExportChoice("table")  # the default: printed at the terminal


class Lang(StrEnum):
    zh = "zh"
    en = "en"


LangOption = Annotated[
    Lang | None,
    typer.Option(
        "--lang",
        envvar="ZYTALENT_LANG",
        help="Language of labels and messages (zh or en).",
        show_default=False,
    ),
]
DebugOption = Annotated[
    bool, typer.Option("--debug", help="Show a traceback when zytalent itself fails.")
]
FormatOption = Annotated[Format, typer.Option("--format", "-f", help="Output format.")]
KindOption = Annotated[
    str | None,
    typer.Option(
        "--kind",
        "-k",
        help="Treat every worksheet as this ledger kind (see `zytalent ledgers`).",
        show_default=False,
    ),
]
MaxUncompressedOption = Annotated[
    int | None,
    typer.Option(
        "--max-uncompressed-mb",
        min=1,
        help="Refuse workbooks that inflate past this many MB (default 1024, or "
        "ZYTALENT_MAX_UNCOMPRESSED_MB).",
        show_default=False,
    ),
]
IncludeHiddenOption = Annotated[
    bool,
    typer.Option(
        "--include-hidden",
        help="Also read hidden worksheets (by default they are drafts and are not counted).",
    ),
]
ExportFormatOption = Annotated[ExportChoice, typer.Option("--format", "-f", help="Output format.")]


def reads_files(command: Callable[..., None]) -> Callable[..., None]:
    """The options that change how files are read, declared once for every command that
    reads ledgers: where the command has a `limits` parameter, its help offers
    --max-uncompressed-mb and --include-hidden, and the command is handed the `Limits`
    they make (with the environment's). Options that say what to do with what was read
    (--skip-invalid, --show-personal, --quiet) stay where each command lists them."""
    import functools
    import inspect

    signature = inspect.signature(command)
    parameters: list[inspect.Parameter] = []
    for parameter in signature.parameters.values():
        if parameter.name != "limits":
            # typer needs the options' annotations as objects, not as the strings that
            # `from __future__ import annotations` leaves (what eval_str=True would do)
            annotation = parameter.annotation
            if isinstance(annotation, str):
                annotation = eval(annotation, command.__globals__)
            parameters.append(parameter.replace(annotation=annotation))
            continue
        kind = parameter.kind
        parameters += [
            inspect.Parameter(
                "max_uncompressed_mb", kind, default=None, annotation=MaxUncompressedOption
            ),
            inspect.Parameter(
                "include_hidden", kind, default=False, annotation=IncludeHiddenOption
            ),
        ]
    if len(parameters) != len(signature.parameters) + 1:
        raise TypeError(f"{command.__name__} has no `limits` parameter")

    @functools.wraps(command)
    def with_limits(
        *args: Any, max_uncompressed_mb: int | None, include_hidden: bool, **kwargs: Any
    ) -> None:
        from zytalent.reading.safety import Limits  # when run, not when `--help` starts

        limits = Limits.from_env(max_uncompressed_mb, include_hidden=include_hidden)
        return command(*args, limits=limits, **kwargs)

    with_limits.__signature__ = signature.replace(parameters=parameters)  # type: ignore[attr-defined]
    # what typer reads the options' types from: the new parameters, not the command's
    with_limits.__annotations__ = {p.name: p.annotation for p in parameters}
    del with_limits.__wrapped__
    return with_limits


OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        help="Write to this file instead of the terminal (needed for xlsx).",
        show_default=False,
    ),
]
ForceOption = Annotated[bool, typer.Option("--force", help="Overwrite --output if it exists.")]
YearArgument = Annotated[int, year_argument("The year, e.g. 2023.")]
PathsArgument = Annotated[
    list[Path] | None,
    typer.Argument(help="Files or folders to read (default: data/YEAR).", show_default=False),
]
GroupOption = Annotated[
    str | None,
    typer.Option(
        "--group",
        help="Only this group: a folder right below PATH (e.g. a county).",
        show_default=False,
    ),
]
RecordsOption = Annotated[
    list[str] | None,
    typer.Option(
        "--records",
        help="Compute from Parquet written by `zytalent records` (a file, folder or glob; may be repeated) instead of ledgers.",
        show_default=False,
    ),
]
SkipInvalidOption = Annotated[
    bool, typer.Option("--skip-invalid", help="Leave invalid records out instead of refusing.")
]
QuietOption = Annotated[
    bool, typer.Option("--quiet", "-q", help="No progress bar while reading large inputs.")
]
ShowPersonalOption = Annotated[
    bool,
    typer.Option(
        "--show-personal", help="Print ID and phone numbers unmasked (they are masked by default)."
    ),
]


class _Interrupts:
    """Ctrl-C, remembered as well as raised. Python raises KeyboardInterrupt at the next
    bytecode after the signal, and a library that catches broadly on the way (or a native
    call that is still running when the run ends) can lose it; the flag cannot be lost, so
    a run that saw Ctrl-C always exits 130."""

    def __init__(self) -> None:
        self.seen = False
        self.raising = True  # False once the body has ended: then only remembered

    def __enter__(self) -> _Interrupts:
        import signal
        import threading

        self.previous: Any = None
        if threading.current_thread() is threading.main_thread():
            self.previous = signal.signal(signal.SIGINT, self._on_interrupt)
        return self

    def _on_interrupt(self, signum: int, frame: object) -> None:
        self.seen = True
        if self.raising:
            raise KeyboardInterrupt

    def __exit__(self, *exc: object) -> None:
        import signal

        if self.previous is not None:
            signal.signal(signal.SIGINT, self.previous)


def run(action: Callable[[], int], *, lang: Lang | None, debug: bool) -> None:
    """Run a command body and exit with its code; errors become messages, not tracebacks."""
    from zytalent.diagnostics import i18n

    if lang is not None:  # else the language the command line started in (LANG, ZYTALENT_LANG)
        i18n.set_lang(lang.value)
    with _Interrupts() as interrupts:
        code = _run_body(action, debug)
        interrupts.raising = False
        if interrupts.seen and code != EXIT_INTERRUPTED:
            typer.echo("zytalent: interrupted", err=True)
            code = EXIT_INTERRUPTED
        sys.stdout.flush()
    raise typer.Exit(code)


def _run_body(action: Callable[[], int], debug: bool) -> int:
    try:
        return action()
    except typer.Exit:
        raise
    except (ZytalentError, KeyboardInterrupt, Exception) as exc:
        if debug:
            traceback.print_exc()
        code = exit_code_for(exc)
        if isinstance(exc, ZytalentError):
            typer.echo(f"zytalent: {exc}", err=True)
        elif isinstance(exc, KeyboardInterrupt):
            typer.echo("zytalent: interrupted", err=True)
        else:
            typer.echo(
                f"zytalent: internal error ({type(exc).__name__}); run again with --debug and report it",
                err=True,
            )
            code = EXIT_INTERNAL
    return code


BINARY_FORMATS = ("xlsx", "docx")


def needs_output_message() -> str:
    from zytalent.diagnostics.i18n import Text

    return str(
        Text(
            "xlsx 和 docx 格式要写入文件，请加 --output 文件名（如 --output 2023年汇总.xlsx）",
            "xlsx and docx are written to a file: add --output FILE (e.g. --output summary.xlsx)",
        )
    )


def require_output(output_format: object, output: Path | None) -> None:
    """Checked before anything is read: a binary format needs --output."""
    from zytalent.diagnostics.errors import UsageError

    name = getattr(output_format, "value", output_format)
    if str(name) in BINARY_FORMATS and output is None:
        raise UsageError(needs_output_message())


def deliver(
    text_or_bytes: str | bytes,
    output: Path | None,
    force: bool,
    *,
    bom: bool = False,
    what: object = None,
) -> None:
    """An export to --output (atomically) or, for text, to the terminal."""
    from zytalent.diagnostics.errors import UsageError
    from zytalent.writers.outputs import write_atomic, write_text

    if isinstance(text_or_bytes, bytes):
        if output is None:
            raise UsageError(needs_output_message())
        write_atomic(output, text_or_bytes, force=force)
    elif output is None:
        typer.echo(text_or_bytes, nl=not text_or_bytes.endswith("\n"))
        return
    else:
        write_text(output, text_or_bytes, force, bom=bom)
    said_written(output, what)


def said_written(path: Path, what: object = None) -> None:
    """One sentence on stderr for each file written (stdout stays the data)."""
    from zytalent.diagnostics.i18n import Text
    from zytalent.text.escape import visible

    sentence = Text("已写出 {path}", "Wrote {path}").format(path=visible(path))
    if what is not None and str(what):
        sentence = Text("已写出 {path}（{what}）", "Wrote {path} ({what})").format(
            path=visible(path), what=what
        )
    typer.echo(str(sentence), err=True)
