"""zytalent validate PATH..."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from zytalent.cli.common import (
    DebugOption,
    Format,
    FormatOption,
    KindOption,
    LangOption,
    QuietOption,
    ShowPersonalOption,
    reads_files,
    run,
    year_option,
)

if TYPE_CHECKING:
    from zytalent.reading.safety import Limits


@reads_files
def validate(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders (searched recursively).")],
    year: Annotated[
        int | None, year_option("Also warn about records dated outside this year.")
    ] = None,
    annotate: Annotated[
        Path | None,
        typer.Option(
            "--annotate",
            help="Write a marked-up copy of each file with problems into this folder.",
            show_default=False,
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Overwrite annotated copies that exist.")
    ] = False,
    limit: Annotated[
        int, typer.Option("--limit", help="Findings shown in the table (0: all). JSON has all.")
    ] = 200,
    output_format: FormatOption = Format.table,
    kind: KindOption = None,
    show_personal: ShowPersonalOption = False,
    limits: Limits | None = None,
    quiet: QuietOption = False,
    lang: LangOption = None,
    debug: DebugOption = False,
) -> None:
    """Check ledgers and list every problem with its file, sheet, row and cell.

    Exit code 0: no errors (warnings allowed); 1: errors in the inputs; 2: misuse.

    With --annotate OUTDIR, a copy of each file with problems is written there, every
    offending cell marked and commented, with a first sheet 问题清单 linking to them.

    Example: zytalent validate 收到的台账/ --annotate 退回/
    """

    def action() -> int:
        from zytalent.load import load
        from zytalent.render.progress import reading_progress

        with reading_progress(quiet) as progress:
            loaded = load(
                paths,
                kind=kind,
                year=year,
                show_personal=show_personal,
                limits=limits,
                progress=progress,
                keep_records=False,  # only the findings are wanted, not the records
                figures=False,
            )
        written = []
        if annotate is not None:  # first, so that a copy that failed is listed below
            from zytalent.writers.annotate import annotate as write_annotated

            written = write_annotated(loaded, annotate, force=force)
        if output_format is Format.json:
            from zytalent.render.jsonout import dumps

            typer.echo(dumps(loaded.report()))
        else:
            from zytalent.render.findings import render_validation
            from zytalent.render.terminal import console

            render_validation(loaded, console(), limit)
        from zytalent.cli.common import said_written

        for path in written:
            said_written(path)
        return 1 if loaded.findings.errors else 0

    run(action, lang=lang, debug=debug)
