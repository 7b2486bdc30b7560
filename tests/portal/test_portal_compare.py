"""Compare sites and Staffing & cost under AppTest, and their pure builders (report, charts)."""

from __future__ import annotations

import re

import pytest
from streamlit.testing.v1 import AppTest

from data.store.database import open_db
from models.cost import COMPONENTS, CostInputs, compute_cost
from models.incentives import KINDS
from models.weights import PRESETS
from portal.components.cost_charts import waterfall_steps
from portal.components.report import waterfall_png
from portal.i18n import STRINGS
from tests.portal_support import APP, engine_portal_db


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def portal_db(request, tmp_path_factory, synthetic_visible):
    """The portal's store on each engine."""
    return engine_portal_db(request, tmp_path_factory, "compare")


def open_page(db, monkeypatch, page: str) -> AppTest:
    monkeypatch.setenv("PARKBENCH_DB", str(db))
    at = AppTest.from_file(str(APP), default_timeout=120)
    at.run()
    at.switch_page(f"views/{page}.py")
    at.run()
    assert not at.exception, at.exception
    return at


def texts(at: AppTest) -> str:
    parts = [
        e.value
        for kind in ("markdown", "caption", "info", "warning", "error", "success")
        for e in at.get(kind)
    ]
    parts += [e.value for e in at.title] + [e.value for e in at.subheader]
    return "\n".join(str(p) for p in parts)


def test_compare_ranks_the_chosen_sites_with_stability_cost_and_facts(portal_db, monkeypatch):
    at = open_page(portal_db, monkeypatch, "compare")
    at.multiselect(key="compare_sites").set_value(["110000", "310000", "610100"]).run()
    assert not at.exception, at.exception
    ranking = at.dataframe[0].value
    assert len(ranking) == 3 and list(ranking["名次"]) == [1, 2, 3]
    assert set(ranking["名称"]) == {"北京市", "上海市", "西安市"}
    assert ranking["所选之中名次区间（5%–95%）"].str.match(r"^\d–\d$").all()
    assert ranking["所选之中居首的概率"].str.endswith("%").all()
    # the preset's source is shown with its weights
    shown = texts(at)
    assert "人才已经成为呼叫行业发展过程中面临的首要问题" in shown
    assert "人力资源 40%" in shown
    # cost before and after incentives, one waterfall per site
    costs = at.dataframe[1].value
    assert len(costs) == 3 and costs.filter(like="优惠后").iloc[:, 0].str.endswith("元").all()
    # which city inputs are sourced and which estimated (with their error)
    basis = dict(zip(ranking["名称"], costs["成本参数"], strict=True))
    assert basis["北京市"] == "城市工资与租金有来源"
    assert basis["西安市"].startswith("城市工资与租金有来源") or "±" in basis["西安市"]
    assert len(at.tabs) == 3
    # fact cards with sources
    assert shown.count("来源：7th (2020) and 6th (2010) population census") >= 3
    assert "距最近机场" in shown and "服务外包示范城市" in shown
    labels = [b.proto.label for b in at.get("download_button")]
    assert "对比表（CSV）" in labels and "对比报告（HTML，可离线打开）" in labels


def test_compare_flags_filled_and_estimated_values(portal_db, monkeypatch):
    db = open_db(portal_db, read_only=True)
    # 通化 has no working-age population in the census file: it is estimated (docs)
    adcode = next(
        r["adcode"] for r in db.query("SELECT adcode FROM cities WHERE name_zh = '通化市'")
    )
    at = open_page(portal_db, monkeypatch, "compare")
    at.multiselect(key="compare_sites").set_value(["110000", adcode]).run()
    assert not at.exception, at.exception
    warnings = [w.value for w in at.warning]
    assert any("通化市" in w and "劳动年龄人口" in w for w in warnings)
    assert "估算方法" in texts(at)
    table = at.dataframe[0].value
    filled = table.set_index("名称")["补值或估算的指标"]
    assert "劳动年龄人口" in filled["通化市"]


def test_compare_sliders_topsis_and_a_park(portal_db, monkeypatch):
    db = open_db(portal_db, read_only=True)
    park = next(iter(db.query("SELECT id, name FROM parks WHERE city_adcode = '110000' LIMIT 1")))
    at = open_page(portal_db, monkeypatch, "compare")
    at.multiselect(key="compare_sites").set_value([f"park:{park['id']}", "310000"]).run()
    at.radio(key="compare_mode").set_value("sliders").run()
    at.slider(key="compare_w_cost").set_value(80).run()
    at.radio(key="compare_method").set_value("topsis").run()
    assert not at.exception, at.exception
    shown = texts(at)
    assert "权重：按指标组自行设定" in shown and "TOPSIS" in shown
    assert "direct weights" not in shown
    assert park["name"] in set(at.dataframe[0].value["名称"])
    at.multiselect(key="compare_sites").set_value(["310000"]).run()
    assert "至少选择 2 个" in texts(at)


