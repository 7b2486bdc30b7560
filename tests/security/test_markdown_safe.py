"""Data values shown on pages are text: Markdown in a name never becomes an image or a link."""

from __future__ import annotations

import pytest
from markdown_it import MarkdownIt
from streamlit.testing.v1 import AppTest

from data.ingest.records import check_record
from portal.i18n import md

PAYLOAD = "![x](http://host.example/p.png) [click](javascript:alert(1)) <img src=x> $x^2$"


def html_of(text: str) -> str:
    return MarkdownIt("commonmark").render(text)


def test_md_escapes_every_markdown_construct():
    html = html_of(md(PAYLOAD))
    assert "<img" not in html and "<a " not in html and "<em>" not in html
    assert "http://host.example/p.png" in html  # shown as the characters it is


def _cards():
    from portal.components.awards import render_cards
    from portal.components.compare import render_fact_card

    bad = "![x](http://host.example/p.png)"
    render_fact_card(bad, [(bad, bad, bad)], [{"text": bad, "source": bad}])
    render_cards(
        {
            "centers": [{"name": bad}, {"name": "B"}],
            "card": [{"zh": bad, "en": bad, "values": [bad, "a|b"]}],
        }
    )


def test_components_render_names_as_text():
    at = AppTest.from_function(_cards)
    at.run()
    assert not at.exception, at.exception
    shown = [str(e.value) for kind in ("markdown", "caption") for e in at.get(kind)]
    assert len(shown) >= 5
    for text in shown:
        html = MarkdownIt("commonmark").enable("table").render(text)
        assert "<img" not in html and "<a " not in html, text


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "data:text/html,<b>x</b>", "file:///etc/passwd", "ftp://x.cn/"]
)
def test_only_http_links_are_stored(url):
    checked = check_record("centers", {"name": "某中心", "website": url})
    assert [e.rule for e in checked.errors] == ["url"]
    assert "http" in checked.errors[0].reason


@pytest.mark.parametrize("url", ["https://www.example.cn/a?b=1", "http://example.cn", "www.a.cn"])
def test_http_links_are_kept(url):
    checked = check_record("centers", {"name": "某中心", "website": url})
    assert checked.ok and checked.values["website"].startswith("http")


@pytest.mark.parametrize("text", ["某\x00中心", "某中心\x1b[31m", "a\x7fb"])
def test_nul_and_control_characters_are_rejected_per_field(text):
    checked = check_record("centers", {"name": "好中心", "city": text})
    assert [(e.column, e.rule) for e in checked.errors] == [("city", "control_character")]
    assert "position" in checked.errors[0].reason
