"""Round 9 of the real-page rules: short names of the large operators, openings the news tells
without a year, and a few more ways of writing a center's people and name. Sentences written
here, in the phrasing families of the corpus (invented bodies, real places)."""

from __future__ import annotations

import pytest

from tests.scrapers.test_scrapers_prose4 import one, page


def en_page(text: str) -> dict:
    return page(text + " " + "The report was written for readers of this page only. " * 2)


@pytest.mark.parametrize(
    "name",
    ["农行客服中心", "招行信用卡呼叫中心", "台铁客服中心", "港灯紧急服务热线", "华航客服中心"],
)
def test_an_operators_short_name_names_its_center(name):
    center = one(page(f"{name}共有员工300人。")["centers"], name)
    assert center["staff"] == 300


def test_a_center_without_a_name_word_is_still_not_named_by_a_short_name():
    assert page("鹤壁新建客服中心共有员工300人。")["centers"] == []


@pytest.mark.parametrize(
    ("text", "year"),
    [
        # a title, the page's date under it
        (
            "发布时间：2023-04-26 10:16\n鹤壁市12355示例青少年服务台揭牌\n该服务台面向全市青少年。",
            2023,
        ),
        (
            "时间：2021年09月13日\n鹤壁市总工会“12351”示例职工服务热线正式开通啦\n欢迎职工来电。",
            2021,
        ),
        # the day of the month only, after the entity
        ("发布时间：2023-04-26\n鹤壁市12355示例青少年服务台25日揭牌，面向全市青少年。", 2023),
        # yesterday afternoon
        ("2020-09-04 07:46 来源：示例晨报\n昨天下午，鹤壁市96110示例劝阻专线正式开通。", 2020),
        # the verb before the entity, on a named day
        (
            "发布时间：2023-09-28\n示例总工会9月27日正式启用鹤壁市“12351”示例服务热线呼叫中心。",
            2023,
        ),
    ],
)
def test_an_opening_the_news_tells_without_a_year_is_in_the_pages_year(text, year):
    (center,) = page(text)["centers"]
    assert center["founded_year"] == year


@pytest.mark.parametrize(
    "text",
    [
        # opened years ago, or months ago: not this year's opening
        "发布时间：2024-11-20\n鹤壁示例燃气客服热线96777开通已有12年，口碑良好。",
        "发布时间：2015-07-12\n鹤壁12345热线开通5个月，来电量突破80万个。",
        # since it opened: a period, not the opening
        "发布时间：2024-11-20\n鹤壁示例燃气客服热线96777开通以来受理工单3万件。",
        # a day of the month after the page's day: not this month's news
        "发布时间：2023-04-10\n鹤壁市12355示例青少年服务台25日揭牌。",
        # no date on the page
        "鹤壁市12355示例青少年服务台揭牌。",
    ],
)
def test_an_opening_without_its_time_in_the_pages_news_gives_no_year(text):
    for center in page(text)["centers"]:
        assert "founded_year" not in center


def test_customer_representatives_are_a_centers_staff():
    center = one(
        page("鹤壁95598示例供电服务中心现设坐席190个，配备客户代表240人。")["centers"],
        "鹤壁95598示例供电服务中心",
    )
    assert (center["seats"], center["staff"]) == (190, 240)


def test_customers_are_still_no_staff():
    (center,) = page("鹤壁95598示例供电服务中心现设坐席190个，服务客户240万人。")["centers"]
    assert "staff" not in center


def test_a_numbered_line_named_a_service_center():
    (center,) = page("鹤壁95598示例供电服务中心现设坐席190个。")["centers"]
    assert center["name"] == "鹤壁95598示例供电服务中心"


@pytest.mark.parametrize(
    ("sentence", "name", "city"),
    [
        ("Sample Communications opened a cross-border call centre in Shenzhen with 300 seats.",
         "Sample Communications call centre", "Shenzhen"),
        ("Samplebank has set up a regional customer service centre in Dalian, employing 500 people.",
         "Samplebank customer service centre", "Dalian"),
    ],
)  # fmt: skip
def test_english_a_company_opens_a_described_center(sentence, name, city):
    center = one(en_page(sentence)["centers"], name)
    assert center["city"] == city


