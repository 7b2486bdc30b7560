"""The Benchmark page under AppTest, on the curated store (few peers) and a larger synthetic one.

Every test runs on SQLite and on PostgreSQL: the curated store is the session's build of each
engine (``built_any``), the larger synthetic one is built once per engine for this module.
"""

from __future__ import annotations

import hashlib
import re
from html.parser import HTMLParser

import pytest
from streamlit.testing.v1 import AppTest

from data.inputs.benchmark import load_centers, load_kpi_observations
from data.store.database import open_db
from data.store.engine import is_postgres
from models.peer_benchmark import MIN_PEERS, benchmark_report, stored_center_inputs
from portal.components.benchmark_report import build_report_html
from portal.i18n import fmt_number
from tests.portal_support import APP, engine_portal_db


@pytest.fixture
def curated_db(built_any):
    """The `parkbench build` store of each engine (read only here)."""
    return built_any


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def big_db(request, tmp_path_factory, synthetic_visible):
    return engine_portal_db(request, tmp_path_factory, "bench_big", n_centers=120, n_parks=4)


def open_benchmark(db, monkeypatch) -> AppTest:
    monkeypatch.setenv("PARKBENCH_DB", str(db))
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.run()
    at.switch_page("views/benchmark.py")
    at.run()
    assert not at.exception, at.exception
    return at


def texts(at: AppTest) -> str:
    kinds = ("markdown", "caption", "info", "warning", "error", "success")
    return "\n".join(str(e.value) for kind in kinds for e in at.get(kind))


def positions(at: AppTest):
    return next(
        d.value for d in at.dataframe if "位置" in d.value.columns or "Position" in d.value.columns
    )


def digest(db) -> str:
    """What the store holds: the file's bytes on SQLite, every table's rows on PostgreSQL."""
    if not is_postgres(db):
        return hashlib.sha256(db.read_bytes()).hexdigest()
    store = open_db(db, read_only=True)
    rows = {
        t: sorted(map(repr, store.execute(f'select * from "{t}"').fetchall()))
        for t in sorted(store.table_names())
    }
    store.conn.close()
    return hashlib.sha256(repr(rows).encode()).hexdigest()


def type_kpis(at: AppTest, **values) -> AppTest:
    at.radio(key="bench_mode").set_value("typed").run()
    for key, value in values.items():
        widget = (
            at.selectbox(key=f"bench_{key}")
            if key in ("industry", "city", "tier", "province", "sl_definition")
            else at.number_input(key=f"bench_{key}")
        )
        widget.set_value(value)
    at.run()
    assert not at.exception, at.exception
    return at


def test_few_peers_are_not_shown_and_the_page_says_so(curated_db, monkeypatch):
    """Fewer than 5 stored centers report their handling time (and those few not as banks):
    the cell is under 5 peers, nothing is invented, and the labelled industry reference stands
    in. (First-contact resolution had none until round 8's harvest brought five.)"""
    before = digest(curated_db)
    n_centers = open_db(curated_db, read_only=True)["centers"].count
    reporting = load_kpi_observations(curated_db).groupby("metric")["center_id"].nunique()
    assert reporting.get("aht_seconds", 0) < MIN_PEERS, "the data now has AHT peers: pick a KPI"
    at = open_benchmark(curated_db, monkeypatch)
    at.multiselect(key="bench_by").set_value(["industry"]).run()
    type_kpis(at, industry="银行", kpi_aht_seconds=260.0)
    page = texts(at)
    assert not at.get("plotly_chart"), "no percentile bars without enough peers"
    table = positions(at)
    assert list(table["指标"]) == ["平均处理时长"]
    # peers and the reference are never mixed: the peer columns stay empty
    assert (table["中位数"] == "—").all() and (table["位置"] == "—").all()
    assert table["说明"].str.contains(f"少于 {MIN_PEERS} 家），不显示").all()
    assert "不会保存到数据库" in page
    # instead of an empty report: the labelled industry reference, with its source
    assert "行业参考值（公开发布的行业平均，不是同类中心）" in [s.value for s in at.subheader]
    ref = next(d.value for d in at.dataframe if "行业参考值" in d.value.columns)
    assert set(ref["指标"]) == {"平均处理时长"}
    aht = ref.iloc[0]
    assert (aht["本中心"], aht["行业参考值"], aht["差距"]) == ("260秒", "360秒", "-100秒")
    assert aht["年份"] == "未注明"  # the source gives no year, and the page says so
    assert ref["来源"].str.contains("http").all()
    # typed KPIs are never stored
    assert digest(curated_db) == before
    assert open_db(curated_db, read_only=True)["centers"].count == n_centers


