"""robots.txt for requests that arrive together: every waiter gets the parsed file.

Scrapy's ``RobotsTxtMiddleware`` (2.13+, asyncio reactor) makes the requests that arrive while a
host's robots.txt is being downloaded await one shared Deferred; turning a Deferred into an
asyncio future consumes its result, so the first waiter gets the parser and every later one gets
``None``, which means "allowed": their pages are fetched against robots.txt. A plain crawl rarely
has two requests for a host before its robots.txt is in; a frontier worker does at once (a
claimed batch holds several URLs of one host). Here each waiter gets its own Deferred, fired with
the parser and passing it on.
"""

from __future__ import annotations

from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet.defer import Deferred


class SharedRobotsTxtMiddleware(RobotsTxtMiddleware):
    """``RobotsTxtMiddleware`` whose concurrent waiters all get the parser."""

    async def robot_parser(self, request):
        pending = getattr(self, "_parsers", {}).get(urlparse_cached(request).netloc)
        if not isinstance(pending, Deferred):
            return await super().robot_parser(request)
        waiter: Deferred = Deferred()

        def relay(result):
            waiter.callback(result)
            return result  # left for the next waiter

        pending.addBoth(relay)
        return await maybe_deferred_to_future(waiter)
