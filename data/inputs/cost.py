"""Inputs of the cost model: documented defaults, city and park overrides, incentive rules.

I/O side of ``models.cost``: reads ``data/reference/cost_defaults.yaml`` (value, unit, year and
source of every input, with per-city overrides), then, when a database is given and has them,
the ``city_inputs`` table (adcode, indicator, value, unit, year, source), the park's own rent
from ``parks`` and the incentive rules of the park and city from ``incentives``. Missing
database, tables or rows fall back to the defaults, and ``notes`` says so.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import sqlite_utils
import yaml

from data.paths import COST_DEFAULTS_PATH

#: inputs without a default (None unless given); the others are the keys of the YAML file.
#: Together they are the fields of ``models.cost.CostInputs`` less ``seats`` (a test checks it).
OPTIONAL_INPUTS = frozenset(
    {
        "fte_per_seat",
        "seat_fill_ratio",  # None: the typical inbound day over the opening hours (models.cost)
        "contacts_per_year",
        "revenue_cny_per_year",
        "investment_cny",
    }
)


@dataclass
class CostContext:
    """Values and sources of every input, incentive rules and notes for one city or park."""

    city: str
    values: dict[str, float]
    sources: dict[str, dict]
    rules: list[dict] = field(default_factory=list)  # rows of the incentives table
    park: dict | None = None
    adcode: str | None = None
    city_name: str | None = None  # standard name from data.geo.geocode, when it resolves
    notes: list[str] = field(default_factory=list)
    #: input -> how its city value was found: kind (sourced, estimated, user), indicator,
    #: value, unit, year, url, and for an estimate its method and cross-validated error
    basis: dict[str, dict] = field(default_factory=dict)

    @property
    def input_names(self) -> set[str]:
        return set(self.values) | OPTIONAL_INPUTS

    def set(self, name: str, value: float, source: str, unit: str | None = None, year=None) -> None:
        self.values[name] = value
        old = self.sources.get(name, {})
        self.sources[name] = {
            "value": value,
            "unit": unit or old.get("unit"),
            "year": year,
            "source": source,
        }


@functools.lru_cache(maxsize=8)
def _read_defaults(path: str, mtime_ns: int) -> dict:
    # parsed once per file version: the YAML is read for every place a site score prices
    return yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}


def _defaults_doc(path: Path | str) -> dict:
    path = Path(path)
    return _read_defaults(str(path), path.stat().st_mtime_ns)


def _copy2(mapping: dict) -> dict:
    """Two levels copied (name -> entry -> field): callers may change what they get back."""
    return {k: dict(v) if isinstance(v, dict) else v for k, v in (mapping or {}).items()}


def load_cost_defaults(
    path: Path | str = COST_DEFAULTS_PATH,
) -> tuple[dict[str, dict], dict[str, dict]]:
    """The default inputs (name -> {value, unit, year, source}) and the per-city overrides."""
    doc = _defaults_doc(path)
    cities = {name: _copy2(entry) for name, entry in (doc.get("cities") or {}).items()}
    return _copy2(doc.get("inputs")), cities


def load_city_indicators(path: Path | str = COST_DEFAULTS_PATH) -> dict[str, dict]:
    """city_inputs indicator -> {input, factor, source}: how the table's figures become inputs."""
    return _copy2(_defaults_doc(path).get("city_indicators"))


def load_city_economics_rules(path: Path | str = COST_DEFAULTS_PATH) -> dict[str, dict]:
    """city_economics indicator -> {input, factor, source} (see ``city_economics`` in the YAML)."""
    return _copy2(_defaults_doc(path).get("city_economics"))


def _city_override(cities: dict, city: str) -> tuple[str | None, dict]:
    for name, entry in cities.items():
        names = {name, *(entry.get("aliases") or [])}
        if city in names or any(n in city for n in names if len(n) >= 2):
            return name, {k: v for k, v in entry.items() if k != "aliases"}
    return None, {}


def _resolve_city(city: str) -> tuple[str | None, str | None]:
    """(adcode, standard name) of a city through ``data.geo.geocode``, or (None, None)."""
    from data.geo.geocode import geocode_city

    try:
        hit = geocode_city(city)
    except Exception:  # noqa: BLE001 - an unresolvable name just means no city-level data
        return None, None
    return getattr(hit, "adcode", None), getattr(hit, "name", None)


