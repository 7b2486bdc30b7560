"""Annual cost of a call center per seat, per FTE, per productive hour and per contact.

All money in CNY, per year unless the name says otherwise. ``compute_cost`` splits the cost of a
steady year into components that add up to the total, then builds a multi-year view (wages grow,
year 1 carries the initial hiring and training) with incentives applied as rules, and the net
present value per seat before and after incentives. Formulas and every default with its source
and year: ``docs/cost.md``; defaults live in ``data/reference/cost_defaults.yaml``.

Seats are shared across shifts. Seats come from the peak number of agents logged in at once,
plus spare desks: ``peak_agents = seats / (1 + seat_spare_ratio)``. FTE come from the agent-hours
of the year: ``agent_hours = peak_agents x hours_open_per_year x seat_fill_ratio`` (the fill ratio
is average / peak agents over the opening hours) and ``fte = agent_hours / (paid_hours_per_fte_year
x (1 - shrinkage))`` unless ``fte_per_seat`` is given. Without a fill ratio, the ratio of the
busiest ``hours_per_day`` hours of a typical inbound day (``TYPICAL_DAY_CALLS_PER_HOUR``) is used,
so opening the night hours adds few agent-hours: a 7x24 center needs about 1.7 FTE per seat
(seed check: 550 seats, 920 staff, 1.67), a 7x12 one about 1.7, an 8x5 one about one.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields, replace

import numpy as np

from data.notes import Note
from models.errors import ModelInputError
from models.incentives import CenterProfile, IncentiveRule, apply_incentives
from models.staffing import StaffingResult, compute_staffing

#: calls per hour of a typical inbound day, hours 00-01 .. 23-24 (assumption: a morning peak at
#: 10:30 and an afternoon peak at 15:00 over a small night load, the profile the staffing tests
#: use; the busiest 12 hours give the 0.59 fill ratio of a 7x12 day, and a 7x24 day reproduces the
#: 1.67 staff per seat of the 7x24 seed center within 5 %). Only its shape matters.
TYPICAL_DAY_CALLS_PER_HOUR = (
    8.0, 8.0, 8.0, 8.0, 8.5, 14.9, 46.8, 137.6, 298.0, 474.9, 556.4, 495.3,
    380.4, 368.7, 432.5, 400.6, 241.8, 93.6, 28.5, 9.6, 8.0, 8.0, 8.0, 8.0,
)  # fmt: skip


def typical_fill_ratio(hours_per_day: float) -> float:
    """Average / peak load over the busiest ``hours_per_day`` hours of a typical inbound day.

    Fractional hours interpolate linearly between whole hours.

    Examples
    --------
    >>> round(typical_fill_ratio(12), 2), round(typical_fill_ratio(24), 2)
    (0.59, 0.3)
    """
    if not 0 < hours_per_day <= 24:
        raise ModelInputError("hours_per_day must be above 0 and at most 24")
    return _fill_ratio(float(hours_per_day))


@functools.lru_cache(maxsize=256)
def _fill_ratio(hours_per_day: float) -> float:
    # a few opening hours recur over thousands of priced places: each computed once
    load = np.sort(np.asarray(TYPICAL_DAY_CALLS_PER_HOUR))[::-1] / max(TYPICAL_DAY_CALLS_PER_HOUR)
    peak_hours = np.concatenate([[0.0], np.cumsum(load)])  # peak-equivalent hours of the k busiest
    return float(np.interp(hours_per_day, np.arange(25), peak_hours) / hours_per_day)


_NUMBER = (int, float)
#: inputs that are shares (at most 1)
_FRACTIONS = (
    "seat_fill_ratio",
    "shrinkage",
    "social_insurance_employer_rate",
    "housing_fund_employer_rate",
    "it_maintenance_rate_per_year",
    "occupancy",
    "vat_rate",
    "vat_local_share",
    "cit_rate",
    "cit_local_share",
    "county_share_of_local",
)


@functools.cache
def _number_fields() -> tuple[str, ...]:
    """Names of ``CostInputs``' fields but ``seats`` (read once: thousands of inputs are checked)."""
    return tuple(f.name for f in fields(CostInputs) if f.name != "seats")


