"""City economics: sourced wages, minimum wages, office rents and agent pay, mapped to cities.

Reads the curated files of ``data/reference/economics/`` (see its PROVENANCE.md) and maps each
row to a prefecture-level city with the offline geocoder (:mod:`data.geo.geocode`); province
rows keep the province code, and a minimum-wage tier that lists its areas maps to the cities
of those areas (a city takes the highest tier that lists one of its districts, its core).

Three readers:

- :func:`load_sourced_rows`: every sourced figure as a ``city_economics`` row (kind ``sourced``);
- :func:`load_features`: one row per city with the features of the estimate models
  (:mod:`models.city_economics`), the province wage figures and the targets where sourced;
- :func:`load_estimate_rows`: the committed estimates (``estimates.csv``, written by
  ``scripts/estimate_city_economics.py``) as ``city_economics`` rows (kind ``estimated``).

Wages of different years are put on the base year 2024 with the growth of the national
average wage of urban non-private units (:data:`WAGE_GROWTH_PER_YEAR`), and say so.
"""

from __future__ import annotations

import csv
import hashlib
import math
import re
from pathlib import Path

import pandas as pd

from data.paths import REFERENCE_DIR

ECONOMICS_DIR = REFERENCE_DIR / "economics"
ESTIMATES_FILE = "estimates.csv"
MODELS_FILE = "estimate_models.csv"
BASE_YEAR = 2024
#: national average wage of urban non-private units, 2024 over 2023: 124,110 / 120,698 CNY
#: (NBS, as reported; see PROVENANCE.md). Used to move a wage figure to the base year.
WAGE_GROWTH_PER_YEAR = 124110 / 120698 - 1

#: avg_wage.csv indicator -> city_economics indicator (unit CNY/year unless stated)
WAGE_INDICATORS = {
    "non_private_urban_annual": "avg_wage_non_private_cny_per_year",
    "private_urban_annual": "avg_wage_private_cny_per_year",
    "other:in_post_staff_non_private_annual": "avg_wage_in_post_non_private_cny_per_year",
    "all_urban_annual": "avg_wage_all_urban_cny_per_year",
    "social_insurance_base_monthly": "social_insurance_base_cny_per_month",
    "other:in_post_staff_non_private_monthly": "avg_wage_in_post_non_private_cny_per_month",
    "other:all_urban_in_post_staff_annual": "avg_wage_all_urban_in_post_cny_per_year",
}
RENT_INDICATORS = {
    "A": "office_rent_grade_a_cny_per_m2_month",
    "B": "office_rent_grade_b_cny_per_m2_month",
    "general": "office_rent_all_grades_cny_per_m2_month",
}
MUNICIPALITIES = {"110000", "120000", "310000", "500000"}


