"""The review queue of crawled facts and the crawl log."""
