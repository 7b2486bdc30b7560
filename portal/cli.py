"""The ``parkbench`` command line: a lazy group, so each command imports only what it needs.

Every command lives in ``portal/commands/<name>.py`` as a click command named ``command``.
Every failure becomes one line on stderr and exit 2, never a traceback: domain errors
(:class:`data.errors.ParkBenchError`), usage errors, files that cannot be opened, a database
that is locked or corrupt, and anything unexpected (set ``PARKBENCH_RAISE_ERRORS=1`` to see
the traceback while debugging).
"""

from __future__ import annotations

import importlib
import os
import sqlite3
import sys

import click

from data.errors import ParkBenchError

#: command name -> module under portal.commands (the name is the contract; keep it)
COMMANDS: dict[str, str] = {
    "api": "api",
    "build": "build",
    "crawl": "crawl",
    "evaluate": "evaluate",
    "export": "export",
    "extract": "extract",
    "harvest": "harvest",
    "import": "import_file",
    "review": "review",
    "serve": "serve",
    "sites": "sites",
    "template": "template",
    "staffing": "staffing",
    "cost": "cost",
    "score": "score",
    "benchmark": "benchmark",
    "report": "report",
    "awards": "awards",
}


class LazyGroup(click.Group):
    """A click group that imports a command's module only when the command runs."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        module = COMMANDS.get(name)
        if module is None:
            return None
        return importlib.import_module(f"portal.commands.{module}").command


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="parkbench")
def cli() -> None:
    """ParkBench: data on Chinese call centers and call-center parks."""


def one_line(text: object) -> str:
    """``text`` on one line (a message naming a file may hold line breaks)."""
    return " ".join(str(text).split())


def _postgres_errors() -> tuple[type[Exception], ...]:
    """psycopg's base error, when a PostgreSQL store was used (psycopg is then imported)."""
    psycopg = sys.modules.get("psycopg")
    return (psycopg.Error,) if psycopg is not None else ()


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the group; every error becomes one line on stderr and exit 2."""
    try:
        cli.main(args=argv, prog_name="parkbench", standalone_mode=False)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        click.echo(f"Error: {one_line(exc.format_message())}", err=True)
        sys.exit(2 if exc.exit_code in (1, 2) else exc.exit_code)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(1)
    except ParkBenchError as exc:
        click.echo(f"Error: {one_line(exc)}", err=True)
        sys.exit(2)
    except (sqlite3.Error, *_postgres_errors()) as exc:
        if os.environ.get("PARKBENCH_RAISE_ERRORS"):
            raise
        hint = " (another process is writing; try again)" if "locked" in str(exc) else ""
        click.echo(f"Error: database: {one_line(exc)}{hint}", err=True)
        sys.exit(2)
    except OSError as exc:
        if os.environ.get("PARKBENCH_RAISE_ERRORS"):
            raise
        where = f": {exc.filename}" if exc.filename else ""
        click.echo(f"Error: {one_line(exc.strerror or exc)}{where}", err=True)
        sys.exit(2)
    except Exception as exc:  # the edge: nothing reaches the user as a traceback
        if os.environ.get("PARKBENCH_RAISE_ERRORS"):
            raise
        click.echo(f"Error: unexpected {type(exc).__name__}: {one_line(exc)}", err=True)
        sys.exit(2)


if __name__ == "__main__":
    main()
