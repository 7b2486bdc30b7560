"""The Awards page's pieces: the rubric's areas, the leaderboard and the side-by-side cards.

``build_*`` are pure (rows of :func:`models.awards.award_leaderboard` or the dict of
:func:`models.awards.award_cards` in, display tables out); ``render_cards`` calls Streamlit.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from models.awards import Rubric
from portal.i18n import current_lang, fmt_number, md, t


def _text(value: object) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return "—"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def rubric_title(spec: dict, name: str, lang: str | None = None) -> str:
    """A rubric's title in ``lang`` (the other language's, else the file name, when missing)."""
    lang = lang or current_lang()
    other = "en" if lang == "zh" else "zh"
    return spec.get(f"title_{lang}") or spec.get(f"title_{other}") or name


def build_areas_table(rubric: Rubric) -> pd.DataFrame:
    """The rubric's areas with their points and what backs them."""
    zh = current_lang() == "zh"
    return pd.DataFrame(
        [
            {
                t("awards.area"): a.zh if zh else a.en,
                t("awards.points"): f"{a.points:g}",
                t("awards.items"): ", ".join(i.label for i in a.items),
            }
            for a in rubric.areas
        ]
    )


def build_leaderboard_table(
    rows: list[dict], *, min_coverage: float, total_points: float
) -> pd.DataFrame:
    """Leaderboard rows as display strings, coverage beside the score; unranked rows say why."""
    # labels translated once, not per row (10,000 rows asked the session's language 110,000 times)
    cols = {k: t(f"awards.col.{k}") for k in ("rank", "name", "score", "coverage", "year",
                                                "category", "category_rank", "note")}  # fmt: skip
    points = t("awards.col.points", total=f"{total_points:g}")
    latest, no_industry = t("awards.latest"), t("awards.no_industry")
    unranked = t("awards.unranked", min=fmt_number(min_coverage, "fraction"))
    lang = current_lang()
    shares: dict[float, str] = {}  # a rubric's coverages are few: each written once
    out = []
    for r in rows:
        ranked = r["rank"] is not None
        share = shares.get(r["coverage"])
        if share is None:
            share = shares[r["coverage"]] = fmt_number(r["coverage"], "fraction", lang)
        out.append(
            {
                cols["rank"]: str(r["rank"]) if ranked else "—",
                cols["name"]: r["name"],
                cols["score"]: "—" if r["score"] is None else f"{r['score']:.1f}",
                # beside the score: how much of the rubric the score rests on
                cols["coverage"]: share,
                points: f"{r['points']:.1f}",
                cols["year"]: str(r["year"]) if r["year"] else latest,
                cols["category"]: r["category"] or no_industry,
                cols["category_rank"]: (
                    str(r["category_rank"]) if r.get("category_rank") is not None else "—"
                ),
                cols["note"]: "" if ranked else unranked,
            }
        )
    return pd.DataFrame(out)


def build_card_rows(cards: dict) -> list[tuple[str, list[str]]]:
    """``(field label, [value per center])`` in the candidate-form order, then area points."""
    zh = current_lang() == "zh"
    return [
        (row["zh"] if zh else row["en"], [_text(v) for v in row["values"]]) for row in cards["card"]
    ]


def build_card_table(cards: dict) -> pd.DataFrame:
    """The cards as one table: a field column, then one column per center."""
    names = [c["name"] for c in cards["centers"]]
    header = [f"{i + 1}. {n}" for i, n in enumerate(names)]  # two centers may share a name
    rows = build_card_rows(cards)
    return pd.DataFrame(
        [
            {t("awards.card_field"): label, **dict(zip(header, vals, strict=True))}
            for label, vals in rows
        ]
    )


def render_cards(cards: dict) -> None:
    """One bordered card per center, side by side, fields in the candidate-form order."""
    rows = build_card_rows(cards)
    columns = st.columns(len(cards["centers"]))
    for i, (col, center) in enumerate(zip(columns, cards["centers"], strict=True)):
        with col.container(border=True):
            st.markdown(f"**{md(center['name'])}**")
            lines = [f"| {t('awards.card_field')} | |", "|---|---|"]
            lines += [f"| {md(label)} | {md(values[i])} |" for label, values in rows]
            st.markdown("\n".join(lines))
