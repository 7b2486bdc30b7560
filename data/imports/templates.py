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


def template_columns(kind: str) -> list[dict]:
    """One row per template column: headers (zh, en), meaning (zh, en), unit, example.

    Everything comes from the field's declaration in :mod:`data.schema`.
    """
    if kind not in SYNONYMS:
        raise ValueError(f"unknown kind {kind!r}; use one of {', '.join(SYNONYMS)}")
    return [
        {
            "header_zh": f.headers[0],
            "header_en": f.name,
            "meaning_zh": f.zh,
            "meaning_en": f.en,
            "unit": getattr(f, "unit", None) or "",
            "example": f.example or "",
            "synonyms": "、".join(h for h in f.headers[1:] if h != f.name),
        }
        for f in TABLES[kind].import_fields()
    ]


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
