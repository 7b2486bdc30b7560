"""The administrator sign-in: a password from the environment or secrets, never a default.

Guessing is slowed down and then stopped (:class:`portal.throttle.LoginThrottle`): after the n-th wrong
password in a row the next try is refused for ``2 ** (n - 1)`` seconds, and after
``PARKBENCH_LOGIN_MAX_FAILURES`` (5) wrong passwords sign-in is locked for
``PARKBENCH_LOGIN_LOCK_MINUTES`` (15) minutes; while refused, the typed password is not even
compared. Failures count per client address (one shared count when Streamlit does not know it)
across sessions, so opening a new tab does not reset them; a correct password resets them.
"""

from __future__ import annotations

import hmac
import math

import streamlit as st

from portal import services
from portal.i18n import t


def _client_key() -> str:
    try:
        ip = st.context.ip_address
    except Exception:  # no request context
        return "admin"
    return ip if isinstance(ip, str) and ip else "admin"


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
        throttle, key = services.login_throttle(), _client_key()
        wait = throttle.wait_seconds(key)
        if wait > 0:  # refused without comparing the password
            name = "admin.locked" if throttle.locked(key) else "admin.slow_down"
            st.error(t(name, seconds=math.ceil(wait), minutes=math.ceil(wait / 60)))
            return False
        if password_matches(given or "", expected):
            throttle.succeeded(key)
            st.session_state["admin_ok"] = True
            st.rerun()
        throttle.failed(key)
        st.error(t("admin.wrong"))
    return False
