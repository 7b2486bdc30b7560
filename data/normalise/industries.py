"""The industries a center serves: one vocabulary, its English names and the synonyms read.

``centers.industry`` holds the Chinese name of :data:`INDUSTRIES`; pages show its English name in
English. A raw value in English or a common Chinese synonym (``bank``, ``telecom``, ``银行业``,
``电子商务``) is read to the canonical name by :func:`canonical_industry`; any other value is kept
as written (the vocabulary grows by adding it here, with its English name).
"""

from __future__ import annotations

#: canonical Chinese name -> English name
INDUSTRIES: dict[str, str] = {
    "金融": "Finance",
    "银行": "Banking",
    "保险": "Insurance",
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
    "railway": "铁路",
    "airport": "机场",
    "logistics": "物流",
    "express delivery": "物流",
    "快递": "物流",
    "公交": "交通",
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
