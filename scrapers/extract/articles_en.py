"""English article rules: press releases and brochures of parks for foreign investors.

Same facts as :mod:`scrapers.extract.articles` (park, place, area, investment, phased targets,
jobs, tenants, incentives), each with its English evidence sentence and a confidence:

* 0.8 - park figures (``covers 3.2 square kilometres``, ``Total investment: CNY 1.5 billion``);
* 0.7 - a phased target (``Phase II ... 10,000 seats by 2028, creating 12,000 jobs``), a
  tax-rebate tier, a seat subsidy; a place whose city :func:`data.geo.geocode.geocode_city` knows;
* 0.6 - any other place (``in Shili, Jiangsu Province``), a training subsidy;
* 0.5 - a tenant (``XYZ Co. opened a 500-seat center``), a rent rule.

Values are handed to :func:`data.ingest.records.check_record` as text it reads: areas with Chinese units
(``1200亩``, ``3.2平方公里``, ``200000平方米``), money as a plain number of yuan (``RMB 1.5
billion`` -> ``1500000000``), counts without thousands separators. Amounts in USD (or any other
currency) are not converted and give no value. Names and places stay as written on the page; a
park's Chinese name in brackets (``Binhai ... Park (滨海呼叫中心产业园)``) becomes its name, the
English one ``name_en``.
"""

from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal

from data.geo.geocode import geocode_city
from scrapers.extract.facts import Fact

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}
_COUNT = rf"(?:{_NUM}|{'|'.join(_WORDS)})"
_SCALE = {"million": Decimal(10**6), "billion": Decimal(10**9)}
_MONEY = re.compile(
    rf"(?:(?:RMB|CNY|Rmb)\s*(?P<a>{_NUM})(?:\s*(?P<as>million|billion))?"
    rf"|(?P<b>{_NUM})(?:\s*(?P<bs>million|billion))?\s*(?:yuan|RMB|CNY)\b)"
)
_PARK = re.compile(
    r"(?P<name>(?:[A-Z][\w'&-]*\s+){1,6}(?:Park|Base|Zone))\b(?:\s*[(（](?P<zh>[^)）]*[\u4e00-\u9fff][^)）]*)[)）])?"
)
_PARK_WORDS = re.compile(
    r"\b(?:Call|Contact|Customer|Service|Services|Outsourcing|BPO|Industrial|Industry|Software|"
    r"Information|Technology|Economic|Development|Science)\b"
)
_LEAD = re.compile(r"^(?:(?:The|A|An|In|At|Of|Invest|Welcome|To)\s+)+")
_COMPANY = re.compile(
    r"(?P<c>[A-Z][\w&'-]*(?:\s+[A-Z][\w&'-]*)*\s+"
    r"(?:Co\.,\s?Ltd\.|Co\.\s?Ltd\.|Co\.|Ltd\.|Inc\.|Corp\.|Limited|Corporation|Group))"
)
_SENTENCE = re.compile(r"(?<=[.!?])[\"”]?\s+(?=[\"“]?[A-Z])")
# figures of a whole market (lower case: "Example Global Services Ltd." is a company)
_SCOPE = re.compile(r"\b(?:China's|[Nn]ationwide|national|country's|global|worldwide)\b")
_INCENTIVE_WORDS = re.compile(r"\b(?:rent|subsid\w*|rebate|refund|tax|incentive\w*)\b", re.I)
_PHASE = re.compile(r"\bPhase\s+(?P<p>I{1,3}|IV|V|\d+|One|Two|Three)\b")
_YEAR = re.compile(r"\b(?:by|in|before|until|through)\s+(?:the end of\s+)?(?P<y>20\d\d)\b", re.I)
_SEATS = re.compile(rf"(?<![\w,.])(?P<n>{_NUM})\s+(?:new\s+)?(?:seats|workstations)\b")
_JOBS = re.compile(rf"(?<![\w,.])(?P<n>{_NUM})\s+(?:new\s+)?jobs\b")
_MIN_SEATS = re.compile(
    rf"(?:at least|no fewer than|a minimum of|more than)\s+(?P<n>{_NUM})\s+seats"
)
_AREA_KM2 = re.compile(
    rf"(?P<n>{_NUM})\s*(?:square\s+kilomet(?:er|re)s?|sq\.?\s*km|km2|km²)(?!\w)", re.I
)
_AREA_MU = re.compile(rf"(?P<n>{_NUM})\s*mu\b")
_AREA_HA = re.compile(rf"(?P<n>{_NUM})\s*hectares?\b", re.I)
_AREA_M2 = re.compile(rf"(?P<n>{_NUM})\s*(?:square\s+met(?:er|re)s?|sq\.?\s*m\b|m2|m²)", re.I)


