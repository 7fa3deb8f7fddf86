"""The web layer: Starlette routes that parse a request, call one function of
`zytalent.web.rounds` (or the library) and render a Jinja2 page or JSON. No rule lives here.

Starlette rather than FastAPI: the pages are server-rendered forms and four JSON
endpoints whose shapes are fixed by the contract, so FastAPI's models and OpenAPI would
add a dependency and nothing a clerk sees; Starlette's TestClient, routing, static files
and multipart parsing (python-multipart) are all that is needed.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import secrets
import shutil
import threading
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import anyio
from starlette.applications import Starlette
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

from zytalent.diagnostics.errors import UsageError
from zytalent.web import rounds
from zytalent.web.preview import preview
from zytalent.web.security import (
    RateLimit,
    check_password,
    department_csrf,
    session_hash,
)
from zytalent.web.store import Department, Store, Submission, safe_name

HERE = Path(__file__).parent
COOKIE = "zytalent_session"
ACCEPTED_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".et", ".ods", ".csv", ".docx")


def create_app(data: Path) -> Starlette:
    store = Store(data)
    store.recover()
    secret = store.setting("secret")
    if secret is None:
        secret = secrets.token_hex(32)
        store.set_setting("secret", secret, "server")
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    templates.env.globals["STATES"] = {k: str(v) for k, v in rounds.STATES.items()}
    templates.env.globals["kind_label"] = _kind_label
    limiter = anyio.CapacityLimiter(max(1, os.cpu_count() or 1))
    logins = RateLimit()
    from zytalent.reading.safety import Limits

    max_upload = Limits.from_env().max_uncompressed_mb << 20

    # who is asking
    def office(request: Request) -> bool:
        token = request.cookies.get(COOKIE)
        if token and store.session_csrf(session_hash(token)):
            return True
        bearer = _bearer(request)
        return bool(bearer) and check_password(bearer, store.setting("admin_password"))

    def require_office(request: Request) -> None:
        if not office(request):
            if request.url.path.startswith("/api/"):
                raise HTTPException(401, "需要登录")
            raise HTTPException(303, headers={"Location": "/login"})

    def csrf_of(request: Request) -> str:
        token = request.cookies.get(COOKIE)
        return (token and store.session_csrf(session_hash(token))) or ""

    async def check_csrf(request: Request, form: Any) -> None:
        expected = csrf_of(request)
        if not expected or not secrets.compare_digest(str(form.get("csrf", "")), expected):
            raise HTTPException(403, "表单已过期，请刷新页面后重试")

    def department_of(token: str) -> Department:
        found = store.department_by_token(rounds.token_hash(token))
        if found is None:
            raise HTTPException(404, "链接无效或已停用，请向人才办索取新链接")
        return found

    def own_submission(department: Department, submission_id: int) -> Submission:
        found = store.submission(submission_id)
        if found is None or found.department_id != department.id:
            raise HTTPException(404, "没有这份报送")
        return found

    def page(request: Request, name: str, **context: Any) -> Response:
        return templates.TemplateResponse(request, name, context)

    async def _stage(form: Any) -> tuple[str, Path]:
        """The uploaded file copied into a staging folder, counting its bytes."""
        upload = form.get("file")
        if not isinstance(upload, UploadFile) or not upload.filename:
            raise HTTPException(400, "请选择要上传的文件")
        name = upload.filename
        if not name.lower().endswith(ACCEPTED_SUFFIXES):
            raise HTTPException(400, "只接受 xlsx、xls、et、ods、csv、docx 文件")
        staged_folder = store.staging()
        staged = staged_folder / safe_name(name)
        size = 0
        with staged.open("wb") as out:
            while chunk := await upload.read(1 << 20):
                size += len(chunk)
                if size > max_upload:
                    break
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
        if size > max_upload:
            shutil.rmtree(staged_folder, ignore_errors=True)
            raise HTTPException(413, f"文件超过 {max_upload >> 20} MB 上限")
        return name, staged

    async def submission_page(
        request: Request,
        department: Department | None,
        submission: Submission,
        *,
        office: bool,
        csrf: str,
        base: str,
        previous: Submission | None = None,
    ) -> Response:
        """One version's page, for the office or its department: the findings, the preview
        of the sheet with the marked cells, and (for the office) what changed since the
        version before."""
        diff = (
            await anyio.to_thread.run_sync(rounds.changes, store, previous, submission)
            if previous
            else None
        )
        sheets = await anyio.to_thread.run_sync(
            preview, store.path_of(submission), submission.report
        )
        return page(
            request,
            "submission.html",
            year=department.year if department else None,
            department=department,
            submission=submission,
            state=rounds.submission_state(submission),
            preview=sheets,
            diff=diff,
            previous=previous,
            office=office,
            csrf=csrf,
            base=base,
        )

    async def receive(request: Request, department: Department) -> Submission:
        """One uploaded file checked off the event loop and recorded as a version."""
        length = request.headers.get("content-length")
        if length and length.isdigit() and int(length) > max_upload:
            raise HTTPException(413, f"文件超过 {max_upload >> 20} MB 上限")
        try:
            form = await request.form(max_files=1, max_fields=10, max_part_size=max_upload)
        except Exception as exc:  # python-multipart's own errors: malformed or too large
            raise HTTPException(400, "上传内容无法读取") from exc
        try:
            name, staged = await _stage(form)
        finally:
            await form.close()
        year = department.year

        def check(path: Path) -> tuple[dict[str, Any], str | None]:
            return rounds.check_upload(path, year, name)

        return await anyio.to_thread.run_sync(
            lambda: store.add_submission(department, name, staged, check), limiter=limiter
        )

    # pages: the office
    async def login(request: Request) -> Response:
        error = ""
        if request.method == "POST":
            address = request.client.host if request.client else "?"
            if logins.blocked(address):
                return page(request, "login.html", error="尝试次数过多，请一分钟后再试")
            form = await request.form()
            if check_password(str(form.get("password", "")), store.setting("admin_password")):
                token = secrets.token_urlsafe(32)
                store.add_session(session_hash(token), secrets.token_urlsafe(24))
                response = RedirectResponse("/", 303)
                response.set_cookie(COOKIE, token, httponly=True, samesite="strict")
                return response
            logins.failed(address)
            error = "密码不对"
        return page(request, "login.html", error=error)

    async def logout(request: Request) -> Response:
        form = await request.form()
        await check_csrf(request, form)
        token = request.cookies.get(COOKIE, "")
        store.drop_session(session_hash(token))
        response = RedirectResponse("/login", 303)
        response.delete_cookie(COOKIE)
        return response

    async def home(request: Request) -> Response:
        require_office(request)
        return page(request, "home.html", rounds=store.rounds(), csrf=csrf_of(request))

    async def new_round(request: Request) -> Response:
        require_office(request)
        async with request.form(max_part_size=4 << 20) as form:
            return await _new_round(request, form)

    async def _new_round(request: Request, form: Any) -> Response:
        await check_csrf(request, form)
        try:
            year = int(str(form.get("year", "")).strip().removesuffix("年"))
            deadline_text = str(form.get("deadline", "")).strip()
            deadline = dt.date.fromisoformat(deadline_text) if deadline_text else None
            listing = form.get("list")
            if isinstance(listing, UploadFile) and listing.filename:
                folder = store.staging()
                path = folder / safe_name(listing.filename)
                path.write_bytes(await listing.read(4 << 20))
                departments = await anyio.to_thread.run_sync(rounds.read_departments, path)
            else:
                departments = _typed_departments(str(form.get("departments", "")))
            opened = rounds.open_round(store, year, departments, deadline, _base(request))
        except (ValueError, UsageError) as exc:
            return page(
                request, "home.html", rounds=store.rounds(), csrf=csrf_of(request), error=str(exc)
            )
        return page(request, "links.html", opened=opened, csrf=csrf_of(request))

    async def board_page(request: Request) -> Response:
        require_office(request)
        year = int(request.path_params["year"])
        try:
            rows = rounds.board(store, year)
        except LookupError as exc:
            raise HTTPException(404, "没有这一年的报送轮次") from exc
        return page(
            request,
            "board.html",
            year=year,
            round=store.round(year),
            rows=rows,
            reminder=rounds.reminder_text(store, year),
            submissions=store.submissions(year),
            departments={d.id: d for d in store.departments(year)},
            csrf=csrf_of(request),
        )

    async def office_submission(request: Request) -> Response:
        require_office(request)
        year = int(request.path_params["year"])
        submission = store.submission(int(request.path_params["id"]))
        if submission is None:
            raise HTTPException(404, "没有这份报送")
        department = store.department(submission.department_id)
        earlier = [
            s
            for s in store.submissions(year, submission.department_id)
            if s.version < submission.version
        ]
        previous = earlier[-1] if earlier else None
        return await submission_page(
            request,
            department,
            submission,
            office=True,
            csrf=csrf_of(request),
            base="",
            previous=previous,
        )

    async def return_submission(request: Request) -> Response:
        require_office(request)
        form = await request.form()
        await check_csrf(request, form)
        submission_id = int(request.path_params["id"])
        comment = str(form.get("comment", "")).strip() or "请修改后重新上传"
        store.return_submission(submission_id, comment)
        return RedirectResponse(
            f"/rounds/{request.path_params['year']}/submissions/{submission_id}", 303
        )

    async def relink(request: Request) -> Response:
        """Stop a department's link, or give it a new one (shown once, like the first)."""
        require_office(request)
        form = await request.form()
        await check_csrf(request, form)
        year = int(request.path_params["year"])
        department = store.department(int(request.path_params["id"]))
        if department is None or department.year != year:
            raise HTTPException(404, "没有这个部门")
        if form.get("action") == "revoke":
            store.revoke(department.id, None)
            return RedirectResponse(f"/rounds/{year}", 303)
        token = rounds.new_token()
        store.revoke(department.id, rounds.token_hash(token))
        opened = rounds.Opened(
            year,
            None,
            [
                {
                    "name": department.name,
                    "kinds": department.kinds,
                    "link": f"{_base(request)}/d/{token}",
                    "token": token,
                }
            ],
        )
        return page(request, "links.html", opened=opened, csrf=csrf_of(request))

    async def figures_page(request: Request) -> Response:
        require_office(request)
        year = int(request.path_params["year"])
        summary = await anyio.to_thread.run_sync(rounds.summary, store, year)
        from zytalent.writers.formats import export

        table = export(summary, "html") if not summary.blocked else ""
        return page(
            request,
            "figures.html",
            year=year,
            table=_body_of(str(table)),
            files=len(rounds.counted(store, year).files),
            blocked=summary.blocked,
            csrf=csrf_of(request),
        )

    async def download(request: Request) -> Response:
        require_office(request)
        year = int(request.path_params["year"])
        what = request.path_params["what"]
        files = rounds.counted(store, year)
        if what == "summary.xlsx":
            from zytalent.writers.formats import export

            summary = await anyio.to_thread.run_sync(rounds.summary, store, year)
            content: Any = export(summary, "xlsx")
            media = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        elif what in ("report.docx", "report.html"):
            from zytalent.report import report as compose
            from zytalent.writers.documents import report_docx, report_html

            result = await anyio.to_thread.run_sync(
                lambda: compose(year, files.files, left_out=files.left_out)
            )
            if what == "report.docx":
                content = report_docx(result)
                media = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            else:
                content, media = report_html(result), "text/html; charset=utf-8"
        else:
            raise HTTPException(404)
        return Response(
            content,
            media_type=media,
            headers={"Content-Disposition": f"attachment; filename*=UTF-8''{year}_{what}"},
        )

    # pages: a department
    async def department_page(request: Request) -> Response:
        token = request.path_params["token"]
        department = department_of(token)
        mine = store.submissions(department.year, department.id)
        cells = next(
            r for r in rounds.board(store, department.year) if r.department.id == department.id
        )
        return page(
            request,
            "department.html",
            department=department,
            token=token,
            cells=cells.cells,
            submissions=list(reversed(mine)),
            states={s.id: rounds.submission_state(s) for s in mine},
            csrf=department_csrf(secret, token),
        )

    async def department_upload(request: Request) -> Response:
        token = request.path_params["token"]
        department = department_of(token)
        if not secrets.compare_digest(
            request.headers.get("x-csrf", request.query_params.get("csrf", "")),
            department_csrf(secret, token),
        ):
            raise HTTPException(403, "表单已过期，请刷新页面后重试")
        submission = await receive(request, department)
        target = f"/d/{token}/submissions/{submission.id}"
        if request.headers.get("hx-request"):  # htmx showed the upload's progress: go on
            return Response(status_code=204, headers={"HX-Redirect": target})
        return RedirectResponse(target, 303)

    async def department_submission(request: Request) -> Response:
        token = request.path_params["token"]
        department = department_of(token)
        submission = own_submission(department, int(request.path_params["id"]))
        return await submission_page(
            request,
            department,
            submission,
            office=False,
            csrf=department_csrf(secret, token),
            base=f"/d/{token}",
        )

    async def department_confirm(request: Request) -> Response:
        token = request.path_params["token"]
        department = department_of(token)
        submission = own_submission(department, int(request.path_params["id"]))
        form = await request.form()
        if not secrets.compare_digest(str(form.get("csrf", "")), department_csrf(secret, token)):
            raise HTTPException(403, "表单已过期，请刷新页面后重试")
        explanation = str(form.get("explanation", "")).strip()
        if submission.errors or not explanation:
            raise HTTPException(400, "有错误的报送不能确认；确认警告须写明说明")
        store.confirm(submission.id, explanation, department.name)
        return RedirectResponse(f"/d/{token}/submissions/{submission.id}", 303)

    async def annotated(request: Request) -> Response:
        token = request.path_params["token"]
        department = department_of(token)
        submission = own_submission(department, int(request.path_params["id"]))
        content = await anyio.to_thread.run_sync(_annotated_copy, store, submission)
        return Response(
            content,
            media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            headers={
                "Content-Disposition": "attachment; filename*=UTF-8''"
                + _quote(Path(submission.original_name).stem + "_问题标注.xlsx")
            },
        )

    async def template(request: Request) -> Response:
        department = department_of(request.path_params["token"])
        from zytalent.writers.template import build_template

        content = build_template(department.kinds, department.year)
        return Response(
            content,
            media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            headers={
                "Content-Disposition": "attachment; filename*=UTF-8''"
                + _quote(f"{department.name}_{department.year}_台账模板.xlsx")
            },
        )

    # the JSON API
    async def api_submit(request: Request) -> Response:
        year = int(request.path_params["year"])
        bearer = _bearer(request)
        if not bearer:
            return JSONResponse({"error": "unauthorized"}, 401)
        department = store.department_by_token(rounds.token_hash(bearer))
        if department is None or department.year != year:
            return JSONResponse({"error": "unauthorized"}, 401)
        submission = await receive(request, department)
        return JSONResponse(_submission_json(submission), 201)

    async def api_submission(request: Request) -> Response:
        year = int(request.path_params["year"])
        submission = store.submission(int(request.path_params["id"]))
        if not office(request):
            bearer = _bearer(request)
            department = store.department_by_token(rounds.token_hash(bearer)) if bearer else None
            if department is None:
                return JSONResponse({"error": "unauthorized"}, 401)
            if submission is None or submission.department_id != department.id:
                return JSONResponse({"error": "not found"}, 404)
        if submission is None:
            return JSONResponse({"error": "not found"}, 404)
        found = store.department(submission.department_id)
        if found is None or found.year != year:
            return JSONResponse({"error": "not found"}, 404)
        return JSONResponse(_submission_json(submission))

    async def api_status(request: Request) -> Response:
        if not office(request):
            return JSONResponse({"error": "unauthorized"}, 401)
        try:
            return JSONResponse(rounds.status(store, int(request.path_params["year"])))
        except LookupError:
            return JSONResponse({"error": "not found"}, 404)

    async def api_summary(request: Request) -> Response:
        if not office(request):
            return JSONResponse({"error": "unauthorized"}, 401)
        year = int(request.path_params["year"])
        if store.round(year) is None:
            return JSONResponse({"error": "not found"}, 404)
        summary = await anyio.to_thread.run_sync(rounds.summary, store, year)
        from zytalent.render.jsonout import dumps

        return Response(dumps(summary.to_dict()), media_type="application/json")

    async def healthz(request: Request) -> Response:
        return PlainTextResponse("ok")

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        if exc.status_code == 303 and exc.headers:
            return RedirectResponse(exc.headers["Location"], 303)
        if request.url.path.startswith("/api/"):
            return JSONResponse({"error": exc.detail}, exc.status_code)
        return templates.TemplateResponse(
            request,
            "error.html",
            {"status": exc.status_code, "message": exc.detail},
            status_code=exc.status_code,
        )

    routes = [
        Route("/login", login, methods=["GET", "POST"]),
        Route("/logout", logout, methods=["POST"]),
        Route("/", home),
        Route("/rounds", new_round, methods=["POST"]),
        Route("/rounds/{year:int}", board_page),
        Route("/rounds/{year:int}/submissions/{id:int}", office_submission),
        Route(
            "/rounds/{year:int}/submissions/{id:int}/return", return_submission, methods=["POST"]
        ),
        Route("/rounds/{year:int}/figures", figures_page),
        Route("/rounds/{year:int}/departments/{id:int}/link", relink, methods=["POST"]),
        Route("/rounds/{year:int}/download/{what}", download),
        Route("/d/{token}", department_page),
        Route("/d/{token}/upload", department_upload, methods=["POST"]),
        Route("/d/{token}/template.xlsx", template),
        Route("/d/{token}/submissions/{id:int}", department_submission),
        Route("/d/{token}/submissions/{id:int}/confirm", department_confirm, methods=["POST"]),
        Route("/d/{token}/submissions/{id:int}/annotated.xlsx", annotated),
        Route("/api/rounds/{year:int}/submissions", api_submit, methods=["POST"]),
        Route("/api/rounds/{year:int}/submissions/{id:int}", api_submission),
        Route("/api/rounds/{year:int}/status", api_status),
        Route("/api/rounds/{year:int}/summary", api_summary),
        Route("/healthz", healthz),
        Mount("/static", StaticFiles(directory=str(HERE / "static")), name="static"),
    ]
    app = Starlette(
        routes=routes, exception_handlers={HTTPException: http_error}, lifespan=_warm_workers
    )
    app.state.store = store
    return app


