"""One bilingual catalogue renders the coded notes of the models and the cost inputs.

Every ``Note("code", ...)`` the models (``models/``) and the cost inputs (``data/inputs/``)
can emit is found in their source; each code must have a Chinese and an English sentence in
``portal/strings/notes.py``, and rendering it in Chinese, for every value its enumerated
parameters can take, must leave no English word behind.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from data.inputs.cost import load_city_economics_rules
from data.notes import Note
from models.criteria import DEFAULT_CRITERIA, MISSING_RULES
from models.labour_estimates import POPULATION_LIKE
from portal.i18n import STRINGS
from portal.notes import note_text

REPO = Path(__file__).resolve().parents[2]
SOURCES = [*sorted((REPO / "models").rglob("*.py")), *sorted((REPO / "data").rglob("*.py"))]


def emitted() -> dict[str, set[str]]:
    """code -> the parameter names it is emitted with, from every ``Note(...)`` call."""
    out: dict[str, set[str]] = {}
    for path in SOURCES:
        if path.name == "notes.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "Note"
            ):
                code = node.args[0]
                assert isinstance(code, ast.Constant), f"{path}: a note's code must be a literal"
                out.setdefault(code.value, set()).update(k.arg for k in node.keywords)
    return out


CODES = emitted()

#: the values each parameter can take (a list: every one is rendered)
SAMPLES: dict[str, list] = {
    "crit": [c.name for c in DEFAULT_CRITERIA],
    "base": sorted(set(POPULATION_LIKE.values())),
    "rule": list(MISSING_RULES),
    "label": ["密云财政扶持"],
    "unit": sorted({c.unit for c in DEFAULT_CRITERIA}),
    "what": ["investment", "revenue", "seats", "net_cost", "quality"],
    "indicator": sorted(load_city_economics_rules()),
    "n": [3],
    "need": [30],
    "total": [370],
    "fill": [52.5],
    "pop": [2_300_000.0],
    "share": [0.65],
    "have": [100.0, None],
    "min_coverage": [0.3],
    "prov": ["吉林省"],
    "names": [("通化市", "白山市")],
    "park": ["北京呼叫中心产业基地"],
    "path": ["build/parkbench.sqlite"],
    "min": [5],
    "others": [("offered@20s", ""), ("answered",)],
    "group": [(), (("industry", "银行"), ("size_band", "100-299"))],
}
#: parameter values written as they are (a file path is not a word to translate)
VERBATIM = {"path"}


def test_the_scan_finds_the_notes_of_every_layer():
    # guards against the scan passing vacuously
    assert {"filled", "below_threshold", "no_rules", "estimate_how", "same_value"} <= set(CODES)


@pytest.mark.parametrize("code", sorted(CODES))
def test_every_code_has_a_chinese_and_an_english_sentence(code):
    assert set(STRINGS[f"note.{code}"]) == {"zh", "en"}
    missing = CODES[code] - set(SAMPLES)
    assert not missing, f"give SAMPLES for the parameters {missing} of {code!r}"


def _cases(code: str):
    params = sorted(CODES[code])
    cases = [{}]
    for name in params:
        cases = [dict(c, **{name: v}) for c in cases for v in SAMPLES[name]][:400]
    return cases


@pytest.mark.parametrize("code", sorted(CODES))
def test_rendering_in_chinese_leaves_no_english_word(code):
    for params in _cases(code):
        zh = note_text(Note(code, **params), "zh")
        en = note_text(Note(code, **params), "en")
        assert zh != en or not re.search("[A-Za-z]", en)
        for name in VERBATIM & set(params):
            zh = zh.replace(str(params[name]), "")
        words = re.findall(r"[A-Za-z]{2,}", zh)
        assert not words, f"{code} {params}: {zh!r} keeps {words}"


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        (
            Note("estimated", crit="working_age_population", n=11, base="population"),
            "劳动年龄人口（15-59岁）：11 个地点按常住人口乘以本省比例估算",
        ),
        (
            Note("filled", crit="net_cost_per_seat_cny_per_year", n=366, rule="median",
                 fill=232224.0, unit="CNY/seat/year"),
            "每座席年净成本：366 个地点缺值，按中位数补值（23.22万元/座席/年）",
        ),  # fmt: skip
        (Note("below_threshold", what="seats", have=100.0, need=300.0), "座席数 100 低于门槛 300"),
        (
            Note("off_positive", crit="center_count", n=6, need=30),
            "已有呼叫中心数：只有 6 个地点的数值大于0（至少需要 30 个），库中所知太少，暂不参与评分",
        ),
        (Note("no_rules"), "数据库中没有该园区或城市的优惠政策"),
        (Note("below_threshold", what="revenue", have=None, need=5e7), "年营业收入（元） 未知 低于门槛 5000万"),
    ],
)  # fmt: skip
def test_model_notes_are_written_in_chinese(note, expected):
    assert note_text(note, "zh") == expected


def test_the_cli_and_the_json_write_the_english_sentence():
    note = Note("off_observed", crit="nearest_airport_km", n=1, total=3)
    assert note_text(note, "en") == note_text(note.to_dict(), "en")
    assert note_text(note, "en").endswith("only 1 of 3 sites have a value (need half)")


def test_an_unknown_code_fails_loudly():
    with pytest.raises(KeyError):
        note_text(Note("no_such_code"), "zh")


def test_the_regex_translation_is_gone():
    assert not (REPO / "portal" / "components" / "notes.py").exists()
    assert "re.compile" not in (REPO / "portal" / "notes.py").read_text(encoding="utf-8")
