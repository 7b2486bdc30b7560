"""Round 7 families, seen on the sixth blind set after its one score (sentences written for these
tests)."""

from __future__ import annotations

import pytest

from tests.scrapers.test_scrapers_prose4 import one, page


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "The Water Authority's Customer Telephone Enquiry Centre in Kowloon answers calls "
            "24 hours a day.",
            "Water Authority's Customer Telephone Enquiry Centre",
        ),
        (
            "The department runs a Central Telephone Enquiry Centre, open 24 hours a day, in "
            "Hong Kong.",
            "Central Telephone Enquiry Centre",
        ),
        (
            "A new Public Inquiry Center in Macau answers questions on tax and licences, "
            "24 hours a day.",
            "Public Inquiry Center",
        ),
    ],
)
def test_english_enquiry_centres_are_centers(text, name):
    center = one(page(text)["centers"], name)
    assert center["hours_per_day"] == 24


def test_wei_min_serving_the_people_is_part_of_a_lines_name():
    # 为 alone ends a name (成为, 作为…为); 为民 (for the people) is a word of line names
    text = "南投县1999为民服务专线全年无休，提供24小时服务。"
    line = one(page(text)["centers"], "南投县1999为民服务专线")
    assert line["city"] == "南投县" and line["hours_per_day"] == 24
