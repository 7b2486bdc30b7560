"""What the read API says about a release: Datasette metadata, canned queries and limits.

Pure data (no Datasette import): :func:`api_metadata` builds the ``metadata`` dictionary of a
Datasette instance from the schema declaration and the data dictionary, so the API documents
the same tables, columns, units and licences as a release's ``dictionary.md``.

Canned queries (:data:`CANNED_QUERIES`), all read-only SQL over the release tables:

* ``search``: what the portal's search finds, across tables: names (Chinese and English),
  cities, districts, industries of centers and parks; incentives by name, text or place (their
  city, their park's district); park tenants by company, note or their park's place. ``LIKE`` with the term's ``%``/``_`` escaped, so a 2-character Chinese term such
  as 密云 matches (FTS5's trigram tokenizer cannot match fewer than 3 characters).
* ``park_tenants``: the tenants of a park, by park id or part of its Chinese or English name.
* ``incentives_by_city``: incentives of a city (their own city or their park's), by city
  name (北京 or 北京市), English name (Beijing) or adcode (110000).
"""

from __future__ import annotations

from data.release.citation import ABSTRACT, TITLE_EN, TITLE_ZH
from data.release.collect import release_tables
from data.release.formats import SQLITE_NAME
from data.schema.dictionary import build_dictionary, source_note
from data.schema.tables import Table

#: the path the API is served under, in the portal's server and alone (Datasette's base_url)
API_PREFIX = "/api"
#: the database name in API paths: the stem of the baked file (``parkbench.sqlite``)
API_DATABASE = SQLITE_NAME.removesuffix(".sqlite")

#: Datasette settings of the API: bounded time and rows for every query, read-only release
SETTINGS: dict[str, object] = {
    "base_url": API_PREFIX + "/",
    "sql_time_limit_ms": 1500,
    "max_returned_rows": 1000,
    "default_page_size": 100,
    "facet_time_limit_ms": 200,
    "suggest_facets": False,
    "max_csv_mb": 50,
    "num_sql_threads": 2,
    "allow_download": True,
    "default_cache_ttl": 60,
}

#: the LIKE pattern of a term: ``!`` escapes the term's own ``!``, ``%`` and ``_``
_PATTERN = "'%' || replace(replace(replace(trim({p}), '!', '!!'), '%', '!%'), '_', '!_') || '%'"


def _like(column: str) -> str:
    return f"{column} LIKE term.pat ESCAPE '!'"


def _any(*columns: str) -> str:
    return "(" + " OR ".join(_like(c) for c in columns) + ")"


SEARCH_SQL = f"""WITH term(q, pat) AS (SELECT trim(:q), {_PATTERN.format(p=":q")})
SELECT 'centers' AS table_name, c.id, c.name, c.name_en, c.province, c.city, c.district,
  NULL AS park_id, NULL AS park, c.industry AS text
FROM centers c CROSS JOIN term
WHERE term.q != '' AND {_any("c.name", "c.name_en", "c.city", "c.district", "c.industry")}
UNION ALL
SELECT 'parks', p.id, p.name, p.name_en, p.province, p.city, p.district, p.id, p.name,
  p.operator
FROM parks p CROSS JOIN term
WHERE term.q != '' AND {_any("p.name", "p.name_en", "p.city", "p.district", "p.operator")}
UNION ALL
SELECT 'incentives', i.id, i.name, NULL, p.province, COALESCE(i.city, p.city), p.district,
  i.park_id, p.name, i.conditions
FROM incentives i LEFT JOIN parks p ON p.id = i.park_id CROSS JOIN term
WHERE term.q != ''
  AND {_any("i.name", "i.conditions", "COALESCE(i.city, p.city)", "p.district")}
UNION ALL
SELECT 'park_tenants', t.id, t.company, NULL, p.province, p.city, p.district, t.park_id,
  p.name, t.note
FROM park_tenants t LEFT JOIN parks p ON p.id = t.park_id CROSS JOIN term
WHERE term.q != '' AND {_any("t.company", "t.note", "p.city", "p.district")}
ORDER BY table_name, name, id"""

PARK_TENANTS_SQL = f"""WITH term(q, pat) AS (SELECT trim(:park), {_PATTERN.format(p=":park")})
SELECT p.id AS park_id, p.name AS park, p.city, t.company, t.center_id, c.name AS center,
  t.seats, t.seats_bound, t.seats_high, t.year, t.status, t.note, t.id
FROM park_tenants t JOIN parks p ON p.id = t.park_id
LEFT JOIN centers c ON c.id = t.center_id CROSS JOIN term
WHERE term.q != '' AND (p.id = term.q OR {_any("p.name", "p.name_en")})
ORDER BY p.name, t.company, t.id"""

