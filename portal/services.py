"""Cached access to the store for the pages: the only module that uses Streamlit's caches.

Public pages read through one read-only connection per database file
(``open_db(path, read_only=True)``); query results are cached per database and invalidated
when the file changes (its modification time is part of every cache key), so an import shows
up on the next page load.
"""

from __future__ import annotations

import os
from pathlib import Path

import sqlite_utils
import streamlit as st

from data.inputs import site_facts
from data.inputs.benchmark import (
    load_award_entries,
    load_centers,
    load_industry_reference,
    load_kpi_observations,
)
from data.store import queries
from data.store.database import default_db_path, open_db
from data.store.engine import data_version as engine_version
from data.store.engine import is_postgres, is_usable
from data.store.public import hide_unpublished, show_synthetic
from usecases.search import search


def db_path() -> Path | str:
    """The database the portal serves: $PARKBENCH_DB, else build/parkbench.sqlite.

    A ``postgresql://`` URL stays a string.
    """
    return default_db_path()


def db_version(path: Path | str | None = None) -> str:
    """A key that changes whenever the database is written: the modification times of the
    SQLite file and its WAL, or PostgreSQL's WAL position (``data.store.engine``)."""
    path = path or db_path()
    # PostgreSQL: asked on the shared reader connection, not a new connection per page
    return engine_version(path, _working_reader(str(path)) if is_postgres(path) else None)


def data_version(path: Path | str | None = None) -> tuple[str, bool]:
    """The cache key of what the public pages read: :func:`db_version` and whether synthetic
    rows are shown (``PARKBENCH_SHOW_SYNTHETIC``), so the two views never share a cached result."""
    return db_version(path), show_synthetic()


@st.cache_resource(show_spinner=False, validate=is_usable)  # a lost PG connection: reopen
def _public_reader(path: str, synthetic: bool) -> sqlite_utils.Database:
    db = open_db(path, read_only=True)
    return db if synthetic else hide_unpublished(db)


def _reader(path: str) -> sqlite_utils.Database:
    return _public_reader(path, show_synthetic())


def reader() -> sqlite_utils.Database:
    """The shared read-only connection of the served database, as the public may see it.

    Unpublished rows and tables are hidden (:func:`data.store.public.hide_unpublished`): no
    synthetic rows, rejects, review queue or crawl log, unless ``PARKBENCH_SHOW_SYNTHETIC=1``
    (demo and test portals on a fixture store).
    """
    return _reader(str(db_path()))


@st.cache_resource(show_spinner=False, validate=is_usable)
def _working_reader(path: str) -> sqlite_utils.Database:
    return open_db(path, read_only=True)


def admin_reader() -> sqlite_utils.Database:
    """A read-only connection of the whole working store (administration page only)."""
    return _working_reader(str(db_path()))


def writer() -> sqlite_utils.Database:
    """A writable connection (administration page only, after authentication)."""
    return open_db(db_path())


def _cached(func):
    """Cache a query ``func(db, *args)`` per database file and version."""

    @st.cache_data(show_spinner=False, max_entries=256)
    def run(path: str, version: tuple[str, bool], name: str, *args, **kwargs):
        return func(_public_reader(path, version[1]), *args, **kwargs)

    def call(*args, **kwargs):
        path = db_path()
        return run(str(path), data_version(path), func.__name__, *args, **kwargs)

    call.__name__ = func.__name__
    call.__doc__ = func.__doc__
    return call


overview_counts = _cached(queries.overview_counts)
last_update = _cached(queries.last_update)
counts_by_province = _cached(queries.counts_by_province)
latest_sources = _cached(queries.latest_sources)
browsable_tables = _cached(queries.browsable_tables)
distinct_values = _cached(queries.distinct_values)
load_table = _cached(queries.load_table)
entity_facts = _cached(queries.entity_facts)
entity_conflicts = _cached(queries.entity_conflicts)
load_markers = _cached(queries.load_markers)
city_entities = _cached(queries.city_entities)
english_place_names = _cached(queries.english_place_names)
chinese_city_names = _cached(queries.chinese_city_names)
search_everywhere = _cached(search)
source_record = _cached(queries.source_record)


@st.cache_data(show_spinner=False, max_entries=32)
def source_document(source: dict) -> str | None:
    """:func:`data.store.queries.source_document`, cached per source row."""
    return queries.source_document(source)


def database_bytes() -> bytes:
    """The published release as one SQLite file (the writer of ``parkbench export``).

    Only published tables and rows: no rejects, review queue, crawl log, archived source
    files, test or generated sources, nor columns an import ignored.
    """
    from usecases.release import release_database

    return release_database(admin_reader())


@st.cache_data(show_spinner=False, max_entries=4)
def _database_bytes(path: str, version: tuple[str, bool]) -> bytes:
    return database_bytes()


