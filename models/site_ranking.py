"""Site selection end to end: criteria table -> filled matrix -> weights -> scores -> stress.

:func:`rank_sites` takes a pandas DataFrame with one row per candidate (columns ``adcode``,
``name`` and one column per criterion; optional ``id`` and ``kind``), resolves the weights
(direct, preset, entropy or CRITIC), scores with WSM or TOPSIS, splits every score into
criterion contributions and, unless ``draws=0``, stress-tests the ranks by perturbing the
weights. Each record says which of its values were filled by a missing-value rule.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from models.criteria import DEFAULT_CRITERIA, Criterion, apply_missing_rules
from models.errors import ModelInputError
from models.labour_estimates import estimate_population_criteria
from models.site_score import score_sites
from models.stress import stress_ranks
from models.weights import (
    PRESETS,
    critic_weights,
    entropy_weights,
    preset_weights,
    weights_for_criteria,
)

OBJECTIVE_METHODS: tuple[str, ...] = ("entropy", "critic")
DEFAULT_PRESET = "talent_first"


@dataclass(frozen=True)
class SiteRanking:
    """Ranked sites with the weights used and the notes of the missing-value rules."""

    records: list[dict]
    criteria: tuple[Criterion, ...]
    weights: dict[str, float]
    weights_source: str
    method: str
    notes: tuple[str, ...]
    dropped: tuple[str, ...]
    excluded: tuple[dict, ...] = ()

    def to_frame(self) -> pd.DataFrame:
        return pd.DataFrame(self.records)


def resolve_weights(
    criteria: Sequence[Criterion],
    normalised: np.ndarray,
    raw: np.ndarray,
    *,
    weights: Mapping[str, float] | None = None,
    preset: str | None = None,
    objective: str | None = None,
) -> tuple[np.ndarray, str]:
    """One weight per criterion from exactly one of ``weights``, ``preset``, ``objective``.

    Returns the weights and a line saying where they came from.
    """
    given = [
        k for k, v in (("weights", weights), ("preset", preset), ("objective", objective)) if v
    ]
    if len(given) > 1:
        raise ModelInputError(
            f"give one of weights, preset or objective, not {' and '.join(given)}"
        )
    if weights:
        return weights_for_criteria(weights, criteria), "direct weights"
    if objective:
        if objective not in OBJECTIVE_METHODS:
            raise ModelInputError(
                f"unknown objective method {objective!r}; choose entropy or critic"
            )
        if objective == "entropy":
            return entropy_weights(normalised), "entropy weights of the min-max scaled criteria"
        return critic_weights(raw, [c.is_benefit for c in criteria]), "CRITIC weights"
    name = preset or DEFAULT_PRESET
    w = preset_weights(name, criteria)
    return w, f"preset {name}: {PRESETS[name].source}"


def rank_sites(
    table: pd.DataFrame,
    criteria: Sequence[Criterion] = DEFAULT_CRITERIA,
    *,
    weights: Mapping[str, float] | None = None,
    preset: str | None = None,
    objective: str | None = None,
    method: str = "wsm",
    draws: int = 1000,
    top_k: int = 10,
    kind: str = "uniform",
    pct: float = 0.15,
    concentration: float = 100.0,
    seed: int | None = 0,
    estimate_population: bool = True,
) -> SiteRanking:
    """Score, rank, explain and stress-test candidate sites.

    Criteria whose column is absent from ``table`` are skipped (and listed in ``dropped``).
    With ``estimate_population`` (and ``province``/``population`` columns), population-like
    gaps are estimated or their sites excluded first (:mod:`models.labour_estimates`):
    estimated cells show as ``"<criterion> (estimated)"`` in ``filled`` and, with how, in
    ``estimated``; excluded sites are in ``SiteRanking.excluded`` with the reason.

    Examples
    --------
    >>> t = pd.DataFrame({"adcode": ["1", "2"], "name": ["A", "B"],
    ...                   "working_age_population": [1e6, 2e6], "nearest_airport_km": [10.0, None]})
    >>> r = rank_sites(t, weights={"labour": 1, "transport": 1}, draws=50, top_k=1)
    >>> [(x["name"], x["rank"], x["filled"], x["p_top_k"]) for x in r.records]
    [('B', 1, ['nearest_airport_km'], 1.0), ('A', 2, [], 0.0)]
    >>> r.notes[0]
    'nearest_airport_km: 1 missing filled with worst (10 km)'
    """
    if len(table) == 0:
        raise ModelInputError("no candidate sites to score")
    for col in ("adcode", "name"):
        if col not in table.columns:
            raise ModelInputError(f"criteria table lacks the column {col!r}")
    estimates = None
    if estimate_population:
        estimates = estimate_population_criteria(table, [c.name for c in criteria])
        table = estimates.table.reset_index(drop=True)
        if len(table) == 0:
            raise ModelInputError("no candidate sites left: " + "; ".join(estimates.notes))
    present = [c for c in criteria if c.name in table.columns]
    absent = tuple(c.name for c in criteria if c.name not in table.columns)
    if not present:
        raise ModelInputError("criteria table has none of the criteria columns")
    raw = table[[c.name for c in present]].apply(pd.to_numeric, errors="coerce").to_numpy(float)
    filled = apply_missing_rules(raw, present)
    if not filled.criteria:
        raise ModelInputError("every criterion was dropped: " + "; ".join(filled.notes))
    crit = filled.criteria
    benefit = [c.is_benefit for c in crit]
    from models.site_score import normalise_minmax

    z = normalise_minmax(filled.values, benefit)
    w, source = resolve_weights(
        crit, z, filled.values, weights=weights, preset=preset, objective=objective
    )
    result = score_sites(filled.values, benefit, w, method)
    stress = None
    if draws:
        stress = stress_ranks(
            filled.values, benefit, w, method, draws=draws, top_k=top_k, kind=kind, pct=pct,
            concentration=concentration, seed=seed,
        )  # fmt: skip
    ids = (
        table["id"].astype(str).tolist()
        if "id" in table.columns
        else table["adcode"].astype(str).tolist()
    )
    kinds = table["kind"].tolist() if "kind" in table.columns else ["city"] * len(table)
    records = []
    names = [c.name for c in crit]
    for i in range(len(table)):
        rec = {
            "id": ids[i],
            "adcode": str(table["adcode"].iloc[i]),
            "name": str(table["name"].iloc[i]),
            "kind": kinds[i],
            "score": round(float(result.scores[i]), 6),
            "rank": int(result.ranks[i]),
            "contributions": {
                n: round(float(result.contributions[i, j]), 6) for j, n in enumerate(names)
            },
            "values": {n: float(filled.values[i, j]) for j, n in enumerate(names)},
            "filled": [n for j, n in enumerate(names) if filled.filled[i, j]],
            "method": method,
        }
        how = estimates.estimated.get(ids[i], {}) if estimates else {}
        if how:
            rec["filled"] += [f"{n} (estimated)" for n in names if n in how]
            rec["estimated"] = {n: how[n] for n in names if n in how}
        if stress is not None:
            rec.update(
                rank_p05=int(stress.rank_p05[i]),
                rank_p95=int(stress.rank_p95[i]),
                rank_median=int(stress.rank_median[i]),
                p_top_k=round(float(stress.p_top_k[i]), 4),
                top_k=stress.top_k,
                draws=stress.draws,
            )
        records.append(rec)
    records.sort(key=lambda r: (r["rank"], r["name"]))
    dropped = absent + filled.dropped
    notes = filled.notes + tuple(f"{n}: column absent from the criteria table" for n in absent)
    if estimates is not None:
        notes = estimates.notes + notes
    return SiteRanking(
        records=records,
        criteria=crit,
        weights={n: round(float(x), 6) for n, x in zip(names, result.weights, strict=True)},
        weights_source=source,
        method=method,
        notes=notes,
        dropped=dropped,
        excluded=tuple(estimates.excluded) if estimates else (),
    )