def test_staffing_page_shows_staffing_and_cost_with_units(portal_db, monkeypatch):
    at = open_page(portal_db, monkeypatch, "staffing")
    metrics = {m.label: m.value for m in at.metric}
    # 1000 calls/h x 240 s at 80/20 needs 74 agents (docs/staffing.md), busy 90 % of the time:
    # the default occupancy cap of 85 % raises them to 79
    assert at.slider(key="staff_occupancy").value == 85
    assert metrics["在线坐席（人）"] == "79人"
    assert "85%" in at.slider(key="staff_occupancy").help
    at.slider(key="staff_occupancy").set_value(100).run()
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["在线坐席（人）"] == "74人"
    assert metrics["座席数"] == "82席"  # 74 peak agents + 10 % spare desks
    assert metrics["20秒内接通率"].endswith("%")
    assert metrics["平均应答速度"].endswith("秒")
    assert metrics["每座席年成本（优惠前）"].endswith("元/座席/年")
    assert metrics["每次接触成本"].endswith("元/次")
    curve = next(d.value for d in at.dataframe if "全年总成本（元/年）" in d.value.columns)
    assert list(curve.iloc[:, 0]) == ["70/20", "75/20", "80/20", "85/20", "90/15", "95/10"]
    assert curve["全年总成本（元/年）"].is_monotonic_increasing
    # the page says where the city's wage and rent come from
    shown = texts(at)
    assert "坐席工资：" in shown and "办公租金：" in shown


def test_staffing_shows_erlang_c_and_erlang_a_side_by_side(portal_db, monkeypatch):
    at = open_page(portal_db, monkeypatch, "staffing")
    at.slider(key="staff_occupancy").set_value(100).run()
    side = next(d.value for d in at.dataframe if "指标" in d.value.columns).set_index("指标")
    assert list(side.columns) == ["Erlang C（客户不放弃）", "Erlang A（考虑放弃）"]
    assert side.loc["在线坐席（人）", "Erlang C（客户不放弃）"] == "74人"
    c_agents = int(side.loc["在线坐席（人）"].iloc[0].removesuffix("人"))
    a_agents = int(side.loc["在线坐席（人）"].iloc[1].removesuffix("人"))
    assert a_agents < c_agents  # callers who hang up free the agents
    assert side.loc["放弃率"].iloc[0] == "未建模（Erlang C）"
    assert side.loc["放弃率"].iloc[1].endswith("%")
    assert any("120秒" in c.value for c in at.caption)


def test_staffing_erlang_a_daily_volume_and_understaffing(portal_db, monkeypatch):
    at = open_page(portal_db, monkeypatch, "staffing")
    at.radio(key="staff_volume_mode").set_value("day").run()
    at.number_input(key="staff_calls_day").set_value(20_000).run()
    at.number_input(key="staff_peak_share").set_value(10).run()
    at.checkbox(key="staff_use_patience").check().run()
    assert not at.exception, at.exception
    shown = texts(at)
    assert "2000通/小时" in shown and "Erlang A" in shown
    assert re.fullmatch(r"[\d.]+%", {m.label: m.value for m in at.metric}["放弃率"])
    at.checkbox(key="staff_use_patience").uncheck().run()
    at.number_input(key="staff_have").set_value(100).run()  # load is 133 erlangs
    assert not at.exception, at.exception
    assert any("人手不足" in e.value for e in at.error)


def test_staffing_page_in_english(portal_db, monkeypatch):
    at = open_page(portal_db, monkeypatch, "staffing")
    at.sidebar.radio(key="lang_switch").set_value("en").run()
    assert not at.exception, at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Agents on the phones"] == "79 people"  # occupancy capped at 85 %
    assert metrics["Cost per contact"].endswith("CNY/contact")


def test_dynamic_keys_of_the_new_pages_exist():
    keys = [f"cost.comp.{k}" for k in COMPONENTS]
    keys += [f"compare.incentive_kind.{k}" for k in KINDS]
    keys += [f"compare.group.{g}" for g in ("labour", "cost", "transport", "incentives", "cluster")]
    keys += ["staffing.binding.service_level", "staffing.binding.no_load"]
    keys += [
        f"compare.inputs_err.{n}" for n in ("agent_wage_cny_per_month", "rent_cny_per_m2_month")
    ]
    assert not [k for k in keys if k not in STRINGS]
    assert PRESETS  # the presets the page lists


