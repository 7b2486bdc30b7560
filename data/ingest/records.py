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

import functools
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from pydantic import ConfigDict, Field, ValidationError, create_model

import data.schema  # noqa: F401  (registers every table)
from data.errors import NormaliseError
from data.normalise import values as nz
from data.normalise.industries import canonical_industry
from data.schema.tables import TABLES, THIS_YEAR, Column, Input, Table


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


def _industry(name: str, max_len: int) -> Callable[[object], dict]:
    """Text read to the industry vocabulary (``data.normalise.industries``)."""
    text = _text(name, max_len)

    def read(raw: object) -> dict:
        return {name: canonical_industry(text(raw)[name])}

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


def _adcode(name: str) -> Callable[[object], dict]:
    def read(raw: object) -> dict:
        text = nz.clean_text(str(raw))
        if text is None:
            return {name: None}
        text = text.removesuffix(".0")
        if not re.fullmatch(r"\d{6}", text):
            raise NormaliseError("an adcode has six digits", value=raw, rule="adcode")
        return {name: text}

    return read


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


#: parsers of numeric read kinds (``Column.read``) in the normaliser
_PARSERS: dict[str, Callable] = {
    "number": nz.parse_number,
    "count": nz.parse_count,
    "rate": nz.parse_rate,
    "duration": nz.parse_duration,
    "area": nz.parse_area,
    "money": nz.parse_money,
    "distance": nz.parse_distance,
    "years": nz.parse_years,
}


def _numeric(f: Column) -> Callable[[object], dict]:
    parse, integer = _PARSERS[f.read], f.type == "integer"
    kw = {"unit": f.read_unit} if f.read_unit else {}
    if f.quantity:
        return _quantity(f.name, parse, integer=integer, **kw)
    if kw:
        return _plain(f.name, functools.partial(parse, **kw), integer=integer)
    return _plain(f.name, parse, integer=integer)


#: read kind -> reader factory: a declared field -> (raw value -> {output field: typed value}).
#: A reader must be a pure function of the raw value: check_record reuses its outputs for a
#: repeated text (kinds whose output holds a list are listed in ``_UNSHARED_KINDS``)
READ_KINDS: dict[str, Callable[[Column | Input], Callable[[object], dict]]] = {
    **dict.fromkeys(_PARSERS, _numeric),
    "text": lambda f: _text(f.name, f.max_len or 2000),
    "industry": lambda f: _industry(f.name, f.max_len or 2000),
    "url": lambda f: _url(f.name, f.max_len or 2000),
    "adcode": lambda f: _adcode(f.name),
    "year": lambda f: _year(f.name),
    "bool": lambda f: _bool(f.name),
    "choice": lambda f: _choice(f.name, f.choices),
    "phones": lambda f: _json_list(f.name, nz.parse_phones),
    "list": lambda f: _json_list(f.name, nz.parse_list),
    "founded": lambda f: _founded,
    "founded_year": lambda f: lambda raw: {"founded_year": _founded(raw)["founded_year"]},
    "hours": lambda f: _hours,
    "service_level": lambda f: _service_level,
    "indicator": lambda f: _indicator,
}

#: read kinds that need the record's other values (the unit, the indicator): read last
LATE_KINDS: dict[str, Callable[[object, dict], dict]] = {
    "value_by_unit": lambda raw, values: _value_by_unit(raw, values.get("unit")),
    "city_input_value": lambda raw, values: _city_input_value(raw, values.get("indicator")),
}


@functools.cache
def readers(table: Table) -> dict[str, Callable[[object], dict]]:
    """The reader of every raw field of ``table``, derived from its declaration."""
    out = {}
    for f in table.raw_fields():
        if f.read in LATE_KINDS:
            continue
        if f.read not in READ_KINDS:
            raise ValueError(f"{table.name}.{f.name}: unknown read kind {f.read!r}")
        out[f.name] = READ_KINDS[f.read](f)
    return out


def references(table: Table) -> dict[str, str]:
    """Raw fields of ``table`` that name a record of another table: field -> that table."""
    return {i.name: i.references for i in table.inputs if i.references}


# -- constraints (checked with pydantic on the typed values) ---------------------------------------

_NUM = float | None
_INT = int | None


def _bound(value: float | str) -> float:
    return date.today().year if value == THIS_YEAR else value


@functools.cache
def _model(table: Table):
    """A pydantic model of the declared bounds of ``table`` (ranges' upper ends included)."""
    fields = {}
    for c in table.columns:
        if not c.bounds or c.read is None:
            continue
        spec = (
            _INT if c.type == "integer" else _NUM,
            Field(None, **{k: _bound(v) for k, v in c.bounds.items()}),
        )
        fields[c.name] = spec
        if c.quantity:
            fields[f"{c.name}_high"] = (_NUM, spec[1])
    return create_model(f"{table.name}_record", __config__=ConfigDict(extra="ignore"), **fields)


