"""The small scoring store (tests/scoring_store.py) opened read-only, shared by the use cases.

Each use-case module runs on SQLite and on PostgreSQL (``module_stores``): the store is written
once per module and engine.
"""

from __future__ import annotations

import pytest

from tests.scoring_store import make_store
from usecases.store import open_store


@pytest.fixture(scope="module")
def store(module_stores):
    db = open_store(make_store(module_stores.target()))
    yield db
    db.conn.close()
