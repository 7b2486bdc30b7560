"""The single path from raw records to the store, shared by imports, curated files and scrapers.

``prepare`` checks every raw row (:func:`data.ingest.records.check_record`), derives the matching keys,
resolves references (``park`` -> ``park_id``, ``center`` -> ``center_id``) and sorts rows into
accepted records and rejects; it writes nothing, so the portal can preview an upload with it.
``ingest`` does the same and then writes source, facts, resolved rows and rejects in one
transaction. Re-running an ingest of the same source changes nothing.

Matching: centers are one entity per normalised name and city (Simplified and Traditional
forms alike, legal suffixes ignored). A center given without a city joins the one stored center
of that name if there is exactly one; otherwise it is keyed on its name alone.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import sqlite_utils

from data.errors import StoreError
from data.geo.geocode import geocode_city, resolve_place
from data.ingest.records import check_record, references
from data.normalise import values as nz
from data.schema.tables import TABLES, Table
from data.store.database import (
    Record,
    Reject,
    SourceInfo,
    WriteResult,
    add_source,
    entity_id,
    write_records,
    write_rejects,
)


@dataclass
class RawRow:
    """A row as a source gives it: raw values by field name, their evidence, where it was."""

    locator: str
    values: dict[str, Any]
    evidence: dict[str, str] = field(default_factory=dict)
    row_number: int | None = None  # file row (header = 1) for imports
    columns: dict[str, str] = field(default_factory=dict)  # field -> column name in the file


@dataclass
class RowError:
    """One reason a row was rejected, as shown to users and in ``--json``."""

    row: int | None
    column: str | None
    value: Any
    rule: str
    reason: str

    def as_dict(self) -> dict:
        return {
            "row": self.row,
            "column": self.column,
            "value": self.value,
            "rule": self.rule,
            "reason": self.reason,
        }


@dataclass
class Prepared:
    """Accepted records and rejected rows of one batch, before anything is written."""

    table: str
    rows: int = 0
    records: list[Record] = field(default_factory=list)
    rejected: list[tuple[RawRow, list[RowError]]] = field(default_factory=list)

    @property
    def accepted(self) -> int:
        return self.rows - len(self.rejected)

    @property
    def errors(self) -> list[RowError]:
        return [e for _, errors in self.rejected for e in errors]


@dataclass
class IngestReport:
    """What an ingest did (``--json`` of ``parkbench import`` is built from it)."""

    source_id: str
    table: str
    rows: int
    accepted: int
    rejected: int
    errors: list[RowError]
    written: WriteResult
    batch_id: str | None = None  # the import batch (data.store.batches), for manual imports


def _city_key(values: dict) -> str:
    city = values.get("city")
    return nz.city_key(city) if city else ""


def _lookup(db: sqlite_utils.Database, table: str, key: str, city: str | None = None) -> list[str]:
    if not db[table].exists():
        return []
    rows = db.execute(f"SELECT id, city FROM {table} WHERE name_key = ?", [key]).fetchall()
    if city is not None:
        rows = [r for r in rows if (nz.city_key(r[1]) if r[1] else "") == city]
    return [r[0] for r in rows]


def _written_by(db: sqlite_utils.Database, ids: list[str], source_url: str) -> list[str]:
    """Those of ``ids`` that the source at ``source_url`` gave facts of."""
    marks = ",".join("?" * len(ids))
    rows = db.execute(
        f"SELECT DISTINCT f.entity_id FROM facts f JOIN sources s ON s.id = f.source_id "
        f"WHERE s.url = ? AND f.entity_id IN ({marks})",
        [source_url, *ids],
    ).fetchall()
    return [r[0] for r in rows]


def _derive(
    db: sqlite_utils.Database,
    table: str,
    values: dict,
    pending: dict,
    source_url: str | None = None,
) -> tuple[str, list[RowError]]:
    """Fill keys and reference ids; return the entity id and reference problems."""
    problems: list[RowError] = []
    decl = TABLES[table]
    ref = {}
    for name, other in references(decl).items():
        if name not in values:
            continue
        key = nz.name_key(values[name])
        ids = _lookup(db, other, key) or pending.get((other, key), [])
        if len(ids) > 1 and source_url:  # several of that name: the one this source wrote
            ids = _written_by(db, ids, source_url) or ids
        if len(ids) != 1:
            what = other.removesuffix("s")
            problems.append(
                RowError(
                    None,
                    name,
                    values[name],
                    "reference",
                    f"no {what} named {values[name]!r} in the store"
                    if not ids
                    else f"{len(ids)} {other} are named {values[name]!r}"
                    + ("; give the full name" if other == "centers" else ""),
                )
            )
        else:
            ref[f"{what_id(other)}"] = ids[0]
    for name in references(decl):
        values.pop(name, None)
    values.update(ref)

    if table in ("centers", "parks"):
        key = nz.name_key(values["name"])
        values["name_key"] = key
        _place(values)
        city = _city_key(values)
        if table == "centers" and not city:
            same = _lookup(db, "centers", key) or pending.get(("centers", key), [])
            if len(set(same)) == 1:
                return same[0], problems
        return entity_id(table, key, city if table == "centers" else ""), problems
    if table == "city_inputs":
        if not values.get("adcode"):
            match = geocode_city(values["city"], values.get("province"))
            if match is None:
                problems.append(
                    RowError(
                        None,
                        "city",
                        values["city"],
                        "geocode",
                        f"city {values['city']!r} not found (or ambiguous without a province)",
                    )
                )
                return "", problems
            values["adcode"] = match.adcode
        values.pop("city", None)
        values.pop("province", None)
        return f"{values['adcode']}:{values['indicator']}:{values['year']}", problems
    if table == "incentives":  # a rule belongs to its park, else to its city
        place = values.get("park_id") or values.get("city_adcode") or _city_key(values)
        return entity_id(table, place, nz.name_key(values["name"]), values.get("tier")), problems
    return entity_id(table, *natural_key(decl, values)), problems


#: how a key column is compared: as given, as a normalised name, or as a normalised city
_KEY_FORMS = {"raw": lambda v: v, "name": nz.name_key, "city": nz.city_key}


def what_id(table: str) -> str:
    """The foreign-key column naming a record of ``table`` (``parks`` -> ``park_id``)."""
    return f"{table.removesuffix('s')}_id"


def natural_key(table: Table, values: dict) -> list[object]:
    """The natural key of a record, from the key columns its table declares."""
    return [
        _KEY_FORMS[c.key_form](values.get(c.name)) if values.get(c.name) else values.get(c.name)
        for c in table.key_columns()
    ]


#: evidence recorded for values ParkBench derives rather than reads
DERIVED = {
    "name_key": "derived: normalised name (data.normalise.values.name_key)",
    "city_adcode": "derived: city resolved offline (data.geo.geocode)",
    "province": "derived: province of the resolved city (data.geo.geocode)",
    "coord_precision": "derived: point given by the source, or the city's representative point",
}


def _place(values: dict) -> None:
    """Resolve the city to its adcode; keep own coordinates, else use the city's point."""
    place = resolve_place(
        values.get("city"), values.get("province"), values.get("lat"), values.get("lon")
    )
    if values.get("city_adcode") is None and place.adcode:
        values["city_adcode"] = place.adcode
        if values.get("province") is None:
            match = geocode_city(values["city"], None)
            if match is not None and match.adcode == place.adcode:
                values["province"] = match.province
    if place.point == "own":
        values["coord_precision"] = "point"
    elif place.point == "city":
        values["lat"], values["lon"] = place.lat, place.lon
        values["coord_precision"] = "city"


