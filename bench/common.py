"""Timing helpers shared by the benchmarks: repeated timing, median and p99, ratios, budgets.

A bench module exposes ``run() -> list[dict]``; each dict is one figure::

    {"name": "...", "value": 1.23, "unit": "ms", "budget": "≤ 2", "note": "..."}

``budget`` is None (reported, not budgeted), a number (the value must not exceed
it) or a string such as "≤ 3" or "≥ 100"; a figure may also carry ``ok`` itself.
"""

from __future__ import annotations

import math
import re
import statistics
import time
from collections.abc import Callable, Sequence
from typing import Any


def time_calls(
    fn: Callable[[], Any],
    iterations: int,
    *,
    warmup: int = 0,
    between: Callable[[], Any] | None = None,
) -> list[float]:
    """Seconds taken by each of `iterations` calls of fn (after `warmup` untimed ones).

    `between` runs untimed after every call (to reset or refill what fn consumes).
    """
    for _ in range(warmup):
        fn()
        if between is not None:
            between()
    samples = []
    for _ in range(iterations):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
        if between is not None:
            between()
    return samples


def median(samples: Sequence[float]) -> float:
    """The median of the samples."""
    return statistics.median(samples)


def percentile(samples: Sequence[float], pct: float) -> float:
    """The nearest-rank percentile (p99: pct=99) of the samples."""
    ordered = sorted(samples)
    rank = max(1, math.ceil(pct / 100 * len(ordered)))
    return ordered[rank - 1]


def ms(seconds: float) -> float:
    """Seconds as milliseconds, rounded for a table."""
    return round(seconds * 1000, 3)


def ratio_text(value: float, baseline: float, what: str = "", base_what: str = "") -> str:
    """ "2.10× (0.840 ms app / 0.400 ms raw)": a ratio with both sides shown."""
    left = f"{value * 1000:.3f} ms{' ' + what if what else ''}"
    right = f"{baseline * 1000:.3f} ms{' ' + base_what if base_what else ''}"
    return f"{value / baseline:.2f}× ({left} / {right})"


_BUDGET = re.compile(r"^\s*(≤|<=|<|≥|>=|>)?\s*([0-9]+(?:\.[0-9]+)?)")


def within_budget(figure: dict[str, Any]) -> bool | None:
    """Whether a figure keeps its budget; None when it has none (or one this cannot read)."""
    if "ok" in figure and figure["ok"] is not None:
        return bool(figure["ok"])
    budget, value = figure.get("budget"), figure.get("value")
    if budget is None or not isinstance(value, int | float):
        return None
    if isinstance(budget, int | float):
        return value <= budget
    match = _BUDGET.match(str(budget))
    if match is None:
        return None
    op, limit = match.group(1) or "≤", float(match.group(2))
    return {
        "≤": value <= limit,
        "<=": value <= limit,
        "<": value < limit,
        "≥": value >= limit,
        ">=": value >= limit,
        ">": value > limit,
    }[op]


def figure(
    name: str, value: float, unit: str, budget: str | float | None = None, note: str = ""
) -> dict[str, Any]:
    """One row of a bench's result."""
    row: dict[str, Any] = {"name": name, "value": value, "unit": unit, "budget": budget}
    row["note"] = note
    return row


def longest_gui_stall(
    app: Any, start: Callable[[], None], finished: Callable[[], bool], timeout_s: float = 120
) -> float:
    """Start work, tick a 5 ms GUI timer until it is finished; the longest gap (ms).

    What the bench itself left in memory (a year of generated rows, the modules
    run before) is collected and frozen first, as the app freezes what its
    start-up loaded (``gc.freeze`` in ui/shell/application.py): the cycle
    collector's pauses over the bench's own leftovers are not the app's stalls.
    """
    import gc

    from PySide6.QtCore import QElapsedTimer, QTimer

    gc.collect()
    gc.freeze()

    watch = QElapsedTimer()
    watch.start()
    gaps: list[float] = []
    last = [watch.elapsed()]

    def tick() -> None:
        now = watch.elapsed()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(tick)
    timer.start()
    start()
    deadline = time.monotonic() + timeout_s
    while not finished() and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.001)
    timer.stop()
    gc.unfreeze()
    return max(gaps) if gaps else 0.0
