"""Facts of Chinese prose: which centers and parks a page is about, and the figures of each.

Pure: text in, :class:`Entity` objects out. The text is read in Simplified characters with the
mirror-site pinyin already removed (:mod:`scrapers.extract.mirror`). Places are read by
:mod:`scrapers.extract.places_zh`, incentive sentences by :mod:`scrapers.extract.incentives_zh`.

1. **Entities without a suffix list of whole names.** A mention is a run of name characters
   (Chinese, Latin, digits, quotes, ``·``) that ends in an entity word: a center word
   (``呼叫中心``, ``客服中心``, ``客户服务中心``, ``服务热线``, ``接听中心``, ``受理中心``, ``分中心``…,
   optionally followed by ``项目``) or a park word (``产业基地``, ``产业园``, ``示范区``, ``声谷``,
   ``呼叫之都``, ``企业公园``, ``服务外包园``, ``网商园``, ``小镇``, ``基地``, ``园区``…). Its head is
   cut after the last verb, particle or counter (``走进``, ``位于``, ``的``, ``是``, ``一家``…), and
   ``与/及/和`` are kept inside a name only between two industry words
   (``内江软件与信息技术服务外包产业园``). A mention followed by another name part ending in an
   entity word is extended (``…客服中心淮安分中心``, ``…产业基地海宝示范园``). Heads that are only
   generic words (``大型``, ``首个``, ``该``) give no entity. Mentions whose keys contain one another
   are the same entity; its name is the most frequent (then longest) form.
2. **Figures attach to a subject.** Each figure rule reads one clause (between ``，；``); its subject
   is the nearest entity named before it in the sentence, else an anaphor (``该中心``, ``园区``,
   ``该项目``, ``热线``) pointing at the last entity of that kind, else the page's only entity of that
   kind. Clauses about a whole market (``全市``, ``全国``, ``全省``, ``产业集群``, ``累计``…), and a
   park's figures in a clause about a phase, a building or a start area (``一期``, ``大厦``,
   ``起步区``) are not the entity's.
3. **Quantities** are read by :mod:`data.normalise.values` (``8万席``, ``逾300亿元``, ``约12000平方米``,
   ``超过1000个`` -> bound ``min``, ``500亩``), bounds included.
4. **What is not a name** (each a phrasing family, ``docs/scrapers.md``): names only inside a
   title (``《…》``), hotlines named by what they do (``政务服务便民热线``), an office or company of an
   entity (``…热线管理办公室``), provinces, regions and descriptors before a center word, a park named
   only in quotes next to a plainly named one (a brand), verbs and time words as heads.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache, partial

from data.errors import NormaliseError
from data.geo.geocode import CITIES_DIR
from data.normalise.industries import industry_written_in
from data.normalise.values import parse_area, parse_count, parse_money, parse_rate
from scrapers.extract.brands import BRAND
from scrapers.extract.dates import PageDate, page_date, year_of
from scrapers.extract.known_places import ONE_PLACE_LINES, ZONE_NAME
from scrapers.extract.places_zh import (
    AREA_NAME,
    ORG_WORD,
    PROVINCE,
    PROVINCE_NAME,
    REGION,
    city_in,
    city_names,
    district_shorts,
    districts,
    names_a_place,
    page_city,
    placed_district,
)

_NAME_CHARS = r"A-Za-z0-9\u4e00-\u9fff·“”\"《》"
#: a name run; a place in brackets stays inside (``中国移动(洛阳)呼叫中心``)
_NAME_RUN = re.compile(
    rf"(?:[{_NAME_CHARS}]|[（(][\u4e00-\u9fff]{{2,4}}[)）](?=[{_NAME_CHARS}]|\Z))*\Z"
)
CENTER_WORD = (
    r"(?:呼叫中心|客服中心|客户服务中心|客户联络中心|联络中心|服务热线|便民热线|市民热线|指挥中心|热线中心|"
    r"电话销售中心|电话服务中心|电召服务中心|电子银行中心|客服热线|"
    r"接听中心|受理中心|举报中心|救助服务中心|后台服务中心|分中心|"
    r"(?:市民|便民|服务|县民)专线(?:服务中心|中心)?|专线中心|话务中心|电话中心|电召中心|客户体验中心|后援中心)"
)
PARK_WORD = (
    r"(?:产业基地|产业园区|产业园|示范园区|示范基地|示范园|示范区|声谷|呼叫之都|软件园|科技园|"
    r"企业公园|服务外包园|网商园|服务小镇|产业集聚区|开发园|外包城|软件城|科技城|数据城|呼叫城|金融港|金融城|商务城|数谷(?![\u4e00-\u9fff]{0,6}中心)|基地|园区)"
)
_SERVICE_LINE_END = (
    r"(?:热线|专线|服务台|服务平台|咨询中心|服务中心|(?:公益|咨询|举报|投诉|求助)电话)"
)
#: words that make the run between a number and a line's word a clause, not a name
_NOT_A_LINE = re.compile(r"不仅|不但|承担|代替|号码|电话|原来|已经|成为|开通|接到|拨打")
_SERVICE_LINE = (
    rf"(?<=\d{{4}})[”\"]?(?![年月日号个人次万元期届条])"
    rf"(?![\u4e00-\u9fff]{{0,12}}?{CENTER_WORD})[\u4e00-\u9fff]{{2,12}}?{_SERVICE_LINE_END}"
)
#: a hotline named by its number needs no service word (``南京12345热线``, ``“12333”热线``)
_NUMBERED_HOTLINE = (
    r"(?<=\d)热线|(?<=\d[”\"])热线|(?<=\d{4})专线|(?<=\d{4}[”\"])专线"
    # the service after the number: 厦门市12329住房公积金热线
    r"|(?<=\d{5})(?![年月日号个人次万元期届])(?![\u4e00-\u9fff]{0,6}?(?:服务|便民|市民|客服)热线)"
    r"[\u4e00-\u9fff]{2,6}?热线"
    # a service line named by its number and what it does (眉山市“12328”交通运输服务监督热线,
    # 北京市12369环保投诉举报咨询中心, 1955劳工咨询申诉专线) when no center word ends it
    rf"|(?P<line>{_SERVICE_LINE})|(?<=\d{{5}})[”\"]?平台"
)
#: a line named by what it serves, after a place (``中山市心理援助热线``, ``某县农民工维权热线``): the
#: place or organisation before it must anchor the name (``anchored``)
_SERVICE_HOTLINE = r"(?:援助|咨询|投诉|举报|求助|救助|关爱|维权|监督)(?:热线|专线)"
_TAIL = re.compile(
    rf"(?P<c>{CENTER_WORD}(?:项目)?|{_NUMBERED_HOTLINE}|{_SERVICE_HOTLINE})|(?P<p>{PARK_WORD})"
)
#: a center's own site named after it (``…客户服务中心北方基地``, ``…呼叫中心成都基地``)
_CENTER_SITE = re.compile(
    rf"{CENTER_WORD}(?![\u4e00-\u9fff]*(?:产业|示范|外包|培训|人才|实训|孵化))[\u4e00-\u9fff]{{2,4}}基地$"
)


def _kind_of(name: str) -> str | None:
    """``center`` or ``park`` by the name's last entity word (a center's own site,
    ``…客户服务中心北方基地``, is a center); None for a name without one."""
    tails = list(_TAIL.finditer(name))
    if not tails:
        return None
    return "center" if tails[-1].group("c") or _CENTER_SITE.search(name) else "park"


_EXTEND = re.compile(rf"[”\"]?[{_NAME_CHARS}]{{0,8}}?(?:{CENTER_WORD}|{PARK_WORD}|项目)")
_NOT_ENTITY_AFTER = re.compile(
    r"(?:有限|股份|公司|集团|管委会|办公室|管理办公室|管理处|管理科|大楼|大厦|商会|示范席|业务|行业)"
)
_STOPS = re.compile(
    r"到达|抵达|送达|表彰|提供商|服务商|运营商|供应商|扩大|加速|上报|报送|承接|形成|加强|投身|提起|离不开|开辟|吸引|叫响|打响|擦亮|做大|做强|壮大|培育|聚集|集聚|拓展|"
    r"进一步|明年|去年|近年|当年|日前|近日|继续|取消|所谓|自(?![贸治然主动助])|"
    r"携手|联手|牵手|签署|签订|各级|不断|持续|逐步|现任|担任|出任|曾任|一下|走进|走近|来到|前往|赴|进入|并入|纳入|转入|接入|融入|改为|责任|但|位于|地处|落户|落户于|坐落于|选址|是|为(?!民)|在|于|的|了|将|把|向|对(?!外)|从|由|以|即|称|"
    r"说|表示|介绍|获悉|了解|建设|建成|建立|打造|成立|开通|设立|启动|推进|举行|签约|入驻|进驻|引进|"
    r"参观|考察|通过|作为|成为|这个|这里|这|那|该|其中|其|各|每|首个|首家|首条|第一个|一家|一个|大型|最大|"
    r"全球|世界|国内|全国|全省|全市|我市|本市|目前|已|正在|还|也|和|与|及|以及|并|等|着|拥有|"
    r"(?<!限)有(?!限)|[一二两三四五六七八九十几\d]+[个家座所]|\d+月\d+日(?:电|讯)?|记者|报道|"
    r"关于|推动|促进|加快|发展|实现|提供|服务于|负责|承担|依托|利用|通过|包括|其中|如|像|比如|"
    r"集团下属|旗下|下属|合资|共建|新建|筹建|扩建|组建|兴建|投资|运营|经营|主办|承办|"
    r"主要|重点|专门|专业|大型|新一代|一批|一座|多家|知名|省级|国家级|市级|区级|"
    r"创建|申报|认定|命名|授予|获批|批准|入选|荣获|获得|重视|支持|扶持|宣布|计划|准备|积极|最佳|优秀|十佳|先进|大批|一流|著名|"
    r"首批|四大|五大|三大|十大|几大|未来|规划|满足|根据|安排|轮流|接听|随着|随著|而|率先|整合|欲|做|能|可以|可|"
    r"探访|揭秘|聚焦|走访|调研|视察|深入|当前|整个|相关|有关|上述|因(?!特)|至|给|"
    r"\d+条|\d+年|\d+人|完成|织成|构成|变成|汇成|五星级|星级|培养|培训|(?<!福)建|《|拨打|拨通|(?<![数根依证单])据|一种|第一时间|转到|需要|(?<!直)到|[\d.]+万个|万个|暨|峰会|论坛|大会|会议|、"
)
_CONJ_KEEP = re.compile(r"(软件|信息|数据|科技|技术|服务|外包|呼叫中心|呼叫)$")
_CONJ_NEXT = re.compile(r"^(信息|服务|数据|软件|技术|外包|科技|呼叫)")
_GENERIC_HEAD = re.compile(
    r"^(?:[“”\"《》]*(?:中心|新|大|小|本|总|二级|一级|两级|全|各|多|原|现|南北|南|北|东|西|[一二三四首]期|明年|今年|未来|该|此|这|本|全部|部分|各个)?)$"
)
_ANAPHOR_CENTER = re.compile(
    r"(?:该中心|中心(?!产业|城市|城区|区)|该项目|项目|热线|专线|呼叫中心(?!产业)|客服中心|该公司)"
)
_ANAPHOR_PARK = re.compile(r"(?:该园区|园区|该基地|基地|产业园|该项目|项目|声谷)")
_SENTENCE = re.compile(r"[^。！？!?\n]+[。！？!?]?")
_CLAUSE = re.compile(r"[^，,；;]+")
_SCOPE = re.compile(
    r"全市|全省|全国|全区|全县|我市|我省|我国|全球|全行业|国内|产业集群|集群|累计|共有.{0,6}呼叫中心|在[\u4e00-\u9fff]{2,4}就有|[席个]的呼叫中心|"
    r"呼叫中心.{0,4}数量|市场规模|行业|城市|各地|整个|总计|全年(?!无休)|年均(?!达)|一年(?!365|四季)|今年以来|月份|季度|"
    r"[一二两三四五六七八九十\d]+个月|开通以来|上线以来|运行以来|以来"
)
#: the scope that makes a rate not the center's: a whole market (a year's rate is the center's)
_RATE_SCOPE = re.compile(r"全市|全省|全国|全区|全县|我市|我省|我国|全球|全行业|国内|行业|各地|城市")
_PARK_PART = re.compile(
    r"一期|二期|三期|首期|起步区|大厦|大楼|楼宇|一栋|一座|厂房|公寓|配套|产业区|办公用房|样板区|示范区内|其中"
)

_NUM = r"(?:\d[\d,]*(?:\.\d+)?|[一二两三四五六七八九十百千]+)"
_PRE = (
    r"(?P<pre>超过|逾|近|约|达到|达|突破|共有|共设|共|设有|设|拥有|有|将近|接近|不少于|多达|容纳)?"
)
_POST = r"(?P<post>余|多)?"


@dataclass
class Entity:
    """A center or park the page names, with its typed facts, their confidence and evidence."""

    kind: str  # "center" | "park"
    name: str
    mentions: int = 0
    first: int = 0
    values: dict = field(default_factory=dict)
    confidence: dict = field(default_factory=dict)
    evidence: dict = field(default_factory=dict)
    #: other names the page gives the same entity (宿迁京东客服中心 for 京东宿迁客服中心)
    aliases: list = field(default_factory=list)
    #: named in an enumeration of parks (A软件园、B软件园、C软件园): a name, even said once
    listed: bool = False

    def set(self, fld: str, value, bound: str | None, conf: float, evidence: str) -> None:
        """Keep the most confident value of a field (the first one when they tie)."""
        if fld in self.values and self.confidence.get(fld, 0) >= conf:
            same = self.values[fld] == value and bound and not self.values.get(f"{fld}_bound")
            if not same:
                return
            conf = self.confidence[fld]
        self.values[fld] = value
        if bound:
            self.values[f"{fld}_bound"] = bound
        else:
            self.values.pop(f"{fld}_bound", None)
        self.confidence[fld] = conf
        self.evidence[fld] = evidence.strip()


@dataclass
class _Mention:
    start: int
    end: int
    name: str
    kind: str
    #: inside a title (《…呼叫中心国际标准研究》): names an entity only if it is also named outside
    in_title: bool = False
    #: how many times the page names the entity through this mention (an organisation's own
    #: customer service counts each time the page names the organisation)
    weight: int = 1


#: a place in brackets right after an entity word (``东航客服中心（昆明）``)
_PLACE_AFTER = re.compile(r"[（(](?P<place>[\u4e00-\u9fff]{2,5})[)）]")
_TRAILING_NUMBER = re.compile(r"\d{4,6}(?![\d.%万个元年])(?![“”\"]?[\u4e00-\u9fff]{0,6}热线)")
_HOURS_IN_NAME = re.compile(r"(?:7\s*[×x*]\s*)?24小时")


#: names of government bodies with 和 inside
_BUREAU_AND = re.compile(
    r"资源和社会|住房和城乡|工业和信息|资源和规划|文化和旅游|卫生和计划|科学技术和"
)


def _trim_head(head: str) -> str:
    """The name part of the characters before an entity word."""
    cut = 0
    for m in _STOPS.finditer(head):
        word = m.group(0)
        if (
            word in ("全球", "全国")
            and m.end() == len(head)
            and re.search(r"[\u4e00-\u9fff)）]{2}$", head[: m.start()])
        ):
            continue  # 中国银行(西安)全球客服中心: a scope word inside a named center
        if word == "和" and _BUREAU_AND.search(head[max(0, m.start() - 4) : m.end() + 4]):
            continue  # 人力资源和社会保障, 住房和城乡建设: one body's name
        if word in ("和", "与", "及"):
            before, after = head[: m.start()], head[m.end() :]
            if _CONJ_KEEP.search(before) and (_CONJ_NEXT.search(after) or not after):
                continue
        cut = m.end()
    head = head[cut:]
    if head.startswith("原") and city_names()[0].match(head, 1):
        head = head[1:]  # 原中山心理援助热线: the former name of a place's line, not its name
    return head


#: a company's national service number (95588, 95511, 10086, 10000): right after the company
#: (``中国工商银行95588``, ``中国平安（95511）``, a table's ``工商银行 95588``) or said to be the
#: company's (``95588是工商银行的客服热线``) it names the company's hotline
_SERVICE_NUMBER = r"95\d{3}|1000[01]|10086|10010"
_COMPANY_WORD = re.compile(r"银行|保险|人寿|财险|寿险|证券|电信|移动|联通|航空|电网|集团")
_COMPANY = rf"[\u4e00-\u9fff]{{1,8}}?(?:{_COMPANY_WORD.pattern})|中国平安"
_COMPANY_NUMBER = re.compile(
    rf"(?P<org>{_COMPANY})(?:[（(](?P<n1>{_SERVICE_NUMBER})[)）]|[ \t]?(?P<n2>{_SERVICE_NUMBER}))"
    r"(?![\d年月日号个人次万元期届])"
)
_NUMBER_IS_COMPANYS = re.compile(
    rf"(?<!\d)(?P<n>{_SERVICE_NUMBER})(?!\d)[”\"]?(?:是|为)(?P<org>{_COMPANY})的(?:全国)?(?:统一)?"
    r"(?:客服|客户服务|服务)(?:热线|电话|专线|号码)"
)


def _service_number_mentions(s: str, taken: list[_Mention]) -> list[_Mention]:
    """Companies' hotlines named by their national service number, where no other mention is."""
    out: list[_Mention] = []
    for rx in (_COMPANY_NUMBER, _NUMBER_IS_COMPANYS):
        for m in rx.finditer(s):
            if any(t.start < m.end() and m.start() < t.end for t in (*taken, *out)):
                continue
            org = _trim_head(m.group("org"))
            g = m.groupdict()
            number = g.get("n") or g.get("n1") or g.get("n2")
            if len(_COMPANY_WORD.sub("", org)) < 2:
                continue  # 电信10000, 银行95588: an industry's number, not a company's
            out.append(_Mention(m.start(), m.end(), org + number, "center"))
    return out


