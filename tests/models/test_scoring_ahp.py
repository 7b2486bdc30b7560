"""AHP from named judgements, and `parkbench score --ahp`."""

from __future__ import annotations

import subprocess
import sys

import pytest

from models.errors import ModelInputError
from models.weights import ahp_from_judgements


def test_named_judgements_give_the_textbook_weights():
    names, r = ahp_from_judgements({("a", "b"): 3, ("a", "c"): 5, ("b", "c"): 3})
    assert names == ["a", "b", "c"]
    assert r.weights.round(3).tolist() == [0.637, 0.258, 0.105] and r.consistent


def test_reversed_pairs_are_reciprocals():
    n1, r1 = ahp_from_judgements({("a", "b"): 3, ("a", "c"): 5, ("b", "c"): 3})
    n2, r2 = ahp_from_judgements({("b", "a"): 1 / 3, ("a", "c"): 5, ("c", "b"): 1 / 3})
    w1 = dict(zip(n1, r1.weights.round(9).tolist(), strict=True))
    w2 = dict(zip(n2, r2.weights.round(9).tolist(), strict=True))
    assert w1 == w2


@pytest.mark.parametrize(
    ("judgements", "message"),
    [
        ({("a", "b"): 3, ("b", "c"): 3}, "missing pairwise judgements: a/c"),
        ({("a", "b"): 3, ("b", "a"): 3}, "judged twice"),
        ({("a", "a"): 3}, "itself"),
        ({("a", "b"): 0}, "positive"),
    ],
)
def test_incomplete_or_contradictory_judgements_are_refused(judgements, message):
    with pytest.raises(ModelInputError, match=message):
        ahp_from_judgements(judgements)


def test_score_cli_reports_the_consistency_ratio(built_db_path):
    base = [
        sys.executable,
        "-m",
        "portal.cli",
        "score",
        "--db",
        str(built_db_path),
        "--draws",
        "0",
        "--limit",
        "3",
    ]
    ok = subprocess.run(
        [*base, "--ahp", "labour/cost=3,labour/transport=5,cost/transport=3"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert ok.returncode == 0, ok.stderr
    assert "AHP consistency ratio 0.033 (consistent)" in ok.stdout
    bad = subprocess.run(
        [*base, "--ahp", "labour/cost=3,cost/transport=3,labour/transport=0.2"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert bad.returncode == 0 and "WARNING" in bad.stdout
    missing = subprocess.run(
        [*base, "--ahp", "labour/cost=3,cost/transport=3"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert missing.returncode == 2 and "missing pairwise judgements" in missing.stderr
