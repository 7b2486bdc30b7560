"""Unit words of Chinese and English data, each with its family and factor to the family's unit.

Private table of :mod:`data.normalise.values`. Families and their canonical units:
``count`` (count), ``CNY`` (yuan), ``foreign`` (a currency other than CNY: refused),
``area`` (m2), ``fraction`` (1 = 100 %), ``second``, ``km``, ``year``, and ``date`` / ``other``
(words that show the value is not a quantity of any family above: 3月, 30岁, 500吨).
Keys are Simplified, NFKC-normalised and lower-case, as :func:`data.normalise.values` prepares text.
"""

from __future__ import annotations

import re

_TABLE: dict[str, tuple[str, float]] = {}


def _add(family: str, factor: float, *words: str) -> None:
    for word in words:
        _TABLE[word] = (family, factor)


_add(
    "count",
    1.0,
    *[
        "个",
        "人",
        "名",
        "位",
        "席",
        "座",
        "件",
        "次",
        "通",
        "家",
        "台",
        "户",
        "部",
        "套",
        "间",
        "条",
        "线",
        "路",
        "员",
    ],
    *[
        "座席",
        "坐席",
        "个座席",
        "个坐席",
        "个席位",
        "席位",
        "人次",
        "员工",
        "人员",
        "职工",
        "工位",
        "座位",
        "客服",
        "话务员",
        "坐席员",
        "座席员",
    ],
    *["用户", "单位", "栋", "幢", "层", "张", "只", "所", "支", "项", "处", "批", "款", "种", "门"],
    *[
        "seat",
        "seats",
        "people",
        "persons",
        "person",
        "agent",
        "agents",
        "staff",
        "employee",
        "employees",
        "pcs",
        "units",
        "unit",
    ],
)
_add("CNY", 1.0, "元", "块", "圆", "rmb", "cny", "yuan", "人民币", "元人民币", "块钱")
_add(
    "foreign",
    1.0,
    *[
        "美元",
        "美金",
        "usd",
        "us$",
        "$",
        "港元",
        "港币",
        "hkd",
        "hk$",
        "欧元",
        "eur",
        "€",
        "日元",
        "日币",
        "jpy",
        "英镑",
        "gbp",
        "£",
        "台币",
        "新台币",
        "twd",
    ],
)
_add("area", 1.0, "平方米", "平米", "平方", "m2", "sqm", "sq.m", "sq m", "平方公尺", "平方m")
_add("area", 1_000_000.0, "平方公里", "平方千米", "km2", "sqkm", "sq.km", "sq km", "平方km")
_add("area", 10_000.0 / 15.0, "亩")
_add("area", 10_000.0, "公顷", "ha", "hectare", "hectares")
_add("area", 0.09290304, "平方英尺", "sqft", "sq.ft", "sq ft")
_add("fraction", 0.01, "%", "个百分点", "percent", "pct")
_add("fraction", 0.001, "‰")
_add("fraction", 0.1, "成")
_add("second", 1.0, "秒", "秒钟", "s", "sec", "secs", "second", "seconds", '"', "′′", "″")
_add("second", 60.0, "分钟", "分", "min", "mins", "minute", "minutes", "'", "′")
_add("second", 3600.0, "小时", "个小时", "时", "钟头", "个钟头", "h", "hr", "hrs", "hour", "hours")
_add("second", 86_400.0, "天", "日", "day", "days")
_add("second", 604_800.0, "周", "星期", "个星期", "个礼拜", "礼拜", "week", "weeks")
_add("km", 1.0, "公里", "千米", "km", "kilometre", "kilometres", "kilometer", "kilometers")
_add("km", 0.001, "米", "公尺", "m", "metre", "metres", "meter", "meters")
_add("year", 1.0, "年", "周年", "个年头", "year", "years", "yr", "yrs")
_add("year", 1.0 / 12.0, "个月", "month", "months")
_add("date", 1.0, "月", "号", "年度")
_add(
    "other",
    1.0,
    *[
        "岁",
        "度",
        "吨",
        "公斤",
        "千克",
        "克",
        "斤",
        "kg",
        "g",
        "t",
        "瓦",
        "千瓦",
        "kw",
        "w",
        "兆",
        "mb",
        "gb",
        "倍",
        "楼",
        "期",
        "届",
        "等",
        "级",
        "分之",
        "折",
        "℃",
    ],
)

#: Families a number may carry into a quantity: all but the refusals.
_WORD_RE = re.compile(
    "|".join(re.escape(w) for w in sorted(_TABLE, key=len, reverse=True)),
)
_LATIN = re.compile(r"[a-z]")


def match_unit(text: str, pos: int) -> tuple[str, str, float] | None:
    """The longest unit word at ``text[pos:]`` as ``(word, family, factor)``, or None.

    A Latin word must end at a word boundary, so ``3 mins`` is minutes and ``5 meters`` metres,
    but ``3 mango`` is no unit.
    """
    m = _WORD_RE.match(text, pos)
    if m is None:
        return None
    word = m.group()
    end = m.end()
    if _LATIN.search(word[-1]) and end < len(text) and text[end].isalpha():
        # "m" followed by letters is no metre; retry without the Latin tail
        for cut in range(len(word) - 1, 0, -1):
            shorter = word[:cut]
            if shorter in _TABLE and not (_LATIN.search(shorter[-1]) and text[pos + cut].isalpha()):
                family, factor = _TABLE[shorter]
                return shorter, family, factor
        return None
    family, factor = _TABLE[word]
    return word, family, factor
