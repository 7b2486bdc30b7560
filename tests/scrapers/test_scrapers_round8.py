"""Round 8 of the real-page rules: what a center's name says of its industry and of its place.
Sentences written here, in the phrasing families of the corpus (invented bodies, real places)."""

from __future__ import annotations

import pytest

from tests.scrapers.test_scrapers_prose4 import one, page


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a province's own line: the page's city is where the article was written, not its place
        ("新乡讯 河南省12316示例服务热线设有座席20个，员工30人。新乡市也开通了分线。",
         "河南省12316示例服务热线"),
        ("滁州讯 12348安徽省示例法律服务热线设有座席20个，员工30人。", "12348安徽省示例法律服务热线"),
    ],
)  # fmt: skip
def test_a_provinces_own_line_takes_no_city_from_the_page(text, name):
    center = one(page(text)["centers"], name)
    assert center["seats"] == 20 and "city" not in center


def test_a_city_named_after_its_province_is_still_the_centers():
    center = one(
        page("陕西省宝鸡市12355示例服务台设有座席20个，员工30人。")["centers"],
        "宝鸡市12355示例服务台",
    )
    assert center["city"] == "宝鸡市"


def test_a_company_branch_named_by_its_province_keeps_the_pages_city():
    doc = page("洛阳讯 河南示例通信公司10086呼叫中心设有座席500个，员工800人。洛阳市")
    assert one(doc["centers"], "河南示例通信公司10086呼叫中心")["city"] == "洛阳市"


@pytest.mark.parametrize(
    ("name", "industry"),
    [
        ("鹤壁示例银行信用卡客服中心", "银行"),
        ("鹤壁示例燃气集团客服中心", "燃气"),
        ("鹤壁示例人寿客户服务中心", "保险"),
        ("鹤壁示例证券客户服务中心", "证券"),
        ("鹤壁市12345政务服务便民热线", None),  # a public line's service words
        ("鹤壁示例旅行网客服中心", None),  # a brand's word, not the industry's
    ],
)
def test_an_industry_is_read_only_where_the_name_writes_its_word(name, industry):
    center = one(page(f"{name}设有座席60个，员工80人。")["centers"], name)
    assert center.get("industry") == industry


def test_english_a_phone_number_over_a_heading_is_no_hotlines_name():
    text = (
        "Sample Mobile HK serves three million users in the city.\n"
        + "Fax\n(852) 2000 4321\nSales Hotline\nTel\n(852) 12000\n" * 2
        + "The 24-hour Customer Care Hotline of Sample Mobile HK has 300 staff."
    )
    names = [c["name"] for c in page(text)["centers"]]
    assert not [n for n in names if "\n" in n or n.startswith("4321")], names


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Sample Bank's Peony Card Center in Chengdu has 900 staff.", "Sample Bank's Peony Card Center"),
        ("Sample Bank's China operations centre in Chengdu has 900 staff.",
         "Sample Bank's China operations centre"),
        ("Sample Air's customer experience center in Chengdu has 900 staff.",
         "Sample Air customer experience center"),
    ],
)  # fmt: skip
def test_english_a_companys_card_operations_or_experience_centre_is_a_center(text, name):
    doc = page(text + " The city hopes for more such projects in the coming years.")
    center = one(doc["centers"], name)
    assert center["staff"] == 900


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("在年度评选中，中国示例银行95566脱颖而出，荣获“最佳呼叫中心”称号。", "中国示例银行95566"),
        ("95577是示例银行的客服热线，实行7×24小时服务。", "示例银行95577"),
        ("示例人寿（95519）的客服热线全年提供24小时服务。", "示例人寿95519"),
    ],
)
def test_a_companys_national_service_number_names_its_hotline(text, name):
    center = one(page(text)["centers"], name)
    assert center["industry"] in ("银行", "保险")


@pytest.mark.parametrize(
    "text",
    [
        "示例市电信10000号码今年升级。",  # an industry's number, not a company's
        "如有疑问请拨打客服电话95588咨询。",  # a number said, no company
        "示例银行2019年营业收入增长。",  # a year after a company
    ],
)
def test_a_service_number_without_its_company_names_no_center(text):
    assert page(text)["centers"] == []


def test_a_count_of_centers_is_no_centers_name():
    doc = page(
        "大连已有100多个呼叫中心，其中鹤发科技大连客服中心设有座席60个，员工80人。大连100多个呼叫中心共有员工2万人。"
    )
    assert [c["name"] for c in doc["centers"]] == ["鹤发科技大连客服中心"]


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("鹤壁地铁24小时客服热线", "鹤壁地铁客服热线", True),
        ("鹤壁示例7×24小时客服中心", "鹤壁示例客服中心", True),
        ("Sample Bank 24-hour hotline", "Sample Bank hotline", True),
        ("鹤壁地铁24小时客服热线", "鹤壁公交客服热线", False),
    ],
)
def test_opening_hours_inside_a_name_do_not_name_it(a, b, same):
    from scrapers.extract.names import names_match

    assert names_match(a, b) is same


