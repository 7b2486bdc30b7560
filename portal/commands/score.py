"""``parkbench score``: rank candidate sites with weights, explanations and a stress test."""

from __future__ import annotations

import json

import click

from portal.commands._options import db_option
from portal.commands._pairs import parse_pairs
from portal.notes import note_text, notes_text


@click.command(name="score")
@click.option(
    "--preset",
    type=str,
    default=None,
    help="Weight preset (talent_first, customer_support_center, cost_first, equal_groups).",
)
@click.option(
    "--weights",
    type=str,
    default=None,
    help="Weights by group or criterion, e.g. labour=0.5,cost=0.3,cluster=0.2.",
)
@click.option(
    "--ahp",
    type=str,
    default=None,
    help="AHP pairwise judgements over groups or criteria, e.g. "
    "labour/cost=3,labour/transport=5,cost/transport=2 (every pair once; Saaty 1-9).",
)
@click.option(
    "--objective",
    type=click.Choice(["entropy", "critic"]),
    default=None,
    help="Objective weights from the data instead of a preset.",
)
@click.option("--method", type=click.Choice(["wsm", "topsis"]), default="wsm", show_default=True)
@click.option(
    "--draws",
    type=click.IntRange(min=0),
    default=1000,
    show_default=True,
    help="Weight draws of the stress test (0 = none).",
)
@click.option(
    "--top",
    "top_k",
    type=click.IntRange(min=1),
    default=10,
    show_default=True,
    help="k of P(top k).",
)
@click.option(
    "--perturb", type=click.Choice(["uniform", "dirichlet"]), default="uniform", show_default=True
)
@click.option(
    "--pct",
    type=click.FloatRange(0, 1, max_open=True),
    default=0.15,
    show_default=True,
    help="± share of the uniform perturbation.",
)
@click.option(
    "--concentration",
    type=click.FloatRange(min=0, min_open=True),
    default=100.0,
    show_default=True,
    help="Dirichlet concentration.",
)
@click.option("--seed", type=int, default=0, show_default=True)
@click.option(
    "--parks/--no-parks",
    default=False,
    show_default=True,
    help="Also rank parks with a known city.",
)
@click.option(
    "--limit", type=click.IntRange(min=1), default=None, help="Print only the best N sites."
)
@click.option(
    "--criteria-file",
    type=click.Path(dir_okay=False),
    default=None,
    help="CSV/XLSX of your own criteria: adcode or name, then one column per criterion.",
)
@click.option(
    "--criterion",
    "criterion_decls",
    multiple=True,
    help="Declare a column of --criteria-file: name:group:direction:unit[:missing_rule] "
    "(group labour|cost|transport|incentives|cluster, direction benefit|cost). Repeatable.",
)
@click.option(
    "--validate",
    is_flag=True,
    help="Revealed-preference check: ROC AUC per preset of ranking the cities that host known "
    "centers or parks above the others (cluster criteria left out).",
)
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array.")
@db_option
def command(
    preset,
    weights,
    objective,
    method,
    draws,
    top_k,
    perturb,
    pct,
    concentration,
    seed,
    parks,
    limit,
    criteria_file,
    criterion_decls,
    as_json,
    db_path,
    ahp,
    validate,
):
    """Rank candidate sites for a call center and show how sure the ranking is."""
    from data.inputs.user_criteria import merge_criteria_file
    from models.criteria import DEFAULT_CRITERIA, criteria_by_name, parse_criterion
    from usecases.ranking import criteria_table, rank_sites
    from usecases.store import open_store

    if bool(criteria_file) != bool(criterion_decls):
        raise click.UsageError("--criteria-file and --criterion go together")
    extra = [parse_criterion(d) for d in criterion_decls]
    criteria = tuple(criteria_by_name([*DEFAULT_CRITERIA, *extra]).values())
    db = open_store(db_path)
    table = criteria_table(db, include_parks=parks)
    if criteria_file:
        table = merge_criteria_file(table, criteria_file, [c.name for c in extra])
    if validate:
        _validate(table, criteria, preset, as_json)
        return
    given = parse_pairs(weights, "--weights") or None
    if ahp:
        if given or preset or objective:
            raise click.UsageError("--ahp replaces --weights, --preset and --objective")
        given = _ahp_weights(ahp, as_json)
    ranking = rank_sites(
        db,
        criteria,
        table=table,
        weights=given,
        preset=preset,
        objective=objective,
        method=method,
        draws=draws,
        top_k=top_k,
        kind=perturb,
        pct=pct,
        concentration=concentration,
        seed=seed,
    )
    records = ranking.records[:limit] if limit else ranking.records
    excluded = [
        f"Excluded: {x['name']} ({x['adcode']}): " + "; ".join(notes_text(x["reason"], "en"))
        for x in ranking.excluded
    ]
    if as_json:
        for line in excluded:
            click.echo(line, err=True)
        click.echo(json.dumps([_json_record(r) for r in records], ensure_ascii=False, indent=2))
        return
    click.echo(f"Weights ({ranking.weights_source}):")
    for name, w in ranking.weights.items():
        click.echo(f"  {name:38s} {w:6.3f}")
    for note in ranking.notes:
        click.echo(f"Missing values: {note_text(note, 'en')}")
    for line in excluded:
        click.echo(line)
    head = f"{'rank':>4}  {'name':14s} {'score':>6}"
    if draws:
        head += f"  {'rank p05-p95':>12}  P(top {top_k})"
    click.echo(head + "  top contributions")
    for r in records:
        top3 = sorted(r["contributions"].items(), key=lambda kv: -kv[1])[:3]
        line = f"{r['rank']:>4}  {r['name'][:14]:14s} {r['score']:6.3f}"
        if draws:
            line += f"  {str(r['rank_p05']) + '-' + str(r['rank_p95']):>12}  {r['p_top_k']:9.0%}"
        click.echo(line + "  " + ", ".join(f"{k} {v:.3f}" for k, v in top3))