@contextlib.asynccontextmanager
async def _warm_workers(app: Starlette) -> AsyncIterator[None]:
    """As the server starts, the check workers start too, in the background: the server
    answers at once, and the first thirty uploads do not each wait for a worker."""
    threading.Thread(target=rounds.warm_up_workers, name="warm-up", daemon=True).start()
    yield


def _submission_json(submission: Submission) -> dict[str, Any]:
    return {
        "submission": submission.id,
        "version": submission.version,
        "status": rounds.submission_state(submission),
        "report": submission.report,
    }


def _bearer(request: Request) -> str:
    header = request.headers.get("authorization", "")
    return header[7:].strip() if header.lower().startswith("bearer ") else ""


def _base(request: Request) -> str:
    return str(request.base_url).rstrip("/")


def _typed_departments(text: str) -> list[tuple[str, list[str]]]:
    """Lines of `部门：台账、台账` (or a tab or comma after the name)."""
    found = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        for separator in ("：", ":", "\t", ",", "，"):
            if separator in line:
                name, kinds = line.split(separator, 1)
                found.append((name.strip(), rounds.parse_kinds(kinds)))
                break
        else:
            raise UsageError(f"“{line}”：请写成 部门：台账、台账")
    return found


def _kind_label(kind: str) -> str:
    from zytalent.ledgers import LEDGERS

    return LEDGERS[kind].label.zh if kind in LEDGERS else kind


def _annotated_copy(store: Store, submission: Submission) -> bytes:
    """The marked-up copy, from the same findings the library gives the command line."""
    from dataclasses import replace

    from zytalent.load import load
    from zytalent.reading.safety import Limits
    from zytalent.writers.annotate import annotated_copy

    path = store.path_of(submission)
    department = store.department(submission.department_id)
    limits = replace(Limits.from_env(), isolate="all")
    loaded = load([path], year=department.year if department else None, limits=limits)
    findings = [f for f in loaded.findings.sorted() if f.severity in ("error", "warning")]
    return annotated_copy(path, findings)


def _body_of(html: str) -> str:
    start, end = html.find("<body>"), html.rfind("</body>")
    return html[start + 6 : end] if start >= 0 and end > start else html


def _quote(name: str) -> str:
    from urllib.parse import quote

    return quote(name)
