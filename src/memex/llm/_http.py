"""HTTP plumbing shared by the server-backed providers: timeouts, retries, error mapping, SSE."""
from __future__ import annotations

import json
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import httpx

from memex.llm.base import LLMError, LLMModelMissing, LLMUnavailable

# Connection-level failures that mean "the request never reached a working server": safe to resend.
RETRYABLE_ERRORS = (httpx.ConnectError, httpx.ConnectTimeout, httpx.RemoteProtocolError)
MAX_RETRY_AFTER_S = 30.0


def retryable_status(status: int) -> bool:
    """429 and 5xx are transient; every other 4xx is our mistake and resending cannot fix it."""
    return status == 429 or status >= 500


def config_value(config: Mapping[str, Any], key: str, kind: type, default: Any) -> Any:
    """Read an int/float setting from `config`, with a clear error when it does not parse."""
    raw = config.get(key)
    if raw is None or raw == "":
        return default
    try:
        value = kind(raw)
    except (TypeError, ValueError) as e:
        raise LLMError(f"config: {key} must be a {kind.__name__}, got {raw!r}") from e
    if value < 0:
        raise LLMError(f"config: {key} must not be negative, got {raw!r}")
    return value


@dataclass
class Endpoint:
    """One provider's server: where it is, how long to wait, how often to retry, and how to explain failure."""

    provider: str
    """Human name used in messages, e.g. "Ollama"."""
    base_url: str
    model: str
    headers: dict[str, str] = field(default_factory=dict)
    timeout_s: float = 120.0
    """Read timeout: the longest silence tolerated between bytes (first token included)."""
    connect_timeout_s: float = 5.0
    max_retries: int = 2
    backoff_s: float = 0.5
    unavailable_hint: str = "is the server running?"
    missing_hint: str = ""
    auth_hint: str = ""

    def __post_init__(self) -> None:
        self.base_url = self.base_url.rstrip("/")
        self._client = httpx.Client(
            headers=self.headers,
            timeout=httpx.Timeout(self.timeout_s, connect=min(self.connect_timeout_s, self.timeout_s or 5.0)))

    def post_json(self, path: str, payload: dict[str, Any]) -> Any:
        """POST `payload` and return the decoded JSON reply."""
        url = self.base_url + path
        with self._open(url, payload) as resp:
            try:
                body = resp.read()
            except httpx.TimeoutException as e:
                raise self._timeout(url) from e
            except httpx.TransportError as e:
                raise LLMUnavailable(f"{self.provider} at {url} dropped the connection: {e}") from e
        try:
            return json.loads(body)
        except ValueError as e:
            raise LLMError(f"{self.provider} at {url} returned invalid JSON: {body[:200]!r}") from e

    def stream_lines(self, path: str, payload: dict[str, Any]) -> Iterator[str]:
        """POST `payload` and yield the reply body line by line as it arrives."""
        url = self.base_url + path
        with self._open(url, payload) as resp:
            try:
                yield from resp.iter_lines()
            except httpx.TimeoutException as e:
                raise self._timeout(url) from e
            except httpx.TransportError as e:
                raise LLMUnavailable(f"{self.provider} at {url} dropped the connection mid-reply: {e}") from e

    @contextmanager
    def _open(self, url: str, payload: dict[str, Any]) -> Iterator[httpx.Response]:
        attempt = 0
        while True:
            try:
                resp = self._client.send(self._client.build_request("POST", url, json=payload), stream=True)
            except RETRYABLE_ERRORS as e:
                if attempt < self.max_retries:
                    self._sleep(attempt, None)
                    attempt += 1
                    continue
                raise LLMUnavailable(
                    f"cannot reach {self.provider} at {self.base_url} ({type(e).__name__}: {e}"
                    f"{f'; tried {attempt + 1} times' if attempt else ''}) - {self.unavailable_hint}") from e
            except httpx.TimeoutException as e:
                raise self._timeout(url) from e
            except httpx.TransportError as e:
                raise LLMUnavailable(f"cannot talk to {self.provider} at {url}: {e} - "
                                     f"{self.unavailable_hint}") from e
            if resp.is_success:
                try:
                    yield resp
                finally:
                    resp.close()
                return
            try:
                body = resp.read()
            except httpx.HTTPError:
                body = b""
            finally:
                resp.close()
            if retryable_status(resp.status_code) and attempt < self.max_retries:
                self._sleep(attempt, resp.headers.get("retry-after"))
                attempt += 1
                continue
            raise self._status_error(resp.status_code, body, url, attempt + 1)

    def _sleep(self, attempt: int, retry_after: str | None) -> None:
        delay = self.backoff_s * (2 ** attempt)
        if retry_after:
            try:  # the server knows best how long it is busy, but never wait more than half a minute
                delay = max(delay, min(float(retry_after), MAX_RETRY_AFTER_S))
            except ValueError:
                pass  # an HTTP-date Retry-After: keep our own backoff
        time.sleep(delay)

    def _timeout(self, url: str) -> LLMUnavailable:
        return LLMUnavailable(
            f"{self.provider} at {url} did not answer within {self.timeout_s:g} s - {self.unavailable_hint} "
            "(a slow local model may need a larger timeout_s in the config, or a smaller model)")

    def _status_error(self, status: int, body: bytes, url: str, attempts: int) -> LLMError:
        detail = error_detail(body)
        tries = f" after {attempts} attempts" if attempts > 1 else ""
        if status == 404:
            return LLMModelMissing(f"{self.provider} at {self.base_url} has no model {self.model!r} "
                                   f"(HTTP 404: {detail}) - {self.missing_hint}")
        if status in (401, 403):
            return LLMError(f"{self.provider} at {url} refused the request (HTTP {status}: {detail}) - "
                            f"{self.auth_hint or 'check the API key'}")
        return LLMError(f"{self.provider} at {url} answered HTTP {status}{tries}: {detail}")


