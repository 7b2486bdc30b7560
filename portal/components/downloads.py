"""A DataFrame as the bytes of a download: CSV (UTF-8 with BOM for Excel), XLSX, Parquet, GeoJSON."""

from __future__ import annotations

import io
import json

import pandas as pd


def build_csv(frame: pd.DataFrame) -> bytes:
    """CSV in UTF-8 with a byte-order mark, so Excel opens Chinese text correctly."""
    return frame.to_csv(index=False).encode("utf-8-sig")


def build_xlsx(frame: pd.DataFrame, sheet: str = "data") -> bytes:
    """An Excel workbook with one sheet."""
    buf = io.BytesIO()
    with pd.ExcelWriter(buf, engine="openpyxl") as writer:
        frame.to_excel(writer, sheet_name=sheet[:31], index=False)
    return buf.getvalue()


def build_parquet(frame: pd.DataFrame) -> bytes:
    """Parquet (pyarrow)."""
    buf = io.BytesIO()
    frame.to_parquet(buf, index=False)
    return buf.getvalue()


def build_geojson(frame: pd.DataFrame) -> bytes:
    """A FeatureCollection of points (WGS-84 ``lon``/``lat``); rows without them get no geometry."""
    features = []
    props = frame.drop(columns=[c for c in ("lat", "lon") if c in frame])
    for (_, row), (_, p) in zip(frame.iterrows(), props.iterrows(), strict=True):
        lat, lon = row.get("lat"), row.get("lon")
        geometry = None
        if pd.notna(lat) and pd.notna(lon):
            geometry = {"type": "Point", "coordinates": [float(lon), float(lat)]}
        properties = json.loads(p.to_json(force_ascii=False))
        features.append({"type": "Feature", "geometry": geometry, "properties": properties})
    doc = {"type": "FeatureCollection", "features": features}
    return json.dumps(doc, ensure_ascii=False).encode("utf-8")
