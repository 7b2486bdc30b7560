"""The Examples in the geography modules' docstrings run and hold."""

import doctest

import pytest

from data import coords, geo_build, geo_joins, geocode


@pytest.mark.parametrize("module", [coords, geocode, geo_joins, geo_build])
def test_docstring_examples(module):
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0 and result.failed == 0