def cached_database_bytes() -> bytes:
    """:func:`database_bytes`, cached per database version."""
    path = db_path()
    return _database_bytes(str(path), data_version(path))


def admin_password() -> str | None:
    """The administrator password from $PARKBENCH_ADMIN_PASSWORD or ``st.secrets``; else None."""
    env = os.environ.get("PARKBENCH_ADMIN_PASSWORD")
    if env:
        return env
    try:
        value = st.secrets.get("admin_password")
    except (FileNotFoundError, KeyError, st.errors.StreamlitSecretNotFoundError):
        return None
    return str(value) if value else None


@st.cache_resource(show_spinner=False)
def login_throttle():
    """The one :class:`portal.throttle.LoginThrottle` of this server process."""
    from portal.throttle import LoginThrottle

    return LoginThrottle()


@st.cache_data(show_spinner=False)
def boundaries_geojson(name: str, mtime: float) -> dict | None:
    """A boundary layer (``provinces``, ``prefectures``, ``border``, ``lines``) as GeoJSON."""
    from portal.components.map import read_boundaries

    return read_boundaries(name)


def boundaries(name: str) -> dict | None:
    """:func:`boundaries_geojson` keyed on the file's modification time (None when absent)."""
    from portal.components.map import BOUNDARY_DIR

    path = BOUNDARY_DIR / f"{name}.geojson"
    if not path.exists():
        return None
    return boundaries_geojson(name, path.stat().st_mtime)


city_indicator_names = _cached(queries.city_indicator_names)
city_indicator_values = _cached(queries.city_indicator_values)
city_indicator_unit = _cached(queries.city_indicator_unit)
city_indicator_table = _cached(queries.city_indicator_table)
municipality_points = _cached(queries.municipality_points)
city_label = _cached(queries.city_label)


@st.cache_data(show_spinner=False, max_entries=8)
def _boundary_payload(name: str, mtime: float) -> str | None:
    from portal.components.map import boundary_payload, read_boundaries

    return boundary_payload(read_boundaries(name))


def boundary_payload(name: str) -> str | None:
    """A boundary layer as the compact JSON the map sends, cached per file version."""
    from portal.components.map import BOUNDARY_DIR

    path = BOUNDARY_DIR / f"{name}.geojson"
    if not path.exists():
        return None
    return _boundary_payload(name, path.stat().st_mtime)


@st.cache_data(show_spinner=False, max_entries=64)
def _marker_payload(path, version, table, provinces, industries, seats, lang):
    from portal.components.map import marker_payload
    from portal.i18n import fmt_number

    frame = queries.load_markers(
        _reader(path),
        table,
        provinces=list(provinces),
        industries=list(industries),
        seats=seats,
    )
    frame["seats_text"] = [
        fmt_number(v, "seat", lang) if v == v and v is not None else None for v in frame["seats"]
    ]
    if lang == "en":
        from portal.components.names import localise_frame

        frame = localise_frame(frame, queries.english_place_names(_reader(path)), lang)
    return marker_payload(frame), int(frame["placed"].sum()), int((~frame["placed"]).sum())


def map_markers(
    table: str,
    *,
    provinces: tuple[str, ...] = (),
    industries: tuple[str, ...] = (),
    seats: tuple[float | None, float | None] | None = None,
    lang: str = "zh",
) -> tuple[str, int, int]:
    """``(marker JSON, placed, unplaced)`` of centers or parks for the map, cached per filter."""
    path = db_path()
    return _marker_payload(
        str(path), data_version(path), table, tuple(provinces), tuple(industries), seats, lang
    )


# -- Compare sites and Staffing & cost: criteria table, comparisons, cost contexts


@st.cache_data(show_spinner=False, max_entries=4)
def _criteria_table(path: str, version: tuple[str, bool]):
    from usecases.ranking import criteria_table as build_table

    return build_table(_reader(path), include_parks=True)


@st.cache_data(show_spinner=False, max_entries=4)
def _criteria_table_in(path: str, version: tuple[str, bool], lang: str):
    from portal.components.names import localise_frame

    table = _criteria_table(path, version)
    if lang != "en":
        return table
    places = queries.english_place_names(_reader(path))
    out = localise_frame(table, places, lang)
    cities = out["kind"] == "city"
    out.loc[cities, "name"] = [places.get(n, n) for n in table.loc[cities, "name"]]
    return out


def criteria_table():
    """Every candidate city and park with its criteria (``load_criteria_table``, cost priced).

    In English, cities and provinces carry the reference data's English names.
    """
    from portal.i18n import current_lang

    path = db_path()
    return _criteria_table_in(str(path), data_version(path), current_lang())


