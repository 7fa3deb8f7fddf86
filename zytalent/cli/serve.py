"""`zytalent serve` and `zytalent round open`: the collection round in a browser."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from zytalent.cli.classes import LocalizedCommand, LocalizedGroup
from zytalent.cli.common import DebugOption, LangOption, run

DataOption = Annotated[
    Path,
    typer.Option("--data", help="Folder of the round's database and files.", metavar="文件夹"),
]
DEFAULT_DATA = Path("zytalent-data")
ENV_PASSWORD = "ZYTALENT_ADMIN_PASSWORD"


def serve(
    data: DataOption = DEFAULT_DATA,
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8000,
    lang: LangOption = None,
    debug: DebugOption = False,
) -> None:
    """Run the collection round in a browser (departments upload, the office sees a board).

    Example: zytalent serve --data 报送/
    """

    def action() -> int:
        from zytalent.diagnostics.errors import UsageError
        from zytalent.web.security import hash_password
        from zytalent.web.store import Store

        store = Store(data)
        password = os.environ.get(ENV_PASSWORD, "")
        if password:
            store.set_setting("admin_password", hash_password(password), "server")
        elif host not in ("127.0.0.1", "localhost", "::1") and not store.setting("admin_password"):
            raise UsageError(f"在网络地址 {host} 上服务前，请先设置 {ENV_PASSWORD}")
        elif not store.setting("admin_password"):
            import secrets

            once = secrets.token_urlsafe(12)
            store.set_setting("admin_password", hash_password(once), "server")
            typer.echo(f"人才办的一次性密码（只显示这一次，请记下）：{once}")
        import uvicorn

        from zytalent.web.app import create_app

        url = f"http://{host}:{port}/"
        typer.echo(f"zytalent 已启动：{url}  （按 Ctrl-C 停止）")
        application = create_app(data)  # links take the address the browser used
        uvicorn.run(application, host=host, port=port, log_level="warning")
        return 0

    run(action, lang=lang, debug=debug)


round_app = typer.Typer(cls=LocalizedGroup, no_args_is_help=True)


@round_app.callback()
def round_options(lang: LangOption = None) -> None:
    """Open a collection round from the command line.

    Example: zytalent round open 2023 --departments 部门名单.xlsx
    """
    if lang is not None:
        from zytalent.diagnostics import i18n

        i18n.set_lang(lang.value)


@round_app.command("open", cls=LocalizedCommand)
def open_round(
    year: Annotated[int, typer.Argument(help="The round's year, e.g. 2023.")],
    departments: Annotated[
        Path,
        typer.Option(
            "--departments", help="xlsx or csv with the columns 部门 and 台账.", metavar="文件"
        ),
    ],
    deadline: Annotated[
        str | None, typer.Option("--deadline", help="Deadline, e.g. 2024-01-31.", metavar="日期")
    ] = None,
    data: DataOption = DEFAULT_DATA,
    base_url: Annotated[
        str, typer.Option("--url", help="The server's address, for the links.")
    ] = "http://127.0.0.1:8000",
    output_format: Annotated[
        str, typer.Option("--format", "-f", help="table or json.", metavar="格式")
    ] = "table",
    lang: LangOption = None,
    debug: DebugOption = False,
) -> None:
    """Open a round: print each department with its upload link.

    Example: zytalent round open 2023 --departments 部门名单.xlsx --deadline 2024-01-31
    """

    def action() -> int:
        import datetime as dt

        from zytalent.diagnostics.errors import UsageError
        from zytalent.web import rounds
        from zytalent.web.store import Store

        if output_format not in ("table", "json"):
            raise UsageError("--format: table 或 json")
        if not departments.is_file():
            raise UsageError(f"路径不存在：{departments}")
        try:
            due = dt.date.fromisoformat(deadline) if deadline else None
        except ValueError as exc:
            raise UsageError(f"--deadline：{deadline} 不是日期（如 2024-01-31）") from exc
        listed = rounds.read_departments(departments)
        opened = rounds.open_round(Store(data), year, listed, due, base_url)
        if output_format == "json":
            from zytalent.render.jsonout import dumps

            typer.echo(dumps(opened.to_dict()))
        else:
            from zytalent.ledgers import LEDGERS
            from zytalent.text.escape import visible

            for d in opened.departments:
                kinds = "、".join(LEDGERS[k].label.zh for k in d["kinds"])
                typer.echo(f"{visible(d['name'])}（{kinds}）\n  {d['link']}")
        return 0

    run(action, lang=lang, debug=debug)
