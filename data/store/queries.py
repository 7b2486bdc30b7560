"""Read queries the portal pages need: counts, tables as DataFrames, facts with their sources.

Plain I/O on an open store (read-only connections are fine); no Streamlit here. Tables come back
as pandas DataFrames with the store's column names; provenance comes from the ``field_facts``
and ``conflicts`` views of :mod:`data.store.database`.
"""

from __future__ import annotations

import pandas as pd
import sqlite_utils

from data.schema.tables import TABLES
from data.store import engine
from data.store.contents import columns as table_columns
from data.store.contents import holds
from data.store.database import search

#: the tables a reader browses (published tables the store has), in display order
BROWSE_ORDER = (
    "centers",
    "parks",
    "park_targets",
    "park_tenants",
    "incentives",
    "kpis",
    "industry_figures",
    "cities",
    "city_indicators",
    "sources",
)

#: columns a reader can filter on by picking values
CHOICE_COLUMNS = ("province", "city", "industry", "ownership", "kind", "metric", "status")


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _exists(db: sqlite_utils.Database, table: str) -> bool:
    return holds(db, table)


def count_rows(db: sqlite_utils.Database, table: str) -> int:
    """Rows of ``table`` (0 when the table does not exist)."""
    return db[table].count if _exists(db, table) else 0


def count_cities(db: sqlite_utils.Database) -> int:
    """Distinct cities that have at least one center or park (by adcode, else by name)."""
    parts = [
        f"SELECT COALESCE(city_adcode, city) AS c FROM {t} WHERE COALESCE(city_adcode, city) IS NOT NULL"
        for t in ("centers", "parks")
        if _exists(db, t)
    ]
    if not parts:
        return 0
    return db.execute(
        f"SELECT COUNT(DISTINCT c) FROM ({' UNION ALL '.join(parts)}) AS u"
    ).fetchone()[0]


def overview_counts(db: sqlite_utils.Database) -> dict[str, int]:
    """What the data holds: centers, parks, cities with either, sources and facts."""
    return {
        "centers": count_rows(db, "centers"),
        "parks": count_rows(db, "parks"),
        "cities": count_cities(db),
        "sources": count_rows(db, "sources"),
        "facts": count_rows(db, "facts"),
    }


def last_update(db: sqlite_utils.Database) -> str | None:
    """Time of the latest fact recorded (UTC ISO 8601), ``None`` for an empty store."""
    if not _exists(db, "facts"):
        return None
    return db.execute("SELECT MAX(recorded_at) FROM facts").fetchone()[0]


def counts_by_province(db: sqlite_utils.Database) -> pd.DataFrame:
    """Centers and parks per province (columns province, centers, parks), largest first."""
    frames = []
    for table in ("centers", "parks"):
        if _exists(db, table):
            rows = db.execute(
                f"SELECT COALESCE(province, '') AS province, COUNT(*) AS n FROM {table} GROUP BY 1"
            ).fetchall()
            frames.append(pd.DataFrame(rows, columns=["province", table]).set_index("province"))
    if not frames:
        return pd.DataFrame(columns=["province", "centers", "parks"])
    out = pd.concat(frames, axis=1).fillna(0).astype(int)
    for col in ("centers", "parks"):
        if col not in out:
            out[col] = 0
    out = out.reset_index()
    out["total"] = out["centers"] + out["parks"]
    return out.sort_values(["total", "province"], ascending=[False, True]).drop(columns="total")


def latest_sources(db: sqlite_utils.Database, limit: int = 10) -> pd.DataFrame:
    """The most recently published (else retrieved) sources with the number of facts each gave."""
    return engine.read_frame(
        db,
        "SELECT s.title, s.kind, s.publisher, s.published, s.url, s.retrieved_at,"
        " (SELECT COUNT(*) FROM facts f WHERE f.source_id = s.id) AS facts"
        " FROM sources s ORDER BY COALESCE(s.published, substr(s.retrieved_at, 1, 10))"
        " DESC NULLS LAST, s.id LIMIT ?",
        [limit],
    )


def browsable_tables(db: sqlite_utils.Database) -> list[str]:
    """Published tables the store holds, in :data:`BROWSE_ORDER` then by name."""
    present = [name for name, spec in TABLES.items() if spec.published and _exists(db, name)]
    order = {name: i for i, name in enumerate(BROWSE_ORDER)}
    return sorted(present, key=lambda n: (order.get(n, len(order)), n))


def choice_columns(table: str) -> list[str]:
    """Columns of ``table`` a reader filters by picking values."""
    names = TABLES[table].column_names
    return [c for c in CHOICE_COLUMNS if c in names]


