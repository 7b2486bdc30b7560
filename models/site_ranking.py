"""Site selection end to end: criteria table -> filled matrix -> weights -> scores -> stress.

:func:`rank_sites` takes a pandas DataFrame with one row per candidate (columns ``adcode``,
``name`` and one column per criterion; optional ``id`` and ``kind``), resolves the weights
(direct, preset, entropy or CRITIC), scores with WSM or TOPSIS, splits every score into
criterion contributions and, unless ``draws=0``, stress-tests the ranks by perturbing the
weights and, where a criterion has a ``<name>_log_sd`` column (the cross-validated error of
an estimated input, e.g. the cost of a city priced on estimated wages and rents), its values.
Each record says which of its values were filled by a missing-value rule and which are
uncertain. Criteria with too little coverage are switched off first
(:func:`models.criteria.coverage_notes`), and scaling is robust by default
(:func:`models.site_score.normalise_robust`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from data.notes import Note
from models.criteria import DEFAULT_CRITERIA, Criterion, apply_missing_rules, coverage_notes
from models.errors import ModelInputError
from models.labour_estimates import estimate_population_criteria
from models.site_score import score_sites
from models.stress import StressResult, selection_stress, stress_ranks
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
    notes: tuple[Note, ...]
    dropped: tuple[str, ...]
    excluded: tuple[dict, ...] = ()
    #: filled values (sites x criteria, in the order of ``ids``) and the exact weights, for
    #: follow-up computations such as :func:`compare_sites`
    ids: tuple[str, ...] = field(default=(), repr=False)
    matrix: np.ndarray | None = field(default=None, repr=False)
    weight_vector: np.ndarray | None = field(default=None, repr=False)
    observed: np.ndarray | None = field(default=None, repr=False)
    input_log_sd: np.ndarray | None = field(default=None, repr=False)
    scale: str = "robust"

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
    scale: str = "robust",
    coverage: bool = True,
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
    >>> r = rank_sites(t, weights={"labour": 1, "transport": 1}, draws=50, top_k=1, coverage=False)
    >>> [(x["name"], x["rank"], x["filled"], x["p_top_k"]) for x in r.records]
    [('B', 1, ['nearest_airport_km'], 1.0), ('A', 2, [], 0.0)]
    >>> r.notes[0]
    Note('filled', crit='nearest_airport_km', fill=10.0, n=1, rule='worst', unit='km')
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
            raise ModelInputError("no candidate sites left: every site lacks labour data")
    present = [c for c in criteria if c.name in table.columns]
    absent = tuple(c.name for c in criteria if c.name not in table.columns)
    if not present:
        raise ModelInputError("criteria table has none of the criteria columns")
    raw = table[[c.name for c in present]].apply(pd.to_numeric, errors="coerce").to_numpy(float)
    switched_off: dict[str, Note] = {}
    if coverage:
        support = {}
        if "center_seats" in table.columns:
            support["seats_per_100k_working_age"] = pd.to_numeric(
                table["center_seats"], errors="coerce"
            ).to_numpy(float)
        switched_off = coverage_notes(raw, present, support)
        keep = [j for j, c in enumerate(present) if c.name not in switched_off]
        present = [present[j] for j in keep]
        raw = raw[:, keep]
        if not present:
            raise ModelInputError(
                "every criterion was switched off for too little coverage: "
                + ", ".join(switched_off)
            )
    filled = apply_missing_rules(raw, present)
    if not filled.criteria:
        raise ModelInputError(
            "every criterion was dropped (no site has a value): " + ", ".join(filled.dropped)
        )
    crit = filled.criteria
    benefit = [c.is_benefit for c in crit]
    from models.site_score import normalise

    observed = ~filled.filled
    z = normalise(filled.values, benefit, scale, observed)
    w, source = resolve_weights(
        crit, z, filled.values, weights=weights, preset=preset, objective=objective
    )
    result = score_sites(filled.values, benefit, w, method, scale=scale, observed=observed)
    sd = np.zeros_like(filled.values)
    for j, c in enumerate(crit):
        if f"{c.name}_log_sd" in table.columns:
            col = pd.to_numeric(table[f"{c.name}_log_sd"], errors="coerce").to_numpy(float)
            sd[:, j] = np.where(observed[:, j] & np.isfinite(col), np.clip(col, 0, None), 0.0)
    stress = None
    if draws:
        stress = stress_ranks(
            filled.values, benefit, w, method, draws=draws, top_k=top_k, kind=kind, pct=pct,
            concentration=concentration, seed=seed, scale=scale, observed=observed,
            input_log_sd=sd if sd.any() else None,
        )  # fmt: skip
    ids = (
        table["id"].astype(str).tolist()
        if "id" in table.columns
        else table["adcode"].astype(str).tolist()
    )
    kinds = table["kind"].tolist() if "kind" in table.columns else ["city"] * len(table)
    adcodes, site_names = table["adcode"].tolist(), table["name"].tolist()  # not .iloc per row
    records = []
    names = [c.name for c in crit]
    for i in range(len(table)):
        rec = {
            "id": ids[i],
            "adcode": str(adcodes[i]),
            "name": str(site_names[i]),
            "kind": kinds[i],
            "score": round(float(result.scores[i]), 6),
            "rank": int(result.ranks[i]),
            "contributions": {
                n: round(float(result.contributions[i, j]), 6) for j, n in enumerate(names)
            },
            "values": {n: float(filled.values[i, j]) for j, n in enumerate(names)},
            "filled": [n for j, n in enumerate(names) if filled.filled[i, j]],
            "uncertain": {
                n: round(float(sd[i, j]), 4) for j, n in enumerate(names) if sd[i, j] > 0
            },
            "method": method,
        }
        how = estimates.estimated.get(ids[i], {}) if estimates else {}
        if how:
            rec["filled"] += [f"{n} (estimated)" for n in names if n in how]
            rec["estimated"] = {n: how[n] for n in names if n in how}
        if stress is not None:
            rec.update(_stress_fields(stress, i))
        records.append(rec)
    records.sort(key=lambda r: (r["rank"], r["name"]))
    dropped = absent + tuple(switched_off) + filled.dropped
    notes = (
        tuple(switched_off.values()) + filled.notes + tuple(Note("absent", crit=n) for n in absent)
    )
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
        ids=tuple(ids),
        matrix=filled.values,
        weight_vector=np.asarray(result.weights, dtype=float),
        observed=observed,
        input_log_sd=sd if sd.any() else None,
        scale=scale,
    )


def _stress_fields(stress: StressResult, i: int) -> dict:
    """A site's rank interval, median and share of draws in the top k (entry ``i``)."""
    return {
        "rank_p05": int(stress.rank_p05[i]),
        "rank_p95": int(stress.rank_p95[i]),
        "rank_median": int(stress.rank_median[i]),
        "p_top_k": round(float(stress.p_top_k[i]), 4),
        "top_k": stress.top_k,
        "draws": stress.draws,
    }