def test_english_employing_counts_the_new_centers_staff():
    doc = en_page(
        "Samplebank has set up a regional customer service centre in Dalian, employing 500 people."
    )
    assert one(doc["centers"], "Samplebank customer service centre")["staff"] == 500


def test_english_a_door_opened_for_a_center_is_no_center():
    doc = en_page("The fund opened a door for call centre investors in Dalian last year.")
    assert doc["centers"] == []


def test_a_year_and_hours_written_in_chinese_numerals_are_read():
    text = (
        "（示例报导）鹤壁市1999市民专线于二○○九年启用，廿四小时全年无休提供服务，话务人员共60人。"
    )
    center = one(page(text)["centers"], "鹤壁市1999市民专线")
    assert (center["founded_year"], center["hours_per_day"]) == (2009, 24)


@pytest.mark.parametrize(
    ("text", "name", "city"),
    [
        ("光谷金融港占地1600亩，已吸引20家金融后台服务中心入驻。", "光谷金融港", "武汉市"),
        ("齐鲁数谷位于淄博市张店区，占地面积9.6万平方米。", "齐鲁数谷", "淄博市"),
    ],
)
def test_financial_harbours_and_data_valleys_are_parks(text, name, city):
    park = one(page(text)["parks"], name)
    assert park["city"] == city


def test_a_data_valley_named_before_a_data_centre_is_no_park():
    doc = page("韶关市已引进华南数谷示例大数据中心等一批项目。")
    assert doc["parks"] == []


def test_english_a_line_that_will_operate_as_usual_keeps_its_hours():
    doc = en_page(
        "The Sample Electric Customer Emergency Services Hotline on 2555 4000 will operate "
        "24 hours a day as usual."
    )
    assert doc["centers"][0]["hours_per_day"] == 24


def test_english_a_line_that_will_open_round_the_clock_later_has_no_hours_yet():
    doc = en_page(
        "The Sample Electric Customer Service Hotline will eventually operate 24 hours a day."
    )
    for center in doc["centers"]:
        assert "hours_per_day" not in center


def test_english_the_last_digits_of_a_phone_number_name_no_line():
    doc = en_page(
        "Sample Gas runs the city's gas network. For gas leaks, please call 2880 6988 at once. "
        "To pay a bill, call 2880 6988 or visit a service centre."
    )
    assert all(not c["name"].startswith("6988") for c in doc["centers"])


@pytest.mark.parametrize(
    "sentence",
    [
        "Sample Telecom's customer service hotline handles 20,000 calls a day.",
        "The Sample Telecom customer service hotline handles 20,000 calls a day.",
    ],
)
def test_english_a_companys_hotline_said_in_lowercase_takes_its_figures(sentence):
    center = one(en_page(sentence)["centers"], "Sample Telecom customer service hotline")
    assert center["daily_inbound_calls"] == 20000


@pytest.mark.parametrize(
    ("text", "center", "park"),
    [
        (
            "示例电网客户服务中心北方基地位于天津，拥有座席1000个。",
            "示例电网客户服务中心北方基地",
            None,
        ),
        ("示例银行客户服务中心成都基地拥有座席800个。", "示例银行客户服务中心成都基地", None),
        ("鹤壁呼叫中心产业基地规划座席1万个。", None, "鹤壁呼叫中心产业基地"),
        ("鹤壁呼叫中心外包示范基地规划座席1万个。", None, "鹤壁呼叫中心外包示范基地"),
    ],
)
def test_a_centers_own_site_is_a_center_and_a_call_center_base_a_park(text, center, park):
    doc = page(text)
    assert [c["name"] for c in doc["centers"]] == ([center] if center else [])
    assert [p["name"] for p in doc["parks"]] == ([park] if park else [])


