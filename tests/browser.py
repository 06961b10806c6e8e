"""`memex ui` on a free 127.0.0.1 port and a headless Chromium pointed at it, for the end-to-end web tests."""
from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
NEEDS_BROWSER = "needs Debian's chromium and chromium-driver (apt-get install -y chromium chromium-driver)"
# Nothing in the browser may reach beyond 127.0.0.1: no update checks, sync or QUIC probes.
QUIET_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync")


def free_port() -> int:
    """A TCP port on 127.0.0.1 nobody listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def require_browser() -> None:
    """Skip the calling test, saying what to install, when Chromium, its driver or selenium is missing."""
    if not (CHROMIUM and CHROMEDRIVER):
        pytest.skip(NEEDS_BROWSER)
    pytest.importorskip("selenium.webdriver", reason="needs selenium (pip install '.[dev]')")


@contextlib.contextmanager
def memex_ui(home: Path, log_path: Path) -> Iterator[str]:
    """`memex ui --home HOME` in its own process group until the block ends; yields its URL once healthy."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "MEMEX_HOME"}
    with log_path.open("wb") as log:
        server = subprocess.Popen([sys.executable, "-m", "memex.interfaces.cli", "ui", "--home", str(home),
                                   "--port", str(port)], env=env, stdout=log, stderr=subprocess.STDOUT,
                                  start_new_session=True)
        try:
            url = f"http://127.0.0.1:{port}"
            deadline = time.monotonic() + 30
            while True:
                try:
                    with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                        if r.read() == b"ok":
                            break
                except OSError:
                    if server.poll() is not None or time.monotonic() > deadline:
                        pytest.fail(f"memex ui did not start:\n{log_path.read_text()}")
                    time.sleep(0.3)
            yield url
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            try:
                server.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
                server.wait(5)


@contextlib.contextmanager
def chromium(profile: Path, size: str = "1280,860", extra: tuple[str, ...] = ()) -> Iterator[Any]:
    """A headless Chromium WebDriver with its own profile folder; quit when the block ends."""
    require_browser()
    from selenium import webdriver

    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for flag in (*QUIET_FLAGS, f"--window-size={size}", f"--user-data-dir={profile}", *extra):
        opts.add_argument(flag)
    driver = webdriver.Chrome(service=webdriver.ChromeService(CHROMEDRIVER), options=opts)
    try:
        yield driver
    finally:
        driver.quit()


@contextlib.contextmanager
def browser_on_ui(tmp_path: Path, home: Path, size: str = "1280,860", extra: tuple[str, ...] = ()) -> Iterator[Any]:
    """`memex ui` for `home` and a headless Chromium already on its front page."""
    require_browser()
    with memex_ui(home, tmp_path / "server.log") as url, \
            chromium(tmp_path / "chromium-profile", size, extra) as driver:
        driver.get(url)
        yield driver