def numeric_columns(table: str) -> list[str]:
    """Numeric columns of ``table`` (no ``_high`` companions), for range filters."""
    spec = TABLES[table]
    return [
        c.name
        for c in spec.columns
        if c.type in ("integer", "real") and c.name not in ("lat", "lon")
    ]


def distinct_values(db: sqlite_utils.Database, table: str, column: str) -> list[str]:
    """Distinct non-empty values of a column, sorted."""
    spec = TABLES[table]
    spec.column(column)  # KeyError on an unknown column
    rows = db.execute(
        f"SELECT DISTINCT {_q(column)} FROM {_q(table)} WHERE {_q(column)} IS NOT NULL"
        f" AND {_q(column)} != '' ORDER BY 1"
    ).fetchall()
    return [r[0] for r in rows]


def load_table(
    db: sqlite_utils.Database,
    table: str,
    *,
    text: str = "",
    choices: dict[str, list] | None = None,
    ranges: dict[str, tuple[float | None, float | None]] | None = None,
    limit: int | None = None,
) -> pd.DataFrame:
    """Rows of ``table`` matching a full-text query, picked values and numeric ranges.

    Parameters
    ----------
    text
        Full-text query over the table's searchable columns (:func:`data.store.database.search`);
        empty for every row.
    choices
        ``{column: [values]}``; a row matches when its value is one of them.
    ranges
        ``{column: (low, high)}`` in the column's unit, both ends included, ``None`` open.
    limit
        At most this many rows (all when ``None``).

    Entity tables get a ``sources`` column: the titles of every source that gave a fact on
    the row, so that each row shows where it comes from.
    """
    spec = TABLES[table]
    where, params = [], []
    if text.strip() and spec.fts:
        ids = [r[spec.pk] for r in search(db, table, text, limit=100_000)]
        if not ids:
            return pd.DataFrame(columns=[*spec.column_names, "sources"])
        where.append(f"t.{_q(spec.pk)} IN ({engine.json_values(db)})")
        params.append(pd.Series(ids).to_json(orient="values", force_ascii=False))
    for column, values in (choices or {}).items():
        spec.column(column)
        if values:
            where.append(f"t.{_q(column)} IN ({', '.join('?' for _ in values)})")
            params.extend(values)
    for column, (low, high) in (ranges or {}).items():
        spec.column(column)
        if low is not None:
            where.append(f"t.{_q(column)} >= ?")
            params.append(low)
        if high is not None:
            where.append(f"t.{_q(column)} <= ?")
            params.append(high)
    cols = ", ".join(f"t.{_q(c)}" for c in spec.column_names)
    sources = ""
    if _has_facts(db, table):
        sources = (
            f", (SELECT {engine.group_concat(db, 'title', ' | ')} FROM (SELECT DISTINCT"
            " COALESCE(s.title, s.url) AS title FROM facts f"
            " JOIN sources s ON s.id = f.source_id WHERE f.entity_table = ? AND f.entity_id ="
            f" t.{_q(spec.pk)}) AS d) AS sources"
        )
        params.insert(0, table)
    sql = f"SELECT {cols}{sources} FROM {_q(table)} t"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += f" ORDER BY t.{_q(spec.pk)}"
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    return engine.read_frame(db, sql, params)


def _has_facts(db: sqlite_utils.Database, table: str) -> bool:
    return (
        _exists(db, "facts")
        and db.execute("SELECT 1 FROM facts WHERE entity_table = ? LIMIT 1", [table]).fetchone()
        is not None
    )


def entity_facts(db: sqlite_utils.Database, table: str, entity_id: str) -> pd.DataFrame:
    """Every value any source gave for the entity: field, value, evidence and the source."""
    return engine.read_frame(
        db,
        "SELECT field, value, evidence, source_title, source_kind, source_url, source_published,"
        " locator, source_id FROM field_facts WHERE entity_table = ? AND entity_id = ?"
        " ORDER BY field, source_published DESC NULLS LAST",
        [table, entity_id],
    )


def entity_conflicts(db: sqlite_utils.Database, table: str, entity_id: str) -> list[str]:
    """Fields of the entity on which sources disagree (from the ``conflicts`` view)."""
    rows = db.execute(
        "SELECT field FROM conflicts WHERE entity_table = ? AND entity_id = ? ORDER BY field",
        [table, entity_id],
    ).fetchall()
    return [r[0] for r in rows]


