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


def _net(ctx, seats: int, years: int) -> float:
    rules = incentive_rules(ctx)
    result = compute_cost(
        CostInputs(seats=seats, **ctx.values), rules, years=years, sources=ctx.sources
    )
    return float(result.to_dict()["net_per_seat_per_year"])


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


def cost_per_seat_for_sites(db_path: str | Path):
    """A ``cost_per_seat(row)`` function for ``data.inputs.score.load_criteria_table``."""

    import sqlite3

    names: dict[str, str] = {}
    if Path(db_path).exists():
        with sqlite3.connect(f"file:{db_path}?mode=ro", uri=True) as conn:
            if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'cities'").fetchone():
                names = dict(conn.execute("SELECT adcode, name_zh FROM cities"))

    db = (
        _FixedSchema(sqlite3.connect(f"file:{db_path}?mode=ro", uri=True))
        if Path(db_path).exists()
        else None
    )

    def cost(row: dict) -> float:
        # a place priced on national defaults alone says nothing about that place: it is
        # left missing, and the criterion's visible missing-value rule (median) applies
        city = names.get(str(row.get("adcode")), row["name"])
        park = row["name"] if row.get("kind") == "park" else None
        ctx = load_cost_context(city, park, db if db is not None else db_path)
        net = _net(ctx, REFERENCE_SEATS, REFERENCE_YEARS)
        if has_local_inputs(ctx):
            return net
        rules, ctx.rules = ctx.rules, []
        if rules and net != _net(ctx, REFERENCE_SEATS, REFERENCE_YEARS):
            return net  # defaults, but the place's incentive rules change the cost
        return float("nan")

    return cost


def cost_per_minute(
    city: str, db_path: str | Path | None = None, *, seats: int = REFERENCE_SEATS
) -> float:
    """Cost of one handled minute in ``city`` (CNY): the cost model's per productive hour / 60.

    Gross steady-year cost (incentives not deducted) of a center of ``seats`` seats with the
    city's inputs, over its productive (handling) hours; ``parkbench benchmark`` prices
    handle-time and first-contact-resolution gaps with it.
    """
    ctx = load_cost_context(city, None, db_path)
    result = compute_cost(CostInputs(seats=seats, **ctx.values), [], sources=ctx.sources)
    return float(result.per_productive_hour) / 60.0
