"""Join the reference datasets to today's prefecture-level units, recording every row that fails.

Join rules (tested in ``tests/test_geo_joins.py``, documented in ``docs/geography.md``):

- **Municipalities**: the census codes Beijing, Tianjin, Shanghai and Chongqing as 110100,
  120100, 310100 and 500100; the city table uses 110000, 120000, 310000 and 500000. County codes
  under a municipality (1101xx, 5002xx ...) belong to the municipality.
- **County-level units run by a province** (济源 419001, 仙桃 429004, Hainan's 4690xx, the XPCC
  cities 6590xx) are their own rows in the city table: their code is kept as is.
- **Abolished or renamed cities** map to their successor when the successor took the whole
  territory (莱芜市 371200 -> 济南市 370100, 2019): the values are added to the successor and
  the indicator's note says so. A code or name that is neither current nor in that table is
  listed in ``geo_unjoined`` with the reason.
- **Census zones without a code** (development zones, 管理区) carry their prefecture's name and
  are summed into it. The "省直辖县级行政区划" subtotals and the South-China-Sea island groups
  (parts of 三沙市, whose own row is kept) are left out when the file is trimmed; a prefecture-level
  city without districts (东莞, 中山, 儋州, 嘉峪关, 三沙) is its own single row.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from data.geo.coords import great_circle_km

MUNICIPALITY_CENSUS_CODES = {
    "110100": "110000",
    "120100": "120000",
    "310100": "310000",
    "500100": "500000",
}
MUNICIPALITY_PREFIXES = {"11": "110000", "12": "120000", "31": "310000", "50": "500000"}
#: former prefecture-level code or name -> (successor adcode, note)
ABOLISHED = {
    "371200": ("370100", "莱芜市 (371200) was abolished in 2019 and merged into 济南市"),
    "莱芜市": ("370100", "莱芜市 (371200) was abolished in 2019 and merged into 济南市"),
    "341400": ("340100", "巢湖市 (341400) was abolished in 2011; most of it went to 合肥市"),
}

#: IATA airports left out of "nearest airport": no scheduled passenger service
NO_PASSENGER_SERVICE = {
    "NAY": "Beijing Nanyuan closed to civil flights on 2019-09-25 (moved to Daxing PKX)",
    "DEQ": "Deqing Moganshan is a general-aviation field without scheduled passenger flights",
    "SZV": "Suzhou Guangfu is a military airfield without scheduled passenger flights",
}

NOT_COVERED_REASONS = {
    "629700": "Tianditu-only special zone in Gansu, not a statistical unit",
    "629800": "Tianditu-only special zone in Gansu, not a statistical unit",
    "629900": "Tianditu-only special zone in Gansu, not a statistical unit",
    "659011": "XPCC city created after the 2020 census",
    "659012": "XPCC city created after the 2020 census",
    "710000": "Taiwan is not covered by mainland statistics",
    "810000": "Hong Kong is not covered by mainland statistics",
    "820000": "Macau is not covered by mainland statistics",
}


@dataclass
class JoinResult:
    """Indicator rows (long form), unjoined rows, and the airport and station tables."""

    indicators: list[dict] = field(default_factory=list)
    unjoined: list[dict] = field(default_factory=list)
    airports: pd.DataFrame | None = None
    stations: pd.DataFrame | None = None

    def add(self, adcode, indicator, value, unit, year, source, note=None, value_text=None) -> None:
        if value is None or (isinstance(value, float) and np.isnan(value)):
            return
        self.indicators.append(
            {"adcode": adcode, "indicator": indicator, "value": float(value), "value_text": value_text,
             "unit": unit, "year": year, "source": source, "note": note}
        )  # fmt: skip

    def miss(self, dataset, kind, code, name, reason) -> None:
        self.unjoined.append(
            {"dataset": dataset, "kind": kind, "code": code, "name": name, "reason": reason}
        )


def census_city_code_to_adcode(code: str, city_codes: set[str]) -> tuple[str | None, str | None]:
    """Adcode of a census city code, and a note when a join rule applied (or the failure reason).

    Examples
    --------
    >>> census_city_code_to_adcode("110100", {"110000"})
    ('110000', 'census municipality code 110100 -> 110000')
    >>> census_city_code_to_adcode("371200", {"370100"})[0]
    '370100'
    """
    if code in MUNICIPALITY_CENSUS_CODES:
        return MUNICIPALITY_CENSUS_CODES[
            code
        ], f"census municipality code {code} -> {MUNICIPALITY_CENSUS_CODES[code]}"
    if code in city_codes:
        return code, None
    if code in ABOLISHED:
        return ABOLISHED[code]
    return None, f"code {code} is not a current prefecture-level unit"


def county_code_to_adcode(code: str, city_codes: set[str]) -> str | None:
    """Prefecture-level adcode of a county-level code (municipalities, province-run units, successors).

    Examples
    --------
    >>> county_code_to_adcode("110228", {"110000"})
    '110000'
    >>> county_code_to_adcode("419001", {"419001", "410800"})
    '419001'
    >>> county_code_to_adcode("330106", {"330100"})
    '330100'
    """
    if code[:2] in MUNICIPALITY_PREFIXES:
        return MUNICIPALITY_PREFIXES[code[:2]]
    if code in city_codes:
        return code
    parent = code[:4] + "00"
    if parent in city_codes:
        return parent
    if parent in ABOLISHED:
        return ABOLISHED[parent][0]
    return None


def aggregate_county_census(
    directory: Path, cities: pd.DataFrame, result: JoinResult | None = None
) -> pd.DataFrame:
    """Sum the trimmed county census file to today's cities (index: adcode)."""
    codes = set(cities.city_adcode)
    by_name = {(r.province_name_zh, r.city_name_zh): r.city_adcode for r in cities.itertuples()}
    county = pd.read_csv(
        directory / "census" / "census_county_2020_trimmed.csv", dtype={"county_code": str}
    )
    adcodes = []
    for r in county.itertuples():
        if isinstance(r.county_code, str) and r.county_code:
            # a code that maps nowhere (e.g. the misprinted 170971 of 五台山) falls back to the name
            adcode = county_code_to_adcode(r.county_code, codes) or by_name.get(
                (r.province, r.prefecture)
            )
            reason = (
                f"county code {r.county_code} and prefecture {r.prefecture} match no current unit"
            )
        else:
            adcode = by_name.get((r.province, r.prefecture))
            reason = f"uncoded zone whose prefecture {r.prefecture} is not a current unit"
        if adcode is None and result is not None:
            result.miss(
                "census_county",
                "source_row",
                r.county_code if isinstance(r.county_code, str) else "",
                f"{r.province}{r.prefecture}{r.county}",
                reason,
            )
        adcodes.append(adcode)
    county["adcode"] = adcodes
    value_cols = ["population_2020", "college_educated", "in_migrants_other_county_same_province",
                  "in_migrants_other_province", "industry_sample_total", "industry_sample_tertiary"]  # fmt: skip
    grouped = county.dropna(subset=["adcode"]).groupby("adcode")
    agg = grouped[value_cols].sum()
    agg["county_rows"] = grouped.size()
    return agg


