"""Durations as mergeable one-minute histograms: what a day stores, and a period adds up.

A median of medians is not a median: so each day keeps, per figure, the count
of durations in every whole minute (plus their exact sum and maximum), and a
period's median and p90 come from the days' histograms added together. They
are exact to within one bin (a minute); the mean and the maximum are exact.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from itertools import repeat, zip_longest
from operator import floordiv
from typing import Any


@dataclass
class Histogram:
    """Durations in seconds, counted per whole minute (``bins[m]``: how many in minute m)."""

    bins: list[int] = field(default_factory=list)
    count: int = 0
    total_s: int = 0
    max_s: int = 0

    @classmethod
    def of(cls, seconds: Iterable[float]) -> Histogram:
        """A histogram of these durations, as if each were added (counted in C, not per value)."""
        return cls.of_seconds(list(map(round, seconds)))

    @classmethod
    def of_seconds(cls, seconds: list[int]) -> Histogram:
        """A histogram of durations in whole seconds, as if each were added.

        A year's cold statistics count over a million durations: this is the
        loop that has to be fast, so it is a few passes in C over the list.
        """
        if not seconds:
            return cls()
        if min(seconds) < 0:
            seconds = [max(0, s) for s in seconds]
        per_minute = Counter(map(floordiv, seconds, repeat(60)))
        bins = [0] * (max(per_minute) + 1)
        for minute, n in per_minute.items():
            bins[minute] = n
        return cls(bins, len(seconds), sum(seconds), max(seconds))

    def add(self, seconds: float) -> None:
        """Count one duration (negative ones count as 0)."""
        s = max(0, round(seconds))
        minute = s // 60
        bins = self.bins
        if minute >= len(bins):
            bins.extend([0] * (minute + 1 - len(bins)))
        bins[minute] += 1
        self.count += 1
        self.total_s += s
        if s > self.max_s:
            self.max_s = s

    def mean_s(self) -> float | None:
        """The exact mean, or None when empty."""
        return self.total_s / self.count if self.count else None

    def quantile_s(self, q: float) -> float | None:
        """The q-quantile (0.5: median), interpolated within its minute; None when empty."""
        if not self.count:
            return None
        rank = q * self.count
        seen = 0
        for minute, n in enumerate(self.bins):
            if n and seen + n >= rank:
                inside = (rank - seen) / n
                return min(float(self.max_s), (minute + inside) * 60.0)
            seen += n
        return float(self.max_s)

    def share_within(self, seconds: int) -> float | None:
        """The share of durations of at most ``seconds`` (whole minutes), or None when empty."""
        if not self.count:
            return None
        return sum(self.bins[: seconds // 60]) / self.count

    def to_json(self) -> dict[str, Any]:
        """A JSON object; the bins as a list by minute."""
        return {
            "bins": list(self.bins),
            "count": self.count,
            "total_s": self.total_s,
            "max_s": self.max_s,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any] | None) -> Histogram:
        """Read back what :meth:`to_json` wrote (an empty one for None)."""
        if not data:
            return cls()
        return cls(
            list(data.get("bins", ())),
            int(data.get("count", 0)),
            int(data.get("total_s", 0)),
            int(data.get("max_s", 0)),
        )

    @classmethod
    def added(cls, stored: Iterable[Mapping[str, Any] | None]) -> Histogram:
        """One histogram of stored ones (what :meth:`to_json` wrote), added up at once.

        A year's figures add up thousands of them: column by column, in C,
        rather than one at a time.
        """
        present = [data for data in stored if data]
        if len(present) < 2:
            return cls.from_json(present[0] if present else None)
        columns = zip_longest(*(data.get("bins", ()) for data in present), fillvalue=0)
        return cls(
            list(map(sum, columns)),
            sum(int(data.get("count", 0)) for data in present),
            sum(int(data.get("total_s", 0)) for data in present),
            max(int(data.get("max_s", 0)) for data in present),
        )