def load_cost_context(
    city: str, park: str | None = None, db_path: str | Path | sqlite_utils.Database | None = None
) -> CostContext:
    """Everything ``parkbench cost`` needs for ``city`` (and ``park``), with sources and notes.

    ``db_path`` may be an open database, so that pricing many places opens it once (for
    thousands of places, :func:`load_cost_contexts` reads each table once instead).
    """
    ctx = _base_context(city, load_cost_defaults(), _resolve_city(city))
    if isinstance(db_path, sqlite_utils.Database):
        _load_from_db(_Lookup(db_path), ctx, city, park)
        return ctx
    if db_path is None or not Path(db_path).exists():
        ctx.notes.append(
            f"no database at {db_path}: defaults only, no park data or incentive rules"
        )
        return ctx
    db = sqlite_utils.Database(Path(db_path))
    try:
        _load_from_db(_Lookup(db), ctx, city, park)
    finally:
        db.close()
    return ctx


def load_cost_contexts(
    db: sqlite_utils.Database, places: Sequence[tuple[str, str | None]]
) -> list[CostContext]:
    """:func:`load_cost_context` of every ``(city, park)`` in ``places``, in that order.

    The same contexts as one call per place (a test compares them on whole stores), read with
    each table loaded once: parks are matched in memory, city figures are read once per city
    and incentive rules filtered from one read of the table. For the thousands of places the
    site score and Compare price.
    """
    defaults = load_cost_defaults()
    lookup = _BulkLookup(db)
    bases: dict[str, CostContext] = {}  # the defaults and override of each city, made once
    out = []
    for city, park in places:
        if city not in bases:
            bases[city] = _base_context(city, defaults, _resolve_city(city))
        base = bases[city]
        ctx = CostContext(
            city=city,
            values=dict(base.values),
            sources={k: dict(v) for k, v in base.sources.items()},
            adcode=base.adcode,
            city_name=base.city_name,
        )
        _load_from_db(lookup, ctx, city, park)
        out.append(ctx)
    return out


def _base_context(
    city: str,
    defaults: tuple[dict[str, dict], dict[str, dict]],
    resolved: tuple[str | None, str | None],
) -> CostContext:
    """Defaults with the city's override from the defaults file (no database yet)."""
    inputs, cities = defaults
    ctx = CostContext(
        city=city,
        values={k: v["value"] for k, v in inputs.items()},
        sources={k: {**v, "source": f"default: {v['source']}"} for k, v in inputs.items()},
    )
    ctx.adcode, ctx.city_name = resolved
    name, override = _city_override(cities, city)
    if not override and ctx.city_name:
        name, override = _city_override(cities, ctx.city_name)
    for key, entry in override.items():
        ctx.set(
            key,
            entry["value"],
            f"city default ({name}): {entry['source']}",
            entry.get("unit"),
            entry.get("year"),
        )
    return ctx


class _Lookup:
    """The store as :func:`_load_from_db` reads it: one query per question."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db

    def tables(self) -> set[str]:
        return set(self.db.table_names())

    def columns(self, table: str) -> set[str]:
        return set(self.db[table].columns_dict)

    def rows(self, sql: str, params) -> list[dict]:
        return list(self.db.query(sql, params))

    def city_step(self, step, ctx: CostContext) -> None:
        """Apply ``step(lookup, ctx)``: the city's figures of one table."""
        step(self, ctx)

    def mapping(self, name: str) -> dict[str, dict]:
        """``city_indicators`` or ``city_economics`` of the defaults file: figure -> input."""
        if name == "city_indicators":
            return load_city_indicators()
        return load_city_economics_rules()

    def park(self, park: str) -> dict | None:
        """The park named ``park`` (an exact name first, else a name containing it; the
        lowest id among equals), or None."""
        cols = [c for c in ("name", "name_en") if c in self.columns("parks")]
        if not cols:
            return None
        exact = " or ".join(f"{c} = ?" for c in cols)
        where = " or ".join([f"{c} = ?" for c in cols] + [f"{c} like ?" for c in cols])
        params = [park] * len(cols) + [f"%{park}%"] * len(cols)
        hits = self.rows(
            f"select * from parks where {where} order by ({exact}) desc, id limit 1",
            params + [park] * len(cols),
        )
        return hits[0] if hits else None

    def incentives(self, park_id, city_names: set[str], adcode: str | None) -> list[dict]:
        """Rules of the park and city-wide rules of the city (by name or code), by id."""
        clauses, params = [], []
        if park_id is not None:
            clauses.append("park_id = ?")
            params.append(park_id)
        for c in sorted(city_names):
            clauses.append("(park_id is null and city = ?)")
            params.append(c)
        if adcode:
            clauses.append("(park_id is null and city_adcode = ?)")
            params.append(adcode)
        return self.rows(
            f"select * from incentives where {' or '.join(clauses)} order by id", params
        )


