"""Manual import of CSV/XLSX files of centers, parks or incentives into the store.

``load_import`` reads and checks a file without writing (what the portal previews);
``import_file`` writes it through :mod:`data.ingest.pipeline` in one transaction. A file that cannot be
read as a table, or lacks a required column, raises TableReadError/MissingColumnError and the
database is left untouched. Rows with bad values are rejected with file, row, column, value and
rule; accepted + rejected = data rows. The file itself is archived in ``source_files`` so that
columns the importer does not know are kept too.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import sqlite_utils

from data.errors import MissingColumnError, TableReadError
from data.imports.headers import REQUIRED_COLUMNS, SYNONYMS, match_header
from data.imports.tabular import RawTable, read_bytes, read_table
from data.ingest.pipeline import (
    IngestReport,
    Prepared,
    PrepareState,
    RawRow,
    commit,
    prepare,
    rejects_of,
)
from data.store import engine
from data.store.batches import new_batch_id, record_batch, recording
from data.store.database import (
    Reject,
    SourceInfo,
    WriteResult,
    add_source,
    utc_now,
    write_records,
    write_rejects,
)

KINDS = tuple(SYNONYMS)
EXTRACTOR_VERSION = "parkbench.import/1"


@dataclass
class LoadedImport:
    """A file read, mapped and checked, ready to commit."""

    table: RawTable
    kind: str
    mapping: dict[int, str]  # column index -> field
    ignored_columns: list[str]
    prepared: Prepared
    source: SourceInfo
    warnings: list[str] = field(default_factory=list)


def map_columns(kind: str, headers: list[str], name: str) -> tuple[dict[int, str], list[str]]:
    """Map header cells to fields; raise on a missing required column or an ambiguous pair."""
    mapping: dict[int, str] = {}
    by_field: dict[str, str] = {}
    ignored = []
    for i, header in enumerate(headers):
        if not header.strip():
            continue
        f = match_header(kind, header)
        if f is None:
            ignored.append(header)
            continue
        if f in by_field:
            raise TableReadError(
                f"{name}: columns {by_field[f]!r} and {header!r} both mean {f!r}; keep one"
            )
        by_field[f] = header
        mapping[i] = f
    missing = [f for f in REQUIRED_COLUMNS.get(kind, ()) if f not in by_field]
    if missing:
        wanted = " / ".join(SYNONYMS[kind][missing[0]][:3])
        raise MissingColumnError(
            f"{name}: no {missing[0]!r} column (expected a header such as {wanted}); "
            f"found: {_shown(headers)}"
        )
    return mapping, ignored


def _shown(headers: list[str], most: int = 8, width: int = 24) -> str:
    """Headers for an error message: a few, each cut short."""
    cells = [h if len(h) <= width else h[: width - 1] + "…" for h in headers if h.strip()]
    if not cells:
        return "nothing"
    extra = f" and {len(cells) - most} more" if len(cells) > most else ""
    return ", ".join(cells[:most]) + extra


def _score(kind: str):
    return lambda headers: sum(1 for h in headers if match_header(kind, h))


@dataclass
class ParsedImport:
    """A file read and its columns mapped; no database needed yet."""

    table: RawTable
    kind: str
    mapping: dict[int, str]
    ignored_columns: list[str]


def parse_import(
    content: bytes, name: str, kind: str = "centers", *, lazy: bool = False
) -> ParsedImport:
    """Read a file and map its columns (raises TableReadError/MissingColumnError).

    ``lazy``: rows are read again from the file when iterated instead of kept (large imports).
    """
    if kind not in KINDS:
        raise TableReadError(f"unknown kind {kind!r}; use one of {', '.join(KINDS)}")
    table = read_table(content, name, score_headers=_score(kind), lazy=lazy)
    mapping, ignored = map_columns(kind, table.headers, name)
    return ParsedImport(table, kind, mapping, ignored)


def check_import(db: sqlite_utils.Database, parsed: ParsedImport) -> LoadedImport:
    """Check every row of a parsed file against the store; nothing is written."""
    table, mapping = parsed.table, parsed.mapping
    width = len(table.headers)
    prepared = prepare_rows(db, parsed.kind, _raw_rows(parsed), width)
    return LoadedImport(
        table,
        parsed.kind,
        mapping,
        parsed.ignored_columns,
        prepared,
        _source(parsed),
        _warnings(parsed),
    )


def _source(parsed: ParsedImport) -> SourceInfo:
    return SourceInfo(
        kind="import",
        url=parsed.table.name,
        title=parsed.table.name,
        sha256=parsed.table.sha256,
        retrieved_at=utc_now(),
        extractor="parkbench.data.importer",
        extractor_version=EXTRACTOR_VERSION,
    )


def _warnings(parsed: ParsedImport) -> list[str]:
    return [
        f"column {h!r} is not a known {parsed.kind} field; its values are kept in the archived file"
        for h in parsed.ignored_columns
    ]


def _reject_ignored(db: sqlite_utils.Database, loaded: LoadedImport, source_id: str) -> None:
    """One reject per column the import did not know (its values stay in the archived file)."""
    if not loaded.ignored_columns:
        return
    write_rejects(
        db,
        [
            Reject(
                loaded.table.name,
                1,
                h,
                None,
                "unknown_column",
                f"{h!r} is not a known {loaded.kind} column; values kept in the archived file",
            )
            for h in loaded.ignored_columns
        ],
        source_id,
    )


def _raw_rows(parsed: ParsedImport):
    """The file's rows as RawRows, one at a time (only rejected ones are kept by prepare)."""
    table, mapping, name = parsed.table, parsed.mapping, parsed.table.name
    width = len(table.headers)
    for number, cells in table.rows:
        extra = [c for c in cells[width:] if c.strip()]
        values = {f: (cells[i] if i < len(cells) else "") for i, f in mapping.items()}
        values = {f: v for f, v in values.items() if v.strip()}
        raw = RawRow(
            locator=f"row {number}",
            values=values,
            evidence={
                f: f"{name} row {number} column {table.headers[i]}" for i, f in mapping.items()
            },
            row_number=number,
            columns={f: table.headers[i] for i, f in mapping.items()},
        )
        if extra:
            raw.values["__extra__"] = extra
        yield raw


