"""The admin sign-in slows down after wrong passwords and locks after repeated ones."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from portal.i18n import STRINGS
from portal.throttle import LoginThrottle
from tests.portal_support import APP


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_waits_double_then_lock():
    clock = FakeClock()
    throttle = LoginThrottle(max_failures=5, lock_seconds=900, clock=clock)
    waits = []
    for _ in range(4):
        assert throttle.wait_seconds("ip") == 0
        throttle.failed("ip")
        waits.append(throttle.wait_seconds("ip"))
        clock.now += waits[-1]
    assert waits == [1, 2, 4, 8]
    throttle.failed("ip")
    assert throttle.locked("ip") and throttle.wait_seconds("ip") == 900
    assert throttle.wait_seconds("other") == 0  # another client is not affected
    clock.now += 899
    assert throttle.locked("ip")
    clock.now += 1
    assert not throttle.locked("ip") and throttle.wait_seconds("ip") == 0
    throttle.succeeded("ip")
    throttle.failed("ip")
    assert throttle.wait_seconds("ip") == 1  # a success starts the count again


@pytest.fixture
def admin(tmp_path, monkeypatch):
    from data.store.database import open_db
    from portal import services

    path = tmp_path / "parkbench.sqlite"
    open_db(path).conn.close()
    clock = FakeClock()
    throttle = LoginThrottle(max_failures=5, lock_seconds=900, clock=clock)
    monkeypatch.setattr(services, "login_throttle", lambda: throttle)
    monkeypatch.setenv("PARKBENCH_DB", str(path))
    monkeypatch.setenv("PARKBENCH_ADMIN_PASSWORD", "s3cret-pass")
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.run()
    at.switch_page("views/admin.py")
    at.run()
    return at, clock


def _try(at: AppTest, password: str) -> list[str]:
    at.text_input(key="admin_password").input(password)
    at.button[0].click().run()
    assert not at.exception, at.exception
    return [e.value for e in at.error]


def test_admin_page_locks_after_repeated_failures(admin):
    at, clock = admin
    assert _try(at, "guess1") == [STRINGS["admin.wrong"]["zh"]]
    slow = _try(at, "guess2")  # within a second of the first failure: refused unchecked
    assert slow and "1 秒" in slow[0]
    for i in range(4):
        clock.now += 60
        assert _try(at, f"guess{i + 3}") == [STRINGS["admin.wrong"]["zh"]]
    clock.now += 60
    locked = _try(at, "s3cret-pass")  # even the right password waits out the lock
    assert locked and "锁定" in locked[0]
    assert not at.get("file_uploader")
    clock.now += 15 * 60
    _try(at, "s3cret-pass")
    assert at.get("file_uploader"), "after the lock the right password signs in"