def test_english_a_job_named_after_a_center_is_no_center():
    doc = en_page(
        "Sample Lee, the Assistant Call Centre Manager of the Sample Water Department, said the "
        "Customer Telephone Enquiry Centre answers calls 24 hours a day."
    )
    assert [c["name"] for c in doc["centers"]] == ["Customer Telephone Enquiry Centre"]


@pytest.mark.parametrize(
    "name", ["台湾保险公司服务呼叫中心", "香港证券公司客服中心", "内地金融机构呼叫中心"]
)
def test_a_kind_of_company_names_no_center(name):
    assert page(f"据介绍，{name}设有座席500个，员工800人。")["centers"] == []


def test_a_company_named_before_its_kind_still_names_its_center():
    center = one(
        page("鹤壁示例保险公司客服中心设有座席500个。")["centers"], "鹤壁示例保险公司客服中心"
    )
    assert center["seats"] == 500


@pytest.mark.parametrize(
    "text",
    [
        "鹤壁示例供热客服中心接到报修后，若维修人员未回复，24小时内工单将升级至主管。",
        "鹤壁示例供热客服中心承诺投诉在24小时之内办结。",
    ],
)
def test_within_24_hours_is_a_deadline_not_opening_hours(text):
    (center,) = page(text)["centers"]
    assert "hours_per_day" not in center


def test_round_the_clock_is_still_24_hours():
    (center,) = page("鹤壁示例供热客服中心实行24小时值守。")["centers"]
    assert center["hours_per_day"] == 24


def test_facilities_in_a_tenant_list_are_no_tenants():
    text = "鹤壁示例金融后台产业园已引进示例银行数据中心、研发中心及后援中心等企业入驻。"
    (park,) = page(text)["parks"]
    assert "后援中心" not in park.get("tenants", []) and "研发中心" not in park.get("tenants", [])


@pytest.mark.parametrize(
    ("text", "value", "period", "bound"),
    [
        ("对从事数据服务的企业，按当月有效坐席人数每人每月不超过200元标准给予两年坐席补贴。",
         200, "month", "max"),
        ("对新设立的呼叫中心，按每个有效座席每年补贴2500元，连续补贴3年。", 2500, "year", None),
    ],
)  # fmt: skip
def test_a_seat_subsidy_by_the_month_or_year(text, value, period, bound):
    (item,) = [i for i in page(text)["incentives"] if i["kind"] == "seat_subsidy"]
    assert (item["value"], item["period"], item.get("value_bound")) == (value, period, bound)


def test_a_training_allowance_by_the_month_is_no_seat_subsidy():
    items = page("对培训合格的新员工，每人每月补贴200元。")["incentives"]
    assert all(i["kind"] != "seat_subsidy" for i in items)


def test_rent_support_by_the_month_then_the_square_metre():
    text = "租赁办公用房的外包企业，1000平方米以下部分按每月每平方米15元给予租金补贴。"
    (item,) = [i for i in page(text)["incentives"] if i["kind"] == "rent_reduction"]
    assert (item["value"], item["unit"]) == (15, "CNY/m2/month")


@pytest.mark.parametrize(
    ("text", "name", "fcr"),
    [
        (
            "鹤壁示例燃气客服中心人工服务一次性解决率达92%，客户满意度98%。",
            "鹤壁示例燃气客服中心",
            0.92,
        ),
        (
            "据统计，鹤壁12345政务服务便民热线首次来电解决率为85%。",
            "鹤壁12345政务服务便民热线",
            0.85,
        ),
    ],
)
def test_first_contact_resolution_in_prose(text, name, fcr):
    assert one(page(text)["centers"], name)["fcr_rate"] == fcr


@pytest.mark.parametrize(
    ("sentence", "fcr"),
    [
        ("The Sample Telecom call centre has a first-call resolution rate of 85% this year.", 0.85),
        ("The Sample Telecom call centre resolved 80 percent of enquiries on the first call.", 0.8),
    ],
)
def test_english_first_contact_resolution(sentence, fcr):
    assert one(en_page(sentence)["centers"], "Sample Telecom call centre")["fcr_rate"] == fcr


