"""English pages, round 6: centers said through their company, centers named ``for <what> of
<Org>``, hotlines named by their number, and a company's customer service hotline (sentences
written for these tests)."""

from __future__ import annotations

from tests.scrapers.test_scrapers_prose4 import one, page


def _names(result: dict) -> list[str]:
    return [c["name"] for c in result["centers"]]


def test_company_named_before_its_center_in_another_sentence():
    text = (
        "Riverton Mutual Insurance opened an office in Wuhan last spring. "
        "Riverton's managers say the market is growing. "
        "The company will double its 300 agents to 600 next year in its only "
        "telemarketing center in Wuhan, a manager said."
    )
    center = one(page(text)["centers"], "Riverton Mutual Insurance telemarketing center")
    assert center["city"] == "Wuhan"
    assert center["staff"] == 300  # 300 now, 600 the plan


def test_possessive_company_names_its_call_center_with_its_city():
    text = (
        "Northwind said on Monday that it would expand in Fujian. "
        "Many of Northwind Xiamen's staff will move to a new tower to meet the growth "
        "of demand in its call center and support teams."
    )
    center = one(page(text)["centers"], "Northwind Xiamen call center")
    assert center["city"] == "Xiamen"


def test_subject_after_a_clause_names_its_customer_care_centre():
    text = (
        "As repairs matter more to phone buyers, Lumen Devices Hong Kong moved its customer "
        "care centre back from Shenzhen this year. The team now has 45 staff."
    )
    names = _names(page(text))
    assert any(n == "Lumen Devices Hong Kong customer care centre" for n in names)


def test_its_call_center_is_named_only_when_the_page_names_an_organisation():
    bare = (
        "The company plans to double the staff of its call center in Chengdu next year. "
        "Its managers expect many more calls."
    )
    assert page(bare)["centers"] == []
    named = "Kestrel Travel's bookings rose last year. " + bare
    center = one(page(named)["centers"], "Kestrel Travel call center")
    assert center["city"] == "Chengdu"


def test_generic_subject_is_not_the_organisation():
    text = (
        "China wants service firms to grow. Orion Telecom's profit rose in 2020. "
        "The firm's new contact centre opened in Hefei in 2019."
    )
    assert _names(page(text)) == ["Orion Telecom contact centre"]


def test_a_person_is_not_the_page_organisation():
    text = (
        "Wang Lei, a manager at Bluefin Logistics, said the work is hard. Wang Lei has worked "
        "there since 2015. Wang Lei expects more calls. The company runs its call center in "
        "Dalian with 200 staff."
    )
    center = one(page(text)["centers"], "Bluefin Logistics call center")
    assert center["staff"] == 200
    assert not any("Wang" in n for n in _names(page(text)))


def test_center_for_telephone_sales_of_an_organisation():
    text = (
        '"Sales are strong," said Liu Ming, head of the Xi\'an center for telephone sales '
        "of Example Property and Casualty Insurance, on Tuesday."
    )
    center = one(
        page(text)["centers"],
        "Xi'an center for telephone sales of Example Property and Casualty Insurance",
    )
    assert center["city"] in ("Xi'an", "Xian")


def test_center_for_sales_at_an_organisation_is_its_telemarketing_center():
    text = (
        "Zhao Yu is director of the center for telephone sales at Harbor Auto Insurance. "
        "Harbor's team is young. The company wants to grow its 400 sales staff to 900 in "
        "its telemarketing center in Changsha."
    )
    centers = page(text)["centers"]
    assert len(centers) == 1
    assert centers[0]["name"] == "Harbor Auto Insurance telemarketing center"
    assert centers[0]["aliases"] == ["center for telephone sales at Harbor Auto Insurance"]
    assert centers[0]["staff"] == 400


def test_a_hotline_named_by_its_number_alone_takes_the_page_figures():
    text = (
        "Residents of Hong Kong can dial a four-digit number - 1789 - for help with any public "
        "service, 24 hours a day, 365 days a year.\n"
        "The hotline employs 350 frontline staff and handles up to 15,000 calls daily.\n"
        "Most of the 9,000-plus calls placed to the line every day are simple.\n"
        "1789 staff answer about forty kinds of questions, and many new staff joined 1789 in 2019."
    )
    line = one(page(text)["centers"], "1789")
    assert line["staff"] == 350  # not 1789: the line's number is not a head count
    assert line["hours_per_day"] == 24 and line["days_per_week"] == 7
    assert line["daily_inbound_calls"] == 9000  # up to 15,000 is a peak
    assert line["daily_inbound_calls_bound"] == "min"


def test_a_numbered_centre_is_named_as_the_page_writes_it():
    text = (
        "The minister toured the 1789 Centre in the government offices of Kowloon. "
        "The 1789 Centre offers a round-the-clock service to the public of Hong Kong."
    )
    line = one(page(text)["centers"], "1789 Centre")
    assert line["name"] == "1789 Centre"
    assert line["hours_per_day"] == 24


def test_a_new_hotline_number_said_once_on_a_page_about_the_hotline():
    text = (
        "People in Hangzhou can now call a new unified hotline 12399 for help with public "
        "services.\nThe new hotline replaces many older lines.\nThe 300 operators working in "
        "two shifts answer calls from 8 am to 8 pm every day. Callers said the hotline was busy."
    )
    line = one(page(text)["centers"], "12399")
    assert line["staff"] == 300
    assert line["hours_per_day"] == 12


def test_a_connection_rate_is_an_answer_rate():
    text = (
        "Callers tried the city's new public service hotline, 12399, in Ningbo yesterday. "
        "The line took 4,000 calls by noon and the connection rate was 93.5 percent."
    )
    line = one(page(text)["centers"], "12399 public service hotline")
    assert line["answer_rate"] == 0.935


def test_a_company_customer_service_hotline_in_its_own_voice():
    text = (
        "Annual Report 2021\nHong Kong\nWe serve our customers with care. Our package\n"
        "includes a 24-hour customer service hotline\nand a one-day repair pledge.\n"
        "Service is a core value at Brightflame.\nEngaged more than 30,000 employees\n"
        "Ran 55 new staff courtesy programmes\n"
    )
    line = one(page(text)["centers"], "Brightflame customer service hotline")
    assert line["hours_per_day"] == 24
    assert "staff" not in line  # the company's people, not the line's


def test_a_customer_service_hotline_of_no_one_names_nothing():
    text = (
        "A 24-hour customer service hotline helps buyers. Brightflame's sales rose. "
        "Kestrel Travel's customer care hotline answers in three languages."
    )
    names = _names(page(text))
    assert names == ["Kestrel Travel customer care hotline"]
