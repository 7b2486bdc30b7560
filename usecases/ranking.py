"""Rank sites: the criteria table of every candidate city and park, ranked by the site score.

``parkbench score``, ``parkbench report compare`` and the Compare page build the table the
same way (``data.inputs.score`` priced by ``usecases.pricing``) and rank it with
``models.site_ranking``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd
import sqlite_utils

from data.inputs.score import load_criteria_table
from models.criteria import DEFAULT_CRITERIA, Criterion
from models.site_ranking import SiteComparison, SiteRanking
from models.site_ranking import compare_sites as compare_in_table
from models.site_ranking import rank_sites as rank_table
from usecases.pricing import cost_per_seat_for_sites


def criteria_table(db: sqlite_utils.Database, *, include_parks: bool = True) -> pd.DataFrame:
    """Every candidate city (and park) with its criteria, the cost column priced as the
    reference center (``usecases.pricing.cost_per_seat_for_sites``)."""
    return load_criteria_table(
        db, include_parks=include_parks, cost_per_seat=cost_per_seat_for_sites(db)
    )


def rank_sites(
    db: sqlite_utils.Database,
    criteria: Sequence[Criterion] = DEFAULT_CRITERIA,
    *,
    include_parks: bool = False,
    table: pd.DataFrame | None = None,
    **how,
) -> SiteRanking:
    """Every candidate ranked (``how``: weights, preset, objective, method, draws, ... of
    ``models.site_ranking.rank_sites``); ``table`` replaces the store's criteria table (a
    table merged with a user's criteria file)."""
    if table is None:
        table = criteria_table(db, include_parks=include_parks)
    return rank_table(table, tuple(criteria), **how)


def compare_sites(
    table: pd.DataFrame,
    chosen: Sequence[str],
    *,
    preset: str | None = None,
    weights: Mapping[str, float] | Sequence[tuple[str, float]] | None = None,
    method: str = "wsm",
    draws: int = 1000,
) -> SiteComparison:
    """2-5 chosen sites (ids, adcodes or names) ranked among all candidates of ``table``."""
    return compare_in_table(
        table,
        list(chosen),
        preset=preset,
        weights=dict(weights) if weights else None,
        method=method,
        draws=draws,
    )
