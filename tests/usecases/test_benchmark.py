"""usecases.benchmark: a center against its peers, gaps priced in CNY."""

from __future__ import annotations

import pytest

from models.errors import ModelInputError
from usecases.benchmark import benchmark_center, benchmark_inputs, minute_cost


def test_benchmark_of_typed_kpis_prices_the_gaps_in_the_given_city(store):
    centers_kpis = {"aht_seconds": 320.0, "answer_rate": 0.8}
    x = benchmark_inputs(*_peers(store), kpis=centers_kpis, industry="电信", city="北京")
    cost = minute_cost(store, x)
    assert cost.city == "北京" and cost.seats == 500 and cost.cny > 0
    done = benchmark_center(store, by=["industry"], inputs=x, cost_source=lambda c: c.city)
    assert done.report["cost_per_minute_cny"] == pytest.approx(cost.cny)
    assert done.report["cost_per_minute_source"] == "北京"
    typed = benchmark_center(store, by=["industry"], inputs=x, cost_per_minute_cny=2.0)
    assert typed.minute_cost.cny == 2.0 and typed.minute_cost.city is None
    with pytest.raises(ModelInputError, match="typed-in KPIs"):
        benchmark_inputs(*_peers(store))


def test_a_stored_center_keeps_only_its_kpis(store):
    x = benchmark_inputs(*_peers(store), center="中心3")
    assert x.label == "中心3" and x.exclude == "c3" and "seats" not in x.kpis and x.kpis


def _peers(store):
    from data.inputs.benchmark import load_centers, load_kpi_observations

    centers = load_centers(store)
    return centers, load_kpi_observations(store, centers)


def test_of_several_measurements_the_same_one_is_the_centers_own_on_both_engines(stores):
    """Two service levels of one center: the first by id is its own, whatever the storage order
    (PostgreSQL moves an updated row to the end of its table; SQLite keeps it in place)."""
    from data.store.database import open_db
    from tests.scoring_store import make_store

    kpis = [
        {"id": "k-a", "center_id": "c1", "metric": "service_level", "value": 0.9,
         "definition": "answered", "threshold_seconds": 20},
        {"id": "k-b", "center_id": "c1", "metric": "service_level", "value": 0.7,
         "definition": "offered", "threshold_seconds": 20},
    ]  # fmt: skip
    db = open_db(make_store(stores.target(), kpis=kpis))
    db["kpis"].update("k-a", {"note": "checked again"})
    x = benchmark_inputs(*_peers(db), center="中心1")
    db.conn.close()
    assert (x.kpis["service_level"], x.definitions["service_level"]) == (0.9, "answered@20s")
