"""An administrator in headless Chromium: sign in, upload a CSV, read the per-row errors in the
preview, commit, and find the new center on the Data page."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser_support import (
    CHROMIUM,
    open_page,
    portal_env,
    serve_portal,
    shot,
)

pytestmark = pytest.mark.browser

if not Path(CHROMIUM).exists():  # `make system` installs it; never downloaded by the test
    pytest.skip("needs /usr/bin/chromium (make system)", allow_module_level=True)

PASSWORD = "browser-test-password"
NEW_CENTER = "浏览器测试客服中心"
UPLOAD = f"名称,城市,行业,座席数\n{NEW_CENTER},成都,银行,300\n,南京,电信,很多\n".encode()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    db = tmp_path_factory.mktemp("browser_admin") / "parkbench.sqlite"
    with serve_portal(db, portal_env(admin_password=PASSWORD)) as url:
        yield url


def test_upload_preview_commit_then_the_center_is_on_the_data_page(browser, server):
    with open_page(browser, server) as page:
        page.goto(f"{server}/admin")
        page.locator("input[type='password']").fill(PASSWORD)
        page.get_by_role("button", name="登录").click()
        uploader = page.locator("[data-testid='stFileUploader'] input[type='file']")
        uploader.wait_for(state="attached")
        uploader.set_input_files(
            files=[{"name": "centers.csv", "mimeType": "text/csv", "buffer": UPLOAD}]
        )
        page.get_by_text("预览：共 2行，可导入 1行，拒绝 1行。尚未写入任何数据。").wait_for()
        page.get_by_text("逐行错误").wait_for()
        errors = page.locator("[data-testid='stDataFrame']").first
        # the grid fills its accessible text after it is attached: expect() retries until it does
        expect(errors).to_contain_text("name is required", timeout=30_000)
        expect(errors).to_contain_text("很多")
        shot(page, "admin-preview")

        page.get_by_role("button", name="确认导入").click()
        page.get_by_text("已导入：新增 1行").wait_for()
        shot(page, "admin-committed")

        page.goto(f"{server}/data")
        page.get_by_text("下载内容为当前筛选结果").wait_for()
        page.get_by_label("全文搜索（名称、城市、行业）").fill(NEW_CENTER)
        page.keyboard.press("Enter")
        page.get_by_text("共 1行").wait_for()
        with page.expect_download() as info:
            page.get_by_role("button", name="CSV", exact=True).click()
        text = Path(info.value.path()).read_text(encoding="utf-8-sig")
        lines = text.splitlines()
        assert len(lines) == 2 and NEW_CENTER in lines[1] and "成都" in lines[1]
        shot(page, "data-after-import")
