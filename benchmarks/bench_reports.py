"""Report benchmarks: the Compare report (data, HTML, PDF in Chinese and English) and the
Benchmark PDF on the built store; what closes the gap, closed form against a root search on
every amount (the peer: ``scipy.optimize.brentq`` alone, as a model that is not linear needs)."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

SITES = ("110000", "310000", "610100")


def _time(func, repeat: int = 1):
    best, out = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        out = func()
        best = min(best, time.perf_counter() - start)
    return best, out


def _gap_rows() -> list[dict]:
    from scipy.optimize import brentq

    from models.cost import CostInputs, compute_cost
    from models.gap import GAP_KINDS, close_gap, net_with

    x = CostInputs(seats=500)
    rival = compute_cost(x).net_per_seat_per_year - 1500.0
    ours, _ = _time(lambda: [close_gap(x, [], rival, k) for k in GAP_KINDS], repeat=5)

    def search():
        caps = {"rent": x.rent_cny_per_m2_month, "tax_rebate": 1.0}
        for k in GAP_KINDS:
            hi = caps.get(k, 1e6)
            if net_with(x, [], k, hi) > rival:
                continue
            brentq(lambda a, k=k: net_with(x, [], k, a) - rival, 0.0, hi, xtol=1e-9)

    peer, _ = _time(search, repeat=5)
    return [
        {
            "area": "reports",
            "case": "what closes the gap, 4 incentive kinds, 500 seats",
            "figure": ours,
            "unit": "s",
            "peer": "brentq on every kind",
            "peer_figure": peer,
            "note": "closed form from two cost runs, checked by a third",
        }
    ]


def run() -> list[dict]:
    from pypdf import PdfReader

    from data.store.build import build
    from portal.reports.benchmark import load_benchmark, render_benchmark_html
    from portal.reports.compare import render_compare_html
    from portal.reports.pdf import html_to_pdf
    from usecases.compare import CompareSettings, compare_sites
    from usecases.store import open_store

    rows = _gap_rows()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "parkbench.sqlite"
        build(db)
        settings = CompareSettings(SITES, preset="talent_first")
        seconds, data = _time(lambda: compare_sites(open_store(db), settings))
        rows.append({"area": "reports", "case": "compare data, 3 sites, built store (cold)",
                     "figure": seconds, "unit": "s", "note": "criteria table priced, stress test"})  # fmt: skip
        for lang in ("zh", "en"):
            seconds, page = _time(lambda lang=lang: render_compare_html(data, when="-", lang=lang))
            rows.append({"area": "reports", "case": f"compare HTML ({lang})", "figure": seconds,
                         "unit": "s", "note": f"{len(page.encode()):,} bytes, 3 PNG waterfalls"})  # fmt: skip
            seconds, pdf = _time(lambda page=page: html_to_pdf(page))
            pages = len(PdfReader(__import__("io").BytesIO(pdf)).pages)
            rows.append({"area": "reports", "case": f"compare PDF ({lang}), WeasyPrint",
                         "figure": seconds, "unit": "s",
                         "note": f"{pages} A4 pages, {len(pdf):,} bytes, CJK fonts embedded"})  # fmt: skip
        report = load_benchmark(db, by=["industry"], kpis={"answer_rate": 0.9, "aht_seconds": 250.0},
                                industry="金融", city="北京市")  # fmt: skip
        page = render_benchmark_html(report, when="-", lang="zh")
        seconds, pdf = _time(lambda: html_to_pdf(page))
        rows.append({"area": "reports", "case": "benchmark PDF (zh), WeasyPrint", "figure": seconds,
                     "unit": "s", "note": f"{len(pdf):,} bytes"})  # fmt: skip
    return rows
