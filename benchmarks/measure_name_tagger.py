"""Would a name tagger learned from the labelled corpus find the centers and parks the rules miss?

A measurement, not part of the extractor: a linear-chain CRF (python-crfsuite through
sklearn-crfsuite, extra ``nlp-measure``) tags the characters of Chinese pages (Simplified, mirror
pinyin removed, as the extractor reads them) as begin / inside / outside a center's or a park's
name. Its training tags come from the labels (every place a labelled name or alias occurs in the
page). It is cross-validated by label set: trained on four sets, scored on the fifth, so no page
it is scored on was seen in training. Names are matched as the evaluator matches them
(``scrapers.corpus.score.same_entity``).

For each set it prints the name recall and precision of the rules (the extractor as it stands), of
the tagger alone, and of both together, and how many names the tagger adds to the rules' and how
many of those are labelled. Run: ``python -m benchmarks.measure_name_tagger`` (about 3 minutes on
2 cores; the git-ignored page folder must be there, ``scrapers/corpus/README.md``).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1] / "scrapers" / "corpus"
SETS = ("dev", "heldout", "unseen", "unseen2", "unseen3")
_SENTENCE = re.compile(r"(?<=[。！？!?；;\n])")
#: a character's marginal probability of being outside any name above which it is outside
OUTSIDE = 0.8


def _tags(label, text: str) -> list[str]:
    """BIO tags of every occurrence of a labelled name or alias, longest names first."""
    from benchmarks.measure_nlp_libraries import all_names

    tags = ["O"] * len(text)
    names = [
        (n, kind)
        for kind, table in (("CEN", label.centers), ("PARK", label.parks))
        for e in table
        for n in all_names(e)
        if len(n) >= 2
    ]
    for name, kind in sorted(names, key=lambda x: -len(x[0])):
        for m in re.finditer(re.escape(name), text):
            a, b = m.span()
            if all(t == "O" for t in tags[a:b]):
                tags[a:b] = [f"B-{kind}"] + [f"I-{kind}"] * (b - a - 1)
    return tags


def _kind(c: str) -> str:
    if c.isdigit():
        return "D"
    if c.isascii() and c.isalpha():
        return "L"
    if "\u4e00" <= c <= "\u9fff":
        return "C"
    return "S" if c.isspace() else "P"


def _features(s: str) -> list[dict]:
    def at(i: int) -> str:
        return s[i] if 0 <= i < len(s) else ("^" if i < 0 else "$")

    return [
        {
            "bias": 1.0, "c0": at(i), "c-1": at(i - 1), "c1": at(i + 1), "c-2": at(i - 2),
            "c2": at(i + 2), "b-1": at(i - 1) + at(i), "b1": at(i) + at(i + 1),
            "b-2": at(i - 2) + at(i - 1), "b2": at(i + 1) + at(i + 2),
            "tri": at(i - 1) + at(i) + at(i + 1), "k": _kind(at(i)),
            "k-1k1": _kind(at(i - 1)) + _kind(at(i + 1)),
            "next3": s[i + 1 : i + 4], "prev3": s[max(0, i - 3) : i],
        }
        for i in range(len(s))
    ]  # fmt: skip


def _sentences(text: str):
    return [s for s in _SENTENCE.split(text) if s.strip()]


def _train(pages: list[dict]):
    import sklearn_crfsuite

    xs, ys = [], []
    for p in pages:
        text = p["simp"]
        tags, pos = _tags(p["label"], text), 0
        for s in _SENTENCE.split(text):
            if s.strip():
                xs.append(_features(s))
                ys.append(tags[pos : pos + len(s)])
            pos += len(s)
    crf = sklearn_crfsuite.CRF(
        algorithm="lbfgs", c1=0.05, c2=0.05, max_iterations=150, all_possible_transitions=True
    )
    crf.fit(xs, ys)
    return crf


def _tagged_names(crf, text: str) -> list[dict]:
    """Names the tagger finds: runs of characters whose chance of being outside a name is
    below :data:`OUTSIDE`, four characters or more."""
    names = []
    for s in _sentences(text):
        inside = [m["O"] < OUTSIDE for m in crf.predict_marginals_single(_features(s))]
        start = None
        for i, flag in enumerate([*inside, False]):
            if flag and start is None:
                start = i
            elif not flag and start is not None:
                name = s[start:i].strip()
                if len(name) >= 4 and name not in {n["name"] for n in names}:
                    names.append({"name": name})
                start = None
    return names


def _recall_precision(got: list[dict], want: list[dict]) -> tuple[int, int]:
    from scrapers.corpus.score import same_entity

    found = sum(any(same_entity(g, w) for g in got) for w in want)
    right = sum(any(same_entity(g, w) for w in want) for g in got)
    return found, right


def measure() -> list[dict]:
    from benchmarks.measure_nlp_libraries import entities, load_pages
    from scrapers.corpus.score import same_entity
    from scrapers.extract.page import extract_page

    # every Chinese page read once; the rules' names once per page
    pages = [p for p in load_pages(ROOT / "pages", ROOT / "labels") if p["zh"]]
    for p in pages:
        result = extract_page(p["body"], p["name"]).as_dict()
        p["rules"] = result["centers"] + result["parks"]
    rows = []
    for held in SETS:
        crf = _train([p for p in pages if p["set"] in SETS and p["set"] != held])
        tally = dict.fromkeys(("labelled", "rules", "rules_right", "rules_found", "tagger",
                               "tagger_right", "tagger_found", "added", "added_right",
                               "both_found"), 0)  # fmt: skip
        for p in (p for p in pages if p["set"] == held):
            want, rules = entities(p["label"]), p["rules"]
            tagged = _tagged_names(crf, p["simp"])
            added = [t for t in tagged if not any(same_entity(t, r) for r in rules)]
            tally["labelled"] += len(want)
            for key, got in (("rules", rules), ("tagger", tagged), ("added", added)):
                found, right = _recall_precision(got, want)
                tally[key] += len(got)
                tally[f"{key}_right"] += right
                if key != "added":
                    tally[f"{key}_found"] += found
            tally["both_found"] += _recall_precision(rules + added, want)[0]
        rows.append({"set": held, **tally})
    return rows


def main() -> int:
    if not (ROOT / "pages").is_dir():
        print(f"no page folder at {ROOT / 'pages'}: rebuild it (scrapers/corpus/README.md)")
        return 0
    try:
        import sklearn_crfsuite  # noqa: F401
    except ImportError:
        print("sklearn-crfsuite is not installed: pip install -e '.[nlp-measure]'")
        return 0
    print("Chinese pages, names of centers and parks; tagger trained on the other four sets")
    print(f"{'set':9s} {'names':>5s}  {'rules R/P':>11s}  {'tagger R/P':>11s}  "
          f"{'both R/P':>11s}  {'added (labelled)':>16s}")  # fmt: skip
    for r in measure():
        n = max(r["labelled"], 1)

        def rp(found, right, got, n=n):
            return f"{found / n:.2f}/{right / max(got, 1):.2f}"

        both_got = r["rules"] + r["added"]
        print(
            f"{r['set']:9s} {r['labelled']:5d}  {rp(r['rules_found'], r['rules_right'], r['rules']):>11s}"
            f"  {rp(r['tagger_found'], r['tagger_right'], r['tagger']):>11s}"
            f"  {rp(r['both_found'], r['rules_right'] + r['added_right'], both_got):>11s}"
            f"  {r['added']:>9d} ({r['added_right']})"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
