"""Compare sites: 2-5 cities or parks ranked, priced, placed on the cost-quality matrix, and
the incentive that would close the gap between two of them.

The Compare page (with its cached store reads) and ``parkbench report compare`` call the same
functions: :func:`price_sites` (the cost model per site, through ``usecases.pricing``),
:func:`build_cost_quality` (``models.cost_quality``), :func:`build_gap` (``models.gap``) and
:func:`site_rules` (the incentives that apply, ``data.inputs.incentives``);
:func:`compare_sites` does all of it from an open store.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import pandas as pd
import sqlite_utils

from data.inputs.cost import CostContext
from data.inputs.incentives import rule_applies
from data.inputs.site_facts import site_incentives, site_indicators, site_names_en
from models.cost import CURVE_TARGETS, CostBreakdown, service_level_label
from models.cost_quality import CostQualityMatrix, CostQualitySite, compute_cost_quality
from models.criteria import DEFAULT_CRITERIA
from models.errors import ModelInputError
from models.gap import GapAnalysis, close_gap_options
from models.site_ranking import SiteComparison
from usecases.pricing import (
    REFERENCE_SEATS,
    REFERENCE_YEARS,
    basis_summary,
    incentive_rules,
    price_context,
    site_context,
)
from usecases.ranking import compare_sites as rank_chosen
from usecases.ranking import criteria_table
from usecases.staffing import capacity as calls_per_hour_at

#: criterion -> group of the built-in criteria (the matrix leaves the cost groups out)
CRITERION_GROUPS = {c.name: c.group for c in DEFAULT_CRITERIA}


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


@dataclass(frozen=True)
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
        kind, errors = basis_summary(self.context)
        return {
            "gross_cny_per_seat_year": b.per_seat_per_year,
            "incentives_cny_per_seat_year": b.per_seat_per_year - b.net_per_seat_per_year,
            "net_cny_per_seat_year": b.net_per_seat_per_year,
            "cny_per_contact": b.per_contact,
            "calls_per_hour_capacity": self.calls_per_hour,
            "cost_inputs": kind,
            "cost_input_errors": errors,
        }


def price_sites(
    db: sqlite_utils.Database | None,
    records: Sequence[dict],
    city_names: dict[str, str],
    settings: CompareSettings,
    *,
    cost_context: Callable[[str, str | None], CostContext] | None = None,
    capacity: Callable[[int, float, float, float], float] | None = None,
) -> dict[str, SiteCost]:
    """Each compared site priced as a center of ``settings.seats`` seats at its service level.

    The seats answer a peak hour of as many calls as they can at the target
    (``models.capacity``); the site's incentives are those of ``data.inputs.incentives``.
    ``cost_context(city, park)`` and ``capacity(agents, aht, sl, seconds)`` may replace the
    store reads and the capacity model by cached ones (the page's).
    """
    load = cost_context or (lambda city, park: site_context(db, city, park))
    capacity = capacity or calls_per_hour_at
    target_sl, answer_seconds = settings.target
    out = {}
    for r in records:
        city = city_names.get(r["adcode"], r["name"])
        park = r["name"] if r["kind"] == "park" else None
        ctx = load(city, park)
        aht = float(ctx.values["aht_seconds"])
        calls = capacity(settings.seats, aht, target_sl, answer_seconds)
        price = price_context(
            ctx,
            seats=settings.seats,
            calls_per_hour=calls,
            aht_seconds=aht,
            target_sl=target_sl,
            answer_seconds=answer_seconds,
            years=REFERENCE_YEARS,
        )
        out[r["id"]] = SiteCost(price.breakdown, ctx, calls)
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
    """The gap-closing incentive: ``models.gap.close_gap_options`` for the settings' site
    against its rival, on the site's own inputs and incentive rules."""
    site, rival = gap_pair(comparison.records, settings.site, settings.rival)
    mine = costs[site["id"]]
    return close_gap_options(
        site["id"],
        mine.breakdown.inputs,
        list(incentive_rules(mine.context)),
        rival["id"],
        costs[rival["id"]].net,
        years=len(mine.breakdown.years),
        subsidy_years=settings.subsidy_years,
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


def site_rules(incentives: pd.DataFrame, record: dict, city_names: dict[str, str]) -> list[dict]:
    """The rows of a ``data.inputs.site_facts.site_incentives`` frame that apply to the
    compared site ``record`` (the one rule of ``data.inputs.incentives``)."""
    park_id = record["id"].removeprefix("park:") if record["kind"] == "park" else None
    names = (city_names.get(record["adcode"]),) + ((record["name"],) if not park_id else ())
    site = {"adcode": record["adcode"], "city_names": names, "park_id": park_id}
    rows = [
        {k: (None if v is None or v != v else v) for k, v in row.items()}  # NaN -> None
        for row in incentives.to_dict("records")
    ]
    return [row for row in rows if rule_applies(row, **site)]


def site_ids(records: Sequence[dict]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(city adcodes, park ids) of the compared sites."""
    adcodes = tuple(dict.fromkeys(r["adcode"] for r in records))
    park_ids = tuple(r["id"].removeprefix("park:") for r in records if r["kind"] == "park")
    return adcodes, park_ids


@dataclass(frozen=True)
class CompareData:
    """Everything the Compare page and report show."""

    settings: CompareSettings
    comparison: SiteComparison
    costs: dict[str, SiteCost]
    matrix: CostQualityMatrix
    gap: GapAnalysis
    counts: dict[str, tuple[int, int]]
    city_names: dict[str, str]
    indicators: pd.DataFrame
    incentives: pd.DataFrame
    names_en: dict[str, str] = field(default_factory=dict)


def compare_sites(db: sqlite_utils.Database, settings: CompareSettings) -> CompareData:
    """Everything of the comparison from an open store (the CLI's report)."""
    table = criteria_table(db, include_parks=True)
    comparison = rank_chosen(
        table, settings.chosen, preset=settings.preset, weights=settings.weights,
        method=settings.method,
    )  # fmt: skip
    rows = {r["id"]: r for r in table.to_dict("records")}
    city_names = {r["adcode"]: r["name"] for r in rows.values() if r["kind"] == "city"}
    costs = price_sites(db, comparison.records, city_names, settings)
    adcodes, park_ids = site_ids(comparison.records)
    names = tuple(dict.fromkeys(city_names.get(a) for a in adcodes if city_names.get(a)))
    incentives = site_incentives(db, adcodes, park_ids, city_names=names)
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
