"""One page -> the extractor contract: centers, parks and city-wide incentives, with confidence.

``extract_page(body, name)`` reads a saved page (HTML in any encoding, or plain text when
``name`` ends in ``.txt``), removes mirror-site pinyin, and combines:

* the label/value profiles of :mod:`scrapers.extract.layouts` (``座席数量：1100個``), typed by
  :func:`data.ingest.records.check_record`;
* the prose rules of :mod:`scrapers.extract.prose` (Chinese) or :mod:`scrapers.extract.english`;
* the incentive rules of :mod:`scrapers.extract.articles` (seat, rent, training, tax), attached
  to the page's park when the page names one, else listed as city-wide ``incentives``.

Every value keeps a confidence (``field_confidence``; the entity's ``confidence`` is that of its
name) and an evidence sentence. Confidences come from :data:`CALIBRATION`, measured on the dev
part of the real-page corpus (``docs/scrapers.md``). At most :data:`MAX_RECORDS` entities per page
are kept (the most confident).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from data.ingest.records import check_record
from data.normalise.values import to_simplified
from scrapers.extract.brands import BRAND
from scrapers.extract.encoding import decode_page
from scrapers.extract.incentives_zh import read_incentives
from scrapers.extract.known_places import line_place, zone_city
from scrapers.extract.layouts import read_layout, text_lines
from scrapers.extract.mirror import strip_pinyin
from scrapers.extract.names import names_match
from scrapers.extract.places_zh import (
    PROVINCE_NAME,
    city_in,
    city_names,
    county_city_in,
    find_district,
    in_province,
    page_city,
    province_named,
)
from scrapers.extract.profile import build_profiles
from scrapers.extract.prose import Entity, read_prose

MAX_RECORDS = 200
#: a Chinese name said once, with no figure, is kept when it comes this early in the page
ONCE_WITHIN = 120
_LATIN = re.compile(r"[A-Za-z]")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_CENTER_FIELDS = (
    "city", "district", "industry", "founded_year", "seats", "staff", "hours_per_day",
    "days_per_week", "answer_rate", "csat", "aht_seconds", "fcr_rate", "attrition_rate",
    "daily_inbound_calls", "service_level_target", "service_level_seconds",
)  # fmt: skip


@dataclass
class PageResult:
    """What one page states, in the contract's shape (``as_dict``)."""

    page: str
    lang: str = "zh"
    centers: list[Entity] = field(default_factory=list)
    parks: list[Entity] = field(default_factory=list)
    incentives: list[dict] = field(default_factory=list)

    def as_dict(self, evidence: bool = False) -> dict:
        def one(e: Entity) -> dict:
            doc = {
                "name": e.name,
                **({"aliases": list(e.aliases)} if e.aliases else {}),
                **e.values,
            }
            doc["confidence"] = round(e.confidence.get("name", 0.5), 2)
            doc["field_confidence"] = {k: round(v, 2) for k, v in e.confidence.items()}
            if evidence:
                doc["evidence"] = dict(e.evidence)
            return doc

        incentives = [
            {k: v for k, v in i.items() if evidence or k != "evidence"} for i in self.incentives
        ]
        return {
            "page": self.page,
            "centers": [one(e) for e in self.centers],
            "parks": [one(e) for e in self.parks],
            "incentives": incentives,
        }


def page_text(body: bytes, name: str = "", content_type: str | None = None) -> tuple[str, str]:
    """(HTML for the layout reader, plain text) of a page; ``.txt`` pages are wrapped as ``<p>``."""
    if name.endswith(".txt"):
        try:
            text = body.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = decode_page(body, "text/plain").text
        markup = "".join(f"<p>{html.escape(line)}</p>" for line in text.splitlines())
        return f"<html><body>{markup}</body></html>", text
    decoded = decode_page(body, content_type)
    title, lines = text_lines(decoded.text)
    return decoded.text, "\n".join([title, *lines])


@lru_cache(maxsize=1)
def _t2s_table() -> dict[int, str]:
    """Character table Traditional -> Simplified (OpenCC's ``TSCharacters``, first candidate)."""
    import opencc

    table: dict[int, str] = {}
    path = Path(opencc.__file__).parent / "dictionary" / "TSCharacters.txt"
    for line in path.read_text("utf-8").splitlines():
        parts = line.split()
        if len(parts) >= 2 and len(parts[0]) == 1:
            table[ord(parts[0])] = parts[1]
    return table


def fast_simplified(text: str) -> str:
    """Simplified text for the rules: OpenCC's character table (phrases left out), 50x faster
    than the phrase-aware conversion and the same for the words the rules read.

    >>> fast_simplified("上海呼叫中心產業基地")
    '上海呼叫中心产业基地'
    """
    return text.translate(_t2s_table())


