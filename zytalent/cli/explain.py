"""zytalent explain FIGURE_ID YEAR [PATH...]"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from zytalent.cli.common import (
    TABLE,
    DebugOption,
    ExportFormatOption,
    ForceOption,
    LangOption,
    OutputOption,
    PathsArgument,
    QuietOption,
    RecordsOption,
    ShowPersonalOption,
    SkipInvalidOption,
    YearArgument,
    deliver,
    reads_files,
    run,
)

if TYPE_CHECKING:
    from zytalent.reading.safety import Limits


@reads_files
def explain(
    figure_id: Annotated[str, typer.Argument(help="A figure id, e.g. hires.sector.education.")],
    year: YearArgument,
    paths: PathsArgument = None,
    output_format: ExportFormatOption = TABLE,
    output: OutputOption = None,
    force: ForceOption = False,
    limit: Annotated[
        int, typer.Option("--limit", help="Records shown in the table (0: all).")
    ] = 100,
    skip_invalid: SkipInvalidOption = False,
    records: RecordsOption = None,
    show_personal: ShowPersonalOption = False,
    limits: Limits | None = None,
    quiet: QuietOption = False,
    lang: LangOption = None,
    debug: DebugOption = False,
) -> None:
    """List the records that make up one figure, with file › sheet › row, and their total.

    What a statistician shows an auditor: the total printed at the end equals the figure.
    --format json|csv|xlsx|md|html exports the records (xlsx needs --output).

    Example: zytalent explain hires.sector.education 2023 --format csv
    """

    def action() -> int:
        from zytalent.cli.common import require_output

        require_output(output_format, output)
        from zytalent.cli.paths import default_paths
        from zytalent.explain import explain as compute
        from zytalent.render.progress import reading_progress

        with reading_progress(quiet) as progress:
            result = compute(
                figure_id,
                year,
                default_paths(paths, year, records),
                records=records,
                skip_invalid=skip_invalid,
                show_personal=show_personal,
                limits=limits,
                progress=progress,
            )
        if output_format == "json" or (result.available and output_format != "table"):
            from zytalent.writers.formats import export, wants_bom

            content = export(result, output_format)
            deliver(content, output, force, bom=wants_bom(output_format))
            return 0 if result.available else 1
        from zytalent.render.terminal import console

        if not result.available:
            from zytalent.render.explain import render_unavailable

            render_unavailable(result, console(stderr=True))
            return 1
        from zytalent.render.explain import render_explanation

        if output is None:
            render_explanation(result, console(), limit)
            return 0
        capture = console(record=True)
        render_explanation(result, capture, limit)
        deliver(capture.export_text(), output, force)
        return 0

    run(action, lang=lang, debug=debug)
