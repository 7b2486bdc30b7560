"""Offline geocoder: Simplified, Traditional, suffixes, pinyin/English, counties, ambiguity."""

import pytest

from data.geo.geocode import geocode_city, normalise_place, resolve_place


@pytest.mark.parametrize(
    "text, adcode",
    [
        ("杭州", "330100"),
        ("杭州市", "330100"),
        ("青島", "370200"),
        ("青島市", "370200"),
        ("Hangzhou", "330100"),
        ("HANGZHOU", "330100"),
        ("Hang Zhou", "330100"),
        ("hangzhou shi", "330100"),
        ("Xi'an", "610100"),
        ("Xian", "610100"),
        ("Harbin", "230100"),
        ("Urumqi", "650100"),
        ("北京", "110000"),
        ("延边州", "222400"),
        ("延边朝鲜族自治州", "222400"),
        ("大兴安岭地区", "232700"),
        ("香港", "810000"),
        ("济源", "419001"),
    ],
)
def test_city_names_in_every_form(text, adcode):
    m = geocode_city(text)
    assert m is not None and m.adcode == adcode


@pytest.mark.parametrize(
    "text, adcode",
    [
        ("昆山", "320500"),
        ("昆山市", "320500"),
        ("密云", "110000"),
        ("密雲區", "110000"),
        ("浦东新区", "310000"),
        ("格尔木", "632800"),
    ],
)
def test_county_level_units_resolve_to_their_prefecture(text, adcode):
    m = geocode_city(text)
    assert m.adcode == adcode
    assert m.matched_on.startswith("county_unit:")


def test_match_carries_point_province_and_level():
    m = geocode_city("杭州")
    assert (m.name, m.province, m.level) == ("杭州市", "浙江省", "prefecture")
    assert 30.0 < m.lat < 30.5 and 120.0 < m.lon < 120.4


@pytest.mark.parametrize(
    "text, province, name",
    [
        ("Suzhou", "Jiangsu", "苏州市"),
        ("Suzhou", "安徽", "宿州市"),
        ("Taizhou", "浙江省", "台州市"),
        ("Fuzhou", "江西", "抚州市"),
        ("朝阳区", "北京", "北京市"),
    ],
)
def test_shared_names_need_a_province(text, province, name):
    assert geocode_city(text) is None
    assert geocode_city(text, province=province).name == name


def test_prefecture_name_beats_district_of_same_name():
    assert geocode_city("朝阳").adcode == "211300"  # 朝阳市, Liaoning; not 朝阳区 of Beijing


@pytest.mark.parametrize("text", ["", "   ", "xyz", "火星市", "鼓楼区"])
def test_unknown_or_ambiguous_is_none(text):
    assert geocode_city(text) is None


def test_normalise_place():
    assert normalise_place("Ürümqi") == "urumqi"
    assert normalise_place(" 青島 市") == "青岛市"


def test_resolve_place_keeps_own_point_and_converts_gcj02():
    own = resolve_place("杭州", lat=30.25, lon=120.2)
    assert (own.adcode, own.lat, own.lon, own.point) == ("330100", 30.25, 120.2, "own")
    conv = resolve_place("北京", lat=39.9101, lon=116.4037, datum="gcj02")
    assert conv.lat == pytest.approx(39.9087, abs=1e-4) and conv.lon == pytest.approx(
        116.3975, abs=1e-4
    )
    city = resolve_place("Hangzhou")
    assert city.point == "city" and city.lat == geocode_city("杭州").lat
    assert resolve_place("xyz").point == "none"
    with pytest.raises(ValueError, match="datum"):
        resolve_place("杭州", lat=1.0, lon=1.0, datum="bd09")


def test_a_repeated_name_is_resolved_once(monkeypatch):
    from data.geo import geocode

    geocode_city("北京")  # the index is built
    geocode._geocode.cache_clear()
    calls = []
    real = geocode.normalise_place
    monkeypatch.setattr(geocode, "normalise_place", lambda text: calls.append(text) or real(text))
    first, second = geocode_city("杭州市"), geocode_city("杭州市")
    assert first == second and first.adcode == "330100"
    assert calls == ["杭州市"]
    assert geocode_city("杭州市", "浙江").adcode == "330100"  # another province: its own answer
    assert calls == ["杭州市", "杭州市", "浙江"]
    geocode._geocode.cache_clear()


def test_english_names_of_taiwans_cities_and_counties_resolve_to_taiwan():
    from data.geo.geocode import geocode_city

    for name, unit in (
        ("Taipei", "台北市"),
        ("Hsinchu County", "新竹县"),
        ("Kaohsiung City", "高雄市"),
    ):
        match = geocode_city(name)
        assert match is not None and match.adcode == "710000"
        assert match.matched_on == f"county_unit:{unit}"