def _join_census(cities: pd.DataFrame, directory: Path, result: JoinResult) -> None:
    codes = set(cities.city_adcode)
    agg = aggregate_county_census(directory, cities, result)
    city = pd.read_csv(directory / "census" / "census_city_2010_2020.csv", dtype={"city_code": str})
    seen = set()
    for r in city.itertuples():
        adcode, note = census_city_code_to_adcode(r.city_code, codes)
        if adcode is None:
            result.miss("census_city", "source_row", r.city_code, r.city, note)
            continue
        seen.add(adcode)
        pop, pop_note = r.popu_2020, note
        if np.isnan(pop) and adcode in agg.index:
            pop = agg.loc[adcode, "population_2020"]
            pop_note = "; ".join(
                filter(None, [note, "missing in the city file: sum of the county file"])
            )
        result.add(adcode, "population_2020", pop, "person", 2020, "census_city", pop_note)
        result.add(
            adcode,
            "population_2010",
            r.popu_2010,
            "person",
            2010,
            "census_city",
            "; ".join(filter(None, [note, "2010 census on 2020 boundaries"])),
        )
        if not np.isnan(r.age_15_59_2020):
            result.add(adcode, "working_age_population_2020", pop * r.age_15_59_2020 / 100.0, "person", 2020, "census_city",
                       "; ".join(filter(None, [note, f"population_2020 x share aged 15-59 ({r.age_15_59_2020}%)"])))  # fmt: skip
        if not np.isnan(r.popu_urban_2020) and r.popu_2020 > 0:
            result.add(
                adcode,
                "urban_population_share_2020",
                r.popu_urban_2020 / r.popu_2020,
                "fraction",
                2020,
                "census_city",
                note,
            )
    for r in cities.itertuples():
        if r.city_adcode not in seen:
            result.miss(
                "census_city",
                "city_not_covered",
                r.city_adcode,
                r.city_name_zh,
                NOT_COVERED_REASONS.get(r.city_adcode, "no row in the census city file"),
            )

    for adcode, a in agg.iterrows():
        src, note = (
            "census_county",
            f"sum of {int(a.county_rows)} rows of the 2020 census county file",
        )
        result.add(
            adcode,
            "college_educated_population_2020",
            a.college_educated,
            "person",
            2020,
            src,
            note + "; 大学专科 + 本科及以上, full count",
        )
        if a.population_2020 > 0:
            result.add(
                adcode,
                "college_educated_share_2020",
                a.college_educated / a.population_2020,
                "fraction",
                2020,
                src,
                note + "; over the county-file population",
            )
        result.add(adcode, "in_migrants_2020", a.in_migrants_other_county_same_province + a.in_migrants_other_province, "person", 2020, src,
                   note + "; residents registered (hukou) in another county of the province or in another province")  # fmt: skip
        result.add(
            adcode,
            "in_migrants_other_province_2020",
            a.in_migrants_other_province,
            "person",
            2020,
            src,
            note + "; hukou in another province",
        )
        if a.industry_sample_total > 0:
            result.add(adcode, "tertiary_sector_employment_share_2020", a.industry_sample_tertiary / a.industry_sample_total, "fraction", 2020, src,
                       note + "; share of employed persons in tertiary industries, 10% long-form sample")  # fmt: skip
    for r in cities.itertuples():
        if r.city_adcode not in agg.index:
            result.miss(
                "census_county",
                "city_not_covered",
                r.city_adcode,
                r.city_name_zh,
                NOT_COVERED_REASONS.get(r.city_adcode, "no county row maps to this unit"),
            )


