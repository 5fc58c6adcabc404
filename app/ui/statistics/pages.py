"""The period's pages of the Statistik tab: each a chart over a table of the same figures.

:class:`PeriodPages` holds one page per view of the chosen period (arrivals
and staffing per hour, waits, errands, outcomes, the days, the booked visits
when the period has bookings, the staffing the days need, each member of staff)
and draws a period's figures on all of them.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QTabWidget, QWidget

from app.ui.shell.marks import QT_TRANSLATE_NOOP
from app.ui.statistics.charts import ChartPage
from app.ui.statistics.periods import short_date, shown_hours
from app.ui.statistics.staffing import StaffingPage
from app.ui.statistics.table import cell_text, minutes_text, service_level_name

number = cell_text


class PeriodPages(QTabWidget):
    """The pages of a period's figures, and the staffing page."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stats-pages")
        level = service_level_name(15)  # retitled with the office's threshold when shown
        self.arrivals = ChartPage(
            "arrivals",
            (
                ("hour", QT_TRANSLATE_NOOP("FigureTableModel", "Timme"), str),
                ("visitors", QT_TRANSLATE_NOOP("FigureTableModel", "Besökare"), number),
                ("arrivals", QT_TRANSLATE_NOOP("FigureTableModel", "Ankomster"), number),
                (
                    "arrivals_per_day",
                    QT_TRANSLATE_NOOP("FigureTableModel", "Ankomster per dag"),
                    number,
                ),
                (
                    "staffed_points",
                    QT_TRANSLATE_NOOP("FigureTableModel", "Bemannade luckor"),
                    number,
                ),
                (
                    "wait_median_s",
                    QT_TRANSLATE_NOOP("FigureTableModel", "Väntetid, median"),
                    minutes_text,
                ),
                ("service_level", level, number),
                ("queue_max", QT_TRANSLATE_NOOP("FigureTableModel", "Längsta kö"), number),
            ),
            self,
        )
        self.waits = ChartPage(
            "waits",
            (
                ("bucket", QT_TRANSLATE_NOOP("FigureTableModel", "Väntetid"), str),
                ("count", QT_TRANSLATE_NOOP("FigureTableModel", "Besökare"), number),
            ),
            self,
        )
        self.agencies = ChartPage(
            "agencies",
            (
                ("label", QT_TRANSLATE_NOOP("FigureTableModel", "Myndighet"), str),
                ("count", QT_TRANSLATE_NOOP("FigureTableModel", "Ärenden"), number),
            ),
            self,
            horizontal=True,
        )
        self.outcomes = ChartPage(
            "outcomes",
            (
                ("label", QT_TRANSLATE_NOOP("FigureTableModel", "Utfall eller hänvisning"), str),
                ("count", QT_TRANSLATE_NOOP("FigureTableModel", "Ärenden"), number),
            ),
            self,
            horizontal=True,
        )
        self.trend = ChartPage(
            "trend",
            (
                ("day", QT_TRANSLATE_NOOP("FigureTableModel", "Dag"), str),
                ("visitors", QT_TRANSLATE_NOOP("FigureTableModel", "Besökare"), number),
                ("served", QT_TRANSLATE_NOOP("FigureTableModel", "Betjänade"), number),
                ("no_shows", QT_TRANSLATE_NOOP("FigureTableModel", "Uteblev"), number),
                (
                    "wait_median_s",
                    QT_TRANSLATE_NOOP("FigureTableModel", "Väntetid, median"),
                    minutes_text,
                ),
                ("service_level", level, number),
            ),
            self,
        )
        self.bookings = ChartPage(
            "bookings",
            (
                ("day", QT_TRANSLATE_NOOP("FigureTableModel", "Dag"), str),
                ("bookings", QT_TRANSLATE_NOOP("FigureTableModel", "Bokningar"), number),
                (
                    "booked_visitors",
                    QT_TRANSLATE_NOOP("FigureTableModel", "Betjänade med bokning"),
                    number,
                ),
                (
                    "walk_in_visitors",
                    QT_TRANSLATE_NOOP("FigureTableModel", "Betjänade utan bokning"),
                    number,
                ),
                (
                    "missed_bookings",
                    QT_TRANSLATE_NOOP("FigureTableModel", "Uteblivna bokningar"),
                    number,
                ),
                ("missed_share", QT_TRANSLATE_NOOP("FigureTableModel", "Uteblivna, %"), number),
                ("cancelled_bookings", QT_TRANSLATE_NOOP("FigureTableModel", "Avbokade"), number),
                (
                    "punctuality_median_s",
                    QT_TRANSLATE_NOOP("FigureTableModel", "Bokad tid till upprop, median"),
                    minutes_text,
                ),
                (
                    "punctuality_p90_s",
                    QT_TRANSLATE_NOOP("FigureTableModel", "Bokad tid till upprop, 90 %"),
                    minutes_text,
                ),
                (
                    "wait_during_booked_median_s",
                    QT_TRANSLATE_NOOP("FigureTableModel", "Väntetid utan bokning under bokade"),
                    minutes_text,
                ),
                (
                    "wait_outside_booked_median_s",
                    QT_TRANSLATE_NOOP("FigureTableModel", "Väntetid utan bokning övrig tid"),
                    minutes_text,
                ),
            ),
            self,
        )
        self.staffing = StaffingPage(self)
        # The manager's own view of each member of staff: never exported or sent.
        self.staff = ChartPage(
            "staff",
            (
                ("label", QT_TRANSLATE_NOOP("FigureTableModel", "Medarbetare"), str),
                ("served", QT_TRANSLATE_NOOP("FigureTableModel", "Betjänade"), number),
                (
                    "service_median_s",
                    QT_TRANSLATE_NOOP("FigureTableModel", "Betjäningstid, median"),
                    minutes_text,
                ),
                (
                    "service_p90_s",
                    QT_TRANSLATE_NOOP("FigureTableModel", "Betjäningstid, 90 %"),
                    minutes_text,
                ),
            ),
            self,
            horizontal=True,
        )
        for page, title, about in (
            (
                self.arrivals,
                QT_TRANSLATE_NOOP("PeriodPages", "Ankomster och bemanning"),
                QT_TRANSLATE_NOOP("PeriodPages", "Ankomster per timme mot bemannade luckor."),
            ),
            (
                self.waits,
                QT_TRANSLATE_NOOP("PeriodPages", "Väntetider"),
                QT_TRANSLATE_NOOP("PeriodPages", "Hur länge besökarna väntade på upprop."),
            ),
            (
                self.agencies,
                QT_TRANSLATE_NOOP("PeriodPages", "Ärenden"),
                QT_TRANSLATE_NOOP("PeriodPages", "Ärenden per myndighet."),
            ),
            (
                self.outcomes,
                QT_TRANSLATE_NOOP("PeriodPages", "Utfall och hänvisningar"),
                QT_TRANSLATE_NOOP("PeriodPages", "Hur ärendena slutade och vart de gick."),
            ),
            (
                self.trend,
                QT_TRANSLATE_NOOP("PeriodPages", "Över tid"),
                QT_TRANSLATE_NOOP("PeriodPages", "Besökare och betjänade per dag."),
            ),
            (
                self.bookings,
                QT_TRANSLATE_NOOP("PeriodPages", "Bokade besök"),
                QT_TRANSLATE_NOOP("PeriodPages", "Besök med och utan bokning per dag."),
            ),
            (
                self.staffing,
                QT_TRANSLATE_NOOP("PeriodPages", "Bemanning"),
                QT_TRANSLATE_NOOP("PeriodPages", "Luckor som behövs mot luckor som var bemannade."),
            ),
            (
                self.staff,
                QT_TRANSLATE_NOOP("PeriodPages", "Per medarbetare"),
                QT_TRANSLATE_NOOP("PeriodPages", "Betjänade och betjäningstid per medarbetare."),
            ),
        ):
            self.setTabToolTip(self.addTab(page, self.tr(title)), self.tr(about))
            (page.page if isinstance(page, StaffingPage) else page).name_for(self.tr(title))
        self.tabBar().setObjectName("stats-pages-bar")
        self.tabBar().setAccessibleName(self.tr("Statistikens sidor"))
        self.tabBar().setAccessibleDescription(self.tr("Byt sida med piltangenterna."))
        self.setTabVisible(self.indexOf(self.bookings), False)  # until a period has bookings

    def show_period(
        self, figures: dict[str, Any], forecast: dict[str, Any], labels: dict[str, Any]
    ) -> None:
        """Draw a period's figures, and the staffing its days need, on every page."""
        level = service_level_name(figures["service_level_threshold_min"])
        for page in (self.arrivals, self.trend):
            page.model.retitle("service_level", level)
        self._show_hours(figures, forecast)
        self.waits.show_bars(
            [
                {
                    **b,
                    "bucket": f"{b['from_min']}–{b['to_min']} min"
                    if b["to_min"] is not None
                    else f"{b['from_min']}+ min",
                    "span": f"{b['from_min']}–{b['to_min']}"
                    if b["to_min"] is not None
                    else f"{b['from_min']}+",
                }
                for b in figures["wait_distribution"]
            ],
            "span",
            (("count", self.tr("Besökare")),),
            value_title=self.tr("Besökare"),
            category_title=self.tr("Väntetid till upprop (minuter)"),
        )
        names = labels.get("agencies", {})
        self.agencies.show_bars(
            [{**a, "label": names.get(a["code"], a["code"])} for a in figures["agencies"]],
            "label",
            (("count", self.tr("Ärenden")),),
            value_title=self.tr("Ärenden"),
        )
        outcome_names, referral_names = labels.get("outcomes", {}), labels.get("referrals", {})
        ends = [
            {**o, "label": outcome_names.get(o["code"], o["code"])} for o in figures["outcomes"]
        ]
        ends += [
            {
                **r,
                "label": self.tr("Hänvisad till {0}").format(
                    referral_names.get(r["code"], r["code"])
                ),
            }
            for r in figures["referrals"]
        ]
        self.outcomes.show_bars(
            ends,
            "label",
            (("count", self.tr("Ärenden")),),
            value_title=self.tr("Ärenden"),
        )
        staff_names = labels.get("staff", {})
        self.staff.show_bars(
            sorted(
                (
                    {**s, "label": staff_names.get(str(s["staff_id"]), str(s["staff_id"]))}
                    for s in figures["staff"]
                ),
                key=lambda s: -int(s.get("served") or 0),
            ),
            "label",
            (("served", self.tr("Betjänade")),),
            value_title=self.tr("Betjänade"),
        )
        open_days = [d for d in figures["days"] if d["visitors"]] or figures["days"]
        self.trend.show_bars(
            open_days,
            "day",
            (("visitors", self.tr("Besökare")), ("served", self.tr("Betjänade"))),
            short_date,
            value_title=self.tr("Besökare per dag"),
            category_title=self.tr("Dag (öppna dagar)"),
        )
        self._show_bookings(figures)
        self.staffing.show_forecast(forecast)

    def _show_bookings(self, figures: dict[str, Any]) -> None:
        """Booked and walk-in visitors per day, and the booking figures: a page shown only
        for a period with bookings (an office that takes none never sees it)."""
        from app.services.stats.bookings import has_bookings

        booked = has_bookings(figures)
        self.setTabVisible(self.indexOf(self.bookings), booked)
        days = figures.get("booking_days", [])
        self.bookings.show_bars(
            [d for d in days if d["bookings"] or d["cancelled_bookings"]] if booked else [],
            "day",
            (
                ("booked_visitors", self.tr("Betjänade med bokning")),
                ("walk_in_visitors", self.tr("Betjänade utan bokning")),
                ("missed_bookings", self.tr("Uteblivna bokningar")),
            ),
            short_date,
            value_title=self.tr("Besökare per dag"),
            category_title=self.tr("Dag (dagar med bokningar)"),
        )

    def _show_hours(self, figures: dict[str, Any], forecast: dict[str, Any]) -> None:
        """Arrivals per hour against staffed points, the office's open hours only."""
        days = max(1, max((h["days"] for h in figures["hours"]), default=1))
        hours = [
            {
                **h,
                "arrivals_per_day": round(h["arrivals"] / days, 1),
                "staffed_points": round(h["staffed_minutes"] / 60 / days, 1),
            }
            for h in shown_hours(figures["hours"], forecast.get("open_hours", ()))
        ]
        self.arrivals.show_bars(
            hours,
            "hour",
            (("arrivals_per_day", self.tr("Ankomster per dag")),),
            lines=(("staffed_points", self.tr("Bemannade luckor")),),
            line_axis=self.tr("Bemannade luckor"),
            value_title=self.tr("Ankomster per dag"),
            category_title=self.tr("Timme"),
        )
