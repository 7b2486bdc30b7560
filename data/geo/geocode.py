"""Offline geocoder: a city or county name (Chinese or pinyin/English) -> its prefecture-level unit.

Works over the committed reference files ``data/reference/cities/cities.csv`` (375 units with a
WGS-84 seat point) and ``city_aliases.csv`` (2,891 county-level units and GeoNames exonyms), read
once and cached. Matching rules, in order:

1. the text is normalised: NFKC, Traditional -> Simplified (OpenCC ``t2s``), spaces, dots,
   apostrophes and hyphens removed, Latin letters lower-cased and stripped of diacritics;
2. tier 1, prefecture-level names: full name (杭州市), short name (杭州), short name + 州 for
   autonomous prefectures (延边州), the name without its suffix (市, 地区, 盟 ...), pinyin of the
   full and short name (hangzhou, yanbianchaoxianzu, yanbian), GeoNames exonym (Harbin, Urumqi,
   Xi'an), each also with an English ``city``/``shi`` suffix;
3. tier 2, county-level units (districts, counties, county-level cities) by full name, then by
   name without suffix: 昆山 -> 苏州, 密云 -> 北京;
4. the text minus a trailing suffix (市, 区, 县, 地区, 自治州 ...), tried through the same tiers.

A tier that gives several cities is ambiguous (苏州/宿州 are both "Suzhou"; 朝阳区 exists in
Beijing and Changchun): the answer is ``None`` unless ``province`` narrows it to one. A lower tier
is only tried when the higher one found nothing, so a prefecture name always beats a district
of the same name (朝阳 -> 朝阳市 of Liaoning).
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from data.paths import REFERENCE_DIR

CITIES_DIR = REFERENCE_DIR / "cities"

#: suffixes of administrative names, longest first (stripped for matching)
_ZH_SUFFIXES = (
    "特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "自治州", "自治县", "自治旗",
    "地区", "林区", "新区", "市", "盟", "县", "区", "旗", "省",
)  # fmt: skip
_EN_SUFFIXES = ("city", "shi", "prefecture", "municipality", "province")
_DROP = re.compile(r"[\s.'’‘`\-·•()（）]+")
_HAN = re.compile(r"[\u3400-\u9fff]")


@dataclass(frozen=True)
class CityMatch:
    """The prefecture-level unit a name resolved to (``lat``/``lon``: WGS-84 seat point, degrees)."""

    adcode: str
    name: str
    province: str
    lat: float
    lon: float
    level: str
    matched_on: str


@lru_cache(maxsize=1)
def _t2s():
    from opencc import OpenCC

    return OpenCC("t2s")


@lru_cache(maxsize=65536)
def normalise_place(text: str) -> str:
    """Comparable form of a place name: Simplified, no spaces/punctuation, Latin lower-case ASCII.

    Examples
    --------
    >>> normalise_place(" 青島市 ")
    '青岛市'
    >>> normalise_place("Xi’an")
    'xian'
    >>> normalise_place("Ürümqi")
    'urumqi'
    """
    s = unicodedata.normalize("NFKC", text).strip()
    if _HAN.search(s):
        s = _t2s().convert(s)
    s = "".join(ch for ch in unicodedata.normalize("NFKD", s) if not unicodedata.combining(ch))
    s = unicodedata.normalize("NFC", s)
    return _DROP.sub("", s).lower()


def _strip_suffix(key: str) -> str | None:
    """The key without its administrative suffix, when at least two characters remain."""
    for suf in _ZH_SUFFIXES if _HAN.search(key) else _EN_SUFFIXES:
        if key.endswith(suf) and len(key) - len(suf) >= 2:
            return key[: -len(suf)]
    return None


@dataclass(frozen=True)
class _City:
    adcode: str
    name: str
    province: str
    province_keys: frozenset[str]
    lat: float
    lon: float
    level: str


class _Index:
    """Name keys -> cities, in two tiers (prefecture names, county-level names)."""

    def __init__(self, directory: Path) -> None:
        self.cities: dict[str, _City] = {}
        self.tier1: dict[str, set[tuple[str, str]]] = {}
        self.tier2: dict[str, set[tuple[str, str]]] = {}
        with open(directory / "cities.csv", encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                prov = row["province_name_zh"]
                pkeys = {normalise_place(prov), normalise_place(row["province_name_en"])}
                stripped = _strip_suffix(normalise_place(prov))
                if stripped:
                    pkeys.add(stripped)
                pkeys.update(
                    {normalise_place(prov)[:2], normalise_place(prov)[:3]}
                    if prov[:2] != "黑龙"
                    else {"黑龙江"}
                )
                city = _City(
                    row["city_adcode"],
                    row["city_name_zh"],
                    prov,
                    frozenset(pkeys),
                    float(row["lat"]),
                    float(row["lon"]),
                    row["level"],
                )
                self.cities[city.adcode] = city
                full, short = row["city_name_zh"], row["city_short_name"]
                names = {full: "name", short: "short_name"}
                if full.endswith("自治州"):
                    names[short + "州"] = "short_name"
                for en in (
                    row["city_name_en"],
                    row["city_name_en_short"],
                    row.get("name_en_geonames") or "",
                ):
                    if en:
                        names[en] = "english"
                for text, how in names.items():
                    key = normalise_place(text)
                    self._add(self.tier1, key, city.adcode, how)
                    bare = _strip_suffix(key)
                    if bare:
                        self._add(self.tier1, bare, city.adcode, how)
        with open(directory / "city_aliases.csv", encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                if row["adcode"] not in self.cities:
                    continue
                tier = self.tier1 if row["kind"] == "english_geonames" else self.tier2
                how = (
                    "english"
                    if row["kind"] == "english_geonames"
                    else f"county_unit:{row['alias']}"
                )
                key = normalise_place(row["alias"])
                self._add(tier, key, row["adcode"], how)
                bare = _strip_suffix(key)
                if bare:
                    self._add(tier, bare, row["adcode"], how)
        if "710000" in self.cities:  # Taipei, Hsinchu County: in Taiwan
            for text, (_, name_zh) in taiwan_english_names(directory).items():
                self._add(self.tier2, normalise_place(text), "710000", f"county_unit:{name_zh}")

    @staticmethod
    def _add(tier: dict, key: str, adcode: str, how: str) -> None:
        if key:
            tier.setdefault(key, set()).add((adcode, how))


@lru_cache(maxsize=4)
def taiwan_english_names(directory: Path = CITIES_DIR) -> dict[str, tuple[str, str]]:
    """English forms of Taiwan's county-level units (``taiwan_en.csv``): each form (``Taipei``,
    ``Taipei City``, ``Hsinchu County``) -> (the form a page's city takes, the Chinese name)."""
    path = directory / "taiwan_en.csv"
    if not path.exists():
        return {}
    out: dict[str, tuple[str, str]] = {}
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            for text in [row["name_en"], *filter(None, row["also_en"].split("|"))]:
                out[text] = (row["name_en"], row["name_zh"])
    return out


@lru_cache(maxsize=4)
def _index(directory: Path = CITIES_DIR) -> _Index:
    return _Index(directory)


def _pick(
    hits: set[tuple[str, str]], province_key: str | None, idx: _Index
) -> tuple[str, str] | None | bool:
    """One (adcode, how) from a tier's hits; ``False`` when ambiguous."""
    by_code: dict[str, str] = {}
    for code, how in sorted(hits):
        by_code.setdefault(code, how)
    if province_key is not None:
        by_code = {c: h for c, h in by_code.items() if province_key in idx.cities[c].province_keys}
    if len(by_code) == 1:
        return next(iter(by_code.items()))
    return False if by_code else None


def geocode_city(text: str, province: str | None = None) -> CityMatch | None:
    """Resolve a city, county or district name to its prefecture-level unit, or ``None``.

    ``province`` (Chinese or English, with or without 省) disambiguates names shared by several
    cities. Returns ``None`` for unknown names and for ambiguous ones.

    Examples
    --------
    >>> geocode_city("杭州").adcode
    '330100'
    >>> geocode_city("青島").name
    '青岛市'
    >>> geocode_city("昆山").name, geocode_city("昆山").matched_on
    ('苏州市', 'county_unit:昆山市')
    >>> geocode_city("Suzhou") is None, geocode_city("Suzhou", province="Anhui").name
    (True, '宿州市')
    """
    if not text or not text.strip():
        return None
    return _geocode(text, province)


@lru_cache(maxsize=4096)
def _geocode(text: str, province: str | None) -> CityMatch | None:
    """:func:`geocode_city` of a non-blank name, kept for the names an import repeats (the index
    is read once per process, so the answer for a name never changes)."""
    idx = _index()
    key = normalise_place(text)
    province_key = None
    if province and province.strip():
        province_key = normalise_place(province)
        if not any(province_key in c.province_keys for c in idx.cities.values()):
            province_key = _strip_suffix(province_key) or province_key
    candidates = [key]
    bare = _strip_suffix(key)
    if bare:
        candidates.append(bare)
    for candidate in candidates:
        for tier in (idx.tier1, idx.tier2):
            hits = tier.get(candidate)
            if not hits:
                continue
            picked = _pick(hits, province_key, idx)
            if picked is False:
                return None
            if picked is None:
                continue
            code, how = picked
            c = idx.cities[code]
            return CityMatch(c.adcode, c.name, c.province, c.lat, c.lon, c.level, how)
    return None


@dataclass(frozen=True)
class Place:
    """Where a center or park is: its city and a WGS-84 point (its own, or its city's seat)."""

    adcode: str | None
    lat: float | None
    lon: float | None
    point: str  # "own" (given coordinates), "city" (the city's seat point) or "none"


def resolve_place(
    city: str | None,
    province: str | None = None,
    lat: float | None = None,
    lon: float | None = None,
    *,
    datum: str = "wgs84",
) -> Place:
    """City adcode and coordinates of a record: its own point is kept, else the city's point.

    ``datum="gcj02"`` converts coordinates copied from Amap/Gaode or Tencent pages to WGS-84.

    Examples
    --------
    >>> resolve_place("杭州市", lat=30.25, lon=120.2).point
    'own'
    >>> resolve_place("Hangzhou").point
    'city'
    """
    if datum not in ("wgs84", "gcj02"):
        raise ValueError(f"datum must be 'wgs84' or 'gcj02', not {datum!r}")
    match = geocode_city(city, province) if city else None
    adcode = match.adcode if match else None
    if lat is not None and lon is not None:
        if datum == "gcj02":
            from data.geo.coords import gcj02_to_wgs84

            lat, lon = gcj02_to_wgs84(lat, lon)
        return Place(adcode, lat, lon, "own")
    if match:
        return Place(adcode, match.lat, match.lon, "city")
    return Place(None, None, None, "none")