def is_english(text: str) -> bool:
    """Whether ``text`` is mostly English (Latin letters outnumber CJK characters 5 to 1)."""
    cjk = len(re.findall(r"[\u4e00-\u9fff]", text))
    latin = len(re.findall(r"[A-Za-z]", text))
    return latin > 50 and latin > 5 * cjk


def number(token: str) -> str:
    """``"3,000"`` -> ``"3000"``, ``"three"`` -> ``"3"``."""
    return str(_WORDS.get(token.lower(), token.replace(",", "")))


def money(m: re.Match) -> str:
    """A :data:`_MONEY` match as a plain number of yuan (``RMB 1.5 billion`` -> ``1500000000``)."""
    amount = Decimal((m.group("a") or m.group("b")).replace(",", ""))
    scale = m.group("as") or m.group("bs")
    value = amount * _SCALE[scale] if scale else amount
    return str(value.quantize(Decimal(1)) if value == value.to_integral() else value)


def sentences(text: str) -> list[str]:
    """Sentences of ``text``, line by line."""
    out = []
    for line in text.splitlines():
        out += [s.strip() for s in _SENTENCE.split(line) if s.strip()]
    return out


def main_park(text: str) -> tuple[str, str] | None:
    """The most named park of an English text: (name, English name)."""
    names: Counter[str] = Counter()
    chinese: dict[str, str] = {}
    for m in _PARK.finditer(text):
        name = _LEAD.sub("", m.group("name").strip())
        if len(name.split()) < 2 or not _PARK_WORDS.search(name):
            continue
        names[name] += 1
        if m.group("zh"):
            chinese.setdefault(name, m.group("zh").strip())
    if not names:
        return None
    english = names.most_common(1)[0][0]
    return chinese.get(english, english), english


def find_facts_en(text: str) -> list:
    """Facts about the main park of an English text (see the module docstring).

    Examples
    --------
    >>> facts = find_facts_en(
    ...     "Phase I of the Lakeview Customer Service Base will reach 3,000 seats by 2025. "
    ...     "The base covers 3.2 square kilometres and the total investment is 2.4 billion yuan."
    ... )
    >>> [(f.table, f.values) for f in facts]  # doctest: +NORMALIZE_WHITESPACE
    [('park_targets', {'park': 'Lakeview Customer Service Base', 'phase': 'Phase I',
                       'year': '2025', 'seats': '3000'}),
     ('parks', {'name': 'Lakeview Customer Service Base', 'area_km2': '3.2平方公里',
                'investment_cny': '2400000000'})]
    """

    found = main_park(text)
    if found is None:
        return []
    park, english = found
    facts: list[Fact] = []
    for n, s in enumerate(sentences(text), 1):
        loc = f"sentence {n}"
        others = {m.group("name") for m in _PARK.finditer(s)} - {english}
        if any(_PARK_WORDS.search(o) and english not in o for o in others):
            continue  # about another park
        if park != english and english in s and park in s:
            facts.append(Fact("parks", {"name": park, "name_en": english}, s, 0.8, "name_en", loc))
        for table, values, conf, rule in (
            *_targets(park, s),
            *_figures(park, s),
            *_place(park, s),
            *_tenants(park, s),
            *_incentives(park, s),
        ):
            facts.append(Fact(table, values, s, conf, rule, loc))
    return facts


def _targets(park: str, s: str) -> list[tuple]:
    if _COMPANY.search(s) or _INCENTIVE_WORDS.search(s) or _SCOPE.search(s):
        return []
    starts = [m.start() for m in _PHASE.finditer(s)] or [0]
    bounds = [0, *starts[1:], len(s)]
    out = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        chunk = s[a:b]
        phases = list(_PHASE.finditer(chunk))
        years = {m.group("y") for m in _YEAR.finditer(chunk)}
        seats = [m for m in _SEATS.finditer(chunk) if not _MIN_SEATS.search(chunk)]
        jobs = list(_JOBS.finditer(chunk))
        if len(phases) > 1 or len(years) > 1 or len(seats) > 1 or len(jobs) > 1:
            continue
        if not (seats or jobs) or not (years or phases):
            continue
        values = {"park": park}
        if phases:
            values["phase"] = f"Phase {phases[0].group('p')}"
        if years:
            values["year"] = years.pop()
        if seats:
            values["seats"] = number(seats[0].group("n"))
        if jobs:
            values["jobs"] = number(jobs[0].group("n"))
        out.append(("park_targets", values, 0.7, "en_target"))
    return out


