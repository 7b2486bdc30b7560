"""Spider callbacks on HtmlResponse objects built from the fixture corpus (no network)."""

from __future__ import annotations

from pathlib import Path

from scrapy.http import HtmlResponse, Request, Response

from scrapers.spiders.articles import ArticlesSpider
from scrapers.spiders.profiles import ProfilesSpider

CORPUS = Path(__file__).parents[1] / "fixtures" / "scrapers"


def response(url: str, body: bytes, cls=HtmlResponse, **kw) -> Response:
    return cls(url=url, body=body, request=Request(url), **kw)


def test_profile_page_gives_item_with_raw_records():
    body = (CORPUS / "profiles" / "table2_gb2312" / "page.html").read_bytes()
    spider = ProfilesSpider(start_url="http://127.0.0.1:8000/index.html")
    (item,) = [
        x
        for x in spider.parse(response("http://127.0.0.1:8000/c/1.html", body))
        if isinstance(x, dict)
    ]
    assert item["url"] == "http://127.0.0.1:8000/c/1.html"
    assert item["reject"] is None and item["encoding"] == "gb18030"
    (rec,) = item["records"]
    assert rec["values"]["name"] == "杭州联合银行信用卡客服中心"
    assert rec["evidence"]["answer_rate"] == "中心实行精细化管理，日均接通率保持在90%以上。"
    assert len(item["sha256"]) == 64 and item["retrieved_at"].endswith("+00:00")


def test_listing_links_are_followed_within_the_domain_only():
    listing = (
        '<html><body><a href="/c/1.html">一</a><a href="list_2.html">下一页</a>'
        '<a href="http://example.com/x.html">外站</a><a href="/logo.png">logo</a></body></html>'
    ).encode()
    spider = ProfilesSpider(start_url="http://127.0.0.1:8000/index.html")
    out = list(spider.parse(response("http://127.0.0.1:8000/index.html", listing)))
    urls = sorted(r.url for r in out if isinstance(r, Request))
    assert urls == ["http://127.0.0.1:8000/c/1.html", "http://127.0.0.1:8000/list_2.html"]
    assert out[0]["records"] == []


def test_non_html_response_becomes_a_reject_item():
    body = (CORPUS / "profiles" / "not_html_pdf" / "page.html").read_bytes()
    spider = ProfilesSpider(start_url="http://127.0.0.1:8000/")
    resp = Response(
        url="http://127.0.0.1:8000/a.pdf", body=body, request=Request("http://127.0.0.1:8000/a.pdf")
    )
    (item,) = list(spider.parse(resp))
    assert item["reject"]["rule"] == "not_html" and item["records"] == []


def test_article_page_gives_facts_for_review():
    body = (CORPUS / "articles" / "seed001_miyun" / "page.html").read_bytes()
    spider = ArticlesSpider(start_url="http://127.0.0.1:8000/")
    (item,) = [
        x
        for x in spider.parse(response("http://127.0.0.1:8000/news/1.html", body))
        if isinstance(x, dict)
    ]
    tables = {f["table"] for f in item["facts"]}
    assert {"parks", "park_targets", "park_tenants", "incentives"} <= tables
    assert all(f["evidence"] and f["confidence"] > 0 for f in item["facts"])


def test_article_page_also_queues_prose_centers_for_review(tmp_path):
    from data.review.queue import QueuedFact, accept, enqueue, list_items
    from data.store.database import SourceInfo, open_db

    body = (
        "<html><head><meta charset='utf-8'></head><body><p>2015年3月1日，东岭市12345政务服务热线"
        "正式开通。东岭市12345政务服务热线设有超过80个坐席，话务员约150名。</p></body></html>"
    ).encode()
    spider = ArticlesSpider(start_url="http://127.0.0.1:8000/")
    (item,) = [x for x in spider.parse(response("http://127.0.0.1:8000/n/2.html", body)) if isinstance(x, dict)]  # fmt: skip
    (fact,) = [f for f in item["facts"] if f["table"] == "centers"]
    assert fact["values"]["seats"] == "80以上" and fact["values"]["founded_year"] == 2015
    db = open_db(tmp_path / "q.sqlite")
    source = SourceInfo(
        kind="scrape",
        url="http://127.0.0.1:8000/n/2.html",
        retrieved_at="2026-12-04T00:00:00+00:00",
    )
    enqueue(db, source, [QueuedFact(**fact)])
    (queued,) = list_items(db)
    accept(db, queued["id"])
    row = next(db["centers"].rows)
    assert (row["seats"], row["seats_bound"]) == (80, "min")
    assert row["staff"] == 150 and row["founded_year"] == 2015
