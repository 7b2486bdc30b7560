"""Erlang B and Erlang C (M/M/n queue) formulas, vectorised and stable for large centers.

Erlang B is computed as a ratio of Poisson terms, ``B(n, A) = p(n; A) / P(N <= n; A)``, with the
log-pmf from ``gammaln`` and the cdf from the regularised incomplete gamma function, so that a
center of 5,000 agents is as exact as one of 5. Where that cdf underflows (far fewer agents than
the offered load) the classic recursion ``1/B(k) = 1 + k/(A B(k-1))`` takes over.

A queue with no more agents than its offered load (``agents <= traffic_erlangs``) has no steady
state: every caller waits and the queue grows. It is reported as *understaffed*: waiting
probability 1, service level 0 and an unbounded (infinite) average speed of answer, never a
probability above 1 or a negative wait.
"""

from __future__ import annotations

import numpy as np
from scipy import special

from models.errors import ModelInputError


def traffic_erlangs(calls_per_hour, aht_seconds):
    """Offered load in erlangs: calls per hour times average handle time in hours.

    Examples
    --------
    >>> traffic_erlangs(1000, 240)
    66.66666666666667
    """
    if np.ndim(calls_per_hour) or np.ndim(aht_seconds):
        return (
            np.asarray(calls_per_hour, dtype=float) * np.asarray(aht_seconds, dtype=float) / 3600.0
        )
    return float(calls_per_hour) * float(aht_seconds) / 3600.0


def _erlang_b_recursion(agents: int, traffic: float) -> float:
    inverse = 1.0
    for k in range(1, int(agents) + 1):
        inverse = 1.0 + inverse * k / traffic
    return 1.0 / inverse


def erlang_b(agents, traffic_erlangs):
    """Blocking probability of an M/M/n/n system (Erlang B), elementwise.

    Parameters
    ----------
    agents : int or array of int
        Servers, ``>= 0``.
    traffic_erlangs : float or array
        Offered load in erlangs, ``>= 0``.

    Examples
    --------
    >>> round(float(erlang_b(2, 2.0)), 6)
    0.4
    """
    n = np.asarray(agents, dtype=float)
    a = np.asarray(traffic_erlangs, dtype=float)
    n, a = np.broadcast_arrays(n, a)
    out = np.zeros(n.shape, dtype=float)
    zero_load = a <= 0
    with np.errstate(divide="ignore", invalid="ignore", over="ignore", under="ignore"):
        safe_a = np.where(zero_load, 1.0, a)
        log_pmf = n * np.log(safe_a) - safe_a - special.gammaln(n + 1.0)
        cdf = special.gammaincc(n + 1.0, safe_a)
        ratio = np.exp(log_pmf - np.log(cdf))
    out = np.where(zero_load, np.where(n == 0, 1.0, 0.0), ratio)
    bad = ~zero_load & ~(np.isfinite(out) & (cdf > 1e-290))
    if np.any(bad):
        idx = np.nonzero(bad)
        out = np.array(out, dtype=float)
        out[idx] = [_erlang_b_recursion(k, t) for k, t in zip(n[idx], a[idx], strict=True)]
    out = np.clip(out, 0.0, 1.0)
    return out if out.ndim else float(out)


def erlang_c(agents, traffic_erlangs):
    """Probability that a caller waits in an M/M/n queue (Erlang C), elementwise.

    Returns 1.0 for an understaffed queue (``agents <= traffic_erlangs``) and 0.0 for no load.

    Examples
    --------
    >>> round(float(erlang_c(2, 1.0)), 6)
    0.333333
    """
    n = np.asarray(agents, dtype=float)
    a = np.asarray(traffic_erlangs, dtype=float)
    n, a = np.broadcast_arrays(n, a)
    b = np.asarray(erlang_b(n, a), dtype=float)
    stable = n > a
    with np.errstate(divide="ignore", invalid="ignore"):
        c = np.where(stable, n * b / (n - a * (1.0 - b)), 1.0)
    c = np.where(a <= 0, 0.0, np.clip(c, 0.0, 1.0))
    return c if c.ndim else float(c)


