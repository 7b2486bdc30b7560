"""The Benchmark report: a center's KPIs against its peers, for the page, the HTML and the PDF.

:func:`benchmark_inputs` turns a stored center or typed-in KPIs into the inputs of
``models.peer_benchmark.benchmark_report`` (the ``parkbench benchmark`` and ``parkbench report
benchmark`` commands share it); :func:`render_benchmark_html` renders
``portal/templates/benchmark_report.html`` in one language, with the peer-group definition,
the sources of the peer data and the model notes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from models.errors import ModelInputError
from models.peer_benchmark import (
    KPI_HIGHER_IS_BETTER,
    MIN_PEERS,
    region_of,
    size_band,
    stored_center_inputs,
)
from portal.i18n import fmt_number, t, use_lang


@dataclass
class BenchmarkInputs:
    """What ``benchmark_report`` needs besides the peers: KPIs, target, cost of a minute."""

    kpis: dict[str, float]
    target: dict
    definitions: dict[str, str] = field(default_factory=dict)
    label: str = "typed-in KPIs"
    exclude: str | None = None
    city: str | None = None
    seats: float | None = None
    annual_calls: float | None = None


def benchmark_inputs(
    centers,
    observations,
    *,
    center: str | None = None,
    kpis: dict[str, float] | None = None,
    definitions: dict[str, str] | None = None,
    industry: str | None = None,
    seats: float | None = None,
    province: str | None = None,
    city_tier: str | None = None,
    city: str | None = None,
    annual_calls: float | None = None,
    only_kpis: bool = False,
) -> BenchmarkInputs:
    """A stored center (``center``: name or id) and/or typed KPIs as benchmark inputs.

    Typed values win over stored ones; ``only_kpis`` keeps only the KPIs of
    ``KPI_HIGHER_IS_BETTER`` (the stored ``kpis`` table also holds volumes and counts).
    """
    kpis = dict(kpis or {})
    definitions = dict(definitions or {})
    out = BenchmarkInputs(kpis=kpis, target={}, definitions=definitions, city=city, seats=seats,
                          annual_calls=annual_calls)  # fmt: skip
    if center:
        own = stored_center_inputs(centers, observations, center)
        out.exclude, out.label, out.target = own.center_id, own.name, dict(own.target)
        for k, v in own.kpis.items():
            if not only_kpis or k in KPI_HIGHER_IS_BETTER:
                kpis.setdefault(k, v)
        for k, v in own.definitions.items():
            definitions.setdefault(k, v)
        out.annual_calls = own.annual_calls if annual_calls is None else annual_calls
        out.city = city or own.city
        out.seats = seats if seats is not None else own.seats
    if industry:
        out.target["industry"] = industry
    if seats is not None:
        out.target["size_band"] = size_band(seats)
    if province:
        out.target["region"] = region_of(province)
    if city_tier:
        out.target["city_tier"] = city_tier
    if not kpis:
        if center:
            raise ModelInputError(
                f"{center} has no stored KPI that can be benchmarked; "
                "type its KPIs with --kpi metric=value,..."
            )
        raise ModelInputError("give a stored center or typed-in KPIs (--kpi metric=value,...)")
    return out


def load_benchmark(
    db_path,
    *,
    by: list[str],
    cost_per_minute: float | None = None,
    lang: str = "zh",
    **inputs,
) -> dict:
    """``benchmark_report`` of a stored center or typed KPIs from the database at ``db_path``.

    The cost of a handled minute is ``cost_per_minute`` when given, else the cost model of the
    center's city (``portal.costing.cost_per_minute``); its source is written in ``lang``.
    """
    from data.inputs.benchmark import load_centers, load_kpi_observations
    from models.peer_benchmark import benchmark_report
    from portal.costing import REFERENCE_SEATS
    from portal.costing import cost_per_minute as model_cost_per_minute

    centers = load_centers(db_path)
    observations = load_kpi_observations(db_path, centers)
    x = benchmark_inputs(centers, observations, only_kpis=True, **inputs)
    with use_lang(lang):
        source = t("bench.cpm_typed") if cost_per_minute is not None else None
        if cost_per_minute is None and x.city:
            n = max(1, int(x.seats or REFERENCE_SEATS))
            cost_per_minute = model_cost_per_minute(x.city, db_path, seats=n)
            source = t("bench.cpm_model", city=x.city, seats=fmt_number(n, "seat"))
    return benchmark_report(
        x.kpis,
        centers,
        observations,
        target=x.target,
        by=by,
        definitions=x.definitions,
        annual_calls=x.annual_calls,
        cost_per_minute_cny=cost_per_minute,
        cost_per_minute_source=source,
        exclude_center=x.exclude,
        label=x.label,
    )


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
