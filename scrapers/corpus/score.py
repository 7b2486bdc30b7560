"""Score what the extractor found on a page against the page's label (pure, no I/O).

Facts are counted field by field. Entities (centers, parks) are matched by name first: the
names' keys (Simplified, lower case, no punctuation, quotes, legal suffix or 市) must be equal,
or one must contain the other with at least four characters (``南航客服中心`` and
``南航北京客服中心`` do not match; ``中国移动淮安呼叫中心项目`` and ``中国移动淮安呼叫中心`` do). An
entity's other names (``aliases``, on either side) count as its names.
Then, per matched entity:

* the name itself is one fact;
* every other field is one fact: numbers must agree within 1 % (integers exactly), text after
  normalisation (cities without 市, districts without 区/县), and a stated bound
  (``<field>_bound``) must be the same as the label's;
* list fields (``tenants``, ``awards``, ``certifications``) give one fact per item, matched by
  name like entities; ``seat_targets`` one per target (same year or same phase, same seats);
  ``incentives`` one per incentive (same kind, value within 1 %).

An extracted fact is ``right``, ``wrong`` (right entity and field, different value) or
``extra`` (the label has no such entity, field or item); a labelled fact not found right is
``missed``. Precision = right / (right + wrong + extra); recall = right / labelled facts.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from data.normalise.industries import canonical_industry
from data.normalise.values import city_key
from scrapers.corpus import CorpusError
from scrapers.extract.names import entity_key, names_match

ENTITY_TABLES = ("centers", "parks")
LIST_FIELDS = ("tenants", "awards", "certifications")
#: fields scored item by item: a fact is one item
ITEM_FIELDS = (*LIST_FIELDS, "seat_targets", "incentives")
SKIP = {"name", "aliases", "confidence", "field_confidence", "evidence", "note", "name_en"}
BANDS = ((0.9, 1.01), (0.8, 0.9), (0.7, 0.8), (0.6, 0.7), (0.0, 0.6))
_DISTRICT_SUFFIX = re.compile(r"(区|县|市|district|county)$")


@dataclass(frozen=True)
class ScoredFact:
    """One fact of one page: where it belongs and what became of it."""

    page: str
    lang: str
    kind: str
    table: str
    field: str
    status: str  # right | wrong | extra | missed
    confidence: float | None = None
    detail: str = ""
    encoding: str = ""  # the page's charset (``utf-8``, ``gbk``, ``big5``...)
    split: str = ""  # the label set the page belongs to (``dev``, ``heldout``, ``unseen``...)

    def key(self) -> tuple[str, str, str]:
        """What the fact is about, whatever became of it (right, wrong, extra or missed): the page,
        ``table.field`` and the entity's name (a field) or the item itself (a name or list item)."""
        about = self.detail
        if self.field != "name" and self.field not in ITEM_FIELDS:
            about = about.split("=", 1)[0]  # 南京12345热线.seats=80 -> 南京12345热线.seats
        return (self.page, f"{self.table}.{self.field}", about)


def _number_equal(a: object, b: object) -> bool:
    if isinstance(a, bool) or isinstance(b, bool):
        return a == b
    if isinstance(a, int) and isinstance(b, int):
        return a == b
    try:
        x, y = float(a), float(b)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False
    if y == 0:
        return x == 0
    return math.isclose(x, y, rel_tol=0.01)


def values_equal(fld: str, got: object, want: object) -> bool:
    """Same value for ``fld`` (numbers within 1 %, cities and districts normalised, industries
    read to the vocabulary of ``data.normalise.industries``)."""
    if isinstance(want, (int, float)) and not isinstance(want, bool):
        return _number_equal(got, want)
    if fld == "city":
        return city_key(str(got)).replace("'", "") == city_key(str(want)).replace("'", "")
    if fld == "industry":  # in the store's vocabulary: 供暖 is 供热, bank is 银行
        return canonical_industry(str(got)) == canonical_industry(str(want))
    if fld == "district":
        g, w = (_DISTRICT_SUFFIX.sub("", entity_key(str(v))) for v in (got, want))
        return bool(g) and g == w
    return entity_key(str(got)) == entity_key(str(want))


