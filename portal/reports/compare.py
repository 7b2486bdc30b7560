"""The Compare report: what the Compare page shows, gathered once for the page, the HTML and the PDF.

The page (with cached store reads) and ``parkbench report compare`` (with an open store) call
the same functions: :func:`price_sites` (cost model per site), :func:`build_cost_quality`
(``models.cost_quality``), :func:`build_gap` (``models.gap``) and :func:`build_fact_cards`;
:func:`load_compare_data` does all of it from a database path for the CLI, and
:func:`render_compare_html` renders ``portal/templates/compare_report.html`` in one language.
"""

from __future__ import annotations

import base64
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from data.inputs.cost import CostContext
from models.cost import (
    COMPONENTS,
    CURVE_TARGETS,
    CostBreakdown,
    CostInputs,
    cost_for_service_level,
    service_level_label,
)
from models.cost_quality import QUADRANTS, CostQualityMatrix, CostQualitySite, compute_cost_quality
from models.criteria import GROUPS
from models.errors import ModelInputError
from models.gap import GapAnalysis, close_gap_options
from models.site_ranking import SiteComparison
from models.weights import PRESETS
from portal.components.compare import CRITERION_GROUPS, criterion_colours
from portal.costing import REFERENCE_SEATS, REFERENCE_YEARS, basis_summary, incentive_rules
from portal.i18n import current_lang, fmt_number, t, use_lang


@dataclass(frozen=True)
class CompareSettings:
    """What the reader chose: sites, weights, method, center size, service level and the gap pair."""

    chosen: tuple[str, ...]
    preset: str | None = None
    weights: tuple[tuple[str, float], ...] | None = None
    method: str = "wsm"
    seats: int = REFERENCE_SEATS
    service_level: str = "80/20"
    site: str | None = None
    rival: str | None = None
    subsidy_years: int = 3

    @property
    def target(self) -> tuple[float, float]:
        """``(share answered, within seconds)`` of :attr:`service_level`."""
        for sl, seconds in CURVE_TARGETS:
            if service_level_label(sl, seconds) == self.service_level:
                return sl, seconds
        shown = ", ".join(service_level_label(*x) for x in CURVE_TARGETS)
        raise ModelInputError(f"service level {self.service_level!r} is not one of {shown}")


@dataclass
class SiteCost:
    """One site priced by the cost model, with the inputs it was priced on."""

    breakdown: CostBreakdown
    context: CostContext
    calls_per_hour: float

    @property
    def net(self) -> float:
        return self.breakdown.net_per_seat_per_year

    def figures(self) -> dict:
        """The cost columns of the comparison CSV (stable English names)."""
        b = self.breakdown
        return {
            "gross_cny_per_seat_year": b.per_seat_per_year,
            "incentives_cny_per_seat_year": b.per_seat_per_year - b.net_per_seat_per_year,
            "net_cny_per_seat_year": b.net_per_seat_per_year,
            "cny_per_contact": b.per_contact,
            "calls_per_hour_capacity": self.calls_per_hour,
            "cost_inputs": basis_summary(self.context)[0],
            "cost_input_errors": basis_summary(self.context)[1],
        }


def price_sites(
    records: Sequence[dict],
    city_names: dict[str, str],
    settings: CompareSettings,
    *,
    cost_context: Callable[[str, str | None], CostContext],
    capacity: Callable[[int, float, float, float], float],
) -> dict[str, SiteCost]:
    """Each compared site priced as a center of ``settings.seats`` seats at its service level.

    ``cost_context(city, park)`` loads a site's cost inputs (cached on the page);
    ``capacity(agents, aht, sl, seconds)`` is the peak-hour calls that many agents answer.
    """
    target_sl, answer_seconds = settings.target
    out = {}
    for r in records:
        city = city_names.get(r["adcode"], r["name"])
        park = r["name"] if r["kind"] == "park" else None
        ctx = cost_context(city, park)
        aht = float(ctx.values["aht_seconds"])
        calls = capacity(settings.seats, aht, target_sl, answer_seconds)
        breakdown = cost_for_service_level(
            CostInputs(seats=settings.seats, **ctx.values),
            calls,
            aht,
            target_sl=target_sl,
            answer_seconds=answer_seconds,
            rules=incentive_rules(ctx),
            years=REFERENCE_YEARS,
            sources=ctx.sources,
            seats=settings.seats,
        )
        out[r["id"]] = SiteCost(breakdown, ctx, calls)
    return out


