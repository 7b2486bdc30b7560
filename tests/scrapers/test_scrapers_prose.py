"""The prose extractor on sentences written for these tests, in the phrasing families of real
pages (profiles written as prose, hotlines, park launches, mirror-site pinyin, English)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from data.normalise.industries import industry_from_name
from scrapers.extract.mirror import strip_pinyin
from scrapers.extract.names import names_match
from scrapers.extract.page import MAX_RECORDS, extract_page
from scrapers.extract.prose import read_prose

ROOT = Path(__file__).resolve().parents[2]


def page(text: str, name: str = "page.txt") -> dict:
    return extract_page(text.encode("utf-8"), name).as_dict(evidence=True)


def one(entities: list[dict], name: str) -> dict:
    (hit,) = [e for e in entities if names_match(e["name"], name)]
    return hit


def test_profile_prose_attaches_seats_and_staff_to_the_center():
    doc = page(
        "示例银行鹤壁信用卡客服中心位于鹤壁市高新区。\n"
        "示例银行鹤壁信用卡客服中心成立于2012年，目前拥有1200个座席，员工约1500人，"
        "实行7×24小时服务，日均接听电话超过2万个，接通率达到95%。"
    )
    center = one(doc["centers"], "示例银行鹤壁信用卡客服中心")
    assert center["seats"] == 1200 and "seats_bound" not in center
    assert (center["staff"], center["staff_bound"]) == (1500, "approx")
    assert (center["hours_per_day"], center["days_per_week"]) == (24, 7)
    assert (center["daily_inbound_calls"], center["daily_inbound_calls_bound"]) == (20000, "min")
    assert center["answer_rate"] == 0.95
    assert center["industry"] == "银行"  # the name writes the word
    assert "1200个座席" in center["evidence"]["seats"]
    assert 0 < center["confidence"] <= 1
    assert all(v <= center["confidence"] for v in center["field_confidence"].values())


def test_hotline_opened_year_and_seats_after_an_anaphor():
    doc = page(
        "2015年3月1日，鹤壁市12345政务服务热线正式开通。\n"
        "热线话务大厅共设60个坐席，话务员共有120余名。鹤壁市12345政务服务热线受理群众诉求。"
    )
    center = one(doc["centers"], "鹤壁市12345政务服务热线")
    assert center["founded_year"] == 2015
    assert center["seats"] == 60
    assert (center["staff"], center["staff_bound"]) == (120, "min")
    assert "industry" not in center


def test_totals_of_a_city_or_the_nation_are_not_the_centers():
    doc = page(
        "鹤壁市12345政务服务热线设有80个坐席。全市呼叫中心共有座席3万个。"
        "全国呼叫中心市场规模达到350亿元。鹤壁市12345政务服务热线运行平稳。"
    )
    center = one(doc["centers"], "鹤壁市12345政务服务热线")
    assert center["seats"] == 80


def test_park_names_without_a_fixed_suffix_list_and_with_conjunctions():
    entities = read_prose(
        "濮阳软件与信息技术服务外包产业园占地500亩。“漯河声谷”位于漯河县。"
        "濮阳软件与信息技术服务外包产业园内集聚企业30家。"
    )
    names = {e.name for e in entities}
    assert "濮阳软件与信息技术服务外包产业园" in names
    park = next(e for e in entities if e.name == "濮阳软件与信息技术服务外包产业园")
    assert park.values["area_km2"] == pytest.approx(0.3333, abs=1e-3)


def test_park_figures_bounds_and_phase_plots():
    doc = page(
        "鹤壁呼叫中心产业基地总体规划面积为2平方公里，总投资逾50亿元，总建筑面积约30万平方米。"
        "鹤壁呼叫中心产业基地起步区占地300亩，园区内呼叫中心大厦建筑面积2.5万平方米。"
        "到2030年，鹤壁呼叫中心产业基地座席规模将达到5万席。"
    )
    park = one(doc["parks"], "鹤壁呼叫中心产业基地")
    assert park["area_km2"] == 2
    assert (park["investment_cny"], park["investment_cny_bound"]) == (5_000_000_000, "min")
    assert (park["floor_area_m2"], park["floor_area_m2_bound"]) == (300_000, "approx")
    assert {"year": 2030, "seats": 50000} in park["seat_targets"]


def test_a_zone_before_a_generic_park_name_names_the_park():
    doc = page("鹤壁经济技术开发区将规划建设占地面积60万平方米的服务外包产业基地。")
    park = one(doc["parks"], "鹤壁经济技术开发区服务外包产业基地")
    assert park["area_km2"] == pytest.approx(0.6)


def test_generic_and_city_industry_names_are_not_entities():
    doc = page("温州呼叫中心发展迅速，一家大型呼叫中心落户本地。支持服务外包及呼叫中心发展。")
    assert doc["centers"] == []


def test_mirror_pinyin_is_removed_before_reading():
    text = "鶴壁呼叫中心產(chǎn)業(yè)基地位于鶴壁市，規(guī)劃面積3平方公里。鶴壁呼叫中心產(chǎn)業(yè)基地發(fā)展迅速。"
    assert "(chǎn)" not in strip_pinyin(text)
    park = one(page(text)["parks"], "鹤壁呼叫中心产业基地")
    assert park["area_km2"] == 3


def test_english_parks_and_centers_with_their_city():
    doc = page(
        "Acme Telecom opened a call center in Dalian last year. The center is located in the "
        "Dalian Harbour Software Park, which hosts 40 BPO firms. Dalian Harbour Software Park "
        "was created in 2001. Acme Telecom call center serves clients in Japan."
    )
    park = one(doc["parks"], "Dalian Harbour Software Park")
    assert park["city"] == "Dalian"
    assert any("Acme Telecom" in c["name"] for c in doc["centers"])


def test_label_value_pages_still_work_as_txt():
    doc = page("中心名称：鹤壁保险客服中心\n所在城市：鹤壁\n座席数量：320个\n")
    center = one(doc["centers"], "鹤壁保险客服中心")
    assert center["seats"] == 320 and center["confidence"] >= 0.9


def test_records_per_page_are_capped():
    text = "。".join(f"第{i}号示例客服中心拥有{i + 10}个座席" for i in range(MAX_RECORDS + 50))
    doc = page(text)
    assert len(doc["centers"]) + len(doc["parks"]) <= MAX_RECORDS


def test_extract_command_reads_txt_pages_with_evidence(tmp_path):
    p = tmp_path / "note.txt"
    p.write_text("鹤壁市12345政务服务热线设有80个坐席。鹤壁市12345政务服务热线运行平稳。", "utf-8")
    out = subprocess.run(
        [sys.executable, "-m", "portal.cli", "extract", str(p), "--json", "--evidence"],
        capture_output=True, text=True, cwd=ROOT, check=True,
    )  # fmt: skip
    (doc,) = json.loads(out.stdout)
    (center,) = doc["centers"]
    assert center["seats"] == 80 and "80个坐席" in center["evidence"]["seats"]
    assert doc["parks"] == [] and doc["incentives"] == []


def test_tenants_listed_before_a_settling_verb_belong_to_the_one_park():
    doc = page(
        "漯河呼叫中心产业园规划面积1平方公里。此后，甲乙科技、丙丁数据等知名企业相继入驻。"
        "漯河呼叫中心产业园还吸引了更多企业。"
    )
    park = one(doc["parks"], "漯河呼叫中心产业园")
    assert park["tenants"] == ["甲乙科技", "丙丁数据"]


def test_daily_calls_take_the_later_figure_of_a_growth():
    doc = page(
        "鹤壁市12345政务服务热线开通后，日均来电由原先的500个上升到3000个。"
        "鹤壁市12345政务服务热线运行平稳。"
    )
    center = one(doc["centers"], "鹤壁市12345政务服务热线")
    assert center["daily_inbound_calls"] == 3000
    assert center["field_confidence"]["daily_inbound_calls"] <= 0.6


def test_names_inside_a_title_only_are_not_entities():
    doc = page("《鹤壁呼叫中心国际标准研究》一书出版。濮阳市民们读到了它。")
    assert doc["centers"] == []
    doc = page(
        "示例银行金融后台服务中心落户宁波。示例银行金融后台服务中心员工约500人。"
        "此前发布的《示例银行宁波金融后台服务中心施工招标公告》显示，工程已开工。"
    )
    assert len(doc["centers"]) == 1


def test_a_hotline_named_by_what_it_does_is_not_a_name():
    doc = page("宁波12345热线中心设有80个坐席。在宁波，12345是人人知道的政务服务便民热线。")
    assert [c["name"] for c in doc["centers"]] == ["宁波12345热线中心"]


def test_one_hotline_by_its_place_and_by_its_number_is_one_center():
    doc = page("宁波市民服务热线每天都很忙。“12345”市民服务热线24小时接听来电，话务员共有120余名。")
    (center,) = doc["centers"]
    assert center["name"] == "宁波市民服务热线"
    assert (center["staff"], center["staff_bound"]) == (120, "min")


def test_a_heading_line_is_not_the_head_of_the_next_line_and_four_parks_are_no_name():
    doc = page("宁波市打造四大服务外包产业园\n鹤壁服务外包产业基地\n基地一期占地200亩。")
    names = [p["name"] for p in doc["parks"]]
    assert "鹤壁服务外包产业基地基地" not in names and "服务外包产业园" not in names


def test_an_office_of_a_hotline_is_not_the_hotline():
    doc = page("宁波市政务服务局政务服务热线管理办公室主任介绍了情况。")
    assert doc["centers"] == []


def test_figures_of_a_phase_or_of_a_project_named_after_them_are_not_the_parks():
    doc = page(
        "鹤壁呼叫中心产业园区建设进展顺利，园区规划面积2平方公里。"
        "目前在建项目有：总投资5亿元、占地80亩的示例移动客服中心项目。"
        "鹤壁呼叫中心产业园区一期占地3万平方米，总建筑面积达8万平方米。"
    )
    park = one(doc["parks"], "鹤壁呼叫中心产业园区")
    assert park["area_km2"] == 2
    assert "investment_cny" not in park and "floor_area_m2" not in park


_FILLER = " The weather in the harbour town was mild and the streets were quiet that week." * 3


def test_english_company_sets_up_a_center_named_by_its_subject():
    doc = page(
        "The review portal shopnotes.com, known for its gadget reviews, established a customer "
        "service center in Dalian in 2006 with 25 bilingual employees." + _FILLER
    )
    center = one(doc["centers"], "shopnotes.com customer service center")
    assert (center["city"], center["founded_year"], center["staff"]) == ("Dalian", 2006, 25)
    doc = page(
        "Two software makers, Alpha Systems and BetaSoft, announced a new call centre that would "
        "eventually employ 800 Korean-speaking operators." + _FILLER
    )
    assert one(doc["centers"], "Alpha Systems and BetaSoft call centre")["staff"] == 800


def test_english_hotline_by_its_number_and_a_number_said_once_is_none():
    doc = page(
        "Dalian's 12345 hotline answers questions from residents. Dalian's 12345 hotline "
        "operates 24 hours a day, 7 days a week. Callers may also dial the 10086 hotline." + _FILLER
    )
    names = [c["name"] for c in doc["centers"]]
    assert names == ["Dalian's 12345 hotline"]
    assert doc["centers"][0]["hours_per_day"] == 24


def test_english_quoted_park_titles_tenants_and_founding_year():
    doc = page(
        "The city plans “The Demonstration Base of Call Center Industry in Harbour County” next "
        "year." + _FILLER
    )
    assert [p["name"] for p in doc["parks"]] == [
        "The Demonstration Base of Call Center Industry in Harbour County"
    ]
    doc = page(
        "Dalian Harbour Software Park is a business zone, created in 2003 near the port. "
        "There are 20 large companies including Acme, Bolt Data, Crest and Delta Services etc. "
        + _FILLER
    )
    park = one(doc["parks"], "Dalian Harbour Software Park")
    assert park["founded_year"] == 2003
    assert park["tenants"] == ["Acme", "Bolt Data", "Crest", "Delta Services"]


def test_awards_a_center_won_and_a_persons_award_left_out():
    doc = page(
        "示例银行鹤壁信用卡客服中心设有500个座席，员工800人。"
        "示例银行鹤壁信用卡客服中心荣获“鹤壁最佳呼叫中心”、“鹤壁最佳呼叫中心管理人”两项大奖，"
        "去年还获得示范服务集体称号。"
    )
    center = one(doc["centers"], "示例银行鹤壁信用卡客服中心")
    assert center["awards"] == ["鹤壁最佳呼叫中心", "示范服务集体"]


def test_tenants_signed_into_the_park_and_clients_of_a_county_are_not_tenants():
    doc = page(
        "鹤壁呼叫中心产业基地占地500亩。入园签约鹤壁呼叫中心产业基地的示例通信等六家企业将建设座席3000个。"
        "鹤壁呼叫中心产业基地的企业名录上不乏甲科技、乙数据等知名企业。"
        "示例数据服务有限公司入驻鹤壁呼叫中心产业基地。"
        "鹤壁县已成功吸引丙航空、丁快递等多家知名企业的客服业务。"
    )
    park = one(doc["parks"], "鹤壁呼叫中心产业基地")
    assert park["tenants"] == ["示例通信", "甲科技", "乙数据", "示例数据服务有限公司"]


def test_a_park_named_only_in_quotes_is_a_brand_when_a_plain_park_is_named():
    doc = page(
        "鹤壁县要打造“许昌声谷”。楼上写有“许昌声谷”四个大字，这里便是鹤壁县示范服务外包产业园。"
        "鹤壁县示范服务外包产业园占地100亩。"
    )
    assert [p["name"] for p in doc["parks"]] == ["鹤壁县示范服务外包产业园"]
    doc = page("鹤壁县要打造“许昌声谷”，“许昌声谷”占地100亩。")
    assert [p["name"] for p in doc["parks"]] == ["许昌声谷"]


def test_seats_set_up_grown_and_a_phase_named_in_the_clause_before():
    doc = page("鹤壁市12345热线中心去年扩容。鹤壁市12345热线中心设服务座席40个，话务员共有60名。")
    assert one(doc["centers"], "鹤壁市12345热线中心")["seats"] == 40
    doc = page(
        "鹤壁市12345热线中心运行平稳。鹤壁市12345热线中心整合热线后，席位从30多个增至90多个。"
    )
    center = one(doc["centers"], "鹤壁市12345热线中心")
    assert (center["seats"], center["seats_bound"]) == (90, "min")
    doc = page(
        "鹤壁呼叫中心产业基地选址鹤壁新区。但鹤壁呼叫中心分布较散。\n"
        "鹤壁呼叫中心产业基地一期占地80亩，设有3000个标准呼叫中心示范席。"
    )
    park = one(doc["parks"], "鹤壁呼叫中心产业基地")
    assert park["seat_targets"] == [{"seats": 3000, "phase": "一期"}]
    assert doc["centers"] == []


def test_district_of_an_entity_placed_in_a_district_or_a_named_zone():
    doc = page(
        "位于省城高新区的鹤壁软件园占地2平方公里。位于经济开发区的濮阳呼叫中心产业园占地1平方公里。"
    )
    assert one(doc["parks"], "鹤壁软件园")["district"] == "高新区"
    assert "district" not in one(doc["parks"], "濮阳呼叫中心产业园")


def test_a_place_in_brackets_stays_inside_a_name():
    doc = page("示例移动(宁波)呼叫中心设有座席500个，员工600人。")
    assert [c["name"] for c in doc["centers"]] == ["示例移动(宁波)呼叫中心"]


def test_a_name_said_once_in_the_last_tenth_of_a_long_page_is_a_related_link():
    body = "Acme Telecom call center in Dalian employs 300 agents." + _FILLER * 12
    doc = page(body + " Related: Harbour City Software Park opens.")
    assert [p["name"] for p in doc["parks"]] == []
    doc = page("Harbour City Software Park opens." + body)
    assert [p["name"] for p in doc["parks"]] == ["Harbour City Software Park"]


def test_handling_time_of_one_call_in_prose():
    doc = page(
        "鹤壁市12345热线中心运行平稳。鹤壁市12345热线中心的一个电话的时长基本在4分钟左右，"
        "复杂的电话需要20分钟。"
    )
    center = one(doc["centers"], "鹤壁市12345热线中心")
    assert (center["aht_seconds"], center["aht_seconds_bound"]) == (240, "approx")
    doc = page("鹤壁市12345热线中心运行平稳。鹤壁市12345热线中心平均通话时长为150秒。")
    assert one(doc["centers"], "鹤壁市12345热线中心")["aht_seconds"] == 150


def test_english_launch_year_first_and_calls_from_someone_every_day():
    doc = page(
        "Launched in June 2009, the Harbour City Call Center answers residents. The Harbour City "
        "Call Center receives about 420 calls from residents every day." + _FILLER
    )
    center = one(doc["centers"], "Harbour City Call Center")
    assert center["founded_year"] == 2009
    assert (center["daily_inbound_calls"], center["daily_inbound_calls_bound"]) == (420, "approx")


@pytest.mark.parametrize(
    ("name", "industry"),
    [
        ("鹤壁市“12315”投诉举报指挥中心", "市场监管"),
        ("鹤壁水务集团客服热线", "供水"),
        ("鹤壁市数字化城乡管理指挥中心", "城市管理"),
        ("示例旅行鹤壁客服中心", "旅游"),
    ],
)
def test_industry_from_the_name(name, industry):
    center = one(page(f"{name}设有座席60个，员工80人。")["centers"], name)
    # a public body's service words and a brand are no industry the page writes; 水务 is
    assert center.get("industry") == (industry if industry == "供水" else None)
    assert industry_from_name(center["name"]) == industry  # what model inputs infer


def test_english_the_companys_center_named_by_the_one_company_of_the_sentence():
    doc = page(
        "“Costs matter,” said a manager at Harbourline Data Co., who runs the company’s call "
        "center in Dalian. At Harbourline, operations began in March 2007." + _FILLER
    )
    center = one(doc["centers"], "Harbourline Data Co. call center")
    assert (center["city"], center["founded_year"]) == ("Dalian", 2007)


def test_figures_of_a_hotline_described_without_a_name_go_to_the_pages_one_center():
    doc = page(
        "宁波市救助服务中心今天迎来检查。原热线去年并入非紧急救助服务热线后，接通率达到92.5%。"
    )
    (center,) = doc["centers"]
    assert center["name"] == "宁波市救助服务中心"
    assert center["answer_rate"] == 0.925
    assert center["field_confidence"]["answer_rate"] <= 0.6


def test_round_the_year_service_and_satisfaction_in_more_phrasings():
    doc = page(
        "鹤壁市12345热线中心运行平稳。鹤壁市12345热线中心实行全年无休、全天候服务，"
        "群众满意率超97%，用户满意率年均达99.5%。"
    )
    center = one(doc["centers"], "鹤壁市12345热线中心")
    assert (center["hours_per_day"], center["days_per_week"]) == (24, 7)
    assert (center["csat"], center["csat_bound"]) == (0.97, "min")
    doc = page("鹤壁市12345热线中心运行平稳。这里365天×24小时运转，鹤壁市12345热线中心从不停歇。")
    assert one(doc["centers"], "鹤壁市12345热线中心")["days_per_week"] == 7


@pytest.mark.parametrize(
    "text",
    [
        "鹤壁市要扩大呼叫中心规模。鹤壁市要扩大呼叫中心规模，已建座席300个。",
        "鹤壁将进一步加强呼叫中心建设。鹤壁将进一步加强呼叫中心建设，新增座席300个。",
        "鹤壁正在建设单体呼叫中心。鹤壁的单体呼叫中心将设座席300个。",
    ],
)
def test_a_verb_or_a_descriptor_heading_a_center_word_is_no_name(text):
    assert page(text)["centers"] == []


def test_a_province_or_a_region_with_a_center_word_is_an_industry():
    doc = page("鹤壁省呼叫中心发展迅速。亚太地区呼叫中心增长很快，广东呼叫中心座席超过1万个。")
    assert doc["centers"] == []


def test_park_words_for_outsourcing_cities_and_development_parks():
    doc = page(
        "鹤壁外包城正在拔地而起，鹤壁外包城占地800亩。"
        "宁波海湾科技产业开发园已经成为示范区，宁波海湾科技产业开发园规划面积3平方公里。"
    )
    names = {p["name"] for p in doc["parks"]}
    assert {"鹤壁外包城", "宁波海湾科技产业开发园"} <= names


def test_jobs_as_people_employed_in_the_park_and_additions_are_not():
    doc = page(
        "鹤壁软件园发展迅速。截至去年底，鹤壁软件园入驻企业200家，从业人数超过1.2万人。"
        "鹤壁软件园今年新增从业人员3000余人。"
    )
    park = one(doc["parks"], "鹤壁软件园")
    assert (park["jobs"], park["jobs_bound"]) == (12000, "min")


def test_a_seat_target_worded_verb_then_seat_word_then_count():
    doc = page("鹤壁声谷正在建设。到2018年，“鹤壁声谷”可实现呼叫中心坐席3万个、从业人员4万人。")
    park = one(doc["parks"], "鹤壁声谷")
    assert park["seat_targets"] == [{"seats": 30000, "year": 2018}]
    assert park["jobs"] == 40000


def test_tenants_with_a_long_description_before_the_name():
    doc = page(
        "鹤壁声谷正在建设。随着示例电信10000号、国内规模最大的呼叫中心服务外包提供商鹤壁恒信科技等企业入驻鹤壁声谷，"
        "鹤壁声谷发展很快。"
    )
    park = one(doc["parks"], "鹤壁声谷")
    assert park["tenants"] == ["示例电信10000号", "鹤壁恒信科技"]


def test_a_hotline_number_after_the_entity_word_is_part_of_the_name():
    doc = page("宁波供水客服热线96999实行24小时服务。宁波供水客服热线96999去年受理诉求。")
    assert [c["name"] for c in doc["centers"]] == ["宁波供水客服热线96999"]
    doc = page("示例水务客服热线2019年开通，示例水务客服热线设有40个座席。")
    assert [c["name"] for c in doc["centers"]] == ["示例水务客服热线"]


def test_english_plural_centers_of_a_company_and_another_companys_founding_year():
    doc = page(
        "The harbour district has attracted firms including one of Acme's global call centers. "
        "Bolt Europe was established in January 2011." + _FILLER
    )
    center = one(doc["centers"], "Acme global call center")
    assert "founded_year" not in center


def test_clients_listed_are_not_tenants_and_a_persons_title_is_not_an_award():
    doc = page(
        "Dalian Harbour Software Park is a business zone, created in 2003 near the port. "
        "Firms in Dalian Harbour Software Park serve clients including Acme, Bolt and Crest. "
        + _FILLER
    )
    assert "tenants" not in one(doc["parks"], "Dalian Harbour Software Park")
    doc = page(
        "示例银行鹤壁信用卡客服中心设有500个座席，员工800人。"
        "示例银行鹤壁信用卡客服中心的一名话务员去年获得鹤壁市劳动模范称号。"
    )
    assert "awards" not in one(doc["centers"], "示例银行鹤壁信用卡客服中心")


def test_a_quoted_name_without_an_award_word_is_not_an_award():
    doc = page(
        "示例银行鹤壁信用卡客服中心设有500个座席，员工800人。"
        "示例银行鹤壁信用卡客服中心去年获得“鹤壁一号”平台的接入资格。"
    )
    assert "awards" not in one(doc["centers"], "示例银行鹤壁信用卡客服中心")


def test_two_hotlines_with_different_numbers_stay_two():
    doc = page(
        "宁波“12345”便民服务热线设有80个坐席，话务员120名。"
        "宁波“12315”便民服务热线设有20个坐席，话务员30名。"
    )
    assert len(doc["centers"]) == 2


def test_english_its_center_named_by_the_subject_of_the_sentence():
    doc = page(
        "British software maker Acmesoft was one of the first to move its call centre to Dalian."
        + _FILLER
    )
    assert [c["name"] for c in doc["centers"]] == ["Acmesoft call centre"]
    doc = page("The firm was the first to move its call centre to Dalian." + _FILLER)
    assert doc["centers"] == []


# ------------------------------------------------------------ names that name something (round 3)


@pytest.mark.parametrize(
    "text",
    [
        "公司计划布置呼叫中心，首批设有50个座席。",
        "集约化客服中心的建设提上日程，共设120个坐席。",
        "多语种公益服务热线将于明年开通，配备40名话务员。",
        "第八届中国呼叫中心大会在会展中心举行，到会代表800人。",
        "全市已整合30多条政务服务热线，日均来电2万个。",
    ],
)
def test_a_description_an_event_or_a_count_before_a_center_word_is_no_entity(text):
    assert page(text)["centers"] == []


@pytest.mark.parametrize(
    "name",
    [
        "鹤壁呼叫中心产业园",  # a prefecture
        "淇滨呼叫中心产业园",  # a district without its 区
        "河南信息服务产业基地",  # a province
        "豫北服务外包产业基地",  # a province's one-character name and a direction
        "中原呼叫之都",  # a regional name
        "示例银行客服中心",  # an organisation word
        "示例88888服务热线",  # a hotline number
        "ABCALL呼叫中心",  # Latin letters
    ],
)
def test_a_place_an_organisation_a_number_or_latin_letters_make_a_name(name):
    from scrapers.extract.prose import anchored

    assert anchored(name)
    assert not anchored("集约化客服中心") and not anchored("相关呼叫中心")


def test_a_brand_without_a_place_is_a_name_when_the_page_names_it_often():
    text = "示华客服中心设有300个座席。示华客服中心员工500人。示华客服中心实行24小时服务。"
    assert [c["name"] for c in page(text)["centers"]] == ["示华客服中心"]
    assert page("示华客服中心设有300个座席。")["centers"] == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("记者日前探访鹤壁呼叫中心产业园，园区规划面积2平方公里。", "鹤壁呼叫中心产业园"),
        ("深入揭秘鹤壁示例客服中心，这里设有300个座席。", "鹤壁示例客服中心"),
        ("市民可致电至鹤壁12345政务服务热线，热线设有60个座席。", "鹤壁12345政务服务热线"),
        ("当前鹤壁服务外包产业园已入驻企业20家，规划面积2平方公里。", "鹤壁服务外包产业园"),
    ],
)
def test_news_verbs_prepositions_and_determiners_are_cut_from_the_head(text, name):
    doc = page(text)
    assert [e["name"] for e in doc["centers"] + doc["parks"]] == [name]


def test_dui_wai_external_stays_inside_a_name():
    doc = page("上海对外信息服务热线设有80个座席，话务员约120名。")
    assert [c["name"] for c in doc["centers"]] == ["上海对外信息服务热线"]


def test_a_center_word_after_a_conjunction_ends_a_list_of_industries():
    doc = page("鹤壁将发展大数据服务外包及呼叫中心产业，计划形成5000个座席。")
    assert doc["centers"] == []


def test_a_seat_count_inside_a_name_describes_the_center():
    doc = page("鹤壁淇滨区800坐席呼叫中心正式启用，员工1000余人。")
    assert [c["name"] for c in doc["centers"]] == ["鹤壁淇滨区呼叫中心"]


def test_more_seats_or_jobs_than_one_park_holds_are_a_region_total():
    doc = page(
        "鹤壁呼叫中心产业园规划面积2平方公里。"
        "鹤壁呼叫中心产业园联动周边城市，共同形成100万坐席规模，带动就业120万人。"
    )
    park = one(doc["parks"], "鹤壁呼叫中心产业园")
    assert park["area_km2"] == 2
    assert "jobs" not in park and "seats" not in park and not park.get("seat_targets")


# ------------------------------------------------------------ English centers named by their company


def test_english_a_companys_new_center_is_named_by_the_company_and_gets_its_seats():
    doc = page(
        "Example Telecom's new call center in Hebi was opened on Monday. "
        "Example Telecom's new call center in Hebi can hold 6,000 seats, the operator said. "
        "The Hebi call center will serve five provinces."
    )
    names = [c["name"] for c in doc["centers"]]
    assert names == ["Example Telecom call center"]
    assert doc["centers"][0]["seats"] == 6000


def test_english_the_call_center_of_a_company_after_an_apposition():
    doc = page(
        "The building in Hebi is one of the six call centers of the country's largest online "
        "travel agent, Sampletrip. Staff there work around the clock in three shifts and the "
        "company keeps expanding its network across the region every single year."
    )
    assert [c["name"] for c in doc["centers"]] == ["Sampletrip call center"]


def test_english_customer_interaction_center_is_a_center_word():
    doc = page(
        "Firms such as Samplegram Customer Interaction Center have moved into the business park. "
        "The park keeps attracting service companies from abroad and from other provinces too."
    )
    assert [c["name"] for c in doc["centers"]] == ["Samplegram Customer Interaction Center"]


def test_a_profile_city_written_with_its_province_is_the_prefecture():
    from scrapers.extract.page import _prefecture

    assert _prefecture("河南鹤壁") == "鹤壁市"
    assert _prefecture("鹤壁市") == "鹤壁市" and _prefecture("鹤壁") == "鹤壁"
    assert _prefecture("河南") == "河南"  # no prefecture named: kept as written


def test_industries_listed_as_settlers_are_not_tenants():
    doc = page(
        "鹤壁呼叫中心产业园规划面积2平方公里。"
        "园区吸引了金融、电信、IT、物流等企业入驻，示例数码科技、样本信息等企业已入驻园区。"
        "园区还引进了业务流程外包、独立软件商等企业。"
    )
    park = one(doc["parks"], "鹤壁呼叫中心产业园")
    assert set(park.get("tenants", [])) <= {"示例数码科技", "样本信息"}
    assert not {"金融", "电信", "IT", "物流", "业务流程外包", "独立软件商"} & set(
        park.get("tenants", [])
    )


def test_a_hotline_named_by_place_and_number_needs_no_service_word():
    doc = page("鹤壁人社12333热线设有30个座席。鹤壁人社12333热线去年接听来电20万个。")
    assert [c["name"] for c in doc["centers"]] == ["鹤壁人社12333热线"]
    assert doc["centers"][0]["seats"] == 30


def test_a_scope_word_inside_a_named_center_stays():
    doc = page("示例银行(鹤壁)全球客服中心设有坐席900个，员工1100余人。")
    assert [c["name"] for c in doc["centers"]] == ["示例银行(鹤壁)全球客服中心"]
    assert page("结合“示例学院”全球呼叫中心的经验，员工培训更加规范。")["centers"] == []


def test_the_form_with_the_place_names_a_hotline_defined_with_a_short_form():
    doc = page(
        "鹤壁市12345政务服务便民热线(以下简称:市12345热线)设有50个座席。"
        "市12345热线全年无休。市12345热线接通率达到95%。"
    )
    assert [c["name"] for c in doc["centers"]] == ["鹤壁市12345政务服务便民热线"]


def test_a_bare_numbered_hotline_is_the_number_of_the_one_center_of_its_city():
    doc = page(
        "鹤壁市长公开电话受理中心设有40个座席，员工60余人。"
        "鹤壁12345热线实行24小时服务，鹤壁12345热线接通率达到96%。"
    )
    assert [c["name"] for c in doc["centers"]] == ["鹤壁市长公开电话受理中心"]
    assert doc["centers"][0]["hours_per_day"] == 24


def test_a_preposition_before_a_hotline_cuts_the_head():
    doc = page("外交部长给12308热线的话务员写信，12308热线设有20个座席。")
    assert all(not c["name"].startswith("外交部长") for c in doc["centers"])


def test_a_bracketed_place_and_the_same_name_without_brackets_are_one_entity():
    doc = page("示例银行(鹤壁)全球客服中心开业。示例银行鹤壁全球客服中心设有坐席900个。")
    assert len(doc["centers"]) == 1


@pytest.mark.parametrize(
    "text",
    [
        "用心守护“96888”热线，“96888”热线设有40个座席。",
        "公司96888服务热线设有40个座席，96888服务热线实行24小时服务。",
    ],
)
def test_words_before_a_hotline_number_that_name_nothing_are_cut(text):
    # what is left, a number alone, names no center either
    assert page(text)["centers"] == []
    doc = page("鹤壁96888服务热线设有40个座席，鹤壁96888服务热线实行24小时服务。")
    assert [c["name"] for c in doc["centers"]] == ["鹤壁96888服务热线"]


def en_page(text: str) -> dict:
    return page(text + " " + "The report was written for readers of this page only. " * 2)


def test_english_a_china_named_company_keeps_china_and_a_bracketed_place():
    doc = en_page("Work began on the 8,000-seat China Sample (Hebi) Call Centre in Hebi last week.")
    (center,) = doc["centers"]
    assert center["name"] == "China Sample (Hebi) Call Centre"
    assert center["seats"] == 8000


def test_english_staff_of_and_house_agents():
    doc = en_page(
        "Samplenet Customer Service Center in Hebi has a staff of over 300 people. "
        "Samplenet Customer Service Center can house 450 agents on two floors."
    )
    (center,) = doc["centers"]
    assert (center["staff"], center["staff_bound"]) == (300, "min")
    assert center["seats"] == 450


def test_english_a_province_of_china_is_a_place_not_a_national_total():
    doc = en_page(
        "Samplenet Customer Service Center opened last spring. "
        "In an office in Hebi, in China's Henan province, its agents answer about 9,000 calls a day."
    )
    (center,) = doc["centers"]
    assert (center["daily_inbound_calls"], center["daily_inbound_calls_bound"]) == (9000, "approx")


def test_english_park_area_floor_area_and_seat_target():
    doc = en_page(
        "Hebi Service Outsourcing Park covers an area of 3.5 square kilometers. "
        "Hebi Service Outsourcing Park opened a 50,000-square-metre facility for tenants. "
        "Hebi Service Outsourcing Park will house 10,000 agents by 2025, officials said."
    )
    (park,) = doc["parks"]
    assert park["area_km2"] == 3.5
    assert park["floor_area_m2"] == 50000
    assert park["seat_targets"] == [{"year": 2025, "seats": 10000}]
    assert all(v <= 0.7 for k, v in park["field_confidence"].items() if k != "name" and k != "city")


def test_the_page_city_is_not_given_to_a_park_named_in_another_province():
    doc = page(
        "深圳示例公司总部在深圳。深圳的企业代表参观了豫北服务外包产业基地，"
        "豫北服务外包产业基地规划面积2平方公里。深圳代表团表示满意。"
    )
    park = one(doc["parks"], "豫北服务外包产业基地")
    assert "city" not in park  # 豫北 is in Henan, the page's city (深圳) in Guangdong
    doc = page(
        "鹤壁市代表参观了豫北服务外包产业基地，豫北服务外包产业基地规划面积2平方公里。鹤壁市很重视。"
    )
    assert one(doc["parks"], "豫北服务外包产业基地")["city"] == "鹤壁市"


def test_a_number_before_a_hotline_word_belongs_to_the_hotline_not_the_center_before():
    doc = page(
        "鹤壁市政务服务便民热线中心淇滨话务分中心设有60个座席。"
        "淇滨话务分中心12345热线话务员说，春节期间来电很多。"
    )
    names = [c["name"] for c in doc["centers"]]
    assert "鹤壁市政务服务便民热线中心淇滨话务分中心" in names
    assert not any(n.endswith("12345热线") or n.endswith("分中心12345") for n in names)


# ------------------------------------------------------------ more phrasings of figures (round 3)


@pytest.mark.parametrize(
    ("sentence", "field", "value", "bound"),
    [
        ("鹤壁12345政务服务热线人工接通率超过92%。", "answer_rate", 0.92, "min"),
        ("鹤壁12345政务服务热线的接听率平均超过93%。", "answer_rate", 0.93, "min"),
        ("鹤壁12345政务服务热线全年接通率保持在96%以上。", "answer_rate", 0.96, "min"),
        ("鹤壁12345政务服务热线服务满意度97.25%。", "csat", 0.9725, None),
        ("鹤壁12345政务服务热线现有45个话务座席。", "seats", 45, None),
        ("鹤壁12345政务服务热线的消费者来电每日超过1800个。", "daily_inbound_calls", 1800, "min"),
        ("鹤壁12345政务服务热线设立于1995年，是较早的市长电话。", "founded_year", 1995, None),
        ("自2011年鹤壁12345政务服务热线启动以来，话务员增加了一倍。", "founded_year", 2011, None),
        ("鹤壁12345政务服务热线共有60多名话务员，一年365天全天候接听。", "staff", 60, "min"),
    ],
)
def test_center_figures_in_more_phrasings(sentence, field, value, bound):
    doc = page(sentence + "鹤壁12345政务服务热线受到好评。")
    center = one(doc["centers"], "鹤壁12345政务服务热线")
    assert center[field] == value
    assert center.get(f"{field}_bound") == bound


def test_a_year_a_mechanism_started_is_not_the_centers_founding():
    doc = page(
        "鹤壁12345政务服务热线设有60个座席。自2021年5月启动干部轮值接听机制以来，共接听来电3万个。"
    )
    assert "founded_year" not in one(doc["centers"], "鹤壁12345政务服务热线")


@pytest.mark.parametrize(
    ("sentence", "field", "value"),
    [
        ("鹤壁服务外包产业园总占地面积600余亩，规划建设三个组团。", "area_km2", 0.4),
        ("鹤壁服务外包产业园由示例集团投资12亿元兴建。", "investment_cny", 1_200_000_000),
        ("鹤壁服务外包产业园项目总投入约8亿元人民币。", "investment_cny", 800_000_000),
    ],
)
def test_park_figures_in_more_phrasings(sentence, field, value):
    doc = page("鹤壁服务外包产业园正式开园。" + sentence)
    park = one(doc["parks"], "鹤壁服务外包产业园")
    assert park[field] == pytest.approx(value, rel=0.01)


def test_a_parks_figures_after_gai_xiangmu_go_to_the_park_when_no_center_is_named():
    doc = page(
        "鹤壁示例呼叫中心设有300个座席。"
        "鹤壁服务外包产业基地位于淇滨区。该项目占地面积约15000平方米，总投资达6000万元。"
    )
    park = one(doc["parks"], "鹤壁服务外包产业基地")
    assert park["investment_cny"] == 60_000_000
    assert park["area_km2"] == pytest.approx(0.015)
    assert "investment_cny" not in one(doc["centers"], "鹤壁示例呼叫中心")


def test_a_profile_without_a_name_describes_the_one_center_of_the_prose():
    text = (
        "鹤壁示例银行客服中心是本地最大的客服中心。\n"
        "所处行业:金融 建立时间:2003年5月 人员数量:650 座席数量:480 服务时间:7*24\n"
        "鹤壁示例银行客服中心去年获得表彰。\n"
    )
    center = one(page(text)["centers"], "鹤壁示例银行客服中心")
    assert (center["founded_year"], center["staff"], center["seats"]) == (2003, 650, 480)
    two = text + "鹤壁样本保险客服中心也在本地。鹤壁样本保险客服中心设有90个座席。\n"
    assert "staff" not in one(page(two)["centers"], "鹤壁示例银行客服中心")


def test_a_short_form_of_a_name_is_the_same_entity_named_by_its_full_form():
    doc = page(
        "示例旅行网华北客服中心落户鹤壁。示例网华北客服中心设有800个座席。"
        "示例网华北客服中心员工1000余人。"
    )
    assert [c["name"] for c in doc["centers"]] == ["示例旅行网华北客服中心"]
    assert doc["centers"][0]["seats"] == 800


def test_english_a_company_described_as_a_call_center_and_its_planned_staff():
    doc = en_page(
        "The mayor visited Hebi Sample Communications Co, a call center providing travel "
        "services in Qibin district. Hebi Sample Communications Co, founded in May 2016, "
        "has 900 employees. Hebi Sample Communications Co plans to employ 4,000 staff later."
    )
    center = one(doc["centers"], "Hebi Sample Communications Co")
    assert (center["founded_year"], center["staff"]) == (2016, 900)


def test_city_wide_tax_rebates_by_year_exemptions_and_rent_per_square_metre():
    doc = page(
        "鹤壁市出台呼叫中心扶持办法。以企业缴纳的地方税收为基数，第1年给予100%奖励，"
        "第2-3年给予70%奖励。离岸呼叫业务免征营业税。"
        "企业租用办公用房的，按12元/平方米·月的标准给予房租补贴。"
        "对年营收首次超过500万元的企业给予奖励80%的荣誉称号。"
    )
    got = {(i["kind"], i["value"], i.get("years")) for i in doc["incentives"]}
    assert ("tax_rebate", 1.0, 1) in got and ("tax_rebate", 0.7, 2) in got
    exempt = page("鹤壁市对离岸呼叫业务免征营业税，鼓励企业承接国际业务。")["incentives"]
    assert [(i["kind"], i["value"]) for i in exempt] == [("tax_rebate", 1.0)]
    assert ("rent_reduction", 12.0, None) in got
    assert all(i["kind"] != "tax_rebate" or i["value"] != 0.8 for i in doc["incentives"])


def test_qizhong_among_them_is_cut_as_one_word():
    doc = page("全市共有呼叫中心企业30家，其中鹤壁电信10000号呼叫中心设有500个座席。")
    assert [c["name"] for c in doc["centers"]] == ["鹤壁电信10000号呼叫中心"]


def test_english_a_service_center_named_by_its_quoted_number():
    doc = en_page(
        'In Hebi, the "96888" service center answers calls round the clock. '
        'The "96888" service center works with more than 400 operators in two shifts.'
    )
    (center,) = doc["centers"]
    assert names_match(center["name"], "96888 service center")
    assert (center["staff"], center["staff_bound"]) == (400, "min")
    assert center["hours_per_day"] == 24


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("鹤壁示例客服中心隶属示例公司，公司员工已达2万余人。", "staff"),
        ("鹤壁示例客服中心的大屏显示，目前有120名话务员在线。", "staff"),
        ("鹤壁示例客服中心大厅里，还有40个坐席处于整理工单的状态。", "seats"),
        ("鹤壁示例客服中心里，作为日均接听60通电话的话务员，她很忙。", "daily_inbound_calls"),
    ],
)
def test_company_totals_moments_and_one_agents_figures_are_not_the_centers(text, field):
    doc = page(text + "鹤壁示例客服中心服务全市。")
    assert field not in one(doc["centers"], "鹤壁示例客服中心")


def test_openings_at_a_job_fair_are_not_a_parks_jobs():
    doc = page(
        "鹤壁服务外包产业园规划面积2平方公里。"
        "在鹤壁服务外包产业园举行的招聘专场上，园区企业提供岗位3000个。"
    )
    assert "jobs" not in one(doc["parks"], "鹤壁服务外包产业园")


def test_english_confidence_named_sentence_above_inferred_subject():
    doc = en_page(
        "Samplenet Customer Service Center opened in Hebi in 2015. "
        "Samplenet Customer Service Center has 700 employees. "
        "Agents there answer about 9,000 calls a day."
    )
    (center,) = doc["centers"]
    assert center["confidence"] == 0.85  # English names with a figure: 19 of 19 (round 4)
    assert center["field_confidence"]["staff"] == 0.8  # the sentence names the center
    assert center["field_confidence"]["daily_inbound_calls"] <= 0.6  # the page's only center
