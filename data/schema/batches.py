"""Import batches: every import has an id, and a journal of the rows it added or changed."""

from __future__ import annotations

from data.schema.tables import C, Table, register

IMPORT_BATCHES = register(
    Table(
        "import_batches",
        "导入批次",
        "one row per import: its id, file, counts and whether it was undone",
        (
            C("id", "text", "批次标识", "batch id"),
            C("source_id", "text", "来源标识", "source id"),
            C("file", "text", "文件名", "file name"),
            C("kind", "text", "导入类型（centers 等）", "kind of rows (centers, parks ...)"),
            C("rows", "integer", "数据行数", "data rows", "row"),
            C("inserted", "integer", "新增记录数", "records inserted", "row"),
            C("updated", "integer", "更新记录数", "records updated", "row"),
            C("rejected", "integer", "拒绝行数", "rows rejected", "row"),
            C("changes", "integer", "日志中的行变更数", "row changes in the journal", "row"),
            C("status", "text", "状态：active 或 undone", "status: active or undone"),
            C("created_at", "text", "导入时间（UTC）", "time imported, UTC"),
            C("undone_at", "text", "撤销时间（UTC）", "time undone, UTC"),
        ),
        foreign_keys=(("source_id", "sources", "id"),),
        published=False,
    )
)

BATCH_CHANGES = register(
    Table(
        "batch_changes",
        "批次行变更日志",
        "journal of an import: each row it inserted, and the old content of each row it changed",
        (
            C("seq", "integer", "顺序号", "sequence number"),
            C("batch_id", "text", "批次标识", "batch id"),
            C("tbl", "text", "表名", "table"),
            C("op", "text", "操作：insert, update, delete", "operation: insert, update or delete"),
            C("row_rowid", "integer", "行的 rowid", "rowid of the row"),
            C(
                "old_json",
                "json",
                "变更前的整行（JSON，精确编码）",
                "the whole row before the change (JSON, exact encoding)",
            ),
        ),
        pk="seq",
        foreign_keys=(("batch_id", "import_batches", "id"),),
        published=False,
    )
)
