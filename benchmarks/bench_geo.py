"""Benchmarks of the geography layer: building the reference tables, geocoding 10,000 names."""

from __future__ import annotations

import csv
import random
import tempfile
import time
from pathlib import Path

import sqlite_utils

from data.geo import geocode
from data.geo.build import REFERENCE_DIR, build_reference
from data.geo.geocode import geocode_city


def _names(n: int, seed: int = 7) -> list[str]:
    """``n`` city and county names in mixed forms: full, short, Traditional-looking, pinyin, county."""
    rng = random.Random(seed)
    with open(REFERENCE_DIR / "cities" / "cities.csv", encoding="utf-8", newline="") as fh:
        cities = list(csv.DictReader(fh))
    with open(REFERENCE_DIR / "cities" / "city_aliases.csv", encoding="utf-8", newline="") as fh:
        counties = [r["alias"] for r in csv.DictReader(fh) if r["kind"] == "county_unit"]
    out = []
    for _ in range(n):
        c = rng.choice(cities)
        out.append(
            rng.choice(
                [
                    c["city_name_zh"],
                    c["city_short_name"],
                    c["city_name_en_short"].upper(),
                    c["city_name_en"],
                    rng.choice(counties),
                    c["city_short_name"] + "市",
                ]
            )
        )
    return out


def run() -> list[dict]:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        db = sqlite_utils.Database(Path(tmp) / "bench.sqlite")
        t0 = time.perf_counter()
        counts = build_reference(db)
        build_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        build_reference(db)
        rebuild_s = time.perf_counter() - t0
    rows.append({"area": "geo", "case": "build reference tables (first build)", "figure": build_s, "unit": "s", "peer": None, "peer_figure": None,
                 "note": f"{counts['cities']} cities, {counts['city_indicators']} indicator rows, {counts['railway_stations']} stations, {counts['geo_unjoined']} unjoined"})  # fmt: skip
    rows.append({"area": "geo", "case": "rebuild reference tables (idempotent)", "figure": rebuild_s, "unit": "s", "peer": None, "peer_figure": None, "note": "drop and rebuild in one transaction"})  # fmt: skip

    names = _names(10_000)
    geocode._index.cache_clear()
    geocode.normalise_place.cache_clear()
    t0 = time.perf_counter()
    geocode._index()
    load_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    hits = sum(geocode_city(n) is not None for n in names)
    geocode_s = time.perf_counter() - t0
    rows.append({"area": "geo", "case": "geocode 10,000 names (mixed forms)", "figure": geocode_s, "unit": "s", "peer": None, "peer_figure": None,
                 "note": f"{hits / len(names):.1%} resolved (rest ambiguous: Suzhou, 朝阳区 ...); index load {load_s:.2f} s not included; names repeat, so the normalisation cache is warm after a first sight; no offline peer library installed"})  # fmt: skip
    return rows


if __name__ == "__main__":
    for row in run():
        print(row)
