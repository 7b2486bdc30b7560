"""Fourth round of the prose extractor: phrasing families of government hotlines, service lines
and companies' centers, on sentences written for these tests (real places, invented bodies)."""

from __future__ import annotations

import pytest

from data.normalise.industries import canonical_industry, industry_from_name
from scrapers.extract.names import names_match
from scrapers.extract.page import extract_page

_FILLER = " The weather in the harbour town was mild and the streets were quiet that week." * 3


def page(text: str, name: str = "page.txt") -> dict:
    return extract_page(text.encode("utf-8"), name).as_dict(evidence=True)


def one(entities: list[dict], name: str) -> dict:
    (hit,) = [e for e in entities if names_match(e["name"], name)]
    return hit


@pytest.mark.parametrize(
    ("name", "industry"),
    [
        ("鹤壁市住房公积金12329服务热线", "住房公积金"),
        ("鹤壁地税12366纳税服务呼叫中心", "税务"),
        ("鹤壁市社会治理指挥中心", "政务"),
        ("鹤壁市1999市民热线", "政务"),
        ("鹤壁示例人寿95519客户服务中心", "保险"),
        ("鹤壁示例热力集团客服中心", "供热"),
        ("鹤壁市示例医院客服中心", "医疗"),
        ("鹤壁出租车综合服务呼叫中心", "交通"),
        ("京东鹤壁客服中心", "电商"),
        ("菜鸟鹤壁客服中心", "物流"),
    ],
)
def test_industry_from_the_name_of_more_services(name, industry):
    center = one(page(f"{name}设有座席60个，员工80人。")["centers"], name)
    written = {"鹤壁示例人寿95519客户服务中心", "鹤壁示例热力集团客服中心"}  # 人寿, 热力: words
    assert center.get("industry") == (industry if name in written else None)
    assert industry_from_name(center["name"]) == industry  # what model inputs infer


@pytest.mark.parametrize(
    ("sentence", "name", "industry"),
    [
        ("The Hebi 12345 Hotline has 300 staff.", "Hebi 12345 Hotline", "government"),
        (
            "The Hebi Citizen Service Hotline answers residents around the clock with 300 staff.",
            "Hebi Citizen Service Hotline",
            "government",
        ),
        (
            "China Telecom's new call center in Hebi has 500 seats.",
            "China Telecom call center",
            "telecom",
        ),
        ("Sample Bank's call center in Hebi has 500 seats.", "Sample Bank call center", "bank"),
    ],
)
def test_english_industry_from_the_name(sentence, name, industry):
    center = one(page(sentence + _FILLER)["centers"], name)
    # a word of the name (Telecom, Bank) is the page's; a government line's number is a guess
    assert center.get("industry") == (None if industry == "government" else industry)
    assert industry_from_name(center["name"]) == canonical_industry(industry)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Hebi’s 12345 Hotline links residents and the city government. The hotline has 300 staff.",
         "Hebi 12345 Hotline"),
        ("Hebi's government service hotline \"12345\" is popular. It has 300 staff.",
         "Hebi government service hotline 12345"),
        ("The 1823Call Centre answers questions on 20 departments. 1823 Call Centre has 300 staff.",
         "1823 Call Centre"),
        ("Hebi 12345 Government Service Hotline opened in 2015. The “12345” Government Service "
         "Hotline has 300 staff.", "Hebi 12345 Government Service Hotline"),
    ],
)  # fmt: skip
def test_english_hotlines_named_around_their_number(text, name):
    doc = page(text + _FILLER)
    (center,) = doc["centers"]
    assert names_match(center["name"], name)
    assert center["staff"] == 300 and "industry" not in center


def test_english_one_agents_daily_calls_are_not_the_hotlines():
    doc = page(
        "The Hebi 12345 hotline opened in 2016. Each operator has to answer about 40 to 100 calls "
        "per day. The Hebi 12345 hotline has 60 staff." + _FILLER
    )
    center = one(doc["centers"], "Hebi 12345 hotline")
    assert "daily_inbound_calls" not in center and center["staff"] == 60


