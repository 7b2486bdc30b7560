"""What closes the gap: the computed incentive, applied back to the cost model, makes a tie."""

from __future__ import annotations

import pytest

from models.cost import CostInputs, compute_cost, cost_for_service_level
from models.errors import ModelInputError
from models.gap import GAP_KINDS, close_gap, close_gap_options, gap_rule, net_with
from models.incentives import IncentiveRule

SITE = CostInputs(seats=300, rent_cny_per_m2_month=80.0)
# the site already has a rent reduction of its own: the new incentive comes on top of it
OWN_RULES = [IncentiveRule("own rent", "rent_reduction", rate=0.2, duration_years=2.0)]


def net(inputs, rules, years=5) -> float:
    return compute_cost(inputs, rules, years=years).net_per_seat_per_year


@pytest.mark.parametrize("kind", GAP_KINDS)
@pytest.mark.parametrize("gap", [600.0, 1500.0])
def test_the_incentive_applied_back_makes_the_site_tie(kind, gap):
    rival = net(SITE, OWN_RULES) - gap
    g = close_gap(SITE, OWN_RULES, rival, kind, subsidy_years=3)
    assert g.status == "closes" and g.amount > 0
    # applied back through the public cost model, with the site's own rules kept
    after = net(SITE, [*OWN_RULES, g.rule])
    assert after == pytest.approx(rival, abs=1.0)
    assert g.net_after_cny_per_seat_year == pytest.approx(after, abs=1e-6)
    # the closed form is the exact answer for a cost linear in the amount
    assert g.method == "closed form"


def test_amounts_match_hand_formulas():
    x = CostInputs(seats=100)
    base = net(x, [])
    gap = 1000.0
    # seat subsidy paid once, averaged over 5 years: 5 x the yearly gap
    assert close_gap(x, [], base - gap, "seat").amount == pytest.approx(5 * gap)
    # rent subsidy for 3 of 5 years: a x 9.3 m2 x 12 months x 3 / 5 = gap
    rent = close_gap(x, [], base - gap, "rent", subsidy_years=3).amount
    assert rent == pytest.approx(gap * 5 / (3 * 9.3 * 12))


def test_a_capped_incentive_says_it_cannot_close_a_large_gap():
    x = CostInputs(seats=100)
    rival = net(x, []) - 20_000.0
    rebate = close_gap(x, [], rival, "tax_rebate")
    assert rebate.status == "cannot_close" and rebate.amount is None
    # a 100 % rebate leaves exactly the remaining gap
    full = net_with(x, [], "tax_rebate", 1.0)
    assert rebate.remaining_gap_cny_per_seat_year == pytest.approx(full - rival)
    rent = close_gap(x, [], rival, "rent")
    assert rent.status == "cannot_close" and rent.cap == x.rent_cny_per_m2_month
    # uncapped kinds still close it
    assert close_gap(x, [], rival, "seat").status == "closes"


def test_a_site_already_cheaper_needs_nothing():
    x = CostInputs(seats=100)
    a = close_gap_options("A", x, [], "B", net(x, []) + 500.0)
    assert a.gap_cny_per_seat_year == pytest.approx(-500.0)
    assert {o.status for o in a.options} == {"no_gap"} and all(o.rule is None for o in a.options)


def test_a_cost_not_linear_in_the_amount_falls_back_to_a_root_search(monkeypatch):
    # today's cost model is linear in every amount below its cap; a model where the saving
    # flattens (square root) must still be solved, by the bracketed search
    import models.gap as gap

    def flattening(inputs, rules, kind, amount, *, years=5, subsidy_years=3):
        return 100_000.0 - 300.0 * amount**0.5

    monkeypatch.setattr(gap, "net_with", flattening)
    g = gap.close_gap(CostInputs(seats=10), [], 100_000.0 - 1_500.0, "seat")
    assert g.status == "closes" and g.method == "root search (brentq)"
    assert g.amount == pytest.approx(25.0, rel=1e-6)  # 300 x sqrt(25) = 1,500
    assert g.net_after_cny_per_seat_year == pytest.approx(100_000.0 - 1_500.0, abs=0.01)


def test_the_site_priced_at_a_service_level_ties_too():
    site = cost_for_service_level(CostInputs(seats=1), 800, 240, seats=120)
    rival = site.net_per_seat_per_year - 900.0
    for kind in GAP_KINDS:
        g = close_gap(site.inputs, [], rival, kind)
        if g.status == "closes":
            assert net(site.inputs, [g.rule]) == pytest.approx(rival, abs=1.0)


def test_inputs_are_checked():
    x = CostInputs(seats=10)
    with pytest.raises(ModelInputError, match="unknown gap-closing incentive"):
        close_gap(x, [], 1.0, "free lunch")
    with pytest.raises(ModelInputError, match="subsidy_years"):
        close_gap(x, [], 1.0, "rent", subsidy_years=9)
    with pytest.raises(ModelInputError, match="at most 1"):
        gap_rule("tax_rebate", 1.5)
