"""Column headers of import files: Chinese (Simplified or Traditional) and English synonyms.

A header is matched after normalisation (NFKC, Traditional -> Simplified, lower case, units in
brackets and punctuation removed), so ``座席數量（個）``, ``座席数量`` and ``Seats`` all mean
``seats``. The first name of each list is the template's Chinese header, the second its English.
"""

from __future__ import annotations

import re

from data.normalise import values as nz

_COMMON_PLACE = {
    "province": ["省份", "province", "省", "所在省份"],
    "city": ["城市", "city", "所在城市", "所在地", "所在地区", "地区", "location"],
    "district": ["区县", "district", "所在区县", "区"],
    "city_adcode": ["城市代码", "city_adcode", "行政区划代码", "adcode"],
    "lat": ["纬度", "lat", "latitude"],
    "lon": ["经度", "lon", "longitude", "lng"],
}

SYNONYMS: dict[str, dict[str, list[str]]] = {
    "centers": {
        "name": [
            "企业名称",
            "name",
            "名称",
            "公司名称",
            "呼叫中心名称",
            "单位名称",
            "center",
            "company",
        ],
        "name_en": ["英文名称", "name_en", "english name"],
        "industry": ["所处行业", "industry", "行业", "企业所处行业", "所属行业", "服务行业"],
        "ownership": ["企业性质", "ownership", "单位性质", "所有制", "公司性质"],
        **_COMMON_PLACE,
        "founded": [
            "成立时间",
            "founded",
            "建立时间",
            "呼叫中心建立时间",
            "成立年份",
            "建立年份",
            "established",
            "year founded",
        ],
        "founded_year": ["成立年", "founded_year"],
        "founded_month": ["成立月", "founded_month"],
        "seats": [
            "座席数量",
            "seats",
            "座席规模",
            "坐席",
            "坐席数",
            "座席数",
            "席位数",
            "座席",
            "number of seats",
            "workstations",
        ],
        "staff": [
            "人员数量",
            "staff",
            "呼叫中心人员数量",
            "员工人数",
            "人数",
            "员工数",
            "headcount",
            "employees",
            "agents",
        ],
        "hours": [
            "开放时间",
            "hours",
            "服务时间",
            "呼叫中心开放时间",
            "营业时间",
            "工作时间",
            "opening hours",
            "service hours",
        ],
        "hours_per_day": ["每日小时数", "hours_per_day"],
        "days_per_week": ["每周天数", "days_per_week"],
        "phone_numbers": [
            "客服号码",
            "phone_numbers",
            "服务热线",
            "呼叫中心号码",
            "热线",
            "电话",
            "客服电话",
            "hotline",
            "phone",
            "phone number",
        ],
        "answer_rate": ["接通率", "answer_rate", "answer rate", "日均接通率"],
        "service_level": ["服务水平", "service_level", "service level", "服务水平目标"],
        "service_level_target": ["服务水平比例", "service_level_target"],
        "service_level_seconds": ["服务水平时限", "service_level_seconds"],
        "aht_seconds": [
            "平均处理时长",
            "aht_seconds",
            "aht",
            "平均通话时长",
            "average handle time",
            "平均处理时间",
        ],
        "fcr_rate": [
            "首次解决率",
            "fcr_rate",
            "fcr",
            "一次性解决率",
            "一次解决率",
            "first contact resolution",
            "一次性答复率",
        ],
        "csat": ["客户满意度", "csat", "满意度", "customer satisfaction"],
        "attrition_rate": [
            "人员流失率",
            "attrition_rate",
            "流失率",
            "员工流失率",
            "attrition",
            "人员流动率",
        ],
        "daily_inbound_calls": [
            "日均呼入量",
            "daily_inbound_calls",
            "日呼入量",
            "daily inbound calls",
        ],
        "daily_outbound_calls": [
            "日均呼出量",
            "daily_outbound_calls",
            "日呼出量",
            "daily outbound calls",
        ],
        "outbound_success_rate": ["呼出成功率", "outbound_success_rate", "outbound success rate"],
        "certifications": ["认证", "certifications", "资质认证", "质量认证", "certification"],
        "awards": ["获奖", "awards", "荣誉", "获奖情况", "award"],
        "website": ["网址", "website", "网站", "url"],
        "description": ["简介", "description", "企业简介", "说明", "备注"],
    },
    "parks": {
        "name": ["园区名称", "name", "名称", "基地名称", "park", "park name"],
        "name_en": ["英文名称", "name_en", "english name"],
        **_COMMON_PLACE,
        "area_km2": ["规划面积", "area_km2", "面积", "占地面积", "area"],
        "start_area_km2": ["起步区面积", "start_area_km2", "start area"],
        "building_area_m2": ["建筑面积", "building_area_m2", "building area", "楼宇面积"],
        "investment_cny": ["投资额", "investment_cny", "总投资", "investment"],
        "jobs": ["就业岗位", "jobs", "就业人数"],
        "founded": ["成立时间", "founded", "设立时间", "成立年份", "founded_year"],
        "operator": ["运营单位", "operator", "管理机构", "主管单位"],
        "rent_cny_per_m2_month": ["租金", "rent_cny_per_m2_month", "rent", "月租金"],
        "distance_to_city_km": ["距城区距离", "distance_to_city_km", "距县城距离"],
        "distance_to_expressway_km": ["距高速距离", "distance_to_expressway_km", "距高速公路距离"],
        "distance_to_airport_km": ["距机场距离", "distance_to_airport_km"],
        "transport": ["交通", "transport", "交通条件"],
        "labour_pool": ["人力资源", "labour_pool", "labour pool", "人才资源"],
        "description": ["简介", "description", "说明", "备注"],
    },
    "incentives": {
        "name": ["政策名称", "name", "名称", "policy"],
        "park": ["园区", "park", "园区名称", "基地"],
        "city": ["城市", "city"],
        "city_adcode": ["城市代码", "city_adcode", "adcode"],
        "kind": ["类型", "kind", "政策类型", "type"],
        "basis": ["计算基数", "basis", "基数"],
        "rate": ["比例", "rate", "返还比例", "减免比例"],
        "amount_cny": ["金额", "amount_cny", "补贴金额", "amount"],
        "amount_unit": ["金额单位", "amount_unit"],
        "cap_cny": ["上限", "cap_cny", "补贴上限", "cap"],
        "duration_years": ["期限", "duration_years", "年限", "duration"],
        "start_year_offset": ["起始年", "start_year_offset"],
        "min_investment_cny": ["投资额门槛", "min_investment_cny", "最低投资额"],
        "min_revenue_cny": ["营业收入门槛", "min_revenue_cny", "最低营业收入"],
        "min_seats": ["座席门槛", "min_seats", "最低座席数"],
        "tier": ["档次", "tier", "级别"],
        "conditions": ["条件", "conditions", "政策原文", "说明"],
    },
    "city_inputs": {
        "city": ["城市", "city", "城市名称"],
        "province": ["省份", "province"],
        "adcode": ["城市代码", "adcode", "行政区划代码", "city_adcode"],
        "indicator": ["指标", "indicator", "指标名称"],
        "value": ["数值", "value", "值"],
        "year": ["年份", "year", "数据年份"],
        "source": ["来源", "source", "数据来源"],
        "note": ["说明", "note", "备注"],
    },
}

#: columns an import file must have, by kind
REQUIRED_COLUMNS = {
    "centers": ("name",),
    "parks": ("name",),
    "incentives": ("name", "kind"),
    "city_inputs": ("indicator", "value", "year", "source"),
}


def header_key(text: str) -> str:
    """Normalise a header cell for matching: ``座席數量（個）`` -> ``座席数量``."""
    text = nz.clean_text(str(text)) or ""
    text = nz.to_simplified(text).lower()
    text = re.sub(r"[(\[（【].*?[)\]）】]", "", text)
    return re.sub(r"[\s_\-:：*·.、/]+", "", text)


_INDEX: dict[str, dict[str, str]] = {}


def _index(kind: str) -> dict[str, str]:
    if kind not in _INDEX:
        _INDEX[kind] = {header_key(s): f for f, names in SYNONYMS[kind].items() for s in names}
    return _INDEX[kind]


def match_header(kind: str, header: str) -> str | None:
    """The field a header means for ``kind``, or None."""
    return _index(kind).get(header_key(header))


def template_headers(kind: str, lang: str) -> list[str]:
    """Template headers in ``zh`` (first synonym) or ``en`` (the field name)."""
    return [names[0] if lang == "zh" else f for f, names in SYNONYMS[kind].items()]
