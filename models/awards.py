"""Award-style comparison: score centers on an award rubric, with how much data backs the score.

A rubric has areas with points; each area lists items backed by a KPI or a profile fact.
An item's score is in [0, 1]:

``kpi``
    (value - poor) / (good - poor), clipped to [0, 1] (works for lower-is-better when
    good < poor);
``present``
    1 when the field is filled;
``contains_any``
    1 when the field (text or list) mentions any of ``values``;
``at_least``
    1 when the numeric field is >= ``value``.

Each item carries ``points / len(items)`` of its area. Items without data are *unbacked*:
they earn nothing. ``score`` = earned points / the rubric's total points x 100, so missing
evidence can never raise a score (dividing by the backed points did: deleting a COPC
certification lifted a center from rank 4 to rank 1); ``coverage`` = backed points / total
points is shown beside it, and ``score_on_backed`` (earned / backed x 100) for information only.
The leaderboard has one row per center (its latest KPI year unless a year is chosen), sorted
by score; ``rank`` is over all centers shown and ``category_rank`` within the center's industry.
A center is ranked only with coverage >= ``min_coverage`` (default 0.3); the others are listed
as not enough data.

:func:`score_center` scores one center and explains itself (points per area and item);
:func:`award_leaderboard` scores every center at once (:func:`score_columns`, an item's column
at a time) and gives the same figures, bit for bit (``tests/models/test_awards_many.py``).
"""

from __future__ import annotations

import contextlib
import functools
import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from data.notes import Note
from models.errors import ModelInputError

ITEM_KINDS: tuple[str, ...] = ("kpi", "present", "contains_any", "at_least")
MIN_COVERAGE = 0.3

#: Rows of the side-by-side card, in the order of the 2003 candidate form (seeds/000_...txt).
CARD_FIELDS: tuple[tuple[str, str, str], ...] = (
    ("name", "企业名称", "company"),
    ("phone_numbers", "呼叫中心号码", "call-center number"),
    ("industry", "企业所处行业", "industry"),
    ("ownership", "企业性质", "ownership"),
    ("founded_year", "呼叫中心建立时间", "founded"),
    ("seats", "座席数量", "seats"),
    ("staff", "呼叫中心人员数量", "staff"),
    ("opening_hours", "呼叫中心开放时间", "opening hours"),
)


@dataclass(frozen=True)
class RubricItem:
    kind: str
    field: str | None = None
    metric: str | None = None
    poor: float | None = None
    good: float | None = None
    value: float | None = None
    values: tuple[str, ...] = ()

    @functools.cached_property
    def label(self) -> str:
        return self.metric if self.kind == "kpi" else f"{self.kind}:{self.field}"


@dataclass(frozen=True)
class Area:
    key: str
    zh: str
    en: str
    points: float
    items: tuple[RubricItem, ...]
    form_question: str | None = None


@dataclass(frozen=True)
class Rubric:
    name: str
    title_zh: str
    title_en: str
    source: tuple[str, ...]
    total_points: float
    areas: tuple[Area, ...]


