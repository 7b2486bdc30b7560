"""Domain errors of the pure models."""

from __future__ import annotations

from data.errors import ParkBenchError


class ModelInputError(ParkBenchError, ValueError):
    """Bad input to a model."""
