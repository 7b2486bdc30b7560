"""Cost per seat: components add up, properties, incentives as rules, loader and CLI."""

from __future__ import annotations

import json
from dataclasses import fields, replace

import pytest
import sqlite_utils
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from data.inputs.cost import OPTIONAL_INPUTS, load_cost_context, load_cost_defaults
from data.notes import Note
from models.cost import CostInputs, compare_service_levels, compute_cost
from models.errors import ModelInputError
from models.incentives import CenterProfile, IncentiveRule, apply_incentives
from portal.cli import cli, main

MIYUN = [
    IncentiveRule(
        "密云财政扶持",
        "tax_rebate",
        rate=0.3,
        duration_years=3,
        tier=1,
        min_investment_cny=10e6,
        min_revenue_cny=50e6,
    ),
    IncentiveRule(
        "密云财政扶持",
        "tax_rebate",
        rate=0.5,
        duration_years=3,
        tier=2,
        min_investment_cny=50e6,
        min_revenue_cny=300e6,
    ),
]


def test_components_add_up_and_hand_check_wages():
    c = compute_cost(
        CostInputs(
            seats=110,
            hours_per_day=8,
            days_per_year=250,
            seat_fill_ratio=1.0,
            seat_spare_ratio=0.1,
            shrinkage=0.2,
        )
    )
    assert sum(c.components.values()) == pytest.approx(c.total_cny_per_year)
    # 110 seats = 100 peak agents + 10 % spare; 8x5 with full fill:
    # 100 x 2000 open hours / (2000 paid x 0.8) = 125 FTE
    assert c.fte == pytest.approx(125)
    assert c.components["agent_wages"] == pytest.approx(125 * 5695 * 12)
    assert c.components["rent"] == pytest.approx(110 * 9.3 * 50 * 12)
    d = c.to_dict()
    assert sum(d["components"].values()) == pytest.approx(d["per_seat_per_year"])


def test_seats_are_shared_across_shifts_seed_center_check():
    """Seed 000: Shanghai Century Xinyuan, 550 seats and 920 staff, open 7x24x365 -> 1.67.

    Seats come from the peak agents (+10 % spare desks), FTE from the agent-hours of a typical
    day: opening the night adds few agent-hours, so 7x24 needs barely more FTE per seat than
    7x12 (the old model gave 3.75 against 1.88).
    """
    seed = CostInputs(seats=550, hours_per_day=24, days_per_year=365)
    assert seed.fte / 550 == pytest.approx(920 / 550, rel=0.1)
    assert seed.peak_agents == pytest.approx(500)
    assert seed.agent_hours_per_year == pytest.approx(seed.fte * 2000 * 0.7)
    twelve = CostInputs(seats=550, hours_per_day=12, days_per_year=365).fte
    assert twelve <= seed.fte <= 1.1 * twelve
    assert CostInputs(seats=10, hours_per_day=8, days_per_year=250).fte / 10 == pytest.approx(
        0.95, abs=0.15
    )
    # a given fill ratio is used as it is: hand check, 100 peak agents x 8760 h x 0.25
    given = CostInputs(seats=110, hours_per_day=24, seat_fill_ratio=0.25, seat_spare_ratio=0.1)
    assert given.fte == pytest.approx(100 * 8760 * 0.25 / (2000 * 0.7))


@settings(max_examples=40, deadline=None)
@given(wage=st.floats(2000, 30000), bump=st.floats(1, 5000), seats=st.integers(1, 3000))
def test_cost_never_falls_as_wages_rise(wage, bump, seats):
    low = compute_cost(CostInputs(seats=seats, agent_wage_cny_per_month=wage))
    high = compute_cost(CostInputs(seats=seats, agent_wage_cny_per_month=wage + bump))
    assert high.per_seat_per_year >= low.per_seat_per_year
    assert high.npv_cny_before_incentives >= low.npv_cny_before_incentives


@settings(max_examples=40, deadline=None)
@given(
    kind=st.sampled_from(
        [
            "tax_rebate",
            "rent_reduction",
            "seat_subsidy",
            "training_subsidy",
            "certification_subsidy",
            "other",
        ]
    ),
    rate=st.none() | st.floats(0, 1),
    amount=st.none() | st.floats(0, 1e6),
    duration=st.none() | st.integers(0, 6),
    cap=st.none() | st.floats(0, 1e8),
)
def test_an_incentive_never_raises_net_cost(kind, rate, amount, duration, cap):
    rule = IncentiveRule(
        "r",
        kind,
        rate=rate,
        amount_cny=amount,
        duration_years=duration,
        cap_cny=cap,
        amount_unit="seat",
    )
    base = compute_cost(CostInputs(seats=200))
    with_rule = compute_cost(CostInputs(seats=200), [rule])
    assert with_rule.net_per_seat_per_year <= base.net_per_seat_per_year + 1e-9
    assert with_rule.npv_cny <= base.npv_cny + 1e-6
    for year in with_rule.years:
        assert year["incentives_cny"] >= 0


