"""Open a crawl frontier from where it lives: a SQLite path or a ``postgresql://`` URL."""

from __future__ import annotations

from pathlib import Path

from data.crawl.frontier import Frontier
from data.crawl.frontier_postgres import PostgresFrontier
from data.crawl.frontier_sqlite import SQLiteFrontier


def is_postgres(target: str | Path) -> bool:
    """True for a ``postgresql://`` (or ``postgres://``) URL."""
    return str(target).startswith(("postgresql://", "postgres://"))


def open_frontier(target: str | Path, **options) -> Frontier:
    """Open (creating its tables) the frontier at a SQLite path or a ``postgresql://`` URL."""
    if is_postgres(target):
        return PostgresFrontier(str(target), **options)
    return SQLiteFrontier(Path(target), **options)
