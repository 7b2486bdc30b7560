"""The adjudicated scores of the blind sets: the arithmetic, and the committed study's integrity."""

from __future__ import annotations

from collections import Counter

import pytest

from scrapers.corpus import CorpusError
from scrapers.corpus.adjudication import VERDICTS, adjudicate, format_study, load_study

TOTALS = [
    {"split": "s1", "lang": "zh-Hans", "right": 8, "wrong": 2, "extra": 4, "missed": 10},
    {"split": "s1", "lang": "en", "right": 1, "wrong": 0, "extra": 1, "missed": 0},
]
ITEMS = [
    {"id": "e1", "split": "s1", "lang": "zh-Hans", "status": "extra"},
    {"id": "e2", "split": "s1", "lang": "zh-Hans", "status": "extra"},
    {"id": "e3", "split": "s1", "lang": "zh-Hans", "status": "extra"},
    {"id": "e4", "split": "s1", "lang": "zh-Hans", "status": "extra"},
    {"id": "w1", "split": "s1", "lang": "zh-Hans", "status": "wrong",
     "sides": {"a": "curator", "b": "extractor"}},
    {"id": "w2", "split": "s1", "lang": "zh-Hans", "status": "wrong",
     "sides": {"a": "extractor", "b": "curator"}},
    {"id": "m1", "split": "s1", "lang": "zh-Hans", "status": "missed"},
    {"id": "m2", "split": "s1", "lang": "zh-Hans", "status": "missed"},
    {"id": "m3", "split": "s1", "lang": "zh-Hans", "status": "missed"},
    {"id": "m4", "split": "s1", "lang": "zh-Hans", "status": "missed"},
    {"id": "x1", "split": "s1", "lang": "en", "status": "extra"},
]  # fmt: skip
VERDICT = {
    "e1": "yes", "e2": "yes", "e3": "no", "e4": "unsure",
    "w1": "b",  # the extractor's reading stands
    "w2": "b",  # the curator's
    "m1": "yes", "m2": "yes", "m3": "yes", "m4": "no",
    "x1": "no",
}  # fmt: skip


def _verdicts(**changed):
    return {k: {"verdict": changed.get(k, v), "reason": "test"} for k, v in VERDICT.items()}


def test_adjudicated_scores_of_one_language():
    a = adjudicate(TOTALS, ITEMS, _verdicts(), group="zh-Hans")
    # extracted 14: right 8 + 2 of 4 extras stated + 1 differing value where the extractor's stands
    assert a.raw_precision == pytest.approx(8 / 14)
    assert a.precision == pytest.approx(11 / 14)
    # the page's facts: those 11 + the curator's one value + 3/4 of 10 missed facts
    assert a.recall == pytest.approx(11 / (11 + 1 + 7.5))
    assert a.raw_recall == pytest.approx(8 / 20)
    assert (a.wrong_extractor, a.wrong_curator, a.judged) == (1, 1, 10)


def test_unsure_verdicts_count_as_asked():
    none = adjudicate(TOTALS, ITEMS, _verdicts(), group="zh-Hans", unsure=0.0)
    half = adjudicate(TOTALS, ITEMS, _verdicts(), group="zh-Hans", unsure=0.5)
    assert (none.extras_stated, half.extras_stated) == (0.5, 0.625)


def test_all_pools_the_groups():
    a = adjudicate(TOTALS, ITEMS, _verdicts())
    assert a.pages_facts == {"right": 9, "wrong": 2, "extra": 5, "missed": 10}
    assert a.extras_stated == pytest.approx(2 / 5)


def test_a_missing_or_unknown_verdict_is_a_clear_error():
    verdicts = _verdicts(e3="maybe")
    with pytest.raises(CorpusError, match="e3"):
        adjudicate(TOTALS, ITEMS, verdicts)


def test_the_committed_study_is_whole():
    totals, items, verdicts = load_study()
    assert {i["id"] for i in items} == set(verdicts)
    assert all(v["verdict"] in VERDICTS and v["reason"] for v in verdicts.values())
    assert all(set(i["sides"].values()) == {"extractor", "curator"}
               for i in items if i["status"] == "wrong")  # fmt: skip
    # every extra and every differing value of each set was judged; missed facts were sampled
    judged = Counter((i["split"], i["lang"], i["status"]) for i in items)
    for row in totals:
        for status in ("extra", "wrong"):
            assert judged[(row["split"], row["lang"], status)] == row[status], row
        assert judged[(row["split"], row["lang"], "missed")] <= row["missed"]
    assert "unseen8" in format_study()


def test_a_folder_without_a_study_is_a_clear_error(tmp_path):
    with pytest.raises(CorpusError, match="not a readable adjudication study"):
        load_study(tmp_path)
