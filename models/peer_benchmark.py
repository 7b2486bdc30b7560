"""Peer benchmarks: where a center stands on each KPI among comparable centers.

Peers
    Centers grouped by any of ``industry``, ``size_band`` (5-99, 100-249, 250+ seats),
    ``region`` (seven regions of China by province) and ``city_tier`` (``capital``: a
    municipality or provincial capital; ``other``).
Honest statistics
    A peer cell with fewer than :data:`MIN_PEERS` (5) values is not shown: its statistics are
    ``None`` and ``suppressed`` says why. Values of one KPI measured differently (the
    ``definition`` of the ``kpis`` table, e.g. service level over offered versus answered
    calls, and its threshold) are kept apart: each (metric, definition) is its own cell.
    Targets (``is_target = 1``) are not achievements and are left out upstream.
Position
    ``percentile`` = share of peers that do worse plus half of those equal (0-100, higher =
    better); quartile 1 = best quarter. Gaps are ``value - median`` and ``value - top`` where
    ``top`` is the 75th percentile for higher-is-better KPIs and the 25th for lower-is-better.
Widening and the industry reference
    Keys the center has no value for are left out of its peer group (``peer_keys_unset``).
    When a KPI's cell has fewer than :data:`MIN_PEERS` peers, the group is widened one key at
    a time from the last (``industry, size_band`` -> ``industry`` -> all centers) and the
    position says which group it used (``peer_group``). When even the widest group is too
    small, published industry averages (``industry_reference``: value, year, scope, source
    URL; the same industry's series first, then cross-industry ones) are shown under the
    label :data:`REFERENCE_LABEL`, in their own fields: they never enter the peer statistics.
Money
    Handle time: a gap of g seconds over V calls a year at c CNY per minute costs
    g / 60 * V * c CNY a year. First-contact resolution: a gap of g (fraction) means g * V
    repeat calls a year, costing g * V * AHT / 60 * c CNY.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, replace

import numpy as np
import pandas as pd

from data.notes import Note
from models.errors import ModelInputError

MIN_PEERS = 5
#: label of published averages shown when too few peers exist (never mixed with peers)
REFERENCE_LABEL = "INDUSTRY REFERENCE"
#: most reference series shown per KPI
REFERENCE_LIMIT = 3
SIZE_BANDS: tuple[tuple[str, int, float], ...] = (
    ("5-99", 5, 99),
    ("100-249", 100, 249),
    ("250+", 250, np.inf),
)
PEER_KEYS: tuple[str, ...] = ("industry", "size_band", "region", "city_tier")

#: KPI -> True when higher is better (unit in the name or fraction)
KPI_HIGHER_IS_BETTER: dict[str, bool] = {
    "answer_rate": True,
    "service_level": True,
    "fcr_rate": True,
    "csat": True,
    "outbound_success_rate": True,
    "quality_score": True,
    "occupancy_rate": True,
    "aht_seconds": False,
    "asa_seconds": False,
    "abandon_rate": False,
    "attrition_rate": False,
    "complaint_rate": False,
}

REGIONS: dict[str, tuple[str, ...]] = {
    "华北": ("北京市", "天津市", "河北省", "山西省", "内蒙古自治区"),
    "东北": ("辽宁省", "吉林省", "黑龙江省"),
    "华东": ("上海市", "江苏省", "浙江省", "安徽省", "福建省", "江西省", "山东省"),
    "华中": ("河南省", "湖北省", "湖南省"),
    "华南": ("广东省", "广西壮族自治区", "海南省", "香港特别行政区", "澳门特别行政区"),
    "西南": ("重庆市", "四川省", "贵州省", "云南省", "西藏自治区"),
    "西北": ("陕西省", "甘肃省", "青海省", "宁夏回族自治区", "新疆维吾尔自治区"),
}
_REGION_OF = {p: r for r, ps in REGIONS.items() for p in ps}


def _missing(value: object) -> bool:
    """None, or a float NaN (how a frame holds an unknown value)."""
    return value is None or (isinstance(value, float) and value != value)


def size_band(seats: float | None) -> str | None:
    """Size band of a center by seats (``None`` below 5 seats or unknown).

    Examples
    --------
    >>> [size_band(s) for s in (3, 5, 99, 100, 250, None)]
    [None, '5-99', '5-99', '100-249', '250+', None]
    """
    if seats is None or not np.isfinite(seats) or seats < 5:
        return None
    for name, _lo, hi in SIZE_BANDS:
        if seats < hi + 1:
            return name
    return SIZE_BANDS[-1][0]


def region_of(province: str | None) -> str | None:
    """Region of a province (Simplified full name, e.g. ``江苏省``).

    Examples
    --------
    >>> region_of("江苏省"), region_of("北京市"), region_of(None)
    ('华东', '华北', None)
    """
    return _REGION_OF.get(province) if province else None


def peer_attributes(centers: pd.DataFrame) -> pd.DataFrame:
    """Add ``size_band``, ``region`` and ``city_tier`` to a centers frame.

    Uses ``seats``, ``province`` and ``is_provincial_capital`` (1/0, may be missing).
    """
    out = centers.copy()
    out["size_band"] = [size_band(s) for s in pd.to_numeric(out.get("seats"), errors="coerce")]
    out["region"] = [region_of(p) for p in out.get("province", pd.Series([None] * len(out)))]
    cap = (
        out["is_provincial_capital"]
        if "is_provincial_capital" in out
        else pd.Series([np.nan] * len(out))
    )
    out["city_tier"] = ["capital" if c == 1 else ("other" if c == 0 else None) for c in cap]
    return out


def _quantiles(v: np.ndarray) -> dict[str, float]:
    q = np.percentile(v, [10, 25, 50, 75, 90])
    return dict(zip(("p10", "p25", "median", "p75", "p90"), (float(x) for x in q), strict=True))


def peer_table(
    observations: pd.DataFrame, centers: pd.DataFrame, by: Sequence[str] = ("industry", "size_band")
) -> pd.DataFrame:
    """Quartiles per peer cell and KPI: columns ``by``..., metric, definition, n, p10..p90, suppressed.

    ``observations`` is long: ``center_id``, ``metric``, ``value``, ``definition`` ('' when
    unspecified). ``centers`` has ``id`` and the attributes of :func:`peer_attributes`.
    """
    by = list(by)
    bad = [k for k in by if k not in PEER_KEYS]
    if bad:
        raise ModelInputError(f"unknown peer keys {bad}; use {', '.join(PEER_KEYS)}")
    attrs = peer_attributes(centers)[["id", *by]].rename(columns={"id": "center_id"})
    obs = observations.merge(attrs, on="center_id", how="inner").dropna(subset=["value", *by])
    rows = []
    for key, g in obs.groupby([*by, "metric", "definition"], sort=True):
        row = dict(zip([*by, "metric", "definition"], key, strict=True))
        n = int(g["center_id"].nunique())
        row["n"] = n
        if n < MIN_PEERS:
            row.update(dict.fromkeys(("p10", "p25", "median", "p75", "p90")))
            row["suppressed"] = f"only {n} peers (fewer than {MIN_PEERS}): not shown"
        else:
            row.update(_quantiles(g["value"].to_numpy(float)))
            row["suppressed"] = None
        rows.append(row)
    return pd.DataFrame(rows)


@dataclass(frozen=True)
class KPIPosition:
    """One KPI of one center against its peers (``None`` fields when the cell is suppressed)."""

    metric: str
    definition: str
    value: float
    peers: int
    higher_is_better: bool
    median: float | None
    top_quartile: float | None
    percentile: float | None
    quartile: int | None
    gap_to_median: float | None
    gap_to_top_quartile: float | None
    cny_per_year_to_median: float | None
    cny_per_year_to_top_quartile: float | None
    repeat_calls_avoided_per_year: float | None
    notes: tuple[Note, ...]  # coded notes (data.notes): too few peers, not mixed, widened ...
    peer_group: dict | None = None
    industry_reference: list[dict] | None = None

    def to_dict(self) -> dict:
        out = asdict(self)
        out["notes"] = [n.to_dict() for n in self.notes]
        return out


def _year(row: Mapping) -> int:
    text = str(row.get("year") or "")[:4]
    return int(text) if text.isdigit() else 0


def industry_reference(
    metric: str,
    value: float,
    reference: Sequence[Mapping],
    *,
    industry: str | None = None,
    limit: int = REFERENCE_LIMIT,
) -> list[dict]:
    """Published averages of ``metric`` to show when too few peers exist, with the gap to each.

    ``reference`` rows have ``metric, value, unit, year, scope, industry, definition, bound,
    kind, series, source, url`` (``data/reference/industry_kpis.csv``). Rows of another
    industry are left out; the latest row of each ``series`` is kept, the center's industry
    first, then cross-industry ones, newest first.

    Examples
    --------
    >>> ref = [{"metric": "answer_rate", "value": 0.94, "year": 2024, "industry": "银行", "series": "b"},
    ...        {"metric": "answer_rate", "value": 0.92, "year": 2018, "industry": "银行", "series": "b"},
    ...        {"metric": "answer_rate", "value": 0.96, "year": 2019, "industry": "", "series": "x"},
    ...        {"metric": "answer_rate", "value": 1.0, "year": 2024, "industry": "政务", "series": "g"}]
    >>> [(r["value"], r["label"], round(r["gap"], 2)) for r in industry_reference("answer_rate", 0.9, ref, industry="银行")]
    [(0.94, 'INDUSTRY REFERENCE', -0.04), (0.96, 'INDUSTRY REFERENCE', -0.06)]
    """
    rows = [
        r
        for r in reference
        if r.get("metric") == metric and (not r.get("industry") or r.get("industry") == industry)
    ]
    rows.sort(key=lambda r: (not (industry and r.get("industry") == industry), -_year(r)))
    out, seen = [], set()
    for r in rows:
        series = r.get("series") or r.get("url")
        if series in seen:
            continue
        seen.add(series)
        out.append({"label": REFERENCE_LABEL, **dict(r), "gap": float(value) - float(r["value"])})
        if len(out) == limit:
            break
    return out


def _money(
    metric: str,
    gap: float,
    better_is_higher: bool,
    calls: float | None,
    cpm: float | None,
    aht: float | None,
) -> float | None:
    """CNY a year gained by closing ``gap`` (a shortfall is a positive number of CNY)."""
    if calls is None:
        return None
    shortfall = -gap if better_is_higher else gap
    if shortfall <= 0:
        return 0.0
    if metric == "aht_seconds" and cpm is not None:
        return shortfall / 60.0 * calls * cpm
    if metric == "fcr_rate" and cpm is not None and aht is not None:
        return shortfall * calls * aht / 60.0 * cpm
    return None


def benchmark_kpis(
    kpis: Mapping[str, float],
    peer_values: pd.DataFrame,
    *,
    definitions: Mapping[str, str] | None = None,
    annual_calls: float | None = None,
    cost_per_minute_cny: float | None = None,
    exclude_center: str | None = None,
    reference: Sequence[Mapping] | None = None,
    industry: str | None = None,
) -> list[KPIPosition]:
    """Position of typed-in or stored KPIs among peers.

    Parameters
    ----------
    kpis : mapping metric -> value
        The center's KPIs in the units of the store (fractions, seconds).
    peer_values : DataFrame
        Long peer observations (``center_id``, ``metric``, ``value``, ``definition``), already
        restricted to the peer group.
    definitions : mapping metric -> definition, optional
        How each KPI is measured; only peers measured the same way are compared.
    annual_calls : float, optional
        Calls handled a year, for the money and repeat-call figures.
    cost_per_minute_cny : float, optional
        Fully loaded cost of one handled minute (from the cost model).
    exclude_center : str, optional
        Leave this center out of its own peers.
    reference : rows of published averages, optional
        Shown (:func:`industry_reference`, for ``industry``) when a cell has too few peers.

    Examples
    --------
    >>> peers = pd.DataFrame({"center_id": list("abcdef"), "metric": "aht_seconds",
    ...                       "value": [200.0, 220, 240, 260, 280, 300], "definition": ""})
    >>> p = benchmark_kpis({"aht_seconds": 270.0}, peers, annual_calls=1e6, cost_per_minute_cny=2.0)[0]
    >>> p.median, p.gap_to_median, p.cny_per_year_to_median, p.quartile
    (250.0, 20.0, 666666.6666666666, 3)
    """
    definitions = definitions or {}
    out: list[KPIPosition] = []
    pv = peer_values
    if exclude_center is not None:
        pv = pv[pv["center_id"] != exclude_center]
    aht = kpis.get("aht_seconds")
    for metric, value in kpis.items():
        if metric not in KPI_HIGHER_IS_BETTER:
            raise ModelInputError(
                f"unknown KPI {metric!r}; known: {', '.join(sorted(KPI_HIGHER_IS_BETTER))}"
            )
        if value is None or not np.isfinite(value):
            continue
        higher = KPI_HIGHER_IS_BETTER[metric]
        d = definitions.get(metric, "") or ""
        cell = pv[(pv["metric"] == metric) & (pv["definition"].fillna("") == d)]
        v = cell["value"].dropna().to_numpy(float)
        others = sorted(set(pv.loc[pv["metric"] == metric, "definition"].fillna("")) - {d})
        mixed = (Note("not_mixed", others=others),) if others else ()
        if v.size < MIN_PEERS:
            msg = [Note("too_few_peers", n=int(v.size), min=MIN_PEERS)]
            ref = (
                industry_reference(metric, value, reference, industry=industry)
                if reference
                else None
            )
            if ref:
                msg.append(Note("reference_shown"))
            elif reference is not None:
                msg.append(Note("no_reference"))
            out.append(
                KPIPosition(
                    metric,
                    d,
                    float(value),
                    int(v.size),
                    higher,
                    None,
                    None,
                    None,
                    None,
                    None,
                    None,
                    None,
                    None,
                    None,
                    (*msg, *mixed),
                    industry_reference=ref or None,
                )
            )
            continue
        q = _quantiles(v)
        top = q["p75"] if higher else q["p25"]
        worse = (v < value).sum() if higher else (v > value).sum()
        pct = 100.0 * (worse + 0.5 * (v == value).sum()) / v.size
        quartile = 1 if pct >= 75 else 2 if pct >= 50 else 3 if pct >= 25 else 4
        gm = float(value - q["median"])
        gt = float(value - top)
        repeat = None
        if metric == "fcr_rate" and annual_calls is not None:
            repeat = max(0.0, -gt) * annual_calls
        out.append(
            KPIPosition(
                metric, d, float(value), int(v.size), higher, q["median"], top, round(pct, 2), quartile,
                gm, gt,
                _money(metric, gm, higher, annual_calls, cost_per_minute_cny, aht),
                _money(metric, gt, higher, annual_calls, cost_per_minute_cny, aht),
                repeat, mixed,
            )
        )  # fmt: skip
    return out


def select_peers(
    centers: pd.DataFrame, target: Mapping[str, object], by: Sequence[str]
) -> pd.DataFrame:
    """Centers sharing the target's value on every key of ``by`` (keys from :data:`PEER_KEYS`)."""
    attrs = peer_attributes(centers)
    mask = pd.Series(True, index=attrs.index)
    for k in by:
        if k not in PEER_KEYS:
            raise ModelInputError(f"unknown peer key {k!r}; use {', '.join(PEER_KEYS)}")
        want = target.get(k)
        if want is None:
            raise ModelInputError(
                f"peer key {k!r} needs a value for the center (e.g. --{k.replace('_', '-')})"
            )
        mask &= attrs[k] == want
    return attrs[mask]


