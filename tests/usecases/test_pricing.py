"""usecases.pricing: price a site; the cost model feeds the site score (net cost per seat per
place, after the place's incentives) and the benchmark (cost of a handled minute)."""

from __future__ import annotations

import copy
import json
import subprocess
import sys

import pytest

from data.notes import Note
from models.errors import ModelInputError
from usecases.pricing import (
    cost_per_minute,
    cost_per_seat_for_sites,
    price_site,
    site_context,
)
from usecases.store import open_store


def test_park_incentives_lower_the_net_cost_in_their_city(built_db_path):
    db = open_store(built_db_path)
    city = price_site(db, "北京", seats=500).net_per_seat_per_year
    park = price_site(db, "北京", "北京呼叫中心产业基地", seats=500)
    assert 0 < park.net_per_seat_per_year < city  # the Miyun tax rebate applies to 500 seats
    assert park.incentives_applied and all(r.park_id or r.city for r in park.rules)


def test_overrides_are_set_and_unknown_inputs_refused(built_db_path):
    from models.errors import ModelInputError

    db = open_store(built_db_path)
    ctx = site_context(db, "北京", overrides={"agent_wage_cny_per_month": 6500})
    assert ctx.values["agent_wage_cny_per_month"] == 6500
    assert ctx.sources["agent_wage_cny_per_month"]["source"] == "user input"
    assert ctx.sources["agent_wage_cny_per_month"]["note"] == Note("src_user")
    with pytest.raises(ModelInputError, match="unknown cost input 'wage'"):
        site_context(db, "北京", overrides={"wage": 1})
    with pytest.raises(ModelInputError, match="seats or the calls"):
        price_site(db, "北京")


def test_places_priced_on_national_defaults_alone_are_missing(built_db_path):
    import math

    cost = cost_per_seat_for_sites(open_store(built_db_path))
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

    c = compute_cost(CostInputs(seats=500))
    handled_minutes = c.fte * 2000 * (1 - 0.3) * 0.8 * 60
    assert c.per_handled_minute == pytest.approx(c.total_cny_per_year / handled_minutes)
    assert c.to_dict()["per_handled_minute"] == pytest.approx(c.per_handled_minute)
    # contacts x AHT is the same minutes: 240 s a contact
    assert c.per_handled_minute == pytest.approx(c.per_contact / 4)
    # the benchmark prices gaps with it (a missing database means national defaults)
    priced = cost_per_minute(str(tmp_path / "missing.db"), "NoSuchPlace", seats=500)
    assert priced == pytest.approx(c.per_handled_minute)
    assert priced == pytest.approx(c.per_productive_hour / 60 / 0.8)


def test_pricing_asks_the_store_for_its_tables_once(built_db_path, monkeypatch):
    """Pricing every candidate reads the store's table list once (data.store.contents), not
    once a place; the costs are those of a fresh read."""
    import math

    import data.store.contents as contents
    from data.inputs.score import load_criteria_table

    db = open_store(built_db_path)
    reads = []
    real = contents._Contents
    monkeypatch.setattr(contents, "_Contents", lambda *a: reads.append(a) or real(*a))
    table = load_criteria_table(db, include_parks=True, cost_per_seat=cost_per_seat_for_sites(db))
    assert len(table) > 300 and len(reads) == 1
    monkeypatch.setattr(contents, "_Contents", real)
    fresh = load_criteria_table(
        open_store(built_db_path),
        include_parks=True,
        cost_per_seat=cost_per_seat_for_sites(open_store(built_db_path)),
    )
    a = table["net_cost_per_seat_cny_per_year"].tolist()
    b = fresh["net_cost_per_seat_cny_per_year"].tolist()
    assert sum(not math.isnan(x) for x in a) > 1
    assert all((math.isnan(x) and math.isnan(y)) or x == y for x, y in zip(a, b, strict=True))


@pytest.fixture(scope="module")
def synthetic_db(tmp_path_factory):
    from tests.portal_support import make_portal_db

    return make_portal_db(tmp_path_factory.mktemp("pricing") / "pb.sqlite", 20, 300)


@pytest.fixture(scope="module")
def built_synthetic(tmp_path_factory):
    """The built store plus 20 synthetic centers and 300 synthetic parks (a file)."""
    from data.store.build import build
    from data.store.fixtures import write_fixture_store

    path = tmp_path_factory.mktemp("bulk") / "synthetic.sqlite"
    build(path)
    write_fixture_store(path, n_centers=20, n_parks=300).conn.close()
    return path


