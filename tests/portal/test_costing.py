"""The cost model feeds the site score: net cost per seat per place, after the place's incentives."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from portal.costing import cost_per_seat_for_sites, net_cost_per_seat


def test_park_incentives_lower_the_net_cost_in_their_city(built_db_path):
    city = net_cost_per_seat("北京", None, built_db_path)
    park = net_cost_per_seat("北京", "北京呼叫中心产业基地", built_db_path)
    assert 0 < park < city  # the Miyun tax rebate applies to a 500-seat center


def test_places_priced_on_national_defaults_alone_are_missing(built_db_path):
    import math

    cost = cost_per_seat_for_sites(built_db_path)
    beijing, beijing_sd = cost({"kind": "city", "adcode": "110000", "name": "北京市"})
    lanzhou, lanzhou_sd = cost({"kind": "city", "adcode": "620100", "name": "兰州市"})
    assert beijing > lanzhou > 0  # Lanzhou is priced on estimates (city_economics)
    assert beijing_sd == 0 < lanzhou_sd < 0.3  # sourced inputs carry no error, estimates do
    hong_kong, _ = cost({"kind": "city", "adcode": "810000", "name": "香港特别行政区"})
    assert math.isnan(hong_kong)  # nothing local is known: the criterion's missing rule applies


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


def test_cost_per_handled_minute_counts_handling_time_not_idle_time(tmp_path):
    """Hand check: 500 seats at 7x12 on national defaults.

    A handled minute is a minute of talk, hold or wrap-up. Agents are logged in
    ``fte x 2000 h x (1 - 0.3)`` hours and busy ``occupancy`` (0.8) of them, so the handled
    minutes are ``productive hours x 0.8 x 60``: dividing by all productive minutes (the old
    way) understated the cost of a handled minute by 20 %.
    """
    from models.cost import CostInputs, compute_cost
    from portal.costing import cost_per_minute

    c = compute_cost(CostInputs(seats=500))
    handled_minutes = c.fte * 2000 * (1 - 0.3) * 0.8 * 60
    assert c.per_handled_minute == pytest.approx(c.total_cny_per_year / handled_minutes)
    assert c.to_dict()["per_handled_minute"] == pytest.approx(c.per_handled_minute)
    # contacts x AHT is the same minutes: 240 s a contact
    assert c.per_handled_minute == pytest.approx(c.per_contact / 4)
    # the benchmark prices gaps with it (a missing database means national defaults)
    priced = cost_per_minute("NoSuchPlace", tmp_path / "missing.db", seats=500)
    assert priced == pytest.approx(c.per_handled_minute)
    assert priced == pytest.approx(c.per_productive_hour / 60 / 0.8)


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


@pytest.fixture(scope="module")
def synthetic_db(tmp_path_factory):
    from tests.portal_support import make_portal_db

    return make_portal_db(tmp_path_factory.mktemp("pricing") / "pb.sqlite", 20, 300)


@pytest.mark.parametrize("store", ["built", "synthetic"])
def test_bulk_pricing_gives_every_site_the_figures_of_the_scalar_model(
    store, built_db_path, synthetic_db
):
    """Every place of the store: the bulk path (contexts in bulk, the model on columns) gives
    the scalar model's cost, breakdown and years, and the site score's (net, log sd)."""
    import math

    import pandas as pd

    from data.inputs.cost import load_cost_contexts
    from data.inputs.score import load_criteria_table
    from data.store.database import open_db
    from models.cost import CostInputs, compute_cost
    from models.cost_bulk import compute_costs
    from portal.costing import REFERENCE_SEATS, REFERENCE_YEARS, incentive_rules
    from tests.models.test_cost_bulk import assert_same

    path = built_db_path if store == "built" else synthetic_db
    db = open_db(path, read_only=True)
    rows = load_criteria_table(db, include_parks=True).to_dict("records")
    pricer = cost_per_seat_for_sites(path)
    contexts = load_cost_contexts(db, [pricer.place(r) for r in rows])
    frame = pd.DataFrame([c.values for c in contexts])
    frame["seats"] = REFERENCE_SEATS
    rules = [incentive_rules(c) for c in contexts]
    bulk = compute_costs(frame, rules, years=REFERENCE_YEARS)
    for i, (ctx, own) in enumerate(zip(contexts, rules, strict=True)):
        scalar = compute_cost(
            CostInputs(seats=REFERENCE_SEATS, **ctx.values), own, years=REFERENCE_YEARS
        )
        assert_same(bulk.iloc[i], scalar, REFERENCE_YEARS)
    assert (bulk["incentives_cny_per_seat_year"] > 0).sum() > 5

    many = pricer.many(rows)
    one = [pricer(r) for r in rows]
    assert len(many) == len(rows) > 400
    for (a, sd_a), (b, sd_b) in zip(many, one, strict=True):
        assert (math.isnan(a) and math.isnan(b)) or abs(a - b) <= 1e-9 * abs(b)
        assert abs(sd_a - sd_b) <= 1e-9 * max(abs(sd_b), 1e-12)
    assert sum(sd > 0 for _, sd in many) > 100  # estimated inputs were priced too