def build_rubric(data: Mapping) -> Rubric:
    """Validate a rubric read from YAML (see ``data/rubrics/``) and return it.

    Examples
    --------
    >>> r = build_rubric({"name": "t", "total_points": 10, "source": ["x"], "areas": [
    ...     {"key": "a", "points": 10, "items": [{"kind": "kpi", "metric": "csat", "poor": 0.8, "good": 1.0}]}]})
    >>> r.areas[0].items[0].label
    'csat'
    """
    try:
        areas = []
        for a in data["areas"]:
            items = []
            for it in a["items"]:
                kind = it["kind"]
                if kind not in ITEM_KINDS:
                    raise ModelInputError(f"area {a['key']}: unknown item kind {kind!r}")
                item = RubricItem(
                    kind=kind,
                    field=it.get("field"),
                    metric=it.get("metric"),
                    poor=it.get("poor"),
                    good=it.get("good"),
                    value=it.get("value"),
                    values=tuple(str(v) for v in it.get("values", ())),
                )
                if kind == "kpi" and (
                    item.metric is None
                    or item.poor is None
                    or item.good is None
                    or item.poor == item.good
                ):
                    raise ModelInputError(
                        f"area {a['key']}: a kpi item needs metric, poor and good (different)"
                    )
                if kind != "kpi" and not item.field:
                    raise ModelInputError(f"area {a['key']}: a {kind} item needs a field")
                items.append(item)
            if not items or float(a["points"]) <= 0:
                raise ModelInputError(
                    f"area {a['key']}: needs positive points and at least one item"
                )
            areas.append(
                Area(
                    a["key"],
                    a.get("zh", a["key"]),
                    a.get("en", a["key"]),
                    float(a["points"]),
                    tuple(items),
                    a.get("form_question"),
                )
            )
        total = float(data["total_points"])
        source = tuple(data["source"]) if not isinstance(data["source"], str) else (data["source"],)
    except KeyError as exc:
        raise ModelInputError(f"rubric lacks the key {exc.args[0]!r}") from None
    if not source:
        raise ModelInputError("a rubric must cite its source")
    if not math.isclose(sum(a.points for a in areas), total):
        raise ModelInputError(
            f"area points sum to {sum(a.points for a in areas):g}, not total_points {total:g}"
        )
    return Rubric(
        data["name"],
        data.get("title_zh", data["name"]),
        data.get("title_en", data["name"]),
        source,
        total,
        tuple(areas),
    )


def _filled(v) -> bool:
    if v is None:
        return False
    if isinstance(v, float) and math.isnan(v):
        return False
    return not (isinstance(v, str | list | tuple) and len(v) == 0)


def score_item(item: RubricItem, profile: Mapping, kpis: Mapping[str, float]) -> float | None:
    """Score of one item in [0, 1], or ``None`` when no data backs it.

    Examples
    --------
    >>> round(score_item(RubricItem("kpi", metric="attrition_rate", poor=0.5, good=0.1), {}, {"attrition_rate": 0.2}), 6)
    0.75
    >>> score_item(RubricItem("contains_any", field="certifications", values=("COPC",)), {"certifications": '["COPC 2000"]'}, {})
    1.0
    """
    if item.kind == "kpi":
        v = kpis.get(item.metric)
        if v is None or not math.isfinite(v):
            return None
        return min(1.0, max(0.0, (v - item.poor) / (item.good - item.poor)))
    v = profile.get(item.field)
    if item.kind == "present":
        return 1.0 if _filled(v) else None
    if not _filled(v):
        return None
    if item.kind == "at_least":
        try:
            return 1.0 if float(v) >= item.value else 0.0
        except (TypeError, ValueError):
            return None
    if isinstance(v, str) and v.startswith("["):
        with contextlib.suppress(ValueError):
            v = json.loads(v)
    text = " ".join(map(str, v)) if isinstance(v, list | tuple) else str(v)
    norm = text.lower().replace(" ", "")
    return 1.0 if any(x.lower().replace(" ", "") in norm for x in item.values) else 0.0


@dataclass(frozen=True)
class AreaScore:
    key: str
    zh: str
    en: str
    points: float
    earned: float
    backed: float
    items: dict[str, float | None]


@dataclass(frozen=True)
class AwardScore:
    """A center's rubric score: ``score`` out of the rubric total (0-100), ``coverage`` (0-1)."""

    center_id: str
    name: str
    year: int | None
    category: str | None
    points: float
    backed_points: float
    coverage: float
    score: float | None
    areas: tuple[AreaScore, ...] = field(default=())

    @property
    def score_on_backed(self) -> float | None:
        """Earned / backed points x 100: the score on what is known (never used to rank)."""
        return 100.0 * self.points / self.backed_points if self.backed_points > 0 else None

    def to_dict(self) -> dict:
        return {
            "center_id": self.center_id,
            "name": self.name,
            "year": self.year,
            "category": self.category,
            "score": None if self.score is None else round(self.score, 2),
            "score_on_backed": (
                None if self.score_on_backed is None else round(self.score_on_backed, 2)
            ),
            "points": round(self.points, 3),
            "backed_points": round(self.backed_points, 3),
            "coverage": round(self.coverage, 4),
            "areas": {
                a.key: {
                    "points": a.points,
                    "earned": round(a.earned, 3),
                    "backed": round(a.backed, 3),
                    "items": a.items,
                }
                for a in self.areas
            },
        }


