"""Normalise what Chinese web pages and spreadsheets say into typed values.

Pure functions, no I/O. Every ``parse_*`` takes ``str``, ``int``, ``float`` or ``None``:
``None``, blanks and "not stated" markers (``-``, ``不详``, ``N/A``, ``无`` ...) give ``None``
(or ``()`` for the tuple parsers); numbers pass through as exact values; anything that cannot be
read raises :class:`~data.errors.NormaliseError` with a ``rule`` naming the failed check, and
never any other exception. See ``docs/normalise.md`` for the forms each function reads.

Examples
--------
>>> parse_count("约1.2万人")
Quantity(value=12000.0, unit='count', bound='approx', high=None)
>>> parse_rate("90%以上")
Quantity(value=0.9, unit='fraction', bound='min', high=None)
>>> parse_year_month("１９９７年４月")
YearMonth(year=1997, month=4)
>>> parse_hours("7×24×365")
OpeningHours(hours_per_day=24.0, days_per_week=7.0, days_per_year=365)
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import lru_cache, wraps

from data.errors import NormaliseError
from data.normalise import cn_numerals as cn
from data.normalise.units import match_unit

__all__ = [
    "OpeningHours",
    "Quantity",
    "ServiceLevel",
    "YearMonth",
    "city_key",
    "clean_text",
    "name_key",
    "parse_area",
    "parse_count",
    "parse_distance",
    "parse_duration",
    "parse_hours",
    "parse_list",
    "parse_money",
    "parse_number",
    "parse_phones",
    "parse_rate",
    "parse_service_level",
    "parse_year_month",
    "parse_years",
    "to_simplified",
]


# ---------------------------------------------------------------------------------------------
# Result types


@dataclass(frozen=True)
class Quantity:
    """A number in a canonical unit, possibly a bound or a range.

    ``value`` is the point value or the low end of a range; ``bound`` is None (exact),
    ``"min"`` (at least: 以上, 超过, 不低于, 余, 多), ``"max"`` (at most: 以下, 不超过, 不到, 以内),
    ``"approx"`` (约, 左右, 近) or ``"range"`` (then ``high`` is the upper end).
    """

    value: float
    unit: str
    bound: str | None = None
    high: float | None = None


@dataclass(frozen=True)
class YearMonth:
    """A calendar month, or a year alone when ``month`` is None."""

    year: int
    month: int | None = None


@dataclass(frozen=True)
class OpeningHours:
    """Service hours: hours a day, days a week and, when stated, days a year."""

    hours_per_day: float
    days_per_week: float
    days_per_year: int | None = None


@dataclass(frozen=True)
class ServiceLevel:
    """Share of calls answered within ``seconds`` (80/20 -> target 0.8 in 20 s)."""

    target: float
    seconds: float
    bound: str | None = None


# ---------------------------------------------------------------------------------------------
# Text helpers

_NOT_STATED = frozenset(
    [
        "-",
        "--",
        "---",
        "—",
        "——",
        "–",
        "/",
        "\\",
        "?",
        "??",
        ".",
        "…",
        "无",
        "暂无",
        "没有",
        "不详",
        "未详",
        "未知",
        "不明",
        "待定",
        "未公开",
        "不公开",
        "n/a",
        "na",
        "n.a.",
        "null",
        "none",
        "nil",
        "nan",
        "空",
        "略",
        "/a",
    ]
)
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_SPACES = re.compile(r"\s+")


def clean_text(text: object) -> str | None:
    """NFKC, strip and collapse whitespace; None for blanks and "not stated" markers.

    >>> clean_text("  ５５０ 个 ")
    '550 个'
    >>> clean_text("不详") is None
    True
    """
    if text is None:
        return None
    if isinstance(text, float) and math.isnan(text):
        return None
    s = unicodedata.normalize("NFKC", str(text)).translate(_INVISIBLE)
    s = _SPACES.sub(" ", s).strip()
    if not s or s.casefold() in _NOT_STATED:
        return None
    return s


@lru_cache(maxsize=1)
def _converter():  # noqa: ANN202 - opencc has no type hints
    from opencc import OpenCC

    return OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional to Simplified Chinese (OpenCC ``t2s``); idempotent.

    >>> to_simplified("上海世紀新元信息產業有限公司")
    '上海世纪新元信息产业有限公司'
    """
    if text.isascii():
        return text
    changing = _changing_characters()
    if changing is not None and changing.isdisjoint(text):
        return text  # no dictionary entry that changes anything can match: OpenCC returns it as is
    return _simplified(text)


@lru_cache(maxsize=1)
def _changing_characters() -> frozenset[str] | None:
    """Every character whose presence lets OpenCC ``t2s`` change a text.

    For each dictionary entry that changes its key (first candidate != key): the key's characters
    at the positions the value differs, or all its characters when the lengths differ. A text
    holding none of them can only match entries that map to themselves, so its conversion is the
    text itself; most Simplified names (测试呼叫中心, 上海世纪新元信息产业有限公司) skip OpenCC.
    Read from the converter's own loaded dictionaries (opencc-python-reimplemented's
    ``_dict_chain_data``: groups of (max_len, min_len, {key: "value [alternatives]"})); an
    unexpected layout gives None: no fast path (every non-ASCII text is converted).
    """
    converter = _converter()
    converter.convert("")  # loads the dictionaries
    out: set[str] = set()
    try:
        for group in converter._dict_chain_data:  # noqa: SLF001 - the converter's own tables
            for _max_len, _min_len, table in group:
                for key, value in table.items():
                    first = value.split(" ")[0]
                    if first == key:
                        continue
                    if len(first) != len(key):
                        out.update(key)
                    else:
                        out.update(k for k, v in zip(key, first, strict=True) if k != v)
    except (AttributeError, TypeError, ValueError):
        return None
    return frozenset(out) or None


@lru_cache(maxsize=8192)
def _simplified(text: str) -> str:
    convert = _converter().convert
    out = convert(text)
    previous = text
    for _ in range(3):  # a few OpenCC pairs chain (A -> B -> C); iterate to the fixed point
        if out == previous:
            break
        previous, out = out, convert(out)
    return out


_LEGAL_CN = re.compile(r"(股份有限公司|有限责任公司|有限公司|公司)$")
_LEGAL_EN = re.compile(
    r"(?:^|[\s,.()])(co\.?\s*,?\s*ltd|ltd|limited|inc|incorporated|corp|corporation|company"
    r"|co|llc|plc|gmbh)\.?\s*$"
)
_PUNCT_OR_SPACE = re.compile(r"[\W_]+")


