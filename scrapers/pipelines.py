"""Item pipeline: hand page items to the shared validation path (``data.ingest.pipeline``).

Profiles go straight to ``data.ingest.pipeline.ingest`` (table ``centers``), which validates them, writes
accepted rows with provenance and records rejects, in one transaction per page. Article facts go
to the review queue. A page whose content hash is unchanged since the last crawl is dropped
before any work; a page that cannot be read becomes a recorded reject, never a crash.
"""

from __future__ import annotations

from scrapy.exceptions import DropItem

from data.ingest.pipeline import RawRow, ingest
from data.review.crawl_log import page_unchanged, record_page
from data.review.queue import QueuedFact, enqueue
from data.store.database import Reject, SourceInfo, add_source, open_db, write_rejects
from scrapers.extract import EXTRACTOR_VERSION


def source_of(item: dict) -> SourceInfo:
    """The source record of a crawled page."""
    return SourceInfo(
        kind="scrape",
        url=item["url"],
        title=item.get("title") or None,
        retrieved_at=item["retrieved_at"],
        sha256=item["sha256"],
        extractor=f"parkbench.scrapers.{item['spider']}",
        extractor_version=EXTRACTOR_VERSION,
    )


def _profile_facts(records: list[dict]) -> list[QueuedFact]:
    """Profile records as review items (a labelled value is the surest kind of crawl fact)."""
    out = []
    for r in records:
        evidence = " | ".join(f"{k}: {v}" for k, v in (r.get("evidence") or {}).items())
        out.append(
            QueuedFact("centers", r["values"], evidence[:2000], 0.9, "profile", r["locator"])
        )
    return out


def store_item(db, item: dict, review: bool = True) -> str:
    """Write one page item (records, facts or reject) and log the page; returns the outcome.

    With ``review`` (the default), profile records wait in the review queue like article facts.
    """
    source = source_of(item)
    with db.atomic():
        if item.get("capped"):
            sid = add_source(db, source)
            cap = item["capped"]
            reason = f"{cap['found']} records on one page; only the first {cap['kept']} kept"
            write_rejects(
                db, [Reject(item["url"], None, None, None, "records_capped", reason)], sid
            )
        if item.get("reject"):
            sid = add_source(db, source)
            rej = item["reject"]
            write_rejects(
                db, [Reject(item["url"], None, None, None, rej["rule"], rej["reason"])], sid
            )
            failed = rej["rule"] in ("fetch_failed", "page_too_large") and not item["sha256"]
            outcome, count = ("failed" if failed else "rejected"), 0
        elif item.get("records") and review:
            facts = _profile_facts(item["records"])
            enqueue(db, source, facts)
            outcome, count = "queued", len(facts)
        elif item.get("records"):
            rows = [RawRow(r["locator"], r["values"], r["evidence"]) for r in item["records"]]
            report = ingest(db, "centers", rows, source)
            outcome, count = ("ingested" if report.accepted else "rejected"), report.accepted
        elif item.get("facts"):
            facts = [QueuedFact(**f) for f in item["facts"]]
            enqueue(db, source, facts)
            outcome, count = "queued", len(facts)
        else:
            outcome, count = "empty", 0
        record_page(
            db,
            url=item["url"],
            spider=item["spider"],
            sha256=item["sha256"],
            status=item["status"],
            outcome=outcome,
            records=count,
            retrieved_at=item["retrieved_at"],
        )
    return outcome


class IngestPipeline:
    """Scrapy pipeline writing page items to the SQLite file of ``PARKBENCH_DB``."""

    def __init__(self, db_path: str, review: bool = True) -> None:
        self.db_path = db_path
        self.review = review
        self.db = None

    @classmethod
    def from_crawler(cls, crawler):
        return cls(
            crawler.settings.get("PARKBENCH_DB"), crawler.settings.getbool("PARKBENCH_REVIEW", True)
        )

    def open_spider(self) -> None:
        self.db = open_db(self.db_path)

    def close_spider(self) -> None:
        if self.db is not None:
            self.db.conn.close()

    def process_item(self, item: dict) -> dict:
        if item["sha256"] and page_unchanged(self.db, item["url"], item["sha256"]):
            raise DropItem(f"unchanged since last crawl: {item['url']}")
        item["outcome"] = store_item(self.db, item, self.review)
        return item
