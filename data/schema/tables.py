"""The schema of the ParkBench store: one declaration drives SQLite, validation and the data dictionary.

Each table is a :class:`Table` of :class:`Column` objects with a type, a unit and a bilingual
description. ``data.store.database`` creates the tables from it, the release export writes the
Frictionless schema and the data dictionary from it, and a test checks that every column is
documented. Quantity columns (``quantity=True``) get two companions: ``<name>_bound``
(``"min"``, ``"max"``, ``"approx"`` or ``"range"``) and ``<name>_high`` (upper end of a range),
so that "90%以上" or "500-1000个" stay bounds and ranges instead of becoming false points.

Other modules add their tables with :func:`register` (geography, review queue ...).
"""

from __future__ import annotations

from dataclasses import dataclass, field

SQL_TYPES = {"text": str, "integer": int, "real": float, "json": str, "blob": bytes}


@dataclass(frozen=True)
class Column:
    """One column: SQL type, unit (``None`` when unitless) and meaning in Chinese and English."""

    name: str
    type: str
    zh: str
    en: str
    unit: str | None = None
    quantity: bool = False
    required: bool = False

    def __post_init__(self) -> None:
        if self.type not in SQL_TYPES:
            raise ValueError(f"column {self.name}: unknown type {self.type!r}")


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
    C("province", "text", "省份", "province (Simplified Chinese name)"),
    C("city", "text", "城市（按来源原文）", "city as the source gives it"),
    C("district", "text", "区县", "district or county"),
    C(
        "city_adcode",
        "text",
        "城市行政区划代码（6位）",
        "six-digit administrative code of the city",
    ),
    C("lat", "real", "纬度（WGS-84）", "latitude, WGS-84", "degree"),
    C("lon", "real", "经度（WGS-84）", "longitude, WGS-84", "degree"),
    C(
        "coord_precision",
        "text",
        "坐标精度：point=来源给出的位置，city=城市代表点",
        "coordinate precision: point (given by the source) or city (the city's representative point)",
    ),
)

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
            C("name", "text", "企业或呼叫中心名称", "name of the company or center", required=True),
            C("name_en", "text", "英文名称", "English name"),
            C(
                "name_key",
                "text",
                "匹配用规范化名称（简体、去空白和标点）",
                "normalised name used for matching (Simplified, no spaces or punctuation)",
            ),
            C("industry", "text", "所处行业", "industry served"),
            C("ownership", "text", "企业性质", "ownership (state-owned, private, foreign ...)"),
            *_PLACE,
            C("founded_year", "integer", "建立年份", "year the center was founded", "year"),
            C("founded_month", "integer", "建立月份", "month the center was founded", "month"),
            C("seats", "integer", "座席数", "agent seats (positions)", "seat", quantity=True),
            C(
                "staff",
                "integer",
                "人员数",
                "people working in the center",
                "person",
                quantity=True,
            ),
            C("hours_per_day", "real", "每日开放小时数", "opening hours per day", "hour/day"),
            C("days_per_week", "real", "每周开放天数", "opening days per week", "day/week"),
            C("days_per_year", "integer", "每年开放天数", "opening days per year", "day/year"),
            C(
                "phone_numbers",
                "json",
                "服务号码（JSON数组）",
                "service phone numbers (JSON array)",
            ),
            C(
                "answer_rate",
                "real",
                "接通率",
                "share of offered calls answered",
                "fraction",
                quantity=True,
            ),
            C(
                "service_level_target",
                "real",
                "服务水平目标（接通比例）",
                "service-level target: share answered within service_level_seconds",
                "fraction",
                quantity=True,
            ),
            C(
                "service_level_seconds",
                "real",
                "服务水平时限",
                "service-level answer time threshold",
                "second",
            ),
            C(
                "aht_seconds",
                "real",
                "平均处理时长",
                "average handle time",
                "second",
                quantity=True,
            ),
            C(
                "fcr_rate",
                "real",
                "首次解决率",
                "first-contact resolution rate",
                "fraction",
                quantity=True,
            ),
            C("csat", "real", "客户满意度", "customer satisfaction", "fraction", quantity=True),
            C(
                "attrition_rate",
                "real",
                "年人员流失率",
                "annual staff attrition",
                "fraction/year",
                quantity=True,
            ),
            C(
                "daily_inbound_calls",
                "integer",
                "日均呼入量",
                "inbound calls handled per day",
                "call/day",
                quantity=True,
            ),
            C(
                "daily_outbound_calls",
                "integer",
                "日均呼出量",
                "outbound calls made per day",
                "call/day",
                quantity=True,
            ),
            C(
                "outbound_success_rate",
                "real",
                "呼出成功率",
                "share of outbound calls that succeed",
                "fraction",
                quantity=True,
            ),
            C(
                "certifications",
                "json",
                "认证（JSON数组）",
                "certifications such as COPC or ISO 27001 (JSON array)",
            ),
            C("awards", "json", "获奖（JSON数组）", "awards (JSON array)"),
            C("website", "text", "网址", "web site"),
            C("description", "text", "简介", "short description"),
        ),
        fts=("name", "name_en", "city", "industry"),
        geographic=True,
    )
)

