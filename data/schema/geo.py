"""Geography tables: cities, city indicators, user-filled city inputs, airports, stations, unjoined rows.

Built by :func:`data.geo.build.build_reference` from the committed files in ``data/reference/``;
``city_inputs`` alone is filled by users (``parkbench import FILE --kind city_inputs``).
"""

from __future__ import annotations

from data.schema.tables import THIS_YEAR, C, Input, Table, register

CITIES = register(
    Table(
        "cities",
        "地级行政单位",
        "prefecture-level units (prefectures, municipalities, province-run county-level units, SARs, Taiwan)",
        (
            C(
                "adcode",
                "text",
                "行政区划代码（6位；直辖市用xx0000）",
                "six-digit administrative code (municipalities use xx0000)",
            ),
            C("name_zh", "text", "中文全称", "full Chinese name", required=True),
            C("short_name_zh", "text", "中文简称", "short Chinese name"),
            C(
                "name_en",
                "text",
                "英文名（拼音，去后缀）",
                "English name (toneless pinyin of the short name, or exonym)",
            ),
            C("name_en_full", "text", "英文全称拼音", "toneless pinyin of the full name"),
            C("province_adcode", "text", "省级行政区划代码", "six-digit code of the province"),
            C("province", "text", "省份（简体全称）", "province (full Simplified name)"),
            C("province_en", "text", "省份英文名", "province in English"),
            C(
                "level",
                "text",
                "级别：municipality, prefecture, county_level_directly_under_province, SAR, province_taiwan",
                "level: municipality, prefecture, county_level_directly_under_province, SAR, province_taiwan",
            ),
            C(
                "is_provincial_capital",
                "integer",
                "是否省会（1=是）",
                "1 when a provincial capital (incl. municipalities)",
            ),
            C(
                "lat",
                "real",
                "代表点纬度（WGS-84，城区）",
                "latitude of the seat point (urban core), WGS-84",
                "degree",
            ),
            C(
                "lon",
                "real",
                "代表点经度（WGS-84，城区）",
                "longitude of the seat point (urban core), WGS-84",
                "degree",
            ),
            C(
                "point_source",
                "text",
                "代表点来源：geonames, cpca_gcj02_converted, inside_point",
                "origin of the seat point: geonames, cpca_gcj02_converted, inside_point",
            ),
            C(
                "centroid_lat",
                "real",
                "几何中心纬度（等积投影）",
                "latitude of the polygon centroid (equal-area)",
                "degree",
            ),
            C(
                "centroid_lon",
                "real",
                "几何中心经度（等积投影）",
                "longitude of the polygon centroid (equal-area)",
                "degree",
            ),
            C("area_km2", "real", "面积", "area of the polygon", "km2"),
            C("source_id", "text", "来源标识", "source id"),
        ),
        pk="adcode",
        fts=("name_zh", "name_en"),
        geographic=True,
        licence="MIT",
    )
)

CITY_INDICATORS = register(
    Table(
        "city_indicators",
        "城市指标",
        "city indicators, one row per city and indicator, each with its year and source",
        (
            C("id", "text", "标识（adcode:indicator）", "id (adcode:indicator)"),
            C("adcode", "text", "城市行政区划代码", "six-digit city code", required=True),
            C(
                "indicator",
                "text",
                "指标代码（单位在名称中，见 docs/geography.md）",
                "indicator code, unit in the name (see docs/geography.md)",
                required=True,
            ),
            C("value", "real", "数值", "value in the unit given"),
            C(
                "value_text",
                "text",
                "文本值（如最近机场IATA代码）",
                "text value (e.g. IATA code of the nearest airport)",
            ),
            C("unit", "text", "单位", "unit of value"),
            C("year", "integer", "数据年份", "year the value refers to", "year"),
            C("source_id", "text", "来源标识", "source id"),
            C(
                "note",
                "text",
                "说明（口径、合并、替代来源）",
                "note: definition, merges, fallback source",
            ),
        ),
        foreign_keys=(("adcode", "cities", "adcode"), ("source_id", "sources", "id")),
        licence="MIT",
    )
)

