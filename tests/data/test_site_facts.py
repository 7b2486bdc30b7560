"""English names of compared places, read from the store (the English report uses them)."""

from __future__ import annotations

import shutil

from data.inputs.site_facts import site_names_en
from data.store.database import open_db


def test_english_names_of_cities_and_parks(built_db_path, tmp_path):
    path = tmp_path / "parkbench.sqlite"
    shutil.copy(built_db_path, path)
    db = open_db(path)
    park = next(iter(db.query("SELECT id FROM parks LIMIT 1")))["id"]
    db.execute("UPDATE parks SET name_en = 'Test Park' WHERE id = ?", [park])
    db.conn.commit()
    names = site_names_en(db, ["110000", "610100", "999999"], [park])
    assert names["110000"] == "Beijing" and names["610100"].startswith("Xi")
    assert "999999" not in names  # no such city: left out, never invented
    assert names[f"park:{park}"] == "Test Park"
    assert site_names_en(db, [], []) == {}
