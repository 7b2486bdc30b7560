"""Names of the city indicators of ``city_indicators`` (the Map page's choropleth)."""

STRINGS: dict[str, dict[str, str]] = {
    "map.ind.population_2020": {"zh": "常住人口（2020，人）", "en": "Population (2020, people)"},
    "map.ind.population_2010": {"zh": "常住人口（2010，人）", "en": "Population (2010, people)"},
    "map.ind.working_age_population_2020": {
        "zh": "劳动年龄人口（2020，人）",
        "en": "Working-age population (2020, people)",
    },
    "map.ind.urban_population_share_2020": {
        "zh": "城镇人口比例（2020）",
        "en": "Urban population share (2020)",
    },
    "map.ind.college_educated_population_2020": {
        "zh": "大专及以上学历人口（2020，人）",
        "en": "College-educated population (2020, people)",
    },
    "map.ind.college_educated_share_2020": {
        "zh": "大专及以上学历人口比例（2020）",
        "en": "College-educated share (2020)",
    },
    "map.ind.in_migrants_2020": {"zh": "流入人口（2020，人）", "en": "In-migrants (2020, people)"},
    "map.ind.in_migrants_other_province_2020": {
        "zh": "省外流入人口（2020，人）",
        "en": "In-migrants from other provinces (2020, people)",
    },
    "map.ind.tertiary_sector_employment_share_2020": {
        "zh": "第三产业就业比例（2020）",
        "en": "Tertiary-sector employment share (2020)",
    },
    "map.ind.gdp_2015_cny": {"zh": "地区生产总值（2015，元）", "en": "GDP (2015, CNY)"},
    "map.ind.fiscal_revenue_2015_cny": {
        "zh": "财政收入（2015，元）",
        "en": "Fiscal revenue (2015, CNY)",
    },
    "map.ind.nearest_airport_km": {
        "zh": "距最近机场（公里）",
        "en": "Distance to the nearest airport (km)",
    },
    "map.ind.railway_stations": {"zh": "铁路客运站（个）", "en": "Railway passenger stations"},
    "map.ind.service_outsourcing_model_city": {
        "zh": "服务外包示范城市（是=1）",
        "en": "Service-outsourcing model city (1 = yes)",
    },
    "map.ind.is_provincial_capital": {
        "zh": "省会城市（是=1）",
        "en": "Provincial capital (1 = yes)",
    },
}
