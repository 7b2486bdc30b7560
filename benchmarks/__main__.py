"""`make bench`: run every benchmarks/bench_*.py and print one table of figures.

Each module exposes ``run() -> list[dict]`` with rows ``{"area", "case", "figure", "unit",
"peer", "peer_figure", "note"}``; the peer is the reference library or baseline measured in
the same run; "speed vs peer" is ours relative to the peer (2.00x = twice as fast), whether the
figure is a time or a rate. ``python -m benchmarks store normalise`` runs only the named modules.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
import time
import traceback
from pathlib import Path


def _fmt(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        if value >= 100:
            return f"{value:,.0f}"
        return f"{value:.3g}"
    return str(value)


TIME_UNITS = {"s", "ms", "us"}


def _speed(row: dict) -> str:
    """Our speed relative to the peer (>1: faster), for time and rate figures alike."""
    ours, peer, unit = row.get("figure"), row.get("peer_figure"), str(row.get("unit", ""))
    if not ours or not peer:
        return ""
    if unit in TIME_UNITS:
        return f"{peer / ours:.2f}x"
    if unit.endswith("/s"):
        return f"{ours / peer:.2f}x"
    return ""


def main(argv: list[str]) -> int:
    names = sorted(
        m.name
        for m in pkgutil.iter_modules([str(Path(__file__).parent)])
        if m.name.startswith("bench_")
    )
    if argv:
        names = [n for n in names if n.removeprefix("bench_") in argv]
    rows: list[dict] = []
    failed = []
    for name in names:
        start = time.perf_counter()
        try:
            rows.extend(importlib.import_module(f"benchmarks.{name}").run())
        except Exception:  # a broken benchmark is reported, the others still run
            failed.append(name)
            traceback.print_exc()
        print(f"[{name} done in {time.perf_counter() - start:.1f} s]", file=sys.stderr)
    headers = ["area", "case", "figure", "unit", "peer", "peer figure", "speed vs peer", "note"]
    table = []
    for r in rows:
        ratio = _speed(r)
        table.append(
            [
                r.get("area", ""),
                r.get("case", ""),
                _fmt(r.get("figure")),
                r.get("unit", ""),
                r.get("peer") or "",
                _fmt(r.get("peer_figure")),
                ratio,
                r.get("note") or "",
            ]
        )
    widths = [max(len(str(x)) for x in col) for col in zip(headers, *table, strict=False)]
    line = " | ".join(h.ljust(w) for h, w in zip(headers, widths, strict=False))
    print(line)
    print("-+-".join("-" * w for w in widths))
    for row in table:
        print(" | ".join(str(x).ljust(w) for x, w in zip(row, widths, strict=False)))
    if failed:
        print(f"\nfailed: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
