"""check_record reads a value repeated down a column once (data.ingest.records, plan memo).

The memo must change nothing a user sees: the same values, the same errors every time, the
control-character check on every field, outputs that stay unshared where they are mutable.
"""

from __future__ import annotations

from datetime import date

import pytest

from data.ingest import records
from data.ingest.records import MEMO_SIZE, MEMO_TEXT_LEN, check_record
from data.schema.tables import TABLES


@pytest.fixture
def seats_calls(monkeypatch):
    """Count the calls of the ``seats`` reader of centers (the memo starts empty)."""
    plan = records._plan(TABLES["centers"])
    reader = plan.readers["seats"]
    calls: list[object] = []

    def counting(raw):
        calls.append(raw)
        return reader(raw)

    monkeypatch.setitem(plan.readers, "seats", counting)
    monkeypatch.setitem(plan.memo, "seats", {})
    return calls


def test_a_repeated_value_is_read_once(seats_calls):
    for i in range(5):
        checked = check_record("centers", {"name": f"中心{i}", "seats": "1,234个"})
        assert checked.ok and checked.values["seats"] == 1234
    assert seats_calls == ["1,234个"]


def test_a_failed_read_is_not_kept(seats_calls):
    first = check_record("centers", {"name": "甲中心", "seats": "很多"})
    second = check_record("centers", {"name": "乙中心", "seats": "很多"})
    assert [(e.column, e.rule, e.reason) for e in first.errors] == [
        (e.column, e.rule, e.reason) for e in second.errors
    ]
    assert first.errors and seats_calls == ["很多", "很多"]


def test_bounds_are_checked_on_kept_values(seats_calls):
    for _ in range(2):
        checked = check_record("centers", {"name": "甲中心", "seats": "2000000个"})
        assert [(e.column, e.rule, e.reason) for e in checked.errors] == [
            ("seats", "less_than_equal", "seats: Input should be less than or equal to 1000000")
        ]
    assert seats_calls == ["2000000个"]


def test_control_characters_are_still_refused_after_the_clean_value(seats_calls):
    assert check_record("centers", {"name": "甲中心", "seats": "550个"}).ok
    bad = check_record("centers", {"name": "甲中心", "seats": "550个\x00"})
    assert [(e.column, e.rule) for e in bad.errors] == [("seats", "control_character")]


def test_only_plain_strings_are_kept(seats_calls):
    assert check_record("centers", {"name": "甲中心", "seats": 550}).values["seats"] == 550
    assert check_record("centers", {"name": "甲中心", "seats": 550}).values["seats"] == 550
    assert seats_calls == [550, 550]


def test_list_values_are_never_shared():
    raw = {"name": "甲中心", "phone_numbers": "010-12345678、021-87654321"}
    a, b = check_record("centers", raw), check_record("centers", raw)
    assert a.values["phone_numbers"] == b.values["phone_numbers"]
    assert a.values["phone_numbers"] is not b.values["phone_numbers"]


def test_the_memo_is_bounded(seats_calls):
    plan = records._plan(TABLES["centers"])
    for i in range(MEMO_SIZE + 10):
        check_record("centers", {"name": "甲中心", "seats": f"{i}个"})
    assert len(plan.memo["seats"]) <= MEMO_SIZE


def test_the_memo_starts_afresh_each_day(seats_calls, monkeypatch):
    class Day(date):
        current = date(2026, 12, 4)

        @classmethod
        def today(cls):
            return cls.current

    monkeypatch.setattr(records, "date", Day)
    check_record("centers", {"name": "甲中心", "seats": "550个"})
    check_record("centers", {"name": "甲中心", "seats": "550个"})
    Day.current = date(2026, 12, 5)
    check_record("centers", {"name": "甲中心", "seats": "550个"})
    assert seats_calls == ["550个", "550个"]


def test_long_texts_are_not_kept(monkeypatch):
    plan = records._plan(TABLES["centers"])
    monkeypatch.setitem(plan.memo, "name", {})
    short, long = "甲" * MEMO_TEXT_LEN, "乙" * (MEMO_TEXT_LEN + 1)
    assert check_record("centers", {"name": short}).values["name"] == short
    assert check_record("centers", {"name": long}).values["name"] == long
    assert list(plan.memo["name"]) == [short]
