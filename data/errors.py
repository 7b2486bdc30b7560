"""Domain errors of the data layer; the CLI and the portal translate them into messages."""

from __future__ import annotations


class ParkBenchError(Exception):
    """Base class of every error ParkBench raises on purpose."""


class NormaliseError(ParkBenchError, ValueError):
    """A text value could not be read as the expected kind of value.

    ``rule`` names the check that failed (``"number"``, ``"date"``, ``"hours"`` ...) so that a
    reject can say which rule it broke.
    """

    def __init__(self, message: str, *, value: object = None, rule: str = "parse") -> None:
        super().__init__(message)
        self.value = value
        self.rule = rule


class TableReadError(ParkBenchError):
    """A file cannot be read as a table (empty, binary, unknown encoding, too large)."""


class MissingColumnError(TableReadError):
    """A file lacks a column the import needs."""


class StoreError(ParkBenchError):
    """The database is missing, of the wrong shape or cannot be written."""


class ReleaseError(ParkBenchError):
    """A data release cannot be written or read (bad version, format, directory or checksum)."""
