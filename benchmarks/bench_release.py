"""Release export time per format for the database ``parkbench build`` makes.

Each format is exported on its own into a fresh directory (collecting the published rows,
writing the files, dictionary, citation and checksums), so a figure is the whole cost of a
one-format release. Peers, measured in the same run on the same rows: pandas ``to_csv``,
``to_parquet`` and ``to_excel`` (openpyxl) of every release table, and ``frictionless.validate``
of the full package.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

import pandas as pd

from data.release.collect import collect_release
from data.release.package import export_release
from data.store.build import build
from data.store.database import open_db


def _timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def _pandas_peer(fmt: str, frames: dict[str, pd.DataFrame], out: Path):
    out.mkdir()
    for name, df in frames.items():
        if fmt == "csv":
            df.to_csv(out / f"{name}.csv", index=False)
        elif fmt == "parquet":
            df.to_parquet(out / f"{name}.parquet", index=False)
        else:
            df.to_excel(out / f"{name}.xlsx", index=False)


def run() -> list[dict]:
    import frictionless

    rows: list[dict] = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        build(tmp / "built.sqlite")
        db = open_db(tmp / "built.sqlite", read_only=True)
        try:
            data = collect_release(db)
            total = sum(len(r) for r in data.rows.values())
            frames = {
                t.name: pd.DataFrame(data.rows[t.name], columns=t.column_names) for t in data.tables
            }
            for fmt in ("csv", "parquet", "xlsx", "geojson", "sqlite"):
                formats = fmt if fmt in ("csv", "parquet", "xlsx") else f"csv,{fmt}"
                seconds = _timed(lambda f=formats, d=tmp / f"r_{fmt}": export_release(db, d, f))
                peer = peer_seconds = None
                note = f"{total:,} rows in {len(data.tables)} tables"
                if fmt in ("csv", "parquet", "xlsx"):
                    peer = f"pandas.to_{'excel' if fmt == 'xlsx' else fmt}"
                    peer_seconds = _timed(lambda f=fmt: _pandas_peer(f, frames, tmp / f"p_{f}"))
                else:
                    note += "; includes the csv package it ships with"
                rows.append(
                    {
                        "area": "release",
                        "case": f"export --format {formats}",
                        "figure": round(seconds, 3),
                        "unit": "s",
                        "peer": peer,
                        "peer_figure": None if peer_seconds is None else round(peer_seconds, 3),
                        "note": note,
                    }
                )
            full = tmp / "r_full"
            seconds = _timed(lambda: export_release(db, full))
            valid = {}
            check = _timed(
                lambda: valid.setdefault(
                    "ok", frictionless.validate(full / "datapackage.json").valid
                )
            )
            rows.append(
                {
                    "area": "release",
                    "case": "export, all formats",
                    "figure": round(seconds, 3),
                    "unit": "s",
                    "peer": "frictionless.validate",
                    "peer_figure": round(check, 3),
                    "note": f"package valid: {valid['ok']}",
                }
            )
        finally:
            db.conn.close()
    return rows


if __name__ == "__main__":
    for row in run():
        print(row)