#: an organisation's own customer service, named by no name of its own (``示例信托1995年设立了
#: 客服专线``, ``示例证券提供客服专线``): the page speaks of ``<org>客服中心``
_ORG_SERVICE = re.compile(
    r"(?P<org>[\u4e00-\u9fff]{1,8}?(?:证券|银行|信托|保险|人寿|电信|航空|电力|燃气|集团))"
    r"(?P<mid>[^。！？，,；;、“”「」]{0,16}?)"
    r"(?:客服中心|客户服务中心|客服专线|客户服务专线|客服处|客户服务处|客服部)"
)
_ORG_CENTER_TAIL = re.compile(
    r"(?:全国)?(?:客服中心|客户服务中心|客服专线|客服热线|客服处|客户服务处)"
)
#: the organisation must be the page's subject: named this often
ORG_NAMED_OFTEN = 3


def _org_service_mentions(s: str, taken: list[_Mention]) -> list[_Mention]:
    """A page about one organisation's customer service that names no center of its own; when
    the page does name it so (``<org>客服中心``), that mention counts each naming of the org."""
    for m in _ORG_SERVICE.finditer(s):
        org = _trim_head(m.group("org"))
        named = s.count(org)
        if len(_COMPANY_WORD.sub("", org)) < 2 or named < ORG_NAMED_OFTEN:
            continue
        own = [
            t for t in taken
            if t.kind == "center" and t.name.startswith(org)
            and _ORG_CENTER_TAIL.fullmatch(t.name[len(org) :])
        ]  # fmt: skip
        for t in own:
            t.weight = max(t.weight, named)
        if own or any(t.kind == "center" for t in taken):
            return []
        if _STOPS.search(m.group("mid")) and not re.fullmatch(
            r"(?:于\d{4}年起?|已|也|还|并)?(?:设置|设立|成立|提供|设有|开通)(?:了)?(?:24小时)?",
            m.group("mid"),
        ):
            continue
        start = m.start("org") + m.group("org").rfind(org)
        return [_Mention(start, m.end(), org + "客服中心", "center", weight=named)]
    return []


def _mentions(s: str) -> list[_Mention]:
    out: list[_Mention] = []
    taken_until = -1
    for m in _TAIL.finditer(s):
        if m.start() < taken_until:
            continue
        end = m.end()
        while True:
            ext = _EXTEND.match(s, end)
            if not ext or _NOT_ENTITY_AFTER.match(s, ext.end()):
                break
            if _STOPS.search(_TAIL.sub("", ext.group(0))):
                break
            end = ext.end()
        if _NOT_ENTITY_AFTER.match(s, end):
            taken_until = end
            continue
        number = _TRAILING_NUMBER.match(s, end)
        if number and m.group("c"):
            end = number.end()  # 市民服务热线95120: the hotline's number is part of its name
        placed = _PLACE_AFTER.match(s, end)
        if placed and anchored(placed.group("place")):
            end = placed.end()  # 东航客服中心（昆明）: the place in brackets is part of its name
        window = s[max(0, m.start() - 30) : m.start()]
        in_title = window.rfind("《") > window.rfind("》")
        head = _trim_head(_NAME_RUN.search(window).group(0))
        head = _HOURS_IN_NAME.sub("", head)
        head = head.lstrip('”"》')
        kind = "center" if m.group("c") else "park"
        name = head + s[m.start() : end]
        kind = _kind_of(name)
        taken_until = end
        if head.count("“") == head.count("”") + 1 and s[end : end + 1] == "”":
            head = head.replace("“", "")  # “云服务小镇”: the quote closes after the entity word
        if m.group(0) == "热线" and re.search(CENTER_WORD, head):
            continue  # 江宁分中心12345热线: the hotline of the center named before it
        number_at = _NUMBER_IN_HEAD.search(head)
        if m.group("c") and number_at and number_at.start() > 0:
            before = head[: number_at.start()]
            if not anchored(before) or _ORG_ALONE.fullmatch(before):
                head = head[number_at.start() :]  # 用心守护“12345”热线, 公司10086服务热线
                name = head + s[m.start() : end]
        if _INDUSTRY_PAIR.search(head):
            continue  # 大数据服务外包及呼叫中心(产业): two industries, not a center
        if _SEATS_IN_NAME.search(head):
            head = _SEATS_IN_NAME.sub("", head)  # 临港商务区500坐席呼叫中心: its size, not its name
            name = head + s[m.start() : end]
        quotes = (
            head + s[m.start() : m.start() + 1]
        )  # 淮南市“12328”交通…热线: the quote closes in the tail
        line_words = re.sub(f"{_SERVICE_LINE_END}$", "", m.group("line") or "")
        if m.group("line") and (
            _STOPS.search(line_words)
            or _NOT_A_LINE.search(line_words)
            or re.search(r"(?<!\d)0\d{3,5}[”\"]?$", head)
        ):
            continue  # 热线不仅承担常规热线, 一个号码代替了原来的热线, 0800业务专线: no name
        if len(head) < 2 or _GENERIC_HEAD.match(head) or quotes.count("“") != quotes.count("”"):
            continue
        if (
            re.fullmatch(r"[\d“”\"]+", head)
            and not (
                head.strip('“”"') in ONE_PLACE_LINES  # 1823热线: one place's line, not any city's
                or (_PHONE_CENTER.fullmatch(s[m.start() : end]) and re.search(r"\d{4}", head))
                or (m.group("line") and len(m.group("line").strip('”"')) >= 5)
            )
        ):  # 1955劳工咨询申诉专线 names a line; 12345市长专线, 1922防疫专线 are any place's
            continue  # 12345热线 is any city's; 1823电话中心, 1999话务中心 name one center
        name = name.lstrip('”"') if "”" in name[1:] else name.strip('“”"')
        name = name.rstrip('“"')
        if name.count("“") != name.count("”"):
            name = name.split("”")[-1] if "“" not in name else name.replace("“", "")
        if kind == "park" and not _GENERIC_WORDS.sub("", name):
            zone = _ZONE.search(s[max(0, m.start() - 40) : m.start() - len(head)])
            if not zone:
                continue
            zone_name = _trim_head(zone.group("z"))
            if re.fullmatch(
                r"(?:经济技术|经济|高新技术产业|高新|技术)?(?:开发区|高新区|新区)", zone_name
            ):
                continue  # a zone without a place is no name
            name = zone_name + name
            if not _GENERIC_WORDS.sub("", name):
                continue
        out.append(_Mention(m.start() - len(head), end, name, kind, in_title))
    out += _service_number_mentions(s, out)
    return sorted(out + _org_service_mentions(s, out), key=lambda x: x.start)


