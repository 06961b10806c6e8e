"""A real `memex serve` subprocess on 127.0.0.1 (an ephemeral port), for protocol tests with real clients."""
from __future__ import annotations

import re
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx

MEMEX = [sys.executable, "-c", "from memex.interfaces.cli.main import main; main()"]


class ServeProcess:
    """`memex serve --home HOME --port 0`; `url` and `token` once it is up. Use as a context manager."""

    def __init__(self, home: Path) -> None:
        self.home = home
        self.log_path = home / "serve.log"
        self._log = self.log_path.open("w")
        self.proc = subprocess.Popen([*MEMEX, "serve", "--home", str(home), "--port", "0"],
                                     stderr=subprocess.PIPE, stdout=self._log, text=True)
        lines: list[str] = []
        url = None
        deadline = time.monotonic() + 90
        while url is None and time.monotonic() < deadline:
            line = self.proc.stderr.readline() if self.proc.stderr else ""
            if not line:
                break
            lines.append(line)
            m = re.search(r"running on (http://127\.0\.0\.1:\d+)", line, re.I)
            url = m.group(1) if m else None
        if url is None:
            self.stop()
            raise RuntimeError("memex serve did not start:\n" + "".join(lines))
        self.url = url
        # Keep reading its log (access lines go to stderr): a full pipe would stall the server.
        self._drain = threading.Thread(target=self._copy_log, daemon=True)
        self._drain.start()
        self.token = (home / "api_token").read_text().strip()
        self.auth = {"Authorization": f"Bearer {self.token}"}
        assert httpx.get(f"{url}/health", timeout=10).status_code == 200

    def _copy_log(self) -> None:
        assert self.proc.stderr is not None
        for line in self.proc.stderr:
            self._log.write(line)

    def stop(self) -> None:
        """Terminate and wait."""
        self.proc.terminate()
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(timeout=10)
        if hasattr(self, "_drain"):
            self._drain.join(timeout=5)
        self._log.close()

    def __enter__(self) -> ServeProcess:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()