PARKS = register(
    Table(
        "parks",
        "呼叫中心产业园区",
        "call-center industry parks and bases",
        (
            C("id", "text", "园区标识", "park id, derived from normalised name"),
            C("name", "text", "园区名称", "park name", required=True),
            C("name_en", "text", "英文名称", "English name"),
            C("name_key", "text", "匹配用规范化名称", "normalised name used for matching"),
            *_PLACE,
            C("area_km2", "real", "规划面积", "planned area", "km2", quantity=True),
            C(
                "start_area_km2",
                "real",
                "起步区面积",
                "area of the start-up zone",
                "km2",
                quantity=True,
            ),
            C(
                "building_area_m2",
                "real",
                "建筑面积",
                "floor area of buildings",
                "m2",
                quantity=True,
            ),
            C("investment_cny", "real", "投资额", "investment", "CNY", quantity=True),
            C(
                "jobs",
                "integer",
                "提供就业岗位",
                "jobs the park is planned to provide",
                "job",
                quantity=True,
            ),
            C("founded_year", "integer", "设立年份", "year the park was founded", "year"),
            C("operator", "text", "运营或主管单位", "operator or managing body"),
            C(
                "rent_cny_per_m2_month",
                "real",
                "租金",
                "office rent",
                "CNY/m2/month",
                quantity=True,
            ),
            C(
                "distance_to_city_km",
                "real",
                "距城区距离",
                "distance to the city or county seat",
                "km",
                quantity=True,
            ),
            C(
                "distance_to_expressway_km",
                "real",
                "距高速公路出入口距离",
                "distance to the nearest expressway exit",
                "km",
                quantity=True,
            ),
            C(
                "distance_to_airport_km",
                "real",
                "距机场距离",
                "distance to the airport",
                "km",
                quantity=True,
            ),
            C("transport", "text", "交通条件", "transport links"),
            C("labour_pool", "text", "人力资源条件", "labour pool as described"),
            C("description", "text", "简介", "short description"),
        ),
        fts=("name", "name_en", "city"),
        geographic=True,
    )
)

PARK_TARGETS = register(
    Table(
        "park_targets",
        "园区分期座席目标",
        "phased seat and job targets of parks",
        (
            C("id", "text", "标识", "id"),
            C("park_id", "text", "园区标识", "park id"),
            C("year", "integer", "目标年份", "target year", "year"),
            C("phase", "text", "期次", "phase name"),
            C("seats", "integer", "座席目标", "seat target", "seat", quantity=True),
            C("jobs", "integer", "就业目标", "job target", "job", quantity=True),
            C("note", "text", "说明", "note"),
        ),
        foreign_keys=(("park_id", "parks", "id"),),
    )
)

PARK_TENANTS = register(
    Table(
        "park_tenants",
        "园区入驻企业",
        "centers and companies located in parks",
        (
            C("id", "text", "标识", "id"),
            C("park_id", "text", "园区标识", "park id"),
            C(
                "center_id",
                "text",
                "呼叫中心标识（如已收录）",
                "center id when the tenant is a known center",
            ),
            C("company", "text", "企业名称", "company name", required=True),
            C("seats", "integer", "座席数", "seats", "seat", quantity=True),
            C("year", "integer", "年份", "year the figure refers to", "year"),
            C(
                "status",
                "text",
                "状态（已入驻、签约、意向）",
                "status: operating, signed or planned",
            ),
            C("note", "text", "说明", "note"),
        ),
        foreign_keys=(("park_id", "parks", "id"), ("center_id", "centers", "id")),
    )
)

