"""Review queue I/O: queue facts read from free text, list them, accept or reject them.

Accepting a fact publishes it through :func:`data.ingest.pipeline.ingest` with the page it came from as
the source, so it gets the same validation, matching and provenance as any other record. Used by
``parkbench review`` and (later) the portal.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

import sqlite_utils

import data.schema.review  # noqa: F401  (registers review_queue)
from data.errors import ParkBenchError
from data.ingest.pipeline import IngestReport, RawRow, ingest
from data.store.database import SourceInfo, add_source, stable_id, utc_now

STATUSES = ("pending", "accepted", "rejected")


class ReviewError(ParkBenchError):
    """A review item does not exist, was already decided, or does not pass validation."""


@dataclass(frozen=True)
class QueuedFact:
    """A fact to queue: target table, raw values, evidence sentence, confidence and rule."""

    table: str
    values: dict
    evidence: str
    confidence: float
    rule: str
    locator: str = ""


def enqueue(db: sqlite_utils.Database, source: SourceInfo, facts: Iterable[QueuedFact]) -> int:
    """Queue facts of one source (the same fact from the same source is queued once)."""
    rows = []
    now = utc_now()
    with db.atomic():
        sid = add_source(db, source)
        for f in facts:
            values = json.dumps(f.values, ensure_ascii=False, sort_keys=True)
            rows.append(
                {
                    "id": stable_id("rev", sid, f.table, values),
                    "source_id": sid,
                    "url": source.url,
                    "entity_table": f.table,
                    "fields": json.dumps(sorted(f.values), ensure_ascii=False),
                    "values_json": values,
                    "evidence": f.evidence,
                    "confidence": round(f.confidence, 3),
                    "rule": f.rule,
                    "locator": f.locator,
                    "status": "pending",
                    "reason": None,
                    "last_error": None,
                    "created_at": now,
                    "decided_at": None,
                    "decided_by": None,
                }
            )
        before = db["review_queue"].count if db["review_queue"].exists() else 0
        if rows:
            db["review_queue"].insert_all(rows, pk="id", ignore=True)
        return db["review_queue"].count - before


def list_items(db: sqlite_utils.Database, status: str | None = "pending") -> list[dict]:
    """Queue items, highest confidence first; ``status=None`` lists all."""
    if status is not None and status not in STATUSES:
        raise ReviewError(f"status must be one of {', '.join(STATUSES)}")
    if not db["review_queue"].exists():
        return []
    where, args = ("status = ?", [status]) if status else (None, [])
    items = list(db["review_queue"].rows_where(where, args, order_by="confidence DESC, id"))
    for item in items:
        item["values"] = json.loads(item["values_json"])
    return items


def _item(db: sqlite_utils.Database, item_id: str) -> dict:
    rows = (
        list(db["review_queue"].rows_where("id = ?", [item_id]))
        if db["review_queue"].exists()
        else []
    )
    if not rows:
        raise ReviewError(f"no review item {item_id!r}")
    if rows[0]["status"] != "pending":
        raise ReviewError(f"review item {item_id} is already {rows[0]['status']}")
    return rows[0]


def _source(db: sqlite_utils.Database, source_id: str) -> SourceInfo:
    row = db["sources"].get(source_id)
    return SourceInfo(**{k: row.get(k) for k in SourceInfo.__dataclass_fields__})


class _Invalid(Exception):
    def __init__(self, reasons: str) -> None:
        super().__init__(reasons)
        self.reasons = reasons


def accept(db: sqlite_utils.Database, item_id: str, decided_by: str = "cli") -> IngestReport:
    """Publish a pending fact through the ingest path.

    A fact that does not validate stays pending with the reasons in ``last_error`` (nothing
    else is written) and ReviewError is raised."""
    item = _item(db, item_id)
    values = json.loads(item["values_json"])
    row = RawRow(item["locator"] or item_id, values, {k: item["evidence"] for k in values})
    try:
        with db.atomic():
            report = ingest(db, item["entity_table"], [row], _source(db, item["source_id"]))
            if report.accepted != 1:
                raise _Invalid("; ".join(f"{e.column}: {e.reason}" for e in report.errors))
            db["review_queue"].update(
                item_id,
                {
                    "status": "accepted",
                    "decided_at": utc_now(),
                    "decided_by": decided_by,
                    "last_error": None,
                },
            )
    except _Invalid as bad:  # the transaction is rolled back; keep the reasons on the item
        db["review_queue"].update(item_id, {"last_error": bad.reasons})
        raise ReviewError(f"review item {item_id} does not validate: {bad.reasons}") from None
    return report


def reject(
    db: sqlite_utils.Database, item_id: str, reason: str | None = None, decided_by: str = "cli"
) -> None:
    """Mark a pending fact rejected, with the reason."""
    _item(db, item_id)
    db["review_queue"].update(
        item_id,
        {"status": "rejected", "reason": reason, "decided_at": utc_now(), "decided_by": decided_by},
    )