def test_a_resolution_rate_of_complaints_overall_is_no_first_contact_rate():
    (center,) = page("鹤壁示例燃气客服中心全年投诉办结率达99%。")["centers"]
    assert "fcr_rate" not in center


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("鹤壁市心理援助热线自2019年5月设立以来，始终提供24小时服务。", "鹤壁市心理援助热线"),
        ("鹤壁市农民工维权热线设有座席10个。", "鹤壁市农民工维权热线"),
        ("原鹤壁心理援助热线设有座席10个。", "鹤壁心理援助热线"),
    ],
)
def test_a_line_named_by_what_it_serves_after_a_place(text, name):
    (center,) = page(text)["centers"]
    assert center["name"] == name


def test_a_line_named_by_what_it_serves_without_a_place_is_no_name():
    assert page("市民可拨打心理援助热线寻求帮助，热线设有座席10个。")["centers"] == []


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("In 1999, the Sample Water Department established a Customer Telephone Enquiry Centre "
         "that answers calls 24 hours a day.", 1999),
        ("The Sample Bureau established the Sample City 1999 Call Center in December, 2007, five "
         "months after planning began.", 2007),
        ("Updated: 2006-05-27 08:54\nCity opens free hotline. The Sample Call Centre, which was "
         "officially launched on Friday, gives tourist information in English.", 2006),
        ("(Sample Daily, March 3, 2017)\nSince its launch in November last year, Hebi's "
         "government service hotline 12345 has answered many calls. The hotline 12345 is free.",
         2016),
    ],
)  # fmt: skip
def test_english_a_centers_opening(text, year):
    (center,) = en_page(text)["centers"]
    assert center["founded_year"] == year


def test_english_a_launch_held_at_a_center_is_not_its_opening():
    text = ("Updated: 2019-08-01\nThe Sample Multilingual Platform was launched at the Sample "
            "Telecom Dongpu Call Center on July 31, with 40 agents.")  # fmt: skip
    for center in en_page(text)["centers"]:
        assert "founded_year" not in center


def test_english_dates_a_page_prints():
    from scrapers.extract.dates import page_date

    assert tuple(page_date("Posted 2019-Aug-1 by the desk")) == (2019, 8, 1)
    assert tuple(page_date("(Sample Daily, 19 December 2002)")) == (2002, 12, 19)
    assert page_date("In May 2002 the hotline opened.") is None  # no day: no page date


@pytest.mark.parametrize("word", ["advisors", "representatives", "staffers"])
def test_english_advisors_and_representatives_are_staff(word):
    doc = en_page(f"The Sample Xiamen Call Center currently has 200 {word} on three shifts.")
    assert one(doc["centers"], "Sample Xiamen Call Center")["staff"] == 200


def test_seats_about_a_round_figure_after_the_seat_word():
    (center,) = page("鹤壁示例客户服务中心目前拥有坐席1700左右，日语坐席300多个。")["centers"]
    assert (center["seats"], center.get("seats_bound")) == (1700, "approx")


@pytest.mark.parametrize(
    "text",
    [
        "鹤壁市12345政务服务便民热线坚持365天从不打烊。",
        "鹤壁市12345政务服务便民热线全年不打烊，节假日照常受理。",
    ],
)
def test_open_every_day_of_the_year_is_seven_days_a_week(text):
    (center,) = page(text)["centers"]
    assert center["days_per_week"] == 7 and "hours_per_day" not in center


@pytest.mark.parametrize(
    ("text", "calls"),
    [
        ("鹤壁12345政务服务热线新平台试运行一个多月，平均每天受话量1800件。", 1800),
        ("鹤壁市12316示例服务热线日均呼叫次数在3563人次以上。", 3563),
    ],
)
def test_daily_calls_said_as_calls_received_or_person_times(text, calls):
    (center,) = page(text)["centers"]
    assert center["daily_inbound_calls"] == calls
