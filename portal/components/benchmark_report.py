"""The downloadable benchmark report: one self-contained HTML file (no script, no external URL).

Rendered by :func:`portal.reports.benchmark.render_benchmark_html` from
``portal/templates/benchmark_report.html`` (the same template the PDF and ``parkbench report
benchmark`` use); the percentile bars are plain CSS, so the file opens offline and prints as is.
"""

from __future__ import annotations

from portal.i18n import current_lang
from portal.reports.benchmark import render_benchmark_html


def build_report_html(report: dict, *, when: str, lang: str | None = None) -> str:
    """The report of :func:`models.peer_benchmark.benchmark_report` as a standalone HTML page.

    ``when`` is the date the data is as of (shown in the header); ``lang`` the language (default:
    the session's). The same figures and notes as the page.
    """
    return render_benchmark_html(report, when=when, lang=lang or current_lang())