def build_cost_quality(comparison: SiteComparison, costs: dict[str, SiteCost]) -> CostQualityMatrix:
    """``models.cost_quality`` of the compared sites (net cost from :func:`price_sites`)."""
    sites = [
        CostQualitySite(r["id"], r["name"], costs[r["id"]].net, r["contributions"])
        for r in comparison.records
    ]
    return compute_cost_quality(sites, comparison.weights, CRITERION_GROUPS)


def _find(records: Sequence[dict], wanted: str) -> dict:
    for r in records:
        if wanted in (r["id"], r["adcode"] if r["kind"] == "city" else None, r["name"]):
            return r
    names = ", ".join(r["name"] for r in records)
    raise ModelInputError(f"{wanted!r} is not one of the compared sites ({names})")


def gap_pair(records: Sequence[dict], site: str | None, rival: str | None) -> tuple[dict, dict]:
    """The site whose gap is closed (default: the last ranked) and its rival (default: the
    leader, or the runner-up when the site leads); ids, adcodes or names."""
    chosen = _find(records, site) if site else records[-1]
    if rival:
        other = _find(records, rival)
    else:
        other = records[0] if records[0]["id"] != chosen["id"] else records[1]
    if other["id"] == chosen["id"]:
        raise ModelInputError("the site and its rival must be two different sites")
    return chosen, other


def build_gap(
    comparison: SiteComparison, costs: dict[str, SiteCost], settings: CompareSettings
) -> GapAnalysis:
    """``models.gap.close_gap_options`` for the settings' site against its rival."""
    site, rival = gap_pair(comparison.records, settings.site, settings.rival)
    mine = costs[site["id"]]
    return close_gap_options(
        site["id"],
        mine.breakdown.inputs,
        incentive_rules(mine.context),
        rival["id"],
        costs[rival["id"]].net,
        years=len(mine.breakdown.years),
        subsidy_years=settings.subsidy_years,
    )


CARD = (
    ("population_2020", "compare.fact.population", "person"),
    ("working_age_population_2020", "compare.fact.working_age", "person"),
    ("college_educated_population_2020", "compare.fact.college", "person"),
    ("nearest_airport_km", "compare.fact.airport", "km"),
    ("railway_stations", "compare.fact.stations", "station"),
)


def _source_text(row) -> str:
    year = f", {int(row['year'])}" if row["year"] == row["year"] and row["year"] else ""
    where = f" — {row['source_url']}" if row["source_url"] else ""
    return f"{row['source_title']}{year}{where}"


