"""A fact proposed by the article rules, waiting for review (shared by the zh and en rules)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Fact:
    """One proposed record: table, raw values (with ``park`` as a name), evidence, confidence."""

    table: str
    values: dict
    evidence: str
    confidence: float
    rule: str
    locator: str = ""
