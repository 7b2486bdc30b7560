"""Search the store: every searchable table's rows that contain a text, grouped by table.

The Data page's search box uses a substring match (``data.store.queries.search_everywhere``),
which finds two-character Chinese terms such as 密云 that a trigram full-text index cannot.
"""

from __future__ import annotations

import pandas as pd
import sqlite_utils

from data.store.queries import search_everywhere


def search(db: sqlite_utils.Database, text: str, limit: int = 200) -> dict[str, pd.DataFrame]:
    """Table -> its rows containing ``text`` (at most ``limit`` each); empty text, no hits."""
    return search_everywhere(db, text, limit)
