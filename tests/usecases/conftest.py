"""The small scoring store (tests/scoring_store.py) opened read-only, shared by the use cases."""

from __future__ import annotations

import pytest

from tests.scoring_store import make_store
from usecases.store import open_store


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    return open_store(make_store(tmp_path_factory.mktemp("usecases") / "s.sqlite"))