def error_detail(body: bytes) -> str:
    """The server's own error message, from the JSON shapes Ollama/OpenAI/Anthropic use, else the raw text."""
    text = body.decode("utf-8", "replace").strip()
    try:
        obj = json.loads(text)
    except ValueError:
        return text[:300] or "no details"
    if isinstance(obj, dict):
        err = obj.get("error", obj)
        if isinstance(err, str):
            return err[:300]
        if isinstance(err, dict) and isinstance(err.get("message"), str):
            return err["message"][:300]
    return text[:300]


def sse_events(lines: Iterator[str]) -> Iterator[tuple[str, str]]:
    """Group server-sent-event lines into (event name, data) pairs; the name is "" when none is given."""
    event, data = "", []
    for line in lines:
        if not line:
            if data:
                yield event, "\n".join(data)
            event, data = "", []
        elif line.startswith(":"):
            continue  # a comment / keep-alive
        else:
            name, _, value = line.partition(":")
            value = value[1:] if value.startswith(" ") else value
            if name == "event":
                event = value
            elif name == "data":
                data.append(value)
    if data:
        yield event, "\n".join(data)


def decode_json(provider: str, text: str) -> Any:
    """Decode one streamed JSON record, naming the provider when it is garbled."""
    try:
        return json.loads(text)
    except ValueError as e:
        raise LLMError(f"{provider} sent a garbled stream record: {text[:200]!r}") from e


def endpoint_options(config: Mapping[str, Any], default_timeout_s: float) -> dict[str, Any]:
    """The timeout/retry settings every HTTP provider reads from the config."""
    timeout_s = config_value(config, "timeout_s", float, default_timeout_s)
    if timeout_s <= 0:
        raise LLMError(f"config: timeout_s must be more than 0 seconds, got {timeout_s:g}")
    return {
        "timeout_s": timeout_s,
        "max_retries": config_value(config, "max_retries", int, 2),
        "backoff_s": config_value(config, "retry_backoff_s", float, 0.5),
    }


def context_window(config: Mapping[str, Any], default: int) -> int:
    """The configured context window, else the provider's default."""
    value = config_value(config, "context_window", int, default)
    if value < 256:
        raise LLMError(f"config: context_window must be at least 256 tokens, got {value}")
    return value
