"""Manual files (CSV/XLSX): reading, header matching, templates, then the ingest path."""
