"""``parkbench awards``: score centers on an award rubric, leaderboard and side-by-side card."""

from __future__ import annotations

import json

import click

from portal.commands._options import db_option
from portal.notes import note_text


@click.command(name="awards")
@click.option(
    "--rubric",
    default="cn_best_call_center",
    show_default=True,
    help="Rubric name (data/rubrics/NAME.yaml) or a YAML path.",
)
@click.option("--year", type=int, default=None, help="Only this KPI year.")
@click.option("--category", type=str, default=None, help="Only this industry.")
@click.option(
    "--min-coverage",
    type=click.FloatRange(0, 1),
    default=0.3,
    show_default=True,
    help="Coverage needed to be ranked.",
)
@click.option(
    "--compare",
    type=str,
    default=None,
    help="2-4 center names or ids, comma-separated: side-by-side card.",
)
@click.option("--json", "as_json", is_flag=True)
@db_option
def command(rubric, year, category, min_coverage, compare, as_json, db_path):
    """Score centers like an award jury would, showing how much data backs each score."""
    from usecases.awards import award_board, compare_centers
    from usecases.awards import rubric as load_rubric
    from usecases.store import open_store

    db = open_store(db_path)
    rub = load_rubric(rubric)
    if compare:
        cards = compare_centers(db, rubric, compare.split(","), year=year, category=category)
        card = cards["card"]
        if as_json:
            click.echo(
                json.dumps(
                    {"rubric": rub.name, "card": card}, ensure_ascii=False, indent=2, default=str
                )
            )
            return
        click.echo(f"{rub.title_zh} / {rub.title_en}")
        for row in card:
            vals = "".join(f"{'' if v is None else str(v):>22s}" for v in row["values"])
            click.echo(f"{row['zh'][:14]:14s}{vals}")
        return
    board = award_board(db, rubric, year=year, category=category, min_coverage=min_coverage)
    if as_json:
        click.echo(json.dumps(board, ensure_ascii=False, indent=2))
        return
    click.echo(f"{rub.title_zh} / {rub.title_en}  (sources: {len(rub.source)})")
    click.echo(
        f"Score = points earned out of {rub.total_points:g} (missing data earns nothing); "
        "coverage = share of the points backed by data."
    )
    click.echo(f"\n{'rank':>4}  {'name':24s} {'year':>6}  {'industry':10s} {'in ind.':>7} "
               f"{'score':>6} {'coverage':>8}")  # fmt: skip
    for r in board:
        rank = "-" if r["rank"] is None else str(r["rank"])
        in_industry = "-" if r["category_rank"] is None else str(r["category_rank"])
        score = "-" if r["score"] is None else f"{r['score']:.1f}"
        click.echo(
            f"{rank:>4}  {r['name'][:24]:24s} {r['year'] or 'latest':>6}  "
            f"{(r['category'] or '-')[:10]:10s} {in_industry:>7} {score:>6} {r['coverage']:>8.0%}"
            + (f"  {note_text(r['note'], 'en')}" if r.get("note") else "")
        )