def score_center(
    rubric: Rubric, profile: Mapping, kpis: Mapping[str, float], *, year: int | None = None
) -> AwardScore:
    """Score one center (profile fields + achieved KPIs) on ``rubric``.

    Examples
    --------
    >>> r = build_rubric({"name": "t", "total_points": 10, "source": ["x"], "areas": [
    ...     {"key": "a", "points": 10, "items": [{"kind": "kpi", "metric": "csat", "poor": 0.8, "good": 1.0},
    ...                                          {"kind": "present", "field": "staff"}]}]})
    >>> s = score_center(r, {"id": "c", "name": "C"}, {"csat": 0.9})
    >>> s.points, s.coverage, s.score, s.score_on_backed
    (2.5, 0.5, 25.0, 50.0)
    """
    areas = []
    for a in rubric.areas:
        share = a.points / len(a.items)
        results = {it.label: score_item(it, profile, kpis) for it in a.items}
        backed = earned = 0  # added in order, as sum() adds (10,000 centers: one loop, not two)
        for s in results.values():
            if s is not None:
                backed += share
                earned += share * s
        areas.append(AreaScore(a.key, a.zh, a.en, a.points, earned, backed, results))
    earned = backed = 0  # in area order, one addition at a time (as score_columns adds)
    for a in areas:
        earned += a.earned
        backed += a.backed
    return AwardScore(
        center_id=str(profile.get("id", "")),
        name=str(profile.get("name", "")),
        year=year,
        category=profile.get("industry") or None,
        points=earned,
        backed_points=backed,
        coverage=backed / rubric.total_points,
        score=100.0 * earned / rubric.total_points if backed > 0 else None,
        areas=tuple(areas),
    )


def _item_column(
    item: RubricItem, profiles: Sequence[Mapping], kpis: Sequence[Mapping[str, float]]
) -> np.ndarray:
    """:func:`score_item` of every center at once: a float per center, NaN where unbacked."""
    if item.kind == "kpi":
        # None (no value) reads as NaN; NaN and infinities back nothing, as in score_item
        v = np.array([k.get(item.metric) for k in kpis], dtype=float)
        out = np.full(len(v), np.nan)
        ok = np.isfinite(v)
        # the same operations on the same doubles as score_item: the same figure, bit for bit
        out[ok] = np.minimum(1.0, np.maximum(0.0, (v[ok] - item.poor) / (item.good - item.poor)))
        return out
    # profile facts: score_item itself, once per distinct value (a rubric asks the same few
    # questions of many centers: present, a threshold, a certificate among a few texts)
    seen: dict[tuple, float | None] = {}
    out = np.empty(len(profiles))
    for i, p in enumerate(profiles):
        v = p.get(item.field)
        # keyed by type as well (1, 1.0 and True are equal keys but not equal texts); a zero
        # float is not kept (0.0 and -0.0 are equal keys but not equal texts)
        key = (type(v), v)
        try:
            s = seen[key]
        except KeyError:
            s = score_item(item, {item.field: v}, {})
            if not (type(v) is float and v == 0.0):
                seen[key] = s
        except TypeError:  # unhashable (a list of certificates)
            s = score_item(item, {item.field: v}, {})
        out[i] = np.nan if s is None else s
    return out


