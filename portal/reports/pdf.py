"""HTML reports to PDF with WeasyPrint: fonts embedded (Noto CJK for Chinese), page numbers.

The templates carry their own print CSS (``@page`` with "page N / M" in the footer, A4); the
fonts are those of ``fonts-noto-cjk`` (``make system``), found through fontconfig. No request
leaves the machine: the URL fetcher allows ``data:`` URIs only.
"""

from __future__ import annotations

from data.errors import ParkBenchError


class ReportError(ParkBenchError):
    """A report cannot be written (e.g. WeasyPrint or its system libraries are missing)."""


def html_to_pdf(html: str) -> bytes:
    """The report page ``html`` as PDF bytes."""
    try:
        from weasyprint import HTML
        from weasyprint.urls import URLFetcher
    except (ImportError, OSError) as exc:  # OSError: Pango missing
        raise ReportError(f"PDF needs WeasyPrint and Pango (make system): {exc}") from exc
    fetcher = URLFetcher(allowed_protocols=("data",))
    return HTML(string=html, url_fetcher=fetcher).write_pdf()
