"""Places a page implies: the one-place line 1823 and zones named before their city
(sentences written for these tests)."""

from __future__ import annotations

import pytest

from scrapers.extract.known_places import line_place, zone_city
from scrapers.extract.places_zh import city_in
from tests.scrapers.test_scrapers_prose4 import one, page


@pytest.mark.parametrize(
    ("text", "name", "city"),
    [
        (
            "1823电话中心去年接听市民来电逾二百万个，中心实行每天24小时运作。",
            "1823电话中心",
            "香港",
        ),
        (
            "The 1823 Call Centre answered more calls last winter, and its 24-hour service "
            "now takes e-mail as well.",
            "1823 Call Centre",
            "HongKong",
        ),
    ],
)
def test_a_page_about_the_1823_line_is_about_hong_kong(text, name, city):
    assert one(page(text)["centers"], name)["city"] == city


def test_a_page_that_names_its_city_keeps_it_whatever_line_it_mentions():
    text = "12345热线中心拥有200个座席，去年广州市民来电300万个，该中心学习了1823电话中心的经验。"
    center = one(page(text)["centers"], "12345热线中心")
    assert center["city"] == "广州市"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("该村始建于1823年，至今已有两百年。", "zh"),
        ("The hall was built in 1823 by a merchant.", "en"),
    ],
)
def test_a_year_is_no_line(text, lang):
    assert line_place(text, lang) is None


def test_a_park_named_after_a_well_known_zone_lies_in_the_zones_city():
    text = (
        "天津市服务外包企业代表团日前赴中关村软件园考察，中关村软件园占地2.6平方公里，"
        "园区内有多家呼叫中心企业。"
    )
    (park,) = page(text)["parks"]
    assert park["name"] == "中关村软件园"  # 赴 (went to) is no part of the name
    assert park["city"] == "北京市"


def test_a_zone_brand_followed_by_a_city_is_that_citys():
    assert zone_city("中关村贵阳科技园", "zh", city_in) is None
    assert zone_city("张江科学城", "zh", city_in) == "上海市"
    assert zone_city("成都中关村大厦", "zh", city_in) is None  # the name's own place comes first


def test_english_zone_names():
    def no_city(text: str) -> None:
        return None

    assert zone_city("The Zhangjiang Hi-Tech Park", "en", no_city) == "Shanghai"
    assert zone_city("Optics Valley Software Park", "en", no_city) == "Wuhan"


def test_a_bare_one_place_line_is_a_center_and_any_citys_line_is_not():
    text = "1823热线自2003年起提供服务，每天24小时运作。市民也可拨打12345热线。"
    centers = page(text)["centers"]
    line = one(centers, "1823热线")
    assert (line["city"], line["hours_per_day"]) == ("香港", 24)
    assert [c["name"] for c in centers] == ["1823热线"]  # 12345热线 alone is any city's
