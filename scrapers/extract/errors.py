"""Errors of page extraction; each becomes a recorded reject, never a crash."""

from __future__ import annotations

from data.errors import ParkBenchError


class ExtractError(ParkBenchError):
    """A page cannot be read as a page of the expected kind."""

    rule = "extract"


class NotHtmlError(ExtractError):
    """The bytes are not an HTML page (PDF, image, archive ...)."""

    rule = "not_html"
