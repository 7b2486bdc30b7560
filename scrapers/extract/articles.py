"""Facts in park and industry news: park, place, area, phased seat targets, jobs, tenants, rules.

Free text is hard, so nothing here is published directly: each :class:`Fact` carries its
evidence sentence and a confidence, and goes to the review queue. Confidence is set by rule:

* 0.9 - a number with its unit and a keyword bound to it (``规划占地3平方公里``,
  ``起步区占地约0.29平方公里``, ``距密云县城2.5公里``);
* 0.8 - a phased target: a year and a seat count in the same clause (``到2015年,基地规模将达4万座席``);
  a tax-rebate tier (rate, basis and thresholds in one clause);
* 0.6 - a tenant: a company name and a seat count in one sentence (which company the seats
  belong to is the sentence's grammar, read by proximity);
* 0.5 - a rule without figures (rent reduction, certification subsidy).

A park fact needs the park's name: the most frequent ``...产业基地/产业园/...园区`` name of the
article. Without one, no fact is produced.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from scrapers.extract.encoding import decode_page
from scrapers.extract.layouts import read_layout

_PARK = re.compile(
    r"((?:[\u4e00-\u9fff]{2,4}(?:省|市|县|区))?[\u4e00-\u9fff（）()]{2,14}?"
    r"(?:呼叫中心产业基地|呼叫产业基地|服务外包产业园|服务外包基地|信息服务产业基地|呼叫中心产业园区?|服务外包示范区|软件园))"
)
_NUM = r"\d+(?:\.\d+)?"
_SENTENCE = re.compile(r"[^。！？!?\n]+[。！？!?]?")
_CLAUSE = re.compile(r"[^；;：:]+")
_YEAR = re.compile(r"(?:到|至|于|在)?(?P<y>(?:19|20)\d\d)年(?!\d*月\d*日)")
_SEATS = re.compile(rf"(?P<v>{_NUM}\s*万?)\s*(?:个)?(?:呼叫)?(?:座席|坐席|席位)")
_JOBS = re.compile(rf"就业(?:机会|岗位)\s*(?P<v>{_NUM}\s*万?)\s*(?:个|人)?")
_COMPANY = re.compile(r"([\u4e00-\u9fffA-Za-z（）()]{2,30}?(?:股份有限公司|有限公司|公司|集团))")
_TENANT_SEATS = re.compile(
    rf"(?P<v>{_NUM}(?:\s*(?:到|至|-|~)\s*{_NUM})?)\s*(?:个)?(?:呼叫中心|呼叫)?(?:座席|坐席|席位)"
)
_TAX = re.compile(r"增值税|营业税|所得税")

AREA_RULES = (
    (
        "start_area_km2",
        re.compile(
            rf"起步区(?:占地|面积)?(?:约|为)?\s*(?P<v>约?{_NUM}\s*(?:平方公里|平方千米|km2))"
        ),
    ),
    (
        "area_km2",
        re.compile(rf"规划(?:占地|面积)(?:约|为)?\s*(?P<v>约?{_NUM}\s*(?:平方公里|平方千米|km2))"),
    ),
    (
        "building_area_m2",
        re.compile(
            rf"(?:建设规模|建筑面积|总建筑面积)(?:约|为|达)?\s*(?P<v>约?{_NUM}\s*万?平方米)"
        ),
    ),
)
DISTANCE_RULES = (
    (
        "distance_to_airport_km",
        re.compile(rf"距(?:离)?[\u4e00-\u9fff]{{0,8}}机场\s*(?P<v>约?{_NUM}\s*(?:公里|千米|km))"),
    ),
    (
        "distance_to_expressway_km",
        re.compile(
            rf"距(?:离)?[\u4e00-\u9fff]{{0,8}}(?:高速|高速路|高速公路)[\u4e00-\u9fff]{{0,4}}?\s*(?P<v>约?{_NUM}\s*(?:公里|千米|km))"
        ),
    ),
    (
        "distance_to_city_km",
        re.compile(
            rf"距(?:离)?[\u4e00-\u9fff]{{0,8}}(?:县城|市区|城区|市中心)\s*(?P<v>约?{_NUM}\s*(?:公里|千米|km))"
        ),
    ),
)


@dataclass(frozen=True)
class Fact:
    """One proposed record: table, raw values (with ``park`` as a name), evidence, confidence."""

    table: str
    values: dict
    evidence: str
    confidence: float
    rule: str
    locator: str = ""


@dataclass
class ArticleFacts:
    """Facts of one article, and its title."""

    title: str = ""
    park: str | None = None
    facts: list[Fact] = field(default_factory=list)


def main_park(text: str) -> str | None:
    """Most frequent park name in the text (ties: first seen)."""
    names = Counter(m.group(1) for m in _PARK.finditer(text))
    if not names:
        return None
    best = max(names.values())
    return next(n for n, c in names.items() if c == best)


def find_facts(text: str) -> ArticleFacts:
    """Facts about the article's main park.

    Examples
    --------
    >>> a = find_facts("北京呼叫中心产业基地规划占地3平方公里。到2015年,北京呼叫中心产业基地规模将达4万座席。")
    >>> [(f.table, f.values) for f in a.facts]  # doctest: +NORMALIZE_WHITESPACE
    [('parks', {'name': '北京呼叫中心产业基地', 'area_km2': '3平方公里'}),
     ('park_targets', {'park': '北京呼叫中心产业基地', 'year': '2015', 'seats': '4万'})]
    """
    out = ArticleFacts(park=main_park(text))
    park = out.park
    if park is None:
        return out
    for i, sm in enumerate(_SENTENCE.finditer(text)):
        sentence = sm.group().strip()
        loc = f"sentence {i + 1}"
        values = {}
        for fld, rx in (*AREA_RULES, *DISTANCE_RULES):
            m = rx.search(sentence)
            if m:
                values[fld] = m.group("v").replace(" ", "")
        if values:
            out.facts.append(
                Fact("parks", {"name": park, **values}, sentence, 0.9, "park_figures", loc)
            )
        out.facts.extend(_targets(park, sentence, loc))
        out.facts.extend(_tenant(park, sentence, loc))
        out.facts.extend(_incentives(park, sentence, loc))
    return out


def _targets(park: str, sentence: str, loc: str) -> list[Fact]:
    facts = []
    for clause in _CLAUSE.findall(sentence):
        years = {m.group("y") for m in _YEAR.finditer(clause)}
        seats = _SEATS.findall(clause)
        jobs = _JOBS.findall(clause)
        if len(years) != 1 or len(seats) > 1 or len(jobs) > 1 or not (seats or jobs):
            continue
        if _COMPANY.search(clause):
            continue
        values = {"park": park, "year": years.pop()}
        if seats:
            values["seats"] = seats[0].replace(" ", "")
        if jobs:
            values["jobs"] = jobs[0].replace(" ", "")
        facts.append(Fact("park_targets", values, sentence, 0.8, "phased_target", loc))
    return facts


def _tenant(park: str, sentence: str, loc: str) -> list[Fact]:
    companies = [c for c in _COMPANY.findall(sentence) if "开发区" not in c and "政府" not in c]
    seats = _TENANT_SEATS.findall(sentence)
    if len(set(companies)) != 1 or len(seats) != 1:
        return []
    status = "planned" if re.search(r"将|计划|拟|承诺|预计", sentence) else "operating"
    if re.search(r"签订|签署|签约", sentence) and status == "operating":
        status = "signed"
    values = {
        "park": park,
        "company": companies[0],
        "seats": seats[0].replace(" ", ""),
        "status": status,
    }
    return [Fact("park_tenants", values, sentence, 0.6, "tenant_seats", loc)]


def _incentives(park: str, sentence: str, loc: str) -> list[Fact]:
    facts = []
    if _TAX.search(sentence):
        tiers = [c for c in re.split(r"[；;]", sentence) if re.search(rf"{_NUM}\s*%", c)]
        for n, clause in enumerate(tiers, start=1):
            values = {"park": park, "name": f"{park}税收扶持", "kind": "tax_rebate"}
            rate = re.findall(rf"({_NUM}\s*%)", clause)
            if len(rate) != 1:
                continue
            values["rate"] = rate[0]
            basis = re.search(
                r"((?:增值税|营业税|所得税)[、和及增值营业所得税]*)形成([\u4e00-\u9fff]{2,8}收入)",
                clause,
            )
            if basis:
                values["basis"] = f"{basis.group(1)}{basis.group(2)}"
            inv = re.search(rf"投资(?:总额)?在?\s*({_NUM}\s*[万亿]?元)以上", clause)
            if inv:
                values["min_investment_cny"] = inv.group(1)
            rev = re.search(rf"(?:年)?销售收入\s*({_NUM}\s*[万亿]?元)以上", clause)
            if rev:
                values["min_revenue_cny"] = rev.group(1)
            dur = re.search(r"([一二三四五六七八九十\d]+)年内", sentence)
            if dur:
                values["duration_years"] = f"{dur.group(1)}年"
            if len(tiers) > 1:
                values["tier"] = str(n)
            facts.append(Fact("incentives", values, sentence, 0.8, "tax_rebate_tier", loc))
    elif re.search(r"减免租金|租金减免|房租补贴", sentence):
        values = {"park": park, "name": f"{park}租金减免", "kind": "rent_reduction"}
        facts.append(Fact("incentives", values, sentence, 0.5, "rent_reduction", loc))
    elif re.search(r"认证", sentence) and re.search(r"扶持|补贴|奖励", sentence):
        values = {"park": park, "name": f"{park}认证补贴", "kind": "certification_subsidy"}
        facts.append(Fact("incentives", values, sentence, 0.5, "certification_subsidy", loc))
    return facts


def extract_articles(body: bytes, content_type: str | None = None) -> ArticleFacts:
    """Facts of an article page (bytes); raises ``ExtractError`` when it is not a page."""
    decoded = decode_page(body, content_type)
    layout = read_layout(decoded.text)
    result = find_facts(
        "\n".join(layout.headings + [i for i in layout.items if isinstance(i, str)])
    )
    result.title = layout.title
    return result
