"""The industries a center serves: one vocabulary, its English names and the synonyms read.

``centers.industry`` holds the Chinese name of :data:`INDUSTRIES`; pages show its English name in
English. A raw value in English or a common Chinese synonym (``bank``, ``telecom``, ``银行业``,
``电子商务``) is read to the canonical name by :func:`canonical_industry`; any other value is kept
as written (the vocabulary grows by adding it here, with its English name).

:func:`industry_written_in` finds an industry word a center's name writes (``某某银行信用卡中心``
-> 银行): the extractor reports it as the page's fact. :func:`industry_from_name` also infers one
from a service number, a brand or a public body (``12345热线`` -> 政务, ``携程`` -> 旅游): an
inference, not a fact a source states, which sources and the extractor never store; model inputs
use it where no source gives an industry, and say so (``industry_basis``).
"""

from __future__ import annotations

import re

#: canonical Chinese name -> English name
INDUSTRIES: dict[str, str] = {
    "金融": "Finance",
    "银行": "Banking",
    "保险": "Insurance",
    "证券": "Securities",
    "电信": "Telecoms",
    "电商": "E-commerce",
    "家电": "Home appliances",
    "航空": "Airlines",
    "旅游": "Travel",
    "政务": "Government services",
    "外包": "Outsourcing",
    "IT": "IT",
    "电力": "Electric power",
    "铁路": "Railways",
    "机场": "Airports",
    "市场监管": "Market regulation",
    "市政": "Municipal services",
    "人社": "Human resources and social security",
    "疾控": "Disease control",
    "通信": "Telecommunications",
    "供水": "Water supply",
    "城市管理": "City management",
    "税务": "Taxation",
    "住房公积金": "Housing provident fund",
    "供热": "Heating",
    "燃气": "Gas supply",
    "医疗": "Healthcare",
    "物流": "Logistics",
    "交通": "Transport",
}

#: lower-cased synonym -> canonical Chinese name (English names of the vocabulary included)
SYNONYMS: dict[str, str] = {
    **{en.lower(): zh for zh, en in INDUSTRIES.items()},
    "bank": "银行",
    "banks": "银行",
    "credit card": "银行",
    "credit cards": "银行",
    "银行业": "银行",
    "信用卡": "银行",
    "financial services": "金融",
    "financial": "金融",
    "insurer": "保险",
    "保险业": "保险",
    "securities": "证券",
    "brokerage": "证券",
    "证券业": "证券",
    "telecom": "电信",
    "telecommunication": "通信",
    "mobile": "电信",
    "电子商务": "电商",
    "ecommerce": "电商",
    "online retail": "电商",
    "airline": "航空",
    "aviation": "航空",
    "travel": "旅游",
    "tourism": "旅游",
    "travel and information services": "旅游",
    "government": "政务",
    "public service": "政务",
    "public services": "政务",
    "政府服务": "政务",
    "bpo": "外包",
    "outsourcing": "外包",
    "服务外包": "外包",
    "information technology": "IT",
    "power": "电力",
    "electricity": "电力",
    "electric": "电力",
    "mobile-phone operator": "电信",
    "mobile operator": "电信",
    "railway": "铁路",
    "airport": "机场",
    "logistics": "物流",
    "express delivery": "物流",
    "快递": "物流",
    "公交": "交通",
    "地铁": "交通",
    "轨道交通": "交通",
    "metro": "交通",
    "医院": "医疗",
    "供暖": "供热",
    "heating": "供热",
    "电信业": "电信",
    "public transport": "交通",
    "gas": "燃气",
    "healthcare": "医疗",
    "health": "医疗",
    "hospital": "医疗",
    "transport": "交通",
    "tax": "税务",
}


def canonical_industry(text: str | None) -> str | None:
    """The vocabulary's Chinese name of an industry as written (unknown values unchanged).

    >>> canonical_industry("Credit card"), canonical_industry("电子商务"), canonical_industry("茶叶")
    ('银行', '电商', '茶叶')
    """
    if text is None:
        return None
    key = " ".join(text.strip().lower().split())
    if text.strip() in INDUSTRIES:
        return text.strip()
    return SYNONYMS.get(key, text.strip())


