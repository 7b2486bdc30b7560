"""Center profiles: page layout + KPI sentences -> raw center records with evidence.

A page can hold several profiles (award-winner lists): a new record starts each time a name
label comes again. KPI sentences count for the profile whose part of the page holds them.
Values are raw text; ``data.ingest.records.check_record`` reads them, the same path as manual imports.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from scrapers.extract.kpis import find_kpis
from scrapers.extract.layouts import Layout, Pair

#: fields that make a page a profile (a lone name does not)
PROFILE_FIELDS = frozenset(
    {
        "industry",
        "ownership",
        "city",
        "founded",
        "seats",
        "staff",
        "hours",
        "phone_numbers",
        "province",
        "website",
        "name_en",
    }
)


@dataclass
class RawRecord:
    """One record as the page states it: raw field -> text, and field -> evidence sentence."""

    values: dict[str, str] = field(default_factory=dict)
    evidence: dict[str, str] = field(default_factory=dict)
    locator: str = ""
    conflicts: list[Pair] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)

    def add(self, fld: str, value: str, evidence: str) -> None:
        if fld in self.values:
            if self.values[fld] != value:
                self.conflicts.append(Pair(fld, fld, value, evidence))
            return
        self.values[fld] = value
        self.evidence[fld] = evidence


def build_profiles(layout: Layout) -> list[RawRecord]:
    """Center records of a page; empty when the page has no profile.

    Examples
    --------
    >>> from scrapers.extract.layouts import read_layout
    >>> page = "<p>企业名称：甲公司<br>座席数量：500个</p><p>日均接通率保持在90%以上。</p>"
    >>> [r.values for r in build_profiles(read_layout(page))]
    [{'name': '甲公司', 'seats': '500个', 'answer_rate': '90%以上'}]
    """
    records: list[RawRecord] = [RawRecord()]
    for item in layout.items:
        if isinstance(item, str):
            records[-1].lines.append(item)
            continue
        for pair in item:
            if pair.field == "name" and "name" in records[-1].values:
                records.append(RawRecord())
            records[-1].add(pair.field, pair.value, pair.evidence)
    out = []
    for i, rec in enumerate(records):
        if not PROFILE_FIELDS & rec.values.keys():
            continue
        for hit in find_kpis("\n".join(rec.lines)):
            if hit.field not in rec.values:
                rec.add(hit.field, hit.value, hit.evidence)
        if "name" not in rec.values and len(records) == 1 and layout.headings:
            rec.add("name", layout.headings[0], f"<h1> {layout.headings[0]}")
        rec.locator = f"profile {i + 1}"
        out.append(rec)
    return out