@dataclass(frozen=True)
class CostInputs:
    """Inputs of the cost model, units in the names (defaults: docs/cost.md)."""

    seats: int
    hours_per_day: float = 12.0
    days_per_year: float = 365.0
    seat_fill_ratio: float | None = None
    seat_spare_ratio: float = 0.10
    fte_per_seat: float | None = None
    paid_hours_per_fte_year: float = 2000.0
    shrinkage: float = 0.30
    agent_wage_cny_per_month: float = 5695.0
    social_insurance_employer_rate: float = 0.265
    housing_fund_employer_rate: float = 0.07
    contribution_base_floor_cny_per_month: float = 0.0
    supervisor_span_agents: float = 15.0
    supervisor_wage_multiple: float = 1.6
    support_span_agents: float = 25.0
    support_wage_multiple: float = 1.5
    floor_area_m2_per_seat: float = 9.3
    rent_cny_per_m2_month: float = 50.0
    fitout_cny_per_m2: float = 1500.0
    fitout_life_years: float = 5.0
    it_capex_cny_per_seat: float = 15000.0
    it_life_years: float = 5.0
    it_maintenance_rate_per_year: float = 0.15
    telecom_cny_per_seat_month: float = 100.0
    telecom_cny_per_minute: float = 0.15
    electricity_kwh_per_seat_hour: float = 0.5
    electricity_cny_per_kwh: float = 0.8
    property_fee_cny_per_m2_month: float = 6.0
    management_overhead_rate: float = 0.08
    attrition_rate_per_year: float = 0.35
    recruiting_cny_per_hire: float = 1500.0
    training_weeks_per_hire: float = 3.0
    aht_seconds: float = 240.0
    occupancy: float = 0.8
    contacts_per_year: float | None = None
    wage_growth_per_year: float = 0.048
    discount_rate: float = 0.08
    revenue_margin: float = 0.10
    revenue_cny_per_year: float | None = None
    investment_cny: float | None = None
    vat_rate: float = 0.06
    vat_local_share: float = 0.5
    cit_rate: float = 0.25
    cit_local_share: float = 0.4
    county_share_of_local: float = 0.5

    def __post_init__(self) -> None:
        if not isinstance(self.seats, int) or self.seats <= 0:
            raise ModelInputError(f"seats must be a positive whole number, got {self.seats!r}")
        values = vars(self)  # the fields by name: thousands of inputs are checked per page
        for name in _number_fields():
            value = values[name]
            if value is None:
                continue
            if not isinstance(value, _NUMBER) or not math.isfinite(value) or value < 0:
                raise ModelInputError(f"{name} must be a finite number >= 0, got {value!r}")
        for name in _FRACTIONS:
            if values[name] is not None and values[name] > 1:
                raise ModelInputError(f"{name} must be at most 1, got {values[name]:g}")
        if self.shrinkage >= 1:
            raise ModelInputError("shrinkage must be below 1")
        if self.management_overhead_rate >= 1:
            raise ModelInputError("management_overhead_rate must be below 1")
        if self.hours_per_day > 24 or self.days_per_year > 366:
            raise ModelInputError("hours_per_day must be <= 24 and days_per_year <= 366")
        for name in (
            "paid_hours_per_fte_year",
            "supervisor_span_agents",
            "support_span_agents",
            "fitout_life_years",
            "it_life_years",
            "aht_seconds",
        ):
            if getattr(self, name) <= 0:
                raise ModelInputError(f"{name} must be > 0")

    @property
    def hours_open_per_year(self) -> float:
        return self.hours_per_day * self.days_per_year

    @property
    def fill_ratio(self) -> float:
        """``seat_fill_ratio`` if given, else that of a typical day over the opening hours."""
        if self.seat_fill_ratio is not None:
            return self.seat_fill_ratio
        return typical_fill_ratio(self.hours_per_day) if self.hours_per_day else 0.0

    @property
    def peak_agents(self) -> float:
        """Agents logged in at the busiest hour: the seats less the spare desks."""
        return self.seats / (1.0 + self.seat_spare_ratio)

    @property
    def agent_hours_per_year(self) -> float:
        """Hours agents are logged in over the year (seats are shared across shifts)."""
        return self.peak_agents * self.hours_open_per_year * self.fill_ratio

    @property
    def fte(self) -> float:
        if self.fte_per_seat is not None:
            return self.seats * self.fte_per_seat
        return self.agent_hours_per_year / (self.paid_hours_per_fte_year * (1.0 - self.shrinkage))