def entity_label(row: dict) -> str:
    """A short label for a row: name and city when it has them (NaN counts as absent), else its id."""
    known = {k: v for k, v in row.items() if not (v is None or (isinstance(v, float) and v != v))}
    name = known.get("name") or known.get("company") or known.get("metric") or known.get("title")
    city = known.get("city")
    if name and city:
        return f"{name}（{city}）"
    return str(name or known.get("id") or known.get("adcode"))


def load_markers(
    db: sqlite_utils.Database,
    table: str,
    *,
    provinces: list[str] | None = None,
    industries: list[str] | None = None,
    seats: tuple[float | None, float | None] | None = None,
) -> pd.DataFrame:
    """Centers or parks with a position, for the map.

    Rows without coordinates of their own take the representative point of their city (from
    ``cities`` when the geography tables are present; ``coord_precision`` then says ``city``).
    Columns: id, name, city, province, lat, lon, coord_precision, seats (centers), industry
    (centers), source (title of the latest source), plus ``placed`` (has a position).
    """
    if table not in ("centers", "parks"):
        raise ValueError(f"no markers for table {table!r}")
    city_join = ""
    lat, lon, precision = "t.lat", "t.lon", "t.coord_precision"
    if "lat" in table_columns(db, "cities"):
        city_join = " LEFT JOIN cities c ON c.adcode = t.city_adcode"
        lat, lon = "COALESCE(t.lat, c.lat)", "COALESCE(t.lon, c.lon)"
        precision = (
            "CASE WHEN t.lat IS NOT NULL THEN COALESCE(t.coord_precision, 'point')"
            " WHEN c.lat IS NOT NULL THEN 'city' END"
        )
    extra = ", t.seats, t.industry" if table == "centers" else ", NULL AS seats, NULL AS industry"
    where, params = [], []
    if provinces:
        where.append(f"t.province IN ({', '.join('?' for _ in provinces)})")
        params.extend(provinces)
    if industries and table == "centers":
        where.append(f"t.industry IN ({', '.join('?' for _ in industries)})")
        params.extend(industries)
    if seats and table == "centers":
        low, high = seats
        if low is not None:
            where.append("t.seats >= ?")
            params.append(low)
        if high is not None:
            where.append("t.seats <= ?")
            params.append(high)
    sql = (
        f"SELECT t.id, t.name, t.city, t.province, t.city_adcode, {lat} AS lat, {lon} AS lon,"
        f" {precision} AS coord_precision{extra},"
        " (SELECT COALESCE(s.title, s.url) FROM facts f JOIN sources s ON s.id = f.source_id"
        "  WHERE f.entity_table = ? AND f.entity_id = t.id"
        "  ORDER BY COALESCE(s.published, s.retrieved_at) DESC NULLS LAST LIMIT 1) AS source"
        f" FROM {table} t{city_join}"
    )
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY t.id"
    frame = engine.read_frame(db, sql, [table, *params])
    frame["placed"] = frame["lat"].notna() & frame["lon"].notna()
    return frame


def city_entities(db: sqlite_utils.Database, table: str, adcode: str, name: str) -> pd.DataFrame:
    """Centers or parks of a city, matched by adcode or, without one, by the city's name."""
    if table not in ("centers", "parks"):
        raise ValueError(f"no city listing for table {table!r}")
    short = name.removesuffix("市")
    return engine.read_frame(
        db,
        f"SELECT * FROM {table} WHERE city_adcode = ? OR (city_adcode IS NULL AND"
        " (city = ? OR city = ?)) ORDER BY name",
        [adcode, name, short],
    )


#: indicators computed from the store itself (always available): name -> (SQL, unit)
COMPUTED_INDICATORS = {
    "centers_count": (
        "SELECT city_adcode, COUNT(*) FROM centers WHERE city_adcode IS NOT NULL GROUP BY 1",
        "center",
    ),
    "seats_total": (
        "SELECT city_adcode, SUM(seats) FROM centers WHERE city_adcode IS NOT NULL"
        " AND seats IS NOT NULL GROUP BY 1",
        "seat",
    ),
    "parks_count": (
        "SELECT city_adcode, COUNT(*) FROM parks WHERE city_adcode IS NOT NULL GROUP BY 1",
        "park",
    ),
}


def city_indicator_names(db: sqlite_utils.Database) -> list[str]:
    """Indicators a choropleth can show: the computed ones, then those of ``city_indicators``."""
    names = list(COMPUTED_INDICATORS)
    if _exists(db, "city_indicators"):
        rows = db.execute(
            "SELECT DISTINCT indicator FROM city_indicators WHERE value IS NOT NULL ORDER BY 1"
        ).fetchall()
        names.extend(r[0] for r in rows)
    return names


