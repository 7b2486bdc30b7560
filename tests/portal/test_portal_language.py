"""The portal speaks the reader's language: no raw field names, codes or Streamlit defaults.

AppTest of the gaps a visual review found: Data grid headers from the data dictionary (helper
columns hidden, missing values empty), translated placeholders on every select box, rubric
titles, the Overview's source table and province chart, the Compare page's preset basis and
model notes.
"""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from data.rubrics import load_rubric, rubric_names
from data.schema.dictionary import build_dictionary
from models.weights import PRESETS
from portal.components.overview import label_provinces
from portal.i18n import STRINGS
from tests.portal_support import APP, make_portal_db

PORTAL = Path(__file__).resolve().parents[2] / "portal"
PAGES = ("overview", "map", "data", "compare", "staffing", "benchmark", "awards")
CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def portal_db(tmp_path_factory, synthetic_visible):
    return make_portal_db(tmp_path_factory.mktemp("language") / "parkbench.sqlite")


def start(portal_db, monkeypatch, lang: str = "zh") -> AppTest:
    monkeypatch.setenv("PARKBENCH_DB", str(portal_db))
    monkeypatch.delenv("PARKBENCH_ADMIN_PASSWORD", raising=False)
    at = AppTest.from_file(str(APP), default_timeout=120)
    at.run()
    if lang != "zh":
        at.sidebar.radio(key="lang_switch").set_value(lang).run()
    assert not at.exception, at.exception
    return at


def open_page(at: AppTest, page: str) -> AppTest:
    at.switch_page(f"views/{page}.py")
    at.run()
    assert not at.exception, at.exception
    return at


def headers(element) -> dict[str, dict]:
    """The column settings a dataframe element sends to the browser (label, help ...)."""
    return json.loads(element.proto.columns or "{}")


def texts(at: AppTest) -> list[str]:
    kinds = ("markdown", "caption", "info", "warning", "error", "success", "title", "subheader")
    return [str(e.value) for kind in kinds for e in at.get(kind)]


def meanings(table: str, lang: str) -> dict[str, str]:
    return {r["column"]: r[lang] for r in build_dictionary([table])}


# -- 1. Data page: dictionary labels, hidden helper columns, empty missing values


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_data_grid_headers_are_dictionary_labels_not_field_names(portal_db, monkeypatch, lang):
    at = open_page(start(portal_db, monkeypatch, lang), "data")
    grid = at.dataframe[0]
    shown = list(grid.value.columns)
    config = headers(grid)
    full = meanings("centers", lang)
    assert "name" in shown and "seats" in shown
    for column in shown:
        label, help_text = config[column]["label"], config[column]["help"]
        assert label != column, f"{column} shows its field name"
        assert column in help_text, "the help names the field for researchers"
        if column in full:
            assert full[column] in help_text
        if lang == "zh":
            assert CJK.search(label), f"{column}: {label!r} is not Chinese"
        else:
            assert not CJK.search(label), f"{column}: {label!r} is not English"
    if lang == "zh":
        assert config["name"]["label"] == "企业或呼叫中心名称"
        assert config["seats"]["label"] == "座席数（席）"
        assert "单位：席" in config["seats"]["help"]
        assert config["sources"]["label"] == "来源"
    else:
        assert config["name"]["label"] == "Name of the company or center"
        assert config["seats"]["label"] == "Seats (seats)" or "seat" in config["seats"]["label"]
        assert config["aht_seconds"]["label"] == "Average handle time (s)"
    assert config["answer_rate"]["type_config"]["format"] == "percent"


def test_data_grid_hides_helper_columns_and_shows_missing_values_empty(portal_db, monkeypatch):
    at = open_page(start(portal_db, monkeypatch), "data")
    grid = at.dataframe[0]
    assert "name_key" not in grid.value.columns
    assert grid.value["name_en"].isna().any(), "the fixture has centers without English name"
    assert grid.proto.HasField("placeholder") and grid.proto.placeholder == ""
    # the data dictionary below still lists the column: downloads keep it
    dictionary = next(d.value for d in at.dataframe if "中文说明" in d.value.columns)
    assert "name_key" in set(dictionary["列名"])


@pytest.mark.parametrize("table", ["parks", "sources", "kpis"])
def test_every_browsable_table_is_labelled(portal_db, monkeypatch, table):
    at = open_page(start(portal_db, monkeypatch), "data")
    at.selectbox(key="data_table").set_value(table).run()
    assert not at.exception, at.exception
    grid = at.dataframe[0]
    config = headers(grid)
    for column in grid.value.columns:
        assert CJK.search(config[column]["label"]), (table, column, config[column]["label"])
    labels = [config[c]["label"] for c in grid.value.columns]
    assert len(labels) == len(set(labels)), "two columns of one table share a header"


