"""GCJ-02 <-> WGS-84 conversion: known offsets, round trip, identity outside China."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from data.geo.coords import gcj02_to_wgs84, outside_china, wgs84_to_gcj02


def test_known_offset_tiananmen():
    # WGS-84 39.9087 N 116.3975 E shows on Amap about 0.0014 deg north and 0.0062 deg east
    lat, lon = wgs84_to_gcj02(39.9087, 116.3975)
    assert lat - 39.9087 == pytest.approx(0.00140, abs=5e-5)
    assert lon - 116.3975 == pytest.approx(0.00624, abs=5e-5)


def test_offset_is_hundreds_of_metres_in_shanghai():
    lat, lon = wgs84_to_gcj02(31.2304, 121.4737)
    assert 0.001 < lon - 121.4737 < 0.006
    assert -0.003 < lat - 31.2304 < 0.0


@given(st.floats(18.0, 53.0), st.floats(74.0, 134.0))
def test_round_trip_within_1e5_degree(lat, lon):
    g_lat, g_lon = wgs84_to_gcj02(lat, lon)
    w_lat, w_lon = gcj02_to_wgs84(g_lat, g_lon)
    assert abs(w_lat - lat) < 1e-5 and abs(w_lon - lon) < 1e-5


def test_identity_outside_china():
    assert outside_china(48.8566, 2.3522)
    assert wgs84_to_gcj02(48.8566, 2.3522) == (48.8566, 2.3522)
    assert gcj02_to_wgs84(-33.86, 151.21) == (-33.86, 151.21)
