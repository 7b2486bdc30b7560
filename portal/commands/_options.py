"""Options shared by several commands."""

from __future__ import annotations

import click

from data.store.database import default_db_path


def db_option(func):
    """``--db PATH|URL``: the store (default $PARKBENCH_DB or build/parkbench.sqlite).

    A SQLite file path, or a ``postgresql://`` URL of a PostgreSQL database.
    """
    return click.option(
        "--db",
        "db_path",
        type=click.Path(dir_okay=False),
        default=lambda: str(default_db_path()),
        show_default="build/parkbench.sqlite or $PARKBENCH_DB",
        help="SQLite database file, or a postgresql:// URL.",
    )(func)
