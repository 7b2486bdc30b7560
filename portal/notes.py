"""The one renderer of coded notes (:class:`data.notes.Note`) for the pages, the CLI and reports.

The models and ``data.inputs.cost`` return notes as a code plus parameters; the catalogue
``portal/strings/notes.py`` holds each code's sentence in Chinese and English
(``note.<code>``), and :func:`note_text` fills it with criterion names, units and numbers
written for the reader. No Streamlit here: the CLI renders in English with the same function.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from data.notes import Note
from models.criteria import DEFAULT_CRITERIA
from portal.i18n import STRINGS, current_lang, fmt_number, t, unit_label

_CRITERIA = {c.name: c for c in DEFAULT_CRITERIA}

#: units of criteria (``models.criteria``) beyond the schema units of ``portal.i18n.UNITS``
_CRITERION_UNITS = {
    "CNY/seat/year": "unit.cny_per_seat_year",
    "CNY/seat": "note.unit.cny_per_seat",
    "seat/100k person": "note.unit.seats_per_100k",
    "station": "note.unit.station",
    "station/1000 km2": "note.unit.station_density",
    "center": "unit.center",
    "park": "unit.park",
    "0/1": "note.unit.flag",
}


def _criterion(name: str, lang: str) -> str:
    c = _CRITERIA.get(name)
    if c is None:
        return _term("base", name, lang)
    return (c.label_zh if lang == "zh" else c.label_en) or name


def _term(kind: str, value: Any, lang: str) -> str:
    """``note.<kind>.<value>`` of the catalogue (a word a note names: a rule, a base column)."""
    key = f"note.{kind}.{value}"
    return t(key, lang) if key in STRINGS else str(value)


def _unit(unit: str, lang: str) -> str:
    key = _CRITERION_UNITS.get(unit)
    return t(key, lang) if key else unit_label(unit, lang)


def _number(value: Any, lang: str) -> str:
    if value is None:
        return t("note.unknown", lang)
    return fmt_number(float(value), lang=lang)


def _year(year: Any, lang: str) -> str:
    """A year as the reader writes it ("2024年", "2024"); unknown when there is none."""
    if year is None or year == "":
        return t("note.year_unknown", lang)
    return f"{year}年" if lang == "zh" else str(year)


def _text(value: Any, lang: str) -> str:
    return t("note.unknown", lang) if value is None or value == "" else str(value)


def method_label(method: Any, lang: str | None = None) -> str:
    """How an estimate of ``city_economics`` was made, in words (its code when unknown)."""
    return _term("method", method, lang or current_lang())


def _names(names: Iterable[str], lang: str) -> str:
    return ("、" if lang == "zh" else ", ").join(str(n) for n in names)


def definition_text(definition: str, lang: str | None = None) -> str:
    """How a KPI was measured, e.g. ``offered@20s`` -> "offered calls · 20 s"."""
    lang = lang or current_lang()
    if not definition:
        return t("bench.unspecified", lang)
    base, _, threshold = definition.partition("@")
    key = f"bench.def.{base}"
    text = t(key, lang) if key in STRINGS else base
    if threshold.endswith("s"):
        try:
            text += f" · {fmt_number(float(threshold[:-1]), 'second', lang)}"
        except ValueError:
            text += f" · {threshold}"
    return text


def _group(pairs, lang: str) -> str:
    """A peer group ``[(key, value), ...]``: "行业=银行、..." (empty: all centers)."""
    if not pairs:
        return t("note.all_centers", lang)
    return _names((f"{t(f'bench.key.{k}', lang)}={v}" for k, v in pairs), lang)


#: how each parameter of a note is written (parameters not listed are written as they are)
_FIELDS: dict[str, Callable[[Any, str], str]] = {
    "crit": _criterion,
    "base": _criterion,
    "rule": lambda r, lang: _term("rule", r, lang),
    "what": lambda w, lang: _term("what", w, lang),
    "unit": _unit,
    "fill": _number,
    "pop": _number,
    "need": _number,
    "have": _number,
    "n": _number,
    "total": _number,
    "share": lambda s, lang: fmt_number(float(s), "fraction", lang),
    "names": _names,
    "keys": _names,
    "others": lambda ds, lang: ("；" if lang == "zh" else "; ").join(
        definition_text(d, lang) for d in ds
    ),
    "group": _group,
    "min": _number,
    "indicator": lambda i, lang: (
        t(f"note.indicator.{i}", lang) if f"note.indicator.{i}" in STRINGS else _criterion(i, lang)
    ),  # an indicator of imported city figures, else of the economics (``note.base.*``)
    "min_coverage": lambda s, lang: fmt_number(float(s), "fraction", lang),
    # where a cost input comes from (``src_*`` notes of ``data.inputs.cost``)
    "value": _number,
    "year": _year,
    "ratio_year": _year,
    "url": _text,
    "how": lambda h, lang: _term("how", h, lang),
    "method": lambda m, lang: _term("method", m, lang),
    "err": lambda e, lang: (
        _number(None, lang) if e is None else fmt_number(float(e), "fraction", lang)
    ),
    "mape": lambda e, lang: (
        _number(None, lang) if e is None else fmt_number(float(e), "fraction", lang)
    ),
    "ratio": lambda r, lang: f"{float(r):.3f}",
}


def note_key(code: str) -> str:
    """The catalogue key of a note code."""
    return f"note.{code}"


def note_text(note: Note | Mapping[str, Any], lang: str | None = None) -> str:
    """``note`` (a :class:`Note`, or its ``to_dict()``) in ``lang`` (default: the reader's).

    Raises KeyError for a code the catalogue lacks, so a new code fails loudly in tests.
    A text parameter given in both languages is ``name`` (English) plus ``name_zh``
    (Chinese): the note shows the one of the reader's language (a default's bibliographic
    text, ``text`` and ``text_zh``).

    Examples
    --------
    >>> note_text(Note("dropped", crit="center_count"), "zh")
    '已有呼叫中心数：所有地点都没有数值，不参与评分'
    >>> note_text({"code": "park_matched", "park": "甲园"}, "en")
    "park '甲园' matched"
    """
    lang = lang or current_lang()
    if isinstance(note, Note):
        code, params = note.code, note.params
    else:
        params = dict(note)
        code = params.pop("code")
    for key in [k for k in params if k.endswith("_zh")]:
        zh = params.pop(key)
        if lang == "zh" and zh:
            params[key[:-3]] = zh
    fields = {k: _FIELDS.get(k, lambda v, _lang: str(v))(v, lang) for k, v in params.items()}
    return t(note_key(code), lang, **fields)


def notes_text(notes: Iterable[Note], lang: str | None = None) -> list[str]:
    """Each note in ``lang`` (the CLI's JSON and text output use English)."""
    return [note_text(n, lang) for n in notes]