def _figures(park: str, s: str) -> list[tuple]:
    if _COMPANY.search(s) or _SCOPE.search(s):
        return []
    values = {}
    if re.search(r"\b(?:area|covers?|covering|occup\w+|spans?|land)\b", s, re.I):
        for rx, unit in ((_AREA_KM2, "平方公里"), (_AREA_MU, "亩"), (_AREA_HA, "公顷")):
            m = rx.search(s)
            if m:
                values["area_km2"] = number(m.group("n")) + unit
                break
    m2 = _AREA_M2.search(s)
    if m2 and re.search(
        r"\b(?:office|floor|building|buildings|construction)\b", s[m2.end() :], re.I
    ):
        values["building_area_m2"] = number(m2.group("n")) + "平方米"
    inv = re.search(r"\binvestment\b", s, re.I)
    if inv:
        m = _MONEY.search(s, inv.end())
        if m and not re.match(r"\s*(?:USD|US\$|\$|HKD|EUR)", s[inv.end() : m.start()][-6:]):
            values["investment_cny"] = money(m)
    if not values:
        return []
    return [("parks", {"name": park, **values}, 0.8, "en_park_figures")]


_PROVINCE_PLACE = re.compile(r"(?P<c>[A-Z]\w+(?: City)?),\s+(?P<p>[A-Z]\w+)\s+Province\b")
_POSSESSIVE_PLACE = re.compile(r"\bin (?P<c>[A-Z]\w+)'s (?P<d>[A-Z]\w+ (?:District|County))\b")
_OF_PLACE = re.compile(r"\bin (?P<d>[A-Z]\w+ (?:District|County)) of (?P<c>[A-Z]\w+(?: City)?)\b")
_BARE_PLACE = re.compile(r"\b(?:in|based in|located in) (?P<c>[A-Z][a-z]+)\b")


def _place(park: str, s: str) -> list[tuple]:
    if _COMPANY.search(s) or not re.search(r"\b(?:in|Location|located|situated)\b", s):
        return []
    values: dict[str, str] = {}
    label = re.match(r"(?:Location|Address)\s*:\s*(?P<v>.+)$", s)
    if label:
        for part in (p.strip() for p in label.group("v").split(",")):
            if re.search(r"\b(?:District|County)$", part):
                values["district"] = part
            elif part.endswith(" Province"):
                values["province"] = part.removesuffix(" Province")
            elif re.fullmatch(r"[A-Z][\w ]+", part) and "city" not in values:
                values["city"] = part
    else:
        for rx in (_PROVINCE_PLACE, _POSSESSIVE_PLACE, _OF_PLACE):
            m = rx.search(s)
            if m:
                values.update({k: v for k, v in m.groupdict().items() if v})
        if "p" in values:
            values["province"] = values.pop("p")
        if "c" in values:
            values["city"] = values.pop("c")
        if "d" in values:
            values["district"] = values.pop("d")
        if not values:
            m = _BARE_PLACE.search(s)
            if m and geocode_city(m.group("c")) is not None:
                values["city"] = m.group("c")
    if "city" not in values:
        return []
    known = geocode_city(values["city"], province=values.get("province")) is not None
    return [("parks", {"name": park, **values}, 0.7 if known else 0.6, "en_place")]


_OPERATING = re.compile(r"\b(?:opened|operates|operating|runs|has been running|launched)\b")
_SIGNED = re.compile(r"\b(?:signed|signs|agreement|contract)\b")
_PLANNED = re.compile(r"\b(?:plans?|will|to invest|intends?|is to|expected to|to build)\b")
_TENANT_SEATS = re.compile(rf"(?<![\w,.])(?P<n>{_NUM})(?:-seat\b|\s+seats\b)")


