"""City-wide and park incentives in Chinese prose: subsidy per seat, training subsidy per person,
certification awards, rent (per square metre and month, free years, halved) and tax rebates
(tiers by year, spans, exemptions). ``read_incentives(text)`` gives the contract's incentive items
(``kind``, ``value``, ``unit``, bounds and years); amounts are yuan.
"""

from __future__ import annotations

import re

from data.normalise.cn_numerals import parse_cn_number
from data.normalise.values import parse_money
from scrapers.extract.prose import _SENTENCE, _quantity

_AMOUNT = r"(?P<a>\d+(?:\.\d+)?\s*万?)元"


SEAT_SUBSIDY = re.compile(
    r"(?:每个?|按每个)(?:座席|坐席|席位)(?:\d+(?:\.\d+)?\s*万?元至)?[^，。；]{0,6}?"
    r"(?P<lo>\d+(?:\.\d+)?\s*万?)元(?:至|到|-|~)(?P<hi>\d+(?:\.\d+)?\s*万?)元"
    r"|(?:每个?|按每个)(?:座席|坐席|席位)[^，。；]{0,8}?(?:补贴|补助|奖励|扶持)\s*(?P<one>\d+(?:\.\d+)?\s*万?)元"
    r"|(?P<per>\d+(?:\.\d+)?\s*万?)元\s*/\s*(?:个)?(?:座席|坐席|席)"
    # each seat added: 每新增一个座席，给予1500元补贴
    r"|每(?:新增|新建|新设)一?个?(?:座席|坐席|席位)[，,]?\s*(?:给予|补贴|补助|奖励)\s*(?P<three>\d+(?:\.\d+)?\s*万?)元"
    # the amount before the subsidy word: 按每个座席3000元给予一次性补贴
    r"|(?:每个?|按每个)(?:座席|坐席|席位)\s*(?P<two>\d+(?:\.\d+)?\s*万?)元[^，。；]{0,8}?(?:补贴|补助|奖励|扶持)"
)


#: a seat subsidy by the month or year: ``按有效坐席人数每人每月不超过200元``,
#: ``每个有效座席每年补贴2500元``
SEAT_PERIODIC = re.compile(
    r"(?:座席|坐席)(?:人数|数)?(?:每人|每个|每席)?每(?P<per>月|年)(?:补贴|补助|给予|奖励)?"
    r"(?P<max>不超过|最高|最多)?\s*(?P<a>\d+(?:\.\d+)?\s*万?)元"
)


PER_PERSON = re.compile(
    r"每人(?:每年|每月|一次性)?\s*(?P<a>\d+(?:\.\d+)?\s*万?)元|(?P<b>\d+(?:\.\d+)?\s*万?)元\s*/\s*人"
)


CERT_TOTAL = re.compile(
    r"认证[^。；]{0,12}?(?:总额)?(?P<max>不超过|最高)?\s*(?P<a>\d+(?:\.\d+)?\s*万?)元"
)


#: a subsidy for hiring (a job or social-insurance subsidy), not for training
_HIRING = re.compile(r"岗位补贴|就业补贴|社保补贴|社会保险补贴|用工补贴|吸纳就业")


_PERSON_CONTEXT = re.compile(r"培训|录用|招用|新招|新增员工|大学生|毕业生|就业")


_RAISED = re.compile(r"由[^，。；]{0,12}?提高到\s*(?P<a>\d+(?:\.\d+)?\s*万?)元")


def _cny(text: str) -> float | None:
    q = _quantity(parse_money, text.replace(" ", "") + ("" if text.endswith("元") else "元"))
    return q.value if q is not None else None


#: a tax rebate by year: ``第1年给予100%奖励``, ``第1-5年给予90%奖励`` (in a sentence about a tax)
TAX_TIER = re.compile(
    r"第(?P<a>\d{1,2})(?:\s*[-—至到~]\s*(?P<b>\d{1,2}))?年(?:内)?(?:给予|按|返还|奖励|奖补|补贴)?"
    r"\s*(?P<p>\d{1,3}(?:\.\d+)?)\s*[%％]"
)


