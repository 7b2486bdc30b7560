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
    launch_browser,
    open_page,
    portal_env,
    serve_portal,
    shot,
)

pytestmark = pytest.mark.browser

if not Path(CHROMIUM).exists():  # `make system` installs it; never downloaded by the test
    pytest.skip("needs /usr/bin/chromium (make system)", allow_module_level=True)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    db = tmp_path_factory.mktemp("browser") / "parkbench.sqlite"
    with serve_portal(db, portal_env()) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with launch_browser() as b:
        yield b


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
    shot(page, "map")


def test_data_page_downloads_the_selection_as_csv(page, server):
    page.goto(f"{server}/data")
    page.get_by_text("下载内容为当前筛选结果").wait_for()
    shot(page, "data")
    with page.expect_download() as info:
        page.get_by_role("button", name="CSV", exact=True).click()
    text = Path(info.value.path()).read_text(encoding="utf-8-sig")
    header, first = text.splitlines()[:2]
    assert header.startswith("id,name,") and "sources" in header
    assert first.startswith("ctr_")


def test_admin_page_refuses_without_a_password(page, server):
    page.goto(f"{server}/admin")
    page.get_by_text("管理页面已停用").wait_for()
    assert page.locator("input[type='password']").count() == 0
    assert page.locator("[data-testid='stFileUploader']").count() == 0
    shot(page, "admin")


def test_benchmark_and_awards_pages_render(page, server):
    page.goto(f"{server}/benchmark")
    page.get_by_text("同类组划分依据").first.wait_for()
    page.get_by_text("没有可对标的实际绩效指标").wait_for()  # the curated centers hold no KPIs
    shot(page, "benchmark")
    page.goto(f"{server}/awards")
    page.get_by_text("数据不足，不排名").first.wait_for(state="attached")
    page.get_by_text("请选择 2 至 4 家呼叫中心").wait_for()
    shot(page, "awards")
