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


#: largest block evaluated at once by the vectorised functions: queues, and queues x queue states
_BLOCK_QUEUES = 128
_BLOCK_ELEMENTS = 2_000_000


def _log_low_sum(n: np.ndarray, a: np.ndarray) -> np.ndarray:
    """``log(sum_{k<n} a^k / k!)`` elementwise: ``a + log Q(n, a)`` with a series where Q underflows."""
    q = special.gammaincc(n, a)
    with np.errstate(divide="ignore"):
        out = a + np.log(q)
    bad = ~np.isfinite(out) | (q < 1e-280)
    if np.any(bad):
        # far fewer agents than the load: terms rise with k, so sum from the top term down,
        # a^(n-1)/(n-1)! x (1 + (n-1)/a + (n-1)(n-2)/a^2 + ...), ratio below about 0.85 here
        nb, ab = n[bad], a[bad]
        m = np.arange(1, 600, dtype=float)
        factors = np.clip((nb[:, None] - m[None, :]) / ab[:, None], 0.0, None)
        series = 1.0 + np.cumprod(factors, axis=1).sum(axis=1)
        out = np.array(out)
        out[bad] = (nb - 1.0) * np.log(ab) - special.gammaln(nb) + np.log(series)
    return out


def _tail_length(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Queue states kept per queue, past the most likely queue length ``max(0, y - x)``.

    Beyond it the terms fall at least like ``exp(-j^2 / 2y)``, so ``9 sqrt(y + 1) + 10`` more
    states leave out less than ``1e-17`` of the mass (the scalar version keeps more).
    """
    return np.ceil(np.maximum(0.0, y - x) + 9.0 * np.sqrt(y + 1.0) + 10.0).astype(np.int64)


def _measures_block(n, lam, aht, patience, answer, tails) -> dict[str, np.ndarray]:
    """Erlang A measures of a block of queues with loads > 0, one (queue x j) array each."""
    mu, theta = 1.0 / aht, 1.0 / patience
    a = lam / mu
    x = n * mu / theta
    y = lam / theta
    width = int(tails.max()) + 1
    j = np.arange(width, dtype=float)
    # log(x + i) for i = 1..width: cumulative sums give prod (x + i), digamma differences and
    # the negative-binomial terms of the incomplete beta function
    log_xi = np.log(x[:, None] + j[None, :] + 1.0)
    cum_log_xi = np.cumsum(log_xi, axis=1)
    prod_before = np.concatenate([np.zeros((len(n), 1)), cum_log_xi[:, :-1]], axis=1)
    log_head = n * np.log(a) - special.gammaln(n + 1.0)
    log_queue = log_head[:, None] + j[None, :] * np.log(y)[:, None] - prod_before
    log_queue = np.where(j[None, :] <= tails[:, None], log_queue, -np.inf)
    log_low = _log_low_sum(n, a)
    top = np.maximum(log_queue.max(axis=1), log_low)
    log_norm = top + np.log(np.exp(log_low - top) + np.exp(log_queue - top[:, None]).sum(axis=1))
    p_queue = np.exp(log_queue - log_norm[:, None])
    p_low = np.exp(log_low - log_norm)
    served = x[:, None] / (x[:, None] + j[None, :] + 1.0)
    # I_F(j + 1, x + 1) = 1 - sum_{i<=j} C(x + i, i) F^i (1 - F)^(x + 1), 1 - F = exp(-theta T)
    theta_t = theta * answer
    with np.errstate(divide="ignore"):
        log_f = np.log(-np.expm1(-theta_t))
    # with prod_before[i] = sum_{m=1..i} log(x + m) = log Gamma(x + i + 1) - log Gamma(x + 1)
    with np.errstate(invalid="ignore"):
        log_terms = (
            -theta_t[:, None] * (x[:, None] + 1.0)
            + np.where(j[None, :] > 0, j[None, :] * log_f[:, None], 0.0)
            + prod_before
            - special.gammaln(j + 1.0)[None, :]
        )
    incomplete = np.clip(1.0 - np.cumsum(np.exp(log_terms), axis=1), 0.0, 1.0)
    incomplete = np.where((theta_t > 0)[:, None], incomplete, 0.0)
    within = served * incomplete
    wait_if_served = np.cumsum(1.0 / (x[:, None] + j[None, :] + 1.0), axis=1) / theta[:, None]
    wait_probability = p_queue.sum(axis=1)
    abandon = (p_queue * (1.0 - served)).sum(axis=1)
    service_level = p_low + (p_queue * within).sum(axis=1)
    answered = 1.0 - abandon
    with np.errstate(divide="ignore", invalid="ignore"):
        asa = np.where(
            answered > 0, (p_queue * served * wait_if_served).sum(axis=1) / answered, np.inf
        )
    return {
        "service_level": np.clip(service_level, 0.0, 1.0),
        "abandon_rate": np.clip(abandon, 0.0, 1.0),
        "asa_seconds": asa,
        "mean_wait_seconds": abandon / theta,
        "wait_probability": np.minimum(wait_probability, 1.0),
        "occupancy": np.minimum(a * answered / n, 1.0),
    }


def erlang_a_measures_many(
    agents, calls_per_hour, aht_seconds, patience_seconds, answer_seconds
) -> dict[str, np.ndarray]:
    """:func:`erlang_a_measures` for many queues at once (arrays broadcast together).

    Queues are evaluated in blocks as ``(queue x callers queued)`` arrays: the sums over the
    queue of the scalar version become cumulative sums of ``log(x + i)`` (the products, digamma
    differences and incomplete-beta terms all derive from them), so a block costs a handful of
    numpy calls whatever its size.

    Examples
    --------
    >>> m = erlang_a_measures_many([60, 70], 1000, 240, 120, 20)
    >>> bool(m["service_level"][1] > m["service_level"][0])
    True
    >>> s = erlang_a_measures(70, 1000, 240, 120, 20)
    >>> abs(float(m["service_level"][1]) - s["service_level"]) < 1e-12
    True
    """
    n, lam, aht, patience, answer = np.broadcast_arrays(
        np.asarray(agents, dtype=float),
        np.asarray(calls_per_hour, dtype=float) / 3600.0,
        np.asarray(aht_seconds, dtype=float),
        np.asarray(patience_seconds, dtype=float),
        np.asarray(answer_seconds, dtype=float),
    )
    shape = n.shape
    n, lam, aht, patience, answer = (v.ravel() for v in (n, lam, aht, patience, answer))
    if np.any(n < 1):
        raise ModelInputError("agents must be at least 1")
    if np.any(~np.isfinite(patience) | (patience <= 0)):
        raise ModelInputError("patience_seconds must be positive and finite")
    keys = (
        "service_level",
        "abandon_rate",
        "asa_seconds",
        "mean_wait_seconds",
        "wait_probability",
        "occupancy",
    )
    out = {k: np.zeros(n.shape) for k in keys}
    out["service_level"][:] = 1.0
    busy = np.nonzero(lam > 0)[0]
    if busy.size:
        tails = _tail_length(n[busy] * patience[busy] / aht[busy], lam[busy] * patience[busy])
        order = busy[np.argsort(tails, kind="stable")]
        tails = np.sort(tails, kind="stable")
        start = 0
        while start < order.size:
            stop = start + 1
            while (
                stop < order.size
                and stop - start < _BLOCK_QUEUES
                and (stop - start + 1) * (tails[stop] + 1) <= _BLOCK_ELEMENTS
            ):
                stop += 1
            idx = order[start:stop]
            block = _measures_block(
                n[idx], lam[idx], aht[idx], patience[idx], answer[idx], tails[start:stop]
            )
            for k in keys:
                out[k][idx] = block[k]
            start = stop
    return {k: v.reshape(shape) for k, v in out.items()}


def required_agents_erlang_a_many(
    calls_per_hour,
    aht_seconds,
    patience_seconds,
    *,
    target_sl: float | None = None,
    answer_seconds=20.0,
    target_asa_seconds: float | None = None,
    max_abandon_rate: float | None = None,
    max_occupancy: float = 1.0,
    max_agents: int = 1_000_000,
) -> np.ndarray:
    """:func:`required_agents_erlang_a` for many queues: the same doubling and bisection, in step.

    Every queue still searching is evaluated in one :func:`erlang_a_measures_many` call per
    step, so a thousand queues cost about as many numpy calls as one.

    Examples
    --------
    >>> required_agents_erlang_a_many([1000, 2000], 240, [120, 60], target_sl=0.8).tolist()
    [66, 120]
    >>> required_agents_erlang_a(2000, 240, 60, target_sl=0.8)
    120
    """
    if (
        target_sl is None
        and target_asa_seconds is None
        and max_abandon_rate is None
        and max_occupancy >= 1
    ):
        raise ModelInputError("give a service-level, ASA, abandonment or occupancy target")
    cph, aht, patience, answer = (
        v.astype(float).ravel()
        for v in np.broadcast_arrays(
            np.asarray(calls_per_hour, dtype=float),
            np.asarray(aht_seconds, dtype=float),
            np.asarray(patience_seconds, dtype=float),
            np.asarray(answer_seconds, dtype=float),
        )
    )
    shape = np.broadcast_shapes(
        np.shape(calls_per_hour),
        np.shape(aht_seconds),
        np.shape(patience_seconds),
        np.shape(answer_seconds),
    )

    def feasible(idx: np.ndarray, agents: np.ndarray) -> np.ndarray:
        m = erlang_a_measures_many(agents, cph[idx], aht[idx], patience[idx], answer[idx])
        ok = m["occupancy"] <= max_occupancy + 1e-12
        if target_sl is not None:
            ok &= m["service_level"] >= target_sl - 1e-12
        if target_asa_seconds is not None:
            ok &= m["asa_seconds"] <= target_asa_seconds + 1e-12
        if max_abandon_rate is not None:
            ok &= m["abandon_rate"] <= max_abandon_rate + 1e-12
        return ok

    load = cph * aht / 3600.0
    result = np.zeros(cph.shape, dtype=np.int64)
    busy = np.nonzero(cph > 0)[0]
    if busy.size:
        lo = np.maximum(1, np.floor(load[busy] * 0.5)).astype(np.int64)
        if target_sl is not None and target_sl > 0:
            # answered calls are at least target_sl of the load and n exceeds the carried load,
            # so fewer than load x target_sl agents never meet the target: no need to test them
            lo = np.maximum(np.ceil(load[busy] * target_sl * (1 - 1e-9)).astype(np.int64) - 1, 0)
            first = np.zeros(busy.shape, dtype=bool)
        else:
            first = feasible(busy, lo)
        hi = np.where(
            first, lo, np.maximum(lo + 1, np.ceil(load[busy] + 3.0 * np.sqrt(load[busy]) + 1.0))
        ).astype(np.int64)
        lo = np.where(first, 0, lo)
        pending = np.nonzero(~first)[0]
        while pending.size:
            ok = feasible(busy[pending], hi[pending])
            grow = pending[~ok]
            lo[grow] = hi[grow]
            hi[grow] *= 2
            if np.any(hi[grow] > max_agents):
                raise ModelInputError(f"no staffing up to {max_agents} agents meets the targets")
            pending = grow
        active = np.nonzero(hi - lo > 1)[0]
        while active.size:
            mid = (lo[active] + hi[active]) // 2
            ok = feasible(busy[active], mid)
            hi[active[ok]] = mid[ok]
            lo[active[~ok]] = mid[~ok]
            active = active[hi[active] - lo[active] > 1]
        result[busy] = hi
    return result.reshape(shape)