#: a tax rebate over the first or the next years: ``前两年按地方留成部分的100%给予奖励，后三年按50%``
TAX_SPAN = re.compile(
    r"(?:前|头|后|再)(?P<n>[一二两三四五六七八九十\d]{1,2})年(?:内)?[^，。；%％]{0,24}?"
    r"(?P<p>\d{1,3}(?:\.\d+)?)\s*[%％]"
)


#: a tax not levied: ``免征营业税``, ``免征企业所得税``
TAX_EXEMPT = re.compile(r"免征[\u4e00-\u9fff]{0,6}?税")


#: rent support per square metre and month: ``按15元人民币/平方米月``, ``每平方米每月补贴10元``
_M2 = r"(?:平方米|平米|㎡|m2|m²|米\s*2|米²)"


RENT = re.compile(
    rf"(?P<max>最高|不超过|最多)?\s*(?P<a>\d+(?:\.\d+)?)\s*元(?:人民币)?\s*/\s*{_M2}\s*[·.]?\s*(?:/\s*)?月"
    rf"|(?:每{_M2}每月|每月每{_M2})(?:补贴|补助|给予)?(?P<max2>最高|不超过|最多)?\s*(?P<b>\d+(?:\.\d+)?)\s*元"
)


#: rent-free years: ``前三年免租金``, ``免收房租2年``, ``三年内租金全免``
RENT_FREE = re.compile(
    r"(?:前|头)?(?P<n>[一二两三四五1-5])年(?:内)?(?:免收?(?:房屋|办公用房)?(?:租金|房租)|免租|(?:租金|房租)全免)"
    r"|免收?(?:房屋|办公用房)?(?:租金|房租)(?P<n2>[一二两三四五1-5])年"
)


#: ``三免两减半``: years free, then years at half
FREE_THEN_HALF = re.compile(r"(?P<a>[一二两三四五1-5])免(?P<b>[一二两三四五1-5])减半")


#: rent halved: ``租金减半``, ``减半收取租金``
RENT_HALF = re.compile(r"(?:租金|房租)减半|减半收取(?:房屋)?(?:租金|房租)")


def _years(text: str) -> int:
    """A count of years written in digits or Chinese (``3``, ``三``, ``两``, ``十``)."""
    return int(text) if text.isdigit() else int(parse_cn_number(text))


def _tax_and_rent(sentence: str, out: list[dict]) -> None:
    """Tax rebates by year and tax exemptions (in a sentence that names a tax) and rent
    support per square metre and month (in a sentence about rent), confidence 0.6."""
    if "税" in sentence:
        for m in TAX_SPAN.finditer(sentence):  # 前两年按…100%给予奖励，后三年按50%
            years = _years(m.group("n"))
            share = float(m.group("p")) / 100
            if 0 < share <= 1 and 0 < years <= 10:
                out.append({"kind": "tax_rebate", "value": share, "unit": "fraction",
                            "years": years, "evidence": sentence.strip(),
                            "confidence": 0.6})  # fmt: skip
        for m in TAX_TIER.finditer(sentence):
            share = float(m.group("p")) / 100
            if 0 < share <= 1:
                years = int(m.group("b")) - int(m.group("a")) + 1 if m.group("b") else 1
                out.append({"kind": "tax_rebate", "value": share, "unit": "fraction",
                            "years": max(years, 1), "evidence": sentence.strip(),
                            "confidence": 0.6})  # fmt: skip
        if TAX_EXEMPT.search(sentence):
            out.append({"kind": "tax_rebate", "value": 1.0, "unit": "fraction",
                        "evidence": sentence.strip(), "confidence": 0.6})  # fmt: skip
    if "租" in sentence:
        for m in RENT.finditer(sentence):
            amount = float(m.group("a") or m.group("b"))
            if 0 < amount < 500:
                item = {"kind": "rent_reduction", "value": amount, "unit": "CNY/m2/month",
                        "evidence": sentence.strip(), "confidence": 0.6}  # fmt: skip
                if m.group("max") or m.group("max2"):
                    item["value_bound"] = "max"
                out.append(item)
        for m in RENT_FREE.finditer(sentence):
            n = m.group("n") or m.group("n2")
            years = _years(n)
            out.append({"kind": "rent_reduction", "value": years, "unit": "year", "basis": "free",
                        "evidence": sentence.strip(), "confidence": 0.6})  # fmt: skip
        free_half = FREE_THEN_HALF.search(sentence)
        if free_half:  # 三免两减半: so many years free, then so many at half
            free = _years(free_half.group("a"))
            out.append({"kind": "rent_reduction", "value": free, "unit": "year", "basis": "free",
                        "evidence": sentence.strip(), "confidence": 0.6})  # fmt: skip
        if RENT_HALF.search(sentence) or free_half:
            out.append({"kind": "rent_reduction", "value": 0.5, "unit": "fraction",
                        "evidence": sentence.strip(), "confidence": 0.6})  # fmt: skip


