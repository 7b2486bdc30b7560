"""Score article extraction against hand-written expectations (``articles/<case>/expected.json``).

Facts are compared after :func:`data.ingest.records.check_record` reads them, so ``4万`` and ``40000``
are the same value. A fact is identified by its key (parks: name; park_targets: park, year,
phase; park_tenants: park, company; incentives: park, kind, tier); facts with the same key are
merged. Every other field is scored:

* precision = right fields / extracted fields (a field of an unmatched fact is wrong);
* recall = right fields / expected fields;
* invented = extracted fields with no expected counterpart (unmatched fact or unexpected field);
* evidence = expected facts whose snippet lies in the evidence sentence of a fact with their key.

The generated rule name of an incentive (``name``) is a label, not a fact, and is not scored.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from data.ingest.records import check_record
from data.normalise.values import name_key
from scrapers.extract.articles import Fact, extract_articles

KEYS = {
    "parks": ("name",),
    "park_targets": ("park", "year", "phase"),
    "park_tenants": ("park", "company"),
    "incentives": ("park", "kind", "tier"),
}
UNSCORED = {"incentives": {"name"}}


@dataclass
class ArticleScore:
    """Field counts over one or more articles, and the wrong or invented fields."""

    right: int = 0
    extracted: int = 0
    expected: int = 0
    evidence_found: int = 0
    evidence_expected: int = 0
    wrong: list[str] = field(default_factory=list)
    invented: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.right / self.extracted if self.extracted else 1.0

    @property
    def recall(self) -> float:
        return self.right / self.expected if self.expected else 1.0

    def add(self, other: ArticleScore) -> None:
        for name in ("right", "extracted", "expected", "evidence_found", "evidence_expected"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.wrong += other.wrong
        self.invented += other.invented
        self.missed += other.missed


def _key(table: str, values: dict) -> tuple:
    return (table, *(name_key(str(values[k])) if k in values else None for k in KEYS[table]))


def _fields(table: str, values: dict) -> dict:
    skip = set(KEYS[table]) | UNSCORED.get(table, set())
    return {k: v for k, v in values.items() if k not in skip}


def _merge(facts: list[tuple[str, dict, str]]) -> dict[tuple, tuple[dict, list[str]]]:
    out: dict[tuple, tuple[dict, list[str]]] = {}
    for table, values, evidence in facts:
        merged, evidences = out.setdefault(_key(table, values), ({}, []))
        merged.update(_fields(table, values))
        evidences.append(evidence)
    return out


def score_facts(found: list[Fact], expected: list[dict], case: str = "") -> ArticleScore:
    """Score extracted facts against the expected facts of one article."""
    got = []
    for f in found:
        values = dict(check_record(f.table, f.values).values)
        if f.table == "parks" and "name" not in values:
            values["name"] = f.values.get("name")
        got.append((f.table, values, f.evidence))
    want = _merge([(e["table"], e["values"], e["evidence"]) for e in expected])
    have = _merge(got)
    score = ArticleScore()
    for key, (fields, _) in have.items():
        exp = want.get(key, (None, None))[0]
        for name, value in fields.items():
            score.extracted += 1
            if exp is None or name not in exp:
                score.invented.append(f"{case}: {key} {name}={value!r}")
            elif exp[name] == value:
                score.right += 1
            else:
                score.wrong.append(f"{case}: {key} {name}={value!r}, expected {exp[name]!r}")
    for key, (fields, _) in want.items():
        got_fields = have.get(key, ({}, []))[0]
        score.expected += len(fields)
        score.missed += [
            f"{case}: {key} {n}={v!r}" for n, v in fields.items() if got_fields.get(n) != v
        ]
    for e in expected:
        score.evidence_expected += 1
        evidences = have.get(_key(e["table"], e["values"]), ({}, []))[1]
        score.evidence_found += any(e["evidence"] in ev for ev in evidences)
    return score


def score_corpus(folder: Path) -> tuple[ArticleScore, int]:
    """Score every ``<case>/page.html`` against its ``expected.json``; (score, pages)."""
    total = ArticleScore()
    cases = sorted(p for p in folder.iterdir() if (p / "expected.json").exists())
    for case in cases:
        expected = json.loads((case / "expected.json").read_text("utf-8"))["facts"]
        found = extract_articles((case / "page.html").read_bytes()).facts
        total.add(score_facts(found, expected, case.name))
    return total, len(cases)
