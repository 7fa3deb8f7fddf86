"""The whole round in a real browser: headless Chromium from Debian's package, driven by
Playwright with `executable_path` (no browser download). Skipped where either is absent.
Screenshots at 1366×768 and 390×844 go to $ZYTALENT_SCREENSHOTS (or the test's folder)."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import HIRES_HEADER, make_id, write_xlsx

from web.live import start_server
from zytalent.summary import summarize

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
PASSWORD = "browser-test-password"
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed"),
]
playwright = pytest.importorskip("playwright.sync_api")


def people(bad_education: bool = False, old_date: bool = False) -> list[list[object]]:
    rows: list[list[object]] = [HIRES_HEADER]
    for i in range(1, 6):
        rows.append(
            [f"人{i}", make_id(dt.date(1990, 1, i), i), "本科", "县委办", "县直", "2023-03-15"]
        )
    if bad_education:
        rows[3][2] = "大专以上"  # E4… the third person: not an allowed value
    if old_date:
        rows[2][5] = "2022-12-20"  # a warning: outside the year
    return rows


@pytest.fixture()
def server(tmp_path: Path) -> Iterator[str]:
    process, base = start_server(tmp_path / "data", PASSWORD)
    yield base
    process.terminate()
    process.wait(30)


def test_a_round_from_opening_to_the_figures_in_the_browser(server: str, tmp_path: Path) -> None:
    shots = Path(os.environ.get("ZYTALENT_SCREENSHOTS", tmp_path / "shots"))
    shots.mkdir(parents=True, exist_ok=True)
    broken = write_xlsx(tmp_path / "引进人才_有错.xlsx", {"引进": people(bad_education=True)})
    corrected = write_xlsx(tmp_path / "引进人才_改正.xlsx", {"引进": people(old_date=True)})
    with playwright.sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        office = browser.new_page(viewport={"width": 1366, "height": 768})
        office.goto(server + "/login")
        office.fill("input[name=password]", PASSWORD)
        office.click("button[type=submit]")
        office.fill("input[name=year]", "2023")
        office.fill(
            "textarea[name=departments]", "县人社局：引进人才\n县教育局：培训\n下枣林乡：养老助餐"
        )
        office.click("text=开启并生成链接")
        links = office.locator(".link-cell input").evaluate_all("els => els.map(e => e.value)")
        assert len(links) == 3
        office.set_viewport_size({"width": 390, "height": 844})  # the links, on a phone
        office.screenshot(path=str(shots / "links_390x844.png"), full_page=True)
        assert office.evaluate("document.documentElement.scrollWidth") <= 390
        office.set_viewport_size({"width": 1366, "height": 768})

        desk = browser.new_page(viewport={"width": 1366, "height": 768})
        desk.goto(links[0])
        desk.set_input_files("input[name=file]", str(broken))
        desk.click('button:has-text("上传并检查")')
        desk.wait_for_url("**/submissions/*")
        assert desk.locator("td.error").count() >= 1  # the red cell in the preview
        assert "不是允许的值" in desk.inner_text(".findings")
        first_url = desk.url
        desk.screenshot(path=str(shots / "department_1366x768.png"))
        desk.set_viewport_size({"width": 390, "height": 844})
        desk.screenshot(path=str(shots / "department_390x844.png"))
        with desk.expect_download() as download:
            desk.click("text=下载标注了问题的副本")
        annotated = tmp_path / "标注.xlsx"
        download.value.save_as(annotated)
        from openpyxl import load_workbook

        assert "问题清单" in load_workbook(annotated).sheetnames

        desk.goto(links[0])
        desk.set_input_files("input[name=file]", str(corrected))
        desk.click('button:has-text("上传并检查")')
        desk.wait_for_url("**/submissions/*")
        assert desk.url != first_url and desk.locator("td.warning").count() >= 1
        desk.fill("textarea[name=explanation]", "该同志 2022 年底到岗，按实际补录")
        desk.click("text=确认并提交")
        desk.wait_for_load_state()
        assert "已确认警告" in desk.inner_text("main")

        office.goto(server + "/rounds/2023")
        row = office.locator("table.board tr", has_text="引进人才台账")
        assert row.locator(".state.accepted").count() == 1  # the board turns green
        office.screenshot(path=str(shots / "board_1366x768.png"), full_page=True)
        office.set_viewport_size({"width": 390, "height": 844})
        office.screenshot(path=str(shots / "board_390x844.png"), full_page=True)
        # On a phone the board is cards, one per ledger, and nothing scrolls sideways.
        assert office.evaluate("document.documentElement.scrollWidth") <= 390
        header = office.locator("table.board thead")
        assert header.evaluate("e => getComputedStyle(e).display") == "none"
        office.goto(server + "/rounds/2023/figures")
        office.screenshot(path=str(shots / "figures_390x844.png"), full_page=True)
        assert office.evaluate("document.documentElement.scrollWidth") <= 390

        other = browser.new_page()
        submission_id = first_url.rsplit("/", 1)[-1]
        response = other.goto(f"{links[1]}/submissions/{submission_id}")
        assert response is not None and response.status == 404  # not the other's data
        browser.close()
    import httpx

    live = httpx.get(
        server + "/api/rounds/2023/summary", headers={"Authorization": f"Bearer {PASSWORD}"}
    ).json()
    assert live["figures"] == summarize(2023, [corrected]).to_dict()["figures"]


def test_a_server_killed_during_uploads_loses_nothing_acknowledged(tmp_path: Path) -> None:
    """SIGKILL while uploads are being received and checked, then a restart: every upload
    answered 201 is there, with its file; nothing else is, and no staging is left."""
    import signal
    import threading

    import httpx

    from zytalent.web import rounds
    from zytalent.web.store import Store

    data = tmp_path / "data"
    opened = rounds.open_round(
        Store(data), 2023, [(f"单位{i}", ["hires"]) for i in range(4)], None, "http://x"
    )
    rows = [HIRES_HEADER] + [
        [
            f"人{i}",
            make_id(dt.date(1980, 1, 1) + dt.timedelta(days=i // 999), i % 999 + 1),
            "本科",
            "县委办",
            "县直",
            "2023-03-15",
        ]
        for i in range(20_000)
    ]
    content = write_xlsx(tmp_path / "大.xlsx", {"引进": rows}).read_bytes()
    process, base = start_server(data, PASSWORD)
    deadline = time.monotonic() + 90  # for the first upload to be acknowledged
    acknowledged: list[int] = []

    def send(token: str) -> None:
        for _ in range(3):
            try:
                response = httpx.post(
                    f"{base}/api/rounds/2023/submissions",
                    files={"file": ("大.xlsx", content)},
                    headers={"Authorization": f"Bearer {token}"},
                    timeout=120,
                )
            except httpx.HTTPError:
                return
            if response.status_code == 201:
                acknowledged.append(response.json()["submission"])

    threads = [threading.Thread(target=send, args=(d["token"],)) for d in opened.departments]
    for thread in threads:
        thread.start()
    while not acknowledged and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.3)  # more uploads are now on their way in or being checked
    process.send_signal(signal.SIGKILL)
    process.wait(30)
    for thread in threads:
        thread.join()
    assert acknowledged, "no upload finished before the kill"
    print(f"acknowledged {len(acknowledged)} of {3 * len(threads)} before the kill")
    store = Store(data)
    store.recover()  # what `zytalent serve` does at start-up
    recorded = {s.id: s for s in store.submissions(2023)}
    assert set(acknowledged) <= set(recorded)
    on_disk = {str(p.relative_to(store.files)) for p in store.files.rglob("*") if p.is_file()}
    assert on_disk == {s.stored for s in recorded.values()}
    assert not list(data.glob(".upload-*"))
    for submission in recorded.values():
        assert store.path_of(submission).read_bytes() == content
