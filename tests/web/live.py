"""A real `zytalent serve` on 127.0.0.1, for the browser, kill and load tests: a free port,
the process, and a wait until it answers."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_server(data: Path, password: str) -> tuple[subprocess.Popen[bytes], str]:
    """`zytalent serve --data DATA` with the office password set; returns the process and
    its base URL once /healthz answers (at most 30 s)."""
    import httpx

    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "zytalent", "serve", "--data", str(data), "--port", str(port)],
        env={**os.environ, "ZYTALENT_ADMIN_PASSWORD": password},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if httpx.get(base + "/healthz", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.1)
    return process, base
