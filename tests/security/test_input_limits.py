"""Input is bounded before it is loaded: unzipped size, rows, columns, cell length; CSV quoting."""

from __future__ import annotations

import tracemalloc

import pytest
from openpyxl import Workbook

from benchmarks.bench_import_memory import write_zip_bomb
from data.errors import TableReadError
from data.imports import tabular
from data.imports.importer import parse_import


@pytest.fixture(scope="module")
def bomb(tmp_path_factory):
    # 300 MB inflated from 0.3 MB: over the 200 MB default (the 1.6 MB -> 1.65 GB bomb of the
    # issue is measured in benchmarks/bench_import_memory.py: it takes long to build)
    path = tmp_path_factory.mktemp("bomb") / "bomb.xlsx"
    write_zip_bomb(path, 300_000_000)
    return path


def test_a_zip_bomb_is_refused_before_openpyxl_loads_it(bomb, monkeypatch):
    import openpyxl

    def never(*args, **kwargs):
        raise AssertionError("openpyxl was asked to load the bomb")

    monkeypatch.setattr(openpyxl, "load_workbook", never)
    assert bomb.stat().st_size < 1_000_000
    content = bomb.read_bytes()
    tracemalloc.start()
    try:
        with pytest.raises(TableReadError, match="PARKBENCH_MAX_UNZIPPED_BYTES") as info:
            parse_import(content, "bomb.xlsx", "centers")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert "unzips to 300 MB (0.3 MB zipped)" in str(info.value)
    assert peak < 20_000_000  # nothing was inflated


def _xlsx(path, rows):
    wb = Workbook()
    for row in rows:
        wb.active.append(row)
    wb.save(path)
    return path.read_bytes()


def _csv(rows) -> bytes:
    return "\n".join(",".join(str(c) for c in r) for r in rows).encode("utf-8")


HEADER = ["name", "city", "seats"]


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_row_column_and_cell_limits_name_the_limit(kind, tmp_path, monkeypatch):
    def table(rows):
        if kind == "csv":
            return _csv(rows)
        return _xlsx(tmp_path / "t.xlsx", rows)

    monkeypatch.setenv("PARKBENCH_MAX_ROWS", "3")
    with pytest.raises(TableReadError, match=r"more than 3 data rows.*PARKBENCH_MAX_ROWS"):
        tabular.read_table(table([HEADER] + [[f"c{i}", "合肥", i] for i in range(5)]), "t")
    monkeypatch.setenv("PARKBENCH_MAX_COLUMNS", "4")
    with pytest.raises(TableReadError, match=r"row 2 has 6 columns.*PARKBENCH_MAX_COLUMNS"):
        tabular.read_table(table([HEADER, ["a", "b", 1, 2, 3, 4]]), "t")
    monkeypatch.setenv("PARKBENCH_MAX_CELL_CHARS", "50")
    with pytest.raises(TableReadError, match=r"PARKBENCH_MAX_CELL_CHARS"):
        tabular.read_table(table([HEADER, ["长" * 60, "合肥", 1]]), "t")
    monkeypatch.delenv("PARKBENCH_MAX_ROWS")
    assert len(tabular.read_table(table([HEADER] + [["a", "b", 1]] * 5), "t").rows) == 5


def test_unmatched_quote_is_reported_with_its_line():
    content = 'name,city,seats\n甲中心,合肥,10\n乙中心,"合肥,20\n丙中心,上海",30\n丁中心,杭州,40\n'
    with pytest.raises(TableReadError, match=r"line 3: a quote") as info:
        tabular.read_table(content.encode("utf-8"), "q.csv")
    assert "lines 3-4" in str(info.value)


def test_quote_open_until_the_end_is_reported():
    content = 'name,city,seats\n甲中心,"合肥,10\n乙中心,上海,20\n'
    with pytest.raises(TableReadError, match=r"line 2: a quote"):
        tabular.read_table(content.encode("utf-8"), "q.csv")


def test_a_quoted_line_break_in_text_is_still_fine():
    content = 'name,city,description\n甲中心,合肥,"第一行\n第二行"\n'
    table = tabular.read_table(content.encode("utf-8"), "ok.csv")
    assert table.rows == [(2, ["甲中心", "合肥", "第一行\n第二行"])]
