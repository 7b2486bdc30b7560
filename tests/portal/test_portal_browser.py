"""The real portal in headless Chromium: every page renders offline, screenshots, downloads.

Starts ``parkbench serve`` on a database built by ``parkbench build`` (as ``make run`` does),
drives it with Playwright through the system Chromium (never ``playwright install``), saves a
screenshot of every page in ``test-artifacts/`` and checks that no request leaves 127.0.0.1.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser_support import (
    CHROMIUM,
    open_page,
    shot,
)

pytestmark = pytest.mark.browser

if not Path(CHROMIUM).exists():  # `make system` installs it; never downloaded by the test
    pytest.skip("needs /usr/bin/chromium (make system)", allow_module_level=True)


@pytest.fixture
def page(browser, server):
    with open_page(browser, server) as pg:
        yield pg


def test_overview_renders_in_chinese_and_switches_to_english(page, server):
    page.goto(server)
    page.get_by_text("带出处的事实").first.wait_for()
    shot(page, "overview-zh")
    page.locator("[data-testid=stSidebar] label").filter(has_text="English").click()
    page.get_by_text("Facts with provenance").first.wait_for()
    assert page.get_by_text("带出处的事实").count() == 0
    shot(page, "overview-en")


def test_map_shows_base_layer_and_markers_offline(page, server):
    page.goto(f"{server}/map")
    frame = page.frame_locator("iframe[title='streamlit_folium.st_folium']")
    frame.locator(".leaflet-overlay-pane canvas, .leaflet-overlay-pane svg").first.wait_for()
    frame.locator(".marker-cluster").first.wait_for()
    assert frame.locator(".marker-cluster").count() > 0
    # the outlines are drawn after the markers, and join the layer control then
    frame.locator(".leaflet-control-layers").get_by_text("地级行政区").wait_for()
    shot(page, "map")


def test_data_page_downloads_the_selection_as_csv(page, server):
    page.goto(f"{server}/data")
    page.get_by_text("下载内容为当前筛选结果").wait_for()
    page.locator("[data-testid='stDataFrame']").first.wait_for()
    page.get_by_role("button", name="CSV", exact=True).wait_for()
    shot(page, "data")
    with page.expect_download() as info:
        page.get_by_role("button", name="CSV", exact=True).click()
    text = Path(info.value.path()).read_text(encoding="utf-8-sig")
    header, first = text.splitlines()[:2]
    assert header.startswith("id,name,") and "sources" in header
    assert ",name_key," in header  # hidden on screen, kept in the download
    assert first.startswith("ctr_")


def test_admin_page_refuses_without_a_password(page, server):
    page.goto(f"{server}/admin")
    page.get_by_text("管理页面已停用").wait_for()
    assert page.locator("input[type='password']").count() == 0
    assert page.locator("[data-testid='stFileUploader']").count() == 0
    shot(page, "admin")


def test_compare_page_ranks_and_downloads_a_self_contained_report(page, server):
    import re

    page.goto(f"{server}/compare")
    page.get_by_text("排名稳定性：权重随机扰动").wait_for()  # the intro names it too
    page.locator(".js-plotly-plot").first.wait_for()
    shot(page, "compare")
    page.get_by_text("基本情况").first.scroll_into_view_if_needed()
    shot(page, "compare-cost-facts")
    with page.expect_download(timeout=120_000) as info:  # the report is made on the click
        page.get_by_role("button", name="对比报告（HTML，可离线打开）").click()
    report = Path(info.value.path()).read_text(encoding="utf-8")
    assert "<img" in report and "data:image/png;base64," in report
    assert not re.findall(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", report)
    assert "url(" not in report
    # http(s) only as the text of a source, e.g. the census the fact cards cite
    for url in re.findall(r"https?://[^\s\"'<>)]+", report):
        assert url.startswith(("https://github.com/", "https://pypi.org/", "https://cloudcenter"))
    with page.expect_download(timeout=120_000) as info:
        page.get_by_role("button", name="对比报告（PDF）").click()
    assert Path(info.value.path()).read_bytes()[:5] == b"%PDF-"
    with page.expect_download(timeout=120_000) as info:
        page.get_by_role("button", name="对比表（CSV）").click()
    header = Path(info.value.path()).read_text(encoding="utf-8-sig").splitlines()[0]
    assert header.startswith("rank_in_selection,id,adcode,name,kind,score")
    assert "net_cny_per_seat_year" in header


def test_staffing_page_plans_an_uploaded_interval_forecast(page, server, tmp_path):
    page.goto(f"{server}/staffing")
    page.get_by_text("人员需求（目标 80/20）").wait_for()
    plan = tmp_path / "day.csv"
    rows = [f"{8 + i // 2:02d}:{30 * (i % 2):02d},{100 + 40 * i}" for i in range(12)]
    plan.write_text("start,calls\n" + "\n".join(rows) + "\n", encoding="utf-8")
    page.locator("[data-testid='stFileUploader'] input[type='file']").set_input_files(str(plan))
    page.get_by_text("12 个时段，每段 30 分钟").wait_for()
    shot(page, "staffing")
    page.get_by_text("成本与服务水平").first.scroll_into_view_if_needed()
    shot(page, "staffing-cost-curve")
    page.get_by_text("下载排班计划（CSV）").wait_for()
    page.get_by_text("下载排班计划（CSV）").scroll_into_view_if_needed()
    shot(page, "staffing-plan")


def test_benchmark_and_awards_pages_render(page, server):
    page.goto(f"{server}/benchmark")
    page.get_by_text("同类组划分依据").first.wait_for()
    # the first center of the built store now reports KPIs (harvested pages): its peer figures
    page.get_by_text("同类样本少于 5 家的指标不显示统计值").wait_for()
    shot(page, "benchmark")
    page.goto(f"{server}/awards")
    page.get_by_text("因数据不足未排名").first.wait_for(state="attached")
    page.get_by_text("请选择 2 至 4 家呼叫中心").wait_for()
    shot(page, "awards")


ENGLISH_PAGES = (
    ("Map", "map", "Map filters"),
    ("Data", "data", "Downloads hold the current selection"),
    ("Compare sites", "compare", "Rank stability"),
    ("Staffing & cost", "staffing", "Inputs"),
    ("Benchmark", "benchmark", "Peer group by"),
    ("Awards", "awards", "Leaderboard"),
)


def test_every_page_in_english(page, server):
    """The language switch holds across the navigation; a screenshot of each page in English."""
    page.goto(server)
    page.get_by_text("带出处的事实").first.wait_for()
    page.locator("[data-testid=stSidebar] label").filter(has_text="English").click()
    page.get_by_text("Facts with provenance").first.wait_for()
    nav = page.locator("[data-testid=stSidebarNav]")
    for title, name, marker in ENGLISH_PAGES:
        nav.get_by_role("link", name=title, exact=True).click()
        page.get_by_text(marker).first.wait_for()
        page.wait_for_timeout(1500)
        shot(page, f"{name}-en")


def test_compare_report_downloaded_in_english_is_in_english(page, server):
    """The report is made after the click, outside the script run: it keeps the page's language."""
    page.goto(server)
    page.get_by_text("带出处的事实").first.wait_for()
    page.locator("[data-testid=stSidebar] label").filter(has_text="English").click()
    page.get_by_text("Facts with provenance").first.wait_for()
    nav = page.locator("[data-testid=stSidebarNav]")
    nav.get_by_role("link", name="Compare sites", exact=True).click()
    button = page.get_by_role("button", name="Report (HTML, works offline)")
    button.wait_for(timeout=120_000)
    with page.expect_download() as info:
        button.click()
    report = Path(info.value.path()).read_text(encoding="utf-8")
    assert '<html lang="en">' in report
    for heading in ("Weights", "Ranking", "Cost-quality matrix", "What closes the gap"):
        assert f"<h2>{heading}</h2>" in report


def test_map_popups_are_built_from_the_shared_texts(page, server):
    """A marker's popup names its place and industry (stored once per map, by index)."""
    page.goto(f"{server}/map")
    page.frame_locator("iframe[title='streamlit_folium.st_folium']").locator(
        ".marker-cluster"
    ).first.wait_for()
    frame = next(f for f in page.frames if "st_folium" in f.url)
    html = frame.evaluate(
        """() => {
          const map = Object.keys(window).filter(k => k.startsWith("map_"))
            .map(k => window[k]).find(m => m && m.eachLayer);
          let out = null;
          map.eachLayer(layer => {
            if (!out && layer.getLayers && layer.getLayers().length && layer.getLayers()[0].pbRow) {
              const m = layer.getLayers().find(x => x.pbRow[3] !== null && x.pbRow[4] !== null);
              out = m.getPopup()._content(m);
            }
          });
          return out;
        }"""
    )
    assert html and "<b>" in html
    for bad in ("undefined", "null", "nan"):
        assert bad not in html
    assert any(place in html for place in ("省", "市"))
