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