def test_pricing_many_places_in_one_pass_gives_the_figures_of_one_call_each(
    built_db_path, built_synthetic
):
    """The bulk path (``SitePricer.many``: inputs read once per distinct question) prices every
    place of the built store and of a store with synthetic parks exactly as one call per place."""
    import math

    from data.inputs.score import load_criteria_table

    for path in (built_db_path, built_synthetic):
        db = open_store(path)
        rows = load_criteria_table(db, include_parks=True).to_dict("records")
        pricer = cost_per_seat_for_sites(db)
        many = pricer.many(rows)
        one = [pricer(r) for r in rows]
        assert len(many) == len(rows) > 400
        for (a, sd_a), (b, sd_b) in zip(many, one, strict=True):
            assert (math.isnan(a) and math.isnan(b)) or a == b
            assert sd_a == sd_b
        assert sum(not math.isnan(a) for a, _ in many) > 100
        assert sum(sd > 0 for _, sd in many) > 50  # estimated inputs were priced too


def test_contexts_of_many_places_are_those_of_one_call_each(built_db_path, built_synthetic):
    """``load_cost_contexts`` (each city's layer read once, then replayed on its parks) gives
    every place the context one ``load_cost_context`` gives it: values, sources with their
    units, basis, notes, rules, park and adcode."""
    from data.inputs.cost import load_cost_context, load_cost_contexts
    from data.inputs.score import load_criteria_table

    for path in (built_db_path, built_synthetic):
        db = open_store(path)
        pricer = cost_per_seat_for_sites(db)
        rows = load_criteria_table(db, include_parks=True).to_dict("records")
        places = [pricer.place(r) for r in rows] + [("北京市", "no such park"), ("Atlantis", None)]
        many = load_cost_contexts(db, places)
        one = [load_cost_context(city, park, db) for city, park in places]
        assert len(many) == len(places) > 400
        assert sum(bool(c.basis) for c in many) > 100  # city layers were replayed
        rules = [r for c in many for r in c.rules]
        assert any(r["park_id"] for r in rules) and any(not r["park_id"] for r in rules)
        for a, b in zip(many, one, strict=True):
            assert a == b, (a.city, a.park)


def test_rule_index_agrees_with_the_rule():
    """The index the criteria table and bulk pricing use takes exactly the rules
    ``rule_applies`` takes, in the rows' order, for city and park sites."""
    import itertools

    from data.inputs.incentives import RuleIndex, rule_applies

    rules = [
        {"park_id": park, "city_adcode": adcode, "city": city, "n": i}
        for i, (park, adcode, city) in enumerate(
            itertools.product((None, "", "p1", "p2"), (None, "110100", "320100"),
                              (None, "", "北京市", "南京市"))
        )
    ]  # fmt: skip
    index = RuleIndex(rules)
    for adcode, names, park in itertools.product(
        (None, "110100", "320100", "440300"),
        ((), ("北京市",), ("南京市", None), ("深圳市", "北京市")),
        (None, "p1", "p3"),
    ):
        site = {"adcode": adcode, "city_names": names, "park_id": park}
        assert index.applicable(**site) == [r for r in rules if rule_applies(r, **site)]


def test_every_input_says_where_it_comes_from_as_a_coded_note(built_db_path):
    """Each kind of city figure gives its own note; each note reads in Chinese and in English
    without field names, and the English quotes Chinese only for names and document titles."""
    import re

    from data.inputs.cost import load_cost_defaults
    from portal.notes import note_text

    db = open_store(built_db_path)
    wage, rent = "agent_wage_cny_per_month", "rent_cny_per_m2_month"
    expected = {
        ("北京市", wage): ("src_economics", "sourced"),
        ("北京市", rent): ("src_economics", "sourced"),
        ("天津市", wage): ("src_economics_ratio", None),
        ("石家庄市", wage): ("src_economics", "rebased"),
        ("石家庄市", rent): ("src_economics_estimated", None),
        ("上海市", wage): ("src_economics", "municipality"),
        ("上海市", "contribution_base_floor_cny_per_month"): ("src_city_default", None),
        ("上海市", "shrinkage"): ("src_default", None),
    }
    inputs, cities = load_cost_defaults()
    titles = {run for e in [*inputs.values(), *cities["上海"].values()] if isinstance(e, dict)
              for run in re.findall(r"[\u4e00-\u9fff〔〕]+", e["source"])}  # fmt: skip
    field_name = re.compile(r"\b[A-Za-z]+_[A-Za-z0-9_]+\b")
    url = re.compile(r"https?://\S+?(?=[，。；）)\s,;]|$)")
    for city in ("北京市", "天津市", "石家庄市", "上海市"):
        ctx = site_context(db, city)
        for (c, name), (code, how) in expected.items():
            if c == city:
                note = ctx.sources[name]["note"]
                assert (note.code, note.get("how")) == (code, how), (city, name)
        for name, source in ctx.sources.items():
            zh, en = note_text(source["note"], "zh"), note_text(source["note"], "en")
            for text in (zh, en):
                assert not field_name.search(url.sub("", text)), (city, name, text)
            english = en
            for title in sorted(titles, key=len, reverse=True):
                english = english.replace(title, "")
            assert not re.search(r"[\u4e00-\u9fff]", url.sub("", english)), (city, name, en)


