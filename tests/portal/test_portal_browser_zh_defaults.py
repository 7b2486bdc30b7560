"""Streamlit's own English texts do not show in the Chinese portal (headless Chromium).

Two that did: the "You can only select up to N options" note of a multiselect with a limit,
and the "Page not found" dialog of an address that names no page.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser_support import CHROMIUM, open_page, shot

pytestmark = pytest.mark.browser

if not Path(CHROMIUM).exists():  # `make system` installs it; never downloaded by the test
    pytest.skip("needs /usr/bin/chromium (make system)", allow_module_level=True)


@pytest.fixture
def page(browser, server):
    with open_page(browser, server) as pg:
        yield pg


def test_an_unknown_address_opens_the_home_page_without_an_english_dialog(page, server):
    page.goto(f"{server}/nosuchpage")
    page.get_by_text("带出处的事实").first.wait_for()
    page.wait_for_timeout(1500)  # the dialog came with the first run's messages
    assert page.get_by_text("Page not found").count() == 0
    assert page.locator("[role=dialog]").count() == 0
    shot(page, "unknown-address-zh")


def test_a_sixth_site_is_refused_with_a_chinese_note(page, server):
    five = "&".join(f"sites={c}" for c in ("110000", "310000", "440100", "440300", "330100"))
    page.goto(f"{server}/compare?{five}")
    page.get_by_text("对比选址").first.wait_for()
    box = page.get_by_test_id("stMultiSelect").first
    box.get_by_text("杭州市").first.wait_for()  # the five from the link are chosen
    box.locator("input").click()
    page.keyboard.type("成都")
    page.get_by_role("option").filter(has_text="成都").first.click()
    page.get_by_text("最多只能选 5 项").first.wait_for()
    assert page.get_by_text("You can only select").count() == 0
    assert box.get_by_text("成都市").count() == 0  # the sixth was taken back
    assert box.get_by_text("杭州市").count() == 1
    shot(page, "compare-limit-zh")
