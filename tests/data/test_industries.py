"""The industry vocabulary: raw values in English or synonyms are read to one Chinese name; a
center's name implies one where no source gives it (model inputs only, with its basis)."""

from __future__ import annotations

import pytest

from data.ingest.records import check_record
from data.inputs.benchmark import load_centers
from data.normalise.industries import INDUSTRIES, SYNONYMS, canonical_industry, industry_from_name
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


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("某市12345政务服务便民热线", "政务"),
        ("某县1999为民服务专线", "政务"),
        ("某某银行信用卡客服中心", "银行"),
        ("某市自来水公司客服热线", "供水"),
        ("某某燃气集团客服中心", "燃气"),
        ("中国移动某省客服中心", "电信"),
        ("12366纳税服务热线", "税务"),  # the service number before the word 服务
        ("人保财险某分公司客服中心", "保险"),
        ("Some City 12345 citizen hotline", "政务"),
        ("Some Bank credit card centre", "银行"),
        ("Some Airlines reservation centre", "航空"),
        ("某某科技客户联络中心", None),
        ("", None),
        (None, None),
    ],
)
def test_a_name_implies_an_industry_of_the_vocabulary(name, expected):
    assert industry_from_name(name) == expected
    assert expected is None or expected in INDUSTRIES


def test_centers_without_a_stated_industry_take_the_one_their_name_implies(tmp_path):
    db = open_db(tmp_path / "s.sqlite")
    db["centers"].insert_all(
        [
            {"id": 1, "name": "某市12345热线", "industry": None},
            {"id": 2, "name": "某某银行客服中心", "industry": "保险"},  # the source wins
            {"id": 3, "name": "某某科技客服中心", "industry": ""},
        ]
    )
    frame = load_centers(db).set_index("name")
    assert frame.loc["某市12345热线", ["industry", "industry_basis"]].tolist() == ["政务", "name"]
    assert frame.loc["某某银行客服中心", ["industry", "industry_basis"]].tolist() == [
        "保险",
        "source",
    ]
    assert frame.loc["某某科技客服中心", ["industry", "industry_basis"]].isna().all()
