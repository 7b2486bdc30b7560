"""Every page in both languages, in Chromium: one language at a time, no "nan", no field names.

Reads the text a reader sees (main area and sidebar) on each page opened by its link
(``/<page>?lang=..``). In English, a run of Chinese characters is allowed only where it is data
without an English name: a substring of a text value stored in the database (a center's or
park's name, a source title, an incentive's wording). In both languages no "nan" and no
snake_case field name or record id (``hours_per_day``, ``ctr_...``) may show. A 390 px phone
viewport gets the same checks on Compare and Staffing, and no text may overflow the page width.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

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

CJK_RUN = re.compile(
    r"[\u3400-\u9fff\uff08\uff09\u3001-\u303f]*[\u3400-\u9fff]+[\u3400-\u9fff\uff08\uff09]*"
)
NAN = re.compile(r"(?<![A-Za-z])(nan|NaN|None)(?![A-Za-z])")
FIELD = re.compile(r"(?<![\w/.:-])([a-z]+_[a-z0-9_]+|ctr_[0-9a-f]+|prk_[0-9a-f]+)(?![\w/.-])")
#: snake_case words that are text, not field names: the secrets setting the administration
#: page names, and the column headers an interval-forecast file may have (the reader types them)
ALLOWED_FIELDS = {"admin_password", "aht_seconds"}
#: Chinese the English UI shows on purpose: the language switch offers 中文; the Chinese column
#: headers an interval-forecast file may have
ALLOWED_CJK = {"中文", "语言", "时段", "来电量", "平均处理时长"}
CURATED_SOURCES = Path(__file__).resolve().parents[2] / "data" / "curated" / "sources"

PAGES = {
    "": ("带出处的事实", "Facts with provenance"),
    "map": ("地图筛选", "Map filters"),
    "data": ("下载内容为当前筛选结果", "Downloads hold the current selection"),
    "compare": ("排名稳定性", "Rank stability"),
    "staffing": ("人员需求", "Staffing for"),
    "benchmark": ("同类组划分依据", "Peer group by"),
    "awards": ("排行榜", "Leaderboard"),
    "admin": ("管理页面已停用", "The administration page is disabled"),
}


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    db = tmp_path_factory.mktemp("languages") / "parkbench.sqlite"
    with serve_portal(db, portal_env()) as url:
        yield url, db


@pytest.fixture(scope="module")
def stored_text(served) -> str:
    """Every text value of the database, joined: what counts as data."""
    _, db = served
    con = sqlite3.connect(db)
    parts = []
    for (table,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'"):
        if table.endswith(("_fts", "_fts_data", "_fts_idx", "_fts_content", "_fts_docsize")):
            continue
        columns = [r[1] for r in con.execute(f'PRAGMA table_info("{table}")')]
        for column in columns:
            parts.extend(
                str(v)
                for (v,) in con.execute(
                    f'SELECT DISTINCT "{column}" FROM "{table}" WHERE typeof("{column}") = \'text\''
                )
            )
    con.close()
    # the source documents the pages quote (preset weights, evidence) are data too
    parts.extend(p.read_text(encoding="utf-8") for p in sorted(CURATED_SOURCES.glob("*.txt")))
    return "\n".join(parts)


def visible_text(page) -> str:
    """The text of the main area and the sidebar, without icon ligatures (``expand_more``)."""
    return page.evaluate(
        "() => { if (!document.getElementById('pb-no-icons')) { const s ="
        " document.createElement('style'); s.id = 'pb-no-icons'; s.textContent ="
        " '[data-testid=stIconMaterial], [data-testid=stExpanderIcon] { display: none !important }';"
        " document.head.appendChild(s); }"
        " return ['[data-testid=stMain]', '[data-testid=stSidebar]']"
        ".map(s => document.querySelector(s)).filter(Boolean).map(e => e.innerText).join('\\n') }"
    )


def problems(text: str, lang: str, stored: str) -> list[str]:
    found = []
    for m in NAN.finditer(text):
        found.append(
            f"missing value shown as {m.group(1)!r}: …{text[max(0, m.start() - 40) : m.end() + 20]}…"
        )
    for m in FIELD.finditer(text):
        if m.group(1) not in ALLOWED_FIELDS:
            found.append(f"field name or id {m.group(1)!r}")
    if lang == "en":
        for m in CJK_RUN.finditer(text):
            run = m.group(0).strip("（）、。")
            core = re.sub(r"[（）、。：，]", "", run)
            if run in ALLOWED_CJK or not core:
                continue
            if run not in stored and core not in stored:
                found.append(f"Chinese in the English page: {run!r}")
    return found


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_page_speaks_one_language(browser, served, stored_text, lang):
    server, _ = served
    seen = {}
    with open_page(browser, server) as page:
        for path, markers in PAGES.items():
            page.goto(f"{server}/{path}?lang={lang}")
            page.get_by_text(markers[0 if lang == "zh" else 1]).first.wait_for()
            page.wait_for_timeout(1500)  # charts and tables settle
            seen[path or "overview"] = problems(visible_text(page), lang, stored_text)
            shot(page, f"lang-{path or 'overview'}-{lang}")
    bad = {page: p for page, p in seen.items() if p}
    assert not bad, bad


@pytest.mark.parametrize("path", ["compare", "staffing", "map"])
def test_pages_fit_a_phone(browser, served, stored_text, path):
    server, _ = served
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    page.set_default_timeout(60_000)
    try:
        page.goto(f"{server}/{path}?lang=en")
        page.get_by_text(PAGES[path][1]).first.wait_for()
        if path == "staffing":
            page.locator("[data-testid=stMetricValue]").nth(9).wait_for()
        page.wait_for_timeout(2000)
        assert not problems(visible_text(page), "en", stored_text)
        wide = page.evaluate(
            "() => { const main = document.querySelector('[data-testid=stMain]');"
            " const limit = main.getBoundingClientRect().right + 1;"
            " return [...main.querySelectorAll('p, h1, h2, h3, label, [data-testid=stMetricValue]')]"
            ".filter(e => e.getBoundingClientRect().right > limit && e.offsetParent !== null)"
            ".map(e => e.innerText.slice(0, 60)); }"
        )
        assert not wide, wide
        truncated = page.evaluate(
            "() => [...document.querySelectorAll('[data-testid=stMetricValue] div')]"
            ".filter(e => e.scrollWidth > e.clientWidth + 1).map(e => e.innerText)"
        )
        assert not truncated, truncated
        if path == "staffing":  # the cost figures, the longest values of the page, are checked
            values = page.locator("[data-testid=stMetricValue]").all_inner_texts()
            assert any("CNY" in v for v in values), values
        shot(page, f"phone-{path}")
    finally:
        context.close()


def test_the_chinese_file_uploader_speaks_chinese(browser, served):
    server, _ = served
    with open_page(browser, server) as page:
        page.goto(f"{server}/staffing?lang=zh")
        page.locator("[data-testid=stFileUploaderDropzone]").wait_for()
        shown = page.evaluate(
            "() => { const p = document.querySelector('[data-testid=stFileUploaderDropzone] button"
            " [data-testid=stMarkdownContainer] p'); const s = getComputedStyle(p);"
            " return [getComputedStyle(p, '::after').content, s.fontSize]; }"
        )
        assert shown == ['"上传文件"', "0px"]
        page.goto(f"{server}/staffing?lang=en")
        page.get_by_text("Staffing for").first.wait_for()
        page.locator("[data-testid=stFileUploaderDropzone]").wait_for()
        assert page.evaluate(
            "() => getComputedStyle(document.querySelector('[data-testid=stFileUploaderDropzone]"
            " button [data-testid=stMarkdownContainer] p'), '::after').content"
        ) in ("none", "normal")