class _Recorder:
    """Stands for a context while a city step runs: keeps what the step does, in order."""

    class _Notes(list):
        def __init__(self, log: list) -> None:
            super().__init__()
            self.log = log

        def append(self, text: str) -> None:
            self.log.append(("note", text))

    class _Basis(dict):
        def __init__(self, log: list) -> None:
            super().__init__()
            self.log = log

        def __setitem__(self, name: str, value: dict) -> None:
            self.log.append(("basis", name, value))

    def __init__(self, adcode: str, input_names: set[str]) -> None:
        self.adcode = adcode
        self.input_names = input_names
        self.log: list[tuple] = []
        self.notes = self._Notes(self.log)
        self.basis = self._Basis(self.log)

    def set(self, name: str, value: float, source: str, unit: str | None = None, year=None):
        self.log.append(("set", name, value, source, unit, year))


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


class _BulkLookup(_Lookup):
    """The same answers as :class:`_Lookup`, each table read once (for many places).

    Queries of city figures are kept by their text and parameters (many parks share a city);
    parks are matched in memory as SQL's ``=`` and ``like`` match them (``like`` ignores the
    case of ASCII letters only); incentive rules are filtered from the whole table.
    """

    def __init__(self, db: sqlite_utils.Database) -> None:
        super().__init__(db)
        self._tables = super().tables()
        self._columns: dict[str, set[str]] = {}
        self._memo: dict[tuple, list[dict]] = {}
        self._parks: tuple | None = None
        self._rules: list[dict] | None = None

    def tables(self) -> set[str]:
        return self._tables

    def columns(self, table: str) -> set[str]:
        if table not in self._columns:
            self._columns[table] = super().columns(table)
        return self._columns[table]

    def city_step(self, step, ctx: CostContext) -> None:
        # what a step does to a context depends on the city and the inputs named, nothing
        # else: done once per city, replayed on every place of that city
        key = (step.__name__, ctx.adcode, frozenset(ctx.input_names))
        if key not in self._memo:
            recorder = _Recorder(ctx.adcode, ctx.input_names)
            step(self, recorder)
            self._memo[key] = recorder.log
        for what, *args in self._memo[key]:
            if what == "set":
                ctx.set(*args)
            elif what == "note":
                ctx.notes.append(args[0])
            else:
                ctx.basis[args[0]] = dict(args[1])

    def mapping(self, name: str) -> dict[str, dict]:
        key = ("mapping", name)
        if key not in self._memo:
            self._memo[key] = super().mapping(name)
        return self._memo[key]

    def rows(self, sql: str, params) -> list[dict]:
        key = (sql, tuple(params))
        if key not in self._memo:
            # the connection itself: sqlite-utils wraps each query in a savepoint (three
            # statements a query); these are plain reads
            cursor = self.db.conn.execute(sql, list(params))
            names = [d[0] for d in cursor.description]
            self._memo[key] = [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
        return self._memo[key]

    def _park_index(self) -> tuple:
        if self._parks is None:
            cols = [c for c in ("name", "name_en") if c in self.columns("parks")]
            rows = list(self.db.query("select * from parks order by id")) if cols else []
            exact: dict[str, int] = {}
            texts, starts = [], []
            for col in cols:
                for i, r in enumerate(rows):
                    name = r.get(col)
                    if isinstance(name, str) and exact.get(name, i) >= i:
                        exact[name] = i  # the lowest id holding the name in any column
                # one text per column, names apart by a character no name holds: the first
                # hit of ``find`` lies in the lowest id holding the name
                names = ["" if not isinstance(r.get(col), str) else r[col] for r in rows]
                texts.append("\0".join(names).translate(_ASCII_LOWER))
                offsets, at = [], 0
                for name in names:
                    offsets.append(at)
                    at += len(name) + 1
                starts.append(offsets)
            self._parks = (rows, exact, texts, starts)
        return self._parks

    def park(self, park: str) -> dict | None:
        if "%" in park or "_" in park or "\0" in park:  # like's wildcards: ask the store
            return super().park(park)
        rows, exact, texts, starts = self._park_index()
        if park in exact:
            return rows[exact[park]]
        wanted = park.translate(_ASCII_LOWER)
        best = None
        for text, offsets in zip(texts, starts, strict=True):
            at = text.find(wanted)
            if at >= 0:
                i = bisect.bisect_right(offsets, at) - 1
                best = i if best is None else min(best, i)
        return rows[best] if best is not None else None

    def incentives(self, park_id, city_names: set[str], adcode: str | None) -> list[dict]:
        if self._rules is None:
            self._rules = list(self.db.query("select * from incentives order by id"))
        return [
            dict(r)
            for r in self._rules
            if (park_id is not None and r.get("park_id") == park_id)
            or (
                r.get("park_id") is None
                and (r.get("city") in city_names or (adcode and r.get("city_adcode") == adcode))
            )
        ]


def _rows(db: _Lookup, sql: str, params) -> list[dict]:
    return db.rows(sql, params)


def _load_from_db(db: _Lookup, ctx: CostContext, city: str, park: str | None) -> None:
    tables = db.tables()
    park_row = None
    if park:
        if "parks" in tables:
            park_row = db.park(park)
        if park_row is None:
            ctx.notes.append(f"no park matching {park!r} in the database: city-level inputs only")
    if park_row is not None:
        ctx.park = {
            k: park_row.get(k) for k in ("id", "name", "city", "district", "rent_cny_per_m2_month")
        }
        ctx.notes.append(f"park {park_row.get('name')!r} matched")
        ctx.adcode = ctx.adcode or park_row.get("city_adcode")
        rent = park_row.get("rent_cny_per_m2_month")
        if rent is not None:
            ctx.set(
                "rent_cny_per_m2_month",
                float(rent),
                f"park {park_row['name']} (parks.rent_cny_per_m2_month)",
                "CNY/m2/month",
            )
    if "cities" in tables and ctx.adcode is None:
        cols = db.columns("cities")
        name_cols = [c for c in ("name", "name_zh", "name_en", "short_name") if c in cols]
        if "adcode" in cols and name_cols:
            where = " or ".join(f"{c} = ?" for c in name_cols)
            hits = _rows(db, f"select adcode from cities where {where}", [city] * len(name_cols))
            ctx.adcode = hits[0]["adcode"] if hits else None
    if "city_economics" in tables and ctx.adcode is not None:
        db.city_step(_apply_city_economics, ctx)
    if "city_inputs" in tables and ctx.adcode is not None:
        db.city_step(_apply_city_inputs, ctx)
    elif "city_inputs" not in tables:
        ctx.notes.append("no city_inputs table: national and seeded city defaults used")
    if "incentives" not in tables:
        ctx.notes.append("no incentives table: no incentive rules applied")
        return
    city_names = {city, ctx.city_name, park_row.get("city") if park_row else None} - {None}
    ctx.rules = db.incentives(park_row["id"] if park_row is not None else None, city_names,
                              ctx.adcode)  # fmt: skip
    if not ctx.rules:
        ctx.notes.append("no incentive rules for this park or city in the database")


def _apply_city_inputs(db, ctx: CostContext) -> None:
    """Rows of ``city_inputs`` for the city, oldest year first so the latest wins.

    Rows named after an input are used as they are; the indicators of ``parkbench import
    --kind city_inputs`` (office rent, average wage) go through ``city_indicators`` of the
    defaults file, which says how each becomes an input. Direct rows win over mapped ones.
    """
    mapping = db.mapping("city_indicators")
    rows = _rows(
        db,
        "select * from city_inputs where adcode = ? and value is not null order by year",
        [ctx.adcode],
    )
    mapped = [r for r in rows if r.get("indicator") in mapping]
    direct = [r for r in rows if r.get("indicator") in ctx.input_names]
    for row in mapped + direct:
        name = mapping[row["indicator"]]["input"] if row in mapped else row["indicator"]
        ctx.basis[name] = {"kind": "user", "indicator": row["indicator"], "value": row["value"],
                           "unit": row.get("unit"), "year": row.get("year"),
                           "url": row.get("source")}  # fmt: skip
    for row in mapped:
        rule = mapping[row["indicator"]]
        ctx.set(
            rule["input"],
            float(row["value"]) * float(rule["factor"]),
            f"city_inputs {row['indicator']} = {row['value']:g} ({row.get('source')})"
            + (f" x {rule['factor']:g}: {rule['source']}" if rule["factor"] != 1 else ""),
            None,
            row.get("year"),
        )
    for row in direct:
        ctx.set(
            row["indicator"],
            float(row["value"]),
            f"city_inputs: {row.get('source')}",
            row.get("unit"),
            row.get("year"),
        )


def _latest_economics(db, adcode: str, indicator: str, kind: str) -> dict | None:
    rows = _rows(
        db,
        "select * from city_economics where adcode = ? and indicator = ? and kind = ? "
        "and value is not null order by year desc, method is null desc, period desc limit 1",
        [adcode, indicator, kind],
    )
    return rows[0] if rows else None


def _province_private_ratio(db, province_adcode: str | None) -> tuple[float, str] | None:
    """Private / non-private average wage of the province, same year (latest such year)."""
    if not province_adcode:
        return None
    rows = _rows(
        db,
        "select a.value p, b.value np, a.year from city_economics a join city_economics b "
        "on a.province_adcode = b.province_adcode and a.year = b.year "
        "where a.scope = 'province' and b.scope = 'province' and a.province_adcode = ? "
        "and a.indicator = 'avg_wage_private_cny_per_year' "
        "and b.indicator = 'avg_wage_non_private_cny_per_year' order by a.year desc limit 1",
        [province_adcode],
    )
    if not rows or not rows[0]["np"]:
        return None
    return rows[0]["p"] / rows[0]["np"], f"province private / non-private {rows[0]['year']}"


def _economics_choice(db, adcode: str, indicator: str) -> tuple[dict, float, str] | None:
    """(row, factor to the indicator's own unit, how) of the city's best figure for ``indicator``.

    A sourced figure first; for the private wage, a sourced non-private wage times the
    province's private/non-private ratio next; else the estimate.
    """
    row = _latest_economics(db, adcode, indicator, "sourced")
    if row is not None:
        if row.get("method") == "rebased":
            return row, 1.0, f"sourced, rebased to {row['year']}: {row.get('note')}"
        return row, 1.0, "sourced"
    if indicator == "avg_wage_private_cny_per_year":
        np_row = _latest_economics(db, adcode, "avg_wage_non_private_cny_per_year", "sourced")
        if np_row is None and adcode in MUNICIPALITIES:
            np_row = _latest_province(db, adcode, "avg_wage_non_private_cny_per_year")
            private = _latest_province(db, adcode, indicator)
            if private is not None and (np_row is None or private["year"] >= np_row["year"]):
                return private, 1.0, "sourced (municipality = province figure)"
        if np_row is not None:
            ratio = _province_private_ratio(db, np_row.get("province_adcode") or adcode)
            if ratio is not None:
                return np_row, ratio[0], f"sourced non-private wage x {ratio[0]:.3f} ({ratio[1]})"
    row = _latest_economics(db, adcode, indicator, "estimated")
    return (row, 1.0, "estimated") if row is not None else None


MUNICIPALITIES = ("110000", "120000", "310000", "500000")


def _latest_province(db, pcode: str, indicator: str) -> dict | None:
    rows = _rows(
        db,
        "select * from city_economics where scope = 'province' and province_adcode = ? "
        "and indicator = ? and value is not null order by year desc limit 1",
        [pcode, indicator],
    )
    return rows[0] if rows else None


def _apply_city_economics(db, ctx: CostContext) -> None:
    """Wage and rent of the city from ``city_economics``: sourced, else estimated (with error).

    Wages are moved to the base year 2024 with the national wage growth (see
    ``data.inputs.economics``); ``ctx.basis`` records which input is sourced or estimated.
    """
    from data.inputs.economics import BASE_YEAR, to_base_year

    for indicator, rule in db.mapping("city_economics").items():
        choice = _economics_choice(db, ctx.adcode, indicator)
        if choice is None:
            ctx.notes.append(f"no sourced or estimated {indicator} for this city: default kept")
            continue
        row, ratio, how = choice
        value = float(row["value"]) * ratio
        year = row.get("year")
        if indicator.startswith("avg_wage_") and year:
            value, year = to_base_year(value, year), BASE_YEAR
        kind = "estimated" if row["kind"] == "estimated" else "sourced"
        err = row.get("error_log_rmse")
        detail = (
            f"estimated ({row.get('method')}, leave-one-out RMSE of log {err:.3f}, "
            f"MAPE {row.get('error_mape'):.1%})"
            if kind == "estimated"
            else f"{how}: {row.get('url')}"
        )
        ctx.set(
            rule["input"],
            value * float(rule["factor"]),
            f"city_economics {indicator} = {value:,.1f} ({detail}) x {float(rule['factor']):g}: "
            f"{rule['source']}",
            None,
            year,
        )
        ctx.basis[rule["input"]] = {
            "kind": kind, "indicator": indicator, "value": round(value, 2), "unit": row.get("unit"),
            "year": year, "period": row.get("period"), "how": how, "url": row.get("url"),
            "method": row.get("method"), "error_log_rmse": err if kind == "estimated" else None,
            "error_mape": row.get("error_mape") if kind == "estimated" else None,
        }  # fmt: skip
