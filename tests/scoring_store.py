"""A small store for the scoring, benchmark and awards tests (cities, centers, parks, KPIs)."""

from __future__ import annotations

from pathlib import Path

from data.store.database import open_db

CITIES = [
    # adcode, name, province, working-age, college, airport km, stations, capital, model city
    ("320100", "南京市", "江苏省", 6_900_000, 3_000_000, 35.0, 4, 1, 1),
    ("321000", "扬州市", "江苏省", 3_200_000, 700_000, 50.0, 2, 0, 0),
    ("110000", "北京市", "北京市", 16_000_000, 9_000_000, 25.0, 6, 1, 1),
    ("370200", "青岛市", "山东省", 7_000_000, 2_000_000, 30.0, None, 0, 1),
    ("610100", "西安市", "陕西省", 9_000_000, 4_000_000, None, 3, 1, 1),
]


def make_store(
    path: Path, *, centers: list[dict] | None = None, kpis: list[dict] | None = None
) -> Path:
    """Write the fixture store (full ParkBench schema) to ``path`` and return it."""
    db = open_db(path)
    db["cities"].insert_all(
        [
            {
                "adcode": a,
                "name_zh": n,
                "province": p,
                "province_adcode": a[:2] + "0000",
                "lat": 30.0,
                "lon": 120.0,
                "area_km2": 10_000.0,
            }
            for a, n, p, *_ in CITIES
        ]
    )
    db["city_economics"].insert_all(economics_rows())
    ind = []
    for a, _n, _p, wa, col, air, st, cap, model in CITIES:
        for key, v, unit in (
            ("working_age_population_2020", wa, "person"),
            ("college_educated_population_2020", col, "person"),
            ("nearest_airport_km", air, "km"),
            ("railway_stations", st, "station"),
            ("is_provincial_capital", cap, "flag"),
            ("service_outsourcing_model_city", model, "flag"),
        ):
            if v is not None:
                ind.append(
                    {
                        "id": f"{a}:{key}",
                        "adcode": a,
                        "indicator": key,
                        "value": v,
                        "unit": unit,
                        "year": 2020,
                        "source_id": "fixture",
                    }
                )
    db["city_indicators"].insert_all(ind)
    db["parks"].insert_all(
        [
            {
                "id": "p-miyun",
                "name": "北京呼叫中心产业基地",
                "city_adcode": "110000",
                "province": "北京市",
                "distance_to_airport_km": 60.0,
            },
            {
                "id": "p-yz",
                "name": "江苏信息服务产业基地（扬州）",
                "city_adcode": "321000",
                "province": "江苏省",
            },
        ]
    )
    db["incentives"].insert_all(
        [
            {
                "id": "i1",
                "park_id": "p-yz",
                "name": "座席补贴",
                "kind": "seat_subsidy",
                "amount_cny": 1000.0,
                "amount_unit": "每座席",
                "duration_years": 2,
            },
            {
                "id": "i2",
                "city_adcode": "320100",
                "name": "城市座席补贴",
                "kind": "seat_subsidy",
                "amount_cny": 500.0,
                "amount_unit": "seat",
            },
            {
                "id": "i3",
                "park_id": "p-miyun",
                "name": "税收返还",
                "kind": "tax_rebate",
                "rate": 0.3,
            },
        ]
    )
    db["centers"].insert_all(centers if centers is not None else default_centers())
    if kpis:
        db["kpis"].insert_all(kpis)
    db.conn.close()
    return path


#: private-unit wage (CNY/year) and grade-A rent per city; the first two sourced, the rest
#: estimated with a cross-validated error (figures made up for the fixture)
ECONOMICS = {
    "110000": (107_000, 216.0), "320100": (83_000, 127.0), "321000": (60_000, 60.0),
    "370200": (68_000, 123.0), "610100": (68_000, 102.0),
}  # fmt: skip


def economics_rows() -> list[dict]:
    rows = []
    for i, (a, (wage, rent)) in enumerate(ECONOMICS.items()):
        kind = "sourced" if i < 2 else "estimated"
        for ind, v, unit, err in (
            ("avg_wage_private_cny_per_year", wage, "CNY/year", 0.05),
            ("office_rent_grade_a_cny_per_m2_month", rent, "CNY/m2/month", 0.2),
        ):
            rows.append(
                {
                    "id": f"{a}:{ind}",
                    "adcode": a,
                    "province_adcode": a[:2] + "0000",
                    "scope": "city",
                    "indicator": ind,
                    "value": v,
                    "unit": unit,
                    "year": 2024,
                    "kind": kind,
                    "url": "https://example.org/fixture" if kind == "sourced" else None,
                    "method": None if kind == "sourced" else "fixture",
                    "error_log_rmse": None if kind == "sourced" else err,
                    "error_mape": None if kind == "sourced" else err * 0.8,
                }  # fmt: skip
            )
    return rows


def default_centers() -> list[dict]:
    """Twelve telecom and bank centers with KPIs, spread over the fixture cities."""
    out = []
    for i in range(12):
        city = CITIES[i % len(CITIES)]
        out.append(
            {
                "id": f"c{i}",
                "name": f"中心{i}",
                "industry": "电信" if i % 2 == 0 else "金融",
                "province": city[2],
                "city_adcode": city[0],
                "seats": 100 + 60 * i,
                "staff": 150 + 90 * i,
                "answer_rate": 0.80 + 0.01 * i,
                "aht_seconds": 300 - 8 * i,
                "fcr_rate": 0.60 + 0.02 * i,
                "csat": 0.85 + 0.01 * (i % 5),
                "attrition_rate": 0.40 - 0.02 * i,
                "daily_inbound_calls": 5000 + 1000 * i,
            }
        )
    return out