#: a center word that a hotline number alone can name (``1823电话中心``, ``1999话务中心``)
_PHONE_CENTER = re.compile(r"电话中心|话务中心|联络中心|呼叫中心|客服中心|热线中心|专线中心")
#: a hotline number in a head; what comes before it must name a place or an organisation
_NUMBER_IN_HEAD = re.compile(r"[“\"]?\d{4,6}[”\"]?")
_ORG_ALONE = re.compile(r"公司|集团|单位|部门")
#: an entity word right after 及/与/和/、 ends a list of industries (``服务外包及呼叫中心``)
_INDUSTRY_PAIR = re.compile(r"[及与和、]$")
#: a size inside a name (``500坐席呼叫中心``, ``千席客服中心``) describes it
_SEATS_IN_NAME = re.compile(
    r"(?:\d+|[一二两三四五六七八九十百千万]+)\s*(?:个)?(?:坐席|座席|席位|席)$"
)


_ZONE = re.compile(
    r"(?P<z>[\u4e00-\u9fff]{2,12}?(?:经济技术开发区|经济开发区|开发区|高新区|高新技术产业开发区|新区))"
    r"[^。！？\n]*\Z"
)


_HOTLINE = re.compile(r"(?<!\d)(\d{4,6})(?!\d)")


def _same_hotline(a: str, b: str) -> bool:
    """Two names of one hotline: the same number, and no two different cities."""
    na, nb = _HOTLINE.findall(a), _HOTLINE.findall(b)
    if not na or na != nb:
        return False
    ca, cb = city_in(a), city_in(b)
    return ca == cb or ca is None or cb is None


def _service_tail(name: str) -> str:
    """A center's name without its place and number (``上海市民服务热线`` and
    ``“12345”市民服务热线`` -> ``民服务热线``)."""
    rest = city_names()[0].sub("", name)
    return re.sub(r"^[市州]", "", re.sub(r"[\d“”\"《》·\s]", "", rest))


def _same_service(a: str, b: str) -> bool:
    """Two names of one service (hotline, command center): the same tail of four or more
    characters once the place and the number are removed, and not two different cities."""
    for name in (a, b):
        tails = list(_TAIL.finditer(name))
        if not tails or not tails[-1].group("c") or tails[-1].end() != len(name):
            return False
    ta, tb = _service_tail(a), _service_tail(b)
    if ta != tb or len(ta) < 4 or not _GENERIC_WORDS.sub("", ta):
        return False
    na, nb = _HOTLINE.findall(a), _HOTLINE.findall(b)
    if na and nb and na != nb:
        return False  # 12345 and 12315: two services
    ca, cb = city_in(a), city_in(b)
    return ca == cb or ca is None or cb is None


def _short_form(short: str, long: str) -> bool:
    """``携程网西南客服中心`` is a short form of ``携程旅行网西南客服中心``: the same first two
    and last five characters, at most three characters left out, in the same order."""
    if not 0 < len(long) - len(short) <= 3 or len(short) < 7:
        return False
    if short[:2] != long[:2] or short[-5:] != long[-5:]:
        return False
    it = iter(long)
    return all(ch in it for ch in short)


def _key(name: str) -> str:
    return re.sub(r"[“”\"《》·\s()（）]", "", name).replace("项目", "")


def _count_hotline_numbers(s: str, entities: dict[str, Entity]) -> None:
    """A hotline is also named by its number alone (``“12345”热线``): count those mentions, for
    the one entity that carries the number."""
    by_number: dict[str, list[Entity]] = {}
    for e in entities.values():
        for n in set(_HOTLINE.findall(e.name)):
            by_number.setdefault(n, []).append(e)
    for n, owners in by_number.items():
        if len(owners) != 1:
            continue
        e = owners[0]
        alone = len(re.findall(rf"(?<!\d){n}(?!\d)", s)) - e.mentions
        if alone > 0:
            e.mentions += alone


#: other names kept per entity (the page's most frequent forms first)
MAX_ALIASES = 5


def _group(mentions: list[_Mention]) -> dict[str, Entity]:
    """Mentions -> entities keyed by their canonical name (containing keys merge)."""
    counts = Counter(_key(m.name) for m in mentions)
    forms: dict[str, Counter] = {}
    for m in mentions:
        forms.setdefault(_key(m.name), Counter())[m.name] += 1
    keys = sorted(counts, key=len, reverse=True)
    parent: dict[str, str] = {}
    for i, k in enumerate(keys):
        homes = [
            p for p in keys[:i]
            if k in p or _same_hotline(k, p) or _same_service(k, p) or _short_form(k, p)
        ]  # fmt: skip
        if homes:
            roots = Counter(parent[p] for p in homes)
            parent[k] = max(roots, key=lambda r: (roots[r], counts[r]))
        else:
            parent[k] = k
    entities: dict[str, Entity] = {}
    canon: dict[str, str] = {}
    outside = {parent[_key(m.name)] for m in mentions if not m.in_title}
    for root in dict.fromkeys(parent[_key(m.name)] for m in mentions):  # in the page's order
        members = [k for k in keys if parent[k] == root]
        if root not in outside:
            continue
        all_forms: Counter = Counter()
        for k in members:
            all_forms.update(forms[k])
        name = max(all_forms, key=lambda n: (city_in(n) is not None, all_forms[n], len(n)))
        short = _key(name) in root or _short_form(_key(name), root)
        if len(_key(name)) < len(root) and short:  # the full name, not a short form
            name = max((n for n in all_forms if _key(n) == root), key=lambda n: all_forms[n])
        for k in members:
            canon[k] = name
        # a name without an entity word (中国工商银行95588): what its mention said
        kind = _kind_of(name) or next(m.kind for m in mentions if _key(m.name) in members)
        entities[name] = Entity(kind=kind, name=name)
        others = {_key(n): n for n, _ in all_forms.most_common() if _key(n) != _key(name)}
        entities[name].aliases = list(others.values())[:MAX_ALIASES]
    for m in mentions:
        if _key(m.name) not in canon:
            continue
        e = entities[canon[_key(m.name)]]
        if not e.mentions:
            e.first = m.start
        e.mentions += m.weight
    return entities, canon


@dataclass
class _Ctx:
    entities: dict[str, Entity]
    canon: dict[str, str]
    last: dict[str, Entity | None] = field(default_factory=lambda: {"center": None, "park": None})
    main: dict[str, Entity | None] = field(default_factory=dict)
    date: PageDate | None = None  # the page's own date (openings told by the day)


# ------------------------------------------------------------------ figure rules

