"""`zytalent serve` through Starlette's TestClient: the contract's endpoints and codes,
the whole round, and the obvious attacks."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

import pytest
from helpers import HIRES_HEADER, hire, write_csv, write_xlsx
from starlette.testclient import TestClient

from zytalent.summary import summarize
from zytalent.web import rounds
from zytalent.web.app import create_app
from zytalent.web.security import hash_password

PASSWORD = "zhongyang-office-2023"


@pytest.fixture()
def data(tmp_path: Path) -> Path:
    return tmp_path / "zytalent-data"


@pytest.fixture()
def client(data: Path) -> TestClient:
    app = create_app(data)
    app.state.store.set_setting("admin_password", hash_password(PASSWORD), "test")
    return TestClient(app, follow_redirects=False)


@pytest.fixture()
def opened(client: TestClient) -> dict[str, dict[str, str]]:
    store = client.app.state.store  # type: ignore[attr-defined]
    result = rounds.open_round(
        store,
        2023,
        [("县人社局", ["hires"]), ("县教育局", ["training"]), ("下枣林乡", ["meals"])],
        None,
        "http://testserver",
    )
    return {d["name"]: d for d in result.to_dict()["departments"]}


def office(client: TestClient) -> dict[str, str]:
    return {"Authorization": f"Bearer {PASSWORD}"}


def upload(client: TestClient, token: str, path: Path, year: int = 2023) -> object:
    with path.open("rb") as handle:
        return client.post(
            f"/api/rounds/{year}/submissions",
            files={"file": (path.name, handle.read())},
            headers={"Authorization": f"Bearer {token}"},
        )


def test_an_upload_returns_201_with_the_findings_report(
    client: TestClient, opened: dict[str, dict[str, str]], tmp_path: Path
) -> None:
    good = write_csv(tmp_path / "引进.csv", [HIRES_HEADER, hire("张三", 1), hire("李四", 2)])
    response = upload(client, opened["县人社局"]["token"], good)
    assert response.status_code == 201  # type: ignore[attr-defined]
    body = response.json()  # type: ignore[attr-defined]
    assert set(body) == {"submission", "version", "status", "report"}
    assert (body["version"], body["status"]) == (1, "accepted")
    assert body["report"]["summary"]["records"] == 2
    assert body["report"]["files"][0]["file"] == "引进.csv"  # never a server path
    again = client.get(f"/api/rounds/2023/submissions/{body['submission']}", headers=office(client))
    assert again.status_code == 200 and again.json()["report"] == body["report"]


def test_status_board_and_summary_follow_the_accepted_versions(
    client: TestClient, opened: dict[str, dict[str, str]], tmp_path: Path
) -> None:
    bad = write_csv(tmp_path / "坏.csv", [HIRES_HEADER, hire("张三", 1, sector="农业")])
    first = upload(client, opened["县人社局"]["token"], bad).json()  # type: ignore[attr-defined]
    assert first["status"] == "errors"
    status = client.get("/api/rounds/2023/status", headers=office(client)).json()
    hires = status["departments"][0]
    assert hires["name"] == "县人社局"
    assert hires["ledgers"][0]["kind"] == "hires"
    assert hires["ledgers"][0]["status"] == "errors" and hires["ledgers"][0]["version"] == 1
    assert {d["ledgers"][0]["status"] for d in status["departments"][1:]} == {"missing"}
    good = write_csv(tmp_path / "好.csv", [HIRES_HEADER, hire("张三", 1), hire("李四", 2)])
    second = upload(client, opened["县人社局"]["token"], good).json()  # type: ignore[attr-defined]
    assert (second["version"], second["status"]) == (2, "accepted")
    status = client.get("/api/rounds/2023/status", headers=office(client)).json()
    assert status["departments"][0]["ledgers"][0]["status"] == "accepted"
    summary = client.get("/api/rounds/2023/summary", headers=office(client))
    assert summary.status_code == 200
    expected = summarize(2023, [good]).to_dict()
    assert summary.json()["figures"] == json.loads(json.dumps(expected))["figures"]


def test_warnings_wait_for_a_confirmation_with_an_explanation(
    client: TestClient, opened: dict[str, dict[str, str]], tmp_path: Path
) -> None:
    old = write_csv(tmp_path / "早.csv", [HIRES_HEADER, hire("张三", 1, date="2022-03-15")])
    token = opened["县人社局"]["token"]
    body = upload(client, token, old).json()  # type: ignore[attr-defined]
    assert body["status"] == "warnings"
    page = client.get(f"/d/{token}/submissions/{body['submission']}")
    assert page.status_code == 200 and "确认并提交" in page.text
    csrf = page.text.split('name="csrf" value="')[1].split('"')[0]
    refused = client.post(
        f"/d/{token}/submissions/{body['submission']}/confirm", data={"explanation": "x"}
    )
    assert refused.status_code == 403  # no CSRF token
    confirmed = client.post(
        f"/d/{token}/submissions/{body['submission']}/confirm",
        data={"explanation": "2022 年引进，补录", "csrf": csrf},
    )
    assert confirmed.status_code == 303
    status = client.get("/api/rounds/2023/status", headers=office(client)).json()
    assert status["departments"][0]["ledgers"][0]["status"] == "accepted"


def test_credentials_are_required_and_scoped(
    client: TestClient, opened: dict[str, dict[str, str]], tmp_path: Path
) -> None:
    good = write_csv(tmp_path / "引进.csv", [HIRES_HEADER, hire("张三", 1)])
    body = upload(client, opened["县人社局"]["token"], good).json()  # type: ignore[attr-defined]
    other = {"Authorization": f"Bearer {opened['县教育局']['token']}"}
    assert (
        client.get(f"/api/rounds/2023/submissions/{body['submission']}", headers=other).status_code
        == 404
    )
    assert (
        client.get(f"/d/{opened['县教育局']['token']}/submissions/{body['submission']}").status_code
        == 404
    )
    assert client.get(f"/api/rounds/2023/submissions/{body['submission']}").status_code == 401
    assert client.get("/api/rounds/2023/status").status_code == 401
    assert client.get("/api/rounds/2023/status", headers=other).status_code == 401
    assert client.get("/api/rounds/2023/summary").status_code == 401
    assert (
        client.post("/api/rounds/2023/submissions", files={"file": ("a.csv", b"x")}).status_code
        == 401
    )
    login = client.get("/rounds/2023")
    assert login.status_code == 303 and login.headers["location"] == "/login"
    assert client.get("/d/not-a-token").status_code == 404


def test_login_sessions_csrf_and_rate_limit(
    client: TestClient, opened: dict[str, dict[str, str]]
) -> None:
    for _ in range(5):
        assert "密码不对" in client.post("/login", data={"password": "wrong"}).text
    assert "尝试次数过多" in client.post("/login", data={"password": PASSWORD}).text


def test_a_session_opens_the_board_and_forms_need_csrf(
    data: Path, opened: dict[str, dict[str, str]], client: TestClient
) -> None:
    response = client.post("/login", data={"password": PASSWORD})
    assert response.status_code == 303
    cookie = response.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie
    board = client.get("/rounds/2023")
    assert board.status_code == 200 and "县人社局" in board.text and "未报" in board.text
    assert "下枣林乡：养老助餐台账" in board.text  # the reminder
    assert (
        client.post("/rounds", data={"year": "2024", "departments": "甲：培训"}).status_code == 403
    )


def test_hostile_names_and_cells_are_escaped_and_paths_sanitised(
    client: TestClient, opened: dict[str, dict[str, str]], tmp_path: Path
) -> None:
    token = opened["县人社局"]["token"]
    evil = write_xlsx(
        tmp_path / "x.xlsx",
        {
            "<svg onload=alert(1)>": [
                HIRES_HEADER,
                hire("<script>alert(1)</script>", 1, sector="农业"),
            ]
        },
    )
    response = client.post(
        "/api/rounds/2023/submissions",
        files={"file": ("../../<img src=x onerror=alert(1)>.xlsx", evil.read_bytes())},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert response.status_code == 201
    body = response.json()
    store = client.app.state.store  # type: ignore[attr-defined]
    stored = store.path_of(store.submission(body["submission"]))
    assert stored.resolve().is_relative_to((store.files).resolve())
    assert ".." not in stored.name and "<" not in stored.name
    page = client.get(f"/d/{token}/submissions/{body['submission']}")
    assert "<script>alert(1)" not in page.text and "<svg onload" not in page.text
    assert "&lt;script&gt;" in page.text


def test_oversized_uploads_and_zip_bombs_are_refused(
    client: TestClient,
    opened: dict[str, dict[str, str]],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from hostile.builders import good_workbook, zip_bomb

    token = opened["县人社局"]["token"]
    bomb = zip_bomb(good_workbook(tmp_path / "seed.xlsx"), tmp_path / "bomb.xlsx", inflated_mb=3)
    monkeypatch.setenv("ZYTALENT_MAX_UNCOMPRESSED_MB", "2")
    body = upload(client, token, bomb).json()  # type: ignore[attr-defined]
    assert body["status"] == "errors"
    assert body["report"]["findings"][0]["code"] == "file_too_large"


def test_a_killed_server_leaves_files_and_database_in_agreement(
    data: Path, client: TestClient, opened: dict[str, dict[str, str]], tmp_path: Path
) -> None:
    store = client.app.state.store  # type: ignore[attr-defined]
    half = store.staging()
    (half / "半.csv").write_text("x")  # an upload the server died receiving
    orphan = store.files / "2023" / "1" / "9"
    orphan.mkdir(parents=True)  # renamed into place, its row never committed
    (orphan / "a.csv").write_text("x")
    restarted = create_app(data)
    assert not half.exists() and not orphan.exists()
    named = {s.stored for s in restarted.state.store.submissions(2023)}
    on_disk = {str(p.relative_to(store.files)) for p in store.files.rglob("*") if p.is_file()}
    assert named == on_disk


def test_the_office_sees_figures_versions_and_downloads(
    client: TestClient, opened: dict[str, dict[str, str]], tmp_path: Path
) -> None:
    token = opened["县人社局"]["token"]
    first = write_csv(tmp_path / "一.csv", [HIRES_HEADER, hire("张三", 1), hire("李四", 2)])
    second = write_csv(
        tmp_path / "二.csv", [HIRES_HEADER, hire("张三", 1), hire("王五", 3, education="硕士")]
    )
    upload(client, token, first)
    body = upload(client, token, second).json()  # type: ignore[attr-defined]
    assert client.post("/login", data={"password": PASSWORD}).status_code == 303
    versions = client.get(f"/rounds/2023/submissions/{body['submission']}")
    assert versions.status_code == 200
    assert "与第 1 版相比：新增 1 条，删除 1 条，修改 0 条" in versions.text
    assert "142332********" in versions.text or "没有问题" in versions.text
    assert make_visible_id_absent(versions.text)
    figures = client.get("/rounds/2023/figures")
    assert figures.status_code == 200 and "2 个已通过" not in figures.text
    assert 'action="/logout"' in figures.text  # the office can leave from every office page
    for what, start in (("report.docx", b"PK"), ("summary.xlsx", b"PK"), ("report.html", b"<!")):
        download = client.get(f"/rounds/2023/download/{what}")
        assert download.status_code == 200 and download.content[:2] == start, what
    annotated = client.get(f"/d/{token}/submissions/{body['submission']}/annotated.xlsx")
    assert annotated.status_code == 200 and annotated.content[:2] == b"PK"
    template = client.get(f"/d/{token}/template.xlsx")
    assert template.status_code == 200 and template.content[:2] == b"PK"


def make_visible_id_absent(text: str) -> bool:
    """No full 18-digit ID number on a page."""
    import re

    return re.search(r"\d{17}[\dX]", text) is None


def test_the_office_revokes_and_renews_a_link(
    client: TestClient, opened: dict[str, dict[str, str]]
) -> None:
    assert client.post("/login", data={"password": PASSWORD}).status_code == 303
    board = client.get("/rounds/2023").text
    csrf = board.split('name="csrf" value="')[1].split('"')[0]
    old = opened["县教育局"]["token"]
    store = client.app.state.store  # type: ignore[attr-defined]
    department = store.department_by_token(rounds.token_hash(old))
    revoked = client.post(
        f"/rounds/2023/departments/{department.id}/link", data={"csrf": csrf, "action": "revoke"}
    )
    assert revoked.status_code == 303 and client.get(f"/d/{old}").status_code == 404
    renewed = client.post(
        f"/rounds/2023/departments/{department.id}/link", data={"csrf": csrf, "action": "new"}
    )
    link = renewed.text.split('readonly value="')[1].split('"')[0]
    assert client.get(link.replace("http://testserver", "")).status_code == 200
    assert (
        client.post(
            f"/rounds/2023/departments/{department.id}/link", data={"action": "new"}
        ).status_code
        == 403
    )


class _CardTables(HTMLParser):
    """Each `table.cards` of a page as (headers, rows), a row being its cells'
    (class, data-label, text)."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: list[tuple[list[str], list[list[tuple[str, str | None, str]]]]] = []
        self._depth = 0  # >0 inside a cards table
        self._cell: list[str] | None = None
        self._attrs: dict[str, str | None] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "table" and "cards" in (found.get("class") or "").split():
            self._depth = 1
            self.tables.append(([], []))
        elif self._depth and tag == "tr":
            self.tables[-1][1].append([])
        elif self._depth and tag in ("td", "th"):
            self._cell, self._attrs = [], {"tag": tag, **found}

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)

    def handle_endtag(self, tag: str) -> None:
        if self._depth and tag == "table":
            self._depth = 0
            headers, rows = self.tables[-1]
            self.tables[-1] = (headers, [row for row in rows if row])
        elif self._cell is not None and tag in ("td", "th"):
            text = "".join(self._cell).strip()
            if self._attrs["tag"] == "th":
                self.tables[-1][0].append(text)
                self.tables[-1][1].pop()  # the header row is not a card
                self.tables[-1][1].append([])
            else:
                cell = (self._attrs.get("class") or "", self._attrs.get("data-label"), text)
                self.tables[-1][1][-1].append(cell)
            self._cell = None


