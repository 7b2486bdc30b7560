"""Revealed-preference check of the weight presets: do they rank where centers actually are?

Where call centers and call-center parks already are is evidence of what the industry values.
For each preset, the cities are scored **without** the cluster criteria (counts of the same
centers and parks would make the check circular) and the ranking is compared with the
labels "hosts a known center or park" (1) or not (0) by the ROC AUC:

    AUC = P(score of a random host city > score of a random other city), ties counting 1/2,

computed as the Mann-Whitney U statistic over the ranks of the scores. 0.5 is no better than
chance, 1.0 every host ranks above every other city. With few host cities the AUC is noisy;
``n_positive`` says how many there are.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy.stats import rankdata

from models.criteria import DEFAULT_CRITERIA, Criterion
from models.errors import ModelInputError
from models.site_ranking import rank_sites
from models.weights import PRESETS

#: groups left out of the check: they count the very centers and parks used as labels
LEAKING_GROUPS = ("cluster",)


def roc_auc(scores: Sequence[float], labels: Sequence[bool]) -> float:
    """Area under the ROC curve of ``scores`` for binary ``labels`` (ties count one half).

    Examples
    --------
    >>> roc_auc([0.9, 0.8, 0.3, 0.1], [1, 0, 1, 0])
    0.75
    >>> roc_auc([1.0, 1.0], [1, 0])
    0.5
    """
    s = np.asarray(scores, dtype=float)
    y = np.asarray(labels, dtype=bool)
    n_pos, n_neg = int(y.sum()), int((~y).sum())
    if n_pos == 0 or n_neg == 0:
        raise ModelInputError("the AUC needs at least one positive and one negative site")
    r = rankdata(s)
    return float((r[y].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))


@dataclass(frozen=True)
class PresetCheck:
    """AUC of one preset and the ranks of the host cities under it."""

    preset: str
    auc: float
    n_positive: int
    n_negative: int
    host_ranks: dict[str, int]

    def to_dict(self) -> dict:
        return {
            "preset": self.preset, "auc": round(self.auc, 4), "n_positive": self.n_positive,
            "n_negative": self.n_negative, "host_ranks": self.host_ranks,
        }  # fmt: skip


def validate_presets(
    table: pd.DataFrame,
    hosts: set[str],
    criteria: Sequence[Criterion] = DEFAULT_CRITERIA,
    presets: Sequence[str] | None = None,
) -> list[PresetCheck]:
    """AUC per preset of the city ranking against ``hosts`` (adcodes of host cities).

    ``table`` is the criteria table (cities only are used); cluster criteria are left out.
    """
    cities = table[table["kind"] == "city"] if "kind" in table.columns else table
    crit = [c for c in criteria if c.group not in LEAKING_GROUPS]
    out = []
    for name in presets or list(PRESETS):
        ranking = rank_sites(cities, crit, preset=name, draws=0)
        recs = ranking.records
        labels = [r["adcode"] in hosts for r in recs]
        if not any(labels):
            raise ModelInputError("no host city among the ranked sites: nothing to check")
        auc = roc_auc([r["score"] for r in recs], labels)
        host_ranks = {r["name"]: r["rank"] for r, h in zip(recs, labels, strict=True) if h}
        out.append(PresetCheck(name, auc, sum(labels), len(labels) - sum(labels), host_ranks))
    return out