def load_import(
    db: sqlite_utils.Database, content: bytes, name: str, kind: str = "centers"
) -> LoadedImport:
    """Read, map and check an import file; nothing is written."""
    return check_import(db, parse_import(content, name, kind))


def prepare_rows(
    db: sqlite_utils.Database,
    kind: str,
    rows: Iterable[RawRow],
    width: int,
    state: PrepareState | None = None,
) -> Prepared:
    """Check rows (a list or a stream); a row with more cells than the header is rejected first."""
    from data.ingest.pipeline import RowError

    wide: list[RawRow] = []

    def fitting():
        for r in rows:
            if "__extra__" in r.values:
                wide.append(r)
            else:
                yield r

    prepared = prepare(db, kind, fitting(), state)
    for r in wide:
        extra = r.values.pop("__extra__")
        prepared.rows += 1
        prepared.rejected.append(
            (
                r,
                [
                    RowError(
                        r.row_number,
                        None,
                        "|".join(extra),
                        "row_width",
                        f"row has {width + len(extra)} cells but the header has {width}",
                    )
                ],
            )
        )
    prepared.rejected.sort(key=lambda item: item[0].row_number or 0)
    return prepared


def commit_import(db: sqlite_utils.Database, loaded: LoadedImport) -> IngestReport:
    """Write a loaded import: source, archived file, accepted rows, rejects (one transaction).

    The import is a batch (:mod:`data.store.batches`): ``report.batch_id`` names it, and
    ``parkbench import undo BATCH`` removes what it added and restores what it changed.
    An import that changed nothing (the same file again) keeps no batch: its id is None.
    """
    batch_id = new_batch_id()
    with db.atomic():
        with recording(db, batch_id):
            report = commit(db, loaded.prepared, loaded.source)
            archive(db, report.source_id, loaded.table)
            _reject_ignored(db, loaded, report.source_id)
        kept = record_batch(
            db,
            batch_id,
            source_id=report.source_id,
            file=loaded.table.name,
            kind=loaded.kind,
            rows=report.rows,
            inserted=len(report.written.inserted),
            updated=len(report.written.updated),
            rejected=report.rejected,
        )
    report.batch_id = kept
    return report


