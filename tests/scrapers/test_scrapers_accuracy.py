"""Field accuracy of ``parkbench extract`` on the fixture corpus: >= 95 %, no invented values."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from scrapers.extract.errors import ExtractError
from scrapers.records import center_records

ROOT = Path(__file__).resolve().parents[2]
PROFILES = ROOT / "tests" / "fixtures" / "scrapers" / "profiles"
CASES = sorted(p for p in PROFILES.iterdir() if p.is_dir())


def score(records: list[dict], expected: list[dict]) -> tuple[int, int, list[str]]:
    """(fields right, fields expected, invented fields) for one page."""
    right, invented = 0, []
    for i, exp in enumerate(expected):
        got = records[i] if i < len(records) else {}
        right += sum(1 for k, v in exp.items() if got.get(k) == v)
    for i, got in enumerate(records):
        exp = expected[i] if i < len(expected) else {}
        invented += [f"{i}.{k}={v!r}" for k, v in got.items() if k not in exp and v is not None]
    return right, sum(len(e) for e in expected), invented


def test_corpus_accuracy_and_no_invented_values():
    right = total = 0
    invented: list[str] = []
    for case in CASES:
        expected = json.loads((case / "expected.json").read_text("utf-8"))
        body = (case / "page.html").read_bytes()
        if isinstance(expected, dict):
            with pytest.raises(ExtractError):
                center_records(body, case.as_uri())
            continue
        records = [
            {k: v for k, v in r.values.items() if k != "source_url"}
            for r in center_records(body, case.as_uri())
        ]
        assert len(records) == len(expected), case.name
        r, t, inv = score(records, expected)
        right, total = right + r, total + t
        invented += [f"{case.name}: {x}" for x in inv]
    assert total > 120
    assert right / total >= 0.95, f"field accuracy {right}/{total}"
    assert invented == []


def _centers(doc: list[dict]) -> list[dict]:
    return [c for page in doc for c in page["centers"]]


def test_extract_command_prints_one_object_per_page_for_paths_and_file_urls():
    pages = [
        str(PROFILES / "table2_gb2312" / "page.html"),
        (PROFILES / "winners_big5" / "page.html").as_uri(),
    ]
    out = subprocess.run(
        [sys.executable, "-m", "portal.cli", "extract", *pages, "--json"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    doc = json.loads(out.stdout)
    assert [d["page"] for d in doc] == pages
    assert all(set(d) == {"page", "centers", "parks", "incentives"} for d in doc)
    centers = _centers(doc)
    assert [d["name"] for d in centers] == [
        "杭州联合银行信用卡客服中心",
        "台北信达银行客服中心",
        "高雄港务客服中心",
    ]
    assert centers[0]["answer_rate"] == 0.9 and centers[0]["answer_rate_bound"] == "min"
    assert "answer_rate" not in centers[2]
    assert centers[0]["city"] == "杭州" and centers[0]["city_adcode"] == "330100"
    assert all(0 < c["confidence"] <= 1 for c in centers)


def test_extract_command_resolves_city_adcode_and_keeps_city_as_written(tmp_path):
    ambiguous = tmp_path / "suzhou.html"
    ambiguous.write_text(
        "<ul><li>Company name: Suzhou Care Ltd.</li><li>City: Suzhou</li><li>Seats: 80</li></ul>",
        encoding="utf-8",
    )
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "portal.cli",
            "extract",
            str(PROFILES / "listing_header_row_utf8" / "page.html"),
            str(ambiguous),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    doc = json.loads(out.stdout)
    got = [(d["city"], d["city_adcode"]) for d in _centers(doc)]
    assert got == [
        ("南京", "320100"),
        ("苏州", "320500"),
        ("寧波", "330200"),  # Traditional, resolved; the city stays as the page writes it
        ("合肥", "340100"),
        ("Suzhou", None),  # two prefecture cities are called Suzhou: ambiguous
    ]


def test_extract_command_exits_2_when_no_page_is_readable():
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "portal.cli",
            "extract",
            str(PROFILES / "not_html_pdf" / "page.html"),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert out.returncode == 2 and "not an HTML page" in out.stderr
    assert json.loads(out.stdout) == []
