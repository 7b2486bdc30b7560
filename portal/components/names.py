"""Names in the reader's language: cities and provinces from the reference data, industries.

In English, a Chinese city or province name becomes the reference data's English name (a pinyin
romanisation) and a known industry its English name; anything else (a center or park without
an English name) stays as the data gives it. In Chinese nothing changes.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from portal.i18n import STRINGS, current_lang

#: columns holding place or industry names, localised by :func:`localise_frame`
NAME_COLUMNS = ("province", "city", "industry", "category")


def localise(value: object, places: Mapping[str, str], lang: str | None = None) -> object:
    """``value`` in ``lang``: a place's or industry's English name when known, else unchanged.

    >>> localise("北京市", {"北京市": "Beijing"}, "en"), localise("金融", {}, "en")
    ('Beijing', 'Finance')
    >>> localise("北京市", {"北京市": "Beijing"}, "zh"), localise("某中心", {}, "en")
    ('北京市', '某中心')
    """
    if (lang or current_lang()) != "en" or not isinstance(value, str):
        return value
    if value in places:
        return places[value]
    key = f"industry.{value}"
    return STRINGS[key]["en"] if key in STRINGS else value


def localise_frame(
    frame: pd.DataFrame, places: Mapping[str, str], lang: str | None = None
) -> pd.DataFrame:
    """A copy of ``frame`` with its place and industry columns in ``lang``."""
    lang = lang or current_lang()
    if lang != "en":
        return frame
    out = frame.copy()
    for column in NAME_COLUMNS:
        if column in out.columns:
            out[column] = [localise(v, places, lang) for v in out[column]]
    return out
