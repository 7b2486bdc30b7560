"""The one declaration of every table and column, and the data dictionary derived from it.

Importing this package registers every table, in this explicit order: the core tables
(:mod:`data.schema.tables`), then geography, the review queue, the crawl log and the
import batches.
"""

from data.schema import batches, crawl, geo, review, tables  # noqa: F401

SCHEMA_MODULES = (tables, geo, review, crawl, batches)
