"""What closes the gap: the incentive that makes a site's net cost per seat tie a rival's.

For a site priced by :func:`models.cost.compute_cost` (its inputs and incentive rules) and a
rival's net cost per seat per year (CNY, after incentives, averaged over ``years``), each
function finds the amount of one *new* incentive that brings the site's net cost down to the
rival's, on top of the site's own rules:

==================  ==========================================  ==================================
kind                amount                                      rule added to the cost model
==================  ==========================================  ==================================
``rent``            CNY per m2 per month, for ``subsidy_years`` ``rent_reduction``, ``amount_cny``
                    years from year 1                           per m2 per month (never more than
                                                                the rent: cap = the rent itself)
``seat``            CNY per seat, paid once in year 1           ``seat_subsidy``
``training``        CNY per new hire, every year of the         ``training_subsidy`` (hires: the
                    horizon (year 1 hires the whole staff)      initial staff, then the leavers)
``tax_rebate``      share of the county-level fiscal            ``tax_rebate``, ``rate`` (at most
                    contribution rebated, for ``subsidy_years`` 1 = 100 %)
==================  ==========================================  ==================================

The net cost is linear in each amount until a cap binds, so the amount is solved in closed
form from two evaluations of the cost model (slope = saving per unit of the amount); the
result is checked by pricing the site again, and when a cap makes the cost non-linear the
amount is found by a bracketed root search (``scipy.optimize.brentq``) on ``[0, cap]``. When
even the cap (free rent, a 100 % rebate) leaves a gap, the result says so and gives the gap
that remains. A site already at or below the rival's net cost needs nothing.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from models.cost import CostInputs, compute_cost
from models.errors import ModelInputError
from models.incentives import IncentiveRule

#: incentive kinds a gap can be closed with, in the order they are shown
GAP_KINDS: tuple[str, ...] = ("rent", "seat", "training", "tax_rebate")
#: unit of each kind's amount
GAP_UNITS: dict[str, str] = {
    "rent": "CNY/m2/month",
    "seat": "CNY/seat",
    "training": "CNY/hire",
    "tax_rebate": "fraction",
}
#: name of the rule added to the cost model (kept apart from the site's own rules)
GAP_RULE_NAME = "gap-closing incentive"
#: the tie is reached to within this many CNY per seat per year
TOLERANCE_CNY = 0.01


@dataclass(frozen=True)
class GapClosure:
    """The amount of one incentive kind that makes the site tie the rival (or why none can).

    ``status``: ``"closes"`` (``amount`` ties the two), ``"no_gap"`` (the site is already at or
    below the rival's net cost; ``amount`` is 0) or ``"cannot_close"`` (even ``cap`` leaves
    ``remaining_gap_cny_per_seat_year``; ``amount`` is None). ``rule`` is the incentive rule
    that, added to the site's rules, gives ``net_after_cny_per_seat_year``.
    """

    kind: str
    unit: str
    status: str
    amount: float | None
    cap: float | None
    subsidy_years: int
    gap_cny_per_seat_year: float
    remaining_gap_cny_per_seat_year: float
    net_before_cny_per_seat_year: float
    net_after_cny_per_seat_year: float
    target_net_cny_per_seat_year: float
    total_cny: float
    method: str
    rule: IncentiveRule | None

    def to_dict(self) -> dict:
        out = {
            k: getattr(self, k)
            for k in (
                "kind", "unit", "status", "amount", "cap", "subsidy_years",
                "gap_cny_per_seat_year", "remaining_gap_cny_per_seat_year",
                "net_before_cny_per_seat_year", "net_after_cny_per_seat_year",
                "target_net_cny_per_seat_year", "total_cny", "method",
            )
        }  # fmt: skip
        return out


def gap_rule(kind: str, amount: float, *, subsidy_years: int = 3) -> IncentiveRule:
    """The incentive rule of ``kind`` worth ``amount`` (units: :data:`GAP_UNITS`).

    Examples
    --------
    >>> r = gap_rule("rent", 20.0, subsidy_years=3)
    >>> (r.kind, r.amount_cny, r.amount_unit, r.duration_years)
    ('rent_reduction', 20.0, 'CNY/m2/month', 3.0)
    >>> gap_rule("tax_rebate", 0.4).rate
    0.4
    """
    if kind not in GAP_KINDS:
        raise ModelInputError(
            f"unknown gap-closing incentive {kind!r}; choose {', '.join(GAP_KINDS)}"
        )
    if not math.isfinite(amount) or amount < 0:
        raise ModelInputError(f"the {kind} amount must be a finite number >= 0, got {amount!r}")
    if kind == "rent":
        return IncentiveRule(
            GAP_RULE_NAME, "rent_reduction", amount_cny=amount, amount_unit="CNY/m2/month",
            duration_years=float(subsidy_years),
        )  # fmt: skip
    if kind == "seat":
        return IncentiveRule(
            GAP_RULE_NAME, "seat_subsidy", amount_cny=amount, amount_unit="CNY/seat"
        )
    if kind == "training":
        return IncentiveRule(
            GAP_RULE_NAME, "training_subsidy", amount_cny=amount, amount_unit="CNY/hire"
        )
    if amount > 1:
        raise ModelInputError(f"a tax rebate rate is at most 1 (100 %), got {amount:g}")
    return IncentiveRule(
        GAP_RULE_NAME, "tax_rebate", rate=amount, duration_years=float(subsidy_years)
    )


def net_with(
    inputs: CostInputs,
    rules: Sequence[IncentiveRule],
    kind: str,
    amount: float,
    *,
    years: int = 5,
    subsidy_years: int = 3,
) -> float:
    """Net cost per seat per year of the site with ``amount`` of ``kind`` added to its rules."""
    extra = [gap_rule(kind, amount, subsidy_years=subsidy_years)] if amount > 0 else []
    return compute_cost(inputs, [*rules, *extra], years=years).net_per_seat_per_year


def _cap(kind: str, inputs: CostInputs) -> float | None:
    if kind == "rent":
        return float(inputs.rent_cny_per_m2_month)  # the model never pays more than the rent
    if kind == "tax_rebate":
        return 1.0
    return None


def close_gap(
    inputs: CostInputs,
    rules: Sequence[IncentiveRule],
    target_net_cny_per_seat_year: float,
    kind: str,
    *,
    years: int = 5,
    subsidy_years: int = 3,
) -> GapClosure:
    """The amount of ``kind`` that brings the site's net cost per seat down to the target.

    Parameters
    ----------
    inputs, rules : CostInputs, sequence of IncentiveRule
        The site as the cost model prices it (its own incentive rules included).
    target_net_cny_per_seat_year : float
        The rival's net cost per seat per year after incentives (CNY).
    kind : str
        One of :data:`GAP_KINDS`.
    years : int
        Horizon of the cost model (incentives are averaged over it).
    subsidy_years : int
        Years the rent subsidy or tax rebate runs, from year 1 (at most ``years``).

    Examples
    --------
    >>> x = CostInputs(seats=100)
    >>> base = compute_cost(x).net_per_seat_per_year
    >>> g = close_gap(x, [], base - 1000.0, "seat")
    >>> g.status, round(g.amount)
    ('closes', 5000)
    >>> close_gap(x, [], base + 1.0, "seat").status
    'no_gap'
    """
    if kind not in GAP_KINDS:
        raise ModelInputError(
            f"unknown gap-closing incentive {kind!r}; choose {', '.join(GAP_KINDS)}"
        )
    if not isinstance(subsidy_years, int) or not 1 <= subsidy_years <= years:
        raise ModelInputError(f"subsidy_years must be a whole number from 1 to {years}")
    if not math.isfinite(target_net_cny_per_seat_year):
        raise ModelInputError("the rival's net cost per seat must be a finite number")
    rules = list(rules)
    target = float(target_net_cny_per_seat_year)

    def net(amount: float) -> float:
        return net_with(inputs, rules, kind, amount, years=years, subsidy_years=subsidy_years)

    def result(status, amount, after, method, remaining=0.0) -> GapClosure:
        rule = (
            gap_rule(kind, amount, subsidy_years=subsidy_years)
            if amount is not None and amount > 0
            else None
        )
        total = (before - after) * inputs.seats * years if amount is not None else 0.0
        return GapClosure(
            kind=kind, unit=GAP_UNITS[kind], status=status, amount=amount, cap=cap,
            subsidy_years=subsidy_years, gap_cny_per_seat_year=before - target,
            remaining_gap_cny_per_seat_year=remaining, net_before_cny_per_seat_year=before,
            net_after_cny_per_seat_year=after, target_net_cny_per_seat_year=target,
            total_cny=total, method=method, rule=rule,
        )  # fmt: skip

    before = net(0.0)
    cap = _cap(kind, inputs)
    if before <= target + TOLERANCE_CNY:
        return result("no_gap", 0.0, before, "none needed")
    gap = before - target
    if cap is not None and cap <= 0:
        return result("cannot_close", None, before, "cap reached", remaining=gap)
    # saving per unit of the amount, from a probe well inside any cap
    probe = cap / 2.0 if cap else 1.0
    slope = (before - net(probe)) / probe
    if slope <= 0:
        return result("cannot_close", None, before, "no saving", remaining=gap)
    if cap is not None:
        at_cap = net(cap)
        if at_cap > target + TOLERANCE_CNY:
            return result("cannot_close", None, at_cap, "cap reached", remaining=at_cap - target)
    amount = gap / slope
    after = net(amount)
    if abs(after - target) <= TOLERANCE_CNY:
        return result("closes", amount, after, "closed form")
    # not linear (a cap binds): bracket [0, hi] and search
    from scipy.optimize import brentq

    hi = cap if cap is not None else amount
    while cap is None and net(hi) > target:
        hi *= 2.0
    amount = float(brentq(lambda a: net(a) - target, 0.0, hi, xtol=1e-9, rtol=1e-12))
    return result("closes", amount, net(amount), "root search (brentq)")


@dataclass(frozen=True)
class GapAnalysis:
    """Every incentive kind that could make ``site`` tie ``rival`` on net cost per seat."""

    site: str
    rival: str
    site_net_cny_per_seat_year: float
    rival_net_cny_per_seat_year: float
    years: int
    subsidy_years: int
    options: tuple[GapClosure, ...]

    @property
    def gap_cny_per_seat_year(self) -> float:
        return self.site_net_cny_per_seat_year - self.rival_net_cny_per_seat_year

    def to_dict(self) -> dict:
        return {
            "site": self.site,
            "rival": self.rival,
            "site_net_cny_per_seat_year": self.site_net_cny_per_seat_year,
            "rival_net_cny_per_seat_year": self.rival_net_cny_per_seat_year,
            "gap_cny_per_seat_year": self.gap_cny_per_seat_year,
            "years": self.years,
            "subsidy_years": self.subsidy_years,
            "options": [o.to_dict() for o in self.options],
        }


def close_gap_options(
    site: str,
    inputs: CostInputs,
    rules: Sequence[IncentiveRule],
    rival: str,
    rival_net_cny_per_seat_year: float,
    *,
    years: int = 5,
    subsidy_years: int = 3,
    kinds: Sequence[str] = GAP_KINDS,
) -> GapAnalysis:
    """:func:`close_gap` for each of ``kinds``: what the site would need to tie the rival.

    Examples
    --------
    >>> x = CostInputs(seats=100)
    >>> rival = compute_cost(x).net_per_seat_per_year - 2000.0
    >>> a = close_gap_options("A", x, [], "B", rival)
    >>> [o.status for o in a.options]
    ['closes', 'closes', 'closes', 'closes']
    """
    options = tuple(
        close_gap(
            inputs, rules, rival_net_cny_per_seat_year, kind, years=years,
            subsidy_years=subsidy_years,
        )
        for kind in kinds
    )  # fmt: skip
    site_net = options[0].net_before_cny_per_seat_year if options else math.nan
    return GapAnalysis(
        site=site,
        rival=rival,
        site_net_cny_per_seat_year=site_net,
        rival_net_cny_per_seat_year=float(rival_net_cny_per_seat_year),
        years=years,
        subsidy_years=subsidy_years,
        options=options,
    )
