"""Run the extractor over labelled pages and score it (I/O: reads the page and label folders)."""

from __future__ import annotations

import contextlib
import time
from collections import Counter
from dataclasses import replace
from pathlib import Path

from scrapers.corpus import CorpusError, Label, load_labels, page_path
from scrapers.corpus.score import STATUSES, Change, Report, build_report
from scrapers.extract.encoding import decode_page
from scrapers.extract.errors import ExtractError
from scrapers.extract.page import extract_page


def evaluate_corpus(pages: str | Path, labels: str | Path) -> Report:
    """Score ``extract_page`` on every labelled page found in ``pages``."""
    return _score_extractor(pages, load_labels(labels))


def _score_extractor(pages: str | Path, labels: list[Label]) -> Report:
    """``extract_page`` on the page of each label, scored; labels without a page are missing."""
    results, missing = [], []
    for label in labels:
        path = page_path(pages, label.id)
        if path is None:
            missing.append(label.id)
            continue
        body = path.read_bytes()
        try:
            found = extract_page(body, path.name).as_dict()
        except ExtractError:
            found = {}
        results.append(
            (replace(label, encoding=label.encoding or page_encoding(body, path)), found)
        )
    return build_report(results, missing)


def as_found(label: Label) -> dict:
    """A curator's label in the shape of the extractor's output, to be scored like it."""
    return {
        "centers": [dict(c) for c in label.centers],
        "parks": [dict(p) for p in label.parks],
        "incentives": [dict(i) for i in label.incentives],
    }


def agreement(pages: str | Path, labels: str | Path, second: str | Path) -> tuple[Report, Report]:
    """A second curator's labels scored against ``labels`` as if they were the extractor's, and
    the extractor on the same pages: how far two careful people agree is the ceiling any
    extractor is measured under. Only pages both curators labelled count."""
    firsts = {lab.id: lab for lab in load_labels(labels)}
    seconds = [lab for lab in load_labels(second) if lab.id in firsts]
    if not seconds:
        raise CorpusError(f"{second}: no label of a page that {labels} also labels")
    curator = build_report([(firsts[b.id], as_found(b)) for b in seconds], [])
    return curator, _score_extractor(pages, [firsts[b.id] for b in seconds])


def page_encoding(body: bytes, path: Path) -> str:
    """The charset a saved page decodes with: a text copy is UTF-8 when it reads as UTF-8;
    HTML as ``scrapers.extract.encoding.decode_page`` finds it (BOM, declaration, detection)."""
    if path.suffix == ".txt":
        try:
            body.decode("utf-8-sig")
            return "utf-8"
        except UnicodeDecodeError:
            pass
    try:
        return decode_page(body, "text/plain" if path.suffix == ".txt" else None).encoding.lower()
    except ExtractError:
        return "unknown"


def extraction_rate(pages: str | Path, labels: str | Path, rounds: int = 3) -> float:
    """Pages per second of ``extract_page`` over the labelled pages (read once, run ``rounds``)."""
    bodies = []
    for label in load_labels(labels):
        path = page_path(pages, label.id)
        if path is not None:
            bodies.append((path.read_bytes(), path.name))
    if not bodies:
        return 0.0
    start = time.perf_counter()
    for _ in range(rounds):
        for body, name in bodies:
            with contextlib.suppress(ExtractError):
                extract_page(body, name)
    return rounds * len(bodies) / (time.perf_counter() - start)


def _pct(x: float | None) -> str:
    return "   -" if x is None else f"{x:.2f}"


def format_report(report: Report) -> str:
    """The report as plain-text tables."""
    lines = [f"pages scored: {report.pages}"]
    if report.missing_pages:
        lines.append(f"labelled pages without a saved page: {len(report.missing_pages)}")

    def table(title: str, groups: dict) -> None:
        lines.append("")
        lines.append(
            f"{title:<34} {'prec':>5} {'rec':>5} {'right':>6} {'wrong':>6} {'extra':>6} {'miss':>5}"
        )
        for key, t in groups.items():
            lines.append(
                f"{key:<34} {_pct(t.precision):>5} {_pct(t.recall):>5} {t.right:>6} {t.wrong:>6}"
                f" {t.extra:>6} {t.missed:>5}"
            )

    table("overall", {"all facts": report.overall})
    table("by language", report.group(lambda f: f.lang))
    table("by page kind", report.group(lambda f: f.kind))
    table("by encoding", report.group(lambda f: f.encoding))
    sets = report.group(lambda f: f.split or "-")
    if len(sets) > 1:
        table("by label set", sets)
    table("by field", report.group(lambda f: f"{f.table}.{f.field}"))
    lines.append("")
    lines.append(f"{'confidence band':<34} {'prec':>5} {'facts':>6}")
    for row in report.calibration():
        lines.append(f"{row['band']:<34} {_pct(row['precision']):>5} {row['extracted']:>6}")
    high = report.at_least(0.8)
    lines.append(f"{'>= 0.8 (all)':<34} {_pct(high.precision):>5} {high.extracted:>6}")
    wrong = [f for f in report.facts if f.status == "wrong"]
    if wrong:
        lines.append("")
        lines.append("wrong values:")
        lines += [f"  {f.page}: {f.detail}" for f in wrong]
    return "\n".join(lines)


def format_changes(changes: list[Change], source: str) -> str:
    """What changed since a saved run: counts per status, then one line per changed fact."""
    gained: Counter = Counter(c.after for c in changes if c.after)
    lost: Counter = Counter(c.before for c in changes if c.before)
    counts = ", ".join(f"{s} +{gained[s]} -{lost[s]}" for s in STATUSES)
    lines = [f"since {source}: {counts}"]
    for c in changes:
        page, fld, _ = c.key
        lines.append(
            f"  {c.before or '(none)':>6} -> {c.after or '(none)':<6} {page} {fld} {c.detail}"
        )
    return "\n".join(lines)
