"""The one validation path: raw rows -> typed records -> the store, with provenance and rejects."""
