"""Pure extraction on the fixture corpus: encodings, layouts, synonyms, KPI sentences."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scrapers.extract import extract_profiles
from scrapers.extract.articles import extract_articles, find_facts
from scrapers.extract.encoding import decode_page
from scrapers.extract.errors import NotHtmlError
from scrapers.extract.kpis import find_kpis
from scrapers.extract.labels import field_for_label
from scrapers.extract.layouts import split_line

CORPUS = Path(__file__).parents[1] / "fixtures" / "scrapers"
PROFILE_CASES = sorted(p.name for p in (CORPUS / "profiles").iterdir() if p.is_dir())


def load(case: str) -> tuple[bytes, object]:
    folder = CORPUS / "profiles" / case
    return (folder / "page.html").read_bytes(), json.loads(
        (folder / "expected.json").read_text("utf-8")
    )


@pytest.mark.parametrize(
    ("case", "encoding", "how"),
    [
        ("seed000_br_utf8", "utf-8", "declared"),
        ("seed000_p_gbk_undeclared", "gb18030", "detected"),
        ("table2_gb2312", "gb18030", "declared"),
        ("table4_big5_undeclared", "big5hkscs", "detected"),
        ("dl_gb18030", "gb18030", "declared"),
        ("english_bom", "utf-8", "bom"),
        ("winners_big5", "big5hkscs", "declared"),
    ],
)
def test_encoding_cascade(case, encoding, how):
    body, _ = load(case)
    decoded = decode_page(body)
    assert (decoded.encoding, decoded.how) == (encoding, how)
    assert "\ufffd" not in decoded.text


def test_gb2312_page_with_gbk_only_character_decodes_as_gb18030():
    body = '<meta charset="gb2312"><p>企业名称：镕基科技</p>'.encode("gbk")  # 镕 is not in GB2312
    assert "镕基科技" in decode_page(body).text


def test_not_html_is_an_error_not_a_crash():
    body, expected = load("not_html_pdf")
    assert expected == {"reject": "not_html"}
    with pytest.raises(NotHtmlError, match="not an HTML page"):
        extract_profiles(body)


@pytest.mark.parametrize(
    ("label", "field"),
    [
        ("座席数量", "seats"),
        ("座席數量", "seats"),
        ("座席规模", "seats"),
        ("坐席", "seats"),
        ("Seats", "seats"),
        ("人员数量", "staff"),
        ("呼叫中心人员数量", "staff"),
        ("Staff", "staff"),
        ("所处行业", "industry"),
        ("企业所处行业", "industry"),
        ("所屬行業", "industry"),
        ("Industry", "industry"),
        ("建立时间", "founded"),
        ("呼叫中心建立时间", "founded"),
        ("成立時間", "founded"),
        ("Established", "founded"),
        ("所在城市", "city"),
        ("所在地", "city"),
        ("City", "city"),
        ("客服号码", "phone_numbers"),
        ("服务热线", "phone_numbers"),
        ("开放时间", "hours"),
        ("開放時間", "hours"),
        ("服务时间", "hours"),
        ("Opening hours", "hours"),
        ("企业性质", "ownership"),
        ("单位性质", "ownership"),
        ("Ownership", "ownership"),
        ("联系人", None),
        ("具体陈述呼叫中心总体目标与规划", None),
    ],
)
def test_label_synonyms(label, field):
    assert field_for_label(label) == field


def test_several_pairs_on_one_line_and_empty_values():
    pairs, _ = split_line("企业名称: 上海世纪新元信息产业有限公司 呼叫中心号码:  ")
    assert [(p.field, p.value) for p in pairs] == [("name", "上海世纪新元信息产业有限公司")]


def test_unknown_label_ends_the_previous_value():
    pairs, _ = split_line("所在城市：杭州 联系人：王女士")
    assert [(p.field, p.value) for p in pairs] == [("city", "杭州")]


@pytest.mark.parametrize(
    ("sentence", "field", "value"),
    [
        ("日均接通率保持在90%以上。", "answer_rate", "90%以上"),
        ("日均人工呼入量达25000。", "daily_inbound_calls", "25000"),
        ("日电话呼出总量达12000件。", "daily_outbound_calls", "12000"),
        ("呼出成功率超过40%。", "outbound_success_rate", "超过40%"),
        ("在15秒内接起90%的电话。", "service_level", "90%/15秒"),
        ("在15秒內接起90%的電話。", "service_level", "90%/15秒"),
    ],
)
def test_kpi_sentences(sentence, field, value):
    hits = find_kpis(sentence)
    assert [(h.field, h.value) for h in hits] == [(field, value)]
    assert hits[0].evidence == sentence


def test_ambiguous_kpi_sentence_is_skipped():
    text = "国际的基准值一般是在20秒内接起80%的电话或者更多,而海尔的要求是在15秒内接起90%的电话。"
    assert find_kpis(text) == []


def test_raw_profiles_of_layouts():
    body, _ = load("table4_big5_undeclared")
    (rec,) = extract_profiles(body).records
    assert rec.values["city"] == "青島"  # as the page gives it
    assert rec.values["seats"] == "1100個"
    assert rec.evidence["service_level"] == "本中心的要求是在15秒內接起90%的電話。"


def test_page_without_profile_gives_no_record():
    for case in ("seed003_article_no_profile", "seed001_haier_article"):
        body, expected = load(case)
        assert expected == []
        assert extract_profiles(body).records == []


def test_two_profiles_on_one_page_do_not_share_values():
    body, _ = load("winners_big5")
    first, second = extract_profiles(body).records
    assert "answer_rate" in first.values and "answer_rate" not in second.values
    assert "founded" in second.values and "founded" not in first.values


def test_truncated_page_keeps_what_it_states():
    body, _ = load("seed000_truncated_gbk")
    (rec,) = extract_profiles(body).records
    assert rec.values["seats"] == "550个"
    assert "staff" not in rec.values and "hours" not in rec.values


def test_article_facts_carry_evidence_and_confidence():
    body = (CORPUS / "articles" / "seed001_miyun" / "page.html").read_bytes()
    found = extract_articles(body)
    assert found.park == "北京呼叫中心产业基地"
    targets = {
        (f.values["year"], f.values.get("seats")) for f in found.facts if f.table == "park_targets"
    }
    assert targets == {("2010", "1万"), ("2015", "4万")}
    tiers = [f for f in found.facts if f.table == "incentives" and f.values["kind"] == "tax_rebate"]
    assert [t.values["rate"] for t in tiers] == ["30%", "50%"]
    for f in found.facts:
        assert f.evidence and f.evidence in body.decode("gb18030")
        assert 0 < f.confidence <= 1


def test_article_without_park_gives_no_fact():
    assert find_facts("海尔的要求是在15秒内接起90%的电话。").facts == []
