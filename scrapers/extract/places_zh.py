"""Chinese places in names and prose: prefectures (full and short names, Taiwan's cities and
counties, SARs), counties and districts, provinces and larger regions, from the reference tables in
``data/reference/cities`` (``cities.csv``, ``city_aliases.csv``).

``page_city`` is the city a page is mostly about; ``city_in`` and ``county_city_in`` the city that
starts a name; ``find_district`` an entity's district; ``province_named`` the province a name
carries; ``ORG_WORD`` the organisation words a name may start with before its place.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from functools import lru_cache

from data.geo.geocode import CITIES_DIR

PROVINCE = re.compile(r"[\u4e00-\u9fff]{2,3}省")


#: provinces, regions and countries: ``广东省呼叫中心``, ``亚太地区呼叫中心`` name an industry, not a center
REGION = re.compile(
    r"河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州|"
    r"云南|陕西|甘肃|青海|内蒙古|广西|西藏|宁夏|新疆|我国|亚太|地区|东北亚|东南亚|亚洲|欧洲|"
    r"马来西亚|印度|菲律宾|日本|韩国|美国|英国"
)


#: what makes a name a proper name rather than a description: an organisation or brand word
ORG_WORD = re.compile(
    r"银行|集团|公司|移动|电信|联通|航空|保险|证券|信托|电网|电力|水务|燃气|供电|公交|地铁|铁路|邮政|烟草|石油|石化|机场|医院|大学|"
    r"[\u4e00-\u9fff]网|局|委|厅|办|署|工会|妇联|残联|红十字会|开发区|高新区|新区|经济区|商务区|保税区|自贸区|中关村"
)


#: provinces (``江苏信息服务产业基地``) and the names of larger areas (``齐鲁软件园``, ``黔北…基地``,
#: ``西部声谷``): a one-character province name with a direction, or an old regional name
PROVINCE_NAME = re.compile(
    r"河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州|"
    r"云南|陕西|甘肃|青海|内蒙古|广西|西藏|宁夏|新疆"
)


AREA_NAME = re.compile(
    r"[京津沪渝冀晋辽吉黑苏浙皖闽赣鲁豫鄂湘粤琼川蜀黔贵滇云陕秦甘陇青桂][东西南北中]"
    r"|齐鲁|巴蜀|中原|江南|江北|岭南|关中|华东|华南|华北|华中|西南|西北|东北|西部|东部|中部|长三角|珠三角"
)


_ABBREVIATION = {
    "京": "北京", "津": "天津", "沪": "上海", "渝": "重庆", "冀": "河北", "晋": "山西", "辽": "辽宁",
    "吉": "吉林", "黑": "黑龙江", "苏": "江苏", "浙": "浙江", "皖": "安徽", "闽": "福建", "赣": "江西",
    "鲁": "山东", "齐鲁": "山东", "豫": "河南", "中原": "河南", "鄂": "湖北", "湘": "湖南",
    "粤": "广东", "岭南": "广东", "琼": "海南", "川": "四川", "蜀": "四川", "巴蜀": "四川",
    "黔": "贵州", "贵": "贵州", "滇": "云南", "云": "云南", "陕": "陕西", "秦": "陕西",
    "关中": "陕西", "甘": "甘肃", "陇": "甘肃", "青": "青海", "桂": "广西",
}  # fmt: skip


def province_named(name: str) -> str | None:
    """The province a name places itself in by the province's name or short name
    (``江苏信息服务产业基地`` -> 江苏, ``黔北…基地`` -> 贵州, ``齐鲁软件园`` -> 山东)."""
    m = PROVINCE_NAME.search(name)
    if m:
        return m.group(0)
    m = AREA_NAME.search(name)
    if m:
        word = m.group(0)
        return _ABBREVIATION.get(word) or _ABBREVIATION.get(word[0])
    return None


@lru_cache(maxsize=1)
def _city_provinces() -> dict[str, str]:
    """Full city name -> its province's name without 省/市/自治区 (``遵义市`` -> 贵州)."""
    out = {}
    with open(CITIES_DIR / "cities.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            out[row["city_name_zh"]] = re.sub(
                r"(?:省|市|壮族自治区|回族自治区|维吾尔自治区|自治区)$", "", row["province_name_zh"]
            )
    return out


