"""The Benchmark report: a center's KPIs against its peers, for the page, the HTML and the PDF.

The figures come from ``usecases.benchmark`` (shared by ``parkbench benchmark``, ``parkbench
report benchmark`` and the page); :func:`render_benchmark_html` renders
``portal/templates/benchmark_report.html`` in one language, with the peer-group definition,
the sources of the peer data and the model notes.
"""

from __future__ import annotations

from models.peer_benchmark import MIN_PEERS
from portal.i18n import fmt_number, t, use_lang


def load_benchmark(
    db_path,
    *,
    by: list[str],
    cost_per_minute: float | None = None,
    lang: str = "zh",
    **center,
) -> dict:
    """The report of ``usecases.benchmark.benchmark_center`` for the store at ``db_path``,
    the source of the minute cost written in ``lang`` (``parkbench report benchmark``)."""
    from usecases.benchmark import benchmark_center
    from usecases.store import open_store

    with use_lang(lang):
        return benchmark_center(
            open_store(db_path),
            by=by,
            cost_per_minute_cny=cost_per_minute,
            cost_source=minute_cost_source,
            **center,
        ).report


def minute_cost_source(cost) -> str:
    """Where the minute cost comes from (``usecases.benchmark.MinuteCost``), in the language."""
    if cost.city is None:
        return t("bench.cpm_typed")
    return t("bench.cpm_model", city=cost.city, seats=fmt_number(cost.seats, "seat"))


def report_notes(report: dict) -> list[str]:
    """Model notes of a benchmark report in the current language."""
    from portal.components.benchmark import kpi_label, note_text

    notes = [t("bench.min_peers", min=MIN_PEERS), t("bench.method")]
    for p in report["kpis"]:
        text = note_text(p)
        if text:
            notes.append(f"{kpi_label(p['metric'])}: {text}")
    return notes


def report_sources(report: dict) -> list[str]:
    """Where the peer figures and the cost of a minute come from."""
    from portal.components.benchmark import cost_text

    sources = [t("report.bench_peers", n=fmt_number(report["peer_centers"], t("unit.center")))]
    sources.append(cost_text(report))
    sources.append(t("report.bench_method_sources"))
    return sources


def render_benchmark_html(report: dict, *, when: str, lang: str) -> str:
    """The benchmark report as one self-contained HTML page in ``lang`` (no script, no fetch)."""
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
    from portal.reports.templates import render

    with use_lang(lang):
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
        center = report["center"]
        if center == "typed-in KPIs":
            center = t("bench.mode.typed")
        return render(
            "benchmark_report.html",
            lang="zh-CN" if lang == "zh" else "en",
            title=t("bench.report_title"),
            center=center,
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
            h_sources=t("report.h.sources"),
            h_notes=t("report.h.notes"),
            h_positions=t("report.h.positions"),
            sources=report_sources(report),
            notes=report_notes(report),
            page_label=t("report.page"),
        )
