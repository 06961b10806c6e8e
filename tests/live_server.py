"""A real uvicorn server on an ephemeral 127.0.0.1 port, in a thread, for HTTP tests."""
from __future__ import annotations

import shutil
import threading
import time
from pathlib import Path
from typing import Any

import uvicorn

REPO = Path(__file__).resolve().parents[1]
SAMPLE_VAULT = REPO / "examples" / "sample-vault"


class LiveServer:
    """Serve an ASGI app until stop(); `url` is its base URL."""

    def __init__(self, app: Any) -> None:
        config = uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning", lifespan="auto")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.02)
        self.port = self.server.servers[0].sockets[0].getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        """Shut down and wait for the thread."""
        self.server.should_exit = True
        self.thread.join(timeout=10)


def make_home(root: Path, **config: Any) -> Path:
    """A Memex home using the fast hashing embedder, plus extra config keys."""
    home = root / "home"
    home.mkdir(parents=True, exist_ok=True)
    lines = ['embedder = "hash:384"'] + [f"{k} = {_toml(v)}" for k, v in config.items()]
    (home / "config.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return home


def indexed_sample(root: Path) -> dict[str, Path]:
    """A hash-embedder home with a private copy of the sample vault indexed: {"home", "vault"}."""
    from memex.app import Brain

    vault = copy_vault(root)
    home = make_home(root)
    with Brain.open(home) as b:
        report = b.add([vault])
    assert report.added == 17 and not report.failed
    return {"home": home, "vault": vault}


def copy_vault(root: Path) -> Path:
    """A private copy of the sample vault (tests may change it)."""
    dst = root / "vault"
    shutil.copytree(SAMPLE_VAULT, dst)
    return dst


def _toml(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, str):
        return '"' + v.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(v, list):
        return "[" + ", ".join(_toml(x) for x in v) + "]"
    return str(v)