def in_province(city: str, province: str) -> bool:
    """Whether a prefecture lies in a province (no province, or an unknown city: yes)."""
    if not province:
        return True
    found = _city_provinces().get(city)
    return found is None or found == province


@lru_cache(maxsize=1)
def district_shorts() -> re.Pattern[str]:
    """County-level names without their 区/县/市 (``涞水``, ``永川``), two characters or more."""
    shorts = {a[:-1] for a in districts()[1] if len(a) >= 3 and a[-1] in "区县市旗"}
    shorts -= {"中心", "城市", "新城", "开发", "高新", "经济", "城区", "市中", "郊区", "矿区"}
    return re.compile("|".join(sorted(map(re.escape, shorts), key=len, reverse=True)))


def page_city(s: str) -> str | None:
    """The prefecture-level city a page is mostly about (most named, first named on a tie)."""
    names = city_names()
    counts: Counter = Counter()
    first: dict[str, int] = {}
    for m in names[0].finditer(s):
        if m.group(0) == "阿里" and s[m.end() : m.end() + 2] != "地区":
            continue  # 阿里巴巴, 阿里研究院, 阿里公益: the company, not 阿里地区
        if s[m.end() : m.end() + 1] in ("区", "县") and not m.group(0).endswith("市"):
            continue  # 朝阳区, 鼓楼区: a district of some city, not the prefecture 朝阳市
        city = names[1][m.group(0)]
        counts[city] += 1
        first.setdefault(city, m.start())
    if not counts:
        return None
    return max(counts, key=lambda c: (counts[c], -first[c]))


def county_city_in(name: str) -> str | None:
    """The prefecture of a county-level city or county named at the start of ``name``
    (``太仓市12345…热线`` -> 苏州市, ``张家港市…`` -> 苏州市), when it has one prefecture."""
    lookup = districts()[1]
    for size in (5, 4, 3):
        token = name[:size]
        if token[-1:] in ("市", "县") and token in lookup and len(lookup[token]) == 1:
            return next(iter(lookup[token]))
    org = ORG_WORD.match(name) or _BRAND_FIRST.match(name)
    if org:  # 阿里巴巴巨鹿县客户体验中心: an organisation, then its county
        for token in district_tokens(name[org.end() : org.end() + 8], lookup):
            if token[-1:] in ("市", "县") and len(lookup[token]) == 1:
                return next(iter(lookup[token]))
    return None


#: companies that name a center before its place (阿里巴巴巨鹿县…, 京东宿迁…)
_BRAND_FIRST = re.compile(
    r"[\u4e00-\u9fff]{0,6}?(?:阿里巴巴|阿里|京东|美团|携程|苏宁|唯品会|拼多多|菜鸟|顺丰|平安|移动|电信|联通|银行|保险|人寿|航空)"
)


def city_in(name: str) -> str | None:
    """The prefecture-level city named at the start of ``name`` (``洛阳呼叫产业园区`` -> 洛阳市)."""
    names = city_names()
    m = names[0].match(name)
    if m and m.group(0) == "阿里" and name[2:4] != "地区":
        m = names[0].search(name, 4)  # 阿里巴巴衢州…, 阿里衢州…: the company, then its city
        return names[1][m.group(0)] if m and m.start() <= 6 else None
    if m and name[m.end() : m.end() + 1] in ("区", "县") and not m.group(0).endswith("市"):
        return None  # 朝阳区…: a district of some city, not the prefecture 朝阳市
    return names[1][m.group(0)] if m else None