def city_indicator_values(db: sqlite_utils.Database, indicator: str) -> dict[str, float]:
    """``{city_adcode: value}`` of an indicator (latest year for ``city_indicators``)."""
    if indicator in COMPUTED_INDICATORS:
        sql = COMPUTED_INDICATORS[indicator][0]
        return {str(a): float(v) for a, v in db.execute(sql).fetchall() if v is not None}
    if not _exists(db, "city_indicators"):
        raise KeyError(f"unknown indicator {indicator!r}")
    rows = db.execute(
        "SELECT adcode, value FROM city_indicators i WHERE indicator = ? AND value IS NOT NULL"
        " AND COALESCE(year, 0) = (SELECT MAX(COALESCE(year, 0)) FROM city_indicators j"
        " WHERE j.adcode = i.adcode AND j.indicator = i.indicator AND j.value IS NOT NULL)",
        [indicator],
    ).fetchall()
    if not rows and indicator not in city_indicator_names(db):
        raise KeyError(f"unknown indicator {indicator!r}")
    return {str(a): float(v) for a, v in rows}


#: text columns searched by :func:`search_everywhere`, per table (names, places, texts, tenants)
SEARCH_COLUMNS: dict[str, tuple[str, ...]] = {
    "centers": ("name", "name_en", "province", "city", "district", "industry", "description"),
    "parks": ("name", "name_en", "province", "city", "district", "operator", "description"),
    "park_tenants": ("company", "status", "note"),
    "incentives": ("name", "city", "basis", "conditions"),
    "kpis": ("metric", "definition", "note"),
    "industry_figures": ("metric", "scope", "note"),
    "cities": ("name_zh", "short_name_zh", "name_en", "province", "province_en"),
    "sources": ("title", "publisher", "url"),
}


def search_everywhere(
    db: sqlite_utils.Database, text: str, limit: int = 200
) -> dict[str, pd.DataFrame]:
    """Rows of every searchable table that contain ``text``, grouped by table.

    A plain substring match (``LIKE``, case-insensitive for Latin letters) over the columns of
    :data:`SEARCH_COLUMNS`, so that two-character Chinese terms such as 密云 match (the FTS5
    trigram index needs three). Tables without a hit are left out; each keeps at most ``limit``
    rows, in its key order. Park tenants carry their park's name (``park``).
    """
    text = text.strip()
    if not text:
        return {}
    pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    out: dict[str, pd.DataFrame] = {}
    for table, columns in SEARCH_COLUMNS.items():
        if not _exists(db, table):
            continue
        present = set(table_columns(db, table))
        searched = [c for c in columns if c in present]
        if not searched:
            continue
        spec = TABLES[table]
        like = engine.like(db)
        where = " OR ".join(f"t.{_q(c)} {like} ? ESCAPE '\\'" for c in searched)
        extra, join = "", ""
        if table == "park_tenants" and _exists(db, "parks"):
            extra, join = ", p.name AS park", " LEFT JOIN parks p ON p.id = t.park_id"
            where += f" OR p.name {like} ? ESCAPE '\\'"
            searched = [*searched, "park"]
        frame = engine.read_frame(
            db,
            f"SELECT t.*{extra} FROM {_q(table)} t{join} WHERE {where}"
            f" ORDER BY t.{_q(spec.pk)} LIMIT ?",
            [*([pattern] * len(searched)), limit],
        )
        if not frame.empty:
            out[table] = frame
    return out


def source_record(db: sqlite_utils.Database, source_id: str) -> dict | None:
    """A source's row plus how many facts it gave (``facts``); None for an unknown id."""
    rows = db.execute(
        "SELECT s.*, (SELECT COUNT(*) FROM facts f WHERE f.source_id = s.id) AS facts"
        " FROM sources s WHERE s.id = ?",
        [source_id],
    )
    names = [d[0] for d in rows.description]
    row = rows.fetchone()
    return dict(zip(names, row, strict=True)) if row else None


def source_document(source: dict) -> str | None:
    """The text of a curated source's document (``data/curated/sources/<file>``), else None."""
    from data.paths import CURATED_DIR

    name = str(source.get("url") or "")
    if source.get("kind") != "curated" or not name or "/" in name or "\\" in name:
        return None
    path = CURATED_DIR / "sources" / name
    return path.read_text(encoding="utf-8") if path.is_file() else None


def city_indicator_unit(db: sqlite_utils.Database, indicator: str) -> str | None:
    """The unit of a choropleth indicator (``person``, ``CNY``, ``fraction`` ...), None if unknown."""
    if indicator in COMPUTED_INDICATORS:
        return COMPUTED_INDICATORS[indicator][1]
    if not _exists(db, "city_indicators"):
        return None
    row = db.execute(
        "SELECT unit FROM city_indicators WHERE indicator = ? AND unit IS NOT NULL LIMIT 1",
        [indicator],
    ).fetchone()
    return row[0] if row else None


