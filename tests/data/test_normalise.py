"""Tests of data.normalise.values: table-driven cases plus hypothesis properties."""

from __future__ import annotations

import math
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from data.errors import NormaliseError
from data.normalise import values as _values
from data.normalise.values import (
    OpeningHours,
    Quantity,
    ServiceLevel,
    YearMonth,
    city_key,
    clean_text,
    name_key,
    parse_area,
    parse_count,
    parse_distance,
    parse_duration,
    parse_hours,
    parse_list,
    parse_money,
    parse_number,
    parse_phones,
    parse_rate,
    parse_service_level,
    parse_year_month,
    parse_years,
    to_simplified,
)

TODAY = date(2024, 6, 1)


def q(value, unit, bound=None, high=None):
    return Quantity(value, unit, bound, high)


def approx_q(got: Quantity | None, want: Quantity) -> bool:
    return (
        got is not None
        and got.unit == want.unit
        and got.bound == want.bound
        and math.isclose(got.value, want.value, rel_tol=1e-9)
        and (got.high is None) == (want.high is None)
        and (want.high is None or math.isclose(got.high, want.high, rel_tol=1e-9))
    )


# ---------------------------------------------------------------------------------------------
# Quantities that parse

QUANTITY_CASES = [
    # counts
    (parse_count, "550个", q(550, "count")),
    (parse_count, "920人", q(920, "count")),
    (parse_count, "５５０", q(550, "count")),
    (parse_count, "1,100個", q(1100, "count")),
    (parse_count, "1，100个", q(1100, "count")),
    (parse_count, "700席", q(700, "count")),
    (parse_count, "约1.2万人", q(12000, "count", "approx")),
    (parse_count, "約1.2萬人", q(12000, "count", "approx")),
    (parse_count, "500到1000", q(500, "count", "range", 1000)),
    (parse_count, "500-1000个", q(500, "count", "range", 1000)),
    (parse_count, "500～1000", q(500, "count", "range", 1000)),
    (parse_count, "500个-1000个", q(500, "count", "range", 1000)),
    (parse_count, "1万-2万人", q(10000, "count", "range", 20000)),
    (parse_count, "三千", q(3000, "count")),
    (parse_count, "一万二千", q(12000, "count")),
    (parse_count, "一万二", q(12000, "count")),
    (parse_count, "两百", q(200, "count")),
    (parse_count, "兩百人", q(200, "count")),
    (parse_count, "近千人", q(1000, "count", "approx")),
    (parse_count, "千余人", q(1000, "count", "min")),
    (parse_count, "上千人", q(1000, "count", "min")),
    (parse_count, "500余人", q(500, "count", "min")),
    (parse_count, "500多名员工", q(500, "count", "min")),
    (parse_count, "1000人以上", q(1000, "count", "min")),
    (parse_count, "不低于500人", q(500, "count", "min")),
    (parse_count, "不超过300个座席", q(300, "count", "max")),
    (parse_count, "座席数量约500个左右", q(500, "count", "approx")),
    (parse_count, "座席数量：约 500 个", q(500, "count", "approx")),
    (parse_count, "1200个座席", q(1200, "count")),
    (parse_count, "800 seats", q(800, "count")),
    (parse_count, "500人（2019年）", q(500, "count")),
    (parse_count, "三百五十名", q(350, "count")),
    (parse_count, 550, q(550, "count")),
    (parse_count, 550.0, q(550, "count")),
    # plain numbers
    (parse_number, "0.9", q(0.9, "number")),
    (parse_number, "-3.5", q(-3.5, "number")),
    (parse_number, "1.2万", q(12000, "number")),
    (parse_number, "5-10万", q(50000, "number", "range", 100000)),
    (parse_number, "500-1万", q(500, "number", "range", 10000)),
    (parse_number, "一点五万", q(15000, "number")),
    (parse_number, "3千万", q(3e7, "number")),
    (parse_number, "壹仟贰佰", q(1200, "number")),
    # money
    (parse_money, "5000万元", q(5e7, "CNY")),
    (parse_money, "3亿元", q(3e8, "CNY")),
    (parse_money, "3億元", q(3e8, "CNY")),
    (parse_money, "人民币5000万", q(5e7, "CNY")),
    (parse_money, "¥500", q(500, "CNY")),
    (parse_money, "￥1,500", q(1500, "CNY")),
    (parse_money, "RMB 2,000", q(2000, "CNY")),
    (parse_money, "约3000万元人民币", q(3e7, "CNY", "approx")),
    (parse_money, "1-2亿元", q(1e8, "CNY", "range", 2e8)),
    (parse_money, "二十万元", q(2e5, "CNY")),
    # 余/多 before the multiplier, one space before it
    (parse_money, "1200余万元", q(1.2e7, "CNY", "min")),
    (parse_money, "1200多万元", q(1.2e7, "CNY", "min")),
    (parse_money, "三千余万元", q(3e7, "CNY", "min")),
    (parse_money, "1 亿元", q(1e8, "CNY")),
    (parse_money, "1200余元", q(1200, "CNY", "min")),
    # a digit's multiplier, then 多/余, then 万: 6千多万 is 60 million and more, not 6 thousand
    (parse_money, "6千多万元", q(6e7, "CNY", "min")),
    (parse_money, "2千余万元", q(2e7, "CNY", "min")),
    (parse_money, "5百多万元", q(5e6, "CNY", "min")),
    (parse_count, "3千多人", q(3000, "count", "min")),
    # 不少于 is a bound (at least), 不少 alone is vague
    (parse_money, "不少于1000万元", q(1e7, "CNY", "min")),
    (parse_count, "3000余万人", q(3e7, "count", "min")),
    (parse_money, "5千元", q(5000, "CNY")),
    (parse_money, "投资总额超过10亿元", q(1e9, "CNY", "min")),
    # areas
    (parse_area, "2.8万平方米", q(28000, "m2")),
    (parse_area, "0.29平方公里", q(290000, "m2")),
    (parse_area, "500亩", q(500 * 10000 / 15, "m2")),
    (parse_area, "500平方公尺", q(500, "m2")),
    (parse_area, "3公顷", q(30000, "m2")),
    (parse_area, "5000㎡", q(5000, "m2")),
    (parse_area, "1.2万m2", q(12000, "m2")),
    (parse_area, "约2万平米", q(20000, "m2", "approx")),
    (parse_area, "10 km²", q(1e7, "m2")),
    (parse_area, "500", q(500, "m2")),
    # rates
    (parse_rate, "90%", q(0.9, "fraction")),
    (parse_rate, "90％", q(0.9, "fraction")),
    (parse_rate, "90%以上", q(0.9, "fraction", "min")),
    (parse_rate, "超过40%", q(0.4, "fraction", "min")),
    (parse_rate, "不低于85%", q(0.85, "fraction", "min")),
    (parse_rate, "不到5%", q(0.05, "fraction", "max")),
    (parse_rate, "0.9", q(0.9, "fraction")),
    (parse_rate, "90", q(0.9, "fraction")),
    (parse_rate, "百分之九十", q(0.9, "fraction")),
    (parse_rate, "百分之九十以上", q(0.9, "fraction", "min")),
    (parse_rate, "八成", q(0.8, "fraction")),
    (parse_rate, "150%", q(1.5, "fraction")),
    (parse_rate, "80-90%", q(0.8, "fraction", "range", 0.9)),
    (parse_rate, "80%~90%", q(0.8, "fraction", "range", 0.9)),
    (parse_rate, "接通率 95.5%", q(0.955, "fraction")),
    (parse_rate, 0.85, q(0.85, "fraction")),
    (parse_rate, 85, q(0.85, "fraction")),
    # durations
    (parse_duration, "15秒", q(15, "second")),
    (parse_duration, "3分钟", q(180, "second")),
    (parse_duration, "3分30秒", q(210, "second")),
    (parse_duration, "180s", q(180, "second")),
    (parse_duration, "3 min", q(180, "second")),
    (parse_duration, "1.5小时", q(5400, "second")),
    (parse_duration, "半小时", q(1800, "second")),
    (parse_duration, "一个半小时", q(5400, "second")),
    (parse_duration, "1小时30分钟", q(5400, "second")),
    (parse_duration, "3:30", q(210, "second")),
    (parse_duration, "15秒内", q(15, "second", "max")),
    (parse_duration, "平均通话时长约3分钟", q(180, "second", "approx")),
    (parse_duration, "240", q(240, "second")),
    # distances
    (parse_distance, "50公里", q(50, "km")),
    (parse_distance, "3km", q(3, "km")),
    (parse_distance, "500米", q(0.5, "km")),
    (parse_distance, "2千米", q(2, "km")),
    (parse_distance, "距机场约30公里", q(30, "km", "approx")),
    # years
    (parse_years, "3年", q(3, "year")),
    (parse_years, "三年", q(3, "year")),
    (parse_years, "5 years", q(5, "year")),
    (parse_years, "一年半", q(1.5, "year")),
    (parse_years, "18个月", q(1.5, "year")),
    (parse_years, "3年以上", q(3, "year", "min")),
    (parse_years, "3-5年", q(3, "year", "range", 5)),
    (parse_years, "3年6个月", q(3.5, "year")),
]