@pytest.mark.parametrize(
    ("text", "name", "city"),
    [
        ("台中市1999话务中心设有座席30个，员工40人。", "台中市1999话务中心", "台中市"),
        ("高雄1999市民专线设有座席30个，员工40人。", "高雄1999市民专线", "高雄市"),
        ("澎湖县1999县民服务专线中心设有座席30个，员工40人。", "澎湖县1999县民服务专线中心", "澎湖县"),
        ("香港特区政府1823电话中心设有座席30个，员工40人。", "香港特区政府1823电话中心", "香港"),
        ("桃园市政府1999便民专线设有座席30个，员工40人。台湾各地都有专线。", "桃园市政府1999便民专线", "桃园市"),
    ],
)  # fmt: skip
def test_service_lines_and_phone_centers_of_taiwan_and_hong_kong(text, name, city):
    doc = page(text)
    center = one(doc["centers"], name)
    assert center["city"] == city and "industry" not in center
    assert "district" not in center  # the city is not its own district
    assert center["seats"] == 30


def test_a_hotline_number_in_chinese_digits_is_its_number():
    doc = page("台北市一九九九市民热线设有座席99个。一九九九市民热线全天24小时服务。")
    center = one(doc["centers"], "台北市1999市民热线")
    assert center["seats"] == 99 and center["city"] == "台北市"


def test_a_platform_is_no_taiwan_city_and_a_short_number_is_no_service_line():
    doc = page("南京示例平台南京客服中心设有座席30个。参考纽约311专线的做法，员工40人。")
    assert all("311" not in c["name"] for c in doc["centers"])
    assert one(doc["centers"], "南京示例平台南京客服中心")["city"] == "南京市"


@pytest.mark.parametrize(
    ("text", "hours", "days"),
    [
        ("鹤壁市12329住房公积金热线提供7×24小时自助语音服务和5×8小时人工服务。", 8, 5),
        ("鹤壁市12345政务服务热线设座席20个，实行工作日8小时人工接听、其余时间智能应答。", 8, 5),
        ("鹤壁市12345政务服务热线的自助语音全天24小时可用，人工服务时间为周一至周五上午9:00—下午5:00。", 8, 5),
        ("鹤壁市1999市民专线是重要窗口，每日上午7时至晚间10时受理市民咨询。", 15, 7),
        ("鹤壁市12345政务服务热线实行24小时人工受理服务，全年无休。", 24, 7),
    ],
)  # fmt: skip
def test_agents_opening_hours(text, hours, days):
    (center,) = page(text)["centers"]
    assert (center["hours_per_day"], center["days_per_week"]) == (hours, days)


@pytest.mark.parametrize(
    "text",
    [
        "鹤壁公交服务热线正常服务，自6月2日起每周四8时-18时开通公交劳模服务热线，解答乘客提问。",
        "上午8点-晚8点16分，鹤壁市12345政务服务热线共接到市民来电1059个。",
    ],
)
def test_a_weekday_event_or_a_report_window_is_no_opening_time(text):
    assert all("hours_per_day" not in c for c in page(text)["centers"])


def test_every_day_without_hours_is_seven_days_not_24_hours():
    (center,) = page("鹤壁市1999市民专线的话务人员全年无休，为市民提供服务。")["centers"]
    assert center["days_per_week"] == 7 and "hours_per_day" not in center


def test_answered_within_seconds_is_a_service_level():
    (center,) = page("鹤壁市12345政务服务热线开通以后，15秒内电话接通率达98%以上。")["centers"]
    assert (center["service_level_target"], center["service_level_seconds"]) == (0.98, 15)
    assert "answer_rate" not in center


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("1823电话中心于2001年成立，为市民提供一站式服务。", "1823电话中心"),
        ("目前1999话务中心平均每月服务约16万通来电，设座席40个。", "1999话务中心"),
        ("厦门市12329住房公积金热线设座席40个。", "厦门市12329住房公积金热线"),
    ],
)
def test_centers_named_by_their_number(text, name):
    doc = page(text)
    one(doc["centers"], name)


