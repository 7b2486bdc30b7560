"""Glue between the cost inputs in the store and the cost model, shared by CLI commands and pages.

No business logic here: it loads a city's (or park's) cost context with
``data.inputs.cost.load_cost_context`` and hands it to ``models.cost.compute_cost``.
"""

from __future__ import annotations

from pathlib import Path

import sqlite_utils

from data.inputs.cost import load_cost_context
from models.cost import CostInputs, compute_cost
from models.incentives import IncentiveRule

#: the reference center the site score prices: 500 seats over five years
REFERENCE_SEATS = 500
REFERENCE_YEARS = 5


def incentive_rules(ctx) -> list[IncentiveRule]:
    """The context's ``incentives`` rows as the cost model's rules."""
    return [IncentiveRule.from_row(row) for row in ctx.rules]


def net_cost_per_seat(
    city: str,
    park: str | None = None,
    db_path: str | Path | None = None,
    *,
    seats: int = REFERENCE_SEATS,
    years: int = REFERENCE_YEARS,
) -> float:
    """Net cost per seat per year (CNY, average over ``years``, after incentives) in a place."""
    ctx = load_cost_context(city, park, db_path)
    return _net(ctx, seats, years)


def has_local_inputs(ctx) -> bool:
    """True when any cost input comes from the city or park rather than national defaults."""
    return any(not str(m.get("source", "")).startswith("default:") for m in ctx.sources.values())


#: the city inputs whose basis every cost reports (sourced, estimated or national default)
CITY_INPUTS = ("agent_wage_cny_per_month", "rent_cny_per_m2_month")


def input_basis(ctx) -> dict[str, dict]:
    """Input -> its basis for the city inputs: ``ctx.basis``, or ``kind: default`` when none."""
    out = {}
    for name in CITY_INPUTS:
        b = ctx.basis.get(name)
        out[name] = dict(b) if b else {"kind": "default", "value": ctx.values.get(name)}
    return out


def describe_basis(ctx) -> list[str]:
    """One line per city input: sourced (with its year and URL), estimated (with its error)."""
    lines = []
    for name, b in input_basis(ctx).items():
        if b["kind"] == "estimated":
            lines.append(
                f"{name}: ESTIMATED from {b['indicator']} = {b['value']:,.0f} {b.get('unit') or ''} "
                f"({b['method']}; cross-validated error ±{b['error_log_rmse']:.0%} in log, "
                f"MAPE {b['error_mape']:.0%})"
            )
        elif b["kind"] == "default":
            lines.append(f"{name}: NATIONAL DEFAULT ({b['value']:g}); no figure for this city")
        else:
            lines.append(
                f"{name}: {b['kind']} {b['indicator']} = {b['value']:,.0f} "
                f"{b.get('unit') or ''} ({b.get('year')}; {b.get('url')})"
            )
    return lines


def basis_summary(ctx) -> tuple[str, dict[str, float]]:
    """("sourced" | "estimated" | "default", input -> log error of each estimated input).

    "estimated" when any city input is an estimate, "default" when none is sourced or
    estimated (national defaults), else "sourced" (published or user figures).
    """
    basis = input_basis(ctx)
    errors = {n: b["error_log_rmse"] for n, b in basis.items() if b["kind"] == "estimated"}
    if errors:
        return "estimated", errors
    if all(b["kind"] == "default" for b in basis.values()):
        return "default", {}
    return "sourced", {}


def _net(ctx, seats: int, years: int) -> float:
    rules = incentive_rules(ctx)
    result = compute_cost(
        CostInputs(seats=seats, **ctx.values), rules, years=years, sources=ctx.sources
    )
    return float(result.to_dict()["net_per_seat_per_year"])


def cost_log_sd(ctx, net: float | None = None) -> float:
    """Uncertainty of the net cost per seat from its estimated inputs, as a log sd.

    Each estimated input is moved up by its cross-validated error (exp(rmse_log)); the
    changes of log cost add in quadrature (the errors of wage and rent taken as independent).
    Sourced inputs add nothing.
    """
    import copy
    import math

    net = _net(ctx, REFERENCE_SEATS, REFERENCE_YEARS) if net is None else net
    if not net or net <= 0:
        return 0.0
    total = 0.0
    for name, b in ctx.basis.items():
        err = b.get("error_log_rmse") if b.get("kind") == "estimated" else None
        if not err:
            continue
        moved = copy.copy(ctx)
        moved.values = dict(ctx.values)
        moved.values[name] = ctx.values[name] * math.exp(err)
        total += math.log(_net(moved, REFERENCE_SEATS, REFERENCE_YEARS) / net) ** 2
    return math.sqrt(total)


class _FixedSchemaTable(sqlite_utils.db.Table):
    @property
    def columns_dict(self) -> dict:
        cache = self.db._columns
        if self.name not in cache:
            cache[self.name] = super().columns_dict
        return cache[self.name]


class _FixedSchema(sqlite_utils.Database):
    """A read-only store whose tables and columns are read once (pricing thousands of places
    asks for them on every place: about a fifth of the time)."""

    def __init__(self, conn) -> None:
        super().__init__(conn)
        self._tables: list[str] | None = None
        self._columns: dict[str, dict] = {}

    def table_names(self, fts4: bool = False, fts5: bool = False) -> list[str]:
        if fts4 or fts5:
            return super().table_names(fts4=fts4, fts5=fts5)
        if self._tables is None:
            self._tables = super().table_names()
        return self._tables

    def table(self, table_name: str, **kwargs) -> sqlite_utils.db.Table:
        return _FixedSchemaTable(self, table_name, **kwargs)