@pytest.mark.parametrize(("parse", "text", "want"), QUANTITY_CASES)
def test_quantity_parses(parse, text, want):
    got = parse(text)
    assert approx_q(got, want), f"{parse.__name__}({text!r}) = {got}, want {want}"


def test_area_in_km2():
    assert parse_area("0.29平方公里", unit="km2") == q(0.29, "km2")
    assert parse_area("500", unit="km2") == q(500, "km2")
    assert math.isclose(parse_area("2.8万平方米", unit="km2").value, 0.028)


def test_area_rejects_unknown_target_unit():
    with pytest.raises(ValueError, match="m2"):
        parse_area("5", unit="acre")


# ---------------------------------------------------------------------------------------------
# Not stated -> None, errors -> NormaliseError with a rule

NOT_STATED = [None, "", "   ", "-", "—", "不详", "N/A", "n/a", "无", "暂无", float("nan")]


@pytest.mark.parametrize("text", NOT_STATED)
@pytest.mark.parametrize(
    "parse",
    [parse_number, parse_count, parse_money, parse_area, parse_rate, parse_duration]
    + [parse_distance, parse_years, parse_year_month, parse_hours, parse_service_level],
)
def test_not_stated_is_none(parse, text):
    assert parse(text) is None


ERROR_CASES = [
    (parse_count, "数百", "vague", "vague"),
    (parse_count, "几十个", "vague", "vague"),
    (parse_count, "不少人", "vague", "vague"),
    (parse_count, "三四个", "vague", "estimate"),
    (parse_count, "5000万元", "unit", "not a count"),
    (parse_count, "2000年", "unit", "not a count"),
    (parse_count, "90%", "unit", "percentage"),
    (parse_count, "500平方米", "unit", "area"),
    (parse_count, "500吨", "unit", "another kind"),
    (parse_count, "2.5个", "integer", "whole"),
    (parse_count, "-5个", "range", "negative"),
    (parse_count, "30%或50%", "ambiguous", "more than one number"),
    (parse_count, "500人/天", "unit", "rate per unit"),
    (parse_count, "1000-500人", "range", "upper end is below"),
    (parse_count, "约500人以下 以上", "bound", "both"),
    (parse_count, "abc", "number", "no number"),
    (parse_count, True, "type", "boolean"),
    (parse_count, float("inf"), "number", "finite"),
    (parse_number, "90%", "unit", "plain number"),
    (parse_number, "1e5", "unit", "unknown unit"),
    (parse_money, "500美元", "currency", "not CNY"),
    (parse_money, "新台币9000万元", "currency", "not CNY"),
    (parse_money, "NT$9,000", "currency", "not CNY"),
    (parse_money, "$500", "currency", "not CNY"),
    (parse_money, "USD 1,000", "currency", "not CNY"),
    (parse_money, "5000元/月", "unit", "rate per unit"),
    (parse_area, "-5平方米", "range", "negative"),
    (parse_area, "500元", "unit", "not an area"),
    (parse_rate, "150", "range", "above 100"),
    (parse_rate, "30%或50%", "ambiguous", "more than one number"),
    (parse_rate, "-5%", "range", "negative"),
    (parse_duration, "3:75", "range", "m:ss"),
    (parse_duration, "3公里", "unit", "not a duration"),
    (parse_distance, "5 miles", "unit", "unknown unit"),
    (parse_years, "2000年", "date", "calendar year"),
    (parse_year_month, "05年", "date", "two-digit"),
    (parse_year_month, "2005-2008", "ambiguous", "more than one"),
    (parse_year_month, "2005年13月", "range", "month 13"),
    (parse_year_month, "1850年", "range", "before 1900"),
    (parse_year_month, "2099年", "future", "future"),
    (parse_year_month, "2024年7月", "future", "future"),
    (parse_year_month, "hello", "date", "no year"),
    (parse_hours, "7x25", "range", "25 hours"),
    (parse_hours, "8×9", "range", "days a week"),
    (parse_hours, "8小时", "hours", "days a week"),
    (parse_hours, "hello", "hours", "does not state"),
    (parse_hours, "周一至周日 9:00-18:00，周六 9:00-12:00", "range", "more than 7 days"),
    (parse_hours, "25:00-26:00", "range", "time of day"),
    (parse_service_level, "接通率90%", "service_level", "one share"),
    (parse_service_level, "120/20", "range", "share"),
    (parse_service_level, "80/0", "range", "answer time"),
    (parse_service_level, 80, "service_level", "single number"),
    (parse_phones, "abc", "phone", "not a phone"),
    (parse_phones, "123", "phone", "5 to 20"),
    (parse_phones, "010-1234(5678", "phone", "parentheses"),
]


