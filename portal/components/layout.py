"""Page furniture shared by every page: the language switch and the database check."""

from __future__ import annotations

import streamlit as st

from data.errors import StoreError
from portal import services
from portal.i18n import DEFAULT_LANG, LANGS, md, t

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


def failure_message(exc: BaseException) -> str:
    """What a reader sees when a page fails: translated, one line, no traceback or path."""
    import sqlite3

    from data.errors import ParkBenchError

    if isinstance(exc, sqlite3.OperationalError) and ("locked" in str(exc) or "busy" in str(exc)):
        return t("app.db_busy")
    if isinstance(exc, ParkBenchError):
        return md(" ".join(str(exc).split()))
    return t("app.failed", kind=type(exc).__name__)


def render_failure(exc: Exception) -> None:
    """Log the traceback on the server; show the reader :func:`failure_message` only.

    With ``PARKBENCH_RAISE_ERRORS=1`` (the test suite) the error is raised again, so tests
    still see every exception.
    """
    import logging
    import os

    if os.environ.get("PARKBENCH_RAISE_ERRORS"):
        raise exc
    logging.getLogger("parkbench.portal").error("page failed", exc_info=exc)
    st.error(failure_message(exc))