@lru_cache(maxsize=1)
def city_names() -> tuple[re.Pattern[str], dict[str, str]]:
    """A pattern of Chinese prefecture names (full and short) and name -> full name."""
    lookup: dict[str, str] = {}
    with open(CITIES_DIR / "cities.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            full, short = row["city_name_zh"], row["city_short_name"]
            if row["level"] == "province_taiwan":
                continue  # Taiwan's cities and counties are its places (below)
            if row["level"] == "SAR":
                full = short  # 香港, as pages and labels write it
            for text in (full, short):
                if len(text) >= 2 and text not in _NOT_CITY:
                    lookup.setdefault(text, full)
    with open(CITIES_DIR / "city_aliases.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if row["adcode"] == "710000" and row["alias"][-1] in "市县":
                # 台中市, 苗栗县: Taiwan's cities and counties are its prefectures
                full = row["alias"]
                lookup.setdefault(full, full)
                if full[:-1] not in _TAIWAN_SHORT_NOT:
                    lookup.setdefault(full[:-1], full)
    pattern = re.compile(
        "|".join(
            (_TAI_WORD if text.startswith("台") and text[-1] not in "市县" else "")
            + re.escape(text)
            for text in sorted(lookup, key=len, reverse=True)
        )
    )
    return pattern, lookup


#: short forms of Taiwan's places that name something else too (新北区 of 常州)
_TAIWAN_SHORT_NOT = frozenset({"新北"})


#: ``台中``, ``台南``, ``台东`` are no place after a word that ends in 台: 平台, 后台中心, 前台,
#: 话务台, 服务台, 出台, 电台, 柜台, 站台, 舞台, 控制台, 工作台, 天文台, 气象台
_TAI_WORD = "(?<![平后前柜电舞阳站出讲上下吧灶炮擂月看务席控作值度理景文象烟])"


_NOT_CITY = frozenset({"中国", "中心", "通过", "服务", "呼叫", "产业"})


@lru_cache(maxsize=1)
def districts() -> tuple[re.Pattern[str], dict[str, set[str]]]:
    """A pattern of county-level names (districts, counties) and name -> full city names."""
    cities: dict[str, str] = {}
    with open(CITIES_DIR / "cities.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            cities[row["city_adcode"]] = row["city_name_zh"]
    lookup: dict[str, set[str]] = {}
    with open(CITIES_DIR / "city_aliases.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if row["kind"] == "county_unit" and row["adcode"] in cities and len(row["alias"]) >= 3:
                lookup.setdefault(row["alias"], set()).add(cities[row["adcode"]])
    pattern = re.compile("|".join(sorted(map(re.escape, lookup), key=len, reverse=True)))
    return pattern, lookup


_ZONE_END = re.compile(
    r"(?P<z>[\u4e00-\u9fff]{0,4}?(?:经济技术开发区|经济开发区|高新技术产业开发区|开发区|高新区|新区))$"
)


def placed_district(place: str, city: str | None) -> str | None:
    """The district, county or zone at the end of a place (``南昌市青云谱区`` -> 青云谱区)."""
    lookup = districts()[1]
    tokens = list(district_tokens(place, lookup))
    if tokens and place.endswith(tokens[-1]) and (city is None or city in lookup[tokens[-1]]):
        return tokens[-1]
    short = district_shorts().match(place)
    if short and city is not None and len(place) > len(short.group(0)) + 1:
        # 海沧保税港区: a zone of the district 海沧区 of the entity's city
        fulls = [
            short.group(0) + end for end in "区县市" if city in lookup.get(short.group(0) + end, ())
        ]
        if len(fulls) == 1:
            return fulls[0]
    m = _ZONE_END.search(place)
    if m:
        zone = re.sub(r"^(?:省城|本市|我市|市|城|该市)", "", m.group("z"))
        zone = city_names()[0].sub("", zone) or zone
        if zone != "高新区" and re.fullmatch(
            r"(?:经济技术|经济|高新技术产业)?(?:开发区|新区)", zone
        ):
            return None  # a zone without its name (经济开发区) names no district
        return zone if len(zone) >= 3 else None
    return None


def district_tokens(text: str, lookup: dict[str, set[str]]):
    """County-level names in ``text`` (longest name ending at each 区/县/市/旗)."""
    for m in _DISTRICT_END.finditer(text):
        end = m.end()
        for size in (6, 5, 4, 3):
            token = text[max(0, end - size) : end]
            if len(token) == size and token in lookup:
                yield token
                break


_DISTRICT_END = re.compile(r"[区县市旗]")


def find_district(s: str, name: str, city: str | None) -> tuple[str, float] | None:
    """The district or county of an entity: in its name, else the one of its city the page
    names most (a county-level unit of that city)."""
    lookup = districts()[1]
    for token in district_tokens(name, lookup):
        if city is None or city in lookup[token]:
            return token, 0.9
    counts: Counter = Counter()
    for token in district_tokens(s, lookup):
        if city is not None and city in lookup[token] and token != city:
            counts[token] += 1
    if counts:
        best, n = counts.most_common(1)[0]
        return best, 0.75 if n >= 2 else 0.65
    return None


def names_a_place(text: str) -> bool:
    """A prefecture, county or district named in ``text`` (鹤壁县已吸引…: that place's firms)."""
    return bool(city_names()[0].search(text) or districts()[0].search(text))
