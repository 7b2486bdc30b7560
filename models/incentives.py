"""Park and city incentives applied as rules, year by year, never as a single discount.

An :class:`IncentiveRule` mirrors a row of the ``incentives`` table (see ``data/schema/tables.py``).
Rules sharing a ``name`` and ``kind`` are tiers of one policy: the highest ``tier`` whose
thresholds (investment, revenue, seats) the center meets is the one that applies, e.g. the
Miyun rule (30% of the county-level share of VAT, business and income tax for three years with
investment >= 10 m CNY and revenue >= 50 m CNY; 50% with >= 50 m and >= 300 m CNY).

How a rule turns into CNY saved in year ``y`` (1 = the first year in the park), in the years
``start_year_offset .. start_year_offset + duration_years - 1`` (all years when no duration):

==========================  ==================================================================
kind                        saving
==========================  ==================================================================
``tax_rebate``              ``rate`` x county-level fiscal contribution of the year
``rent_reduction``          ``rate`` x rent of the year, or ``amount_cny`` per m2 per month x
                            floor area x 12; never more than the rent
``seat_subsidy``            ``amount_cny`` x seats, once in the first active year (per year
                            when the unit says so)
``training_subsidy``        ``amount_cny`` x new hires of the year (or ``rate`` x training cost)
``certification_subsidy``   ``amount_cny`` once
``other``                   ``amount_cny`` once (per year when the unit says so)
==========================  ==================================================================

``cap_cny`` caps the total a rule pays over all years. Every saving is >= 0, so an incentive
never raises net cost.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, fields

from data.notes import Note
from models.errors import ModelInputError

KINDS = (
    "tax_rebate",
    "rent_reduction",
    "seat_subsidy",
    "certification_subsidy",
    "training_subsidy",
    "other",
)


@dataclass(frozen=True)
class IncentiveRule:
    """One row of the ``incentives`` table (units: CNY, fraction, years)."""

    name: str
    kind: str
    id: str | None = None
    park_id: str | None = None
    city: str | None = None
    city_adcode: str | None = None
    basis: str | None = None
    rate: float | None = None
    amount_cny: float | None = None
    amount_unit: str | None = None
    cap_cny: float | None = None
    duration_years: float | None = None
    start_year_offset: int | None = None
    min_investment_cny: float | None = None
    min_revenue_cny: float | None = None
    min_seats: int | None = None
    tier: int | None = None
    conditions: str | None = None

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ModelInputError(f"incentive {self.name!r}: unknown kind {self.kind!r}")
        if self.rate is not None and not 0 <= self.rate <= 1:
            raise ModelInputError(f"incentive {self.name!r}: rate must be in [0, 1]")
        for name in ("amount_cny", "cap_cny", "duration_years"):
            value = getattr(self, name)
            if value is not None and value < 0:
                raise ModelInputError(f"incentive {self.name!r}: {name} must be >= 0")

    @classmethod
    def from_row(cls, row: dict) -> IncentiveRule:
        """Build a rule from a table row, ignoring columns the rule does not use."""
        names = {f.name for f in fields(cls)}
        values = {k: v for k, v in row.items() if k in names}
        for key in (
            "rate",
            "amount_cny",
            "cap_cny",
            "duration_years",
            "min_investment_cny",
            "min_revenue_cny",
        ):
            if values.get(key) is not None:
                values[key] = float(values[key])
        for key in ("start_year_offset", "min_seats", "tier"):
            if values.get(key) is not None:
                values[key] = int(values[key])
        return cls(**values)

    @property
    def group(self) -> tuple[str, str]:
        return (self.name, self.kind)

    def thresholds_met(self, profile: CenterProfile) -> tuple[bool, Note | None]:
        """Whether the center meets the rule's thresholds, and the first one it misses (a note
        ``below_threshold`` with ``what``, ``have`` (None when unknown) and ``need``)."""
        checks = (
            ("investment", self.min_investment_cny, profile.investment_cny),
            ("revenue", self.min_revenue_cny, profile.revenue_cny_per_year),
            ("seats", self.min_seats, profile.seats),
        )
        for label, need, have in checks:
            if need is not None and (have is None or have < need):
                return False, Note(
                    "below_threshold",
                    what=label,
                    have=None if have is None else float(have),
                    need=float(need),
                )
        return True, None

    def per_year(self) -> bool:
        unit = (self.amount_unit or "").lower()
        return "year" in unit or "年" in unit or "month" in unit or "月" in unit

    def active(self, year: int) -> bool:
        start = self.start_year_offset or 1
        if self.duration_years is None:
            return year >= start
        return start <= year < start + math.ceil(self.duration_years)


@dataclass(frozen=True)
class CenterProfile:
    """What incentives are computed on, per year (lists are indexed by year - 1)."""

    seats: int
    floor_area_m2: float
    investment_cny: float
    revenue_cny_per_year: float
    rent_cny: list[float]
    county_fiscal_contribution_cny: list[float]
    new_hires: list[float]
    training_cost_cny: list[float] = field(default_factory=list)


@dataclass(frozen=True)
class IncentiveResult:
    """Savings per rule and year, the rules that apply and the ones that do not (with reasons)."""

    savings_by_rule: dict[str, list[float]]
    applied: dict[str, IncentiveRule]
    skipped: dict[str, Note]

    def per_year(self, years: int) -> list[float]:
        return [sum(s[y] for s in self.savings_by_rule.values()) for y in range(years)]


def _label(rule: IncentiveRule) -> str:
    return rule.name if rule.tier is None else f"{rule.name} (tier {rule.tier})"


def _saving(rule: IncentiveRule, profile: CenterProfile, y: int, first_active: bool) -> float:
    i = y - 1
    amount = rule.amount_cny or 0.0
    if rule.kind == "tax_rebate":
        if rule.rate is not None:
            return rule.rate * max(profile.county_fiscal_contribution_cny[i], 0.0)
        return amount if (rule.per_year() or first_active) else 0.0
    if rule.kind == "rent_reduction":
        rent = profile.rent_cny[i]
        if rule.rate is not None:
            return rule.rate * rent
        unit = (rule.amount_unit or "").lower()
        if "m2" in unit or "平方米" in unit:
            return min(amount * profile.floor_area_m2 * 12.0, rent)
        return min(amount, rent) if (rule.per_year() or first_active) else 0.0
    if rule.kind == "seat_subsidy":
        return amount * profile.seats if (rule.per_year() or first_active) else 0.0
    if rule.kind == "training_subsidy":
        if rule.rate is not None and profile.training_cost_cny:
            return rule.rate * profile.training_cost_cny[i]
        return amount * profile.new_hires[i]
    return amount if (rule.per_year() or first_active) else 0.0


def apply_incentives(rules, profile: CenterProfile, years: int) -> IncentiveResult:
    """Savings in CNY of every applicable rule for years 1..``years``.

    Examples
    --------
    >>> tiers = [
    ...     IncentiveRule("Miyun", "tax_rebate", rate=0.3, duration_years=3, tier=1,
    ...                   min_investment_cny=10e6, min_revenue_cny=50e6),
    ...     IncentiveRule("Miyun", "tax_rebate", rate=0.5, duration_years=3, tier=2,
    ...                   min_investment_cny=50e6, min_revenue_cny=300e6),
    ... ]
    >>> p = CenterProfile(500, 4650, 20e6, 60e6, [2.8e6] * 5, [1e6] * 5, [200] * 5)
    >>> apply_incentives(tiers, p, 5).savings_by_rule
    {'Miyun (tier 1)': [300000.0, 300000.0, 300000.0, 0.0, 0.0]}
    """
    if years < 1:
        raise ModelInputError("years must be at least 1")
    groups: dict[tuple[str, str], list[IncentiveRule]] = {}
    for rule in rules:
        groups.setdefault(rule.group, []).append(rule)
    savings: dict[str, list[float]] = {}
    applied: dict[str, IncentiveRule] = {}
    skipped: dict[str, Note] = {}
    for group in groups.values():
        eligible = []
        for rule in group:
            ok, why = rule.thresholds_met(profile)
            if ok:
                eligible.append(rule)
            else:
                skipped[_label(rule)] = why
        if not eligible:
            continue
        best = max(eligible, key=lambda r: r.tier or 0)
        for other in eligible:
            if other is not best:
                skipped[_label(other)] = Note("higher_tier", label=_label(best))
        row, paid, first = [], 0.0, True
        for y in range(1, years + 1):
            value = 0.0
            if best.active(y):
                value = max(_saving(best, profile, y, first), 0.0)
                first = False
                if best.cap_cny is not None:
                    value = min(value, max(best.cap_cny - paid, 0.0))
                paid += value
            row.append(value)
        savings[_label(best)] = row
        applied[_label(best)] = best
    return IncentiveResult(savings, applied, skipped)
