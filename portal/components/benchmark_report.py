"""The downloadable benchmark report: one self-contained HTML file (no script, no external URL).

Rendered with Jinja2 (autoescaped) from ``portal/templates/benchmark_report.html``; the
percentile bars are plain CSS, so the file opens offline in any browser and prints as is.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from models.peer_benchmark import MIN_PEERS
from portal.components.benchmark import (
    QUARTILE_COLOURS,
    build_positions_table,
    build_reference_table,
    cost_text,
    definition_label,
    group_text,
    kpi_label,
    shown_positions,
)
from portal.i18n import current_lang, t

TEMPLATES = Path(__file__).resolve().parents[1] / "templates"
_ENV = Environment(
    loader=FileSystemLoader(TEMPLATES),
    autoescape=select_autoescape(["html"]),
    keep_trailing_newline=True,
)


def build_report_html(report: dict, *, when: str) -> str:
    """The report of :func:`models.peer_benchmark.benchmark_report` as a standalone HTML page.

    ``when`` is the date the data is as of (shown in the header). Text is in the current
    language; the same figures and notes as the page.
    """
    table = build_positions_table(report)
    reference = build_reference_table(report)
    bars = [
        {
            "label": f"{kpi_label(p['metric'])} ({definition_label(p['definition'])})",
            "width": f"{max(0.0, min(100.0, p['percentile'])):.1f}",
            "colour": QUARTILE_COLOURS[p["quartile"]],
            "text": t("bench.position", pct=f"{p['percentile']:.0f}", q=p["quartile"]),
        }
        for p in shown_positions(report)
    ]
    return _ENV.get_template("benchmark_report.html").render(
        lang="zh-CN" if current_lang() == "zh" else "en",
        title=t("bench.report_title"),
        center=report["center"],
        group=group_text(report),
        made=t("bench.report_made", when=when),
        min_peers=t("bench.min_peers", min=MIN_PEERS),
        cost=cost_text(report),
        chart_title=t("bench.chart_title"),
        bars=bars,
        all_suppressed=t("bench.all_suppressed", min=MIN_PEERS),
        header=list(table.columns),
        rows=table.values.tolist(),
        method=t("bench.method"),
        reference_title=t("bench.reference_title"),
        reference_caption=t("bench.reference_caption", min=MIN_PEERS),
        reference_header=list(reference.columns),
        reference_rows=reference.values.tolist(),
    )
