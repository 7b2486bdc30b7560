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
}
