"""A shared link reopens the same view in another browser; a reload and the navigation keep it.

Headless Chromium (``/usr/bin/chromium`` through Playwright) on ``parkbench serve``: a reader
opens Compare, switches to English, adds a third site, copies the address; a second browser
context (no shared session, as another person's browser) opens it and sees the same language
and sites; a reload and a visit to the Map keep them.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.browser_support import (
    CHROMIUM,
    open_page,
    shot,
)

pytestmark = pytest.mark.browser

if not Path(CHROMIUM).exists():  # `make system` installs it; never downloaded by the test
    pytest.skip("needs /usr/bin/chromium (make system)", allow_module_level=True)


def sites_in(url: str) -> list[str]:
    return parse_qs(urlsplit(url).query).get("sites", [])


def wait_for_sites(page, n: int) -> None:
    page.wait_for_function(
        f"() => new URLSearchParams(location.search).getAll('sites').length === {n}"
    )


def chips(page) -> list[str]:
    box = page.locator("[data-testid=stMultiSelect]").first
    return [t.get_attribute("aria-label") for t in box.locator("[data-tag]").all()]


def assert_english_compare(page, expected_chips: list[str]) -> None:
    page.get_by_role("heading", name="Compare sites").first.wait_for()
    page.locator(".js-plotly-plot").first.wait_for()
    assert page.get_by_role("radio", name="English").is_checked()
    assert page.get_by_text("Language / 语言").count() == 1
    assert chips(page) == expected_chips


def test_a_compare_link_opens_the_same_view_in_a_second_browser(browser, server):
    with open_page(browser, server) as page:
        page.goto(f"{server}/compare")
        page.get_by_role("heading", name="对比选址").first.wait_for()
        page.locator("[data-testid=stSidebar] label").filter(has_text="English").click()
        page.get_by_role("heading", name="Compare sites").first.wait_for()
        page.wait_for_function("() => location.search.includes('lang=en')")
        wait_for_sites(page, 2)
        page.locator("[data-testid=stMultiSelect]").first.click()
        page.keyboard.type("Hangzhou")
        page.get_by_role("option").first.click()
        page.keyboard.press("Escape")
        wait_for_sites(page, 3)
        page.locator(".js-plotly-plot").first.wait_for()
        shared = page.url
        picked = chips(page)
        assert len(picked) == 3 and any(c.startswith("Hangzhou") for c in picked)
        shot(page, "link-compare-en")

    assert "lang=en" in shared and len(sites_in(shared)) == 3
    with open_page(browser, server) as other:  # another browser: no session in common
        other.goto(shared)
        assert_english_compare(other, picked)
        assert sites_in(other.url) == sites_in(shared)
        other.reload()
        assert_english_compare(other, picked)
        assert "lang=en" in other.url
        # a page switch drops the query in the browser; the portal carries the state over
        nav = other.locator("[data-testid=stSidebarNav]")
        nav.get_by_role("link", name="Map", exact=True).click()
        other.get_by_role("heading", name="Map").first.wait_for()
        other.wait_for_function("() => location.search.includes('lang=en')")
        wait_for_sites(other, 3)
        nav.get_by_role("link", name="Compare sites", exact=True).click()
        assert_english_compare(other, picked)
        shot(other, "link-compare-reopened")


def test_beijing_is_clickable_at_the_national_zoom_and_the_city_stays_in_the_link(browser, server):
    with open_page(browser, server) as page:
        page.goto(f"{server}/map?lang=en")
        frame = page.frame_locator("iframe[title='streamlit_folium.st_folium']")
        frame.locator(".marker-cluster").first.wait_for()
        label = frame.locator(".pb-city", has_text="Beijing")
        label.click()
        page.get_by_text("Selected city: Beijing").first.wait_for()
        page.wait_for_function("() => location.search.includes('map_city=110000')")
        shot(page, "map-beijing")
        page.reload()
        page.get_by_text("Selected city: Beijing").first.wait_for()