def test_a_hotline_number_before_a_seat_word_and_added_agents_are_no_counts():
    doc = page(
        "鹤壁市12345政务服务热线开通三年。走进12345坐席接报室，电话铃声此起彼伏。"
        "鹤壁市12345政务服务热线增设10名坐席员，全力保障热线畅通。"
    )
    (center,) = doc["centers"]
    assert "seats" not in center and "staff" not in center


def test_english_daily_appeals_and_operators_with_a_capitalised_bound():
    doc = page(
        "The Hebi 12345 Hotline opened in 2016. More than 300 telephone operators provide "
        "round-the-clock services, managing an average of 6,500 appeals daily. Each operator "
        "answers between 80 and 100 calls a day." + _FILLER
    )
    center = one(doc["centers"], "Hebi 12345 Hotline")
    assert (center["staff"], center["staff_bound"]) == (300, "min")
    assert center["daily_inbound_calls"] == 6500


@pytest.mark.parametrize(
    "text",
    [
        "World's Largest Call Centre Opens. The 20,000-seat call centre is in Hebi.",
        "Sample News Short HL Chinese call centre opens in Hebi with 300 staff.",
        "A Chinese-language call centre in Hebi has 300 staff.",
    ],
)
def test_english_centers_described_by_language_or_size_are_no_names(text):
    assert page(text + _FILLER)["centers"] == []


def test_english_a_center_built_on_behalf_of_a_company_is_named_by_it():
    doc = page(
        "The 20,000 seat call centre is being built on behalf of China Mobile in Hebi." + _FILLER
    )
    center = one(doc["centers"], "China Mobile call centre")
    assert center["seats"] == 20000 and "industry" not in center


@pytest.mark.parametrize(
    ("text", "hours", "days"),
    [
        ("The Hebi 12345 hotline is open from 8 am to 8 pm every day, and it will eventually be "
         "available 24 hours a day.", 12, 7),
        ("The Hebi 12345 hotline answers calls from 9:00 to 17:00 on weekdays.", 8, 5),
        ("The Hebi 12345 Hotline provides a round-the-clock one-stop service.", 24, None),
        ("Hebi 12345 Hotline is a 24x7 one-stop hotline service.", 24, 7),
    ],
)  # fmt: skip
def test_english_opening_hours(text, hours, days):
    (center,) = page(text + _FILLER)["centers"]
    assert center["hours_per_day"] == hours and center.get("days_per_week") == days


def test_english_launched_by_a_long_body_in_a_month_and_year():
    doc = page(
        "The Hebi 1823 Call Centre answers questions. 1823 was launched by the Efficiency Unit "
        "of the Government Secretariat in July 2001." + _FILLER
    )
    assert one(doc["centers"], "1823 Call Centre")["founded_year"] == 2001


def test_years_of_the_republic_on_a_taiwan_page():
    doc = page("台中市1999市民专线设座席60个。台中市1999市民专线自98年成立以来，服务市民。")
    assert one(doc["centers"], "台中市1999市民专线")["founded_year"] == 2009


def test_opened_for_use_is_a_founding_verb():
    doc = page("鹤壁市12329住房公积金热线于2015年6月1日正式启用，设座席20个。")
    assert one(doc["centers"], "鹤壁市12329住房公积金热线")["founded_year"] == 2015


@pytest.mark.parametrize(
    "text",
    [
        "鹤壁电子商务产业园区规划面积5平方公里。鹤壁电子商务产业园区已入驻了甲网、乙购、丙米等知名互联网企业300家。",
        "鹤壁服务外包产业园投入使用。甲网、乙购、丙米等一批业内领军服务外包企业相继签约落地。",
        "鹤壁服务外包产业园于2019年建成，已吸引3家服务外包企业进场，分别为甲网、乙购、丙米。",
    ],
)
def test_tenant_lists_after_a_settling_verb_or_named_after_a_count(text):
    (park,) = page(text)["parks"]
    assert park["tenants"] == ["甲网", "乙购", "丙米"]