def test_data_filters_and_record_fields_use_labels(portal_db, monkeypatch):
    at = open_page(start(portal_db, monkeypatch), "data")
    assert at.multiselect(key="data_pick_centers_province").label == "省份"
    assert at.multiselect(key="data_pick_centers_industry").label == "所处行业"
    ranged = at.selectbox(key="data_rcol_centers")
    assert "座席数" in ranged.options and "seats" not in ranged.options
    ranged.set_value("seats").run()
    assert at.number_input(key="data_low_centers_seats").label == "最小值"
    assert any("座席数 范围（席）" in s for s in texts(at))
    record = at.selectbox(key="data_record_centers")
    assert not [o for o in record.options if re.search(r"\b(nan|None)\b", o)]  # not "Jinan"
    record.set_value(at.dataframe[0].value["id"].iloc[0]).run()
    facts = at.dataframe[1].value
    assert "企业或呼叫中心名称" in set(facts["字段"]) and "name" in set(facts["字段名"])


# -- 2. placeholders: never Streamlit's English defaults


def _calls(tree: ast.AST, names: set[str]):
    """Calls of the widgets ``names``, direct or through ``link(st.<widget>, param, ...)``."""
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        if isinstance(node.func, ast.Attribute) and node.func.attr in names:
            yield node
        elif (
            getattr(node.func, "id", "") == "link"
            and node.args
            and isinstance(node.args[0], ast.Attribute)
            and node.args[0].attr in names
        ):
            yield ast.Call(func=node.args[0], args=node.args[2:], keywords=node.keywords,
                           lineno=node.lineno)  # fmt: skip


def test_every_select_in_the_portal_passes_a_translated_placeholder():
    seen = 0
    for path in PORTAL.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for call in _calls(tree, {"selectbox", "multiselect"}):
            seen += 1
            kwargs = {k.arg: k.value for k in call.keywords}
            where = f"{path.relative_to(PORTAL)}:{call.lineno}"
            assert "placeholder" in kwargs, f"{where}: no placeholder"
            value = kwargs["placeholder"]
            assert isinstance(value, ast.Call) and getattr(value.func, "id", "") == "t", where
            if call.func.attr == "multiselect":  # the bulk action says "Select all" in English
                assert isinstance(kwargs.get("select_all"), ast.Constant), where
                assert kwargs["select_all"].value is False, where
    assert seen >= 15


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_rendered_selects_show_placeholders_of_the_language(portal_db, monkeypatch, lang):
    allowed = {v[lang] for v in STRINGS.values()}
    at = start(portal_db, monkeypatch, lang)
    checked = 0
    for page in PAGES:
        open_page(at, page)
        for widget in [*at.selectbox, *at.multiselect]:
            placeholder = widget.proto.placeholder
            assert placeholder in allowed, (page, widget.label, placeholder)
            assert placeholder not in {"Choose an option", "Choose options"}
            checked += 1
    assert checked >= 15


# -- 3. Awards: the rubric by its title


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_awards_rubric_select_shows_the_title(portal_db, monkeypatch, lang):
    at = open_page(start(portal_db, monkeypatch, lang), "awards")
    options = at.selectbox(key="awards_rubric").options
    titles = [load_rubric(n)[f"title_{lang}"] for n in rubric_names()]
    assert options == titles
    assert not set(options) & set(rubric_names())


# -- 4. Overview: labelled source table, named missing province


def test_overview_sources_table_and_province_chart_are_labelled(portal_db, monkeypatch):
    at = start(portal_db, monkeypatch)
    grid = next(d for d in at.dataframe if "title" in d.value.columns)
    config = headers(grid)
    labels = {c: config[c]["label"] for c in grid.value.columns}
    assert labels["title"] == "标题" and labels["publisher"] == "发布者"
    assert labels["facts"] == "提供的事实（条）"
    assert all(label != column for column, label in labels.items())
    assert not {"curated", "reference", "generated"} & set(grid.value["kind"])
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    provinces = spec["data"][0]["x"]
    assert "" not in provinces and None not in provinces
    assert "未注明省份" in provinces  # the curated store has centers with no province


def test_rows_without_province_are_named_in_both_languages(portal_db, monkeypatch):
    import pandas as pd

    frame = pd.DataFrame({"province": ["", None, "北京市"], "centers": [1, 2, 3], "parks": 0})
    assert label_provinces(frame)["province"].tolist()[:2] == ["未注明省份"] * 2
    at = start(portal_db, monkeypatch, "en")
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert "Province not stated" in spec["data"][0]["x"]
    grid = next(d for d in at.dataframe if "title" in d.value.columns)
    assert headers(grid)["title"]["label"] == "Title"


# -- 5. Compare: the preset by its name, its source as a quote with its file


