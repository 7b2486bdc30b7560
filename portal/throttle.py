"""Failed sign-ins, counted per client: an exponential wait, then a lock (no Streamlit here).

One instance per server process lives in :func:`portal.services.login_throttle`; the sign-in
form (:mod:`portal.components.auth`) asks it before comparing a password.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable


class LoginThrottle:
    """Consecutive failed sign-ins per key: exponential wait, then a lock (clock injectable)."""

    def __init__(
        self,
        max_failures: int | None = None,
        lock_seconds: float | None = None,
        base_delay_seconds: float = 1.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.max_failures = max_failures or int(os.environ.get("PARKBENCH_LOGIN_MAX_FAILURES", 5))
        minutes = float(os.environ.get("PARKBENCH_LOGIN_LOCK_MINUTES", 15))
        self.lock_seconds = lock_seconds if lock_seconds is not None else minutes * 60
        self.base_delay_seconds = base_delay_seconds
        self.clock = clock
        self._state: dict[str, tuple[int, float]] = {}  # key -> (failures, not before)
        self._lock = threading.Lock()

    def wait_seconds(self, key: str) -> float:
        """Seconds before ``key`` may try again (0 when it may try now)."""
        with self._lock:
            _, not_before = self._state.get(key, (0, 0.0))
            return max(0.0, not_before - self.clock())

    def locked(self, key: str) -> bool:
        """True while ``key`` is locked out after too many failures."""
        with self._lock:
            failures, not_before = self._state.get(key, (0, 0.0))
        return failures >= self.max_failures and self.clock() < not_before

    def failed(self, key: str) -> None:
        """Count a wrong password: wait 1, 2, 4 ... s, or lock after ``max_failures``."""
        with self._lock:
            failures = self._state.get(key, (0, 0.0))[0] + 1
            if failures >= self.max_failures:
                wait = self.lock_seconds
            else:
                wait = self.base_delay_seconds * 2 ** (failures - 1)
            self._state[key] = (failures, self.clock() + wait)

    def succeeded(self, key: str) -> None:
        """A correct password: forget the failures of ``key``."""
        with self._lock:
            self._state.pop(key, None)

    def reset(self) -> None:
        """Forget every failure (tests)."""
        with self._lock:
            self._state.clear()
