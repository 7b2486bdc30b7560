"""Which incentive rules apply to a site: the one rule the cost, the score and the cards use.

A center at a site gets

* the rules of its park, when the site is a park (``incentives.park_id`` is the park's id);
* the city-wide rules of its city: rows without a park whose ``city_adcode`` is the city's
  adcode, or whose ``city`` is one of the city's names (the name asked for, its standard name,
  the park's city).

Rules of other parks of the same city do not apply to a center outside them: a park is a site
of its own (``data.inputs.score`` lists parks beside their cities). ``parkbench cost``, the
Staffing & cost page, the Compare page and report, and the site score's
``incentive_cny_per_seat`` all go through :func:`rule_applies`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import sqlite_utils

from data.store.contents import holds


def rule_applies(
    rule: Mapping,
    *,
    adcode: str | None = None,
    city_names: Iterable[str | None] = (),
    park_id: str | None = None,
) -> bool:
    """True when the ``incentives`` row ``rule`` applies to a center at the site.

    Examples
    --------
    >>> city_rule = {"park_id": None, "city_adcode": "110100", "city": "北京"}
    >>> park_rule = {"park_id": "p1", "city_adcode": "110100", "city": "北京"}
    >>> rule_applies(city_rule, adcode="110100"), rule_applies(park_rule, adcode="110100")
    (True, False)
    >>> rule_applies(park_rule, adcode="110100", park_id="p1")
    True
    >>> rule_applies({"park_id": None, "city_adcode": None, "city": "北京"}, city_names=["北京"])
    True
    """
    own_park = rule.get("park_id")
    if own_park:
        return park_id is not None and str(own_park) == str(park_id)
    if adcode and rule.get("city_adcode") and str(rule["city_adcode"]) == str(adcode):
        return True
    names = {n for n in city_names if n}
    return bool(rule.get("city")) and rule["city"] in names


def applicable_incentives(
    db: sqlite_utils.Database,
    *,
    adcode: str | None = None,
    city_names: Iterable[str | None] = (),
    park_id: str | None = None,
) -> list[dict]:
    """The ``incentives`` rows that apply to a center at the site (:func:`rule_applies`),
    in the store's order; empty when the store has no incentives table."""
    if not holds(db, "incentives"):
        return []
    names = sorted({n for n in city_names if n})
    clauses, params = [], []
    if park_id is not None:
        clauses.append("park_id = ?")
        params.append(park_id)
    if adcode:
        clauses.append("(park_id IS NULL AND city_adcode = ?)")
        params.append(adcode)
    if names:
        clauses.append(f"(park_id IS NULL AND city IN ({', '.join('?' * len(names))}))")
        params.extend(names)
    if not clauses:
        return []
    rows = db.query(f"SELECT * FROM incentives WHERE {' OR '.join(clauses)}", params)
    site = {"adcode": adcode, "city_names": names, "park_id": park_id}
    return [dict(r) for r in rows if rule_applies(r, **site)]


class RuleIndex:
    """Incentive rows indexed by park, adcode and city name: the rules of many sites found
    without testing every row for each (the criteria table and bulk pricing).

    :meth:`applicable` gives what :func:`rule_applies` takes, in the rows' order.

    Examples
    --------
    >>> index = RuleIndex([{"park_id": None, "city_adcode": "110100", "city": "北京"},
    ...                    {"park_id": "p1", "city_adcode": "110100", "city": "北京"}])
    >>> len(index.applicable(adcode="110100")), len(index.applicable(adcode="110100", park_id="p1"))
    (1, 2)
    """

    def __init__(self, rows: Iterable[Mapping]) -> None:
        self.rows = list(rows)
        self._park: dict[str, list[int]] = {}
        self._adcode: dict[str, list[int]] = {}
        self._city: dict[str, list[int]] = {}
        for i, r in enumerate(self.rows):
            if r.get("park_id"):
                self._park.setdefault(str(r["park_id"]), []).append(i)
                continue
            if r.get("city_adcode"):
                self._adcode.setdefault(str(r["city_adcode"]), []).append(i)
            if r.get("city"):
                self._city.setdefault(r["city"], []).append(i)

    def applicable(
        self,
        *,
        adcode: str | None = None,
        city_names: Iterable[str | None] = (),
        park_id: str | None = None,
    ) -> list:
        """The rows :func:`rule_applies` takes for the site, in their order."""
        hits = set(self._adcode.get(str(adcode), ())) if adcode else set()
        for name in city_names:
            if name:
                hits.update(self._city.get(name, ()))
        if park_id is not None:
            hits.update(self._park.get(str(park_id), ()))
        return [self.rows[i] for i in sorted(hits)]