_SEAT_WORD = (
    # a few words of what the seats are for: 3个标准电话坐席, 9个热线专家接听坐席, 8个话务员座席
    r"(?:个(?:[^\W\d_的和及与或、]{1,6}?)(?:座席|坐席)(?=[^员人]|$)|"
    r"(?:个)?(?:呼叫|人工|接听|服务|话务|标准呼叫中心|标准)?(?:座席|坐席|席位|示范席|万席|席|工位))"
)
SEATS = re.compile(rf"{_PRE}(?P<n>{_NUM}\s*万?){_POST}{_SEAT_WORD}(?!员|人员)(?P<post2>以上|左右)?")
SEATS_AFTER = re.compile(
    rf"(?:座席|坐席|席位)(?:规模|数量|数)?(?:将|已)?(?:达到|达|实现|为|共|有|突破|超过)\s*(?P<pre>超过|逾|近|约)?"
    rf"(?P<n>{_NUM}\s*万?)(?P<post>余|多)?\s*(?:个|席)?(?P<post2>以上|左右)?"
)
#: seats after a growth: ``座席从50多个增至180多个`` -> the later figure
SEATS_GROWN = re.compile(
    rf"(?:座席|坐席|席位)[^，。；\d]{{0,4}}从[^，。；]{{0,10}}?[，,]?[^，。；\d]{{0,4}}?(?:增至|增加到|增加至|增长到|增长至|扩大到|扩大至|扩容到|扩容至|发展到|提高到|提升到|提升至)"
    rf"\s*(?:目前的|现在的|现有的|目前|现在)?\s*(?P<n>{_NUM}\s*万?)(?P<post>余|多)?\s*(?:个|席)"
)
#: a seat word and its count after a verb: ``可实现呼叫中心坐席2万个``
SEATS_BARE = re.compile(
    r"(?:实现|建成|拥有|建设|形成|达到|规划|设计)[^，。；\d]{0,8}?(?:座席|坐席|席位)\s*"
    r"(?P<n>\d+(?:\.\d+)?\s*万?)(?P<post>余|多)?\s*(?:个(?!人|月)(?P<post2>以上|左右)?|(?P<about>左右)(?!人|名))"
)
#: seats set up: ``设服务座席25个``, ``人工座席配置为20路``
SEATS_SET = re.compile(
    rf"(?:设|设有|设置|配备|配置|开设|开通|建有|建成|拥有)(?:服务|人工|呼叫)?(?:座席|坐席|席位)\s*(?P<n>{_NUM})\s*(?:个|路|席)"
    # a seat count in a list of figures: 员工800人、座席600个
    rf"|(?:^\s*|(?<=[、和及]))(?:座席|坐席|席位)\s*(?P<n3>\d[\d,.]*\s*万?)\s*(?:个|席)(?!月|人)"
    rf"|(?:人工|服务)?(?:座席|坐席)配置为\s*(?P<n2>\d+)\s*(?:个|路)"
)
#: an existing center's planned expansion: 将扩容至110个坐席, 计划扩大到200席
_EXPANDING = re.compile(
    r"(?:将|计划|拟|预计|准备)[^，。；\d]{0,6}?(?:扩容|扩大|扩建|增加|增至|扩展|提升)(?:至|到)?[^，。；\d]{0,3}$"
)
#: seats grown over two clauses: 坐席数从初建时的13个，逐步增加至目前的47个 (the later figure)
SEATS_GROWN_ACROSS = re.compile(
    r"(?:座席|坐席|席位)[^。；\d]{0,4}从[^。；，,]{0,14}?\d+\s*个[，,][^，。；\d]{0,4}?"
    r"(?:增至|增加到|增加至|增长到|增长至|扩大到|扩大至|扩容到|扩容至|发展到|提高到|提升到|提升至)"
    r"\s*(?:目前的|现在的|现有的|目前|现在)?\s*(?P<n>\d+)\s*(?:个|席)"
)
#: seats added (增设500个异地坐席), not grown to (扩充到500席)
_ADDED = re.compile(r"(?:增设|新增|增加|扩充|临时)[^，。；\d到至]{0,4}$")
_STAFF_WORD = r"(?:员工|客户服务员|客户服务代表|话务代表|话务员|话务人员|客服人员|电话客服人员|工作人员|接线员|坐席员|座席员|受理员|咨询员|客服员工|客服代表|客户代表|一线客服|客服|职工|人员)"
STAFF = re.compile(
    rf"{_PRE}(?P<n>{_NUM}\s*万?)(?P<post>余|多)?\s*(?:名|人|位)(?:的)?(?:{_STAFF_WORD})?(?P<post2>以上|左右)?"
)
STAFF_AFTER = re.compile(
    rf"{_STAFF_WORD}(?:共有|共|有|总数|人数)?(?:达到|达|为)?\s*(?P<pre>超过|逾|近|约)?(?P<n>{_NUM}\s*万?)(?P<post>余|多)?\s*(?:名|人|位)"
)
#: a center run by N people: ``由约570人运作``, ``由30多人组成``
STAFF_RUN = re.compile(
    rf"由(?P<pre>约|近|超过|逾)?(?P<n>{_NUM}\s*万?)(?P<post>余|多)?\s*(?:名|人)(?:的)?(?:团队)?"
    r"(?:运作|组成|负责|值守|运营)"
)
#: staff of a whole company or group (``公司员工已达3万余人``), not of its center
_COMPANY_STAFF = re.compile(r"(?:公司|集团)[^，。；\d]{0,6}(?:员工|职工|人员)")
DAILY_CALLS = re.compile(
    r"(?:日均|每天|每日|一天|(?<![首当次同今昨前节假\d])日)(?P<mid>[^，。；！？\d]{0,10}?(?<!第))(?P<pre>超过|逾|近|约|接近)?\s*"
    r"(?P<n>\d[\d,]*(?:\.\d+)?\s*万?|[一二两三四五六七八九十百千]+万?[一二两三四五六七八九十百千]*)(?P<post>余|多)?\s*(?:个|通|件|人次|次|起|宗)(?P<after>电话|来电|来电量)?"
    r"(?P<post2>左右|以上)?"
)
#: daily call counts are often a peak or a period average: 6 of 11 right on dev
DAILY_CALLS_CONFIDENCE = 0.6
_CALL_WORD = re.compile(r"来电|电话|呼入|呼叫|话务|受话|接听|接电|通话|查询|咨询|求助")
#: a rate's value after its name: ``平均达到97%``, ``保持在98%以上``, ``超95%``
_RATE_VALUE = (
    r"(?:平均|年均|始终|均)?(?:达到|达|为|保持在|在)?\s*(?:高达)?"
    r"(?P<pre>超过|超|逾)?\s*(?P<v>\d+(?:\.\d+)?\s*[%％](?:以上|左右)?)"
)
ANSWER_RATE = re.compile(rf"(?:一次|人工)?(?:接通率|接听率){_RATE_VALUE}")
#: first-contact resolution: ``一次性解决率达92%``, ``首次来电解决率为85%``, ``一次办结率90%``
FCR = re.compile(
    rf"(?:首次|一次性?|首问|首呼)(?:来电|通话|问题|诉求)?(?:解决|答复|解答|办结)率{_RATE_VALUE}"
)
#: satisfaction as a share, or as points out of 100 (``满意度达93分``, ``满意度测评得分95.6分``)
CSAT = re.compile(
    r"(?:满意率|满意度)(?:测评|评价)?(?:得分|评分)?(?:年均|持续|始终|一直|均)?(?:达到|达|为|保持在|在)?"
    r"\s*(?P<pre>超过|超)?"
    r"(?:(?P<v>\d+(?:\.\d+)?\s*[%％](?:以上|左右)?|[五六七八九]成(?:以上|左右)?)"
    r"|(?P<pts>[5-9]\d(?:\.\d+)?|100)\s*分(?![钟之])(?P<pts_post>以上|左右)?)"
)
#: handling time of one call: ``平均通话时长为180秒``, ``每通电话的时长大约在4分钟左右``,
#: ``平均处理一个问题约需6分钟``
AHT = re.compile(
    r"(?:平均|一个电话|每个电话|每通电话|单个电话)[^，。；\d]{0,10}?(?:通话时长|时长|通话时间|需要|用时)"
    r"(?:基本|大约|一般)?(?:为|在|是)?\s*(?P<about>约|大约)?(?P<v>\d+(?:\.\d+)?)\s*(?P<u>分钟|秒)"
    r"(?P<post>左右)?"
)
HOURS_24 = re.compile(
    r"(?<![\d.])7\s*24小时|24小时(?!内|之内|以内|以后|后|之后|前|不间断监控|监控)|7\s*[×x*]\s*24|365天?\s*[×x*]\s*24|全天候"
)
FOUNDED = re.compile(
    r"(?P<y>(?:19|20)\d\d)年(?:\d{1,2}月)?(?:\d{1,2}日)?(?:[^，。,；]{0,12}?)"
    r"(?:正式开通|开通|正式成立|成立|挂牌成立|正式运行|正式上线|上线|投入运营|建成|批准建设|开园|揭牌)"
)
AREA = re.compile(
    rf"(?:规划面积|占地面积|总占地面积|占地|总体建设规模|建设规模|规划用地|用地面积|总面积)(?:为|达到|达)?\s*"
    rf"(?P<v>(?:超过|逾|约|近)?\s*{_NUM}\s*(?:万)?(?:余|多)?(?:平方公里|平方千米|亩|公顷|平方米)(?:多|左右|以上)?)"
)
AREA_BEFORE = re.compile(
    rf"(?P<v>(?:超过|逾|约|近)?(?:超)?{_NUM}\s*(?:万)?(?:亩|平方公里))(?:多|以上)?的?(?:园区|基地|产业园)"
)
FLOOR = re.compile(
    rf"(?:总建筑面积|建筑面积|载体面积)(?:可达|将达|为|达到|达|共|约为)?\s*"
    rf"(?P<v>(?:超过|逾|约|近)?\s*{_NUM}\s*(?:万)?平方米(?:多|左右|以上)?)"
)
INVEST = re.compile(
    rf"(?:总投资(?:额)?|总投入)(?:为|达到|达)?\s*(?P<v>(?:超过|逾|约|近)?\s*{_NUM}\s*(?:万|亿)元(?:人民币)?(?:以上|左右)?)"
    rf"|投资\s*(?P<v2>(?:超过|逾|约|近)?\s*{_NUM}\s*(?:万|亿)元)(?:人民币)?(?:兴建|建设|建成|打造|新建)"
)
JOBS = re.compile(
    rf"(?:就业岗位|工作岗位|岗位|就业人员|就业|从业人数|从业人员|就业人数)(?:已)?(?:达到|达|为|共)?\s*(?P<v>(?:超过|逾|约|近|突破)?\s*{_NUM}\s*万?)(?P<post>余|多)?\s*(?:个|人)"
    rf"|(?:吸纳|带动|提供|创造|解决)(?:就业)?\s*(?P<v2>(?:超过|逾|约|近)?\s*{_NUM}\s*万?)(?P<post2>余|多)?\s*(?:个|人)(?:以上)?(?:次)?(?:直接)?"
    rf"(?:[\u4e00-\u9fff]{{0,4}}?(?:就业机会|就业岗位|工作岗位)|就业|岗位|工作)"
)
#: the people working in a park (园区员工达3000余人): its jobs, when the clause is the park's
PARK_PEOPLE = re.compile(
    rf"(?:员工|从业人员|专业人士|专业人员)(?:总数|人数)?(?:已)?(?:达到|达|共|有)?\s*"
    rf"(?P<v>(?:超过|逾|约|近|突破)?\s*{_NUM}\s*万?)(?P<post>余|多)?\s*(?:名|人)"
)
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*年")
#: an industry word in a center's name (``某某银行客服中心``): labelled by 16 of the 21 blind
#: curators' centers that carry one; a public line's service words are not read (round 8)
INDUSTRY_CONFIDENCE = 0.6
_FUTURE = re.compile(r"将|预计|计划|规划|力争|目标|到20|到\d{4}|届时|建成后|未来|拟")


def _quantity(parse, text: str):
    try:
        return parse(text)
    except NormaliseError:
        return None


def _count(m: re.Match[str]) -> tuple[int, str | None] | None:
    g = m.groupdict()
    raw = (
        (g.get("pre") or "") + (g["n"] or g.get("n2") or g.get("n3") or "") + (g.get("post") or "")
    )
    raw += g.get("post2") or g.get("about") or ""
    raw = raw.replace("共有", "").replace("共设", "").replace("设有", "").replace("拥有", "")
    for w in ("达到", "突破", "容纳", "多达", "共", "达", "设", "有"):
        if raw.startswith(w):
            raw = raw[len(w) :]
    q = _quantity(parse_count, raw)
    if q is None or q.value <= 0:
        return None
    bound = q.bound if q.bound in ("min", "max", "approx") else None
    if (g.get("pre") or "") in ("突破",):
        bound = "min"
    return int(round(q.value)), bound


_GROWN = re.compile(
    r"增加到|增加至|增至|扩大到|扩容到|扩容至|发展到|提高到|提升到|上升到|上升至|猛增至|猛增到"
)
_LATER = re.compile(r"\s*(?P<n>\d[\d,]*(?:\.\d+)?\s*万?)(?P<post>余|多)?\s*(?:个|通|件|次)")
_HAS_NUMBER = re.compile(r"[\d一二两三四五六七八九十百千万]")
_HOURS_WORDS = re.compile(r"全天候|全年无休")


def _resolve(
    ctx: _Ctx,
    sentence_mentions: list[_Mention],
    clause_start: int,
    pos: int,
    clause: str,
    kind: str | None,
    anaphor_in: str,
) -> tuple[Entity | None, float]:
    """The entity a figure at ``pos`` is about, and how sure the attachment is."""
    before = [
        m
        for m in sentence_mentions
        if m.end <= pos and (kind is None or ctx.entities[ctx.canon[_key(m.name)]].kind == kind)
    ]
    located = [
        m for m in before if _LOCATED.search(anaphor_in[: len(anaphor_in) - (pos - m.start)])
    ]
    if located and len(located) == len(before):
        return None, 0.0  # X位于B中心区域，规划用地1600亩: X's figures, not those of the place B
    before = [m for m in before if m not in located]
    if before:
        m = before[-1]
        e = ctx.entities[ctx.canon[_key(m.name)]]
        same_clause = m.start >= clause_start
        return e, 0.9 if same_clause else 0.8
    after = [
        m
        for m in sentence_mentions
        if m.start >= pos and (kind is None or ctx.entities[ctx.canon[_key(m.name)]].kind == kind)
    ]
    if after and after[0].start - pos < 12:
        return ctx.entities[ctx.canon[_key(after[0].name)]], 0.75
    kinds = [kind] if kind else ["center", "park"]
    for k in kinds:
        anaphor = _ANAPHOR_CENTER if k == "center" else _ANAPHOR_PARK
        if anaphor.search(anaphor_in) and ctx.last[k] is not None:
            return ctx.last[k], 0.7
    for k in kinds:
        main = ctx.main.get(k)
        if main is not None:
            return main, 0.6
    return None, 0.0


#: a place said as where the sentence's subject lies (``位于武汉科技城``), not its subject
_LOCATED = re.compile(r"(?:位于|坐落于|坐落在|地处|落户于|落户在|毗邻|紧邻|靠近)$")


def _main_entities(entities: dict[str, Entity]) -> dict[str, Entity | None]:
    """The page's main center (and park): the only one of its kind, or named at least twice
    and more often than any other of its kind; ``None`` when no entity stands out."""
    out: dict[str, Entity | None] = {}
    for kind in ("center", "park"):
        ranked = sorted(
            (
                e
                for e in entities.values()
                if e.kind == kind
                and not _generic(e)
                and (kind == "park" or anchored(e.name) or e.mentions >= NAMED_OFTEN)
            ),  # a description (群众的贴心服务热线) is no rival of the page's named center
            key=lambda e: (-e.mentions, e.first),
        )
        if len(ranked) == 1 or (
            len(ranked) > 1 and ranked[0].mentions >= 2 and ranked[0].mentions > ranked[1].mentions
        ):
            out[kind] = ranked[0]
    if out.get("center") and out.get("park"):
        out = {}  # a page about a park and a center: figures without a subject stay unattached
    return out


def _subject(ctx, inside, cstart, clause, sentence, off, pos, kind):  # noqa: ANN001, ANN202
    return _resolve(ctx, inside, cstart, pos, clause, kind, sentence[: pos - off])


def _clauses(sentence: str, offset: int):
    for m in _CLAUSE.finditer(sentence):
        yield offset + m.start(), m.group(0)


#: a hotline number written in Chinese digits (``一九九九市民热线``, ``一二三四五热线``), and a
#: year written digit by digit (``二○○九年``; ``○`` is the circle news sites type for zero)
_CN_DIGIT_NUMBER = re.compile(
    r"[〇零一二三四五六七八九]{3,6}(?=[”\"」]?(?:市民|县民|便民|服务|热线|专线|话务|电话))"
    r"|[〇○零一二][〇○零一二三四五六七八九]{3}(?=年)"
)
_CN_DIGITS = str.maketrans("〇○零一二三四五六七八九", "000123456789")
#: a day's hours written with 廿 (``廿四小时``: twenty-four)
_NIAN_HOURS = re.compile(r"廿四(?=小时|钟头)")


def _digit_numbers(s: str) -> str:
    """Hotline numbers, years and a day's hours written in Chinese numerals as Arabic digits,
    character for character (offsets stay): ``一九九九市民热线`` -> ``1999市民热线``,
    ``二○○九年启用`` -> ``2009年启用``, ``廿四小时`` -> ``24小时``."""
    s = _CN_DIGIT_NUMBER.sub(lambda m: m.group(0).translate(_CN_DIGITS), s)
    return _NIAN_HOURS.sub("24", s)


_ROC_YEAR = re.compile(r"(?<![\d.,])(?:民国)?(?P<y>[1-9]\d{1,2})(?=年(?!代|级|龄|资))")


def _roc_years(s: str, city: str | None) -> str:
    """On a page about a place in Taiwan (``city``, the page's), years of the Republic
    (``98年成立``, ``民国94年``) as Western years (2009, 2005): year + 1911."""
    if city is None or city not in _taiwan_places():
        return s

    def west(m: re.Match[str]) -> str:
        year = int(m.group("y"))
        return str(year + 1911) if 30 <= year <= 130 else m.group(0)

    return _ROC_YEAR.sub(west, s)


