"""Options shared by several commands."""

from __future__ import annotations

import click

from data.store.database import default_db_path


def db_option(func):
    """``--db PATH``: the SQLite database (default $PARKBENCH_DB or build/parkbench.sqlite)."""
    return click.option(
        "--db",
        "db_path",
        type=click.Path(dir_okay=False),
        default=lambda: str(default_db_path()),
        show_default="build/parkbench.sqlite or $PARKBENCH_DB",
        help="SQLite database file.",
    )(func)