def build_fact_cards(
    records: Sequence[dict],
    counts: dict[str, tuple[int, int]],
    city_names: dict[str, str],
    indicators,
    incentives,
    names: dict[str, str],
) -> list[dict]:
    """One card per site: ``{name, facts: [(label, value, source)], rules: [{text, source}]}``.

    ``counts`` maps a site id to its known (centers, seats); ``indicators`` and ``incentives``
    are ``data.inputs.site_facts`` frames; ``names`` the names to show. In English, an incentive
    shows its name and kind but not its Chinese conditions.
    """
    lang = current_lang()
    cards = []
    for r in records:
        mine = indicators[indicators["adcode"] == r["adcode"]].set_index("indicator")
        facts = []
        for indicator, key, unit in CARD:
            if indicator in mine.index:
                row = mine.loc[indicator]
                value, source = float(row["value"]), _source_text(row)
                if unit == "person":
                    value = round(value)  # a census count; estimates carry decimals
            else:
                value, source = None, None
            if indicator == "nearest_airport_km" and r["kind"] == "park":
                park_km = r["values"].get("nearest_airport_km")
                if park_km is not None and park_km != value:
                    value, source = park_km, t("compare.park_record")
            label = t("unit.station") if unit == "station" else unit
            facts.append((t(key), fmt_number(value, label), source))
        if "service_outsourcing_model_city" in mine.index:
            row = mine.loc["service_outsourcing_model_city"]
            flag = t("compare.yes") if float(row["value"]) else t("compare.no")
            facts.append((t("compare.fact.model_city"), flag, _source_text(row)))
        centers, seats = counts.get(r["id"], (0, 0))
        facts.append(
            (
                t("compare.fact.centers"),
                t(
                    "compare.centers_seats",
                    centers=fmt_number(int(centers), t("unit.center")),
                    seats=fmt_number(int(seats), "seat"),
                ),
                t("compare.centers_source"),
            )
        )
        if r["kind"] == "park":
            pid = r["id"].removeprefix("park:")
            mask = (incentives["park_id"] == pid) | (
                incentives["park_id"].isna() & (incentives["city_adcode"] == r["adcode"])
            )
        else:
            mask = (incentives["city_adcode"] == r["adcode"]) | (
                incentives["park_city_adcode"] == r["adcode"]
            )
        rules = []
        for rule in incentives[mask].to_dict("records"):
            where = rule["park_name"] or rule["city"] or city_names.get(r["adcode"], "")
            if lang != "zh":
                where = names.get(f"park:{rule['park_id']}") or names.get(r["id"], where)
            text = t(
                "compare.rule",
                name=rule["name"],
                kind=t(f"compare.incentive_kind.{rule['kind']}"),
                where=where,
            )
            if rule["conditions"] and lang == "zh":
                text += f" — {rule['conditions'][:140]}"
            source = rule["source_title"] and (
                f"{rule['source_title']} ({rule['source_url']})"
                if rule["source_url"]
                else rule["source_title"]
            )
            rules.append({"text": text, "source": source})
        cards.append({"id": r["id"], "name": names.get(r["id"], r["name"]), "facts": facts,
                      "rules": rules})  # fmt: skip
    return cards


def display_names(records: Sequence[dict], names_en: dict[str, str]) -> dict[str, str]:
    """Site id -> the name to show: the English name the store holds when the language is
    English, else the record's (Chinese) name."""
    english = current_lang() == "en"
    return {r["id"]: (names_en.get(r["id"]) if english else None) or r["name"] for r in records}


@dataclass
class CompareData:
    """Everything the Compare report shows."""

    settings: CompareSettings
    comparison: SiteComparison
    costs: dict[str, SiteCost]
    matrix: CostQualityMatrix
    gap: GapAnalysis
    counts: dict[str, tuple[int, int]]
    city_names: dict[str, str]
    indicators: object
    incentives: object
    names_en: dict[str, str] = field(default_factory=dict)


def load_compare_data(db_path: str | Path, settings: CompareSettings) -> CompareData:
    """Everything of the Compare report from the database at ``db_path`` (the CLI's path)."""
    from data.inputs.cost import load_cost_context
    from data.inputs.score import load_criteria_table
    from data.inputs.site_facts import site_incentives, site_indicators, site_names_en
    from data.store.database import open_db
    from data.store.engine import is_postgres
    from models.capacity import calls_per_hour_capacity
    from models.site_ranking import compare_sites
    from portal.costing import cost_per_seat_for_sites

    if not is_postgres(db_path) and not Path(db_path).is_file():
        from data.errors import StoreError

        raise StoreError(f"no database at {db_path}: run `parkbench build --db {db_path}` first")
    db = open_db(db_path, read_only=True)
    table = load_criteria_table(
        db, include_parks=True, cost_per_seat=cost_per_seat_for_sites(db_path)
    )
    comparison = compare_sites(
        table,
        list(settings.chosen),
        preset=settings.preset,
        weights=dict(settings.weights) if settings.weights else None,
        method=settings.method,
    )
    rows = {r["id"]: r for r in table.to_dict("records")}
    city_names = {r["adcode"]: r["name"] for r in rows.values() if r["kind"] == "city"}
    costs = price_sites(
        comparison.records,
        city_names,
        settings,
        cost_context=lambda city, park: load_cost_context(city, park, db),
        capacity=lambda n, aht, sl, s: calls_per_hour_capacity(
            n, aht, target_sl=sl, answer_seconds=s
        ),
    )
    adcodes = tuple(dict.fromkeys(r["adcode"] for r in comparison.records))
    park_ids = tuple(
        r["id"].removeprefix("park:") for r in comparison.records if r["kind"] == "park"
    )
    incentives = site_incentives(db, adcodes, park_ids)
    all_parks = tuple(dict.fromkeys([*park_ids, *incentives["park_id"].dropna().astype(str)]))
    return CompareData(
        settings=settings,
        comparison=comparison,
        costs=costs,
        matrix=build_cost_quality(comparison, costs),
        gap=build_gap(comparison, costs, settings),
        counts=site_counts(comparison.records, rows),
        city_names=city_names,
        indicators=site_indicators(db, adcodes),
        incentives=incentives,
        names_en=site_names_en(db, adcodes, all_parks),
    )


