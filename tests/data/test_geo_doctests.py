"""The Examples in the geography modules' docstrings run and hold."""

import doctest

import pytest

from data.geo import coords, geocode
from data.geo import joins as geo_joins


@pytest.mark.parametrize("module", [coords, geocode, geo_joins])
def test_docstring_examples(module):
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0 and result.failed == 0
