"""Compare and Benchmark reports: one language each, coloured contributions, weights, the
cost-quality matrix, the gap, sources and notes; PDF with text that can be extracted; the
``parkbench report`` commands write the same files."""

from __future__ import annotations

import io
import re
import unicodedata

import pytest

from models.cost import compute_cost
from portal.cli import main
from portal.components.compare import GROUP_SHADES
from portal.reports.compare import render_compare_html
from portal.reports.pdf import html_to_pdf
from tests.portal_support import make_portal_db
from usecases.compare import CompareSettings, compare_sites
from usecases.pricing import incentive_rules
from usecases.store import open_store

CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
SITES = ("110000", "310000", "610100")


@pytest.fixture(scope="module")
def portal_db(tmp_path_factory, synthetic_visible):
    return make_portal_db(tmp_path_factory.mktemp("reports") / "parkbench.sqlite")


@pytest.fixture(scope="module")
def data(portal_db):
    # Shanghai (dearest of the three in the fixture store) closes its gap to Xi'an
    settings = CompareSettings(SITES, preset="talent_first", site="310000", rival="610100")
    return compare_sites(open_store(portal_db), settings)


@pytest.fixture(scope="module")
def html(data):
    return {lang: render_compare_html(data, when="2026-12-01", lang=lang) for lang in ("zh", "en")}


def pdf_text(pdf: bytes) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf))
    # Chinese glyphs can come back as compatibility characters (ENGINEERING-NOTES)
    return unicodedata.normalize("NFKC", "\n".join(p.extract_text() for p in reader.pages))


def data_names(data) -> set[str]:
    """Names in the data with no English name (allowed in an English report)."""
    names = {r["name"] for r in data.comparison.records if r["id"] not in data.names_en}
    rows = data.incentives
    for col in ("name", "park_name", "city", "source_title", "source_url"):
        names |= {str(v) for v in rows[col].dropna()}
    for col in ("source_title", "source_url"):
        names |= {str(v) for v in data.indicators[col].dropna()}
    for note in data.comparison.notes:  # the sites left out, by name
        names |= set(note.get("names") or ())
    return {n for n in names if CJK.search(n)}


def test_contributions_are_coloured_by_criterion_group(html):
    colours = re.findall(r'class="seg[^"]*"[^>]*background-color: (#[0-9a-f]{6})', html["zh"])
    shades = {c for group in GROUP_SHADES.values() for c in group}
    assert colours and set(colours) <= shades
    # labour blue, cost red, transport green ... not one grey
    assert {"#08519c", "#cb181d", "#238b45"} <= set(colours)


def test_weights_matrix_gap_sources_and_notes_are_in_the_report(data, html):
    page = html["zh"]
    for heading in ("权重", "成本—质量矩阵", "怎样补齐差距", "来源", "模型说明"):
        assert f"<h2>{heading}</h2>" in page
    assert "人力资源" in page and "40%" in page and "13.3%" in page  # talent_first
    for point in data.matrix.points:
        assert f"<td>{point.cost_index:.0f}</td>" in page
    assert page.count("<circle") == len(SITES)  # the scatter
    # nothing to fetch: http(s) only as the text of a source
    for url in re.findall(r"https?://[^\s\"'<>)]+", page):
        assert url.startswith(("https://github.com/", "https://pypi.org/")), url
    assert "房租补贴" in page and "税收返还" in page
    assert "leiii/census" in page  # a fact's source
    assert "质量得分 = 去掉成本指标" in page  # the quality score is defined


def test_english_report_has_no_chinese_but_data_names(data, html):
    page = html["en"]
    assert '<html lang="en">' in page and "Cost-quality matrix" in page
    text = re.sub(r"<[^>]+>", " ", page)
    for name in sorted(data_names(data), key=len, reverse=True):
        text = text.replace(name, " ")
    assert not CJK.findall(text), CJK.findall(text)[:20]
    assert "Beijing" in page and "Xi" in page  # English names of the store


def test_chinese_report_has_no_english_sentences_but_sources(data, html):
    page = re.sub(r"<style>.*?</style>|src=\"[^\"]+\"", "", html["zh"], flags=re.S)
    text = re.sub(r"<[^>]+>", "\n", page)
    for col in ("source_title", "source_url"):
        for frame in (data.indicators, data.incentives):
            for value in sorted({str(v) for v in frame[col].dropna()}, key=len, reverse=True):
                text = text.replace(value, " ")
    assert not re.findall(r"[A-Za-z]{4,}\s+[A-Za-z]{3,}", text)


def test_gap_of_the_report_ties_when_applied_to_the_cost_model(data):
    site, rival = data.costs["310000"], data.costs["610100"]
    assert data.gap.gap_cny_per_seat_year > 0
    closing = [o for o in data.gap.options if o.status == "closes"]
    assert closing
    for option in closing:
        after = compute_cost(
            site.breakdown.inputs,
            [*incentive_rules(site.context), option.rule],
            years=len(site.breakdown.years),
        ).net_per_seat_per_year
        assert after == pytest.approx(rival.net, abs=1.0)


@pytest.mark.slow
def test_pdf_in_chinese_and_english(data, html):
    zh = pdf_text(html_to_pdf(html["zh"]))
    assert "选址对比" in zh and "成本—质量矩阵" in zh and "怎样补齐差距" in zh
    assert re.search(r"第 1 / \d+", zh)  # page numbers
    for point in data.matrix.points:  # the matrix table
        assert re.search(rf"{point.cost_index:.0f}\s+{point.quality_score:.3f}", zh)
    assert "越低越便宜" in zh  # the axis of the matrix scatter (inline SVG)
    assert "成本低、质量高" in zh or "成本高、质量高" in zh
    en = pdf_text(html_to_pdf(html["en"]))
    assert "Cost-quality matrix" in en and re.search(r"Page 1 / \d+", en)
    for name in sorted(data_names(data), key=len, reverse=True):
        en = en.replace(name, " ")
    # a name can wrap inside a cell in the PDF: what is left must be pieces of data names
    leftovers = set(CJK.findall(en))
    allowed = set("".join(data_names(data)))
    assert leftovers <= allowed, leftovers - allowed


