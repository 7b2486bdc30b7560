"""The cost defaults say where each figure comes from, and city_inputs rows reach the cost model."""

from __future__ import annotations

import json
import re
from dataclasses import fields

import pytest
import sqlite_utils
from click.testing import CliRunner

from data.inputs.cost import (
    load_city_economics_rules,
    load_city_indicators,
    load_cost_context,
    load_cost_defaults,
)
from data.notes import Note
from models.cost import CostInputs
from portal.cli import cli


def _entries():
    inputs, cities = load_cost_defaults()
    yield from inputs.items()
    for city, entry in cities.items():
        for name, value in entry.items():
            if name != "aliases":
                yield f"{city}.{name}", value


@pytest.mark.parametrize(("name", "entry"), list(_entries()))
def test_every_default_is_cited_with_a_year_or_an_assumption_with_reasoning(name, entry):
    source = entry["source"]
    if source.startswith("assumption"):
        # "assumption" alone is not enough: say why the value was chosen
        assert len(source.split(":", 1)[-1].split()) >= 4, name
    else:
        assert entry["year"] is not None, name
        assert len(source.split()) >= 4, name


def _texts():
    """Every entry of the defaults file a reader is shown: inputs, city overrides, the rules
    that turn city figures into inputs."""
    yield from _entries()
    yield from (("city_indicators." + k, v) for k, v in load_city_indicators().items())
    yield from (("city_economics." + k, v) for k, v in load_city_economics_rules().items())


CJK_RUN = re.compile(r"[\u4e00-\u9fff〔〕]+")
URL = re.compile(r"https?://\S+?(?=[，。；）)\s,;]|$)")
FIELD_NAME = re.compile(r"\b[A-Za-z]+_[A-Za-z0-9_]+\b")


@pytest.mark.parametrize(("name", "entry"), list(_texts()))
def test_every_default_has_its_text_in_english_and_in_chinese(name, entry):
    en, zh = entry["source"], entry.get("source_zh")
    assert zh and CJK_RUN.search(zh), f"{name}: no Chinese text (source_zh)"
    # the same kind of entry in both languages
    assert en.startswith("assumption") == zh.startswith("假设"), name
    # document titles (劳社部发〔2008〕3号 ...), URLs and figures are kept as they are
    for title in CJK_RUN.findall(en):
        assert title in zh, f"{name}: {title!r} missing from the Chinese text"
    for url in URL.findall(en):
        assert url in zh, f"{name}: {url} missing from the Chinese text"
    # a reader sees these texts: no field, table or file names in either language
    for text in (URL.sub("", en), URL.sub("", zh)):
        assert not FIELD_NAME.search(text), f"{name}: {FIELD_NAME.search(text).group()!r}"


def test_city_indicators_map_onto_cost_inputs():
    names = {f.name for f in fields(CostInputs)}
    mapping = load_city_indicators()
    assert {"avg_wage_cny_per_month", "office_rent_cny_per_m2_month"} <= set(mapping)
    for rule in mapping.values():
        assert rule["input"] in names and rule["factor"] > 0 and rule["source"]
    # the private / non-private wage ratio, NBS 2023
    assert mapping["avg_wage_cny_per_month"]["factor"] == pytest.approx(68_340 / 120_698, abs=1e-3)


@pytest.fixture
def imported_db(db_path, write_csv):
    """A store with the reference cities and city_inputs imported the way users do it."""
    from data.geo.build import build_reference
    from data.imports.importer import import_file

    db = sqlite_utils.Database(db_path)
    build_reference(db)
    path = write_csv(
        [
            ["城市", "指标", "数值", "年份", "来源"],
            ["杭州", "平均工资", "9,000元/月", "2022", "older figure"],
            ["杭州", "平均工资", "10,000元/月", "2023", "杭州统计年鉴2024"],
            ["杭州", "写字楼租金", "80元/平方米/月", "2023", "某地产报告"],
        ],
        "inputs.csv",
    )
    _, report = import_file(db, path, kind="city_inputs")
    assert report.accepted == 3
    db.close()
    return db_path


