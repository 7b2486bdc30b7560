"""``parkbench review list|accept ID|reject ID``: the queue of facts read from free text."""

from __future__ import annotations

import json

import click

from data.review.queue import accept, list_items, reject
from data.store.database import open_db
from portal.commands._options import db_option


@click.group("review")
def command() -> None:
    """Review facts extracted from articles before they are published."""


@command.command("list")
@click.option(
    "--status",
    type=click.Choice(["pending", "accepted", "rejected", "all"]),
    default="pending",
    show_default=True,
)
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print the items as JSON.")
def list_command(status: str, db_path: str, as_json: bool) -> None:
    """List queue items, highest confidence first."""
    db = open_db(db_path)
    items = list_items(db, None if status == "all" else status)
    if as_json:
        click.echo(json.dumps(items, ensure_ascii=False, indent=2))
        return
    for it in items:
        values = ", ".join(f"{k}={v}" for k, v in it["values"].items())
        click.echo(
            f"{it['id']}  [{it['status']}] {it['confidence']:.2f} {it['entity_table']}: {values}"
        )
        click.echo(f"    “{it['evidence']}”  <{it['url']}>")
        if it.get("last_error"):
            click.echo(f"    last accept failed: {it['last_error']}")


@command.command("accept")
@click.argument("item_id")
@db_option
@click.option("--by", "decided_by", default="cli", show_default=True, help="Who decides.")
def accept_command(item_id: str, db_path: str, decided_by: str) -> None:
    """Publish a pending fact with its page as the source."""
    report = accept(open_db(db_path), item_id, decided_by)
    click.echo(f"accepted {item_id} into {report.table} (source {report.source_id})")


@command.command("reject")
@click.argument("item_id")
@click.option("--reason", default=None, help="Why the fact is wrong.")
@db_option
@click.option("--by", "decided_by", default="cli", show_default=True, help="Who decides.")
def reject_command(item_id: str, reason: str | None, db_path: str, decided_by: str) -> None:
    """Reject a pending fact."""
    reject(open_db(db_path), item_id, reason, decided_by)
    click.echo(f"rejected {item_id}")