def language(text: str) -> str:
    """``en`` when Latin letters outnumber Chinese characters 5 to 1 (over 50 letters, or any
    text without a Chinese character: a short English snippet), else ``zh``."""
    latin, cjk = len(_LATIN.findall(text)), len(_CJK.findall(text))
    return "en" if latin > 5 * cjk and (latin > 50 or (cjk == 0 and latin >= 10)) else "zh"


def _prefecture(city: str) -> str:
    """A profile's city written with its province as its prefecture (``广东广州`` -> 广州市);
    a city's own name, or a value naming no single prefecture, stays as written."""
    lookup = city_names()[1]
    if to_simplified(city) in lookup:
        return city  # a city's own name (杭州, 杭州市) stays as written
    found = {m.group(0) for m in city_names()[0].finditer(to_simplified(city))}
    full = {lookup[f] for f in found}
    return full.pop() if len(full) == 1 else city


def _profiles(markup: str) -> list[Entity]:
    """Label/value profiles as entities (values typed by ``check_record``)."""
    out = []
    for raw in build_profiles(read_layout(markup)):
        checked = check_record("centers", raw.values)
        bad = {e.column for e in checked.errors}
        values = check_record("centers", {k: v for k, v in raw.values.items() if k not in bad})
        values = {k: v for k, v in dict(values.values).items() if v is not None}
        name = values.pop("name", None)
        e = Entity(kind="center", name=to_simplified(strip_pinyin(str(name or ""))), mentions=1)
        e.confidence["name"] = CALIBRATION["profile"]
        if isinstance(values.get("city"), str):
            values["city"] = _prefecture(values["city"])
        for k, v in values.items():
            if k in _CENTER_FIELDS or k.endswith("_bound"):
                e.values[k] = v
                if not k.endswith("_bound"):
                    e.confidence[k] = CALIBRATION["profile"]
                    e.evidence[k] = str(raw.evidence.get(k, ""))
        out.append(e)
    return out


#: confidence of each kind of evidence = the precision measured on the dev part of the
#: real-page corpus (docs/scrapers.md, "Calibration")
CALIBRATION = {
    "profile": 0.95,
    "zh_numbered_facts": 0.9,
    "zh_name_facts": 0.85,
    "zh_center_facts": 0.7,
    "zh_name_support": 0.75,
    "zh_name_once": 0.6,
    "en_name_facts": 0.85,
    "en_name": 0.7,
    "city_in_name": 0.9,
    "city_of_page": 0.75,
}
#: fields read right less often than their entity's name, whatever the evidence: their
#: confidence is at most their precision over the 372 labelled pages (round 6; a park's
#: investment 5 right of 9, a center's daily calls 20 of 30)
FIELD_CAP = {"investment_cny": 0.55, "daily_inbound_calls": 0.65}
_NUMBER = re.compile(r"\d{3,}")
#: a name said once, late, with no figure, is kept when it names an organisation
#: (``阿里巴巴衢州客户体验中心``, ``大韩航空…呼叫中心``)
_PLACED_NAME = re.compile(
    rf"(?:银行|集团|公司|移动|电信|联通|航空|保险|人寿|铁路|机场|医院|{BRAND.pattern})"
)
_CONTEXT_FIELDS = frozenset({"city", "district", "industry"})


def name_class(e: Entity, lang: str) -> str | None:
    """Which kind of evidence names the entity (a key of :data:`CALIBRATION`), or ``None``
    when a Chinese name is said once, late, with no figure (not kept)."""
    if e.confidence.get("name") == CALIBRATION["profile"]:
        return "profile"
    facts = [k for k in e.values if not k.endswith("_bound") and k not in _CONTEXT_FIELDS]
    if lang == "en":
        return "en_name_facts" if facts else "en_name"
    if len(facts) >= 2:
        if e.kind == "park":
            return "zh_name_facts"
        # a center named by its hotline number (and two figures) is a name; one named by
        # words alone may be a description (round 4, dev: 34 of 35 against 5 of 9)
        return "zh_numbered_facts" if _NUMBER.search(e.name) else "zh_center_facts"
    if facts or e.mentions >= 2:
        return "zh_name_support"
    if e.first < ONCE_WITHIN or _PLACED_NAME.search(e.name) or e.listed:
        return "zh_name_once"  # near the top, an organisation's, or one of a list of parks
    return None


#: the last part of a long page holds related links and other articles' headlines
FOOTER_SHARE = 0.9


def _in_footer(e: Entity, size: int) -> bool:
    """A name said once, with no figure, in the last tenth of a long page (a related link)."""
    facts = [k for k in e.values if not k.endswith("_bound") and k not in _CONTEXT_FIELDS]
    return size > 1000 and e.mentions < 2 and not facts and e.first > FOOTER_SHARE * size


