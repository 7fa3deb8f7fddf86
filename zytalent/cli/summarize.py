"""zytalent summarize YEAR [PATH...]"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from zytalent.cli.common import (
    TABLE,
    DebugOption,
    ExportFormatOption,
    ForceOption,
    KindOption,
    LangOption,
    OutputOption,
    PathsArgument,
    QuietOption,
    RecordsOption,
    ShowPersonalOption,
    SkipInvalidOption,
    deliver,
    reads_files,
    run,
    year_argument,
)

if TYPE_CHECKING:
    from zytalent.reading.safety import Limits


@reads_files
def summarize(
    year: Annotated[int, year_argument("The year to add up, e.g. 2023.")],
    paths: PathsArgument = None,
    skip_invalid: SkipInvalidOption = False,
    by: Annotated[
        str | None,
        typer.Option(
            "--by",
            help="Figures per group beside the total: folder, file, or a column (e.g. 服务点).",
            show_default=False,
        ),
    ] = None,
    ids: Annotated[
        bool,
        typer.Option("--ids", help="Show each figure's id (what `explain` takes) in the table."),
    ] = False,
    output_format: ExportFormatOption = TABLE,
    output: OutputOption = None,
    force: ForceOption = False,
    kind: KindOption = None,
    records: RecordsOption = None,
    show_personal: ShowPersonalOption = False,
    limits: Limits | None = None,
    quiet: QuietOption = False,
    lang: LangOption = None,
    debug: DebugOption = False,
) -> None:
    """Compute the year's headline figures from the ledgers.

    Reads every ledger under PATH (default data/YEAR), checks it, and prints the figures
    of the annual report. Inputs with errors give no figures (exit 1) unless
    --skip-invalid.

    --format csv|xlsx|md|html exports the figures (xlsx: a sheet per section and a sheet of
    sources with each input's SHA-256); --output writes a file instead of the terminal.

    Example: zytalent summarize 2023 --format xlsx --output 2023年主要数据.xlsx
    """

    def action() -> int:
        from zytalent.cli.common import require_output

        require_output(output_format, output)
        from zytalent.cli.paths import default_paths
        from zytalent.render.progress import reading_progress
        from zytalent.summary import summarize as compute

        targets = default_paths(paths, year, records)
        if by is not None:
            return _grouped(year, targets, by)
        with reading_progress(quiet) as progress:
            summary = compute(
                year,
                targets,
                kind=kind,
                skip_invalid=skip_invalid,
                show_personal=show_personal,
                limits=limits,
                progress=progress,
                records=records,
            )
        if summary.blocked or output_format == "table":
            from zytalent.render.summary import render_summary
            from zytalent.render.terminal import console

            if output_format == "json":
                from zytalent.render.jsonout import dumps

                deliver(dumps(summary.to_dict()), output, force)
            else:
                render_summary(summary, console(), console(stderr=True), show_ids=ids)
        else:
            from zytalent.writers.formats import export, wants_bom

            content = export(summary, output_format)
            deliver(content, output, force, bom=wants_bom(output_format))
            if summary.refused or summary.harmless:
                from zytalent.render.summary import render_refusals
                from zytalent.render.terminal import console

                render_refusals(summary, console(stderr=True))
        return 0 if summary.complete else 1

    def _grouped(year: int, targets: list[Path], by: str) -> int:
        from zytalent.grouped import summarize_by
        from zytalent.render.progress import reading_progress

        with reading_progress(quiet) as progress:
            result = summarize_by(
                year,
                targets,
                by,
                skip_invalid=skip_invalid,
                limits=limits,
                progress=progress,
                records=records,
            )
        if output_format == "json":
            from zytalent.render.jsonout import dumps

            deliver(dumps(result.to_dict()), output, force)
            return 0 if result.summary.complete else 1
        if output_format != "table" and not result.summary.blocked:
            from zytalent.writers.formats import export, wants_bom

            content = export(result, output_format)
            deliver(content, output, force, bom=wants_bom(output_format))
            return 0 if result.summary.complete else 1
        from zytalent.render.terminal import console

        if result.summary.blocked:
            from zytalent.render.summary import render_summary

            render_summary(result.summary, console(), console(stderr=True))
            return 1
        from zytalent.render.grouped import render_grouped

        render_grouped(result, console())
        if result.summary.refused or result.summary.harmless:
            from zytalent.render.summary import render_refusals

            render_refusals(result.summary, console(stderr=True))
        return 0 if result.summary.complete else 1

    run(action, lang=lang, debug=debug)