def test_waterfall_steps_add_up_to_the_net():
    cost = compute_cost(CostInputs(seats=100)).to_dict()
    cost["incentives"] = {"rebate": {"per_seat_per_year": 1000.0}}
    cost["net_per_seat_per_year"] = cost["per_seat_per_year"] - 1000.0
    steps = waterfall_steps(cost, {}, "gross", "net")
    relative = [v for _, v, m in steps if m == "relative"]
    assert steps[-1] == ("net", pytest.approx(sum(relative)), "total")
    assert steps[len(COMPONENTS)][0] == "gross"


URL = re.compile(r"https?://[^\s\"'<>)]+")


def test_report_template_escapes_and_fetches_nothing():
    from portal.reports.templates import render

    cost = compute_cost(CostInputs(seats=100)).to_dict()
    png = waterfall_png(waterfall_steps(cost, {}, "合计", "净成本"), title="北京", unit="元")
    allowed = "https://github.com/leiii/census"
    page = render(
        "compare_report.html",
        title="<script>alert(1)</script>",
        h={},
        waterfalls=[{"title": "瀑布图", "src": "data:image/png;base64," + png.hex()}],
        cards=[{"name": "北京市", "facts": [("人口", "2189万人", f"census — {allowed}")],
                "rules": [{"text": "<b>补贴</b>", "source": None}]}],
        notes=["a < b"],
    )  # fmt: skip
    assert "<script>" not in page and "&lt;b&gt;补贴&lt;/b&gt;" in page  # text is escaped
    assert re.findall(r"""(?:src|href)\s*=\s*["']?https?:""", page) == []
    assert "url(" not in page
    assert set(URL.findall(page)) == {allowed}  # source links as text only
    assert page.count("data:image/png;base64,") == 1


def test_interval_forecast_reads_uploaded_bytes():
    from data.errors import TableReadError
    from data.inputs.interval_plan import load_interval_forecast

    content = "时段,来电量\n08:00,100\n08:30,250\n09:00,400\n".encode("gbk")
    forecast = load_interval_forecast(content, "plan.csv")
    assert forecast.labels == ["08:00", "08:30", "09:00"]
    assert list(forecast.calls) == [100, 250, 400] and forecast.interval_minutes == 30
    with pytest.raises(TableReadError, match="plan.csv: row 2"):
        load_interval_forecast(b"start,calls\n08:00,many\n", "plan.csv")


@pytest.mark.parametrize(
    ("agents", "sl", "seconds", "patience"),
    [(10, 0.8, 20, None), (500, 0.9, 15, None), (60, 0.8, 20, 90.0)],
)
def test_capacity_is_the_largest_volume_the_agents_carry(agents, sl, seconds, patience):
    from models.capacity import calls_per_hour_capacity
    from models.staffing import compute_staffing

    calls = calls_per_hour_capacity(
        agents, 240, target_sl=sl, answer_seconds=seconds, patience_seconds=patience
    )
    kw = dict(target_sl=sl, answer_seconds=seconds, patience_seconds=patience)
    assert compute_staffing(calls, 240, **kw).agents <= agents
    assert compute_staffing(calls + 1.0, 240, **kw).agents > agents


def test_park_options_are_labelled_in_the_reader_s_language(portal_db, monkeypatch):
    """Every candidate of the site picker (thousands on a large store) is labelled with the
    run's language: parks as "park (park, city)" in English, "园区（园区，城市）" in Chinese."""
    at = open_page(portal_db, monkeypatch, "compare")
    zh = at.multiselect(key="compare_sites").options
    assert any("（园区，" in o for o in zh)
    at.sidebar.radio(key="lang_switch").set_value("en").run()
    assert not at.exception, at.exception
    en = at.multiselect(key="compare_sites").options
    assert len(en) == len(zh)
    assert any("(park, " in o for o in en) and not any("（园区，" in o for o in en)


def test_the_first_comparison_on_the_built_store_is_ranked_without_an_error(
    built_db_path, monkeypatch
):
    """The busiest cities of the real store include Hong Kong, which has centers but no census
    labour figures: the comparison starts with the two busiest cities the ranking can place."""
    at = open_page(built_db_path, monkeypatch, "compare")
    assert [e.value for e in at.error] == []
    chosen = at.multiselect(key="compare_sites").value
    assert len(chosen) == 2 and "810000" not in chosen
