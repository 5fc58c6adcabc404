"""The panels of the service point screen: the current ticket, the queues, the ticket lists."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.models import states as st
from app.services.office.clock import Clock
from app.services.queue.views import PointStatus, QueueSnapshot, TicketView
from app.ui.service_point.errand_models import TicketListModel, waited_text
from app.ui.service_point.languages import LanguageNames, may_need_interpreter
from app.ui.shell import style
from app.ui.shell.action import Action
from app.ui.shell.context import UiContext
from app.ui.shell.fitting import WrappedLabel
from app.ui.shell.office_time import hhmm
from app.ui.shell.table_model import KEY_ROLE

# Sizes for text of style.BASE_PT, grown with the application's font (style.sized_sheet);
# the ticket (80 pt) and the timer (30 pt) are FitLabels, shrinking where they do not fit.
PANEL_STYLE = f"""
QLabel#current-ticket {{ color: {style.ACCENT_DARK}; }}
QLabel#current-wait, QLabel#current-detail {{ font-size: 14pt; }}
QLabel#current-language {{
    font-size: 14pt; font-weight: 700; color: {style.ACCENT_DARK}; padding: 4px 12px;
}}
QLabel#current-language[interpreter="true"] {{
    color: #5c3100; background: #fff4ce; border: 1px solid #e0c36a; border-radius: 6px;
}}
QFrame#current-card {{ background: white; border: 1px solid #c3cad1; border-radius: 10px; }}
QPushButton[big="true"] {{ font-size: 14pt; padding: 10px 16px; min-height: 36px; }}
QLabel#point-message {{ font-size: 12pt; padding: 4px 0; }}
QLabel#point-message[kind="error"] {{ color: {style.DANGER}; font-weight: 700; }}
QLabel#point-message[kind="ok"] {{ color: {style.OK}; font-weight: 700; }}
QLabel#point-queues {{ font-size: 12pt; }}
"""


def apply_panel_style(view: QWidget, extra: str = "") -> None:
    """The service point's style (and ``extra``) on ``view``, its sizes following the
    application's font (WCAG 1.4.4)."""
    style.sized_sheet(view, PANEL_STYLE + extra)


