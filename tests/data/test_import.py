"""`parkbench import`: encodings, header synonyms, rejects with reasons, idempotency, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys

import openpyxl
import pytest

from data.errors import MissingColumnError, TableReadError
from data.imports.importer import import_file
from data.store.database import open_db

HEADER_ZH = ["企业名称", "所在城市", "座席数量", "人员数量", "成立时间", "开放时间", "接通率"]
GOOD = ["上海世纪新元信息产业有限公司", "上海", "550个", "920人", "2000年", "7×24×365", "90%以上"]


def run_cli(*args):
    return subprocess.run(
        [sys.executable, "-m", "portal.cli", *args], capture_output=True, text=True, timeout=120
    )


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030", "big5"])
def test_reads_chinese_csv_in_every_common_encoding(any_db, write_csv, encoding):
    rows = [HEADER_ZH, GOOD, ["海尔集团呼叫中心", "青岛", "1,100個", "", "", "", ""]]
    if encoding == "big5":  # Big5 has no simplified forms: a Taiwanese file says it in Traditional
        rows = [["企業名稱", "所在城市", "座席數量"], ["中華電信客服中心", "臺北", "1200個"]]
    path = write_csv(rows, encoding=encoding)
    loaded, report = import_file(any_db, path)
    assert report.rejected == 0, report.errors
    assert report.accepted == len(rows) - 1
    seats = sorted(r["seats"] for r in any_db["centers"].rows)
    assert seats == ([1200] if encoding == "big5" else [550, 1100])


def test_values_are_normalised_with_bounds(any_db, write_csv):
    import_file(any_db, write_csv([HEADER_ZH, GOOD]))
    row = next(any_db["centers"].rows)
    assert (row["seats"], row["staff"], row["founded_year"]) == (550, 920, 2000)
    assert (row["hours_per_day"], row["days_per_week"], row["days_per_year"]) == (24, 7, 365)
    assert (row["answer_rate"], row["answer_rate_bound"]) == (0.9, "min")


def test_english_headers_and_xlsx(any_db, tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Name", "City", "Seats", "Staff", "Established", "Opening hours", "Answer rate"])
    ws.append(["Acme Contact Center", "Hangzhou", 300, 420, 2011, "5x8", 0.92])
    path = tmp_path / "centers.xlsx"
    wb.save(path)
    loaded, report = import_file(any_db, path)
    assert report.accepted == 1 and loaded.table.encoding is None
    row = next(any_db["centers"].rows)
    assert (row["seats"], row["hours_per_day"], row["days_per_week"], row["answer_rate"]) == (
        300,
        8,
        5,
        0.92,
    )


def test_every_bad_row_is_rejected_with_a_specific_reason(any_db, write_csv):
    rows = [
        HEADER_ZH,
        GOOD,
        ["", "北京", "100", "", "", "", ""],  # missing name
        ["负座席中心", "北京", "-5", "", "", "", ""],  # negative seats
        ["超百中心", "北京", "100", "", "", "", "120%"],  # rate above 100%
        ["未来中心", "北京", "100", "", "2999年", "", ""],  # founded in the future
        ["文字中心", "北京", "很多", "", "", "", ""],  # text where a number belongs
        GOOD,  # exact duplicate of row 2
        ["上海世纪新元信息产业有限公司", "上海", "600个", "", "", "", ""],  # conflicts with row 2
    ]
    loaded, report = import_file(any_db, write_csv(rows))
    assert report.rows == 8 and report.accepted + report.rejected == report.rows
    assert report.accepted == 1
    by_row = {e.row: e for e in report.errors}
    assert by_row[3].column == "企业名称" and by_row[3].rule == "required"
    assert by_row[4].column == "座席数量" and by_row[4].value == "-5"
    assert by_row[5].column == "接通率"
    assert by_row[6].column == "成立时间" and "future" in (by_row[6].rule + by_row[6].reason)
    assert by_row[7].column == "座席数量" and by_row[7].value == "很多"
    assert by_row[8].rule == "duplicate" and "row 2" in by_row[8].reason
    assert by_row[9].rule == "conflict" and "row 2" in by_row[9].reason
    stored = list(
        any_db.query(
            'SELECT "row", "column", value, reason, row_json FROM import_rejects ORDER BY "row"'
        )
    )
    assert [r["row"] for r in stored] == [3, 4, 5, 6, 7, 8, 9]
    assert json.loads(stored[1]["row_json"])["seats"] == "-5"  # the whole raw row is kept


def test_reimporting_the_same_file_changes_nothing(db_path, write_csv):
    path = write_csv([HEADER_ZH, GOOD, ["", "北京", "1", "", "", "", ""]])
    db = open_db(db_path)
    import_file(db, path)
    dump1 = list(db.conn.iterdump())
    _, again = import_file(db, path)
    dump2 = list(db.conn.iterdump())
    assert dump1 == dump2
    assert again.written.counts == {"inserted": 0, "updated": 0, "unchanged": 1}


def test_traditional_and_simplified_names_are_one_center(any_db, write_csv):
    import_file(
        any_db,
        write_csv(
            [["企业名称", "城市", "座席"], ["上海世纪新元信息产业有限公司", "上海市", "550"]],
            "a.csv",
        ),
    )
    import_file(
        any_db,
        write_csv(
            [["企業名稱", "城市", "人員數量"], ["上海世紀新元信息產業有限公司", "上海", "920"]],
            "b.csv",
            "big5",
        ),
    )
    rows = list(any_db["centers"].rows)
    assert len(rows) == 1 and (rows[0]["seats"], rows[0]["staff"]) == (550, 920)


def test_unknown_columns_are_reported_and_the_file_is_archived(any_db, write_csv):
    path = write_csv([["名称", "座席", "备用电话号码"], ["甲中心", "100", "123"]])
    loaded, report = import_file(any_db, path)
    assert loaded.ignored_columns == ["备用电话号码"]
    assert any_db["source_files"].get(report.source_id)["content"] == path.read_bytes()
    assert any_db["import_rejects"].count_where("rule = 'unknown_column'") == 1


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"\x00\x01\x02binary\x00" * 50, "binary"),
        ("城市,座席\n北京,100\n".encode(), "no 'name' column"),
        (bytes(range(0x80, 0x100)) * 20, "encoding|binary"),
    ],
)
def test_unreadable_files_raise_clear_errors(any_db, tmp_path, content, message):
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    with pytest.raises((TableReadError, MissingColumnError), match=message):
        import_file(any_db, path)
    assert any_db["centers"].count == 0 and any_db["sources"].count == 0


def test_cli_json_report_and_exit_codes(tmp_path, write_csv):
    db = tmp_path / "cli.sqlite"
    path = write_csv([HEADER_ZH, GOOD, ["", "北京", "1", "", "", "", ""]])
    done = run_cli("import", str(path), "--db", str(db), "--json")
    assert done.returncode == 0, done.stderr
    doc = json.loads(done.stdout)
    assert {k: doc[k] for k in ("file", "rows", "accepted", "rejected")} == {
        "file": "centers.csv",
        "rows": 2,
        "accepted": 1,
        "rejected": 1,
    }
    assert doc["errors"] == [
        {
            "row": 3,
            "column": "企业名称",
            "value": None,
            "rule": "required",
            "reason": "name is required",
        }
    ]
    bad = tmp_path / "bad.csv"
    bad.write_text("城市\n北京\n", encoding="utf-8")
    before = db.read_bytes()
    done = run_cli("import", str(bad), "--db", str(db))
    assert done.returncode == 2
    assert "Traceback" not in done.stderr and len(done.stderr.strip().splitlines()) == 1
    assert db.read_bytes() == before


def test_oversized_upload_is_refused(tmp_path, monkeypatch):
    import data.imports.tabular as tabular

    monkeypatch.setattr(tabular, "MAX_IMPORT_BYTES", 100)
    path = tmp_path / "big.csv"
    path.write_text("名称\n" + "甲\n" * 200, encoding="utf-8")
    with pytest.raises(TableReadError, match="import limit"):
        tabular.read_bytes(path)


def test_list_fields_round_trip_and_reimport_is_unchanged(any_db, write_csv):
    path = write_csv(
        [
            ["企业名称", "城市", "客服号码", "认证"],
            ["甲中心", "杭州", "10000、10001", "COPC，ISO 27001"],
        ]
    )
    import_file(any_db, path)
    row = next(any_db["centers"].rows)
    assert json.loads(row["phone_numbers"]) == ["10000", "10001"]
    assert json.loads(row["certifications"]) == ["COPC", "ISO 27001"]
    assert row["city_adcode"] == "330100"
    _, again = import_file(any_db, path)
    assert again.written.counts == {"inserted": 0, "updated": 0, "unchanged": 1}
    # a second source for the same center resolves without re-encoding the JSON lists
    import_file(any_db, write_csv([["名称", "城市", "座席"], ["甲中心", "杭州市", "300"]], "b.csv"))
    row = next(any_db["centers"].rows)
    assert json.loads(row["phone_numbers"]) == ["10000", "10001"] and row["seats"] == 300


def test_city_inputs_fill_the_explicit_input_table(any_db, write_csv):
    from data.geo.build import build_reference

    build_reference(any_db)
    path = write_csv(
        [
            ["城市", "指标", "数值", "年份", "来源"],
            ["杭州", "平均工资", "8,500元/月", "2023", "杭州统计年鉴2024"],
            ["Chengdu", "office_rent_cny_per_m2_month", "75元/平方米/月", "2023", "某地产报告"],
            ["不存在市", "失业率", "3%", "2023", "x"],
            ["杭州", "幸福指数", "9", "2023", "x"],
        ],
        "inputs.csv",
    )
    _, report = import_file(any_db, path, kind="city_inputs")
    assert (report.accepted, report.rejected) == (2, 2)
    rows = {r["id"]: r for r in any_db["city_inputs"].rows}
    assert rows["330100:avg_wage_cny_per_month:2023"]["value"] == 8500
    assert rows["510100:office_rent_cny_per_m2_month:2023"]["unit"] == "CNY/m2/month"
    assert {e.rule for e in report.errors} == {"geocode", "choice"}


@pytest.mark.parametrize("kind", ["centers", "parks", "incentives", "city_inputs"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_templates_are_importable_and_document_every_column(tmp_path, kind, lang):
    from data.imports.headers import SYNONYMS, match_header
    from data.imports.templates import write_template

    xlsx = write_template(kind, tmp_path / f"{kind}.xlsx", lang)
    wb = openpyxl.load_workbook(xlsx)
    headers = [c.value for c in wb.worksheets[0][1]]
    assert [match_header(kind, h) for h in headers] == list(SYNONYMS[kind])
    notes = list(wb["说明 columns"].iter_rows(values_only=True))[1:]
    assert len(notes) == len(headers) and all(n[2] and n[3] for n in notes)  # meaning in zh and en
    csv_path = write_template(kind, tmp_path / f"{kind}.csv", lang)
    assert csv_path.read_bytes().startswith(b"\xef\xbb\xbf")
    assert (tmp_path / f"{kind}_columns.csv").exists()


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        (b"", "empty"),
        (b"\x00\x01PK" * 300, "binary"),
        (bytes(range(0x81, 0xFF)) * 30, "encoding"),
    ],
)
def test_cli_refuses_unreadable_files_in_one_line(tmp_path, content, needle):
    bad = tmp_path / "bad.csv"
    bad.write_bytes(content)
    db = tmp_path / "db.sqlite"
    done = run_cli("import", str(bad), "--db", str(db), "--json")
    assert done.returncode == 2 and done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and needle in lines[0] and "Traceback" not in done.stderr
    assert not db.exists()  # the database is not even created
