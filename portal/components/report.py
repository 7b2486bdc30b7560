"""A self-contained HTML report: text, tables and charts as inline PNG, nothing fetched.

Charts are drawn with matplotlib (Agg) into ``data:image/png;base64`` images with a CJK font,
so the file opens offline in any browser and prints as it shows. Interactive plotly charts
would need plotly.js inlined (3.5 MB, full of URLs) or fetched from a CDN; a report does not
need the interaction. Source URLs appear as text only (no ``src``/``href`` to the internet).
"""

from __future__ import annotations

import base64
import html
import io
from dataclasses import dataclass, field

import pandas as pd

#: font families tried in turn for every glyph (Noto CJK from fonts-noto-cjk)
MPL_FONTS = [
    "Noto Sans CJK SC",
    "Noto Sans CJK JP",
    "Noto Serif CJK SC",
    "WenQuanYi Zen Hei",
    "DejaVu Sans",
]


@dataclass
class Section:
    """One part of a report: a heading and any of lines, a table, images and cards."""

    heading: str
    lines: list[str] = field(default_factory=list)
    table: pd.DataFrame | None = None
    images: list[tuple[str, bytes]] = field(default_factory=list)  # (alt text, PNG)
    cards: list[dict] = field(
        default_factory=list
    )  # {name, facts: [(l, v, src)], rules: [{text, source}]}


def _figure():
    import matplotlib

    matplotlib.use("Agg", force=False)
    import matplotlib.pyplot as plt

    plt.rcParams["font.family"] = MPL_FONTS
    plt.rcParams["axes.unicode_minus"] = False
    return plt


def _png(fig) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=110, bbox_inches="tight")
    import matplotlib.pyplot as plt

    plt.close(fig)
    return buf.getvalue()


def contributions_png(
    sites: list[str],
    contributions: dict[str, list[float]],
    colours: dict[str, str],
    *,
    title: str,
    unit: str,
) -> bytes:
    """Stacked horizontal bars: ``contributions`` maps a criterion label to one value per site."""
    plt = _figure()
    fig, ax = plt.subplots(figsize=(9, 1.4 + 0.6 * len(sites)))
    left = [0.0] * len(sites)
    ypos = list(range(len(sites)))[::-1]
    for label, values in contributions.items():
        ax.barh(ypos, values, left=left, color=colours.get(label, "#888888"), label=label)
        left = [a + b for a, b in zip(left, values, strict=True)]
    ax.set_yticks(ypos, sites)
    ax.set_xlabel(unit)
    ax.set_title(title)
    ax.legend(fontsize=7, ncol=3, loc="upper center", bbox_to_anchor=(0.5, -0.25), frameon=False)
    return _png(fig)


def waterfall_png(steps: list[tuple[str, float, str]], *, title: str, unit: str) -> bytes:
    """A waterfall of ``(label, value, measure)`` steps (``relative`` or ``total``)."""
    plt = _figure()
    fig, ax = plt.subplots(figsize=(9, 4.2))
    running = 0.0
    for i, (_, value, measure) in enumerate(steps):
        if measure == "total":
            ax.bar(i, value, color="#1f6fb2")
            running = value
            top = value
        else:
            bottom = running if value >= 0 else running + value
            ax.bar(i, abs(value), bottom=bottom, color="#c8553d" if value >= 0 else "#2e8b57")
            running += value
            top = running if value >= 0 else running - value
        ax.text(i, top, f"{value:,.0f}", ha="center", va="bottom", fontsize=7)
    ax.set_xticks(range(len(steps)), [s[0] for s in steps], rotation=40, ha="right", fontsize=8)
    ax.set_ylabel(unit)
    ax.set_title(title)
    return _png(fig)


CSS = """
body{font-family:"Noto Sans CJK SC","Noto Sans SC","Microsoft YaHei",sans-serif;margin:2em auto;
max-width:1100px;color:#222;line-height:1.45}
h1{font-size:1.6em}h2{font-size:1.25em;border-bottom:1px solid #ccc;padding-bottom:.2em}
table{border-collapse:collapse;font-size:.85em;margin:.5em 0}
td,th{border:1px solid #ccc;padding:.25em .5em;text-align:left;vertical-align:top}
th{background:#f3f3f3}img{max-width:100%}.cards{display:flex;flex-wrap:wrap;gap:1em}
.card{flex:1 1 200px;border:1px solid #ccc;border-radius:6px;padding:.6em}
.src{color:#666;font-size:.8em}
"""


def build_report_html(title: str, sections: list[Section], footer: str, lang: str) -> bytes:
    """The report as UTF-8 HTML bytes with everything inline."""
    esc = html.escape
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{"zh-CN" if lang == "zh" else "en"}"><head><meta charset="utf-8">',
        f"<title>{esc(title)}</title><style>{CSS}</style></head><body>",
        f"<h1>{esc(title)}</h1>",
    ]
    for s in sections:
        parts.append(f"<h2>{esc(s.heading)}</h2>")
        parts += [f"<p>{esc(line)}</p>" for line in s.lines]
        if s.table is not None:
            parts.append(s.table.to_html(index=False, escape=True, border=0, na_rep="—"))
        for alt, png in s.images:
            data = base64.b64encode(png).decode("ascii")
            parts.append(f'<p><img alt="{esc(alt)}" src="data:image/png;base64,{data}"></p>')
        if s.cards:
            parts.append('<div class="cards">')
            for card in s.cards:
                parts.append(f'<div class="card"><h3>{esc(card["name"])}</h3>')
                for label, value, source in card["facts"]:
                    parts.append(f"<div><b>{esc(label)}</b>: {esc(value)}</div>")
                    if source:
                        parts.append(f'<div class="src">{esc(source)}</div>')
                parts.append(f"<div><b>{esc(card['rules_heading'])}</b></div><ul>")
                for rule in card["rules"]:
                    src = f'<div class="src">{esc(rule["source"])}</div>' if rule["source"] else ""
                    parts.append(f"<li>{esc(rule['text'])}{src}</li>")
                parts.append("</ul></div>")
            parts.append("</div>")
    parts.append(f'<p class="src">{esc(footer)}</p></body></html>')
    return "\n".join(parts).encode("utf-8")