def score_columns(
    rubric: Rubric, profiles: Sequence[Mapping], kpis: Sequence[Mapping[str, float]]
) -> tuple[np.ndarray, np.ndarray]:
    """Earned and backed points of many centers at once, one item column at a time.

    ``profiles[i]`` and ``kpis[i]`` are one center's, as :func:`score_center` takes them.
    Returns ``(earned, backed)``, float arrays: ``earned[i]`` and ``backed[i]`` are
    ``score_center(rubric, profiles[i], kpis[i])``'s ``points`` and ``backed_points``, bit
    for bit: each item's score is the same operations on the same doubles, and the points are
    added in the same order (items within an area, then the areas); an unbacked item adds
    0.0, which changes no sum of non-negative terms. (Where no item is backed, score_center's
    sums are the integer 0; here 0.0.)

    Examples
    --------
    >>> r = build_rubric({"name": "t", "total_points": 10, "source": ["x"], "areas": [
    ...     {"key": "a", "points": 10, "items": [{"kind": "kpi", "metric": "csat", "poor": 0.8, "good": 1.0},
    ...                                          {"kind": "present", "field": "staff"}]}]})
    >>> earned, backed = score_columns(r, [{"staff": 40}, {}], [{"csat": 0.9}, {}])
    >>> earned.tolist(), backed.tolist()
    ([7.5, 0.0], [10.0, 0.0])
    """
    if len(profiles) != len(kpis):
        raise ModelInputError(f"{len(profiles)} profiles but {len(kpis)} KPI sets")
    n = len(profiles)
    earned, backed = np.zeros(n), np.zeros(n)
    for a in rubric.areas:
        share = a.points / len(a.items)
        area_earned, area_backed = np.zeros(n), np.zeros(n)
        for it in a.items:
            s = _item_column(it, profiles, kpis)
            ok = ~np.isnan(s)
            area_backed += np.where(ok, share, 0.0)
            area_earned += np.where(ok, share * s, 0.0)
        earned += area_earned
        backed += area_backed
    return earned, backed


def latest_per_center(scores: Sequence[AwardScore]) -> list[AwardScore]:
    """One score per center: its latest KPI year (an undated entry counts as the oldest)."""
    best: dict[str, AwardScore] = {}
    for s in scores:
        key = s.center_id or s.name
        if key not in best or (s.year or 0) > (best[key].year or 0):
            best[key] = s
    return list(best.values())


def leaderboard(scores: Sequence[AwardScore], *, min_coverage: float = MIN_COVERAGE) -> list[dict]:
    """One row per center, sorted by score; low-coverage entries get ``rank`` None, after the rest.

    ``rank`` is over every ranked center; ``category_rank`` within the center's industry. Equal
    scores share a rank; ties are listed by coverage, then name.

    Examples
    --------
    >>> a = AwardScore("a", "A", 2003, "电信", 60, 80, 0.8, 60.0)
    >>> b = AwardScore("b", "B", 2003, "电信", 10, 10, 0.1, 10.0)
    >>> c = AwardScore("c", "C", 2003, "银行", 70, 70, 0.7, 70.0)
    >>> [(r["name"], r["rank"], r["category_rank"]) for r in leaderboard([a, b, c])]
    [('C', 1, 1), ('A', 2, 1), ('B', None, None)]
    """
    return _rank_rows(
        [
            (s.score, s.coverage, s.name, s.category, _board_row(s))
            for s in latest_per_center(scores)
        ],
        min_coverage,
    )


def _board_row(s: AwardScore) -> dict:
    row = s.to_dict()
    row.pop("areas")
    return row


#: a center on the board before ranking: ``(score, coverage, name, category, row)``, the score
#: and coverage unrounded (they order and tie the rows), ``row`` the rounded figures shown
_BoardEntry = tuple[float | None, float, str, str | None, dict]


