"""Runs of page text found in the repository's own files: the check that no third-party sentence
went into docs, code or tests (``make verbatim``; needs the git-ignored page folder).

A run is 14 or more Chinese characters and punctuation, or 8 or more English words, found word for
word in a saved page. Entity names are facts and show up too (``…12345政务服务便民热线``): the
listing is for a person to read, not a verdict. Label files, curated harvest files and the adjudicated
items hold names and values only and are not read.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from scrapers.corpus import PAGE_SUFFIXES

ROOT = Path(__file__).resolve().parents[2]
PAGES = ROOT / "scrapers" / "corpus" / "pages"
#: files that hold facts (names, values), not prose
SKIPPED = (
    "scrapers/corpus/labels/",
    "scrapers/corpus/second_labels/",
    "scrapers/corpus/adjudication/items.json",
    "data/curated/",
    "scrapers/corpus/pages/",
)
SUFFIXES = (".md", ".py", ".yaml", ".yml", ".toml", ".txt", ".json", ".csv")
_ZH_RUN = re.compile(r"[\u4e00-\u9fff，、。：；“”0-9]+")
_EN_RUN = re.compile(r"(?:[A-Za-z][A-Za-z'’-]* )*[A-Za-z][A-Za-z'’-]*")
_SPACE = re.compile(r"\s+")
#: the shortest copied run reported: Chinese characters, English words
ZH_CHARS, EN_WORDS = 14, 8


def _grams(text: str) -> tuple[set[str], set[tuple[str, ...]]]:
    zh = {run[i : i + ZH_CHARS] for m in _ZH_RUN.finditer(text) if len(run := m.group(0)) >= ZH_CHARS
          for i in range(len(run) - ZH_CHARS + 1)}  # fmt: skip
    en = set()
    for m in _EN_RUN.finditer(text):
        words = tuple(m.group(0).split(" "))
        en.update(words[i : i + EN_WORDS] for i in range(len(words) - EN_WORDS + 1))
    return zh, en


def _copied(units: list, size: int, seen: set, join: str) -> list[str]:
    """The longest stretches of ``units`` whose every window of ``size`` is in ``seen``."""
    hit = [False] * len(units)
    for i in range(len(units) - size + 1):
        window = units[i : i + size]
        if (join.join(window) if join is not None else tuple(window)) in seen:
            hit[i : i + size] = [True] * size
    out, start = [], None
    for i, h in enumerate([*hit, False]):
        if h and start is None:
            start = i
        elif not h and start is not None:
            out.append((" " if join is None else join).join(units[start:i]))
            start = None
    return out


def verbatim_runs(texts: dict[str, str], pages: list[str]) -> list[tuple[str, str]]:
    """(file, run) for each stretch of a file's text found word for word in one of ``pages``
    (at least :data:`ZH_CHARS` Chinese characters or :data:`EN_WORDS` English words; line
    breaks and runs of spaces count as one space)."""
    zh_seen, en_seen = _grams(_SPACE.sub(" ", "\n".join(pages)))
    found = []
    for name, text in texts.items():
        flat = _SPACE.sub(" ", text)
        runs = [run for m in _ZH_RUN.finditer(flat) if len(m.group(0)) >= ZH_CHARS
                for run in _copied(list(m.group(0)), ZH_CHARS, zh_seen, "")]  # fmt: skip
        runs += [run for m in _EN_RUN.finditer(flat)
                 for run in _copied(m.group(0).split(" "), EN_WORDS, en_seen, None)]  # fmt: skip
        found += [(name, run) for run in dict.fromkeys(runs)]
    return found


def _tracked_files() -> dict[str, str]:
    names = subprocess.run(
        ["git", "ls-files"], capture_output=True, text=True, cwd=ROOT, check=True
    ).stdout.split()
    out = {}
    for name in names:
        if name.startswith(SKIPPED) or not name.endswith(SUFFIXES):
            continue
        try:
            out[name] = (ROOT / name).read_text("utf-8")
        except (OSError, UnicodeDecodeError):
            continue
    return out


def main() -> int:
    pages = [
        p.read_text("utf-8", errors="replace")
        for p in sorted(PAGES.iterdir()) if p.suffix in PAGE_SUFFIXES
    ] if PAGES.is_dir() else []  # fmt: skip
    if not pages:
        print(f"no saved pages in {PAGES}: nothing to compare with", file=sys.stderr)
        return 2
    runs = verbatim_runs(_tracked_files(), pages)
    for name, run in runs:
        print(f"{name}: {run}")
    print(f"{len(runs)} runs of page text in tracked files ({len(pages)} pages read)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
