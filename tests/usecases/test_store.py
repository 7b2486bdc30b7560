"""usecases.store: open the store once, at the edge."""

from __future__ import annotations

import pytest

from data.errors import StoreError
from usecases.store import open_store, open_store_or_path


def test_open_store_refuses_a_missing_file_in_one_line(tmp_path):
    with pytest.raises(StoreError, match="parkbench build"):
        open_store(tmp_path / "none.sqlite")
    assert open_store_or_path(tmp_path / "none.sqlite") == str(tmp_path / "none.sqlite")