#: component name -> what it is (the keys of CostBreakdown.components, in order)
COMPONENTS = {
    "agent_wages": "agent gross wages",
    "agent_social_insurance_housing_fund": "employer social insurance and housing fund for agents",
    "supervisors": "team leaders by span of control, with on-costs",
    "support_staff": "QA, workforce planning, trainers, IT by span, with on-costs",
    "rent": "rent of the floor area",
    "fitout_amortisation": "fit-out of the floor area, straight line",
    "it_cti_amortisation": "PCs, headsets, ACD/CTI, recording, straight line",
    "it_maintenance": "IT/CTI maintenance and licences",
    "telecom": "lines per seat and per-minute charges",
    "utilities": "electricity and property management",
    "recruiting_training": "replacing leavers: recruiting and paid training weeks",
    "management_overhead": "center management, HR, finance, admin, consumables: a share of the total",
}

#: component -> the inputs that price it (each has a value, unit, year and source, or is
#: labelled an assumption, in data/reference/cost_defaults.yaml; a test checks it)
COMPONENT_INPUTS = {
    "agent_wages": ("agent_wage_cny_per_month", "paid_hours_per_fte_year", "shrinkage"),
    "agent_social_insurance_housing_fund": (
        "social_insurance_employer_rate",
        "housing_fund_employer_rate",
        "contribution_base_floor_cny_per_month",
    ),
    "supervisors": ("supervisor_span_agents", "supervisor_wage_multiple"),
    "support_staff": ("support_span_agents", "support_wage_multiple"),
    "rent": ("floor_area_m2_per_seat", "rent_cny_per_m2_month"),
    "fitout_amortisation": ("fitout_cny_per_m2", "fitout_life_years"),
    "it_cti_amortisation": ("it_capex_cny_per_seat", "it_life_years"),
    "it_maintenance": ("it_maintenance_rate_per_year",),
    "telecom": ("telecom_cny_per_seat_month", "telecom_cny_per_minute", "aht_seconds", "occupancy"),
    "utilities": (
        "electricity_kwh_per_seat_hour",
        "electricity_cny_per_kwh",
        "property_fee_cny_per_m2_month",
    ),
    "recruiting_training": (
        "attrition_rate_per_year",
        "recruiting_cny_per_hire",
        "training_weeks_per_hire",
    ),
    "management_overhead": ("management_overhead_rate",),
}

WAGE_COMPONENTS = (
    "agent_wages",
    "agent_social_insurance_housing_fund",
    "supervisors",
    "support_staff",
    "recruiting_training",
)


def _with_overhead(components: dict[str, float], rate: float) -> dict[str, float]:
    """Add ``management_overhead`` so that it is ``rate`` of the new total."""
    others = sum(v for k, v in components.items() if k != "management_overhead")
    return {**components, "management_overhead": others * rate / (1.0 - rate)}


