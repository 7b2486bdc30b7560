"""English names of the industries the data records (``centers.industry``), by their Chinese name."""

from data.normalise.industries import INDUSTRIES

STRINGS: dict[str, dict[str, str]] = {
    **{f"industry.{zh}": {"zh": zh, "en": en} for zh, en in INDUSTRIES.items()},
    "names.romanised": {
        "zh": "英文地名取自参考数据（拼音转写）。",
        "en": "English place names are the reference data's romanisations (pinyin); names "
        "without one stay in Chinese.",
    },
}
