"""Sixth round of park tenants (``parks.tenants``): the families of phrasing the corpus missed,
on sentences written for these tests (real places, invented firms)."""

from __future__ import annotations

import pytest

from tests.scrapers.test_scrapers_prose4 import page


def _tenants(text: str) -> list[str]:
    (park,) = page(text)["parks"]
    return park.get("tenants", [])


@pytest.mark.parametrize(
    "text",
    [
        # praise before the first name, the list closing the sentence with 等
        "芜湖服务外包产业园成立于2012年。园区先后吸引了全国电子信息百强企业、国家重点软件企业"
        "示例信通、示例云图、示例智控等。",
        "芜湖服务外包产业园成立于2012年。园区引进了示例信通、示例云图、示例智控等。",
    ],
)
def test_a_list_after_praise_words_closing_the_sentence(text):
    assert _tenants(text) == ["示例信通", "示例云图", "示例智控"]


def test_what_firms_were_drawn_to_set_up_is_no_list_of_firms():
    text = (
        "芜湖服务外包产业园成立于2012年。园区将吸引境内保险机构在鸠江区设立区域服务中心、"
        "灾备基地、培训园区等。"
    )
    assert _tenants(text) == []


def test_a_name_with_a_kind_after_it_and_an_adverb_the_list_ran_into():
    text = "以芜湖数字服务外包基地为例，示例海信、上海示例标注企业等相继进驻，业务规模迅速扩大。"
    assert _tenants(text) == ["示例海信", "上海示例标注"]


def test_a_short_name_with_a_stop_character_inside_stays_whole():
    text = "芜湖服务外包产业园成立于2012年。园区已引进示例信通、华示自控等企业。"
    assert _tenants(text) == ["示例信通", "华示自控"]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "走进芜湖软件园，这里汇聚了包括示例购物客服中心、示例出行在内的众多企业服务部门。",
            ["示例购物客服中心", "示例出行"],
        ),
        (
            "芜湖软件园成立于2010年，已集聚了包括示例信通在内的一批知名企业。",
            ["示例信通"],
        ),
    ],
)
def test_firms_gathered_including_a_list(text, want):
    assert _tenants(text) == want


def test_clients_including_a_list_are_no_tenants():
    text = "芜湖软件园成立于2010年，园内企业已为包括示例银行、示例保险在内的众多企业客户提供服务。"
    assert _tenants(text) == []


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "今年3月，宁波示例智能科技有限公司与鸠江区签约，正式落户芜湖服务外包产业园。",
            "宁波示例智能科技有限公司",
        ),
        (
            "目前，示例银行区域数据服务中心项目已确定入驻芜湖金融后台服务园区，年底前开工。",
            "示例银行区域数据服务中心",
        ),
        ("去年10月，示例旅行网华东客服中心在芜湖服务外包产业园开业。", "示例旅行网华东客服中心"),
        (
            "芜湖呼叫产业园区一期今年开工。进驻该园区的首个项目——示例通信公司95500客服中心"
            "占地60亩。",
            "示例通信公司95500客服中心",
        ),
        (
            "会议期间，芜湖声谷与示例电信集团芜湖分公司签订了8000个座席的战略合作协议。",
            "示例电信集团芜湖分公司",
        ),
    ],
)
def test_one_firm_settled_in_or_signed_with_the_named_park(text, want):
    assert _tenants(text) == [want]


@pytest.mark.parametrize(
    "text",
    [
        "今年3月，该公司与鸠江区签约，正式落户芜湖服务外包产业园。",
        "会议期间，芜湖声谷与示例大学签订了人才培养合作协议。",
    ],
)
def test_a_pronoun_or_a_school_is_no_tenant(text):
    assert _tenants(text) == []
