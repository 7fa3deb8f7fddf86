"""Collect zytalent and every wheel it needs into one folder, for office PCs without internet.

    python scripts/offline_bundle.py 离线安装包                 # Windows (win_amd64) and this Linux
    python scripts/offline_bundle.py 离线安装包 --platform linux
    python scripts/offline_bundle.py 离线安装包 --python 3.11 3.12 3.13

Run it once on a machine with internet (it asks PyPI through pip; nothing else). Copy the
folder to the office PC (USB stick, intranet share) and run `安装.bat` (Windows) or
`install.sh` (Linux) in it: both are `pip install --no-index --find-links wheels zytalent`,
so the PC never goes online. The folder holds zytalent's own wheel, the wheels of its
dependencies for each platform and Python version asked for, and the two scripts.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WINDOWS = "win_amd64"
PYTHONS = ("3.11", "3.12", "3.13")
# pip evaluates dependency markers on the machine it runs on, not the target, so what is
# needed only on Windows (click's colorama; the time-zone data pandas reads there) is named
WINDOWS_ONLY = ("colorama", "tzdata")

INSTALL_BAT = """@echo off
chcp 65001 >nul
rem zytalent offline install: nothing is downloaded
cd /d "%~dp0"
py -m pip install --no-index --find-links wheels zytalent || python -m pip install --no-index --find-links wheels zytalent
if errorlevel 1 (
  echo 安装未成功：请确认已安装 Python 3.11 或更新版本（64 位），再运行本文件。
  pause
  exit /b 1
)
echo 安装完成。打开“命令提示符”，输入 zytalent --help 查看用法，或 zytalent serve 打开网页版。
pause
"""

INSTALL_SH = """#!/bin/sh
# zytalent offline install: nothing is downloaded
set -e
cd "$(dirname "$0")"
PYTHON="${PYTHON:-python3}"
"$PYTHON" -m pip install --no-index --find-links wheels zytalent
echo "安装完成：zytalent --help 查看用法，zytalent serve 打开网页版。"
"""


def requirements() -> list[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return list(project["dependencies"])


def pip(*args: str) -> None:
    command = [sys.executable, "-m", "pip", *args]
    print("+", " ".join(command), flush=True)
    subprocess.run(command, check=True)


def bundle(out: Path, platforms: list[str], pythons: list[str]) -> Path:
    wheels = out / "wheels"
    wheels.mkdir(parents=True, exist_ok=True)
    pip("wheel", str(ROOT), "--no-deps", "--wheel-dir", str(wheels))
    needed = requirements()
    if "linux" in platforms:  # this machine's own platform and Python
        pip("download", *needed, "--dest", str(wheels), "--only-binary=:all:")
    if "windows" in platforms:
        for version in pythons:
            pip(
                "download",
                *needed,
                *WINDOWS_ONLY,
                "--dest",
                str(wheels),
                "--only-binary=:all:",
                "--platform",
                WINDOWS,
                "--python-version",
                version,
                "--implementation",
                "cp",
            )
    (out / "安装.bat").write_bytes(INSTALL_BAT.replace("\n", "\r\n").encode("utf-8"))
    script = out / "install.sh"
    script.write_text(INSTALL_SH, encoding="utf-8")
    script.chmod(0o755)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument(
        "--platform", choices=("all", "windows", "linux"), default="all", dest="platform"
    )
    parser.add_argument("--python", nargs="+", default=list(PYTHONS), dest="pythons")
    args = parser.parse_args()
    platforms = ["windows", "linux"] if args.platform == "all" else [args.platform]
    out = bundle(args.out, platforms, args.pythons)
    count = len(list((out / "wheels").glob("*.whl")))
    print(f"{out}: {count} wheels, 安装.bat, install.sh")
    return 0


if __name__ == "__main__":
    sys.exit(main())
