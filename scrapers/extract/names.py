"""Matching names of the same park or center across pages, labels and layouts (pure)."""

from __future__ import annotations

import re

from data.normalise.values import name_key, to_simplified

_QUOTES = re.compile(r"[“”\"'‘’「」『』《》〈〉()（）·・\s]")


def entity_key(name: str) -> str:
    """Matching key of a park or center name (see the module docstring)."""
    s = to_simplified(_QUOTES.sub("", str(name))).lower()
    s = re.sub(r"^the", "", s)
    return name_key(s).replace("市", "")


def names_match(a: str, b: str) -> bool:
    """Two names of the same entity (equal keys, or one key inside the other, 4+ characters)."""
    ka, kb = entity_key(a), entity_key(b)
    if not ka or not kb:
        return False
    if ka == kb:
        return True
    short, long = sorted((ka, kb), key=len)
    return len(short) >= 4 and short in long
