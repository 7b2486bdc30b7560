"""One rule decides which incentives apply to a site (``data.inputs.incentives``).

The CLI (``parkbench cost``) and the page path (``portal.services`` feeding
``usecases.compare.price_sites`` as the Compare page does, the fact cards, the criteria table
of the site score) give the same rules and the same cost for the same site. Before, the cards
and the score matched city-wide rules by adcode only, so the rules the curated data gives by
city name (贵阳市's seat subsidies) were priced by ``parkbench cost`` but shown on no card and
worth nothing in the score.
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from data.inputs.incentives import applicable_incentives, rule_applies
from data.inputs.score import SEAT_UNITS
from portal.cli import cli
from usecases.compare import CompareSettings, price_sites, site_ids, site_rules
from usecases.store import open_store

#: a city with city-wide rules named by city (seat subsidies), a park with rules of its own
SITES = ("520100", "北京呼叫中心产业基地")


@pytest.fixture(scope="module")
def page(built_db_path):
    """``portal.services`` on the built store, as the pages call it."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PARKBENCH_DB", str(built_db_path))
        from portal import services

        yield services


def _record(services, wanted: str) -> dict:
    table = services.criteria_table()
    hit = table[(table["id"] == wanted) | ((table["kind"] == "park") & (table["name"] == wanted))]
    assert len(hit) == 1
    return hit.to_dict("records")[0]


def _cli(db, city: str, park: str | None, calls: float, aht: float) -> dict:
    args = ["cost", "--city", city, "--db", str(db), "--json", "--seats", "500"]
    args += ["--calls-per-hour", str(calls), "--aht-seconds", str(aht)]
    args += ["--park", park] if park else []
    res = CliRunner().invoke(cli, args)
    assert res.exit_code == 0, res.output
    return json.loads(res.output)


@pytest.mark.parametrize("wanted", SITES)
def test_the_cli_and_the_page_give_the_same_incentives_and_cost(page, built_db_path, wanted):
    record = _record(page, wanted)
    table = page.criteria_table()
    city_names = {r["adcode"]: r["name"] for r in table.to_dict("records") if r["kind"] == "city"}
    settings = CompareSettings(chosen=(record["id"],), seats=500)
    # the page: cached contexts and capacity, as views/compare.py prices
    priced = price_sites(
        page.reader(), [record], city_names, settings,
        cost_context=page.cost_context, capacity=page.capacity,
    )[record["id"]]  # fmt: skip
    city = city_names[record["adcode"]]
    park = record["name"] if record["kind"] == "park" else None
    out = _cli(
        built_db_path, city, park, priced.calls_per_hour, priced.context.values["aht_seconds"]
    )
    # the same rules, applied or not, and the same cost
    assert priced.context.rules, "the site must have rules for the test to mean something"
    assert set(out["incentives"]) == set(priced.breakdown.incentives)
    assert set(out["incentives_not_applied"]) == set(priced.breakdown.skipped_incentives)
    assert out["net_per_seat_per_year"] == pytest.approx(priced.net, rel=1e-9)
    assert out["per_seat_per_year"] == pytest.approx(priced.breakdown.per_seat_per_year)
    # the fact card lists exactly the rules the price used
    adcodes, park_ids = site_ids([record])
    frame = page.site_incentives(adcodes, park_ids, city_names=(city,))
    card = site_rules(frame, record, city_names)
    assert sorted(r["id"] for r in card) == sorted(r["id"] for r in priced.context.rules)
    # the score's incentive criterion is worth the seat rules among them
    seat_rules = [
        r for r in priced.context.rules
        if r["amount_cny"] and any(u in str(r["amount_unit"]) for u in SEAT_UNITS)
    ]  # fmt: skip
    worth = sum(r["amount_cny"] * (r["duration_years"] or 1) for r in seat_rules)
    assert record["incentive_cny_per_seat"] == pytest.approx(worth)


def test_city_rules_named_by_city_count_in_the_score_and_on_the_card(page):
    guiyang = _record(page, "520100")
    assert guiyang["incentive_cny_per_seat"] == pytest.approx(2000 + 10000)
    frame = page.site_incentives(("520100",), (), city_names=("贵阳市",))
    assert len(site_rules(frame, guiyang, {"520100": "贵阳市"})) == 6


def test_a_city_does_not_get_the_rules_of_its_parks(page, built_db_path):
    beijing = _record(page, "110000")
    assert beijing["incentive_cny_per_seat"] == 0
    rules = applicable_incentives(
        open_store(built_db_path), adcode="110000", city_names=("北京市",)
    )
    assert rules == []
    park = _record(page, "北京呼叫中心产业基地")
    pid = park["id"].removeprefix("park:")
    rules = applicable_incentives(open_store(built_db_path), adcode="110000", park_id=pid)
    assert len(rules) == 4 and all(r["park_id"] == pid for r in rules)


def test_the_rule():
    city_rule = {"park_id": None, "city": "贵阳市", "city_adcode": None}
    assert rule_applies(city_rule, city_names=("贵阳市",))
    assert rule_applies(city_rule, adcode="520100", city_names=("贵阳市",), park_id="p1")
    assert not rule_applies(city_rule, adcode="520100")
    park_rule = {"park_id": "p1", "city": None, "city_adcode": "520100"}
    assert rule_applies(park_rule, park_id="p1")
    assert not rule_applies(park_rule, adcode="520100", city_names=("贵阳市",))
    assert not rule_applies(park_rule, park_id="p2")


def test_the_cli_prices_what_the_staffing_page_prices(page, built_db_path):
    """The Staffing & cost page's defaults (1000 calls/h, 240 s, 80/20, shrinkage 30 %,
    occupancy at most 85 %, 5 years) in 贵阳市, through the page's cached context."""
    from usecases.staffing import StaffingTargets, price_staffing

    targets = StaffingTargets(target_sl=0.8, answer_seconds=20, max_occupancy=0.85, shrinkage=0.3)
    priced = price_staffing(page.cost_context("贵阳市"), 1000, 240, targets, years=5)
    args = ["cost", "--city", "贵阳市", "--db", str(built_db_path), "--json", "--calls-per-hour",
            "1000", "--aht-seconds", "240", "--max-occupancy", "0.85", "--set", "shrinkage=0.3",
            "--set", "aht_seconds=240"]  # fmt: skip
    res = CliRunner().invoke(cli, args)
    assert res.exit_code == 0, res.output
    out = json.loads(res.output)
    b = priced.price.breakdown
    assert out["agents"] == b.staffing.agents == 79  # the page's figure (tests/portal)
    assert out["net_per_seat_per_year"] == pytest.approx(b.net_per_seat_per_year, rel=1e-9)
    assert set(out["incentives"]) == set(b.incentives) and b.incentives
