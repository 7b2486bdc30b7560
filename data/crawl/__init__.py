"""The crawl frontier shared by crawl workers (SQLite file or PostgreSQL database)."""
