"""The harvested dataset: facts of the real-page corpus, reviewed by a curator, as curated data.

Every labelled page of ``scrapers/corpus/labels/`` was read by a curator who wrote down the
facts it states (the label). Harvesting runs the extractor over the saved page text, then
reviews each extracted value against the label, as a curator accepting, correcting or
rejecting the review queue would:

- ``accepted``: the extractor's value is the curator's;
- ``corrected``: the extractor found the field but the curator's value differs;
- ``added``: the curator's value, which the extractor missed;
- rejected values (the extractor's, absent from the label) are counted, never published.

Only the curator's facts are published, each with the page URL, its publication and retrieval
dates, the extractor version and the decision: no sentence of the page. :func:`write_harvest`
writes one JSON file per page under ``data/curated/harvest/``, which ``parkbench build`` loads
through the same validation path as every other source.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from data.normalise import values as nz

#: label fields of a center -> column of ``centers``
CENTER_FIELDS = (
    "name",
    "province",
    "city",
    "district",
    "industry",
    "founded_year",
    "seats",
    "staff",
    "hours_per_day",
    "days_per_week",
    "answer_rate",
    "service_level_target",
    "service_level_seconds",
    "aht_seconds",
    "fcr_rate",
    "csat",
    "attrition_rate",
    "daily_inbound_calls",
    "awards",
    "certifications",
)
#: label fields of a park -> column of ``parks``
PARK_FIELDS = {
    "name": "name",
    "province": "province",
    "city": "city",
    "district": "district",
    "area_km2": "area_km2",
    "floor_area_m2": "building_area_m2",
    "investment_cny": "investment_cny",
    "seats": "seats",
    "jobs": "jobs",
    "founded_year": "founded_year",
}
#: how a bound is written for the normaliser
_BOUND_TEXT = {"min": "{v}以上", "max": "不超过{v}", "approx": "约{v}"}
#: unit the normaliser needs after a bare number of these fields
_UNIT_TEXT = {
    "area_km2": "平方公里",
    "building_area_m2": "平方米",
    "investment_cny": "元",
    "aht_seconds": "秒",
}
_INCENTIVE_NAMES = {
    "seat_subsidy": "座席补贴",
    "rent_reduction": "房租减免",
    "training_subsidy": "培训补贴",
    "tax_rebate": "税收返还",
    "certification_subsidy": "认证补贴",
    "other": "其他扶持",
}


def _number(v: float) -> str:
    """A number in plain decimal notation (never ``3e+10``), without trailing zeros."""
    return f"{v:.6f}".rstrip("0").rstrip(".")


def raw_value(column: str, value: object, bound: str | None = None) -> object:
    """A label value as raw text the normaliser reads back to the same value and bound."""
    if isinstance(value, list | bool) or value is None:
        return value
    if isinstance(value, str):
        return value
    text = _number(float(value)) + _UNIT_TEXT.get(column, "")
    return _BOUND_TEXT[bound].format(v=text) if bound in _BOUND_TEXT else text


def _values(entity: dict, fields: dict[str, str] | Iterable[str]) -> dict[str, object]:
    pairs = fields.items() if isinstance(fields, dict) else ((f, f) for f in fields)
    out = {}
    for label_field, column in pairs:
        if label_field in entity:
            out[column] = raw_value(column, entity[label_field], entity.get(f"{label_field}_bound"))
    return out


def incentive_values(inc: dict, tier: int, park: str | None, city: str | None) -> dict | None:
    """An ``incentives`` record from a labelled incentive (None when it has no value)."""
    kind, value, unit = inc.get("kind"), inc.get("value"), inc.get("unit") or ""
    if kind not in _INCENTIVE_NAMES or value is None:
        return None
    out: dict[str, object] = {"name": _INCENTIVE_NAMES[kind], "kind": kind, "tier": tier}
    out.update({"park": park} if park else {"city": city})
    if unit == "fraction":
        out["rate"] = _number(value)
    elif unit == "year" and inc.get("basis") == "free":
        out["rate"] = "1"
        out["duration_years"] = _number(value)
    elif unit == "year":
        out["duration_years"] = _number(value)
    else:
        out["amount_cny"] = _number(value)
        per = {
            "CNY/seat": "per_seat",
            "CNY/m2/month": "per_m2_month",
            "CNY/person": "per_person",
            "CNY": "once",
        }.get(unit)
        if per:
            out["amount_unit"] = per
    if inc.get("years") is not None and "duration_years" not in out:
        out["duration_years"] = _number(inc["years"])
    notes = [inc.get("note"), f"bound: {inc['value_bound']}" if inc.get("value_bound") else None]
    if any(notes):
        out["conditions"] = "; ".join(n for n in notes if n)
    return out


def _timestamp(day: str | None) -> str | None:
    """A retrieval date as the store's UTC timestamp (``2026-12-04`` -> ``2026-12-04T00:00:00Z``)."""
    return f"{day}T00:00:00Z" if day and len(day) == 10 else day


