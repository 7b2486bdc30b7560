"""Score awards: the stored centers scored on an award rubric, a leaderboard and cards.

``parkbench awards`` and the Awards page read the same rubric (``data/rubrics/``), the same
entries (``data.inputs.benchmark.load_award_entries``) and score them with ``models.awards``.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import sqlite_utils

from data.inputs.benchmark import load_award_entries
from data.rubrics import load_rubric
from models.awards import MIN_COVERAGE, AwardEntry, Rubric, award_cards, build_rubric


def rubric(name_or_path: str | Path) -> Rubric:
    """A shipped rubric by name, or a rubric YAML file, validated."""
    return build_rubric(load_rubric(name_or_path))


def award_board(
    db: sqlite_utils.Database,
    rubric_name: str | Path,
    *,
    year: int | None = None,
    category: str | None = None,
    min_coverage: float = MIN_COVERAGE,
    entries: Sequence[AwardEntry] | None = None,
) -> list[dict]:
    """Leaderboard rows (``models.awards.award_leaderboard``) of the stored centers; a row
    below the coverage carries a coded note (``note``: ``{"code": "below_coverage", ...}``)."""
    from models.awards import award_leaderboard

    entries = load_award_entries(db) if entries is None else entries
    return award_leaderboard(
        rubric(rubric_name), entries, year=year, category=category, min_coverage=min_coverage
    )


def compare_centers(
    db: sqlite_utils.Database,
    rubric_name: str | Path,
    centers: Sequence[str],
    *,
    year: int | None = None,
    category: str | None = None,
    entries: Sequence[AwardEntry] | None = None,
) -> dict:
    """2-4 centers (names or ids) side by side on the rubric (``models.awards.award_cards``)."""
    entries = load_award_entries(db) if entries is None else entries
    return award_cards(rubric(rubric_name), entries, list(centers), year=year, category=category)
