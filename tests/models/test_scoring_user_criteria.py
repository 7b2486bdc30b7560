"""``parkbench score --criteria-file FILE --criterion name:group:direction:unit``."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from data.errors import TableReadError
from data.inputs.score import load_criteria_table
from data.inputs.user_criteria import merge_criteria_file
from models.criteria import parse_criterion
from models.errors import ModelInputError
from portal.cli import cli, main
from tests.scoring_store import make_store

RENT = "office_rent_cny_per_m2_month:cost:cost:CNY/m2/month"


@pytest.fixture
def store(tmp_path):
    return make_store(tmp_path / "s.sqlite")


def score(store, *args):
    return CliRunner().invoke(cli, ["score", "--db", str(store), "--draws", "0", *args])


def test_declaration_is_parsed_and_checked():
    c = parse_criterion(RENT)
    assert (c.name, c.group, c.direction, c.unit, c.missing_rule) == (
        "office_rent_cny_per_m2_month", "cost", "cost", "CNY/m2/month", "worst",
    )  # fmt: skip
    with pytest.raises(ModelInputError, match="expected name:group:direction:unit"):
        parse_criterion("rent:cost")
    with pytest.raises(ModelInputError, match="group 'money'"):
        parse_criterion("rent:money:cost:CNY")
    with pytest.raises(ModelInputError, match="must be 'benefit' or 'cost'"):
        parse_criterion("rent:cost:low:CNY")


def test_file_by_name_merges_into_the_table(store, write_csv):
    path = write_csv([["name", "office_rent_cny_per_m2_month"], ["南京", "80"], ["北京市", "1.2万"],
                      ["扬州市", ""]], "rent.csv")  # fmt: skip
    t = merge_criteria_file(load_criteria_table(store), path, ["office_rent_cny_per_m2_month"])
    rent = t.set_index("adcode")["office_rent_cny_per_m2_month"]
    assert rent["320100"] == 80
    assert rent["110000"] == 12_000
    assert rent.isna().sum() == 3  # Yangzhou's empty cell, Qingdao and Xi'an absent


def test_user_criterion_moves_the_ranking_and_is_explained(store, write_csv):
    # the cluster leader gets the highest rent; a strongly weighted rent column moves it down
    base = json.loads(score(store, "--weights", "cluster=1", "--json").output)
    leader = base[0]["adcode"]
    rents = {r["adcode"]: 40.0 + 5 * i for i, r in enumerate(base)}
    rents[leader] = 300.0
    path = write_csv([["adcode", "office_rent_cny_per_m2_month"],
                      *([a, str(v)] for a, v in rents.items())], "rent.csv")  # fmt: skip
    r = score(store, "--criteria-file", str(path), "--criterion", RENT,
              "--weights", "cluster=0.2,office_rent_cny_per_m2_month=0.8", "--json")  # fmt: skip
    assert r.exit_code == 0, r.output
    by_code = {x["adcode"]: x for x in json.loads(r.output)}
    cheapest = min(rents, key=rents.get)
    assert by_code[leader]["contributions"]["office_rent_cny_per_m2_month"] == 0
    rent_parts = {a: x["contributions"]["office_rent_cny_per_m2_month"] for a, x in by_code.items()}
    assert rent_parts[cheapest] == max(rent_parts.values()) > 0.5
    assert by_code[leader]["rank"] > 1
    assert by_code[leader]["values"]["office_rent_cny_per_m2_month"] == 300


def test_preset_weights_share_the_group_with_user_criteria(store, write_csv):
    path = write_csv([["adcode", "office_rent_cny_per_m2_month"], ["110000", "300"],
                      ["320100", "60"], ["370200", "80"]], "rent.csv")  # fmt: skip
    r = score(store, "--criteria-file", str(path), "--criterion", RENT, "--preset", "cost_first")
    assert r.exit_code == 0, r.output
    assert "office_rent_cny_per_m2_month" in r.output
    assert (
        "office_rent_cny_per_m2_month: 2 missing, filled with the worst value (300 CNY/m²/month)"
        in r.output
    )


def test_a_user_criterion_known_for_too_few_sites_is_switched_off(store, write_csv):
    path = write_csv([["adcode", "office_rent_cny_per_m2_month"], ["110000", "300"],
                      ["320100", "60"]], "rent.csv")  # fmt: skip
    r = score(store, "--criteria-file", str(path), "--criterion", RENT, "--preset", "cost_first")
    assert r.exit_code == 0, r.output
    assert "office_rent_cny_per_m2_month: switched off, only 2 of 5 sites have a value" in r.output


@pytest.mark.parametrize(
    ("rows", "decl", "message"),
    [
        (
            [["name", "x"], ["南京", "1"], ["火星市", "2"]],
            "x:labour:benefit:person",
            "rent.csv: unknown cities by name: 火星市 (row 3)",
        ),
        (
            [["adcode", "x"], ["999999", "1"]],
            "x:labour:benefit:person",
            "unknown cities by adcode: 999999 (row 2)",
        ),
        (
            [["adcode", "x"], ["320100", "abc"]],
            "x:labour:benefit:person",
            "rent.csv row 2, column x: 'abc' is not a number",
        ),
        ([["adcode", "x"], ["320100", "10-20"]], "x:labour:benefit:person", "is a range or bound"),
        (
            [["city", "x"], ["320100", "1"]],
            "x:labour:benefit:person",
            "first column must be adcode or name",
        ),
        (
            [["adcode", "x", "y"], ["320100", "1", "2"]],
            "x:labour:benefit:person",
            "column 'y' has no declaration",
        ),
        (
            [["adcode", "x"], ["320100", "1"]],
            "x:labor:benefit:person",
            "group 'labor' is not one of",
        ),
        ([["adcode", "x"], ["320100", "1"]], "x:labour:more:person", "direction 'more' must be"),
        (
            [["adcode", "center_count"], ["320100", "1"]],
            "center_count:cluster:benefit:center",
            "criterion center_count declared twice",
        ),
        (
            [["adcode", "x"], ["320100", "1"], ["320100", "2"]],
            "x:labour:benefit:person",
            "320100 appears twice",
        ),
    ],
)
def test_bad_input_is_one_line_and_exit_2(store, write_csv, capsys, rows, decl, message):
    path = write_csv(rows, "rent.csv")
    with pytest.raises(SystemExit) as e:
        main(["score", "--db", str(store), "--draws", "0", "--criteria-file", str(path),
              "--criterion", decl])  # fmt: skip
    assert e.value.code == 2
    err = capsys.readouterr().err.strip()
    assert message in err
    assert "\n" not in err


def test_declared_but_absent_column_is_refused(store, write_csv):
    path = write_csv([["adcode", "x"], ["320100", "1"]], "f.csv")
    with pytest.raises(TableReadError, match="declared criteria not in the file: y"):
        merge_criteria_file(load_criteria_table(store), path, ["x", "y"])


def test_file_and_declarations_go_together(store, write_csv):
    r = score(store, "--criterion", RENT)
    assert r.exit_code == 2
    assert "--criteria-file and --criterion go together" in r.output


def test_parks_take_their_citys_value(store, write_csv):
    path = write_csv([["adcode", "x"], ["110000", "7"]], "f.csv")
    t = merge_criteria_file(load_criteria_table(store, include_parks=True), path, ["x"])
    assert t.set_index("id").loc["park:p-miyun", "x"] == 7
