"""Shared helpers of the browser tests: build and serve the portal, drive the system Chromium.

Playwright runs ``/usr/bin/chromium`` (never ``playwright install``) with the flags below;
the portal is ``parkbench build`` + ``parkbench serve`` in a subprocess whose real process
group is stopped at the end. Pages record their requests so a test can check that none left
127.0.0.1.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
ARTIFACTS = REPO / "test-artifacts"
CHROMIUM = "/usr/bin/chromium"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def portal_env(admin_password: str | None = None) -> dict[str, str]:
    """The environment of the server: this repo on the path, the admin password only if given."""
    env = {k: v for k, v in os.environ.items() if k != "PARKBENCH_ADMIN_PASSWORD"}
    env["PYTHONPATH"] = str(REPO)
    if admin_password:
        env["PARKBENCH_ADMIN_PASSWORD"] = admin_password
    return env


@contextlib.contextmanager
def serve_portal(db: Path, env: dict[str, str]) -> Iterator[str]:
    """``parkbench build`` into ``db``, then ``parkbench serve`` it; yields the base URL."""
    subprocess.run(
        [sys.executable, "-m", "portal.cli", "build", "--db", str(db)],
        cwd=REPO,
        env=env,
        check=True,
        capture_output=True,
    )
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "portal.cli", "serve", "--db", str(db), "--port", str(port)]
        + ["--host", "127.0.0.1"],
        cwd=REPO,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise RuntimeError("the portal did not start") from None
                time.sleep(0.5)
        yield url
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)


@contextlib.contextmanager
def launch_browser():
    """The system Chromium through Playwright (a fresh temporary profile per launch)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        try:
            yield b
        finally:
            b.close()


@contextlib.contextmanager
def open_page(browser, server: str):
    """A page in a new context; on exit, fails if any request left the server."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    pg = context.new_page()
    pg.requests = []
    pg.on("request", lambda r: pg.requests.append(r.url))
    pg.set_default_timeout(30_000)
    try:
        yield pg
    finally:
        outside = [u for u in pg.requests if not u.startswith((server, "data:", "blob:", "about:"))]
        context.close()
    assert not outside, f"requests left 127.0.0.1: {outside[:5]}"


def shot(pg, name: str) -> None:
    """A screenshot of the whole page in ``test-artifacts/portal-NAME.png``.

    Streamlit scrolls inside its main block, so the window is made as tall as that block for
    the shot (at most 8,000 px), then set back.
    """
    ARTIFACTS.mkdir(exist_ok=True)
    pg.wait_for_timeout(500)
    size = pg.viewport_size
    height = pg.evaluate(
        "() => { const m = document.querySelector('[data-testid=stMain]');"
        " return m ? m.scrollHeight : document.body.scrollHeight; }"
    )
    pg.set_viewport_size({"width": size["width"], "height": max(size["height"], min(height, 8000))})
    pg.wait_for_timeout(500)
    pg.screenshot(path=str(ARTIFACTS / f"portal-{name}.png"), full_page=True)
    pg.set_viewport_size(size)
