"""User-supplied criteria: a CSV/XLSX file of per-city values merged into the criteria table.

The file's first column is the key, ``adcode`` (6 digits) or ``name`` (city name, with or
without 市/地区/盟/自治州); every other column is one declared criterion. Empty cells are
missing values (the criterion's missing-value rule applies, visibly). Parks take the value of
their city. Every problem is one line naming the file, row and column.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from data.errors import NormaliseError, TableReadError
from data.imports.tabular import read_bytes, read_table
from data.normalise.values import city_key, parse_number

KEY_COLUMNS = ("adcode", "name")


def _value(cell: str, where: str) -> float:
    try:
        q = parse_number(cell)
    except NormaliseError as e:
        raise TableReadError(f"{where}: {cell!r} is not a number ({e})") from None
    if q is None:
        return math.nan
    if q.high is not None or q.bound not in (None, "approx"):
        raise TableReadError(f"{where}: {cell!r} is a range or bound; give one number")
    return float(q.value)


def _city_index(table: pd.DataFrame, key: str) -> dict[str, str]:
    """Key value -> adcode over the city rows of the criteria table (ambiguous names left out)."""
    cities = table[table.get("kind", pd.Series("city", index=table.index)) == "city"]
    if key == "adcode":
        return {str(a): str(a) for a in cities["adcode"]}
    index: dict[str, str] = {}
    clash: set[str] = set()
    for a, n in zip(cities["adcode"], cities["name"], strict=True):
        k = city_key(str(n))
        if k in index and index[k] != str(a):
            clash.add(k)
        index[k] = str(a)
    return {k: v for k, v in index.items() if k not in clash}


def _adcode_key(cell: str) -> str:
    s = cell.strip()
    return s[:-2] if s.endswith(".0") else s


def merge_criteria_file(
    table: pd.DataFrame, path: str | Path, names: Sequence[str]
) -> pd.DataFrame:
    """Add the columns of ``path`` for the declared criterion ``names`` to ``table`` (a new frame).

    Raises :class:`data.errors.TableReadError` for an unreadable file, a first column other
    than ``adcode``/``name``, an undeclared column, a declared criterion absent from the file,
    a column that clashes with the table, an unknown or repeated city or a non-numeric cell.
    """
    path = Path(path)
    raw = read_table(read_bytes(path), path.name)
    name = path.name
    headers = [h.strip() for h in raw.headers]
    key = headers[0].lower()
    if key not in KEY_COLUMNS:
        raise TableReadError(f"{name}: the first column must be adcode or name, not {headers[0]!r}")
    declared = list(dict.fromkeys(names))
    columns = headers[1:]
    if not columns:
        raise TableReadError(f"{name}: no criterion columns after {headers[0]!r}")
    for col in columns:
        if col not in declared:
            raise TableReadError(
                f"{name}: column {col!r} has no declaration; add --criterion {col}:GROUP:benefit|cost:UNIT"
            )
        if col in table.columns:
            raise TableReadError(
                f"{name}: column {col!r} is already a column of the criteria table"
            )
    absent = [c for c in declared if c not in columns]
    if absent:
        raise TableReadError(f"{name}: declared criteria not in the file: {', '.join(absent)}")
    index = _city_index(table, key)
    values: dict[str, dict[str, float]] = {}
    unknown: list[str] = []
    for row_no, cells in raw.rows:
        cells = list(cells) + [""] * (len(headers) - len(cells))
        city = cells[0].strip()
        lookup = _adcode_key(city) if key == "adcode" else city_key(city)
        adcode = index.get(lookup)
        if adcode is None:
            unknown.append(f"{city or '(empty)'} (row {row_no})")
            continue
        if adcode in values:
            raise TableReadError(f"{name} row {row_no}: {city} appears twice")
        values[adcode] = {
            col: _value(cells[i + 1], f"{name} row {row_no}, column {col}")
            for i, col in enumerate(columns)
        }
    if unknown:
        shown = ", ".join(unknown[:5]) + (
            f" and {len(unknown) - 5} more" if len(unknown) > 5 else ""
        )
        raise TableReadError(f"{name}: unknown cities by {key}: {shown}")
    out = table.copy()
    adcodes = out["adcode"].astype(str)
    for col in columns:
        out[col] = [values.get(a, {}).get(col, math.nan) for a in adcodes]
    return out