#: a page that may be about Taiwan (then its city is looked up for years of the Republic)
_TAIWAN_HINT = re.compile(r"台|民国|县府|市府")


@lru_cache(maxsize=1)
def _taiwan_places() -> frozenset[str]:
    with open(CITIES_DIR / "city_aliases.csv", encoding="utf-8", newline="") as fh:
        return frozenset(row["alias"] for row in csv.DictReader(fh) if row["adcode"] == "710000")


#: a thousands separator (``1,200人``, ``8,000通``): a comma that would split the clause
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")


def read_prose(s: str, page_city: str | None = None) -> list[Entity]:
    """Entities of a Simplified text ``s`` with their facts (see the module docstring)."""
    if page_city is None and _TAIWAN_HINT.search(s):
        page_city = _page_city_of(s)
    s = _roc_years(_digit_numbers(_THOUSANDS.sub("", s)), page_city)
    mentions = _mentions(s)
    entities, canon = _group(mentions)
    mentions = [m for m in mentions if _key(m.name) in canon]
    _count_hotline_numbers(s, entities)
    _mark_listed(s, mentions, entities, canon)
    ctx = _Ctx(entities, canon)
    ctx.main = _main_entities(entities)
    ctx.date = page_date(s)
    for sm in _SENTENCE.finditer(s):
        sentence, off = sm.group(0), sm.start()
        inside = [m for m in mentions if off <= m.start < off + len(sentence)]
        for cstart, clause in _clauses(sentence, off):
            rel = cstart - off
            scoped = bool(_SCOPE.search(clause))
            head_part = sentence[: rel + len(clause)]

            subject = partial(_subject, ctx, inside, cstart, clause, sentence, off)

            if not scoped and (_HAS_NUMBER.search(clause) or _HOURS_WORDS.search(clause)):
                _center_figures(ctx, clause, cstart, subject, sentence)
                _park_figures(ctx, clause, cstart, subject, sentence, head_part)
            elif scoped and not _RATE_SCOPE.search(clause):
                _center_rates(clause, cstart, subject, sentence)
        grown = SEATS_GROWN_ACROSS.search(sentence)
        if grown:
            e, conf = _resolve(ctx, inside, off, off + grown.start(), sentence, "center",
                               sentence[: grown.start()])  # fmt: skip
            if e is not None:
                e.set("seats", int(grown.group("n")), None, min(conf, 0.8), sentence)
        _founded_sentence(ctx, sentence, off, inside)
        _opening_hours(ctx, sentence, off, inside)
        _awards(ctx, sentence, off, inside)
        for m in inside:
            e = entities[canon[_key(m.name)]]
            ctx.last[e.kind] = e
    read_placed_districts(s, ctx, mentions)
    placed = _placed_names(s, ctx, mentions)
    generic = [
        n for n, e in entities.items()
        if _generic(e)
        or _NOT_A_NAME.search(n)
        or (
            not anchored(n) and e.mentions < NAMED_OFTEN and n not in placed
            and not _brand_with_figures(e, s)
        )
    ]  # fmt: skip
    kept = [e for n, e in entities.items() if n not in generic and e.kind == "center"]
    for name in generic:
        e = entities.pop(name)
        if e.kind == "center" and e.name.endswith(("热线", "专线")) and len(kept) == 1:
            _fold_into(e, kept[0])  # 改为非紧急救助服务热线: the page's one hotline, described
    _fold_bare_hotlines(entities)
    _drop_quoted_aliases(s, entities)
    read_tenants(s, [e for e in entities.values()])
    for e in entities.values():
        industry = industry_written_in(e.name) if e.kind == "center" else None
        if industry:
            e.set("industry", industry, None, INDUSTRY_CONFIDENCE, e.name)
    return list(entities.values())


#: figures that only a named center has (a description of a center gets none of them)
_OWN_FIGURES = ("seats", "staff", "founded_year", "answer_rate", "csat", "aht_seconds")


def _brand_with_figures(e: Entity, s: str) -> bool:
    """A center named by a brand the place lists do not know (``台湾大哥大客服中心``) that starts
    a sentence and has two figures of its own there: a name, not a description."""
    if e.kind != "center" or sum(f in e.values for f in _OWN_FIGURES) < 2:
        return False
    tails = list(_TAIL.finditer(e.name))
    head = e.name[: tails[-1].start()] if tails else e.name
    at = s.find(e.name)
    starts = at == 0 or (at > 0 and s[at - 1] in "。！？\n")
    return starts and len(head) >= 4 and bool(_GENERIC_WORDS.sub("", head))


_LIST_SEPARATORS = ("、", "，", ",", "和", "及", "与")


def _mark_listed(s: str, mentions: list, entities: dict, canon: dict) -> None:
    """Parks or centers named one after another (``A软件园、B软件园、C软件园``,
    ``A客服中心、B客服中心与C客服中心``, three or more of one kind): each is a name."""
    runs: list[list] = [[]]
    for m in mentions:
        run = runs[-1]
        if run and m.kind == run[-1].kind and s[run[-1].end : m.start] in _LIST_SEPARATORS:
            run.append(m)
        else:
            runs.append([m])
    for run in runs:
        if len(run) >= 3:
            for x in run:
                entities[canon[_key(x.name)]].listed = True


def _fold_into(described: Entity, center: Entity) -> None:
    """Figures read for a hotline described without a name go to the page's one center, at
    confidence 0.6 at most (it is an inference), without overriding its own values."""
    for k, v in described.values.items():
        if k.endswith("_bound") or k in center.values:
            continue
        center.set(k, v, described.values.get(f"{k}_bound"),
                   min(described.confidence.get(k, 0.6), 0.6), described.evidence.get(k, ""))  # fmt: skip


_BARE_HOTLINE = re.compile(r"[“”\"]?\d{4,6}[“”\"]?热线$")


def _fold_bare_hotlines(entities: dict[str, Entity]) -> None:
    """A hotline named only by its place and number (``哈尔滨“12345”热线``) on a page that
    names one other center of that place (``哈尔滨市长公开电话受理中心``) is that center's
    number: its mentions and figures go to the named center."""
    for name, e in list(entities.items()):
        m = _BARE_HOTLINE.search(name)
        if e.kind != "center" or not m:
            continue
        place = city_in(name)
        if not place or len(city_names()[0].sub("", name[: m.start()]).strip("市")) > 0:
            continue  # 人社12333热线: more than a place before the number
        others = [
            o for n, o in entities.items()
            if n != name and o.kind == "center" and city_in(n) == place
            and not _HOTLINE.search(n) and not _generic(o)
        ]  # fmt: skip
        if len(others) == 1:
            others[0].mentions += e.mentions
            _fold_into(e, others[0])
            del entities[name]


def _drop_quoted_aliases(s: str, entities: dict[str, Entity]) -> None:
    """A park named only in quotes (``打造成“示范声谷”``, ``楼上写有“示范声谷”``) is a brand or a
    slogan when the page also names a park plainly: the plain name is the park's."""
    parks = [e for e in entities.values() if e.kind == "park"]
    quoted = [e for e in parks if s.count(f"“{e.name}”") >= max(1, s.count(e.name))]
    if len(quoted) < len(parks):
        for e in quoted:
            del entities[e.name]


def _center_figures(ctx: _Ctx, clause: str, cstart: int, subject, sentence: str) -> None:
    for rx, fld in (
        (SEATS, "seats"),
        (SEATS_AFTER, "seats"),
        (SEATS_GROWN, "seats"),
        (SEATS_SET, "seats"),
        (SEATS_BARE, "seats"),
        (STAFF, "staff"),
        (STAFF_AFTER, "staff"),
        (STAFF_RUN, "staff"),
        (DAILY_CALLS, "daily_inbound_calls"),
    ):
        for m in rx.finditer(clause):
            if (
                fld == "staff"
                and rx is STAFF
                and not re.search(_STAFF_WORD, clause[m.start() : m.end() + 2])
                and not re.search(r"员工|话务员|客服|工作人员|接线员|受理员", clause)
            ):
                continue
            if (
                fld == "staff"
                and re.search(
                    r"培训|招聘|毕业|学生|大学生|参赛|选手|市民|旅客|用户|客户(?!服务[员代]|代表)|记者|支援|抽调|就业|岗位(?!上)|"
                    r"正在|端坐|值班|轮值|当天|此时|现场|同时在岗|每个班|在线|增设|新增|增派|扩充",
                    clause,
                )
                or _COMPANY_STAFF.search(clause)
            ):
                continue  # a moment's count, or a whole company's staff
            if fld == "seats" and re.search(r"在线|处于|正在|空闲|排队", clause):
                continue  # 53个坐席处于整理状态: seats at a moment
            if fld == "seats" and _EXPANDING.search(clause[: m.start("n")]):
                continue  # 将扩容至110个坐席: a plan for an existing center, not its seats
            if fld == "seats" and _ADDED.search(clause[: m.start("n")]):
                continue  # 增设500个异地坐席: seats added for a while, not the center's
            if fld == "daily_inbound_calls" and (
                re.search(
                    r"最多|最高|峰值|最忙|高峰|每个班|每人|每名|接线员|话务员",
                    clause[: m.end() + 8],
                )
                or not (
                    _CALL_WORD.search(
                        clause[max(0, m.start() - 4) : m.start()]
                        + (m.group("mid") or "")
                        + (m.group("after") or "")
                    )
                    or re.search(
                        r"[\d一二两三四五六七八九十百千万]\s*(?:余|多)?\s*通", m.group(0)
                    )  # 通: the measure word of calls
                )
            ):
                continue
            got = _count(m)
            if got is None:
                continue
            value, bound = got
            grown = _GROWN.search(clause)
            if grown and m.start() < grown.end() and fld == "daily_inbound_calls":
                later = _LATER.match(clause, grown.end())
                if not later:
                    continue
                got = _count(later)
                if got is None:
                    continue
                value, bound = got
            elif (fld == "staff" and value < 5) or (
                grown and m.start() < grown.end() and rx is not SEATS_GROWN
            ):
                continue  # "成为一名话务员"; "从16名增加到40名": the later figure
            e, conf = subject(
                cstart + m.start(),
                None,
            )
            if e is None:
                continue
            if e.kind == "park":
                if fld != "seats":
                    continue
                _park_seats(e, value, bound, conf, clause, sentence)
                continue
            if fld == "seats" and value > 100000:
                continue
            if value >= 1000 and re.search(rf"(?<!\d){value}(?!\d)", e.name):
                continue  # 12345坐席接报室: the hotline's number, not a count
            if fld == "daily_inbound_calls":
                conf = min(conf, DAILY_CALLS_CONFIDENCE)
            e.set(fld, value, bound, conf, sentence)
    m = AHT.search(clause)
    if m and not re.search(r"最长|最多|最高|超过|复杂", clause[: m.start("v")]):
        e, conf = subject(cstart + m.start(), "center")
        if e is not None:
            seconds = float(m.group("v")) * (60 if m.group("u") == "分钟" else 1)
            bound = "approx" if m.group("about") or m.group("post") else None
            e.set("aht_seconds", int(round(seconds)), bound, min(conf, 0.7), sentence)
    _center_rates(clause, cstart, subject, sentence)


#: answered within a time: ``15秒内电话接通率``, ``20秒接通率``
_WITHIN_SECONDS = re.compile(r"(?P<s>\d{1,3})\s*秒(?:钟)?(?:内|以内|之内)?(?:的)?(?:电话|人工)?$")


