"""Scrapy settings of ParkBench: the project template's polite defaults, made explicit.

robots.txt is obeyed, one request at a time per domain with AutoThrottle, a clear user agent,
retries on transient errors, a depth limit and a page budget (``--max-pages``). Incremental
recrawls: Scrapy's HTTP cache with the RFC 2616 policy revalidates stored pages
(``If-Modified-Since`` / ``If-None-Match``), and the pipeline skips a page whose content hash is
unchanged since the last crawl (``crawl_pages`` table).
"""

from __future__ import annotations

BOT_NAME = "parkbench"
SPIDER_MODULES = ["scrapers.spiders"]
NEWSPIDER_MODULE = "scrapers.spiders"

USER_AGENT = "ParkBench/0.1 (+https://github.com/parkbench)"
ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 4
CONCURRENT_REQUESTS_PER_DOMAIN = 1
DOWNLOAD_DELAY = 1.0
DOWNLOAD_TIMEOUT = 30
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
RETRY_ENABLED = True
RETRY_TIMES = 2
DEPTH_LIMIT = 3
DEPTH_PRIORITY = 1
CLOSESPIDER_PAGECOUNT = 200
COOKIES_ENABLED = False
TELNETCONSOLE_ENABLED = False
FEED_EXPORT_ENCODING = "utf-8"
REQUEST_FINGERPRINTER_IMPLEMENTATION = "2.7"

HTTPCACHE_ENABLED = True
HTTPCACHE_POLICY = "scrapy.extensions.httpcache.RFC2616Policy"
HTTPCACHE_STORAGE = "scrapy.extensions.httpcache.FilesystemCacheStorage"
HTTPCACHE_DIR = "httpcache"  # set next to the database by parkbench crawl

ITEM_PIPELINES = {"scrapers.pipelines.IngestPipeline": 300}

#: bounds: a page over this size is not read (a recorded ``page_too_large`` reject); Scrapy
#: cancels bigger downloads itself (DOWNLOAD_MAXSIZE), which the errback records the same way
PARKBENCH_MAX_PAGE_BYTES = 5 * 1024 * 1024
DOWNLOAD_MAXSIZE = PARKBENCH_MAX_PAGE_BYTES + 1
#: at most this many records and facts are kept from one page (the rest: a ``records_capped`` reject)
PARKBENCH_MAX_RECORDS = 200
#: crawled records and facts wait in the review queue (``parkbench review``) before publication
PARKBENCH_REVIEW = True

#: SQLite file the pipeline writes to (``parkbench crawl --db``)
PARKBENCH_DB = "build/parkbench.sqlite"
