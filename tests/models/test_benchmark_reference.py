"""Benchmark never returns an empty report (issue 16): wider peers, else a labelled INDUSTRY REFERENCE."""

from __future__ import annotations

import csv
import json

import pandas as pd
from click.testing import CliRunner

from data.inputs.benchmark import load_industry_reference
from data.paths import INDUSTRY_KPIS_PATH
from models.peer_benchmark import (
    KPI_HIGHER_IS_BETTER,
    REFERENCE_LABEL,
    benchmark_report,
    size_band,
)
from portal.cli import cli


def _store(n_bank_small: int, n_bank_large: int, n_other: int):
    ids, industries, seats = [], [], []
    for i in range(n_bank_small):
        ids.append(f"s{i}"), industries.append("银行"), seats.append(50.0)
    for i in range(n_bank_large):
        ids.append(f"l{i}"), industries.append("银行"), seats.append(400.0)
    for i in range(n_other):
        ids.append(f"o{i}"), industries.append("电信"), seats.append(400.0)
    centers = pd.DataFrame({"id": ids, "name": ids, "industry": industries, "seats": seats})
    obs = pd.DataFrame(
        {
            "center_id": ids,
            "metric": "answer_rate",
            "value": [0.80 + 0.01 * i for i in range(len(ids))],
            "definition": "",
        }
    )
    return centers, obs


REF = load_industry_reference()


def test_the_shipped_reference_is_sourced_facts_of_known_kpis():
    rows = list(csv.DictReader(INDUSTRY_KPIS_PATH.open(encoding="utf-8")))
    assert len(rows) >= 15
    for row in rows:
        assert row["metric"] in KPI_HIGHER_IS_BETTER
        assert row["url"].startswith("http") and row["source"] and row["retrieved"]
        assert row["year"] or row["kind"] == "vendor page"  # a year, or a weak vendor figure
        if row["unit"] == "fraction":
            assert 0 < float(row["value"]) <= 1
    provenance = (INDUSTRY_KPIS_PATH.parent / "PROVENANCE.md").read_text(encoding="utf-8")
    assert all(row["url"] in provenance for row in rows)
    assert {r["metric"] for r in REF} >= {"answer_rate", "aht_seconds", "fcr_rate", "csat"}


def test_too_few_peers_in_the_full_group_widens_it():
    centers, obs = _store(n_bank_small=2, n_bank_large=2, n_other=3)
    target = {"industry": "银行", "size_band": size_band(300)}
    r = benchmark_report({"answer_rate": 0.9}, centers, obs, target=target, reference=REF)
    # industry + size band: 2 peers; industry: 4; all centers: 7 -> compared with all
    p = r["kpis"][0]
    assert p["peers"] == 7 and p["median"] is not None
    assert p["peer_group"] == {}
    assert {"code": "widened", "min": 5, "group": []} in p["notes"]  # compared with all centers
    assert p["industry_reference"] is None  # enough peers: no reference mixed in
    r = benchmark_report(
        {"answer_rate": 0.9}, *_store(3, 3, 0), target=target, reference=REF
    )  # fmt: skip
    assert r["kpis"][0]["peer_group"] == {"industry": "银行"}
    assert r["kpis"][0]["peers"] == 6


def test_no_group_large_enough_shows_the_labelled_reference_never_mixed():
    centers, obs = _store(1, 1, 1)
    r = benchmark_report(
        {"answer_rate": 0.9, "attrition_rate": 0.3},
        centers,
        obs,
        target={"industry": "银行"},
        by=["industry", "size_band"],  # no seats given: size band left out
        reference=REF,
    )
    assert r["peer_keys_unset"] == ["size_band"] and r["reference_shown"]
    answer, attrition = r["kpis"]
    assert answer["median"] is None and answer["percentile"] is None
    refs = answer["industry_reference"]
    assert refs and all(x["label"] == REFERENCE_LABEL for x in refs)
    assert refs[0]["industry"] == "银行" and refs[0]["year"] == 2024  # latest of the bank series
    assert all(x["industry"] in ("", "银行") for x in refs)  # never another industry's figure
    assert refs[0]["gap"] == 0.9 - refs[0]["value"]
    assert attrition["industry_reference"] is None  # none published: said so
    assert {"code": "no_reference"} in attrition["notes"]
    assert {"code": "reference_shown"} in answer["notes"]


def test_typed_in_benchmark_on_the_shipped_data_is_never_empty(built_db_path):
    run = CliRunner().invoke(
        cli,
        ["benchmark", "--db", str(built_db_path), "--kpi", "answer_rate=0.9,aht_seconds=300",
         "--json"],
    )  # fmt: skip
    assert run.exit_code == 0, run.output
    out = json.loads(run.output)
    assert out["peer_keys_unset"] == ["industry", "size_band"]
    for p in out["kpis"]:
        assert p["median"] is not None or p["industry_reference"], p
    text = (
        CliRunner()
        .invoke(
            cli,
            [
                "benchmark",
                "--db",
                str(built_db_path),
                "--kpi",
                "aht_seconds=260",
                "--industry",
                "银行",
            ],
        )
        .output
    )  # fewer than 5 stored centers report their handling time: the reference stands in
    assert f"{REFERENCE_LABEL}: 360 (year not stated;" in text and "http" in text
    with_peers = json.loads(
        CliRunner()
        .invoke(cli, ["benchmark", "--db", str(built_db_path), "--kpi", "csat=0.9", "--json"])
        .output
    )  # the harvested real centers report satisfaction: peers, and no reference mixed in
    (csat,) = with_peers["kpis"]
    assert csat["median"] is not None and not csat.get("industry_reference")
