"""Label synonyms of profile pages: the one table mapping page labels to raw field names.

Field names are the raw field names of ``data.ingest.records.check_record``: schema columns of
``centers`` plus the composites ``founded`` (year and month), ``hours`` (hours per day, days per
week) and ``service_level`` (target and seconds). Labels are matched after conversion to
Simplified Chinese, lower case, without spaces, brackets or a trailing colon, so ``座席數量``,
``座席数量（个）`` and ``Seats:`` all find their field. A label with a common prefix
(``呼叫中心``, ``企业``, ``贵公司`` ...) is also tried without it.
"""

from __future__ import annotations

import re
from functools import lru_cache

import opencc

#: raw field -> labels seen on pages (Simplified, Traditional, English)
SYNONYMS: dict[str, tuple[str, ...]] = {
    "name": (
        "企业名称",
        "公司名称",
        "单位名称",
        "呼叫中心名称",
        "中心名称",
        "名称",
        "企業名稱",
        "公司名稱",
        "候选企业",
        "参评企业",
        "Company",
        "Company name",
        "Name",
        "Center",
        "Center name",
        "Centre name",
        "Organisation",
        "Organization",
    ),
    "name_en": ("英文名称", "英文名稱", "English name"),
    "industry": (
        "所处行业",
        "企业所处行业",
        "所属行业",
        "所屬行業",
        "所處行業",
        "行业",
        "行業",
        "行业类别",
        "服务行业",
        "Industry",
        "Sector",
    ),
    "ownership": (
        "企业性质",
        "单位性质",
        "企業性質",
        "單位性質",
        "公司性质",
        "性质",
        "所有制",
        "Ownership",
        "Ownership type",
        "Company type",
    ),
    "province": ("所在省份", "省份", "Province"),
    "city": (
        "所在城市",
        "所在地",
        "城市",
        "所在地区",
        "所在城市地区",
        "地点",
        "所在城巿",
        "City",
        "Location",
    ),
    "founded": (
        "建立时间",
        "呼叫中心建立时间",
        "成立时间",
        "成立時間",
        "建立時間",
        "创建时间",
        "創建時間",
        "成立日期",
        "成立年份",
        "成立年度",
        "成立年",
        "建成时间",
        "开通时间",
        "Established",
        "Founded",
        "Year founded",
        "Since",
    ),
    "seats": (
        "座席数量",
        "座席數量",
        "座席规模",
        "座席規模",
        "坐席",
        "坐席数量",
        "坐席數量",
        "座席数",
        "座席",
        "坐席数",
        "席位数",
        "Seats",
        "Number of seats",
        "Seat count",
    ),
    "staff": (
        "人员数量",
        "呼叫中心人员数量",
        "人員數量",
        "人员规模",
        "人員規模",
        "员工人数",
        "員工人數",
        "员工数量",
        "人数",
        "Staff",
        "Employees",
        "Headcount",
        "Agents",
    ),
    "phone_numbers": (
        "客服号码",
        "服务热线",
        "服務熱線",
        "客服热线",
        "客服熱線",
        "客服电话",
        "客服電話",
        "服务电话",
        "服務電話",
        "呼叫中心号码",
        "呼叫中心號碼",
        "热线",
        "熱線",
        "号码",
        "Hotline",
        "Phone",
        "Telephone",
        "Service number",
    ),
    "hours": (
        "开放时间",
        "開放時間",
        "服务时间",
        "服務時間",
        "工作时间",
        "營業時間",
        "营业时间",
        "服务时段",
        "Opening hours",
        "Service hours",
        "Hours",
    ),
    "website": ("网址", "網址", "网站", "網站", "Website", "Web site", "URL"),
    "answer_rate": ("接通率", "Answer rate"),
    "service_level": ("服务水平", "服務水平", "Service level"),
    "aht_seconds": ("平均处理时长", "平均通话时长", "平均處理時長", "AHT", "Average handle time"),
    "daily_inbound_calls": ("日均呼入量", "日均来电量", "日均呼入", "Daily inbound calls"),
    "daily_outbound_calls": ("日均呼出量", "日均呼出", "Daily outbound calls"),
    "outbound_success_rate": ("呼出成功率", "Outbound success rate"),
    "certifications": ("认证", "認證", "通过认证", "Certifications", "Certification"),
    "awards": ("获奖", "獲獎", "所获奖项", "Awards"),
}

#: prefixes stripped when a label is not found as written
PREFIXES = ("呼叫中心", "客服中心", "企业", "贵公司", "公司", "中心", "贵单位", "本中心")

_T2S = opencc.OpenCC("t2s")
_DROP = re.compile(r"[\s\u3000:：*＊·•\[\]【】]|[（(][^)）]*[)）]")


def normalise_label(label: str) -> str:
    """Key of a label: Simplified Chinese, lower case, no spaces, brackets or colon.

    Examples
    --------
    >>> normalise_label("座席數量（個）：")
    '座席数量'
    >>> normalise_label(" Opening  Hours:")
    'openinghours'
    """
    return _DROP.sub("", _T2S.convert(label)).lower()


_INDEX: dict[str, str] = {normalise_label(s): f for f, labels in SYNONYMS.items() for s in labels}


@lru_cache(maxsize=4096)
def field_for_label(label: str) -> str | None:
    """Raw field of a page label, or ``None`` for a label ParkBench does not read.

    Examples
    --------
    >>> field_for_label("呼叫中心开放时间"), field_for_label("所屬行業"), field_for_label("联系人")
    ('hours', 'industry', None)
    """
    key = normalise_label(label)
    if not key or len(key) > 24:
        return None
    if key in _INDEX:
        return _INDEX[key]
    for prefix in PREFIXES:
        if key.startswith(prefix) and key[len(prefix) :] in _INDEX:
            return _INDEX[key[len(prefix) :]]
    return None
