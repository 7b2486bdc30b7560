"""The ``parkbench`` command line: a lazy group, so each command imports only what it needs.

Every command lives in ``portal/commands/<name>.py`` as a click command named ``command``.
Domain errors (:class:`data.errors.ParkBenchError`) become a one-line message and exit 2.
"""

from __future__ import annotations

import importlib
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


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the group, turning domain errors into exit 2 with one line on stderr."""
    try:
        cli.main(args=argv, prog_name="parkbench", standalone_mode=False)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        sys.exit(2 if exc.exit_code in (1, 2) else exc.exit_code)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(1)
    except ParkBenchError as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(2)


if __name__ == "__main__":
    main()
