"""Dagens besök: the visits already finished, where an errand is corrected or one added.

A case worker sees her own visits of today; the office manager picks any day within the
office's retention and sees everyone's. Choosing a visit opens the errand form with its
errands filled in; saving keeps the corrections and additions together, audited, and the
day's figures and central summary follow (app/services/errands/logbook.py).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QDate, QObject, Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.ui.reception.widgets import make_table
from app.ui.service_point.errand_form import ErrandForm
from app.ui.shell.access import describe, tab_chain
from app.ui.shell.action import Action
from app.ui.shell.context import UiContext
from app.ui.shell.messages import database_failed
from app.ui.shell.office_time import hhmm, today
from app.ui.shell.table_model import DISPLAY, KEY_ROLE, QT_TRANSLATE_NOOP, SORT_ROLE, RowsModel

if TYPE_CHECKING:  # the services load after the first window (tests/unit/test_quick_read.py)
    from app.services.errands.visits import DayVisit

CHANNELS = {
    "desk": QT_TRANSLATE_NOOP("VisitsModel", "Vid disk"),
    "phone": QT_TRANSLATE_NOOP("VisitsModel", "Telefon"),
}


class VisitsModel(RowsModel):
    """A day's visits: when, which ticket, where, who, and their errands in one line."""

    COL_TIME, COL_TICKET, COL_POINT, COL_STAFF, COL_ERRANDS = range(5)
    HEADERS = (
        QT_TRANSLATE_NOOP("VisitsModel", "Tid"),
        QT_TRANSLATE_NOOP("VisitsModel", "Kölapp"),
        QT_TRANSLATE_NOOP("VisitsModel", "Lucka"),
        QT_TRANSLATE_NOOP("VisitsModel", "Handläggare"),
        QT_TRANSLATE_NOOP("VisitsModel", "Ärenden"),
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)

    def _key(self, row: DayVisit) -> object:
        return row.visit_id

    def _cell(self, row: DayVisit, column: int, role: int) -> Any:
        if role == SORT_ROLE:
            return row.started_at if column == self.COL_TIME else self._text(row, column)
        if role in (DISPLAY, Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(row, column)
        return None

    def _text(self, row: DayVisit, column: int) -> str:
        if column == self.COL_TIME:
            return hhmm(row.started_at)
        if column == self.COL_TICKET:
            return row.ticket_code or self.tr(CHANNELS.get(row.channel, row.channel))
        if column == self.COL_POINT:
            return str(row.point_number or "–")
        if column == self.COL_STAFF:
            return row.staff_login or "–"
        return "; ".join(self._errand(e) for e in row.errands) or self.tr("Inga ärenden")

    def _errand(self, errand: Any) -> str:
        said: str = errand.agency_code
        if errand.errand_type_label:
            said += f": {errand.errand_type_label}"
        said += f" – {errand.outcome_label}"
        return said + (self.tr(" (rättad)") if errand.corrected else "")


class VisitsDialog(QDialog):
    """The finished visits of a day, and the errand form to correct one."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._everyone = ctx.actor.may("correct_past")
        self._visits: dict[int, DayVisit] = {}
        self._after = ""  # what to say when the list is next shown
        self.setObjectName("visits-dialog")
        self.setWindowTitle(self.tr("Besök och rättelser"))
        self.resize(1000, 640)
        self._setup_ui()
        self.reload()

    @classmethod
    def show_for(cls, ctx: UiContext, parent: QWidget) -> VisitsDialog:
        """Open the dialog over ``parent`` (gone when closed)."""
        dialog = cls(ctx, parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _setup_ui(self) -> None:
        self.pages = QStackedWidget(self)
        list_page = QWidget(self.pages)
        column = QVBoxLayout(list_page)
        top = QHBoxLayout()
        self.heading = QLabel(list_page)
        self.heading.setProperty("role", "heading")
        top.addWidget(self.heading)
        top.addStretch(1)
        self.day = QDateEdit(list_page)
        self.day.setObjectName("visits-day")
        describe(self.day, self.tr("Dagen vars avslutade besök visas."), self.tr("Vilken dag"))
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        now = today(self._ctx.clock.now())
        self.day.setDate(QDate(now.year, now.month, now.day))
        self.day.setMaximumDate(QDate(now.year, now.month, now.day))
        self.day.dateChanged.connect(lambda _d: self.reload())
        day_label = QLabel(self.tr("&Dag:"), list_page)
        day_label.setBuddy(self.day)
        for widget in (day_label, self.day):
            top.addWidget(widget)
            widget.setVisible(self._everyone)  # a case worker's own, of today
        column.addLayout(top)
        self.model = VisitsModel(self)
        self.table = make_table(
            self.model, "visits-table", self.tr("Besök"), self, stretch=VisitsModel.COL_ERRANDS
        )
        describe(self.table, self.tr("Dagens avslutade besök; välj ett och rätta det."))
        self.table.setColumnHidden(VisitsModel.COL_STAFF, not self._everyone)
        self.table.doubleClicked.connect(lambda _index: self._on_correct())
        self.table.selectionModel().selectionChanged.connect(self._on_selected)
        column.addWidget(self.table, 1)
        self.message = QLabel(list_page)
        self.message.setObjectName("visits-message")
        self.message.setWordWrap(True)
        column.addWidget(self.message)
        buttons = QHBoxLayout()
        self.correct = QPushButton(self.tr("&Rätta valt besök …"), list_page)
        self.correct.setObjectName("correct-visit")
        self.correct.setProperty("role", "primary")
        self.correct.setEnabled(False)
        describe(self.correct, self.tr("Öppnar besökets ärenden för rättelse."))
        self.correct.clicked.connect(self._on_correct)
        close = QPushButton(self.tr("Stäng"), list_page)
        close.setObjectName("close-visits")
        describe(close, self.tr("Stänger listan."))
        close.clicked.connect(self.reject)
        buttons.addStretch(1)
        buttons.addWidget(close)
        buttons.addWidget(self.correct)
        tab_chain([self.day, self.table, close, self.correct])
        column.addLayout(buttons)
        self.form = ErrandForm(self._ctx, self.pages)
        self.form.saved.connect(self._on_saved)
        self.form.cancelled.connect(lambda: self.pages.setCurrentIndex(0))
        self.pages.addWidget(list_page)
        self.pages.addWidget(self.form)
        outer = QVBoxLayout(self)
        outer.addWidget(self.pages)

    def chosen_day(self) -> date:
        """The day shown."""
        shown = self.day.date()
        return date(shown.year(), shown.month(), shown.day())

    def reload(self) -> None:
        """Read the day's visits (off the GUI thread)."""
        day, errands = self.chosen_day(), self._ctx.errands
        mine = self.tr("Dina besök i dag") if not self._everyone else self.tr("Besök")
        self.heading.setText(mine)
        Action(self._ctx, "read the day's visits", lambda: errands.day_visits(day)).success(
            self._show
        ).failure(self._say, database_failed()).without_refresh().run_in_background(self)

    def _show(self, visits: list[DayVisit]) -> None:
        self._visits = {v.visit_id: v for v in visits}
        self.model.set_rows(visits)
        self._on_selected()
        said, self._after = self._after, ""
        self._say(said if visits else self.tr("Inga avslutade besök den dagen."))

    def _say(self, text: str) -> None:
        self.message.setText(text)

    def _selected(self) -> DayVisit | None:
        rows = self.table.selectionModel().selectedRows()
        return self._visits.get(rows[0].data(KEY_ROLE)) if rows else None

    def _on_selected(self, *_args: object) -> None:
        self.correct.setEnabled(self._selected() is not None)

    def _on_correct(self) -> None:
        visit = self._selected()
        if visit is None:
            return
        channel = CHANNELS.get(visit.channel, visit.channel)
        what = visit.ticket_code or QCoreApplication.translate("VisitsModel", channel)
        title = self.tr("Rätta besöket {0} ({1} {2})").format(
            what, visit.business_day.isoformat(), hhmm(visit.started_at)
        )
        self.form.start_correction(visit, title)
        self.pages.setCurrentWidget(self.form)
        self.form.focus_start()

    def _on_saved(self, _ref: object, text: str) -> None:
        self.pages.setCurrentIndex(0)
        self._after = text  # said once the list is read again
        self.reload()