def _center_rates(clause: str, cstart: int, subject, sentence: str) -> None:
    """Answer rate, satisfaction and opening hours of the clause's center (also read in a
    clause about a period, ``全年接通率保持在97%以上``: a year's rate is the center's)."""
    if (
        ANSWER_RATE.search(clause)
        or CSAT.search(clause)
        or FCR.search(clause)
        or _HOURS_WORDS.search(clause)
        or _EVERY_DAY.search(clause)
        or HOURS_24.search(clause)
    ):
        e, conf = subject(cstart, "center")
        if e is None:
            return
        for rx, fld in ((ANSWER_RATE, "answer_rate"), (CSAT, "csat"), (FCR, "fcr_rate")):
            m = rx.search(clause)
            if m:
                rate = m.group("v") or f"{m.group('pts')}%{m.groupdict().get('pts_post') or ''}"
                q = _quantity(parse_rate, rate)
                if q is not None and 0 < q.value <= 1:
                    bound = q.bound if q.bound in ("min", "approx") else None
                    if m.groupdict().get("pre"):
                        bound = "min"  # 满意率超98%
                    within = (
                        _WITHIN_SECONDS.search(clause[: m.start()]) if rx is ANSWER_RATE else None
                    )
                    if within:  # 15秒内接通率达98%: a service level, not the answer rate
                        e.set("service_level_target", round(q.value, 4), bound, conf, sentence)
                        e.set("service_level_seconds", int(within.group("s")), None, conf, sentence)
                        continue
                    e.set(fld, round(q.value, 4), bound, conf, sentence)
        m = HOURS_24.search(clause)
        if m and _MACHINE.search(clause[max(0, m.start() - 8) : m.end() + 8]):
            m = None  # 24小时自助语音服务: the machine's hours, not the agents'
        if m and _HUMAN_HOURS.search(sentence):
            m = None  # 7×24小时自助语音和5×8小时人工服务: the agents' hours are read below
        if m:
            e.set("hours_per_day", 24, None, conf, sentence)
        if (m and ("365天" in clause or "7" in m.group(0))) or _EVERY_DAY.search(clause):
            e.set("days_per_week", 7, None, conf, sentence)  # 全年无休: every day, not 24 hours


#: self-service (voice menus, robots) is not the center's opening time
_MACHINE = re.compile(r"自助|语音|智能|自动|机器人|留言|网上|网站|微信")
#: agents' hours: ``5×8小时人工服务``, ``工作日8小时人工接听``, ``8小时人工电话咨询``
_HUMAN_HOURS = re.compile(
    r"(?:(?P<d>[57])\s*[×x*]\s*)?(?P<wd>工作日)?\s*(?P<h>\d{1,2})\s*小时(?:的)?人工"
)
_CN_HOUR = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
            "十": 10, "十一": 11, "十二": 12}  # fmt: skip
_CLOCK = r"(?P<{0}>\d{{1,2}}|十[一二]?|[一二两三四五六七八九])\s*(?:[:：](?P<{0}m>[0-5]\d)|[时点])(?P<{0}h>半|三十分|卅分|30分)?"
#: an opening time: ``每日上午7时至晚间10时``, ``周一至周五上午9:00—下午5:00``
OPEN_RANGE = re.compile(
    _CLOCK.format("a") + r"\s*(?:至|到|-|—|–|～|~)\s*"
    r"(?P<pm>下午|晚上|晚间|晚|傍晚)?" + _CLOCK.format("b") + r"(?!\d{1,2}分)"
)
#: the days of an opening time, in the words just before it
_OPEN_DAYS = re.compile(r"每日|每天|天天|全年|平日|工作日|周一至周五|星期一至星期五|周一至周日")
_EVERY_DAY = re.compile(r"全年无休|365天|全年(?:从)?不打烊|节假日照常|节假日无休|节假日不休")
#: a time of one weekday (``每周四8时-18时``), of a report (``晚8点16分``), not an opening time
_NOT_OPENING = re.compile(r"(?<!至)(?:周|星期)[一二三四五六日](?!至)")
_SERVICE_TIME = re.compile(r"服务|受理|接听|人工|开放|值守|咨询|热线|专线|办公时间|工作时间")


def _clock(m: re.Match[str], g: str) -> float:
    raw = m.group(g)
    hour = int(raw) if raw.isdigit() else _CN_HOUR.get(raw, 0)
    minutes = int(m.group(f"{g}m") or 0) + (30 if m.group(f"{g}h") else 0)
    return hour + minutes / 60


def _opening_hours(ctx: _Ctx, sentence: str, off: int, inside: list[_Mention]) -> None:
    """Agents' hours in a sentence: ``5×8小时人工服务`` (8 hours, 5 days), ``每日上午7时至晚间10时
    受理`` (15 hours, 7 days), ``周一至周五上午9:00—下午5:00`` (8 hours, 5 days). A span shorter than
    six hours, across midnight (``次日``) or of a whole number of hours it is not is not read."""
    hours = days = None
    m = _HUMAN_HOURS.search(sentence)
    if m:
        hours = int(m.group("h"))
        if m.group("d"):
            days = int(m.group("d"))
        elif m.group("wd"):
            days = 5
        at = m.start()
    else:
        m = OPEN_RANGE.search(sentence)
        if not m or "次日" in sentence or not _SERVICE_TIME.search(sentence):
            return
        if _NOT_OPENING.search(sentence[max(0, m.start() - 6) : m.end()]):
            return
        start, end = _clock(m, "a"), _clock(m, "b")
        if m.group("pm") and end < 12:
            end += 12
        span = end - start
        if not (6 <= span <= 23) or span != int(span):
            return
        hours, at = int(span), m.start()
        said = _OPEN_DAYS.findall(sentence[max(0, m.start() - 16) : m.start()])
        said = said[-1] if said else None
        if said in ("每日", "每天", "天天", "全年", "周一至周日"):
            days = 7
        elif said in ("工作日", "周一至周五", "星期一至星期五") or "周一至周五" in sentence:
            days = 5
    if not 1 <= hours <= 24:
        return
    if days is None and _EVERY_DAY.search(sentence):
        days = 7
    e, conf = _resolve(ctx, inside, off, off + at, sentence, "center", sentence[:at])
    if e is None:
        return
    e.set("hours_per_day", hours, None, min(conf, 0.8) + 0.01, sentence)
    if days:
        e.set("days_per_week", days, None, min(conf, 0.8) + 0.01, sentence)


#: more seats than any one park holds (and more than two jobs a seat): a province's, a city's
#: or an industry's total
PARK_MAX = 200_000
PARK_MAX_JOBS = 2 * PARK_MAX


def _park_seats(e: Entity, value: int, bound, conf: float, clause: str, sentence: str) -> None:
    if value > PARK_MAX:
        return
    at = sentence.find(clause)
    previous = re.split(r"[，,；;]", sentence[: max(at, 0)].rstrip("，,；;"))[-1] if at > 0 else ""
    phase = re.search(r"(?:第?[一二三四]|首)期", clause) or re.search(
        r"(?:第?[一二三四]|首)期", previous
    )
    present = _PRESENT.search(clause) and not _FUTURE.search(clause) and not phase
    if (_FUTURE.search(sentence) or _YEAR.search(clause) or phase) and not present:
        years = _YEAR.findall(clause) or _YEAR.findall(previous) or _YEAR.findall(sentence)
        target = {"seats": value}
        if bound:
            target["seats_bound"] = bound
        if len(set(years)) == 1:
            target["year"] = int(years[0])
        if phase:
            target["phase"] = phase.group(0)
        if "year" not in target and "phase" not in target and not _AT_COMPLETION.search(clause):
            return
        targets = e.values.setdefault("seat_targets", [])
        if all(
            t.get("year") != target.get("year") or t.get("phase") != target.get("phase")
            for t in targets
        ):
            targets.append(target)
            e.confidence["seat_targets"] = min(conf, 0.75)
            e.evidence.setdefault("seat_targets", sentence.strip())
        return
    if _PARK_PART.search(clause):
        return
    e.set("seats", value, bound, min(conf, 0.75), sentence)


_PHASE = re.compile(r"[一二三四首]期|起步区")
#: seats when a park is finished, without a year (建成后可容纳座席2万个, 规划座席5万席)
_AT_COMPLETION = re.compile(r"建成后|全部建成|完全建成|规划|远期|最终")
#: a clause about what is there now (已建成座席1.5万个, 目前拥有座席9000个), in a sentence
#: that also states a plan: the park's seats, not a target
_PRESENT = re.compile(r"已建成|已建|已有|现有|目前|已经|已达|已拥有|已投入")
_SEAT_WORDS = re.compile(r"座席|坐席|席位")
#: a figure that describes the center or project named after it (总投资5亿元、占地80亩的X客服中心项目)
_OF_NEXT_CENTER = re.compile(rf"[^，。；]*?的[^，。；的]*?{CENTER_WORD}")


def _park_figures(
    ctx: _Ctx, clause: str, cstart: int, subject, sentence: str, head_part: str
) -> None:
    part = bool(_PARK_PART.search(clause))
    previous = re.split(r"[，,；;]", head_part[: len(head_part) - len(clause)].rstrip("，,；;"))[-1]
    if _PHASE.search(previous):
        part = True  # 基地一期占地2万平方米，总建筑面积6万平方米: the phase's, clause after clause
    for rx, fld, parse in (
        (AREA, "area_km2", parse_area),
        (AREA_BEFORE, "area_km2", parse_area),
        (FLOOR, "floor_area_m2", parse_area),
        (INVEST, "investment_cny", parse_money),
    ):
        m = rx.search(clause)
        if not m or part or _OF_NEXT_CENTER.match(clause, m.end()):
            continue
        q = _quantity(parse, m.group("v") or m.groupdict().get("v2") or "")
        if q is None:
            continue
        e, conf = subject(cstart + m.start(), None)
        if e is not None and e.kind != "park" and conf <= 0.7:
            # no center named in the sentence: 该项目 may be the park as well as the center
            e, conf = subject(cstart + m.start(), "park")
        if e is None or e.kind != "park":
            continue
        value = q.value / 1_000_000 if fld == "area_km2" else q.value
        value = round(value, 4) if fld == "area_km2" else int(round(value))
        e.set(fld, value, q.bound if q.bound in ("min", "max", "approx") else None, conf, sentence)
    m = JOBS.search(clause)
    if m is None and not _SEAT_WORDS.search(clause):
        people = PARK_PEOPLE.search(clause)
        owner = subject(cstart + people.start(), None)[0] if people else None
        if owner is not None and owner.kind == "park":
            m = people  # 园区已入驻企业36家，员工达3000余人: the park's people, not a center's staff
    if m and clause[max(0, m.start() - 2) : m.start()] == "新增":
        m = None  # 新增从业人员2万余人: the year's additions, not the park's jobs
    if m and re.search(r"求职|招聘|专场|送岗|用工|招工", sentence):
        m = None  # 企业提供岗位5668个 at a job fair: openings, not the park's jobs
    if m and not part:
        raw = (m.group("v") or m.groupdict().get("v2")).replace("突破", "超过")
        post = m.group("post") or m.groupdict().get("post2") or ""
        q = _quantity(parse_count, raw + post)
        e, conf = subject(cstart + m.start(), "park")
        if q is not None and e is not None and q.value <= PARK_MAX_JOBS:
            e.set(
                "jobs",
                int(round(q.value)),
                q.bound if q.bound in ("min", "approx") else None,
                min(conf, 0.7),
                sentence,
            )


AWARD = re.compile(
    r"(?:荣获|获得|摘得|夺得|授予其?|被评为|评为|获评)(?:了)?(?:[^，。；“”]{0,8}?)"
    r"(?P<list>“[^“”]{3,30}”(?:[、和及，,]?“[^“”]{3,30}”)*)"
    r"|(?:荣获|获得|摘得|获评|被评为)(?:了)?(?P<bare>[\u4e00-\u9fff]{4,16}?)(?:称号|荣誉称号)"
)
#: what an award title is made of (a quoted name without one, ``获得“12345”``, is not an award)
_AWARD_WORD = re.compile(
    r"奖|最佳|优秀|先进|示范|先锋|集体|十佳|品牌|杯|荣誉|文明|标杆|满意|五一|三八|红旗|星级|金牌|卓越|领先|百强|十强"
)
#: awards of a person (管理人, 标兵, 个人), not of the center
_PERSON_AWARD = re.compile(r"(?:管理人|标兵|个人|能手|之星|明星|模范|党员|员|师|者|手)$")


def _awards(ctx: _Ctx, sentence: str, off: int, inside: list[_Mention]) -> None:
    """Titles a center won (``荣获“示范最佳呼叫中心”、“示范服务奖”``, ``两次获得示范集体称号``),
    for the center named before the verb in the sentence or the page's main center; 0.7."""
    for m in AWARD.finditer(sentence):
        names = re.findall(r"“([^“”]+)”", m.group("list")) if m.group("list") else [m.group("bare")]
        names = [
            n for n in names
            if _AWARD_WORD.search(n) and not _PERSON_AWARD.search(n) and not re.search(r"\d{4}年?$", n)
        ]  # fmt: skip
        if not names:
            continue
        pos = off + m.start()
        e, conf = _resolve(ctx, inside, pos, pos, sentence, "center", sentence[: m.start()])
        if e is None or conf < 0.6:
            continue
        awards = e.values.setdefault("awards", [])
        for n in names:
            if n not in awards:
                awards.append(n)
        e.confidence["awards"] = min(max(e.confidence.get("awards", 0), conf), 0.7)
        e.evidence.setdefault("awards", sentence.strip())