def test_on_a_phone_every_board_row_is_a_card_whose_lines_name_their_column(
    client: TestClient, opened: dict[str, dict[str, str]], tmp_path: Path
) -> None:
    """At 390 px the style sheet shows a `table.cards` row as a card: its first cell is the
    title and every other cell reads "label value" from data-label. A cell whose label is
    missing, or is not its column's header, would show a value with no name or a wrong
    one; a row whose department sits in a rowspan above it needs its own title."""
    upload(client, opened["县人社局"]["token"], write_csv(tmp_path / "一.csv", [HIRES_HEADER]))
    assert client.post("/login", data={"password": PASSWORD}).status_code == 303
    page = _CardTables()
    page.feed(client.get("/rounds/2023").text)
    board, versions, links = page.tables
    for headers, rows in (board, versions):
        assert headers[0] == "部门" and rows
        for row in rows:
            title, *lines = row
            assert "card-title" in title[0].split() and title[2] in (
                "县人社局",
                "县教育局",
                "下枣林乡",
            )
            assert [label for _, label, _ in lines] == headers[1:]
    assert not links[0] and all("card-title" in row[0][0] for row in links[1])
    stylesheet = client.get("/static/style.css").text
    assert "table.cards td[data-label]::before { content: attr(data-label)" in stylesheet


