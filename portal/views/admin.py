"""Import & review (administrators): preview an upload with per-row errors, then commit it;
undo a recent import batch; accept or reject scraped facts of the review queue, with their
evidence sentence."""

from __future__ import annotations

import json

import pandas as pd
import streamlit as st

from data.errors import ParkBenchError
from data.imports.importer import KINDS
from data.review.queue import accept, list_items, reject
from data.store.batches import list_batches
from portal import services
from portal.components.auth import render_sign_in
from portal.components.layout import require_database
from portal.i18n import fixed_labels, fmt_number, md, t
from usecases.imports import import_file, preview_import, read_import, undo_import

REVIEW_LIMIT = 50
BATCH_LIMIT = 10


def render_import() -> None:
    kind = st.selectbox(
        t("admin.kind"),
        KINDS,
        format_func=fixed_labels(lambda k: t(f"admin.kind.{k}"), KINDS),
        placeholder=t("common.choose"),
        key="admin_kind",
    )
    upload = st.file_uploader(t("admin.upload"), type=["csv", "xlsx", "txt"], key="admin_upload")
    if upload is None:
        return
    try:
        parsed = read_import(upload.getvalue(), upload.name, kind)
        loaded = preview_import(services.admin_reader(), parsed)  # read-only: nothing is written
    except ParkBenchError as exc:
        st.error(t("admin.read_error", error=md(exc)))
        return
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
        st.warning(t("admin.ignored", columns=md(", ".join(loaded.ignored_columns))))
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
            pd.DataFrame([r.values for r in prepared.records]), hide_index=True, width="stretch"
        )
    if st.button(t("admin.commit"), type="primary", key="admin_commit"):
        db = services.writer()
        try:
            report = import_file(db, parsed).report  # checked again against the current store
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
        if report.batch_id:
            st.caption(t("admin.batch", batch=md(report.batch_id)))


def undo(batch_id: str) -> None:
    db = services.writer()
    try:
        result = undo_import(db, batch_id)
        st.session_state["admin_batch_msg"] = (
            "success",
            t(
                "admin.undo_done",
                batch=md(batch_id),
                deleted=fmt_number(result.deleted),
                restored=fmt_number(result.restored),
            ),
        )
    except ParkBenchError as exc:
        st.session_state["admin_batch_msg"] = ("error", md(exc))
    finally:
        db.conn.close()


def render_batches() -> None:
    """Recent import batches, each with an undo button while it is active."""
    st.subheader(t("admin.batches"))
    message = st.session_state.pop("admin_batch_msg", None)
    if message:
        getattr(st, message[0])(message[1])
    batches = list_batches(services.admin_reader(), limit=BATCH_LIMIT)
    if not batches:
        st.caption(t("admin.batches_empty"))
    for b in batches:
        line = t(
            "admin.batch_line",
            batch=md(b["id"]),
            file=md(b["file"]),
            when=md(b["created_at"]),
            inserted=fmt_number(b["inserted"] or 0),
            updated=fmt_number(b["updated"] or 0),
            rejected=fmt_number(b["rejected"] or 0),
        )
        left, right = st.columns([4, 1])
        if b["status"] == "active":
            left.caption(line)
            right.button(t("admin.undo"), key=f"undo_{b['id']}", on_click=undo, args=(b["id"],))
        else:
            left.caption(line + " · " + t("admin.batch_undone", when=md(b["undone_at"])))


def decide(item_id: str, accepted: bool) -> None:
    db = services.writer()
    try:
        if accepted:
            accept(db, item_id, decided_by="portal")
        else:
            reject(db, item_id, reason="rejected in the portal", decided_by="portal")
        st.session_state["admin_review_msg"] = ("success", t("admin.review_done"))
    except ParkBenchError as exc:
        st.session_state["admin_review_msg"] = ("error", md(exc))
    finally:
        db.conn.close()


def render_review() -> None:
    message = st.session_state.pop("admin_review_msg", None)
    if message:
        getattr(st, message[0])(message[1])
    items = list_items(services.admin_reader(), "pending")
    st.caption(t("admin.review_pending", n=fmt_number(len(items), t("unit.item"))))
    if not items:
        st.info(t("admin.review_empty"))
    for item in items[:REVIEW_LIMIT]:
        with st.container(border=True):
            st.markdown(
                f"**{item['entity_table']}** · {t('admin.review_confidence')} "
                f"{fmt_number(item.get('confidence'), 'fraction')}"
            )
            st.code(json.dumps(item["values"], ensure_ascii=False, indent=1), language="json")
            st.markdown(f"{t('admin.review_evidence')}：> {md(item['evidence'])}")
            st.caption(f"{t('map.popup_source')}: {md(item.get('url') or item['source_id'])}")
            left, right = st.columns(2)
            left.button(
                t("admin.accept"), key=f"acc_{item['id']}", on_click=decide, args=(item["id"], True)
            )
            right.button(
                t("admin.reject"),
                key=f"rej_{item['id']}",
                on_click=decide,
                args=(item["id"], False),
            )


st.title(t("page.admin"))
require_database()
if render_sign_in():
    import_tab, review_tab = st.tabs([t("admin.import"), t("admin.review")])
    with import_tab:
        render_import()
        render_batches()
    with review_tab:
        render_review()
