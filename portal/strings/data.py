"""Strings of the Data page added with the release data dictionary (``views/data.py``)."""

STRINGS: dict[str, dict[str, str]] = {
    "data.dict_required": {"zh": "必填", "en": "Required"},
    "data.dict_foreign_key": {"zh": "外键", "en": "Foreign key"},
    "data.dict_source": {"zh": "出处", "en": "Source"},
}
