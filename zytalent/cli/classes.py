"""The classes typer builds zytalent's group and commands from (its `cls` option): they
set the run's language before anything is parsed, and show help and usage errors as
help_screen words them."""

from __future__ import annotations

import functools
import sys
from collections.abc import Sequence
from typing import Any

import typer
import typer.core

from zytalent.cli import help_screen
from zytalent.cli.localize import language
from zytalent.diagnostics import i18n

# what typer raises for a usage error, found from a class typer exports
CLICK_EXCEPTION: type[Exception] = next(
    k for k in typer.BadParameter.__mro__ if k.__name__ == "ClickException"
)


class LocalizedCommand(typer.core.TyperCommand):
    """A zytalent command: its help screen is help_screen's."""

    def format_help(self, ctx: Any, formatter: Any) -> None:
        formatter.write(help_screen.help_text(self, ctx))


class LocalizedGroup(typer.core.TyperGroup):
    """The zytalent group: sets the language before click parses anything, so help and
    usage errors come in it, and shows usage errors itself."""

    def format_help(self, ctx: Any, formatter: Any) -> None:
        formatter.write(help_screen.help_text(self, ctx))

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        given = list(sys.argv[1:] if args is None else args)
        i18n.set_lang(language(given))
        run = functools.partial(
            super().main,
            given,
            prog_name,
            complete_var,
            standalone_mode=False,
            windows_expand_args=windows_expand_args,
            **extra,
        )
        if not standalone_mode:
            return run()
        try:
            result = run()
        except CLICK_EXCEPTION as error:
            if type(error).__name__ == "NoArgsIsHelpError":  # `zytalent` alone: its help
                typer.echo(help_screen.help_text(self, error.ctx), nl=False)  # type: ignore[attr-defined]
            else:
                typer.echo(help_screen.error_text(error), err=True)
            sys.exit(getattr(error, "exit_code", 1))
        except typer.Abort:
            typer.echo(help_screen.word("aborted"), err=True)
            sys.exit(1)
        # typer.Exit(code) comes back as its code; a command's own value is no exit code
        sys.exit(result if isinstance(result, int) and not isinstance(result, bool) else 0)
