"""KPI sentence patterns: KPIs stated in body text, read only when the sentence is unambiguous.

Each pattern returns the raw text of the value (``90%以上``, ``超过40%``, ``25000``) for the
shared normaliser, which turns ``以上``/``超过`` into a ``min`` bound and ``以下``/``不超过``
into ``max``. A sentence that gives the same KPI twice with different values (``国际基准是20秒内
接起80%的电话，而我们要求15秒内接起90%``) is skipped: which figure belongs to the center is a
judgement, not an extraction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import opencc

_T2S = opencc.OpenCC("t2s")

_NUM = r"\d[\d,，]*(?:\.\d+)?\s*万?"
_PCT = r"\d+(?:\.\d+)?\s*[%％]"
_PRE = r"(?P<pre>超过|高于|不低于|不少于|大于|达到|达|保持在|稳定在|控制在|约为|约|为|是|在|低于|不超过|不高于)?\s*"
_POST = r"(?P<post>以上|以下|左右|之上|以内)?"

#: raw field -> patterns (on Simplified text); group ``v`` is the value
PATTERNS: dict[str, tuple[re.Pattern[str], ...]] = {
    "answer_rate": (
        re.compile(
            rf"(?:日均|平均|月均|年均|人工)*接通率(?:一直|始终|均)?{_PRE}(?P<v>{_PCT}){_POST}"
        ),
    ),
    "outbound_success_rate": (
        re.compile(rf"呼出成功率(?:一直|始终|均)?{_PRE}(?P<v>{_PCT}){_POST}"),
    ),
    "daily_inbound_calls": (
        re.compile(
            rf"日均(?:人工)?(?:电话)?(?:呼入|来电|受理)(?:总)?量?(?:已|可)?{_PRE}(?P<v>{_NUM})\s*(?:个|件|通|次|个电话)?{_POST}"
        ),
    ),
    "daily_outbound_calls": (
        re.compile(
            rf"日(?:均)?(?:人工)?(?:电话)?呼出(?:总)?量?(?:已|可)?{_PRE}(?P<v>{_NUM})\s*(?:个|件|通|次|个电话)?{_POST}"
        ),
    ),
    "csat": (
        re.compile(rf"(?:客户|用户|顾客)满意(?:度|率)(?:一直|始终|均)?{_PRE}(?P<v>{_PCT}){_POST}"),
    ),
    "fcr_rate": (
        re.compile(
            rf"(?:首次|一次性?)(?:问题)?(?:解决|答复)率(?:一直|始终|均)?{_PRE}(?P<v>{_PCT}){_POST}"
        ),
    ),
    "attrition_rate": (
        re.compile(
            rf"(?:人员|员工|座席|坐席|年)(?:流失|流动)率(?:一直|始终|均)?{_PRE}(?P<v>{_PCT}){_POST}"
        ),
    ),
    "aht_seconds": (
        re.compile(
            r"平均(?:通话|处理)时长(?:为|是|约|在|控制在)?\s*(?P<v>\d+(?:\.\d+)?\s*(?:秒|分钟|分))"
        ),
    ),
    "service_level": (
        re.compile(
            r"(?P<v>(?P<s>\d+)\s*秒(?:钟)?(?:以)?内接(?:起|通|听)(?P<p>\d+(?:\.\d+)?)\s*[%％])"
        ),
        re.compile(
            r"(?P<v>(?P<p>\d+(?:\.\d+)?)\s*[%％]的?(?:电话|呼叫|来电)在\s*(?P<s>\d+)\s*秒(?:钟)?(?:以)?内(?:被)?接(?:起|通|听))"
        ),
    ),
}

_SENTENCE = re.compile(r"[^。！？!?；;\n]+[。！？!?；;]?")
_BOUND_PRE = {"超过", "高于", "不低于", "不少于", "大于", "低于", "不超过", "不高于"}


@dataclass(frozen=True)
class KpiHit:
    """A KPI read from a sentence: raw field, raw value text and the sentence as evidence."""

    field: str
    value: str
    evidence: str


def _value(m: re.Match[str], fld: str) -> str:
    if fld == "service_level":
        return f"{m.group('p')}%/{m.group('s')}秒"
    groups = m.groupdict()
    pre = groups.get("pre") or ""
    post = groups.get("post") or ""
    value = re.sub(r"[\s,，]", "", m.group("v"))
    if pre in ("约", "约为"):
        pre = "约"  # kept: the normaliser reads it as an approximate value
    return f"{pre if pre in _BOUND_PRE | {'约'} else ''}{value}{post if post in ('以上', '以下', '以内', '左右') else ''}"


def find_kpis(text: str) -> list[KpiHit]:
    """KPIs stated in ``text``, one per field, skipping ambiguous sentences.

    Examples
    --------
    >>> [(h.field, h.value) for h in find_kpis("日均接通率保持在90%以上，呼出成功率超过40%。")]
    [('answer_rate', '90%以上'), ('outbound_success_rate', '超过40%')]
    >>> find_kpis("国际基准是20秒内接起80%的电话，而海尔要求15秒内接起90%的电话。")
    []
    """
    hits: dict[str, KpiHit] = {}
    ambiguous: set[str] = set()
    for sm in _SENTENCE.finditer(text):
        sentence = sm.group().strip()
        simple = _T2S.convert(sentence)
        for fld, patterns in PATTERNS.items():
            values = {_value(m, fld) for p in patterns for m in p.finditer(simple)}
            if not values:
                continue
            if len(values) > 1 or (fld in hits and hits[fld].value not in values):
                ambiguous.add(fld)
                continue
            hits.setdefault(fld, KpiHit(fld, values.pop(), sentence))
    return [h for f, h in hits.items() if f not in ambiguous]