FOUNDED_SENTENCE = re.compile(
    r"(?P<y>(?:19|20)\d\d)\s*年(?:\d{1,2}月)?(?:\d{1,2}日)?(?:起)?[，,]?(?P<mid>[^。！？年]{0,40}?)"
    r"(?:正式)?(?P<verb>开通|上线|运行|成立|挂牌成立|挂牌(?!上市|交易|督办)|批准建设|开园|揭牌|开设|设立|开办|启动|启用|投入使用)"
    r"|(?:成立|设立|开通|开设|组建|建立|创建)于\s*(?P<y2>(?:19|20)\d\d)\s*年"
)
_NOT_FOUNDING = re.compile(r"开始|筹建|开工|动工|奠基|改为|扩容|升级|整合|归并|评选")
#: an opening told by the day only, in the page's own time (``今天正式开通``, ``昨开通``,
#: ``11月26日…开始试运行``): the year is the page's (``scrapers.extract.dates``)
OPENED_ON_THE_DAY = re.compile(
    r"(?:(?P<rel>今天|今日|昨天|昨日|昨(?=正式|开通|启用|上线|揭牌))|(?:(?P<last>去年)|(?<![\d年]))(?P<mo>\d{1,2})月(?P<d>\d{1,2})日)"
    r"(?:[上下]午(?:\d{1,2}[时点](?:\d{1,2}分)?)?)?[，,]?"
    r"(?P<mid>[^。！？年，,]{0,30}?)(?:正式)?"
    r"(?P<verb>开通|上线|成立|挂牌成立|揭牌成立|揭牌|启用|投入使用|开始试运行|试运行)"
)


def _founded_sentence(ctx: _Ctx, sentence: str, off: int, inside: list[_Mention]) -> None:
    """``2013年12月25日，长沙市12345市民服务热线正式运行``, ``自2008年9月26日开通以来``,
    ``…热线于2014年1月上线``: the year an entity opened."""
    for m in FOUNDED_SENTENCE.finditer(sentence):
        if _NOT_FOUNDING.search(m.group("mid") or ""):
            continue
        pos = off + m.start()
        named = [
            x for x in inside
            if m.group("mid") is not None and off + m.start("mid") <= x.start < off + m.end("mid")
        ]  # fmt: skip
        before = [x for x in inside if x.end <= pos and pos - x.end <= 6]
        close = [x for x in inside if x.end <= pos and pos - x.end <= 12]
        # 2003年起设立的1823热线中心: the entity right after the verb and 的
        after = [
            x for x in inside
            if sentence[m.end() : m.end() + 1] == "的" and x.start == off + m.end() + 1
        ]  # fmt: skip
        if (
            m.group("verb") in ("启动", "开设", "设立", "开办")
            and not named
            and not close
            and not after
        ):
            continue  # 2023年启动…机制: what starts must be the entity named before the verb
        if after:
            e, conf = ctx.entities[ctx.canon[_key(after[0].name)]], 0.8
        elif named:
            e, conf = ctx.entities[ctx.canon[_key(named[0].name)]], 0.8
        elif before:
            e, conf = ctx.entities[ctx.canon[_key(before[-1].name)]], 0.8
        else:
            e, conf = _resolve(ctx, inside, pos, pos, sentence, None, sentence[: m.start()])
            conf = min(conf, 0.65)
        if e is not None:
            e.set("founded_year", int(m.group("y") or m.group("y2")), None, conf, sentence)
        return
    if ctx.date is None or _YEAR.search(sentence) or re.search(r"\d{4}-\d", sentence):
        return
    for m in OPENED_ON_THE_DAY.finditer(sentence):
        if _NOT_FOUNDING.search(m.group("mid") or "") or _NOT_OPENED.search(m.group("mid") or ""):
            continue
        start, end = off + m.start(), off + m.end()
        named = [x for x in inside if start <= x.start < end]
        before = [x for x in inside if x.end <= start and start - x.end <= 12]
        if not (named or before):
            continue  # what opened must be named in the sentence, next to the verb
        e = ctx.entities[ctx.canon[_key((named or before[-1:])[0].name)]]
        month = int(m.group("mo")) if m.group("mo") else None
        year = ctx.date.year - 1 if m.group("last") else year_of(ctx.date, month)
        e.set("founded_year", year, None, 0.7, sentence)
        return
    for x in inside:
        m = OPENED_IN_THE_NEWS.match(sentence, x.end - off)
        opened_next = _OPENS_NEXT.search(sentence, 0, x.start - off)
        if not (m or (opened_next and re.search(r"\d{1,2}月\d{1,2}日", sentence[: x.start - off]))):
            continue
        if m and m.group("d") and int(m.group("d")) > ctx.date.day:
            continue  # a day of the month after the page's: not this month's news
        e = ctx.entities[ctx.canon[_key(x.name)]]
        e.set("founded_year", ctx.date.year, None, 0.6, sentence)
        return


#: an opening the news tells without a day, or by the day of the month only, right after the
#: entity (``…青少年服务台25日揭牌``, a title ``…服务热线正式开通啦``): the year is the page's
OPENED_IN_THE_NEWS = re.compile(
    r"(?:(?<![\d月])(?P<d>\d{1,2})日|今天|今日|昨天|昨日)?(?:[上下]午)?(?:正式|顺利)?"
    r"(?P<verb>开通|上线|揭牌成立|揭牌|挂牌成立|启用|投入使用|开始试运行|试运行|上线试运作)"
    r"(?!以来|至今|后|前|时|之|初|的|仪式|典礼|活动|以后|将"
    r"|(?:已经?|已有|有)?(?:近|超过|逾|满)?[\d一二三四五六七八九十]+(?:多|余)?(?:周?年|个?月))"
)
#: the entity opened right after the verb (``9月27日正式启用…热线呼叫中心``)
_OPENS_NEXT = re.compile(r"(?:正式)?(?:启用|开通|上线)了?$")


#: what opens on the day is not the entity: an event, a meeting, a service of it
_NOT_OPENED = re.compile(r"活动|仪式|会议|大会|论坛|系统|功能|业务|服务项目|新平台|分中心|窗口")


def _founded(ctx: _Ctx, clause: str, cstart: int, subject, sentence: str) -> None:
    m = FOUNDED.search(clause)
    if not m:
        return
    e, conf = subject(cstart + m.start(), None)
    if e is None:
        # the entity named right after the year ("2010年12月28日…南京12345…开通")
        return
    e.set("founded_year", int(m.group("y")), None, min(conf, 0.75), sentence)


_GENERIC_WORDS = re.compile(
    r"产业园|软件园|产业基地|中国|全国|国际|省|市|县|区|呼叫中心|客服中心|客户服务中心|客服|呼叫|服务外包|外包|信息服务|服务|产业|"
    r"及|与|和|的|标准|最佳|支持|扶持|业务|台湾|香港|澳门|华东|华南|华北|华中|西南|西北|东北|新加坡|印度|日本|美国|韩国|"
    r"菲律宾|欧美|特色|信息|工业|人才|实训|培训|示范|基地|园区|产业园|软件园|业|后台|"
    r"(?:保险|证券|电信|通信|航空|物流|快递|金融)?(?:公司|企业|机构)|单体|咨询|被叫付费|离岸|在岸|境外|外资|外商|城市|大型|中小型|一级|二级|三级|电商|[“”\"《》·\s]"
)


_HOTLINE_WORDS = re.compile(r"政务|政府|便民|市民|公共|热线|非紧急|紧急|救助|咨询|投诉|举报|电话")
_PARK_INDUSTRY = re.compile(
    r"呼叫|客服|服务外包|外包|声谷|信息服务|软件|数据|BPO|后台|电商|云服务|呼叫之都|网商|数字|科技|商务|金融港|数谷"
)


def _generic(e: Entity) -> bool:
    """A center named only by places and industry words (``上海呼叫中心``: the city's industry)."""
    if e.kind == "center":
        if e.name.endswith("热线") and not city_names()[0].search(e.name):
            # 政务服务便民热线: what a hotline does, not its name (no place, no number)
            return not _HOTLINE_WORDS.sub("", _GENERIC_WORDS.sub("", e.name))
        rest = PROVINCE.sub("", REGION.sub("", city_names()[0].sub("", e.name)))
        return not _GENERIC_WORDS.sub("", rest)
    if not _PARK_INDUSTRY.search(e.name):
        return True
    if city_names()[0].search(e.name):
        return False
    return not _GENERIC_WORDS.sub("", PROVINCE.sub("", e.name))


_LATIN_OR_NUMBER = re.compile(r"[A-Za-z]{2,}|\d{3,}")
#: a head word that makes the name an event, a count or a statement (``第十届…``, ``50多条…热线``)
_NOT_A_NAME = re.compile(r"第[一二三四五六七八九十百\d]+[届次]|\d+(?:多|余)?[条种类项个家座所]")


@lru_cache(maxsize=4096)
def anchored(name: str) -> bool:
    """A name that names something: it holds a place (a prefecture, a county or district, also
    without its 区/县), an organisation or brand word, a hotline number or Latin letters.
    ``布置呼叫中心``, ``集约化客服中心``, ``多语种公益服务热线``, ``整个中国呼叫中心`` describe a center;
    ``洛阳呼叫中心``, ``南京12345…``, ``招商银行信用卡中心``, ``UUCALL呼叫中心`` name one."""
    if _NOT_A_NAME.search(name):
        return False
    if _LATIN_OR_NUMBER.search(name) or ORG_WORD.search(name) or BRAND.search(name):
        return True
    if city_names()[0].search(name) or districts()[0].search(name):
        return True
    if PROVINCE_NAME.search(name) or AREA_NAME.search(name) or ZONE_NAME.match(name):
        return True
    return bool(district_shorts().search(name))


#: an entity named this often is a name even without a place or an organisation word (a brand)
NAMED_OFTEN = 3


_page_city_of = page_city  # read_prose's argument of the same name hides it


#: ``位于滨江开发区的<entity>``, ``位于省城高新区的<park>``: the place before 的 is the entity's
_PLACED = re.compile(r"(?:位于|地处|坐落于|落户于|落户在)(?P<place>[^，。；、的“”]{2,16}?)的")
#: a name followed by where it is (``中国声谷位于合肥高新区``)
_PLACED_AFTER = re.compile(
    r"\s*(?:位于|地处|坐落于|坐落在|落户于|落户在)(?P<place>[^，。；、“”的]{2,16})"
)


def _placed_names(s: str, ctx: _Ctx, mentions: list[_Mention]) -> set[str]:
    """Entities named right after ``位于<place>的`` where the place names a city or county
    (``位于长沙城北的X服务外包基地``): the place anchors a name that holds none itself."""
    out = set()
    for m in _PLACED.finditer(s):
        place = m.group("place")
        if not (city_names()[0].search(place) or districts()[0].search(place)):
            continue
        nxt = [x for x in mentions if m.end() <= x.start <= m.end() + 2]
        if nxt and _key(nxt[0].name) in ctx.canon:
            out.add(ctx.canon[_key(nxt[0].name)])
    for x in mentions:  # 中国声谷位于合肥高新区: the name, then where it is
        after = _PLACED_AFTER.match(s, x.end)
        if after and _key(x.name) in ctx.canon and names_a_place(after.group("place")):
            out.add(ctx.canon[_key(x.name)])
    return out


def read_placed_districts(s: str, ctx: _Ctx, mentions: list[_Mention]) -> None:
    """District of an entity named right after ``位于<place>的`` (confidence 0.8)."""
    for m in _PLACED.finditer(s):
        nxt = [x for x in mentions if m.end() <= x.start <= m.end() + 2]
        if not nxt:
            continue
        e = ctx.entities.get(ctx.canon.get(_key(nxt[0].name), ""))
        if e is None or "district" in e.values:
            continue
        district = placed_district(m.group("place"), city_in(e.name))
        if district:
            e.set("district", district, None, 0.8, s[m.start() : nxt[0].end])
    for x in mentions:
        after = _PLACED_AFTER.match(s, x.end)
        e = ctx.entities.get(ctx.canon.get(_key(x.name), "")) if after else None
        if e is None or "district" in e.values:
            continue
        district = placed_district(after.group("place"), city_in(e.name))
        if district:
            e.set("district", district, None, 0.8, s[x.start : after.end()])


