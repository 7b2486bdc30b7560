"""data/notes.py (the coded note), data/store/contents.py (what the store holds) and the
incentive rule of data/inputs/incentives.py, with the examples of their docstrings."""

from __future__ import annotations

import copy
import doctest
import importlib
import pickle

import pytest
import sqlite_utils

from data.notes import Note
from data.store.contents import columns, holds, tables


@pytest.mark.parametrize(
    "name",
    ["data.notes", "data.store.contents", "data.inputs.incentives", "models.labour_estimates",
     "models.criteria", "models.site_ranking", "portal.notes"],
)  # fmt: skip
def test_doctests(name):
    assert doctest.testmod(importlib.import_module(name)).failed == 0


def test_a_note_is_a_value():
    n = Note("left_out", n=2, names=["甲市", "乙市"])
    assert n == Note("left_out", names=("甲市", "乙市"), n=2) and len({n, copy.deepcopy(n)}) == 1
    assert pickle.loads(pickle.dumps(n)) == n  # Streamlit's caches pickle them
    assert n.to_dict() == {"code": "left_out", "n": 2, "names": ["甲市", "乙市"]}
    with pytest.raises(AttributeError):
        n.code = "other"
    with pytest.raises(TypeError):
        "甲市" in n  # noqa: B015 - not a sequence: a search of a note is a mistake


def test_the_store_contents_follow_the_schema():
    db = sqlite_utils.Database(memory=True)
    assert not holds(db, "parks") and columns(db, "parks") == frozenset()
    db["parks"].insert({"id": "p1", "name": "甲园"})
    assert holds(db, "parks") and columns(db, "parks") == {"id", "name"}
    db["parks"].add_column("name_en", str)
    assert "name_en" in columns(db, "parks")  # a new column changes the schema version
    db["cities"].insert({"adcode": "1"})
    assert tables(db) == {"parks", "cities"} and holds(db, "parks", "cities")
