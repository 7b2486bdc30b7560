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
#: any brand of :data:`BRANDS` (longest first, so ``阿里巴巴`` wins over ``阿里``)
BRAND = re.compile("|".join(sorted(BRANDS, key=len, reverse=True)))