def archive(db: sqlite_utils.Database, source_id: str, table: RawTable) -> None:
    """Keep the imported file's bytes, so nothing in it is ever lost."""
    if db["source_files"].count_where("source_id = ?", [source_id]) == 0:
        db["source_files"].insert(
            {
                "source_id": source_id,
                "name": table.name,
                "sha256": table.sha256,
                "encoding": table.encoding,
                "size_bytes": len(table.content),
                "content": table.content,
            },
            pk="source_id",
        )


#: rows checked and written at a time by :func:`import_parsed`
CHUNK_ROWS = 2000


def import_parsed(
    db: sqlite_utils.Database, parsed: ParsedImport
) -> tuple[LoadedImport, IngestReport]:
    """Check and write a parsed file chunk by chunk, in one transaction and one batch.

    Rows are checked, keyed and written :data:`CHUNK_ROWS` at a time, so memory grows with the
    rejects, not with the accepted rows; readers still see all of the import or none of it.
    Gives the same store as :func:`commit_import` of :func:`check_import`. On PostgreSQL an
    import chosen as a deadlock victim runs again (:func:`data.store.engine.retrying`).
    """
    return engine.retrying(db, lambda: _import_parsed(db, parsed))


def _import_parsed(
    db: sqlite_utils.Database, parsed: ParsedImport
) -> tuple[LoadedImport, IngestReport]:
    table, kind = parsed.table, parsed.kind
    loaded = LoadedImport(
        table,
        kind,
        parsed.mapping,
        parsed.ignored_columns,
        Prepared(kind),
        _source(parsed),
        _warnings(parsed),
    )
    total, written, state = loaded.prepared, WriteResult(), PrepareState()
    width = len(table.headers)
    batch_id = new_batch_id()
    with db.atomic():
        with recording(db, batch_id):
            sid = add_source(db, loaded.source)
            state.source_id = sid
            rows = _raw_rows(parsed)
            while chunk := list(itertools.islice(rows, CHUNK_ROWS)):
                prepared = prepare_rows(db, kind, chunk, width, state)
                part = write_records(db, prepared.records, sid)
                state.pending.clear()  # written: name lookups now find these in the store
                for name in ("inserted", "updated", "unchanged"):
                    getattr(written, name).extend(getattr(part, name))
                write_rejects(db, rejects_of(prepared, loaded.source), sid)
                total.rows += prepared.rows
                total.rejected.extend(prepared.rejected)
            archive(db, sid, table)
            _reject_ignored(db, loaded, sid)
        kept = record_batch(
            db,
            batch_id,
            source_id=sid,
            file=table.name,
            kind=kind,
            rows=total.rows,
            inserted=len(written.inserted),
            updated=len(written.updated),
            rejected=len(total.rejected),
        )
    report = IngestReport(
        source_id=sid,
        table=kind,
        rows=total.rows,
        accepted=total.accepted,
        rejected=len(total.rejected),
        errors=total.errors,
        written=written,
        batch_id=kept,
    )
    return loaded, report


def import_file(
    db: sqlite_utils.Database, path: str | Path, kind: str = "centers"
) -> tuple[LoadedImport, IngestReport]:
    """Read, check and write an import file (chunk by chunk: :func:`import_parsed`)."""
    path = Path(path)
    return import_parsed(db, parse_import(read_bytes(path), path.name, kind, lazy=True))


def report_json(loaded: LoadedImport, report: IngestReport) -> dict:
    """The ``--json`` document of ``parkbench import``."""
    return {
        "file": loaded.table.name,
        "kind": loaded.kind,
        "encoding": loaded.table.encoding,
        "rows": report.rows,
        "accepted": report.accepted,
        "rejected": report.rejected,
        "blank_rows": loaded.table.blank_rows,
        "inserted": len(report.written.inserted),
        "updated": len(report.written.updated),
        "unchanged": len(report.written.unchanged),
        "ignored_columns": loaded.ignored_columns,
        "source_id": report.source_id,
        "batch_id": report.batch_id,
        "errors": [e.as_dict() for e in report.errors],
    }
