"""One bilingual catalogue renders the coded notes of the models and the cost inputs.

Every ``Note("code", ...)`` the models (``models/``), the cost inputs (``data/inputs/``) and
the use cases (``usecases/``) can emit is found in their source; each code must have a Chinese
and an English sentence in ``portal/strings/notes.py``, and rendering it in Chinese, for every
value its enumerated parameters can take, must leave no English word behind.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from data.inputs.cost import load_city_economics_rules, load_city_indicators
from data.notes import Note
from models.criteria import DEFAULT_CRITERIA, MISSING_RULES
from models.labour_estimates import POPULATION_LIKE
from portal.i18n import STRINGS
from portal.notes import note_text

REPO = Path(__file__).resolve().parents[2]
SOURCES = [
    *sorted((REPO / "models").rglob("*.py")),
    *sorted((REPO / "data").rglob("*.py")),
    *sorted((REPO / "usecases").rglob("*.py")),
]


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
    "indicator": sorted({*load_city_economics_rules(), *load_city_indicators()}),
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
    "park_zh": ["北京呼叫中心产业基地"],
    "path": ["build/parkbench.sqlite"],
    "min": [5],
    "others": [("offered@20s", ""), ("answered",)],
    "group": [(), (("industry", "银行"), ("size_band", "100-299"))],
    # where a cost input comes from (src_* notes)
    "text": ["assumption: a guess written for this test"],
    "text_zh": ["假设：为本测试写的估计"],
    "why": ["the city's figure, taken as it is"],
    "why_zh": ["本市的数字，按原样采用"],
    "city": ["Beijing"],
    "city_zh": ["北京"],
    "value": [61_705.0],
    "year": [2024, None],
    "ratio_year": [2023],
    "url": ["https://example.org/wage_2024.html", None],
    "how": ["sourced", "rebased", "municipality"],
    "method": ["wage_premium", "office_rent_grade_a"],
    "err": [0.099],
    "mape": [0.084],
    "ratio": [0.5518],
    "factor": [1 / 12, 0.73],
}
#: parameter values written as they are (a file path or a URL is not a word to translate)
VERBATIM = {"path", "url"}


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


# -- where each cost input comes from (CostContext.sources[name]["note"], data/inputs/cost.py)

CJK = re.compile(r"[\u4e00-\u9fff]")
FIELD_NAME = re.compile(r"\b[A-Za-z]+_[A-Za-z0-9_]+\b")
URL = re.compile(r"https?://\S+?(?=[，。；）)\s,;]|$)")
SOURCE_NOTES = {
    "src_default": Note(
        "src_default", text="assumption: a guess for this test", text_zh="假设：为本测试写的估计"
    ),
    "src_city_default": Note(
        "src_city_default", city="Beijing", city_zh="北京", text="assumption: recalled",
        text_zh="假设：凭记忆",
    ),
    "src_park": Note("src_park", park="Beijing Call Center Base", park_zh="北京呼叫中心产业基地"),
    "src_user": Note("src_user"),
    "src_city_input": Note("src_city_input", url="https://example.org/pay_survey.html"),
    "src_city_inputs": Note(
        "src_city_inputs", indicator="avg_wage_cny_per_month", value=10_000.0,
        unit="CNY/month", year=2023, url="杭州统计年鉴2024", factor=0.566,
        why="the city's average wage x 0.566", why_zh="本市平均工资 × 0.566",
    ),
    "src_economics": Note(
        "src_economics", indicator="avg_wage_private_cny_per_year", value=61_705.0,
        unit="CNY/year", year=2024, how="rebased", url="https://example.org/sjz_2024.html",
        factor=1 / 12, why="the city's wage / 12", why_zh="本市工资 ÷ 12",
    ),
    "src_economics_ratio": Note(
        "src_economics_ratio", indicator="avg_wage_private_cny_per_year", value=70_000.0,
        unit="CNY/year", year=2024, ratio=0.552, ratio_year=2023,
        url="https://example.org/np.html", factor=1 / 12, why="the city's wage / 12",
        why_zh="本市工资 ÷ 12",
    ),
    "src_economics_estimated": Note(
        "src_economics_estimated", indicator="office_rent_grade_a_cny_per_m2_month",
        value=58.3, unit="CNY/m2/month", year=2024, method="office_rent_grade_a", err=0.242,
        mape=0.186, factor=0.73, why="grade-A rent x 0.73", why_zh="甲级租金 × 0.73",
    ),
}  # fmt: skip
#: what the English may quote in Chinese: names of places and parks, document titles
NAMES = ("北京呼叫中心产业基地", "北京", "杭州统计年鉴2024")
EXPECTED = {
    ("src_default", "zh"): "全国默认值：假设：为本测试写的估计",
    ("src_default", "en"): "national default: assumption: a guess for this test",
    ("src_city_default", "zh"): "北京的城市默认值：假设：凭记忆",
    ("src_city_default", "en"): "city default (Beijing): assumption: recalled",
    ("src_park", "en"): "the rent of park 'Beijing Call Center Base'",
    ("src_park", "zh"): "园区“北京呼叫中心产业基地”的租金",
    ("src_user", "zh"): "用户输入",
    ("src_city_inputs", "zh"): "导入的本市城镇非私营单位月平均工资 1万元/月（2023年；来源："
    "杭州统计年鉴2024）：本市平均工资 × 0.566",
    ("src_economics", "en"): "the city's average private-sector wage, 61,705 CNY/year (2024, "
    "published figure, moved to this year through the city's ratio to its province; source: "
    "https://example.org/sjz_2024.html): the city's wage / 12",
    ("src_economics_estimated", "zh"): "本市甲级写字楼租金 58.3元/平方米/月（2024年，估算值："
    "按本市工资和人口回归估算的甲级写字楼租金；留一交叉验证的对数误差 ±24.2%，平均绝对百分比误差 "
    "18.6%）：甲级租金 × 0.73",
}


def test_every_source_code_has_an_example():
    assert {c for c in CODES if c.startswith("src_")} == set(SOURCE_NOTES)


@pytest.mark.parametrize("code", sorted(SOURCE_NOTES))
def test_a_source_note_is_written_in_one_language_without_field_names(code):
    note = SOURCE_NOTES[code]
    zh, en = note_text(note, "zh"), note_text(note, "en")
    assert CJK.search(zh) and zh != en
    english = en
    for name in NAMES:
        english = english.replace(name, "")
    assert not CJK.search(english), f"{code}: {en!r}"
    for text in (zh, en):
        assert not FIELD_NAME.search(URL.sub("", text)), f"{code}: {text!r}"
    # the Chinese shows the Chinese text of a bilingual parameter, the English the English
    for key in ("text", "why"):
        if key in note.params:
            assert note[f"{key}_zh"] in zh and note[key] not in zh
            assert note[key] in en and note[f"{key}_zh"] not in en
    for lang in ("zh", "en"):
        if (code, lang) in EXPECTED:
            assert note_text(note, lang) == EXPECTED[code, lang]


def test_a_source_note_survives_json():
    for note in SOURCE_NOTES.values():
        for lang in ("zh", "en"):
            assert note_text(note.to_dict(), lang) == note_text(note, lang)
