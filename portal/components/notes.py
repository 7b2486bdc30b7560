"""Notes of the models and cost inputs in the reader's language.

``models/`` and ``data/inputs/cost.py`` explain themselves in short English sentences (missing
values filled, sites left out, incentives not applied). The page shows each one through
:func:`note_text`: a sentence of a known form is rewritten from the translation table with
criterion names and units for people; any other sentence is shown as it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from portal.components.compare import criterion_label
from portal.i18n import STRINGS, current_lang, fmt_number, t, unit_label

_N = r"(?P<n>\d+)"
_CRIT = r"(?P<crit>[\w]+)"

#: (pattern, translation key) for every sentence form the models and cost inputs write
PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), key)
    for p, key in (
        (rf"^{_CRIT}: {_N} estimated from (?P<base>\w+) x the province's share$", "note.estimated"),
        (rf"^{_N} sites left out for lack of labour data: (?P<names>.*)$", "note.left_out"),
        (rf"^{_CRIT}: no site has a value; criterion dropped$", "note.dropped"),
        (rf"^{_CRIT}: {_N} missing; rule 'exclude' drops the criterion$", "note.excluded"),
        (
            rf"^{_CRIT}: {_N} missing filled with (?P<rule>\w+) \((?P<fill>[-+\d.e]+) (?P<unit>\S+)\)$",
            "note.filled",
        ),
        (rf"^{_CRIT}: column absent from the criteria table$", "note.absent"),
        (
            rf"^{_CRIT}: switched off, only {_N} sites have a count above 0 \(need (?P<need>\d+)\): the store knows too few$",
            "note.off_positive",
        ),
        (
            rf"^{_CRIT}: switched off, only {_N} of (?P<total>\d+) sites have a value \(need half\)$",
            "note.off_observed",
        ),
        (
            r"^(?P<base>\w+) (?P<pop>[\d,.]+) x (?P<crit>\w+) share of (?P<prov>\S+) "
            r"(?P<share>[\d.]+) \((?P<n>\d+) cities\)$",
            "note.estimate_how",
        ),
        (r"^known seats over the estimated working_age_population$", "note.saturation_how"),
        (r"^no incentive rules for this park or city in the database$", "note.no_rules"),
        (r"^no incentives table: no incentive rules applied$", "note.no_incentives_table"),
        (r"^no city_inputs table: national and seeded city defaults used$", "note.no_city_inputs"),
        (r"^park '(?P<park>.*)' matched$", "note.park_matched"),
        (r"^no park matching '(?P<park>.*)' in the database: city-level inputs only$", "note.no_park"),
        (r"^(?P<what>investment|revenue|seats) (?P<have>[\d,]+|unknown) below (?P<need>[\d,]+)$",
         "note.below_threshold"),
        (r"^a higher tier applies \((?P<rule>.*)\)$", "note.higher_tier"),
    )
)  # fmt: skip

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


def _unit(unit: str) -> str:
    key = _CRITERION_UNITS.get(unit)
    return t(key) if key else unit_label(unit)


def _number(text: str) -> str:
    return fmt_number(float(text.replace(",", "")))


def _name(name: str) -> str:
    key = f"note.base.{name}"
    return t(key) if key in STRINGS else criterion_label(name)


_FIELDS: dict[str, Callable[[str], str]] = {
    "crit": criterion_label,
    "base": _name,
    "rule": lambda r: t(f"note.rule.{r}") if f"note.rule.{r}" in STRINGS else r,
    "unit": _unit,
    "fill": _number,
    "pop": _number,
    "need": _number,
    "have": lambda h: t("note.unknown") if h == "unknown" else _number(h),
    "what": lambda w: t(f"note.threshold.{w}"),
    "share": lambda s: fmt_number(float(s), "fraction"),
    "names": lambda names: ("、" if current_lang() == "zh" else ", ").join(names.split(", ")),
}


def note_text(note: str) -> str:
    """``note`` in the reader's language when it is of a known form, else unchanged.

    Examples
    --------
    >>> note_text("center_count: no site has a value; criterion dropped")
    '已有呼叫中心数：所有地点都没有数值，不参与评分'
    >>> note_text("something else")
    'something else'
    """
    for pattern, key in PATTERNS:
        found = pattern.match(note)
        if found:
            fields = {k: _FIELDS.get(k, str)(v) for k, v in found.groupdict().items()}
            return t(key, **fields)
    return note