MAX_COMPARED = 5


def busiest_rankable_cities(
    table: pd.DataFrame, n: int = 2, criteria: Sequence[Criterion] = DEFAULT_CRITERIA
) -> list[str]:
    """Ids of the ``n`` cities with the most known centers (``center_count``; name on a tie)
    that the ranking can place: a city :func:`estimate_population_criteria` leaves out (no
    census labour figures and no city of its province to estimate them from, as Hong Kong,
    Macau and Taiwan here) is skipped. What the comparison starts with.

    >>> t = pd.DataFrame({"id": ["hk", "sz", "gz", "p1"], "adcode": ["810000", "1", "2", "1"],
    ...     "name": ["香港", "深圳", "广州", "某园"], "kind": ["city", "city", "city", "park"],
    ...     "province": ["香港", "广东", "广东", "广东"], "center_count": [30, 20, 10, 99],
    ...     "population": [7.0e6, 1.7e7, 1.8e7, None],
    ...     "working_age_population": [None, 1.3e7, 1.3e7, None]})
    >>> busiest_rankable_cities(t)
    ['sz', 'gz']
    """
    cities = table[table["kind"] == "city"]
    if len(cities) == 0:
        return []
    left_out = {
        x["id"] for x in estimate_population_criteria(cities, [c.name for c in criteria]).excluded
    }
    ranked = cities[~cities["id"].isin(left_out)].sort_values(
        ["center_count", "name"], ascending=[False, True]
    )
    return ranked["id"].head(n).tolist()


@dataclass(frozen=True)
class SiteComparison:
    """2-5 chosen sites side by side, scored against every candidate.

    ``records``: the chosen sites' records of :func:`rank_sites` (``rank`` and its interval
    are among all ``candidates``), best first, plus ``rank_in_selection``,
    ``contribution_gap_to_first`` (criterion -> leader's contribution minus this site's)
    and, with draws, ``selection_rank_p05``/``selection_rank_p95`` and ``p_first_in_selection``.
    """

    records: list[dict]
    candidates: int
    weights: dict[str, float]
    weights_source: str
    method: str
    notes: tuple[Note, ...]

    def to_dict(self) -> dict:
        return {
            "candidates": self.candidates, "weights": self.weights,
            "weights_source": self.weights_source, "method": self.method,
            "notes": [n.to_dict() for n in self.notes], "sites": self.records,
        }  # fmt: skip


def _names(name: str) -> tuple[str, ...]:
    """A city name with and without its suffix (市, 地区, 盟, 自治州) when 2+ characters remain."""
    for suffix in ("自治州", "地区", "市", "盟"):
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return (name, name[: -len(suffix)])
    return (name,)