@dataclass(frozen=True)
class CenterInputs:
    """What a stored center brings to its own benchmark: peer keys, KPIs and volumes."""

    center_id: str
    name: str
    target: dict
    kpis: dict[str, float]
    definitions: dict[str, str]
    annual_calls: float | None
    city: str | None
    seats: float | None


def stored_center_inputs(
    centers: pd.DataFrame, observations: pd.DataFrame, center: str
) -> CenterInputs:
    """Peer keys, achieved KPIs, definitions and annual calls of a stored center (name or id).

    Only achieved values of the benchmarkable KPIs (:data:`KPI_HIGHER_IS_BETTER`) are taken:
    targets and other stored figures (seat counts, sites, channel volumes) are skipped.

    Annual calls = daily inbound calls x days per year (365 when unknown), ``None`` without
    daily calls. ``city`` is the frame's ``city_name`` (else ``city``).
    """
    attrs = peer_attributes(centers)
    hit = attrs[(attrs["name"] == center) | (attrs["id"] == center)]
    if hit.empty:
        raise ModelInputError(f"no center named {center!r} in the store")
    row = hit.iloc[0]
    kpis: dict[str, float] = {}
    definitions: dict[str, str] = {}
    for _, o in observations[observations["center_id"] == row["id"]].iterrows():
        if o["metric"] not in KPI_HIGHER_IS_BETTER:
            continue  # counts and volumes (seats, sites ...) are facts, not benchmarkable KPIs
        if "is_target" in o and o["is_target"] == 1:
            continue  # a goal is not an achievement
        kpis.setdefault(o["metric"], float(o["value"]))
        definitions.setdefault(o["metric"], o["definition"])
    daily = pd.to_numeric(pd.Series([row.get("daily_inbound_calls")]), errors="coerce").iloc[0]
    days = pd.to_numeric(pd.Series([row.get("days_per_year")]), errors="coerce").iloc[0]
    annual = (
        None
        if pd.isna(daily) or not daily
        else float(daily) * (365.0 if pd.isna(days) or not days else float(days))
    )
    city = next(
        (row.get(k) for k in ("city_name", "city") if isinstance(row.get(k), str) and row.get(k)),
        None,
    )
    seats = pd.to_numeric(pd.Series([row.get("seats")]), errors="coerce").iloc[0]
    return CenterInputs(
        center_id=str(row["id"]), name=str(row["name"]),
        target={k: row[k] for k in PEER_KEYS}, kpis=kpis, definitions=definitions,
        annual_calls=annual, city=city, seats=None if pd.isna(seats) else float(seats),
    )  # fmt: skip


