"""The cost model of :mod:`models.cost` for many sites at once (numpy arrays, one row a site).

:func:`compute_costs` takes a table of :class:`models.cost.CostInputs` (one column per field;
NaN or a missing optional column stands for ``None``, a missing column for the field's
default) and the incentive rules of each row, and returns one row per site with the same
figures as ``compute_cost(CostInputs(**row), rules).to_dict()``: the components, the totals
and ratios, the cost, incentives and net cost of every year and the NPVs. The arithmetic is
that of the scalar model, operation for operation, on whole columns; incentive rules are
applied row by row by :func:`models.incentives.apply_incentives` (rows without rules skip
it). Pricing the 3,446 places of a store takes a few hundredths of a second instead of about
three seconds one by one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import MISSING, fields

import numpy as np
import pandas as pd

from models.cost import (
    COMPONENTS,
    TYPICAL_DAY_CALLS_PER_HOUR,
    WAGE_COMPONENTS,
    CostInputs,
)
from models.errors import ModelInputError
from models.incentives import CenterProfile, IncentiveRule, apply_incentives

#: fields of CostInputs whose ``None`` means "derive it" (NaN in a bulk table)
OPTIONAL_FIELDS = tuple(f.name for f in fields(CostInputs) if f.default is None)
_DEFAULTS = {f.name: f.default for f in fields(CostInputs) if f.default is not MISSING}
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
_POSITIVE = (
    "paid_hours_per_fte_year",
    "supervisor_span_agents",
    "support_span_agents",
    "fitout_life_years",
    "it_life_years",
    "aht_seconds",
)


def _columns(inputs: pd.DataFrame) -> dict[str, np.ndarray]:
    """Every CostInputs field as a float array (NaN for None), defaults filled in."""
    n = len(inputs)
    unknown = set(inputs.columns) - {f.name for f in fields(CostInputs)}
    if unknown:
        raise ModelInputError(f"unknown cost inputs: {', '.join(sorted(unknown))}")
    if "seats" not in inputs.columns:
        raise ModelInputError("the cost inputs need a seats column")
    out = {}
    for f in fields(CostInputs):
        if f.name in inputs.columns:
            try:
                out[f.name] = pd.to_numeric(inputs[f.name], errors="raise").to_numpy(float)
            except (TypeError, ValueError) as exc:
                raise ModelInputError(f"{f.name} must be numbers: {exc}") from None
        else:
            default = _DEFAULTS.get(f.name)
            out[f.name] = np.full(n, np.nan if default is None else float(default))
    return out


def _check(x: dict[str, np.ndarray], index: pd.Index) -> None:
    """The checks of ``CostInputs.__post_init__``, on whole columns; names the first bad row."""

    def fail(mask: np.ndarray, message: str) -> None:
        if mask.any():
            row = index[int(np.argmax(mask))]
            raise ModelInputError(f"row {row!r}: {message}")

    seats = x["seats"]
    fail(~np.isfinite(seats) | (seats <= 0) | (seats != np.floor(seats)),
         "seats must be a positive whole number")  # fmt: skip
    for name, values in x.items():
        if name == "seats":
            continue
        missing = np.isnan(values)
        if name not in OPTIONAL_FIELDS:
            fail(missing, f"{name} must be a finite number >= 0")
        fail(
            ~missing & (~np.isfinite(values) | (values < 0)), f"{name} must be a finite number >= 0"
        )
    for name in _FRACTIONS:
        fail(x[name] > 1, f"{name} must be at most 1")
    fail(x["shrinkage"] >= 1, "shrinkage must be below 1")
    fail(x["management_overhead_rate"] >= 1, "management_overhead_rate must be below 1")
    fail((x["hours_per_day"] > 24) | (x["days_per_year"] > 366),
         "hours_per_day must be <= 24 and days_per_year <= 366")  # fmt: skip
    for name in _POSITIVE:
        fail(x[name] <= 0, f"{name} must be > 0")


def typical_fill_ratios(hours_per_day: np.ndarray) -> np.ndarray:
    """:func:`models.cost.typical_fill_ratio` of each value (0 where the hours are 0).

    Examples
    --------
    >>> typical_fill_ratios(np.array([12.0, 24.0, 0.0])).round(2).tolist()
    [0.59, 0.3, 0.0]
    """
    hours = np.asarray(hours_per_day, dtype=float)
    load = np.sort(np.asarray(TYPICAL_DAY_CALLS_PER_HOUR))[::-1] / max(TYPICAL_DAY_CALLS_PER_HOUR)
    peak_hours = np.concatenate([[0.0], np.cumsum(load)])
    out = np.zeros_like(hours)
    some = hours != 0
    out[some] = np.interp(hours[some], np.arange(25), peak_hours) / hours[some]
    return out


def _with_overhead(components: dict[str, np.ndarray], rate: np.ndarray) -> dict[str, np.ndarray]:
    others = None
    for k, v in components.items():  # added in order, as the scalar model's sum()
        if k != "management_overhead":
            others = v if others is None else others + v
    others = 0 + others  # sum() starts from 0
    return {**components, "management_overhead": others * rate / (1.0 - rate)}


def _total(values) -> np.ndarray:
    out = 0
    for v in values:
        out = out + v
    return out


def compute_costs(
    inputs: pd.DataFrame,
    rules: Sequence[Sequence[IncentiveRule]] | None = None,
    *,
    years: int = 5,
) -> pd.DataFrame:
    """Cost per seat and its components for every row of ``inputs``, with incentives.

    Parameters
    ----------
    inputs : DataFrame
        One row per site, columns named after the fields of :class:`models.cost.CostInputs`
        (``seats`` required; a missing column takes the field's default, NaN in an optional
        column means ``None``).
    rules : sequence of rule lists, optional
        The incentive rules of each row (same length as ``inputs``); none by default.
    years : int
        Years of the multi-year view (1 to 50).

    Returns
    -------
    DataFrame
        Same index as ``inputs``. The scalar fields of ``CostBreakdown.to_dict()`` (``fte``,
        ``per_seat_per_year``, ``net_per_seat_per_year``, ``npv_per_seat`` ...), one
        ``component.<name>`` column per component (CNY per seat per year, as ``to_dict``), and
        per year ``year<k>.cost_cny``, ``year<k>.incentives_cny`` and ``year<k>.net_cny``.

    Examples
    --------
    >>> from models.cost import compute_cost
    >>> out = compute_costs(pd.DataFrame({"seats": [500, 80], "hours_per_day": [12.0, 24.0]}))
    >>> one = compute_cost(CostInputs(seats=80, hours_per_day=24.0)).to_dict()
    >>> bool(abs(out["net_per_seat_per_year"].iloc[1] / one["net_per_seat_per_year"] - 1) < 1e-12)
    True
    """
    if not isinstance(years, int) or years < 1 or years > 50:
        raise ModelInputError("years must be a whole number from 1 to 50")
    n = len(inputs)
    if rules is not None and len(rules) != n:
        raise ModelInputError(f"rules for {len(rules)} rows given for {n} rows of inputs")
    x = _columns(inputs)
    _check(x, inputs.index)
    seats = x["seats"]

    fill = np.where(
        np.isnan(x["seat_fill_ratio"]),
        typical_fill_ratios(x["hours_per_day"]),
        x["seat_fill_ratio"],
    )
    peak_agents = seats / (1.0 + x["seat_spare_ratio"])
    hours_open = x["hours_per_day"] * x["days_per_year"]
    agent_hours = peak_agents * hours_open * fill
    fte = np.where(
        np.isnan(x["fte_per_seat"]),
        agent_hours / (x["paid_hours_per_fte_year"] * (1.0 - x["shrinkage"])),
        seats * x["fte_per_seat"],
    )
    productive = fte * x["paid_hours_per_fte_year"] * (1.0 - x["shrinkage"])
    contacts = np.where(
        np.isnan(x["contacts_per_year"]),
        productive * x["occupancy"] * 3600.0 / x["aht_seconds"],
        x["contacts_per_year"],
    )

    # steady year (models.cost._annual_components)
    wage_year = x["agent_wage_cny_per_month"] * 12.0
    floor = x["contribution_base_floor_cny_per_month"]
    base = np.maximum(x["agent_wage_cny_per_month"], floor) * 12.0
    oncost_rate = x["social_insurance_employer_rate"] + x["housing_fund_employer_rate"]

    def loaded(multiple: np.ndarray) -> np.ndarray:
        wage = wage_year * multiple
        return wage + np.maximum(wage, floor * 12.0) * oncost_rate

    area = seats * x["floor_area_m2_per_seat"]
    it_capex = seats * x["it_capex_cny_per_seat"]
    weeks_wage = wage_year / 52.0 * x["training_weeks_per_hire"]
    components = {
        "agent_wages": fte * wage_year,
        "agent_social_insurance_housing_fund": fte * base * oncost_rate,
        "supervisors": fte / x["supervisor_span_agents"] * loaded(x["supervisor_wage_multiple"]),
        "support_staff": fte / x["support_span_agents"] * loaded(x["support_wage_multiple"]),
        "rent": area * x["rent_cny_per_m2_month"] * 12.0,
        "fitout_amortisation": area * x["fitout_cny_per_m2"] / x["fitout_life_years"],
        "it_cti_amortisation": it_capex / x["it_life_years"],
        "it_maintenance": it_capex * x["it_maintenance_rate_per_year"],
        "telecom": seats * x["telecom_cny_per_seat_month"] * 12.0
        + contacts * x["aht_seconds"] / 60.0 * x["telecom_cny_per_minute"],
        "utilities": agent_hours * x["electricity_kwh_per_seat_hour"] * x["electricity_cny_per_kwh"]
        + area * x["property_fee_cny_per_m2_month"] * 12.0,
        "recruiting_training": fte
        * x["attrition_rate_per_year"]
        * (x["recruiting_cny_per_hire"] + weeks_wage * (1.0 + oncost_rate)),
    }
    rate = x["management_overhead_rate"]
    components = _with_overhead(components, rate)
    total = _total(components.values())
    ramp_up = fte * (
        x["recruiting_cny_per_hire"]
        + x["agent_wage_cny_per_month"] * 12.0 / 52.0 * x["training_weeks_per_hire"]
        * (1.0 + oncost_rate)
    )  # fmt: skip
    investment = np.where(
        np.isnan(x["investment_cny"]),
        seats * (x["floor_area_m2_per_seat"] * x["fitout_cny_per_m2"] + x["it_capex_cny_per_seat"]),
        x["investment_cny"],
    )
    fixed_revenue = x["revenue_cny_per_year"]
    has_revenue = ~np.isnan(fixed_revenue)

    # the years (models.cost.compute_cost)
    costs, rents, fiscal, hires, training = [], [], [], [], []
    for y in range(1, years + 1):
        growth = (1.0 + x["wage_growth_per_year"]) ** (y - 1)
        comp = {k: v * growth if k in WAGE_COMPONENTS else v for k, v in components.items()}
        comp = _with_overhead(comp, rate)
        first = ramp_up if y == 1 else 0.0
        cost = _total(comp.values()) + first
        labour = _total(comp[k] for k in WAGE_COMPONENTS) + first
        revenue = np.where(has_revenue, fixed_revenue, cost * (1.0 + x["revenue_margin"]))
        vat = x["vat_rate"] * np.maximum(revenue - (cost - labour), 0.0)
        cit = x["cit_rate"] * np.maximum(revenue - cost, 0.0)
        costs.append(cost)
        rents.append(comp["rent"])
        fiscal.append(
            x["county_share_of_local"] * (x["vat_local_share"] * vat + x["cit_local_share"] * cit)
        )
        hires.append(
            fte * (1.0 + x["attrition_rate_per_year"])
            if y == 1
            else fte * x["attrition_rate_per_year"]
        )
        training.append(comp["recruiting_training"] + first)
    revenue_steady = np.where(has_revenue, fixed_revenue, total * (1.0 + x["revenue_margin"]))

    saved = np.zeros((years, n))
    if rules is not None:
        for i, site_rules in enumerate(rules):
            if not site_rules:
                continue
            profile = CenterProfile(
                seats=int(seats[i]),
                floor_area_m2=float(area[i]),
                investment_cny=float(investment[i]),
                revenue_cny_per_year=float(revenue_steady[i]),
                rent_cny=[float(r[i]) for r in rents],
                county_fiscal_contribution_cny=[float(f[i]) for f in fiscal],
                new_hires=[float(h[i]) for h in hires],
                training_cost_cny=[float(t[i]) for t in training],
            )
            saved[:, i] = apply_incentives(list(site_rules), profile, years).per_year(years)

    discount = [(1.0 + x["discount_rate"]) ** -y for y in range(1, years + 1)]
    npv_before = _total(c * d for c, d in zip(costs, discount, strict=True))
    npv = _total((c - s) * d for c, s, d in zip(costs, saved, discount, strict=True))
    saved_total = _total(saved[k] for k in range(years))
    labour_total = _total(components[k] for k in WAGE_COMPONENTS)
    handled_minutes = contacts * x["aht_seconds"] / 60.0
    with np.errstate(divide="ignore", invalid="ignore"):
        out = {
            "seats": seats.astype(int),
            "fte": fte,
            "fte_per_seat": fte / seats,
            "peak_agents": peak_agents,
            "seat_fill_ratio": fill,
            "agent_hours_per_year": agent_hours,
            "productive_hours_per_year": productive,
            "contacts_per_year": contacts,
            "headcount": fte
            * (1.0 + 1.0 / x["supervisor_span_agents"] + 1.0 / x["support_span_agents"]),
            "labour_share": np.where(total != 0, labour_total / total, 0.0),
            "per_seat_per_year": total / seats,
            "per_fte_per_year": np.where(fte != 0, total / fte, np.inf),
            "per_productive_hour": np.where(productive != 0, total / productive, np.inf),
            "per_contact": np.where(contacts != 0, total / contacts, np.inf),
            "per_handled_minute": np.where(handled_minutes != 0, total / handled_minutes, np.inf),
            "total_cny_per_year": total,
            **{f"component.{k}": components[k] / seats for k in COMPONENTS},
            "incentives_cny_per_seat_year": saved_total / years / seats,
            "net_per_seat_per_year": (total - saved_total / years) / seats,
            "gross_per_seat_per_year_average": _total(costs) / years / seats,
            "npv_cny": npv,
            "npv_cny_before_incentives": npv_before,
            "npv_per_seat": npv / seats,
            "npv_per_seat_before_incentives": npv_before / seats,
        }
    for k in range(years):
        out[f"year{k + 1}.cost_cny"] = costs[k]
        out[f"year{k + 1}.incentives_cny"] = saved[k]
        out[f"year{k + 1}.net_cny"] = costs[k] - saved[k]
    return pd.DataFrame(out, index=inputs.index)
