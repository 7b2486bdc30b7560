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
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from scrapers.corpus.score import same_entity, values_equal

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
_FIELDS_OF = {"centers": set(CENTER_FIELDS), "parks": set(PARK_FIELDS)}
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


def _decide(label_field: str, entity: dict, got: dict) -> str:
    """The curator's decision on the extractor's value of one labelled field."""
    if label_field not in got:
        return "added"
    same = values_equal(label_field, got[label_field], entity[label_field])
    same_bound = got.get(f"{label_field}_bound") == entity.get(f"{label_field}_bound")
    return "accepted" if same and same_bound else "corrected"


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
    unmatched = {t: list((extracted or {}).get(t) or []) for t in ("centers", "parks")}

    def count(decision: str, n: int = 1) -> None:
        if n:
            out.decisions[decision] = out.decisions.get(decision, 0) + n

    def review(table: str, name: str, values: dict, entity: dict, fields) -> dict:
        pairs = fields.items() if isinstance(fields, dict) else ((f, f) for f in fields)
        got = next((e for e in unmatched[table] if same_entity(e, entity)), {})
        if got:
            unmatched[table].remove(got)
        decisions = {}
        for label_field, column in pairs:
            if label_field in entity and column in values:
                decisions[column] = d = (
                    "accepted"
                    if label_field == "name" and got
                    else _decide(label_field, entity, got)
                )
                count(d)
        count("rejected", sum(1 for f in got if f not in entity and f in _FIELDS_OF[table]))
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
    for table, rest in unmatched.items():  # entities the curator did not confirm
        count("rejected", sum(1 for e in rest for f in e if f in _FIELDS_OF[table]))
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


def label_documents(directory: Path) -> list[dict]:
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


def harvest_corpus(pages: Path, labels: Path, out_dir: Path) -> dict[str, int]:
    """Run the extractor on every labelled page, review it, write ``out_dir``; the decision counts."""
    from scrapers.corpus import page_path
    from scrapers.extract import EXTRACTOR_VERSION
    from scrapers.extract.errors import ExtractError
    from scrapers.extract.page import extract_page

    harvested = []
    for label in label_documents(labels):
        path = page_path(pages, label["id"])
        found = None
        if path is not None:
            try:
                found = extract_page(path.read_bytes(), path.name).as_dict()
            except ExtractError:
                found = {}
        harvested.append(harvest_page(label, found, EXTRACTOR_VERSION if path else "none"))
    write_harvest(harvested, out_dir)
    totals: dict[str, int] = {}
    for page in harvested:
        for k, v in page.decisions.items():
            totals[k] = totals.get(k, 0) + v
    return totals
