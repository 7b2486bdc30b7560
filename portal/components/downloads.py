"""A selection of the Data page as the bytes of a download, written by the release writers.

XLSX, Parquet and GeoJSON come from :mod:`data.release.formats` (the files of a data release),
so a download and a release cannot drift: same column types, same bilingual ``dictionary``
sheet in the workbook, same GeoJSON features. The selection's extra ``sources`` column is
declared like any other column. CSV stays UTF-8 with a byte-order mark so that Excel opens
Chinese text correctly (the release CSV has none).
"""

from __future__ import annotations

import dataclasses
import math
import tempfile
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from data.cells import csv_cell
from data.release import formats as rf
from data.schema.dictionary import build_dictionary, render_dictionary_csv
from data.schema.tables import TABLES, Column, Table

#: the column every entity row of the Data page carries (``data.store.queries.load_table``)
SOURCES_COLUMN = Column(
    "sources",
    "text",
    "为本行提供事实的来源（标题）",
    "titles of the sources that gave facts on this row",
)


def selection_table(table: str, frame: pd.DataFrame) -> Table:
    """The declared table, plus the ``sources`` column when the selection has one."""
    spec = TABLES[table]
    if "sources" in frame.columns and "sources" not in spec.column_names:
        return dataclasses.replace(spec, columns=(*spec.columns, SOURCES_COLUMN))
    return spec


def frame_rows(frame: pd.DataFrame, spec: Table) -> list[dict]:
    """Rows typed by the declaration: integers as ``int``, numbers as ``float``, gaps as None."""
    types = rf.field_types(spec)
    casts: dict[str, Callable] = {"integer": int, "number": float}
    rows = []
    for record in frame.to_dict("records"):
        row = {}
        for name in spec.column_names:
            value = record.get(name)
            if value is None or (isinstance(value, float) and math.isnan(value)):
                row[name] = None
            elif types.get(name) in casts:
                row[name] = casts[types[name]](value)
            else:
                row[name] = value if isinstance(value, str) else str(value)
        rows.append(row)
    return rows


def _written(write: Callable[[Path], None], name: str) -> bytes:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        write(path)
        return path.read_bytes()


def build_csv(frame: pd.DataFrame) -> bytes:
    """CSV in UTF-8 with a byte-order mark, so Excel opens Chinese text correctly.

    Text cells are formula-safe (:func:`data.cells.csv_cell`); numbers stay numbers.
    """
    safe = frame.copy()
    for name in safe.columns:
        if not pd.api.types.is_numeric_dtype(safe[name]):
            safe[name] = safe[name].map(lambda v: v if _missing(v) else csv_cell(v))
    return safe.to_csv(index=False, lineterminator="\r\n").encode("utf-8-sig")


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def build_xlsx(frame: pd.DataFrame, table: str, created: str) -> bytes:
    """The release workbook: a ``data`` sheet and the bilingual ``dictionary`` sheet.

    ``created`` (ISO 8601) stamps the workbook's properties.
    """
    spec = selection_table(table, frame)
    rows = frame_rows(frame, spec)
    return _written(lambda p: rf.write_xlsx(spec, rows, p, created), f"{table}.xlsx")


def build_parquet(frame: pd.DataFrame, table: str) -> bytes:
    """Parquet with one typed column per declared column (the release schema)."""
    spec = selection_table(table, frame)
    rows = frame_rows(frame, spec)
    return _written(lambda p: rf.write_parquet(spec, rows, p), f"{table}.parquet")


def build_geojson(frame: pd.DataFrame, table: str) -> bytes:
    """Point features (WGS-84 ``[lon, lat]``; no geometry without coordinates), as released."""
    spec = selection_table(table, frame)
    rows = frame_rows(frame, spec)
    return _written(lambda p: rf.write_geojson(spec, rows, p), f"{table}.geojson")


def dictionary_frame(table: str) -> pd.DataFrame:
    """The bilingual data dictionary of ``table`` (:func:`data.schema.dictionary.build_dictionary`)."""
    return pd.DataFrame(build_dictionary([table]))


def build_dictionary_csv(table: str) -> bytes:
    """The dictionary CSV of a release, restricted to ``table`` (UTF-8 with a BOM for Excel)."""
    return render_dictionary_csv(build_dictionary([table])).encode("utf-8-sig")