def _tenants(park: str, s: str) -> list[tuple]:
    if _SCOPE.search(s):
        return []
    companies = list(_COMPANY.finditer(s))
    out = []
    for i, m in enumerate(companies):
        end = companies[i + 1].start() if i + 1 < len(companies) else len(s)
        chunk = s[m.end() : end]
        seats = list(_TENANT_SEATS.finditer(chunk))
        if not seats:
            continue
        name = _LEAD.sub("", m.group("c").strip())
        values = {"park": park, "company": name, "seats": number(seats[0].group("n"))}
        verbs = chunk[: seats[0].start()]
        for rx, status in ((_PLANNED, "planned"), (_SIGNED, "signed"), (_OPERATING, "operating")):
            if rx.search(verbs):
                values["status"] = status
                break
        out.append(("park_tenants", values, 0.5, "en_tenant"))
    return out


_RATE_PERIOD = re.compile(
    rf"(?P<r>{_NUM})%[^%]*?\bfor the (?P<w>first|following|next|subsequent) (?P<n>{_COUNT}) years?"
)
_BASIS = re.compile(r"\b(?:rebate|refund|return) of (?:the )?(?P<b>[a-z ]*?\btax(?:es)?)\b")
_RENT_FREE = re.compile(rf"\brent[- ]free\b[^.;]*?\bfor (?:the first )?(?P<n>{_COUNT}) years?")
_RENT_CUT = re.compile(
    rf"\brent (?:reduction|discount|cut) of (?P<r>{_NUM})%\s+for (?:the first )?(?P<n>{_COUNT}) years?"
)
_PER_SEAT = re.compile(rf"(?P<m>{_MONEY.pattern})\s+per\s+seat\b")
_CAP = re.compile(
    rf"\b(?:capped at|up to a maximum of|with a cap of|maximum of)\s+(?P<m>{_MONEY.pattern})"
)
_PER_PERSON = re.compile(
    rf"(?P<m>{_MONEY.pattern})\s+per\s+(?:person|employee|trainee|head|new hire)\b"
)


def _incentives(park: str, s: str) -> list[tuple]:
    if _SCOPE.search(s):
        return []
    out = []
    if re.search(r"\btax\b", s, re.I) and re.search(r"\b(?:rebate|refund|return)", s, re.I):
        tiers = list(_RATE_PERIOD.finditer(s))
        basis = _BASIS.search(s)
        start = 1
        for i, m in enumerate(tiers, 1):
            if m.group("w") == "first" and i > 1:
                break
            years = int(number(m.group("n")))
            values = {"park": park, "name": f"{park} tax rebate", "kind": "tax_rebate"}
            if len(tiers) > 1:
                values["tier"] = str(i)
            values["rate"] = m.group("r") + "%"
            if basis:
                values["basis"] = basis.group("b").strip()
            values["start_year_offset"] = str(start)
            values["duration_years"] = str(years)
            start += years
            out.append(("incentives", values, 0.7, "en_tax_rebate"))
    rent = _RENT_FREE.search(s) or _RENT_CUT.search(s)
    if rent:
        values = {"park": park, "name": f"{park} rent", "kind": "rent_reduction"}
        if "r" in rent.groupdict():
            values["rate"] = rent.group("r") + "%"
        values["duration_years"] = number(rent.group("n"))
        least = _MIN_SEATS.search(s)
        if least:
            values["min_seats"] = number(least.group("n"))
        out.append(("incentives", values, 0.5, "en_rent"))
    seat = _PER_SEAT.search(s)
    if seat:
        values = {"park": park, "name": f"{park} seat subsidy", "kind": "seat_subsidy"}
        values["amount_cny"] = money(_MONEY.search(seat.group("m")))
        values["amount_unit"] = "per_seat"
        cap = _CAP.search(s, seat.end())
        if cap:
            values["cap_cny"] = money(_MONEY.search(cap.group("m")))
        out.append(("incentives", values, 0.7, "en_seat_subsidy"))
    person = _PER_PERSON.search(s)
    if person and re.search(r"\btrain", s, re.I):
        values = {"park": park, "name": f"{park} training subsidy", "kind": "training_subsidy"}
        values["amount_cny"] = money(_MONEY.search(person.group("m")))
        values["amount_unit"] = "per_person"
        out.append(("incentives", values, 0.6, "en_training_subsidy"))
    return out