#: a branding prefix parks put before their city ("中国·合肥呼叫中心产业基地"); 中国移动 keeps its 中国
_BRAND_PREFIX = re.compile(r"^中国\s*[·•・．.]\s*")


def name_key(text: str) -> str:
    """Matching key of an organisation name: simplified, lower-case, no punctuation or legal suffix.

    >>> name_key("上海世紀新元信息產業有限公司") == name_key("上海世纪新元信息产业有限公司")
    True
    >>> name_key("Acme Co., Ltd.")
    'acme'
    >>> name_key("中国·北京呼叫中心产业基地") == name_key("北京呼叫中心产业基地")
    True
    """
    s = clean_text(text)
    if s is None:
        return ""
    s = _BRAND_PREFIX.sub("", to_simplified(s).lower())
    for _ in range(4):
        before = s
        s = _LEGAL_EN.sub("", s).rstrip(" ,.")
        s = _PUNCT_OR_SPACE.sub("", s) if _LEGAL_CN.search(_PUNCT_OR_SPACE.sub("", s)) else s
        s = _LEGAL_CN.sub("", s)
        if s == before or not s:
            break
    key = _PUNCT_OR_SPACE.sub("", s)
    return key or _PUNCT_OR_SPACE.sub("", to_simplified(clean_text(text) or "").lower())


_CITY_SUFFIX = re.compile(r"(市|地区|盟|自治州)$")


def city_key(text: str) -> str:
    """Matching key of a city: simplified, no spaces, without 市/地区/盟/自治州 if 2+ chars remain.

    >>> city_key("杭州市"), city_key("青島")
    ('杭州', '青岛')
    """
    s = clean_text(text)
    if s is None:
        return ""
    s = to_simplified(s).replace(" ", "").lower()
    m = _CITY_SUFFIX.search(s)
    if m and m.start() >= 2:
        s = s[: m.start()]
    return s


def parse_list(text: object) -> tuple[str, ...]:
    """Split list-like text on 、，,;；/| and newlines; items cleaned, empties dropped.

    >>> parse_list("北京、上海；广州")
    ('北京', '上海', '广州')
    """
    if text is None or (isinstance(text, float) and math.isnan(text)):
        return ()
    raw = unicodedata.normalize("NFKC", str(text))
    items = (clean_text(part) for part in re.split(r"[、,;/|\n\r]+", raw))
    return tuple(item for item in items if item is not None)


# ---------------------------------------------------------------------------------------------
# Input handling shared by the parsers


def _reports_whole_input(parse):  # noqa: ANN001, ANN202 - keeps the wrapped signature
    """Make every NormaliseError of ``parse`` carry the caller's whole input as ``value``."""

    @wraps(parse)
    def wrapper(text, *args, **kwargs):  # noqa: ANN001, ANN202
        try:
            return parse(text, *args, **kwargs)
        except NormaliseError as error:
            error.value = text
            raise

    return wrapper


