"""A stored center is benchmarked on its achieved KPIs only, never on counts or targets."""

from __future__ import annotations

import subprocess
import sys

import pandas as pd

from models.peer_benchmark import stored_center_inputs


def test_counts_and_targets_are_not_benchmarked():
    centers = pd.DataFrame(
        [{"id": "c1", "name": "甲", "industry": "金融", "seats": 300, "province": "浙江省"}]
    )
    obs = pd.DataFrame(
        [
            {
                "center_id": "c1",
                "metric": "wechat_service_items",
                "value": 79.0,
                "definition": None,
                "is_target": 0,
            },
            {
                "center_id": "c1",
                "metric": "answer_rate",
                "value": 0.95,
                "definition": None,
                "is_target": 1,
            },
            {
                "center_id": "c1",
                "metric": "answer_rate",
                "value": 0.91,
                "definition": None,
                "is_target": 0,
            },
        ]
    )
    got = stored_center_inputs(centers, obs, "甲")
    assert got.kpis == {"answer_rate": 0.91}


def test_cli_says_when_a_stored_center_has_nothing_to_benchmark(built_db_path):
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "portal.cli",
            "benchmark",
            "--center",
            "招商银行信用卡中心",
            "--db",
            str(built_db_path),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 2
    assert "no stored KPI that can be benchmarked" in done.stderr and "Traceback" not in done.stderr


def test_a_target_key_held_as_nan_is_unset_not_a_peer_group_of_nan():
    """A stored center of unknown seats gives size_band NaN from its frame: the key is unset."""
    import pandas as pd

    from models.peer_benchmark import benchmark_report

    centers = pd.DataFrame({"id": list("abcdef"), "industry": "政务", "seats": 120.0})
    obs = pd.DataFrame(
        {
            "center_id": list("abcdef"),
            "metric": "answer_rate",
            "value": [0.80, 0.84, 0.86, 0.90, 0.92, 0.95],
            "definition": "",
        }
    )
    report = benchmark_report(
        {"answer_rate": 0.91},
        centers,
        obs,
        target={"industry": "政务", "size_band": float("nan")},
        by=["industry", "size_band"],
    )
    assert "size_band" not in report["peer_group"]
    assert report["peer_keys_unset"] == ["size_band"]
    assert report["peer_centers"] == 6
