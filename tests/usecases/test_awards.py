"""usecases.awards: the leaderboard and the cards of a rubric."""

from __future__ import annotations

from usecases.awards import award_board, compare_centers


def test_awards_board_and_cards(store):
    board = award_board(store, "cn_best_call_center", min_coverage=0.0)
    assert len(board) == 12 and board[0]["rank"] == 1
    strict = award_board(store, "cn_best_call_center", min_coverage=1.0)
    assert all(r["note"] == {"code": "below_coverage", "min_coverage": 1.0} for r in strict)
    cards = compare_centers(store, "cn_best_call_center", ["中心1", "中心2"])
    assert len(cards["centers"]) == 2


def test_of_several_measurements_the_same_one_counts_on_both_engines(stores):
    """Two definitions of one KPI in one year: the lowest id wins, whatever the storage order
    (PostgreSQL moves an updated row to the end of its table; SQLite keeps it in place)."""
    from data.inputs.benchmark import load_award_entries
    from data.store.database import open_db
    from tests.scoring_store import make_store

    kpis = [
        {"id": "k-a", "center_id": "c1", "metric": "answer_rate", "value": 0.95,
         "period": "2023", "definition": "answered"},
        {"id": "k-b", "center_id": "c1", "metric": "answer_rate", "value": 0.85,
         "period": "2023", "definition": "offered"},
    ]  # fmt: skip
    target = make_store(stores.target(), kpis=kpis)
    db = open_db(target)
    db["kpis"].update("k-a", {"note": "checked again"})
    entries = {(p["id"], y): k for p, y, k in load_award_entries(db)}
    db.conn.close()
    assert entries["c1", 2023]["answer_rate"] == 0.95