@pytest.mark.parametrize(
    "name", ["鹤发人寿示例分公司95519电话服务中心", "鹤壁市出租汽车电召服务中心"]
)
def test_telephone_and_taxi_dispatch_service_centres_are_centers(name):
    center = one(page(f"{name}设有座席60个，员工80人。")["centers"], name)
    assert center["seats"] == 60


@pytest.mark.parametrize(
    "sentence",
    [
        "Under the agreement, Samplemart will establish a customer service center in Suqian.",
        "Samplemart plans to open a call center in Suqian next year.",
        "Last week Samplemart establishes a contact center in Suqian.",
    ],
)
def test_english_a_company_that_will_set_up_a_center_names_it(sentence):
    doc = page(sentence + " The city hopes for more such projects in the coming years.")
    (center,) = [c for c in doc["centers"] if c["name"].startswith("Samplemart")]
    assert center["city"] == "Suqian"


def test_an_organisations_own_customer_service_is_its_center():
    doc = page(
        "鹤发信托于1995年起设置24小时客服专线，是本地最早的金融客服。"
        "鹤发信托目前客服人员共约300位，服务客户约200万。鹤发信托表示将继续改善服务。"
    )
    center = one(doc["centers"], "鹤发信托客服中心")
    assert (center["staff"], center["staff_bound"]) == (300, "approx")


def test_an_organisations_center_said_once_counts_each_naming_of_the_organisation():
    filler = "鹤发证券是一家本地券商，近年业务增长很快，营业部遍布全省各地。" * 5  # past the top
    doc = page(filler + "据介绍，鹤发证券客服中心今年全面升级。鹤发证券表示将持续改善服务。")
    assert [c["name"] for c in doc["centers"]] == ["鹤发证券客服中心"]


def test_an_organisation_named_once_gives_no_center_of_its_own():
    assert page("鹤发信托于1995年起设置24小时客服专线。")["centers"] == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("记者到达鹤壁机场客服中心，鹤壁机场客服中心设有座席20个，员工30人。", "鹤壁机场客服中心"),
        ("大会表彰鹤壁示例集团客户服务中心，鹤壁示例集团客户服务中心设有座席20个，员工30人。",
         "鹤壁示例集团客户服务中心"),
    ],
)  # fmt: skip
def test_arriving_at_or_commending_a_center_is_no_part_of_its_name(text, name):
    assert [c["name"] for c in page(text)["centers"]] == [name]


@pytest.mark.parametrize(
    "center", ["天猫客服中心", "58同城全国客户服务中心", "惠普全球客户服务中心(大连)"]
)
def test_a_brand_names_a_center_said_once(center):
    filler = "鹤壁的客服行业发展很快，企业越来越多，人才也越来越多。" * 6  # past the top
    doc = page(filler + f"鹤壁软件园汇聚了包括{center}在内的多家企业。")
    assert [c["name"] for c in doc["centers"]] == [center]


@pytest.mark.parametrize(
    "text",
    [
        "Sample Bank won the Top Ten Brands of the China International Contact Center Annual Awards.",
        "In 2013 the Customer Contact Center moved to a new building in Suqian with 300 staff.",
        "Sample Bank runs a Global Service Center in Shanghai for its card holders.",
    ],
)
def test_english_a_center_named_only_by_generic_words_is_no_name(text):
    doc = page(text + " The city hopes for more such projects in the coming years.")
    names = [c["name"] for c in doc["centers"]]
    assert not {"China International Contact Center", "Customer Contact Center",
                "Global Service Center"} & set(names), names  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "Photo: Caixin. Sampletrip's call center in Edinburgh has 200 staff.",
        "Scotsman.com Photo Sampletrip's call center in Edinburgh has 200 staff.",
    ],
)
def test_english_a_caption_before_a_companys_center_is_no_part_of_its_name(text):
    doc = page(text + " The city hopes for more such projects in the coming years.")
    assert [c["name"] for c in doc["centers"]] == ["Sampletrip call center"]


def test_centers_listed_one_after_another_are_each_a_name():
    doc = page(
        "鹤壁的客服行业发展很快，企业越来越多，人才也越来越多。" * 6
        + "入驻的有鹤发银行客服中心、鹤发保险客服中心与鹤发航空客服中心。"
        + "鹤发银行客服中心设有座席60个，员工80人。"
    )
    names = {c["name"] for c in doc["centers"]}
    assert names == {"鹤发银行客服中心", "鹤发保险客服中心", "鹤发航空客服中心"}


def test_two_centers_named_in_passing_are_still_left_out():
    doc = page(
        "鹤壁的客服行业发展很快，企业越来越多，人才也越来越多。" * 6
        + "入驻的有鹤发保险客服中心与鹤发航空客服中心。"
        + "鹤发银行客服中心设有座席60个，员工80人。"
    )
    assert [c["name"] for c in doc["centers"]] == ["鹤发银行客服中心"]
