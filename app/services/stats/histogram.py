"""Durations as mergeable one-minute histograms: what a day stores, and a period adds up.

A median of medians is not a median: so each day keeps, per figure, the count
of durations in every whole minute (plus their exact sum and maximum), and a
period's median and p90 come from the days' histograms added together. They
are exact to within one bin (a minute); the mean and the maximum are exact.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Histogram:
    """Durations in seconds, counted per whole minute (``bins[m]``: how many in minute m)."""

    bins: list[int] = field(default_factory=list)
    count: int = 0
    total_s: int = 0
    max_s: int = 0

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

    def merge(self, other: Histogram) -> None:
        """Add another histogram's durations to this one."""
        mine, theirs = self.bins, other.bins
        if len(theirs) > len(mine):
            mine.extend([0] * (len(theirs) - len(mine)))
        for minute, n in enumerate(theirs):
            if n:
                mine[minute] += n
        self.count += other.count
        self.total_s += other.total_s
        self.max_s = max(self.max_s, other.max_s)

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


def merged(histograms: Iterable[Histogram]) -> Histogram:
    """One histogram of all of them."""
    out = Histogram()
    for h in histograms:
        out.merge(h)
    return out
