"""Erlang A: the M/M/n+M queue of Garnett, Mandelbaum and Reiman (2002), callers who hang up.

Callers arrive at rate ``lam``, are served in exponential time of mean AHT (rate ``mu``) by ``n``
agents, and abandon after an exponential patience of mean ``patience_seconds`` (rate ``theta``).
The number in system is a birth-death chain; with ``x = n mu / theta`` and ``y = lam / theta``
its stationary probabilities are ``pi_k ∝ a^k / k!`` for ``k < n`` (``a = lam / mu``) and
``pi_{n+j} ∝ a^n / n! * y^j / prod_{i=1..j} (x + i)`` for ``j >= 0`` callers in queue. They are
computed in logs and normalised with ``logsumexp`` (stable for thousands of agents), truncated
where the queue tail is below 1e-16 of the mass.

A caller who arrives to find ``j`` callers queued reaches an agent after a sum of exponential
stages of rates ``theta (x + i)``, ``i = j .. 0`` (services plus abandonments of those ahead), and
is answered if that comes before its own patience runs out. Integrating gives, per ``j``:

* answered at all: ``x / (x + j + 1)``
* answered within ``T``: ``x / (x + j + 1) * I_F(j + 1, x + 1)`` with ``F = 1 - exp(-theta T)``
  and ``I`` the regularised incomplete beta function,
* mean wait if answered: ``(psi(x + j + 2) - psi(x + 1)) / theta`` (``psi`` the digamma).

Averaging over ``pi`` (arrivals see time averages) gives the service level (share of *all*
offered calls answered within T; abandoned calls count as not answered), the abandonment rate,
the ASA of answered calls and the occupancy ``a (1 - P_ab) / n``. The queue is stable for any
number of agents because callers abandon.
"""

from __future__ import annotations

import numpy as np
from scipy import special

from models.errors import ModelInputError


def erlang_a_measures(
    agents: int,
    calls_per_hour: float,
    aht_seconds: float,
    patience_seconds: float,
    answer_seconds: float,
) -> dict[str, float]:
    """Service level, abandonment, ASA, waiting probability and occupancy of an M/M/n+M queue.

    Parameters
    ----------
    agents : int
        Agents logged in, ``>= 1``.
    calls_per_hour : float
        Offered calls per hour, ``>= 0``.
    aht_seconds, patience_seconds, answer_seconds : float
        Average handle time, average patience and the service-level threshold T, seconds.

    Returns
    -------
    dict
        ``service_level``, ``abandon_rate`` (share of offered calls that hang up),
        ``asa_seconds`` (mean wait of answered calls), ``mean_wait_seconds`` (all callers),
        ``wait_probability`` (share that must queue) and ``occupancy``.

    Examples
    --------
    >>> m = erlang_a_measures(70, 1000, 240, 120, 20)
    >>> 0 < m["abandon_rate"] < 0.05 and 0.7 < m["service_level"] < 1
    True
    """
    n = int(agents)
    if n < 1:
        raise ModelInputError("agents must be at least 1")
    if patience_seconds <= 0 or not np.isfinite(patience_seconds):
        raise ModelInputError("patience_seconds must be positive and finite")
    lam = float(calls_per_hour) / 3600.0
    if lam <= 0:
        return {
            "service_level": 1.0,
            "abandon_rate": 0.0,
            "asa_seconds": 0.0,
            "mean_wait_seconds": 0.0,
            "wait_probability": 0.0,
            "occupancy": 0.0,
        }
    mu = 1.0 / float(aht_seconds)
    theta = 1.0 / float(patience_seconds)
    a = lam / mu
    x = n * mu / theta
    y = lam / theta
    tail = int(np.ceil(max(0.0, y - x) + 12.0 * np.sqrt(y + 1.0) + 40.0))
    k = np.arange(n, dtype=float)
    j = np.arange(tail + 1, dtype=float)
    log_a = np.log(a)
    log_low = k * log_a - special.gammaln(k + 1.0)
    log_queue = (
        n * log_a
        - special.gammaln(n + 1.0)
        + j * np.log(y)
        - (special.gammaln(x + j + 1.0) - special.gammaln(x + 1.0))
    )
    log_all = np.concatenate([log_low, log_queue])
    log_norm = special.logsumexp(log_all)
    p_low = np.exp(log_low - log_norm)
    p_queue = np.exp(log_queue - log_norm)
    served_given_j = x / (x + j + 1.0)
    f_t = -np.expm1(-theta * float(answer_seconds))
    within_given_j = served_given_j * special.betainc(j + 1.0, x + 1.0, f_t)
    wait_if_served = (special.digamma(x + j + 2.0) - special.digamma(x + 1.0)) / theta
    wait_probability = float(p_queue.sum())
    abandon = float(np.dot(p_queue, 1.0 - served_given_j))
    service_level = float(p_low.sum() + np.dot(p_queue, within_given_j))
    served = 1.0 - abandon
    asa = float(np.dot(p_queue, served_given_j * wait_if_served) / served) if served > 0 else np.inf
    return {
        "service_level": min(max(service_level, 0.0), 1.0),
        "abandon_rate": min(max(abandon, 0.0), 1.0),
        "asa_seconds": asa,
        "mean_wait_seconds": abandon / theta,
        "wait_probability": min(wait_probability, 1.0),
        "occupancy": min(a * served / n, 1.0),
    }


def required_agents_erlang_a(
    calls_per_hour: float,
    aht_seconds: float,
    patience_seconds: float,
    *,
    target_sl: float | None = None,
    answer_seconds: float = 20.0,
    target_asa_seconds: float | None = None,
    max_abandon_rate: float | None = None,
    max_occupancy: float = 1.0,
    max_agents: int = 1_000_000,
) -> int:
    """Fewest agents meeting every given target in an M/M/n+M queue (bisection).

    Every measure improves as agents are added, so the set of feasible staffings is
    ``[n*, inf)``; an upper bound is found by doubling and ``n*`` by bisection.

    Examples
    --------
    >>> required_agents_erlang_a(1000, 240, 120, target_sl=0.8, answer_seconds=20) <= 74
    True
    """
    if (
        target_sl is None
        and target_asa_seconds is None
        and max_abandon_rate is None
        and max_occupancy >= 1
    ):
        raise ModelInputError("give a service-level, ASA, abandonment or occupancy target")
    if calls_per_hour <= 0:
        return 0

    def feasible(n: int) -> bool:
        m = erlang_a_measures(n, calls_per_hour, aht_seconds, patience_seconds, answer_seconds)
        if target_sl is not None and m["service_level"] < target_sl - 1e-12:
            return False
        if target_asa_seconds is not None and m["asa_seconds"] > target_asa_seconds + 1e-12:
            return False
        if max_abandon_rate is not None and m["abandon_rate"] > max_abandon_rate + 1e-12:
            return False
        return m["occupancy"] <= max_occupancy + 1e-12

    load = calls_per_hour * aht_seconds / 3600.0
    lo = max(1, int(np.floor(load * 0.5)))
    if feasible(lo):
        lo, hi = 0, lo
    else:
        hi = max(lo + 1, int(np.ceil(load + 3.0 * np.sqrt(load) + 1.0)))
        while not feasible(hi):
            lo, hi = hi, hi * 2
            if hi > max_agents:
                raise ModelInputError(f"no staffing up to {max_agents} agents meets the targets")
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if feasible(mid):
            hi = mid
        else:
            lo = mid
    return hi
