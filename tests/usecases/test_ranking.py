"""usecases.ranking: the criteria table priced, the ranking with coded notes."""

from __future__ import annotations

from data.notes import Note
from usecases.ranking import criteria_table, rank_sites


def test_rank_sites_prices_the_cost_column_and_returns_coded_notes(store):
    table = criteria_table(store, include_parks=False)
    assert len(table) == 5 and "net_cost_per_seat_cny_per_year" in table
    ranking = rank_sites(store, weights={"labour": 1}, draws=0)
    assert ranking.records[0]["name"] == "北京市"
    assert ranking.notes and all(isinstance(n, Note) for n in ranking.notes)
