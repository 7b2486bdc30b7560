"""The administrator sign-in: a password from the environment or secrets, never a default."""

from __future__ import annotations

import hmac

import streamlit as st

from portal import services
from portal.i18n import t


def password_matches(given: str, expected: str) -> bool:
    """Constant-time comparison of the typed password with the configured one."""
    return hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


def render_sign_in() -> bool:
    """Ask for the password unless signed in; True when the session is authenticated.

    With no password configured the page is disabled and says how to enable it.
    """
    expected = services.admin_password()
    if not expected:
        st.error(t("admin.disabled"))
        return False
    if st.session_state.get("admin_ok"):
        if st.sidebar.button(t("admin.logout"), key="admin_logout"):
            st.session_state["admin_ok"] = False
            st.rerun()
        return True
    st.info(t("admin.need_login"))
    with st.form("admin_login"):
        given = st.text_input(t("admin.password"), type="password", key="admin_password")
        submitted = st.form_submit_button(t("admin.login"))
    if submitted:
        if password_matches(given or "", expected):
            st.session_state["admin_ok"] = True
            st.rerun()
        st.error(t("admin.wrong"))
    return False