def site_counts(records: Sequence[dict], rows: dict[str, dict]) -> dict[str, tuple[int, int]]:
    """Site id -> (known centers, known seats) from the criteria table rows."""

    def whole(v) -> int:
        return int(v) if v == v and v is not None else 0

    return {
        r["id"]: (whole(rows[r["id"]]["center_count"]), whole(rows[r["id"]]["center_seats"]))
        for r in records
        if r["id"] in rows
    }


# -- rendering


def weights_text(settings: CompareSettings) -> str:
    """Where the weights came from, in the current language."""
    if settings.preset:
        p = PRESETS[settings.preset]
        return t(
            "compare.weights_preset", name=p.label_zh if current_lang() == "zh" else p.label_en
        )
    return t("compare.weights_own")


def weights_rows(comparison: SiteComparison, colours: dict[str, str]) -> list[dict]:
    """Groups with their share and their criteria's weights, for the report's weights table."""
    from portal.components.compare import criterion_label

    rows = []
    for group in GROUPS:
        members = [
            (n, w) for n, w in comparison.weights.items() if CRITERION_GROUPS.get(n) == group
        ]
        if not members:
            continue
        rows.append(
            {
                "group": t(f"compare.group.{group}"),
                "share": fmt_number(sum(w for _, w in members), "fraction"),
                "criteria": [
                    {"label": criterion_label(n), "weight": fmt_number(w, "fraction"),
                     "colour": colours[n]}
                    for n, w in members
                ],
            }
        )  # fmt: skip
    others = [(n, w) for n, w in comparison.weights.items() if n not in CRITERION_GROUPS]
    if others:
        rows.append({"group": t("report.group_other"), "share": fmt_number(sum(w for _, w in others), "fraction"),
                     "criteria": [{"label": n, "weight": fmt_number(w, "fraction"), "colour": colours[n]}
                                  for n, w in others]})  # fmt: skip
    return rows


def contribution_bars(comparison: SiteComparison, names: dict[str, str], colours: dict[str, str]):
    """Stacked bars of each site's score (widths in % of the best score), best first."""
    from portal.components.compare import criterion_label, filled_criteria

    top = max(r["score"] for r in comparison.records) or 1.0
    bars = []
    for r in comparison.records:
        filled = filled_criteria(r)
        segments = [
            {
                "width": f"{100.0 * v / top:.2f}",
                "colour": colours[n],
                "title": f"{criterion_label(n)}: {v:.3f}",
                "filled": n in filled,
            }
            for n, v in r["contributions"].items()
            if v > 0
        ]
        bars.append({"name": names[r["id"]], "score": f"{r['score']:.3f}", "segments": segments})
    return bars


