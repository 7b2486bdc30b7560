"""Inputs of the cost model: documented defaults, city and park overrides, incentive rules.

I/O side of ``models.cost``: reads ``data/reference/cost_defaults.yaml`` (value, unit, year and
source of every input, with per-city overrides), then, when a database is given and has them,
the ``city_inputs`` table (adcode, indicator, value, unit, year, source), the park's own rent
from ``parks`` and the incentive rules that apply to the site (``data.inputs.incentives``). Missing
database, tables or rows fall back to the defaults, and ``notes`` says so.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import sqlite_utils
import yaml

from data.inputs.incentives import RuleIndex, applicable_incentives
from data.notes import Note
from data.paths import COST_DEFAULTS_PATH
from data.store import engine
from data.store.contents import columns, holds

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
    notes: list[Note] = field(default_factory=list)  # coded notes (data.notes)
    #: input -> how its city value was found: kind (sourced, estimated, user), indicator,
    #: value, unit, year, url, and for an estimate its method and cross-validated error
    basis: dict[str, dict] = field(default_factory=dict)

    @property
    def input_names(self) -> set[str]:
        return set(self.values) | OPTIONAL_INPUTS

    def set(
        self,
        name: str,
        value: float,
        source: str,
        unit: str | None = None,
        year=None,
        *,
        note: Note,
    ) -> None:
        """Set input ``name``; ``source`` says where it comes from in English (the CLI's JSON),
        ``note`` the same as a coded note (``src_*`` of ``portal/strings/notes.py``) that the
        pages write in the reader's language."""
        self.values[name] = value
        old = self.sources.get(name, {})
        self.sources[name] = {
            "value": value,
            "unit": unit or old.get("unit"),
            "year": year,
            "source": source,
            "note": note,
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
    thousands of places, :func:`load_cost_contexts` asks each question of the store once).
    """
    ctx = _base_context(city, load_cost_defaults(), _resolve_city(city))
    if engine.is_store(db_path):
        _load_from_db(db_path, ctx, city, park)
        return ctx
    if db_path is None or not engine.target_exists(db_path):
        ctx.notes.append(Note("no_database", path=str(db_path)))
        return ctx
    db = engine.connect_existing(db_path)
    try:
        _load_from_db(db, ctx, city, park)
    finally:
        db.close()
    return ctx


def load_cost_contexts(
    db: sqlite_utils.Database, places: Sequence[tuple[str, str | None]]
) -> list[CostContext]:
    """:func:`load_cost_context` of every ``(city, park)`` in ``places`` of an open store, in order.

    The same contexts as one call per place (a test compares them on whole stores), with each
    city's defaults made once and, on SQLite, each distinct read query of the store answered
    once (many parks share a city: its figures, economics and city-wide rules are read once).
    For the thousands of places the site score and Compare price.
    """
    defaults = load_cost_defaults()
    default_sources = _default_sources(defaults[0])
    reader = _MemoStore(db) if isinstance(db, sqlite_utils.Database) else db
    layers: dict[tuple, CostContext] = {}

    def city_layer(store, ctx: CostContext) -> None:
        # what the city layer sets depends on the adcode and the input names only
        key = (ctx.adcode, frozenset(ctx.values))
        if key not in layers:
            layers[key] = CostContext(ctx.city, dict(ctx.values), {}, adcode=ctx.adcode)
            _apply_city_layer(store, layers[key])
        _replay(layers[key], ctx)

    bases: dict[str, CostContext] = {}  # a city's defaults and override, made once
    out = []
    for city, park in places:
        if city not in bases:
            bases[city] = _base_context(city, defaults, _resolve_city(city), default_sources)
        ctx = _copy_context(bases[city])
        _load_from_db(reader, ctx, city, park, city_layer)
        out.append(ctx)
    return out


def _copy_context(ctx: CostContext) -> CostContext:
    """A context whose values, sources, rules, notes and basis can change without touching
    ``ctx`` (a source entry is replaced, never changed in place: :meth:`CostContext.set`)."""
    return replace(
        ctx,
        values=dict(ctx.values),
        sources=dict(ctx.sources),
        rules=list(ctx.rules),
        notes=list(ctx.notes),
        basis={k: dict(v) for k, v in ctx.basis.items()},
    )


def _replay(layer: CostContext, ctx: CostContext) -> None:
    """Set on ``ctx`` what :func:`_apply_city_layer` set on ``layer`` (a context that started
    with no sources): values, sources (a unit the layer left open stays ctx's), basis, notes."""
    for name, source in layer.sources.items():
        ctx.values[name] = layer.values[name]
        unit = source.get("unit") or ctx.sources.get(name, {}).get("unit")
        ctx.sources[name] = {**source, "unit": unit}
    ctx.basis.update({name: dict(b) for name, b in layer.basis.items()})
    ctx.notes.extend(layer.notes)


class _MemoStore:
    """An open SQLite store whose read queries are each answered once.

    ``query`` keeps the rows of every distinct (SQL, parameters) and hands out copies; anything
    else is the store's own. Only for a batch of reads of a store nobody writes meanwhile.
    """

    def __init__(self, db: sqlite_utils.Database) -> None:
        self._db = db
        self.memo_of = db  # ``data.store.contents`` answers for the store itself
        self._memo: dict[tuple, list[dict]] = {}
        self._parks: tuple | None = None
        self.contents = None  # ``data.store.contents`` keeps its answer here, read once
        self._rules: RuleIndex | None = None
        self._economics: dict[tuple, list[dict]] | None = None

    def query(self, sql: str, params: Sequence | None = None):
        key = (sql, tuple(params or ()))
        rows = self._memo.get(key)
        if rows is None:
            # the connection itself: sqlite-utils wraps each query in a savepoint
            cursor = self._db.conn.execute(sql, list(params or ()))
            names = [d[0] for d in cursor.description]
            rows = self._memo[key] = [dict(zip(names, r, strict=True)) for r in cursor]
        return iter([dict(r) for r in rows])

    def park(self, park: str) -> dict | None:
        """:func:`_find_park`, matched in memory on one read of ``parks``."""
        if "%" in park or "_" in park or "\0" in park:  # like's wildcards: ask the store
            return _find_park(self, park)
        if self._parks is None:
            self._parks = self._park_index()
        rows, exact, texts, starts = self._parks
        if park in exact:
            return dict(rows[exact[park]])
        wanted = park.translate(_ASCII_LOWER)
        best = None
        for text, offsets in zip(texts, starts, strict=True):
            at = text.find(wanted)
            if at >= 0:  # the first hit lies in the lowest id holding the name
                i = bisect.bisect_right(offsets, at) - 1
                best = i if best is None else min(best, i)
        return dict(rows[best]) if best is not None else None

    def incentives(self, **site) -> list[dict]:
        """:func:`applicable_incentives` of a site, matched in memory on one read of the table."""
        if self._rules is None:
            rows = self._db.conn.execute("select * from incentives")
            names = [d[0] for d in rows.description]
            # as the store's query: a rule names its park, or has none (NULL) and is city-wide
            self._rules = RuleIndex(
                r for r in (dict(zip(names, v, strict=True)) for v in rows)
                if r["park_id"] is None or r["park_id"]
            )  # fmt: skip
        return [dict(r) for r in self._rules.applicable(**site)]

    def latest_economics(self, adcode, indicator: str, kind: str) -> dict | None:
        """:func:`_latest_economics`, matched in memory on one read of ``city_economics``.

        The store's query keeps, among rows of equal order, the first it reads (the table's
        order); so does this. A table this cannot order as SQLite does (a year that is not a
        whole number, a period that is not text) is asked row by row, as is a non-text adcode.
        """
        if self._economics is None:
            self._economics = self._economics_index()
        if not self._economics or not isinstance(adcode, str):
            return _query_latest_economics(self, adcode, indicator, kind)
        best = None
        for row in self._economics.get((adcode, indicator, kind), ()):
            if best is None or _economics_order(row) > _economics_order(best):
                best = row  # strictly later in the query's order: ties keep the first read
        return dict(best) if best is not None else None

    def _economics_index(self) -> dict[tuple, list[dict]]:
        """(adcode, indicator, kind) -> rows with a value, in the table's order; {} when the
        rows cannot be ordered or matched in memory as the store does."""
        cursor = self._db.conn.execute("select * from city_economics")
        names = [d[0] for d in cursor.description]
        needed = {"adcode", "indicator", "kind", "value", "year", "period", "method"}
        if not needed <= set(names):
            return {}
        index: dict[tuple, list[dict]] = {}
        for values in cursor:
            row = dict(zip(names, values, strict=True))
            year, period = row["year"], row["period"]
            keys = (row["adcode"], row["indicator"], row["kind"])
            if (
                (year is not None and type(year) is not int)
                or (period is not None and type(period) is not str)
                or any(k is not None and type(k) is not str for k in keys)
            ):
                return {}
            if row["value"] is not None:
                index.setdefault(keys, []).append(row)
        return index

    def _park_index(self) -> tuple:
        cols = [c for c in ("name", "name_en") if c in columns(self._db, "parks")]
        rows = list(self._db.query("select * from parks order by id")) if cols else []
        exact: dict[str, int] = {}
        texts, starts = [], []
        for col in cols:
            for i, r in enumerate(rows):
                name = r.get(col)
                if isinstance(name, str) and exact.get(name, i) >= i:
                    exact[name] = i  # the lowest id holding the name in any column
            # one text per column, the names apart by a character no name holds
            names = [r[col] if isinstance(r.get(col), str) else "" for r in rows]
            texts.append("\0".join(names).translate(_ASCII_LOWER))
            offsets, at = [], 0
            for name in names:
                offsets.append(at)
                at += len(name) + 1
            starts.append(offsets)
        return rows, exact, texts, starts

    def __getattr__(self, name: str):
        return getattr(self._db, name)


def _default_sources(inputs: dict[str, dict]) -> dict[str, dict]:
    """name -> {value, unit, year, source, note} of the national defaults; the note carries the
    default's text in English and Chinese (``source``, ``source_zh`` of the YAML)."""
    return {
        k: {
            "value": v["value"],
            "unit": v.get("unit"),
            "year": v.get("year"),
            "source": f"default: {v['source']}",
            "note": Note("src_default", text=v["source"], text_zh=v.get("source_zh")),
        }
        for k, v in inputs.items()
    }


def _base_context(
    city: str,
    defaults: tuple[dict[str, dict], dict[str, dict]],
    resolved: tuple[str | None, str | None],
    default_sources: dict[str, dict] | None = None,
) -> CostContext:
    """The defaults with the city's override from the defaults file (nothing from the store).

    ``default_sources``: :func:`_default_sources` of the defaults, made once for many places.
    """
    inputs, cities = defaults
    sources = default_sources or _default_sources(inputs)
    ctx = CostContext(
        city=city,
        values={k: v["value"] for k, v in inputs.items()},
        sources={k: dict(v) for k, v in sources.items()},
    )
    ctx.adcode, ctx.city_name = resolved
    name, override = _city_override(cities, city)
    if not override and ctx.city_name:
        name, override = _city_override(cities, ctx.city_name)
    # the city's name for English readers: its first alias in Latin letters (Beijing)
    aliases = cities[name].get("aliases") or [] if name else []
    name_en = next((a for a in aliases if a.isascii()), name)
    for key, entry in override.items():
        ctx.set(
            key,
            entry["value"],
            f"city default ({name}): {entry['source']}",
            entry.get("unit"),
            entry.get("year"),
            note=Note(
                "src_city_default",
                city=name_en,
                city_zh=name,
                text=entry["source"],
                text_zh=entry.get("source_zh"),
            ),
        )
    return ctx


def _find_park(db, park: str) -> dict | None:
    """The park named ``park``: an exact ``name`` or ``name_en`` first, else one whose name
    contains it (``like``: ASCII letters in any case); the lowest ``id`` among equals."""
    cols = [c for c in ("name", "name_en") if c in columns(db, "parks")]
    if not cols:
        return None
    like = engine.like(db)
    exact = " or ".join(f"{c} = ?" for c in cols)
    where = " or ".join([f"{c} = ?" for c in cols] + [f"{c} {like} ?" for c in cols])
    params = [park] * len(cols) + [f"%{park}%"] * len(cols) + [park] * len(cols)
    hits = _rows(
        db, f"select * from parks where {where} order by ({exact}) desc, id limit 1", params
    )
    return hits[0] if hits else None


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def _rows(db, sql: str, params) -> list[dict]:
    return list(db.query(sql, params))


def _load_from_db(db, ctx: CostContext, city: str, park: str | None, city_layer=None) -> None:
    """The park's rent, the city's adcode, the city layer (:func:`_apply_city_layer`, or
    ``city_layer`` doing the same) and the incentive rules of the site, from the store."""
    park_row = None
    if park:
        if holds(db, "parks"):
            park_row = db.park(park) if isinstance(db, _MemoStore) else _find_park(db, park)
        if park_row is None:
            ctx.notes.append(Note("no_park", park=park))
    if park_row is not None:
        ctx.park = {
            k: park_row.get(k) for k in ("id", "name", "city", "district", "rent_cny_per_m2_month")
        }
        ctx.notes.append(Note("park_matched", park=park_row.get("name")))
        ctx.adcode = ctx.adcode or park_row.get("city_adcode")
    if holds(db, "cities") and ctx.adcode is None:
        cols = columns(db, "cities")
        name_cols = [c for c in ("name", "name_zh", "name_en", "short_name") if c in cols]
        if "adcode" in cols and name_cols:
            where = " or ".join(f"{c} = ?" for c in name_cols)
            hits = _rows(db, f"select adcode from cities where {where}", [city] * len(name_cols))
            ctx.adcode = hits[0]["adcode"] if hits else None
    (city_layer or _apply_city_layer)(db, ctx)
    if park_row is not None and park_row.get("rent_cny_per_m2_month") is not None:
        _set_park_rent(ctx, park_row)  # after the city layer: the park's own rent wins
    if not holds(db, "incentives"):
        ctx.notes.append(Note("no_incentives_table"))
        return
    site = {
        "adcode": ctx.adcode,
        "city_names": (city, ctx.city_name, park_row.get("city") if park_row else None),
        "park_id": park_row["id"] if park_row is not None else None,
    }
    memo = isinstance(db, _MemoStore) and "park_id" in columns(db, "incentives")
    ctx.rules = db.incentives(**site) if memo else applicable_incentives(db, **site)
    if not ctx.rules:
        ctx.notes.append(Note("no_rules"))


def _set_park_rent(ctx: CostContext, park_row: dict) -> None:
    """The park's own rent, over the city's figures (defaults < city < park < ``--set``)."""
    rent = float(park_row["rent_cny_per_m2_month"])
    ctx.set(
        "rent_cny_per_m2_month",
        rent,
        f"park {park_row['name']} (parks.rent_cny_per_m2_month)",
        "CNY/m2/month",
        # the park's English name for English readers, when the store has one
        note=Note(
            "src_park",
            park=park_row.get("name_en") or park_row["name"],
            park_zh=park_row["name"],
        ),
    )
    ctx.basis["rent_cny_per_m2_month"] = {
        "kind": "park", "indicator": "rent_cny_per_m2_month", "value": rent,
        "unit": "CNY/m2/month", "year": None, "url": None, "park": park_row["name"],
    }  # fmt: skip


def _apply_city_layer(db, ctx: CostContext) -> None:
    """The city's economics, then its ``city_inputs`` rows (which win), by ``ctx.adcode``."""
    if holds(db, "city_economics") and ctx.adcode is not None:
        _apply_city_economics(db, ctx)
    if not holds(db, "city_inputs"):
        ctx.notes.append(Note("no_city_inputs"))
    elif ctx.adcode is not None:
        _apply_city_inputs(db, ctx)


def _apply_city_inputs(db, ctx: CostContext) -> None:
    """Rows of ``city_inputs`` for the city, oldest year first so the latest wins.

    Rows named after an input are used as they are; the indicators of ``parkbench import
    --kind city_inputs`` (office rent, average wage) go through ``city_indicators`` of the
    defaults file, which says how each becomes an input. Direct rows win over mapped ones.
    """
    mapping = load_city_indicators()
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
            note=Note(
                "src_city_inputs",
                indicator=row["indicator"],
                value=float(row["value"]),
                unit=row.get("unit"),
                year=row.get("year"),
                url=row.get("source"),
                factor=float(rule["factor"]),
                why=rule["source"],
                why_zh=rule.get("source_zh"),
            ),
        )
    for row in direct:
        ctx.set(
            row["indicator"],
            float(row["value"]),
            f"city_inputs: {row.get('source')}",
            row.get("unit"),
            row.get("year"),
            note=Note("src_city_input", url=row.get("source")),
        )


def _latest_economics(db, adcode: str, indicator: str, kind: str) -> dict | None:
    """The city's latest figure of ``indicator`` of ``kind`` (sourced or estimated): latest
    year, a row without a method first, latest period."""
    if isinstance(db, _MemoStore):
        return db.latest_economics(adcode, indicator, kind)
    return _query_latest_economics(db, adcode, indicator, kind)


def _economics_order(row: dict) -> tuple:
    """The order of :func:`_query_latest_economics` as a key, largest first: ``year desc nulls
    last, method is null desc, period desc nulls last`` (text compares as SQLite's BINARY
    collation does: UTF-8 bytes order as code points)."""
    year, period = row["year"], row["period"]
    return (
        year is not None,
        year if year is not None else 0,
        row["method"] is None,
        period is not None,
        period if period is not None else "",
    )


def _query_latest_economics(db, adcode: str, indicator: str, kind: str) -> dict | None:
    rows = _rows(
        db,
        "select * from city_economics where adcode = ? and indicator = ? and kind = ? "
        "and value is not null order by year desc nulls last, method is null desc, period desc nulls last limit 1",
        [adcode, indicator, kind],
    )
    return rows[0] if rows else None


def _province_private_ratio(db, province_adcode: str | None) -> tuple[float, str, int] | None:
    """Private / non-private average wage of the province, same year (latest such year):
    (ratio, how in English, year)."""
    if not province_adcode:
        return None
    rows = _rows(
        db,
        "select a.value p, b.value np, a.year from city_economics a join city_economics b "
        "on a.province_adcode = b.province_adcode and a.year = b.year "
        "where a.scope = 'province' and b.scope = 'province' and a.province_adcode = ? "
        "and a.indicator = 'avg_wage_private_cny_per_year' "
        "and b.indicator = 'avg_wage_non_private_cny_per_year' order by a.year desc nulls last limit 1",
        [province_adcode],
    )
    if not rows or not rows[0]["np"]:
        return None
    year = rows[0]["year"]
    return rows[0]["p"] / rows[0]["np"], f"province private / non-private {year}", year


def _economics_choice(db, adcode: str, indicator: str) -> tuple[dict, float, str, dict] | None:
    """(row, factor to the indicator's own unit, how, detail) of the city's best figure for
    ``indicator``; ``detail`` is how again for the coded note ``src_economics*``: ``how``
    (``sourced``, ``rebased``, ``municipality``, ``non_private``, ``estimated``) and, for
    ``non_private``, the year of the province's ratio (``ratio_year``).

    A sourced figure first; for the private wage, a sourced non-private wage times the
    province's private/non-private ratio next; else the estimate.
    """
    row = _latest_economics(db, adcode, indicator, "sourced")
    if row is not None:
        if row.get("method") == "rebased":
            return (
                row,
                1.0,
                f"sourced, rebased to {row['year']}: {row.get('note')}",
                {"how": "rebased"},
            )
        return row, 1.0, "sourced", {"how": "sourced"}
    if indicator == "avg_wage_private_cny_per_year":
        np_row = _latest_economics(db, adcode, "avg_wage_non_private_cny_per_year", "sourced")
        if np_row is None and adcode in MUNICIPALITIES:
            np_row = _latest_province(db, adcode, "avg_wage_non_private_cny_per_year")
            private = _latest_province(db, adcode, indicator)
            if private is not None and (np_row is None or private["year"] >= np_row["year"]):
                return (
                    private,
                    1.0,
                    "sourced (municipality = province figure)",
                    {"how": "municipality"},
                )
        if np_row is not None:
            ratio = _province_private_ratio(db, np_row.get("province_adcode") or adcode)
            if ratio is not None:
                how = f"sourced non-private wage x {ratio[0]:.3f} ({ratio[1]})"
                return np_row, ratio[0], how, {"how": "non_private", "ratio_year": ratio[2]}
    row = _latest_economics(db, adcode, indicator, "estimated")
    return (row, 1.0, "estimated", {"how": "estimated"}) if row is not None else None


MUNICIPALITIES = ("110000", "120000", "310000", "500000")


def _latest_province(db, pcode: str, indicator: str) -> dict | None:
    rows = _rows(
        db,
        "select * from city_economics where scope = 'province' and province_adcode = ? "
        "and indicator = ? and value is not null order by year desc nulls last limit 1",
        [pcode, indicator],
    )
    return rows[0] if rows else None


def _apply_city_economics(db, ctx: CostContext) -> None:
    """Wage and rent of the city from ``city_economics``: sourced, else estimated (with error).

    Wages are moved to the base year 2024 with the national wage growth (see
    ``data.inputs.economics``); ``ctx.basis`` records which input is sourced or estimated.
    """
    from data.inputs.economics import BASE_YEAR, to_base_year

    for indicator, rule in load_city_economics_rules().items():
        choice = _economics_choice(db, ctx.adcode, indicator)
        if choice is None:
            ctx.notes.append(Note("no_economics", indicator=indicator))
            continue
        row, ratio, how, coded = choice
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
            note=_economics_note(indicator, rule, row, round(value, 2), year, ratio, coded),
        )
        ctx.basis[rule["input"]] = {
            "kind": kind, "indicator": indicator, "value": round(value, 2), "unit": row.get("unit"),
            "year": year, "period": row.get("period"), "how": how, "url": row.get("url"),
            "method": row.get("method"), "error_log_rmse": err if kind == "estimated" else None,
            "error_mape": row.get("error_mape") if kind == "estimated" else None,
        }  # fmt: skip


def _economics_note(
    indicator: str, rule: dict, row: dict, value: float, year, ratio: float, coded: dict
) -> Note:
    """The coded note of an input taken from ``city_economics`` (see :func:`_economics_choice`):
    the figure, how it was found, and the rule that turns it into the input (in both languages)."""
    unit, factor = row.get("unit"), float(rule["factor"])
    why, why_zh = rule["source"], rule.get("source_zh")
    if coded["how"] == "estimated":
        return Note(
            "src_economics_estimated", indicator=indicator, value=value, unit=unit, year=year,
            method=row.get("method"), err=row.get("error_log_rmse"), mape=row.get("error_mape"),
            factor=factor, why=why, why_zh=why_zh,
        )  # fmt: skip
    if coded["how"] == "non_private":
        return Note(
            "src_economics_ratio", indicator=indicator, value=value, unit=unit, year=year,
            ratio=round(ratio, 3), ratio_year=coded["ratio_year"], url=row.get("url"),
            factor=factor, why=why, why_zh=why_zh,
        )  # fmt: skip
    return Note(
        "src_economics", indicator=indicator, value=value, unit=unit, year=year,
        how=coded["how"], url=row.get("url"), factor=factor, why=why, why_zh=why_zh,
    )  # fmt: skip