def test_a_center_whose_industry_only_its_name_implies_says_so(curated_db, monkeypatch):
    """No page states the industry of a city's 12345 line: its peers are the 政务 centers, and
    the page says the industry was read from the name."""
    centers = load_centers(curated_db)
    row = centers.loc[centers["name"] == "西宁市12345民生服务热线"].iloc[0]
    assert (row["industry"], row["industry_basis"]) == ("政务", "name")
    at = open_benchmark(curated_db, monkeypatch)
    at.selectbox(key="bench_center").set_value(row["id"]).run()
    assert not at.exception, at.exception
    assert "同类组按其名称推断的行业（政务）" in texts(at)
    obs = load_kpi_observations(curated_db, centers)
    stated = next(
        i for i, n in zip(centers["id"], centers["name"], strict=True)
        if centers.loc[centers["id"] == i, "industry_basis"].iloc[0] == "source"
        and stored_center_inputs(centers, obs, n).kpis
    )  # fmt: skip
    at.selectbox(key="bench_center").set_value(stated).run()
    page = texts(at)
    assert "没有可对标的实际绩效指标" not in page and "按其名称推断" not in page


def test_a_stored_center_against_a_large_peer_group(big_db, monkeypatch):
    at = open_benchmark(big_db, monkeypatch)
    centers = load_centers(big_db)
    obs = load_kpi_observations(big_db, centers)
    name = "示例金融客服中心7号"
    own = stored_center_inputs(centers, obs, name)
    at.multiselect(key="bench_by").set_value(["industry"]).run()
    at.selectbox(key="bench_center").set_value(own.center_id).run()
    assert not at.exception
    expected = benchmark_report(
        own.kpis, centers, obs, target=own.target, by=["industry"],
        definitions=own.definitions, annual_calls=own.annual_calls, exclude_center=own.center_id,
    )  # fmt: skip
    assert expected["peer_centers"] >= 2 * MIN_PEERS
    page = texts(at)
    assert f"行业 = 金融；共 {expected['peer_centers']}家" in page
    assert "每处理一分钟的成本" in page and "成本模型" in page
    chart = at.get("plotly_chart")
    assert len(chart) == 1
    table = positions(at)
    for p in expected["kpis"]:
        assert p["percentile"] is not None
        assert f"第 {p['percentile']:.0f} 百分位 · 第 {p['quartile']} 四分位" in set(table["位置"])
    # AHT and FCR gaps are priced in CNY; the others stay in their unit
    aht = table[table["指标"] == "平均处理时长"].iloc[0]
    assert aht["达到前四分之一（元/年）"].endswith("元")
    assert aht["与中位数差距"].endswith("秒")