def _names(entity: dict) -> list[str]:
    """An entity's name and the other names it was given (``aliases``)."""
    return [entity.get("name", ""), *(entity.get("aliases") or [])]


def same_entity(a: dict, b: dict) -> bool:
    """Any name of ``a`` matches any name of ``b`` (:func:`names_match`)."""
    return any(names_match(x, y) for x in _names(a) for y in _names(b))


def _match(got: list[dict], want: list[dict], same) -> tuple[list[tuple[int, int]], set, set]:
    """Greedy one-to-one matching: exact keys first (of the names), then the ``same``
    predicate."""
    pairs: list[tuple[int, int]] = []
    free_g, free_w = set(range(len(got))), set(range(len(want)))
    for exact in (True, False):
        for i in sorted(free_g):
            for j in sorted(free_w):
                g, w = got[i], want[j]
                ok = (
                    entity_key(g.get("name", "")) == entity_key(w.get("name", ""))
                    if exact
                    else same(g, w)
                )
                if exact and not ok and (g.get("aliases") or w.get("aliases")):
                    keys = {entity_key(n) for n in _names(w)}
                    ok = any(entity_key(n) in keys for n in _names(g))
                if ok:
                    pairs.append((i, j))
                    free_g.discard(i)
                    free_w.discard(j)
                    break
    return pairs, free_g, free_w


def _conf(entity: dict, fld: str) -> float | None:
    per_field = entity.get("field_confidence") or {}
    value = per_field.get(fld, entity.get("confidence"))
    return float(value) if value is not None else None


def _fields(entity: dict) -> list[str]:
    return [k for k in entity if k not in SKIP and not k.endswith("_bound")]


def _target_same(g: dict, w: dict) -> bool:
    when = (g.get("year") is not None and g.get("year") == w.get("year")) or (
        g.get("year") is None
        and w.get("year") is None
        and (bool(g.get("phase")) or not w.get("phase"))
    )  # same year; else a phase, or neither names a year nor a phase (a target at completion)
    return (
        when
        and _number_equal(g.get("seats"), w.get("seats"))
        and (g.get("seats_bound") == w.get("seats_bound"))
    )


def _incentive_same(g: dict, w: dict) -> bool:
    return g.get("kind") == w.get("kind") and _number_equal(g.get("value"), w.get("value"))


def _items(
    out: list[ScoredFact], base: dict, table: str, fld: str, got: list, want: list, conf, same
) -> None:
    g = [x if isinstance(x, dict) else {"name": x} for x in got]
    w = [x if isinstance(x, dict) else {"name": x} for x in want]
    pairs, free_g, free_w = _match(g, w, same)
    for _i, j in pairs:
        out.append(ScoredFact(**base, table=table, field=fld, status="right", confidence=conf,
                              detail=str(want[j])))  # fmt: skip
    for i in sorted(free_g):
        out.append(
            ScoredFact(**base, table=table, field=fld, status="extra", confidence=conf,
                       detail=str(got[i]))
        )  # fmt: skip
    for j in sorted(free_w):
        out.append(ScoredFact(**base, table=table, field=fld, status="missed", detail=str(want[j])))


def _entity_facts(out: list[ScoredFact], base: dict, table: str, g: dict | None, w: dict | None):
    name = (w or g or {}).get("name", "")
    if g is None:
        out.append(ScoredFact(**base, table=table, field="name", status="missed", detail=name))
    elif w is None:
        out.append(
            ScoredFact(**base, table=table, field="name", status="extra",
                       confidence=_conf(g, "name"), detail=name)
        )  # fmt: skip
    else:
        out.append(
            ScoredFact(**base, table=table, field="name", status="right",
                       confidence=_conf(g, "name"), detail=name)
        )  # fmt: skip
    g, w = g or {}, w or {}
    for fld in dict.fromkeys([*_fields(g), *_fields(w)]):
        conf = _conf(g, fld)
        got, want = g.get(fld), w.get(fld)
        if fld in ITEM_FIELDS:
            same = {
                "seat_targets": _target_same,
                "incentives": _incentive_same,
            }.get(fld, lambda a, b: names_match(a.get("name", ""), b.get("name", "")))
            _items(out, base, table, fld, list(got or []), list(want or []), conf, same)
            continue
        where = f"{name}.{fld}"
        if got is None:
            out.append(ScoredFact(**base, table=table, field=fld, status="missed",
                                  detail=f"{where}={want!r}"))  # fmt: skip
        elif want is None:
            out.append(ScoredFact(**base, table=table, field=fld, status="extra", confidence=conf,
                                  detail=f"{where}={got!r}"))  # fmt: skip
        elif values_equal(fld, got, want) and g.get(f"{fld}_bound") == w.get(f"{fld}_bound"):
            out.append(ScoredFact(**base, table=table, field=fld, status="right", confidence=conf,
                                  detail=f"{where}={want!r}"))  # fmt: skip
        else:
            out.append(
                ScoredFact(**base, table=table, field=fld, status="wrong", confidence=conf,
                           detail=f"{where}={got!r}/{g.get(f'{fld}_bound')} "
                           f"expected {want!r}/{w.get(f'{fld}_bound')}")
            )  # fmt: skip


