"""Centers and their achieved KPIs from the store, in the shapes the benchmark and awards models take.

KPIs come from two places: the KPI columns of ``centers`` (measurement unspecified, definition
``''``; values given as bounds such as "90%以上" are left out, since they are not points) and
the ``kpis`` table (targets left out; the definition and, for service levels, the threshold
form the measurement key, e.g. ``offered@20s``).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import sqlite_utils

from data.inputs.score import connect_store
from data.normalise.industries import industry_from_name
from data.paths import INDUSTRY_KPIS_PATH
from data.store.contents import columns, holds

CENTER_KPI_COLUMNS: tuple[str, ...] = (
    "answer_rate",
    "aht_seconds",
    "fcr_rate",
    "csat",
    "attrition_rate",
    "outbound_success_rate",
)
CENTER_FIELDS: tuple[str, ...] = (
    "id", "name", "industry", "ownership", "province", "city", "city_adcode", "founded_year",
    "seats", "staff", "hours_per_day", "days_per_week", "days_per_year", "daily_inbound_calls",
    "daily_outbound_calls", "certifications", "awards", "description",
)  # fmt: skip


def _capitals(db: sqlite_utils.Database) -> dict[str, float]:
    if not holds(db, "city_indicators"):
        return {}
    return {
        r["adcode"]: r["value"]
        for r in db.query(
            "select adcode, value from city_indicators where indicator = 'is_provincial_capital'"
        )
    }


def _industry_with_basis(frame: pd.DataFrame) -> None:
    stated = [isinstance(v, str) and v.strip() != "" for v in frame["industry"]]
    names = frame["name"] if "name" in frame else pd.Series([None] * len(frame))
    inferred = [None if s else industry_from_name(n) for s, n in zip(stated, names, strict=True)]
    frame["industry_basis"] = [
        "source" if s else ("name" if i else None) for s, i in zip(stated, inferred, strict=True)
    ]
    frame["industry"] = [
        v if s else i for v, s, i in zip(frame["industry"], stated, inferred, strict=True)
    ]


def load_centers(db: str | Path | sqlite_utils.Database) -> pd.DataFrame:
    """Centers with their profile fields, ``is_provincial_capital`` and ``city_name`` of their city.

    ``city_name`` is the standard name of ``city_adcode`` (``cities.name_zh``), else ``city``.
    ``industry`` is the one a source gives, else the one the center's name implies
    (:func:`~data.normalise.industries.industry_from_name`); ``industry_basis`` says which
    (``source``, ``name``, or ``None`` when there is none), so peer groups built on an inferred
    industry can say so.
    Rows come in ``id`` order on both engines (a center matched by name takes the first).
    """
    db = connect_store(db)
    if not holds(db, "centers"):
        return pd.DataFrame(
            columns=[*CENTER_FIELDS, *CENTER_KPI_COLUMNS, "is_provincial_capital", "city_name"]
        )
    cols = set(columns(db, "centers"))
    wanted = [c for c in (*CENTER_FIELDS, *CENTER_KPI_COLUMNS) if c in cols]
    wanted += [f"{c}_bound" for c in CENTER_KPI_COLUMNS if f"{c}_bound" in cols]
    # rows as tuples (a dict per row cost a third of the read at 10,000 centers); pandas infers
    # the same column types from tuples as from dicts
    rows = db.execute(f"select {', '.join(wanted)} from centers order by id").fetchall()
    frame = pd.DataFrame(rows, columns=wanted)
    if "industry" in frame:
        _industry_with_basis(frame)
    caps = _capitals(db)
    adcodes = frame.get("city_adcode", pd.Series([None] * len(frame)))
    frame["is_provincial_capital"] = [caps.get(a) for a in adcodes]
    names = (
        {r["adcode"]: r["name_zh"] for r in db.query("select adcode, name_zh from cities")}
        if holds(db, "cities")
        else {}
    )
    cities = frame.get("city", pd.Series([None] * len(frame)))
    frame["city_name"] = [
        names.get(a) or (c if isinstance(c, str) and c else None)
        for a, c in zip(adcodes, cities, strict=True)
    ]
    return frame


def load_kpi_observations(
    db: str | Path | sqlite_utils.Database, centers: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Long table ``center_id, metric, value, definition, source`` of achieved KPIs.

    The KPI columns of ``centers`` first, then the ``kpis`` rows in ``id`` order: where a
    center has several measurements of a KPI the first one is its own value
    (``models.peer_benchmark.stored_center_inputs``), the same on both engines.
    """
    db = connect_store(db)
    centers = load_centers(db) if centers is None else centers
    rows = []
    for c in centers.to_dict("records"):  # not iterrows: a Series per center cost seconds
        for m in CENTER_KPI_COLUMNS:
            if m not in c or pd.isna(c[m]):
                continue
            bound = c.get(f"{m}_bound")
            if isinstance(bound, str) and bound not in ("", "approx"):
                continue
            rows.append(
                {
                    "center_id": c["id"],
                    "metric": m,
                    "value": float(c[m]),
                    "definition": "",
                    "source": "centers",
                }
            )
    if holds(db, "kpis"):
        for k in db.query(
            "select * from kpis where coalesce(is_target, 0) != 1 and value is not null order by id"
        ):
            d = k.get("definition") or ""
            if k.get("threshold_seconds") is not None:
                d = f"{d}@{k['threshold_seconds']:g}s"
            rows.append(
                {
                    "center_id": k["center_id"],
                    "metric": k["metric"],
                    "value": float(k["value"]),
                    "definition": d,
                    "source": "kpis",
                }
            )
    return pd.DataFrame(rows, columns=["center_id", "metric", "value", "definition", "source"])


