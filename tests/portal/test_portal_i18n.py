"""One translation table: every key used in portal/ exists in both languages; numbers by language."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from data.imports.importer import KINDS
from data.store.queries import COMPUTED_INDICATORS
from portal.i18n import LANGS, STRINGS, fmt_number, t

PORTAL = Path(__file__).resolve().parents[2] / "portal"
KEY = re.compile(r"""\bt\(\s*["']([\w.]+)["']""")


def used_keys() -> set[str]:
    keys = set()
    for path in PORTAL.rglob("*.py"):
        keys.update(KEY.findall(path.read_text(encoding="utf-8")))
    return keys


def test_scan_finds_the_keys_of_every_page():
    keys = used_keys()
    assert {"page.overview", "page.map", "page.data", "page.admin", "admin.disabled"} <= keys


def test_every_used_key_is_translated():
    missing = sorted(k for k in used_keys() if k not in STRINGS)
    assert not missing, missing


def test_dynamic_keys_exist():
    dynamic = [f"map.ind.{n}" for n in COMPUTED_INDICATORS] + [f"admin.kind.{k}" for k in KINDS]
    assert not [k for k in dynamic if k not in STRINGS]


@pytest.mark.parametrize("key", sorted(STRINGS))
def test_every_string_has_both_languages(key):
    assert set(STRINGS[key]) == set(LANGS)
    assert all(STRINGS[key][lang].strip() for lang in LANGS)
    fields = [set(re.findall(r"{(\w+)}", STRINGS[key][lang])) for lang in LANGS]
    assert fields[0] == fields[1], "both languages take the same placeholders"


def test_unknown_key_fails_loudly():
    with pytest.raises(KeyError):
        t("no.such.key")


@pytest.mark.parametrize(
    ("value", "unit", "lang", "expected"),
    [
        (12345, "seat", "zh", "1.23万席"),
        (12345, "seat", "en", "12,345 seats"),
        (350_000_000, "CNY", "zh", "3.5亿元"),
        (350_000_000, "CNY", "en", "350,000,000 CNY"),
        (9999, "CNY", "zh", "9999元"),
        (0.805, "fraction", "zh", "80.5%"),
        (42.5, "CNY/m2/month", "en", "42.5 CNY/m²/month"),
        (None, "seat", "en", "—"),
        (-25000, "CNY", "zh", "-2.5万元"),
    ],
)
def test_numbers_are_written_for_the_language(value, unit, lang, expected):
    assert fmt_number(value, unit, lang) == expected