@dataclass(frozen=True)
class CostBreakdown:
    """Cost of a steady year split into components, and the multi-year view with incentives."""

    inputs: CostInputs
    seats: int
    fte: float
    productive_hours_per_year: float
    contacts_per_year: float
    components: dict[str, float]
    total_cny_per_year: float
    years: list[dict]
    incentives: dict[str, dict]
    skipped_incentives: dict[str, Note]
    npv_cny_before_incentives: float
    npv_cny: float
    staffing: StaffingResult | None = None
    sources: dict[str, dict] = field(default_factory=dict)

    @property
    def headcount(self) -> float:
        """Agents (FTE) plus team leaders and support staff by their spans of control."""
        x = self.inputs
        return self.fte * (1.0 + 1.0 / x.supervisor_span_agents + 1.0 / x.support_span_agents)

    @property
    def labour_share(self) -> float:
        """Share of the steady-year cost that is staff pay, on-costs, recruiting and training."""
        labour = sum(self.components[k] for k in WAGE_COMPONENTS)
        return labour / self.total_cny_per_year if self.total_cny_per_year else 0.0

    @property
    def per_seat_per_year(self) -> float:
        return self.total_cny_per_year / self.seats

    @property
    def per_fte_per_year(self) -> float:
        return self.total_cny_per_year / self.fte if self.fte else math.inf

    @property
    def per_productive_hour(self) -> float:
        return (
            self.total_cny_per_year / self.productive_hours_per_year
            if self.productive_hours_per_year
            else math.inf
        )

    @property
    def handled_minutes_per_year(self) -> float:
        """Minutes agents spend handling contacts: contacts x AHT (talk, hold and wrap-up)."""
        return self.contacts_per_year * self.inputs.aht_seconds / 60.0

    @property
    def per_handled_minute(self) -> float:
        """Cost of one handled minute: the total over ``handled_minutes_per_year``.

        Not ``per_productive_hour / 60``: productive (logged-in) hours include the idle time
        between calls, so that would understate the cost by the idle share (1 - occupancy).
        """
        minutes = self.handled_minutes_per_year
        return self.total_cny_per_year / minutes if minutes else math.inf

    @property
    def per_contact(self) -> float:
        return (
            self.total_cny_per_year / self.contacts_per_year if self.contacts_per_year else math.inf
        )

    @property
    def net_per_seat_per_year(self) -> float:
        """Steady-year cost per seat less the average yearly incentives per seat."""
        saved = sum(y["incentives_cny"] for y in self.years) / len(self.years)
        return (self.total_cny_per_year - saved) / self.seats

    @property
    def gross_per_seat_per_year_average(self) -> float:
        return sum(y["cost_cny"] for y in self.years) / len(self.years) / self.seats

    def to_dict(self) -> dict:
        """JSON-ready dict with the contract fields of ``parkbench cost``."""
        out = {
            "seats": self.seats,
            "fte": self.fte,
            "fte_per_seat": self.fte / self.seats,
            "peak_agents": self.inputs.peak_agents,
            "seat_fill_ratio": self.inputs.fill_ratio,
            "agent_hours_per_year": self.inputs.agent_hours_per_year,
            "headcount": self.headcount,
            "labour_share": self.labour_share,
            "per_seat_per_year": self.per_seat_per_year,
            "per_fte_per_year": self.per_fte_per_year,
            "per_productive_hour": self.per_productive_hour,
            "per_contact": self.per_contact,
            "per_handled_minute": self.per_handled_minute,
            "total_cny_per_year": self.total_cny_per_year,
            "components": {k: v / self.seats for k, v in self.components.items()},
            "components_unit": "CNY per seat per year",
            "incentives": {
                name: {
                    "kind": info["kind"],
                    "per_year_cny": info["per_year_cny"],
                    "total_cny": info["total_cny"],
                    "per_seat_per_year": info["total_cny"] / len(self.years) / self.seats,
                }
                for name, info in self.incentives.items()
            },
            "incentives_not_applied": {k: v.to_dict() for k, v in self.skipped_incentives.items()},
            "net_per_seat_per_year": self.net_per_seat_per_year,
            "gross_per_seat_per_year_average": self.gross_per_seat_per_year_average,
            "npv_per_seat": self.npv_cny / self.seats,
            "npv_per_seat_before_incentives": self.npv_cny_before_incentives / self.seats,
            "discount_rate": self.inputs.discount_rate,
            "years": self.years,
            "inputs": self.sources or {k: {"value": v} for k, v in asdict(self.inputs).items()},
        }
        if self.staffing is not None:
            s = self.staffing.to_dict()
            out["staffing"] = s
            out["agents"] = s["agents"]
            out["service_level"] = s["service_level"]
        return out

    def explain(self, note_text: Callable[[Note], str] = repr) -> str:
        """The breakdown as lines of text, per seat per year (English, for the CLI).

        ``note_text`` writes a rule's reason for not applying (a :class:`~data.notes.Note`);
        the CLI passes the catalogue's renderer (``portal.notes.note_text``).
        """
        lines = [
            f"{self.seats} seats, {self.fte:.0f} FTE ({self.fte / self.seats:.2f} per seat)",
            f"Cost per seat per year: {self.per_seat_per_year:,.0f} CNY",
        ]
        for name, value in self.components.items():
            lines.append(f"  {name:<38} {value / self.seats:>12,.0f}  ({COMPONENTS[name]})")
        lines.append(
            f"Per FTE {self.per_fte_per_year:,.0f} CNY/year; per productive hour "
            f"{self.per_productive_hour:,.1f} CNY; per contact {self.per_contact:,.2f} CNY; "
            f"per handled minute {self.per_handled_minute:,.2f} CNY"
        )
        lines.append(f"Labour share of cost: {self.labour_share:.1%}")
        for name, info in self.incentives.items():
            lines.append(
                f"Incentive {name}: {info['total_cny'] / self.seats:,.0f} CNY per seat over {len(self.years)} years"
            )
        for name, why in self.skipped_incentives.items():
            lines.append(f"Not applied: {name} ({note_text(why)})")
        lines.append(
            f"Net per seat per year (incentives averaged over {len(self.years)} years): {self.net_per_seat_per_year:,.0f} CNY"
        )
        lines.append(
            f"NPV per seat at {self.inputs.discount_rate:.0%}: {self.npv_cny / self.seats:,.0f} CNY "
            f"after incentives, {self.npv_cny_before_incentives / self.seats:,.0f} CNY before"
        )
        return "\n".join(lines)