def _pick(ranking: SiteRanking, wanted: str) -> int:
    ids = ranking.ids
    if wanted in ids:
        return ids.index(wanted)
    by_id = {r["id"]: r for r in ranking.records}
    hits = [
        i for i, x in enumerate(ids)
        if by_id[x]["kind"] == "city" and wanted in (by_id[x]["adcode"], *_names(by_id[x]["name"]))
    ] or [i for i, x in enumerate(ids) if by_id[x]["name"] == wanted]  # fmt: skip
    if len(hits) == 1:
        return hits[0]
    for x in ranking.excluded:
        if wanted in (x["id"], x["adcode"], *_names(x["name"])):
            why = "; ".join(
                f"{n['crit']} unknown and no {n['base']} to estimate it"
                if n.code == "no_base"
                else f"{n['crit']} unknown and no city of {n['prov']} has it"
                for n in x["reason"]
            )
            raise ModelInputError(f"site {wanted!r} is left out of the ranking: {why}")
    if hits:
        raise ModelInputError(f"site {wanted!r} is ambiguous; give its id")
    raise ModelInputError(f"no candidate site {wanted!r} (give an id, adcode or name)")


def compare_sites(
    table: pd.DataFrame,
    chosen: Sequence[str],
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
    scale: str = "robust",
    coverage: bool = True,
) -> SiteComparison:
    """Ranked comparison of 2-5 chosen sites (id, adcode or city name) with contributions.

    Scores are those of the whole candidate table (same normalisation), so a site's score
    does not depend on which others were chosen; ``rank_in_selection`` orders the chosen, and
    the stress test gives each its rank interval within the selection under the same
    weight draws.

    Examples
    --------
    >>> t = pd.DataFrame({"adcode": ["1", "2", "3"], "name": ["A", "B", "C"],
    ...                   "working_age_population": [1e6, 3e6, 2e6],
    ...                   "railway_stations_per_1000_km2": [5.0, 1.0, 2.0]})
    >>> c = compare_sites(t, ["A", "3"], weights={"labour": 0.5, "transport": 0.5}, draws=100,
    ...                   scale="minmax", coverage=False)
    >>> [(r["name"], r["rank"], r["rank_in_selection"]) for r in c.records]
    [('A', 1, 1), ('C', 3, 2)]
    >>> c.records[1]["contribution_gap_to_first"]
    {'working_age_population': -0.25, 'railway_stations_per_1000_km2': 0.375}
    """
    wanted = list(dict.fromkeys(str(x) for x in chosen))
    if not 2 <= len(wanted) <= MAX_COMPARED:
        raise ModelInputError(
            f"a comparison takes 2 to {MAX_COMPARED} different sites, got {len(wanted)}"
        )
    # ranked without the stress test, which is then run for the chosen sites only: their
    # ranks among all sites under the draws are those of ``rank_sites(draws=...)``
    ranking = rank_sites(
        table, criteria, weights=weights, preset=preset, objective=objective, method=method,
        draws=0, scale=scale, coverage=coverage,
    )  # fmt: skip
    rows = [_pick(ranking, w) for w in wanted]
    if len(set(rows)) < len(rows):
        raise ModelInputError("the same site was chosen twice")
    by_id = {r["id"]: r for r in ranking.records}
    picked = [dict(by_id[ranking.ids[i]]) for i in rows]
    from models.site_score import rank_scores

    in_sel = rank_scores(np.array([r["score"] for r in picked], dtype=float))
    stress = None
    if draws:
        overall, stress = selection_stress(
            ranking.matrix, [c.is_benefit for c in ranking.criteria], ranking.weight_vector,
            method, rows=rows, draws=draws, top_k=top_k, kind=kind, pct=pct,
            concentration=concentration, seed=seed, scale=ranking.scale,
            observed=ranking.observed, input_log_sd=ranking.input_log_sd,
        )  # fmt: skip
        for k, rec in enumerate(picked):
            rec.update(_stress_fields(overall, k))
    for k, rec in enumerate(picked):
        rec["rank_in_selection"] = int(in_sel[k])
        if stress is not None:
            rec["selection_rank_p05"] = int(stress.rank_p05[k])
            rec["selection_rank_p95"] = int(stress.rank_p95[k])
            rec["p_first_in_selection"] = round(float(stress.p_top_k[k]), 4)
    picked.sort(key=lambda r: (r["rank_in_selection"], r["name"]))
    lead = picked[0]["contributions"]
    for rec in picked:
        rec["contribution_gap_to_first"] = {
            n: round(lead[n] - v, 6) for n, v in rec["contributions"].items()
        }
    return SiteComparison(
        records=picked,
        candidates=len(ranking.records),
        weights=ranking.weights,
        weights_source=ranking.weights_source,
        method=method,
        notes=ranking.notes,
    )