def benchmark_report(
    kpis: Mapping[str, float],
    centers: pd.DataFrame,
    observations: pd.DataFrame,
    *,
    target: Mapping[str, object],
    by: Sequence[str] = ("industry", "size_band"),
    definitions: Mapping[str, str] | None = None,
    annual_calls: float | None = None,
    cost_per_minute_cny: float | None = None,
    cost_per_minute_source: str | None = None,
    exclude_center: str | None = None,
    label: str = "typed-in KPIs",
    reference: Sequence[Mapping] | None = None,
    widen: bool = True,
) -> dict:
    """Peer-benchmark report of typed-in (or stored) KPIs, JSON-ready.

    ``target`` gives the center's value for the keys of ``by`` (e.g. ``{"industry": "银行",
    "size_band": size_band(300)}``); keys without a value are left out (``peer_keys_unset``).
    With ``widen``, a KPI whose cell has fewer than :data:`MIN_PEERS` peers is compared with a
    wider group (the last key dropped first; the position's ``peer_group`` says which); when no
    group is large enough, ``reference`` rows give the labelled industry reference. Nothing is
    stored. Returns ``{"center", "peer_group", "peer_centers", "peer_keys_unset",
    "cost_per_minute_cny", "cost_per_minute_source", "reference_label", "reference_shown",
    "kpis": [KPIPosition dicts]}`` (the ``parkbench benchmark --json`` contract).

    Examples
    --------
    >>> centers = pd.DataFrame({"id": list("abcdef"), "industry": "银行", "seats": 120.0})
    >>> obs = pd.DataFrame({"center_id": list("abcdef"), "metric": "answer_rate",
    ...                     "value": [0.80, 0.84, 0.86, 0.90, 0.92, 0.95], "definition": ""})
    >>> r = benchmark_report({"answer_rate": 0.91}, centers, obs, target={"industry": "银行"}, by=["industry"])
    >>> r["peer_centers"], r["kpis"][0]["quartile"], r["kpis"][0]["median"]
    (6, 2, 0.88)
    """
    for k in by:
        if k not in PEER_KEYS:
            raise ModelInputError(f"unknown peer key {k!r}; use {', '.join(PEER_KEYS)}")
    target = {k: v for k, v in target.items() if not _missing(v)}  # NaN from a frame: unset
    keys = [k for k in by if target.get(k) is not None]
    unset = [k for k in by if target.get(k) is None]
    industry = target.get("industry")
    kw = dict(
        definitions=definitions,
        annual_calls=annual_calls,
        cost_per_minute_cny=cost_per_minute_cny,
        exclude_center=exclude_center,
    )

    def positions_in(group_keys: list[str], metric_kpis: Mapping[str, float], ref=None):
        peers = select_peers(centers, target, group_keys)
        found = benchmark_kpis(
            metric_kpis,
            observations[observations["center_id"].isin(peers["id"])],
            reference=ref,
            industry=industry if isinstance(industry, str) else None,
            **kw,
        )
        group = {k: target.get(k) for k in group_keys}
        return [replace(p, peer_group=group) for p in found]

    out: list[KPIPosition] = []
    for metric, value in kpis.items():
        one = {metric: value}
        if metric == "fcr_rate" and "aht_seconds" in kpis:
            one["aht_seconds"] = kpis["aht_seconds"]  # FCR money needs the AHT
        chosen = None
        candidates = [keys[:n] for n in range(len(keys), -1, -1)] if widen else [keys]
        for group_keys in candidates:
            found = [p for p in positions_in(group_keys, one) if p.metric == metric]
            if found and found[0].median is not None:
                chosen = found[0]
                if group_keys != keys:
                    group = [(k, target.get(k)) for k in group_keys]  # empty: all centers
                    widened = Note("widened", min=MIN_PEERS, group=group)
                    chosen = replace(chosen, notes=(*chosen.notes, widened))
                break
        if chosen is None:
            found = [p for p in positions_in(keys, one, reference) if p.metric == metric]
            if not found:
                continue
            chosen = found[0]
        out.append(chosen)
    peers = select_peers(centers, target, keys)
    return {
        "center": label,
        "peer_group": {k: target.get(k) for k in keys},
        "peer_centers": int((peers["id"] != exclude_center).sum()),
        "peer_keys_unset": unset,
        "cost_per_minute_cny": cost_per_minute_cny,
        "cost_per_minute_source": cost_per_minute_source,
        "reference_label": REFERENCE_LABEL,
        "reference_shown": any(p.industry_reference for p in out),
        "kpis": [p.to_dict() for p in out],
    }