def _annual_components(x: CostInputs, fte: float, contacts: float) -> dict[str, float]:
    wage_year = x.agent_wage_cny_per_month * 12.0
    base = max(x.agent_wage_cny_per_month, x.contribution_base_floor_cny_per_month) * 12.0
    oncost_rate = x.social_insurance_employer_rate + x.housing_fund_employer_rate

    def loaded(multiple: float) -> float:
        wage = wage_year * multiple
        return wage + max(wage, x.contribution_base_floor_cny_per_month * 12.0) * oncost_rate

    area = x.seats * x.floor_area_m2_per_seat
    it_capex = x.seats * x.it_capex_cny_per_seat
    weeks_wage = wage_year / 52.0 * x.training_weeks_per_hire
    components = {
        "agent_wages": fte * wage_year,
        "agent_social_insurance_housing_fund": fte * base * oncost_rate,
        "supervisors": fte / x.supervisor_span_agents * loaded(x.supervisor_wage_multiple),
        "support_staff": fte / x.support_span_agents * loaded(x.support_wage_multiple),
        "rent": area * x.rent_cny_per_m2_month * 12.0,
        "fitout_amortisation": area * x.fitout_cny_per_m2 / x.fitout_life_years,
        "it_cti_amortisation": it_capex / x.it_life_years,
        "it_maintenance": it_capex * x.it_maintenance_rate_per_year,
        "telecom": x.seats * x.telecom_cny_per_seat_month * 12.0
        + contacts * x.aht_seconds / 60.0 * x.telecom_cny_per_minute,
        "utilities": x.agent_hours_per_year
        * x.electricity_kwh_per_seat_hour
        * x.electricity_cny_per_kwh
        + area * x.property_fee_cny_per_m2_month * 12.0,
        "recruiting_training": fte
        * x.attrition_rate_per_year
        * (x.recruiting_cny_per_hire + weeks_wage * (1.0 + oncost_rate)),
    }
    return _with_overhead(components, x.management_overhead_rate)


def county_fiscal_contribution(
    x: CostInputs, revenue: float, cost: float, labour_cost: float
) -> float:
    """County-level share of VAT and corporate income tax a center pays in a year, CNY.

    VAT payable ~ ``vat_rate x (revenue - non-labour purchases)``; income tax
    ``cit_rate x max(revenue - cost, 0)``; local shares 50% of VAT and 40% of income tax; the
    county keeps ``county_share_of_local`` of the local part.
    """
    vat = x.vat_rate * max(revenue - (cost - labour_cost), 0.0)
    cit = x.cit_rate * max(revenue - cost, 0.0)
    return x.county_share_of_local * (x.vat_local_share * vat + x.cit_local_share * cit)


def _check_years(years) -> None:
    if not isinstance(years, int) or years < 1 or years > 50:
        raise ModelInputError("years must be a whole number from 1 to 50")


def _steady_year(x: CostInputs) -> tuple[float, float, float, dict[str, float], float]:
    """(FTE, productive hours, contacts, components, total cost) of a steady year."""
    fte = x.fte
    productive = fte * x.paid_hours_per_fte_year * (1.0 - x.shrinkage)
    contacts = (
        x.contacts_per_year
        if x.contacts_per_year is not None
        else productive * x.occupancy * 3600.0 / x.aht_seconds
    )
    components = _annual_components(x, fte, contacts)
    return fte, productive, contacts, components, sum(components.values())


