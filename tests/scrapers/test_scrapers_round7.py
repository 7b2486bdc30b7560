"""Round 7 families, seen on the sixth blind set after its one score (sentences written for these
tests)."""

from __future__ import annotations

import pytest

from tests.scrapers.test_scrapers_prose4 import one, page


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "The Water Authority's Customer Telephone Enquiry Centre in Kowloon answers calls "
            "24 hours a day.",
            "Water Authority's Customer Telephone Enquiry Centre",
        ),
        (
            "The department runs a Central Telephone Enquiry Centre, open 24 hours a day, in "
            "Hong Kong.",
            "Central Telephone Enquiry Centre",
        ),
        (
            "A new Public Inquiry Center in Macau answers questions on tax and licences, "
            "24 hours a day.",
            "Public Inquiry Center",
        ),
    ],
)
def test_english_enquiry_centres_are_centers(text, name):
    center = one(page(text)["centers"], name)
    assert center["hours_per_day"] == 24


def test_wei_min_serving_the_people_is_part_of_a_lines_name():
    # 为 alone ends a name (成为, 作为…为); 为民 (for the people) is a word of line names
    text = "南投县1999为民服务专线全年无休，提供24小时服务。"
    line = one(page(text)["centers"], "南投县1999为民服务专线")
    assert line["city"] == "南投县" and line["hours_per_day"] == 24


@pytest.mark.parametrize(
    ("text", "csat", "bound"),
    [
        ("鹤壁市燃气客服中心设有座席20个，客户满意度达93分。", 0.93, None),
        ("鹤壁市燃气客服中心设有座席20个，满意度测评得分95.5分以上。", 0.955, "min"),
        ("鹤壁市燃气客服中心设有座席20个，满意度达96%。", 0.96, None),
    ],
)
def test_satisfaction_in_points_out_of_a_hundred(text, csat, bound):
    center = one(page(text)["centers"], "鹤壁市燃气客服中心")
    assert (center["csat"], center.get("csat_bound")) == (csat, bound)


def test_a_rise_in_points_or_a_time_in_minutes_is_no_satisfaction():
    for text in (
        "鹤壁市燃气客服中心设有座席20个，满意度比去年提升5分。",
        "鹤壁市燃气客服中心设有座席20个，满意度回访在90分钟内完成。",
    ):
        assert "csat" not in one(page(text)["centers"], "鹤壁市燃气客服中心")


def test_lines_of_trade_unions_and_womens_federations_are_named_after_their_body():
    text = (
        "记者从鹤壁获悉，省总工会12351服务职工热线去年职工满意度达99%。"
        "鹤壁市妇联12338维权热线设有座席4个。"
    )
    centers = page(text)["centers"]
    union = one(centers, "省总工会12351服务职工热线")
    assert union["csat"] == 0.99 and "city" not in union  # the province's line, in no one city
    assert one(centers, "鹤壁市妇联12338维权热线")["seats"] == 4


@pytest.mark.parametrize(
    "clause",
    ["据统计，目前在福建就有3万席的呼叫中心。", "目前全省有2000个座席以上的呼叫中心。"],
)
def test_a_places_total_of_seats_is_not_the_centers(clause):
    text = "鹤壁市燃气客服中心去年开通。" + clause
    assert "seats" not in one(page(text)["centers"], "鹤壁市燃气客服中心")


def test_a_dated_milestone_call_is_no_days_calls():
    text = "鹤壁市12345政务服务热线于今年6月18日接听了第300万个市民来电。"
    assert "daily_inbound_calls" not in one(page(text)["centers"], "鹤壁市12345政务服务热线")
    daily = "鹤壁市12345政务服务热线日均接听市民来电3000个。"
    assert one(page(daily)["centers"], "鹤壁市12345政务服务热线")["daily_inbound_calls"] == 3000


def test_english_calls_from_employees_are_no_head_count():
    text = (
        "The Riverton Workers Hotline Center opened in 2021. Over the past year, the Riverton "
        "Workers Hotline Center has answered more than 120,000 calls from employees. "
        "It has 40 staff."
    )
    center = one(page(text)["centers"], "Riverton Workers Hotline Center")
    assert center["staff"] == 40  # not 120,000
