"""Import & review (administrators): preview an upload with per-row errors, then commit it."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from data.errors import ParkBenchError
from data.importer import KINDS, check_import, commit_import, parse_import
from portal import services
from portal.components.auth import render_sign_in
from portal.components.layout import require_database
from portal.i18n import fmt_number, t

st.title(t("page.admin"))
require_database()
if not render_sign_in():
    st.stop()

st.subheader(t("admin.import"))
kind = st.selectbox(
    t("admin.kind"), KINDS, format_func=lambda k: t(f"admin.kind.{k}"), key="admin_kind"
)
upload = st.file_uploader(t("admin.upload"), type=["csv", "xlsx", "txt"], key="admin_upload")
if upload is None:
    st.stop()

content = upload.getvalue()
try:
    parsed = parse_import(content, upload.name, kind)
    loaded = check_import(services.reader(), parsed)  # read-only: nothing is written
except ParkBenchError as exc:
    st.error(t("admin.read_error", error=exc))
    st.stop()

prepared = loaded.prepared
st.info(
    t(
        "admin.preview",
        rows=fmt_number(prepared.rows, t("unit.row")),
        accepted=fmt_number(prepared.accepted, t("unit.row")),
        rejected=fmt_number(len(prepared.rejected), t("unit.row")),
    )
)
if loaded.ignored_columns:
    st.warning(t("admin.ignored", columns=", ".join(loaded.ignored_columns)))
if prepared.errors:
    st.markdown(f"**{t('admin.errors')}**")
    errors = pd.DataFrame([e.as_dict() for e in prepared.errors]).astype({"value": "str"})
    st.dataframe(
        errors.rename(
            columns={
                "row": t("admin.err_row"),
                "column": t("admin.err_column"),
                "value": t("admin.err_value"),
                "rule": t("admin.err_rule"),
                "reason": t("admin.err_reason"),
            }
        ),
        hide_index=True,
        width="stretch",
    )
if prepared.records:
    st.markdown(f"**{t('admin.accepted_rows')}**")
    st.dataframe(
        pd.DataFrame([r.values for r in prepared.records]),
        hide_index=True,
        width="stretch",
    )

if st.button(t("admin.commit"), type="primary", key="admin_commit"):
    db = services.writer()
    try:
        report = commit_import(db, check_import(db, parsed))
    finally:
        db.conn.close()
    counts = report.written.counts
    st.success(
        t(
            "admin.committed",
            inserted=fmt_number(counts["inserted"], t("unit.row")),
            updated=fmt_number(counts["updated"], t("unit.row")),
            unchanged=fmt_number(counts["unchanged"], t("unit.row")),
            rejected=fmt_number(report.rejected, t("unit.row")),
        )
    )