class SitePricer:
    """``cost_per_seat(row)`` for ``data.inputs.score.load_criteria_table``, and ``many(rows)``.

    A place priced on national defaults alone says nothing about that place: it is left
    missing (NaN), and the criterion's visible missing-value rule (median) applies, unless
    the place's incentive rules change its cost. Otherwise ``(net cost per seat per year, log
    sd from its estimated inputs)``. ``many`` prices every row at once (contexts read in bulk by
    ``data.inputs.cost.load_cost_contexts``, the model run on whole columns by
    ``models.cost_bulk.compute_costs``) and gives the same figures as one call per row.
    """

    def __init__(self, db_path: str | Path) -> None:
        import sqlite3

        self.db_path = db_path
        self.names: dict[str, str] = {}
        self.db = None
        if Path(db_path).exists():
            with sqlite3.connect(f"file:{db_path}?mode=ro", uri=True) as conn:
                if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'cities'").fetchone():
                    self.names = dict(conn.execute("SELECT adcode, name_zh FROM cities"))
            self.db = _FixedSchema(sqlite3.connect(f"file:{db_path}?mode=ro", uri=True))

    def place(self, row: dict) -> tuple[str, str | None]:
        """``(city, park)`` of a criteria row, as ``load_cost_context`` takes them."""
        city = self.names.get(str(row.get("adcode")), row["name"])
        return city, row["name"] if row.get("kind") == "park" else None

    def __call__(self, row: dict) -> tuple[float, float]:
        city, park = self.place(row)
        ctx = load_cost_context(city, park, self.db if self.db is not None else self.db_path)
        net = _net(ctx, REFERENCE_SEATS, REFERENCE_YEARS)
        if has_local_inputs(ctx):
            return net, cost_log_sd(ctx, net)
        rules, ctx.rules = ctx.rules, []
        if rules and net != _net(ctx, REFERENCE_SEATS, REFERENCE_YEARS):
            return net, 0.0  # defaults, but the place's incentive rules change the cost
        return float("nan"), 0.0

    def many(self, rows: list[dict]) -> list[tuple[float, float]]:
        import math

        import pandas as pd

        from data.inputs.cost import load_cost_contexts
        from models.cost_bulk import compute_costs

        if self.db is None:
            return [self(row) for row in rows]
        contexts = load_cost_contexts(self.db, [self.place(row) for row in rows])
        # the variants priced: each place as it is; each estimated input moved up by its
        # error (the log sd, as cost_log_sd); without its rules when priced on defaults alone
        values, rules, what = [], [], []
        for i, ctx in enumerate(contexts):
            own = incentive_rules(ctx)
            values.append(ctx.values)
            rules.append(own)
            what.append((i, "net", None))
            if has_local_inputs(ctx):
                for name, b in ctx.basis.items():
                    err = b.get("error_log_rmse") if b.get("kind") == "estimated" else None
                    if err:
                        values.append({**ctx.values, name: ctx.values[name] * math.exp(err)})
                        rules.append(own)
                        what.append((i, "moved", name))
            elif own:
                values.append(ctx.values)
                rules.append([])
                what.append((i, "bare", None))
        frame = pd.DataFrame(values)
        frame["seats"] = REFERENCE_SEATS
        nets = compute_costs(frame, rules, years=REFERENCE_YEARS)["net_per_seat_per_year"]
        net = [math.nan] * len(rows)
        sd = [0.0] * len(rows)
        bare: dict[int, float] = {}
        for (i, kind, _), value in zip(what, nets.tolist(), strict=True):
            if kind == "net":
                net[i] = value
            elif kind == "moved":
                if net[i] and net[i] > 0:
                    sd[i] += math.log(value / net[i]) ** 2
            else:
                bare[i] = value
        out = []
        for i, ctx in enumerate(contexts):
            if has_local_inputs(ctx):
                out.append((net[i], math.sqrt(sd[i])))
            elif i in bare and net[i] != bare[i]:
                out.append((net[i], 0.0))
            else:
                out.append((math.nan, 0.0))
        return out


def cost_per_seat_for_sites(db_path: str | Path) -> SitePricer:
    """A ``cost_per_seat(row)`` function (with ``many(rows)``) for ``load_criteria_table``."""
    return SitePricer(db_path)


def cost_per_minute(
    city: str, db_path: str | Path | None = None, *, seats: int = REFERENCE_SEATS
) -> float:
    """Cost of one handled minute in ``city`` (CNY): the cost model's ``per_handled_minute``.

    Gross steady-year cost (incentives not deducted) of a center of ``seats`` seats with the
    city's inputs, over the minutes its agents handle contacts (productive hours x occupancy);
    ``parkbench benchmark`` prices handle-time and first-contact-resolution gaps with it.
    """
    ctx = load_cost_context(city, None, db_path)
    result = compute_cost(CostInputs(seats=seats, **ctx.values), [], sources=ctx.sources)
    return float(result.per_handled_minute)
