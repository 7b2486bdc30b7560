"""Synthetic stores for tests, demos and benchmarks (clearly marked as synthetic).

:func:`write_fixture_store` writes centers and parks through the store's provenance path
(:func:`data.store.database.write_records`), so they carry sources, facts and evidence like real records.
The names say "示例" (example) and the source is titled as a synthetic fixture: nothing here is a
claim about a real company.
"""

from __future__ import annotations

import random
from pathlib import Path

import sqlite_utils

from data.store.database import Record, SourceInfo, add_source, entity_id, open_db, write_records

#: (province, city, adcode, lat, lon): real city seats, used to place synthetic rows
CITIES = (
    ("北京市", "北京", "110000", 39.904, 116.407),
    ("上海市", "上海", "310000", 31.230, 121.474),
    ("广东省", "广州", "440100", 23.129, 113.264),
    ("广东省", "深圳", "440300", 22.543, 114.058),
    ("四川省", "成都", "510100", 30.573, 104.066),
    ("湖北省", "武汉", "420100", 30.593, 114.305),
    ("陕西省", "西安", "610100", 34.341, 108.940),
    ("安徽省", "合肥", "340100", 31.821, 117.227),
    ("江苏省", "南京", "320100", 32.060, 118.797),
    ("浙江省", "杭州", "330100", 30.274, 120.155),
    ("辽宁省", "大连", "210200", 38.914, 121.615),
    ("湖南省", "长沙", "430100", 28.228, 112.939),
)

INDUSTRIES = ("金融", "电信", "电商", "保险", "政务", "外包")

#: how the synthetic service levels are measured: (definition, threshold in seconds)
SERVICE_LEVEL_MEASURES = (
    ("offered", 20.0),
    ("offered", 20.0),
    ("answered", 15.0),
    ("offered", 20.0),
    ("answered", 15.0),
)


def fixture_records(
    n_centers: int, n_parks: int, seed: int = 1, unplaced_share: float = 0.1
) -> list[Record]:
    """Synthetic center and park records (same seed, same records)."""
    rng = random.Random(seed)
    records: list[Record] = []
    for i in range(n_parks):
        province, city, adcode, lat, lon = CITIES[i % len(CITIES)]
        name = f"示例{city}呼叫中心产业园{i + 1}号"
        values = {
            "name": name,
            "name_key": name,
            "province": province,
            "city": city,
            "city_adcode": adcode,
            "lat": round(lat + rng.uniform(-0.2, 0.2), 5),
            "lon": round(lon + rng.uniform(-0.2, 0.2), 5),
            "coord_precision": "point",
            "area_km2": round(rng.uniform(0.5, 20), 2),
            "rent_cny_per_m2_month": round(rng.uniform(15, 80), 1),
            "founded_year": rng.randint(2005, 2020),
        }
        evidence = {k: f"示例资料：{name}的{k}" for k in values}
        records.append(Record("parks", entity_id("parks", name, ""), values, evidence, f"park {i}"))
    for i in range(n_centers):
        province, city, adcode, lat, lon = CITIES[i % len(CITIES)]
        name = f"示例{INDUSTRIES[i % len(INDUSTRIES)]}客服中心{i + 1}号"
        values = {
            "name": name,
            "name_key": name,
            "province": province,
            "city": city,
            "city_adcode": adcode,
            "industry": INDUSTRIES[i % len(INDUSTRIES)],
            "seats": rng.choice((50, 120, 300, 550, 800, 1200, 3000)),
            "aht_seconds": float(rng.randint(150, 420)),
            "answer_rate": round(rng.uniform(0.8, 0.99), 3),
            "founded_year": rng.randint(1998, 2020),
        }
        if rng.random() >= unplaced_share:
            values["lat"] = round(lat + rng.uniform(-0.3, 0.3), 5)
            values["lon"] = round(lon + rng.uniform(-0.3, 0.3), 5)
            values["coord_precision"] = "point"
        values.update(_fixture_kpis(seed, i))
        evidence = {k: f"示例资料第{i + 1}条：{k}" for k in values}
        center_id = entity_id("centers", name, city)
        records.append(Record("centers", center_id, values, evidence, f"center {i}"))
        records.append(_service_level_record(seed, i, center_id, name))
    return records


def _fixture_kpis(seed: int, i: int) -> dict:
    """Further KPIs of synthetic center ``i`` (own random stream: the older values stay put)."""
    rng = random.Random(f"kpis-{seed}-{i}")
    return {
        "fcr_rate": round(rng.uniform(0.6, 0.9), 3),
        "csat": round(rng.uniform(0.8, 0.98), 3),
        "attrition_rate": round(rng.uniform(0.1, 0.5), 3),
        "daily_inbound_calls": float(rng.randrange(2_000, 40_000, 500)),
        "staff": rng.randrange(60, 4_000, 10),
    }


def _service_level_record(seed: int, i: int, center_id: str, name: str) -> Record:
    """An achieved 2023 service level of center ``i`` in the ``kpis`` table."""
    rng = random.Random(f"service-level-{seed}-{i}")
    definition, threshold = SERVICE_LEVEL_MEASURES[i % len(SERVICE_LEVEL_MEASURES)]
    values = {
        "center_id": center_id,
        "metric": "service_level",
        "value": round(rng.uniform(0.7, 0.95), 3),
        "unit": "fraction",
        "period": "2023",
        "definition": definition,
        "threshold_seconds": threshold,
        "is_target": 0,
    }
    evidence = {k: f"示例资料：{name}的服务水平" for k in values}
    key = entity_id("kpis", center_id, "service_level", "2023")
    return Record("kpis", key, values, evidence, f"kpi {i}")


