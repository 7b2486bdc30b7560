"""Strings of the Data page (``views/data.py``) beyond the core table in ``portal/i18n.py``."""

STRINGS: dict[str, dict[str, str]] = {
    "data.dict_required": {"zh": "必填", "en": "Required"},
    "data.dict_foreign_key": {"zh": "外键", "en": "Foreign key"},
    "data.dict_source": {"zh": "出处", "en": "Source"},
    # column headers of the grid (labels come from the data dictionary)
    "data.col_with_unit": {"zh": "{label}（{unit}）", "en": "{label} ({unit})"},
    "data.col_help": {
        "zh": "{meaning}。字段名：{field}；单位：{unit}",
        "en": "{meaning}. Field: {field}; unit: {unit}",
    },
    "data.col_help_field": {"zh": "字段名：{field}", "en": "Field: {field}"},
    "data.col_no_unit": {"zh": "无", "en": "none"},
    "data.col_bound": {"zh": "{label}的界限类型", "en": "{label}: kind of bound"},
    "data.col_high": {"zh": "{label}区间上限", "en": "{label}: upper end"},
    "col.kpis.is_target": {"zh": "是否为目标值", "en": "Target (1) or achieved (0)"},
    "col.park_tenants.center_id": {"zh": "呼叫中心标识", "en": "Center id"},
    "col.sources.url": {"zh": "网址或文件", "en": "URL or file"},
    "data.fact_field_name": {"zh": "字段名", "en": "Field name"},
    # filters
    "data.find": {
        "zh": "搜索全部数据表（名称、区县、政策条文、入驻企业、来源）",
        "en": "Search every table (names, districts, incentive text, tenants, sources)",
    },
    "data.find_none": {"zh": "没有包含“{text}”的记录。", "en": "No record contains “{text}”."},
    "data.find_count": {
        "zh": "共找到 {n}，分布在 {tables} 张表中：",
        "en": "Found {n} in {tables} tables:",
    },
    "data.browse": {"zh": "浏览数据表", "en": "Browse a table"},
    "data.source_pick": {"zh": "打开来源", "en": "Open a source"},
    "data.source_placeholder": {"zh": "选择一个来源", "en": "Choose a source"},
    "data.source_publisher": {"zh": "发布者", "en": "Publisher"},
    "data.source_retrieved": {"zh": "获取日期", "en": "Retrieved"},
    "data.source_facts": {"zh": "提供的事实", "en": "Facts given"},
    "data.source_licence": {"zh": "许可", "en": "Licence"},
    "data.source_open": {"zh": "打开来源网页", "en": "Open the source's web page"},
    "data.source_document": {
        "zh": "来源文件（仓库中的 data/curated/sources/{file}）：",
        "en": "The source document (data/curated/sources/{file} in the repository):",
    },
    "data.source_open_col": {"zh": "打开", "en": "Open"},
    "data.source_open_short": {"zh": "打开来源", "en": "open"},
    "data.source_citation": {"zh": "出处：{where}", "en": "Where: {where}"},
    "data.pick_placeholder": {"zh": "选择一项或多项", "en": "Choose one or more"},
    "data.range_placeholder": {"zh": "不按数值筛选", "en": "No numeric filter"},
    "data.range_min": {"zh": "最小值", "en": "Minimum"},
    "data.range_max": {"zh": "最大值", "en": "Maximum"},
    "data.record_placeholder": {"zh": "选择一条记录", "en": "Choose a record"},
    "data.table_placeholder": {"zh": "选择数据表", "en": "Choose a table"},
    # read API (Datasette on the published release, /api/)
    "data.api": {"zh": "数据接口（API）", "en": "Data API"},
    "data.api_note": {
        "zh": "用代码查询已发布的数据：每张表都有 JSON 和 CSV 地址，可用 SQL 只读查询"
        "（有时间和行数上限），并有搜索（两个汉字也可）、园区入驻企业、城市优惠政策等预设查询。",
        "en": "Query the published data from code: every table as JSON and CSV, read-only SQL"
        " (with time and row limits), and canned queries for search (2-character Chinese"
        " terms too), a park's tenants and incentives by city.",
    },
    "data.api_open": {"zh": "打开数据接口", "en": "Open the data API"},
    "data.api_table": {"zh": "本表地址：", "en": "This table:"},
}
