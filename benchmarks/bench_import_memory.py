"""Peak memory of importing a large generated CSV, and refusing a zip-bomb workbook.

The import runs in a fresh subprocess (``parkbench import`` into a new store); its peak
resident memory (``resource.getrusage(RUSAGE_SELF).ru_maxrss``) minus the peak of a process
that only imports the same modules is the memory the import itself needed, reported as a ratio
to the file size (target of issue 12: at most about 10x). The size is 50 MB unless
``PARKBENCH_BENCH_IMPORT_MB`` says otherwise. The zip bomb is a 1.6 MB XLSX whose sheet
unzips to about 1.65 GB: it must be refused in well under a second using little memory.
"""

from __future__ import annotations

import csv
import json
import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CITIES = ["北京", "上海", "杭州", "成都", "大连", "西安", "合肥", "武汉", "长沙", "南京"]
INDUSTRIES = ["电信", "金融", "保险", "电子商务", "政府", "制造"]

#: what the zip bomb inflates to (about 1.6 MB zipped)
BOMB_BYTES = 1_650_000_000

_PROBE = """
import json, resource, sys, time
from data.imports.importer import import_file
from data.store.database import open_db
import data.imports.tabular, data.ingest.pipeline, openpyxl
start = time.perf_counter()
error = None
if sys.argv[1] != "-":
    db = open_db(sys.argv[2])
    try:
        import_file(db, sys.argv[1], "centers")
    except Exception as exc:
        error = f"{type(exc).__name__}: {exc}"
    db.conn.close()
print(json.dumps({"seconds": time.perf_counter() - start, "error": error,
                  "maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
"""


def write_centers_csv(path: Path, megabytes: float, seed: int = 7) -> int:
    """A centers CSV of about ``megabytes`` MB (Chinese names, numbers, a description)."""
    rnd = random.Random(seed)
    target = int(megabytes * 1e6)
    rows = 0
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["名称", "城市", "行业", "座席数", "员工人数", "接通率", "平均处理时长", "简介"])
        while fh.tell() < target:
            for _ in range(1000):
                w.writerow(
                    [
                        f"测试呼叫中心{rows:07d}",
                        rnd.choice(CITIES),
                        rnd.choice(INDUSTRIES),
                        rnd.randint(20, 3000),
                        rnd.randint(30, 5000),
                        f"{rnd.uniform(70, 99):.1f}%",
                        rnd.randint(120, 600),
                        "提供客户服务与电话营销，" * rnd.randint(1, 4),
                    ]
                )
                rows += 1
    return rows


def write_zip_bomb(path: Path, sheet_bytes: int = 2_600_000_000) -> None:
    """A valid-looking XLSX whose sheet XML inflates to ``sheet_bytes`` (a run of one byte)."""
    import io
    import zipfile

    from openpyxl import Workbook

    buf = io.BytesIO()
    Workbook().save(buf)
    with zipfile.ZipFile(buf) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename == "xl/worksheets/sheet1.xml":
                entry = zipfile.ZipInfo(info.filename)
                entry.compress_type = zipfile.ZIP_DEFLATED
                with dst.open(entry, "w", force_zip64=True) as fh:
                    head = b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
                    fh.write(head)
                    tail = b"</sheetData></worksheet>"
                    block = b" " * (1 << 24)
                    blocks, rest = divmod(sheet_bytes - len(head) - len(tail), len(block))
                    for _ in range(blocks):
                        fh.write(block)
                    fh.write(b" " * rest + tail)
            else:
                dst.writestr(info, src.read(info.filename))


def measure(file: Path | None, db: Path) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, str(file) if file else "-", str(db)],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def run() -> list[dict]:
    megabytes = float(os.environ.get("PARKBENCH_BENCH_IMPORT_MB", "50"))
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        base = measure(None, tmp / "base.sqlite")
        big = tmp / "centers.csv"
        n = write_centers_csv(big, megabytes)
        size_mb = big.stat().st_size / 1e6
        got = measure(big, tmp / "import.sqlite")
        used_mb = (got["maxrss_kb"] - base["maxrss_kb"]) / 1024 * 1.048576
        rows.append(
            {
                "area": "import",
                "case": f"peak memory, {size_mb:.0f} MB CSV ({n:,} centers)",
                "figure": used_mb,
                "unit": "MB",
                "note": f"{used_mb / size_mb:.1f}x the file; {got['seconds']:.0f} s"
                + (f"; {got['error']}" if got["error"] else ""),
            }
        )
        bomb = tmp / "bomb.xlsx"
        write_zip_bomb(bomb, BOMB_BYTES)
        got = measure(bomb, tmp / "bomb.sqlite")
        used_mb = (got["maxrss_kb"] - base["maxrss_kb"]) / 1024 * 1.048576
        rows.append(
            {
                "area": "import",
                "case": f"zip-bomb XLSX ({bomb.stat().st_size / 1e6:.1f} MB -> {BOMB_BYTES / 1e9:.1f} GB) refused",
                "figure": got["seconds"],
                "unit": "s",
                "note": f"peak +{used_mb:.0f} MB; {(got['error'] or 'ACCEPTED')[:80]}",
            }
        )
    return rows