def _column_values(column: pd.Series) -> list:
    """A column's values as ``to_dict("records")`` gives them, with NaN as ``None``."""
    if isinstance(column.dtype, pd.StringDtype):
        # text: read out by pyarrow in one call, not value by value (missing text is NaN)
        return column.to_numpy(dtype=object, na_value=None).tolist()
    values = column.tolist()  # Python ints, floats and bools, as to_dict boxes them
    if column.dtype.kind == "f":
        return [None if v != v else v for v in values]
    if column.dtype == object:
        return [v if v is None else _plain(v) for v in values]
    return values


def _plain(value):
    """A value of an object column as ``to_dict`` gives it (a numpy scalar as Python's), NaN
    as ``None``."""
    if isinstance(value, float) and value != value:
        return None
    return value.item() if isinstance(value, np.generic) else value


def load_award_entries(
    db: str | Path | sqlite_utils.Database, centers: pd.DataFrame | None = None
) -> list[tuple[dict, int | None, dict]]:
    """``(profile, year, kpis)`` per center and KPI year, for the awards model.

    The year is the first four digits of a ``kpis.period``; KPI columns of ``centers`` (no
    period) fill in every year and, for centers without dated KPIs, form one entry with year
    ``None``. Where a metric has several measurements in a year, the unspecified one wins,
    else the one of the lowest ``kpis.id``: the same row on both engines (storage order is
    not, as PostgreSQL moves an updated row to the end).

    A profile holds every column of :func:`load_centers` (missing values ``None``); the
    profiles are built a column at a time (10,000 centers: no row-by-row walk of the frame).
    ``centers`` is that frame when the caller has it already (the portal caches it).
    """
    db = connect_store(db)
    centers = load_centers(db) if centers is None else centers
    dated: dict[str, dict[int, dict[str, float]]] = {}
    if holds(db, "kpis"):
        for center_id, metric, value, period in db.execute(
            "select center_id, metric, value, period from kpis "
            "where coalesce(is_target, 0) != 1 and value is not null "
            "order by (definition is not null), id"
        ).fetchall():
            year = str(period or "")[:4]
            if year.isdigit():
                dated.setdefault(center_id, {}).setdefault(int(year), {}).setdefault(
                    metric, float(value)
                )
    names = list(centers.columns)
    columns = [_column_values(centers[c]) for c in names]
    kpi_columns = [m for m in CENTER_KPI_COLUMNS if m in centers.columns]
    # a KPI column's values as floats, None where missing (a float column is that already)
    kpi_values = [
        columns[names.index(m)]
        if centers[m].dtype.kind == "f"
        else [None if v is None or pd.isna(v) else float(v) for v in columns[names.index(m)]]
        for m in kpi_columns
    ]
    measured_rows = list(zip(*kpi_values, strict=True)) if kpi_values else [()] * len(centers)
    out = []
    for values, measured in zip(zip(*columns, strict=True), measured_rows, strict=True):
        profile = dict(zip(names, values, strict=True))
        base = {m: v for m, v in zip(kpi_columns, measured, strict=True) if v is not None}
        years = dated.get(profile["id"], {})
        if not years:
            out.append((profile, None, base))
        for year, kpis in sorted(years.items()):
            out.append((profile, year, {**base, **kpis}))
    return out


def load_industry_reference(path: str | Path = INDUSTRY_KPIS_PATH) -> list[dict]:
    """Published industry averages of KPIs (``data/reference/industry_kpis/``), one dict a row.

    ``value`` is a float and ``year`` an int (None when the source gives none); the other
    columns stay text (empty text when blank). A missing file gives no rows.
    """
    import csv

    path = Path(path)
    if not path.exists():
        return []
    rows = []
    with path.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            row = dict(row)
            row["value"] = float(row["value"])
            year = (row.get("year") or "").strip()[:4]
            row["year"] = int(year) if year.isdigit() else None
            rows.append(row)
    return rows