def compute_net_per_seat(
    inputs: CostInputs, rules: list[IncentiveRule] | tuple = (), *, years: int = 5
) -> float:
    """``compute_cost(inputs, rules, years=years).net_per_seat_per_year`` (CNY per seat per
    year), for pricing thousands of places: without rules no year saves anything, so it is the
    steady year's cost per seat, and the multi-year view is not built.

    Examples
    --------
    >>> x = CostInputs(seats=500)
    >>> compute_net_per_seat(x) == compute_cost(x).net_per_seat_per_year
    True
    """
    if rules:
        return compute_cost(inputs, rules, years=years).net_per_seat_per_year
    _check_years(years)
    total = _steady_year(inputs)[-1]
    return total / inputs.seats  # (total - 0.0 saved) / seats


def compute_cost(
    inputs: CostInputs,
    rules: list[IncentiveRule] | tuple = (),
    *,
    years: int = 5,
    staffing: StaffingResult | None = None,
    sources: dict[str, dict] | None = None,
) -> CostBreakdown:
    """Cost per seat and its components, years 1..``years`` and NPV, before and after incentives.

    Examples
    --------
    >>> c = compute_cost(CostInputs(seats=500))
    >>> round(sum(c.components.values())) == round(c.total_cny_per_year)
    True
    >>> 50_000 < c.per_seat_per_year < 300_000
    True
    """
    _check_years(years)
    x = inputs
    fte, productive, contacts, components, total = _steady_year(x)
    oncost_rate = x.social_insurance_employer_rate + x.housing_fund_employer_rate
    ramp_up = fte * (
        x.recruiting_cny_per_hire
        + x.agent_wage_cny_per_month * 12.0 / 52.0 * x.training_weeks_per_hire * (1.0 + oncost_rate)
    )
    investment = (
        x.investment_cny
        if x.investment_cny is not None
        else x.seats * (x.floor_area_m2_per_seat * x.fitout_cny_per_m2 + x.it_capex_cny_per_seat)
    )

    rows, costs, rents, fiscal, hires, training = [], [], [], [], [], []
    for y in range(1, years + 1):
        growth = (1.0 + x.wage_growth_per_year) ** (y - 1)
        comp = {k: v * growth if k in WAGE_COMPONENTS else v for k, v in components.items()}
        comp = _with_overhead(comp, x.management_overhead_rate)
        cost = sum(comp.values()) + (ramp_up if y == 1 else 0.0)
        labour = sum(comp[k] for k in WAGE_COMPONENTS) + (ramp_up if y == 1 else 0.0)
        revenue = (
            x.revenue_cny_per_year
            if x.revenue_cny_per_year is not None
            else cost * (1.0 + x.revenue_margin)
        )
        costs.append(cost)
        rents.append(comp["rent"])
        fiscal.append(county_fiscal_contribution(x, revenue, cost, labour))
        hires.append(
            fte * (1.0 + x.attrition_rate_per_year) if y == 1 else fte * x.attrition_rate_per_year
        )
        training.append(comp["recruiting_training"] + (ramp_up if y == 1 else 0.0))
        rows.append(
            {
                "year": y,
                "cost_cny": cost,
                "ramp_up_cny": ramp_up if y == 1 else 0.0,
                "revenue_cny": revenue,
            }
        )
    revenue_steady = (
        x.revenue_cny_per_year
        if x.revenue_cny_per_year is not None
        else total * (1.0 + x.revenue_margin)
    )
    profile = CenterProfile(
        seats=x.seats,
        floor_area_m2=x.seats * x.floor_area_m2_per_seat,
        investment_cny=investment,
        revenue_cny_per_year=revenue_steady,
        rent_cny=rents,
        county_fiscal_contribution_cny=fiscal,
        new_hires=hires,
        training_cost_cny=training,
    )
    result = apply_incentives(list(rules), profile, years)
    saved = result.per_year(years)
    for row, s, f in zip(rows, saved, fiscal, strict=True):
        row["county_fiscal_contribution_cny"] = f
        row["incentives_cny"] = s
        row["net_cny"] = row["cost_cny"] - s
        row["per_seat"] = row["cost_cny"] / x.seats
        row["net_per_seat"] = row["net_cny"] / x.seats
    discount = [(1.0 + x.discount_rate) ** -y for y in range(1, years + 1)]
    incentives = {
        name: {
            "kind": result.applied[name].kind,
            "per_year_cny": values,
            "total_cny": sum(values),
        }
        for name, values in result.savings_by_rule.items()
    }
    return CostBreakdown(
        inputs=x,
        seats=x.seats,
        fte=fte,
        productive_hours_per_year=productive,
        contacts_per_year=contacts,
        components=components,
        total_cny_per_year=total,
        years=rows,
        incentives=incentives,
        skipped_incentives=result.skipped,
        npv_cny_before_incentives=sum(c * d for c, d in zip(costs, discount, strict=True)),
        npv_cny=sum((c - s) * d for c, s, d in zip(costs, saved, discount, strict=True)),
        staffing=staffing,
        sources=sources or {},
    )


