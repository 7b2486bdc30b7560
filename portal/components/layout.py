"""Page furniture shared by every page: the language switch and the database check."""

from __future__ import annotations

import streamlit as st

from data.errors import StoreError
from portal import services
from portal.i18n import DEFAULT_LANG, LANGS, t

LANG_NAMES = {"zh": "中文", "en": "English"}


def render_language_switch() -> str:
    """The sidebar switch between Simplified Chinese (default) and English; returns the code."""
    if st.session_state.get("lang") not in LANGS:
        st.session_state["lang"] = DEFAULT_LANG

    def switch() -> None:
        st.session_state["lang"] = st.session_state["lang_switch"]

    st.sidebar.radio(
        t("app.language"),
        LANGS,
        index=LANGS.index(st.session_state["lang"]),
        format_func=LANG_NAMES.__getitem__,
        key="lang_switch",
        on_change=switch,
        horizontal=True,
    )
    return st.session_state["lang"]


def require_database() -> None:
    """Stop the page with an explanation when the database file is missing."""
    try:
        services.db_version()
    except StoreError:
        st.error(t("app.no_db", path=services.db_path()))
        st.stop()