def write_fixture_store(
    path: str | Path, n_centers: int = 24, n_parks: int = 6, seed: int = 1
) -> sqlite_utils.Database:
    """Create a store at ``path`` holding synthetic centers and parks; returns it open."""
    db = open_db(path)
    source = SourceInfo(
        kind="generated",
        url=f"synthetic-fixture-{seed}-{n_centers}-{n_parks}",
        title=f"ParkBench 合成测试数据 / synthetic test fixture (seed {seed})",
        publisher="ParkBench",
        published="2024-01-01",
        licence="CC0-1.0",
    )
    with db.atomic():
        sid = add_source(db, source)
        write_records(db, fixture_records(n_centers, n_parks, seed), sid)
    return db


#: the engines a store can run on
ENGINES = ("sqlite", "postgresql")


class StoreFactory:
    """Stores of one engine for tests and benchmarks: empty, or holding synthetic rows.

    ``engine`` is ``sqlite`` (files under ``directory``; :meth:`memory` is in memory) or
    ``postgresql`` (each store a fresh database from ``new_database``, a callable returning a
    ``postgresql://`` URL, e.g. ``tests.pg_support.PostgresServer.create_database``).
    """

    def __init__(self, engine: str, directory: str | Path, new_database=None) -> None:
        if engine not in ENGINES:
            raise ValueError(f"engine must be one of {ENGINES}, not {engine!r}")
        if engine == "postgresql" and new_database is None:
            raise ValueError("a PostgreSQL factory needs new_database (a server)")
        self.engine = engine
        self.directory = Path(directory)
        self.new_database = new_database
        self._n = 0

    def target(self) -> str | Path:
        """Where a new store goes: a fresh SQLite path, or the URL of a fresh database."""
        if self.engine == "postgresql":
            return self.new_database()
        self._n += 1
        return self.directory / f"store{self._n}.sqlite"

    def on_disk(self) -> sqlite_utils.Database:
        """An empty store with the full schema (a SQLite file, or a PostgreSQL database)."""
        return open_db(self.target())

    def memory(self) -> sqlite_utils.Database:
        """An empty store: in memory on SQLite, a fresh database on PostgreSQL."""
        if self.engine == "sqlite":
            from data.store.database import memory_db

            return memory_db()
        return self.on_disk()

    def synthetic(self, n_centers: int = 24, n_parks: int = 6, seed: int = 1):
        """A store holding synthetic centers and parks (:func:`write_fixture_store`)."""
        return write_fixture_store(self.target(), n_centers, n_parks, seed)


def write_import_files(
    directory: str | Path, n_files: int = 4, shared: int = 150, own: int = 50, seed: int = 1
) -> list[Path]:
    """Synthetic center import files (CSV, Chinese headers) whose rows overlap.

    Every file states the same ``shared`` centers, each file giving its own seats and answer
    rate (so the store must resolve them), plus ``own`` centers only it names and one row
    that is rejected (no name). Same arguments, same files.
    """
    import csv

    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for k in range(n_files):
        rng = random.Random(f"imports-{seed}-{k}")
        rows = [["名称", "城市", "行业", "座席数", "接通率"]]
        for i in range(shared):
            city = CITIES[i % len(CITIES)][1]
            seats = rng.choice(("300", "约500个", "1200", "超过800个"))
            rows.append(
                [f"示例共享客服中心{i + 1}号", city, "金融", seats, f"{rng.randint(80, 99)}%"]
            )
        for i in range(own):
            city = CITIES[(i + k) % len(CITIES)][1]
            rows.append([f"示例第{k + 1}批客服中心{i + 1}号", city, "电商", str(100 + i), "90%"])
        rows.append(["", "成都", "电商", "12", "90%"])
        path = directory / f"centers_{seed}_{k + 1}.csv"
        with path.open("w", encoding="utf-8", newline="") as fh:
            csv.writer(fh).writerows(rows)
        paths.append(path)
    return paths


#: what two stores are compared on after imports (times and batch ids left out)
STORE_CONTENT = {
    "centers": "SELECT * FROM centers ORDER BY id",
    "facts": "SELECT id, entity_table, entity_id, source_id, values_json, evidence_json, locator"
    " FROM facts ORDER BY id",
    "sources": "SELECT id, kind, url, sha256 FROM sources ORDER BY id",
    "import_rejects": "SELECT id, source_id, rule, reason FROM import_rejects ORDER BY id",
}


def store_content(db) -> dict[str, list[tuple]]:
    """The rows of a store that imports decide (for comparing a serial and a concurrent run)."""
    return {
        name: [tuple(r) for r in db.execute(sql).fetchall()] for name, sql in STORE_CONTENT.items()
    }


def import_concurrently(target: str | Path, files: list[Path], timeout: float = 600) -> list:
    """Run ``parkbench import FILE --db TARGET`` for every file at once, one process each.

    Returns the finished processes (``returncode``, ``stdout``, ``stderr``).
    """
    import os
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": str(root)}
    env.pop("PARKBENCH_RAISE_ERRORS", None)
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "portal.cli", "import", str(f), "--db", str(target), "--json"],
            cwd=root,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for f in files
    ]
    done = []
    for p in procs:
        out, err = p.communicate(timeout=timeout)
        done.append(subprocess.CompletedProcess(p.args, p.returncode, out, err))
    return done