@pytest.mark.parametrize(("parse", "text", "rule", "match"), ERROR_CASES)
def test_errors_name_their_rule(parse, text, rule, match):
    kwargs = {"today": TODAY} if parse is parse_year_month else {}
    with pytest.raises(NormaliseError, match=match) as info:
        parse(text, **kwargs)
    assert info.value.rule == rule
    assert info.value.value == text or (isinstance(text, float) and math.isinf(text))


# ---------------------------------------------------------------------------------------------
# Dates, hours, service levels

YEAR_MONTH_CASES = [
    ("2000年", YearMonth(2000)),
    ("2002年9月", YearMonth(2002, 9)),
    ("１９９７年４月", YearMonth(1997, 4)),
    ("二〇〇五年", YearMonth(2005)),
    ("二零零五年十月", YearMonth(2005, 10)),
    ("二千零五年", YearMonth(2005)),
    ("2005-03", YearMonth(2005, 3)),
    ("2005.3", YearMonth(2005, 3)),
    ("2005.10", YearMonth(2005, 10)),
    ("2005/3", YearMonth(2005, 3)),
    ("03/2005", YearMonth(2005, 3)),
    ("200503", YearMonth(2005, 3)),
    ("2005-03-15", YearMonth(2005, 3)),
    ("2005年3月1日", YearMonth(2005, 3)),
    ("March 2005", YearMonth(2005, 3)),
    ("Sept. 2010", YearMonth(2010, 9)),
    ("2005", YearMonth(2005)),
    ("成立于2005年", YearMonth(2005)),
    ("2024年6月", YearMonth(2024, 6)),
    (2005, YearMonth(2005)),
    (2005.0, YearMonth(2005)),
    (2005.3, YearMonth(2005, 3)),
    (date(2005, 3, 9), YearMonth(2005, 3)),
]