def matrix_svg(matrix: CostQualityMatrix, names: dict[str, str]) -> str:
    """The cost-quality scatter as inline SVG: indices on both axes, lines at 100, labels."""
    from html import escape

    w, h, pad = 560, 380, 56
    xs = [p.cost_index for p in matrix.points]
    ys = [p.quality_index for p in matrix.points]
    span_x = max(abs(v - 100) for v in xs) * 1.25 or 10.0
    span_y = max(abs(v - 100) for v in ys) * 1.25 or 10.0

    def sx(v: float) -> float:
        return pad + (v - (100 - span_x)) / (2 * span_x) * (w - 2 * pad)

    def sy(v: float) -> float:
        return h - pad - (v - (100 - span_y)) / (2 * span_y) * (h - 2 * pad)

    labels = quadrant_labels()
    corner = {
        "low_cost_high_quality": (pad + 4, pad + 14, "start"),
        "high_cost_high_quality": (w - pad - 4, pad + 14, "end"),
        "low_cost_low_quality": (pad + 4, h - pad - 6, "start"),
        "high_cost_low_quality": (w - pad - 4, h - pad - 6, "end"),
    }
    parts = [
        f'<svg width="{w}" height="{h}" viewBox="0 0 {w} {h}" class="matrix">',
        f'<rect x="{pad}" y="{pad}" width="{w - 2 * pad}" height="{h - 2 * pad}" '
        'fill="#fafafa" stroke="#999"/>',
        f'<line x1="{sx(100):.1f}" y1="{pad}" x2="{sx(100):.1f}" y2="{h - pad}" stroke="#555" '
        'stroke-dasharray="4 3"/>',
        f'<line x1="{pad}" y1="{sy(100):.1f}" x2="{w - pad}" y2="{sy(100):.1f}" stroke="#555" '
        'stroke-dasharray="4 3"/>',
    ]
    for q, (x, y, anchor) in corner.items():
        colour = "#1a9850" if q == "low_cost_high_quality" else "#777"
        parts.append(
            f'<text x="{x}" y="{y}" text-anchor="{anchor}" font-size="11" fill="{colour}">'
            f"{escape(labels[q])}</text>"
        )
    for p in matrix.points:
        x, y = sx(p.cost_index), sy(p.quality_index)
        parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="6" fill="#1f6fb2"/>')
        parts.append(
            f'<text x="{x + 9:.1f}" y="{y + 4:.1f}" font-size="12">{escape(names[p.id])}</text>'
        )
    parts.append(
        f'<text x="{w / 2}" y="{h - 14}" text-anchor="middle" font-size="12">'
        f"{escape(t('report.matrix_x'))}</text>"
    )
    parts.append(
        f'<text x="16" y="{h / 2}" text-anchor="middle" font-size="12" '
        f'transform="rotate(-90 16 {h / 2})">{escape(t("report.matrix_y"))}</text>'
    )
    parts.append("</svg>")
    return "".join(parts)


def quadrant_labels() -> dict[str, str]:
    """Each quadrant's name in the current language."""
    return {q: t(f"report.quadrant.{q}") for q in QUADRANTS}


def matrix_rows(matrix: CostQualityMatrix, names: dict[str, str]) -> list[list[str]]:
    labels = quadrant_labels()
    return [
        [
            names[p.id],
            fmt_number(round(p.net_cost_cny_per_seat_year), "CNY"),
            f"{p.cost_index:.0f}",
            f"{p.quality_score:.3f}",
            f"{p.quality_index:.0f}",
            labels[p.quadrant],
        ]
        for p in matrix.points
    ]


def gap_amount_text(option, years: int) -> str:
    """An option's amount with its unit and duration, e.g. "12.5 元/平方米/月，3 年"."""
    if option.amount is None:
        return "—"
    if option.kind == "rent":
        return t("report.gap_amount.rent", amount=fmt_number(round(option.amount, 2)),
                 years=option.subsidy_years)  # fmt: skip
    if option.kind == "seat":
        return t("report.gap_amount.seat", amount=fmt_number(round(option.amount)))
    if option.kind == "training":
        return t("report.gap_amount.training", amount=fmt_number(round(option.amount)), years=years)
    return t("report.gap_amount.tax_rebate", rate=fmt_number(option.amount, "fraction"),
             years=option.subsidy_years)  # fmt: skip


def gap_status_text(option) -> str:
    """Whether the option closes the gap, in words."""
    if option.status == "closes":
        return t("report.gap_closes")
    if option.status == "no_gap":
        return t("report.gap_none")
    if option.cap is not None:
        return t(
            f"report.gap_cannot.{option.kind}",
            left=fmt_number(round(option.remaining_gap_cny_per_seat_year), "CNY"),
        )
    return t(
        "report.gap_cannot", left=fmt_number(round(option.remaining_gap_cny_per_seat_year), "CNY")
    )


def gap_rows(gap: GapAnalysis) -> list[list[str]]:
    return [
        [
            t(f"report.gap_kind.{o.kind}"),
            gap_amount_text(o, gap.years),
            fmt_number(round(o.total_cny), "CNY") if o.amount else "—",
            gap_status_text(o),
        ]
        for o in gap.options
    ]


