"""The Overview page's tables and chart data, in the reader's language."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from portal.components.tables import column_config
from portal.i18n import STRINGS, t


def label_provinces(by_province: pd.DataFrame) -> pd.DataFrame:
    """Counts per province with rows of no province named "未注明省份" / "Province not stated"."""
    out = by_province.copy()
    missing = out["province"].isna() | (out["province"].astype(str).str.strip() == "")
    out.loc[missing, "province"] = t("overview.no_province")
    return out


def source_kind_label(kind: object) -> object:
    """A source kind (``curated``, ``scrape`` ...) in the reader's language; unknown kinds as is."""
    key = f"source_kind.{kind}"
    return t(key) if key in STRINGS else kind


def render_latest_sources(sources: pd.DataFrame) -> None:
    """The latest sources with translated headers (from the data dictionary) and kinds."""
    shown = sources.copy()
    if "kind" in shown.columns:
        shown["kind"] = shown["kind"].map(source_kind_label)
    config = column_config("sources", list(shown.columns))
    if "facts" in shown.columns:
        config["facts"] = st.column_config.NumberColumn(t("overview.col_facts"))
    st.dataframe(
        shown,
        hide_index=True,
        width="stretch",
        column_config=config,
        placeholder="",
        key="overview_sources",
    )