@pytest.mark.parametrize(("text", "want"), YEAR_MONTH_CASES)
def test_year_month(text, want):
    assert parse_year_month(text, today=TODAY) == want


HOURS_CASES = [
    ("7×24×365", OpeningHours(24, 7, 365)),
    ("365天×24小时", OpeningHours(24, 7, 365)),
    ("24×365", OpeningHours(24, 7, 365)),
    ("7X24", OpeningHours(24, 7)),
    ("7Ⅹ24小时", OpeningHours(24, 7)),
    ("7*24", OpeningHours(24, 7)),
    ("7＊24小时", OpeningHours(24, 7)),
    ("5×8", OpeningHours(8, 5)),
    ("24/7", OpeningHours(24, 7)),
    ("24×7", OpeningHours(24, 7)),
    ("24小时", OpeningHours(24, 7)),
    ("全天候", OpeningHours(24, 7)),
    ("5天x8小时", OpeningHours(8, 5)),
    ("7天×24小时", OpeningHours(24, 7)),
    ("周一至周五 9:00-18:00", OpeningHours(9, 5)),
    ("周一至周五　９：００－１８：００", OpeningHours(9, 5)),
    ("每天8:00-20:00", OpeningHours(12, 7)),
    ("周一至周五 9:00-12:00, 13:00-18:00", OpeningHours(8, 5)),
    ("周一至周五 9:00-18:00，周六 9:00-12:00", OpeningHours(8, 6)),
    ("工作日9:00-17:30", OpeningHours(8.5, 5)),
    ("上午9点至下午6点", OpeningHours(9, 7)),
    ("全年无休 8:00-20:00", OpeningHours(12, 7, 365)),
    ("Mon-Fri 9am-6pm", OpeningHours(9, 5)),
    ("20:00-8:00", OpeningHours(12, 7)),
    ("每天12小时", OpeningHours(12, 7)),
]