_ORG = r"[\u4e00-\u9fffA-Za-z0-9]{2,30}"
TENANT_LIST = re.compile(
    rf"(?P<list>{_ORG}(?:、{_ORG}){{0,8}})等(?:[一二三四五六七八九十\d多几]+家)?(?:多家)?(?:一批|一大批)?"
    r"[^，。；、]{0,12}?(?:企业|公司|机构|企)[^，。；]{0,8}?"
    r"(?:相继|先后|正式|已经|已|纷纷)?(?:入驻|落户|进驻|入园|签约落地|签约入驻|落地)(?!率)"
    rf"|(?P<list2>{_ORG}(?:、{_ORG}){{1,8}})(?:相继|先后|已|已经|正式)?(?:入驻|落户|进驻)(?!率)"
    rf"|(?:入驻|入园|签约|进驻|落户|不乏|引进了?|吸引了?|集聚了?|聚集了?|汇聚了?|培育了?)[^，。；、]{{0,10}}?的?(?P<list3>{_ORG}(?:、{_ORG}){{0,8}})等"
    r"(?:(?:[一二三四五六七八九十\d多几]+家)?(?:多家)?[^，。；、]{0,10}?(?:企业|公司|机构)|(?=[。；;]?$))"
    # the gathered firms, then what they are: 汇聚了包括A、B在内的众多企业
    rf"|(?:入驻|进驻|落户|引进了?|吸引了?|集聚了?|聚集了?|汇聚了?)[^，。；、]{{0,4}}?包括(?P<list7>{_ORG}(?:、{_ORG}){{0,8}})"
    r"在内的[^，。；、]{0,12}?(?:企业|公司|机构)(?!客户|用户)"
    r"|(?P<one>[\u4e00-\u9fff]{4,16}(?:有限公司|集团))(?:相继|先后|已|已经|正式)?(?:入驻|落户|进驻)(?!率)"
    # the park's firms, then the list: 入园企业包括A、B、C等
    rf"|(?:入园|入驻|园区|园内|区内)(?:企业|公司)(?:包括|有|如)(?P<list6>{_ORG}(?:、{_ORG}){{1,8}})等"
    # the park's own firms named as such: A、B、C等园内企业, A、B等入园企业
    rf"|(?P<list5>{_ORG}(?:、{_ORG}){{1,8}})等(?:[一二三四五六七八九十\d多几]+家)?(?:园内|园区内|园区|区内|入园|入驻|基地内)(?:企业|公司)"
)
_SETTLE_WORD = re.compile(
    r"入驻|落户|进驻|入园|签约|不乏|引进|吸引|落地|进场|园内企业|园区企业|区内企业|集聚|聚集|汇聚|培育|"
    r"开业|揭牌|投入运营|投产|签订|签署"
)
#: a stock code after a company's name (科大讯飞(002230)): not part of the list
_STOCK_CODE = re.compile(r"[（(]\d{6}(?:\.S[HZ])?[)）]")
#: companies named after a count of settled firms: ``已吸引4家服务外包企业进场，分别为A、B、C``
TENANTS_NAMED = re.compile(
    r"(?:企业|公司|机构)[^，。；]{0,6}?(?:进场|入驻|进驻|落户|入园)[^，。；]{0,4}?[，,：:]\s*"
    rf"(?:分别为|分别是|包括|有)(?P<list4>{_ORG}(?:、{_ORG}){{1,8}})"
)
_TENANT_BAD = re.compile(
    r"企业|项目|园区|基地|产业|政府|我市|本市|市委|管委会|部门|单位|城市|客户|人才|呼叫中心$|吸引|招商|最终|更|先后|相继"
)


#: industries and kinds of firm a tenant list may name instead of companies
_INDUSTRY_TERMS = re.compile(
    r"金融|电信|通信|银行|保险|证券|物流|电子商务|制造|互联网|IT|BPO|ITO|KPO|业务流程|独立软件商|软件商|"
    r"服务商|平台|技术|研发|数据|动漫|游戏|医药|教育|零售|能源|汽车"
)


_IN_PARK = re.compile(r"园区|基地|园内|入园|该园|产业园")
#: words that praise a firm before its name (全国软件百强企业、省级重点软件企业A):
#: what the firms are, not who
_PRAISE = (
    r"百强|\d+强|重点|知名|龙头|领军|骨干|优秀|著名|大型|上市|独角兽|高新技术|领先|头部|标杆|明星|"
    r"规划布局内|国家级|省级|跨国"
)
_DESCRIPTOR = re.compile(
    rf"^[\u4e00-\u9fffA-Za-z\d]*?(?:{_PRAISE})[\u4e00-\u9fffA-Za-z]{{0,8}}?(?:企业|公司)"
)


def _tenant_names(items: str) -> list[tuple[str, str]]:
    """The names of a tenant list ``A、B、C`` as (name, item): each item without the praise
    before it (``重点软件企业A`` -> A; a bare ``中国软件百强企业`` -> ""), without a kind after
    it (``北京某某数据企业`` -> 北京某某数据) and without an adverb the list ran into
    (``B等相继``); the first item also without the words before the list. An item the
    list bounds on both sides keeps a name a stop word would cut to one character (华伟自控)."""
    out = []
    for i, raw in enumerate(items.split("、")):
        whole = re.sub(r"等(?:相继|先后|已经|已|正式|纷纷)?$", "", _DESCRIPTOR.sub("", raw))
        if whole.endswith("企业") and len(whole) >= 6:
            whole = whole[:-2]
        name = _trim_head(whole)
        if len(name) < 2 and i > 0 and len(whole) <= 8:
            name = whole
        out.append((name, whole))
    return out


#: one firm (or its project) that settled in the park the sentence names: ``X有限公司与某区签约，
#: 正式落户<park>``, ``X中心项目已确定入驻<park>``, ``X中心在<park>开业``
_SETTLED_ONE = (
    r"(?:^|[，,：:])\s*(?P<org>[\u4e00-\u9fffA-Za-z0-9（）()]{{2,22}}?"
    r"(?:有限公司|公司|集团|中心|基地|研究院))(?:项目)?"
    r"(?:与[^，,。；]{{2,12}}?签约[，,]?)?(?:已经|已|确定|正式|将|顺利|成功)*"
    r"(?:(?:落户|入驻|进驻)(?:于|到)?{park}|在{park}(?:正式)?(?:开业|揭牌|投入运营|投产|成立))"
)


#: one firm after the park: the first to settle in it (``进驻该园区的首个项目——X中心占地…``)
#: or one that signed with it (``<park>与X有限公司签订了…协议``)
_AFTER_PARK = (
    r"(?:(?:入驻|进驻|落户)(?:该|本)?(?:园区|基地|产业园|{park})的(?:第一[个家批]|首[个家批])"
    r"[^，,。；、]{{0,10}}?(?:——|—|：|:)"
    r"|{park}(?:管委会)?与)"
    r"(?P<org>[\u4e00-\u9fffA-Za-z0-9（）()]{{2,24}}(?:有限公司|公司|集团|中心))"
    r"(?:[^，,。；、]{{0,4}}?签(?:订|署)了?[^，,。；]{{0,24}}?(?:协议|合同)|(?=占地|总投资|投资|一期|，|,|。))"
)


def _settled_one(sentence: str, park: str) -> str | None:
    """The firm :data:`_SETTLED_ONE` or :data:`_AFTER_PARK` finds settled in ``park`` (None
    when the subject is no firm: 该公司, a park, a line of business)."""
    m = re.search(_SETTLED_ONE.format(park=re.escape(park)), sentence) or re.search(
        _AFTER_PARK.format(park=re.escape(park)), sentence
    )
    if not m:
        return None
    whole = re.sub(r"^(?:\d{4}年)?(?:\d{1,2}月)?(?:\d{1,2}日)?", "", m.group("org"))
    org = _trim_head(whole)
    if len(re.sub(r"(?:有限公司|公司|集团|中心|基地|研究院)$", "", org)) < 3:
        org = whole  # 台州某某智能科技有限公司: a stop inside the name cut it to its kind
    if (
        len(org) < 4
        or re.match(r"[该本这其此]", org)
        or re.search(r"园区|产业园|软件园|科技园|开发区|新区|政府|管委会", org)
        or not _GENERIC_WORDS.sub("", _INDUSTRY_TERMS.sub("", org))
    ):
        return None
    return org


#: a kind of facility a tenant list names without its firm (``研发中心及后援中心``)
_FACILITY = re.compile(r"(?:后援|运营|研发|数据|灾备|结算|培训|营运|备份|共享服务)中心")


def read_tenants(s: str, entities: list[Entity]) -> None:
    """Companies that settled in a park (``A、B等企业入驻``, ``入园签约的A等七家企业``,
    ``不乏A、B等知名企业``, ``X有限公司入驻``): the one park the sentence names, else the page's
    one park or the park named more often than any other; confidence 0.6."""
    parks = sorted((e for e in entities if e.kind == "park"), key=lambda e: -e.mentions)
    if not parks:
        return
    main = parks[0]
    if len(parks) > 1 and parks[0].mentions <= max(1, parks[1].mentions):
        main = None  # no park named more often than the others
    found: dict[str, list[str]] = {}
    previous = sentence = ""
    for sm in _SENTENCE.finditer(s):
        if sentence.strip():
            previous = sentence  # the last sentence with words, for tenants listed after it
        sentence = _STOCK_CODE.sub("", sm.group(0))
        if not _SETTLE_WORD.search(sentence):
            continue
        named_parks = [p for p in parks if p.name in sentence]
        if len(named_parks) == 1:
            park = named_parks[0]
        else:
            other = [
                x for x in _mentions(sentence)
                if x.kind == "park" and (main is None or not (
                    _key(x.name) in _key(main.name) or _key(main.name) in _key(x.name)))
            ]  # fmt: skip
            if main is None or other:
                continue  # the companies of another park named in the sentence
            park = main
        tenants = found.setdefault(park.name, [])
        one = _settled_one(sentence, park.name)
        if one and one not in tenants:
            tenants.append(one)
            park.evidence.setdefault("tenants", sentence.strip())
        named = TENANTS_NAMED.search(sentence)
        for clause in [named.group(0)] if named else re.split(r"[，,；;]", sentence):
            m = TENANTS_NAMED.search(clause) or TENANT_LIST.search(clause)
            if not m:
                continue
            if "从事" in m.group(0):
                continue  # 聚集了一批从事软件服务外包、信息服务等…的企业: lines of business
            if (
                m.groupdict().get("list3")
                and park.name not in sentence
                and not _IN_PARK.search(sentence)
                and not (
                    (park.name in previous or _IN_PARK.search(previous))
                    and not names_a_place(sentence[: sentence.find(clause) + m.start()])
                )
            ):
                continue  # 某县已吸引A、B等企业: clients of a place, not tenants of the park
            g = m.groupdict()
            items = (
                g.get("list") or g.get("list2") or g.get("list3") or g.get("one")
                or g.get("list5") or g.get("list6") or g.get("list7") or g["list4"]
            )  # fmt: skip
            names = _tenant_names(items)
            if (
                g.get("list3")
                and not re.search(r"(?:企业|公司|机构)$", m.group(0))
                and any(cut != whole for cut, whole in names)
            ):
                continue  # 吸引金融机构在某区设立中心、基地等: what they set up, not a list of firms
            for name, _whole in names:
                if len(name) < 2 or _TENANT_BAD.search(name) or name in tenants:
                    continue
                if not _GENERIC_WORDS.sub("", _INDUSTRY_TERMS.sub("", _FACILITY.sub("", name))):
                    continue  # 金融、电信、IT等企业, 研发中心及后援中心: industries or facilities listed
                if city_names()[0].fullmatch(name) or districts()[0].fullmatch(name):
                    continue
                tenants.append(name)
                park.evidence.setdefault("tenants", sentence.strip())
    for park in parks:
        if found.get(park.name):
            park.values["tenants"] = found[park.name]
            park.confidence["tenants"] = 0.6
