"""The statistics bound to their store, clock and acting staff member: what screens call.

Every figure, forecast and export goes through here, so the sign-in issue can
restrict it to the manager and audit it in one place. The modules that count
load when a figure is first asked for, not with the screens.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from app.services.access.actor import Desk, allowed, open_read
from app.services.access.audit import record
from app.store.engine import Store


@allowed("statistics")
def read_figures(desk: Desk, first: date, last: date) -> dict[str, Any]:
    """Every figure of the business days first..last (see docs/statistics.md)."""
    from app.services.stats.figures import period_figures

    return period_figures(desk.store, first, last, desk.clock.now())


@allowed("statistics")
def read_forecast(desk: Desk, start: date, days: int = 7) -> dict[str, Any]:
    """The staffing the days from ``start`` need, hour by hour (Erlang C), beside what was
    staffed on the days that have passed (docs/statistics.md)."""
    from app.services.stats.forecast import staffing_forecast

    return staffing_forecast(desk.store, desk.clock, start, days)


def _labels(store: Store) -> dict[str, dict[str, str]]:
    """The catalog's Swedish labels for the codes the figures name."""
    from app.services.stats.export import catalog_labels

    return catalog_labels(store)


@allowed("statistics")
def export_period(
    desk: Desk,
    first: date,
    last: date,
    fmt: str,
    out: Path,
    *,
    writer: Callable[[dict[str, Any]], Path] | None = None,
) -> Path:
    """Write the period's figures as CSV (a folder) or XLSX, or through ``writer`` (the PDF
    report, painted by the app); returns what was written. Every export is audited."""
    from app.services.stats.export import export_figures

    figures = read_figures(desk, first, last)
    written = (
        writer(figures) if writer is not None else export_figures(figures, fmt, out, desk.store)
    )
    with desk.store.write() as session:  # the range and format, never the file's name
        record(session, desk.clock.now(), "export", first=first, last=last, format=fmt)
    return written


class StatsDesk(Desk):
    """Figures for a period, the staffing forecast and the exports, for one staff member."""

    figures = read_figures
    forecast = read_forecast
    labels = open_read(_labels)
    export = export_period
