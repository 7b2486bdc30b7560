"""The industry vocabulary: raw values in English or synonyms are read to one Chinese name."""

from __future__ import annotations

import pytest

from data.ingest.records import check_record
from data.normalise.industries import INDUSTRIES, SYNONYMS, canonical_industry
from data.store.build import build
from data.store.database import open_db


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("bank", "银行"),
        ("Credit Card", "银行"),
        ("  telecom ", "电信"),
        ("E-commerce", "电商"),
        ("电子商务", "电商"),
        ("BPO", "外包"),
        ("Government services", "政务"),
        ("金融", "金融"),
        ("公交", "交通"),  # a bus company's line is transport
        ("gas", "燃气"),
        ("茶叶", "茶叶"),  # unknown values are kept as written
    ],
)
def test_raw_industries_read_to_the_vocabulary(raw, expected):
    assert canonical_industry(raw) == expected


def test_every_synonym_points_into_the_vocabulary():
    assert set(SYNONYMS.values()) <= set(INDUSTRIES)
    assert all(canonical_industry(en) == zh for zh, en in INDUSTRIES.items())


def test_the_import_path_reads_an_english_industry():
    checked = check_record("centers", {"name": "某某客服中心", "industry": "Banking"})
    assert checked.ok and checked.values["industry"] == "银行"


def test_every_industry_of_the_built_database_has_an_english_name(tmp_path):
    path = tmp_path / "parkbench.sqlite"
    build(path)
    found = {
        r[0]
        for r in open_db(path, read_only=True).execute(
            "SELECT DISTINCT industry FROM centers WHERE industry IS NOT NULL"
        )
    }
    assert found and found <= set(INDUSTRIES), found - set(INDUSTRIES)