def municipality_points(db: sqlite_utils.Database, lang: str = "zh") -> list[tuple]:
    """``(adcode, name, lat, lon)`` of the municipalities (Beijing, Tianjin, Shanghai, Chongqing).

    Names in ``lang`` (English from ``cities.name_en`` when present).
    """
    if "level" not in table_columns(db, "cities"):
        return []
    name = "COALESCE(name_en, name_zh)" if lang == "en" else "name_zh"
    rows = db.execute(
        f"SELECT adcode, {name}, lat, lon FROM cities WHERE level = 'municipality'"
        " AND lat IS NOT NULL AND lon IS NOT NULL ORDER BY adcode"
    ).fetchall()
    return [tuple(r) for r in rows]


def city_label(db: sqlite_utils.Database, adcode: str, lang: str = "zh") -> str | None:
    """A city's name in ``lang`` from ``cities`` (English when the reference data has it)."""
    if not _exists(db, "cities"):
        return None
    row = db.execute(
        "SELECT name_zh, name_en FROM cities WHERE adcode = ?", [str(adcode)]
    ).fetchone()
    if row is None:
        return None
    return (row[1] or row[0]) if lang == "en" else row[0]


def city_indicator_table(db: sqlite_utils.Database, indicator: str) -> pd.DataFrame:
    """What the choropleth shows, for a download: one row per city with the value's source.

    Columns: ``adcode``, ``city`` (Chinese), ``city_en``, ``indicator``, ``value``, ``unit``,
    ``year``, ``source`` (title) and ``source_url``. Indicators computed from the store name the
    table they count as their source.
    """
    values = city_indicator_values(db, indicator)
    names = {}
    if _exists(db, "cities"):
        names = {
            str(a): (zh, en)
            for a, zh, en in db.execute("SELECT adcode, name_zh, name_en FROM cities").fetchall()
        }
    sources: dict[str, tuple] = {}
    if indicator in COMPUTED_INDICATORS:
        table = "parks" if indicator == "parks_count" else "centers"
        unit = COMPUTED_INDICATORS[indicator][1]
        origin = (None, f"ParkBench {table}", None)
    else:
        unit = city_indicator_unit(db, indicator)
        origin = (None, None, None)
        for a, year, title, url in db.execute(
            "SELECT i.adcode, i.year, s.title, s.url FROM city_indicators i"
            " LEFT JOIN sources s ON s.id = i.source_id WHERE i.indicator = ?"
            " AND i.value IS NOT NULL ORDER BY COALESCE(i.year, 0)",
            [indicator],
        ).fetchall():
            sources[str(a)] = (year, title, url)  # the latest year wins, as in the values
    rows = []
    for adcode, value in sorted(values.items()):
        zh, en = names.get(adcode, (None, None))
        year, title, url = sources.get(adcode, origin)
        rows.append(
            {
                "adcode": adcode,
                "city": zh,
                "city_en": en,
                "indicator": indicator,
                "value": value,
                "unit": unit,
                "year": year,
                "source": title,
                "source_url": url,
            }
        )
    return pd.DataFrame(
        rows,
        columns=[
            "adcode", "city", "city_en", "indicator", "value", "unit", "year", "source",
            "source_url",
        ],
    )  # fmt: skip


def english_place_names(db: sqlite_utils.Database) -> dict[str, str]:
    """``{Chinese name: English name}`` of cities and provinces from the reference ``cities``.

    Full and short names both map (北京市 and 北京 -> Beijing); the English names are the
    reference data's romanisations (pinyin, e.g. Neimenggu).
    """
    if not _exists(db, "cities"):
        return {}
    out: dict[str, str] = {}
    for zh, short, en, province, province_en in db.execute(
        "SELECT name_zh, short_name_zh, name_en, province, province_en FROM cities"
    ).fetchall():
        if en:
            out.setdefault(zh, en)
            if short:
                out.setdefault(short, en)
        if province and province_en:
            out.setdefault(province, province_en)
    return out


def chinese_city_names(db: sqlite_utils.Database) -> dict[str, str]:
    """``{English name: Chinese name}`` of the reference cities (the first city of a name wins)."""
    if not _exists(db, "cities"):
        return {}
    out: dict[str, str] = {}
    for zh, en in db.execute(
        "SELECT name_zh, name_en FROM cities WHERE name_en IS NOT NULL ORDER BY adcode"
    ).fetchall():
        out.setdefault(en, zh)
    return out
