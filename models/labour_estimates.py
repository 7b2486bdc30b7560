"""Population-like criteria a city lacks: estimate them from its population, or leave it out.

A gap in a labour-pool figure is not "the worst city": the census simply did not publish it
for that unit (the XPCC cities of Xinjiang, Tonghua, Hong Kong, Macao ...). The rule, applied
before the missing-value rules of :mod:`models.criteria`:

estimate
    when the site's ``population`` (2020 census, persons) is known and at least one other city
    of its province has both figures, the criterion is ``population x the province's share``,
    share = sum of the criterion / sum of ``population`` over the province's cities that have
    both (working-age share for ``working_age_population``, college-educated share for
    ``college_educated_population``). Saturation (``seats_per_100k_working_age``) is then
    recomputed from the estimate. Estimated cells are listed per site, with how.
exclude
    otherwise (no population, or no city of the province to take a share from) the site is
    left out of the ranking, with the reason.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field

import pandas as pd

from data.notes import Note

#: population-like criteria -> the column they are a share of
POPULATION_LIKE: dict[str, str] = {
    "working_age_population": "population",
    "college_educated_population": "population",
}
SATURATION = "seats_per_100k_working_age"


@dataclass(frozen=True)
class PopulationEstimates:
    """The table after the rule: estimates written in, excluded sites removed.

    ``estimated``: site id -> criterion -> how it was estimated (a :class:`~data.notes.Note`);
    ``excluded``: one dict per site left out (``id``, ``adcode``, ``name``, ``reason``: the
    notes saying why); ``notes``: one note per rule that changed something.
    """

    table: pd.DataFrame
    estimated: dict[str, dict[str, Note]] = field(default_factory=dict)
    excluded: list[dict] = field(default_factory=list)
    notes: tuple[Note, ...] = ()


def _num(v) -> float:
    try:
        x = float(v)
    except (TypeError, ValueError):
        return math.nan
    return x if math.isfinite(x) else math.nan


def province_shares(table: pd.DataFrame, criterion: str, base: str = "population") -> dict:
    """Province -> (share, number of cities) of ``criterion`` in ``base`` over its city rows.

    Examples
    --------
    >>> t = pd.DataFrame({"province": ["甲", "甲", "乙"], "population": [100.0, 300.0, 50.0],
    ...                   "working_age_population": [60.0, 200.0, None]})
    >>> province_shares(t, "working_age_population")
    {'甲': (0.65, 2)}
    """
    rows = table[table["kind"] == "city"] if "kind" in table.columns else table
    num = pd.to_numeric(rows[criterion], errors="coerce")
    den = pd.to_numeric(rows[base], errors="coerce")
    ok = num.notna() & den.notna() & (den > 0)
    out = {}
    for prov, g in rows[ok].groupby("province", sort=True):
        out[prov] = (float(num[g.index].sum() / den[g.index].sum()), int(len(g)))
    return out


def estimate_population_criteria(
    table: pd.DataFrame, criteria: Iterable[str] | None = None
) -> PopulationEstimates:
    """Fill population-like gaps by the province share, or exclude the site (see module doc).

    Parameters
    ----------
    table : DataFrame
        Criteria table with ``province`` and ``population`` columns (``id`` optional).
    criteria : names, optional
        The criteria being scored; only population-like ones among them are handled
        (default: all of :data:`POPULATION_LIKE` present in the table).

    Examples
    --------
    >>> t = pd.DataFrame({"id": ["a", "b", "c", "d"], "adcode": ["1", "2", "3", "4"],
    ...     "name": ["A", "B", "C", "D"], "province": ["甲", "甲", "甲", "乙"],
    ...     "population": [100.0, 300.0, 1000.0, None],
    ...     "working_age_population": [60.0, 200.0, None, None]})
    >>> e = estimate_population_criteria(t)
    >>> e.table["working_age_population"].tolist(), [x["id"] for x in e.excluded]
    ([60.0, 200.0, 650.0], ['d'])
    >>> e.estimated["c"]["working_age_population"]
    Note('estimate_how', base='population', crit='working_age_population', n=2, pop=1000.0, prov='甲', share=0.65)
    """
    wanted = [
        c
        for c in (criteria if criteria is not None else POPULATION_LIKE)
        if c in POPULATION_LIKE and c in table.columns
    ]
    if not wanted or "province" not in table.columns:
        return PopulationEstimates(table)
    out = table.copy()
    ids = out["id"].astype(str) if "id" in out.columns else out["adcode"].astype(str)
    estimated: dict[str, dict[str, Note]] = {}
    reasons: dict[int, list[Note]] = {}
    notes: list[Note] = []
    for crit in wanted:
        base = POPULATION_LIKE[crit]
        if base not in out.columns:
            continue
        shares = province_shares(out, crit, base)
        n_est = 0
        # the columns read as arrays (not .at per row: 3,446 sites took half a second); only
        # the rows estimated are written, each after its own values were read
        crit_values, base_values = out[crit].to_numpy(), out[base].to_numpy()
        provinces = out["province"].to_numpy()
        for pos, i in enumerate(out.index):
            if not math.isnan(_num(crit_values[pos])):
                continue
            pop, prov = _num(base_values[pos]), provinces[pos]
            if math.isnan(pop) or pop <= 0:
                reasons.setdefault(i, []).append(Note("no_base", crit=crit, base=base))
                continue
            if prov not in shares:
                reasons.setdefault(i, []).append(Note("no_share", crit=crit, prov=prov))
                continue
            share, n = shares[prov]
            out.at[i, crit] = pop * share
            estimated.setdefault(ids[i], {})[crit] = Note(
                "estimate_how", base=base, pop=float(pop), crit=crit, prov=prov,
                share=float(share), n=int(n),
            )  # fmt: skip
            n_est += 1
            if crit == "working_age_population" and SATURATION in out.columns:
                seats = _num(out.at[i, "center_seats"]) if "center_seats" in out.columns else 0.0
                if math.isnan(_num(out.at[i, SATURATION])):
                    out.at[i, SATURATION] = (
                        (0.0 if math.isnan(seats) else seats) / (pop * share) * 1e5
                    )
                    estimated[ids[i]][SATURATION] = Note("saturation_how")
        if n_est:
            notes.append(Note("estimated", crit=crit, n=n_est, base=base))
    excluded = [
        {"id": ids[i], "adcode": str(out.at[i, "adcode"]), "name": str(out.at[i, "name"]),
         "reason": tuple(r)}
        for i, r in reasons.items()
    ]  # fmt: skip
    if excluded:
        notes.append(Note("left_out", n=len(excluded), names=[x["name"] for x in excluded]))
    kept = out.drop(index=list(reasons))
    return PopulationEstimates(kept, estimated, excluded, tuple(notes))