def _number_input(value: object, rule: str = "number") -> float | None:
    """The float of a non-string input, None for None and NaN; bool and other types refused."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise NormaliseError(f"a boolean ({value}) is not a {rule} value", value=value, rule="type")
    if isinstance(value, int):
        try:
            return float(value)
        except OverflowError:
            raise NormaliseError(f"{value} is too large", value=value, rule="number") from None
    if isinstance(value, float):
        if math.isnan(value):
            return None
        if math.isinf(value):
            raise NormaliseError(f"{value} is not a finite number", value=value, rule="number")
        return value
    raise NormaliseError(
        f"cannot read a {type(value).__name__} as a {rule} value", value=value, rule="type"
    )


def _prepare(text: str) -> str | None:
    """Clean, simplify and lower-case text; rewrite 百分之九十 as 九十% and 一个半小时 as 一个小时半."""
    s = clean_text(text)
    if s is None:
        return None
    s = to_simplified(s).lower()
    s = _PERCENT_WORDS.sub(lambda m: m.group(2) + ("%" if m.group(1) == "百" else "‰"), s)
    s = re.sub(r"个半(小时|钟头|月)", r"个\1半", s)
    return s


_CN = f"[{cn.CHARS}]"
_PERCENT_WORDS = re.compile(rf"(百|千)分之\s*(\d+(?:\.\d+)?|{_CN}+)")
_VAGUE = re.compile(
    r"数[十百千万亿]|几[十百千万亿个]|[十百千万]几|若干|成千上万|数以|上百上千|好几|多少|不少(?!于)|大量|很多|许多"
    r"|several|dozens|hundreds|thousands|many"
)


# ---------------------------------------------------------------------------------------------
# The quantity reader: [label][qualifiers] number [multiplier][余/多][unit][半][suffix] [- number ...]


@dataclass
class _Term:
    value: float
    family: str | None
    factor: float
    multiplier: float
    raw: float  # the number as written, before multiplier and unit
    bounds: list[str]


_ARABIC = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)|\d+(?:\.\d+)?|\.\d+")
_CN_RUN = re.compile(f"{_CN}+")
_MULTIPLIER = re.compile(r" ?(万亿|千亿|百亿|十亿|亿|千万|百万|十万|万|千|百)")  # 1 亿元: one space
_MULTIPLIERS = {"十": 10.0, "百": 100.0, "千": 1000.0, "万": 1e4, "亿": 1e8}
_MID = re.compile(r"\s*(余|多|来|\+)")
_SUFFIX = re.compile(
    r"\s*(及以上|或以上|以上|及以下|或以下|以下|以内|之内|内|左右|上下|前后|有余|余|多|起|\+)"
)
_SUFFIX_BOUND = {
    "及以上": "min",
    "或以上": "min",
    "以上": "min",
    "有余": "min",
    "余": "min",
    "多": "min",
    "起": "min",
    "+": "min",
    "及以下": "max",
    "或以下": "max",
    "以下": "max",
    "以内": "max",
    "之内": "max",
    "内": "max",
    "左右": "approx",
    "上下": "approx",
    "前后": "approx",
    "来": "approx",
}
_PREFIX_BOUND = {
    **dict.fromkeys(
        [
            "约",
            "约为",
            "大约",
            "大概",
            "约合",
            "概",
            "近",
            "将近",
            "接近",
            "差不多",
            "~",
            "≈",
            "约计",
            "估计",
            "预计",
            "about",
            "approx",
            "approx.",
            "around",
            "ca.",
            "circa",
        ],
        "approx",
    ),
    **dict.fromkeys(
        [
            "超过",
            "超",
            "逾",
            "多于",
            "大于",
            "高于",
            "不低于",
            "不少于",
            "不小于",
            "不下于",
            "至少",
            "最少",
            "最低",
            "起码",
            ">",
            ">=",
            "≥",
            "≧",
            "达到以上",
            "over",
            "more than",
            "at least",
            "above",
        ],
        "min",
    ),
    **dict.fromkeys(
        [
            "不超过",
            "不高于",
            "不多于",
            "不大于",
            "最多",
            "至多",
            "最高",
            "不到",
            "不足",
            "不满",
            "未满",
            "未达",
            "少于",
            "低于",
            "小于",
            "<",
            "<=",
            "≤",
            "≦",
            "under",
            "less than",
            "at most",
            "below",
            "up to",
        ],
        "max",
    ),
}
_PREFIX_CURRENCY = {
    **dict.fromkeys(["¥", "rmb", "cny", "人民币", "rmb¥"], "CNY"),
    **dict.fromkeys(
        [
            "$",
            "us$",
            "usd",
            "美元",
            "美金",
            "hk$",
            "hkd",
            "港币",
            "港元",
            "€",
            "eur",
            "欧元",
            "£",
            "gbp",
            "英镑",
            "日元",
            "日币",
            "jpy",
            "新台币",
            "台币",
            "nt$",
            "twd",
        ],
        "foreign",
    ),
}
_FILLERS = frozenset(
    [
        "为",
        "是",
        "达",
        "达到",
        "有",
        "共",
        "共有",
        "共计",
        "合计",
        "总计",
        "总共",
        "计",
        "在",
        ":",
        "=",
        "现有",
        "拥有",
        "规模",
        "总",
        "约有",
        "of",
    ]
)
_PREFIX_WORDS = sorted({*_PREFIX_BOUND, *_PREFIX_CURRENCY, *_FILLERS}, key=len, reverse=True)
_RANGE_SEP = re.compile(r"\s*(?:-+|~+|〜|—+|–|−|到|至|to)\s*")
_PAREN = re.compile(r"\([^()]*\)|\[[^\[\]]*\]|【[^【】]*】|〔[^〔〕]*〕")
_FAMILY_NAMES = {
    "count": "a count",
    "CNY": "an amount of money in CNY",
    "foreign": "an amount in a foreign currency",
    "area": "an area",
    "fraction": "a percentage",
    "second": "a duration",
    "km": "a distance",
    "year": "a number of years",
    "date": "a date",
    "other": "a quantity of another kind",
    "number": "a plain number",
}


def _read_prefix(prefix: str) -> tuple[list[str], str | None, float]:
    """Qualifiers, currency family and sign from the text before the first number."""
    bounds: list[str] = []
    currency: str | None = None
    sign = 1.0
    s = prefix.rstrip()
    if s.endswith(("-", "−", "负")):
        sign = -1.0
        s = s[:-1].rstrip()
    elif s.endswith("+"):
        s = s[:-1].rstrip()
    changed = True
    while s and changed:
        changed = False
        for word in _PREFIX_WORDS:
            if s.endswith(word):
                boundary = len(s) - len(word)
                if (
                    word.isascii()
                    and word[0].isalpha()
                    and boundary > 0
                    and s[boundary - 1].isalnum()
                ):
                    continue  # "2m" or "xabout" is no English word
                if word in _PREFIX_BOUND and not bounds:
                    bounds.append(_PREFIX_BOUND[word])
                elif word in _PREFIX_CURRENCY and currency is None:
                    currency = _PREFIX_CURRENCY[word]
                s = s[:boundary].rstrip()
                changed = True
                break
    return bounds, currency, sign


def _merge_bounds(bounds: list[str], text: str) -> str | None:
    kinds = set(bounds)
    if {"min", "max"} <= kinds:
        raise NormaliseError(
            f"'{text}' is both a lower and an upper bound", value=text, rule="bound"
        )
    for kind in ("min", "max", "approx"):
        if kind in kinds:
            return kind
    return None


def _number_at(s: str, pos: int, arabic: bool) -> re.Match[str] | None:
    pattern = _ARABIC if arabic else _CN_RUN
    return pattern.match(s, pos)


def _read_term(s: str, m: re.Match[str], arabic: bool, compound: bool) -> tuple[_Term, int]:
    """Read number, multiplier, mid qualifier, unit, 半 and suffixes from match ``m``."""
    token = m.group()
    if arabic:
        raw = float(token.replace(",", ""))
    else:
        raw = cn.parse_cn_number(token)
    pos = m.end()
    bounds: list[str] = []
    multiplier = 1.0
    if arabic and match_unit(s, pos) is None:
        mm = _MULTIPLIER.match(s, pos)
        if mm:
            for ch in mm.group(1):
                multiplier *= _MULTIPLIERS[ch]
            pos = mm.end()
    mid = _MID.match(s, pos)
    if mid:
        bounds.append(_SUFFIX_BOUND.get(mid.group(1), "min"))
        pos = mid.end()
        mm = _MULTIPLIER.match(s, pos)
        if mm and match_unit(s, pos) is None:  # 1200余万元, 6千多万元: 余/多 before the 万
            for ch in mm.group(1):
                multiplier *= _MULTIPLIERS[ch]
            pos = mm.end()
    family: str | None = None
    factor = 1.0
    value = raw * multiplier
    while pos < len(s) and s[pos] == " ":
        pos += 1
    unit = match_unit(s, pos)
    if unit is not None:
        word, family, factor = unit
        pos += len(word)
        if s.startswith("半", pos) and family in ("second", "year"):
            value += 0.5
            pos += 1
    term = _Term(value * factor, family, factor, multiplier, raw, bounds)
    # compound durations: 3分30秒, 1小时30分钟, 3年6个月
    while compound and family in ("second", "year"):
        nxt = _number_at(s, pos + (1 if s.startswith("零", pos) else 0), arabic)
        if nxt is None:
            break
        after = nxt.end()
        while after < len(s) and s[after] == " ":
            after += 1
        sub = match_unit(s, after)
        if sub is None or sub[1] != family or sub[2] >= factor:
            break
        sub_raw = float(nxt.group().replace(",", "")) if arabic else cn.parse_cn_number(nxt.group())
        term.value += sub_raw * sub[2]
        factor = sub[2]
        pos = after + len(sub[0])
    while True:
        suf = _SUFFIX.match(s, pos)
        if not suf:
            break
        bounds.append(_SUFFIX_BOUND[suf.group(1)])
        pos = suf.end()
    return term, pos


def _read_quantity(text: str, want: str) -> tuple[float, float | None, str | None, str | None]:
    """Read ``text`` as one quantity: (value, high, bound, family) in the family's base unit.

    ``family`` is None when no unit was written.
    """
    s = _prepare(text)
    if s is None:
        raise _NotStated
    if _VAGUE.search(s):
        raise NormaliseError(f"'{text}' is a vague amount, not a number", value=text, rule="vague")
    arabic = any(ch.isascii() and ch.isdigit() for ch in s)
    finder = _ARABIC if arabic else _CN_RUN
    m = finder.search(s)
    if m is None:
        raise NormaliseError(f"no number in '{text}'", value=text, rule="number")
    prefix_bounds, currency, sign = _read_prefix(s[: m.start()])
    if not arabic and prefix_bounds == [] and m.group()[0] in "百千万亿":
        label = s[: m.start()].rstrip()
        if label.endswith(("上", "过")):  # 上千人, 过万
            prefix_bounds = ["min"]
    low, pos = _read_term(s, m, arabic, compound=want in ("second", "year"))
    high: _Term | None = None
    sep = _RANGE_SEP.match(s, pos)
    if sep:
        m2 = _number_at(s, sep.end(), arabic)
        if m2 is not None:
            high, pos = _read_term(s, m2, arabic, compound=want in ("second", "year"))
    last = high or low
    if last.family is None and re.match(r"[a-z]", s[pos : pos + 1]):
        # a Latin word glued to the number that is no known unit (5kgs, 3mi): refuse it; a Chinese
        # word there is a classifier or a noun (500辆, 300员工) and is read as such
        word = re.match(r"[a-z$.]+", s[pos:])
        raise NormaliseError(
            f"'{text}' has an unknown unit '{word.group() if word else s[pos:]}'",
            value=text,
            rule="unit",
        )
    rest = _PAREN.sub(" ", s[pos:]).strip(" ,.;:")
    if rest.startswith(("/", "每", "per ")):
        raise NormaliseError(
            f"'{text}' is a rate per unit ('{rest}'), not a single quantity",
            value=text,
            rule="unit",
        )
    leftover = (
        _ARABIC.search(rest)
        if arabic
        else re.search("[〇零一二三四五六七八九两壹贰叁肆伍陆柒捌玖]", rest)
    )
    if leftover:
        raise NormaliseError(
            f"'{text}' holds more than one number; cannot choose", value=text, rule="ambiguous"
        )
    family = low.family
    if currency is not None:
        if family not in (None, "CNY", "foreign"):
            raise NormaliseError(
                f"'{text}' mixes a currency with {_FAMILY_NAMES[family]}", value=text, rule="unit"
            )
        family = "foreign" if "foreign" in (currency, family) else "CNY"
    value = sign * low.value
    bounds = prefix_bounds + low.bounds
    if high is None:
        if not math.isfinite(value):
            raise NormaliseError(f"'{text}' is too large", value=text, rule="number")
        return value, None, _merge_bounds(bounds, text), family
    if family is None:
        family = high.family
        low_value = value * high.factor
    elif high.family is None:
        low_value = value
        high.value *= low.factor
    else:
        if high.family != family:
            raise NormaliseError(
                f"'{text}' has different kinds of unit at its two ends", value=text, rule="unit"
            )
        low_value = value
    if low.multiplier == 1.0 and high.multiplier != 1.0 and low.raw < high.raw:
        low_value *= high.multiplier  # 5-10万 = 50,000 to 100,000
    high_value = high.value
    if not (math.isfinite(low_value) and math.isfinite(high_value)):
        raise NormaliseError(f"'{text}' is too large", value=text, rule="number")
    if high_value < low_value:
        raise NormaliseError(
            f"'{text}' is a range whose upper end is below its lower end", value=text, rule="range"
        )
    _merge_bounds(bounds + high.bounds, text)
    return low_value, high_value, "range", family


def _wrong_kind(text: str, found: str, wanted: str) -> NormaliseError:
    if found == "foreign":
        return NormaliseError(
            f"'{text}' is an amount in a foreign currency, not CNY (no exchange rate is assumed)",
            value=text,
            rule="currency",
        )
    return NormaliseError(
        f"'{text}' is {_FAMILY_NAMES[found]}, not {_FAMILY_NAMES[wanted]}", value=text, rule="unit"
    )


class _NotStated(Exception):
    """Internal signal: the text says nothing (blank, 不详, N/A)."""


def _quantity(
    text: object,
    family: str,
    unit: str,
    *,
    allow_negative: bool = False,
    accept: tuple[str, ...] = (),
) -> Quantity | None:
    """Shared body of the quantity parsers; ``accept`` lists the unit families taken as is."""
    if not isinstance(text, str):
        number = _number_input(text, family)
        if number is None:
            return None
        if number < 0 and not allow_negative:
            raise NormaliseError(f"{unit} cannot be negative: {number}", value=text, rule="range")
        return Quantity(number, unit)
    try:
        value, high, bound, found = _read_quantity(text, family)
    except _NotStated:
        return None
    if found is not None and found not in accept:
        raise _wrong_kind(text, found, family)
    if value < 0 and not allow_negative:
        raise NormaliseError(f"'{text}' is negative", value=text, rule="range")
    return Quantity(value, unit, bound, high)


# ---------------------------------------------------------------------------------------------
# Quantity parsers


@_reports_whole_input
def parse_number(text: object) -> Quantity | None:
    """A plain number: multipliers 万/亿/千/百, Chinese numerals, bounds and ranges; unit "number".

    A written unit (个, 元, %, 平方米 ...) is refused with rule "unit": use the parser of its kind.

    >>> parse_number("约1.2万")
    Quantity(value=12000.0, unit='number', bound='approx', high=None)
    """
    return _quantity(text, "number", "number", allow_negative=True)


@_reports_whole_input
def parse_count(text: object) -> Quantity | None:
    """A count of things or people (个, 人, 名, 席, 座席 ...); unit "count".

    Counts are whole: a non-integral result (2.5个) raises rule "integer".

    >>> parse_count("1,100個")
    Quantity(value=1100.0, unit='count', bound=None, high=None)
    """
    q = _quantity(text, "count", "count", accept=("count",))
    if q is not None:
        for v in (q.value, q.high):
            if v is not None and abs(v - round(v)) > 1e-6 * max(1.0, abs(v)):
                raise NormaliseError(f"'{text}' is not a whole count", value=text, rule="integer")
    return q


@_reports_whole_input
def parse_money(text: object) -> Quantity | None:
    """An amount in yuan (元, 万元, 亿元, RMB, 人民币, ¥); unit "CNY". A bare number is yuan.

    Another currency (美元, USD, $, 港币 ...) raises rule "currency": no exchange rate is assumed.
    Negative amounts (losses) are allowed.

    >>> parse_money("5000万元")
    Quantity(value=50000000.0, unit='CNY', bound=None, high=None)
    """
    return _quantity(text, "CNY", "CNY", allow_negative=True, accept=("CNY",))


_AREA_UNITS = {"m2": 1.0, "km2": 1_000_000.0}


@_reports_whole_input
def parse_area(text: object, unit: str = "m2") -> Quantity | None:
    """An area converted to ``unit`` ("m2" or "km2"); a bare number is taken in ``unit``.

    Reads 平方米/平米/㎡/m2/平方公尺, 平方公里/平方千米/km2, 亩 (666.67 m2), 公顷/ha.

    >>> parse_area("2.8万平方米")
    Quantity(value=28000.0, unit='m2', bound=None, high=None)
    >>> parse_area("0.29平方公里", unit="km2")
    Quantity(value=0.29, unit='km2', bound=None, high=None)
    """
    if unit not in _AREA_UNITS:
        raise ValueError(f"unit must be 'm2' or 'km2', not {unit!r}")
    divisor = _AREA_UNITS[unit]
    if not isinstance(text, str):
        return _quantity(text, "area", unit)
    try:
        value, high, bound, found = _read_quantity(text, "area")
    except _NotStated:
        return None
    if found not in (None, "area"):
        raise _wrong_kind(text, found, "area")
    if value < 0:
        raise NormaliseError(f"'{text}' is a negative area", value=text, rule="range")
    if found == "area":
        value /= divisor
        high = None if high is None else high / divisor
    return Quantity(value, unit, bound, high)


@_reports_whole_input
def parse_rate(text: object) -> Quantity | None:
    """A share as a fraction (1.0 = 100 %): ``90%`` -> 0.9, ``百分之九十``, ``八成``, ``0.9``.

    A bare number (no % sign) is read as spreadsheets write it: 0..1 is already a fraction,
    above 1 and up to 100 is a percentage (``90`` -> 0.9); above 100 raises rule "range".
    For a bare range the larger end decides (``80-90`` -> 0.8..0.9). Written percentages
    above 100 % (``150%``) are kept: judging them is validation, not parsing.

    >>> parse_rate("不低于85%")
    Quantity(value=0.85, unit='fraction', bound='min', high=None)
    """
    if not isinstance(text, str):
        number = _number_input(text, "rate")
        if number is None:
            return None
        return _bare_rate(number, None, None, text)
    try:
        value, high, bound, found = _read_quantity(text, "fraction")
    except _NotStated:
        return None
    if found not in (None, "fraction"):
        raise _wrong_kind(text, found, "fraction")
    if found is None:
        return _bare_rate(value, high, bound, text)
    if value < 0:
        raise NormaliseError(f"'{text}' is a negative rate", value=text, rule="range")
    return Quantity(_tidy(value), "fraction", bound, None if high is None else _tidy(high))


def _tidy(x: float) -> float:
    """Round away binary noise from unit factors (90 * 0.01 -> 0.9, not 0.9000000000000001)."""
    return round(x, 12)


def _bare_rate(value: float, high: float | None, bound: str | None, text: object) -> Quantity:
    top = value if high is None else high
    if value < 0:
        raise NormaliseError(f"'{text}' is a negative rate", value=text, rule="range")
    if top <= 1:
        scale = 1.0
    elif top <= 100:
        scale = 0.01
    else:
        raise NormaliseError(
            f"'{text}' is above 100 and has no % sign: not a rate", value=text, rule="range"
        )
    return Quantity(
        _tidy(value * scale), "fraction", bound, None if high is None else _tidy(high * scale)
    )


@_reports_whole_input
def parse_duration(text: object) -> Quantity | None:
    """A duration in seconds: 15秒, 3分钟, 3分30秒, 1.5小时, 半小时, 180s, 3 min, 3:30 (m:ss).

    A bare number is seconds. ``m:ss`` and ``h:mm:ss`` are read as clock durations.

    >>> parse_duration("3分30秒")
    Quantity(value=210.0, unit='second', bound=None, high=None)
    """
    if isinstance(text, str):
        clock = _clock_duration(text)
        if clock is not None:
            return clock
    q = _quantity(text, "second", "second", accept=("second",))
    return q if q is None else Quantity(_tidy(q.value), q.unit, q.bound, q.high)


_CLOCK = re.compile(r"^(?:(\d{1,2}):)?(\d{1,3}):(\d{2})$")


def _clock_duration(text: str) -> Quantity | None:
    s = clean_text(text)
    m = _CLOCK.match(s) if s else None
    if m is None:
        return None
    hours, minutes, seconds = int(m.group(1) or 0), int(m.group(2)), int(m.group(3))
    if seconds >= 60 or (m.group(1) and minutes >= 60):
        raise NormaliseError(f"'{text}' is not a valid m:ss duration", value=text, rule="range")
    return Quantity(float(hours * 3600 + minutes * 60 + seconds), "second")


@_reports_whole_input
def parse_distance(text: object) -> Quantity | None:
    """A distance in km: 50公里, 3km, 千米, 500米/m (converted). A bare number is km.

    >>> parse_distance("500米")
    Quantity(value=0.5, unit='km', bound=None, high=None)
    """
    q = _quantity(text, "km", "km", accept=("km",))
    return q if q is None else Quantity(_tidy(q.value), q.unit, q.bound, q.high)


@_reports_whole_input
def parse_years(text: object) -> Quantity | None:
    """A length of time in years: 3年, 三年, 5 years, 一年半, 18个月 (1.5). A bare number is years.

    A value of 1000 or more is a calendar year, not a duration: rule "date".

    >>> parse_years("3年以上")
    Quantity(value=3.0, unit='year', bound='min', high=None)
    """
    q = _quantity(text, "year", "year", accept=("year",))
    if q is not None and max(q.value, q.high or 0) >= 1000:
        raise NormaliseError(
            f"'{text}' looks like a calendar year, not a number of years", value=text, rule="date"
        )
    return q if q is None else Quantity(_tidy(q.value), q.unit, q.bound, q.high)


# ---------------------------------------------------------------------------------------------
# Dates

_CN_DIGIT = "〇零一二三四五六七八九两"
_YEAR_CN = re.compile(
    rf"(?<![\d{_CN_DIGIT}])(\d{{2,4}}|[{_CN_DIGIT}十百千]{{2,6}})\s*年"
    rf"(?:\s*(\d{{1,2}}|[一二三四五六七八九十]{{1,3}})\s*月"
    rf"(?:\s*(\d{{1,2}}|[一二三四五六七八九十]{{1,3}})\s*[日号])?)?"
)
_YEAR_NUMERIC = re.compile(r"(?<!\d)(\d{4})\s*[-./]\s*(\d{1,2})(?:\s*[-./]\s*(\d{1,2}))?(?![\d.])")
_MONTH_YEAR = re.compile(r"(?<![\d.])(\d{1,2})\s*[-/.]\s*(\d{4})(?!\d)")
_YEAR_COMPACT = re.compile(r"(?<!\d)(\d{4})(\d{2})(\d{2})?(?!\d)")
_YEAR_BARE = re.compile(r"(?<!\d)(\d{4})(?!\d)")
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH_NAME = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_YEAR_EN = re.compile(
    rf"\b{_MONTH_NAME}\s*,?\s*(\d{{4}})(?!\d)|(?<!\d)(\d{{4}})\s*,?\s*{_MONTH_NAME}"
)


def _cn_or_int(token: str, text: object) -> int:
    if token.isdigit():
        return int(token)
    return int(cn.parse_cn_number(token))


@_reports_whole_input
def parse_year_month(text: object, *, today: date | None = None) -> YearMonth | None:
    """A year and month: 2002年9月, １９９７年４月, 二〇〇五年, 2005-03, 2005.3, 2005/3, 03/2005,
    200503, March 2005, 2005 (month None); a day, if written, is checked and dropped.

    Years run from 1900 to ``today.year`` (rule "range"; a date after ``today`` is rule
    "future"), months 1..12 (rule "range"). A two-digit year (05年) is refused as ambiguous
    (rule "date"); two dates in one text (2005-2008) are rule "ambiguous". A float from a
    spreadsheet is read as written (2005.3 -> March 2005).

    >>> parse_year_month("2002年9月")
    YearMonth(year=2002, month=9)
    >>> parse_year_month("二〇〇五年")
    YearMonth(year=2005, month=None)
    """
    today = today or date.today()
    if isinstance(text, date):
        return _checked_date(text.year, text.month, None, text, today)
    if not isinstance(text, str):
        number = _number_input(text, "date")
        if number is None:
            return None
        if number.is_integer():
            return _checked_date(int(number), None, None, text, today)
        text = repr(number)
    s = _prepare(text)
    if s is None:
        return None
    day: int | None = None
    m = _YEAR_CN.search(s)
    if m:
        token = m.group(1)
        if len(token) <= 2 and token.isdigit():
            raise NormaliseError(
                f"'{text}' has a two-digit year, which is ambiguous", value=text, rule="date"
            )
        digits = cn.digit_string(token)
        year = int(digits) if digits is not None else _cn_or_int(token, text)
        month = _cn_or_int(m.group(2), text) if m.group(2) else None
        day = _cn_or_int(m.group(3), text) if m.group(3) else None
    elif m := _YEAR_NUMERIC.search(s):
        year, month = int(m.group(1)), int(m.group(2))
        day = int(m.group(3)) if m.group(3) else None
    elif m := _YEAR_EN.search(s):
        name = m.group(1) or m.group(4)
        year, month = int(m.group(2) or m.group(3)), _MONTHS.index(name) + 1
    elif m := _MONTH_YEAR.search(s):
        year, month = int(m.group(2)), int(m.group(1))
    elif m := _YEAR_COMPACT.search(s):
        year, month = int(m.group(1)), int(m.group(2))
        day = int(m.group(3)) if m.group(3) else None
    elif m := _YEAR_BARE.search(s):
        year, month = int(m.group(1)), None
    else:
        raise NormaliseError(f"no year in '{text}'", value=text, rule="date")
    if re.search(r"\d", s[: m.start()] + " " + s[m.end() :]):
        raise NormaliseError(
            f"'{text}' holds more than one date or number; cannot choose",
            value=text,
            rule="ambiguous",
        )
    return _checked_date(year, month, day, text, today)


def _checked_date(
    year: int, month: int | None, day: int | None, text: object, today: date
) -> YearMonth:
    if month is not None and not 1 <= month <= 12:
        raise NormaliseError(f"'{text}' has month {month}, not 1..12", value=text, rule="range")
    if day is not None and not 1 <= day <= 31:
        raise NormaliseError(f"'{text}' has day {day}, not 1..31", value=text, rule="range")
    if year < 1900:
        raise NormaliseError(f"'{text}' has year {year}, before 1900", value=text, rule="range")
    if year > today.year or (year == today.year and month is not None and month > today.month):
        raise NormaliseError(
            f"'{text}' is in the future (today is {today.isoformat()})", value=text, rule="future"
        )
    return YearMonth(year, month)


# ---------------------------------------------------------------------------------------------
# Opening hours

_NUM = r"(\d+(?:\.\d+)?)"
_DAY_UNIT = r"(?:天|日|d|days?)"
_HOUR_UNIT = r"(?:个小时|小时|h|hrs?|hours?|时)"
_TIMES = r"\s*[×x*✕✖/乘]\s*"
_PRODUCT = re.compile(
    rf"(?<![\d.]){_NUM}\s*({_DAY_UNIT}|{_HOUR_UNIT})?{_TIMES}{_NUM}\s*({_DAY_UNIT}|{_HOUR_UNIT})?"
    rf"(?:{_TIMES}{_NUM}\s*{_DAY_UNIT}?)?(?![\d.])"
)
_WEEKDAY = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "日": 7, "天": 7, "七": 7}
_EN_DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_DAY_NAME = r"(?:周|星期|礼拜)([一二三四五六日天七])"
_EN_DAY = r"(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?"
_DAY_SPEC = re.compile(
    rf"{_DAY_NAME}\s*(?:至|到|-|~|—|–)\s*(?:周|星期|礼拜)?([一二三四五六日天七])"
    rf"|{_EN_DAY}\s*(?:-|~|to|–)\s*{_EN_DAY}"
    rf"|(每天|每日|天天|全天|全年|全周|daily|every day|7天)"
    rf"|(工作日|weekdays?)"
    rf"|(周末|双休日|weekends?)"
    rf"|{_DAY_NAME}"
)
_CLOCK_TIME = (
    r"(上午|早上|早|中午|下午|晚上|晚)?\s*(\d{1,2})"
    r"(?:[:：](\d{2})|\s*[点时](?:\s*(\d{1,2}|半)分?)?|(?=\s*[ap]m))\s*([ap]m)?"
)
_TIME_RANGE = re.compile(rf"{_CLOCK_TIME}\s*(?:-|~|至|到|—|–|to)\s*{_CLOCK_TIME}")


def _clock_hours(
    half: str | None, hour: str, minute: str | None, minute_cn: str | None, post: str | None
) -> float:
    half = half or post
    h = int(hour)
    mins = 30 if minute_cn == "半" else int(minute or minute_cn or 0)
    if half in ("中午", "下午", "晚上", "晚", "pm") and h < 12 and not (half == "中午" and h > 2):
        h += 12
    if half in ("上午", "早上", "早", "am") and h == 12:
        h = 0
    if h > 24 or mins >= 60 or (h == 24 and mins):
        raise NormaliseError(f"{hour}:{mins:02d} is not a time of day", value=hour, rule="range")
    return h + mins / 60


def _day_count(m: re.Match[str]) -> int:
    if m.group(1):
        a, b = _WEEKDAY[m.group(1)], _WEEKDAY[m.group(2)]
        return (b - a) % 7 + 1
    if m.group(3):
        a, b = _EN_DAYS.index(m.group(3)), _EN_DAYS.index(m.group(4))
        return (b - a) % 7 + 1
    if m.group(5):
        return 7
    if m.group(6):
        return 5
    if m.group(7):
        return 2
    return 1  # a single named day


def _hours_value(hours: float, days: float, per_year: int | None, text: object) -> OpeningHours:
    if not 0 < hours <= 24:
        raise NormaliseError(
            f"'{text}' gives {hours:g} hours a day, not 0..24", value=text, rule="range"
        )
    if not 0 < days <= 7:
        raise NormaliseError(
            f"'{text}' gives {days:g} days a week, not 1..7", value=text, rule="range"
        )
    if per_year is not None and not 1 <= per_year <= 366:
        raise NormaliseError(
            f"'{text}' gives {per_year} days a year, not 1..366", value=text, rule="range"
        )
    return OpeningHours(float(hours), float(days), per_year)


@_reports_whole_input
def parse_hours(text: object) -> OpeningHours | None:
    """Service hours: 7×24×365, 7X24, 7Ⅹ24小时, 7*24, 5×8, 24/7, 24小时, 全天候, 5天x8小时,
    周一至周五 9:00-18:00 (5 d, 9 h), 每天8:00-20:00 (7 d, 12 h), 全年无休 (365 days a year).

    In ``a×b`` the factor that can be days (<= 7) is days and the other hours, so ``7×24`` and
    ``24×7`` are both 24 h on 7 days; written units (5天×8小时) decide first. A third factor is
    days a year. Several day groups average their hours over the days (周一至周五 9:00-18:00，
    周六 9:00-12:00 -> 8 h on 6 days); a time range with no day named is read as every day, as
    Chinese service pages use it. More than 24 hours or 7 days raises rule "range"; text that
    states no hours raises rule "hours".

    >>> parse_hours("周一至周五 9:00-18:00")
    OpeningHours(hours_per_day=9.0, days_per_week=5.0, days_per_year=None)
    """
    if not isinstance(text, str):
        number = _number_input(text, "hours")
        if number is None:
            return None
        text = f"{number:g}"
    s = _prepare(text)
    if s is None:
        return None
    per_year = 365 if re.search(r"全年无休|365\s*天|全年365|365\s*days", s) else None
    m = _PRODUCT.search(s)
    if m:
        return _product_hours(m, s, per_year, text)
    times = list(_TIME_RANGE.finditer(s))
    if times:
        return _schedule_hours(s, times, per_year, text)
    days_m = re.search(rf"(?<![\d.]){_NUM}\s*{_DAY_UNIT}(?![\d.])", s.replace("365天", ""))
    hours_m = re.search(rf"(?<![\d.]){_NUM}\s*{_HOUR_UNIT}", s)
    every_day = re.search(r"每天|每日|天天|全天|全年|daily|every day", s)
    if re.search(r"全天候|around the clock|round the clock|24/7", s) or (
        hours_m and float(hours_m.group(1)) == 24
    ):
        hours = float(hours_m.group(1)) if hours_m else 24.0
        days = float(days_m.group(1)) if days_m else 7.0
        return _hours_value(hours, days, per_year, text)
    if hours_m and (days_m or every_day):
        days = float(days_m.group(1)) if days_m else 7.0
        return _hours_value(float(hours_m.group(1)), days, per_year, text)
    if hours_m:
        raise NormaliseError(
            f"'{text}' gives hours but not the days a week", value=text, rule="hours"
        )
    raise NormaliseError(f"'{text}' does not state service hours", value=text, rule="hours")


def _is_day(unit: str | None) -> bool:
    return unit is not None and re.fullmatch(_DAY_UNIT, unit) is not None


def _product_hours(m: re.Match[str], s: str, per_year: int | None, text: object) -> OpeningHours:
    a, unit_a, b, unit_b, c = m.group(1), m.group(2), m.group(3), m.group(4), m.group(5)
    x, y = float(a), float(b)
    if {x, y} & {365.0, 366.0} and min(x, y) <= 24:
        # 365天×24小时, 24×365: hours every day of the year
        year_days = max(x, y)
        return _hours_value(min(x, y), 7.0, int(year_days), text)
    if unit_a or unit_b:
        if _is_day(unit_a) or (unit_b and not _is_day(unit_b)):
            days, hours = x, y
        else:
            days, hours = y, x
    elif x <= 7:
        days, hours = x, y
    elif y <= 7:
        days, hours = y, x
    else:
        raise NormaliseError(
            f"'{text}' has no factor that can be days a week (<= 7)", value=text, rule="range"
        )
    rest = s[: m.start()] + " " + s[m.end() :]
    if re.search(r"\d", re.sub(r"365\s*天|全年365", "", rest)):
        raise NormaliseError(
            f"'{text}' holds more numbers than a×b hours", value=text, rule="ambiguous"
        )
    if c is not None:
        per_year = int(float(c))
    return _hours_value(hours, days, per_year, text)


def _schedule_hours(
    s: str, times: list[re.Match[str]], per_year: int | None, text: object
) -> OpeningHours:
    specs = list(_DAY_SPEC.finditer(s))
    groups: list[list[float]] = []  # [days, hours a day] per group of days
    previous_end = -1
    for t in times:
        start = _clock_hours(t.group(1), t.group(2), t.group(3), t.group(4), t.group(5))
        end = _clock_hours(t.group(6), t.group(7), t.group(8), t.group(9), t.group(10))
        span = end - start if end > start else end + 24 - start  # 20:00-8:00 runs overnight
        own = [d for d in specs if d.start() >= previous_end and d.end() <= t.start()]
        if not own and not groups:
            own = [d for d in specs if d.start() >= times[-1].end()]  # 9:00-18:00(周一至周五)
        if own or not groups:
            days = sum(_day_count(d) for d in own) if own else 7
            groups.append([float(days), span])
        else:
            groups[-1][1] += span  # a second range for the same days: 9:00-12:00, 13:00-18:00
        previous_end = t.end()
    total_days = sum(g[0] for g in groups)
    if total_days > 7:
        raise NormaliseError(
            f"'{text}' names more than 7 days a week ({total_days:g})", value=text, rule="range"
        )
    weekly = sum(g[0] * g[1] for g in groups)
    return _hours_value(weekly / total_days, total_days, per_year, text)


# ---------------------------------------------------------------------------------------------
# Service level

_SL_NUM = rf"(\d+(?:\.\d+)?|{_CN}+)"
_SL_SLASH = re.compile(
    r"(?<![\d.])(\d+(?:\.\d+)?)\s*(%)?\s*[/:]\s*(\d+(?:\.\d+)?)\s*(秒钟|秒|s|sec|secs|seconds)?(?![\d.])"
)
_SL_PERCENT = re.compile(rf"{_SL_NUM}\s*%")
_SL_SECONDS = re.compile(
    rf"{_SL_NUM}\s*(秒钟|秒|seconds|second|secs|sec|s|分钟|minutes|minute|mins|min)(?![a-z])"
)


def _sl_number(token: str) -> float:
    return float(token) if token[0].isdigit() else cn.parse_cn_number(token)


@_reports_whole_input
def parse_service_level(text: object) -> ServiceLevel | None:
    """A service level: share answered within a time. ``80/20`` -> target 0.8 within 20 s.

    Reads ``80/20``, ``80%/20秒``, ``0.8/20``, ``20秒内接通率80%``, ``在15秒内接起90%的电话``,
    ``90% in 15 s``, ``接通率不低于80%(20秒)``. A bound on the share (不低于, ≥, 以上) is kept in
    ``bound``. Text without both a share and a time raises rule "service_level"; a share above
    100 % or a time of zero raises rule "range".

    >>> parse_service_level("在15秒内接起90%的电话")
    ServiceLevel(target=0.9, seconds=15.0, bound=None)
    """
    if not isinstance(text, str):
        if _number_input(text, "service level") is None:
            return None
        raise NormaliseError(
            f"a single number ({text}) is not a service level", value=text, rule="service_level"
        )
    s = _prepare(text)
    if s is None:
        return None
    bound: str | None = None
    m = _SL_SLASH.search(s)
    if m and not re.search(r"\d", s[: m.start()] + s[m.end() :]):
        share, seconds = float(m.group(1)), float(m.group(3))
        target = share / 100 if (m.group(2) or share > 1) else share
        prefix = _read_prefix(s[: m.start()])[0]
        bound = prefix[0] if prefix else None
    else:
        percents = list(_SL_PERCENT.finditer(s))
        times = list(_SL_SECONDS.finditer(s))
        if len(percents) != 1 or len(times) != 1:
            raise NormaliseError(
                f"'{text}' does not read as one share within one time",
                value=text,
                rule="service_level",
            )
        p, t = percents[0], times[0]
        target = _sl_number(p.group(1)) / 100
        seconds = _sl_number(t.group(1)) * (60 if t.group(2).startswith(("分", "min")) else 1)
        lead = s[t.end() if t.end() <= p.start() else 0 : p.start()]
        prefix = _read_prefix(lead)[0]
        suffix = _SUFFIX.match(s, p.end())
        kinds = prefix + ([_SUFFIX_BOUND[suffix.group(1)]] if suffix else [])
        bound = _merge_bounds(kinds, text if isinstance(text, str) else "")
    if not 0 < target <= 1:
        raise NormaliseError(f"'{text}' has a share outside 0..100 %", value=text, rule="range")
    if not 0 < seconds < 86_400:
        raise NormaliseError(
            f"'{text}' has an answer time that is not positive", value=text, rule="range"
        )
    return ServiceLevel(_tidy(target), seconds, bound)


# ---------------------------------------------------------------------------------------------
# Phones

_PHONE_SPLIT = re.compile(r"[、,;/|\n\r]+|或|及|和")
_PHONE_BODY = re.compile(r"\+?[\d\-\s()]+")
_EXTENSION = re.compile(r"\s*(?:转|分机|ext\.?|x)\s*(?=\d)")


@_reports_whole_input
def parse_phones(text: object) -> tuple[str, ...]:
    """Phone numbers in a field, each as digits and dashes (a leading + kept).

    Splits on 、，,;；/| and newlines; ``(021)12345678`` -> ``021-12345678``; spaces inside a
    number become dashes (``400 600 8888`` -> ``400-600-8888``) unless every space-separated
    part is a whole number of 5+ digits; 转/ext extensions join with a dash; a label before
    the digits (电话：, Tel:) is dropped. A part that is not a phone (letters among the digits,
    fewer than 5 or more than 20 digits) raises rule "phone". None or blank gives ``()``.

    >>> parse_phones("10000、10001")
    ('10000', '10001')
    >>> parse_phones("(021)12345678")
    ('021-12345678',)
    """
    if not isinstance(text, str):
        number = _number_input(text, "phone")
        if number is None:
            return ()
        if not number.is_integer() or number < 0:
            raise NormaliseError(f"{text} is not a phone number", value=text, rule="phone")
        text = str(int(number))
    s = clean_text(text)
    if s is None:
        return ()
    s = _EXTENSION.sub("-", s.lower())
    found: list[str] = []
    for piece in _PHONE_SPLIT.split(s):
        piece = piece.strip()
        if not piece or clean_text(piece) is None:
            continue
        first = re.search(r"[\d+(]", piece)
        if first is None:
            raise NormaliseError(
                f"'{piece}' in '{text}' is not a phone number", value=text, rule="phone"
            )
        body = piece[first.start() :].strip()
        label = piece[: first.start()]
        if re.search(r"[\d]", label) or not _PHONE_BODY.fullmatch(body):
            raise NormaliseError(
                f"'{piece}' in '{text}' is not a phone number", value=text, rule="phone"
            )
        parts = body.split()
        if len(parts) > 1 and all(len(re.sub(r"\D", "", p)) >= 5 and "(" not in p for p in parts):
            candidates = parts
        else:
            candidates = [body]
        for candidate in candidates:
            found.append(_one_phone(candidate, text))
    return tuple(dict.fromkeys(found))


def _one_phone(candidate: str, text: object) -> str:
    number = re.sub(r"\(\s*(\d+)\s*\)\s*", r"\1-", candidate)
    if "(" in number or ")" in number:
        raise NormaliseError(f"'{candidate}' has unbalanced parentheses", value=text, rule="phone")
    plus = number.startswith("+")
    number = re.sub(r"[\s\-]+", "-", number.lstrip("+")).strip("-")
    digits = re.sub(r"\D", "", number)
    if not 5 <= len(digits) <= 20 or "+" in number:
        raise NormaliseError(
            f"'{candidate}' has {len(digits)} digits; a phone number has 5 to 20",
            value=text,
            rule="phone",
        )
    return ("+" if plus else "") + number