def _json_record(record: dict) -> dict:
    """A ranked site for JSON: how its estimated criteria were estimated, in English."""
    if "estimated" not in record:
        return record
    return dict(record, estimated={k: note_text(n, "en") for k, n in record["estimated"].items()})


def _validate(table, criteria, preset, as_json: bool) -> None:
    """Print the AUC of each preset (or the one given) against the host cities."""
    from models.validation import validate_presets

    hosts = set(table.loc[(table["center_count"] > 0) | (table["park_count"] > 0), "adcode"])
    checks = validate_presets(table, hosts, criteria, [preset] if preset else None)
    if as_json:
        click.echo(json.dumps([c.to_dict() for c in checks], ensure_ascii=False, indent=2))
        return
    n = checks[0]
    click.echo(
        f"Revealed preference: {n.n_positive} cities host a known center or park, "
        f"{n.n_negative} do not; cluster criteria left out (they count the same centers)."
    )
    click.echo(f"{'preset':26s} {'ROC AUC':>7}  host cities (rank)")
    for c in checks:
        hosts_txt = ", ".join(
            f"{k} {v}" for k, v in sorted(c.host_ranks.items(), key=lambda kv: kv[1])
        )
        click.echo(f"{c.preset:26s} {c.auc:7.3f}  {hosts_txt}")
    click.echo("AUC 0.5 = chance, 1.0 = every host city ranks above every other city.")


def _ahp_weights(text: str, as_json: bool) -> dict[str, float]:
    """Weights from ``a/b=v`` judgements; the consistency ratio is reported (warning above 0.1)."""
    from models.weights import ahp_from_judgements

    judgements = {}
    for key, value in parse_pairs(text, "--ahp").items():
        a, sep, b = key.partition("/")
        if not sep or not a.strip() or not b.strip():
            raise click.BadParameter(f"{key!r} is not a/b", param_hint="--ahp")
        judgements[(a.strip(), b.strip())] = value
    names, result = ahp_from_judgements(judgements)
    line = f"AHP consistency ratio {result.consistency_ratio:.3f}"
    click.echo(line + (f" - WARNING: {result.warning}" if result.warning else " (consistent)"),
               err=as_json)  # fmt: skip
    return dict(zip(names, (float(w) for w in result.weights), strict=True))
