"""The review queue: facts read from free text wait here until someone accepts or rejects them."""

from __future__ import annotations

from data.schema.tables import C, Table, register

REVIEW_QUEUE = register(
    Table(
        "review_queue",
        "待审核事实",
        "facts extracted from free text, waiting for review",
        (
            C("id", "text", "标识（来源、表和值的哈希）", "id (hash of source, table and values)"),
            C("source_id", "text", "来源标识", "source id"),
            C("url", "text", "来源网址", "source URL"),
            C(
                "entity_table",
                "text",
                "目标表（parks, park_targets, park_tenants, incentives）",
                "target table (parks, park_targets, park_tenants, incentives)",
            ),
            C("fields", "json", "涉及字段（JSON数组）", "fields the fact gives (JSON array)"),
            C(
                "values_json",
                "json",
                "拟写入的原始值（JSON对象）",
                "proposed raw values (JSON object)",
            ),
            C("evidence", "text", "原文依据句", "evidence sentence"),
            C(
                "confidence",
                "real",
                "置信度（0-1，按规则给定）",
                "confidence from the rule that matched, 0-1",
                "fraction",
            ),
            C("rule", "text", "匹配规则", "extraction rule that matched"),
            C("locator", "text", "在来源中的位置（段落）", "where in the source (paragraph)"),
            C(
                "status",
                "text",
                "状态：pending, accepted, rejected",
                "status: pending, accepted or rejected",
            ),
            C("reason", "text", "拒绝原因", "reason for a rejection"),
            C(
                "last_error",
                "text",
                "最近一次接受失败的校验原因（成功后清空）",
                "validation reasons of the last failed acceptance (cleared on success)",
            ),
            C("created_at", "text", "入队时间（UTC）", "time queued, UTC"),
            C("decided_at", "text", "审核时间（UTC）", "time decided, UTC"),
            C("decided_by", "text", "审核人", "who decided"),
        ),
        foreign_keys=(("source_id", "sources", "id"),),
        published=False,
    )
)
