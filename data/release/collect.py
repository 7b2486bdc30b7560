"""What goes into a release: published rows with their provenance, and nothing else.

:func:`collect_release` reads a store and returns the rows of every resource of a release:

* every table declared with ``published=True`` except ``facts``, whose content is published as
  the derived resource ``field_sources`` (one row per value: which source gave it, with the
  evidence), so every published value names its source;
* rows of the fact-resolved tables (:data:`data.store.database.ENTITY_TABLES`) only when at least one
  non-test source states them; a row that test sources also touch is resolved again from its
  non-test facts alone, with the store's own rule (:func:`data.store.database.resolve`);
* rows of tables with a ``source_id`` column only when that source is not test data;
* ``sources`` limited to the sources that the published rows and values cite.

Test data is any source whose ``kind`` is in :data:`TEST_KINDS`. Tables declared with
``published=False`` (rejects, archived files, review queue, crawl log) never appear. Rows are
ordered by primary key, columns by declaration; empty strings are published as nulls.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

import sqlite_utils

from data.schema.tables import TABLES, Column, Table
from data.store.database import ENTITY_TABLES, _load_schema_modules, memory_db, resolve
from data.store.public import TEST_KINDS

FIELD_SOURCES = Table(
    "field_sources",
    "逐值出处",
    "provenance of every published value: which source gave it and the evidence",
    (
        Column("id", "text", "标识（事实标识:字段）", "id (fact id:field)"),
        Column(
            "fact_id",
            "text",
            "事实标识（同一来源对同一记录的一组值）",
            "fact id (the values one source gives for one record)",
            required=True,
        ),
        Column("entity_table", "text", "所属表", "table of the record", required=True),
        Column("entity_id", "text", "记录标识", "id of the record", required=True),
        Column("field", "text", "字段名", "column the value is for", required=True),
        Column(
            "value_json",
            "json",
            "该来源给出的值（JSON文本）",
            "value this source gives, as JSON text",
        ),
        Column("source_id", "text", "来源标识", "source id", required=True),
        Column(
            "evidence",
            "text",
            "原文依据（句子，或文件/行/列）",
            "evidence: the sentence, or file/row/column",
        ),
        Column(
            "locator",
            "text",
            "在来源中的位置（行号、段落）",
            "where in the source (row, paragraph)",
        ),
    ),
    foreign_keys=(("source_id", "sources", "id"),),
)


def release_tables() -> list[Table]:
    """The tables of a release, sorted by name: published tables, ``facts`` as ``field_sources``."""
    _load_schema_modules()
    tables = [t for t in TABLES.values() if t.published and t.name != "facts"]
    tables.append(FIELD_SOURCES)
    return sorted(tables, key=lambda t: t.name)


@dataclass
class ReleaseData:
    """Rows of every resource (ordered by primary key) and the sources each resource cites."""

    tables: list[Table]
    rows: dict[str, list[dict]]
    sources_by_table: dict[str, list[str]] = field(default_factory=dict)

    def table(self, name: str) -> Table:
        for t in self.tables:
            if t.name == name:
                return t
        raise KeyError(name)


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _clean(table: Table, row: dict) -> dict:
    return {c: (None if row.get(c) == "" else row.get(c)) for c in table.column_names}


def _dump(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _rows(db: sqlite_utils.Database, table: Table) -> list[dict]:
    if not db[table.name].exists():
        return []
    present = set(db[table.name].columns_dict)
    cols = ", ".join(
        _quote(c) if c in present else f"NULL AS {_quote(c)}" for c in table.column_names
    )
    return [
        _clean(table, r)
        for r in db.query(f"SELECT {cols} FROM {_quote(table.name)} ORDER BY {_quote(table.pk)}")
    ]


def _facts(db: sqlite_utils.Database) -> list[dict]:
    if not db["facts"].exists():
        return []
    return list(
        db.query(
            "SELECT id, entity_table, entity_id, source_id, values_json, evidence_json, locator"
            " FROM facts ORDER BY id"
        )
    )


def _re_resolve(
    db: sqlite_utils.Database, table: Table, ids: list[str], facts: list[dict], test_ids: set[str]
) -> dict[str, dict]:
    """Resolve ``ids`` again from their non-test facts alone, in a scratch in-memory store."""
    scratch = memory_db()
    with scratch.atomic():
        scratch["sources"].insert_all(
            (s for s in db["sources"].rows if s["id"] not in test_ids), pk="id", replace=True
        )
        wanted = set(ids)
        scratch["facts"].insert_all(
            (f for f in facts if f["entity_table"] == table.name and f["entity_id"] in wanted),
            pk="id",
            replace=True,
        )
        list(resolve(scratch, table, ids))
    return {r["id"]: _clean(table, r) for r in _rows(scratch, table)}


def collect_release(db: sqlite_utils.Database) -> ReleaseData:
    """The rows of every release resource, with test data and unpublished tables left out."""
    tables = release_tables()
    test_ids = {
        r[0]
        for r in db.execute(
            f"SELECT id FROM sources WHERE kind IN ({', '.join('?' for _ in TEST_KINDS)})",
            sorted(TEST_KINDS),
        ).fetchall()
    }
    all_facts = _facts(db)
    names = {t.name for t in tables}
    facts = [f for f in all_facts if f["source_id"] not in test_ids and f["entity_table"] in names]
    tainted: dict[str, set[str]] = {}
    for f in all_facts:
        if f["source_id"] in test_ids:
            tainted.setdefault(f["entity_table"], set()).add(f["entity_id"])
    stated: dict[str, set[str]] = {}
    for f in facts:
        stated.setdefault(f["entity_table"], set()).add(f["entity_id"])

    rows: dict[str, list[dict]] = {}
    cited: dict[str, set[str]] = {}
    for table in tables:
        if table.name in ("sources", "field_sources"):
            continue
        found = _rows(db, table)
        if table.name in ENTITY_TABLES:
            keep = stated.get(table.name, set())
            redo = sorted(keep & tainted.get(table.name, set()))
            fresh = _re_resolve(db, table, redo, facts, test_ids) if redo else {}
            found = [fresh.get(r["id"], r) for r in found if r["id"] in keep]
        elif "source_id" in table.column_names:
            found = [r for r in found if r["source_id"] not in test_ids]
            cited[table.name] = {r["source_id"] for r in found if r["source_id"]}
        rows[table.name] = found

    kept = {
        (name, r[TABLES[name].pk]) for name in ENTITY_TABLES if name in rows for r in rows[name]
    }
    published_facts = [f for f in facts if (f["entity_table"], f["entity_id"]) in kept]
    for f in published_facts:
        cited.setdefault(f["entity_table"], set()).add(f["source_id"])
    rows["field_sources"] = _field_sources(published_facts)
    cited["field_sources"] = {f["source_id"] for f in published_facts}

    every = set().union(*cited.values()) if cited else set()
    sources_table = TABLES["sources"]
    rows["sources"] = [r for r in _rows(db, sources_table) if r["id"] in every]
    cited["sources"] = every
    return ReleaseData(
        tables=tables,
        rows=rows,
        sources_by_table={k: sorted(v) for k, v in cited.items()},
    )


def _field_sources(facts: list[dict]) -> list[dict]:
    out = []
    for f in facts:
        values = json.loads(f["values_json"] or "{}")
        evidence = json.loads(f["evidence_json"] or "{}")
        for name in sorted(values):
            ev = evidence.get(name)
            out.append(
                {
                    "id": f"{f['id']}:{name}",
                    "fact_id": f["id"],
                    "entity_table": f["entity_table"],
                    "entity_id": f["entity_id"],
                    "field": name,
                    "value_json": _dump(values[name]),
                    "source_id": f["source_id"],
                    "evidence": ev if isinstance(ev, str) or ev is None else _dump(ev),
                    "locator": f["locator"] or None,
                }
            )
    out.sort(key=lambda r: r["id"])
    return out


def facts_from_field_sources(rows: list[dict], recorded_at: str | None) -> list[dict]:
    """Rebuild ``facts`` rows from ``field_sources`` rows (for loading a release)."""
    grouped: dict[str, dict] = {}
    for r in rows:
        g = grouped.setdefault(
            r["fact_id"],
            {
                "id": r["fact_id"],
                "entity_table": r["entity_table"],
                "entity_id": r["entity_id"],
                "source_id": r["source_id"],
                "values": {},
                "evidence": {},
                "locator": r["locator"],
            },
        )
        g["values"][r["field"]] = json.loads(r["value_json"]) if r["value_json"] else None
        if r["evidence"] is not None:
            g["evidence"][r["field"]] = r["evidence"]
    return [
        {
            "id": g["id"],
            "entity_table": g["entity_table"],
            "entity_id": g["entity_id"],
            "source_id": g["source_id"],
            "values_json": _dump(g["values"]),
            "evidence_json": _dump(g["evidence"]),
            "locator": g["locator"],
            "extractor_version": None,
            "recorded_at": recorded_at,
        }
        for g in grouped.values()
    ]