def test_miyun_tiers_highest_met_tier_applies_for_three_years():
    profile = CenterProfile(500, 4650, 60e6, 400e6, [1e6] * 5, [2e6] * 5, [100] * 5)
    res = apply_incentives(MIYUN, profile, 5)
    assert res.savings_by_rule == {"密云财政扶持 (tier 2)": [1e6, 1e6, 1e6, 0.0, 0.0]}
    assert res.skipped["密云财政扶持 (tier 1)"] == Note(
        "higher_tier", label="密云财政扶持 (tier 2)"
    )
    small = replace(profile, investment_cny=5e6)
    res = apply_incentives(MIYUN, small, 5)
    assert res.savings_by_rule == {}
    assert res.skipped["密云财政扶持 (tier 1)"]["what"] == "investment"


def test_rent_reduction_cap_and_start_year():
    rules = [
        IncentiveRule(
            "rent free", "rent_reduction", rate=1.0, duration_years=2, start_year_offset=1
        ),
        IncentiveRule(
            "seat",
            "seat_subsidy",
            amount_cny=2000,
            amount_unit="每座席",
            cap_cny=500_000,
            start_year_offset=2,
        ),
    ]
    c = compute_cost(CostInputs(seats=400), rules, years=4)
    rent = c.components["rent"]
    assert c.incentives["rent free"]["per_year_cny"] == [rent, rent, 0.0, 0.0]
    assert c.incentives["seat"]["per_year_cny"] == [0.0, 500_000, 0.0, 0.0]
    assert c.npv_cny < c.npv_cny_before_incentives


def test_higher_service_level_costs_more_at_one_site():
    out = compare_service_levels(CostInputs(seats=1), 1000, 240, [(0.8, 20), (0.9, 15)])
    assert out["90/15"].seats > out["80/20"].seats
    assert out["90/15"].total_cny_per_year > out["80/20"].total_cny_per_year
    assert out["80/20"].staffing.agents == 74


def test_bad_cost_inputs():
    with pytest.raises(ModelInputError, match="seats"):
        CostInputs(seats=0)
    with pytest.raises(ModelInputError, match="shrinkage"):
        CostInputs(seats=1, shrinkage=1.2)
    with pytest.raises(ModelInputError, match="agent_wage"):
        CostInputs(seats=1, agent_wage_cny_per_month=-1)


def test_every_default_has_value_unit_and_source():
    inputs, cities = load_cost_defaults()
    assert set(inputs) | OPTIONAL_INPUTS == {f.name for f in fields(CostInputs)} - {"seats"}
    assert not set(inputs) & OPTIONAL_INPUTS
    for name, entry in inputs.items():
        assert entry["source"] and "unit" in entry and "year" in entry, name
    assert "北京" in cities


@pytest.fixture
def park_db(tmp_path):
    path = tmp_path / "pb.sqlite"
    db = sqlite_utils.Database(path)
    db["parks"].insert(
        {
            "id": "p1",
            "name": "北京呼叫中心产业基地",
            "city": "北京",
            "city_adcode": "110000",
            "rent_cny_per_m2_month": 30.0,
        },
        pk="id",
    )
    for i, (rate, inv, rev) in enumerate([(0.3, 10e6, 50e6), (0.5, 50e6, 300e6)], start=1):
        db["incentives"].insert(
            {
                "id": f"m{i}",
                "park_id": "p1",
                "city": "北京",
                "name": "密云财政扶持",
                "kind": "tax_rebate",
                "basis": "县级财政收入",
                "rate": rate,
                "duration_years": 3,
                "start_year_offset": 1,
                "min_investment_cny": inv,
                "min_revenue_cny": rev,
                "tier": i,
                "amount_cny": None,
                "amount_unit": None,
                "cap_cny": None,
                "min_seats": None,
                "conditions": "自注册之日起三年内",
                "city_adcode": None,
            },
            pk="id",
        )
    db["city_inputs"].insert(
        {
            "adcode": "110000",
            "indicator": "agent_wage_cny_per_month",
            "value": 7000,
            "unit": "CNY/month",
            "year": 2023,
            "source": "test",
        }
    )
    db.close()
    return path