def run_cli(args: list[str], capsys) -> tuple[int, str]:
    with pytest.raises(SystemExit) as done:
        main(args)
    out = capsys.readouterr()
    return done.value.code, out.out + out.err


@pytest.mark.slow
def test_cli_writes_the_compare_report(portal_db, data, tmp_path, capsys):
    out = tmp_path / "compare.html"
    args = ["report", "compare", "--sites", ",".join(SITES), "--site", "310000",
            "--rival", "610100", "--lang", "en", "--out", str(out), "--db", str(portal_db)]  # fmt: skip
    try:
        main(args)
    except SystemExit as exc:
        assert exc.code in (0, None)
    written = out.read_text(encoding="utf-8")
    # the same report as the page's (the page renders the same data with the same function)
    expected = render_compare_html(data, when=written.split("data as of ")[1][:10], lang="en")
    strip = re.compile(r'src="data:image/png;base64,[^"]+"')  # PNG bytes may differ by a pixel
    assert strip.sub("", written) == strip.sub("", expected)
    pdf = tmp_path / "compare.pdf"
    args[args.index("--out") + 1] = str(pdf)
    args[args.index("--lang") + 1] = "zh"
    try:
        main(args)
    except SystemExit as exc:
        assert exc.code in (0, None)
    assert pdf.read_bytes()[:5] == b"%PDF-" and "成本—质量矩阵" in pdf_text(pdf.read_bytes())


def test_cli_errors_are_one_line(portal_db, tmp_path, capsys):
    code, text = run_cli(
        ["report", "compare", "--sites", "110000,310000", "--out", str(tmp_path / "x.docx"),
         "--db", str(portal_db)], capsys,
    )  # fmt: skip
    assert code == 2 and ".pdf or .html" in text and "Traceback" not in text
    code, text = run_cli(
        ["report", "compare", "--sites", "110000,nowhere", "--out", str(tmp_path / "x.pdf"),
         "--db", str(portal_db)], capsys,
    )  # fmt: skip
    assert code == 2 and "nowhere" in text and "Traceback" not in text
    code, text = run_cli(
        ["report", "compare", "--sites", "110000,310000", "--service-level", "99/1",
         "--out", str(tmp_path / "x.pdf"), "--db", str(portal_db)], capsys,
    )  # fmt: skip
    assert code == 2 and "99/1" in text and "Traceback" not in text
    code, text = run_cli(["report", "benchmark", "--out", str(tmp_path / "b.pdf")], capsys)
    assert code == 2 and "--center" in text


@pytest.mark.slow
def test_cli_writes_the_benchmark_report(portal_db, tmp_path, capsys):
    out = tmp_path / "bench.pdf"
    try:
        main(["report", "benchmark", "--kpi", "answer_rate=0.9,aht_seconds=250", "--by",
              "industry", "--industry", "金融", "--city", "北京市", "--out", str(out),
              "--db", str(portal_db)])  # fmt: skip
    except SystemExit as exc:
        assert exc.code in (0, None)
    text = pdf_text(out.read_bytes())
    assert "绩效对标报告" in text and "接通率" in text and "模型说明" in text
    assert re.search(r"第 1 / \d+", text)


def test_compare_page_shows_the_matrix_and_the_gap(portal_db, monkeypatch):
    from streamlit.testing.v1 import AppTest

    from tests.portal_support import APP

    monkeypatch.setenv("PARKBENCH_DB", str(portal_db))
    at = AppTest.from_file(str(APP), default_timeout=120)
    at.run()
    at.switch_page("views/compare.py")
    at.run()
    at.multiselect(key="compare_sites").set_value(list(SITES)).run()
    at.selectbox(key="compare_gap_site").set_value("310000").run()
    at.selectbox(key="compare_gap_rival").set_value("610100").run()
    assert not at.exception, at.exception
    frames = {tuple(df.value.columns): df.value for df in at.dataframe}
    matrix = next(v for k, v in frames.items() if "象限" in k)
    assert len(matrix) == 3 and set(matrix["象限"]) <= {
        "成本低、质量高", "成本高、质量高", "成本低、质量低", "成本高、质量低",
    }  # fmt: skip
    gap = next(v for k, v in frames.items() if "优惠方式" in k)
    assert list(gap["优惠方式"]) == ["房租补贴", "座席补贴", "培训补贴", "税收返还"]
    labels = [b.proto.label for b in at.get("download_button")]
    assert "对比报告（PDF）" in labels
    # the contributions chart on the page: each criterion in its group's colour
    import json

    charts = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
    bars = next(c for c in charts if c["data"][0].get("type") == "bar")
    colours = {trace["marker"]["color"] for trace in bars["data"]}
    assert {"#08519c", "#cb181d", "#238b45"} <= colours
    assert any(len(c["data"]) == 1 and c["data"][0].get("mode") == "markers+text" for c in charts)
    at.sidebar.radio(key="lang_switch").set_value("en").run()
    assert not at.exception, at.exception
    frames = {tuple(df.value.columns): df.value for df in at.dataframe}
    matrix = next(v for k, v in frames.items() if "Quadrant" in k)
    assert set(matrix["Site"]) == {"Beijing", "Shanghai", "Xi’an"}
    gap = next(v for k, v in frames.items() if "Incentive" in k)
    assert not any(CJK.search(str(cell)) for cell in gap.to_numpy().ravel())
