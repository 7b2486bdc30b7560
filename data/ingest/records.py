"""One validation path for every record: raw text in, typed schema values or precise errors out.

Manual imports, the curated seed files and the scrapers all call :func:`check_record`. It reads
each raw field with the normaliser (``550个`` -> 550), then checks the typed record with a
pydantic model generated from the rules below (negative seats, a rate above 100%, a founding
year in the future, a missing name ...). Composite raw fields are split here:

- ``founded`` -> ``founded_year``, ``founded_month``
- ``hours`` -> ``hours_per_day``, ``days_per_week``, ``days_per_year``
- ``service_level`` -> ``service_level_target`` (+ ``_bound``), ``service_level_seconds``

References to other records (``park``, ``center``) stay as names; :mod:`data.ingest.pipeline` resolves
them to ids.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Any
from urllib.parse import urlsplit

from pydantic import ConfigDict, Field, ValidationError, create_model

import data.schema.geo  # noqa: F401  (registers city_inputs)
from data.errors import NormaliseError
from data.normalise import values as nz
from data.schema.tables import TABLES

RATE = (0.0, 1.0)


@dataclass(frozen=True)
class FieldError:
    """One problem with one field of a record."""

    column: str
    value: object
    rule: str
    reason: str


@dataclass
class Checked:
    """The outcome of checking one raw record."""

    values: dict[str, Any]
    errors: list[FieldError] = field(default_factory=list)
    raw: dict[str, Any] = field(default_factory=dict)
    origin: dict[str, str] = field(default_factory=dict)  # output field -> raw field

    @property
    def ok(self) -> bool:
        return not self.errors


# -- field readers: raw value -> {output field: typed value} --------------------------------------


def _text(name: str, max_len: int = 2000) -> Callable[[object], dict]:
    def read(raw: object) -> dict:
        text = nz.clean_text(raw if isinstance(raw, str) else str(raw))
        if text is not None and len(text) > max_len:
            raise NormaliseError(f"longer than {max_len} characters", value=raw, rule="length")
        return {name: text}

    return read


#: control characters a field may not hold (tab, line feed and carriage return are allowed)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
#: URL schemes a stored link may use; anything else (javascript:, data:, file:) is rejected
URL_SCHEMES = ("http", "https")


def control_character(text: str) -> str | None:
    """A description of the first NUL or control character in ``text``; None when clean."""
    found = _CONTROL.search(text)
    if found is None:
        return None
    code = ord(found.group())
    name = "NUL" if code == 0 else f"control character U+{code:04X}"
    return f"holds a {name} at position {found.start() + 1}"


def _url(name: str, max_len: int = 500) -> Callable[[object], dict]:
    """A web address: http or https with a host; other schemes are rejected with the reason."""

    def read(raw: object) -> dict:
        text = nz.clean_text(raw if isinstance(raw, str) else str(raw))
        if text is None:
            return {name: None}
        if len(text) > max_len:
            raise NormaliseError(f"longer than {max_len} characters", value=raw, rule="length")
        if "://" not in text and re.match(r"^[A-Za-z0-9.-]+\.[A-Za-z]{2,}(/|$)", text):
            text = "http://" + text  # www.example.cn: a bare host name is a web address
        parts = urlsplit(text)
        if parts.scheme.lower() not in URL_SCHEMES or not parts.netloc or " " in text:
            raise NormaliseError(
                f"not an http(s) web address (scheme {parts.scheme or 'none'!r}); "
                "only http:// and https:// links are stored",
                value=raw,
                rule="url",
            )
        return {name: text}

    return read


def _quantity(
    name: str, parse: Callable, *, integer: bool = False, **kw
) -> Callable[[object], dict]:
    def read(raw: object) -> dict:
        q = parse(raw, **kw)
        if q is None:
            return {name: None}
        value, high = q.value, q.high
        if integer:
            value = _whole(value, raw)
        return {name: value, f"{name}_bound": q.bound, f"{name}_high": high}

    return read


def _whole(value: float, raw: object) -> int:
    if abs(value - round(value)) > 1e-9:
        raise NormaliseError(f"{value:g} is not a whole number", value=raw, rule="integer")
    return int(round(value))


def _plain(name: str, parse: Callable, *, integer: bool = False) -> Callable[[object], dict]:
    """A number without bound companions (coordinates, years, thresholds)."""

    def read(raw: object) -> dict:
        q = parse(raw)
        if q is None:
            return {name: None}
        if q.bound == "range":
            raise NormaliseError("a single value is needed, not a range", value=raw, rule="range")
        return {name: _whole(q.value, raw) if integer else q.value}

    return read


def _year(name: str) -> Callable[[object], dict]:
    def read(raw: object) -> dict:
        ym = nz.parse_year_month(raw, today=date(2100, 12, 31))
        return {name: None if ym is None else ym.year}

    return read


def _founded(raw: object) -> dict:
    ym = nz.parse_year_month(raw)
    if ym is None:
        return {"founded_year": None, "founded_month": None}
    return {"founded_year": ym.year, "founded_month": ym.month}


def _hours(raw: object) -> dict:
    h = nz.parse_hours(raw)
    if h is None:
        return {"hours_per_day": None, "days_per_week": None, "days_per_year": None}
    return {
        "hours_per_day": h.hours_per_day,
        "days_per_week": h.days_per_week,
        "days_per_year": h.days_per_year,
    }


def _service_level(raw: object) -> dict:
    sl = nz.parse_service_level(raw)
    if sl is None:
        return {"service_level_target": None, "service_level_seconds": None}
    return {
        "service_level_target": sl.target,
        "service_level_target_bound": sl.bound,
        "service_level_seconds": sl.seconds,
    }


def _json_list(name: str, parse: Callable) -> Callable[[object], dict]:
    def read(raw: object) -> dict:
        if isinstance(raw, list | tuple):
            items = tuple(nz.clean_text(str(x)) for x in raw)
            items = tuple(x for x in items if x)
        else:
            items = parse(raw)
        return {name: list(items) if items else None}

    return read


def _bool(name: str) -> Callable[[object], dict]:
    yes = {"1", "true", "yes", "y", "是", "目标", "target"}
    no = {"0", "false", "no", "n", "否", "实际", "actual"}

    def read(raw: object) -> dict:
        if isinstance(raw, bool):
            return {name: int(raw)}
        text = nz.clean_text(str(raw))
        if text is None:
            return {name: None}
        if text.lower() in yes:
            return {name: 1}
        if text.lower() in no:
            return {name: 0}
        raise NormaliseError(f"{text!r} is not yes/no", value=raw, rule="boolean")

    return read


def _choice(name: str, options: tuple[str, ...]) -> Callable[[object], dict]:
    def read(raw: object) -> dict:
        text = nz.clean_text(str(raw))
        if text is None:
            return {name: None}
        if text not in options:
            raise NormaliseError(f"must be one of {', '.join(options)}", value=raw, rule="choice")
        return {name: text}

    return read


def _adcode(raw: object) -> dict:
    text = nz.clean_text(str(raw))
    if text is None:
        return {"city_adcode": None}
    text = text.removesuffix(".0")
    if not re.fullmatch(r"\d{6}", text):
        raise NormaliseError("an adcode has six digits", value=raw, rule="adcode")
    return {"city_adcode": text}


def _value_by_unit(raw: object, unit: str | None) -> dict:
    """A KPI or industry figure: the unit column (or the text itself) says how to read it."""
    text = raw if not isinstance(raw, str) else nz.clean_text(raw)
    if text is None:
        return {"value": None}
    unit_l = (unit or "").strip().lower()
    if isinstance(text, str) and re.search(r"美元|US\$|USD", text) or unit_l in {"usd", "美元"}:
        # other currencies are kept in their own unit: ParkBench invents no exchange rate
        bare = re.sub(r"美元|US\$|USD", "", text) if isinstance(text, str) else text
        q = nz.parse_number(bare)
        unit_out = "USD"
    elif unit_l in {"fraction", "%", "percent", "rate"} or isinstance(text, str) and "%" in text:
        q = nz.parse_rate(text)
        unit_out = "fraction"
    elif unit_l in {"cny", "元", "yuan"} or isinstance(text, str) and re.search(r"元|RMB|¥", text):
        q = nz.parse_money(text)
        unit_out = "CNY"
    elif (
        unit_l in {"second", "seconds", "s", "秒"}
        or isinstance(text, str)
        and re.search(r"秒|分钟", text)
    ):
        q = nz.parse_duration(text)
        unit_out = "second"
    else:
        q, unit_out = _number_or_count(text, unit)
    if q is None:
        return {"value": None}
    return {"value": q.value, "value_bound": q.bound, "value_high": q.high, "unit": unit_out}


#: indicators users can supply per city, with the names people write for them
CITY_INPUT_INDICATORS = {
    "avg_wage_cny_per_month": ("平均工资", "月平均工资", "城镇非私营单位平均工资", "average wage"),
    "unemployment_rate": ("失业率", "城镇登记失业率", "调查失业率", "unemployment"),
    "graduates_per_year": ("毕业生", "高校毕业生", "年毕业生人数", "graduates"),
    "office_rent_cny_per_m2_month": ("写字楼租金", "办公租金", "租金", "office rent"),
}
_INDICATOR_UNITS = {
    "avg_wage_cny_per_month": "CNY/month",
    "unemployment_rate": "fraction",
    "graduates_per_year": "person/year",
    "office_rent_cny_per_m2_month": "CNY/m2/month",
}


def _indicator(raw: object) -> dict:
    text = nz.clean_text(str(raw))
    if text is None:
        return {"indicator": None}
    key = text.strip().lower()
    for code, names in CITY_INPUT_INDICATORS.items():
        if key == code or key in {n.lower() for n in names}:
            return {"indicator": code, "unit": _INDICATOR_UNITS[code]}
    raise NormaliseError(
        f"unknown indicator; use one of {', '.join(CITY_INPUT_INDICATORS)}",
        value=raw,
        rule="choice",
    )


_PER = re.compile(r"\s*(/|每)\s*(平方米|平米|㎡|m2|m²)?\s*/?\s*(月|年|人|个)?\s*$")


def _city_input_value(raw: object, indicator: str | None) -> dict:
    """A city input: money per month or per m2 per month, a rate, or a head count per year."""
    if indicator == "unemployment_rate":
        q = nz.parse_rate(raw)
    elif indicator == "graduates_per_year":
        q = nz.parse_count(_PER.sub("", raw) if isinstance(raw, str) else raw)
    else:
        q = nz.parse_money(_PER.sub("", raw) if isinstance(raw, str) else raw)
    if q is None:
        return {"value": None}
    if q.bound == "range":
        raise NormaliseError("a single value is needed, not a range", value=raw, rule="range")
    return {"value": q.value}


def _number_or_count(text: object, unit: str | None):
    """A plain number, else a count (``900席``, ``超过800万次``), else a multiple (``10倍``)."""
    try:
        return nz.parse_number(text), unit or None
    except NormaliseError:
        pass
    try:
        return nz.parse_count(text), unit or "count"
    except NormaliseError:
        if isinstance(text, str) and text.rstrip().endswith("倍"):
            return nz.parse_number(text.rstrip()[:-1]), unit or "times"
        raise


_PLACE = {
    "province": _text("province", 50),
    "city": _text("city", 50),
    "district": _text("district", 50),
    "city_adcode": _adcode,
    "lat": _plain("lat", nz.parse_number),
    "lon": _plain("lon", nz.parse_number),
}

READERS: dict[str, dict[str, Callable[[object], dict]]] = {
    "centers": {
        "name": _text("name", 200),
        "name_en": _text("name_en", 300),
        "industry": _text("industry", 100),
        "ownership": _text("ownership", 100),
        **_PLACE,
        "founded": _founded,
        "founded_year": _year("founded_year"),
        "founded_month": _plain("founded_month", nz.parse_number, integer=True),
        "seats": _quantity("seats", nz.parse_count, integer=True),
        "staff": _quantity("staff", nz.parse_count, integer=True),
        "hours": _hours,
        "hours_per_day": _plain("hours_per_day", nz.parse_number),
        "days_per_week": _plain("days_per_week", nz.parse_number),
        "days_per_year": _plain("days_per_year", nz.parse_number, integer=True),
        "phone_numbers": _json_list("phone_numbers", nz.parse_phones),
        "answer_rate": _quantity("answer_rate", nz.parse_rate),
        "service_level": _service_level,
        "service_level_target": _quantity("service_level_target", nz.parse_rate),
        "service_level_seconds": _plain("service_level_seconds", nz.parse_duration),
        "aht_seconds": _quantity("aht_seconds", nz.parse_duration),
        "fcr_rate": _quantity("fcr_rate", nz.parse_rate),
        "csat": _quantity("csat", nz.parse_rate),
        "attrition_rate": _quantity("attrition_rate", nz.parse_rate),
        "daily_inbound_calls": _quantity("daily_inbound_calls", nz.parse_count, integer=True),
        "daily_outbound_calls": _quantity("daily_outbound_calls", nz.parse_count, integer=True),
        "outbound_success_rate": _quantity("outbound_success_rate", nz.parse_rate),
        "certifications": _json_list("certifications", nz.parse_list),
        "awards": _json_list("awards", nz.parse_list),
        "website": _url("website", 500),
        "description": _text("description", 4000),
    },
    "parks": {
        "name": _text("name", 200),
        "name_en": _text("name_en", 300),
        **_PLACE,
        "area_km2": _quantity("area_km2", nz.parse_area, unit="km2"),
        "start_area_km2": _quantity("start_area_km2", nz.parse_area, unit="km2"),
        "building_area_m2": _quantity("building_area_m2", nz.parse_area, unit="m2"),
        "investment_cny": _quantity("investment_cny", nz.parse_money),
        "jobs": _quantity("jobs", nz.parse_count, integer=True),
        "founded_year": _year("founded_year"),
        "founded": lambda raw: {"founded_year": _founded(raw)["founded_year"]},
        "operator": _text("operator", 200),
        "rent_cny_per_m2_month": _quantity("rent_cny_per_m2_month", nz.parse_number),
        "distance_to_city_km": _quantity("distance_to_city_km", nz.parse_distance),
        "distance_to_expressway_km": _quantity("distance_to_expressway_km", nz.parse_distance),
        "distance_to_airport_km": _quantity("distance_to_airport_km", nz.parse_distance),
        "transport": _text("transport", 2000),
        "labour_pool": _text("labour_pool", 2000),
        "description": _text("description", 4000),
    },
    "park_targets": {
        "park": _text("park", 200),
        "year": _year("year"),
        "phase": _text("phase", 100),
        "seats": _quantity("seats", nz.parse_count, integer=True),
        "jobs": _quantity("jobs", nz.parse_count, integer=True),
        "note": _text("note", 2000),
    },
    "park_tenants": {
        "park": _text("park", 200),
        "company": _text("company", 200),
        "center": _text("center", 200),
        "seats": _quantity("seats", nz.parse_count, integer=True),
        "year": _year("year"),
        "status": _choice("status", ("operating", "signed", "planned")),
        "note": _text("note", 2000),
    },
    "incentives": {
        "park": _text("park", 200),
        "city": _text("city", 50),
        "city_adcode": _adcode,
        "name": _text("name", 200),
        "kind": _choice(
            "kind",
            (
                "tax_rebate",
                "rent_reduction",
                "seat_subsidy",
                "certification_subsidy",
                "training_subsidy",
                "other",
            ),
        ),
        "basis": _text("basis", 500),
        "rate": _plain("rate", nz.parse_rate),
        "amount_cny": _plain("amount_cny", nz.parse_money),
        "amount_unit": _choice(
            "amount_unit", ("per_seat", "per_m2_month", "once", "per_year", "per_person")
        ),
        "cap_cny": _plain("cap_cny", nz.parse_money),
        "duration_years": _plain("duration_years", nz.parse_years),
        "start_year_offset": _plain("start_year_offset", nz.parse_number, integer=True),
        "min_investment_cny": _plain("min_investment_cny", nz.parse_money),
        "min_revenue_cny": _plain("min_revenue_cny", nz.parse_money),
        "min_seats": _plain("min_seats", nz.parse_count, integer=True),
        "tier": _plain("tier", nz.parse_number, integer=True),
        "conditions": _text("conditions", 4000),
    },
    "kpis": {
        "center": _text("center", 200),
        "metric": _text("metric", 80),
        "unit": _text("unit", 40),
        "period": _text("period", 80),
        "definition": _text("definition", 500),
        "threshold_seconds": _plain("threshold_seconds", nz.parse_duration),
        "is_target": _bool("is_target"),
        "note": _text("note", 2000),
    },
    "city_inputs": {
        "city": _text("city", 50),
        "province": _text("province", 50),
        "adcode": lambda raw: {"adcode": _adcode(raw)["city_adcode"]},
        "indicator": _indicator,
        "year": _year("year"),
        "source": _text("source", 500),
        "note": _text("note", 2000),
    },
    "industry_figures": {
        "metric": _text("metric", 80),
        "scope": _text("scope", 100),
        "year": _year("year"),
        "unit": _text("unit", 40),
        "note": _text("note", 2000),
    },
}

#: references resolved by data.ingest.pipeline, not columns of the table
REFERENCES = {"park", "center"}

#: fields a record of each table must have (after reading)
REQUIRED = {
    "centers": ("name",),
    "parks": ("name",),
    "park_targets": ("park",),
    "park_tenants": ("park", "company"),
    "incentives": ("name", "kind"),
    "kpis": ("center", "metric", "value"),
    "industry_figures": ("metric", "value"),
    "city_inputs": ("indicator", "value", "year", "source"),
}

# -- constraints (checked with pydantic on the typed values) ---------------------------------------

_NUM = float | None
_INT = int | None


def _limits() -> dict[str, dict[str, tuple]]:
    this_year = date.today().year
    year = (_INT, Field(None, ge=1900, le=this_year))
    target_year = (_INT, Field(None, ge=1900, le=2100))
    rate = (_NUM, Field(None, ge=0, le=1))
    nonneg = (_NUM, Field(None, ge=0))
    coords = {
        "lat": (_NUM, Field(None, ge=-90, le=90)),
        "lon": (_NUM, Field(None, ge=-180, le=180)),
    }
    return {
        "centers": {
            **coords,
            "founded_year": year,
            "founded_month": (_INT, Field(None, ge=1, le=12)),
            "seats": (_INT, Field(None, ge=1, le=1_000_000)),
            "staff": (_INT, Field(None, ge=1, le=5_000_000)),
            "hours_per_day": (_NUM, Field(None, gt=0, le=24)),
            "days_per_week": (_NUM, Field(None, gt=0, le=7)),
            "days_per_year": (_INT, Field(None, ge=1, le=366)),
            "answer_rate": rate,
            "service_level_target": rate,
            "service_level_seconds": (_NUM, Field(None, gt=0, le=3600)),
            "aht_seconds": (_NUM, Field(None, gt=0, le=86400)),
            "fcr_rate": rate,
            "csat": rate,
            "attrition_rate": (_NUM, Field(None, ge=0, le=5)),
            "daily_inbound_calls": (_INT, Field(None, ge=0, le=100_000_000)),
            "daily_outbound_calls": (_INT, Field(None, ge=0, le=100_000_000)),
            "outbound_success_rate": rate,
        },
        "parks": {
            **coords,
            "founded_year": year,
            "area_km2": (_NUM, Field(None, gt=0, le=100_000)),
            "start_area_km2": (_NUM, Field(None, gt=0, le=100_000)),
            "building_area_m2": (_NUM, Field(None, gt=0, le=1e9)),
            "investment_cny": nonneg,
            "jobs": (_INT, Field(None, ge=0, le=100_000_000)),
            "rent_cny_per_m2_month": (_NUM, Field(None, ge=0, le=10_000)),
            "distance_to_city_km": (_NUM, Field(None, ge=0, le=5000)),
            "distance_to_expressway_km": (_NUM, Field(None, ge=0, le=5000)),
            "distance_to_airport_km": (_NUM, Field(None, ge=0, le=5000)),
        },
        "park_targets": {
            "year": target_year,
            "seats": (_INT, Field(None, ge=0, le=100_000_000)),
            "jobs": (_INT, Field(None, ge=0, le=100_000_000)),
        },
        "park_tenants": {"year": target_year, "seats": (_INT, Field(None, ge=0, le=1_000_000))},
        "incentives": {
            "rate": rate,
            "amount_cny": nonneg,
            "cap_cny": nonneg,
            "duration_years": (_NUM, Field(None, gt=0, le=100)),
            "start_year_offset": (_INT, Field(None, ge=1, le=100)),
            "min_investment_cny": nonneg,
            "min_revenue_cny": nonneg,
            "min_seats": (_INT, Field(None, ge=0)),
            "tier": (_INT, Field(None, ge=1, le=50)),
        },
        "kpis": {"threshold_seconds": (_NUM, Field(None, gt=0, le=86400))},
        "industry_figures": {"year": target_year},
        "city_inputs": {"year": year, "value": (_NUM, Field(None, ge=0))},
    }


@cache
def _model(table: str):
    limits = _limits()[table]
    fields = dict(limits)
    for name, spec in list(limits.items()):
        if name in _QUANTITY_FIELDS.get(table, ()):
            fields[f"{name}_high"] = (_NUM, spec[1])
    return create_model(f"{table}_record", __config__=ConfigDict(extra="ignore"), **fields)


_QUANTITY_FIELDS = {t: {c.name for c in TABLES[t].columns if c.quantity} for t in READERS}


def check_record(table: str, raw: Mapping[str, object]) -> Checked:
    """Read and validate one raw record of ``table``; every problem becomes a FieldError.

    Examples
    --------
    >>> c = check_record("centers", {"name": "上海世纪新元", "seats": "550个", "hours": "7×24×365"})
    >>> c.values["seats"], c.values["hours_per_day"], c.ok
    (550, 24.0, True)
    """
    readers = READERS.get(table)
    if readers is None:
        raise ValueError(f"unknown table {table!r}")
    values: dict[str, Any] = {}
    errors: list[FieldError] = []
    origin: dict[str, str] = {}  # output field -> raw field it came from
    for name, raw_value in raw.items():
        if name == "value" and table in ("kpis", "industry_figures", "city_inputs"):
            continue
        reader = readers.get(name)
        if reader is None:
            errors.append(
                FieldError(name, raw_value, "unknown_field", f"{table} has no field {name!r}")
            )
            continue
        if raw_value is None or (isinstance(raw_value, float) and raw_value != raw_value):
            continue
        bad = control_character(raw_value) if isinstance(raw_value, str) else None
        if bad:
            errors.append(FieldError(name, raw_value, "control_character", bad))
            continue
        try:
            out = reader(raw_value)
        except NormaliseError as exc:
            errors.append(FieldError(name, raw_value, exc.rule, str(exc)))
            continue
        for key, v in out.items():
            if v is None:
                continue
            if key in values and values[key] != v:
                errors.append(
                    FieldError(
                        name,
                        raw_value,
                        "conflict",
                        f"gives {key}={v!r} but {origin[key]} gives {values[key]!r}",
                    )
                )
                continue
            values[key] = v
            origin[key] = name
    if table in ("kpis", "industry_figures", "city_inputs") and raw.get("value") is not None:
        try:
            if table == "city_inputs":
                out = _city_input_value(raw["value"], values.get("indicator"))
            else:
                out = _value_by_unit(raw["value"], values.get("unit"))
            values.update({k: v for k, v in out.items() if v is not None})
            for k in out:
                origin[k] = "value"
        except NormaliseError as exc:
            errors.append(FieldError("value", raw["value"], exc.rule, str(exc)))
    for name in REQUIRED[table]:
        if values.get(name) in (None, "") and not any(e.column == name for e in errors):
            errors.append(FieldError(name, raw.get(name), "required", f"{name} is required"))
    if table == "city_inputs" and not (values.get("adcode") or values.get("city")):
        errors.append(
            FieldError("city", None, "required", "a city input needs a city or an adcode")
        )
    if table == "incentives" and not (
        values.get("park") or values.get("city") or values.get("city_adcode")
    ):
        errors.append(FieldError("park", None, "required", "an incentive needs a park or a city"))
    try:
        _model(table).model_validate(values)
    except ValidationError as exc:
        for err in exc.errors():
            key = str(err["loc"][0])
            errors.append(
                FieldError(
                    origin.get(key, key),
                    raw.get(origin.get(key, key), err.get("input")),
                    err["type"],
                    f"{key}: {err['msg']}",
                )
            )
    if table == "centers":
        _check_center(values, origin, raw, errors)
    return Checked(values=values, errors=errors, raw=dict(raw), origin=origin)


def _check_center(values: dict, origin: dict, raw: Mapping, errors: list[FieldError]) -> None:
    year, month = values.get("founded_year"), values.get("founded_month")
    if month is not None and year is None:
        errors.append(
            FieldError(
                origin["founded_month"],
                raw.get(origin["founded_month"]),
                "required",
                "a founding month needs a founding year",
            )
        )
    today = date.today()
    if year == today.year and month is not None and month > today.month:
        errors.append(
            FieldError(
                origin.get("founded_month", "founded_month"),
                month,
                "future",
                f"founded {year}-{month:02d} is in the future",
            )
        )
