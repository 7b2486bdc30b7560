"""Staffing page pieces: Erlang C and Erlang A results side by side, as a table of texts."""

from __future__ import annotations

import pandas as pd

from models.staffing import StaffingResult
from portal.i18n import fmt_number, t

#: rows of the side-by-side table: string key, how to write the result's figure
_ROWS = (
    ("staffing.agents", lambda r: fmt_number(r.agents, "person")),
    ("staffing.fte", lambda r: fmt_number(round(r.fte, 1), "person")),
    ("staffing.side_sl", lambda r: fmt_number(r.service_level, "fraction")),
    ("staffing.asa", lambda r: fmt_number(round(r.asa_seconds, 1), "second")),
    ("staffing.occupancy", lambda r: fmt_number(r.occupancy, "fraction")),
    (
        "staffing.abandon",
        lambda r: (
            fmt_number(r.abandon_rate, "fraction")
            if r.abandon_rate is not None
            else t("staffing.no_abandon")
        ),
    ),
    ("staffing.side_binding", lambda r: t(f"staffing.binding.{r.binding.replace(' ', '_')}")),
)


def build_side_by_side(erlang_c: StaffingResult, erlang_a: StaffingResult) -> pd.DataFrame:
    """One row per measure, one column per model, every figure written with its unit."""
    return pd.DataFrame(
        {
            t("staffing.side_measure"): [t(key) for key, _ in _ROWS],
            t("staffing.model.erlang_c"): [show(erlang_c) for _, show in _ROWS],
            t("staffing.model.erlang_a"): [show(erlang_a) for _, show in _ROWS],
        }
    )
