"""Facts in park and industry news: park, place, area, phased seat targets, jobs, tenants, rules.

Free text is hard, so nothing here is published directly: each :class:`Fact` carries its
evidence sentence and a confidence, and goes to the review queue. Rules read a number with its
unit next to a keyword, inside one sentence; the confidence is fixed by how specific the rule is:

* 0.9 - park figures: a number, its unit and the keyword bound to it (``规划占地3平方公里``,
  ``起步区占地约0.29平方公里``, ``总建筑面积45万平方米``, ``总投资约15亿元``, ``距县城3公里``);
* 0.8 - a phased target: at most one year, one phase, one seat and one job figure in a part of a
  clause (``到2015年,基地规模将达4万座席``, ``一期建设5000座席，2012年投入使用``); a tax-rebate
  tier (one rate with its period, basis and thresholds); a seat subsidy with its amount;
* 0.7 - the park's place (``位于示例市高新区``, ``落户扬州``, ``江苏信息服务产业基地（扬州）``);
  a training subsidy with its amount;
* 0.6 - a tenant: a company and the seat figure that follows it (which company the seats
  belong to is read by proximity; several per sentence: ``A公司500座席、B公司300座席``,
  ``A公司、B公司分别建设500个和300个座席``); a rent rule with its period;
* 0.5 - a tenant with several seat figures (the first is kept), a rule without figures (rent
  reduction, certification subsidy).

Rules run on Simplified text (OpenCC), but names and places keep the page's script. A park
fact needs the park's name: the most frequent ``...产业基地/产业园/服务外包基地...`` name of the
article. Without one, no fact is produced. Numbers stay raw (``4万``, ``1200亩``); units and
bounds are read by :func:`data.ingest.records.check_record` when the fact is accepted.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from data.normalise.values import to_simplified
from scrapers.extract.articles_en import find_facts_en, is_english
from scrapers.extract.encoding import decode_page
from scrapers.extract.facts import Fact
from scrapers.extract.layouts import text_lines

_CJK = "\u4e00-\u9fff"
_NUM = r"\d+(?:\.\d+)?"
_CN_N = "一二两三四五六七八九十"
_PARK_TAIL = re.compile(
    r"(?:呼叫中心产业基地|呼叫中心产业园区|呼叫中心产业园|呼叫中心产业集聚区|呼叫产业基地|"
    r"呼叫中心基地|呼叫中心园区|客服产业园|服务外包产业园区|服务外包产业园|服务外包基地|"
    r"服务外包园区|服务外包示范园区|服务外包示范区|服务外包产业基地|客服产业基地|客服基地|信息服务产业基地|外包产业园|软件园)(?!有限|股份|公司)"
)
_ORG_TAIL = re.compile(
    r"(?:股份有限公司|有限责任公司|有限公司|集团公司|公司|集团|客户服务中心|客服中心)(?![)）])"
)
# words after which a name starts (verbs, prepositions, "among them"...)
_STOP = re.compile(
    r"(?:其中|目前|包括|以及|了解到|表示|已有|分别|建设|启动|揭牌|入驻|进驻|落户|位于|坐落|签约|"
    r"签订|吸引|引进|引入|打造|建成|建立|成立|加快|推进|首个|首家|首批|这家|一家|据介绍|据悉|"
    r"据了解|据统计|[与和及同由是在于将为对向从把被了到的等个家该其])"
)
_GENERIC = re.compile(
    r"^(?:全资子|控股子|子|分|总|外包|企业|一些|多家|几家|各家|大型|这些)$|[子分总]$"
)
_SENTENCE = re.compile(r"[^。！？!?\n]+[。！？!?]?")
_PIECE = re.compile(r"[^，,；;]+")
_LABEL = r"(?:为|达|达到)?[:：]?\s*"  # 规划面积为 / 规划面积：
_YEAR = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)\s*年(?!\d*月)")
_PHASE = re.compile(rf"(?P<p>(?:第?[{_CN_N}]|首)期)")
_SEATS = re.compile(
    rf"(?P<v>{_NUM}\s*万?)\s*个?(?:呼叫中心|呼叫)?(?:座席|坐席|席位)(?!员|数)"
    rf"|(?:座席|坐席)(?:总数|数量|规模|数)?(?:将)?(?:达到|达|为|约|超过|突破)?\s*(?P<w>{_NUM}\s*万?)\s*个"
)
_JOBS = re.compile(
    rf"(?:就业(?:机会|岗位)|吸纳就业|解决就业|带动就业)\s*(?:约|达|超过)?\s*(?P<v>{_NUM}\s*万?)\s*(?:个|人)?"
    rf"|提供\s*(?P<w>{_NUM}\s*万?)\s*个?就业(?:机会|岗位)"
)
_TENANT_SEATS = re.compile(
    rf"(?P<v>{_NUM}(?:\s*(?:到|至|-|~)\s*{_NUM})?\s*万?)\s*个?(?:呼叫中心|呼叫)?(?:座席|坐席|席位)(?!员)"
    rf"|(?:座席|坐席)(?P<w>{_NUM}\s*万?)\s*个"
)
_PARK_WORD = re.compile(rf"{_PARK_TAIL.pattern}|基地|园区|产业园|示范区")
_SCOPE = re.compile(r"全国|全省|全市|全球|全行业|国内|我国|中国")  # figures of a whole market
_AS_PLACE = re.compile(r"(?:在|于|入驻|进驻|落户)$")
_TAX = re.compile(
    r"(?:增值税|营业税|企业所得税|所得税)(?:[、和及](?:增值税|营业税|企业所得税|所得税))*"
)
_MONEY = rf"{_NUM}\s*[万亿]?元"
_AREA_UNIT = r"(?:平方公里|平方千米|km2|亩|公顷|万平方米)"

AREA_RULES = (
    (
        "start_area_km2",
        re.compile(rf"起步区(?:占地|用地)?(?:面积)?(?:为)?\s*(?P<v>约?{_NUM}\s*{_AREA_UNIT})"),
    ),
    (
        "area_km2",
        re.compile(
            r"(?:规划(?:占地|用地)?面积|规划占地|规划用地|占地面积|总占地|总面积|占地)"
            rf"{_LABEL}(?P<v>约?{_NUM}\s*{_AREA_UNIT})"
        ),
    ),
    (
        "building_area_m2",
        re.compile(
            rf"(?:总建筑面积|建筑面积|建设规模|建筑规模|载体面积){_LABEL}(?P<v>约?{_NUM}\s*万?平方米)"
        ),
    ),
    (
        "investment_cny",
        re.compile(
            rf"(?:计划总投资|总投资|计划投资|规划投资|累计投资|投资总额|总投入){_LABEL}(?P<v>约?{_MONEY})"
        ),
    ),
)
DISTANCE_RULES = (
    (
        "distance_to_airport_km",
        re.compile(
            rf"距(?:离)?[{_CJK}]{{0,8}}机场(?:仅|只有|约为|为|[:：])?\s*(?P<v>约?{_NUM}\s*(?:公里|千米|km))"
        ),
    ),
    (
        "distance_to_expressway_km",
        re.compile(
            rf"距(?:离)?[{_CJK}]{{0,8}}(?:高速|高速路|高速公路)[{_CJK}]{{0,4}}?(?:仅|只有|约为|为|[:：])?\s*(?P<v>约?{_NUM}\s*(?:公里|千米|km))"
        ),
    ),
    (
        "distance_to_city_km",
        re.compile(
            rf"距(?:离)?[{_CJK}]{{0,8}}(?:县城|市区|城区|市中心)(?:中心)?(?:仅|只有|约为|为|[:：])?\s*(?P<v>约?{_NUM}\s*(?:公里|千米|km))"
        ),
    ),
)
_PLACE = (
    rf"(?P<province>[{_CJK}]{{2,7}}?省)?(?P<city>[{_CJK}]{{2,7}}?市)?"
    rf"(?P<district>[{_CJK}]{{1,6}}?(?:区|县))?"
)
_BARE_CITY = re.compile(rf"(?P<city>[{_CJK}]{{2,3}})(?=[，。,；;、)）\s]|$)")
_PLACE_VERB = re.compile(r"(?:位于|坐落于|坐落在|地处|落户于|落户|选址于|选址在)")
_PLACE_LABEL = re.compile(r"^(?:所在地|所在区域|园区位置|地理位置)[:：]\s*")  # a profile row
_PLACE_EVENT = re.compile(r"在" + _PLACE + r"(?=揭牌|启动|开工|成立|奠基|落成|开园)")


@dataclass
class ArticleFacts:
    """Facts of one article, and its title."""

    title: str = ""
    park: str | None = None
    facts: list[Fact] = field(default_factory=list)


@dataclass
class _Sentence:
    """A sentence as written and in Simplified; spans of the Simplified text map back when the
    conversion kept the length (OpenCC ``t2s`` nearly always does)."""

    orig: str
    simp: str

    def raw(self, start: int, end: int) -> str:
        if len(self.orig) == len(self.simp):
            return self.orig[start:end]
        return self.simp[start:end]


def _trim_name(head: str) -> str:
    """The part of ``head`` after the last stop word, without leading brackets."""
    last = 0
    for m in _STOP.finditer(head):
        last = m.end()
    return head[last:].lstrip("（(）)")


def _park_spans(simp: str) -> list[tuple[int, int]]:
    spans = []
    for m in _PARK_TAIL.finditer(simp):
        head = re.search(rf"[{_CJK}]{{0,14}}$", simp[: m.start()]).group()
        head = _trim_name(head)
        if len(head) >= 2:
            spans.append((m.start() - len(head), m.end()))
    return spans


def main_park(text: str) -> str | None:
    """Most frequent park name in the text, as written (ties: first seen).

    >>> main_park("江北示范服务外包产业园在示范市揭牌。入驻江北示范服务外包产业园的企业…")
    '江北示范服务外包产业园'
    """
    s = _Sentence(text, to_simplified(text))
    names: Counter[str] = Counter()
    written: dict[str, str] = {}
    for a, b in _park_spans(s.simp):
        names[s.simp[a:b]] += 1
        written.setdefault(s.simp[a:b], s.raw(a, b))
    if not names:
        return None
    best = max(names.values())
    return written[next(n for n, c in names.items() if c == best)]


class _Companies:
    """Companies named so far in the article, with the short names the text later uses
    (``北京京北方科技股份有限公司`` -> ``京北方``, ``中融信息服务有限公司`` -> ``中融``)."""

    _INDUSTRY = re.compile(
        r"(?:科技发展|信息技术|信息服务|电视购物|科技|信息|服务|发展|网络|通信|通讯|技术|电子|"
        r"数据|咨询|外包|客服|呼叫|资讯|国际|实业|控股)+$"
    )

    def __init__(self) -> None:
        self.full: dict[str, str] = {}  # simplified full name -> as written
        self.alias: dict[str, str] = {}  # simplified short name -> simplified full name

    def _shorts(self, name: str) -> list[str]:
        core = re.sub(r"[（(][^）)]*[）)]", "", _ORG_TAIL.sub("", name))
        core = self._INDUSTRY.sub("", core) or core
        out = [core] if len(core) >= 2 else []
        if len(core) >= 5:
            out.append(core[2:])
        return out

    def read(self, s: _Sentence, parks: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
        """Company mentions of a sentence: (start, end, full simplified name)."""
        found: list[tuple[int, int, str]] = []
        for m in _ORG_TAIL.finditer(s.simp):
            head = re.search(rf"[{_CJK}A-Za-z0-9（）()]{{0,20}}$", s.simp[: m.start()]).group()
            head = _trim_name(head)
            name = head + m.group()
            if len(head) < 2 or _GENERIC.search(head) or re.search("政府|开发区|管委会", head):
                continue
            start = m.start() - len(head)
            if any(a <= start < b for a, b in parks):
                continue
            full = self.alias.get(head) if m.group() in ("公司", "集团") else None
            if full is None:
                full = name
                self.full.setdefault(name, s.raw(start, m.end()))
                for short in self._shorts(name):
                    self.alias.setdefault(short, name)
            found.append((start, m.end(), full))
        taken = [(a, b) for a, b, _ in found] + parks
        for short, full in self.alias.items():
            for m in re.finditer(re.escape(short), s.simp):
                a, b = m.span()
                if any(x < b and a < y for x, y in taken) or s.simp[b : b + 1] in "市省县区":
                    continue
                found.append((a, b, full))
                taken.append((a, b))
        return sorted(found)


def find_facts(text: str) -> ArticleFacts:
    """Facts about the article's main park.

    Examples
    --------
    >>> a = find_facts("北京呼叫中心产业基地规划占地3平方公里。到2015年,北京呼叫中心产业基地规模将达4万座席。")
    >>> [(f.table, f.values) for f in a.facts]  # doctest: +NORMALIZE_WHITESPACE
    [('parks', {'name': '北京呼叫中心产业基地', 'area_km2': '3平方公里'}),
     ('park_targets', {'park': '北京呼叫中心产业基地', 'year': '2015', 'seats': '4万'})]
    """
    if is_english(text):  # a press release for foreign investors: English rules
        english = find_facts_en(text)
        return ArticleFacts(park=english[0].values.get("name") if english else None, facts=english)
    out = ArticleFacts(park=main_park(text))
    park = out.park
    if park is None:
        return out
    companies = _Companies()
    n = 0
    written = _park_names(text)
    for line in text.splitlines():
        current = park  # a paragraph starts with the main park
        simp_line = to_simplified(line)
        aligned = len(simp_line) == len(line)
        for sm in _SENTENCE.finditer(simp_line):
            a, b = sm.span()
            orig = line[a:b] if aligned else sm.group()
            strip = len(orig) - len(orig.lstrip())
            s = _Sentence(orig.strip(), sm.group()[strip:].strip())
            if not s.simp:
                continue
            n += 1
            loc = f"sentence {n}"
            parks = _park_spans(s.simp)
            named = {s.simp[a:b] for a, b in parks}
            if len(named) == 1:  # a sentence naming one park is about it, and so are the next
                current = written.get(named.pop(), current)
            mentions = companies.read(s, parks)
            out.facts.extend(_park_figures(current, s, mentions, loc))
            out.facts.extend(_place(current, s, loc))
            out.facts.extend(_targets(current, s, mentions, loc))
            out.facts.extend(_tenants(current, s, mentions, parks, companies, loc))
            out.facts.extend(_incentives(current, s, loc))
    # seats a tenant adds (再扩建1000个座席) are its figure only when the page gives no other
    counted = {
        (f.values["park"], f.values["company"]) for f in out.facts if f.rule == "tenant_seats"
    }
    out.facts = [
        f
        for f in out.facts
        if f.rule != "tenant_added_seats" or (f.values["park"], f.values["company"]) not in counted
    ]
    return out


def _park_names(text: str) -> dict[str, str]:
    """Park names of the text, Simplified -> as first written."""
    written: dict[str, str] = {}
    for line in text.splitlines():
        s = _Sentence(line, to_simplified(line))
        for a, b in _park_spans(s.simp):
            written.setdefault(s.simp[a:b], s.raw(a, b))
    return written


def _pieces(simp: str) -> list[tuple[int, int]]:
    return [m.span() for m in _PIECE.finditer(simp)]


def _park_figures(park: str, s: _Sentence, mentions: list, loc: str) -> list[Fact]:
    values: dict[str, str] = {}
    for a, b in _pieces(s.simp):
        if any(a <= m[0] < b for m in mentions):
            continue
        piece = s.simp[a:b]
        start = AREA_RULES[0][1].search(piece)
        for fld, rx in (*AREA_RULES, *DISTANCE_RULES):
            text = piece
            if fld == "area_km2" and start:  # 起步区占地 is the start area, not the park's
                text = piece[: start.start()] + " " * len(start.group()) + piece[start.end() :]
            if fld == "investment_cny" and mentions and not _PARK_WORD.search(piece):
                subject = s.simp[: mentions[0][0]]
                if not _PARK_WORD.search(subject):  # the park is not the sentence's subject
                    continue
            m = rx.search(text)
            if m and fld not in values:
                values[fld] = m.group("v").replace(" ", "")
    for fld in ("investment_cny", "building_area_m2"):
        if fld in values and _phase_owned(s, values[fld]):
            del values[fld]
    founded = _FOUNDED_LABEL.search(s.simp) or _FOUNDED.search(s.simp)
    if founded and (
        founded.re is _FOUNDED_LABEL
        or _PARK_WORD.search(re.split(r"[，,；;]", s.simp[: founded.start()])[-1])
    ):
        values["founded_year"] = founded.group("y")
    operator = _OPERATOR.match(s.simp)
    if operator and _ORG_TAIL.search(operator.group("v")):
        values["operator"] = s.raw(*operator.span("v"))
    if not values:
        return []
    return [Fact("parks", {"name": park, **values}, s.orig, 0.9, "park_figures", loc)]


_FOUNDED_LABEL = re.compile(
    r"^(?:设立时间|成立时间|建园时间|开园时间|始建时间|批准时间)[:：]\s*(?P<y>(?:19|20)\d\d)\s*年"
)
_FOUNDED = re.compile(
    r"(?:于|始建于)\s*(?P<y>(?:19|20)\d\d)\s*年(?:\d{1,2}月)?"
    r"(?:启动建设|开工建设|开始建设|动工|正式设立|设立|成立|挂牌成立|挂牌|正式开园|开园)"
)
_OPERATOR = re.compile(
    r"^(?:运营单位|运营主体|运营管理单位|开发运营单位|管理单位)[:：]\s*(?P<v>[^\s，,；;。]+)"
)
# a year that dates the start of works is not a target year (``于2019年启动建设``)
_START_WORDS = re.compile(r"\d{0,2}月?(?:启动建设|开工|动工|奠基|成立|设立|始建|开始建设)")


def _phase_owned(s: _Sentence, raw: str) -> bool:
    """Whether a figure belongs to a phase named before it with no park named in between
    (``二期项目总投资8亿元，总建筑面积22万平方米`` is the second phase's, not the park's)."""
    at = s.simp.find(raw)
    if at < 0:
        return False
    phases = [m for m in _PHASE.finditer(s.simp, 0, at)]
    if not phases:
        return False
    after = phases[-1].end()
    return not any(after <= a < at for a, _ in _park_spans(s.simp))


def _place(park: str, s: _Sentence, loc: str) -> list[Fact]:
    simp, park_s = s.simp, to_simplified(park)
    found = None
    for m in re.finditer(re.escape(park_s) + r"\s*[（(](?P<city>[" + _CJK + r"]{2,4})[）)]", simp):
        found = (m, ("city",))
        break
    if found is None:
        m = re.search(r"位于" + _PLACE + r"的" + re.escape(park_s), simp)
        if m and m.group("city", "district", "province") != (None, None, None):
            found = (m, ("province", "city", "district"))
    label = _PLACE_LABEL.match(simp)
    if found is None and label:
        m = re.compile(_PLACE).match(simp, label.end())
        if m is not None and m.group("city", "district", "province") != (None, None, None):
            found = (m, ("province", "city", "district"))
    if found is None:
        for verb in [*_PLACE_VERB.finditer(simp), *_PLACE_EVENT.finditer(simp)]:
            before = simp[: verb.start()]
            clause = re.split(r"[，,；;。]", before)[-1]
            if not _PARK_WORD.search(clause):
                continue
            if verb.re is _PLACE_EVENT:
                m = verb
            else:
                m = re.compile(_PLACE).match(simp, verb.end())
                if m is None or m.group("city", "district", "province") == (None, None, None):
                    m = _BARE_CITY.match(simp, verb.end())
            if (
                m is not None
                and m.groupdict().get("city")
                or (
                    m is not None
                    and (m.groupdict().get("district") or m.groupdict().get("province"))
                )
            ):
                found = (m, ("province", "city", "district"))
                break
    if found is None:
        return []
    m, keys = found
    values = {"name": park}
    for k in keys:
        if m.groupdict().get(k):
            values[k] = s.raw(*m.span(k))
    return [Fact("parks", values, s.orig, 0.7, "park_place", loc)]


def _chunks(s: _Sentence, a: int, b: int) -> list[list[tuple[int, int]]]:
    """Comma pieces of a clause grouped so that each group has at most one year or phase."""
    groups: list[list[tuple[int, int]]] = []
    year = phase = False
    for m in re.finditer(r"[^，,]+", s.simp[a:b]):
        span = (a + m.start(), a + m.end())
        has_year, has_phase = bool(_YEAR.search(m.group())), bool(_PHASE.search(m.group()))
        if not groups or (has_year and year) or (has_phase and phase):
            groups.append([])
            year = phase = False
        groups[-1].append(span)
        year, phase = year or has_year, phase or has_phase
    return groups


def _targets(park: str, s: _Sentence, mentions: list, loc: str) -> list[Fact]:
    if not _PARK_WORD.search(s.simp):  # a target is the park's: the sentence names it
        return []
    facts = []
    for cm in re.finditer(r"[^；;：:]+", s.simp):
        for group in _chunks(s, *cm.span()):
            a, b = group[0][0], group[-1][1]
            chunk = s.simp[a:b]
            if any(a <= m[0] < b for m in mentions) or _SCOPE.search(chunk):
                continue
            years = {
                m.group("y")
                for m in _YEAR.finditer(chunk)
                if not _START_WORDS.match(chunk, m.end())
            }
            phases = {m.group("p") for m in _PHASE.finditer(chunk)}
            seats = [m.group("v") or m.group("w") for m in _SEATS.finditer(chunk)]
            jobs = [m.group("v") or m.group("w") for m in _JOBS.finditer(chunk)]
            if len(years) > 1 or len(phases) > 1 or len(seats) > 1 or len(jobs) > 1:
                continue
            if not (years or phases) or not (seats or jobs):
                continue
            values = {"park": park}
            if years:
                values["year"] = years.pop()
            if phases:
                values["phase"] = phases.pop()
            if seats:
                values["seats"] = seats[0].replace(" ", "")
            if jobs:
                values["jobs"] = jobs[0].replace(" ", "")
            facts.append(Fact("park_targets", values, s.orig, 0.8, "phased_target", loc))
    return facts


_INCREMENT = re.compile(
    rf"(?:再|新增|扩建|增加|追加|扩容)[^，,。]{{0,4}}{_NUM}\s*万?\s*个?(?:座席|坐席)?$"
)
_PLANNED = re.compile(r"将|计划|拟|承诺|预计|准备|意向")
_OPERATING = re.compile(
    r"已建成|已入驻|已运营|正式运营|投入运营|投入使用|已引进|已有|已经运营|运营中"
)
_SIGNED = re.compile(r"签约|签订|签署")


def _status(own: str, sentence: str) -> str:
    if _PLANNED.search(own):
        return "planned"
    if _OPERATING.search(own):
        return "operating"
    for rx, status in ((_OPERATING, "operating"), (_PLANNED, "planned"), (_SIGNED, "signed")):
        if rx.search(sentence):
            return status
    return "operating"


def _tenants(
    park: str, s: _Sentence, mentions: list, parks: list, companies: _Companies, loc: str
) -> list[Fact]:
    if not mentions:
        return []
    simp = s.simp
    pairs: list[tuple[str, str, int, int]] = []  # full name, raw seats, mention start, seats end
    used: list[tuple[int, int]] = []
    for m in re.finditer("分别", simp):  # A公司、B公司分别建设500个和300个座席
        piece_a = max(simp.rfind(c, 0, m.start()) for c in "，,；;") + 1
        ends = [i for i in (simp.find(c, m.end()) for c in "，,；;。") if i >= 0]
        piece_b = min(ends) if ends else len(simp)
        names = [x for x in mentions if piece_a <= x[0] < m.start()]
        if not names:  # A、B已正式运营，分别开通座席1200个和800个: the names open the clause
            clause_a = max(simp.rfind(c, 0, m.start()) for c in "；;") + 1
            names = [x for x in mentions if clause_a <= x[0] < m.start()]
        tail = simp[m.end() : piece_b]
        nums = list(re.finditer(rf"({_NUM}\s*万?)\s*个?", tail))
        if "座席" in tail and len(names) == len(nums) > 1:
            for (a, _, full), num in zip(names, nums, strict=True):
                pairs.append((full, num.group(1), a, m.end() + num.end()))
            used.append((m.start(), piece_b))
    for m in _TENANT_SEATS.finditer(simp):
        if any(a <= m.start() < b for a, b in used):
            continue
        before = [x for x in mentions if x[1] <= m.start()]
        if not before:
            continue
        a, b, full = before[-1]
        between = simp[b : m.start()]
        # a park named between the company and the figure is the subject, unless it is a place
        if any(
            b <= pa < m.start() and not _AS_PLACE.search(simp[max(0, pa - 2) : pa])
            for pa, _ in parks
        ) or re.search(r"基地(?:规模|将|总)|园区(?:规模|将|总)", between):
            continue
        pairs.append((full, (m.group("v") or m.group("w")), a, m.end()))
    facts = []
    seen: Counter[str] = Counter(full for full, *_ in pairs)
    done: set[str] = set()
    for full, seats, a, end in sorted(pairs, key=lambda p: p[2:]):
        if full in done:
            continue
        done.add(full)
        values = {
            "park": park,
            "company": companies.full.get(full, full),
            "seats": seats.replace(" ", ""),
            "status": _status(simp[a:end], simp),
        }
        conf = 0.6 if seen[full] == 1 else 0.5
        added = _INCREMENT.search(simp, max(0, end - 16), end)
        rule = "tenant_added_seats" if added else "tenant_seats"
        facts.append(Fact("park_tenants", values, s.orig, conf, rule, loc))
    return facts


_PERIOD = re.compile(
    rf"(?P<kind>前|后|第)(?P<a>[{_CN_N}\d]+)年(?:(?:至|到|-)第?(?P<b>[{_CN_N}\d]+)年)?"
)


def _n(token: str) -> int:
    if token.isdigit():
        return int(token)
    digits = {c: i for i, c in enumerate("零一二三四五六七八九")}
    digits["两"] = 2
    if token == "十":
        return 10
    if token.startswith("十"):
        return 10 + digits[token[1]]
    if "十" in token:
        head, _, tail = token.partition("十")
        return digits[head] * 10 + (digits[tail] if tail else 0)
    return digits[token]


_WORD_RATES = {"全额": "100%", "减半": "50%"}
_REWARD = r"(?:返还|奖励|补贴|扶持)"


def _tax_tiers(park: str, s: _Sentence, loc: str) -> list[Fact]:
    simp = s.simp
    taxes = _TAX.search(simp)
    if not (taxes or re.search(r"财政留成|留成部分", simp)):
        return []
    if not re.search(r"返还|扶持|奖励|补贴|留成", simp):
        return []
    share = re.search(
        r"形成([县市区省]级财政收入)|([县市区省]级财政(?:留成部分|留成|收入)|地方(?:财政)?留成部分)",
        simp,
    )
    if taxes and share and share.group(1):
        basis = f"{taxes.group()}形成{share.group(1)}"
    elif taxes and share:
        basis = f"{taxes.group()}{share.group(2)}"
    elif share:
        basis = share.group(2)
    else:
        basis = taxes.group()
    within = re.search(rf"([{_CN_N}\d]+)年内", simp)
    tiers = []
    end_year = 0
    for clause in re.finditer(r"[^；;]+", simp):
        text = clause.group()
        rates = list(re.finditer(rf"{_NUM}\s*%|(?:全额|减半)(?={_REWARD})", text))
        for i, rate in enumerate(rates):
            values = {"park": park, "name": f"{park}税收扶持", "kind": "tax_rebate"}
            values["rate"] = _WORD_RATES.get(rate.group(), rate.group().replace(" ", ""))
            values["basis"] = basis
            lo = rates[i - 1].end() if i else 0
            periods = list(_PERIOD.finditer(text, lo, rate.start()))
            if periods:
                p = periods[-1]
                a = _n(p.group("a"))
                if p.group("kind") == "前":
                    start, years = 1, a
                elif p.group("kind") == "后":
                    start, years = (end_year + 1 if end_year else None), a
                else:
                    start = a
                    years = _n(p.group("b")) - a + 1 if p.group("b") else 1
                values["duration_years"] = f"{years}年"
                if start is not None:
                    values["start_year_offset"] = str(start)
                    end_year = start + years - 1
            elif within:
                values["duration_years"] = f"{within.group(1)}年"
            inv = re.search(rf"投资(?:总额)?在?\s*({_MONEY})以上", text)
            if inv:
                values["min_investment_cny"] = inv.group(1)
            rev = re.search(rf"(?:年)?(?:销售收入|营业收入)\s*({_MONEY})以上", text)
            if rev:
                values["min_revenue_cny"] = rev.group(1)
            tiers.append(values)
    facts = []
    for i, values in enumerate(tiers, start=1):
        if len(tiers) > 1:
            values["tier"] = str(i)
        facts.append(Fact("incentives", values, s.orig, 0.8, "tax_rebate_tier", loc))
    return facts


_RENT = re.compile(
    r"免租|免收房租|免征房租|房租全免|租金全免|免收租金|减免租金|租金减免|房租减免|减免房租|房租补贴|租金补贴|房租减半"
)
_TERM = re.compile(rf"(?:补贴|减免|优惠)期限?为?\s*(?P<n>[{_CN_N}\d]+)\s*年")
_RENT_FREE = re.compile(
    rf"(?:前)?(?P<n>[{_CN_N}\d]+)年(?:内)?(?:免租|免收房租|免征房租|房租全免|租金全免|免收租金)"
)


_MIN_SEATS = re.compile(
    r"座席(?:数量|规模|数)?(?:须|需|应|必须)?(?:超过|达到|在|不少于)\s*(\d+)\s*个?"
)
_RENT_STEP = re.compile(
    rf"(?P<period>(?:前|后|第)[{_CN_N}\d]+年(?:(?:至|到|-)第?[{_CN_N}\d]+年)?)"
    rf"[^，,；;。]{{0,8}}?(?P<rate>免收|免征|免租|全免|减半|{_NUM}\s*%)"
)


def _rent_tiers(text: str) -> list[dict]:
    """Rent steps of a clause (``前三年免收房租，第四年至第五年房租减半收取``): rate, start, years."""
    if not re.search(r"房租|租金", text):
        return []
    tiers, end_year = [], 0
    for m in _RENT_STEP.finditer(text):
        p = _PERIOD.match(m.group("period"))
        a = _n(p.group("a"))
        if p.group("kind") == "前":
            start, years = 1, a
        elif p.group("kind") == "后":
            if not end_year:
                return []
            start, years = end_year + 1, a
        else:
            start, years = a, (_n(p.group("b")) - a + 1 if p.group("b") else 1)
        end_year = start + years - 1
        rate = m.group("rate")
        rate = (
            "50%"
            if rate == "减半"
            else "100%"
            if rate in ("免收", "免征", "免租", "全免")
            else rate
        )
        tiers.append(
            {
                "rate": rate.replace(" ", ""),
                "start_year_offset": str(start),
                "duration_years": f"{years}年",
            }
        )
    return tiers


def _incentives(park: str, s: _Sentence, loc: str) -> list[Fact]:
    facts = _tax_tiers(park, s, loc)
    taxed = bool(facts)
    for clause in re.finditer(r"[^；;]+", s.simp):
        text = clause.group()
        if re.search(r"座席|坐席", text) and re.search(r"补贴|奖励|资助", text):
            money = [m for m in re.finditer(_MONEY, text)]
            cap = re.search(
                rf"(?:最高|上限为?|封顶)(?:不超过|补贴|奖励|资助|可达)?\s*({_MONEY})", text
            )
            amount = next((m for m in money if not cap or m.start() != cap.start(1)), None)
            least = _MIN_SEATS.search(text)
            if amount is not None or (least and not money and "补贴" in text):
                # an amount per seat, or the seat threshold a later sentence sets for it
                values = {"park": park, "name": f"{park}座席补贴", "kind": "seat_subsidy"}
                if amount is not None:
                    values["amount_cny"] = amount.group().replace(" ", "")
                    values["amount_unit"] = "per_seat"
                if cap:
                    values["cap_cny"] = cap.group(1).replace(" ", "")
                if least:
                    values["min_seats"] = least.group(1)
                facts.append(Fact("incentives", values, s.orig, 0.8, "seat_subsidy", loc))
        tiers = _rent_tiers(text)
        if len(tiers) > 1:
            for i, tier in enumerate(tiers, start=1):
                values = {"park": park, "name": f"{park}租金减免", "kind": "rent_reduction"}
                values.update(tier, tier=str(i))
                facts.append(Fact("incentives", values, s.orig, 0.6, "rent_tiers", loc))
        elif _RENT.search(text):
            values = {"park": park, "name": f"{park}租金减免", "kind": "rent_reduction"}
            free = _RENT_FREE.search(text) or _TERM.search(text)
            if free:
                values["duration_years"] = f"{free.group('n')}年"
            per_m2 = re.search(rf"每平方米每月\s*({_MONEY})|({_MONEY})\s*/\s*平方米\s*/\s*月", text)
            if per_m2:
                values["amount_cny"] = (per_m2.group(1) or per_m2.group(2)).replace(" ", "")
                values["amount_unit"] = "per_m2_month"
            conf, rule = (0.6, "rent_figures") if free or per_m2 else (0.5, "rent_reduction")
            facts.append(Fact("incentives", values, s.orig, conf, rule, loc))
        if re.search(r"培训", text) and re.search(r"补贴|资助|奖励", text):
            amount = re.search(_MONEY, text)
            if amount:
                values = {"park": park, "name": f"{park}培训补贴", "kind": "training_subsidy"}
                values["amount_cny"] = amount.group().replace(" ", "")
                if re.search(r"每人|每名|人均", text):
                    values["amount_unit"] = "per_person"
                facts.append(Fact("incentives", values, s.orig, 0.7, "training_subsidy", loc))
        if not taxed and re.search(r"认证", text) and re.search(r"扶持|补贴|奖励", text):
            values = {"park": park, "name": f"{park}认证补贴", "kind": "certification_subsidy"}
            facts.append(Fact("incentives", values, s.orig, 0.5, "certification_subsidy", loc))
    return facts


def extract_articles(body: bytes, content_type: str | None = None) -> ArticleFacts:
    """Facts of an article page (bytes); raises ``ExtractError`` when it is not a page."""
    decoded = decode_page(body, content_type)
    title, lines = text_lines(decoded.text)
    result = find_facts("\n".join(lines))
    result.title = title
    return result
