"""Blank import templates (CSV and XLSX, Chinese or English headers) that document each column.

The XLSX template has a second sheet, ``说明 columns``, with every column's meaning, unit,
accepted forms and an example; the CSV template is the header row alone, written with a UTF-8
BOM so that Excel opens it correctly, next to a ``*_columns.csv`` sheet with the same notes.
"""

from __future__ import annotations

import csv
from pathlib import Path

from data.cells import csv_text, text_cells
from data.imports.headers import SYNONYMS
from data.schema.tables import TABLES

#: raw fields that are not table columns: what they accept
COMPOSITE = {
    "founded": (
        "成立年月，如 2002年9月、２００２年、二〇〇五年",
        "year and month founded, e.g. 2002年9月 or 2005-03",
        "2002年9月",
    ),
    "hours": (
        "开放时间，如 7×24、5×8、周一至周五 9:00-18:00",
        "opening hours, e.g. 7×24, 5×8, 周一至周五 9:00-18:00",
        "7×24×365",
    ),
    "service_level": (
        "服务水平，如 80/20 或 在15秒内接起90%的电话",
        "service level, e.g. 80/20 or 90% in 15 s",
        "80/20",
    ),
    "park": (
        "园区名称（须已在库中）",
        "park name (must exist in the store)",
        "北京呼叫中心产业基地",
    ),
    "value": ("数值（可带单位）", "value (a unit may follow)", "8500元/月"),
    "source": (
        "数据来源（文件、网址或出版物）",
        "source: file, URL or publication",
        "杭州统计年鉴2024",
    ),
    "indicator": (
        "指标：平均工资、失业率、毕业生、写字楼租金",
        "indicator: avg_wage_cny_per_month, unemployment_rate, graduates_per_year, office_rent_cny_per_m2_month",
        "平均工资",
    ),
    "adcode": ("城市行政区划代码（6位）", "six-digit city code", "330100"),
}

EXAMPLES = {
    "name": "上海世纪新元信息产业有限公司",
    "city": "上海",
    "seats": "550个",
    "staff": "920人",
    "industry": "电信",
    "ownership": "国有企业",
    "answer_rate": "90%以上",
    "phone_numbers": "10000、10001",
    "area_km2": "3平方公里",
    "building_area_m2": "34万平方米",
    "investment_cny": "5000万元",
    "kind": "tax_rebate",
    "rate": "30%",
    "duration_years": "3年",
    "min_investment_cny": "1000万元",
    "year": "2023",
}

_TABLE_OF_KIND = {
    "centers": "centers",
    "parks": "parks",
    "incentives": "incentives",
    "city_inputs": "city_inputs",
}


def template_columns(kind: str) -> list[dict]:
    """One row per template column: headers (zh, en), meaning (zh, en), unit, example."""
    table = TABLES[_TABLE_OF_KIND[kind]]
    rows = []
    for field, names in SYNONYMS[kind].items():
        if field in COMPOSITE:
            zh, en, example = COMPOSITE[field]
            unit = None
        else:
            try:
                col = table.column(field)
            except KeyError:
                col = None
            zh, en, unit = (col.zh, col.en, col.unit) if col else (field, field, None)
            example = EXAMPLES.get(field, "")
        rows.append(
            {
                "header_zh": names[0],
                "header_en": field,
                "meaning_zh": zh,
                "meaning_en": en,
                "unit": unit or "",
                "example": example,
                "synonyms": "、".join(names[2:]),
            }
        )
    return rows


def write_template(kind: str, path: str | Path, lang: str = "zh") -> Path:
    """Write a blank template for ``kind``; the suffix of ``path`` (.csv or .xlsx) picks the format."""
    if kind not in SYNONYMS:
        raise ValueError(f"unknown kind {kind!r}; use one of {', '.join(SYNONYMS)}")
    if lang not in ("zh", "en"):
        raise ValueError("lang must be zh or en")
    path = Path(path)
    cols = template_columns(kind)
    headers = [c["header_zh"] if lang == "zh" else c["header_en"] for c in cols]
    notes_header = [
        "列名",
        "column",
        "含义",
        "meaning",
        "单位 unit",
        "示例 example",
        "同义列名 synonyms",
    ]
    notes = [
        [
            c["header_zh"],
            c["header_en"],
            c["meaning_zh"],
            c["meaning_en"],
            c["unit"],
            c["example"],
            c["synonyms"],
        ]
        for c in cols
    ]
    if path.suffix.lower() == ".xlsx":
        import openpyxl

        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = kind
        ws.append(headers)
        doc = wb.create_sheet("说明 columns")
        doc.append(notes_header)
        for row in notes:
            doc.append(row)
        text_cells(ws)
        text_cells(doc)
        wb.save(path)
    elif path.suffix.lower() == ".csv":
        with path.open("w", encoding="utf-8-sig", newline="") as f:
            csv.writer(f).writerow([csv_text(h) for h in headers])
        with path.with_name(path.stem + "_columns.csv").open(
            "w", encoding="utf-8-sig", newline=""
        ) as f:
            writer = csv.writer(f)
            writer.writerow(notes_header)
            writer.writerows([[csv_text(str(v)) for v in row] for row in notes])
    else:
        raise ValueError("the template file must end in .csv or .xlsx")
    return path
