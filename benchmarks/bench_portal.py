"""Portal: server time to render each page (AppTest) on the built database and on a synthetic
10,000-center / 3,000-park database, and the size of the map payload."""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

APP = Path(__file__).resolve().parents[1] / "portal" / "app.py"
PAGES = ("overview", "map", "data")


def _render_times(db: Path) -> dict[str, float]:
    from streamlit.testing.v1 import AppTest

    os.environ["PARKBENCH_DB"] = str(db)
    at = AppTest.from_file(str(APP), default_timeout=120)
    out = {}
    for page in PAGES:
        start = time.perf_counter()
        if page == "overview":
            at.run()
        else:
            at.switch_page(f"views/{page}.py")
            at.run()
        out[page] = time.perf_counter() - start
        if at.exception:
            raise RuntimeError(f"{page}: {at.exception}")
    return out


def _map_payload(db: Path) -> float:
    from data import queries
    from data.store import open_db
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
    )
    return len(map_html(m).encode("utf-8")) / 1e6


def run() -> list[dict]:
    from data.build import build
    from data.fixtures import write_fixture_store

    rows = []
    saved = os.environ.get("PARKBENCH_DB")
    with tempfile.TemporaryDirectory() as tmp:
        real = Path(tmp) / "real.sqlite"
        build(real)
        big = Path(tmp) / "big.sqlite"
        write_fixture_store(big, n_centers=10_000, n_parks=3_000).conn.close()
        try:
            for label, db in (("built db", real), ("10k centers + 3k parks", big)):
                for page, seconds in _render_times(db).items():
                    rows.append(
                        {
                            "area": "portal",
                            "case": f"render {page} ({label})",
                            "figure": seconds,
                            "unit": "s",
                            "peer": None,
                            "peer_figure": None,
                            "note": "AppTest first run, server side",
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
                        "note": "folium HTML incl. boundaries and markers",
                    }
                )
        finally:
            if saved is None:
                os.environ.pop("PARKBENCH_DB", None)
            else:
                os.environ["PARKBENCH_DB"] = saved
    return rows
