"""Reading an interval forecast (a day or a week of 15- or 30-minute intervals) from CSV or XLSX.

One row per interval: a label (``start``/``interval``, e.g. ``08:30`` or ``2024-03-04 08:30``),
the calls offered in the interval (``calls``) and, optionally, the average handle time of that
interval (``aht_seconds``). Chinese headers are accepted too (时段, 来电量, 平均处理时长).
Files are read with :mod:`data.imports.tabular` (UTF-8 or GBK CSV, XLSX); any problem raises
:class:`data.errors.TableReadError` with one line naming the file and row.
"""

from __future__ import annotations

import warnings
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from data.errors import MissingColumnError, TableReadError
from data.imports.tabular import read_bytes, read_table

#: column -> header spellings accepted (compared case-insensitively, spaces trimmed)
COLUMNS = {
    "start": ("start", "interval", "time", "period", "开始时间", "时段", "时间", "区间"),
    "calls": (
        "calls",
        "calls_offered",
        "offered",
        "volume",
        "来电量",
        "话务量",
        "呼入量",
        "来话量",
    ),
    "aht_seconds": ("aht_seconds", "aht", "平均处理时长", "平均处理时长(秒)"),
}


@dataclass(frozen=True)
class IntervalForecast:
    """Calls (and handle times) per interval as read from a file."""

    labels: list[str]
    calls: np.ndarray  # calls offered per interval
    aht_seconds: np.ndarray | None  # per interval; NaN where the row left it blank
    interval_minutes: int | None  # inferred from time labels, when they are times
    period_days: int | None = None  # calendar days the labels span, when they are times


def _score(headers: list[str]) -> int:
    known = {s.lower() for names in COLUMNS.values() for s in names}
    return sum(h.strip().lower() in known for h in headers)


def _number(text: str, column: str, row: int, name: str) -> float:
    cleaned = text.strip().replace(",", "").replace("，", "")
    try:
        value = float(cleaned)
    except ValueError:
        raise TableReadError(
            f"{name}: row {row}: {column} {text.strip()!r} is not a number"
        ) from None
    if not np.isfinite(value) or value < 0:
        raise TableReadError(
            f"{name}: row {row}: {column} must be a number >= 0, got {text.strip()!r}"
        )
    return value


def infer_interval_minutes(labels: list[str]) -> int | None:
    """Most common step between consecutive time labels, in minutes; None if they are not times.

    Examples
    --------
    >>> infer_interval_minutes(["08:00", "08:30", "09:00"])
    30
    >>> infer_interval_minutes(["1", "2"]) is None
    True
    """
    if len(labels) < 2 or not all(":" in s for s in labels):
        return None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            times = pd.to_datetime(pd.Series(labels), format="mixed")
        except (ValueError, TypeError):
            return None
    steps = times.diff().dropna().dt.total_seconds() / 60.0
    steps = [int(round(s)) for s in steps if s > 0]
    if not steps:
        return None
    return Counter(steps).most_common(1)[0][0]


def _times(labels: list[str]) -> pd.Series | None:
    if not labels or not all(":" in s for s in labels):
        return None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return pd.to_datetime(pd.Series(labels), format="mixed")
        except (ValueError, TypeError):
            return None


def infer_period_days(labels: list[str]) -> int | None:
    """Calendar days a plan covers, closed hours included; None if the labels are not times.

    Dated labels (``2024-03-04 08:30``) count the distinct dates; clock-only labels (``08:30``)
    count one day plus one for every time the clock goes back (a new day starts).

    Examples
    --------
    >>> infer_period_days(["08:00", "08:30", "20:30"])
    1
    >>> infer_period_days(["08:00", "20:30", "08:00", "20:30"])
    2
    >>> infer_period_days(["2024-03-04 08:00", "2024-03-05 08:00"])
    2
    """
    times = _times(labels)
    if times is None:
        return None
    if any(len(s.strip()) > 8 for s in labels):  # dates in the labels
        return int(times.dt.normalize().nunique())
    clock = (times.dt.hour * 60 + times.dt.minute).to_numpy()
    return 1 + int((np.diff(clock) <= 0).sum())


def load_interval_forecast(source: str | Path | bytes, name: str | None = None) -> IntervalForecast:
    """Read an interval forecast file (a path, or the bytes of an upload called ``name``).

    Raises TableReadError (one line naming the file and row) on anything that is not one.
    """
    if isinstance(source, bytes | bytearray):
        content, name = bytes(source), name or "upload"
    else:
        content, name = read_bytes(source), name or Path(source).name
    table = read_table(content, name, score_headers=_score)
    where = {}
    for i, header in enumerate(table.headers):
        key = header.strip().lower()
        for column, spellings in COLUMNS.items():
            if key in {s.lower() for s in spellings} and column not in where:
                where[column] = i
    if "calls" not in where:
        raise MissingColumnError(
            f"{name}: no calls column (headers: {', '.join(table.headers)}); "
            "expected start, calls and optionally aht_seconds"
        )
    if not table.rows:
        raise TableReadError(f"{name}: no intervals")
    labels, calls, aht = [], [], []
    for row_number, cells in table.rows:
        cells = cells + [""] * (len(table.headers) - len(cells))
        raw_calls = cells[where["calls"]]
        if not raw_calls.strip():
            raise TableReadError(f"{name}: row {row_number}: calls is blank")
        calls.append(_number(raw_calls, "calls", row_number, name))
        label = cells[where["start"]].strip() if "start" in where else ""
        labels.append(label or str(len(labels) + 1))
        if "aht_seconds" in where:
            raw = cells[where["aht_seconds"]]
            value = _number(raw, "aht_seconds", row_number, name) if raw.strip() else np.nan
            if value == 0:
                raise TableReadError(f"{name}: row {row_number}: aht_seconds must be > 0")
            aht.append(value)
    return IntervalForecast(
        labels=labels,
        calls=np.asarray(calls, dtype=float),
        aht_seconds=np.asarray(aht, dtype=float) if "aht_seconds" in where else None,
        interval_minutes=infer_interval_minutes(labels) if "start" in where else None,
        period_days=infer_period_days(labels) if "start" in where else None,
    )
