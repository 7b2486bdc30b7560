"""The one declaration of every table and column, and the data dictionary derived from it.

Importing this package registers every table, in this explicit order: the core tables
(:mod:`data.schema.tables`), then geography, the review queue and the crawl log.
"""

from data.schema import crawl, geo, review, tables  # noqa: F401

SCHEMA_MODULES = (tables, geo, review, crawl)
