"""Erlang C (M/M/c): how many staffed service points a load needs for a service level.

With arrivals at rate λ per hour and a mean service time S, the offered load
is A = λ·S (in Erlangs). With c points (c > A), the chance that a visitor has
to wait at all is Erlang C:

    P(wait) = (A^c / c!) · c/(c − A) / (Σ_{k<c} A^k / k!  +  (A^c / c!) · c/(c − A))

and the share called within a threshold T is 1 − P(wait) · e^(−(c − A)·T/S).
"""

from __future__ import annotations

import math


def erlang_c(load: float, points: int) -> float:
    """The chance of waiting with ``points`` servers and ``load`` Erlangs (1.0 if overloaded)."""
    if load <= 0:
        return 0.0
    if points <= load:
        return 1.0
    # Terms A^k/k! built up one by one: no factorials, no overflow for large offices.
    term, total = 1.0, 1.0
    for k in range(1, points):
        term *= load / k
        total += term
    top = term * load / points * points / (points - load)
    return top / (total + top)


def service_level(load: float, points: int, service_s: float, threshold_s: float) -> float:
    """The share of visitors called within ``threshold_s`` seconds."""
    if load <= 0:
        return 1.0
    if points <= load or service_s <= 0:
        return 0.0
    waiting = erlang_c(load, points)
    return 1.0 - waiting * math.exp(-(points - load) * threshold_s / service_s)


def points_needed(
    arrivals_per_hour: float,
    service_s: float,
    threshold_s: float,
    target: float,
    *,
    most: int = 200,
) -> int:
    """The fewest staffed points that call ``target`` of visitors within the threshold."""
    if arrivals_per_hour <= 0 or service_s <= 0:
        return 0
    load = arrivals_per_hour * service_s / 3600.0
    points = max(1, math.floor(load) + 1)
    while points < most and service_level(load, points, service_s, threshold_s) < target:
        points += 1
    return points
