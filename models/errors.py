"""Errors the pure models raise on bad inputs; the CLI turns them into one line and exit 2."""

from __future__ import annotations

from data.errors import ParkBenchError


class ModelInputError(ParkBenchError, ValueError):
    """An argument of a model is out of its domain (negative volume, target above 1 ...)."""