def score_page(label, found: dict) -> list[ScoredFact]:
    """Every fact of one page, extracted or labelled, with its status."""
    base = {"page": label.id, "lang": label.lang, "kind": label.kind, "split": label.split,
            "encoding": getattr(label, "encoding", "") or "unknown"}  # fmt: skip
    out: list[ScoredFact] = []
    for table in ENTITY_TABLES:
        got = list(found.get(table) or [])
        want = list(getattr(label, table))
        pairs, free_g, free_w = _match(got, want, same_entity)
        for i, j in pairs:
            _entity_facts(out, base, table, got[i], want[j])
        for i in sorted(free_g):
            _entity_facts(out, base, table, got[i], None)
        for j in sorted(free_w):
            _entity_facts(out, base, table, None, want[j])
    got_inc = list(found.get("incentives") or [])
    conf = max((float(i.get("confidence", 0)) for i in got_inc), default=None)
    _items(
        out, base, "incentives", "incentives", got_inc, list(label.incentives), conf,
        _incentive_same,
    )  # fmt: skip
    return out


@dataclass
class Tally:
    """Counts of one group of facts."""

    right: int = 0
    wrong: int = 0
    extra: int = 0
    missed: int = 0

    def add(self, status: str) -> None:
        setattr(self, status, getattr(self, status) + 1)

    @property
    def extracted(self) -> int:
        return self.right + self.wrong + self.extra

    @property
    def expected(self) -> int:
        return self.right + self.wrong + self.missed

    @property
    def precision(self) -> float | None:
        return self.right / self.extracted if self.extracted else None

    @property
    def recall(self) -> float | None:
        return self.right / self.expected if self.expected else None

    def as_dict(self) -> dict:
        return {
            "right": self.right,
            "wrong": self.wrong,
            "extra": self.extra,
            "missed": self.missed,
            "precision": None if self.precision is None else round(self.precision, 3),
            "recall": None if self.recall is None else round(self.recall, 3),
        }


@dataclass
class Report:
    """Scores of a corpus run, grouped every way the issue asks for."""

    pages: int = 0
    missing_pages: list[str] = field(default_factory=list)
    facts: list[ScoredFact] = field(default_factory=list)

    def group(self, key) -> dict[str, Tally]:
        out: dict[str, Tally] = {}
        for f in self.facts:
            out.setdefault(key(f), Tally()).add(f.status)
        return dict(sorted(out.items()))

    @property
    def overall(self) -> Tally:
        t = Tally()
        for f in self.facts:
            t.add(f.status)
        return t

    def calibration(self) -> list[dict]:
        """Precision of extracted facts by confidence band (highest band first)."""
        rows = []
        for lo, hi in BANDS:
            t = Tally()
            for f in self.facts:
                if f.status != "missed" and f.confidence is not None and lo <= f.confidence < hi:
                    t.add(f.status)
            label = f">= {lo:.1f}" if hi > 1 else f"{lo:.1f}-{hi:.1f}"
            rows.append({"band": label, "extracted": t.extracted, "precision": t.precision})
        return rows

    def at_least(self, threshold: float) -> Tally:
        t = Tally()
        for f in self.facts:
            if f.status != "missed" and f.confidence is not None and f.confidence >= threshold:
                t.add(f.status)
        return t

    def as_dict(self) -> dict:
        def tallies(groups: dict[str, Tally]) -> dict:
            return {k: v.as_dict() for k, v in groups.items()}

        return {
            "pages": self.pages,
            "missing_pages": self.missing_pages,
            "overall": self.overall.as_dict(),
            "by_field": tallies(self.group(lambda f: f"{f.table}.{f.field}")),
            "by_lang": tallies(self.group(lambda f: f.lang)),
            "by_kind": tallies(self.group(lambda f: f.kind)),
            "by_encoding": tallies(self.group(lambda f: f.encoding)),
            "calibration": self.calibration(),
            "wrong": [f"{f.page}: {f.detail}" for f in self.facts if f.status == "wrong"],
        }