def gap_summary(gap: GapAnalysis, names: dict[str, str]) -> str:
    """One sentence: the two sites, their net costs and the gap."""
    if gap.gap_cny_per_seat_year <= 0:
        return t(
            "report.gap_ahead",
            site=names[gap.site],
            rival=names[gap.rival],
            diff=fmt_number(round(-gap.gap_cny_per_seat_year), "CNY"),
        )
    return t(
        "report.gap_summary",
        site=names[gap.site],
        rival=names[gap.rival],
        site_net=fmt_number(round(gap.site_net_cny_per_seat_year), "CNY"),
        rival_net=fmt_number(round(gap.rival_net_cny_per_seat_year), "CNY"),
        gap=fmt_number(round(gap.gap_cny_per_seat_year), "CNY"),
    )


def inputs_label(kind: str, errors: dict[str, float]) -> str:
    """Which city inputs the cost rests on: sourced, estimated (with errors) or defaults."""
    if kind == "estimated":
        parts = [t(f"compare.inputs_err.{name}", err=f"{err:.0%}") for name, err in errors.items()]
        return t("compare.inputs_estimated", errors=", ".join(parts))
    return t("compare.inputs_sourced" if kind == "sourced" else "compare.inputs_default")


def cost_rows(records: Sequence[dict], costs: dict[str, SiteCost], names: dict[str, str]):
    """The cost table: header and one row per site (display strings)."""
    unit = t("unit.cny_per_seat_year")
    header = [
        t("common.name"),
        t("compare.gross", unit=unit),
        t("compare.incentives_saved", unit=unit),
        t("compare.net", unit=unit),
        t("compare.per_contact"),
        t("compare.capacity"),
        t("compare.cost_inputs"),
    ]
    rows = []
    for r in records:
        f = costs[r["id"]].figures()
        rows.append(
            [
                names[r["id"]],
                fmt_number(round(f["gross_cny_per_seat_year"]), "CNY"),
                fmt_number(round(f["incentives_cny_per_seat_year"]), "CNY"),
                fmt_number(round(f["net_cny_per_seat_year"]), "CNY"),
                fmt_number(round(f["cny_per_contact"], 2), "CNY"),
                fmt_number(f["calls_per_hour_capacity"], t("unit.calls_per_hour")),
                inputs_label(f["cost_inputs"], f["cost_input_errors"]),
            ]
        )  # fmt: skip
    return header, rows