@dataclass
class PrepareState:
    """What :func:`prepare` remembers between the chunks of one large batch.

    ``seen``: first row of each entity (row number, locator, digest of its values; the raw row
    itself is not kept, so a large import holds a few dozen bytes per accepted row);
    ``pending``: ids by name of entities accepted but maybe not yet written.
    """

    seen: dict[str, tuple[int | None, str, bytes]] = field(default_factory=dict)
    pending: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    #: the source the chunks are written under: values of a first row in an earlier chunk
    #: are read back from its fact when a later row clashes with it
    source_id: str | None = None


def prepare(
    db: sqlite_utils.Database,
    table: str,
    rows: Iterable[RawRow],
    state: PrepareState | None = None,
    source_url: str | None = None,
) -> Prepared:
    """Check and key every row; nothing is written.

    Give the same ``state`` to successive calls to prepare one batch chunk by chunk
    (duplicates and name matches then reach across chunks). ``source_url`` tells apart several
    records of one name that a reference may mean: the one this source wrote.
    """
    if table not in TABLES:
        raise ValueError(f"unknown table {table!r}")
    out = Prepared(table)
    state = state or PrepareState()
    seen, pending = state.seen, state.pending
    local: dict[str, str] = {}  # values of the first rows of this call (compact JSON)
    for raw in rows:
        out.rows += 1
        checked = check_record(table, raw.values)
        errors = [
            RowError(
                raw.row_number,
                raw.columns.get(e.column, e.column),
                _plain(e.value),
                e.rule,
                e.reason,
            )
            for e in checked.errors
        ]
        eid = None
        if not errors:
            eid, problems = _derive(db, table, checked.values, pending, source_url)
            errors += [
                RowError(
                    raw.row_number, raw.columns.get(p.column, p.column), p.value, p.rule, p.reason
                )
                for p in problems
            ]
        if not errors and eid in seen:
            first_row, first_locator, first_digest = seen[eid]
            compact = _compact(checked.values)
            checked_values = json.loads(compact)
            if _digest(compact) == first_digest:
                first_values = checked_values
            else:
                first_values = _first_values(db, table, eid, first_locator, state, local)
            clash = {
                k: (first_values[k], v)
                for k, v in checked_values.items()
                if k in first_values and first_values[k] != v and v is not None
            }
            where = f"row {first_row}" if first_row else first_locator
            if checked_values == first_values:
                errors.append(
                    RowError(raw.row_number, None, None, "duplicate", f"duplicate of {where}")
                )
            elif clash:
                k, (a, b) = next(iter(clash.items()))
                errors.append(
                    RowError(
                        raw.row_number,
                        raw.columns.get(k, k),
                        _plain(b),
                        "conflict",
                        f"same {table[:-1]} as {where}, which gives {k}={a!r}",
                    )
                )
        if errors:
            out.rejected.append((raw, errors))
            continue
        compact = _compact(checked.values)
        seen[eid] = (raw.row_number, raw.locator, _digest(compact))
        local[eid] = compact
        if table in ("centers", "parks"):
            pending.setdefault((table, checked.values["name_key"]), []).append(eid)
        default = raw.evidence.get("_default")
        evidence = {
            k: raw.evidence.get(k) or raw.evidence.get(checked.origin.get(k, k)) or default
            for k in checked.values
        }
        for k, note in DERIVED.items():
            if k in checked.values and k not in checked.origin:
                evidence[k] = note
        if checked.values.get("coord_precision") == "city":
            evidence["lat"] = evidence["lon"] = (
                "derived: the city's representative point (data.geo.geocode)"
            )
        evidence = {k: v for k, v in evidence.items() if v}
        out.records.append(Record(table, eid, checked.values, evidence, raw.locator))
    return out


