"""The schema of the ParkBench store: one declaration drives SQLite, validation and the data dictionary.

Each table is a :class:`Table` of :class:`Column` objects with a type, a unit and a bilingual
description. ``data.store.database`` creates the tables from it, the release export writes the
Frictionless schema and the data dictionary from it, and a test checks that every column is
documented. Quantity columns (``quantity=True``) get two companions: ``<name>_bound``
(``"min"``, ``"max"``, ``"approx"`` or ``"range"``) and ``<name>_high`` (upper end of a range),
so that "90%以上" or "500-1000个" stay bounds and ranges instead of becoming false points.

Each field is declared once, here: a column carries its SQL type, unit, bilingual meaning (the
data dictionary), how raw text is read (``read``, with ``max_len``, ``choices``, ``read_unit``),
its bounds (``ge``/``gt``/``le``), whether it is required, its import headers (the Chinese
template header first, then synonyms in Simplified, Traditional or English; the English
template header is the column name), the template example and its place in the natural key
(``key``). Raw fields that are not columns (``founded`` -> ``founded_year`` and
``founded_month``; ``park`` -> ``park_id``) are :class:`Input` declarations of their table.
Readers and validation (``data.ingest.records``), import headers and templates
(``data.imports``), the data dictionary and the release schema are all derived from these
declarations: a new column declared here appears in every one of them.

Other modules add their tables with :func:`register` (geography, review queue ...).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

SQL_TYPES = {"text": str, "integer": int, "real": float, "json": str, "blob": bytes}


#: an upper bound on years that is the current year, resolved when records are checked
THIS_YEAR = "this_year"


@dataclass(frozen=True)
class Column:
    """One column: SQL type, unit (``None`` when unitless), meaning, and how sources give it.

    ``read`` names the reader of raw text (see ``data.ingest.records.READ_KINDS``); a column
    without one is derived, never read from a source. ``key`` is the column's position in the
    natural key of its table; ``key_form`` says how it is compared (``raw``, ``name``: a
    normalised name, ``city``: a normalised city).
    """

    name: str
    type: str
    zh: str
    en: str
    unit: str | None = None
    quantity: bool = False
    required: bool = False
    read: str | None = None
    max_len: int | None = None
    choices: tuple[str, ...] = ()
    read_unit: str | None = None
    ge: float | str | None = None
    gt: float | None = None
    le: float | str | None = None
    headers: tuple[str, ...] = ()
    example: str | None = None
    key: int | None = None
    key_form: str = "raw"

    def __post_init__(self) -> None:
        if self.type not in SQL_TYPES:
            raise ValueError(f"column {self.name}: unknown type {self.type!r}")
        if self.key_form not in ("raw", "name", "city"):
            raise ValueError(f"column {self.name}: unknown key form {self.key_form!r}")

    @property
    def bounds(self) -> dict[str, float | str]:
        """The bounds as keyword arguments (``ge``, ``gt``, ``le``) of those that are set."""
        return {
            k: v for k, v in (("ge", self.ge), ("gt", self.gt), ("le", self.le)) if v is not None
        }


@dataclass(frozen=True)
class Input:
    """A raw field of a table that is not one of its columns.

    Composite fields fill several columns (``hours`` -> ``hours_per_day``, ``days_per_week``,
    ``days_per_year``); references name another record (``park`` -> ``park_id``, resolved by
    ``data.ingest.pipeline``). ``before`` places it in import templates before that column.
    """

    name: str
    zh: str
    en: str
    read: str
    required: bool = False
    max_len: int | None = None
    references: str | None = None  # table whose record the name refers to
    headers: tuple[str, ...] = ()
    example: str | None = None
    before: str | None = None


@dataclass(frozen=True)
class Table:
    """A table of the store with its primary key, foreign keys and meaning."""

    name: str
    zh: str
    en: str
    columns: tuple[Column, ...]
    pk: str = "id"
    foreign_keys: tuple[tuple[str, str, str], ...] = ()  # (column, other table, other column)
    fts: tuple[str, ...] = ()
    geographic: bool = False
    published: bool = True  # part of a data release (False for queues and logs)
    licence: str = "CC-BY-4.0"
    inputs: tuple[Input, ...] = ()  # raw fields that are not columns
    importable: bool = False  # has an import template (`parkbench import --kind <name>`)
    derived: tuple[str, ...] = ()  # required columns the ingest path derives when absent
    extra: dict = field(default_factory=dict, hash=False, compare=False)

    def all_columns(self) -> list[Column]:
        """Columns including the ``_bound``/``_high`` companions of quantity columns."""
        out: list[Column] = []
        for c in self.columns:
            out.append(c)
            if c.quantity:
                out.append(
                    Column(
                        f"{c.name}_bound",
                        "text",
                        f"{c.zh}的界限类型（min=不少于，max=不超过，approx=约，range=区间）",
                        f"kind of bound on {c.name} (min, max, approx or range)",
                    )
                )
                out.append(
                    Column(
                        f"{c.name}_high",
                        c.type if c.type != "integer" else "real",
                        f"{c.zh}区间上限",
                        f"upper end of {c.name} when it is a range",
                        unit=c.unit,
                    )
                )
        return out

    def column(self, name: str) -> Column:
        for c in self.all_columns():
            if c.name == name:
                return c
        raise KeyError(f"{self.name} has no column {name!r}")

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.all_columns()]

    def raw_fields(self) -> list[Column | Input]:
        """Fields a source may give, in template order: read columns, inputs before their column."""
        before: dict[str | None, list[Input]] = {}
        for i in self.inputs:
            before.setdefault(i.before, []).append(i)
        out: list[Column | Input] = []
        for c in self.columns:
            out.extend(before.pop(c.name, []))
            if c.read is not None:
                out.append(c)
        for rest in before.values():
            out.extend(rest)
        return out

    def import_fields(self) -> list[Column | Input]:
        """Raw fields an import file may carry: those with import headers."""
        return [f for f in self.raw_fields() if f.headers]

    def required_raw(self) -> list[str]:
        """Fields a raw record must give (required columns not derived, required inputs)."""
        return [f.name for f in self.raw_fields() if f.required and f.name not in self.derived]

    def key_columns(self) -> list[Column]:
        """The columns of the natural key, in key order."""
        return sorted((c for c in self.columns if c.key is not None), key=lambda c: c.key)


TABLES: dict[str, Table] = {}


def register(table: Table) -> Table:
    """Add a table to the schema (idempotent for the same declaration)."""
    existing = TABLES.get(table.name)
    if existing is not None and existing != table:
        raise ValueError(f"table {table.name} declared twice with different columns")
    TABLES[table.name] = table
    return table


def C(name, type, zh, en, unit=None, **kw) -> Column:  # noqa: N802 - short constructor for the tables below
    return Column(name, type, zh, en, unit, **kw)


_PLACE = (
    C(
        "province",
        "text",
        "省份",
        "province (Simplified Chinese name)",
        read="text",
        max_len=50,
        headers=("省份", "province", "省", "所在省份"),
    ),
    C(
        "city",
        "text",
        "城市（按来源原文）",
        "city as the source gives it",
        read="text",
        max_len=50,
        headers=("城市", "city", "所在城市", "所在地", "所在地区", "地区", "location"),
        example="上海",
    ),
    C(
        "district",
        "text",
        "区县",
        "district or county",
        read="text",
        max_len=50,
        headers=("区县", "district", "所在区县", "区"),
    ),
    C(
        "city_adcode",
        "text",
        "城市行政区划代码（6位）",
        "six-digit administrative code of the city",
        read="adcode",
        headers=("城市代码", "city_adcode", "行政区划代码", "adcode"),
    ),
    C(
        "lat",
        "real",
        "纬度（WGS-84）",
        "latitude, WGS-84",
        "degree",
        read="number",
        ge=-90,
        le=90,
        headers=("纬度", "lat", "latitude"),
    ),
    C(
        "lon",
        "real",
        "经度（WGS-84）",
        "longitude, WGS-84",
        "degree",
        read="number",
        ge=-180,
        le=180,
        headers=("经度", "lon", "longitude", "lng"),
    ),
    C(
        "coord_precision",
        "text",
        "坐标精度：point=来源给出的位置，city=城市代表点",
        "coordinate precision: point (given by the source) or city (the city's representative point)",
    ),
)

#: a center is one entity per normalised name and city (parks: per name alone)
_CENTER_PLACE = tuple(replace(c, key=1, key_form="city") if c.name == "city" else c for c in _PLACE)

CENTERS = register(
    Table(
        "centers",
        "呼叫中心",
        "call centers",
        (
            C(
                "id",
                "text",
                "呼叫中心标识（由规范化名称和城市生成）",
                "center id, derived from normalised name and city",
            ),
            C(
                "name",
                "text",
                "企业或呼叫中心名称",
                "name of the company or center",
                required=True,
                read="text",
                max_len=200,
                headers=(
                    "企业名称",
                    "name",
                    "名称",
                    "公司名称",
                    "呼叫中心名称",
                    "单位名称",
                    "center",
                    "company",
                ),
                example="上海世纪新元信息产业有限公司",
                key=0,
                key_form="name",
            ),
            C(
                "name_en",
                "text",
                "英文名称",
                "English name",
                read="text",
                max_len=300,
                headers=("英文名称", "name_en", "english name"),
            ),
            C(
                "name_key",
                "text",
                "匹配用规范化名称（简体、去空白和标点）",
                "normalised name used for matching (Simplified, no spaces or punctuation)",
            ),
            C(
                "industry",
                "text",
                "所处行业",
                "industry served",
                read="industry",
                max_len=100,
                headers=("所处行业", "industry", "行业", "企业所处行业", "所属行业", "服务行业"),
                example="电信",
            ),
            C(
                "ownership",
                "text",
                "企业性质",
                "ownership (state-owned, private, foreign ...)",
                read="text",
                max_len=100,
                headers=("企业性质", "ownership", "单位性质", "所有制", "公司性质"),
                example="国有企业",
            ),
            *_CENTER_PLACE,
            C(
                "founded_year",
                "integer",
                "建立年份",
                "year the center was founded",
                "year",
                read="year",
                ge=1900,
                le=THIS_YEAR,
                headers=("成立年", "founded_year"),
            ),
            C(
                "founded_month",
                "integer",
                "建立月份",
                "month the center was founded",
                "month",
                read="number",
                ge=1,
                le=12,
                headers=("成立月", "founded_month"),
            ),
            C(
                "seats",
                "integer",
                "座席数",
                "agent seats (positions)",
                "seat",
                quantity=True,
                read="count",
                ge=1,
                le=1000000,
                headers=(
                    "座席数量",
                    "seats",
                    "座席规模",
                    "坐席",
                    "坐席数",
                    "座席数",
                    "席位数",
                    "座席",
                    "number of seats",
                    "workstations",
                ),
                example="550个",
            ),
            C(
                "staff",
                "integer",
                "人员数",
                "people working in the center",
                "person",
                quantity=True,
                read="count",
                ge=1,
                le=5000000,
                headers=(
                    "人员数量",
                    "staff",
                    "呼叫中心人员数量",
                    "员工人数",
                    "人数",
                    "员工数",
                    "headcount",
                    "employees",
                    "agents",
                ),
                example="920人",
            ),
            C(
                "hours_per_day",
                "real",
                "每日开放小时数",
                "opening hours per day",
                "hour/day",
                read="number",
                gt=0,
                le=24,
                headers=("每日小时数", "hours_per_day"),
            ),
            C(
                "days_per_week",
                "real",
                "每周开放天数",
                "opening days per week",
                "day/week",
                read="number",
                gt=0,
                le=7,
                headers=("每周天数", "days_per_week"),
            ),
            C(
                "days_per_year",
                "integer",
                "每年开放天数",
                "opening days per year",
                "day/year",
                read="number",
                ge=1,
                le=366,
            ),
            C(
                "phone_numbers",
                "json",
                "服务号码（JSON数组）",
                "service phone numbers (JSON array)",
                read="phones",
                headers=(
                    "客服号码",
                    "phone_numbers",
                    "服务热线",
                    "呼叫中心号码",
                    "热线",
                    "电话",
                    "客服电话",
                    "hotline",
                    "phone",
                    "phone number",
                ),
                example="10000、10001",
            ),
            C(
                "answer_rate",
                "real",
                "接通率",
                "share of offered calls answered",
                "fraction",
                quantity=True,
                read="rate",
                ge=0,
                le=1,
                headers=("接通率", "answer_rate", "answer rate", "日均接通率"),
                example="90%以上",
            ),
            C(
                "service_level_target",
                "real",
                "服务水平目标（接通比例）",
                "service-level target: share answered within service_level_seconds",
                "fraction",
                quantity=True,
                read="rate",
                ge=0,
                le=1,
                headers=("服务水平比例", "service_level_target"),
            ),
            C(
                "service_level_seconds",
                "real",
                "服务水平时限",
                "service-level answer time threshold",
                "second",
                read="duration",
                gt=0,
                le=3600,
                headers=("服务水平时限", "service_level_seconds"),
            ),
            C(
                "aht_seconds",
                "real",
                "平均处理时长",
                "average handle time",
                "second",
                quantity=True,
                read="duration",
                gt=0,
                le=86400,
                headers=(
                    "平均处理时长",
                    "aht_seconds",
                    "aht",
                    "平均通话时长",
                    "average handle time",
                    "平均处理时间",
                ),
            ),
            C(
                "fcr_rate",
                "real",
                "首次解决率",
                "first-contact resolution rate",
                "fraction",
                quantity=True,
                read="rate",
                ge=0,
                le=1,
                headers=(
                    "首次解决率",
                    "fcr_rate",
                    "fcr",
                    "一次性解决率",
                    "一次解决率",
                    "first contact resolution",
                    "一次性答复率",
                ),
            ),
            C(
                "csat",
                "real",
                "客户满意度",
                "customer satisfaction",
                "fraction",
                quantity=True,
                read="rate",
                ge=0,
                le=1,
                headers=("客户满意度", "csat", "满意度", "customer satisfaction"),
            ),
            C(
                "attrition_rate",
                "real",
                "年人员流失率",
                "annual staff attrition",
                "fraction/year",
                quantity=True,
                read="rate",
                ge=0,
                le=5,
                headers=(
                    "人员流失率",
                    "attrition_rate",
                    "流失率",
                    "员工流失率",
                    "attrition",
                    "人员流动率",
                ),
            ),
            C(
                "daily_inbound_calls",
                "integer",
                "日均呼入量",
                "inbound calls handled per day",
                "call/day",
                quantity=True,
                read="count",
                ge=0,
                le=100000000,
                headers=("日均呼入量", "daily_inbound_calls", "日呼入量", "daily inbound calls"),
            ),
            C(
                "daily_outbound_calls",
                "integer",
                "日均呼出量",
                "outbound calls made per day",
                "call/day",
                quantity=True,
                read="count",
                ge=0,
                le=100000000,
                headers=("日均呼出量", "daily_outbound_calls", "日呼出量", "daily outbound calls"),
            ),
            C(
                "outbound_success_rate",
                "real",
                "呼出成功率",
                "share of outbound calls that succeed",
                "fraction",
                quantity=True,
                read="rate",
                ge=0,
                le=1,
                headers=("呼出成功率", "outbound_success_rate", "outbound success rate"),
            ),
            C(
                "certifications",
                "json",
                "认证（JSON数组）",
                "certifications such as COPC or ISO 27001 (JSON array)",
                read="list",
                headers=("认证", "certifications", "资质认证", "质量认证", "certification"),
            ),
            C(
                "awards",
                "json",
                "获奖（JSON数组）",
                "awards (JSON array)",
                read="list",
                headers=("获奖", "awards", "荣誉", "获奖情况", "award"),
            ),
            C(
                "website",
                "text",
                "网址",
                "web site",
                read="url",
                max_len=500,
                headers=("网址", "website", "网站", "url"),
            ),
            C(
                "description",
                "text",
                "简介",
                "short description",
                read="text",
                max_len=4000,
                headers=("简介", "description", "企业简介", "说明", "备注"),
            ),
        ),
        fts=("name", "name_en", "city", "industry"),
        geographic=True,
        inputs=(
            Input(
                "founded",
                "成立年月，如 2002年9月、２００２年、二〇〇五年",
                "year and month founded, e.g. 2002年9月 or 2005-03",
                read="founded",
                headers=(
                    "成立时间",
                    "founded",
                    "建立时间",
                    "呼叫中心建立时间",
                    "成立年份",
                    "建立年份",
                    "established",
                    "year founded",
                ),
                example="2002年9月",
                before="founded_year",
            ),
            Input(
                "hours",
                "开放时间，如 7×24、5×8、周一至周五 9:00-18:00",
                "opening hours, e.g. 7×24, 5×8, 周一至周五 9:00-18:00",
                read="hours",
                headers=(
                    "开放时间",
                    "hours",
                    "服务时间",
                    "呼叫中心开放时间",
                    "营业时间",
                    "工作时间",
                    "opening hours",
                    "service hours",
                ),
                example="7×24×365",
                before="hours_per_day",
            ),
            Input(
                "service_level",
                "服务水平，如 80/20 或 在15秒内接起90%的电话",
                "service level, e.g. 80/20 or 90% in 15 s",
                read="service_level",
                headers=("服务水平", "service_level", "service level", "服务水平目标"),
                example="80/20",
                before="service_level_target",
            ),
        ),
        importable=True,
    )
)

PARKS = register(
    Table(
        "parks",
        "呼叫中心产业园区",
        "call-center industry parks and bases",
        (
            C("id", "text", "园区标识", "park id, derived from normalised name"),
            C(
                "name",
                "text",
                "园区名称",
                "park name",
                required=True,
                read="text",
                max_len=200,
                headers=("园区名称", "name", "名称", "基地名称", "park", "park name"),
                example="上海世纪新元信息产业有限公司",
                key=0,
                key_form="name",
            ),
            C(
                "name_en",
                "text",
                "英文名称",
                "English name",
                read="text",
                max_len=300,
                headers=("英文名称", "name_en", "english name"),
            ),
            C("name_key", "text", "匹配用规范化名称", "normalised name used for matching"),
            *_PLACE,
            C(
                "area_km2",
                "real",
                "规划面积",
                "planned area",
                "km2",
                quantity=True,
                read="area",
                read_unit="km2",
                gt=0,
                le=100000,
                headers=("规划面积", "area_km2", "面积", "占地面积", "area"),
                example="3平方公里",
            ),
            C(
                "start_area_km2",
                "real",
                "起步区面积",
                "area of the start-up zone",
                "km2",
                quantity=True,
                read="area",
                read_unit="km2",
                gt=0,
                le=100000,
                headers=("起步区面积", "start_area_km2", "start area"),
            ),
            C(
                "building_area_m2",
                "real",
                "建筑面积",
                "floor area of buildings",
                "m2",
                quantity=True,
                read="area",
                read_unit="m2",
                gt=0,
                le=1000000000.0,
                headers=("建筑面积", "building_area_m2", "building area", "楼宇面积"),
                example="34万平方米",
            ),
            C(
                "investment_cny",
                "real",
                "投资额",
                "investment",
                "CNY",
                quantity=True,
                read="money",
                ge=0,
                headers=("投资额", "investment_cny", "总投资", "investment"),
                example="5000万元",
            ),
            C(
                "seats",
                "integer",
                "已建或在用座席数",
                "seats built or in use in the park (targets are in park_targets)",
                "seat",
                quantity=True,
                read="count",
                ge=0,
                le=10000000,
                headers=("已建座席", "seats", "座席数", "坐席数", "座席规模"),
                example="5000席",
            ),
            C(
                "jobs",
                "integer",
                "提供就业岗位",
                "jobs the park is planned to provide",
                "job",
                quantity=True,
                read="count",
                ge=0,
                le=100000000,
                headers=("就业岗位", "jobs", "就业人数"),
            ),
            C(
                "founded_year",
                "integer",
                "设立年份",
                "year the park was founded",
                "year",
                read="year",
                ge=1900,
                le=THIS_YEAR,
            ),
            C(
                "operator",
                "text",
                "运营或主管单位",
                "operator or managing body",
                read="text",
                max_len=200,
                headers=("运营单位", "operator", "管理机构", "主管单位"),
            ),
            C(
                "rent_cny_per_m2_month",
                "real",
                "租金",
                "office rent",
                "CNY/m2/month",
                quantity=True,
                read="number",
                ge=0,
                le=10000,
                headers=("租金", "rent_cny_per_m2_month", "rent", "月租金"),
            ),
            C(
                "distance_to_city_km",
                "real",
                "距城区距离",
                "distance to the city or county seat",
                "km",
                quantity=True,
                read="distance",
                ge=0,
                le=5000,
                headers=("距城区距离", "distance_to_city_km", "距县城距离"),
            ),
            C(
                "distance_to_expressway_km",
                "real",
                "距高速公路出入口距离",
                "distance to the nearest expressway exit",
                "km",
                quantity=True,
                read="distance",
                ge=0,
                le=5000,
                headers=("距高速距离", "distance_to_expressway_km", "距高速公路距离"),
            ),
            C(
                "distance_to_airport_km",
                "real",
                "距机场距离",
                "distance to the airport",
                "km",
                quantity=True,
                read="distance",
                ge=0,
                le=5000,
                headers=("距机场距离", "distance_to_airport_km"),
            ),
            C(
                "transport",
                "text",
                "交通条件",
                "transport links",
                read="text",
                max_len=2000,
                headers=("交通", "transport", "交通条件"),
            ),
            C(
                "labour_pool",
                "text",
                "人力资源条件",
                "labour pool as described",
                read="text",
                max_len=2000,
                headers=("人力资源", "labour_pool", "labour pool", "人才资源"),
            ),
            C(
                "description",
                "text",
                "简介",
                "short description",
                read="text",
                max_len=4000,
                headers=("简介", "description", "说明", "备注"),
            ),
        ),
        fts=("name", "name_en", "city"),
        geographic=True,
        inputs=(
            Input(
                "founded",
                "设立时间，如 2008年、2008年8月",
                "year founded, e.g. 2008 or 2008-08",
                read="founded_year",
                headers=("成立时间", "founded", "设立时间", "成立年份", "founded_year"),
                before="founded_year",
            ),
        ),
        importable=True,
    )
)

PARK_TARGETS = register(
    Table(
        "park_targets",
        "园区分期座席目标",
        "phased seat and job targets of parks",
        (
            C("id", "text", "标识", "id"),
            C("park_id", "text", "园区标识", "park id", key=0),
            C(
                "year",
                "integer",
                "目标年份",
                "target year",
                "year",
                read="year",
                ge=1900,
                le=2100,
                key=1,
            ),
            C("phase", "text", "期次", "phase name", read="text", max_len=100, key=2),
            C(
                "seats",
                "integer",
                "座席目标",
                "seat target",
                "seat",
                quantity=True,
                read="count",
                ge=0,
                le=100000000,
            ),
            C(
                "jobs",
                "integer",
                "就业目标",
                "job target",
                "job",
                quantity=True,
                read="count",
                ge=0,
                le=100000000,
            ),
            C("note", "text", "说明", "note", read="text", max_len=2000),
        ),
        foreign_keys=(("park_id", "parks", "id"),),
        inputs=(
            Input(
                "park",
                "园区名称（须已在库中）",
                "park name (must exist in the store)",
                read="text",
                max_len=200,
                references="parks",
                required=True,
                example="北京呼叫中心产业基地",
                before="year",
            ),
        ),
    )
)

PARK_TENANTS = register(
    Table(
        "park_tenants",
        "园区入驻企业",
        "centers and companies located in parks",
        (
            C("id", "text", "标识", "id"),
            C("park_id", "text", "园区标识", "park id", key=0),
            C(
                "center_id",
                "text",
                "呼叫中心标识（如已收录）",
                "center id when the tenant is a known center",
            ),
            C(
                "company",
                "text",
                "企业名称",
                "company name",
                required=True,
                read="text",
                max_len=200,
                key=1,
                key_form="name",
            ),
            C(
                "seats",
                "integer",
                "座席数",
                "seats",
                "seat",
                quantity=True,
                read="count",
                ge=0,
                le=1000000,
            ),
            C(
                "year",
                "integer",
                "年份",
                "year the figure refers to",
                "year",
                read="year",
                ge=1900,
                le=2100,
            ),
            C(
                "status",
                "text",
                "状态（已入驻、签约、意向）",
                "status: operating, signed or planned",
                read="choice",
                choices=("operating", "signed", "planned"),
                key=2,
            ),
            C("note", "text", "说明", "note", read="text", max_len=2000),
        ),
        foreign_keys=(("park_id", "parks", "id"), ("center_id", "centers", "id")),
        inputs=(
            Input(
                "park",
                "园区名称（须已在库中）",
                "park name (must exist in the store)",
                read="text",
                max_len=200,
                references="parks",
                required=True,
                example="北京呼叫中心产业基地",
                before="company",
            ),
            Input(
                "center",
                "呼叫中心名称（须已在库中）",
                "center name (must exist in the store)",
                read="text",
                max_len=200,
                references="centers",
                required=False,
                before="seats",
            ),
        ),
    )
)

INCENTIVES = register(
    Table(
        "incentives",
        "优惠政策",
        "subsidy and tax-rebate rules of parks and cities",
        (
            C("id", "text", "标识", "id"),
            C("park_id", "text", "园区标识（园区政策）", "park id for a park's rule", key=0),
            C(
                "city",
                "text",
                "城市（城市政策）",
                "city for a city-wide rule",
                read="text",
                max_len=50,
                headers=("城市", "city"),
                example="上海",
            ),
            C(
                "city_adcode",
                "text",
                "城市行政区划代码",
                "six-digit code of the city",
                read="adcode",
                headers=("城市代码", "city_adcode", "adcode"),
            ),
            C(
                "name",
                "text",
                "政策名称",
                "name of the rule",
                required=True,
                read="text",
                max_len=200,
                headers=("政策名称", "name", "名称", "policy"),
                example="上海世纪新元信息产业有限公司",
                key=1,
                key_form="name",
            ),
            C(
                "kind",
                "text",
                "类型：tax_rebate, rent_reduction, seat_subsidy, certification_subsidy, training_subsidy, other",
                "kind: tax_rebate, rent_reduction, seat_subsidy, certification_subsidy, training_subsidy, other",
                required=True,
                read="choice",
                choices=(
                    "tax_rebate",
                    "rent_reduction",
                    "seat_subsidy",
                    "certification_subsidy",
                    "training_subsidy",
                    "other",
                ),
                headers=("类型", "kind", "政策类型", "type"),
                example="tax_rebate",
            ),
            C(
                "basis",
                "text",
                "计算基数（如县级留成的增值税、营业税、所得税）",
                "what the rate applies to (e.g. county-level share of VAT, business and income tax)",
                read="text",
                max_len=500,
                headers=("计算基数", "basis", "基数"),
            ),
            C(
                "rate",
                "real",
                "比例",
                "share returned or discounted",
                "fraction",
                read="rate",
                ge=0,
                le=1,
                headers=("比例", "rate", "返还比例", "减免比例"),
                example="30%",
            ),
            C(
                "amount_cny",
                "real",
                "金额",
                "amount per unit",
                "CNY",
                read="money",
                ge=0,
                headers=("金额", "amount_cny", "补贴金额", "amount"),
            ),
            C(
                "amount_unit",
                "text",
                "金额单位（每座席、每平方米每月、一次性）",
                "what the amount is per (seat, m2 per month, once)",
                read="choice",
                choices=("per_seat", "per_m2_month", "once", "per_year", "per_person"),
                headers=("金额单位", "amount_unit"),
            ),
            C(
                "cap_cny",
                "real",
                "上限",
                "cap",
                "CNY",
                read="money",
                ge=0,
                headers=("上限", "cap_cny", "补贴上限", "cap"),
            ),
            C(
                "duration_years",
                "real",
                "期限",
                "duration",
                "year",
                read="years",
                gt=0,
                le=100,
                headers=("期限", "duration_years", "年限", "duration"),
                example="3年",
            ),
            C(
                "start_year_offset",
                "integer",
                "自入驻第几年起",
                "first year of the benefit counted from move-in (1 = first year)",
                "year",
                read="number",
                ge=1,
                le=100,
                headers=("起始年", "start_year_offset"),
            ),
            C(
                "min_investment_cny",
                "real",
                "投资额门槛",
                "investment threshold",
                "CNY",
                read="money",
                ge=0,
                headers=("投资额门槛", "min_investment_cny", "最低投资额"),
                example="1000万元",
            ),
            C(
                "min_revenue_cny",
                "real",
                "营业收入门槛",
                "revenue threshold",
                "CNY/year",
                read="money",
                ge=0,
                headers=("营业收入门槛", "min_revenue_cny", "最低营业收入"),
            ),
            C(
                "min_seats",
                "integer",
                "座席门槛",
                "seat threshold",
                "seat",
                read="count",
                ge=0,
                headers=("座席门槛", "min_seats", "最低座席数"),
            ),
            C(
                "tier",
                "integer",
                "档次",
                "tier number within the rule",
                read="number",
                ge=1,
                le=50,
                headers=("档次", "tier", "级别"),
                key=2,
            ),
            C(
                "conditions",
                "text",
                "条件原文",
                "conditions as stated",
                read="text",
                max_len=4000,
                headers=("条件", "conditions", "政策原文", "说明"),
            ),
        ),
        foreign_keys=(("park_id", "parks", "id"),),
        inputs=(
            Input(
                "park",
                "园区名称（须已在库中）",
                "park name (must exist in the store)",
                read="text",
                max_len=200,
                references="parks",
                required=False,
                headers=("园区", "park", "园区名称", "基地"),
                example="北京呼叫中心产业基地",
                before="city",
            ),
        ),
        importable=True,
    )
)

KPIS = register(
    Table(
        "kpis",
        "呼叫中心绩效指标",
        "KPIs of call centers",
        (
            C("id", "text", "标识", "id"),
            C("center_id", "text", "呼叫中心标识", "center id", key=0),
            C(
                "metric",
                "text",
                "指标代码（如 answer_rate, service_level）",
                "metric code (answer_rate, service_level ...)",
                required=True,
                read="text",
                max_len=80,
                key=1,
            ),
            C(
                "value",
                "real",
                "数值",
                "value in the unit given",
                quantity=True,
                read="value_by_unit",
                required=True,
            ),
            C("unit", "text", "单位", "unit of value", read="text", max_len=40),
            C(
                "period",
                "text",
                "统计期",
                "period the value refers to",
                read="text",
                max_len=80,
                key=2,
            ),
            C(
                "definition",
                "text",
                "口径（如服务水平按呈现呼叫计）",
                "how it is measured (e.g. service level over offered calls)",
                read="text",
                max_len=500,
                key=3,
            ),
            C(
                "threshold_seconds",
                "real",
                "时限（服务水平）",
                "answer time threshold for service levels",
                "second",
                read="duration",
                gt=0,
                le=86400,
            ),
            C(
                "is_target",
                "integer",
                "是否为目标值（1=目标，0=实际）",
                "1 when a target, 0 when achieved",
                read="bool",
                key=4,
            ),
            C("note", "text", "说明", "note", read="text", max_len=2000),
        ),
        foreign_keys=(("center_id", "centers", "id"),),
        inputs=(
            Input(
                "center",
                "呼叫中心名称（须已在库中）",
                "center name (must exist in the store)",
                read="text",
                max_len=200,
                references="centers",
                required=True,
                before="metric",
            ),
        ),
    )
)

INDUSTRY_FIGURES = register(
    Table(
        "industry_figures",
        "行业统计数据",
        "industry-wide figures (market size, seats, cost per contact)",
        (
            C("id", "text", "标识", "id"),
            C(
                "metric",
                "text",
                "指标代码",
                "metric code",
                required=True,
                read="text",
                max_len=80,
                key=0,
            ),
            C(
                "scope",
                "text",
                "范围（如中国、全球、渠道）",
                "scope (China, world, a channel ...)",
                read="text",
                max_len=100,
                key=1,
            ),
            C("year", "integer", "年份", "year", "year", read="year", ge=1900, le=2100, key=2),
            C("value", "real", "数值", "value", quantity=True, read="value_by_unit", required=True),
            C("unit", "text", "单位", "unit", read="text", max_len=40),
            C("note", "text", "说明", "note", read="text", max_len=2000),
        ),
    )
)

SOURCES = register(
    Table(
        "sources",
        "来源",
        "source documents, files and pages",
        (
            C(
                "id",
                "text",
                "来源标识（内容或地址的哈希）",
                "source id (hash of content or address)",
            ),
            C(
                "kind",
                "text",
                "类型：curated, import, scrape, reference, generated（合成测试数据，从不发布）",
                "kind: curated, import, scrape, reference, generated (synthetic test data, never published)",
            ),
            C("title", "text", "标题", "title"),
            C("publisher", "text", "发布者", "publisher"),
            C("url", "text", "网址或文件", "URL or file name"),
            C(
                "published",
                "text",
                "发布日期（ISO，可为年份）",
                "publication date (ISO, may be a year)",
            ),
            C("retrieved_at", "text", "获取时间（UTC ISO 8601）", "retrieval time, UTC ISO 8601"),
            C("sha256", "text", "内容SHA-256", "SHA-256 of the content"),
            C("extractor", "text", "抽取程序", "extractor that read it"),
            C("extractor_version", "text", "抽取程序版本", "extractor version"),
            C("licence", "text", "许可", "licence"),
        ),
    )
)

FACTS = register(
    Table(
        "facts",
        "事实出处",
        "provenance: which source gave which values of which record",
        (
            C("id", "text", "标识", "id"),
            C("entity_table", "text", "所属表", "table of the record"),
            C("entity_id", "text", "记录标识", "id of the record"),
            C("source_id", "text", "来源标识", "source id"),
            C(
                "values_json",
                "json",
                "该来源给出的字段值（JSON对象）",
                "values this source gives (JSON object field -> value)",
            ),
            C(
                "evidence_json",
                "json",
                "每个字段的原文依据（JSON对象）",
                "evidence per field: the sentence, or file/row/column (JSON object)",
            ),
            C(
                "locator",
                "text",
                "在来源中的位置（行号、段落）",
                "where in the source (row, paragraph)",
            ),
            C("extractor_version", "text", "抽取程序版本", "extractor version"),
            C("recorded_at", "text", "记录时间（UTC）", "time recorded, UTC"),
        ),
        foreign_keys=(("source_id", "sources", "id"),),
    )
)

IMPORT_REJECTS = register(
    Table(
        "import_rejects",
        "导入拒绝记录",
        "rejected rows and fields of imports and crawls, with reasons",
        (
            C("id", "text", "标识", "id"),
            C("file", "text", "文件或网址", "file or URL"),
            C("source_id", "text", "来源标识", "source id"),
            C("row", "integer", "行号（表头为第1行）", "row number in the file (header is row 1)"),
            C(
                "locator",
                "text",
                "位置（网页中的记录、段落）",
                "where in a page or document, when there are no rows",
            ),
            C("column", "text", "列名（按原文件）", "column as named in the file"),
            C("value", "text", "原始值", "value as given"),
            C("rule", "text", "违反的规则", "rule broken"),
            C("reason", "text", "原因", "reason"),
            C("row_json", "json", "整行原始数据", "the whole raw row"),
            C("recorded_at", "text", "记录时间（UTC）", "time recorded, UTC"),
        ),
        published=False,
    )
)

SOURCE_FILES = register(
    Table(
        "source_files",
        "导入文件存档",
        "archived bytes of every imported file, so no cell is ever lost",
        (
            C("source_id", "text", "来源标识", "source id"),
            C("name", "text", "文件名", "file name"),
            C("sha256", "text", "内容SHA-256", "SHA-256 of the content"),
            C("encoding", "text", "检测到的编码", "detected text encoding"),
            C("size_bytes", "integer", "大小", "size", "byte"),
            C("content", "blob", "文件内容", "file content"),
        ),
        pk="source_id",
        foreign_keys=(("source_id", "sources", "id"),),
        published=False,
    )
)
