"""Import a file: a CSV/XLSX of centers, parks, incentives ... checked, previewed, written.

``parkbench import`` and the administration page go through these functions: a file is read
and every row checked once (:func:`preview_import`, read-only), then written in one
transaction and one batch (:func:`import_file`), which :func:`undo_import` can take back.
Rejected rows keep their reasons; the store's ``data.imports`` and ``data.ingest`` do the work.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import sqlite_utils

from data.imports.importer import (
    LoadedImport,
    ParsedImport,
    check_import,
    import_parsed,
    parse_import,
    report_json,
)
from data.imports.tabular import read_bytes
from data.ingest.pipeline import IngestReport
from data.store.batches import UndoResult, undo_batch


def read_import(data: bytes | str | Path, name: str | None = None, kind: str = "centers", *,
                lazy: bool = False) -> ParsedImport:  # fmt: skip
    """Read an import file (a path, or the bytes of an upload called ``name``): headers matched
    to columns, every row read; raises ``TableReadError`` when it is not such a table."""
    if not isinstance(data, bytes | bytearray):
        path = Path(data)
        data, name = read_bytes(path), name or path.name
    return parse_import(bytes(data), name or "upload", kind, lazy=lazy)


def preview_import(db: sqlite_utils.Database, parsed: ParsedImport) -> LoadedImport:
    """Every row checked against the store, nothing written (the page's preview)."""
    return check_import(db, parsed)


@dataclass(frozen=True)
class ImportResult:
    """What an import wrote: the ingest report and its JSON document (``parkbench import``)."""

    loaded: LoadedImport
    report: IngestReport

    def to_dict(self) -> dict:
        return report_json(self.loaded, self.report)


def import_file(db: sqlite_utils.Database, parsed: ParsedImport) -> ImportResult:
    """Check and write a read file in one transaction and one batch (chunk by chunk)."""
    loaded, report = import_parsed(db, parsed)
    return ImportResult(loaded, report)


def undo_import(db: sqlite_utils.Database, batch_id: str) -> UndoResult:
    """Remove what an import batch added and restore what it changed."""
    return undo_batch(db, batch_id)
