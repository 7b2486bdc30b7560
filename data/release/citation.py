"""How to cite a release: ``CITATION.cff`` (Citation File Format 1.2.0) and ``CITATION.md``.

The English citation follows the APA pattern for data sets, the Chinese one GB/T 7714-2015
(``[DS]`` marks a data set).
"""

from __future__ import annotations

import yaml

TITLE_EN = "ParkBench: data on Chinese call centers and call-center industry parks"
TITLE_ZH = "ParkBench 中国呼叫中心与呼叫中心产业园区数据集"
AUTHOR_EN = "ParkBench contributors"
AUTHOR_ZH = "ParkBench 贡献者"
ABSTRACT = (
    "Curated profiles of Chinese call centers and call-center industry parks, their incentives, "
    "KPIs and industry figures, with the source and evidence of every value, plus reference "
    "geography. 中国呼叫中心与产业园区的整理数据，每个数值附来源与原文依据。"
)
KEYWORDS = ("call center", "contact center", "industry park", "China", "呼叫中心", "产业园区")


def render_cff(version: str, created: str, licences: list[str]) -> str:
    """``CITATION.cff`` text for a release (``licences``: SPDX ids of the resources)."""
    doc = {
        "cff-version": "1.2.0",
        "message": "If you use this data set, please cite it as below. 如使用本数据集，请按以下方式引用。",
        "type": "dataset",
        "title": TITLE_EN,
        "version": version,
        "date-released": created[:10],
        "authors": [{"name": AUTHOR_EN}],
        "abstract": ABSTRACT,
        "keywords": list(KEYWORDS),
    }
    if licences:
        doc["license"] = licences if len(licences) > 1 else licences[0]
    return yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=100)


def citation_en(version: str, created: str) -> str:
    """The suggested citation in English (APA-style data set reference)."""
    return f"{AUTHOR_EN}. ({created[:4]}). *{TITLE_EN}* (Version {version}) [Data set]. Released {created[:10]}."


def citation_zh(version: str, created: str) -> str:
    """The suggested citation in Chinese (GB/T 7714-2015, data set ``[DS]``)."""
    return f"{AUTHOR_ZH}. {TITLE_ZH}: {version} 版[DS]. {created[:10]}."


def render_citation_md(version: str, created: str) -> str:
    """``CITATION.md``: the suggested citation in Chinese and English, plus a BibTeX entry."""
    key = f"parkbench_{version.replace('.', '_')}"
    return "\n".join(
        [
            "# 引用 / How to cite",
            "",
            "## 中文（GB/T 7714-2015）",
            "",
            citation_zh(version, created),
            "",
            "## English (APA)",
            "",
            citation_en(version, created),
            "",
            "## BibTeX",
            "",
            "```bibtex",
            f"@misc{{{key},",
            f"  author = {{{{{AUTHOR_EN}}}}},",
            f"  title = {{{TITLE_EN}}},",
            f"  year = {{{created[:4]}}},",
            f"  version = {{{version}}},",
            "  note = {Data set}",
            "}",
            "```",
            "",
            "每个文件的 SHA-256 校验和见 `SHA256SUMS`；引用时请注明版本号。 "
            "Checksums of every file are in `SHA256SUMS`; cite the version you used.",
            "",
        ]
    )