def test_compare_weights_are_named_and_quoted_in_chinese(portal_db, monkeypatch):
    at = open_page(start(portal_db, monkeypatch), "compare")
    shown = texts(at)
    joined = "\n".join(shown)
    assert "权重：预设方案“人才优先”" in joined
    for english in ("preset talent_first", "Yangzhou", "commuting", "Order of the article"):
        assert english not in joined
    quotes = [s for s in shown if s.startswith("> “")]
    assert quotes and quotes[0].startswith("> “人才已经成为呼叫行业发展过程中面临的首要问题")
    assert "——引自 seeds/001_039997815a96cd3c.txt" in shown
    # the rules' notes are sentences in Chinese
    notes = [s for s in shown if s.startswith("- ") and "：" in s]
    assert notes
    for english in ("estimated from", "missing filled", "sites left out", "no incentive rules"):
        assert english not in joined


def test_compare_weights_in_english(portal_db, monkeypatch):
    at = open_page(start(portal_db, monkeypatch, "en"), "compare")
    joined = "\n".join(texts(at))
    assert "Weights: preset “talent first”" in joined
    assert "— quoted from seeds/001_039997815a96cd3c.txt" in joined
    basis = next(s for s in texts(at) if s.startswith("Basis:"))
    assert not CJK.search(basis)


def test_every_preset_has_a_basis_in_both_languages():
    for name in PRESETS:
        assert set(STRINGS[f"compare.preset_basis.{name}"]) == {"zh", "en"}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_map_indicators_have_names(portal_db, monkeypatch, lang):
    at = open_page(start(portal_db, monkeypatch, lang), "map")
    options = at.selectbox(key="map_indicator").options
    assert len(options) > 5
    codes = [o for o in options if re.fullmatch(r"[a-z0-9_]+", o)]
    assert not codes, codes


# -- 6. Staffing & cost: where each input comes from, in the reader's language


def _titles() -> set[str]:
    """Chinese runs the English texts of the cost defaults quote: document titles."""
    from data.inputs.cost import load_city_economics_rules, load_city_indicators, load_cost_defaults

    inputs, cities = load_cost_defaults()
    entries = [*inputs.values(), *load_city_indicators().values()]
    entries += [*load_city_economics_rules().values()]
    entries += [e for c in cities.values() for e in c.values() if isinstance(e, dict)]
    return {run for e in entries for run in re.findall(r"[\u4e00-\u9fff〔〕]+", e["source"])}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_staffing_inputs_and_sources_are_in_one_language(portal_db, monkeypatch, lang):
    at = open_page(start(portal_db, monkeypatch, lang), "staffing")
    at.slider(key="staff_shrinkage").set_value(25).run()  # the user's own figure
    assert not at.exception, at.exception
    label = STRINGS["staffing.input"][lang]
    source = STRINGS["data.fact_source"][lang]
    table = next(d.value for d in at.dataframe if label in d.value.columns)
    rows = table.set_index(label)[source]
    assert len(rows) >= 39
    url = re.compile(r"https?://\S+?(?=[，。；）)\s,;]|$)")
    field_name = re.compile(r"\b[A-Za-z]+_[A-Za-z0-9_]+\b")
    cells = [url.sub("", str(v)) for v in table.to_numpy().ravel()]
    assert not [c for c in cells if field_name.search(c)]  # no field or table names
    wage, rent, shrinkage = (
        rows[STRINGS[f"cost.input.{k}"][lang]]
        for k in ("agent_wage_cny_per_month", "rent_cny_per_m2_month", "shrinkage")
    )
    if lang == "zh":
        assert all(CJK.search(str(v)) for v in rows)
        assert wage.startswith("本市城镇私营单位平均工资") and "÷ 12" in wage
        assert rent.startswith("本市甲级写字楼租金")
        assert shrinkage == "用户输入"
        assert not [c for c in cells if re.search(r"\b(default|assumption|city_\w+)\b", c)]
    else:
        titles = sorted(_titles(), key=len, reverse=True)
        for cell in cells:
            for title in titles:  # document titles are quoted as they are
                cell = cell.replace(title, "")
            assert not CJK.search(cell), cell
        assert wage.startswith("the city's average private-sector wage")
        assert shrinkage == "user input"
    # a park's own rent (a synthetic park of Beijing: its Chinese name, it has no English one)
    park = next(p for p in at.selectbox(key="staff_park").options if "示例北京" in p)
    at.selectbox(key="staff_park").set_value(park).run()
    assert not at.exception, at.exception
    table = next(d.value for d in at.dataframe if label in d.value.columns)
    rent = table.set_index(label)[source][STRINGS["cost.input.rent_cny_per_m2_month"][lang]]
    assert rent == (f"园区“{park}”的租金" if lang == "zh" else f"the rent of park '{park}'")
    # the notes of the cost speak the same language (the interval plan's help names the
    # column headers a file may have: those are typed, not read)
    captions = [c.value for c in at.caption if c.value != STRINGS["staffing.plan_help"][lang]]
    assert not [c for c in captions if field_name.search(url.sub("", c))]
