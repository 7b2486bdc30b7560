"""Site-selection criteria: what each column means, which way is better, and how gaps are filled.

A :class:`Criterion` names one column of the criteria table (one row per candidate site), its
group (``labour``, ``cost``, ``transport``, ``incentives`` or ``cluster``), its direction
(``benefit``: more is better; ``cost``: less is better), its unit and the rule applied to a
missing value. Missing-value rules are explicit and reported with every score:

``worst``
    the worst observed value of the criterion (default: a gap never helps a site);
``median``
    the median of the observed values (neutral);
``zero``
    the value 0 (counts such as railway stations or existing seats, where "none known" is
    the honest reading);
``exclude``
    the criterion is dropped for every site when any value is missing.

Coverage rule (:func:`coverage_notes`): a criterion is switched off, with a note, when too
few sites have a real value, since filling most of a column would score the filling rule:

``observed``
    fewer than :data:`MIN_OBSERVED_SHARE` (half) of the sites have a value;
``positive``
    counts of things the store knows only partly (existing centers, parks, their seats and
    the saturation computed from them): a 0 means "none known", not "none". Fewer than
    :data:`MIN_POSITIVE_SITES` sites with a count above 0 switch it off, so a handful of seed
    centers cannot give their cities full cluster marks (or the others full saturation marks).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from data.notes import Note
from models.errors import ModelInputError

GROUPS: tuple[str, ...] = ("labour", "cost", "transport", "incentives", "cluster")
DIRECTIONS: tuple[str, ...] = ("benefit", "cost")
MISSING_RULES: tuple[str, ...] = ("worst", "median", "zero", "exclude")
COVERAGE_RULES: tuple[str, ...] = ("observed", "positive")
#: share of sites that must have a value for an ``observed`` criterion to count
MIN_OBSERVED_SHARE = 0.5
#: sites with a count above 0 that a ``positive`` criterion needs to count: 30, or a tenth
#: of the sites when fewer than 300 are ranked
MIN_POSITIVE_SITES = 30
MIN_POSITIVE_SHARE = 0.1


@dataclass(frozen=True)
class Criterion:
    """One column of the criteria table.

    Parameters
    ----------
    name : str
        Column name in the criteria table (units in the name, e.g. ``nearest_airport_km``).
    group : str
        One of :data:`GROUPS`.
    direction : str
        ``"benefit"`` (more is better) or ``"cost"`` (less is better).
    unit : str
        Unit of the values (``"person"``, ``"CNY/seat/year"``, ``"km"`` ...).
    missing_rule : str
        One of :data:`MISSING_RULES`; see the module docstring.
    label_zh, label_en : str
        Names for people.
    coverage : str
        One of :data:`COVERAGE_RULES` (default ``observed``); see the module docstring.
    """

    name: str
    group: str
    direction: str
    unit: str
    missing_rule: str = "worst"
    label_zh: str = ""
    label_en: str = ""
    coverage: str = "observed"

    def __post_init__(self) -> None:
        if not self.name:
            raise ModelInputError("criterion name is empty")
        if self.group not in GROUPS:
            raise ModelInputError(
                f"criterion {self.name}: group {self.group!r} is not one of {', '.join(GROUPS)}"
            )
        if self.direction not in DIRECTIONS:
            raise ModelInputError(
                f"criterion {self.name}: direction {self.direction!r} must be 'benefit' or 'cost'"
            )
        if self.missing_rule not in MISSING_RULES:
            raise ModelInputError(
                f"criterion {self.name}: missing_rule {self.missing_rule!r} is not one of "
                f"{', '.join(MISSING_RULES)}"
            )
        if self.coverage not in COVERAGE_RULES:
            raise ModelInputError(
                f"criterion {self.name}: coverage {self.coverage!r} is not one of "
                f"{', '.join(COVERAGE_RULES)}"
            )

    @property
    def is_benefit(self) -> bool:
        return self.direction == "benefit"


#: The built-in criteria (the columns ``data.inputs.score`` builds).
DEFAULT_CRITERIA: tuple[Criterion, ...] = (
    Criterion(
        "working_age_population",
        "labour",
        "benefit",
        "person",
        "worst",
        "劳动年龄人口（15-59岁）",
        "working-age population (15-59, census 2020)",
    ),
    Criterion(
        "college_educated_population",
        "labour",
        "benefit",
        "person",
        "worst",
        "大专及以上学历人口",
        "college-educated population",
    ),
    Criterion(
        "seats_per_100k_working_age",
        "labour",
        "cost",
        "seat/100k person",
        "worst",
        "每十万劳动年龄人口已有座席（饱和度）",
        "existing seats per 100k working-age people (saturation)",
        "positive",
    ),
    Criterion(
        "net_cost_per_seat_cny_per_year",
        "cost",
        "cost",
        "CNY/seat/year",
        "median",
        "每座席年净成本",
        "net cost per seat and year (cost model)",
    ),
    Criterion(
        "nearest_airport_km",
        "transport",
        "cost",
        "km",
        "worst",
        "距最近机场",
        "distance to the nearest airport",
    ),
    Criterion(
        "railway_stations_per_1000_km2",
        "transport",
        "benefit",
        "station/1000 km2",
        "zero",
        "每千平方公里铁路客运站数",
        "railway passenger stations per 1,000 km2 (network density)",
    ),
    Criterion(
        "is_service_outsourcing_model_city",
        "incentives",
        "benefit",
        "0/1",
        "zero",
        "服务外包示范城市",
        "national service-outsourcing model city",
    ),
    Criterion(
        "incentive_cny_per_seat",
        "incentives",
        "benefit",
        "CNY/seat",
        "zero",
        "每座席补贴（园区及城市政策）",
        "subsidies valued per seat (park and city rules)",
    ),
    Criterion(
        "center_count",
        "cluster",
        "benefit",
        "center",
        "zero",
        "已有呼叫中心数",
        "known call centers",
        "positive",
    ),
    Criterion(
        "park_count",
        "cluster",
        "benefit",
        "park",
        "zero",
        "呼叫中心产业园区数",
        "call-center parks",
        "positive",
    ),
    Criterion(
        "center_seats",
        "cluster",
        "benefit",
        "seat",
        "zero",
        "已有座席数",
        "known seats",
        "positive",
    ),
)


def parse_criterion(text: str) -> Criterion:
    """Read a declaration ``name:group:direction:unit[:missing_rule]`` (missing rule ``worst``).

    Examples
    --------
    >>> parse_criterion("office_rent_cny_per_m2_month:cost:cost:CNY/m2/month")
    Criterion(name='office_rent_cny_per_m2_month', group='cost', direction='cost', unit='CNY/m2/month', missing_rule='worst', label_zh='', label_en='', coverage='observed')
    >>> parse_criterion("5g_coverage:transport:benefit:share:median").missing_rule
    'median'
    """
    parts = [p.strip() for p in str(text).split(":")]
    if len(parts) not in (4, 5) or not all(parts):
        raise ModelInputError(
            f"criterion {text!r}: expected name:group:direction:unit[:missing_rule], "
            f"e.g. office_rent_cny_per_m2_month:cost:cost:CNY/m2/month"
        )
    return Criterion(*parts)


def criteria_by_name(criteria: tuple[Criterion, ...] | list[Criterion]) -> dict[str, Criterion]:
    """Index criteria by name, refusing duplicates."""
    out: dict[str, Criterion] = {}
    for c in criteria:
        if c.name in out:
            raise ModelInputError(f"criterion {c.name} declared twice")
        out[c.name] = c
    return out


def coverage_notes(
    values: np.ndarray, criteria: tuple[Criterion, ...] | list[Criterion],
    support: dict[str, np.ndarray] | None = None,
) -> dict[str, Note]:  # fmt: skip
    """Criteria to switch off for too little coverage: name -> the reason (see module docs).

    ``support`` may give, per ``positive`` criterion, the counts that decide its coverage
    (saturation is decided by the seats it is computed from).

    Examples
    --------
    >>> c = (Criterion("a", "labour", "benefit", "person"),
    ...      Criterion("n", "cluster", "benefit", "center", "zero", coverage="positive"))
    >>> coverage_notes(np.array([[1.0, 0.0], [np.nan, 2.0], [np.nan, 0.0]]), c)["a"]
    Note('off_observed', crit='a', n=1, total=3)
    >>> x = np.column_stack([np.ones(400), np.r_[np.ones(6), np.zeros(394)]])
    >>> coverage_notes(x, c)["n"]
    Note('off_positive', crit='n', n=6, need=30)
    """
    x = np.asarray(values, dtype=float)
    out: dict[str, str] = {}
    n = x.shape[0]
    need = min(MIN_POSITIVE_SITES, int(np.ceil(MIN_POSITIVE_SHARE * n)))
    for j, c in enumerate(criteria):
        col = x[:, j]
        if c.coverage == "positive":
            basis = (support or {}).get(c.name, col)
            k = int(np.sum(np.nan_to_num(np.asarray(basis, dtype=float)) > 0))
            if k < need:
                out[c.name] = Note("off_positive", crit=c.name, n=k, need=need)
        else:
            k = int(np.isfinite(col).sum())
            if k < MIN_OBSERVED_SHARE * n:
                out[c.name] = Note("off_observed", crit=c.name, n=k, total=n)
    return out


@dataclass(frozen=True)
class FilledMatrix:
    """A decision matrix after the missing-value rules ran.

    ``values`` is sites x criteria (float, no NaN); ``criteria`` the criteria kept, in column
    order; ``filled`` a boolean mask of the cells that were missing and got a value;
    ``dropped`` the names of criteria removed by the ``exclude`` rule (or because no site has
    a value); ``notes`` one line per rule that changed something.
    """

    values: np.ndarray
    criteria: tuple[Criterion, ...]
    filled: np.ndarray
    dropped: tuple[str, ...]
    notes: tuple[Note, ...]


def apply_missing_rules(
    values: np.ndarray, criteria: tuple[Criterion, ...] | list[Criterion]
) -> FilledMatrix:
    """Fill missing values (NaN) by each criterion's rule.

    Parameters
    ----------
    values : array of shape (n_sites, n_criteria)
        Raw values; NaN marks a missing value.
    criteria : sequence of Criterion
        One per column.

    Returns
    -------
    FilledMatrix

    Examples
    --------
    >>> c = (Criterion("a", "labour", "benefit", "person"), Criterion("b", "cost", "cost", "CNY", "median"))
    >>> m = apply_missing_rules(np.array([[1.0, 10.0], [np.nan, np.nan], [3.0, 30.0]]), c)
    >>> m.values[1].tolist()
    [1.0, 20.0]
    """
    x = np.asarray(values, dtype=float)
    criteria = tuple(criteria)
    if x.ndim != 2 or x.shape[1] != len(criteria):
        raise ModelInputError(
            f"matrix has shape {x.shape}, expected (sites, {len(criteria)}) for the criteria given"
        )
    if np.isinf(x).any():
        raise ModelInputError("criteria values must be finite (NaN marks a missing value)")
    missing = np.isnan(x)
    keep: list[int] = []
    dropped: list[str] = []
    notes: list[Note] = []
    out = x.copy()
    for j, c in enumerate(criteria):
        col = x[:, j]
        miss = missing[:, j]
        n_miss = int(miss.sum())
        if n_miss == len(col):
            dropped.append(c.name)
            notes.append(Note("dropped", crit=c.name))
            continue
        if n_miss == 0:
            keep.append(j)
            continue
        observed = col[~miss]
        if c.missing_rule == "exclude":
            dropped.append(c.name)
            notes.append(Note("excluded", crit=c.name, n=n_miss))
            continue
        if c.missing_rule == "worst":
            fill = observed.min() if c.is_benefit else observed.max()
        elif c.missing_rule == "median":
            fill = float(np.median(observed))
        else:
            fill = 0.0
        out[miss, j] = fill
        keep.append(j)
        notes.append(
            Note(
                "filled", crit=c.name, n=n_miss, rule=c.missing_rule, fill=float(fill), unit=c.unit
            )
        )
    return FilledMatrix(
        values=out[:, keep],
        criteria=tuple(criteria[j] for j in keep),
        filled=missing[:, keep],
        dropped=tuple(dropped),
        notes=tuple(notes),
    )
