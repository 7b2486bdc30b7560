"""The date a news page was published, read from its own text (pure, text in).

News pages print their date near the top (``2013年11月27日 星期三``, ``2018-08-09 08:35:00``) or
after a cue (``发布时间：2018年12月24日``, ``时间:2023-08-04``). A sentence that says an entity
opened ``今天`` or ``昨日`` (today, yesterday) without a year opened in that page's year.
"""

from __future__ import annotations

import re
from typing import NamedTuple

#: a calendar date: 2013年11月27日, 2018-08-09, 2023/08/04, 2008.03.17
_DATE = re.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d\d)\s*(?:年|-|/|\.)\s*(?P<m>\d{1,2})\s*(?:月|-|/|\.)\s*(?P<d>\d{1,2})(?!\d)"
)
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
#: an English month, in full or cut short (``December``, ``Dec.``, ``Sept``)
MONTH_EN = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_MON = rf"(?P<mon>{MONTH_EN})"
#: an English date: December 19, 2002; Dec. 19, 2002; 19 December 2002; 2019-Aug-1
_DATE_EN = re.compile(
    rf"\b{_MON}\s+(?P<d>\d{{1,2}}),?\s+(?P<y>(?:19|20)\d\d)\b"
    rf"|\b(?P<d2>\d{{1,2}})\s+{_MON.replace('mon', 'mon2')}\s+(?P<y2>(?:19|20)\d\d)\b"
    rf"|\b(?P<y3>(?:19|20)\d\d)-{_MON.replace('mon', 'mon3')}-(?P<d3>\d{{1,2}})\b"
)
#: a cue that the date after it is the page's own
_CUE = re.compile(r"(?:发布|发表|更新|刊发|出版)?(?:时间|日期)\s*[:：]?\s*$|来源\s*[:：]")
#: how far from the top of the page a date without a cue is taken as the page's (characters)
TOP = 400
EARLIEST, LATEST = 1995, 2026


class PageDate(NamedTuple):
    year: int
    month: int
    day: int


def _valid(m: re.Match[str]) -> PageDate | None:
    y, mo, d = int(m.group("y")), int(m.group("m")), int(m.group("d"))
    if EARLIEST <= y <= LATEST and 1 <= mo <= 12 and 1 <= d <= 31:
        return PageDate(y, mo, d)
    return None


def month_number(word: str | None) -> int | None:
    """1-12 for an English month (``Jan.``, ``November``), else None."""
    key = (word or "")[:3].lower()
    return _MONTHS.index(key) + 1 if key in _MONTHS else None


def _valid_en(m: re.Match[str]) -> PageDate | None:
    g = m.groupdict()
    mo = month_number(g["mon"] or g["mon2"] or g["mon3"])
    y, d = int(g["y"] or g["y2"] or g["y3"]), int(g["d"] or g["d2"] or g["d3"])
    if mo and EARLIEST <= y <= LATEST and 1 <= d <= 31:
        return PageDate(y, mo, d)
    return None


def page_date(text: str) -> PageDate | None:
    """The page's date: the first date after a cue (``发布时间：``), else the first date in the
    top ``TOP`` characters; ``None`` when the page prints none. English dates count too
    (``December 19, 2002``, ``2019-Aug-1``).

    >>> page_date("City opens hotline | Updated: 2006-05-27 08:54")
    PageDate(year=2006, month=5, day=27)
    >>> page_date("(China Daily December 19, 2002)")
    PageDate(year=2002, month=12, day=19)
    """
    first_top = None
    found = [(m.start(), _valid(m)) for m in _DATE.finditer(text)]
    found += [(m.start(), _valid_en(m)) for m in _DATE_EN.finditer(text[: TOP * 4])]
    for start, date in sorted(found, key=lambda x: x[0]):
        if date is None:
            continue
        if _CUE.search(text[max(0, start - 12) : start]):
            return date
        if first_top is None and start < TOP:
            first_top = date
    return first_top


def year_of(date: PageDate, month: int | None = None) -> int:
    """The year of a day the page names by month only (``11月26日``): the page's year, or the
    year before when that month comes after the page's."""
    if month is not None and month > date.month:
        return date.year - 1
    return date.year
