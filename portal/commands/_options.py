"""Options shared by the scoring, benchmark and awards commands."""

from __future__ import annotations

import os

import click

DEFAULT_DB = "build/parkbench.sqlite"


def db_option(f):
    """``--db PATH`` (default ``build/parkbench.sqlite``, or ``$PARKBENCH_DB``)."""
    return click.option(
        "--db",
        "db_path",
        default=lambda: os.environ.get("PARKBENCH_DB", DEFAULT_DB),
        show_default=DEFAULT_DB + " or $PARKBENCH_DB",
        help="SQLite store to read.",
    )(f)


def parse_pairs(text: str | None, option: str) -> dict[str, float]:
    """Read ``k=v,k=v`` into a dict of floats, or raise a click usage error."""
    out: dict[str, float] = {}
    if not text:
        return out
    for part in text.split(","):
        part = part.strip()
        if not part:
            continue
        key, sep, value = part.partition("=")
        if not sep or not key.strip():
            raise click.BadParameter(f"{part!r} is not key=value", param_hint=option)
        try:
            out[key.strip()] = float(value)
        except ValueError:
            raise click.BadParameter(f"{value!r} is not a number", param_hint=option) from None
    return out
