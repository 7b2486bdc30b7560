"""The Data page's search across all tables and the page of one source.

``source_address`` is pure; ``render_*`` call Streamlit.
"""

from __future__ import annotations

from urllib.parse import urlencode

import pandas as pd
import streamlit as st

from portal.components.names import localise_frame
from portal.components.tables import render_table, table_title
from portal.i18n import STRINGS, current_lang, fmt_number, t


def source_address(source_id: str, url: str | None, lang: str) -> str:
    """Where a source opens: its web address, else its page on the Data page.

    >>> source_address("s1", "https://example.org/a", "en")
    'https://example.org/a'
    >>> source_address("src_1", "001_abc.txt", "en")
    'data?lang=en&source=src_1'
    """
    if url and str(url).startswith(("http://", "https://")):
        return str(url)
    return "data?" + urlencode({"lang": lang, "source": source_id})


def render_search_results(
    results: dict[str, pd.DataFrame], text: str, places: dict[str, str] | None = None
) -> None:
    """Hits of :func:`data.store.queries.search_everywhere`, one block per table.

    ``places`` maps Chinese place names to English ones (shown in the English pages).
    """
    if not results:
        st.info(t("data.find_none", text=text))
        return
    total = sum(len(f) for f in results.values())
    st.caption(t("data.find_count", n=fmt_number(total, t("unit.row")), tables=len(results)))
    lang = current_lang()
    for table, frame in results.items():
        st.markdown(f"**{table_title(table)}** — {fmt_number(len(frame), t('unit.row'))}")
        if table == "sources":
            render_source_list(frame, lang, key=f"data_find_{table}")
        else:
            render_table(table, localise_frame(frame, places or {}), key=f"data_find_{table}")


def render_source_list(frame: pd.DataFrame, lang: str, key: str) -> None:
    """Sources with a link that opens each (its web page, else its page here)."""
    shown = pd.DataFrame(
        {
            "title": frame["title"],
            "publisher": frame["publisher"],
            "published": frame["published"],
            "open": [
                source_address(i, u, lang) for i, u in zip(frame["id"], frame["url"], strict=True)
            ],
        }
    )
    st.dataframe(
        shown,
        hide_index=True,
        width="stretch",
        placeholder="",
        key=key,
        column_config={
            "title": st.column_config.TextColumn(t("data.fact_source")),
            "publisher": st.column_config.TextColumn(t("data.source_publisher")),
            "published": st.column_config.TextColumn(t("data.fact_published")),
            "open": st.column_config.LinkColumn(
                t("data.source_open_col"), display_text=t("data.source_open_short")
            ),
        },
    )


def render_source_page(source: dict, document: str | None) -> None:
    """One source: what it is, where it opens, how many facts it gave, and its document."""
    st.markdown(f"#### {source['title']}")
    kind = source.get("kind") or ""
    rows = [
        (t("common.kind"), t(f"source_kind.{kind}") if f"source_kind.{kind}" in STRINGS else kind),
        (t("data.source_publisher"), source.get("publisher") or "—"),
        (t("data.fact_published"), source.get("published") or "—"),
        (t("data.source_retrieved"), (source.get("retrieved_at") or "—")[:10]),
        (t("data.source_facts"), fmt_number(int(source.get("facts") or 0), t("unit.fact"))),
        (t("data.source_licence"), source.get("licence") or "—"),
    ]
    st.dataframe(
        pd.DataFrame(rows, columns=[t("data.fact_field"), t("data.fact_value")]),
        hide_index=True,
        width="stretch",
    )
    url = str(source.get("url") or "")
    if url.startswith(("http://", "https://")):
        st.link_button(t("data.source_open"), url)
    elif document is not None:
        st.caption(t("data.source_document", file=url))
        st.code(document, language=None, wrap_lines=True, height=420)
    elif url:
        st.caption(t("data.source_citation", where=url))
