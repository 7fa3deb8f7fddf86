"""zytalent records KIND YEAR [PATH...]"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from zytalent.cli.common import (
    DebugOption,
    ForceOption,
    LangOption,
    PathsArgument,
    QuietOption,
    SkipInvalidOption,
    YearArgument,
    deliver,
    reads_files,
    run,
)

if TYPE_CHECKING:
    from zytalent.reading.safety import Limits


class RecordsFormat(StrEnum):
    parquet = "parquet"
    csv = "csv"
    xlsx = "xlsx"


@reads_files
def records(
    kind: Annotated[str, typer.Argument(help="One ledger kind, e.g. hires.")],
    year: YearArgument,
    paths: PathsArgument = None,
    output: Annotated[
        Path, typer.Option("--output", "-o", help="The file to write (.parquet, .csv or .xlsx).")
    ] = Path("records.parquet"),
    output_format: Annotated[
        RecordsFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="parquet, csv or xlsx (default: from --output).",
            show_default=False,
        ),
    ] = None,
    pseudonymize: Annotated[
        bool,
        typer.Option(
            "--pseudonymize",
            help="Replace ID and phone numbers by a keyed hash (ZYTALENT_KEY or --key-file).",
        ),
    ] = False,
    key_file: Annotated[
        Path | None,
        typer.Option(
            "--key-file", help="A file holding the pseudonymisation key.", show_default=False
        ),
    ] = None,
    show_personal: Annotated[
        bool, typer.Option("--show-personal", help="Write ID and phone numbers in full.")
    ] = False,
    skip_invalid: SkipInvalidOption = False,
    force: ForceOption = False,
    limits: Limits | None = None,
    quiet: QuietOption = False,
    lang: LangOption = None,
    debug: DebugOption = False,
) -> None:
    """Write the validated records of one ledger that count towards the year, for other tools.

    One row per record with its file, sheet and row; dates as dates, money as exact
    decimals in yuan, choices as code and label. ID and phone numbers are masked, or
    replaced by a keyed hash with --pseudonymize (distinct counts and joins still work).

    Example: zytalent records 养老助餐 2023 --pseudonymize --output meals_2023.parquet
    """

    def action() -> int:
        from zytalent.cli.paths import default_paths
        from zytalent.records import Personal, key_from, write_records
        from zytalent.records import records as compute
        from zytalent.render.progress import reading_progress

        fmt = output_format.value if output_format else output.suffix.lstrip(".").lower()
        personal: Personal = "show" if show_personal else "pseudonymize" if pseudonymize else "mask"
        with reading_progress(quiet) as progress:
            result = compute(
                kind,
                year,
                default_paths(paths, year),
                personal=personal,
                key=key_from(key_file) if pseudonymize else None,
                skip_invalid=skip_invalid,
                limits=limits,
                progress=progress,
            )
        if result.blocked:
            from zytalent.render.summary import render_summary
            from zytalent.render.terminal import console

            render_summary(result.summary, console(stderr=True), console(stderr=True))
            return 1
        from zytalent.diagnostics.i18n import Text

        count = Text("共 {n:,} 条记录", "{n:,} records").format(n=len(result.frame))
        deliver(write_records(result, fmt), output, force, what=count)
        return 0

    run(action, lang=lang, debug=debug)
