"""Security for the local servers: bearer token, Host/Origin allow-lists, rate limit, content types.

Used by the REST API and the MCP streamable-HTTP transport alike, so both are guarded the same way
no matter what the web framework or SDK defaults are (see docs/reliability §2.2, §4).
"""
from __future__ import annotations

import hmac
import json
import os
import secrets
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from memex.errors import MemexError

TOKEN_FILE = "api_token"
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})


def token_path(home: Path) -> Path:
    """Where the bearer token lives."""
    return home / TOKEN_FILE


def load_or_create_token(home: Path) -> str:
    """The server's bearer token, generated (256 random bits, file mode 0600) on first use."""
    path = token_path(home)
    home.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        token = path.read_text(encoding="utf-8").strip()
        if len(token) < 32:
            raise MemexError(f"the API token in {path} is too short; delete the file to make a new one") from None
        return token
    token = secrets.token_urlsafe(32)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(token + "\n")
    return token


def split_host(host: str) -> str:
    """The host name of a Host header value, without port or IPv6 brackets, lower-case."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[1:host.find("]")] if "]" in host else host
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


class RateLimiter:
    """A token bucket per client: `rate` requests per second on average, bursts up to `burst`."""

    def __init__(self, per_minute: float, burst: int) -> None:
        self.rate = per_minute / 60.0
        self.burst = float(burst)
        self._buckets: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def allow(self, client: str) -> float:
        """0 if the request may proceed, else seconds until it would."""
        now = time.monotonic()
        with self._lock:
            tokens, last = self._buckets.get(client, (self.burst, now))
            tokens = min(self.burst, tokens + (now - last) * self.rate)
            if tokens >= 1:
                self._buckets[client] = (tokens - 1, now)
                return 0.0
            self._buckets[client] = (tokens, now)
            if len(self._buckets) > 10_000:  # many distinct clients: forget the idle ones
                self._buckets = {k: v for k, v in self._buckets.items() if now - v[1] < 60}
            return (1 - tokens) / self.rate if self.rate > 0 else 60.0


@dataclass
class GuardConfig:
    """What the guard lets through."""

    token: str
    allowed_hosts: frozenset[str] = LOOPBACK_HOSTS
    allowed_origins: frozenset[str] = frozenset()
    public_paths: frozenset[str] = frozenset({"/health"})
    rate_per_minute: float = 600
    rate_burst: int = 120
    body_types: tuple[str, ...] = ("application/json", "multipart/form-data")
    jsonrpc_errors: bool = False
    """MCP: answer refusals as JSON-RPC error objects."""
    refusal: Callable[[str, int, str], dict[str, Any] | None] | None = None
    """Per-path refusal body in a protocol's own shape (OpenAI /v1, A2A); None falls back to {"error": ...}."""
    limiter: RateLimiter = field(init=False)

    def __post_init__(self) -> None:
        self.limiter = RateLimiter(self.rate_per_minute, self.rate_burst)


