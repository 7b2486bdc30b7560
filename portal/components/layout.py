"""Page furniture shared by every page: the language switch and the database check."""

from __future__ import annotations

import streamlit as st

from data.errors import StoreError
from portal import services
from portal.components.links import remember, share_url
from portal.i18n import DEFAULT_LANG, LANGS, md, t

LANG_NAMES = {"zh": "中文", "en": "English"}


def render_language_switch() -> str:
    """The sidebar switch between Simplified Chinese (default) and English; returns the code.

    The language lives in the URL (``?lang=en``): a shared link or a reload opens the page in
    the language it was left in.
    """
    from portal.components.links import MEMORY

    asked = st.query_params.get("lang")
    written = st.session_state.get(MEMORY, {}).get("lang")
    if asked in LANGS and [asked] != written:  # a link or a reload names the language
        st.session_state["lang"] = asked
        st.session_state["lang_switch"] = asked
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
    remember("lang", st.session_state["lang"])
    return st.session_state["lang"]


#: page-wide style: long figures wrap instead of being cut off ("23.04万元/座席/…"); smaller
#: figures on a phone
PAGE_CSS = """<style>
[data-testid="stMetricValue"] > div { white-space: normal; overflow: visible;
  text-overflow: clip; overflow-wrap: anywhere; }
@media (max-width: 640px) {
  [data-testid="stMetricValue"] { font-size: 1.5rem; }
  h1 { font-size: 1.8rem !important; }
}
</style>"""


#: Streamlit's own English words replaced in the Chinese pages where CSS can reach them
#: (the file uploader's button and size limit); the words stay for screen readers
ZH_DEFAULTS_CSS = """<style>
[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p,
[data-testid="stFileUploaderDropzoneInstructions"] span { font-size: 0; }
[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p::after {
  content: "%(upload)s"; font-size: 0.875rem; }
[data-testid="stFileUploaderDropzoneInstructions"] span::after {
  content: "%(limit)s"; font-size: 0.875rem; }
</style>"""


def render_page_style(lang: str | None = None) -> None:
    """The page-wide style above (no visible element), in Chinese with Streamlit's words."""
    css = PAGE_CSS
    if (lang or st.session_state.get("lang", DEFAULT_LANG)) == "zh":
        css += ZH_DEFAULTS_CSS % {
            "upload": t("app.upload_button", lang="zh"),
            "limit": t("app.upload_limit", lang="zh"),
        }
    st.html(css)


def render_share_link() -> None:
    """A sidebar control that shows this view's address, with a button that copies it."""
    with st.sidebar.popover(t("app.share"), icon=":material/link:", width="stretch"):
        st.caption(t("app.share_help"))
        st.code(share_url(), language=None, wrap_lines=True)


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
