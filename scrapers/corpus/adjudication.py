"""Adjudicated scores of the blind sets (I/O: reads a study folder; the arithmetic is pure).

Each blind set was scored once against one curator's labels. Where the extractor (as it was when
the set was scored) and the curator disagreed, a third person who saw neither side's identity
decided from the page text what the page states: every extracted fact the curator did not label
(``extra``), every value the two gave differently (``wrong``, shown as two unnamed candidates) and
a random quarter of the facts the extractor missed (``missed``). The study is in
``scrapers/corpus/adjudication/`` (README there); ``python -m scrapers.corpus.adjudication``
prints its table.

With those verdicts, a fact of the extractor is right when the curator had it (``right``) or the
adjudicator found it on the page; the page's facts are those plus the missed facts the adjudicator
confirmed (the sample's share, applied to all missed facts). ``unsure`` verdicts count as the
``unsure`` argument says (0: against the extractor and the curator alike; 0.5: half).
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from scrapers.corpus import CORPUS_DIR, CorpusError

STUDY_DIR = CORPUS_DIR / "adjudication"
VERDICTS = frozenset({"yes", "no", "unsure", "a", "b", "both", "neither"})
STATUSES = ("right", "wrong", "extra", "missed")


@dataclass(frozen=True)
class Adjudicated:
    """Scores of one group of pages against the first curator and after adjudication."""

    group: str
    pages_facts: Mapping[str, int]  # right, wrong, extra, missed against the first curator
    extras_stated: float  # share of extra facts the page states (unsure counted as asked)
    misses_stated: float  # share of the sampled missed facts the page states
    wrong_extractor: int  # differing values where the extractor's reading stands (or both do)
    wrong_curator: int  # differing values where only the curator's stands
    judged: int  # verdicts behind the figures

    @property
    def raw_precision(self) -> float:
        t = self.pages_facts
        return t["right"] / max(1, t["right"] + t["wrong"] + t["extra"])

    @property
    def raw_recall(self) -> float:
        t = self.pages_facts
        return t["right"] / max(1, t["right"] + t["wrong"] + t["missed"])

    @property
    def _good(self) -> float:
        t = self.pages_facts
        return t["right"] + t["extra"] * self.extras_stated + self.wrong_extractor

    @property
    def precision(self) -> float:
        """Extracted facts the page states / extracted facts."""
        t = self.pages_facts
        return self._good / max(1, t["right"] + t["wrong"] + t["extra"])

    @property
    def recall(self) -> float:
        """Extracted facts the page states / facts the page states (as far as anyone found)."""
        t = self.pages_facts
        truth = self._good + self.wrong_curator + t["missed"] * self.misses_stated
        return self._good / truth if truth else 0.0


def _share(verdicts: Counter, unsure: float) -> float:
    n = sum(verdicts.values())
    return (verdicts["yes"] + unsure * verdicts["unsure"]) / n if n else 0.0


def adjudicate(
    totals: Iterable[Mapping],
    items: Iterable[Mapping],
    verdicts: Mapping[str, Mapping],
    group: str = "all",
    unsure: float = 0.0,
) -> Adjudicated:
    """The adjudicated scores of the rows of ``totals`` and the ``items`` of ``group`` (``all``, a
    language such as ``zh-Hant`` or a set such as ``unseen8``): ``totals`` rows carry ``split``,
    ``lang`` and the four status counts; ``items`` carry ``id``, ``split``, ``lang``, ``status``
    and, for ``wrong``, ``sides`` (which candidate, ``a`` or ``b``, was the extractor's)."""

    def ours(row: Mapping) -> bool:
        return group in ("all", row["split"], row["lang"])

    facts = Counter()
    for row in totals:
        if ours(row):
            facts.update({s: int(row[s]) for s in STATUSES})
    extras, misses = Counter(), Counter()
    wrong_extractor = wrong_curator = judged = 0
    for item in items:
        if not ours(item):
            continue
        verdict = verdicts.get(item["id"], {}).get("verdict")
        if verdict not in VERDICTS:
            raise CorpusError(f"{item['id']}: no verdict, or one of none of {sorted(VERDICTS)}")
        judged += 1
        if item["status"] == "extra":
            extras[verdict] += 1
        elif item["status"] == "missed":
            misses[verdict] += 1
        elif item["status"] == "wrong":
            side = item["sides"].get(verdict) if verdict in ("a", "b") else verdict
            wrong_extractor += side in ("extractor", "both")
            wrong_curator += side == "curator"
    return Adjudicated(
        group, dict(facts), _share(extras, unsure), _share(misses, unsure),
        wrong_extractor, wrong_curator, judged,
    )  # fmt: skip


def load_study(folder: str | Path = STUDY_DIR) -> tuple[list[dict], list[dict], dict[str, dict]]:
    """``totals.json``, ``items.json`` and ``verdicts.json`` of a study folder."""
    folder = Path(folder)
    try:
        return tuple(  # type: ignore[return-value]
            json.loads((folder / f"{name}.json").read_text(encoding="utf-8"))
            for name in ("totals", "items", "verdicts")
        )
    except (OSError, ValueError) as exc:
        raise CorpusError(f"{folder}: not a readable adjudication study ({exc})") from exc


def format_study(folder: str | Path = STUDY_DIR) -> str:
    """The study's table: each group against the first curator, then adjudicated (unsure
    verdicts against both sides, then counted half)."""
    totals, items, verdicts = load_study(folder)
    groups = ["all", "zh-Hans", "zh-Hant", "en"] + sorted({r["split"] for r in totals})
    lines = [
        f"{'group':<10} {'facts':>5}  {'raw P':>5} {'raw R':>5}  {'adj P':>5} {'adj R':>5}"
        f"  {'(unsure half) P':>15} {'R':>5}  extras stated  misses stated"
    ]
    for g in groups:
        a, h = adjudicate(totals, items, verdicts, g), adjudicate(totals, items, verdicts, g, 0.5)
        n = sum(a.pages_facts.values())
        lines.append(
            f"{g:<10} {n:>5}  {a.raw_precision:>5.2f} {a.raw_recall:>5.2f}  {a.precision:>5.2f} "
            f"{a.recall:>5.2f}  {h.precision:>15.2f} {h.recall:>5.2f}  {a.extras_stated:>13.2f}"
            f"  {a.misses_stated:>13.2f}"
        )
    return "\n".join(lines)


if __name__ == "__main__":  # pragma: no cover - a report printed for the docs
    print(format_study(sys.argv[1] if len(sys.argv) > 1 else STUDY_DIR))
