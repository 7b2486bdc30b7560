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