CITY_INPUTS = register(
    Table(
        "city_inputs",
        "城市输入指标（用户填写）",
        "city figures with no open source here, filled by users with source and year",
        (
            C("id", "text", "标识（adcode:indicator:year）", "id (adcode:indicator:year)"),
            C(
                "adcode",
                "text",
                "城市行政区划代码",
                "six-digit city code",
                required=True,
                read="adcode",
                headers=("城市代码", "adcode", "行政区划代码", "city_adcode"),
                example="330100",
                key=0,
            ),
            C(
                "indicator",
                "text",
                "指标代码：avg_wage_cny_per_month, unemployment_rate, graduates_per_year, office_rent_cny_per_m2_month",
                "indicator: avg_wage_cny_per_month, unemployment_rate, graduates_per_year, office_rent_cny_per_m2_month",
                required=True,
                read="indicator",
                headers=("指标", "indicator", "指标名称"),
                example="平均工资",
                key=1,
            ),
            C(
                "value",
                "real",
                "数值",
                "value in the unit given",
                required=True,
                read="city_input_value",
                ge=0,
                headers=("数值", "value", "值"),
                example="8500元/月",
            ),
            C(
                "unit",
                "text",
                "单位（CNY/month, fraction, person/year, CNY/m2/month）",
                "unit (CNY/month, fraction, person/year, CNY/m2/month)",
            ),
            C(
                "year",
                "integer",
                "数据年份",
                "year the value refers to",
                "year",
                required=True,
                read="year",
                ge=1900,
                le=THIS_YEAR,
                headers=("年份", "year", "数据年份"),
                example="2023",
                key=2,
            ),
            C(
                "source",
                "text",
                "来源（文件、网址或出版物）",
                "source: file, URL or publication",
                required=True,
                read="text",
                max_len=500,
                headers=("来源", "source", "数据来源"),
                example="杭州统计年鉴2024",
            ),
            C(
                "note",
                "text",
                "说明",
                "note",
                read="text",
                max_len=2000,
                headers=("说明", "note", "备注"),
            ),
        ),
        foreign_keys=(("adcode", "cities", "adcode"),),
        inputs=(
            Input(
                "city",
                "城市",
                "city (resolved offline to its adcode)",
                read="text",
                max_len=50,
                headers=("城市", "city", "城市名称"),
                before="adcode",
            ),
            Input(
                "province",
                "省份（城市重名时）",
                "province, to tell cities of the same name apart",
                read="text",
                max_len=50,
                headers=("省份", "province"),
                before="adcode",
            ),
        ),
        importable=True,
        derived=("adcode",),
    )
)

CITY_ECONOMICS = register(
    Table(
        "city_economics",
        "城市经济指标（工资、最低工资、写字楼租金、坐席薪酬）",
        "city economics: average wages, minimum wages, office rents and agent pay, sourced or "
        "estimated (with the estimate's cross-validated error); see data/reference/economics",
        (
            C("id", "text", "标识（内容哈希）", "id (hash of the row's key)"),
            C(
                "adcode",
                "text",
                "城市行政区划代码（省级行无）",
                "six-digit city code (none for province rows)",
            ),
            C("province_adcode", "text", "省级行政区划代码", "six-digit province code"),
            C("scope", "text", "范围：city, province, national", "scope: city, province, national"),
            C("place", "text", "来源中的地名", "place as the source names it"),
            C(
                "indicator",
                "text",
                "指标代码（单位在名称中，见 docs/cost.md）",
                "indicator code, unit in the name (see docs/cost.md)",
                required=True,
            ),
            C("value", "real", "数值", "value in the unit given"),
            C("unit", "text", "单位", "unit of value"),
            C("year", "integer", "数据年份", "year the value refers to", "year"),
            C(
                "period",
                "text",
                "期间（季度、半年或生效日期）",
                "period (quarter, half-year or effective date)",
            ),
            C(
                "kind",
                "text",
                "类型：sourced（有来源的数字）, estimated（模型估计）",
                "kind: sourced (a published figure) or estimated (model estimate)",
                required=True,
            ),
            C("url", "text", "来源网址", "URL of the source page"),
            C(
                "via",
                "text",
                "转引说明（非直接来源时）",
                "how the figure was reached when not read on the page itself",
            ),
            C("retrieved", "text", "获取日期", "date retrieved"),
            C(
                "method",
                "text",
                "估计模型（见 estimate_models.csv）",
                "estimate model (see estimate_models.csv)",
            ),
            C(
                "error_log_rmse",
                "real",
                "估计误差：留一交叉验证对数均方根误差",
                "estimate error: leave-one-out RMSE of the log",
                "log",
            ),
            C(
                "error_mape",
                "real",
                "估计误差：留一交叉验证平均绝对百分比误差",
                "estimate error: leave-one-out MAPE",
                "fraction",
            ),
            C("source_id", "text", "来源标识（参考文件）", "source id (reference file)"),
            C("note", "text", "说明（档次、口径、换算）", "note: tier, definition, conversion"),
        ),
        foreign_keys=(("adcode", "cities", "adcode"), ("source_id", "sources", "id")),
        licence="CC-BY-4.0",
    )
)

