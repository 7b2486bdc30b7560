"""Places a page implies without naming its city: lines that serve one place, and zones whose
name is better known than their city's.

* A line number that only one place's government runs names that place: a page about the
  ``1823`` line (``1823电话中心``, ``the 1823 Centre``) is about Hong Kong even when it never
  writes 香港. It is the page's place only when the page names no city at all.
* A park or center named after a well-known zone (``中关村软件园``, ``Zhangjiang …``) lies in that
  zone's city, whatever city the page is about.

The lists hold facts of public administration (which government runs a line, which city a zone
lies in); ``docs/scrapers.md`` says where each comes from. A zone that spans two prefectures
(贵安新区, 西咸新区) or whose name is also a common word or another city's district (东湖, 临港,
金桥, 滨江) is left out: it names no single city.
"""

from __future__ import annotations

import re
from collections.abc import Callable

#: lines run by one place's government: number -> (Chinese place, English place)
ONE_PLACE_LINES = {
    "1823": (
        "香港",
        "Hong Kong",
    ),  # Hong Kong SAR Government's 1823 (Efficiency Office), since 2001
}

#: a line number said as a line, not as a year or a count (1823年, in 1823)
_LINE_NUMBER = re.compile(
    r"(?<![\d.,])(" + "|".join(ONE_PLACE_LINES) + r")(?!\d)(?!\s*(?:年|AD\b))"
)
_YEAR_BEFORE = re.compile(r"(?:\b(?:in|since|of|year|by|from|until)\s+|公元)$", re.IGNORECASE)

#: zones named more often than their city: zone word -> (Chinese prefecture, English city)
ZONE_CITIES = {
    "中关村": ("北京市", "Beijing"),
    "亦庄": ("北京市", "Beijing"),
    "张江": ("上海市", "Shanghai"),
    "漕河泾": ("上海市", "Shanghai"),
    "陆家嘴": ("上海市", "Shanghai"),
    "外高桥": ("上海市", "Shanghai"),
    "光谷": ("武汉市", "Wuhan"),
    "前海": ("深圳市", "Shenzhen"),
    "横琴": ("珠海市", "Zhuhai"),
    "两江新区": ("重庆市", "Chongqing"),
    "天府新区": ("成都市", "Chengdu"),
    "松山湖": ("东莞市", "Dongguan"),
    "郑东新区": ("郑州市", "Zhengzhou"),
    "金鸡湖": ("苏州市", "Suzhou"),
    "独墅湖": ("苏州市", "Suzhou"),
}
#: the same zones as English pages write them
ZONE_CITIES_EN = {
    "Zhongguancun": "中关村",
    "Yizhuang": "亦庄",
    "Zhangjiang": "张江",
    "Caohejing": "漕河泾",
    "Lujiazui": "陆家嘴",
    "Waigaoqiao": "外高桥",
    "Optics Valley": "光谷",
    "Optical Valley": "光谷",
    "Qianhai": "前海",
    "Hengqin": "横琴",
    "Liangjiang New Area": "两江新区",
    "Tianfu New Area": "天府新区",
    "Songshan Lake": "松山湖",
    "Zhengdong New Area": "郑东新区",
    "Jinji Lake": "金鸡湖",
    "Dushu Lake": "独墅湖",
}
#: any zone of :data:`ZONE_CITIES` (a name that starts with one names a place: ``光谷金融港``)
ZONE_NAME = re.compile("|".join(sorted(ZONE_CITIES, key=len, reverse=True)))
_ZONE_ZH = ZONE_NAME
_ZONE_EN = re.compile(r"\b(" + "|".join(sorted(ZONE_CITIES_EN, key=len, reverse=True)) + r")\b")


def line_place(text: str, lang: str) -> str | None:
    """The place of the one-place line a page talks about (``1823`` -> 香港 or Hong Kong), or None.

    ``lang`` is ``zh`` or ``en``; a year (``1823年``, ``in 1823``) is no line."""
    for m in _LINE_NUMBER.finditer(text):
        if _YEAR_BEFORE.search(text[max(0, m.start() - 8) : m.start()]):
            continue
        zh, en = ONE_PLACE_LINES[m.group(1)]
        return zh if lang == "zh" else en
    return None


def zone_city(name: str, lang: str, city_in: Callable[[str], str | None]) -> str | None:
    """The city of a well-known zone that starts ``name`` (``中关村软件园`` -> 北京市), or None.

    ``city_in`` reads a city at the start of a text. A zone word after other words (``成都中关村…``)
    does not count, nor one followed by a city (``中关村贵阳科技园``: the zone's brand, in Guiyang):
    the name's own place does."""
    if lang == "zh":
        m = _ZONE_ZH.match(name)
        zone = m and ZONE_CITIES[m.group(0)][0]
    else:
        name = re.sub(r"^(?:the|The)\s+", "", name)
        m = _ZONE_EN.match(name)
        zone = m and ZONE_CITIES[ZONE_CITIES_EN[m.group(1)]][1]
    if not m or city_in(name[m.end() :].lstrip()):
        return None
    return zone
