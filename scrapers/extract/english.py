"""English pages: parks and centers named in prose, with their city (pure, text in).

Parks: a capitalised name run ending in ``Park``, ``Base``, ``Zone`` or ``Town`` (``Dalian Software
Park``, ``Huaqiao International Service Business Park``), or a lowercase description of a park
that starts with a capitalised place (``Guiyang call center and service outsourcing industrial
demonstration base``). Centers: ``<Organisation> ... call center / customer service center``.
City: the prefecture named in the entity, else the one the page names most.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from functools import lru_cache

from data.geo.geocode import CITIES_DIR, taiwan_english_names
from data.normalise.industries import industry_written_in
from scrapers.extract.dates import MONTH_EN, month_number, page_date, year_of
from scrapers.extract.known_places import line_place, zone_city
from scrapers.extract.prose import INDUSTRY_CONFIDENCE, Entity

_CAP = r"[A-Z][\w'’.&-]*"
_LINK = r"(?:of|and|&|the|in|for|by|de)"
#: a place in brackets inside a name (``Hefei (Shushan) E-commerce Industrial Park``)
_BRACKET = r"\([A-Z][\w'’-]*\)"
PARK = re.compile(
    rf"(?P<name>(?:The\s+)?{_CAP}(?:\s+(?:{_CAP}|{_LINK}|{_BRACKET}))*?\s+"
    r"(?:Park|Base|Bases|Zone|Town|Valley|Industry\s+Area|Industrial\s+Area))\b"
)
PARK_LOWER = re.compile(
    rf"(?P<name>{_CAP}\s+(?:[a-z][\w-]*\s+){{1,8}}?(?:industrial\s+)?(?:demonstration\s+)?(?:park|base|bases))\b"
)
_PARK_WORDS = re.compile(
    r"call|service|outsourcing|software|industrial|business|bpo|data|demonstration|information|technology|science",
    re.I,
)
CENTER = re.compile(
    rf"(?P<org>(?:{_CAP}\s+){{0,3}}{_CAP})(?:(?:'s|’s)\s+(?:(?:new|largest|biggest|first|main|own|regional|national|local|global)\s+){{0,2}}(?P<place>[A-Z][a-z]+\s+)?|\s+)"
    r"(?P<tail>(?:global\s+|credit card\s+)?(?:call|customer service|customer contact|contact|customer care|customer support|customer interaction|customer experience|[Cc]ard|[Oo]perations|(?<=['’]s\s)(?:[A-Z][a-z]+\s+)?service)\s+[Cc]ent(?:er|re))s?\b"
)
#: a company's center named by its city: ``Genpact's Dalian centre``
CITY_CENTRE = re.compile(
    rf"(?P<org>{_CAP}(?:\s+{_CAP}){{0,3}})['’]s\s+(?P<city>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+(?P<tail>cent(?:er|re))\b"
)
#: a planned figure (``plans to employ``, ``will hire``, ``aims to have``)
_PLANNED = re.compile(
    r"\b(?:plans?|planning|aims?|aiming|expects?|expected|is set|are set)\s+to\b|\bwill\b"
)
#: a company described as a center: ``Sample Communications Co, a call center providing …``
APPOSED = re.compile(
    rf"(?P<org>{_CAP}(?:\s+{_CAP}){{0,5}}),\s+an?\s+(?:[\w-]+\s+){{0,3}}?"
    r"(?:call|contact|customer service)\s+cent(?:er|re)\b(?!s)"
)
#: ``the new call center of China Mobile``, ``one of the 10 call centers of …'s biggest booking
#: company, Ctrip``: the organisation after ``of`` (and an apposition) names the center
CENTER_OF = re.compile(
    r"\b(?P<tail>call|customer service|contact|credit card)\s+cent(?:er|re)s?\s+"
    r"(?:of|(?:is\s+|was\s+)?(?:being\s+)?(?:built|run|operated|owned|set\s+up)\s+(?:on\s+behalf\s+of|by|for))\s+"
    r"(?:(?:[\w'’-]+\s+){0,6}?[\w'’-]+,\s+)?"
    rf"(?P<org>{_CAP}(?:\s+{_CAP}){{0,2}})"
)
SEATS = re.compile(
    r"(?P<pre>more than |over |about |nearly |some )?(?P<n>\d[\d,]*)(?:-|\s)(?:seats?|workstations?)\b"
    r"|\b(?:house|houses|accommodate|accommodates|hold|holds)\s+(?P<pre2>more than |over |about |nearly |some )?"
    r"(?P<n2>\d[\d,]*)\s+(?:agents|operators|seats)\b"
)
#: a park's seats by a year: ``will house 10,000 agents by 2025``, ``20,000 seats by 2020``
PARK_TARGET = re.compile(
    r"(?:will|to|would)\s+(?:\w+\s+){0,3}?(?P<pre>more than |over |about |nearly |some )?(?P<n>\d[\d,]*)\s+"
    r"(?:seats|agents|workstations)\s+by\s+(?:the\s+end\s+of\s+)?(?P<y>(?:19|20)\d\d)\b"
)
#: a park's area: ``covers an area of 3.5 square kilometers``, ``a 500-mu site``, ``120 hectares``
PARK_AREA = re.compile(
    r"(?:covers?|covering|occupies|occupying|spans?|spanning|planned area of|total area of|area of)\s+"
    r"(?:an\s+area\s+of\s+)?(?P<pre>more than |over |about |nearly |some |around )?(?P<n>\d[\d,]*(?:\.\d+)?)"
    r"(?:-|\s)(?P<u>square\s+kilometers?|square\s+kilometres?|sq\.?\s*km|km2|hectares?|mu)\b"
)
#: a park's floor area: ``a 50,000-square-metre facility``, ``80,000 square meters of office space``
PARK_FLOOR = re.compile(
    r"(?P<pre>more than |over |about |nearly |some |around )?(?P<n>\d[\d,]*(?:\.\d+)?)(?:-|\s)"
    r"(?:square[\s-]+met(?:er|re)s?|sq\.?\s*m|m2)\b(?=[^.]{0,30}?\b(?:facility|building|space|floor|office))"
)
#: a sentence about the page's one park without its name (``working here``, ``the park``)
_PARK_ANAPHOR = re.compile(r"\b(?:here|the\s+(?:park|zone|base))\b", re.I)
#: a park's seats now: ``now houses 12,000 call center seats``, ``the base had 35,000 seats``
PARK_SEATS = re.compile(
    r"\b(?:has|had|houses|housed|hosts|hosted|boasts|boasted|with)\s+(?P<pre>more than |over |about |nearly |some |around )?"
    r"(?P<n>\d[\d,]*)\s+(?:[a-z-]+\s+){0,3}?seats\b"
)
#: a park's area in millions of square metres: ``an area of 3.7m square metres`` (km2)
PARK_AREA_MILLION = re.compile(
    r"(?:covers?|covering|cover|area\s+of)\s+(?:an\s+area\s+of\s+)?(?P<n>\d+(?:\.\d+)?)\s*(?:m|million)\s+square\s+met(?:er|re)s?\b"
)
#: the people working in a park: ``the number of employees working here has reached 40,000``,
#: ``employs 12,000 people``, ``created 8,000 jobs``
_PRE_J = r"(?P<pre{0}>(?i:more than |over |about |nearly |some |around ))?"
PARK_JOBS = re.compile(
    r"number\s+of\s+(?:employees|people|professionals|staff|workers)\s+(?:working|employed)\s+"
    r"(?:here|there|in\s+the\s+(?:park|zone|base))[^.]{0,24}?(?:reached|is|stands\s+at|totals?|exceeds)\s+"
    + _PRE_J.format("")
    + r"(?P<n>\d[\d,]*)"
    + r"|\b(?:employs?|employed|employing)\s+"
    + _PRE_J.format("2")
    + r"(?P<n2>\d[\d,]*)\s+(?:people|professionals|staff|employees|workers)"
    + r"|\b(?:created|provides|provided|offers)\s+"
    + _PRE_J.format("3")
    + r"(?P<n3>\d[\d,]*)\s+jobs"
)
_KM2 = {"square kilometer": 1.0, "square kilometre": 1.0, "sq km": 1.0, "sqkm": 1.0, "km2": 1.0,
        "hectare": 0.01, "mu": 1 / 1500}  # fmt: skip


def _park_figures(park: Entity, sent: str, conf: float) -> None:
    """Area, floor area and seat targets of a park named in the sentence (confidence 0.7 at
    most: English pages name a park's phases and its zone in the same breath)."""
    conf = min(conf, 0.7)
    m = PARK_TARGET.search(sent)
    if m:
        target = {"year": int(m.group("y")), "seats": int(m.group("n").replace(",", ""))}
        if _BOUND.get((m.group("pre") or "").lower()):
            target["seats_bound"] = _BOUND[(m.group("pre") or "").lower()]
        targets = park.values.setdefault("seat_targets", [])
        if all(t.get("year") != target["year"] for t in targets):
            targets.append(target)
            park.confidence["seat_targets"] = conf
            park.evidence.setdefault("seat_targets", sent.strip())
    m = PARK_AREA.search(sent)
    if m and not re.search(r"\bphase\b|\bbuilding\b|\btower\b", sent, re.I):
        # a phase's or a building's area is not the park's
        unit = re.sub(r"s$", "", re.sub(r"\s+", " ", m.group("u").lower().replace(".", "")))
        factor = _KM2.get(unit) or _KM2.get(unit.replace(" ", ""))
        if factor:
            value = round(float(m.group("n").replace(",", "")) * factor, 4)
            park.set("area_km2", value, _BOUND.get((m.group("pre") or "").lower()), conf, sent)
    m = PARK_SEATS.search(sent)
    if m and not PARK_TARGET.search(sent) and not _PLANNED.search(sent[: m.start()][-40:]):
        pre = (m.group("pre") or "").lower()
        park.set("seats", int(m.group("n").replace(",", "")), _BOUND.get(pre), conf, sent)
    m = PARK_AREA_MILLION.search(sent)
    if m and "area_km2" not in park.values and not re.search(r"\bphase\b|\bbuilding\b", sent, re.I):
        park.set("area_km2", float(m.group("n")), None, conf, sent)  # 3.7m square metres
    m = PARK_JOBS.search(sent)
    if m and not _PLANNED.search(sent[: m.start()][-40:]):
        g = m.groupdict()
        n = g.get("n") or g.get("n2") or g.get("n3")
        pre = (g.get("pre") or g.get("pre2") or g.get("pre3") or "").lower()
        park.set("jobs", int(n.replace(",", "")), _BOUND.get(pre), conf, sent)
    m = PARK_FLOOR.search(sent)
    if m and not re.search(r"\bphase\b", sent, re.I):
        value = int(float(m.group("n").replace(",", "")))
        park.set("floor_area_m2", value, _BOUND.get((m.group("pre") or "").lower()), conf, sent)


STAFF = re.compile(
    r"(?P<pre>(?i:more than |over |about |nearly |some |around ))?(?P<n>\d(?:[\d,]*\d)?)\s+"
    r"(?:(?!(?:calls?|complaints|enquiries|inquiries|from|by|to|of|for|per)\b)[A-Za-z-]+\s+){0,2}?"
    r"(?:employees|staff|staffers|agents|operators|advisors|advisers|call-takers|"
    r"(?:customer\s+service\s+|sales\s+)?representatives)\b"
    # 79 new staff courtesy programmes: staff names what the programmes are for
    r"(?!\s+(?:[a-z]+\s+)?(?:programmes?|programs?|training|courses?|sessions?|activities|events)\b)"
    r"|employs\s+(?P<pre2>more than |over |about |nearly |some |around )?(?P<n2>\d[\d,]*)"
    r"|(?:a\s+staff|a\s+workforce|a\s+team)\s+of\s+(?P<pre3>more than |over |about |nearly |some |around )?"
    r"(?P<n3>\d[\d,]*)"
)
_MONTH = (
    r"(?:(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)(?:\s+\d{1,2})?,?\s+)?"
)
FOUNDED = re.compile(
    r"\b(?:[Ss]et up|[Ee]stablished|[Ll]aunched|[Oo]pened|[Ff]ounded|[Cc]reated|began operations?|"
    r"started)\s+(?:\w+\s+){0,8}?in\s+" + _MONTH + r"(?P<y>(?:19|20)\d\d)\b"
    r"|\b(?:operations?|services?)\s+(?:began|started)\s+in\s+"
    + _MONTH
    + r"(?P<y2>(?:19|20)\d\d)\b"
    # the year first: In 1999, the WSD established a Customer Telephone Enquiry Centre
    r"|\bIn\s+" + _MONTH + r"(?P<y3>(?:19|20)\d\d),\s+(?:the\s+)?(?:[A-Z][\w&.-]*\s+){1,5}"
    r"(?:set\s+up|established|launched|opened|founded|created)\b"
)


def _year_of(m: re.Match[str]) -> int:
    """The year a :data:`FOUNDED` match names."""
    return int(m.group("y") or m.group("y2") or m.group("y3"))


QUOTED = re.compile(r"[“\"](?P<name>[A-Z][^”\"]{8,160}?\b(?:Base|Park|Zone)\b[^”\"]{0,90})[”\"]")
CENTER_CAP = re.compile(
    rf"(?P<name>{_CAP}(?:\s+(?:{_CAP}|{_BRACKET}|\d{{4,6}})){{0,4}}\s+(?:(?:Call|Contact|Customer\s+Service|"
    r"Global\s+Service|Customer\s+Interaction|Customer\s+Care|Customer\s+Experience|"
    r"(?:Global\s+)?Command|Operations|Customer\s+Support|(?:Telephone\s+)?(?:Enquiry|Inquiry))"
    r"\s+Cent(?:er|re)|Hotline(?:\s+Service\s+Cent(?:er|re))?|Helpline))\b"
)
HOURS = re.compile(
    r"24 hours a day|24/7|24\s*[x×]\s*7|(?:a)?round[ -]the[ -]clock|24-hour|24 hours,? (?:7|seven) days"
)
#: an opening time: ``open from 8 am to 8 pm every day``, ``from 9:00 to 18:00 on weekdays``
OPEN_RANGE_EN = re.compile(
    r"\bfrom\s+(?P<a>\d{1,2})(?::(?P<am>\d\d))?(?:\s*(?P<ap>a\.?m\.?|p\.?m\.?))?\s+(?:to|until|till)\s+"
    r"(?P<b>\d{1,2})(?::(?P<bm>\d\d))?(?:\s*(?P<bp>a\.?m\.?|p\.?m\.?))?"
    r"(?P<days>\s+(?:every day|daily|seven days a week|on weekdays|Monday(?:s)? to Friday(?:s)?))?",
    re.I,
)
#: open every day without a number of hours (``operators seven days a week``, ``year-round``)
EVERY_DAY_EN = re.compile(
    r"\bseven days a week\b|\b7 days a week\b|\b365 days a year\b|\byear[ -]round\b"
)
_PCT = r"(?P<n>\d{1,3}(?:\.\d+)?)\s*(?:%|percent|per\s+cent)"
_PRE_EN = r"(?P<pre>(?i:more than |over |about |nearly |some |around ))?"
#: the share of calls answered: ``operators answered about 94 percent of the calls``, ``an
#: answer rate of 96%``
ANSWER_RATE_EN = re.compile(
    rf"\b(?:answer(?:ed|s)?|(?:connection|call\s+completion|pick-up)(?=\s+rate))\s+(?:rate\s+(?:of|was|is|reached|stood\s+at)\s+)?{_PRE_EN}{_PCT}(?:\s+of\s+(?:the\s+|all\s+)?(?:\w+\s+)?calls)?"
    r"|(?P<n2>\d{1,3}(?:\.\d+)?)\s*(?:%|percent|per\s+cent)\s+of\s+(?:the\s+|all\s+)?(?:\w+\s+)?calls\s+(?:were\s+)?answered"
)
#: satisfaction: ``93.2 percent of callers said they were satisfied``, ``a satisfaction rate of 98%``
CSAT_EN = re.compile(
    rf"{_PRE_EN}{_PCT}\s+of\s+(?:the\s+)?(?:callers|citizens|customers|users|residents|respondents)\s+"
    r"(?:said\s+they\s+)?(?:were|are|felt)\s+(?:very\s+)?satisfied"
    rf"|satisfaction\s+(?:rate|rating|level|score)\s+(?:of|was|is|reached|stood\s+at)\s+(?P<pre2>(?i:more than |over |about |nearly |around ))?(?P<n2>\d{{1,3}}(?:\.\d+)?)\s*(?:%|percent|per\s+cent)"
)
#: first-contact resolution: ``a first-call resolution rate of 85%``, ``resolved 80% of enquiries
#: on the first call``
FCR_EN = re.compile(
    r"first[- ](?:call|contact|time)\s+resolution(?:\s+rate)?\s+(?:of|was|is|reached|stood\s+at|at)\s+"
    rf"{_PRE_EN}{_PCT}"
    r"|(?:resolv(?:ed|es|ing)|settl(?:ed|es))\s+(?P<pre2>(?i:more than |over |about |nearly |around ))?"
    r"(?P<n2>\d{1,3}(?:\.\d+)?)\s*(?:%|percent|per\s+cent)\s+of\s+(?:the\s+|all\s+|its\s+)?"
    r"(?:\w+\s+)?(?:calls|enquiries|inquiries|issues|problems|cases)\s+(?:on|at|in|during)\s+(?:the\s+)?"
    r"first\s+(?:call|contact|attempt)"
)
#: a rate of a whole market or country, not of one center
_WHOLE_MARKET = re.compile(
    r"\b(?:nationwide|national average|industry average|across China|in China as a whole)\b",
    re.I,
)
CALLS = re.compile(
    r"(?P<pre>(?i:more than |over |about |nearly |some |around |an average of |up to ))?(?P<n>\d[\d,]*)"
    r"(?P<plus>-plus|\+)?\s+"
    r"(?:\w+\s+)?(?:calls?|appeals|requests|inquiries|enquiries)\s+"
    r"(?:(?:from\s+(?:\w+\s+){1,2}?|(?:made|placed)\s+to\s+(?:the\s+)?\w+\s+|received\s+)?"
    r"(?:a|per|each|every)\s+day|daily)"
)
_AWARD = re.compile(r"\b(?:Best|Leading|World-Class|Outstanding|Excellent|Top|Golden|Award|Most)\b")
_BOUND = {"more than ": "min", "over ": "min", "about ": "approx", "nearly ": "approx",
          "some ": "approx", "around ": "approx"}  # fmt: skip
# (an average of: no bound)
#: a period followed by a letter or digit (``dcinside.com``, ``3.2``) does not end a sentence
_SENT = re.compile(r"(?:[^.!?\n]|\.(?=[\w,]))+[.!?]?")


#: a service hotline named by its number (``the 12345 hotline``, ``Shanghai's 12345 hotline``);
#: a name stays on one line (a phone number over a ``Sales Hotline`` heading names nothing)
HOTLINE = re.compile(
    r"(?P<name>(?:[A-Z][a-z]+['’]s[ \t]+|[A-Z][a-z]+[ \t]+(?=\d))?[“\"]?(?<!\d)\d{4,6}[”\"]?[ \t]*"
    r"(?:(?:[A-Z][a-z]+['’]?s?|service|government|public|citizens?['’]?s?|[\w-]+-run"
    # what the line is for, in lowercase words (the 12365 consumer rights protection hotline)
    r"|(?!(?:to|and|or|the|a|an|is|was|are|were|of|for|on|in|at|by|with|from|that|which|its|has|had|will)\b)[a-z]{3,})[ \t]+){0,4}"
    r"(?:[Hh]otline|HOTLINE|[Cc]all[ \t]+[Cc]ent(?:er|re)|[Ss]ervice[ \t]+[Cc]ent(?:er|re))"
    r"(?:[ \t]+Service[ \t]+Cent(?:er|re))?)\b"
)
#: a city starts its hotline: ``Shanghai started its 12345 hotline in 2013``
HOTLINE_STARTED = re.compile(
    r"(?P<place>[A-Z][a-z]+)\s+(?:started|launched|opened|set\s+up)\s+(?:its|a|the)\s+(?:own\s+)?"
    r"(?P<num>\d{4,6})\s+hotline\s+in\s+(?:[A-Z][a-z]+\s+)?(?P<y>(?:19|20)\d\d)\b"
)
#: a hotline named by its number, then described: ``Shanghai's 12345, a 24-hour public service
#: hotline``
HOTLINE_APPOSED = re.compile(
    r"(?P<place>[A-Z][a-z]+)['’]s\s+(?P<num>\d{4,6}),\s+an?\s+(?P<desc>(?:[\w-]+\s+){0,4}?)hotline\b"
)
#: a hotline named before its number: ``Pingtan's government service hotline "12345"``,
#: ``the city's new government service hotline, 12345``
HOTLINE_NUMBER_AFTER = re.compile(
    r"(?P<place>[A-Z][a-z]+|city)['’]s\s+(?:new\s+)?(?P<desc>(?:[a-z-]+\s+){0,3})hotline,?\s+"
    r"[“\"]?(?P<num>\d{4,6})\b"
)
#: a number said as a line to call: ``dial a four-digit number - 1823 -``, ``dial the new
#: hotline 12345``, ``the public hotline 12345``, ``the 1823 Centre``, ``the 12345 service``
_NUM = r"[“\"]?(?P<n{0}>(?<![\d,.])(?<!\d\s)\d{{4,6}})[”\"]?(?![\d,.]|\s\d|-\d)"
NUMBER_LINE = re.compile(
    r"\b(?:dial(?:s|ed|led|ing|ling)?|call(?:s|ed|ing)?|ring)\s+(?:(?:a|an|the)\s+)?"
    r"(?:[\w-]+\s+){0,3}?(?:[-–—:]\s*)?"
    + _NUM.format("")
    + r"|\b(?:hotline|line|number)\s+"
    + _NUM.format("2")
    + r"|\b(?:[Tt]he|[Ii]ts)\s+"
    + _NUM.format("3")
    + r"\s+(?:[Cc]entre|[Cc]enter|service|hotline|line)\b"
    + r"|"
    + _NUM.format("4")
    + r"\s+(?:Centre|Center)\b"
)
#: the page's one line said again without its number
_LINE_ANAPHOR = re.compile(
    r"\b(?:the|this)\s+(?:new\s+|unified\s+)*(?:hotline|line|centre|center)\b", re.I
)


def _number_hotlines(text: str, found: dict[str, Entity]) -> None:
    """A public line named by its number alone (``1823``, ``the 1823 Centre``, ``hotline 12345``):
    a number said as one to dial or as a line's, and said twice, or said once as the page's
    first such number on a page that speaks of ``the hotline`` again. Named ``<n> Centre`` when
    the page writes so, else by the number."""
    seen: list[str] = []
    for m in NUMBER_LINE.finditer(text):
        n = m.group("n") or m.group("n2") or m.group("n3") or m.group("n4")
        if n not in seen:
            seen.append(n)
    for i, n in enumerate(seen):
        if any(n in k for k in found):
            continue
        said = len(re.findall(rf"(?<![\d,.]){n}(?![\d,]|\.\d|\s\d)", text))
        if said < 2 and not (i == 0 and len(_LINE_ANAPHOR.findall(text)) >= 2):
            continue
        titled = re.search(rf"(?<!\d){n}\s+(?:Call\s+)?(?:Centre|Center)\b", text)
        name = re.sub(r"\s+", " ", titled.group(0)) if titled else n
        found[name] = Entity(kind="center", name=name, first=text.find(n))


#: ``<Org>, <apposition>, set up a customer service center in <City> in <year>``
SET_UP = re.compile(
    r"\b(?:establish(?:e[sd])?|sets?\s+up|open(?:s|ed)?|launch(?:es|ed)?|announced|builds?|built)"
    r"\s+(?:a|an)\s+(?:new\s+)?(?P<mod>(?:(?!for\b|to\b|of\b|and\b|with\b|in\b|at\b)[a-z][\w-]*\s+){0,2}?)"
    r"(?P<tail>(?:customer service|customer care|customer contact|call|contact)\s+cent(?:er|re))\b"
)
_ORG_END = re.compile(
    r"(?P<org>(?:[A-Z][\w.&'’-]*|[a-z][\w-]*\.(?:com|cn|net))(?:\s+(?:and\s+|&\s+)?[A-Z][\w.&'’-]*){0,4})$"
)
EMPLOY = re.compile(
    r"\b(?:employ|employs|employing|with)\s+(?P<pre>more than |over |about |nearly |some |around )?"
    r"(?P<n>\d[\d,]*)\s+(?:[\w-]+\s+){0,3}?(?:employees|staff|agents|operators|people|workers)\b"
)


#: words between a company and its verb (``Dangdang will establish``, ``… plans to open``)
_AUXILIARY = re.compile(
    r"(?:\s+(?:will|would|also|has|have|had|is|was|plans?|planned|decided|agreed|is\s+going|to))+$"
)


def _set_up_centers(text: str, found: dict[str, Entity]) -> None:
    """A company's new center, named by the company (``<Org>, …, set up a customer
    service center in <City> in <year> with <N> … employees``): the subject is the name run
    right before the verb, or before an apposition between commas."""
    for sm in _SENT.finditer(text):
        sent = sm.group(0)
        m = SET_UP.search(sent)
        if not m:
            continue
        before = sent[: m.start()].rstrip()
        parts = [p.strip() for p in before.split(",") if p.strip()]
        org = None
        for part in reversed(parts):
            om = _ORG_END.search(_AUXILIARY.sub("", part))
            if om and not _GENERIC_ORG.match(om.group("org").split()[0]):
                org = om.group("org")
                break
            if part is parts[-1] and len(parts) > 1:
                continue  # an apposition: look before it
            break
        if org is None or len(org) < 3 or re.search(r"\b(?:China|Chinese|It|They|We)\b", org):
            continue
        name = f"{org} {m.group('tail')}"
        if any(name in k or k in name for k in found):
            continue
        e = Entity(kind="center", name=name, first=sm.start() + m.start())
        after = sent[m.end() :]
        place = re.match(r"\s+in\s+([A-Z][\w'’]+)", after)
        if place and _city_of(place.group(1)):
            e.set("city", _city_of(place.group(1)), None, 0.7, sent)
        year = re.search(r"\bin\s+(?:[A-Z][a-z]+\s+)?((?:19|20)\d\d)\b", after)
        if year:
            e.set("founded_year", int(year.group(1)), None, 0.7, sent)
        staff = EMPLOY.search(after)
        if staff:
            e.set("staff", int(staff.group("n").replace(",", "")),
                  _BOUND.get((staff.group("pre") or "").lower()), 0.7, sent)  # fmt: skip
        found[name] = e


_COMPANY = re.compile(
    r"(?P<org>[A-Z][\w&-]*(?:\s+[A-Z][\w&-]*){0,3}\s+(?:Co\.|Inc\.|Ltd\.|Corp\.|Corporation|Group))"
)
_ITS_CENTER = re.compile(
    r"\b(?:the company|the firm|its|a|an)['’]?s?\s+(?:(?:new|largest|biggest|first|main|own)\s+)?"
    # a size and a city before the center word: its 1,500-seat Shenzhen contact centre
    r"(?:(?P<size>\d[\d,]*)-seat\s+)?(?:(?P<city2>[A-Z][a-z]+)\s+)?"
    r"(?P<tail>(?:call|customer service|contact|customer care|service|credit\s+card)\s+cent(?:er|re))"
    r"(?:\s+in\s+(?P<city>[A-Z][\w'’]+))?"
)


#: the subject of a sentence: the capitalised name right before its verb, after a few
#: lowercase words of description (``US computer maker Dell was …``)
_SUBJECT = re.compile(
    r"(?:[A-Za-z-]+\s+){0,4}?(?P<org>[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,2})(?:\s+\([A-Z]{2,6}\))?\s+"
    r"(?:was|has|had|is|will|plans|moved|shifted|opened|set|operates|runs|launched|built|kicked\s+off|unveiled|inaugurated)\b"
)


def _company_centers(text: str, found: dict[str, Entity]) -> None:
    """``<Name> Co., who runs the company's call center in Dalian``: the company's center."""
    for sm in _SENT.finditer(text):
        sent = sm.group(0)
        m = _ITS_CENTER.search(sent)
        if not m:
            continue
        companies = list(_COMPANY.finditer(sent[: m.start()]))
        subject = _SUBJECT.match(sent.strip()) if not companies else None
        if len(companies) == 1:
            org = companies[0].group("org")
        elif subject and (
            not _GENERIC_ORG.match(subject.group("org").split()[0])
            or _STATE_FIRM.match(subject.group("org"))
        ):
            org = subject.group("org")  # US computer maker Dell was … to shift its call centre
        else:
            continue
        if m.group(0).split()[0].lower() in ("a", "an") and not (
            m.group("size") or m.group("city") or m.group("city2")
        ):
            continue  # runs a call center: which one, the sentence does not say
        place = m.group("city2") if m.group("city2") and _city_of(m.group("city2")) else None
        name = f"{org} {place + ' ' if place else ''}{m.group('tail')}"
        if any(name in k or k in name for k in found):
            continue
        e = Entity(kind="center", name=name, first=sm.start() + m.start())
        city = _city_of(m.group("city") or place or "")
        if city:
            e.set("city", city, None, 0.7, sent)
        if m.group("size"):
            e.set("seats", int(m.group("size").replace(",", "")), None, 0.7, sent)
        found[name] = e


#: a run of capitalised words naming an organisation (``Ping An Property and Casualty Insurance``)
_ORG_RUN = r"[A-Z][\w&.-]*(?:\s+(?:and\s+|&\s+)?[A-Z][\w&.-]*){0,5}"
#: words that start a capitalised run without naming an organisation
_NOT_ORG = re.compile(
    r"^(?:Mr|Mrs|Ms|Dr|Prof|About|Magistrate|Mayor|Minister|Secretary|Director|Chairman|With|Citing|"
    r"COVID|IT|BPO|CPC|GDP|USD|RMB|HR|AI|ICT|CEO|PC|IPO|SMS|FAQ|VIP|He|She|We|They|It|Its|This|That|These|Those|There|Here|Some|Most|"
    r"Many|All|Total|According|But|And|Or|If|When|While|Once|Since|As|Last|Next|Monday|Tuesday|"
    r"Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|"
    r"August|September|October|November|December|Province|City|Municipal|District|County|"
    r"Residents|Customers|Callers|Staff|Sun|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)$"
)
#: where a page names an organisation: its possessive (``Tianping's``), a subject before its verb,
#: or a workplace (``director of … at Tianping Auto Insurance``, ``philosophy at Towngas``)
_COMPANY_WORD = (
    r"(?:Co\.?|Inc\.?|Ltd\.?|Corp\.?|Corporation|Company|Group|Insurance|Bank|Telecom|Airlines|"
    r"Technologies|Technology|Communications|Electronics|Holdings|Services|Solutions|Systems|"
    r"Mobile|Unicom|Securities|Motors|Auto|Logistics|Airways|Travel|Energy|Gas|Power|Software|"
    r"Networks|Media|Pharmaceuticals?|Financial|Life|Assurance|Consulting|International)"
)
_ORG_SAID = re.compile(
    rf"(?P<a>{_ORG_RUN})['’]s\b"
    rf"|(?:^(?:[A-Z][a-z]+\s+(?:[a-z][\w-]*\s+){{1,3}})?|[,;:]\s+|\band\s+)(?P<b>{_ORG_RUN})\s+(?:has\s+|had\s+|have\s+|will\s+|also\s+)?"
    r"(?:opened|moved|shifted|set\s+up|runs|ran|operates|operated|announced|launched|employs|"
    r"employed|hires|hired|signed|built|plans\s+to|decided|invested|established)\b"
    rf"|\b(?:at|of|with|for|by|from)\s+(?P<c>[A-Z][\w&.-]*(?:\s+(?:and\s+|&\s+)?[A-Z][\w&.-]*){{0,5}}"
    rf"\s+{_COMPANY_WORD}|[A-Z]{{2,6}})\b"
    r"|\bat\s+(?P<d>[A-Z][a-z]+[A-Z]?\w*)(?=\s*[,.;])"
)


#: a first word that names a place, not an organisation
_PLACE_WORD = re.compile(
    r"^(?:Hong|Sichuan|Guangdong|Asia|Asian|Europe|European|India|Taiwan|Macau|Japan|Korea|South|"
    r"North|East|West|Central|US|USA|America|Singapore|Philippines|Malaysia|Australia|UK|Britain|"
    r"Germany|France|Canada|Mainland|Beijing|Shanghai)$"
)
#: a last word that names a road, a park or a zone, not an organisation
_PLACE_END = re.compile(r"^(?:Road|Street|Avenue|Park|Zone|Base|Town|Province|Area|Square)$")


def _org_words(run: str) -> list[str]:
    """The words of an organisation's name, without a leading generic word, or ``[]`` when the
    run is a place, a person's title or another word that names no organisation."""
    words = re.sub(r"['’]s$", "", run.strip()).split()
    while words and (_GENERIC_ORG.match(words[0]) or _NOT_ORG.match(words[0])):
        if _STATE_FIRM.match(" ".join(words)):
            break
        words = words[1:]
    pattern = _cities()[0]
    if not words or _NOT_ORG.match(words[-1]) or pattern.fullmatch(" ".join(words)):
        return []
    if re.fullmatch(
        r"(?:[A-Z][a-z]+\s+)?(?:Province|City|District|County|Government)", " ".join(words)
    ):
        return []
    if _PLACE_WORD.match(words[0]) or _PLACE_END.match(words[-1]) or len(words[0]) < 2:
        return []  # a country, a region, a road or a park
    return words


#: a person: a name that says something or holds a post (``Cao Wencheng, operating director``,
#: ``said Ricky Cheung``, ``Magistrate Yang``); group 1 is the first word, group 2 the last
_PERSON = re.compile(
    r"\b([A-Z][a-z]+)(?:\s+([A-Z][a-z-]+))?(?=\s+(?:said|says|told|added|explained|expects)\b"
    r"|,\s+(?:an?\s+|the\s+)?(?:[a-z-]+\s+){0,3}(?:director|manager|chairman|president|head|"
    r"official|spokesman|spokeswoman|spokesperson|officer|secretary|engineer|operator|agent|"
    r"founder|executive|CEO|who)\b)"
    r"|(?:\bsaid|\bMr|\bMrs|\bMs|\bDr|Magistrate|Mayor|Director|Secretary)\.?\s+([A-Z][a-z]+)"
)


def page_org_en(text: str) -> str | None:
    """The page's main organisation, in its fullest form (``Tianping Auto Insurance`` for a page
    that names it so once and ``Tianping`` twice): of the organisations the page names as a
    possessive, a subject or a workplace, the one whose first word is said most often (the last
    named as a subject on a tie); ``None`` when the page names none."""
    forms: dict[str, list[str]] = {}
    order: list[str] = []
    people = {w for m in _PERSON.finditer(text) for w in m.groups() if w}
    for sm in _SENT.finditer(text):
        sent = sm.group(0).strip()
        for m in _ORG_SAID.finditer(sent):
            said = m.group("a") or m.group("b") or m.group("c") or m.group("d")
            run = re.split(r"\s+and\s+", said)[0]
            words = _org_words(run)
            if not words or _city_of(words[0]) or words[0] in people:
                continue
            if len(words) == 1 and re.search(
                rf"\b{re.escape(words[0].lower())}\b|\b(?:[Tt]he|\d+)\s+{re.escape(words[0])}\b",
                text,
            ):
                continue  # the Office's, People, 1823 Citizen's: a common word, not a name
            key = " ".join(words[:2]) if _STATE_FIRM.match(" ".join(words)) else words[0]
            forms.setdefault(key, []).append(" ".join(words))
            order.append(key)
    if not forms:
        return None
    counts = {w: len(re.findall(rf"\b{re.escape(w)}\b", text)) for w in forms}
    best = max(forms, key=lambda w: (counts[w], max(i for i, o in enumerate(order) if o == w)))
    if sum(1 for w in forms if counts[w] == counts[best]) > 1 and counts[best] < 2:
        return None  # several organisations, each said once: which one the page is about is unclear
    full = max(forms[best], key=len).split()
    while len(full) > 1 and _city_of(full[-1]):
        full = full[:-1]  # Dell Xiamen: the company, the city goes to the center's name
    return " ".join(full)


#: a center referred to by its organisation: ``its sole telemarketing center in Chengdu``,
#: ``the firm's new contact centre``, ``employee growth in its call center``
_COREF_CENTER = re.compile(
    r"\b(?:[Ii]ts|[Tt]he\s+(?:company|firm|group|bank|insurer|operator)['’]s)\s+"
    r"(?:(?:new|sole|only|own|main|first|largest|biggest|local|regional|national|global|"
    r"existing|current|domestic)\s+){0,2}"
    r"(?:(?P<size>\d[\d,]*)-seat\s+)?(?:(?P<city2>[A-Z][a-z]+)\s+)?"
    r"(?P<tail>(?:call|contact|customer\s+service|customer\s+care|telemarketing|telesales|"
    r"telephone\s+sales|service)\s+cent(?:er|re))\b(?!s)"
    r"(?:\s*,?\s+(?:in|at)\s+(?P<city>[A-Z][\w'’]+(?:\s+[A-Z][a-z]+)?))?"
)
#: a subject right before its verb and ``its``: ``Acme Hong Kong moved its …``
_SUBJECT_BEFORE = re.compile(rf"(?P<org>{_ORG_RUN})\s+(?:[a-z][\w-]*\s+){{1,3}}$")


_CENTER_TAIL = re.compile(
    r"\s+(?:[Cc]all|[Cc]ontact|[Cc]ustomer\s+[Ss]ervice|[Cc]ustomer\s+[Cc]are|[Tt]elemarketing|"
    r"[Tt]elesales|[Tt]elephone\s+[Ss]ales|[Ss]ervice)\s+[Cc]ent(?:er|re)$"
)


def _org_of(name: str) -> str | None:
    """The organisation of a center named ``<Org> [<City>] <kind> center``, else ``None``."""
    m = _CENTER_TAIL.search(name)
    return name[: m.start()] if m and m.start() > 1 else None


#: a center named by what it does and whose it is: ``the Chengdu center for telephone sales of
#: Ping An Property and Casualty Insurance``, ``the centre for customer service at <Org>``
CENTER_FOR = re.compile(
    r"\b(?:(?P<city>[A-Z][a-z]+(?:['’][a-z]+)?)\s+)?(?P<word>cent(?:er|re))\s+for\s+"
    r"(?P<what>telephone\s+sales|telesales|telemarketing|phone\s+sales|customer\s+service|"
    r"customer\s+care|customer\s+contact|calls)\s+(?P<prep>of|at)\s+"
    rf"(?P<org>{_ORG_RUN})"
)


def _centers_for(text: str, found: dict[str, Entity]) -> None:
    """Centers named ``[<City>] center for <what> of|at <Org>`` (as the page writes them)."""
    for m in CENTER_FOR.finditer(text):
        words = _org_words(re.split(r"[.,;:]\s", m.group("org") + " ")[0].rstrip("."))
        if not words:
            continue
        city = m.group("city") if m.group("city") and _city_of(m.group("city")) else None
        what = re.sub(r"\s+", " ", m.group("what"))
        name = f"{city + ' ' if city else ''}{m.group('word')} for {what} {m.group('prep')} {' '.join(words)}"
        if any(name in k or k in name for k in found):
            continue
        e = Entity(kind="center", name=name, first=m.start())
        if city:
            e.set("city", _city_of(city), None, 0.8, m.group(0))
        found[name] = e


def _coref_centers(text: str, found: dict[str, Entity]) -> None:
    """A company's center said through the company: ``its``, ``the company's``, ``the firm's``.
    The company is the subject of the clause (``Acme Hong Kong moved its customer
    care centre``), else an organisation's possessive in the sentence (``Dell Xiamen's employees
    … its call center``), else the page's main organisation (:func:`page_org_en`). Nothing is
    named when the page names no organisation, or only a generic one."""
    page_org: str | None | bool = False  # not yet computed
    for sm in _SENT.finditer(text):
        sent = sm.group(0)
        for m in _COREF_CENTER.finditer(sent):
            if any(_org_of(k) and _org_of(k) in sent[: m.start()] for k in found):
                continue  # China Mobile … its largest call center: already that company's
            org = None
            before = _SUBJECT_BEFORE.search(sent[: m.start()])
            if before and _org_words(before.group("org")):
                org = " ".join(_org_words(before.group("org")))
            if org is None:
                owners = [
                    _org_words(p.group("a") or "")
                    for p in _ORG_SAID.finditer(sent[: m.start()])
                    if p.group("a")
                ]
                owners = [w for w in owners if w and not _city_of(w[0])]
                if len(owners) == 1:
                    org = " ".join(owners[0])
            if org is None:
                if page_org is False:
                    page_org = page_org_en(text)
                org = page_org
            if not org or _cities()[0].fullmatch(org):
                continue
            place = m.group("city2") if m.group("city2") and _city_of(m.group("city2")) else None
            if m.group("city2") and not place:
                continue  # its Asia call center, its Kowloon centre: not a city we know
            tail = re.sub(r"\s+", " ", m.group("tail"))
            name = f"{org} {place + ' ' if place else ''}{tail}"
            same = [k for k in found if found[k].kind == "center" and k.endswith(f" {org}")]
            if any(name in k or k in name for k in found):
                continue
            if len(same) == 1:  # the center for telephone sales at <Org>: named as its company's
                e = found.pop(same[0])
                e.aliases.append(e.name)
                e.name = name
            else:
                e = Entity(kind="center", name=name, first=sm.start() + m.start())
            city = _city_of(m.group("city") or "") or _city_of(place or "") or _city_of(org)
            if city:
                e.set("city", city, None, 0.7, sent)
            if m.group("size"):
                e.set("seats", int(m.group("size").replace(",", "")), None, 0.7, sent)
            staff = STAFF.search(sent)
            if staff and (
                not _PLANNED.search(sent[: staff.start()][-40:])
                or _GROW_FROM.search(sent[: staff.start()])
            ):  # the sentence that says "its center" gives its staff
                g = staff.groupdict()
                n = g.get("n") or g.get("n2") or g.get("n3")
                pre = (g.get("pre") or g.get("pre2") or g.get("pre3") or "").lower()
                e.set("staff", int(n.replace(",", "")), _BOUND.get(pre), 0.7, sent)
            found[name] = e


#: a company's service line said in lowercase: ``Towngas's customer service hotline``, ``our
#: 24-hour customer service hotline``, ``a 24-hour customer care hotline`` (of the page's company)
COMPANY_HOTLINE = re.compile(
    rf"(?:(?P<org>{_ORG_RUN})['’]s\s+|\b[Tt]he\s+(?P<org2>{_ORG_RUN})\s+(?=customer)"
    r"|(?P<det>\b(?:[Ii]ts|[Oo]ur|[Tt]he\s+company['’]s|an?)\s+))"
    r"(?:(?:new|own|dedicated)\s+)?(?P<h>24-hour\s+)?"
    r"(?P<tail>customer\s+(?:service|care|enquiry)\s+hotline)\b(?!s)"
)


def _company_hotlines(text: str, found: dict[str, Entity]) -> set[str]:
    """A company's customer service hotline, named ``<Org> customer service hotline`` (returns
    the names: a company's page gives the company's figures, not the line's): the
    company is the possessive before it, else the page's main organisation when the sentence
    says the line is its or ours (``its``, ``our``; ``a 24-hour …`` right after ``our`` or
    ``we``: a page in the company's voice)."""
    page_org: str | None | bool = False
    lines: set[str] = set()
    for sm in _SENT.finditer(text):
        sent = sm.group(0)
        for m in COMPANY_HOTLINE.finditer(sent):
            said_org = m.group("org") or m.group("org2")
            org = " ".join(_org_words(said_org)) if said_org else None
            if m.group("det"):
                det = m.group("det").strip().lower()
                said = text[max(0, sm.start() + m.start() - 160) : sm.start() + m.start()]
                if det in ("a", "an") and not re.search(r"\b(?:[Oo]ur|[Ww]e)\b", said):
                    continue  # a customer service hotline: whose, the sentence does not say
                if page_org is False:
                    page_org = page_org_en(text)
                org = page_org
            if not org or _cities()[0].fullmatch(org):
                continue
            tail = re.sub(r"\s+", " ", m.group("tail"))
            name = f"{org} {tail}"
            if any(name.lower() in k.lower() or k.lower() in name.lower() for k in found):
                continue
            e = Entity(kind="center", name=name, first=sm.start() + m.start())
            if m.group("h"):
                e.set("hours_per_day", 24, None, 0.7, sent)
            found[name] = e
            lines.add(name)
    return lines


TENANTS = re.compile(
    r"\b(?:companies|firms|enterprises|corporations|giants)?,?\s*(?:including|such as)\s+"
    r"(?P<list>(?:[\w-]+-based\s+)?[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3}"
    r"(?:\s*,\s*(?:and\s+)?(?:[\w-]+-based\s+)?[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3}"
    r"|\s+and\s+(?:[\w-]+-based\s+)?[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3}){1,15})"
)


def _tenants(text: str, entities: list[Entity]) -> None:
    """Companies listed as present in the page's one park (``37 Fortune 500 companies
    including IBM, HP, …``; ``set up their branches in Huaqiao, including A, B and C``), in a
    sentence that names the park (or its place) or follows one that does; confidence 0.5."""
    parks = [e for e in entities if e.kind == "park"]
    if len(parks) != 1:
        return
    park = parks[0]
    place = park.name.split()[0]
    previous = ""
    tenants: list[str] = []
    for sm in _SENT.finditer(text):
        sent = sm.group(0)
        near = (
            park.name in sent
            or park.name in previous
            or re.search(rf"\bin\s+{re.escape(place)}\b", sent)
        )
        previous = sent
        if not near or re.search(r"\b(?:to|in|across) China\b|China['’]s|nationwide", sent):
            continue
        m = TENANTS.search(sent)
        if not m or re.search(
            r"\b(?:clients|customers|products|services|industries|sectors|cities|countries|markets)"
            r",?\s*(?:including|such as)\b",
            sent,
        ):
            continue  # clients or markets listed, not companies in the park
        for raw in re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", m.group("list")):
            name = re.sub(r"^[\w-]+-based\s+", "", raw).strip(" .")
            name = re.sub(r"\s+etc$", "", name)
            if name and name not in tenants and not _GENERIC_ORG.match(name):
                tenants.append(name)
        park.evidence.setdefault("tenants", sent.strip())
    if tenants:
        park.values["tenants"] = tenants
        park.confidence["tenants"] = 0.5


_TAIL_EN = re.compile(
    r"\s+((?:call|customer service|customer care|contact)\s+cent(?:er|re)|"
    r"(?:customer service\s+|customer care\s+|service\s+)?hotline)$",
    re.IGNORECASE,
)


def _said_as(name: str, sent: str) -> bool:
    """A center named ``<Org> call center`` said as ``<Org>'s new call center`` or ``the call
    center of <Org>``."""
    m = _TAIL_EN.search(name)
    if not m:
        return False
    org, tail = re.escape(name[: m.start()]), re.escape(m.group(1))
    return bool(re.search(rf"{org}['’]s\s+(?:[a-z-]+\s+){{0,2}}{tail}|{tail}s?\s+of\s+{org}", sent))


def _figures(
    text: str,
    entities: list[Entity],
    aliases: dict[str, list[str]] | None = None,
    named_only: frozenset[str] | set[str] = frozenset(),
) -> None:
    """Seats, staff and founding year of the entity named in the sentence (or the only center,
    unless it is one of ``named_only``)."""
    centers = [e for e in entities if e.kind == "center"]
    for sm in _SENT.finditer(text):
        sent = sm.group(0)
        if re.search(
            r"China['’]s(?!\s+[A-Z]\w+\s+province)|nationwide|industry|whole city|totally|in total",
            sent,
        ):  # China's (market), but not "in China's Jiangsu province" (a place)
            continue
        aliases = aliases or {}
        named = [
            e for e in entities
            if any(a in sent for a in aliases.get(e.name, [e.name])) or _said_as(e.name, sent)
        ]  # fmt: skip
        parks = [e for e in entities if e.kind == "park"]
        if len(named) == 1:
            subject, conf = named[0], 0.8
        elif not named and len(centers) == 1 and centers[0].name not in named_only:
            subject, conf = centers[0], 0.6
        elif not named and not centers and len(parks) == 1 and _PARK_ANAPHOR.search(sent):
            _park_figures(parks[0], sent, 0.6)  # working here, the park's area: the page's park
            continue
        else:
            continue
        if subject.kind != "center":
            m = FOUNDED.search(sent)
            if m and len(named) == 1:
                subject.set("founded_year", _year_of(m), None, conf, sent)
            if len(named) == 1:
                _park_figures(subject, sent, conf)
            continue
        own_numbers = set(_NUMBER.findall(subject.name))
        for rx, fld in ((SEATS, "seats"), (STAFF, "staff")):
            m = next(  # "1823 staff answer calls": the line's number is no count
                (
                    x
                    for x in rx.finditer(sent)
                    if not own_numbers & set(_NUMBER.findall(x.group(0)))
                ),
                None,
            )
            if not m:
                continue
            if (
                fld == "staff"
                and _PLANNED.search(sent[: m.start()][-40:])
                and not _GROW_FROM.search(sent[: m.start()])
            ):
                continue  # plans to employ 7,500 staff: a plan, not the center's staff
            g = m.groupdict()
            n = g.get("n") or g.get("n2") or g.get("n3")
            pre = g.get("pre") or g.get("pre2") or g.get("pre3") or ""
            subject.set(fld, int(n.replace(",", "")), _BOUND.get(pre.lower()), conf, sent)
        opening = OPEN_RANGE_EN.search(sent)
        span = _span_en(opening) if opening else None
        if span:
            subject.set("hours_per_day", span, None, conf, sent)
            days = (opening.group("days") or "").lower()
            if days:
                subject.set(
                    "days_per_week",
                    5 if "weekdays" in days or "friday" in days else 7,
                    None,
                    conf,
                    sent,
                )
        elif HOURS.search(sent) and not (
            re.search(r"\beventually\b|\bwill\b[^.]{0,30}24 hours", sent)
            and not re.search(r"\bas usual\b|\bwill (?:continue|remain)\b", sent)
        ):  # will operate 24 hours a day as usual: what the line already does
            subject.set("hours_per_day", 24, None, conf, sent)
            if re.search(r"24/7|24\s*[x×]\s*7|seven days|7 days|365[ -]days?|year[ -]round", sent):
                subject.set("days_per_week", 7, None, conf, sent)
        elif EVERY_DAY_EN.search(sent):
            subject.set("days_per_week", 7, None, conf, sent)  # operators seven days a week
        for rx, fld in ((ANSWER_RATE_EN, "answer_rate"), (CSAT_EN, "csat"), (FCR_EN, "fcr_rate")):
            m = rx.search(sent)
            if m and not _WHOLE_MARKET.search(sent):
                g = m.groupdict()
                share = float(g.get("n") or g.get("n2")) / 100
                pre = (g.get("pre") or g.get("pre2") or "").lower()
                if 0 < share <= 1:
                    subject.set(fld, round(share, 4), _BOUND.get(pre), conf, sent)
        m = CALLS.search(sent)
        if m and _PER_AGENT.search(sent):
            m = None  # each operator answers 40 to 100 calls per day: one agent's load
        if m and (m.group("pre") or "").lower() != "up to ":  # up to: a peak, not a day's calls
            pre = (m.group("pre") or "").lower()
            subject.set(
                "daily_inbound_calls",
                int(m.group("n").replace(",", "")),
                "min" if m.group("plus") else _BOUND.get(pre),
                conf,
                sent,
            )
        m = FOUNDED.search(sent)
        if m and (named or not _OTHER_SUBJECT.match(sent.strip())):
            subject.set("founded_year", _year_of(m), None, conf, sent)


#: a figure that is to grow: ``plans to increase its 500 sales staff to 1,000`` (500 is now)
_GROW_FROM = re.compile(
    r"\b(?:increase|increasing|expand|expanding|raise|raising|grow|growing|boost|boosting|double|"
    r"doubling|triple|tripling)\s+"
    r"(?:its|their|the|his|her|our)\s+$"
)


#: one agent's daily calls, not the center's
_PER_AGENT = re.compile(
    r"\b(?:each|every|per|an?|one)\s+(?:operator|agent|staff(?:er)?|employee|worker|representative)\b"
    r"|\b\d+\s+(?:to|and)\s+\d[\d,]*\s+calls\b",
    re.I,
)


def _span_en(m: re.Match[str]) -> int | None:
    """Hours between ``from 8 am to 8 pm`` (whole hours, 6 to 23), else ``None``."""

    def hour(h: str, mins: str | None, ap: str | None) -> float:
        value = int(h) % 12 if ap else int(h)
        if ap and ap.lower().startswith("p"):
            value += 12
        return value + int(mins or 0) / 60

    if not (m.group("ap") or m.group("bp") or m.group("am")):
        return None  # from 2008 to 2012: years, not hours
    span = hour(m.group("b"), m.group("bm"), m.group("bp") or m.group("ap")) - hour(
        m.group("a"), m.group("am"), m.group("ap")
    )
    return int(span) if 6 <= span <= 23 and span == int(span) else None


#: a sentence that opens with another organisation's name (``Neusoft Europe was established in
#: 2009``) dates that organisation, not the page's one center
_OTHER_SUBJECT = re.compile(
    r"(?!(?:The|It|Its|In|Since|Launched|Set|Opened)\b)[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*)*\s+(?:was|were|is|has|had)\b"
)


#: a company whose name starts with China (China Mobile, China Merchants Bank): China stays
_STATE_FIRM = re.compile(r"China\s+(?!Call\b|Customer\b|Contact\b|Service\b)[A-Z][a-z]+\b")


#: prepositions and verbs of a Title Case headline: a center's name starts after them
_HEADLINE_WORD = re.compile(
    r"With|During|At|From|To|For|On|After|Before|Into|Visits?|Holds?|Opens?|Launches|Tours?|"
    r"Says|Celebrates|Inaugurates|Unveils|Wins|Receives|Expands"
)
#: words that describe a center without naming it: ``National Call Center`` (in an award's
#: title), ``Customer Contact Center``, ``China International Contact Center`` (a hotline's
#: words stay: ``Customer Service Hotline`` is how company pages name their line)
_GENERIC_CENTER_WORD = re.compile(
    r"National|Annual|International|China|Chinese|Global|Regional|Customer|Customers|Contact|"
    r"Call|Service|Services|Care|Support|Cent(?:er|re)s?|Telephone|Sales|Corporate"
)
#: a job named after a center (``Call Centre Manager``, ``Hotline Supervisors``): no center
_JOB_AFTER = re.compile(
    r"\s+(?:Manager|Supervisor|Director|Agent|Officer|Representative|Operator|Team\s+Leader|Head|"
    r"Executive|Coordinator|Assistant|Clerk)s?\b"
)
#: a word that ends what comes before a name: a sentence's last word (not an abbreviation), a
#: web address, a caption's word
_NOT_IN_NAME = re.compile(
    r"^(?!(?:Co|Inc|Ltd|Corp|St|Mr|Mrs|Ms|Dr|Jr|U\.S|U\.K)\.$)[\w’'-]+\.$"
    r"|\.(?:com|cn|net|org)$|^(?:Photo|Photos|Image|Picture|File|Source|Caption)$"
)
_GENERIC_ORG = re.compile(
    r"^(?:The|A|An|Its|This|Our|New|Largest|China|Chinese|China's|China’s|In|Of|Now|Japanese|Korean|"
    r"American|Indian|Its|Their|First|Second|Every|Each|Into)$"
)


@lru_cache(maxsize=1)
def _cities() -> tuple[re.Pattern[str], dict[str, str]]:
    lookup: dict[str, str] = {}
    with open(CITIES_DIR / "cities.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if row["level"] == "province_taiwan":
                continue  # Taiwan is a province: its cities and counties come next
            for text in (row["city_name_en_short"], row.get("name_en_geonames") or ""):
                if text and len(text) > 3:
                    lookup.setdefault(text, row["city_name_en_short"])
                    lookup.setdefault(re.sub(r"['’]", "", text), row["city_name_en_short"])
    for text, (name_en, _) in taiwan_english_names().items():  # Taipei, Hsinchu County
        lookup[text] = name_en
    lookup.setdefault("Huaian", "Huai'an")
    lookup.setdefault("Hong Kong", "HongKong")
    pattern = re.compile(
        r"\b(" + "|".join(sorted(map(re.escape, lookup), key=len, reverse=True)) + r")\b"
    )
    return pattern, lookup


def page_city_en(text: str) -> str | None:
    pattern, lookup = _cities()
    counts = Counter(lookup[m.group(1)] for m in pattern.finditer(re.sub(r"['’]", "", text)))
    return counts.most_common(1)[0][0] if counts else None


def _city_at_start(text: str) -> str | None:
    """The city that starts ``text`` (``Guiyang Science Park`` -> Guiyang), or None."""
    pattern, lookup = _cities()
    m = pattern.match(re.sub(r"['’]", "", text))
    return lookup[m.group(1)] if m else None


def _city_of(name: str) -> str | None:
    pattern, lookup = _cities()
    m = pattern.search(re.sub(r"['’]", "", name))
    return lookup[m.group(1)] if m else None


#: the English word of an industry a name writes (what English pages and labels say)
INDUSTRY_WORD = {
    "银行": "bank",
    "保险": "insurance",
    "航空": "airline",
    "机场": "airport",
    "电信": "telecom",
}

_NUMBER = re.compile(r"(?<!\d)\d{4,6}(?!\d)")


#: a center described, not named: by its language (``Chinese call centre``, ``Chinese-language
#: call centre``) or only by superlatives (``World's Largest Call Centre``)
_DESCRIBED = re.compile(
    r"\b(?:Chinese|English|Japanese|Korean|Mandarin|Cantonese|[A-Za-z]+-?language)\s+"
    r"(?:call|contact|customer\s+service)\s+cent(?:er|re)$"
    r"|^(?:(?:The|World['’]s|China['’]s|Asia['’]s|Largest|Biggest|New|First|Giant|Huge)\s+)+"
    r"(?:call|contact|customer\s+service)\s+cent(?:er|re)$",
    re.I,
)


def _merge_hotlines(found: dict[str, Entity], text: str = "") -> dict[str, list[str]]:
    """Centers named with the same hotline number and no two different cities are one
    (``Beijing 12345 Citizen's Hotline Service Center`` and ``the 12345 hotline``), named by the
    form with a city, then the longest; a name followed by its number in brackets
    (``Sample Public Service Hotline (960169)``) carries that number. Returns each kept name's
    forms."""
    aliases: dict[str, list[str]] = {}
    by_number: dict[str, list[str]] = {}
    bracketed = {}
    for name in found:
        if not _NUMBER.search(name):
            m = re.search(re.escape(name) + r"\s*\((\d{4,6})\)", text)
            if m:
                bracketed[name] = m.group(1)
    for name, e in found.items():
        numbers = set(_NUMBER.findall(name)) or ({bracketed[name]} if name in bracketed else set())
        if e.kind == "center" and len(numbers) == 1:
            by_number.setdefault(numbers.pop(), []).append(name)
    for names in by_number.values():
        cities = {_city_of(n) for n in names} - {None}
        if len(names) < 2 or len(cities) > 1:
            continue
        keep = max(names, key=lambda n: (n in bracketed, _city_of(n) is not None, len(n)))
        aliases[keep] = names
        for n in names:
            if n != keep:
                e = found.pop(n)
                for k, v in e.values.items():
                    found[keep].values.setdefault(k, v)
    return aliases


_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
#: an opening the news tells by the day (``was officially launched on Friday``, ``were launched
#: on Jan. 30``, ``opened yesterday``) or by ``last year``: the year is the page's
OPENED_EN = re.compile(
    r"\b(?:was|were|is|are|has\s+been|have\s+been)\s+(?:officially\s+|formally\s+)?"
    r"(?:launched|opened|set\s+up|inaugurated|unveiled|put\s+into\s+(?:operation|service))"
    r"(?:\s+[\w,-]+){0,8}?\s+(?:on\s+(?P<wd>"
    + _WEEKDAY
    + r")|on\s+(?P<mon>"
    + MONTH_EN
    + r")\s*(?P<d>\d{1,2})\b|(?P<rel>yesterday|today|this\s+week))"
    r"|\b[Ss]ince\s+its\s+(?:launch|opening)\s+in\s+(?P<mon2>"
    + MONTH_EN
    + r")\s+(?P<last>last)\s+year"
)


def _opened_in_the_news(text: str, entities: list[Entity], aliases: dict[str, list[str]]) -> None:
    """The founding year of a center whose opening a dated page tells without a year (the
    named center, else the page's only one); confidence 0.6."""
    date = page_date(text)
    centers = [e for e in entities if e.kind == "center"]
    if date is None or not centers:
        return
    for sm in _SENT.finditer(text):
        sent = sm.group(0)
        m = OPENED_EN.search(sent)
        if not m or re.search(r"\b(?:19|20)\d\d\b", sent):
            continue
        said = [e for e in centers if any(a in sent for a in aliases.get(e.name, [e.name]))]
        before = [e for e in said
                  if any(a in sent[: m.start()] for a in aliases.get(e.name, [e.name]))]  # fmt: skip
        if said and not before:
            continue  # launched at the Dongpu Call Center: the center is where, not what opened
        subject = before[0] if len(before) == 1 else centers[0] if len(centers) == 1 else None
        if subject is None or "founded_year" in subject.values:
            continue
        month = month_number(m.group("mon") or m.group("mon2"))
        year = date.year - 1 if m.group("last") else year_of(date, month)
        subject.set("founded_year", year, None, 0.6, sent)


def read_english(text: str) -> list[Entity]:
    """Entities of an English page."""
    found: dict[str, Entity] = {}
    cities = _cities()[1]
    for m in QUOTED.finditer(text):
        name = re.sub(r"\s+", " ", m.group("name")).strip()
        if any(name in k or k in name for k in found) or _AWARD.search(name):
            continue
        if name.split()[0] in ("National", "China", "Chinese") and " of " not in name:
            continue
        kind = "center" if re.search(r"Cent(?:er|re)$", name) else "park"
        found[name] = Entity(kind=kind, name=name, first=m.start())
    for rx in (PARK, PARK_LOWER):
        for m in rx.finditer(text):
            name = re.sub(r"\s+", " ", m.group("name")).strip()
            name = re.split(r"\s+and\s+the\s+|\s+(?:Group|Co\.|Ltd\.?|Inc\.?)\s+and\s+", name)[-1]
            first = name.split()[0]
            if rx is PARK_LOWER and first not in cities and not first.isupper():
                continue
            if first in ("National", "China", "Chinese") and rx is PARK and " of " not in name:
                continue
            if first == "The" and " of " not in name:
                name = name[4:]
            if not _PARK_WORDS.search(name) or len(name.split()) < 3 and rx is PARK_LOWER:
                continue
            if any(name in k or k in name for k in found):
                continue
            found[name] = Entity(kind="park", name=name, first=m.start())
    for m in CENTER_CAP.finditer(text):
        name = re.sub(r"\s+", " ", m.group("name")).strip()
        words = name.split()
        while words and _GENERIC_ORG.match(words[0]) and not _STATE_FIRM.match(" ".join(words)):
            words = words[1:]
        cuts = [i for i, w in enumerate(words) if _HEADLINE_WORD.fullmatch(w)]
        if cuts:  # a Title Case headline: … Holds Talks With Staff During Kunshan Operations Center
            words = words[cuts[-1] + 1 :]
        numbers = [i for i, w in enumerate(words) if w.isdigit()]
        if numbers:  # ABOUT 1823 ABOUT 1823 1823 Call Centre: from the last number (and its city)
            at = numbers[-1]
            at -= 1 if at and _cities()[0].fullmatch(re.sub(r"['’]s$", "", words[at - 1])) else 0
            words = words[at:]
        name = " ".join(words).split(". ")[-1]
        if _JOB_AFTER.match(text, m.end()):
            continue  # the Assistant Call Centre Manager: a job's title, not a center
        if (
            len(name.split()) < 3
            or any(name in k or k in name for k in found)
            or _AWARD.search(name)
            or all(_GENERIC_CENTER_WORD.fullmatch(w) for w in name.split())
        ):
            continue
        found[name] = Entity(kind="center", name=name, first=m.start())
    for m in CENTER.finditer(text):
        org = m.group("org").strip()
        words = [w for w in org.split()]
        ends = [i for i, w in enumerate(words[:-1]) if _NOT_IN_NAME.search(w)]
        if ends:  # Caixin. Ctrip call center, Scotsman.com Photo Ctrip…: a caption before it
            words = words[ends[-1] + 1 :]
        while words and _GENERIC_ORG.match(words[0]) and not _STATE_FIRM.match(" ".join(words)):
            words = words[1:]  # The…, but China Mobile stays
        if not words:
            continue
        words[-1] = re.sub(r"['’]s$", "", words[-1])
        if _cities()[0].fullmatch(" ".join(words)):
            continue  # the Luoyang call center: a center described by its city, not named
        name = f"{' '.join(words)} {m.group('tail')}"
        if any(name in k or k in name for k in found) or _JOB_AFTER.match(text, m.end()):
            continue
        found[name] = Entity(kind="center", name=name, first=m.start())
    for m in CITY_CENTRE.finditer(text):  # Genpact's Dalian centre: a company's center in a city
        words = m.group("org").split()
        while words and _GENERIC_ORG.match(words[0]):
            words = words[1:]
        if not words or not _city_of(m.group("city")) or _cities()[0].fullmatch(" ".join(words)):
            continue
        name = f"{' '.join(words)} {m.group('city')} {m.group('tail')}"
        if not any(name in k or k in name for k in found):
            found[name] = Entity(kind="center", name=name, first=m.start())
    for m in CENTER_OF.finditer(text):
        words = re.split(r"[.,;:]\s", m.group("org") + " ")[0].rstrip(".").split()
        while words and _GENERIC_ORG.match(words[0]) and not _STATE_FIRM.match(" ".join(words)):
            words = words[1:]
        if not words or _cities()[0].fullmatch(" ".join(words)):
            continue
        tail = (
            text[m.start("tail") : m.end("tail")]
            + " "
            + ("centre" if "centre" in m.group(0) else "center")
        )
        name = f"{' '.join(words)} {tail}"
        if not any(name in k or k in name for k in found):
            found[name] = Entity(kind="center", name=name, first=m.start())
    for m in APPOSED.finditer(text):
        words = m.group("org").split()
        while words and _GENERIC_ORG.match(words[0]) and not _STATE_FIRM.match(" ".join(words)):
            words = words[1:]
        name = " ".join(words)
        known = any(name in k or k in name for k in found)
        if len(words) >= 2 and not _cities()[0].fullmatch(name) and not known:
            found[name] = Entity(kind="center", name=name, first=m.start())
    for m in HOTLINE.finditer(text):
        name = re.sub(r"^the\s+", "", m.group("name"), flags=re.I)
        name = re.sub(r"(?<=\d)(?=[A-Za-z])", " ", name)  # 1823Call Centre
        if not any(name in k or k in name for k in found):
            found[name] = Entity(kind="center", name=name, first=m.start())
    for m in HOTLINE_NUMBER_AFTER.finditer(text):
        place = m.group("place")
        if place == "city":  # the city's new government service hotline, 12345
            name = f"{m.group('num')} {m.group('desc')}hotline"
        else:
            name = f"{place} {m.group('desc')}hotline {m.group('num')}"
        if not any(m.group("num") in k for k in found):
            found[name] = Entity(kind="center", name=name, first=m.start())
    for m in HOTLINE_STARTED.finditer(text):
        name = f"{m.group('place')} {m.group('num')} hotline"
        if _city_of(m.group("place")) and name not in found:
            e = Entity(kind="center", name=name, first=m.start())
            e.set("founded_year", int(m.group("y")), None, 0.8, m.group(0))
            found[name] = e
    for m in HOTLINE_APPOSED.finditer(text):
        desc = " ".join(w for w in m.group("desc").split() if "-" not in w and not w[0].isdigit())
        name = f"{m.group('place')} {m.group('num')} {desc + ' ' if desc else ''}hotline"
        if not any(m.group("num") in k for k in found):
            found[name] = Entity(kind="center", name=name, first=m.start())
    _number_hotlines(text, found)
    _set_up_centers(text, found)
    _company_centers(text, found)
    _centers_for(text, found)
    _coref_centers(text, found)
    lines = _company_hotlines(text, found)
    city = page_city_en(text) or _city_of(line_place(text, "en") or "")
    for name in list(found):
        if found[name].kind == "center" and _DESCRIBED.search(name):
            del found[name]  # World's Largest Call Centre, a Chinese call centre: descriptions
    aliases = _merge_hotlines(found, text)
    _figures(text, list(found.values()), aliases, lines)
    _opened_in_the_news(text, list(found.values()), aliases)
    for name, e in list(found.items()):
        said = sum(text.count(a) for a in aliases.get(name, [name]))
        if HOTLINE.fullmatch(name) and said < 2 and len(e.values) == 0:
            del found[name]  # a hotline number said once in passing (dial 10086)
    _tenants(text, list(found.values()))
    for e in found.values():
        e.mentions = sum(text.count(a) for a in aliases.get(e.name, [e.name]))
        e.confidence["name"] = 0.7
        own = _city_of(zone_city(e.name, "en", _city_at_start) or "") or _city_of(e.name)
        if own or city:
            e.set("city", own or city, None, 0.8 if own else 0.7, "")
        word = INDUSTRY_WORD.get(industry_written_in(e.name) or "") if e.kind == "center" else None
        if word:
            e.set("industry", word, None, INDUSTRY_CONFIDENCE, e.name)
    return list(found.values())
