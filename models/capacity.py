"""What a center of a given size carries: the peak-hour calls its agents answer at a target.

The inverse of :func:`models.staffing.compute_staffing`: staffing turns calls into agents,
capacity turns agents (one per seat in the design hour) into the largest offered calls per hour
for which that many agents still meet the service-level target. Agents needed never fall as
calls rise, so the answer is found by bisection on the calls.
"""

from __future__ import annotations

from models.errors import ModelInputError
from models.staffing import check_fraction, check_positive, compute_staffing


def calls_per_hour_capacity(
    agents: int,
    aht_seconds: float,
    *,
    target_sl: float = 0.8,
    answer_seconds: float = 20.0,
    patience_seconds: float | None = None,
    max_occupancy: float = 1.0,
    resolution_calls: float = 0.5,
) -> float:
    """Largest offered calls per hour that ``agents`` agents answer at the target.

    Parameters
    ----------
    agents : int
        Agents on the phones in the design hour (a center's seats), ``>= 1``.
    aht_seconds : float
        Average handle time, seconds.
    target_sl, answer_seconds : float
        Share answered within ``answer_seconds`` (0.8 and 20 for 80/20).
    patience_seconds : float or None
        Mean caller patience: Erlang A instead of Erlang C.
    max_occupancy : float
        Cap on agent occupancy (1 = none).
    resolution_calls : float
        Precision of the answer, calls per hour.

    Returns
    -------
    float
        Calls per hour (rounded down to ``resolution_calls``); :func:`compute_staffing` of that
        volume needs at most ``agents`` agents.

    Examples
    --------
    >>> c = calls_per_hour_capacity(74, 240, target_sl=0.8, answer_seconds=20)
    >>> 1000 <= c < 1030
    True
    >>> compute_staffing(c, 240, target_sl=0.8, answer_seconds=20).agents <= 74
    True
    """
    if not isinstance(agents, int) or agents < 1:
        raise ModelInputError(f"agents must be a whole number >= 1, got {agents!r}")
    check_positive("aht_seconds", aht_seconds)
    check_fraction("target_sl", target_sl, open_top=True)
    check_positive("resolution_calls", resolution_calls)

    def needed(calls: float) -> int:
        return compute_staffing(
            calls,
            aht_seconds,
            target_sl=target_sl,
            answer_seconds=answer_seconds,
            patience_seconds=patience_seconds,
            max_occupancy=max_occupancy,
        ).agents

    low = 0.0
    # Erlang C needs more agents than the offered load; with patience (Erlang A) callers who
    # hang up lighten it, so the top bound doubles until it is out of reach
    high = agents * 3600.0 / aht_seconds
    while needed(high) <= agents:
        low, high = high, high * 2.0
    while high - low > resolution_calls:
        mid = (low + high) / 2.0
        if needed(mid) <= agents:
            low = mid
        else:
            high = mid
    return low - low % resolution_calls
