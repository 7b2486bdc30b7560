"""The SQLite store: connection, writes, resolution of facts, queries, the build from curated data."""