TRAINING_HEADER = ["培训名称", "类别", "承办单位", "培训地点", "开始日期", "结束日期", "培训人数"]
TRAINING = [
    TRAINING_HEADER,
    ["护工培训", "劳务品牌", "县人社局", "暖泉镇", "2023-08-06", "2023-08-15", 30],
]


def test_a_ledger_sent_again_alone_replaces_its_copy_in_the_first_file(
    client: TestClient, tmp_path: Path
) -> None:
    """Version 1 holds hires and training; version 2 only hires. The board takes training
    from version 1 and hires from version 2, so the figures must read version 1's training
    and leave its hires out, with a note; counted from both files, the hires would count
    twice (the old list and the new one)."""
    store = client.app.state.store  # type: ignore[attr-defined]
    opened = rounds.open_round(
        store, 2023, [("县人社局", ["hires", "training"])], None, "http://testserver"
    )
    token = opened.to_dict()["departments"][0]["token"]
    old_hires = [HIRES_HEADER, hire("张三", 1), hire("李四", 2)]
    both = write_xlsx(tmp_path / "第一版.xlsx", {"引进": old_hires, "培训": TRAINING})
    first = upload(client, token, both).json()  # type: ignore[attr-defined]
    assert (first["version"], first["status"]) == (1, "accepted")
    new_hires = [HIRES_HEADER, hire("张三", 1), hire("李四", 2), hire("王五", 3)]
    alone = write_xlsx(tmp_path / "第二版.xlsx", {"引进": new_hires})
    second = upload(client, token, alone).json()  # type: ignore[attr-defined]
    assert (second["version"], second["status"]) == (2, "accepted")

    summary = client.get("/api/rounds/2023/summary", headers=office(client)).json()
    training = write_xlsx(tmp_path / "培训.xlsx", {"培训": TRAINING})
    expected = summarize(2023, [alone, training]).to_dict()
    assert summary["figures"] == json.loads(json.dumps(expected))["figures"]
    assert summary["figures"]["hires.total"] == 3  # not 5

    counted = rounds.summary(store, 2023)
    notes = [f for f in counted.loaded.findings.items if f.code == "sheet_replaced"]
    assert [(Path(n.file or "").name, n.sheet) for n in notes] == [("第一版.xlsx", "引进")]
    assert "已由后来报送的版本取代" in notes[0].message
