"""The data dictionary covers every declared column, in both languages, with units."""

from __future__ import annotations

import csv
import io

import pytest

from data.release.collect import FIELD_SOURCES, release_tables
from data.schema.dictionary import (
    DICTIONARY_FIELDS,
    build_dictionary,
    field_type,
    render_dictionary_csv,
    render_dictionary_markdown,
)
from data.schema.tables import TABLES, Column
from data.store.database import _load_schema_modules

_load_schema_modules()

#: numeric columns that legitimately have no unit, and why
UNITLESS = {
    "tier": "an ordinal number within a rule",
    "row": "a row number in a file",
    "status": "an HTTP status code",
    "seq": "the order of a journal entry",
    "row_rowid": "a SQLite rowid",
}


def _every_column():
    return [(t.name, c) for t in TABLES.values() for c in t.all_columns()]


def test_dictionary_has_one_row_per_column_of_every_table():
    rows = build_dictionary()
    got = [(r["table"], r["column"]) for r in rows]
    assert got == [(t, c.name) for t, c in _every_column()]
    assert {r["table"] for r in rows} == set(TABLES)


@pytest.mark.parametrize(("table", "column"), _every_column(), ids=lambda v: getattr(v, "name", v))
def test_every_column_is_declared_in_both_languages(table: str, column: Column):
    assert column.zh.strip() and column.en.strip()
    assert any("\u4e00" <= ch <= "\u9fff" for ch in column.zh), f"{table}.{column.name}: zh"
    if column.type in ("integer", "real") and column.unit is None:
        base = column.name.removesuffix("_high")
        has_unit_column = "unit" in TABLES[table].column_names and base == "value"
        is_flag = column.name.startswith("is_")
        assert has_unit_column or is_flag or column.name in UNITLESS, (
            f"{table}.{column.name} is a number without a unit"
        )


def test_dictionary_rows_carry_keys_units_and_sources():
    rows = {(r["table"], r["column"]): r for r in build_dictionary()}
    seats = rows[("centers", "seats")]
    assert seats["unit"] == "seat" and seats["frictionless_type"] == "integer"
    assert seats["zh"] == "座席数" and seats["source_en"].startswith("per value")
    assert rows[("centers", "seats_high")]["source_en"].startswith("same source as seats")
    assert rows[("centers", "id")]["primary_key"] and rows[("centers", "id")]["required"]
    assert rows[("park_tenants", "park_id")]["foreign_key"] == "parks.id"
    assert rows[("parks", "rent_cny_per_m2_month")]["unit"] == "CNY/m2/month"
    assert rows[("import_rejects", "row")]["published"] is False
    assert set(rows[("sources", "id")]) == set(DICTIONARY_FIELDS)


def test_json_columns_map_to_array_object_or_string():
    assert field_type(TABLES["centers"].column("phone_numbers")) == "array"
    assert field_type(TABLES["facts"].column("values_json")) == "object"
    assert field_type(FIELD_SOURCES.column("value_json")) == "string"
    assert field_type(TABLES["centers"].column("aht_seconds")) == "number"


def test_release_dictionary_covers_every_release_column():
    tables = release_tables()
    rows = build_dictionary(tables)
    assert [(r["table"], r["column"]) for r in rows] == [
        (t.name, c) for t in tables for c in t.column_names
    ]
    assert "facts" not in {t.name for t in tables}
    assert all(t.published for t in tables)


def test_markdown_and_csv_writers_list_every_column():
    rows = build_dictionary(["centers", "parks"])
    md = render_dictionary_markdown(rows)
    for r in rows:
        assert f"| `{r['column']}` |" in md
    assert "## `centers`: 呼叫中心 / call centers" in md
    assert "座席数" in md and "agent seats (positions)" in md
    back = list(csv.DictReader(io.StringIO(render_dictionary_csv(rows))))
    assert [(r["table"], r["column"]) for r in back] == [(r["table"], r["column"]) for r in rows]
    assert back[0]["required"] == "true"
