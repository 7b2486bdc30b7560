"""Copy the gathered city-economics CSVs into ``data/reference/economics/`` (facts only).

Run once, by hand, when the gathered files change (nothing reads the staging folder at run
time)::

    PYTHONPATH=. .venv/bin/python scripts/prepare_economics.py /path/to/staging/economics

Keeps the columns of facts (value, unit, year or period, URL, query, retrieval date) and the
gatherers' own short notes. A wage row found in a code file whose repository the index did not
expose (``github:repo-unknown ...``) keeps the official page that file cites as its ``url`` and
says how it was reached in ``via``; a row without any http(s) address is dropped and printed.
Then run ``make economics`` to refit the estimates.
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

from data.inputs.economics import ECONOMICS_DIR

OUT = ECONOMICS_DIR
URL = re.compile(r"https?://[^\s,;()]+")


def _read(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _write(name: str, rows: list[dict], cols: list[str]) -> None:
    with open(OUT / name, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, cols, lineterminator="\n")
        w.writeheader()
        for r in rows:
            w.writerow({c: r.get(c, "") for c in cols})


def main(staging: Path) -> None:
    wages = []
    for r in _read(staging / "avg_wage.csv"):
        u, via = r["url"].strip(), ""
        if not u.startswith("http"):
            cited = URL.findall(u)
            if not cited:
                print("dropped (no web address):", r)
                continue
            m = re.search(r"index file id (\d+)", u)
            via = (
                f"third-party code file (GitHub index file id {m.group(1) if m else '?'}; "
                "repository not exposed) citing this page; value not checked against the page"
            )
            if "reprint" in u:
                via += "; the cited page is a reprint"
            u = cited[0]
        wages.append({**r, "url": u, "via": via})
    _write("avg_wage.csv", wages, ["level", "province", "city", "year", "indicator", "value",
                                   "unit", "url", "via", "query", "retrieved"])  # fmt: skip
    tiers = []
    for r in _read(staging / "minimum_wage.csv"):
        found = URL.findall(r["url"])
        tiers.append({**r, "url": found[0] if found else r["url"], "areas": r["cities"]})
    _write("minimum_wage.csv", tiers, ["province", "tier", "monthly_cny", "hourly_cny",
                                       "effective_date", "areas", "url", "query", "retrieved"])  # fmt: skip
    _write("office_rent.csv", _read(staging / "office_rent.csv"),
           ["city", "grade", "value", "unit", "period", "value_original", "unit_original",
            "note", "url", "query", "retrieved"])  # fmt: skip
    _write("agent_pay.csv", _read(staging / "agent_pay.csv"),
           ["city", "role", "value", "unit", "year", "note", "url", "query", "retrieved"])  # fmt: skip
    print(f"wrote {len(wages)} wage rows, {len(tiers)} minimum-wage rows to {OUT}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
