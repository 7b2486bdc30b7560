"""KPI sentences beyond the seed pages: satisfaction, first-contact resolution, attrition."""

from __future__ import annotations

import pytest

from scrapers.extract.kpis import find_kpis


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("客户满意度保持在96%以上。", {"csat": "96%以上"}),
        ("用户满意率达到98.5%。", {"csat": "98.5%"}),
        ("一次性解决率达到85%。", {"fcr_rate": "85%"}),
        ("首次问题解决率超过80%。", {"fcr_rate": "超过80%"}),
        ("人员流失率控制在15%以内。", {"attrition_rate": "15%以内"}),
        ("员工流动率约为12%。", {"attrition_rate": "约12%"}),
        ("年流失率低于20%。", {"attrition_rate": "低于20%"}),
        # two sentences, two different attrition figures: which is the center's is a judgement
        ("本中心人员流失率为15%。行业平均人员流失率约为30%。", {}),
        # the same figure twice is one fact
        ("客户满意度为95%。全年客户满意度为95%。", {"csat": "95%"}),
        # words that merely mention the KPI give nothing
        ("我们非常重视客户满意度和人员流失率。", {}),
    ],
)
def test_kpi_sentences(text, expected):
    assert {h.field: h.value for h in find_kpis(text)} == expected


def test_traditional_sentences_read_the_same():
    assert {h.field: h.value for h in find_kpis("客戶滿意度保持在96%以上。")} == {"csat": "96%以上"}