INCENTIVES = register(
    Table(
        "incentives",
        "优惠政策",
        "subsidy and tax-rebate rules of parks and cities",
        (
            C("id", "text", "标识", "id"),
            C("park_id", "text", "园区标识（园区政策）", "park id for a park's rule"),
            C("city", "text", "城市（城市政策）", "city for a city-wide rule"),
            C("city_adcode", "text", "城市行政区划代码", "six-digit code of the city"),
            C("name", "text", "政策名称", "name of the rule", required=True),
            C(
                "kind",
                "text",
                "类型：tax_rebate, rent_reduction, seat_subsidy, certification_subsidy, training_subsidy, other",
                "kind: tax_rebate, rent_reduction, seat_subsidy, certification_subsidy, training_subsidy, other",
                required=True,
            ),
            C(
                "basis",
                "text",
                "计算基数（如县级留成的增值税、营业税、所得税）",
                "what the rate applies to (e.g. county-level share of VAT, business and income tax)",
            ),
            C("rate", "real", "比例", "share returned or discounted", "fraction"),
            C("amount_cny", "real", "金额", "amount per unit", "CNY"),
            C(
                "amount_unit",
                "text",
                "金额单位（每座席、每平方米每月、一次性）",
                "what the amount is per (seat, m2 per month, once)",
            ),
            C("cap_cny", "real", "上限", "cap", "CNY"),
            C("duration_years", "real", "期限", "duration", "year"),
            C(
                "start_year_offset",
                "integer",
                "自入驻第几年起",
                "first year of the benefit counted from move-in (1 = first year)",
                "year",
            ),
            C("min_investment_cny", "real", "投资额门槛", "investment threshold", "CNY"),
            C("min_revenue_cny", "real", "营业收入门槛", "revenue threshold", "CNY/year"),
            C("min_seats", "integer", "座席门槛", "seat threshold", "seat"),
            C("tier", "integer", "档次", "tier number within the rule"),
            C("conditions", "text", "条件原文", "conditions as stated"),
        ),
        foreign_keys=(("park_id", "parks", "id"),),
    )
)

KPIS = register(
    Table(
        "kpis",
        "呼叫中心绩效指标",
        "KPIs of call centers",
        (
            C("id", "text", "标识", "id"),
            C("center_id", "text", "呼叫中心标识", "center id"),
            C(
                "metric",
                "text",
                "指标代码（如 answer_rate, service_level）",
                "metric code (answer_rate, service_level ...)",
                required=True,
            ),
            C("value", "real", "数值", "value in the unit given", quantity=True),
            C("unit", "text", "单位", "unit of value"),
            C("period", "text", "统计期", "period the value refers to"),
            C(
                "definition",
                "text",
                "口径（如服务水平按呈现呼叫计）",
                "how it is measured (e.g. service level over offered calls)",
            ),
            C(
                "threshold_seconds",
                "real",
                "时限（服务水平）",
                "answer time threshold for service levels",
                "second",
            ),
            C(
                "is_target",
                "integer",
                "是否为目标值（1=目标，0=实际）",
                "1 when a target, 0 when achieved",
            ),
            C("note", "text", "说明", "note"),
        ),
        foreign_keys=(("center_id", "centers", "id"),),
    )
)

INDUSTRY_FIGURES = register(
    Table(
        "industry_figures",
        "行业统计数据",
        "industry-wide figures (market size, seats, cost per contact)",
        (
            C("id", "text", "标识", "id"),
            C("metric", "text", "指标代码", "metric code", required=True),
            C("scope", "text", "范围（如中国、全球、渠道）", "scope (China, world, a channel ...)"),
            C("year", "integer", "年份", "year", "year"),
            C("value", "real", "数值", "value", quantity=True),
            C("unit", "text", "单位", "unit"),
            C("note", "text", "说明", "note"),
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