#: read kinds whose output holds a mutable value (a list): their results are never shared
_UNSHARED_KINDS = frozenset({"phones", "list"})
#: results kept per field before its memo starts afresh (a field of unique names never grows it)
MEMO_SIZE = 4096
#: longest text kept: values that repeat down a column are short (a city, a year, ``7×24``);
#: long unique texts would only hold memory
MEMO_TEXT_LEN = 64


@dataclass
class _Plan:
    """What checking a record of one table needs, derived once from its declaration.

    ``memo``: per raw field whose reader gives immutable values, raw text -> the reader's output,
    so a value repeated down a column (a city, a year, ``7×24``) is read once. Only successful
    reads of plain ``str`` values up to ``MEMO_TEXT_LEN`` characters are kept (a failed read raises afresh with its own error; a
    text holding a control character never reaches the reader), and the memos start afresh each
    day (``founded`` judges "in the future" against today). The outputs are shared: never mutate
    them.
    """

    table: Table
    readers: dict[str, Callable[[object], dict]]
    late: dict[str, Callable[[object, dict], dict]]
    required: tuple[str, ...]
    model: Any
    memo: dict[str, dict[str, dict]] = field(default_factory=dict)
    day: date | None = None


_PLANS: dict[int, _Plan] = {}


def _plan(table: Table) -> _Plan:
    """The plan of ``table``, kept by the declaration's identity (hashing a whole declaration on
    every record would cost more than reading it; a replaced declaration gets a new plan)."""
    plan = _PLANS.get(id(table))
    if plan is None or plan.table is not table:
        late = {f.name: LATE_KINDS[f.read] for f in table.raw_fields() if f.read in LATE_KINDS}
        memo = {
            f.name: {}
            for f in table.raw_fields()
            if f.read not in LATE_KINDS and f.read not in _UNSHARED_KINDS
        }
        plan = _Plan(table, readers(table), late, tuple(table.required_raw()), _model(table), memo)
        _PLANS[id(table)] = plan
    return plan


def check_record(table: str, raw: Mapping[str, object]) -> Checked:
    """Read and validate one raw record of ``table``; every problem becomes a FieldError.

    Examples
    --------
    >>> c = check_record("centers", {"name": "上海世纪新元", "seats": "550个", "hours": "7×24×365"})
    >>> c.values["seats"], c.values["hours_per_day"], c.ok
    (550, 24.0, True)
    """
    if table not in TABLES:
        raise ValueError(f"unknown table {table!r}")
    decl = TABLES[table]
    plan = _plan(decl)
    today = date.today()
    if plan.day != today:
        for kept in plan.memo.values():
            kept.clear()
        plan.day = today
    read, late, memos = plan.readers, plan.late, plan.memo
    values: dict[str, Any] = {}
    errors: list[FieldError] = []
    origin: dict[str, str] = {}  # output field -> raw field it came from
    for name, raw_value in raw.items():
        if name in late:
            continue
        reader = read.get(name)
        if reader is None:
            errors.append(
                FieldError(name, raw_value, "unknown_field", f"{table} has no field {name!r}")
            )
            continue
        if raw_value is None or (isinstance(raw_value, float) and raw_value != raw_value):
            continue
        memo = (
            memos.get(name) if type(raw_value) is str and len(raw_value) <= MEMO_TEXT_LEN else None
        )
        out = None if memo is None else memo.get(raw_value)
        if out is None:
            bad = control_character(raw_value) if isinstance(raw_value, str) else None
            if bad:
                errors.append(FieldError(name, raw_value, "control_character", bad))
                continue
            try:
                out = reader(raw_value)
            except NormaliseError as exc:
                errors.append(FieldError(name, raw_value, exc.rule, str(exc)))
                continue
            if memo is not None:
                if len(memo) >= MEMO_SIZE:
                    memo.clear()
                memo[raw_value] = out
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
    for name, read_late in late.items():
        if raw.get(name) is None:
            continue
        try:
            out = read_late(raw[name], values)
            values.update({k: v for k, v in out.items() if v is not None})
            for k in out:
                origin[k] = name
        except NormaliseError as exc:
            errors.append(FieldError(name, raw[name], exc.rule, str(exc)))
    for name in plan.required:
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
        plan.model.model_validate(values)
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
        _check_center(values, origin, raw, errors, today)
    return Checked(values=values, errors=errors, raw=dict(raw), origin=origin)


def _check_center(
    values: dict, origin: dict, raw: Mapping, errors: list[FieldError], today: date
) -> None:
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
    if year == today.year and month is not None and month > today.month:
        errors.append(
            FieldError(
                origin.get("founded_month", "founded_month"),
                month,
                "future",
                f"founded {year}-{month:02d} is in the future",
            )
        )