def _rank_rows(board: list[_BoardEntry], min_coverage: float) -> list[dict]:
    """The rows of ``board`` sorted and ranked as :func:`leaderboard` says (rows are completed
    in place with ``rank``, ``category_rank`` and, unranked, ``note``)."""
    ordered = sorted(
        board, key=lambda b: (b[1] < min_coverage or b[0] is None, -(b[0] or 0), -b[1], b[2])
    )
    out = []
    rank, prev = 0, None
    in_category: dict[str | None, list] = {}
    note = Note("below_coverage", min_coverage=min_coverage).to_dict()
    for i, (score, coverage, _, category, row) in enumerate(ordered):
        if coverage < min_coverage or score is None:
            row["rank"] = None
            row["category_rank"] = None
            row["note"] = dict(note)  # a dict of its own per row, as before
        else:
            rank = rank if prev is not None and math.isclose(score, prev) else i + 1
            prev = score
            row["rank"] = rank
            seen = in_category.setdefault(category, [0, None, 0])  # rank, score, count
            seen[2] += 1
            if seen[1] is None or not math.isclose(score, seen[1]):
                seen[0], seen[1] = seen[2], score
            row["category_rank"] = seen[0]
        out.append(row)
    return out


def _hours(profile: Mapping) -> str | None:
    h, d, y = (
        profile.get("hours_per_day"),
        profile.get("days_per_week"),
        profile.get("days_per_year"),
    )
    parts = [f"{x:g}" for x in (h, d, y) if isinstance(x, int | float) and not math.isnan(x)]
    return "×".join(parts) if len(parts) >= 2 else None


def compare_card(rubric: Rubric, entries: Sequence[tuple[Mapping, AwardScore]]) -> list[dict]:
    """Side-by-side card of 2-4 centers: the candidate-form fields, then points per area.

    Returns rows ``{"zh", "en", "values": [one per center]}``.
    """
    if not 2 <= len(entries) <= 4:
        raise ModelInputError(f"a comparison card takes 2 to 4 centers, got {len(entries)}")
    rows = []
    for key, zh, en in CARD_FIELDS:
        vals = []
        for profile, _ in entries:
            v = _hours(profile) if key == "opening_hours" else profile.get(key)
            if isinstance(v, float) and math.isnan(v):
                v = None
            elif isinstance(v, float) and v.is_integer():
                v = int(v)  # a year or a count read from a column with gaps: 1999, not 1999.0
            vals.append(v)
        rows.append({"zh": zh, "en": en, "values": vals})
    for i, area in enumerate(rubric.areas):
        vals = []
        for _, s in entries:
            a = s.areas[i]
            vals.append(None if a.backed == 0 else f"{a.earned:.1f}/{a.points:g}")
        rows.append({"zh": area.zh, "en": area.en, "values": vals})
    rows.append(
        {
            "zh": "得分（占总分，百分制）",
            "en": "score out of the rubric total (0-100)",
            "values": [None if s.score is None else round(s.score, 1) for _, s in entries],
        }
    )
    rows.append(
        {"zh": "数据覆盖", "en": "coverage", "values": [f"{s.coverage:.0%}" for _, s in entries]}
    )
    return rows


#: one entry per center and KPI year: ``(profile, year, kpis)`` (``data.inputs.benchmark.load_award_entries``)
AwardEntry = tuple[Mapping, int | None, Mapping[str, float]]


def score_entries(
    rubric: Rubric,
    entries: Sequence[AwardEntry],
    *,
    year: int | None = None,
    category: str | None = None,
) -> list[tuple[Mapping, AwardScore]]:
    """Score every entry on ``rubric``, keeping only ``year`` and ``category`` when given."""
    return [(p, score_center(rubric, p, k, year=y)) for p, y, k in _select(entries, year, category)]


def _select(
    entries: Sequence[AwardEntry], year: int | None, category: str | None
) -> list[AwardEntry]:
    """The entries of ``year`` and ``category`` (as their scores would name them)."""
    if year is not None:
        entries = [e for e in entries if e[1] == year]
    if category:
        entries = [e for e in entries if (e[0].get("industry") or None) == category]
    return list(entries)


def _latest_entries(entries: Sequence[AwardEntry]) -> list[AwardEntry]:
    """One entry per center, its latest year: the entries :func:`latest_per_center` keeps."""
    best: dict[str, AwardEntry] = {}
    for e in entries:
        key = str(e[0].get("id", "")) or str(e[0].get("name", ""))
        if key not in best or (e[1] or 0) > (best[key][1] or 0):
            best[key] = e
    return list(best.values())