@dataclass
class PageHarvest:
    """The records of one page and the review of the extractor's values against the label."""

    page: str
    source: dict
    records: list[dict] = field(default_factory=list)
    decisions: dict[str, int] = field(default_factory=dict)

    def as_json(self) -> dict:
        return {"source": self.source, "review": self.decisions, "records": self.records}


def _decide(label: object, found: object, same: Callable[[object, object], bool]) -> str:
    if found is None:
        return "added"
    return "accepted" if same(label, found) else "corrected"


def _same(a: object, b: object) -> bool:
    if isinstance(a, int | float) and isinstance(b, int | float):
        return abs(a - b) <= 0.01 * max(abs(a), abs(b), 1e-9)
    return nz.name_key(str(a)) == nz.name_key(str(b))


def harvest_page(label: dict, extracted: dict | None, extractor_version: str) -> PageHarvest:
    """Records and review decisions of one labelled page (``extracted``: `extract --json` item)."""
    source = {
        "url": label["url"],
        "page": label["id"],
        "query": label.get("query"),
        "published": label.get("published"),
        "retrieved": _timestamp(label.get("retrieved")),
        "lang": label.get("lang"),
        "extractor_version": extractor_version,
    }
    out = PageHarvest(page=label["id"], source=source)
    found = _index(extracted)

    def review(table: str, name: str, values: dict, entity: dict, fields) -> dict:
        pairs = fields.items() if isinstance(fields, dict) else ((f, f) for f in fields)
        got = found.get((table, nz.name_key(name)), {})
        decisions = {}
        for label_field, column in pairs:
            if label_field in entity and column in values:
                d = _decide(entity[label_field], got.get(label_field), _same)
                decisions[column] = d
                out.decisions[d] = out.decisions.get(d, 0) + 1
        extra = [f for f in got if f not in entity and f not in ("confidence", "evidence")]
        if extra:
            out.decisions["rejected"] = out.decisions.get("rejected", 0) + len(extra)
        return decisions

    def entity(table: str, e: dict, fields) -> None:
        values = _values(e, fields)
        if label.get("lang") == "en":
            values["name_en"] = e["name"]
        decisions = review(table, e["name"], values, e, fields)
        out.records.append({"table": table, "values": values, "review": decisions})

    for c in label.get("centers", []):
        entity("centers", c, CENTER_FIELDS)
    for p in label.get("parks", []):
        entity("parks", p, PARK_FIELDS)
        for i, st in enumerate(p.get("seat_targets", []), start=1):
            target = {
                "park": p["name"],
                "seats": raw_value("seats", st["seats"], st.get("seats_bound")),
            }
            if st.get("year"):
                target["year"] = st["year"]
            target["phase"] = st.get("phase") or (str(st["year"]) if st.get("year") else f"目标{i}")
            out.records.append({"table": "park_targets", "values": target, "review": {}})
        for company in p.get("tenants", []):
            out.records.append(
                {
                    "table": "park_tenants",
                    "values": {"park": p["name"], "company": company},
                    "review": {},
                }
            )
        tiers: dict[str, int] = {}
        for inc in p.get("incentives", []):
            tiers[inc.get("kind")] = tiers.get(inc.get("kind"), 0) + 1
            rec = incentive_values(inc, tiers[inc.get("kind")], p["name"], None)
            if rec:
                out.records.append({"table": "incentives", "values": rec, "review": {}})
    tiers = {}
    for inc in label.get("incentives", []):
        if not inc.get("city"):
            continue
        key = (inc["city"], inc.get("kind"))
        tiers[key] = tiers.get(key, 0) + 1
        rec = incentive_values(inc, tiers[key], None, inc["city"])
        if rec:
            out.records.append({"table": "incentives", "values": rec, "review": {}})
    return out


def _index(extracted: dict | None) -> dict[tuple[str, str], dict]:
    if not extracted:
        return {}
    index = {}
    for table in ("centers", "parks"):
        for e in extracted.get(table, []):
            if e.get("name"):
                index[(table, nz.name_key(e["name"]))] = e
    return index


def load_labels(directory: Path) -> list[dict]:
    """Every label file under ``directory`` (``dev/`` and ``heldout/``), sorted by page id."""
    files = sorted(Path(directory).glob("*/*.json"), key=lambda p: p.stem)
    return [json.loads(p.read_text(encoding="utf-8")) for p in files]


def write_harvest(pages: list[PageHarvest], out_dir: Path) -> int:
    """Write one JSON file per page with records; returns the number of files written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    for old in out_dir.glob("*.json"):
        old.unlink()
    n = 0
    for page in pages:
        if not page.records:
            continue
        text = json.dumps(page.as_json(), ensure_ascii=False, indent=1, sort_keys=True) + "\n"
        (out_dir / f"{page.page}.json").write_text(text, encoding="utf-8")
        n += 1
    return n
