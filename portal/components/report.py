"""Charts of the reports as PNG (matplotlib, Agg, CJK fonts), inlined as ``data:`` URIs.

Interactive plotly charts would need plotly.js inlined (3.5 MB, full of URLs) or fetched from a
CDN; a report does not need the interaction. The reports themselves are ``portal.reports``.
"""

from __future__ import annotations

import io

#: font families tried in turn for every glyph (Noto CJK from fonts-noto-cjk)
MPL_FONTS = [
    "Noto Sans CJK SC",
    "Noto Sans CJK JP",
    "Noto Serif CJK SC",
    "WenQuanYi Zen Hei",
    "DejaVu Sans",
]


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
