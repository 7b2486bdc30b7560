"""``parkbench report``: the Compare and Benchmark reports as HTML or PDF files.

The files are the ones the Compare and Benchmark pages offer for download: the same data
gathering (``portal.reports``), the same templates, in one language (``--lang``); the
extension of ``--out`` chooses HTML or PDF (WeasyPrint, CJK fonts embedded, page numbers).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from portal.commands._options import db_option
from portal.commands._pairs import parse_pairs

FORMATS = (".html", ".pdf")


def _out_option(func):
    return click.option(
        "--out",
        "out",
        required=True,
        type=click.Path(dir_okay=False),
        help="File to write: .pdf or .html.",
    )(func)


def _lang_option(func):
    return click.option(
        "--lang",
        type=click.Choice(["zh", "en"]),
        default="zh",
        show_default=True,
        help="Language of the report.",
    )(func)


def _check_out(out: str) -> Path:
    path = Path(out)
    if path.suffix.lower() not in FORMATS:
        raise click.BadParameter("the file must end in .pdf or .html", param_hint="--out")
    return path


def _write(path: Path, html: str) -> None:
    from portal.reports.pdf import html_to_pdf

    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix.lower() == ".pdf":
        path.write_bytes(html_to_pdf(html))
    else:
        path.write_text(html, encoding="utf-8")
    click.echo(f"Wrote {path} ({path.stat().st_size:,} bytes)")


def _as_of(db_path: str) -> str:
    """The date of the last update of the store (as the page shows it), else today."""
    from data.store.database import open_db
    from data.store.queries import last_update

    try:
        when = last_update(open_db(db_path, read_only=True)) or ""
    except Exception:  # noqa: BLE001 - a date is only a label
        when = ""
    return when[:10] or date.today().isoformat()


@click.group(name="report")
def command() -> None:
    """Write the Compare or Benchmark report as a PDF or HTML file."""


@command.command(name="compare")
@click.option(
    "--sites",
    required=True,
    help="2-5 sites: ids, adcodes or city names, comma-separated (e.g. 110000,310000,西安).",
)
@click.option("--preset", default=None, help="Weight preset (default talent_first).")
@click.option("--weights", default=None, help="Weights by group, e.g. labour=40,cost=25,...")
@click.option("--method", type=click.Choice(["wsm", "topsis"]), default="wsm", show_default=True)
@click.option("--seats", type=click.IntRange(10, 20_000), default=500, show_default=True)
@click.option(
    "--service-level", default="80/20", show_default=True, help="Service level of the cost."
)
@click.option("--site", default=None, help="Site whose gap is closed (default: the last ranked).")
@click.option("--rival", default=None, help="Its rival (default: the leader).")
@click.option(
    "--subsidy-years",
    type=click.IntRange(1, 5),
    default=3,
    show_default=True,
    help="Years of the rent subsidy and tax rebate that close the gap.",
)
@_lang_option
@_out_option
@db_option
def compare(sites, preset, weights, method, seats, service_level, site, rival, subsidy_years,
            lang, out, db_path):  # fmt: skip
    """The Compare report: ranking, weights, cost, cost-quality matrix, gap, facts, sources."""
    from portal.reports.compare import render_compare_html
    from usecases.compare import CompareSettings, compare_sites
    from usecases.store import open_store

    path = _check_out(out)
    chosen = tuple(s.strip() for s in sites.split(",") if s.strip())
    given = parse_pairs(weights, "--weights") or None
    if given and preset:
        raise click.UsageError("give --preset or --weights, not both")
    settings = CompareSettings(
        chosen=chosen,
        preset=None if given else (preset or "talent_first"),
        weights=tuple(given.items()) if given else None,
        method=method,
        seats=seats,
        service_level=service_level,
        site=site,
        rival=rival,
        subsidy_years=subsidy_years,
    )
    settings.target  # noqa: B018 - checks the service level before the long part
    data = compare_sites(open_store(db_path), settings)
    _write(path, render_compare_html(data, when=_as_of(db_path), lang=lang))


@command.command(name="benchmark")
@click.option("--center", default=None, help="Name or id of a stored center.")
@click.option(
    "--kpi", "kpi_text", default=None, help="Typed KPIs, e.g. answer_rate=0.9,aht_seconds=240."
)
@click.option("--definition", "definition_text", default=None,
              help="How typed KPIs are measured, e.g. service_level=offered@20s.")  # fmt: skip
@click.option("--by", default="industry,size_band", show_default=True, help="Peer keys.")
@click.option("--industry", default=None)
@click.option("--seats", type=float, default=None)
@click.option("--province", default=None)
@click.option("--city-tier", type=click.Choice(["capital", "other"]), default=None)
@click.option("--city", default=None, help="City whose cost model prices the gaps.")
@click.option("--annual-calls", type=click.FloatRange(min=0), default=None)
@click.option("--cost-per-minute", type=click.FloatRange(min=0), default=None)
@_lang_option
@_out_option
@db_option
def benchmark(center, kpi_text, definition_text, by, industry, seats, province, city_tier, city,
              annual_calls, cost_per_minute, lang, out, db_path):  # fmt: skip
    """The Benchmark report of a stored center or typed-in KPIs against its peers."""
    from portal.reports.benchmark import load_benchmark, render_benchmark_html

    path = _check_out(out)
    if not center and not kpi_text:
        raise click.UsageError("give --center NAME or --kpi metric=value,...")
    definitions = {}
    for part in (definition_text or "").split(","):
        if "=" in part:
            k, _, v = part.partition("=")
            definitions[k.strip()] = v.strip()
    report = load_benchmark(
        db_path,
        by=[k.strip() for k in by.split(",") if k.strip()],
        cost_per_minute=cost_per_minute,
        lang=lang,
        center=center,
        kpis=parse_pairs(kpi_text, "--kpi"),
        definitions=definitions,
        industry=industry,
        seats=seats,
        province=province,
        city_tier=city_tier,
        city=city,
        annual_calls=annual_calls,
    )
    _write(path, render_benchmark_html(report, when=_as_of(db_path), lang=lang))