def test_typed_kpis_measured_differently_are_not_mixed(big_db, monkeypatch):
    at = open_benchmark(big_db, monkeypatch)
    at.multiselect(key="bench_by").set_value(["industry", "size_band"]).run()
    type_kpis(
        at,
        industry="电信",
        seats=300,
        kpi_service_level=82.0,
        sl_seconds=20,
        sl_definition="offered",
        kpi_aht_seconds=300.0,
        annual_calls=1_000_000,
        cpm=2.0,
    )
    at.multiselect(key="bench_by").set_value(["industry"]).run()
    centers = load_centers(big_db)
    obs = load_kpi_observations(big_db, centers)
    peers = set(centers.loc[centers["industry"] == "电信", "id"])
    offered = obs[
        (obs["metric"] == "service_level")
        & (obs["definition"] == "offered@20s")
        & obs["center_id"].isin(peers)
    ]
    table = positions(at)
    sl = table[table["指标"] == "服务水平"].iloc[0]
    assert sl["同类数"] == fmt_number(len(offered), "家")
    assert sl["口径"] == "按呈现（进线）呼叫计 · 20秒"
    assert "未与其他口径的数据混合：按接通呼叫计 · 15秒" in sl["说明"]
    # money at the typed 2 CNY a minute over a million calls a year
    report = benchmark_report(
        {"service_level": 0.82, "aht_seconds": 300.0}, centers, obs,
        target={"industry": "电信"}, by=["industry"],
        definitions={"service_level": "offered@20s"}, annual_calls=1e6, cost_per_minute_cny=2.0,
    )  # fmt: skip
    aht = next(p for p in report["kpis"] if p["metric"] == "aht_seconds")
    row = table[table["指标"] == "平均处理时长"].iloc[0]
    assert row["追平中位数（元/年）"] == fmt_number(aht["cny_per_year_to_median"], "CNY")
    assert "每处理一分钟的成本：2元（自行输入）" in texts(at)


def test_missing_peer_key_is_explained(big_db, monkeypatch):
    at = open_benchmark(big_db, monkeypatch)
    at.multiselect(key="bench_by").set_value(["industry", "city_tier"]).run()
    type_kpis(at, industry="电信", kpi_answer_rate=90.0)
    assert "该中心没有“城市级别”，同类组不按这一项划分。" in texts(at)
    assert "同类组：行业 = 电信" in texts(at)  # the report is shown, grouped by industry only


def test_page_in_english(big_db, monkeypatch):
    # AppTest formats widget options outside the session (in Chinese): switch language last
    at = open_benchmark(big_db, monkeypatch)
    at.multiselect(key="bench_by").set_value(["industry"]).run()
    type_kpis(at, industry="保险", kpi_fcr_rate=70.0, annual_calls=500_000, cpm=1.5)
    at.sidebar.radio(key="lang_switch").set_value("en").run()
    assert not at.exception
    table = positions(at)
    assert list(table["KPI"]) == ["First-contact resolution"]
    assert table["Position"].iloc[0].startswith("P")
    assert "Peer group: industry = 保险" in texts(at)
    labels = [b.proto.label for b in at.get("download_button")]
    assert "Download the report (HTML)" in labels and "Download the report (PDF)" in labels


class _Collect(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs += attrs

    def handle_data(self, data):
        self.text.append(data)


def test_html_report_is_self_contained(big_db):
    centers = load_centers(big_db)
    obs = load_kpi_observations(big_db, centers)
    own = stored_center_inputs(centers, obs, "示例电商客服中心9号")
    report = benchmark_report(
        own.kpis, centers, obs, target=own.target, by=["industry"],
        definitions=own.definitions, annual_calls=own.annual_calls,
        cost_per_minute_cny=1.2, cost_per_minute_source="typed <in>", exclude_center=own.center_id,
        label=own.name,
    )  # fmt: skip
    html = build_report_html(report, when="2024-05-01")
    parser = _Collect()
    parser.feed(html)
    text = "".join(parser.text)
    assert not re.search(r"https?://|//[a-z0-9]", html, re.I), "no external URL"
    assert not {"script", "link", "img", "iframe"} & set(parser.tags)
    assert not [v for k, v in parser.attrs if k in ("src", "href")]
    assert own.name in text and "2024-05-01" in text
    assert "typed <in>" in text and "typed <in>" not in html  # escaped
    shown = [p for p in report["kpis"] if p["percentile"] is not None]
    assert shown and html.count('class="bar-row"') == len(shown)
    for p in shown:
        assert f"第 {p['percentile']:.0f} 百分位" in text