@pytest.mark.parametrize(("text", "want"), HOURS_CASES)
def test_hours(text, want):
    assert parse_hours(text) == want


SERVICE_LEVEL_CASES = [
    ("80/20", ServiceLevel(0.8, 20)),
    ("80%/20秒", ServiceLevel(0.8, 20)),
    ("0.8/20", ServiceLevel(0.8, 20)),
    ("20秒内接通率80%", ServiceLevel(0.8, 20)),
    ("在15秒内接起90%的电话", ServiceLevel(0.9, 15)),
    ("90% in 15 s", ServiceLevel(0.9, 15)),
    ("90% within 15 seconds", ServiceLevel(0.9, 15)),
    ("接通率不低于80%(20秒)", ServiceLevel(0.8, 20, "min")),
    ("20秒接通率≥90%", ServiceLevel(0.9, 20, "min")),
    ("20秒内接通率达到80%以上", ServiceLevel(0.8, 20, "min")),
    ("十五秒内接起百分之九十", ServiceLevel(0.9, 15)),
]


@pytest.mark.parametrize(("text", "want"), SERVICE_LEVEL_CASES)
def test_service_level(text, want):
    assert parse_service_level(text) == want


# ---------------------------------------------------------------------------------------------
# Phones, lists, keys, text

PHONE_CASES = [
    ("10000、10001", ("10000", "10001")),
    ("400-600-8888", ("400-600-8888",)),
    ("95555", ("95555",)),
    ("(021)12345678", ("021-12345678",)),
    ("（0571）8888 8888", ("0571-8888-8888",)),
    ("电话：010-12345678", ("010-12345678",)),
    ("400 600 8888", ("400-600-8888",)),
    ("13812345678 13912345678", ("13812345678", "13912345678")),
    ("010-12345678转123", ("010-12345678-123",)),
    ("+86 21 1234 5678", ("+86-21-1234-5678",)),
    ("客服热线95555；投诉电话12315", ("95555", "12315")),
    ("95555, 95555", ("95555",)),
    (95555, ("95555",)),
    (None, ()),
    ("不详", ()),
]


@pytest.mark.parametrize(("text", "want"), PHONE_CASES)
def test_phones(text, want):
    assert parse_phones(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("北京、上海；广州", ("北京", "上海", "广州")),
        ("a|b\nc", ("a", "b", "c")),
        ("a,,b , ", ("a", "b")),
        ("呼叫中心/ 外包", ("呼叫中心", "外包")),
        (None, ()),
        ("  ", ()),
    ],
)
def test_parse_list(text, want):
    assert parse_list(text) == want


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("上海世纪新元信息产业有限公司", "上海世紀新元信息產業有限公司"),
        ("Acme Co., Ltd.", "ACME Inc."),
        ("华为技术有限公司", "华为技术"),
        ("中国平安保险（集团）股份有限公司", "中国平安保险(集团)"),
        ("某某科技有限责任公司", "某某科技公司"),
    ],
)
def test_name_key_matches(a, b):
    assert name_key(a) == name_key(b)
    assert name_key(a)


def test_name_key_keeps_words_that_end_like_suffixes():
    assert name_key("Costco") == "costco"
    assert name_key("有限公司") == "有限公司"  # nothing else left: the key keeps the words


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("杭州市", "杭州"),
        ("青島", "青岛"),
        ("大兴安岭地区", "大兴安岭"),
        ("锡林郭勒盟", "锡林郭勒"),
        ("延边朝鲜族自治州", "延边朝鲜族"),
        ("沙市", "沙市"),
        (" 北京 ", "北京"),
    ],
)
def test_city_key(text, want):
    assert city_key(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [("  ５５０　个 ", "550 个"), ("不详", None), ("N/A", None), ("a\u200bb", "ab"), (12, "12")],
)
def test_clean_text(text, want):
    assert clean_text(text) == want


def test_to_simplified():
    assert to_simplified("青島市個萬億") == "青岛市个万亿"
    assert to_simplified("plain ascii") == "plain ascii"


def _dictionary_characters() -> list[str]:
    """Every character of every key of the converter's t2s dictionaries, sorted."""
    from data.normalise import values

    converter = values._converter()
    converter.convert("")
    chars = {c for group in converter._dict_chain_data for *_, t in group for k in t for c in k}
    return sorted(chars)