def read_incentives(s: str) -> list[dict]:
    """City-wide incentives: amounts per seat, per person hired or trained, certification
    support. A fund (``设立1亿元专项资金``) is not a per-seat amount: only an amount written per
    seat (``每个坐席3000元至8000元``, ``3000元/席``) is read as one."""
    out: list[dict] = []
    for sm in _SENTENCE.finditer(s):
        sentence = sm.group(0)
        for clause in re.split(r"[；;]", sentence):
            periodic = SEAT_PERIODIC.search(clause)
            if periodic and re.search(r"(?:座席|坐席)补贴|补贴|补助|扶持|奖励", clause):
                amount = _cny(periodic.group("a"))
                if amount and amount < 100_000:
                    item = {"kind": "seat_subsidy", "value": amount, "unit": "CNY/seat",
                            "period": "month" if periodic.group("per") == "月" else "year",
                            "evidence": sentence.strip(), "confidence": 0.6}  # fmt: skip
                    if periodic.group("max"):
                        item["value_bound"] = "max"
                    out.append(item)
                    continue
            for m in SEAT_SUBSIDY.finditer(clause):
                values = [m.group("lo"), m.group("hi")] if m.group("lo") else [
                    m.group("one") or m.group("per") or m.group("two") or m.group("three")
                ]  # fmt: skip
                for v in values:
                    amount = _cny(v)
                    if amount and amount < 1_000_000:
                        out.append({"kind": "seat_subsidy", "value": amount, "unit": "CNY/seat",
                                    "evidence": sentence.strip(), "confidence": 0.7})  # fmt: skip
            cert = CERT_TOTAL.search(clause)
            per_person = PER_PERSON.search(clause)
            if cert and not per_person:
                amount = _cny(cert.group("a"))
                if amount:
                    item = {"kind": "certification_subsidy", "value": amount, "unit": "CNY",
                            "evidence": sentence.strip(), "confidence": 0.6}  # fmt: skip
                    if cert.group("max"):
                        item["value_bound"] = "max"
                    out.append(item)
            if per_person and (_PERSON_CONTEXT.search(clause) or "认证" in clause):
                raised = _RAISED.search(clause)
                amount = _cny(
                    raised.group("a") if raised else per_person.group("a") or per_person.group("b")
                )
                if amount and amount < 100_000:
                    kind = (
                        "certification_subsidy"
                        if "认证" in clause and "培训" not in clause
                        else "training_subsidy"
                        if "培训" in clause or not _HIRING.search(clause)
                        else "other"
                    )
                    item = {"kind": kind, "value": amount, "unit": "CNY/person",
                            "evidence": sentence.strip(), "confidence": 0.6}  # fmt: skip
                    if kind == "other":
                        item["note"] = (
                            "subsidy per person hired"  # 岗位补贴, 社保补贴: not training
                        )
                    out.append(item)
        _tax_and_rent(sentence, out)
    seen, unique = set(), []
    for item in out:
        key = (item["kind"], item["value"])
        if key not in seen:
            seen.add(key)
            unique.append(item)
    return unique
