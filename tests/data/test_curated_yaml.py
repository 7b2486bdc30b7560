"""The curated seed dataset (``data/curated/*.yaml``): format, evidence and key facts.

These tests read the YAML files and the cited source texts only; they do not need the builder.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest
import yaml

CURATED = Path(__file__).resolve().parents[2] / "data" / "curated"
SOURCES = CURATED / "sources"

FIELDS: dict[str, set[str]] = {
    "centers": {
        "name", "name_en", "industry", "ownership", "province", "city", "district",
        "founded", "founded_year", "founded_month", "seats", "staff", "hours",
        "phone_numbers", "answer_rate", "service_level", "aht_seconds", "fcr_rate", "csat",
        "attrition_rate", "daily_inbound_calls", "daily_outbound_calls",
        "outbound_success_rate", "certifications", "awards", "website", "description",
    },
    "parks": {
        "name", "name_en", "province", "city", "district", "area_km2", "start_area_km2",
        "building_area_m2", "investment_cny", "jobs", "founded_year", "operator",
        "rent_cny_per_m2_month", "distance_to_city_km", "distance_to_expressway_km",
        "distance_to_airport_km", "transport", "labour_pool", "description",
    },
    "park_targets": {"park", "year", "phase", "seats", "jobs", "note"},
    "park_tenants": {"park", "company", "center", "seats", "year", "status", "note"},
    "incentives": {
        "park", "city", "name", "kind", "basis", "rate", "amount_cny", "amount_unit",
        "cap_cny", "duration_years", "start_year_offset", "min_investment_cny",
        "min_revenue_cny", "min_seats", "tier", "conditions",
    },
    "kpis": {
        "center", "metric", "value", "unit", "period", "definition", "threshold_seconds",
        "is_target", "note",
    },
    "industry_figures": {"metric", "scope", "year", "value", "unit", "note"},
}  # fmt: skip

REQUIRED: dict[str, set[str]] = {
    "centers": {"name"},
    "parks": {"name"},
    "park_targets": {"park"},
    "park_tenants": {"park", "company"},
    "incentives": {"name", "kind"},
    "kpis": {"center", "metric", "value"},
    "industry_figures": {"metric", "value"},
}

# Fields whose value is the document's own text: it must occur inside its evidence sentence.
VERBATIM: dict[str, set[str]] = {
    "centers": {
        "name_en", "industry", "ownership", "province", "city", "district", "founded",
        "founded_year", "founded_month", "seats", "staff", "hours", "phone_numbers",
        "answer_rate", "service_level", "aht_seconds", "fcr_rate", "csat", "attrition_rate",
        "daily_inbound_calls", "daily_outbound_calls", "outbound_success_rate",
        "certifications", "awards", "website",
    },
    "parks": {
        "name", "name_en", "province", "city", "district", "area_km2", "start_area_km2",
        "building_area_m2", "investment_cny", "jobs", "founded_year", "operator",
        "rent_cny_per_m2_month", "distance_to_city_km", "distance_to_expressway_km",
        "distance_to_airport_km",
    },
    "park_targets": {"year", "seats", "jobs"},
    "park_tenants": {"company", "seats", "year"},
    "incentives": {
        "rate", "amount_cny", "cap_cny", "duration_years", "min_investment_cny",
        "min_revenue_cny", "min_seats",
    },
    "kpis": {"value", "threshold_seconds"},
    "industry_figures": {"value", "year"},
}  # fmt: skip

LIST_FIELDS = {"phone_numbers", "certifications", "awards"}
SUMMARY = "_summary"
SUMMARY_FIELDS = {"description"}
INCENTIVE_KINDS = {
    "tax_rebate", "rent_reduction", "seat_subsidy", "certification_subsidy",
    "training_subsidy", "other",
}  # fmt: skip
AMOUNT_UNITS = {"per_seat", "per_m2_month", "once", "per_year"}
TENANT_STATUSES = {"operating", "signed", "planned"}
SOURCE_KEYS = {"retrieved", "file", "title", "publisher", "published", "note"}
RECORD_KEYS = {"table", "values", "evidence", "locator"}


def squash(text: str) -> str:
    """Collapse every run of whitespace (NBSP included) to one space."""
    return " ".join(text.split())


@cache
def load_all() -> dict[str, dict]:
    return {p.name: yaml.safe_load(p.read_text("utf-8")) for p in sorted(CURATED.glob("*.yaml"))}


@cache
def source_text(file: str) -> str:
    return squash((SOURCES / file).read_text("utf-8"))


def all_records() -> list[tuple[str, int, dict]]:
    return [
        (name, i, rec) for name, doc in load_all().items() for i, rec in enumerate(doc["records"])
    ]


def records(table: str) -> list[dict]:
    return [rec for _, _, rec in all_records() if rec["table"] == table]


def find(table: str, **match) -> list[dict]:
    return [
        r["values"]
        for r in records(table)
        if all(r["values"].get(k) == v for k, v in match.items())
    ]


def evidence_for(rec: dict, field: str) -> list[str]:
    ev = rec["evidence"].get(field, rec["evidence"].get("_default"))
    return ev if isinstance(ev, list) else [ev]


RECORD_IDS = [f"{name}#{i}:{rec['table']}" for name, i, rec in all_records()]


# --------------------------------------------------------------------------- files and sources


def test_every_source_has_one_yaml_and_every_yaml_a_source():
    yamls = {Path(n).stem for n in load_all()}
    texts = {p.stem for p in SOURCES.glob("*.txt")}
    assert yamls, "no curated YAML found"
    assert yamls == texts


@pytest.mark.parametrize("name", sorted(load_all()))
def test_source_block(name):
    doc = load_all()[name]
    assert set(doc) == {"source", "records"}
    src = doc["source"]
    assert set(src) <= SOURCE_KEYS
    assert src["file"] == Path(name).stem + ".txt"
    assert (SOURCES / src["file"]).is_file()
    assert isinstance(src["title"], str) and src["title"]
    assert isinstance(src["published"], str)
    assert re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", src["published"])
    assert isinstance(src.get("note", ""), str)
    assert doc["records"], "a source without records"


@pytest.mark.parametrize("name", sorted(load_all()))
def test_title_occurs_in_source(name):
    src = load_all()[name]["source"]
    text = source_text(src["file"])
    # A title may join two lines of the page (main title and subtitle); each part must occur.
    for part in re.split(r"——| ", src["title"]):
        assert part in text, part


# --------------------------------------------------------------------------- records


@pytest.mark.parametrize(("name", "i", "rec"), all_records(), ids=RECORD_IDS)
def test_record_format(name, i, rec):
    assert set(rec) <= RECORD_KEYS and {"table", "values", "evidence"} <= set(rec)
    table = rec["table"]
    assert table in FIELDS
    values = rec["values"]
    unknown = set(values) - FIELDS[table]
    assert not unknown, f"unknown fields {unknown}"
    assert REQUIRED[table] <= set(values), f"missing {REQUIRED[table] - set(values)}"
    for field, value in values.items():
        if field in LIST_FIELDS:
            assert isinstance(value, list) and value
            assert all(isinstance(v, str) and v for v in value)
        else:
            assert isinstance(value, str | int | float | bool), (field, value)
            if isinstance(value, str):
                assert value.strip() == value and value, (field, value)
    if "locator" in rec:
        assert isinstance(rec["locator"], str) and rec["locator"] in source_text(
            load_all()[name]["source"]["file"]
        )


@pytest.mark.parametrize(("name", "i", "rec"), all_records(), ids=RECORD_IDS)
def test_every_value_has_evidence(name, i, rec):
    ev = rec["evidence"]
    assert isinstance(ev, dict) and ev
    stray = set(ev) - set(rec["values"]) - {"_default"}
    assert not stray, f"evidence for fields without values: {stray}"
    for field in rec["values"]:
        assert field in ev or "_default" in ev, f"{field} has no evidence"


@pytest.mark.parametrize(("name", "i", "rec"), all_records(), ids=RECORD_IDS)
def test_evidence_occurs_verbatim_in_source(name, i, rec):
    text = source_text(load_all()[name]["source"]["file"])
    for field, ev in rec["evidence"].items():
        if ev == SUMMARY:
            assert field in SUMMARY_FIELDS, f"{field}: only {SUMMARY_FIELDS} may be summaries"
            continue
        sentences = ev if isinstance(ev, list) else [ev]
        assert sentences
        for sentence in sentences:
            assert isinstance(sentence, str) and sentence.strip()
            assert squash(sentence) in text, f"{field}: not in source: {sentence[:60]}"


@pytest.mark.parametrize(("name", "i", "rec"), all_records(), ids=RECORD_IDS)
def test_raw_values_are_the_documents_text(name, i, rec):
    """Quantities, dates and places stay as the document writes them, inside their evidence."""
    for field, value in rec["values"].items():
        if field not in VERBATIM[rec["table"]]:
            continue
        evidence = " ".join(squash(s) for s in evidence_for(rec, field))
        items = value if isinstance(value, list) else [value]
        for item in items:
            assert not isinstance(item, bool)
            assert squash(str(item)) in evidence, f"{field}={item!r} not in its evidence"


@pytest.mark.parametrize(("name", "i", "rec"), all_records(), ids=RECORD_IDS)
def test_enumerations(name, i, rec):
    v = rec["values"]
    table = rec["table"]
    if table == "incentives":
        assert v["kind"] in INCENTIVE_KINDS
        assert v.get("amount_unit", "per_seat") in AMOUNT_UNITS
        assert ("park" in v) != ("city" in v), "an incentive belongs to a park or a city"
        assert isinstance(v.get("tier", 1), int) and isinstance(v.get("start_year_offset", 1), int)
    if table == "park_tenants":
        assert v.get("status", "operating") in TENANT_STATUSES
    if table == "kpis":
        assert isinstance(v.get("is_target", False), bool)
        assert re.fullmatch(r"[a-z][a-z0-9_]*", v["metric"])
    if table == "industry_figures":
        assert re.fullmatch(r"[a-z][a-z0-9_]*", v["metric"])
    if table == "park_targets":
        assert "seats" in v or "jobs" in v


def test_references_name_records_of_the_dataset():
    parks = {v["name"] for v in find("parks")}
    centers = {v["name"] for v in find("centers")}
    for _, _, rec in all_records():
        v = rec["values"]
        if "park" in v:
            assert v["park"] in parks, v["park"]
        if "center" in v:
            assert v["center"] in centers, v["center"]


@pytest.mark.parametrize("name", sorted(load_all()))
@pytest.mark.parametrize("table", ["centers", "parks"])
def test_entity_names_unique_within_a_file(name, table):
    names = [r["values"]["name"] for r in load_all()[name]["records"] if r["table"] == table]
    assert len(names) == len(set(names))


def test_tiered_rules_have_distinct_tiers():
    groups: dict[tuple, list[int]] = {}
    for v in find("incentives"):
        if "tier" in v:
            groups.setdefault((v.get("park"), v.get("city"), v["name"]), []).append(v["tier"])
    for key, tiers in groups.items():
        assert sorted(tiers) == list(range(1, len(tiers) + 1)), key


# --------------------------------------------------------------------------- key facts


def test_shanghai_shijixinyuan():
    (c,) = find("centers", name="上海世纪新元信息产业有限公司")
    assert c["seats"] == "550个"
    assert c["staff"] == "920人"
    assert c["founded"] == "2000年"
    assert c["hours"] == "7×24×365"
    assert (c["industry"], c["ownership"]) == ("电信", "国有企业单位")
    (goal,) = find("kpis", center="上海世纪新元信息产业有限公司", metric="seats")
    assert goal["value"] == "900席" and goal["is_target"] is True and "2004" in goal["period"]


def test_miyun_base():
    (p,) = find("parks", name="北京呼叫中心产业基地")
    assert p["area_km2"] == "3平方公里"
    assert p["start_area_km2"] == "约0.29平方公里"
    assert p["building_area_m2"] == "约34万平方米"
    assert p["distance_to_city_km"] == "2.5公里"
    assert p["distance_to_expressway_km"] == "4.5公里"
    assert p["jobs"] == "13.5万个"
    targets = {str(t["year"])[:4]: t["seats"] for t in find("park_targets", park=p["name"])}
    assert targets == {"2008": "3000座席", "2010": "1万座席", "2015": "4万座席"}
    tenants = {(t["company"], t.get("seats")) for t in find("park_tenants", park=p["name"])}
    assert ("北京京北方科技股份有限公司", "700座席") in tenants
    assert ("韩国首尔一二三公司", "500个") in tenants
    assert ("北京三易兰利科技发展有限公司", "3000座席") in tenants
    assert ("中融信息服务有限公司", "500到1000") in tenants


def test_miyun_incentives():
    rules = find("incentives", park="北京呼叫中心产业基地")
    rebate = sorted((r for r in rules if r["kind"] == "tax_rebate"), key=lambda r: r["tier"])
    assert [(r["tier"], r["rate"]) for r in rebate] == [(1, "30%"), (2, "50%")]
    assert [r["min_investment_cny"] for r in rebate] == ["1000万元以上", "5000万元以上"]
    assert [r["min_revenue_cny"] for r in rebate] == ["5000万元以上", "3亿元以上"]
    assert all(r["duration_years"] == "三年" and "县级财政收入" in r["basis"] for r in rebate)
    kinds = {r["kind"] for r in rules}
    assert {"rent_reduction", "certification_subsidy"} <= kinds


def test_haier():
    (h,) = find("centers", name="海尔呼叫中心")
    assert "1100" in h["seats"] and h["founded"] == "1997年4月"
    sites = {
        v["city"] for v in find("centers") if v["name"].startswith("海尔呼叫中心") and "city" in v
    }
    assert sites == {"北京", "青岛", "武汉", "重庆", "广州"}
    (sl,) = find("kpis", center="海尔呼叫中心", metric="service_level")
    assert (sl["value"], sl["threshold_seconds"], sl["is_target"]) == ("90%", "15秒", True)
    (bench,) = find("industry_figures", metric="service_level_benchmark")
    assert bench["value"] == "80%" and "20秒" in bench["note"]


def test_founder_cits_neusoft():
    (f,) = find("kpis", center="方正科技", metric="seats")
    assert f["value"] == "400个" and f["is_target"] is True
    (cits,) = find("centers", name="中国国际旅行社总社有限公司")
    assert cits["seats"] == "50个座席" and cits["phone_numbers"] == ["400-600-8888"]
    (n,) = find("centers", name="东软赛门铁克呼叫中心")
    assert n["founded"] == "2005年" and n["staff"] == "160余人"
    assert "ISO27001" in n["certifications"]
    staff = {k["period"]: k["value"] for k in find("kpis", center=n["name"], metric="staff")}
    assert staff == {"最初": "30多人", "目前": "160余人"}


def test_industry_figures():
    (seats,) = find("industry_figures", metric="china_call_center_seats")
    assert (seats["value"], seats["year"]) == ("216,000多个", "2005年")
    (market,) = find("industry_figures", metric="china_call_center_market_cny")
    assert market["value"] == "255.3亿元人民币"
    (growth,) = find("industry_figures", metric="market_growth_rate")
    assert growth["value"] == "20%"
    cost = {v["scope"]: v["value"] for v in find("industry_figures", metric="cost_per_contact_usd")}
    assert cost == {
        "会议方式": "150美元",
        "营业厅方式": "12美元",
        "人工话务方式": "6美元",
        "人工话务和自动语音技术结合方式": "3美元",
        "自动语音应答方式": "0.5美元",
    }