_DICT_CHARS = _dictionary_characters()
_CHANGING = sorted(_values._changing_characters())
_STILL = [c for c in _DICT_CHARS if c not in set(_CHANGING)]


def test_simplified_text_skips_the_converter(monkeypatch):
    from data.normalise import values

    def refuse(text):
        raise AssertionError(f"OpenCC called for {text!r}")

    monkeypatch.setattr(values, "_simplified", refuse)
    assert to_simplified("测试呼叫中心000123") == "测试呼叫中心000123"
    assert to_simplified("上海世纪新元信息产业有限公司") == "上海世纪新元信息产业有限公司"
    with pytest.raises(AssertionError):
        to_simplified("青島")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from([*_STILL, "呼", "叫", "a", "1", " ", "、"]), max_size=12))
def test_text_without_changing_characters_is_its_own_conversion(text):
    assert _values._simplified.__wrapped__(text) == text
    assert to_simplified(text) == text


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=st.sampled_from([*_DICT_CHARS[::7], *_CHANGING[::5], "心", "-"]), max_size=8)
)
def test_fast_path_agrees_with_the_converter(text):
    assert to_simplified(text) == _values._simplified.__wrapped__(text)


# ---------------------------------------------------------------------------------------------
# Properties

QUANTITY_PARSERS = [
    parse_number,
    parse_count,
    parse_money,
    parse_area,
    parse_rate,
    parse_duration,
    parse_distance,
    parse_years,
]
# an alphabet that reaches deep into the grammar, plus arbitrary text
_ALPHABET = list("0123456789.,-~%/:×xX* 　") + list(
    "一二两三十百千万亿〇零点半约近余多以上下内左右"
)
_ALPHABET += [
    "个",
    "人",
    "年",
    "月",
    "元",
    "万元",
    "平方米",
    "亩",
    "秒",
    "分",
    "小时",
    "公里",
    "米",
]
_ALPHABET += [
    "周一",
    "至",
    "周五",
    "每天",
    "超过",
    "不低于",
    "百分之",
    "(",
    ")",
    "、",
    "转",
    "Ⅹ",
    "５",
]
TEXT = st.one_of(
    st.text(max_size=30), st.lists(st.sampled_from(_ALPHABET), max_size=12).map("".join)
)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_any_text_gives_a_value_none_or_normalise_error(text):
    for parse in QUANTITY_PARSERS:
        try:
            got = parse(text)
        except NormaliseError:
            continue
        assert got is None or isinstance(got, Quantity)
        if got is not None:
            assert math.isfinite(got.value)
            assert (got.bound == "range") == (got.high is not None)
    checks = [
        (lambda t: parse_year_month(t, today=TODAY), YearMonth),
        (parse_hours, OpeningHours),
        (parse_service_level, ServiceLevel),
    ]
    for parse, kind in checks:
        try:
            got = parse(text)
        except NormaliseError:
            continue
        assert got is None or isinstance(got, kind)
    for parse in (parse_phones, parse_list):
        try:
            got = parse(text)
        except NormaliseError:
            continue
        assert isinstance(got, tuple) and all(isinstance(x, str) and x for x in got)
    for keyer in (name_key, city_key, clean_text):
        assert keyer(text) is None or isinstance(keyer(text), str)


@given(st.integers(min_value=0, max_value=10**15))
def test_count_of_integer_with_classifier(n):
    assert parse_count(f"{n}个") == Quantity(n, "count")


_FULL_WIDTH = str.maketrans("0123456789.,%", "０１２３４５６７８９．，％")


@given(
    st.from_regex(
        r"[约近]?[0-9]{1,6}(\.[0-9]{1,2})?(万|千)?(个|元|平方米|%|秒|公里|年)?", fullmatch=True
    )
)
def test_full_width_digits_read_like_half_width(text):
    for parse in QUANTITY_PARSERS:
        try:
            half = parse(text)
        except NormaliseError as error:
            with pytest.raises(NormaliseError) as info:
                parse(text.translate(_FULL_WIDTH))
            assert info.value.rule == error.rule
            continue
        assert parse(text.translate(_FULL_WIDTH)) == half


@given(st.text(max_size=20))
def test_to_simplified_is_idempotent(text):
    once = to_simplified(text)
    assert to_simplified(once) == once


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=10**12))
def test_chinese_numerals_agree_with_cn2an(n):
    cn2an = pytest.importorskip("cn2an")
    text = cn2an.an2cn(n)
    assert parse_number(text) == Quantity(n, "number")