def award_leaderboard(
    rubric: Rubric,
    entries: Sequence[AwardEntry],
    *,
    year: int | None = None,
    category: str | None = None,
    min_coverage: float = MIN_COVERAGE,
) -> list[dict]:
    """Leaderboard rows (see :func:`leaderboard`) of the entries of ``year``/``category``.

    Examples
    --------
    >>> r = build_rubric({"name": "t", "total_points": 10, "source": ["x"], "areas": [
    ...     {"key": "a", "points": 10, "items": [{"kind": "kpi", "metric": "csat", "poor": 0.8, "good": 1.0}]}]})
    >>> rows = award_leaderboard(r, [({"id": "a", "name": "A"}, None, {"csat": 0.9}),
    ...                              ({"id": "b", "name": "B"}, None, {"csat": 0.95}), ({"id": "c", "name": "C"}, None, {})])
    >>> [(x["name"], x["rank"], x["score"]) for x in rows]
    [('B', 1, 75.0), ('A', 2, 50.0), ('C', None, None)]
    >>> rows[0]["coverage"], rows[0]["score_on_backed"]
    (1.0, 75.0)
    """
    # only the entry the board keeps per center is scored (the latest of the chosen year and
    # category): the same rows as scoring them all, for a third of the work
    latest = _latest_entries(_select(entries, year, category))
    # all the kept entries scored at once (score_columns); the rows are leaderboard()'s of
    # their score_center scores, figure for figure
    earned, backed = score_columns(rubric, [p for p, _, _ in latest], [k for _, _, k in latest])
    total = rubric.total_points
    coverage = (backed / total).tolist()
    score = (100.0 * earned / total).tolist()
    board: list[_BoardEntry] = []
    for (p, y, _), e, b, cov, sc in zip(
        latest, earned.tolist(), backed.tolist(), coverage, score, strict=True
    ):
        if b > 0:
            row_score, on_backed = sc, round(100.0 * e / b, 2)
        else:  # nothing backed: score_center's sums stay the integer 0
            e = b = 0
            row_score = on_backed = None
        name, category = str(p.get("name", "")), p.get("industry") or None
        row = {
            "center_id": str(p.get("id", "")),
            "name": name,
            "year": y,
            "category": category,
            "score": None if row_score is None else round(row_score, 2),
            "score_on_backed": on_backed,
            "points": round(e, 3),
            "backed_points": round(b, 3),
            "coverage": round(cov, 4),
        }
        board.append((row_score, cov, name, category, row))
    return _rank_rows(board, min_coverage)


def award_cards(
    rubric: Rubric,
    entries: Sequence[AwardEntry],
    centers: Sequence[str],
    *,
    year: int | None = None,
    category: str | None = None,
) -> dict:
    """2-4 centers (names or ids) side by side: ``{"rubric", "centers", "card"}``.

    ``centers`` holds each center's full score (:meth:`AwardScore.to_dict`, with areas and
    items) and ``card`` the rows of :func:`compare_card`. A center with several KPI years is
    taken at its latest year unless ``year`` is given.
    """
    wanted = [str(c).strip() for c in centers if str(c).strip()]
    if not 2 <= len(wanted) <= 4:
        raise ModelInputError(f"a comparison card takes 2 to 4 centers, got {len(wanted)}")
    # only the entries of the wanted centers are scored (not every center of the year)
    chosen = [e for e in entries if any(w in (e[0].get("name"), e[0].get("id")) for w in wanted)]
    scored = score_entries(rubric, chosen, year=year, category=category)
    picked = []
    for w in wanted:
        hits = [(p, s) for p, s in scored if w in (p.get("name"), p.get("id"))]
        if not hits:
            raise ModelInputError(f"no center {w!r} among the scored centers")
        picked.append(max(hits, key=lambda h: h[1].year or 0))
    return {
        "rubric": rubric.name,
        "centers": [s.to_dict() for _, s in picked],
        "card": compare_card(rubric, picked),
    }