INCENTIVES_BY_CITY_SQL = """WITH arg(city) AS (SELECT trim(:city))
SELECT COALESCE(i.city, p.city) AS city, COALESCE(i.city_adcode, p.city_adcode) AS city_adcode,
  i.park_id, p.name AS park, i.name, i.kind, i.basis, i.rate, i.amount_cny, i.amount_unit,
  i.cap_cny, i.duration_years, i.start_year_offset, i.min_investment_cny, i.min_revenue_cny,
  i.min_seats, i.tier, i.conditions, i.id
FROM incentives i LEFT JOIN parks p ON p.id = i.park_id
LEFT JOIN cities g ON g.adcode = COALESCE(i.city_adcode, p.city_adcode)
CROSS JOIN arg
WHERE arg.city != '' AND (
  COALESCE(i.city_adcode, p.city_adcode) = arg.city
  OR COALESCE(i.city, p.city) = arg.city
  OR g.name_zh = arg.city OR g.short_name_zh = arg.city
  OR lower(g.name_en) = lower(arg.city) OR lower(g.name_en_full) = lower(arg.city))
ORDER BY park, i.tier, i.name, i.id"""

#: name -> Datasette canned query (``sql``, ``title``, ``description``)
CANNED_QUERIES: dict[str, dict[str, str]] = {
    "search": {
        "sql": SEARCH_SQL,
        "title": "搜索 Search: centers, parks, incentives, tenants",
        "description": (
            "名称、城市、区县、政策条文、入驻企业中包含 q 的记录（两个汉字也可）。"
            " Rows of centers, parks, incentives and park tenants whose names, city, district,"
            " incentive text or company contain q (any length, 2-character Chinese included)."
        ),
    },
    "park_tenants": {
        "sql": PARK_TENANTS_SQL,
        "title": "园区入驻企业 Tenants of a park",
        "description": (
            "park：园区标识或名称的一部分。 park: the park id or part of its Chinese or"
            " English name."
        ),
    },
    "incentives_by_city": {
        "sql": INCENTIVES_BY_CITY_SQL,
        "title": "城市优惠政策 Incentives by city",
        "description": (
            "city：城市名（北京 或 北京市）、英文名（Beijing）或行政区划代码（110000）；"
            "包括该市园区的政策。 city: name (北京 or 北京市), English name or adcode;"
            " includes the incentives of the city's parks."
        ),
    },
}

_SPDX_URL = "https://spdx.org/licenses/{}.html"


def _licence(text: str) -> dict[str, str]:
    if " " in text:
        return {"license": text}
    return {"license": text, "license_url": _SPDX_URL.format(text)}


def _table_source(table: Table) -> str:
    # where the values come from, as the dictionary states it for an ordinary column
    column = next((c for c in table.columns if c.name != table.pk), table.columns[0])
    zh, en = source_note(table, column)
    return f"{zh} / {en}"


def _column_description(row: dict) -> str:
    text = f"{row['zh']} / {row['en']}"
    if row["unit"]:
        text += f" [{row['unit']}]"
    if row["foreign_key"]:
        text += f" -> {row['foreign_key']}"
    return text


def api_metadata(database: str, data_version: str | None = None) -> dict:
    """Datasette metadata for a release database named ``database`` (the file's stem).

    Title, description, licence and source of the whole API; per table its bilingual title,
    licence, source note and one description per column (meaning, unit, foreign key) from
    :func:`data.schema.dictionary.build_dictionary`; the canned queries.
    """
    tables = release_tables()
    rows = build_dictionary(tables)
    columns: dict[str, dict[str, str]] = {}
    for r in rows:
        columns.setdefault(r["table"], {})[r["column"]] = _column_description(r)
    described = {
        t.name: {
            "title": f"{t.zh} / {t.en}",
            "description": f"{t.zh} / {t.en}",
            "source": _table_source(t),
            **_licence(t.licence),
            "columns": columns.get(t.name, {}),
        }
        for t in tables
    }
    version = f" Data version {data_version}." if data_version else ""
    return {
        "title": f"{TITLE_ZH} / ParkBench API",
        "description": (
            f"{ABSTRACT} Read-only: the published release (as `parkbench export` writes it),"
            f" never the working database.{version}"
        ),
        "license": "CC-BY-4.0 (curated data); reference tables keep their own licence",
        "license_url": _SPDX_URL.format("CC-BY-4.0"),
        "source": f"{TITLE_EN}: every value cites its source in field_sources",
        "databases": {
            database: {
                "title": TITLE_EN,
                "tables": described,
                "queries": CANNED_QUERIES,
            }
        },
    }


def api_paths(table: str) -> dict[str, str]:
    """Paths (from the server root) of the API pages a reader of ``table`` starts from."""
    base = f"{API_PREFIX}/{API_DATABASE}"
    return {
        "index": f"{base}",
        "json": f"{base}/{table}.json",
        "csv": f"{base}/{table}.csv?_stream=on",
        "search": f"{base}/search.json?q=",
    }