def test_tenants_of_another_park_named_in_the_sentence_are_not_the_main_parks():
    doc = page(
        "鹤壁服务外包产业园总投资5亿元。鹤壁服务外包产业园占地80亩。"
        "位于城北的淇河服务外包基地已吸引3家服务外包企业进场，分别为甲网、乙购、丙米。"
    )
    assert all("tenants" not in p for p in doc["parks"] if "鹤壁" in p["name"])


def test_confidence_by_kind_of_name():
    numbered = page("鹤壁市12345政务服务热线设座席60个，员工80人。")["centers"][0]
    words = page("鹤壁示例客服中心设座席60个，员工80人。")["centers"][0]
    assert numbered["confidence"] == 0.9 and words["confidence"] == 0.7
    assert "industry" not in numbered["field_confidence"]  # a name implies it: no fact
    english = page("The Hebi 12345 Hotline has 300 staff." + _FILLER)["centers"][0]
    assert english["confidence"] == 0.85 and "industry" not in english["field_confidence"]
    bare = page("The Hebi Citizen Service Hotline was mentioned." + _FILLER)["centers"][0]
    assert bare["confidence"] == 0.7


_LONG_ZH = "鹤壁的客服行业发展很快，企业越来越多，人才也越来越多。" * 6


def test_a_late_name_said_once_is_kept_when_it_holds_an_organisation():
    doc = page(_LONG_ZH + "阿里巴巴鹤壁客户体验中心也在这里。")
    center = one(doc["centers"], "阿里巴巴鹤壁客户体验中心")
    assert center["city"] == "鹤壁市" and "industry" not in center
    assert center["confidence"] == 0.6
    assert page(_LONG_ZH + "鹤壁示例客户体验中心也在这里。")["centers"] == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("日前示例保险鹤壁后援中心设座席60个，员工80人。", "示例保险鹤壁后援中心"),
        ("示例燃气公司继续外包呼叫中心业务。示例集团鹤壁呼叫中心设座席60个，员工80人。", "示例集团鹤壁呼叫中心"),
        ("自示例人寿鹤壁客户服务专线开通，设座席60个，员工80人。", "示例人寿鹤壁客户服务专线"),
    ],
)  # fmt: skip
def test_time_words_verbs_and_from_are_cut_before_a_name(text, name):
    names = [c["name"] for c in page(text)["centers"]]
    assert name in names and not any(n != name and n.endswith(name[-4:]) for n in names)


def test_a_district_is_not_the_prefecture_of_the_same_name():
    doc = page("朝阳区示例热力集团客服中心设座席60个，员工80人。北京朝阳区居民都知道它。")
    assert all(c.get("city") != "朝阳市" for c in doc["centers"])


def test_english_hotline_named_by_its_number_then_described():
    doc = page(
        "Hebi's 12345, a 24-hour government-run public service hotline, has 300 staff." + _FILLER
    )
    center = one(doc["centers"], "Hebi 12345 public service hotline")
    assert center["staff"] == 300 and center["hours_per_day"] == 24


def test_english_a_companys_local_center():
    doc = page(
        "The American PC maker Dell's own customer service centre in Dalian has 900 staff."
        + _FILLER
    )
    assert one(doc["centers"], "Dell customer service centre")["staff"] == 900


def test_a_county_level_city_in_a_name_gives_its_prefecture_and_district():
    (center,) = page("太仓市12345政务服务便民热线设座席60个，员工80人。")["centers"]
    assert (center["city"], center["district"]) == ("苏州市", "太仓市")


def test_english_capitalised_name_cut_at_its_number_and_hong_kong():
    doc = page("ABOUT 1823 ABOUT 1823 1823 Call Centre serves Hong Kong with 300 staff." + _FILLER)
    (center,) = doc["centers"]
    assert center["name"] == "1823 Call Centre" and center["city"] == "HongKong"