def guard_config(token: str, extra: dict[str, Any], *, bind_host: str = "127.0.0.1",
                 public_paths: Iterable[str] = ("/health",), jsonrpc_errors: bool = False,
                 prefix: str = "api") -> GuardConfig:
    """GuardConfig from config-file options (`<prefix>_allowed_hosts`, `_cors_origins`, `_rate_per_minute`…)."""
    hosts = set(LOOPBACK_HOSTS) | {split_host(h) for h in _str_list(extra, f"{prefix}_allowed_hosts")}
    if bind_host not in ("0.0.0.0", "::", ""):
        hosts.add(split_host(bind_host))
    origins = {o.rstrip("/").lower() for o in _str_list(extra, f"{prefix}_cors_origins")}
    if "*" in origins:
        raise MemexError(f"{prefix}_cors_origins must list origins explicitly; '*' is not allowed")
    try:
        rate = float(extra.get(f"{prefix}_rate_per_minute", 600))
        burst = int(extra.get(f"{prefix}_rate_burst", max(1, int(rate // 5))))
    except (TypeError, ValueError) as e:
        raise MemexError(f"config: {prefix}_rate_per_minute/{prefix}_rate_burst must be numbers") from e
    return GuardConfig(token=token, allowed_hosts=frozenset(hosts), allowed_origins=frozenset(origins),
                       public_paths=frozenset(public_paths), rate_per_minute=rate, rate_burst=burst,
                       jsonrpc_errors=jsonrpc_errors)


def _str_list(extra: dict[str, Any], key: str) -> list[str]:
    value = extra.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise MemexError(f"config: {key} must be a list of strings")
    return value


class Guard:
    """ASGI middleware: Host, Origin, rate limit, bearer token and body content type, in that order."""

    def __init__(self, app: Any, config: GuardConfig) -> None:
        self.app = app
        self.config = config

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        refusal = self.check(scope, headers)
        if refusal is None:
            await self.app(scope, receive, send)
            return
        status, message, extra_headers = refusal
        if scope["type"] == "websocket":
            await send({"type": "websocket.close", "code": 1008})
            return
        await self._refuse(send, status, message, extra_headers, scope.get("path", ""))

    def check(self, scope: dict[str, Any], headers: dict[str, str]) -> tuple[int, str, list[tuple[str, str]]] | None:
        """None to let the request in, else (status, message, headers)."""
        cfg = self.config
        host = headers.get("host", "")
        if split_host(host) not in cfg.allowed_hosts:
            # DNS rebinding: a page on evil.example resolving to 127.0.0.1 still sends its own Host.
            return 421, "host not allowed", []
        origin = headers.get("origin")
        if origin is not None:
            o = origin.rstrip("/").lower()
            same_origin = o in (f"http://{host.lower()}", f"https://{host.lower()}")
            if not same_origin and o not in cfg.allowed_origins:
                return 403, "origin not allowed", []
        path = scope.get("path", "")
        if path in cfg.public_paths:
            return None
        client = (scope.get("client") or ("?", 0))[0]
        wait = cfg.limiter.allow(client)
        if wait > 0:
            return 429, "too many requests", [("retry-after", str(max(1, int(wait + 0.999))))]
        auth = headers.get("authorization", "")
        scheme, _, given = auth.partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), cfg.token.encode()):
            return 401, "missing or invalid bearer token (see `memex token`)", [("www-authenticate", "Bearer")]
        if scope.get("method") in ("POST", "PUT", "PATCH") and _has_body(headers):
            ctype = headers.get("content-type", "").split(";", 1)[0].strip().lower()
            if ctype not in cfg.body_types:
                return 415, f"content type must be one of {', '.join(cfg.body_types)}", []
        return None

    async def _refuse(self, send: Any, status: int, message: str, extra_headers: list[tuple[str, str]],
                      path: str = "") -> None:
        shaped = self.config.refusal(path, status, message) if self.config.refusal else None
        if shaped is not None:
            payload: dict[str, Any] = shaped
        elif self.config.jsonrpc_errors:
            payload = {"jsonrpc": "2.0", "id": None, "error": {"code": -32001, "message": message}}
        else:
            payload = {"error": message}
        body = json.dumps(payload).encode()
        hdrs = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
        hdrs += [(k.encode(), v.encode()) for k, v in extra_headers]
        await send({"type": "http.response.start", "status": status, "headers": hdrs})
        await send({"type": "http.response.body", "body": body})


class ShapedTooLarge:
    """ASGI wrapper (outermost): the body-size limiter's plain-text 413 in a protocol's own error shape."""

    def __init__(self, app: Any, refusal: Callable[[str, int, str], dict[str, Any] | None]) -> None:
        self.app = app
        self.refusal = refusal

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        shaped = self.refusal(scope.get("path", ""), 413, "request body too large") if scope["type"] == "http" else None
        await self.app(scope, receive, send if shaped is None else _shaped_413(send, shaped))


def _shaped_413(send: Any, payload: dict[str, Any]) -> Any:
    """A `send` that replaces the body-size limiter's plain-text 413 with a protocol's own error body."""
    body = json.dumps(payload).encode()
    replaced = False

    async def wrapped(message: dict[str, Any]) -> None:
        nonlocal replaced
        if message["type"] == "http.response.start" and message["status"] == 413:
            ctype = dict(message.get("headers", [])).get(b"content-type", b"")
            if not ctype.startswith(b"application/json"):
                replaced = True
                await send({"type": "http.response.start", "status": 413, "headers": [
                    (b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
                await send({"type": "http.response.body", "body": body})
                return
        if replaced and message["type"] == "http.response.body":
            return
        await send(message)
    return wrapped


def _has_body(headers: dict[str, str]) -> bool:
    if "transfer-encoding" in headers:
        return True
    try:
        return int(headers.get("content-length", "0") or 0) > 0
    except ValueError:
        return True
