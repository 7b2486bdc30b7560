"""Chinese company brands that run customer-service centers and that pages write without an
organisation word (``天猫客服中心``, ``58同城全国客户服务中心``, ``携程南通呼叫中心``).

A brand in a name makes the name a proper name (``prose.anchored``), as a place or ``银行`` does.
The list holds large consumer-facing companies: e-commerce, travel, delivery, ride-hailing,
internet, phone and appliance makers. It is a gazetteer, not a guess: add a brand when a page
names one of its centers.
"""

from __future__ import annotations

import re

BRANDS = (
    "阿里巴巴", "阿里", "淘宝", "天猫", "支付宝", "蚂蚁", "菜鸟", "京东", "当当", "苏宁", "国美",
    "唯品会", "拼多多", "美团", "饿了么", "携程", "同程", "去哪儿", "途牛", "艺龙", "飞猪", "滴滴",
    "58同城", "赶集", "百度", "腾讯", "网易", "新浪", "搜狐", "字节跳动", "抖音", "快手", "小米",
    "华为", "联想", "海尔", "美的", "格力", "海信", "TCL", "长虹", "顺丰", "中通", "圆通", "申通",
    "韵达", "德邦", "平安", "亚马逊", "戴尔", "惠普", "微软", "苹果",
)  # fmt: skip
#: the short names pages give the banks, insurers, operators, airlines, utilities and railways
#: that run the largest centers of the mainland, Hong Kong and Taiwan (``农行成都客服中心``,
#: ``招行信用卡武汉呼叫中心``, ``台铁客服中心``, ``港灯紧急服务热线``): no organisation word is written
SHORT_NAMES = (
    "工行", "农行", "中行", "建行", "交行", "招行", "邮储", "浦发", "民生银", "兴业", "中信", "光大",
    "华夏", "广发", "平安", "人保", "国寿", "太保", "泰康", "新华保险", "太平洋", "友邦",
    "南航", "国航", "东航", "海航", "川航", "厦航", "深航", "华航", "长荣", "国泰",
    "国网", "南网", "港灯", "中电", "港铁", "电讯盈科", "数码通", "和记", "中华电信",
    "台湾大哥大", "远传", "亚太电信", "台铁", "台电", "台银", "台水", "中油", "高铁",
)  # fmt: skip
#: any brand of :data:`BRANDS` or short name of :data:`SHORT_NAMES` (longest first, so
#: ``阿里巴巴`` wins over ``阿里``)
BRAND = re.compile("|".join(sorted(set(BRANDS + SHORT_NAMES), key=len, reverse=True)))