@st.cache_data(show_spinner=False, max_entries=16)
def _default_comparison(path: str, version: tuple[str, bool], lang: str) -> list[str]:
    from models.site_ranking import busiest_rankable_cities

    return busiest_rankable_cities(_criteria_table_in(path, version, lang))


def default_comparison() -> list[str]:
    """The sites the Compare page starts with: the two busiest cities the ranking can place
    (``models.site_ranking.busiest_rankable_cities``), cached per database version."""
    from portal.i18n import current_lang

    path = db_path()
    return _default_comparison(str(path), data_version(path), current_lang())


@st.cache_data(show_spinner=False, max_entries=64)
def _comparison(
    path: str, version: tuple[str, bool], chosen, preset, weights, method, draws, lang="zh"
):
    from usecases.ranking import compare_sites

    return compare_sites(
        _criteria_table_in(path, version, lang),
        chosen,
        preset=preset,
        weights=weights,
        method=method,
        draws=draws,
    )


def site_comparison(
    chosen: tuple[str, ...],
    *,
    preset: str | None = None,
    weights: tuple[tuple[str, float], ...] | None = None,
    method: str = "wsm",
    draws: int = 1000,
):
    """``usecases.ranking.compare_sites`` of the chosen ids on the cached criteria table."""
    from portal.i18n import current_lang

    path = db_path()
    return _comparison(
        str(path), data_version(path), chosen, preset, weights, method, draws, current_lang()
    )


@st.cache_data(show_spinner=False, max_entries=64)
def _cost_context(path: str, version: tuple[str, bool], city: str, park: str | None):
    from usecases.pricing import site_context

    return site_context(_reader(path), city, park)


def cost_context(city: str, park: str | None = None):
    """``usecases.pricing.site_context`` of a city (and park) in the served database.

    ``city`` may be the English name the English pages show; it is read back to Chinese.
    """
    path = db_path()
    version = data_version(path)
    city = chinese_city_names().get(city, city)
    return _cost_context(str(path), version, city, park)


@st.cache_data(show_spinner=False, max_entries=256)
def capacity(agents: int, aht_seconds: float, target_sl: float, answer_seconds: float) -> float:
    """``usecases.staffing.capacity``: peak-hour calls ``agents`` agents answer, calls/h."""
    from usecases.staffing import capacity as calls_per_hour

    return calls_per_hour(agents, aht_seconds, target_sl, answer_seconds)


@st.cache_data(show_spinner=False, max_entries=64)
def cost_curve(inputs, calls_per_hour: float, aht_seconds: float, patience, rules, years: int):
    """``usecases.staffing.cost_curve`` (targets ``CURVE_TARGETS``), cached per input."""
    from usecases.staffing import cost_curve as curve

    return curve(inputs, calls_per_hour, aht_seconds, patience, rules, years)


site_indicators = _cached(site_facts.site_indicators)
site_incentives = _cached(site_facts.site_incentives)
site_names_en = _cached(site_facts.site_names_en)
# -- benchmark and awards inputs (data.inputs.benchmark), cached per database version
benchmark_centers = _cached(load_centers)
kpi_observations = _cached(load_kpi_observations)


def _award_entries(db: sqlite_utils.Database) -> list:
    # the centers frame Benchmark caches, not a second read of the same 10,000 rows
    return load_award_entries(db, centers=benchmark_centers())


award_entries = _cached(_award_entries)
award_entries.__doc__ = load_award_entries.__doc__


@st.cache_data(show_spinner=False)
def industry_reference() -> list[dict]:
    """Published industry KPI averages (``data/reference/industry_kpis``), read once."""
    return load_industry_reference()


@st.cache_data(show_spinner=False, max_entries=64)
def _award_board(path, version, rubric_name, year, category, min_coverage):
    from usecases.awards import award_board as board

    return board(_reader(path), rubric_name, year=year, category=category,
                 min_coverage=min_coverage, entries=award_entries())  # fmt: skip


def award_board(rubric_name: str, *, year=None, category=None, min_coverage: float) -> list[dict]:
    """``usecases.awards.award_board`` of the stored centers on a rubric, cached per choice."""
    path = db_path()
    return _award_board(
        str(path), data_version(path), rubric_name, year, category, float(min_coverage)
    )


@st.cache_data(show_spinner=False, max_entries=64)
def _minute_cost(path: str, version: tuple[str, bool], city: str, seats: int) -> float:
    from usecases.pricing import cost_per_minute

    return cost_per_minute(_reader(path), city, seats=seats)


def minute_cost(city: str, seats: int) -> float:
    """``usecases.pricing.cost_per_minute`` of ``city`` (CNY per handled minute), cached."""
    path = db_path()
    return _minute_cost(str(path), data_version(path), city, seats)