def calibrate(e: Entity, lang: str) -> bool:
    """Set the entity's name confidence from its class and cap every value's confidence by
    it (a value is only right when its entity is); ``False`` when the entity is dropped."""
    cls = name_class(e, lang)
    if cls is None:
        return False
    conf = CALIBRATION[cls]
    e.confidence["name"] = conf
    for k in list(e.confidence):
        if k != "name":
            e.confidence[k] = round(min(conf, e.confidence[k], FIELD_CAP.get(k, 1.0)), 2)
    return True


def _drop_passing_centers(entities: list[Entity]) -> list[Entity]:
    """On a page naming several centers, a Chinese center named once with no figure of its own
    (only its place and industry) is one named in passing, not one the page profiles: left out
    (round 4, development split)."""
    centers = [e for e in entities if e.kind == "center"]
    if len(centers) < 2:
        return entities

    def passing(e: Entity) -> bool:
        facts = [k for k in e.values if not k.endswith("_bound") and k not in _CONTEXT_FIELDS]
        profiled = e.confidence.get("name", 0) >= CALIBRATION["profile"]
        return e.kind == "center" and not facts and e.mentions < 2 and not profiled and not e.listed

    return [e for e in entities if not passing(e)]


def _attach_nameless(profiles: list[Entity], prose: list[Entity]) -> None:
    """A label/value profile without a name (``建立时间:1998年6月 人员数量:2000 座席数量:1800``)
    describes the page's center when its prose names one center, or one more often than any
    other: its labelled values are added where the prose has none."""
    nameless = [p for p in profiles if not p.name]
    centers = sorted((e for e in prose if e.kind == "center"), key=lambda e: -e.mentions)
    if len(nameless) != 1 or not centers:
        return
    if len(centers) > 1 and centers[0].mentions <= centers[1].mentions:
        return
    center, profile = centers[0], nameless[0]
    for k, v in profile.values.items():
        if k.endswith("_bound") or k in center.values or k == "city":
            continue  # the prose's own value and its city stay
        center.values[k] = v
        if f"{k}_bound" in profile.values:
            center.values[f"{k}_bound"] = profile.values[f"{k}_bound"]
        center.confidence[k] = profile.confidence.get(k, CALIBRATION["profile"])
        center.evidence[k] = profile.evidence.get(k, "")


def _merge_profiles(profiles: list[Entity], prose: list[Entity]) -> list[Entity]:
    """Profiles first (their labelled values win); a prose entity of the same name adds the
    values the profile lacks; on a profile page, prose entities named once are dropped."""
    out = list(profiles)
    for e in prose:
        twin = next((p for p in profiles if names_match(p.name, e.name)), None)
        if twin is None:
            if not profiles or e.mentions >= 2:
                out.append(e)
            continue
        for k, v in e.values.items():
            if k not in twin.values and not k.endswith("_bound"):
                twin.values[k] = v
                if f"{k}_bound" in e.values:
                    twin.values[f"{k}_bound"] = e.values[f"{k}_bound"]
                twin.confidence[k] = e.confidence.get(k, 0.5)
                twin.evidence[k] = e.evidence.get(k, "")
    return out


def extract_page(body: bytes, name: str = "", content_type: str | None = None) -> PageResult:
    """The contract of one page (raises ``ExtractError`` for bytes that are not a page)."""
    markup, text = page_text(body, name, content_type)
    text = strip_pinyin(text)
    result = PageResult(page=name, lang=language(text))
    simp = text  # what the names are written in: Simplified on a Chinese page
    if result.lang == "en":
        from scrapers.extract.english import read_english

        entities = read_english(text)
        # an English label: value profile (Company name: …, Seats: …) is read as in Chinese
        profiles = _profiles(markup)
        _attach_nameless(profiles, entities)
        entities = _merge_profiles([p for p in profiles if p.name], entities)
    else:
        simp = fast_simplified(text)
        entities = []
        city = page_city(simp) or line_place(simp, "zh")
        for e in read_prose(simp, city):
            conf = 1.0
            own = zone_city(e.name, "zh", city_in) or city_in(e.name) or county_city_in(e.name)
            if own:
                e.set("city", own, None, CALIBRATION["city_in_name"], e.name)
            elif city and _in_page_city(e.name, city):
                e.set("city", city, None, min(conf, CALIBRATION["city_of_page"]), "")
            district = find_district(simp, e.name, e.values.get("city"))
            if district and district[0] == e.values.get("city"):
                district = None  # a city without districts (东莞市) is not its own district
            if district and (district[1] >= 0.9 or (e.kind == "park" and district[1] >= 0.75)):
                e.set("district", district[0], None, min(conf, district[1]), "")
            entities.append(e)
        profiles = _profiles(markup)
        _attach_nameless(profiles, entities)
        entities = _merge_profiles([p for p in profiles if p.name], entities)
        for item in read_incentives(simp):
            if city:
                item["city"] = city
            result.incentives.append(item)
    entities = [e for e in entities if calibrate(e, result.lang) and not _in_footer(e, len(text))]
    if result.lang == "zh":
        entities = _drop_passing_centers(entities)
    # the most confident first, then in the order the page names them: the same on every run
    entities.sort(key=lambda e: (-e.confidence.get("name", 0), _first_said(simp, e.name), e.name))
    entities = entities[:MAX_RECORDS]
    result.centers = [e for e in entities if e.kind == "center"]
    result.parks = [e for e in entities if e.kind == "park"]
    _park_incentives(result)
    return result