def _read(directory: Path, name: str) -> list[dict]:
    with open(directory / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _cities(directory: Path = REFERENCE_DIR) -> pd.DataFrame:
    return pd.read_csv(
        directory / "cities" / "cities.csv", dtype={"city_adcode": str, "province_adcode": str}
    )


def _province_codes(cities: pd.DataFrame) -> dict[str, str]:
    return dict(zip(cities["province_name_zh"], cities["province_adcode"], strict=False))


def _geocode(name: str, province: str | None) -> str | None:
    from data.geo.geocode import geocode_city

    hit = geocode_city(name, province=province) if name else None
    return hit.adcode if hit else None


def _year(text: str) -> int | None:
    m = re.search(r"(19|20)\d\d", str(text or ""))
    return int(m.group(0)) if m else None


def _num(text) -> float:
    try:
        x = float(str(text).replace(",", ""))
    except ValueError:
        return math.nan
    return x if math.isfinite(x) else math.nan


def _row(**kw) -> dict:
    base = dict.fromkeys(
        ("adcode", "province_adcode", "scope", "place", "indicator", "value", "unit", "year",
         "period", "kind", "url", "via", "retrieved", "method", "error_log_rmse", "error_mape",
         "note"),
    )  # fmt: skip
    base.update(kw)
    key = [base["scope"], base["adcode"] or base["province_adcode"] or "cn", base["indicator"],
           base["period"] or base["year"], base["kind"], base["note"] or "", base["url"] or ""]  # fmt: skip
    base["id"] = hashlib.sha256("|".join(map(str, key)).encode()).hexdigest()[:16]
    return base


def load_sourced_rows(directory: Path = ECONOMICS_DIR) -> list[dict]:
    """Every sourced figure as a ``city_economics`` row (kind ``sourced``), mapped to codes."""
    cities = _cities()
    prov = _province_codes(cities)
    rows: list[dict] = []
    for r in _read(directory, "avg_wage.csv"):
        indicator = WAGE_INDICATORS.get(r["indicator"])
        if indicator is None:
            continue
        pcode = prov.get(r["province"])
        adcode = _geocode(r["city"], r["province"]) if r["level"] == "city" else None
        rows.append(
            _row(adcode=adcode, province_adcode=pcode, scope=r["level"],
                 place=r["city"] or r["province"], indicator=indicator, value=_num(r["value"]),
                 unit=r["unit"], year=int(r["year"]), period=r["year"], kind="sourced",
                 url=r["url"], via=r.get("via") or None, retrieved=r["retrieved"])
        )  # fmt: skip
    rows += _min_wage_rows(directory, prov)
    for r in _read(directory, "office_rent.csv"):
        rows.append(
            _row(adcode=_geocode(r["city"], None), scope="city", place=r["city"],
                 indicator=RENT_INDICATORS[r["grade"]], value=_num(r["value"]), unit=r["unit"],
                 year=_year(r["period"]), period=r["period"], kind="sourced", url=r["url"],
                 retrieved=r["retrieved"], note=r["note"] or None)
        )  # fmt: skip
    for r in _read(directory, "agent_pay.csv"):
        national = r["city"].startswith("全国")
        rows.append(
            _row(adcode=None if national else _geocode(r["city"], None),
                 scope="national" if national else "city", place=r["city"],
                 indicator="agent_pay_cny_per_month", value=_num(r["value"]), unit=r["unit"],
                 year=_year(r["year"]), period=r["year"] or None, kind="sourced", url=r["url"],
                 retrieved=r["retrieved"], note=f"{r['role']}; {r['note']}")
        )  # fmt: skip
    for row in rows:
        if row["adcode"] and not row["province_adcode"]:
            match = cities.loc[cities["city_adcode"] == row["adcode"], "province_adcode"]
            row["province_adcode"] = match.iloc[0] if len(match) else None
    return rows


def _min_wage_rows(directory: Path, prov: dict[str, str]) -> list[dict]:
    """Province tiers as province rows; tiers that list areas also as rows of their cities."""
    rows: list[dict] = []
    by_city: dict[tuple[str, str], dict] = {}
    for r in _read(directory, "minimum_wage.csv"):
        pcode = prov.get(r["province"])
        value = _num(r["monthly_cny"])
        period = r["effective_date"] or _snapshot(r["tier"])
        common = dict(indicator="min_wage_cny_per_month", value=value, unit="CNY/month",
                      year=_year(period), period=period, kind="sourced", url=r["url"],
                      retrieved=r["retrieved"])  # fmt: skip
        rows.append(
            _row(province_adcode=pcode, scope="province", place=r["province"],
                 note=f"tier {r['tier']}", **common)
        )  # fmt: skip
        for area in filter(None, (a.strip() for a in r["areas"].split(";"))):
            adcode = _geocode(re.sub(r"[（(].*$", "", area), r["province"])
            if adcode is None:
                continue
            key = (adcode, period or "")
            if key not in by_city or by_city[key]["value"] < value:
                by_city[key] = _row(
                    adcode=adcode, province_adcode=pcode, scope="city", place=area,
                    note=f"tier {r['tier']} lists {area}", **common,
                )  # fmt: skip
    return rows + list(by_city.values())


def _snapshot(tier: str) -> str | None:
    m = re.search(r"截至(\d{4}-\d\d-\d\d)", tier)
    return m.group(1) if m else None


def to_base_year(value: float, year: int | None, base_year: int = BASE_YEAR) -> float:
    """A wage of ``year`` moved to ``base_year`` by :data:`WAGE_GROWTH_PER_YEAR` a year.

    Examples
    --------
    >>> round(to_base_year(100.0, 2023), 2)
    102.83
    """
    if year is None:
        return value
    return value * (1 + WAGE_GROWTH_PER_YEAR) ** (base_year - int(year))


def _latest(rows: list[dict], **match) -> dict | None:
    hits = [r for r in rows if all(r.get(k) == v for k, v in match.items())]
    hits = [r for r in hits if r["value"] == r["value"]]
    return max(hits, key=lambda r: r["year"] or 0) if hits else None


def load_features(
    sourced: list[dict] | None = None, reference_dir: Path = REFERENCE_DIR
) -> pd.DataFrame:
    """One row per city: features of the estimate models, province wages and sourced targets.

    Columns: ``adcode``, ``name``, ``province``, ``province_adcode``, ``is_capital`` (0/1),
    ``log_population`` (2020 census), ``college_share`` (share of the 2020 population with
    college education) and its log ``log_college_share``, ``weight`` (urban population 2020,
    the population where the urban share is unknown), ``tertiary_share`` (2020 census sample), ``log_gdp_per_capita``
    (2015 yearbook GDP / 2015 population interpolated between the censuses; NaN where the
    yearbook lacks the city), ``province_wage_np`` and ``province_wage_private`` (latest
    province figure in base-year CNY/year), ``wage_premium`` (log of city over province
    figure, same indicator and year where possible; NaN unless sourced), ``wage_np`` (the
    city's non-private wage in base-year CNY/year where sourced) and ``rent_a`` (latest
    sourced grade-A rent, CNY/m2/month).
    """
    from data.geo.joins import join_all

    sourced = load_sourced_rows() if sourced is None else sourced
    cities = _cities(reference_dir)
    ind: dict[str, dict[str, float]] = {}
    for r in join_all(cities, reference_dir).indicators:
        ind.setdefault(r["adcode"], {})[r["indicator"]] = r["value"]
    frame = []
    for c in cities.itertuples():
        a = c.city_adcode
        i = ind.get(a, {})
        pop20 = i.get("population_2020", math.nan)
        pop10 = i.get("population_2010", math.nan)
        pop15 = math.sqrt(pop10 * pop20) if pop10 > 0 and pop20 > 0 else pop20
        gdp = i.get("gdp_2015_cny", math.nan)
        college = i.get("college_educated_population_2020", math.nan)
        urban = i.get("urban_population_share_2020", math.nan)
        frame.append(
            {
                "adcode": a, "name": c.city_name_zh, "province": c.province_name_zh,
                "province_adcode": c.province_adcode,
                "is_capital": float(bool(c.is_provincial_capital)),
                "log_population": math.log(pop20) if pop20 > 0 else math.nan,
                "college_share": college / pop20 if pop20 > 0 else math.nan,
                "log_college_share": math.log(college / pop20) if pop20 > 0 and college > 0 else math.nan,
                "weight": pop20 * (urban if urban == urban else 1.0),
                "tertiary_share": i.get("tertiary_sector_employment_share_2020", math.nan),
                "log_gdp_per_capita": math.log(gdp / pop15) if gdp > 0 and pop15 > 0 else math.nan,
            }
        )  # fmt: skip
    df = pd.DataFrame(frame)
    wage = [r for r in sourced if r["indicator"].startswith("avg_wage_")]
    series = province_series(wage)
    for col, indicator in (("province_wage_np", NP), ("province_wage_private", PRIVATE)):
        df[col] = [province_at(series, p, indicator, BASE_YEAR) for p in df["province_adcode"]]
    obs = [_observed_premium(wage, series, a, p) for a, p in zip(df["adcode"], df["province_adcode"], strict=True)]  # fmt: skip
    df["wage_premium"] = [o["premium"] if o else math.nan for o in obs]
    df["premium_basis"] = [o for o in obs]
    df["wage_np"] = df["province_wage_np"] * [math.exp(x) if x == x else math.nan for x in df["wage_premium"]]  # fmt: skip
    for a in MUNICIPALITIES:  # city = province: its own figure, no premium
        df.loc[df["adcode"] == a, "wage_np"] = df.loc[df["adcode"] == a, "province_wage_np"]
    rents = [r for r in sourced if r["indicator"] == RENT_INDICATORS["A"] and r["adcode"]]
    df["rent_a"] = [
        (r["value"] if (r := _latest(rents, adcode=a)) else math.nan) for a in df["adcode"]
    ]
    return df


NP = WAGE_INDICATORS["non_private_urban_annual"]
PRIVATE = WAGE_INDICATORS["private_urban_annual"]


def province_series(wage: list[dict]) -> dict[tuple[str, str], dict[int, float]]:
    """(province code, indicator) -> {year: value} of the sourced province wage rows."""
    out: dict[tuple[str, str], dict[int, float]] = {}
    for r in wage:
        if r["scope"] == "province" and r["year"] and r["value"] == r["value"]:
            out.setdefault((r["province_adcode"], r["indicator"]), {})[int(r["year"])] = r["value"]
    return out


def province_at(series: dict, pcode: str, indicator: str, year: int) -> float:
    """The province's figure for ``year``: sourced, else moved from its sourced years.

    Between two sourced years: the province's own growth between them. Before the first:
    its growth from the first to the next sourced year. After the last: the national growth
    2023-2024 (:data:`WAGE_GROWTH_PER_YEAR`), as a province's past growth is no guide to a
    year it has not published. With a single year: the national growth both ways.

    Examples
    --------
    >>> s = {("p", "w"): {2021: 100.0, 2023: 121.0}}
    >>> round(province_at(s, "p", "w", 2022), 6), round(province_at(s, "p", "w", 2019), 6)
    (110.0, 82.644628)
    >>> round(province_at(s, "p", "w", 2024) / 121.0 - 1, 4)
    0.0283
    """
    years = series.get((pcode, indicator)) or {}
    if not years:
        return math.nan
    if year in years:
        return years[year]
    ys = sorted(years)
    if year > ys[-1] or len(ys) == 1:
        y0 = ys[-1] if year > ys[-1] else ys[0]
        return years[y0] * (1 + WAGE_GROWTH_PER_YEAR) ** (year - y0)
    if year < ys[0]:
        a, b = ys[0], ys[1]
    else:
        a = max(y for y in ys if y < year)
        b = min(y for y in ys if y > year)
    growth = (years[b] / years[a]) ** (1 / (b - a))
    return years[a] * growth ** (year - a)


def _observed_premium(wage: list[dict], series: dict, adcode: str, pcode: str) -> dict | None:
    """log(city / province) of the city's latest figure, non-private first, else private.

    The province figure is taken for the same year (moved there from its nearest sourced
    years when it was not published for that year). Municipalities have none.
    """
    if adcode in MUNICIPALITIES:
        return None
    for indicator in (NP, PRIVATE):
        r = _latest(wage, scope="city", adcode=adcode, indicator=indicator)
        if r is None:
            continue
        prov = province_at(series, pcode, indicator, int(r["year"]))
        if prov == prov and prov > 0:
            return {"premium": math.log(r["value"] / prov), "indicator": indicator,
                    "year": int(r["year"]), "value": r["value"], "province_value": prov,
                    "url": r["url"]}  # fmt: skip
    return None


def load_estimate_rows(directory: Path = ECONOMICS_DIR) -> list[dict]:
    """The committed estimates as ``city_economics`` rows (kind ``estimated``)."""
    path = directory / ESTIMATES_FILE
    if not path.exists():
        return []
    rows = []
    for r in _read(directory, ESTIMATES_FILE):
        rows.append(
            _row(adcode=r["adcode"], province_adcode=r["province_adcode"], scope="city",
                 place=r["name"], indicator=r["indicator"], value=_num(r["value"]),
                 unit=r["unit"], year=int(r["year"]), period=r["year"],
                 kind=r.get("kind") or "estimated", url=r.get("url") or None,
                 method=r["method"], error_log_rmse=_num(r["error_log_rmse"]) if r["error_log_rmse"] else None,
                 error_mape=_num(r["error_mape"]) if r["error_mape"] else None, note=r["note"] or None)
        )  # fmt: skip
    return rows


def load_economics_rows(directory: Path = ECONOMICS_DIR) -> list[dict]:
    """Sourced and estimated rows of the ``city_economics`` table."""
    return load_sourced_rows(directory) + load_estimate_rows(directory)