def _png_uri(png: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


def report_notes(data: CompareData, names: dict[str, str]) -> list[str]:
    """Model notes: missing values, the quality score, the matrix, the gap and the cost inputs."""
    from portal.components.compare import criterion_label
    from portal.components.notes import note_text

    notes = [note_text(n) for n in data.comparison.notes]
    excluded = "、".join if current_lang() == "zh" else ", ".join
    notes.append(
        t(
            "report.quality_note",
            excluded=excluded(criterion_label(n) for n in data.matrix.excluded_criteria)
            or t("common.none"),
        )
    )
    notes.append(t("report.matrix_note"))
    notes.append(t("report.gap_note", years=data.gap.years))
    for r in data.comparison.records:
        cost = data.costs[r["id"]]
        for note in cost.context.notes:
            notes.append(f"{names[r['id']]}: {note_text(note)}")
        for name, why in cost.breakdown.skipped_incentives.items():
            notes.append(
                f"{names[r['id']]}: {t('compare.incentive_skipped', name=name, why=note_text(why))}"
            )
    return list(dict.fromkeys(notes))


def report_sources(data: CompareData, cards: list[dict]) -> list[str]:
    """Every source the report cites: facts and incentive rules (titles and URLs), then how
    many cost inputs are local and where the defaults are documented."""
    sources = []
    for card in cards:
        sources += [s for _, _, s in card["facts"] if s and s != t("compare.centers_source")]
        sources += [rule["source"] for rule in card["rules"] if rule["source"]]
    for r in data.comparison.records:
        ctx = data.costs[r["id"]].context
        local = sum(
            not str(m.get("source", "")).startswith("default:") for m in ctx.sources.values()
        )
        sources.append(
            t("report.cost_sources", site=data_names(data)[r["id"]], local=local,
              total=len(ctx.sources))
        )  # fmt: skip
    sources.append(t("report.method_sources"))
    return list(dict.fromkeys(sources))


def data_names(data: CompareData) -> dict[str, str]:
    return display_names(data.comparison.records, data.names_en)


def render_compare_html(data: CompareData, *, when: str, lang: str) -> str:
    """The Compare report as one self-contained HTML page in ``lang`` (no script, no fetch)."""
    from portal.components.compare import build_comparison_frame, ranking_display
    from portal.components.cost_charts import waterfall_steps
    from portal.components.report import waterfall_png
    from portal.reports.templates import render

    with use_lang(lang):
        comparison, settings = data.comparison, data.settings
        records = comparison.records
        names = data_names(data)
        shown = [dict(r, name=names[r["id"]]) for r in records]
        colours = criterion_colours(list(comparison.weights))
        frame = build_comparison_frame(shown, comparison.candidates)
        ranking = ranking_display(frame)
        cards = build_fact_cards(
            records, data.counts, data.city_names, data.indicators, data.incentives,
            {**names, **{k: v for k, v in data.names_en.items() if k.startswith("park:")}}
            if lang == "en" else names,
        )  # fmt: skip
        cost_header, cost_table = cost_rows(records, data.costs, names)
        component_labels = {k: t(f"cost.comp.{k}") for k in COMPONENTS}
        waterfalls = []
        for r in records:
            title = t("compare.waterfall_title", site=names[r["id"]])
            steps = waterfall_steps(
                data.costs[r["id"]].breakdown.to_dict(), component_labels,
                t("compare.gross_bar"), t("compare.net_bar"),
            )  # fmt: skip
            waterfalls.append(
                {"title": title, "src": _png_uri(waterfall_png(steps, title=title,
                                                               unit=t("unit.cny_per_seat_year")))}
            )  # fmt: skip
        method = t(f"compare.method.{settings.method}")
        context = {
            "lang": "zh-CN" if lang == "zh" else "en",
            "title": t("compare.report_title", sites=" / ".join(names[r["id"]] for r in records)),
            "made": t("report.made", when=when),
            "settings": t(
                "report.settings",
                weights=weights_text(settings),
                method=method,
                n=fmt_number(comparison.candidates, t("unit.site")),
                seats=fmt_number(settings.seats, "seat"),
                level=settings.service_level,
            ),
            "h": {
                k: t(f"report.h.{k}")
                for k in ("weights", "ranking", "contrib", "cost", "matrix", "gap", "costs",
                          "facts", "sources", "notes", "group", "criterion", "weight")
            },  # fmt: skip
            "preset_basis": t(f"compare.preset_basis.{settings.preset}") if settings.preset else "",
            "weights": weights_rows(comparison, colours),
            "ranking_header": list(ranking.columns),
            "ranking_rows": ranking.astype(str).values.tolist(),
            "bars": contribution_bars(comparison, names, colours),
            "contrib_note": t("report.contrib_note"),
            "cost_note": t("compare.cost_note", seats=fmt_number(settings.seats, "seat"),
                           level=settings.service_level, years=REFERENCE_YEARS),
            "cost_header": cost_header,
            "cost_rows": cost_table,
            "matrix_intro": t("report.matrix_intro"),
            "matrix_svg": matrix_svg(data.matrix, names),
            "matrix_header": [t(f"report.matrix_col.{k}") for k in
                              ("site", "net", "cost_index", "quality", "quality_index", "quadrant")],
            "matrix_rows": matrix_rows(data.matrix, names),
            "gap_summary": gap_summary(data.gap, names),
            "gap_header": [t(f"report.gap_col.{k}") for k in ("kind", "amount", "total", "status")],
            "gap_rows": gap_rows(data.gap) if data.gap.gap_cny_per_seat_year > 0 else [],
            "waterfalls": waterfalls,
            "cards": cards,
            "card_incentives": t("compare.incentives"),
            "no_incentives": t("compare.no_incentives"),
            "sources": report_sources(data, cards),
            "notes": report_notes(data, names),
            "footer": t("compare.report_footer", when=when),
            "page_label": t("report.page"),
        }  # fmt: skip
        return render("compare_report.html", **context)
