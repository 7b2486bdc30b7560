"""Tables on the pages: column headers with their bilingual meaning, facts with their sources."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from data.schema import TABLES
from portal.i18n import current_lang, t, unit_label


def table_title(table: str) -> str:
    """The table's name in the current language (from the schema declaration)."""
    spec = TABLES[table]
    return f"{spec.zh}（{table}）" if current_lang() == "zh" else f"{spec.en} ({table})"


def column_config(table: str, columns: list[str]) -> dict:
    """Streamlit column settings: each header explains the column and names its unit."""
    spec = TABLES[table]
    lang = current_lang()
    config = {}
    for name in columns:
        try:
            col = spec.column(name)
        except KeyError:
            continue
        meaning = col.zh if lang == "zh" else col.en
        unit = unit_label(col.unit, lang)
        label = f"{name} [{unit}]" if unit else name
        config[name] = st.column_config.Column(label, help=meaning)
    return config


def render_table(table: str, frame: pd.DataFrame, key: str) -> None:
    """A browsable table with explained headers."""
    config = column_config(table, list(frame.columns))
    if "sources" in frame.columns:
        config["sources"] = st.column_config.Column(t("data.sources_col"))
    st.dataframe(frame, hide_index=True, width="stretch", column_config=config, key=key)


def render_facts(facts: pd.DataFrame, conflicts: list[str]) -> None:
    """Every value sources gave for one record, with the source and the evidence sentence."""
    if conflicts:
        st.warning(t("data.conflicts", fields=", ".join(conflicts)))
    shown = facts[
        ["field", "value", "source_title", "source_published", "evidence", "source_url"]
    ].rename(
        columns={
            "field": t("data.fact_field"),
            "value": t("data.fact_value"),
            "source_title": t("data.fact_source"),
            "source_published": t("data.fact_published"),
            "evidence": t("data.fact_evidence"),
            "source_url": t("data.fact_url"),
        }
    )
    st.dataframe(shown, hide_index=True, width="stretch")