def test_imported_city_inputs_set_wage_and_rent(imported_db):
    ctx = load_cost_context("杭州", None, imported_db)
    factor = load_city_indicators()["avg_wage_cny_per_month"]["factor"]
    assert ctx.values["agent_wage_cny_per_month"] == pytest.approx(10_000 * factor)  # 2023 wins
    assert ctx.values["rent_cny_per_m2_month"] == 80
    wage = ctx.sources["agent_wage_cny_per_month"]
    assert wage["year"] == 2023 and "杭州统计年鉴2024" in wage["source"]
    assert wage["unit"] == "CNY/month"
    # the same as a coded note, which the pages write in the reader's language
    note = wage["note"]
    assert note.code == "src_city_inputs" and note["indicator"] == "avg_wage_cny_per_month"
    assert (note["value"], note["year"], note["url"]) == (10_000, 2023, "杭州统计年鉴2024")
    assert note["factor"] == factor and note["why_zh"].startswith("本市平均工资")
    # a city without rows takes its city_economics figure (sourced here), not the user's
    other = load_cost_context("成都", None, imported_db)
    assert other.basis["agent_wage_cny_per_month"]["kind"] == "sourced"
    assert other.values["agent_wage_cny_per_month"] == pytest.approx(68_954 / 12)


def test_a_row_named_after_an_input_wins_over_a_mapped_indicator(imported_db):
    db = sqlite_utils.Database(imported_db)
    db["city_inputs"].insert(
        {
            "id": "330100:agent_wage_cny_per_month:2023",
            "adcode": "330100",
            "indicator": "agent_wage_cny_per_month",
            "value": 6100,
            "unit": "CNY/month",
            "year": 2023,
            "source": "survey of call-center pay",
        }
    )
    db.close()
    ctx = load_cost_context("杭州", None, imported_db)
    assert ctx.values["agent_wage_cny_per_month"] == 6100
    note = ctx.sources["agent_wage_cny_per_month"]["note"]
    assert note == Note("src_city_input", url="survey of call-center pay")


def test_cost_command_prices_the_imported_city(imported_db):
    def run(city):
        res = CliRunner().invoke(
            cli, ["cost", "--city", city, "--seats", "100", "--db", str(imported_db), "--json"]
        )
        assert res.exit_code == 0, res.output
        return json.loads(res.output)

    hangzhou, chengdu = run("杭州"), run("成都")
    assert hangzhou["components"]["rent"] == pytest.approx(9.3 * 80 * 12)
    factor = load_city_indicators()["avg_wage_cny_per_month"]["factor"]
    wage = hangzhou["inputs"]["agent_wage_cny_per_month"]["value"]
    assert wage == pytest.approx(10_000 * factor)  # the user's row, not the reference figure
    assert hangzhou["input_basis"]["agent_wage_cny_per_month"]["kind"] == "user"
    # each input keeps its shape: value, unit, year and the English source (no coded note)
    assert all(set(m) == {"value", "unit", "year", "source"} for m in hangzhou["inputs"].values())
    assert chengdu["input_basis"]["agent_wage_cny_per_month"]["kind"] == "sourced"


def test_labour_share_of_a_typical_center_is_in_the_published_range():
    """Published labour shares of call-center cost: 50-60 % and 60-70 % (Chinese vendor pages),
    61.2 % (a 2016 global benchmark); the issue asks for 55-80 % (it was 89 %).

    Typical case: 500 seats open 7x12 in a city without figures of its own (national defaults).
    Every component is priced by inputs that are cited or labelled assumptions.
    """
    from models.cost import COMPONENT_INPUTS, COMPONENTS, compute_cost

    ctx = load_cost_context("NoSuchPlace", None, "/nonexistent/parkbench.db")
    typical = compute_cost(CostInputs(seats=500, **ctx.values))
    assert 0.55 <= typical.labour_share <= 0.80
    assert typical.to_dict()["labour_share"] == pytest.approx(typical.labour_share)
    eight_by_five = compute_cost(
        CostInputs(seats=500, **dict(ctx.values, hours_per_day=8, days_per_year=250))
    )
    assert 0.55 <= eight_by_five.labour_share <= 0.80
    # management overhead is the share of the total it is set to
    assert typical.components["management_overhead"] == pytest.approx(
        0.08 * typical.total_cny_per_year
    )
    defaults, _ = load_cost_defaults()
    assert set(COMPONENT_INPUTS) == set(COMPONENTS) == set(typical.components)
    for component, names in COMPONENT_INPUTS.items():
        for name in names:
            source = defaults[name]["source"]
            assert source.startswith("assumption") or defaults[name]["year"], (component, name)