def cost_for_service_level(
    inputs: CostInputs,
    calls_per_hour: float,
    aht_seconds: float,
    *,
    target_sl: float | None = 0.8,
    answer_seconds: float = 20.0,
    target_asa_seconds: float | None = None,
    max_occupancy: float = 1.0,
    patience_seconds: float | None = None,
    rules: list[IncentiveRule] | tuple = (),
    years: int = 5,
    sources: dict[str, dict] | None = None,
    seats: int | None = None,
) -> CostBreakdown:
    """A service-level target becomes agents, seats, FTE and cost in one call.

    ``calls_per_hour`` is the design (peak) hour: seats = agents needed then plus
    ``seat_spare_ratio`` spare desks, rounded up (unless ``seats`` is given), and the fill ratio (average load / peak load) spreads them over the opening
    hours; contacts per year are the *handled* ones: calls per hour x opening hours x fill
    ratio x the share answered (``1 - abandon_rate`` under Erlang A), so cost per contact never
    counts calls that hung up.

    Examples
    --------
    >>> base = CostInputs(seats=1)
    >>> a = cost_for_service_level(base, 1000, 240, target_sl=0.8, answer_seconds=20)
    >>> b = cost_for_service_level(base, 1000, 240, target_sl=0.9, answer_seconds=15)
    >>> (a.staffing.agents, a.seats, b.seats), b.total_cny_per_year > a.total_cny_per_year
    ((74, 82, 85), True)
    """
    staffing = compute_staffing(
        calls_per_hour,
        aht_seconds,
        target_sl=target_sl,
        answer_seconds=answer_seconds,
        target_asa_seconds=target_asa_seconds,
        max_occupancy=max_occupancy,
        shrinkage=inputs.shrinkage,
        patience_seconds=patience_seconds,
    )
    n_seats = (
        seats
        if seats is not None
        else max(math.ceil(staffing.agents * (1.0 + inputs.seat_spare_ratio) - 1e-9), 1)
    )
    contacts = (
        calls_per_hour * inputs.hours_open_per_year * inputs.fill_ratio
    ) * staffing.handled_share
    x = replace(inputs, seats=n_seats, aht_seconds=float(aht_seconds), contacts_per_year=contacts)
    return compute_cost(x, rules, years=years, staffing=staffing, sources=sources)


def compare_service_levels(
    inputs: CostInputs, calls_per_hour: float, aht_seconds: float, targets, **kw
) -> dict[str, CostBreakdown]:
    """Cost of several (service level, seconds) targets at one site, keyed ``"80/20"`` etc.

    Examples
    --------
    >>> out = compare_service_levels(CostInputs(seats=1), 1000, 240, [(0.8, 20), (0.9, 15)])
    >>> list(out)
    ['80/20', '90/15']
    """
    out = {}
    for sl, seconds in targets:
        key = f"{sl * 100:g}/{seconds:g}"
        out[key] = cost_for_service_level(
            inputs, calls_per_hour, aht_seconds, target_sl=sl, answer_seconds=seconds, **kw
        )
    return out


#: targets of the default cost curve, loosest first: (share answered, within seconds); each is
#: at least as strict as the one before (higher share and no longer threshold)
CURVE_TARGETS = (
    (0.7, 20.0),
    (0.75, 20.0),
    (0.8, 20.0),
    (0.85, 20.0),
    (0.9, 15.0),
    (0.95, 10.0),
)


