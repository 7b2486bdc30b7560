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
    "industry.电力": {"zh": "电力", "en": "Electric power"},
    "industry.铁路": {"zh": "铁路", "en": "Railways"},
    "industry.机场": {"zh": "机场", "en": "Airports"},
    "industry.市场监管": {"zh": "市场监管", "en": "Market regulation"},
    "industry.市政": {"zh": "市政", "en": "Municipal services"},
    "industry.人社": {"zh": "人社", "en": "Human resources and social security"},
    "industry.疾控": {"zh": "疾控", "en": "Disease control"},
    "industry.通信": {"zh": "通信", "en": "Telecommunications"},
    "industry.供水": {"zh": "供水", "en": "Water supply"},
    "industry.城市管理": {"zh": "城市管理", "en": "City management"},
    "names.romanised": {
        "zh": "英文地名取自参考数据（拼音转写）。",
        "en": "English place names are the reference data's romanisations (pinyin); names "
        "without one stay in Chinese.",
    },
}