AIRPORTS = register(
    Table(
        "airports",
        "机场",
        "airports in China (incl. HK, Macau, Taiwan)",
        (
            C("icao", "text", "ICAO代码", "ICAO code"),
            C("iata", "text", "IATA代码（民航机场）", "IATA code (commercial airports)"),
            C("name", "text", "名称（英文）", "name (English)"),
            C(
                "city_en",
                "text",
                "所在城市（英文，来源原文）",
                "served city as the source gives it",
            ),
            C(
                "country",
                "text",
                "国家或地区代码（CN, HK, MO, TW）",
                "country or region code (CN, HK, MO, TW)",
            ),
            C("lat", "real", "纬度（WGS-84）", "latitude, WGS-84", "degree"),
            C("lon", "real", "经度（WGS-84）", "longitude, WGS-84", "degree"),
            C(
                "city_adcode",
                "text",
                "所在城市行政区划代码（落点判断）",
                "six-digit code of the city it lies in (point in polygon)",
            ),
            C("source_id", "text", "来源标识", "source id"),
        ),
        pk="icao",
        geographic=True,
        licence="MIT",
    )
)

RAILWAY_STATIONS = register(
    Table(
        "railway_stations",
        "铁路客运站",
        "passenger railway stations (12306 list; no coordinates)",
        (
            C("telecode", "text", "电报码", "telegraph code (unique)"),
            C("name", "text", "站名", "station name"),
            C("pinyin", "text", "拼音", "pinyin"),
            C("city", "text", "12306所属城市（原文）", "12306 city name as given"),
            C("city_adcode", "text", "城市行政区划代码", "six-digit city code"),
            C(
                "city_match",
                "text",
                "城市匹配方式：source_guess, geocoded",
                "how the city was matched: source_guess, geocoded",
            ),
            C("source_id", "text", "来源标识", "source id"),
        ),
        pk="telecode",
        licence="BSD-3-Clause",
    )
)

GEO_UNJOINED = register(
    Table(
        "geo_unjoined",
        "未能关联的地理记录",
        "reference rows that could not be joined to a city, and cities a dataset does not cover, with reasons",
        (
            C("id", "text", "标识", "id"),
            C("dataset", "text", "数据集", "dataset"),
            C(
                "kind",
                "text",
                "类型：source_row（来源行未关联）, city_not_covered（城市无数据）",
                "kind: source_row (row not joined), city_not_covered (city without data)",
            ),
            C("code", "text", "代码（来源代码或城市代码）", "code (source code or city adcode)"),
            C("name", "text", "名称", "name"),
            C("reason", "text", "原因", "reason"),
        ),
        published=False,
    )
)

GEO_TABLES = (CITIES, CITY_INDICATORS, CITY_ECONOMICS, AIRPORTS, RAILWAY_STATIONS, GEO_UNJOINED)
"""Tables rebuilt from scratch by ``build_reference`` (``city_inputs`` is kept: users fill it)."""
