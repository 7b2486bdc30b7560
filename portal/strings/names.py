"""English names of the industries the data records (``centers.industry``), by their Chinese name."""

STRINGS: dict[str, dict[str, str]] = {
    "industry.金融": {"zh": "金融", "en": "Finance"},
    "industry.银行": {"zh": "银行", "en": "Banking"},
    "industry.保险": {"zh": "保险", "en": "Insurance"},
    "industry.电信": {"zh": "电信", "en": "Telecoms"},
    "industry.电商": {"zh": "电商", "en": "E-commerce"},
    "industry.家电": {"zh": "家电", "en": "Home appliances"},
    "industry.航空": {"zh": "航空", "en": "Airlines"},
    "industry.旅游": {"zh": "旅游", "en": "Travel"},
    "industry.政务": {"zh": "政务", "en": "Government services"},
    "industry.外包": {"zh": "外包", "en": "Outsourcing"},
    "industry.IT": {"zh": "IT", "en": "IT"},
    "names.romanised": {
        "zh": "英文地名取自参考数据（拼音转写）。",
        "en": "English place names are the reference data's romanisations (pinyin); names "
        "without one stay in Chinese.",
    },
}
