"""Compare sites: 2-5 cities or parks ranked with contributions, stability, cost and facts."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from data.errors import ParkBenchError
from models.cost import (
    COMPONENTS,
    CURVE_TARGETS,
    CostInputs,
    cost_for_service_level,
    service_level_label,
)
from models.criteria import GROUPS
from models.site_ranking import MAX_COMPARED
from models.weights import PRESETS
from portal import services
from portal.components.charts import render_chart
from portal.components.compare import (
    CRITERION_COLOURS,
    build_comparison_frame,
    build_contributions_chart,
    criterion_label,
    ranking_display,
    render_fact_card,
    render_preset_source,
)
from portal.components.cost_charts import build_cost_waterfall, waterfall_steps
from portal.components.downloads import build_csv
from portal.components.layout import require_database
from portal.components.links import link
from portal.components.notes import note_text
from portal.components.report import (
    Section,
    build_report_html,
    contributions_png,
    waterfall_png,
)
from portal.costing import REFERENCE_SEATS, REFERENCE_YEARS, has_local_inputs, incentive_rules
from portal.i18n import current_lang, fixed_labels, fmt_number, t, unit_label

st.title(t("page.compare"))
require_database()
st.caption(t("compare.intro"))
lang = current_lang()

table = services.criteria_table()
if table.empty:
    st.info(t("compare.no_sites"))
    st.stop()
rows = {r["id"]: r for r in table.to_dict("records")}
city_names = {r["adcode"]: r["name"] for r in rows.values() if r["kind"] == "city"}


def site_label(site_id: str) -> str:
    r = rows[site_id]
    if r["kind"] == "park":
        return t("compare.park_label", park=r["name"], city=city_names.get(r["adcode"], ""))
    if not r["province"] or r["province"] == r["name"]:  # Beijing, Shanghai ... are provinces
        return r["name"]
    return f"{r['name']}（{r['province']}）" if lang == "zh" else f"{r['name']} ({r['province']})"


# the two cities with the most known centers start the comparison
busiest = table[table["kind"] == "city"].sort_values(
    ["center_count", "name"], ascending=[False, True]
)
chosen = link(
    st.multiselect,
    "sites",
    t("compare.sites"),
    list(rows),
    default=busiest["id"].head(2).tolist(),
    format_func=site_label,
    max_selections=MAX_COMPARED,
    placeholder=t("common.choose_many"),
    select_all=False,
    key="compare_sites",
)

with st.sidebar:
    st.subheader(t("compare.weights"))
    mode = link(
        st.radio,
        "weights",
        t("compare.weight_mode"),
        ["preset", "sliders"],
        format_func=fixed_labels(lambda m: t(f"compare.mode.{m}"), ["preset", "sliders"]),
        key="compare_mode",
    )
    preset, weights = None, None
    if mode == "preset":
        preset = link(
            st.selectbox,
            "preset",
            t("compare.preset"),
            list(PRESETS),
            format_func=lambda p: PRESETS[p].label_zh if lang == "zh" else PRESETS[p].label_en,
            placeholder=t("common.choose"),
            key="compare_preset",
        )
        shares = " · ".join(
            f"{t(f'compare.group.{g}')} {fmt_number(w, 'fraction')}"
            for g, w in PRESETS[preset].weights.items()
        )
        st.caption(shares)
        render_preset_source(preset, PRESETS[preset].source)
    else:
        base = PRESETS["talent_first"].weights
        weights = tuple(
            (
                g,
                float(
                    link(
                        st.slider, f"w_{g}",
                        t(f"compare.group.{g}"), 0, 100, int(round(base[g] * 100)), 5,
                        key=f"compare_w_{g}",
                    )
                ),
            )
            for g in GROUPS
        )  # fmt: skip
        st.caption(t("compare.sliders_note"))
    method = link(
        st.radio,
        "method",
        t("compare.method"),
        ["wsm", "topsis"],
        format_func=fixed_labels(lambda m: t(f"compare.method.{m}"), ["wsm", "topsis"]),
        key="compare_method",
    )

if len(chosen) < 2:
    st.info(t("compare.pick_two", n=MAX_COMPARED))
    st.stop()
if weights is not None and not any(w for _, w in weights):
    st.warning(t("compare.zero_weights"))
    st.stop()

try:
    comparison = services.site_comparison(
        tuple(chosen), preset=preset, weights=weights, method=method
    )
except ParkBenchError as exc:
    st.error(str(exc))
    st.stop()
records = comparison.records
weights_label = (
    t(
        "compare.weights_preset",
        name=PRESETS[preset].label_zh if lang == "zh" else PRESETS[preset].label_en,
    )
    if preset
    else t("compare.weights_own")
)

# -- ranking
st.subheader(t("compare.ranking"))
st.caption(
    t(
        "compare.weights_used",
        source=weights_label,
        method=t(f"compare.method.{method}"),
        n=fmt_number(comparison.candidates, t("unit.site")),
    )
)
frame = build_comparison_frame(records, comparison.candidates)
st.dataframe(ranking_display(frame), hide_index=True, width="stretch", key="compare_table")
st.caption(t("compare.stability_note", draws=fmt_number(records[0].get("draws", 0))))
flagged = [r for r in records if r.get("filled")]
for r in flagged:
    parts = [criterion_label(f.removesuffix(" (estimated)")) for f in r["filled"]]
    st.warning(t("compare.filled", site=r["name"], criteria="; ".join(parts)))
    for crit, how in (r.get("estimated") or {}).items():
        st.caption(t("compare.estimated", criterion=criterion_label(crit), how=note_text(how)))
with st.expander(t("compare.notes")):
    for note in comparison.notes:
        st.markdown(f"- {note_text(note)}")

fig = build_contributions_chart(
    records,
    title=t("compare.contrib_title"),
    unit=t("compare.contrib_unit"),
    filled_note=t("compare.filled_hover"),
)
render_chart(fig, key="compare_contributions")
st.caption(t("compare.contrib_note"))

# -- cost per seat, before and after incentives
st.subheader(t("compare.cost"))
cols = st.columns(2)
seats = int(
    link(
        cols[0].number_input, "seats",
        t("compare.seats"), min_value=10, max_value=20_000, value=REFERENCE_SEATS, step=50,
        key="compare_seats",
    )
)  # fmt: skip
level = link(
    cols[1].selectbox,
    "sl",
    t("compare.service_level"),
    [service_level_label(*x) for x in CURVE_TARGETS],
    index=[service_level_label(*x) for x in CURVE_TARGETS].index("80/20"),
    placeholder=t("common.choose"),
    key="compare_sl",
)
target_sl, answer_seconds = next(x for x in CURVE_TARGETS if service_level_label(*x) == level)
component_labels = {k: t(f"cost.comp.{k}") for k in COMPONENTS}
per_seat_unit = t("unit.cny_per_seat_year")

costs, cost_details = {}, {}
for r in records:
    city = city_names.get(r["adcode"], r["name"])
    park = r["name"] if r["kind"] == "park" else None
    ctx = services.cost_context(city, park)
    aht = float(ctx.values["aht_seconds"])
    calls = services.capacity(seats, aht, target_sl, answer_seconds)
    result = cost_for_service_level(
        CostInputs(seats=seats, **ctx.values),
        calls,
        aht,
        target_sl=target_sl,
        answer_seconds=answer_seconds,
        rules=incentive_rules(ctx),
        years=REFERENCE_YEARS,
        sources=ctx.sources,
        seats=seats,
    ).to_dict()
    cost_details[r["id"]] = (result, ctx, calls)
    costs[r["id"]] = {
        "gross_cny_per_seat_year": result["per_seat_per_year"],
        "incentives_cny_per_seat_year": result["per_seat_per_year"]
        - result["net_per_seat_per_year"],
        "net_cny_per_seat_year": result["net_per_seat_per_year"],
        "cny_per_contact": result["per_contact"],
        "calls_per_hour_capacity": calls,
        "cost_inputs": "local" if has_local_inputs(ctx) else "national defaults",
    }

st.caption(
    t(
        "compare.cost_note",
        seats=fmt_number(seats, "seat"),
        level=level,
        years=REFERENCE_YEARS,
    )
)
cost_table = {
    t("common.name"): [r["name"] for r in records],
    t("compare.gross", unit=per_seat_unit): [
        fmt_number(round(costs[r["id"]]["gross_cny_per_seat_year"]), "CNY") for r in records
    ],
    t("compare.incentives_saved", unit=per_seat_unit): [
        fmt_number(round(costs[r["id"]]["incentives_cny_per_seat_year"]), "CNY") for r in records
    ],
    t("compare.net", unit=per_seat_unit): [
        fmt_number(round(costs[r["id"]]["net_cny_per_seat_year"]), "CNY") for r in records
    ],
    t("compare.per_contact"): [
        fmt_number(round(costs[r["id"]]["cny_per_contact"], 2), "CNY") for r in records
    ],
    t("compare.capacity"): [
        fmt_number(costs[r["id"]]["calls_per_hour_capacity"], t("unit.calls_per_hour"))
        for r in records
    ],
    t("compare.cost_inputs"): [
        t("compare.inputs_local") if costs[r["id"]]["cost_inputs"] == "local"
        else t("compare.inputs_default")
        for r in records
    ],
}  # fmt: skip
st.dataframe(cost_table, hide_index=True, width="stretch", key="compare_costs")
tabs = st.tabs([r["name"] for r in records])
for tab, r in zip(tabs, records, strict=True):
    result, ctx, calls = cost_details[r["id"]]
    with tab:
        shown = dict(result, incentives={
            k: v for k, v in result["incentives"].items() if v["per_seat_per_year"] > 0
        })  # fmt: skip
        render_chart(
            build_cost_waterfall(
                shown,
                component_labels=component_labels,
                gross_label=t("compare.gross_bar"),
                net_label=t("compare.net_bar"),
                title=t("compare.waterfall_title", site=r["name"]),
                unit=per_seat_unit,
            ),
            key=f"compare_waterfall_{r['id']}",
        )
        for name, info in result["incentives"].items():
            if info["per_seat_per_year"] <= 0:
                st.caption(t("compare.incentive_zero", name=name))
        for name, why in result["incentives_not_applied"].items():
            st.caption(t("compare.incentive_skipped", name=name, why=note_text(why)))
        for note in ctx.notes:
            st.caption(note_text(note))

# -- fact cards
st.subheader(t("compare.facts"))
adcodes = tuple(dict.fromkeys(r["adcode"] for r in records))
park_ids = tuple(r["id"].removeprefix("park:") for r in records if r["kind"] == "park")
indicators = services.site_indicators(adcodes)
incentives = services.site_incentives(adcodes, park_ids)
CARD = (
    ("population_2020", "compare.fact.population", "person"),
    ("working_age_population_2020", "compare.fact.working_age", "person"),
    ("college_educated_population_2020", "compare.fact.college", "person"),
    ("nearest_airport_km", "compare.fact.airport", "km"),
    ("railway_stations", "compare.fact.stations", "station"),
)


def source_text(row) -> str:
    year = f", {int(row['year'])}" if row["year"] == row["year"] and row["year"] else ""
    where = f" — {row['source_url']}" if row["source_url"] else ""
    return f"{row['source_title']}{year}{where}"


cards = []
for r in records:
    mine = indicators[indicators["adcode"] == r["adcode"]].set_index("indicator")
    facts = []
    for indicator, key, unit in CARD:
        if indicator in mine.index:
            row = mine.loc[indicator]
            value, source = float(row["value"]), source_text(row)
        else:
            value, source = None, None
        if indicator == "nearest_airport_km" and r["kind"] == "park":
            park_km = r["values"].get("nearest_airport_km")
            if park_km is not None and park_km != value:
                value, source = park_km, t("compare.park_record")
        label = t("unit.station") if unit == "station" else unit
        facts.append((t(key), fmt_number(value, label), source))
    if "service_outsourcing_model_city" in mine.index:
        row = mine.loc["service_outsourcing_model_city"]
        flag = t("compare.yes") if float(row["value"]) else t("compare.no")
        facts.append((t("compare.fact.model_city"), flag, source_text(row)))
    centers = rows[r["id"]]
    facts.append(
        (
            t("compare.fact.centers"),
            t(
                "compare.centers_seats",
                centers=fmt_number(int(centers["center_count"]), t("unit.center")),
                seats=fmt_number(int(centers["center_seats"]), "seat"),
            ),
            t("compare.centers_source"),
        )
    )
    if r["kind"] == "park":
        pid = r["id"].removeprefix("park:")
        mask = (incentives["park_id"] == pid) | (
            incentives["park_id"].isna() & (incentives["city_adcode"] == r["adcode"])
        )
    else:
        mask = (incentives["city_adcode"] == r["adcode"]) | (
            incentives["park_city_adcode"] == r["adcode"]
        )
    rules = []
    for rule in incentives[mask].to_dict("records"):
        where = rule["park_name"] or rule["city"] or city_names.get(r["adcode"], "")
        text = t(
            "compare.rule",
            name=rule["name"],
            kind=t(f"compare.incentive_kind.{rule['kind']}"),
            where=where,
        )
        if rule["conditions"]:
            text += f" — {rule['conditions'][:140]}"
        rules.append({"text": text, "source": rule["source_title"] and (
            f"{rule['source_title']} ({rule['source_url']})" if rule["source_url"]
            else rule["source_title"]
        )})  # fmt: skip
    cards.append({"name": r["name"], "facts": facts, "rules": rules})

card_cols = st.columns(len(cards))
for col, card in zip(card_cols, cards, strict=True):
    with col:
        render_fact_card(card["name"], card["facts"], card["rules"])

# -- downloads
st.subheader(t("compare.downloads"))
export = build_comparison_frame(records, comparison.candidates, costs)


def report() -> bytes:
    names = [r["name"] for r in records]
    contributions = {
        criterion_label(c): [r["contributions"][c] for r in records]
        for c in records[0]["contributions"]
    }
    colours = {criterion_label(c): CRITERION_COLOURS.get(c, "#888888") for c in contributions}
    sections = [
        Section(
            t("compare.ranking"),
            lines=[
                t(
                    "compare.weights_used",
                    source=weights_label,
                    method=t(f"compare.method.{method}"),
                    n=fmt_number(comparison.candidates, t("unit.site")),
                ),
                *(note_text(n) for n in comparison.notes),
            ],
            table=ranking_display(frame),
            images=[
                (
                    t("compare.contrib_title"),
                    contributions_png(
                        names,
                        contributions,
                        colours,
                        title=t("compare.contrib_title"),
                        unit=t("compare.contrib_unit"),
                    ),
                )
            ],
        ),
        Section(
            t("compare.cost"),
            lines=[
                t(
                    "compare.cost_note",
                    seats=fmt_number(seats, "seat"),
                    level=level,
                    years=REFERENCE_YEARS,
                )
            ],
            table=pd.DataFrame(cost_table),
            images=[
                (
                    t("compare.waterfall_title", site=r["name"]),
                    waterfall_png(
                        waterfall_steps(
                            cost_details[r["id"]][0],
                            component_labels,
                            t("compare.gross_bar"),
                            t("compare.net_bar"),
                        ),
                        title=t("compare.waterfall_title", site=r["name"]),
                        unit=per_seat_unit,
                    ),
                )
                for r in records
            ],
        ),
        Section(
            t("compare.facts"),
            cards=[dict(c, rules_heading=t("compare.incentives")) for c in cards],
        ),
    ]
    return build_report_html(
        t("compare.report_title", sites=" / ".join(names)),
        sections,
        t("compare.report_footer", when=date.today().isoformat()),
        lang,
    )


dl = st.columns(2)
dl[0].download_button(
    t("compare.download_csv"),
    lambda: build_csv(export),
    "parkbench_comparison.csv",
    "text/csv",
    key="compare_dl_csv",
)
dl[1].download_button(
    t("compare.download_html"),
    report,
    "parkbench_comparison.html",
    "text/html",
    key="compare_dl_html",
)
st.caption(t("compare.unit_note", unit=unit_label("CNY")))