def test_loader_reads_park_rent_city_inputs_and_rules(park_db):
    ctx = load_cost_context("北京", "呼叫中心产业基地", park_db)
    assert ctx.values["rent_cny_per_m2_month"] == 30.0
    assert ctx.values["agent_wage_cny_per_month"] == 7000
    assert ctx.values["contribution_base_floor_cny_per_month"] == 6326
    assert len(ctx.rules) == 2 and ctx.park["id"] == "p1"
    assert {IncentiveRule.from_row(r).tier for r in ctx.rules} == {1, 2}
    assert "parks" in ctx.sources["rent_cny_per_m2_month"]["source"]


def test_cli_cost_json_contract(park_db):
    res = CliRunner().invoke(
        cli,
        [
            "cost",
            "--city",
            "北京",
            "--seats",
            "500",
            "--park",
            "呼叫中心产业基地",
            "--db",
            str(park_db),
            "--json",
        ],
    )
    assert res.exit_code == 0, res.output
    out = json.loads(res.output)
    for key in (
        "per_seat_per_year",
        "components",
        "incentives",
        "net_per_seat_per_year",
        "npv_per_seat",
        "inputs",
    ):
        assert key in out
    assert sum(out["components"].values()) == pytest.approx(out["per_seat_per_year"])
    assert "密云财政扶持 (tier 1)" in out["incentives"]
    assert out["net_per_seat_per_year"] < out["per_seat_per_year"]
    assert out["inputs"]["rent_cny_per_m2_month"]["value"] == 30.0


def test_cli_cost_without_db_says_defaults_and_takes_service_level(tmp_path):
    res = CliRunner().invoke(
        cli,
        [
            "cost",
            "--city",
            "Chengdu",
            "--calls-per-hour",
            "1000",
            "--aht-seconds",
            "240",
            "--target-sl",
            "0.9",
            "--answer-seconds",
            "15",
            "--db",
            str(tmp_path / "none.sqlite"),
            "--json",
        ],
    )
    out = json.loads(res.output)
    assert out["agents"] == 77 and out["seats"] == 85  # + 10 % spare desks
    assert any("defaults" in n for n in out["notes"])
    assert out["inputs"]["agent_wage_cny_per_month"]["source"].startswith("default")


def test_cli_cost_bad_seats_exit_2(capsys, tmp_path):
    with pytest.raises(SystemExit) as exc:
        main(["cost", "--city", "北京", "--seats", "-3", "--db", str(tmp_path / "x")])
    assert exc.value.code == 2
    assert capsys.readouterr().err.count("\n") == 1


@settings(max_examples=300, deadline=None)
@given(
    seats=st.integers(1, 20_000),
    wage=st.floats(0, 50_000),
    rent=st.floats(0, 500),
    hours=st.sampled_from([8.0, 10.0, 12.0, 16.0, 24.0]),
    fte_per_seat=st.one_of(st.none(), st.floats(0.5, 3.0)),
    contacts=st.one_of(st.none(), st.floats(0, 1e8)),
    growth=st.floats(0, 0.2),
    years=st.integers(1, 10),
    with_rules=st.booleans(),
)
def test_net_per_seat_alone_is_that_of_the_whole_breakdown(
    seats, wage, rent, hours, fte_per_seat, contacts, growth, years, with_rules
):
    """``compute_net_per_seat`` (the site score prices thousands of places with it) is
    exactly ``compute_cost(...).net_per_seat_per_year``, with or without incentive rules."""
    from models.cost import compute_net_per_seat

    x = CostInputs(
        seats=seats, agent_wage_cny_per_month=wage, rent_cny_per_m2_month=rent,
        hours_per_day=hours, fte_per_seat=fte_per_seat, contacts_per_year=contacts,
        wage_growth_per_year=growth,
    )  # fmt: skip
    rules = MIYUN + [IncentiveRule("seats", "seat_subsidy", amount_cny=2000.0, duration_years=2)]
    rules = rules if with_rules else []
    whole = compute_cost(x, rules, years=years).net_per_seat_per_year
    assert compute_net_per_seat(x, rules, years=years) == whole
    assert compute_net_per_seat(x, tuple(rules), years=years) == whole
    with pytest.raises(ModelInputError, match="years"):
        compute_net_per_seat(x, rules, years=0)
