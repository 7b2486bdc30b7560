"""Table of crawled pages: what each crawl fetched, so unchanged pages are skipped next time."""

from __future__ import annotations

from data.schema.tables import C, Table, register

CRAWL_PAGES = register(
    Table(
        "crawl_pages",
        "已抓取网页",
        "pages fetched by crawls (for incremental recrawls)",
        (
            C("id", "text", "网址", "page URL"),
            C("spider", "text", "爬虫名称", "spider that fetched it"),
            C("sha256", "text", "最近一次内容的SHA-256", "SHA-256 of the last content seen"),
            C("status", "integer", "HTTP状态码", "HTTP status of the last fetch"),
            C(
                "outcome",
                "text",
                "处理结果：ingested, queued, empty, rejected, failed",
                "outcome: ingested, queued, empty, rejected or failed (not fetched)",
            ),
            C("records", "integer", "抽取的记录或事实数", "records or facts extracted", "record"),
            C("first_seen_at", "text", "首次抓取时间（UTC）", "first fetch, UTC ISO 8601"),
            C("retrieved_at", "text", "最近抓取时间（UTC）", "last fetch, UTC ISO 8601"),
        ),
        published=False,
    )
)
