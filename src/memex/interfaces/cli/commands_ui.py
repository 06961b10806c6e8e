"""`memex ui`: the Streamlit web UI, served headless on loopback with telemetry off."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from memex.config import default_home
from memex.errors import MemexError
from memex.interfaces.cli.commands_serve import is_loopback
from memex.interfaces.cli.main import cli, handle_errors, home_options

SCRIPT = Path(__file__).resolve().parents[1] / "web" / "app.py"


def streamlit_command(port: int, host: str) -> list[str]:
    """The `streamlit run` command line for the UI script."""
    return [sys.executable, "-m", "streamlit", "run", str(SCRIPT),
            "--server.port", str(port), "--server.address", host,
            "--server.headless", "true", "--browser.gatherUsageStats", "false",
            "--server.fileWatcherType", "none", "--server.runOnSave", "false",
            "--client.toolbarMode", "minimal", "--global.developmentMode", "false",
            "--theme.base", "light"]


@cli.command()
@click.option("--port", type=click.IntRange(1, 65535), default=8501, show_default=True)
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to bind. The UI has no login: keep it on loopback unless you know who can reach it.")
@home_options
@click.pass_context
@handle_errors
def ui(ctx: click.Context, port: int, host: str, home: Path | None, config_file: Path | None) -> None:
    """Open the web UI (Ask, Search, Browse, New note, Memory, Add, Status) at http://127.0.0.1:PORT."""
    try:
        import streamlit  # noqa: F401
    except ImportError:
        raise MemexError("the web UI needs Streamlit: pip install 'memex[ui]'") from None
    obj = ctx.find_root().obj or {}
    home = home or obj.get("home") or default_home()
    config_file = config_file or obj.get("config_file")
    env = dict(os.environ)
    # The script reads its home like every command does (MEMEX_HOME); nothing is passed on argv.
    env["MEMEX_HOME"] = str(Path(home).expanduser().absolute())
    if config_file:
        env["MEMEX_UI_CONFIG"] = str(Path(config_file).expanduser().absolute())
    else:
        env.pop("MEMEX_UI_CONFIG", None)
    env["STREAMLIT_BROWSER_GATHER_USAGE_STATS"] = "false"
    if not is_loopback(host):
        click.echo(f"Warning: listening on {host}: anyone who can reach it can read and add notes.", err=True)
    click.echo(f"Memex UI on http://{host}:{port}  (home: {env['MEMEX_HOME']}; Ctrl-C to stop)", err=True)
    sys.stdout.flush()
    sys.stderr.flush()
    # Replace this process, so stopping `memex ui` stops the server too (no orphaned child).
    cmd = streamlit_command(port, host)
    os.execve(cmd[0], cmd, env)