def _join_yearbook(cities: pd.DataFrame, directory: Path, result: JoinResult) -> None:
    by_name = dict(zip(cities.city_name_zh, cities.city_adcode, strict=True))
    yb = pd.read_csv(directory / "yearbook" / "yearbook_2015.csv")
    sums: dict[str, dict] = {}
    for r in yb.itertuples():
        adcode, note = by_name.get(r.city), None
        if adcode is None and r.city in ABOLISHED:
            adcode, note = ABOLISHED[r.city]
        if adcode is None:
            result.miss(
                "yearbook_2015",
                "source_row",
                "",
                r.city,
                "name matches no current prefecture-level unit",
            )
            continue
        s = sums.setdefault(adcode, {"gdp": 0.0, "fiscal": 0.0, "notes": []})
        s["gdp"] += r.GDP10000 * 1e4
        s["fiscal"] += r.Fiscal10000 * 1e4
        if note:
            s["notes"].append(f"includes {note}")
    for adcode, s in sums.items():
        note = "; ".join(
            ["2015 figure, current prices; China City Statistical Yearbook", *s["notes"]]
        )
        result.add(adcode, "gdp_2015_cny", s["gdp"], "CNY", 2015, "yearbook_2015", note)
        result.add(
            adcode,
            "fiscal_revenue_2015_cny",
            s["fiscal"],
            "CNY",
            2015,
            "yearbook_2015",
            note + "; local general budget revenue",
        )
    for r in cities.itertuples():
        if r.city_adcode not in sums:
            result.miss("yearbook_2015", "city_not_covered", r.city_adcode, r.city_name_zh,
                        NOT_COVERED_REASONS.get(r.city_adcode, "not in the 2015 yearbook extract (279 cities; most autonomous prefectures and province-run units are absent)"))  # fmt: skip


