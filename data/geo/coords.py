"""Convert coordinates between WGS-84 and GCJ-02 (the "Mars" datum of Amap/Gaode and Tencent maps).

ParkBench stores WGS-84 ``lat``/``lon``. Chinese web maps (Amap/Gaode, Tencent, Google's China
tiles) show GCJ-02, an obfuscated datum shifted from WGS-84 by a smooth, position-dependent
offset of roughly 100-700 m. Points copied from those pages are converted at the edge with
:func:`gcj02_to_wgs84`.

Algorithm: the forward transform is the widely published reverse-engineered formula (Krasovsky
1940 ellipsoid, ``a = 6378245 m``, ``e^2 = 0.00669342162296594323``; a sum of sine terms in the
offset from (105 E, 35 N)), as in the public-domain ``eviltransform`` and ``coordtransform``
code. The inverse has no closed form: :func:`gcj02_to_wgs84` solves ``wgs84_to_gcj02(x) = p``
by fixed-point iteration (the offset varies slowly, so each step gains several digits) until
the residual is below 1e-9 degree, i.e. millimetres. Outside the rough box of mainland China
(the one the datum itself uses) both functions return their input unchanged. Hong Kong, Macau
and Taiwan lie inside the box, although their own maps use WGS-84: convert only what came from
a GCJ-02 map.

The code is a few lines of arithmetic; the PyPI packages that offer it are small, unmaintained
and bring nothing more, so it is written here.
"""

from __future__ import annotations

import math

import numpy as np

_A = 6378245.0
_EE = 0.00669342162296594323
_ITERATION_TOLERANCE_DEGREE = 1e-9
_MAX_ITERATIONS = 30


def outside_china(lat: float, lon: float) -> bool:
    """True when the point lies outside the box in which GCJ-02 differs from WGS-84.

    Examples
    --------
    >>> outside_china(48.8566, 2.3522)
    True
    >>> outside_china(30.27, 120.15)
    False
    """
    return not (72.004 <= lon <= 137.8347 and 0.8293 <= lat <= 55.8271)


def _offset(lat: float, lon: float) -> tuple[float, float]:
    """GCJ-02 minus WGS-84 at a WGS-84 point, in degrees (dlat, dlon)."""
    x, y = lon - 105.0, lat - 35.0
    dlat = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * math.sqrt(abs(x))
    dlat += (20.0 * math.sin(6.0 * x * math.pi) + 20.0 * math.sin(2.0 * x * math.pi)) * 2.0 / 3.0
    dlat += (20.0 * math.sin(y * math.pi) + 40.0 * math.sin(y / 3.0 * math.pi)) * 2.0 / 3.0
    dlat += (160.0 * math.sin(y / 12.0 * math.pi) + 320 * math.sin(y * math.pi / 30.0)) * 2.0 / 3.0
    dlon = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * math.sqrt(abs(x))
    dlon += (20.0 * math.sin(6.0 * x * math.pi) + 20.0 * math.sin(2.0 * x * math.pi)) * 2.0 / 3.0
    dlon += (20.0 * math.sin(x * math.pi) + 40.0 * math.sin(x / 3.0 * math.pi)) * 2.0 / 3.0
    dlon += (
        (150.0 * math.sin(x / 12.0 * math.pi) + 300.0 * math.sin(x / 30.0 * math.pi)) * 2.0 / 3.0
    )
    rad_lat = lat / 180.0 * math.pi
    magic = 1 - _EE * math.sin(rad_lat) ** 2
    sqrt_magic = math.sqrt(magic)
    dlat = (dlat * 180.0) / ((_A * (1 - _EE)) / (magic * sqrt_magic) * math.pi)
    dlon = (dlon * 180.0) / (_A / sqrt_magic * math.cos(rad_lat) * math.pi)
    return dlat, dlon


def wgs84_to_gcj02(lat: float, lon: float) -> tuple[float, float]:
    """Shift a WGS-84 point (degrees) to GCJ-02; identity outside China.

    Examples
    --------
    >>> lat, lon = wgs84_to_gcj02(39.9087, 116.3975)
    >>> round(lat - 39.9087, 4), round(lon - 116.3975, 4)
    (0.0014, 0.0062)
    """
    if outside_china(lat, lon):
        return lat, lon
    dlat, dlon = _offset(lat, lon)
    return lat + dlat, lon + dlon


def gcj02_to_wgs84(lat: float, lon: float) -> tuple[float, float]:
    """Convert a GCJ-02 point (from Amap/Gaode or Tencent maps) to WGS-84, degrees.

    Iterates the forward transform to a residual under 1e-9 degree; identity outside China.

    Examples
    --------
    >>> lat, lon = gcj02_to_wgs84(39.9101, 116.4037)
    >>> round(lat, 4), round(lon, 4)
    (39.9087, 116.3975)
    """
    if outside_china(lat, lon):
        return lat, lon
    w_lat, w_lon = lat, lon
    for _ in range(_MAX_ITERATIONS):
        g_lat, g_lon = wgs84_to_gcj02(w_lat, w_lon)
        err_lat, err_lon = g_lat - lat, g_lon - lon
        if (
            abs(err_lat) < _ITERATION_TOLERANCE_DEGREE
            and abs(err_lon) < _ITERATION_TOLERANCE_DEGREE
        ):
            break
        w_lat, w_lon = w_lat - err_lat, w_lon - err_lon
    return w_lat, w_lon


EARTH_RADIUS_KM = 6371.0088  # mean Earth radius, km (IUGG)


def great_circle_km(lat1, lon1, lat2, lon2):
    """Haversine distance on a sphere of mean Earth radius (6371.0088 km), broadcasting arrays.

    Examples
    --------
    >>> round(float(great_circle_km(39.9075, 116.39723, 31.22222, 121.45806)))
    1068
    """
    p1, p2 = np.radians(lat1), np.radians(lat2)
    dp, dl = p2 - p1, np.radians(np.asarray(lon2) - np.asarray(lon1))
    a = np.sin(dp / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(a))
