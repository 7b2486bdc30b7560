"""usecases.staffing: agents and seats for a service level, what they cost, interval plans."""

from __future__ import annotations

import math

import pytest

from data.errors import ParkBenchError
from data.notes import Note
from models.errors import ModelInputError
from usecases.pricing import site_context
from usecases.staffing import (
    StaffingTargets,
    plan_intervals,
    plan_staffing,
    price_staffing,
    service_with_agents,
    staffing_by_model,
)

TARGETS = StaffingTargets(target_sl=0.8, answer_seconds=20, max_occupancy=1.0, shrinkage=0.3)


def test_the_hour_needs_74_agents_and_84_more_a_year():
    plan = plan_staffing(1000, 240, TARGETS)
    assert plan.agents == 74  # docs/staffing.md, by hand
    assert plan.fte == pytest.approx(74 / 0.7, rel=0.02)


def test_erlang_a_needs_fewer_agents_than_erlang_c_when_callers_give_up():
    both = staffing_by_model(1000, 240, TARGETS)
    assert both["erlang_a"].agents <= both["erlang_c"].agents == 74
    assert both["erlang_a"].abandon_rate is not None and both["erlang_c"].abandon_rate is None


def test_fewer_agents_than_the_load_are_understaffed():
    load = 1000 * 240 / 3600
    short = service_with_agents(60, 1000, 240, TARGETS)
    assert short.understaffed and short.agents < load
    enough = service_with_agents(80, 1000, 240, TARGETS)
    assert not enough.understaffed and enough.service_level > 0.8


def test_the_staffed_center_is_priced_with_the_hours_handle_time_and_shrinkage():
    ctx = site_context(None, "NoSuchPlace")  # national defaults
    priced = price_staffing(ctx, 1000, 300, TARGETS, years=5)
    assert priced.context.values["aht_seconds"] == 300
    assert priced.context.values["shrinkage"] == 0.3
    assert priced.base.seats == 1 and priced.price.breakdown.seats == math.ceil(
        priced.price.breakdown.staffing.agents * 1.1 - 1e-9
    )
    assert ctx.values["aht_seconds"] != 300 or ctx is not priced.context  # the site's own is kept


def test_the_page_s_handle_time_and_shrinkage_are_shown_as_the_user_s_own():
    ctx = site_context(None, "NoSuchPlace")  # national defaults: shrinkage 0.3, AHT 240 s
    priced = price_staffing(ctx, 1000, 300, TARGETS, years=5)
    sources = priced.context.sources
    # the handle time differs from the default: its value and source are the user's
    assert sources["aht_seconds"]["value"] == 300
    assert sources["aht_seconds"]["note"] == Note("src_user")
    # the shrinkage is the default's value: the default's source stands
    assert sources["shrinkage"]["note"].code == "src_default"
    # the site's context (cached by the pages) is left as it was
    assert ctx.sources["aht_seconds"]["note"].code == "src_default"
    assert ctx.sources["aht_seconds"]["value"] == 240


def test_interval_plan_fills_missing_handle_times_or_says_which_is_missing():
    text = "start,calls,aht_seconds\n08:00,100,240\n08:30,200,\n09:00,150,300\n"
    with pytest.raises(ModelInputError, match="no aht_seconds"):
        plan_intervals(text.encode(), name="day.csv", targets=TARGETS)
    done = plan_intervals(text.encode(), name="day.csv", aht_seconds=250, targets=TARGETS)
    assert done.interval_minutes == 30 and done.minutes_from == "start times"
    assert done.plan.intervals["aht_seconds"].tolist() == [240, 250, 300]
    assert done.peak_interval == "08:30"
    with pytest.raises(ModelInputError, match="30 minutes apart"):
        plan_intervals(text.encode(), name="day.csv", aht_seconds=250, interval_minutes=15)


def test_an_unreadable_forecast_is_a_domain_error():
    with pytest.raises(ParkBenchError):
        plan_intervals(b"\x00\x01\x02", name="x.csv", aht_seconds=240)