def _join_airports(cities: pd.DataFrame, directory: Path, result: JoinResult) -> None:

    ap = pd.read_csv(directory / "airports" / "airports.csv", dtype={"city_adcode": str})
    result.airports = ap
    codes = set(cities.city_adcode)
    for r in ap.itertuples():
        if r.city_adcode not in codes:
            result.miss(
                "airports",
                "source_row",
                r.icao,
                r.name,
                f"city {r.city_adcode} is not in the city table",
            )
    iata = ap.dropna(subset=["iata"])
    iata = iata[~iata.iata.isin(list(NO_PASSENGER_SERVICE))].reset_index(drop=True)
    dist = great_circle_km(
        cities.lat.to_numpy()[:, None],
        cities.lon.to_numpy()[:, None],
        iata.lat.to_numpy()[None, :],
        iata.lon.to_numpy()[None, :],
    )
    nearest = dist.argmin(axis=1)
    for i, r in enumerate(cities.itertuples()):
        a = iata.iloc[nearest[i]]
        result.add(r.city_adcode, "nearest_airport_km", round(float(dist[i, nearest[i]]), 1), "km", 2026, "airports",
                   f"great circle from the city seat point to {a.iata} {a['name']}", value_text=a.iata)  # fmt: skip


def _join_stations(cities: pd.DataFrame, directory: Path, result: JoinResult) -> None:
    from data.geo.geocode import geocode_city

    st = pd.read_csv(directory / "railway" / "railway_stations.csv", dtype=str)
    codes = set(cities.city_adcode)
    adcodes, how = [], []
    for r in st.itertuples():
        code, method = (
            r.city_adcode_guess if isinstance(r.city_adcode_guess, str) else None,
            "source_guess",
        )
        if code is None and not isinstance(r.country, str):
            m = geocode_city(r.city) if isinstance(r.city, str) else None
            code, method = (m.adcode, "geocoded") if m else (None, None)
        if code is None or code not in codes:
            reason = (
                f"station abroad ({r.country})"
                if isinstance(r.country, str)
                else f"12306 city {r.city!r} resolves to no unique city"
            )
            result.miss("railway_stations", "source_row", r.telecode, r.name, reason)
            code, method = None, None
        adcodes.append(code)
        how.append(method)
    st["city_adcode"] = adcodes
    st["city_match"] = how
    result.stations = st[["telecode", "name", "pinyin", "city", "city_adcode", "city_match"]]
    counts = st.dropna(subset=["city_adcode"]).groupby("city_adcode").size()
    for r in cities.itertuples():
        result.add(r.city_adcode, "railway_stations", float(counts.get(r.city_adcode, 0)), "station", 2026, "railway",
                   "passenger stations in the 12306 list (high-speed and conventional alike)")  # fmt: skip


def _join_flags(cities: pd.DataFrame, directory: Path, result: JoinResult) -> None:
    so = pd.read_csv(
        directory / "outsourcing" / "service_outsourcing_model_cities.csv",
        dtype={"city_adcode": str},
    )
    codes = set(cities.city_adcode)
    model = {}
    for r in so.itertuples():
        if r.city_adcode in codes:
            model[r.city_adcode] = r.batch
        else:
            result.miss(
                "outsourcing",
                "source_row",
                r.city_adcode,
                r.city_name_zh,
                "code not in the city table",
            )
    for r in cities.itertuples():
        batch = model.get(r.city_adcode)
        result.add(r.city_adcode, "service_outsourcing_model_city", 1.0 if batch else 0.0, "flag", 2016, "outsourcing",
                   f"batch {batch}" if batch else "not among the 31 model cities of 2016 (later additions unverified)")  # fmt: skip
        result.add(
            r.city_adcode,
            "is_provincial_capital",
            1.0 if bool(r.is_provincial_capital) else 0.0,
            "flag",
            2024,
            "cities",
        )


def join_all(cities: pd.DataFrame, directory: Path) -> JoinResult:
    """Every indicator row and every unjoined row, from the committed reference files."""
    result = JoinResult()
    _join_census(cities, directory, result)
    _join_yearbook(cities, directory, result)
    _join_airports(cities, directory, result)
    _join_stations(cities, directory, result)
    _join_flags(cities, directory, result)
    return result
