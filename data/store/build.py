"""``parkbench build``: the database rebuilt from the curated files committed in the repo.

Curated records (``data/curated/*.yaml``, one file per source document) go through the same
normalisation and validation as manual imports (:mod:`data.ingest.pipeline`); their evidence sentences
become the facts' evidence. Reference tables (cities, indicators, boundaries) come from
``data/reference``. The database is written to a temporary file and moved into place at the end,
so a reader never sees a half-built database and a failed build leaves the old one intact.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

import sqlite_utils
import yaml

from data.errors import StoreError
from data.ingest.pipeline import IngestReport, RawRow, ingest
from data.paths import CURATED_DIR
from data.store import engine
from data.store.database import SourceInfo, ensure_schema, open_db

#: tables in dependency order: references must exist before the rows that name them
BUILD_ORDER = (
    "parks",
    "centers",
    "park_targets",
    "park_tenants",
    "incentives",
    "kpis",
    "industry_figures",
)
EXTRACTOR_VERSION = "parkbench.curated/1"


@dataclass
class BuildReport:
    """Counts per table and every rejected curated record (a curated reject is a bug to fix)."""

    path: str
    tables: dict[str, int] = field(default_factory=dict)
    reports: list[IngestReport] = field(default_factory=list)
    reference: dict[str, int] = field(default_factory=dict)

    @property
    def rejects(self) -> list[tuple[str, dict]]:
        return [(r.source_id, e.as_dict()) for r in self.reports for e in r.errors]


def load_curated(directory: Path = CURATED_DIR) -> list[tuple[SourceInfo, dict[str, list[RawRow]]]]:
    """Read every curated YAML file into (source, rows by table)."""
    out = []
    for path in sorted(directory.glob("*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        meta = doc.get("source") or {}
        text_path = directory / "sources" / meta.get("file", "")
        if not meta.get("file") or not text_path.is_file():
            raise StoreError(
                f"{path.name}: source.file must name a file in {directory / 'sources'}"
            )
        digest = hashlib.sha256(text_path.read_bytes() + path.read_bytes()).hexdigest()
        source = SourceInfo(
            kind="curated",
            url=meta["file"],
            title=meta.get("title"),
            publisher=meta.get("publisher"),
            published=str(meta["published"]) if meta.get("published") is not None else None,
            retrieved_at=str(meta["retrieved"]) if meta.get("retrieved") is not None else None,
            sha256=digest,
            extractor="parkbench.data.build (curated YAML)",
            extractor_version=EXTRACTOR_VERSION,
            licence=meta.get("licence"),
        )
        rows: dict[str, list[RawRow]] = {}
        for i, rec in enumerate(doc.get("records") or [], start=1):
            table = rec.get("table")
            if table not in BUILD_ORDER:
                raise StoreError(f"{path.name} record {i}: unknown table {table!r}")
            evidence = {k: str(v) for k, v in (rec.get("evidence") or {}).items()}
            rows.setdefault(table, []).append(
                RawRow(
                    locator=f"{path.name}#{i}",
                    values=dict(rec.get("values") or {}),
                    evidence=evidence,
                )
            )
        out.append((source, rows))
    return out


def load_harvest(
    directory: Path = CURATED_DIR / "harvest",
) -> list[tuple[SourceInfo, dict[str, list[RawRow]]]]:
    """Read the harvested pages (``scrapers.corpus.harvest``): one source per web page.

    Each value's evidence is the curator's decision on it, never a sentence of the page.
    """
    out = []
    for path in sorted(directory.glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        meta = doc.get("source") or {}
        if not str(meta.get("url", "")).startswith(("http://", "https://")):
            raise StoreError(f"{path.name}: source.url must be the page's http(s) URL")
        source = SourceInfo(
            kind="curated",
            url=meta["url"],
            title=meta.get("title"),
            publisher=meta.get("publisher"),
            published=meta.get("published"),
            retrieved_at=meta.get("retrieved"),
            sha256=hashlib.sha256(path.read_bytes()).hexdigest(),
            extractor="parkbench extractor, reviewed by a curator (scrapers/corpus/harvest.py)",
            extractor_version=meta.get("extractor_version"),
            licence=None,
        )
        rows: dict[str, list[RawRow]] = {}
        for i, rec in enumerate(doc.get("records") or [], start=1):
            table = rec.get("table")
            if table not in BUILD_ORDER:
                raise StoreError(f"{path.name} record {i}: unknown table {table!r}")
            review = rec.get("review") or {}
            evidence = {
                "_default": f"curator: read on the page {meta['url']}",
                **{
                    k: f"curator: {d} (extractor {meta.get('extractor_version')})"
                    for k, d in review.items()
                },
            }
            rows.setdefault(table, []).append(
                RawRow(
                    locator=f"harvest/{path.name}#{i}",
                    values=dict(rec["values"]),
                    evidence=evidence,
                )
            )
        out.append((source, rows))
    return out


def _sentence(value: object) -> str:
    """Evidence as one string: a list of sentences is joined with ' … '."""
    if isinstance(value, list):
        return " … ".join(str(v) for v in value)
    return "" if value is None else str(value)


def build_into(db: sqlite_utils.Database, directory: Path = CURATED_DIR) -> BuildReport:
    """Load the reference and curated data into an open (empty) store."""
    report = BuildReport(path=engine.describe(db))
    report.reference = _build_reference(db)
    curated = load_curated(directory) + load_harvest(directory / "harvest")
    with db.atomic():
        for table in BUILD_ORDER:
            for source, rows in curated:
                if rows.get(table):
                    report.reports.append(ingest(db, table, rows[table], source))
    report.tables = {t: db[t].count for t in (*BUILD_ORDER, "sources", "facts")}
    return report


def _build_reference(db: sqlite_utils.Database) -> dict[str, int]:
    from data.geo.build import build_reference

    return build_reference(db)


def build(path: str | Path, directory: Path = CURATED_DIR) -> BuildReport:
    """Rebuild the database at ``path`` from scratch; swap it in only when complete.

    A SQLite file is built beside the old one and renamed over it; a PostgreSQL store is
    dropped and rebuilt in one transaction, so readers see the old store until it commits.
    """
    if engine.is_postgres(path):
        return _build_postgres(str(path), directory)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".building")
    _remove(tmp)
    db = open_db(tmp)
    try:
        report = build_into(db, directory)
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        db.execute("PRAGMA journal_mode=DELETE")
    finally:
        db.conn.close()
    for stale in (Path(f"{path}-wal"), Path(f"{path}-shm")):
        if stale.exists():
            stale.unlink()
    os.replace(tmp, path)
    report.path = str(path)
    open_db(path).conn.close()  # back to WAL for readers and later imports
    return report


def _build_postgres(url: str, directory: Path) -> BuildReport:
    db = engine.open_postgres(url)
    try:
        with db.atomic():
            engine.drop_store(db)
            ensure_schema(db)
            report = build_into(db, directory)
    finally:
        db.close()
    return report


def _remove(path: Path) -> None:
    for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        if p.exists():
            p.unlink()