def test_tenants_go_to_the_park_their_sentence_names_placed_in_a_city():
    doc = page(
        "鹤壁服务外包产业园总投资5亿元。鹤壁服务外包产业园占地80亩。"
        "位于鹤壁城北的淇河服务外包基地已吸引3家服务外包企业进场，分别为甲网、乙购、丙米。"
    )
    park = one(doc["parks"], "淇河服务外包基地")
    assert park["tenants"] == ["甲网", "乙购", "丙米"] and park["city"] == "鹤壁市"


def test_founded_the_year_before_the_verb_and_the_entity_after_it():
    doc = page("由2001年起设立的鹤壁1823联络中心，为市民解答问题，员工300人，设座席80个。")
    assert one(doc["centers"], "鹤壁1823联络中心")["founded_year"] == 2001


def test_a_zone_of_a_district_places_the_park_in_the_district():
    doc = page("位于海沧保税港区的厦门示例服务外包产业园宣布开工，总投资5亿元，占地80亩。")
    assert one(doc["parks"], "厦门示例服务外包产业园")["district"] == "海沧区"


def test_a_described_hotline_is_no_rival_of_the_pages_named_center():
    doc = page(
        "这条热线已成为群众的贴心服务热线。鹤壁市长公开电话受理中心举办开放日活动。"
        "日均呼入量超过2万通，接通率90%以上。"
    )
    center = one(doc["centers"], "鹤壁市长公开电话受理中心")
    assert center["answer_rate"] == 0.9 and center["daily_inbound_calls"] == 20000


def test_english_a_hotline_followed_by_its_number_in_brackets_is_one_center():
    doc = page(
        "The Hebi Multilingual Public Service Hotline (960169) began services in 2019. "
        "The 960169 hotline has 40 staff." + _FILLER
    )
    (center,) = doc["centers"]
    assert center["name"] == "Hebi Multilingual Public Service Hotline" and center["staff"] == 40


def test_a_center_named_in_passing_on_a_page_about_another_is_left_out():
    doc = page("鹤壁市12345政务服务热线设座席60个，员工80人。记者还走访了示例银行鹤壁客服中心。")
    assert [c["name"] for c in doc["centers"]] == ["鹤壁市12345政务服务热线"]
    alone = page("记者走访了示例银行鹤壁客服中心。")
    assert [c["name"] for c in alone["centers"]] == ["示例银行鹤壁客服中心"]


def test_english_a_city_starts_its_hotline():
    doc = page("Many cities copied the idea. Hebi started its 12345 hotline in 2013." + _FILLER)
    center = one(doc["centers"], "Hebi 12345 hotline")
    assert center["founded_year"] == 2013 and center["city"] == "Hebi"


def test_staff_at_their_posts_and_a_center_run_by_n_people():
    (a,) = page("鹤壁市12345政务服务热线中心内200余名话务员在春节期间轮班坚守在工作岗位上。")[
        "centers"
    ]
    assert (a["staff"], a["staff_bound"]) == (200, "min")
    (b,) = page("鹤壁1823联络中心为市民解答问题。去年鹤壁1823联络中心由约570人运作。")["centers"]
    assert (b["staff"], b["staff_bound"]) == (570, "approx")


def test_a_bodys_name_with_and_inside_is_one_name():
    doc = page("鹤壁“12333”人力资源和社会保障咨询服务热线设座席60个，员工80人。")
    center = one(doc["centers"], "鹤壁“12333”人力资源和社会保障咨询服务热线")
    assert "industry" not in center and center["seats"] == 60


def test_seven_by_24_hours_with_the_times_sign_lost():
    (center,) = page("鹤壁示例人寿95519客户服务专线提供724小时在线服务，设座席60个。")["centers"]
    assert (center["hours_per_day"], center["days_per_week"]) == (24, 7)
