"""Tables on the pages: column headers with their bilingual meaning, facts with their sources."""

from __future__ import annotations

import functools
import re

import pandas as pd
import streamlit as st

from data.schema.dictionary import build_dictionary
from data.schema.tables import TABLES
from portal.i18n import STRINGS, current_lang, t, unit_label

#: helper columns that mean nothing to a reader: hidden on screen, kept in every download
HIDDEN_COLUMNS = frozenset({"name_key"})

#: units a header need not repeat (a year column holds years)
_UNITLESS_HEADERS = frozenset({None, "year", "month"})

#: a meaning is cut to a header at the first bracket, comma or colon (either width)
_LABEL_END = re.compile(r"[（(，,：:]")

#: companions of a quantity column (``seats_bound``, ``seats_high``) -> label template key
_COMPANIONS = (("_bound", "data.col_bound"), ("_high", "data.col_high"))


def short_label(meaning: str) -> str:
    """A column header from a dictionary meaning: the part before the first bracket or comma.

    Examples
    --------
    >>> short_label("呼叫中心标识（由规范化名称和城市生成）"), short_label("latitude, WGS-84")
    ('呼叫中心标识', 'Latitude')
    """
    head = _LABEL_END.split(meaning, maxsplit=1)[0].strip() or meaning.strip()
    return head[:1].upper() + head[1:]


@functools.cache
def _dictionary(table: str) -> dict[str, dict]:
    return {row["column"]: row for row in build_dictionary([table])}


def column_label(table: str, column: str, lang: str | None = None) -> str:
    """The short header of ``table.column`` in ``lang`` (default: the session's).

    From the data dictionary's meaning (:func:`short_label`), unless the translation table has
    ``col.<table>.<column>`` or ``col.<column>``; ``x_bound`` and ``x_high`` are named after
    ``x``. Unknown columns keep their field name.
    """
    lang = lang or current_lang()
    for key in (f"col.{table}.{column}", f"col.{column}"):
        if key in STRINGS:
            return t(key, lang)
    rows = _dictionary(table)
    for suffix, key in _COMPANIONS:
        base = column.removesuffix(suffix)
        if base != column and base in rows:
            return t(key, lang, label=column_label(table, base, lang))
    row = rows.get(column)
    return short_label(row[lang]) if row else column


def column_help(table: str, column: str, lang: str | None = None) -> str:
    """The tooltip of a header: full meaning, field name and unit."""
    lang = lang or current_lang()
    row = _dictionary(table).get(column)
    if row is None:
        return t("data.col_help_field", lang, field=column)
    unit = unit_label(row["unit"], lang) if row["unit"] else t("data.col_no_unit", lang)
    return t("data.col_help", lang, meaning=row[lang], field=column, unit=unit)


def displayed_columns(columns: list[str]) -> list[str]:
    """The columns shown on screen: every column but :data:`HIDDEN_COLUMNS`."""
    return [c for c in columns if c not in HIDDEN_COLUMNS]


def table_title(table: str) -> str:
    """The table's name in the current language (from the schema declaration)."""
    spec = TABLES[table]
    return f"{spec.zh}（{table}）" if current_lang() == "zh" else f"{spec.en} ({table})"


def column_config(table: str, columns: list[str]) -> dict:
    """Streamlit column settings: a short header in the reader's language, details in the help.

    Fractions are shown as percentages; the header names the unit when there is one.
    """
    lang = current_lang()
    rows = _dictionary(table)
    config = {}
    for name in columns:
        if name == "sources":
            config[name] = st.column_config.Column(
                t("data.sources_col"), help=t("data.col_help_field", field=name)
            )
            continue
        row = rows.get(name)
        if row is None:
            continue
        label = column_label(table, name, lang)
        unit = unit_label(row["unit"], lang) if row["unit"] not in _UNITLESS_HEADERS else ""
        if unit:
            label = t("data.col_with_unit", label=label, unit=unit)
        help_text = column_help(table, name, lang)
        if row["unit"] in ("fraction", "fraction/year") and row["type"] == "real":
            config[name] = st.column_config.NumberColumn(label, help=help_text, format="percent")
        else:
            config[name] = st.column_config.Column(label, help=help_text)
    return config


def render_table(table: str, frame: pd.DataFrame, key: str) -> None:
    """A browsable table: translated headers, helper columns hidden, missing values empty."""
    shown = frame[displayed_columns(list(frame.columns))]
    st.dataframe(
        shown,
        hide_index=True,
        width="stretch",
        column_config=column_config(table, list(shown.columns)),
        placeholder="",
        key=key,
    )


def render_facts(table: str, facts: pd.DataFrame, conflicts: list[str]) -> None:
    """Every value sources gave for one record, with the source and the evidence sentence."""
    if conflicts:
        fields = "、" if current_lang() == "zh" else ", "
        st.warning(
            t("data.conflicts", fields=fields.join(column_label(table, c) for c in conflicts))
        )
    shown = facts[
        ["field", "value", "source_title", "source_published", "evidence", "source_url"]
    ].copy()
    shown.insert(0, "label", [column_label(table, f) for f in shown["field"]])
    shown = shown.rename(
        columns={
            "label": t("data.fact_field"),
            "field": t("data.fact_field_name"),
            "value": t("data.fact_value"),
            "source_title": t("data.fact_source"),
            "source_published": t("data.fact_published"),
            "evidence": t("data.fact_evidence"),
            "source_url": t("data.fact_url"),
        }
    )
    st.dataframe(shown, hide_index=True, width="stretch", placeholder="")