def test_a_park_s_own_rent_wins_over_the_city_s_figures(built_db_path, tmp_path):
    """defaults < city figures (economics, imported rows) < the park's own rent < --set"""
    import shutil

    from data.store.fixtures import write_fixture_store

    path = tmp_path / "parks.sqlite"
    shutil.copy(built_db_path, path)
    write_fixture_store(path, n_centers=0, n_parks=1).conn.close()
    db = open_store(path)
    park = next(
        db.query("select name, rent_cny_per_m2_month rent from parks where name like '示例%'")
    )
    city = site_context(db, "北京")
    assert city.sources["rent_cny_per_m2_month"]["note"].code == "src_economics"
    ctx = site_context(db, "北京", park["name"])
    assert (
        ctx.values["rent_cny_per_m2_month"] == park["rent"] != city.values["rent_cny_per_m2_month"]
    )
    assert ctx.sources["rent_cny_per_m2_month"]["note"] == Note(
        "src_park", park=park["name"], park_zh=park["name"]
    )
    assert ctx.basis["rent_cny_per_m2_month"]["kind"] == "park"
    from portal.commands.cost import describe_basis

    line = f"rent_cny_per_m2_month: PARK {park['name']} own rent = {park['rent']:g} CNY/m2/month"
    assert line in describe_basis(ctx)
    # the many-places path agrees; --set still wins
    from data.inputs.cost import load_cost_contexts

    (bulk,) = load_cost_contexts(db, [("北京", park["name"])])
    assert bulk.values == ctx.values and bulk.sources == ctx.sources and bulk.basis == ctx.basis
    mine = site_context(db, "北京", park["name"], {"rent_cny_per_m2_month": 10})
    assert mine.values["rent_cny_per_m2_month"] == 10


def test_the_site_score_s_cost_is_the_priced_breakdown_s(built_db_path, built_synthetic):
    """The cost column (net per seat without the breakdown, and its log sd) is that of
    ``price_context`` for every place: cities, parks, places with and without rules."""
    import math

    from data.inputs.cost import load_cost_contexts
    from data.inputs.score import load_criteria_table
    from usecases.pricing import cost_log_sd, net_cost_per_seat, price_context

    def priced(values, ctx) -> float:
        moved = copy.copy(ctx)
        moved.values = values
        return price_context(moved, seats=500, years=5).net_per_seat_per_year

    for path in (built_db_path, built_synthetic):
        db = open_store(path)
        pricer = cost_per_seat_for_sites(db)
        rows = load_criteria_table(db, include_parks=True).to_dict("records")
        contexts = load_cost_contexts(db, [pricer.place(r) for r in rows])
        assert sum(bool(c.rules) for c in contexts) > 10
        for ctx in contexts:
            net = net_cost_per_seat(ctx)
            assert net == priced(ctx.values, ctx)
            total = 0.0
            for name, b in ctx.basis.items():
                if b.get("kind") == "estimated" and b.get("error_log_rmse"):
                    moved = dict(
                        ctx.values, **{name: ctx.values[name] * math.exp(b["error_log_rmse"])}
                    )
                    total += math.log(priced(moved, ctx) / net) ** 2
            assert cost_log_sd(ctx, net) == math.sqrt(total)
    with pytest.raises(ModelInputError, match="positive whole number"):
        net_cost_per_seat(contexts[0], seats=0)
