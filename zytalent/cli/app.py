"""The `zytalent` command. Commands import their heavy modules only when they run."""

from __future__ import annotations

from typing import Annotated

import typer

from zytalent import __version__
from zytalent.cli.classes import LocalizedCommand, LocalizedGroup
from zytalent.cli.common import LangOption
from zytalent.cli.compare import compare
from zytalent.cli.explain import explain
from zytalent.cli.figures import figures
from zytalent.cli.ledgers import ledgers
from zytalent.cli.records import records
from zytalent.cli.report import report
from zytalent.cli.schema import schema
from zytalent.cli.serve import round_app, serve
from zytalent.cli.summarize import summarize
from zytalent.cli.template import template
from zytalent.cli.validate import validate

app = typer.Typer(
    cls=LocalizedGroup,
    name="zytalent",
    help="Read, check and add up county talent and elderly-care ledgers (台账).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.command(cls=LocalizedCommand)(summarize)
app.command(cls=LocalizedCommand)(validate)
app.command(cls=LocalizedCommand)(explain)
app.command(cls=LocalizedCommand)(figures)
app.command(cls=LocalizedCommand)(compare)
app.command(cls=LocalizedCommand)(ledgers)
app.command(cls=LocalizedCommand)(records)
app.command(cls=LocalizedCommand)(report)
app.command(cls=LocalizedCommand, hidden=True)(
    schema
)  # a developer's command, not in the clerk's list
app.command(cls=LocalizedCommand)(template)
app.command(cls=LocalizedCommand)(serve)
app.add_typer(round_app, name="round")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"zytalent {__version__}")
        raise typer.Exit(0)


@app.callback()
def main_options(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
    lang: LangOption = None,
) -> None:
    """zytalent: county ledgers (台账) read, checked and added up.

    Example: zytalent summarize 2023
    """


def main() -> None:
    tolerate_any_console()
    app()


def tolerate_any_console() -> None:
    """A console that cannot encode Chinese (a Windows code page such as cp1252, or
    PYTHONIOENCODING=ascii) gets `?` for what it cannot show instead of a crash."""
    import sys

    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")
