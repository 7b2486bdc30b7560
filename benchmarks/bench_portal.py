"""Portal: server time to render each page (AppTest) on the built database and on the built database
plus 10,000 synthetic centers and 3,000 parks, browser time until the map's markers show, and the size of the map payload."""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

APP = Path(__file__).resolve().parents[1] / "portal" / "app.py"
PAGES = ("overview", "map", "data", "compare", "staffing", "benchmark", "awards", "admin")


def _render_times(db: Path) -> dict[str, tuple[float, float]]:
    """``{page: (first visit, second visit)}`` server seconds (AppTest, one session).

    The first visit builds the caches of ``portal.services`` (what the first reader after a
    start or an import waits); the second is what every later visit costs.
    """
    from streamlit.testing.v1 import AppTest

    os.environ["PARKBENCH_DB"] = str(db)
    at = AppTest.from_file(str(APP), default_timeout=300)
    out: dict[str, list[float]] = {}
    for _ in range(2):
        for page in PAGES:
            start = time.perf_counter()
            at.switch_page(f"views/{page}.py")
            at.run()
            out.setdefault(page, []).append(time.perf_counter() - start)
            if at.exception:
                raise RuntimeError(f"{page}: {at.exception}")
    return {page: (times[0], times[1]) for page, times in out.items()}


def _map_interactions(db: Path) -> dict[str, float]:
    """Server seconds of a warm Map page's reruns: an indicator change, a filter, a click."""
    from streamlit.testing.v1 import AppTest

    os.environ["PARKBENCH_DB"] = str(db)
    at = AppTest.from_file(str(APP), default_timeout=300)
    at.switch_page("views/map.py")
    at.run()
    # warm the caches the steps use, as a running portal has them after a few readers
    for indicator in ("population_2020", "working_age_population_2020", ""):
        at.selectbox(key="map_indicator").set_value(indicator).run()
    at.multiselect(key="map_provinces").set_value(["北京市"]).run()
    at.multiselect(key="map_provinces").set_value([]).run()
    steps = {
        "indicator change": lambda: at.selectbox(key="map_indicator").set_value("population_2020"),
        "indicator change (another)": lambda: at.selectbox(key="map_indicator").set_value(
            "working_age_population_2020"
        ),
        "province filter": lambda: at.multiselect(key="map_provinces").set_value(["北京市"]),
        "seat filter": lambda: at.slider(key="map_seats").set_value((100, 5000)),
    }
    out = {}
    for name, step in steps.items():
        widget = step()
        start = time.perf_counter()
        widget.run()
        out[name] = time.perf_counter() - start
        if at.exception:
            raise RuntimeError(f"map {name}: {at.exception}")
    return out


def _map_payload(db: Path) -> float:
    from data.store import queries
    from data.store.database import open_db
    from portal.components.map import build_map, map_html, read_boundaries

    store = open_db(db, read_only=True)
    labels = dict.fromkeys(
        ("cities", "lines", "centers", "parks", "seats", "source", "precision_city", "choropleth"),
        "x",
    )
    m = build_map(
        prefectures=read_boundaries("prefectures"),
        lines=read_boundaries("lines"),
        border=read_boundaries("border"),
        centers=queries.load_markers(store, "centers"),
        parks=queries.load_markers(store, "parks"),
        labels=labels,
        choropleth=queries.city_indicator_values(store, "population_2020"),
    )
    return len(map_html(m).encode("utf-8")) / 1e6


def _browser_marker_seconds(db: Path) -> float | None:
    """Seconds from navigating to /map until the first marker cluster is visible in Chromium.

    Starts ``parkbench serve`` on ``db`` and drives headless /usr/bin/chromium with Playwright
    (as tests/test_portal_browser.py does); the app is warmed with one visit first, so the
    figure is what a reader sees on a running portal. None without Chromium.
    """
    import signal
    import socket
    import subprocess
    import sys
    import urllib.request

    chromium = Path("/usr/bin/chromium")
    if not chromium.exists():
        return None
    from playwright.sync_api import sync_playwright

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {k: v for k, v in os.environ.items() if k != "PARKBENCH_ADMIN_PASSWORD"}
    env["PYTHONPATH"] = str(APP.parents[1])
    proc = subprocess.Popen(
        [sys.executable, "-m", "portal.cli", "serve", "--db", str(db), "--port", str(port),
         "--host", "127.0.0.1"],
        cwd=APP.parents[1], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        start_new_session=True,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2):
                    break
            except OSError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise RuntimeError("the portal did not start") from None
                time.sleep(0.5)
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path=str(chromium), args=["--headless", "--no-sandbox", "--disable-gpu"]
            )
            timings = []
            for _ in range(2):  # the first visit warms the server's caches
                page = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
                page.set_default_timeout(60_000)
                start = time.perf_counter()
                page.goto(f"{url}/map")
                frame = page.frame_locator("iframe[title='streamlit_folium.st_folium']")
                frame.locator(".marker-cluster").first.wait_for(state="visible")
                timings.append(time.perf_counter() - start)
                page.context.close()
            browser.close()
        return timings[-1]
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)


def run() -> list[dict]:
    from data.store.build import build
    from data.store.fixtures import write_fixture_store

    rows = []
    saved = os.environ.get("PARKBENCH_DB")
    # the 10k store is synthetic: a demo portal that shows it opts in, as this bench does
    os.environ["PARKBENCH_SHOW_SYNTHETIC"] = "1"
    with tempfile.TemporaryDirectory() as tmp:
        real = Path(tmp) / "real.sqlite"
        build(real)
        big = Path(tmp) / "big.sqlite"
        build(big)  # the geography layer (cities) under the synthetic rows, as a real store has
        write_fixture_store(big, n_centers=10_000, n_parks=3_000).conn.close()
        try:
            for label, db in (("built db", real), ("10k centers + 3k parks", big)):
                for page, (first, again) in _render_times(db).items():
                    for case, seconds, note in (
                        (f"render {page} ({label})", first, "first visit: builds the caches"),
                        (f"render {page} again ({label})", again, "a later visit"),
                    ):
                        rows.append(
                            {
                                "area": "portal",
                                "case": case,
                                "figure": seconds,
                                "unit": "s",
                                "peer": None,
                                "peer_figure": None,
                                "note": f"AppTest, server side; {note}; target < 2 s",
                            }
                        )
                for step, seconds in _map_interactions(db).items():
                    rows.append(
                        {
                            "area": "portal",
                            "case": f"map {step} ({label})",
                            "figure": seconds,
                            "unit": "s",
                            "peer": None,
                            "peer_figure": None,
                            "note": "AppTest rerun, server side; target < 1.5 s",
                        }
                    )
                # browser timing on the large store only (keeps the module near a minute)
                seconds = _browser_marker_seconds(db) if db == big else None
                if seconds is not None:
                    rows.append(
                        {
                            "area": "portal",
                            "case": f"browser: map markers visible ({label})",
                            "figure": seconds,
                            "unit": "s",
                            "peer": None,
                            "peer_figure": None,
                            "note": "headless Chromium, goto /map until a cluster shows, warm "
                            "server; target < 4 s",
                        }
                    )
                rows.append(
                    {
                        "area": "portal",
                        "case": f"map payload ({label})",
                        "figure": _map_payload(db),
                        "unit": "MB",
                        "peer": None,
                        "peer_figure": None,
                        "note": "map HTML incl. boundaries and markers; target < 4 MB",
                    }
                )
        finally:
            if saved is None:
                os.environ.pop("PARKBENCH_DB", None)
            else:
                os.environ["PARKBENCH_DB"] = saved
    return rows
