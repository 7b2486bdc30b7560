"""The cost model feeds the site score: net cost per seat per place, after the place's incentives."""

from __future__ import annotations

import json
import subprocess
import sys

from portal.costing import cost_per_seat_for_sites, net_cost_per_seat


def test_park_incentives_lower_the_net_cost_in_their_city(built_db_path):
    city = net_cost_per_seat("北京", None, built_db_path)
    park = net_cost_per_seat("北京", "北京呼叫中心产业基地", built_db_path)
    assert 0 < park < city  # the Miyun tax rebate applies to a 500-seat center


def test_places_priced_on_national_defaults_alone_are_missing(built_db_path):
    import math

    cost = cost_per_seat_for_sites(built_db_path)
    beijing = cost({"kind": "city", "adcode": "110000", "name": "北京市"})
    lanzhou = cost({"kind": "city", "adcode": "620100", "name": "兰州市"})
    assert beijing > 0  # the defaults file has Beijing's wages and contribution bases
    assert math.isnan(lanzhou)  # nothing local is known: the criterion's missing rule applies
    yangzhou_park = cost({"kind": "park", "adcode": "321000", "name": "江苏信息服务产业基地(扬州)"})
    assert math.isnan(yangzhou_park)  # its only rule has no value, so it changes nothing


def test_score_cli_fills_the_cost_criterion(built_db_path):
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "portal.cli",
            "score",
            "--db",
            str(built_db_path),
            "--draws",
            "50",
            "--limit",
            "5",
            "--json",
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    sites = json.loads(done.stdout)
    assert len(sites) == 5
    assert all(
        s["values"]["net_cost_per_seat_cny_per_year"] > 0 for s in sites
    )  # filled by rule where missing
    assert all("net_cost_per_seat_cny_per_year" in s["contributions"] for s in sites)


def test_pricing_on_a_store_read_once_gives_the_same_costs(built_db_path, monkeypatch):
    """The schema-caching store of ``cost_per_seat_for_sites`` prices every place as before."""
    import math

    import sqlite_utils

    import portal.costing as costing
    from data.inputs.score import load_criteria_table
    from data.store.database import open_db

    db = open_db(built_db_path, read_only=True)
    fast = load_criteria_table(
        db, include_parks=True, cost_per_seat=cost_per_seat_for_sites(built_db_path)
    )
    monkeypatch.setattr(costing, "_FixedSchema", sqlite_utils.Database)
    plain = load_criteria_table(
        db, include_parks=True, cost_per_seat=cost_per_seat_for_sites(built_db_path)
    )
    a = fast["net_cost_per_seat_cny_per_year"].tolist()
    b = plain["net_cost_per_seat_cny_per_year"].tolist()
    assert len(a) > 300 and sum(not math.isnan(x) for x in a) > 1
    assert all((math.isnan(x) and math.isnan(y)) or x == y for x, y in zip(a, b, strict=True))
