"""Fixtures of the browser tests (headless Chromium through Playwright, a served portal)."""

from __future__ import annotations

import pytest

from tests.browser_support import launch_browser, portal_env, serve_portal


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The portal on a database built from the curated data (a module may serve its own)."""
    db = tmp_path_factory.mktemp("browser") / "parkbench.sqlite"
    with serve_portal(db, portal_env()) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    """One headless Chromium per test module."""
    with launch_browser() as b:
        yield b