def _digest(compact: str) -> bytes:
    return hashlib.blake2b(compact.encode("utf-8"), digest_size=16).digest()


def _first_values(
    db: sqlite_utils.Database,
    table: str,
    eid: str,
    locator: str,
    state: PrepareState,
    local: dict[str, str],
) -> dict:
    """Values of the first row of ``eid``: from this call, else from the fact already written."""
    if eid in local:
        return json.loads(local[eid])
    found = db.execute(
        "SELECT values_json FROM facts WHERE entity_table = ? AND entity_id = ?"
        " AND source_id = ? AND locator = ?",
        [table, eid, state.source_id, locator],
    ).fetchone()
    if found is None:
        raise StoreError(f"{table} {eid}: the values of {locator} were not written")
    return json.loads(found[0])


#: one encoder for every row (``json.dumps`` with options builds a new one per call)
_COMPACT = json.JSONEncoder(ensure_ascii=False, sort_keys=True, default=str)


def _compact(values: dict) -> str:
    return _COMPACT.encode(values)


def _plain(value: Any) -> Any:
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


def rejects_of(prepared: Prepared, source: SourceInfo) -> list[Reject]:
    """The ``import_rejects`` rows of a prepared batch: one per reason, with the whole raw row."""
    return [
        Reject(
            source.url,
            e.row,
            e.column,
            e.value,
            e.rule,
            e.reason,
            {k: _plain(v) for k, v in raw.values.items()},
            raw.locator,
        )
        for raw, errors in prepared.rejected
        for e in errors
    ]


def commit(db: sqlite_utils.Database, prepared: Prepared, source: SourceInfo) -> IngestReport:
    """Write a prepared batch with its source, facts and rejects in one transaction."""
    with db.atomic():
        sid = add_source(db, source)
        written = write_records(db, prepared.records, sid)
        write_rejects(db, rejects_of(prepared, source), sid)
    return IngestReport(
        source_id=sid,
        table=prepared.table,
        rows=prepared.rows,
        accepted=prepared.accepted,
        rejected=len(prepared.rejected),
        errors=prepared.errors,
        written=written,
    )


def ingest(
    db: sqlite_utils.Database, table: str, rows: Iterable[RawRow], source: SourceInfo
) -> IngestReport:
    """Check, key and write ``rows`` of ``table`` from ``source`` (one transaction)."""
    with db.atomic():
        return commit(db, prepare(db, table, rows, source_url=source.url), source)
