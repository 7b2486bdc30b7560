"""Fixtures of the browser tests (headless Chromium through Playwright, a served portal)."""

from __future__ import annotations

import os

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


@pytest.fixture(scope="module")
def synthetic_visible():
    """Opt this module in to seeing synthetic (fixture) rows on the public pages.

    Public pages hide entities backed only by generated sources (``data.store.public``); the page
    tests that run on a fixture store ask to see them, as a demo portal would, with
    ``PARKBENCH_SHOW_SYNTHETIC=1`` for the module's duration (servers started meanwhile inherit it).
    """
    from data.store.public import SHOW_SYNTHETIC_ENV

    saved = os.environ.get(SHOW_SYNTHETIC_ENV)
    os.environ[SHOW_SYNTHETIC_ENV] = "1"
    yield
    if saved is None:
        os.environ.pop(SHOW_SYNTHETIC_ENV, None)
    else:
        os.environ[SHOW_SYNTHETIC_ENV] = saved