def erlang_c_measures(agents, traffic, aht_seconds, answer_seconds):
    """Service level, ASA, waiting probability and occupancy of M/M/n queues, elementwise.

    Parameters
    ----------
    agents : int or array
        Agents logged in and taking calls.
    traffic : float or array
        Offered load in erlangs.
    aht_seconds : float or array
        Average handle time, seconds.
    answer_seconds : float or array
        Service-level threshold T: a call counts as answered in time if it waits at most T.

    Returns
    -------
    dict of arrays
        ``service_level`` (share of calls answered within T), ``asa_seconds`` (mean wait of all
        callers; ``inf`` when understaffed), ``wait_probability``, ``occupancy`` (share of
        logged-in time busy, at most 1) and ``understaffed`` (bool).

    Examples
    --------
    >>> m = erlang_c_measures(74, traffic_erlangs(1000, 240), 240, 20)
    >>> round(float(m["service_level"]), 3)
    0.846
    """
    n = np.asarray(agents, dtype=float)
    a = np.asarray(traffic, dtype=float)
    aht = np.asarray(aht_seconds, dtype=float)
    t = np.asarray(answer_seconds, dtype=float)
    n, a, aht, t = np.broadcast_arrays(n, a, aht, t)
    c = np.asarray(erlang_c(n, a), dtype=float)
    no_load = a <= 0
    understaffed = (n <= a) & ~no_load
    gap = np.where(understaffed | no_load, 1.0, n - a)
    with np.errstate(over="ignore", under="ignore"):
        sl = 1.0 - c * np.exp(-gap * t / aht)
        asa = c * aht / gap
    sl = np.where(understaffed, 0.0, np.where(no_load, 1.0, np.clip(sl, 0.0, 1.0)))
    asa = np.where(understaffed, np.inf, np.where(no_load, 0.0, asa))
    with np.errstate(divide="ignore", invalid="ignore"):
        occ = np.where(n > 0, np.minimum(a / np.where(n > 0, n, 1.0), 1.0), 0.0)
    return {
        "service_level": sl,
        "asa_seconds": asa,
        "wait_probability": c,
        "occupancy": occ,
        "understaffed": understaffed,
    }


def required_agents_erlang_c(
    traffic,
    aht_seconds,
    *,
    target_sl=None,
    answer_seconds=20.0,
    target_asa_seconds=None,
    max_occupancy: float = 1.0,
    max_agents: int = 1_000_000,
):
    """Fewest agents meeting every given target, elementwise (vectorised search).

    The search starts at the smallest stable staffing, ``max(floor(A) + 1, ceil(A / max_occupancy))``,
    and adds one agent to each queue still short of its targets; service level and ASA improve
    monotonically with agents, so the first staffing that passes is the answer.

    Examples
    --------
    >>> int(required_agents_erlang_c(traffic_erlangs(1000, 240), 240, target_sl=0.8, answer_seconds=20))
    74
    """
    if target_sl is None and target_asa_seconds is None and max_occupancy >= 1.0:
        raise ModelInputError("give a service-level target, an ASA target or a maximum occupancy")
    a = np.atleast_1d(np.asarray(traffic, dtype=float))
    aht = np.broadcast_to(np.asarray(aht_seconds, dtype=float), a.shape)
    t = np.broadcast_to(np.asarray(answer_seconds, dtype=float), a.shape)
    n = np.floor(a) + 1.0
    if max_occupancy < 1.0:
        n = np.maximum(n, np.ceil(a / max_occupancy - 1e-9))
    n = np.where(a <= 0, 0.0, n)
    todo = np.ones(a.shape, dtype=bool)
    todo &= a > 0
    while np.any(todo):
        idx = np.nonzero(todo)[0]
        m = erlang_c_measures(n[idx], a[idx], aht[idx], t[idx])
        ok = np.ones(idx.shape, dtype=bool)
        if target_sl is not None:
            ok &= m["service_level"] >= target_sl - 1e-12
        if target_asa_seconds is not None:
            ok &= m["asa_seconds"] <= target_asa_seconds + 1e-12
        todo[idx[ok]] = False
        n[idx[~ok]] += 1.0
        if np.any(n > max_agents):
            raise ModelInputError(f"no staffing up to {max_agents} agents meets the targets")
    out = n.astype(np.int64)
    return out if np.ndim(traffic) else int(out[0])
