"""Matching names of the same park or center across pages, labels and layouts (pure)."""

from __future__ import annotations

import re

from data.normalise.values import name_key, to_simplified

_QUOTES = re.compile(r"[“”\"'‘’「」『』《》〈〉()（）·・\s]")


#: opening hours inside a name describe the center, they do not name it (``…地铁24小时客服热线``)
_HOURS = re.compile(r"(?:7\s*[×x*]\s*)?24\s*小时|24-[Hh]our\s*")


def entity_key(name: str) -> str:
    """Matching key of a park or center name (see the module docstring)."""
    s = to_simplified(_HOURS.sub("", _QUOTES.sub("", str(name)))).lower()
    s = re.sub(r"^the", "", s)
    return name_key(s).replace("市", "")


_HOTLINE = re.compile(r"(?<!\d)(\d{4,6})(?!\d)")
_CITY_HEAD = re.compile(r"^([\u4e00-\u9fff]{2,4}?)(?:市|州|地区)?(?=\d)")


def same_hotline(a: str, b: str) -> bool:
    """Two names of one hotline or service center: the same 4-6 digit number, and the same
    place before it when both name one (``长沙市12345市民服务热线`` = ``长沙12345政府服务热线``)."""
    na, nb = _HOTLINE.findall(a), _HOTLINE.findall(b)
    if not na or na != nb:
        return False
    ha, hb = _CITY_HEAD.match(to_simplified(a)), _CITY_HEAD.match(to_simplified(b))
    if ha and hb:
        return ha.group(1)[:2] == hb.group(1)[:2]
    return True


def names_match(a: str, b: str) -> bool:
    """Two names of the same entity: equal keys, one key inside the other (4+ characters), or
    the same hotline number (:func:`same_hotline`)."""
    ka, kb = entity_key(a), entity_key(b)
    if not ka or not kb:
        return False
    if ka == kb or same_hotline(a, b):
        return True
    short, long = sorted((ka, kb), key=len)
    return len(short) >= 4 and short in long