def build_report(results: Iterable[tuple[object, dict]], missing: list[str]) -> Report:
    """A report from (label, extracted page) pairs and the ids whose page was not found."""
    report = Report(missing_pages=list(missing))
    for label, found in results:
        report.pages += 1
        report.facts += score_page(label, found)
    return report


STATUSES = ("right", "wrong", "extra", "missed")
#: the fields of a saved fact (``parkbench evaluate --save``)
SAVED_FIELDS = ("page", "lang", "kind", "split", "encoding", "table", "field", "status",
                "confidence", "detail")  # fmt: skip


def saved_facts(report: Report) -> dict:
    """Every scored fact of a run, to compare a later run with (``parkbench evaluate --save``)."""
    return {
        "pages": report.pages,
        "facts": [{k: getattr(f, k) for k in SAVED_FIELDS} for f in report.facts],
    }


def read_saved_facts(doc: object, source: str) -> list[ScoredFact]:
    """The facts of a saved run (the output of :func:`saved_facts`); ``CorpusError`` otherwise."""
    facts = doc.get("facts") if isinstance(doc, dict) else None
    if not isinstance(facts, list):
        raise CorpusError(f"{source}: not a saved evaluation (no 'facts' list)")
    out = []
    for n, item in enumerate(facts, 1):
        if not isinstance(item, dict) or item.get("status") not in STATUSES:
            raise CorpusError(f"{source}: fact {n} is not a saved fact (page, field, status...)")
        try:
            out.append(ScoredFact(**{k: item[k] for k in SAVED_FIELDS}))
        except KeyError as exc:
            raise CorpusError(f"{source}: fact {n} has no {exc.args[0]!r}") from exc
    return out


@dataclass(frozen=True)
class Change:
    """A fact whose status differs between two runs: ``before`` or ``after`` is None when the
    fact did not exist in that run (an extra that appeared or went away)."""

    key: tuple[str, str, str]
    before: str | None
    after: str | None
    detail: str


def compare_facts(before: Iterable[ScoredFact], after: Iterable[ScoredFact]) -> list[Change]:
    """The facts whose status changed from one run to the next, in page order.

    Facts are matched by :meth:`ScoredFact.key` (page, field, entity or item), so a value found
    where it was missed reads ``missed -> right``, and a new extra ``None -> extra``."""
    old: dict[tuple, list[ScoredFact]] = {}
    new: dict[tuple, list[ScoredFact]] = {}
    for f in before:
        old.setdefault(f.key(), []).append(f)
    for f in after:
        new.setdefault(f.key(), []).append(f)
    changes = []
    for key in sorted(old.keys() | new.keys()):
        gone, came = _unmatched(old.get(key, []), new.get(key, []))
        for i in range(max(len(gone), len(came))):
            was = gone[i] if i < len(gone) else None
            now = came[i] if i < len(came) else None
            detail = (now or was).detail  # type: ignore[union-attr]
            changes.append(Change(key, was and was.status, now and now.status, detail))
    return changes


def _unmatched(was: list[ScoredFact], now: list[ScoredFact]):
    """The facts of each run left once facts of the same status are paired off."""
    gone = sorted(was, key=lambda f: STATUSES.index(f.status))
    came = []
    for f in sorted(now, key=lambda f: STATUSES.index(f.status)):
        same = next((g for g in gone if g.status == f.status), None)
        if same is None:
            came.append(f)
        else:
            gone.remove(same)
    return gone, came
