"""Every command, fed broken inputs, ends with one clear line on stderr and exit 2."""

from __future__ import annotations

import sqlite3

import pytest

from portal.cli import COMMANDS, main
from tests.security.broken import workbook_without_sheets


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    d = tmp_path_factory.mktemp("broken")
    from data.store.database import open_db

    good = d / "good.sqlite"
    open_db(good).conn.close()
    (d / "empty.csv").write_bytes(b"")
    (d / "empty.xlsx").write_bytes(b"")
    (d / "image.csv").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    (d / "corrupt.xlsx").write_bytes(b"PK\x03\x04" + b"not really a zip" * 50)
    (d / "nosheets.xlsx").write_bytes(workbook_without_sheets())
    (d / "text.sqlite").write_text("this is not a database\n" * 100, encoding="utf-8")
    (d / "empty.sqlite").write_bytes(b"")
    (d / "bad.yaml").write_text("areas: [unclosed\n  - : :\n", encoding="utf-8")
    (d / "adir").mkdir()
    (d / "html.html").write_bytes(b"\xff\xfe\x00\x00" * 10)
    return d


def cases(d):
    good, missing = str(d / "good.sqlite"), str(d / "nope" / "missing.sqlite")
    text_db, empty_db = str(d / "text.sqlite"), str(d / "empty.sqlite")
    out = []
    for name in ("empty.csv", "empty.xlsx", "image.csv", "corrupt.xlsx", "nosheets.xlsx", "adir"):
        f = str(d / name)
        out += [
            ["import", f, "--db", good],
            ["staffing", "--plan", f],
            ["score", "--criteria-file", f, "--criterion", "x:labour:higher:1", "--db", good],
        ]
    out += [
        ["import", str(d / "missing.csv"), "--db", good],
        ["staffing", "--plan", str(d / "missing.csv")],
        ["extract", str(d / "missing.html")],
        ["awards", "--rubric", str(d / "missing.yaml"), "--db", good],
        ["awards", "--rubric", str(d / "bad.yaml"), "--db", good],
        ["export", "--out", str(d / "image.csv"), "--db", good],
        ["export", "--out", str(d / "newrel"), "--compare", str(d / "adir"), "--db", good],
        ["template", "--out", str(d / "t.pdf")],
        ["build", "--db", str(d / "adir")],
        ["template", "--out", str(d / "adir")],
        ["staffing", "--calls-per-hour", "many"],
        ["cost", "--city", "北京", "--seats", "-3", "--db", good],
        ["evaluate", "--pages", str(d / "adir"), "--labels", str(d / "missing.json")],
        ["evaluate", "--pages", str(d / "adir"), "--labels", str(d / "bad.yaml")],
        ["harvest", "--pages", str(d / "adir"), "--labels", str(d / "nope")],
        ["report", "compare", "--sites", "北京,上海", "--out", str(d / "r.doc"), "--db", good],
        [
            "report",
            "benchmark",
            "--kpi",
            "answer_rate=abc",
            "--out",
            str(d / "r.html"),
            "--db",
            good,
        ],
        ["api", "--release", str(d / "adir")],
    ]
    out = [(argv, True) for argv in out]
    for db in (missing, text_db, empty_db):
        # a missing or empty file is a new, empty store for some commands: they may succeed
        out += [
            (argv, db == text_db)
            for argv in [
                ["import", str(d / "image.csv"), "--db", db],
                ["export", "--out", str(d / f"rel_{len(out)}"), "--db", db],
                ["review", "list", "--db", db],
                ["review", "accept", "nope", "--db", db],
                ["sites", "--db", db],
                ["score", "--db", db],
                ["benchmark", "--center", "x", "--db", db],
                ["awards", "--db", db],
                ["cost", "--city", "北京", "--seats", "100", "--db", db],
                ["crawl", "profiles", "--start-url", "http://127.0.0.1:9/", "--db", db],
            ]
        ]
    return out


def test_the_walk_covers_every_command(files):
    named = {argv[0] for argv, _ in cases(files)}
    assert named >= set(COMMANDS) - {"serve"}  # serve starts a server: checked separately


def _run(argv, capsys):
    try:
        main(argv)
        code = 0
    except SystemExit as exc:
        code = exc.code
    return code, capsys.readouterr().err


def test_broken_inputs_give_one_line_and_exit_2(files, capsys, monkeypatch):
    monkeypatch.delenv("PARKBENCH_RAISE_ERRORS", raising=False)
    bad = []
    for argv, must_fail in cases(files):
        code, err = _run(argv, capsys)
        lines = [line for line in err.splitlines() if line.strip()]
        failed_cleanly = code == 2 and len(lines) == 1 and lines[0].startswith("Error")
        if "Traceback" in err or (must_fail or code != 0) and not failed_cleanly:
            bad.append(f"{argv}: exit {code}, stderr {err!r}")
    assert not bad, "\n".join(bad)


def test_locked_database_is_one_line(files, capsys, monkeypatch, write_csv):
    monkeypatch.delenv("PARKBENCH_RAISE_ERRORS", raising=False)
    monkeypatch.setenv("PARKBENCH_BUSY_TIMEOUT_MS", "200")
    db = str(files / "good.sqlite")
    upload = write_csv([["name", "city"], ["某中心", "合肥"]])
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        for argv in (["import", str(upload), "--db", db], ["review", "reject", "x", "--db", db]):
            code, err = _run(argv, capsys)
            assert code == 2 and "Traceback" not in err, err
            assert len(err.strip().splitlines()) == 1 and "locked" in err, err
    finally:
        holder.execute("ROLLBACK")
        holder.close()
