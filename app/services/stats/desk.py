"""The statistics bound to their store, clock and acting staff member: what screens call.

Every figure, forecast and export goes through here, so the sign-in issue can
restrict it to the manager and audit it in one place.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from app.services.access.actor import NOBODY, Actor, allowed
from app.services.access.audit import record
from app.services.office.clock import Clock
from app.store.engine import Store


@dataclass(frozen=True)
class StatsDesk:
    """Figures for a period, the staffing forecast and the exports, for one staff member."""

    store: Store
    clock: Clock
    actor: Actor = NOBODY

    @allowed("statistics")
    def figures(self, first: date, last: date) -> dict[str, Any]:
        """Every figure of the business days first..last (see docs/statistics.md)."""
        from app.services.stats.figures import period_figures

        return period_figures(self.store, first, last, self.clock.now())

    @allowed("statistics")
    def forecast(self, start: date, days: int = 7) -> dict[str, Any]:
        """The staffing the coming days need, hour by hour (Erlang C)."""
        from app.services.stats.forecast import staffing_forecast

        return staffing_forecast(self.store, self.clock, start, days)

    def labels(self) -> dict[str, dict[str, str]]:
        """The catalog's Swedish labels for the codes the figures name."""
        from app.services.stats.export import catalog_labels

        return catalog_labels(self.store)

    @allowed("statistics")
    def export(self, first: date, last: date, fmt: str, out: Path) -> Path:
        """Write the period's figures as CSV (a folder), XLSX or PDF; returns what was written."""
        from app.services.stats.export import export_figures

        written = export_figures(self.figures(first, last), fmt, out, self.store)
        with self.store.write() as session:  # the range and format, never the file's name
            record(session, self.clock.now(), "export", first=first, last=last, format=fmt)
        return written
