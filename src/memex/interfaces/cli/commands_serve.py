"""Commands that serve the brain to other programs: serve (REST API), mcp (MCP server), token."""
from __future__ import annotations

import ipaddress
import os
import secrets
import threading
from pathlib import Path
from typing import Any

import click

from memex.interfaces.cli.main import cli, handle_errors, home_options


def _home(ctx: click.Context, home: Path | None, config_file: Path | None) -> tuple[Path | None, Path | None]:
    obj = ctx.find_root().obj or {}
    return home or obj.get("home"), config_file or obj.get("config_file")


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _warn_public(host: str, option: str) -> None:
    if not is_loopback(host):
        click.echo(f"Warning: listening on {host}, reachable from other machines. Every request still needs "
                   f"the token; add the names clients use to `{option}` in the config.", err=True)


def _warm(gateway: Any) -> None:
    """Load the embedding model and the vector index at start, so the first question does not wait for them."""
    try:
        with gateway.reading() as b:
            b.search_embedder.embed_query("warm up")
            b.index  # noqa: B018 - loads the vector cache
    except Exception:  # noqa: BLE001 - the first request reports any real problem
        pass


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind (loopback by default).")
@click.option("--port", type=click.IntRange(0, 65535), default=8765, show_default=True)
@home_options
@click.pass_context
@handle_errors
def serve(ctx: click.Context, host: str, port: int, home: Path | None, config_file: Path | None) -> None:
    """Run the REST API (OpenAPI at /openapi.json), the OpenAI-compatible /v1 API and the A2A agent.

    Every route but /health and the A2A agent card needs the bearer token from `memex token`.
    """
    import uvicorn

    from memex.interfaces.api.app import build_app

    home, config_file = _home(ctx, home, config_file)
    app, gateway = build_app(home, config_file, host=host)
    threading.Thread(target=_warm, args=(gateway,), name="memex-warm-up", daemon=True).start()
    _warn_public(host, "api_allowed_hosts")
    click.echo(f"Memex API on http://{host}:{port}  (token: `memex token`; docs at /docs; OpenAI-compatible "
               f"at /v1; A2A agent card at /.well-known/agent-card.json)", err=True)
    try:
        uvicorn.run(app, host=host, port=port, log_level="info", server_header=False, proxy_headers=False,
                    limit_concurrency=64, timeout_keep_alive=5)
    finally:
        gateway.close()


@cli.command()
@click.option("--http", "use_http", is_flag=True, help="Serve streamable HTTP at /mcp instead of stdio.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind with --http.")
@click.option("--port", type=click.IntRange(0, 65535), default=8766, show_default=True, help="Port with --http.")
@home_options
@click.pass_context
@handle_errors
def mcp(ctx: click.Context, use_http: bool, host: str, port: int, home: Path | None,
        config_file: Path | None) -> None:
    """Run the MCP server for AI assistants (stdio by default; see docs/mcp.md)."""
    from memex.interfaces.gateway import Gateway
    from memex.interfaces.mcp.server import build_server, http_app

    home, config_file = _home(ctx, home, config_file)
    gateway = Gateway(home, config_file)
    try:
        if not use_http:
            build_server(gateway, actor="mcp:stdio").run("stdio")
            return
        import uvicorn
        app = http_app(gateway, host)
        _warn_public(host, "mcp_allowed_hosts")
        click.echo(f"Memex MCP (streamable HTTP) on http://{host}:{port}/mcp  (token: `memex token`)", err=True)
        uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False, proxy_headers=False)
    finally:
        gateway.close()


@cli.command()
@click.option("--regenerate", is_flag=True, help="Replace the token (clients must be given the new one).")
@click.option("--path", "show_path", is_flag=True, help="Print where the token is stored instead.")
@home_options
@click.pass_context
@handle_errors
def token(ctx: click.Context, regenerate: bool, show_path: bool, home: Path | None,
          config_file: Path | None) -> None:
    """Print the bearer token for the REST API and the MCP HTTP transport (created on first use)."""
    from memex.config import load_settings
    from memex.interfaces.api.security import load_or_create_token, token_path

    home, config_file = _home(ctx, home, config_file)
    settings = load_settings(home, config_file)
    path = token_path(settings.home)
    if regenerate:
        settings.home.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(secrets.token_urlsafe(32) + "\n")
        os.replace(tmp, path)
    value = load_or_create_token(settings.home)
    click.echo(str(path) if show_path else value)