def timer_text(seconds: float) -> str:
    """Elapsed service time as mm:ss (h:mm:ss past an hour)."""
    total = max(0, int(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


class CurrentCard(QFrame):
    """The ticket at this point, very large, its wait and a service timer ticking each second."""

    def __init__(
        self, clock: Clock, parent: QWidget | None = None, names: LanguageNames | None = None
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._names = names
        self._ticket: TicketView | None = None
        self._setup_ui()
        if names is not None:
            names.changed.connect(self._show_language)

    def _setup_ui(self) -> None:
        self.setObjectName("current-card")
        self.heading = QLabel(self)
        self.heading.setObjectName("current-heading")
        self.heading.setProperty("role", "heading")
        self.code = style.FitLabel(80, self)
        self.code.setObjectName("current-ticket")
        self.code.setAccessibleName(self.tr("Aktuell kölapp"))
        self.code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.detail = WrappedLabel("", self)
        self.detail.setObjectName("current-detail")
        self.detail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.language = QLabel(self)
        self.language.setObjectName("current-language")
        self.language.setAccessibleName(self.tr("Besökarens språk"))
        self.language.hide()
        self.wait = QLabel(self)
        self.wait.setObjectName("current-wait")
        self.timer = style.FitLabel(30, self, QFont.Weight.Bold)
        self.timer.setObjectName("service-timer")
        self.timer.setAccessibleName(self.tr("Tid sedan uppropet"))
        self.timer_caption = QLabel(self.tr("Tid hos dig"), self)
        bottom = QHBoxLayout()
        bottom.addWidget(self.wait)
        bottom.addStretch(1)
        bottom.addWidget(self.timer_caption)
        bottom.addWidget(self.timer)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addStretch(1)
        layout.addWidget(self.code)
        layout.addWidget(self.detail)
        layout.addWidget(self.language, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)
        layout.addLayout(bottom)
        self.tick = QTimer(self)
        self.tick.setObjectName("service-tick")
        self.tick.setInterval(1000)
        self.tick.timeout.connect(self._on_tick)

    def show_ticket(
        self, ticket: TicketView | None, point_name: str, queue_label: str | None
    ) -> None:
        """Show the point's ticket (None: idle; empty point_name: no point chosen)."""
        self._ticket = ticket
        self._show_language()
        if ticket is None:
            self.heading.setText(self.tr("Ingen besökare just nu"))
            self.code.setText("")
            ready = self.tr("Tryck Ropa nästa (F5) när du är redo.")
            self.detail.setText(ready if point_name else "")
            self.wait.setText("")
            self.timer.setText("")
            self.timer_caption.hide()
            self.tick.stop()
            return
        if ticket.state == st.SERVING:
            self.heading.setText(self.tr("Betjänas nu"))
        else:
            self.heading.setText(self.tr("Uppropad till {0}").format(point_name))
        self.code.setText(ticket.code)
        details = [self.tr("Kö {0}").format(ticket.queue_letter)]
        if queue_label:
            details[0] += f" · {queue_label}"
        if ticket.origin_letter != ticket.queue_letter:  # a colleague moved the visitor here
            details.append(self.tr("flyttad från kö {0}").format(ticket.origin_letter))
        if ticket.appointment_at is not None:  # a checked-in booking, at its booked time
            details.append(self.tr("bokad tid {0}").format(hhmm(ticket.appointment_at)))
        elif ticket.due_at is not None:  # (checked in before the booked time was kept)
            details.append(self.tr("bokad tid, ropas från {0}").format(hhmm(ticket.due_at)))
        elif ticket.booked:
            details.append(self.tr("förtur"))
        if ticket.recalls:
            details.append(self.tr("ropad igen {0} gång(er)").format(ticket.recalls))
        self.detail.setText(" · ".join(details))
        self.wait.setText(self.tr("Väntade {0}").format(waited_text(ticket.wait_seconds)))
        serving = ticket.state == st.SERVING
        self.timer_caption.setText(self.tr("Tid hos dig") if serving else self.tr("Sedan uppropet"))
        self.timer_caption.show()
        self._on_tick()
        if not self.tick.isActive():
            self.tick.start()

    def _show_language(self) -> None:
        """The visitor's language under the ticket, and whether an interpreter may be needed."""
        code = self._ticket.language if self._ticket is not None else None
        if self._names is not None:
            self._names.need([code])  # first: the name may be read at once
        hint = self._names.hint(code) if self._names is not None else ""
        self.language.setText(hint)
        self.language.setVisible(bool(hint))
        self.language.setProperty("interpreter", may_need_interpreter(code))
        self.language.style().unpolish(self.language)
        self.language.style().polish(self.language)

    def _on_tick(self) -> None:
        t = self._ticket
        if t is None or t.called_at is None:
            return
        elapsed = (self._clock.now() - t.called_at).total_seconds()
        self.timer.setText(timer_text(elapsed))
        called = hhmm(t.called_at)
        self.timer.setToolTip(self.tr("Uppropad {0}").format(called))


class QueuesPanel(QGroupBox):
    """The queues this point serves, with how many wait and the estimated wait."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Dina köer"))
        self.setObjectName("point-queues-box")
        self.label = WrappedLabel("", self)  # the box grows with the table's lines
        self.label.setObjectName("point-queues")
        self.label.setAccessibleName(self.tr("Köer som luckan betjänar"))
        QVBoxLayout(self).addWidget(self.label)

    def show_queues(self, snapshot: QueueSnapshot, letters: tuple[str, ...]) -> None:
        """One line per queue: letter, name, how many wait and how long the first of them
        has waited (whom to call next), and about how long a new visitor would wait."""
        longest: dict[str, int] = {}
        for ticket in snapshot.waiting:
            longest[ticket.queue_letter] = max(
                longest.get(ticket.queue_letter, 0), ticket.wait_seconds
            )
        rows = []
        for letter in letters:
            q = snapshot.queue(letter)
            if q is None:
                continue
            waited = ""
            if q.waiting and letter in longest:
                waited = self.tr("{0} min").format(longest[letter] // 60)
            wait = self.tr("ca {0} min").format(q.estimated_wait_minutes) if q.waiting else ""
            rows.append(
                f"<tr><td><b>{q.letter}</b></td><td>{html.escape(q.label)}</td>"
                f"<td align='right' nowrap><b>{q.waiting}</b></td>"
                f"<td align='right' nowrap><b>{waited}</b></td>"
                f"<td align='right' nowrap>{wait}</td></tr>"
            )
        if rows:
            heads = (self.tr("Väntar"), self.tr("Längst"), self.tr("Ny besökare"))
            rows.insert(
                0,
                "<tr style='color:#4a525a'><td></td><td></td>"
                + "".join(f"<td align='right' nowrap>{h}</td>" for h in heads)
                + "</tr>",
            )
        if not rows:
            self.label.setText(self.tr("Välj lucka för att se köerna."))
            return
        self.label.setText(
            "<table cellspacing='0' cellpadding='4' width='100%'>" + "".join(rows) + "</table>"
        )


class SpecificPanel(QGroupBox):
    """Choose a waiting ticket and call it out of order."""

    def __init__(self, parent: QWidget | None = None, names: LanguageNames | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Ropa upp en viss kölapp"))
        self.model = TicketListModel(self, names)
        self.picker = QComboBox(self)
        self.picker.setObjectName("waiting-picker")
        self.picker.setAccessibleName(self.tr("Väntande kölapp att ropa upp"))
        self.picker.setModel(self.model)
        self.picker.setPlaceholderText(self.tr("Ingen väntar"))
        self.button = QPushButton(self.tr("Ropa upp vald"), self)
        self.button.setObjectName("call-specific")
        self.button.setAccessibleName(self.tr("Ropa upp vald kölapp före sin tur"))
        layout = QHBoxLayout(self)
        layout.addWidget(self.picker, 1)
        layout.addWidget(self.button)
        self.picker.currentIndexChanged.connect(self._on_picked)
        self.model.dataChanged.connect(self._on_picked)

    def set_tickets(self, tickets: tuple[TicketView, ...]) -> None:
        """New waiting list; the chosen ticket stays chosen while it still waits."""
        chosen = self.code()
        self.model.set_tickets(tickets)
        row = self.model.row_of(chosen)
        self.picker.setCurrentIndex(row if row >= 0 else (0 if tickets else -1))

    def _on_picked(self, *_args: object) -> None:
        """The chosen ticket's tooltip ("Kan behöva tolk") on the closed list too."""
        index = self.model.index(self.picker.currentIndex(), TicketListModel.CODE)
        self.picker.setToolTip(index.data(Qt.ItemDataRole.ToolTipRole) or "")

    def code(self) -> str | None:
        """The chosen ticket's code."""
        code: str | None = self.picker.currentData(KEY_ROLE)
        return code


class ParkedPanel(QGroupBox):
    """Parked tickets, to call back without a new number."""

    def __init__(self, parent: QWidget | None = None, names: LanguageNames | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Parkerade"))
        self.model = TicketListModel(self, names)
        self.table = QTableView(self)
        self.table.setObjectName("parked-list")
        self.table.setAccessibleName(self.tr("Parkerade kölappar"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.button = QPushButton(self.tr("Ropa upp parkerad"), self)
        self.button.setObjectName("resume")
        self.button.setAccessibleName(self.tr("Ropa upp vald parkerad kölapp igen"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.button)

    def set_tickets(self, tickets: tuple[TicketView, ...]) -> None:
        """New parked list; keep the selection, else select the first."""
        chosen = self.code()
        self.model.set_tickets(tickets)
        row = self.model.row_of(chosen)
        if row < 0 and tickets:
            row = 0
        if row >= 0:
            flags = (
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows
            )
            self.table.selectionModel().setCurrentIndex(self.model.index(row, 0), flags)

    def code(self) -> str | None:
        """The selected parked ticket's code."""
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(KEY_ROLE) if rows else None


class HandOverBar(QFrame):
    """At a shared PC: the visitor the last person called here is offered to the next one
    ("A018 ropades upp av anna: ta över, eller lägg tillbaka i kön"), never taken over
    silently. Until one is chosen, nothing else can be done with that visitor here."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.setObjectName("hand-over")
        self.setStyleSheet(
            "QFrame#hand-over { background: #fff4ce; border: 1px solid #e0c36a;"
            " border-radius: 4px; }"
        )
        self.text = WrappedLabel("", self)
        self.text.setObjectName("hand-over-text")
        self.take = QPushButton(self.tr("Ta över"), self)
        self.take.setObjectName("take-over")
        self.take.setProperty("role", "primary")
        self.put_back = QPushButton(self.tr("Lägg tillbaka i kön"), self)
        self.put_back.setObjectName("hand-over-return")
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 10, 6)
        row.addWidget(self.text, 1)
        row.addWidget(self.put_back)
        row.addWidget(self.take)
        self.code: str | None = None
        self.hide()

    def offer(self, ticket: TicketView | None, me: int | None) -> bool:
        """Offer ``ticket`` when someone else called it; whether an offer stands."""
        theirs = (
            ticket is not None
            and me is not None
            and ticket.staff_id is not None
            and ticket.staff_id != me
        )
        if not theirs or ticket is None:
            self.code = None
            self.hide()
            return False
        if ticket.code != self.code:
            self.code = ticket.code
            self.name("")
            staff, caller = self._ctx.staff, int(ticket.staff_id or 0)
            Action(
                self._ctx, "who called", lambda: staff.login_of(caller)
            ).without_refresh().success(lambda login: self.name(login or "")).failure(
                lambda _s: None, ""
            ).run_in_background(self)
        self.show()
        return True

    def name(self, login: str) -> None:
        """Say who called the visitor (as soon as the name is read)."""
        who = login or self.tr("en kollega")
        self.text.setText(
            self.tr("{0} ropades upp av {1}. Ta över besökaren, eller lägg tillbaka i kön?").format(
                self.code or "", who
            )
        )


def point_label(point: PointStatus) -> str:
    """A service point as its picker lists it: "Lucka 3 (köer A, B)", and whether it is
    reserved for booked visits."""
    letters = ", ".join(point.queue_letters) or "–"
    if point.reserve_minutes is not None:
        text = QCoreApplication.translate(
            "ServicePointView", "{0} (köer {1}, reserverad för bokade besök)"
        )
    else:
        text = QCoreApplication.translate("ServicePointView", "{0} (köer {1})")
    return text.format(point.name, letters)
