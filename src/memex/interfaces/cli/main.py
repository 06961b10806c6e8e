"""The `memex` command line: a click group; each command module registers itself here."""
from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from memex import __version__
from memex.errors import MemexError

EXIT_ERROR = 1
"""A MemexError: bad input, missing model, unreadable store. (2 = usage error, as click does.)"""


def home_options(f: Callable[..., Any]) -> Callable[..., Any]:
    """Add --home and --config to a command (also read from MEMEX_HOME / the group's options)."""
    f = click.option("--config", "config_file", type=click.Path(dir_okay=False, path_type=Path),
                     help="Config file (default: <home>/config.toml).")(f)
    f = click.option("--home", type=click.Path(file_okay=False, path_type=Path), envvar="MEMEX_HOME",
                     help="Where Memex keeps its data (default: MEMEX_HOME or the user data dir).")(f)
    return f


def open_brain(ctx: click.Context, home: Path | None, config_file: Path | None, **overrides: Any):
    """Open the Brain for a command, honouring options given on the group or the command."""
    from memex.app import Brain
    obj = ctx.find_root().obj or {}
    return Brain.open(home or obj.get("home"), config_file or obj.get("config_file"), **overrides)


def handle_errors(f: Callable[..., Any]) -> Callable[..., Any]:
    """Turn MemexError into a one-line message and exit status 1."""
    @functools.wraps(f)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return f(*args, **kwargs)
        except MemexError as e:
            click.echo(f"Error: {e}", err=True)
            sys.exit(EXIT_ERROR)
        except KeyboardInterrupt:
            click.echo("Interrupted.", err=True)
            sys.exit(130)
    return wrapper


def print_json(data: Any) -> None:
    """JSON on stdout, UTF-8, one document."""
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="memex")
@home_options
@click.pass_context
def cli(ctx: click.Context, home: Path | None, config_file: Path | None) -> None:
    """Memex: a local-first second brain. Index a folder of notes, search it, ask it."""
    ctx.obj = {"home": home, "config_file": config_file}


def main(argv: list[str] | None = None) -> None:
    """Console-script entry point."""
    from memex.interfaces.cli import commands_eval, commands_ingest, commands_maintenance, commands_query, commands_serve, commands_status, commands_ui  # noqa: F401, I001
    from memex.interfaces.cli import commands_chat  # noqa: F401
    from memex.interfaces.cli import commands_notebook  # noqa: F401
    from memex.interfaces.cli import commands_export  # noqa: F401
    cli.main(args=argv, prog_name="memex")