def service_level_label(target_sl: float, answer_seconds: float) -> str:
    """``"80/20"`` for 80% answered within 20 s.

    Examples
    --------
    >>> service_level_label(0.9, 15)
    '90/15'
    """
    return f"{round(target_sl * 100, 6):g}/{answer_seconds:g}"


def cost_service_level_curve(
    inputs: CostInputs,
    calls_per_hour: float,
    aht_seconds: float,
    targets=CURVE_TARGETS,
    answer_seconds: float = 20.0,
    patience_seconds: float | None = None,
    *,
    rules: list[IncentiveRule] | tuple = (),
    years: int = 5,
) -> list[dict]:
    """Agents, seats and cost of a site at each service-level target, one row per target.

    Parameters
    ----------
    inputs : CostInputs
        Cost inputs of the site (``seats`` is replaced by the agents each target needs).
    calls_per_hour, aht_seconds : float
        Design (peak) hour volume and average handle time, seconds.
    targets : iterable
        ``(share, seconds)`` pairs, or plain shares answered within ``answer_seconds``.
    patience_seconds : float or None
        Mean caller patience: Erlang A instead of Erlang C.

    Returns
    -------
    list of dict
        Per target, in the order given: ``target`` (``"80/20"``), ``target_sl``,
        ``answer_seconds``, ``service_level`` (achieved), ``agents``, ``seats``, ``fte``
        (head count employed over the year), ``per_seat_per_year``, ``net`` (net cost per seat
        per year after incentives), ``per_contact``, ``total_cny_per_year``, ``npv`` (whole
        center after incentives, CNY) and ``npv_per_seat``. Total cost, cost per contact and
        NPV never fall as a target tightens; cost per seat can dip slightly, as the per-minute
        telecom charge of a fixed call volume spreads over more seats.

    Examples
    --------
    >>> rows = cost_service_level_curve(CostInputs(seats=1), 1000, 240, [(0.8, 20), (0.9, 15)])
    >>> [(r["target"], r["agents"]) for r in rows]
    [('80/20', 74), ('90/15', 77)]
    >>> rows[1]["per_contact"] > rows[0]["per_contact"]
    True
    """
    rows = []
    for target in targets:
        if isinstance(target, tuple | list):
            sl, seconds = float(target[0]), float(target[1])
        else:
            sl, seconds = float(target), float(answer_seconds)
        c = cost_for_service_level(
            inputs,
            calls_per_hour,
            aht_seconds,
            target_sl=sl,
            answer_seconds=seconds,
            patience_seconds=patience_seconds,
            rules=rules,
            years=years,
        )
        rows.append(
            {
                "target": service_level_label(sl, seconds),
                "target_sl": sl,
                "answer_seconds": seconds,
                "service_level": c.staffing.service_level,
                "agents": c.staffing.agents,
                "seats": c.seats,
                "fte": c.fte,
                "per_seat_per_year": c.per_seat_per_year,
                "net": c.net_per_seat_per_year,
                "per_contact": c.per_contact,
                "total_cny_per_year": c.total_cny_per_year,
                "npv": c.npv_cny,
                "npv_per_seat": c.npv_cny / c.seats,
            }
        )
    return rows


#: fields of a curve row compared by ``service_level_differences``
DIFFERENCE_FIELDS = (
    "agents",
    "seats",
    "fte",
    "per_seat_per_year",
    "net",
    "per_contact",
    "total_cny_per_year",
    "npv",
)


def service_level_differences(rows: list[dict]) -> list[dict]:
    """Each row of a cost curve against the first: absolute changes and the change in total cost.

    Examples
    --------
    >>> rows = cost_service_level_curve(CostInputs(seats=1), 1000, 240, [(0.8, 20), (0.9, 15)])
    >>> d = service_level_differences(rows)[0]
    >>> d["from"], d["to"], d["agents"]
    ('80/20', '90/15', 3)
    """
    if not rows:
        return []
    base = rows[0]
    out = []
    for row in rows[1:]:
        diff = {"from": base["target"], "to": row["target"]}
        diff.update({k: row[k] - base[k] for k in DIFFERENCE_FIELDS})
        diff["total_cost_change"] = row["total_cny_per_year"] / base["total_cny_per_year"] - 1.0
        out.append(diff)
    return out
