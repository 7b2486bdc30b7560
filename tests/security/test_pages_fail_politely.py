"""Pages never show a traceback: a translated message instead (zh and en)."""

from __future__ import annotations

import sqlite3

import pytest
from streamlit.testing.v1 import AppTest

from portal.i18n import STRINGS
from tests.portal_support import APP
from tests.security.broken import workbook_without_sheets


@pytest.fixture(scope="module")
def portal_db(tmp_path_factory):
    from data.store.build import build

    path = tmp_path_factory.mktemp("polite") / "parkbench.sqlite"
    build(path)
    return path


def _open(page: str, db, monkeypatch) -> AppTest:
    monkeypatch.delenv("PARKBENCH_RAISE_ERRORS", raising=False)
    monkeypatch.setenv("PARKBENCH_DB", str(db))
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.run()
    at.switch_page(page)
    at.run()
    return at


def _shown(at: AppTest) -> str:
    return "\n".join(
        str(e.value) for kind in ("error", "warning", "markdown") for e in at.get(kind)
    )


def test_staffing_upload_of_a_workbook_without_sheets(portal_db, monkeypatch):
    at = _open("views/staffing.py", portal_db, monkeypatch)
    at.file_uploader(key="staff_plan").set_value(
        ("plan.xlsx", workbook_without_sheets(), "application/octet-stream")
    )
    at.run()
    assert not at.exception, at.exception
    errors = [e.value for e in at.error]
    assert errors and "no sheets" in errors[0]
    assert "Traceback" not in _shown(at) and "site-packages" not in _shown(at)


def test_admin_commit_while_the_database_is_locked(portal_db, monkeypatch, write_csv):
    monkeypatch.setenv("PARKBENCH_ADMIN_PASSWORD", "s3cret-pass")
    monkeypatch.setenv("PARKBENCH_BUSY_TIMEOUT_MS", "200")
    at = _open("views/admin.py", portal_db, monkeypatch)
    at.session_state["admin_ok"] = True
    at.run()
    upload = write_csv([["name", "city", "seats"], ["锁测试中心", "合肥", "50"]])
    at.file_uploader(key="admin_upload").set_value(("c.csv", upload.read_bytes(), "text/csv"))
    at.run()
    holder = sqlite3.connect(portal_db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        at.button(key="admin_commit").click()
        at.run()
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert not at.exception, at.exception
    messages = [e.value for e in at.error]
    assert STRINGS["app.db_busy"]["zh"] in messages
    assert "locked" not in _shown(at) and "Traceback" not in _shown(at)


def test_failure_messages_are_translated(monkeypatch):
    from portal.components.layout import failure_message

    for lang in ("zh", "en"):
        monkeypatch.setattr("portal.i18n.current_lang", lambda lang=lang: lang)
        locked = failure_message(sqlite3.OperationalError("database is locked"))
        assert locked == STRINGS["app.db_busy"][lang]
        other = failure_message(KeyError("/srv/secret/path.py"))
        assert "/srv/secret" not in other and "KeyError" in other
