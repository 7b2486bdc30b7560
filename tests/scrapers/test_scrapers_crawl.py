"""End-to-end crawl: a subprocess crawls a local http.server serving the fixture corpus."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import sqlite_utils

ROOT = Path(__file__).resolve().parents[2]
PROFILES = ROOT / "tests" / "fixtures" / "scrapers" / "profiles"

PAGES = {
    "c/hangzhou.html": "table2_gb2312",
    "c/shanghai.html": "seed000_br_utf8",
    "c/winners.html": "winners_big5",
    "c/case.html": "seed003_article_no_profile",
    "c/report.html": "not_html_pdf",
    "private/qingdao.html": "table4_big5_undeclared",
}


class QuietHandler(SimpleHTTPRequestHandler):
    seen: list[str] = []

    def log_message(self, format, *args):  # noqa: A002 - http.server's signature
        QuietHandler.seen.append(self.path)


@pytest.fixture
def site(tmp_path):
    www = tmp_path / "www"
    for rel, case in PAGES.items():
        (www / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(PROFILES / case / "page.html", www / rel)
    (www / "robots.txt").write_text("User-agent: *\nDisallow: /private/\n")
    (www / "index.html").write_text(
        '<html><head><meta charset="utf-8"></head><body><h1>客服中心名录</h1>'
        '<a href="c/hangzhou.html">杭州</a> <a href="c/shanghai.html">上海</a>'
        '<a href="private/qingdao.html">青岛</a> <a href="http://example.com/outside.html">外站</a>'
        '<a href="list_2.html">下一页</a></body></html>',
        encoding="utf-8",
    )
    (www / "list_2.html").write_text(
        '<html><head><meta charset="utf-8"></head><body><a href="index.html">上一页</a>'
        '<a href="c/winners.html">获奖名单</a> <a href="c/case.html">案例</a>'
        '<a href="c/report.html">报告</a></body></html>',
        encoding="utf-8",
    )
    QuietHandler.seen = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(QuietHandler, directory=str(www)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def crawl(url: str, db: Path, *settings: str, start: str = "index.html"):
    extra = [x for kv in settings for x in ("--set", kv)]
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "portal.cli",
            "crawl",
            "profiles",
            "--start-url",
            f"{url}/{start}",
            "--db",
            str(db),
            "--max-pages",
            "50",
            "--set",
            "DOWNLOAD_DELAY=0",
            "--set",
            "AUTOTHROTTLE_ENABLED=False",
            "--set",
            "LOG_LEVEL=DEBUG",
            *extra,
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )


def accept_all(db_path: Path) -> None:
    from data.review.queue import accept, list_items

    db = sqlite_utils.Database(db_path)
    for item in list_items(db):
        accept(db, item["id"])
    db.conn.close()


def test_crawl_queues_profiles_for_review_records_rejects_and_stays_local(site, tmp_path):
    db_path = tmp_path / "crawl.sqlite"
    first = crawl(site, db_path)
    assert first.returncode == 0, first.stderr[-3000:]
    requested = re.findall(r"<(?:GET|HEAD|POST) (\S+)>", first.stderr)
    assert requested and all(u.startswith("http://127.0.0.1:") for u in requested)
    assert "example.com" not in " ".join(requested)
    assert not any(p.startswith("/private/") for p in QuietHandler.seen)  # robots.txt obeyed

    db = sqlite_utils.Database(db_path)
    assert not db["centers"].exists() or db["centers"].count == 0  # nothing published unreviewed
    assert db["review_queue"].count == 4
    db.conn.close()
    accept_all(db_path)
    db = sqlite_utils.Database(db_path)
    names = sorted(r["name"] for r in db["centers"].rows)
    assert names == sorted(
        [
            "杭州联合银行信用卡客服中心",
            "上海世纪新元信息产业有限公司",
            "台北信達銀行客服中心",
            "高雄港務客服中心",
        ]
    )
    hz = next(db["centers"].rows_where("name = ?", ["杭州联合银行信用卡客服中心"]))
    assert (hz["seats"], hz["answer_rate"], hz["answer_rate_bound"]) == (300, 0.9, "min")
    src = next(db["sources"].rows_where("url like ?", ["%/c/hangzhou.html"]))
    assert src["kind"] == "scrape" and src["retrieved_at"] and len(src["sha256"]) == 64
    assert db["facts"].count_where("source_id = ?", [src["id"]]) == 1
    rejects = list(db["import_rejects"].rows_where("file like ?", ["%/c/report.html"]))
    assert [r["rule"] for r in rejects] == ["not_html"]
    outcomes = {r["id"].rsplit("/", 1)[-1]: r["outcome"] for r in db["crawl_pages"].rows}
    assert outcomes["case.html"] == "empty" and outcomes["report.html"] == "rejected"
    counts = {
        t: db[t].count
        for t in ("centers", "sources", "facts", "import_rejects", "crawl_pages", "review_queue")
    }
    db.conn.close()

    second = crawl(site, db_path)
    assert second.returncode == 0, second.stderr[-3000:]
    db = sqlite_utils.Database(db_path)
    assert {t: db[t].count for t in counts} == counts
    db.conn.close()


def test_crawl_records_oversized_pages_fetch_failures_and_capped_pages(site, tmp_path):
    www = tmp_path / "www"
    (www / "bounded.html").write_text(
        '<html><head><meta charset="utf-8"></head><body>'
        '<a href="c/winners.html">b</a> <a href="c/gone.html">c</a> <a href="c/big.html">d</a>'
        "</body></html>",
        encoding="utf-8",
    )
    (www / "c" / "big.html").write_text("<p>" + "座席" * 2000 + "</p>", encoding="utf-8")
    db_path = tmp_path / "bounded.sqlite"
    out = crawl(
        site, db_path, "PARKBENCH_MAX_PAGE_BYTES=3000", "PARKBENCH_MAX_RECORDS=1",
        "RETRY_ENABLED=False", start="bounded.html",
    )  # fmt: skip
    assert out.returncode == 0, out.stderr[-3000:]
    db = sqlite_utils.Database(db_path)
    pages = {
        r["id"].rsplit("/", 1)[-1]: (r["outcome"], r["status"]) for r in db["crawl_pages"].rows
    }
    rules = {(r["file"].rsplit("/", 1)[-1], r["rule"]) for r in db["import_rejects"].rows}
    assert pages["gone.html"] == ("failed", 404)
    assert ("gone.html", "fetch_failed") in rules
    assert pages["big.html"][0] == "rejected" and ("big.html", "page_too_large") in rules
    # two profiles on the winners page, a cap of one: one queued, the cut recorded
    assert pages["winners.html"] == ("queued", 200)
    assert ("winners.html", "records_capped") in rules
    assert db["review_queue"].count == 1
    db.conn.close()
