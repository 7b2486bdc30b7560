"""The real-page corpus: labels (committed) and page texts (a local, git-ignored folder).

``load_labels`` reads label files (``<id>.json``) from a file or a folder (searched
recursively, so ``labels/`` gives dev and held-out, ``labels/dev`` the dev part only);
``page_path`` finds the text of a label's page in a page folder (``<id>.txt`` or ``<id>.html``).
See ``scrapers/corpus/README.md`` for the format and how the corpus was built.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from data.errors import ParkBenchError

CORPUS_DIR = Path(__file__).resolve().parent
LABELS_DIR = CORPUS_DIR / "labels"
PAGES_DIR = CORPUS_DIR / "pages"
PAGE_SUFFIXES = (".txt", ".html", ".htm")
LANGS = ("zh-Hans", "zh-Hant", "en")


class CorpusError(ParkBenchError):
    """A label file or folder that cannot be read."""


@dataclass(frozen=True)
class Label:
    """One labelled page: its id, metadata and the expected facts."""

    id: str
    lang: str
    kind: str
    split: str
    url: str
    mirror_pinyin: bool
    centers: tuple[dict, ...]
    parks: tuple[dict, ...]
    incentives: tuple[dict, ...]
    #: the charset the page was served in, when its collector recorded it (``gbk``, ``big5``);
    #: empty: the evaluator takes the encoding its saved copy decodes with
    encoding: str = ""


def _label(path: Path) -> Label:
    try:
        doc = json.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CorpusError(f"{path}: not a readable label file ({exc})") from exc
    if not isinstance(doc, dict) or "id" not in doc:
        raise CorpusError(f"{path}: a label needs an object with an 'id'")
    return Label(
        id=str(doc["id"]),
        lang=str(doc.get("lang", "")),
        kind=str(doc.get("kind", "")),
        split=str(doc.get("split", "")),
        url=str(doc.get("url", "")),
        mirror_pinyin=bool(doc.get("mirror_pinyin", False)),
        centers=tuple(doc.get("centers") or ()),
        parks=tuple(doc.get("parks") or ()),
        incentives=tuple(doc.get("incentives") or ()),
        encoding=str(doc.get("encoding") or "").lower(),
    )


def load_labels(path: str | Path) -> list[Label]:
    """Labels of a file or of every ``*.json`` under a folder, sorted by id."""
    path = Path(path)
    if path.is_file():
        return [_label(path)]
    if not path.is_dir():
        raise CorpusError(f"{path}: no such label file or folder")
    labels = [_label(p) for p in sorted(path.rglob("*.json"))]
    return sorted(labels, key=lambda lab: lab.id)


def page_path(pages: str | Path, page_id: str) -> Path | None:
    """The saved page of ``page_id`` in ``pages`` (``.txt`` first, then HTML), or ``None``."""
    for suffix in PAGE_SUFFIXES:
        candidate = Path(pages) / f"{page_id}{suffix}"
        if candidate.is_file():
            return candidate
    return None