#: a province's own line or body (``河南省12316…热线``, ``12348安徽省…热线``): in no one city
_PROVINCE_BODY = re.compile(
    rf"(?:{PROVINCE_NAME.pattern})省(?![\u4e00-\u9fff]{{1,5}}?[市县州区])|省级|全省"
)


def _in_page_city(name: str, city: str) -> bool:
    """Whether an entity without a place in its name lies in the page's city: not when its name
    names another province, nor a province's own body (``省总工会…热线``: in no one city)."""
    return (
        not name.startswith("省")
        and not _PROVINCE_BODY.search(name)
        and in_province(city, province_named(name) or "")
    )


def _first_said(text: str, name: str) -> int:
    """Where ``name`` is first said in ``text`` (after every other place when it is not)."""
    at = text.find(name)
    return at if at >= 0 else len(text)


#: a sentence about a park's own policy (开发区给予50%的配套扶持, 入园企业…)
_PARK_POLICY = re.compile(r"园区|开发区|高新区|新区|基地|产业园|入园|入驻")


def _park_incentives(result: PageResult) -> None:
    """Incentives of a page that names one park, in a sentence that names the park or speaks of
    a park (``入园企业``, ``开发区给予``), are the park's, not the city's."""
    if len(result.parks) != 1:
        return
    park = result.parks[0]
    names = [park.name, *park.aliases]
    kept = []
    for item in result.incentives:
        sentence = item.get("evidence", "")
        if any(n in sentence for n in names) or _PARK_POLICY.search(sentence):
            own = {k: v for k, v in item.items() if k not in ("city", "confidence", "evidence")}
            park.values.setdefault("incentives", []).append(own)
            park.confidence["incentives"] = min(
                item.get("confidence", 0.6), park.confidence.get("name", 1)
            )
            park.evidence.setdefault("incentives", sentence)
        else:
            kept.append(item)
    result.incentives = kept


_BOUND_TEXT = {"min": "{}以上", "max": "{}以内", "approx": "约{}"}
_PARK_COLUMNS = {
    "city": "city", "district": "district", "area_km2": "area_km2",
    "floor_area_m2": "building_area_m2", "investment_cny": "investment_cny", "jobs": "jobs",
    "founded_year": "founded_year",
}  # fmt: skip
_CENTER_COLUMNS = {k: k for k in _CENTER_FIELDS}


def _raw(values: dict, fld: str) -> object:
    """A value as text the normaliser reads back with its bound (``1000以上``, ``约15``)."""
    value, bound = values[fld], values.get(f"{fld}_bound")
    return _BOUND_TEXT[bound].format(value) if bound in _BOUND_TEXT else value


def review_facts(result: PageResult) -> list:
    """The page's centers and parks as review-queue facts (``scrapers.extract.facts.Fact``):
    one per entity (its columns), one per seat target and one per tenant of a park. Crawled
    prose is never published without review."""
    from scrapers.extract.facts import Fact

    out = []
    for kind, entities, columns in (
        ("centers", result.centers, _CENTER_COLUMNS),
        ("parks", result.parks, _PARK_COLUMNS),
    ):
        for e in entities:
            values = {"name": e.name}
            values.update(
                {col: _raw(e.values, fld) for fld, col in columns.items() if fld in e.values}
            )
            evidence = " | ".join(dict.fromkeys(v for v in e.evidence.values() if v))[:2000]
            out.append(
                Fact(kind, values, evidence or e.name, e.confidence.get("name", 0.5), "prose")
            )
            if kind != "parks":
                continue
            for t in e.values.get("seat_targets", []):
                target = {"park": e.name, "seats": _raw(t, "seats")}
                target.update({k: t[k] for k in ("year", "phase") if k in t})
                conf = e.confidence.get("seat_targets", 0.5)
                out.append(
                    Fact("park_targets", target, e.evidence.get("seat_targets", ""), conf, "prose")
                )
            for company in e.values.get("tenants", []):
                conf = e.confidence.get("tenants", 0.5)
                out.append(
                    Fact("park_tenants", {"park": e.name, "company": company},
                         e.evidence.get("tenants", ""), conf, "prose")
                )  # fmt: skip
    return out
