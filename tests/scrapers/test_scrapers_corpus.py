"""Corpus labels, scoring and ``parkbench evaluate`` on a small corpus written for the tests."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from scrapers.corpus import CorpusError, load_labels, page_path
from scrapers.corpus.run import evaluate_corpus, format_report
from scrapers.corpus.score import (
    compare_facts,
    names_match,
    read_saved_facts,
    score_page,
    values_equal,
)

ROOT = Path(__file__).resolve().parents[2]


def write_label(folder: Path, pid: str, **facts) -> None:
    doc = {"id": pid, "url": f"http://example.org/{pid}", "query": "q", "lang": "zh-Hans",
           "kind": "article", "split": folder.name, "centers": [], "parks": [], "incentives": []}  # fmt: skip
    doc.update(facts)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{pid}.json").write_text(json.dumps(doc, ensure_ascii=False), "utf-8")


@pytest.fixture
def corpus(tmp_path):
    labels, pages = tmp_path / "labels", tmp_path / "pages"
    pages.mkdir()
    (pages / "t_001.txt").write_text(
        "东岭市12345政务服务热线设有80个坐席，话务员约150名。东岭市12345政务服务热线运行平稳。",
        "utf-8",
    )
    write_label(labels / "dev", "t_001", centers=[
        {"name": "东岭市12345政务服务热线", "seats": 80, "staff": 150, "staff_bound": "approx",
         "industry": "政务", "founded_year": 2015},
    ])  # fmt: skip
    (pages / "t_002.html").write_text(
        "<html><body><p>鹤壁呼叫中心产业基地规划面积3平方公里。</p>"
        "<p>鹤壁呼叫中心产业基地位于鹤壁。</p></body></html>",
        "utf-8",
    )
    write_label(labels / "dev", "t_002", parks=[{"name": "鹤壁呼叫中心产业基地", "area_km2": 2}])
    write_label(labels / "heldout", "t_003", centers=[{"name": "没有页面的中心"}])
    return pages, labels


def test_labels_load_from_a_folder_recursively_or_a_file(corpus):
    pages, labels = corpus
    assert [lab.id for lab in load_labels(labels)] == ["t_001", "t_002", "t_003"]
    assert [lab.id for lab in load_labels(labels / "dev")] == ["t_001", "t_002"]
    assert load_labels(labels / "heldout" / "t_003.json")[0].split == "heldout"
    assert page_path(pages, "t_002").suffix == ".html" and page_path(pages, "t_003") is None
    with pytest.raises(CorpusError, match="no such label"):
        load_labels(labels / "nowhere")


def test_scores_right_wrong_extra_and_missed(corpus):
    pages, labels = corpus
    report = evaluate_corpus(pages, labels)
    assert report.pages == 2 and report.missing_pages == ["t_003"]
    by = {(f.page, f.field): f.status for f in report.facts}
    assert by[("t_001", "name")] == "right"
    assert by[("t_001", "seats")] == "right"
    assert by[("t_001", "staff")] == "right"  # value and bound
    assert by[("t_001", "founded_year")] == "missed"
    assert by[("t_002", "area_km2")] == "wrong"  # right park and field, different value
    overall = report.overall
    assert overall.wrong == 1 and overall.precision < 1 and overall.recall < 1
    assert {row["band"] for row in report.calibration()} >= {">= 0.9", "0.8-0.9"}


def test_name_and_value_matching_rules():
    assert names_match("中國移動淮安呼叫中心項目", "中国移动淮安呼叫中心")
    assert names_match("长沙市12345市民服务热线", "长沙12345政府服务热线呼叫中心")
    assert not names_match("南京12345热线", "上海12345热线")
    assert not names_match("中心", "南航客服中心")
    assert values_equal("area_km2", 1.005, 1.0) and not values_equal("area_km2", 1.02, 1.0)
    assert not values_equal("seats", 1001, 1000)  # counts are exact
    assert values_equal("city", "北京", "北京市") and values_equal("district", "顺义", "顺义区")
    # industries in the store's vocabulary: a synonym is the same industry, another is not
    assert values_equal("industry", "供热", "供暖") and values_equal("industry", "bank", "银行")
    assert not values_equal("industry", "保险", "金融")


def test_an_extra_entity_counts_all_its_fields_as_extra():
    from scrapers.corpus import Label

    label = Label("x", "zh-Hans", "article", "dev", "", False, (), (), ())
    facts = score_page(label, {"centers": [{"name": "某中心", "seats": 5, "confidence": 0.7}]})
    assert [(f.field, f.status) for f in facts] == [("name", "extra"), ("seats", "extra")]


def test_an_entity_matches_a_label_by_any_of_its_names():
    from scrapers.corpus import Label

    label = Label(
        "x", "zh-Hans", "article", "dev", "", False,
        ({"name": "示例集团滁州客户服务中心", "aliases": ["滁州示例客服中心"], "seats": 80},), (), (),
    )  # fmt: skip
    # the extractor's name is the label's alias
    facts = score_page(label, {"centers": [{"name": "滁州示例客服中心", "seats": 80}]})
    assert [(f.field, f.status) for f in facts] == [("name", "right"), ("seats", "right")]
    # the label's name is one of the extractor's aliases
    found = {
        "centers": [{"name": "示例滁州中心", "aliases": ["示例集团滁州客户服务中心"], "seats": 80}]
    }
    assert {f.status for f in score_page(label, found)} == {"right"}
    # no name in common: an extra and a miss
    other = {"centers": [{"name": "另一个客服中心", "seats": 80}]}
    assert {f.status for f in score_page(label, other)} == {"extra", "missed"}


def test_evaluate_command_prints_tables_and_json(corpus):
    pages, labels = corpus
    run = [sys.executable, "-m", "portal.cli", "evaluate", "--pages", str(pages), "--labels"]
    text = subprocess.run([*run, str(labels / "dev")], capture_output=True, text=True, cwd=ROOT,
                          check=True).stdout  # fmt: skip
    assert "by language" in text and "by field" in text and "confidence band" in text
    assert "wrong values" in text and "area_km2=3.0" in text
    doc = json.loads(
        subprocess.run(
            [*run, str(labels / "dev"), "--json"],
            capture_output=True,
            text=True,
            cwd=ROOT,
            check=True,
        ).stdout  # fmt: skip
    )
    assert doc["pages"] == 2 and "centers.seats" in doc["by_field"]
    assert set(doc["by_lang"]) == {"zh-Hans"}
    assert "by encoding" in text and set(doc["by_encoding"]) == {"utf-8"}


def test_scores_are_grouped_by_the_encoding_of_each_page(tmp_path):
    """A GBK page that declares its charset, a Big5 page that does not, a UTF-8 text copy,
    and a text copy whose label records the charset the site served it in."""
    labels, pages = tmp_path / "labels", tmp_path / "pages"
    pages.mkdir()
    park = "西岭呼叫中心产业园"
    html = f"<html><head><meta charset='gbk'></head><body><p>{park}规划面积2平方公里。</p></body></html>"
    (pages / "g_001.html").write_bytes(html.encode("gbk"))
    write_label(labels, "g_001", parks=[{"name": park, "area_km2": 2}])
    big5 = "<html><body><p>北嶺客服產業園區位於北嶺市，園區規劃面積為三平方公里。</p>" * 8
    (pages / "b_001.html").write_bytes((big5 + "</body></html>").encode("big5"))
    write_label(
        labels, "b_001", lang="zh-Hant", parks=[{"name": "北岭客服产业园区", "area_km2": 3}]
    )
    (pages / "u_001.txt").write_text(f"{park}规划面积2平方公里。", "utf-8")
    write_label(labels, "u_001", parks=[{"name": park, "area_km2": 2}])
    (pages / "r_001.txt").write_text(f"{park}规划面积2平方公里。", "utf-8")
    write_label(labels, "r_001", encoding="GB2312", parks=[{"name": park, "area_km2": 2}])
    report = evaluate_corpus(pages, labels)
    by_page = {f.page: f.encoding for f in report.facts}
    assert by_page["g_001"] in {"gbk", "gb18030"}
    assert by_page["b_001"] in {"big5", "cp950", "big5hkscs"}
    assert (by_page["u_001"], by_page["r_001"]) == ("utf-8", "gb2312")
    assert set(report.as_dict()["by_encoding"]) == set(by_page.values())


def test_evaluate_command_turns_a_missing_label_folder_into_exit_2(tmp_path):
    out = subprocess.run(
        [sys.executable, "-m", "portal.cli", "evaluate", "--pages", str(tmp_path), "--labels",
         str(tmp_path / "none")], capture_output=True, text=True, cwd=ROOT,
    )  # fmt: skip
    assert out.returncode == 2 and "no such label" in out.stderr and "Traceback" not in out.stderr


def test_scores_are_grouped_by_label_set(corpus):
    pages, labels = corpus
    (pages / "t_003.txt").write_text("没有页面的中心位于东岭市。", "utf-8")
    report = evaluate_corpus(pages, labels)
    assert {f.split for f in report.facts} == {"dev", "heldout"}
    assert "by label set" in format_report(report)
    assert "by label set" not in format_report(evaluate_corpus(pages, labels / "dev"))


def test_compare_lists_what_a_change_gained_and_lost_fact_by_fact(corpus, tmp_path):
    pages, labels = corpus
    before = evaluate_corpus(pages, labels).facts
    # the page now states the founding year (missed -> right) and a district nobody labelled
    (pages / "t_001.txt").write_text(
        "东岭市12345政务服务热线于2015年开通，设有80个坐席，话务员约150名。"
        "东岭市12345政务服务热线运行平稳。",
        "utf-8",
    )
    after = evaluate_corpus(pages, labels).facts
    changes = {(c.key[1], c.before, c.after) for c in compare_facts(before, after)}
    assert ("centers.founded_year", "missed", "right") in changes
    assert all(c.key[0] == "t_001" for c in compare_facts(before, after))
    assert compare_facts(after, after) == []
    # a fact that went away: right -> missed, read back from a saved run
    saved = read_saved_facts(json.loads(json.dumps(saved_facts_of(after))), "run.json")
    back = {(c.key[1], c.before, c.after) for c in compare_facts(saved, before)}
    assert ("centers.founded_year", "right", "missed") in back


def saved_facts_of(facts):
    from scrapers.corpus.score import Report, saved_facts

    return saved_facts(Report(pages=1, facts=list(facts)))


def test_evaluate_command_saves_a_run_and_compares_the_next_with_it(corpus, tmp_path):
    pages, labels = corpus
    run = [sys.executable, "-m", "portal.cli", "evaluate", "--pages", str(pages), "--labels",
           str(labels)]  # fmt: skip
    saved = tmp_path / "run.json"
    subprocess.run([*run, "--save", str(saved)], capture_output=True, cwd=ROOT, check=True)
    (pages / "t_002.html").write_text(
        "<html><body><p>鹤壁呼叫中心产业基地规划面积2平方公里。</p></body></html>", "utf-8"
    )
    text = subprocess.run([*run, "--compare", str(saved)], capture_output=True, text=True,
                          cwd=ROOT, check=True).stdout  # fmt: skip
    assert "since" in text and "wrong ->  right" not in text
    assert "wrong -> right  t_002 parks.area_km2" in text
    assert "right +1" in text and "wrong +0 -1" in text


@pytest.mark.parametrize(
    ("content", "message"),
    [("not json", "not a readable saved evaluation"), ('{"facts": [{"page": "x"}]}', "fact 1")],
)
def test_evaluate_command_refuses_a_file_that_is_no_saved_run(corpus, tmp_path, content, message):
    pages, labels = corpus
    bad = tmp_path / "bad.json"
    bad.write_text(content, "utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "portal.cli", "evaluate", "--pages", str(pages), "--labels",
         str(labels), "--compare", str(bad)],
        capture_output=True, text=True, cwd=ROOT,
    )  # fmt: skip
    assert done.returncode == 2 and message in done.stderr and "Traceback" not in done.stderr


def test_verbatim_runs_finds_page_text_copied_into_a_file_and_not_our_own_words():
    from scrapers.corpus.verbatim import verbatim_runs

    page_text = "示例市的客服中心今年新增座席二百个，话务员全部经过岗前培训后上岗。"
    files = {
        "docs/a.md": "例：示例市的客服中心今年新增座席二百个，话务员全部经过岗前培训后上岗。",
        "docs/b.md": "一句我们自己写的话：某中心设有座席一百个，员工二百人左右。",
        "tests/c.py": "The centre in the\n  example city answers every call within twenty seconds today.",
    }
    pages = [page_text, "The centre in the example city answers every call within twenty seconds."]
    found = verbatim_runs(files, pages)
    assert {name for name, _ in found} == {"docs/a.md", "tests/c.py"}  # across a line break too


def test_a_second_curator_is_scored_against_the_first_beside_the_extractor(corpus, tmp_path):
    from scrapers.corpus.run import agreement

    pages, labels = corpus
    second = tmp_path / "second"
    # the same center without its founding year and a staff figure without a bound; one more
    # center the first curator left out; t_002 not labelled by the second curator at all
    write_label(second, "t_001", centers=[
        {"name": "东岭市12345政务服务热线", "seats": 80, "staff": 150, "industry": "政务"},
        {"name": "东岭市便民服务中心", "city": "东岭市"},
    ])  # fmt: skip
    curator, extractor = agreement(pages, labels, second)
    assert curator.pages == extractor.pages == 1  # only the page both curators labelled
    assert [f.status for f in curator.facts if f.field == "founded_year"] == ["missed"]
    assert [f.status for f in curator.facts if f.field == "staff"] == ["wrong"]  # bound differs
    assert {f.status for f in curator.facts if f.table == "centers" and f.field == "name"} == {
        "right",
        "extra",
    }
    assert all(f.page == "t_001" for f in extractor.facts)
    same = agreement(pages, labels, labels)[0].overall
    assert same.precision == same.recall == 1.0  # a curator agrees with herself


def test_evaluate_command_refuses_second_labels_of_no_common_page(corpus, tmp_path):
    pages, labels = corpus
    write_label(tmp_path / "other", "t_999", centers=[{"name": "别处的中心"}])
    done = subprocess.run(
        [sys.executable, "-m", "portal.cli", "evaluate", "--pages", str(pages), "--labels",
         str(labels), "--second-labels", str(tmp_path / "other")],
        capture_output=True, text=True, cwd=ROOT,
    )  # fmt: skip
    assert done.returncode == 2 and "no label of a page" in done.stderr
    assert "Traceback" not in done.stderr


def test_the_second_curators_labels_pair_with_first_labels_of_the_blind_sets():
    from scrapers.corpus import CORPUS_DIR, LABELS_DIR
    from scrapers.corpus.run import agreement

    second = CORPUS_DIR / "second_labels"
    firsts = {lab.id: lab for lab in load_labels(LABELS_DIR)}
    seconds = load_labels(second)
    assert len(seconds) == 40 and all(lab.split == "iaa" for lab in seconds)
    assert {firsts[lab.id].split for lab in seconds} == {"unseen3", "unseen4", "unseen5", "unseen6"}
    curator, _ = agreement(tmp_pages := CORPUS_DIR / "no-pages-here", LABELS_DIR, second)
    assert curator.pages == 40 and not tmp_pages.exists()  # the curators' score needs no page