#: what a public body's line serves, read from its number or its service words: first, before
#: a company word (``12345``, ``政府`` are government; ``12333``, ``人社`` human resources)
PUBLIC_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"12329|住房公积金|公积金"), "住房公积金"),
    (re.compile(r"12366|税务|地税|国税|纳税"), "税务"),
    (
        re.compile(
            r"12345|政府|政务|市长|市民服务|非紧急|便民|1999|1823|市民专线|市民热线|县民|公众服务|社会治理"
        ),
        "政务",
    ),
    (re.compile(r"12333|人力资源和社会保障|人社"), "人社"),
    (re.compile(r"12315|市场监管|工商"), "市场监管"),
    (re.compile(r"12319|城乡管理|城市管理|城管"), "城市管理"),
)
#: industry words a company's name writes (first match: ``交通银行`` is a bank). Left out on
#: purpose: a public body's service words (``政务``, ``城管``, ``税务`` in a line's name say what
#: the line does, and the blind curators never label them as an industry), brands and numbers
WRITTEN_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"银行"), "银行"),
    (re.compile(r"保险|人寿"), "保险"),
    (re.compile(r"证券"), "证券"),
    (re.compile(r"航空"), "航空"),
    (re.compile(r"机场"), "机场"),
    (re.compile(r"铁路"), "铁路"),
    (re.compile(r"燃气"), "燃气"),
    (re.compile(r"热力|供热"), "供热"),
    (re.compile(r"自来水|供水|水务"), "供水"),
    (re.compile(r"电力"), "电力"),
    (re.compile(r"电信"), "电信"),
    (re.compile(r"物流|快递"), "物流"),
    (re.compile(r"电商|电子商务"), "电商"),
    (re.compile(r"\b(?:Bank|Banking)\b"), "银行"),
    (re.compile(r"\b(?:Insurance|Assurance)\b"), "保险"),
    (re.compile(r"\b(?:Airlines?|Airways)\b"), "航空"),
    (re.compile(r"\bAirport\b"), "机场"),
    (re.compile(r"\b(?:Telecom|Telecommunications)\b"), "电信"),
)
#: brands, service numbers and services that imply an industry without writing its word
IMPLIED_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"南航|国航|东航"), "航空"),
    (re.compile(r"12306"), "铁路"),
    (re.compile(r"电网|95598|供电"), "电力"),
    (re.compile(r"人保|平安|95519"), "保险"),
    (re.compile(r"旅行|旅游|携程|同程"), "旅游"),
    (re.compile(r"煤气"), "燃气"),
    (re.compile(r"医院"), "医疗"),
    (re.compile(r"出租车|公交|电召|客运"), "交通"),
    (re.compile(r"京东|当当|阿里巴巴|淘宝|天猫|美团|唯品会|苏宁易购|拼多多"), "电商"),
    (re.compile(r"菜鸟|顺丰"), "物流"),
    (re.compile(r"中国移动|中国联通|移动公司|联通公司"), "电信"),
    (re.compile(r"\b(?:China\s+Mobile|China\s+Unicom|Unicom|CSL|PCCW)\b"), "电信"),
    (re.compile(r"\b(?:ANZ|HSBC|Citibank)\b"), "银行"),
    (re.compile(r"\b(?:Alibaba|Taobao|Tmall|JD\.com)\b"), "电商"),
    (re.compile(r"\bInsurer\b"), "保险"),
    (
        re.compile(
            r"\b(?:12345|1823|1999|12388)\b|\b(?:[Cc]itizens?['’]?s?|[Gg]overnment|[Pp]ublic\s+[Ss]ervice|[Mm]ayor)"
        ),
        "政务",
    ),
)


def _first(name: str, *tables: tuple[tuple[re.Pattern[str], str], ...]) -> str | None:
    for table in tables:
        for pattern, industry in table:
            if pattern.search(name):
                return industry
    return None


def industry_written_in(name: str | None) -> str | None:
    """The industry a word of the center's name writes, in the vocabulary's Chinese name.

    >>> industry_written_in("交通银行某分行客服中心"), industry_written_in("Some Airlines call centre")
    ('银行', '航空')
    >>> industry_written_in("某市12345政务服务热线") is None  # a line's service, not an industry
    True
    """
    return _first(name, WRITTEN_PATTERNS) if name else None


def industry_from_name(name: str | None) -> str | None:
    """The industry a center's name implies, in the vocabulary's Chinese name, else ``None``.

    The Chinese table (then without 燃气 and the operators) was right 0.84 of the time against
    the curators who labelled such inferences (round 4 of the real-page corpus,
    docs/scrapers.md); later curators label an industry only where a page writes it, which is
    why the extractor no longer reports this guess as a page's fact.

    >>> industry_from_name("西宁市12345民生服务热线"), industry_from_name("Bank of China call centre")
    ('政务', '银行')
    >>> industry_from_name("华为技术支持中心") is None
    True
    """
    return _first(name, PUBLIC_PATTERNS, WRITTEN_PATTERNS, IMPLIED_PATTERNS) if name else None
