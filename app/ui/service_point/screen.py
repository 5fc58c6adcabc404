"""The service point (lucka): call, recall, arrived, no-show, transfer, park, finish with errands.

The case worker chooses the service point once (remembered per workstation).
Big buttons with function keys do the queue actions; each action is one
service call, and the screen follows the office snapshot from the watcher.
Finishing (or moving the visitor on) opens the errand form in place of the
buttons. A no-show or a return is taken back with Ångra until the next call.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.models import states as st
from app.services.errands.records import VisitRef
from app.services.queue.views import PointStatus, QueueSnapshot, TicketView
from app.ui.service_point.actions import ActionButtons
from app.ui.service_point.errand_form import ErrandForm
from app.ui.service_point.keyboard import BIG_FOCUS, chain_focus, describe_controls, main_actions
from app.ui.service_point.panels import (
    CurrentCard,
    HandOverBar,
    ParkedPanel,
    QueuesPanel,
    SpecificPanel,
    apply_panel_style,
    point_label,
    timer_text,
)
from app.ui.service_point.visits import VisitsDialog
from app.ui.shell.action import Action
from app.ui.shell.context import UiContext
from app.ui.shell.fitting import WrappedLabel
from app.ui.shell.guarded import guard_combo
from app.ui.shell.messages import database_failed
from app.ui.shell.stale import StaleNotice

if TYPE_CHECKING:
    from app.services.queue.calling import TicketRef
    from app.services.queue.desk import QueueDesk

__all__ = ["PREF_POINT", "ServicePointView", "timer_text"]

log = logging.getLogger(__name__)

PREF_POINT = "service_point/number"


class ServicePointView(QWidget):
    """A case worker's screen at one service point."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._snapshot: QueueSnapshot | None = None
        self._current: TicketView | None = None
        self._points_key: tuple[object, ...] = ()
        # The press that may still be taken back here: ("no_show" or "return", code).
        self._undoable: tuple[str, str] | None = None
        self._busy = False  # a press is being carried out
        self._setup_ui()
        ctx.watcher.changed.connect(self._on_snapshot)
        if ctx.watcher.snapshot is None:
            ctx.watcher.refresh()
        else:
            self._on_snapshot(ctx.watcher.snapshot)

    # ------------------------------------------------------------ layout

    def _setup_ui(self) -> None:
        self.setObjectName("service-point-view")
        apply_panel_style(self, BIG_FOCUS)  # its sizes follow the application's font
        self.pages = QStackedWidget(self)
        self.service_page = QWidget(self.pages)
        self.service_page.setObjectName("service-page")
        self.form = ErrandForm(self._ctx, self.pages)
        self.languages = self.form.language_names  # the visitors' languages, in Swedish
        self.pages.addWidget(self.service_page)
        self.pages.addWidget(self.form)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.pages)

        top = QHBoxLayout()
        point_label = QLabel(self.tr("L&ucka:"), self.service_page)  # Alt+L: the Lucka tab
        self.point_picker = guard_combo(QComboBox(self.service_page), keys=True)
        self.point_picker.setObjectName("point-picker")
        self.point_picker.setAccessibleName(self.tr("Vilken lucka du sitter vid"))
        self.point_picker.setPlaceholderText(self.tr("Välj lucka …"))
        self.point_picker.setMinimumContentsLength(22)
        point_label.setBuddy(self.point_picker)
        self.quick = QPushButton(self.tr("Ärende utan kölapp …"), self.service_page)
        self.quick.setObjectName("quick-errand")
        self.quick.setAccessibleName(
            self.tr("Registrera ärende utan kölapp, vid disk eller telefon")
        )
        self.visits = QPushButton(self.tr("Dagens besök …"), self.service_page)
        self.visits.setObjectName("day-visits")
        self.visits.setAccessibleName(self.tr("Dagens besök: rätta eller lägg till ärenden"))
        top.addWidget(point_label)
        top.addWidget(self.point_picker)
        top.addStretch(1)
        top.addWidget(self.visits)
        top.addWidget(self.quick)

        self.message = WrappedLabel("", self.service_page)
        self.message.setObjectName("point-message")
        self.message.setAccessibleName(self.tr("Meddelande"))
        self.undo = QPushButton(self.tr("Ångra (Ctrl+Z)"), self.service_page)
        self.undo.setObjectName("undo-no-show")
        self.undo.setAccessibleName(self.tr("Ångra det du just gjorde med besökaren"))
        self.undo.hide()
        QShortcut(QKeySequence.StandardKey.Undo, self.service_page, self.undo.click)
        message_row = QHBoxLayout()
        message_row.addWidget(self.message, 1)
        message_row.addWidget(self.undo)

        self.card = CurrentCard(self._ctx.clock, self.service_page, self.languages)
        self.queues = QueuesPanel(self.service_page)
        self.specific = SpecificPanel(self.service_page, self.languages)
        self.parked = ParkedPanel(self.service_page, self.languages)
        self.call_specific, self.resume = self.specific.button, self.parked.button
        left = QVBoxLayout()
        left.addWidget(self.card, 1)
        left.addLayout(self._build_actions())
        right = QVBoxLayout()
        self.stale = StaleNotice(self._ctx.watcher, self.service_page)
        right.addWidget(self.stale)
        right.addWidget(self.queues)
        right.addWidget(self.specific)
        right.addWidget(self.parked, 1)
        middle = QHBoxLayout()
        middle.addLayout(left, 3)
        middle.addSpacing(12)
        middle.addLayout(right, 2)

        self.hand_over = HandOverBar(self._ctx, self.service_page)
        self.hand_over.take.clicked.connect(self._on_take_over_clicked)
        self.hand_over.put_back.clicked.connect(self._on_return_clicked)
        page = QVBoxLayout(self.service_page)
        page.addLayout(top)
        page.addLayout(message_row)
        page.addWidget(self.hand_over)
        page.addLayout(middle, 1)

        self.point_picker.currentIndexChanged.connect(self._on_point_changed)
        self.quick.clicked.connect(self._on_quick_clicked)
        self.visits.clicked.connect(self._on_visits_clicked)
        self.undo.clicked.connect(self._on_undo_clicked)
        self.form.saved.connect(self._on_form_saved)
        self.form.cancelled.connect(self._on_form_cancelled)
        self.form.move_only.connect(self._transfer)
        self.call_specific.clicked.connect(self._on_call_specific_clicked)
        self.resume.clicked.connect(self._on_resume_clicked)
        self.parked.table.activated.connect(self._on_parked_activated)
        self.specific.picker.currentIndexChanged.connect(self._update_buttons)
        self.parked.table.selectionModel().selectionChanged.connect(self._update_buttons)
        describe_controls(self)
        chain_focus(self)

    def _build_actions(self) -> QGridLayout:
        buttons = ActionButtons(self.service_page)
        self.call_next, self.recall, self.arrived = (
            buttons.call_next,
            buttons.recall,
            buttons.arrived,
        )
        self.no_show, self.transfer, self.park = buttons.no_show, buttons.transfer, buttons.park
        self.return_button, self.finish = buttons.return_button, buttons.finish
        self.transfer_menu = QMenu(self)
        self.transfer_menu.setObjectName("transfer-menu")
        for button, slot in (
            (self.call_next, self._on_call_next_clicked),
            (self.recall, self._on_recall_clicked),
            (self.arrived, self._on_arrived_clicked),
            (self.no_show, self._on_no_show_clicked),
            (self.transfer, self._on_transfer_clicked),
            (self.park, self._on_park_clicked),
            (self.return_button, self._on_return_clicked),
            (self.finish, self._on_finish_clicked),
        ):
            button.clicked.connect(slot)
        return buttons.grid

    # ------------------------------------------------------------ state

    def _load_points(self, points: tuple[PointStatus, ...]) -> None:
        """Fill the picker (again, after the office changed its service points)."""
        saved = self._ctx.prefs.get_int(PREF_POINT)
        self.point_picker.blockSignals(True)
        self.point_picker.clear()
        for p in points:  # the snapshot's active points, as the office set them up
            self.point_picker.addItem(point_label(p), p.number)
        self.point_picker.setCurrentIndex(self.point_picker.findData(saved))
        self.point_picker.blockSignals(False)

    @property
    def current_ticket(self) -> TicketView | None:
        """The visitor called or served at this point now, if any."""
        return self._current

    def point_number(self) -> int | None:
        """The chosen service point, or None before one is chosen."""
        number = self.point_picker.currentData()
        return int(number) if number is not None else None

    def _show(self, text: str, kind: str = "ok") -> None:
        self.message.setText(text)
        self.message.setProperty("kind", kind)
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)

    def _on_snapshot(self, snapshot: QueueSnapshot) -> None:
        self._snapshot = snapshot
        points_key = tuple((p.number, p.name, p.queue_letters) for p in snapshot.points)
        if points_key != self._points_key:
            self._points_key = points_key
            self._load_points(snapshot.points)
        number = self.point_number()
        point = next((p for p in snapshot.points if p.number == number), None)
        self._current = point.current if point else None
        self._offer_hand_over()
        status = snapshot.queue(self._current.queue_letter) if self._current else None
        self.card.show_ticket(
            self._current, point.name if point else "", status.label if status else None
        )
        self.queues.show_queues(snapshot, point.queue_letters if point else ())
        self.specific.set_tickets(snapshot.waiting)
        self.parked.set_tickets(snapshot.parked)
        self._update_buttons()

    def new_person(self) -> None:
        """Someone else signed in here: the last person's messages and choices go, and a
        visitor they called is offered, never taken over silently."""
        self._undoable = None
        self._show("", "info")
        self.specific.picker.setCurrentIndex(-1)
        self.parked.table.clearSelection()
        self._offer_hand_over()
        self._update_buttons()

    def _offer_hand_over(self) -> None:
        self.hand_over.offer(self._current, self._ctx.actor.staff_id)

    def _on_take_over_clicked(self) -> None:
        number, t = self.point_number(), self._current
        if number is not None and t is not None:
            code = t.code
            self._act(
                lambda queue: queue.take_over(code, number),
                lambda ref: self.tr("Du har tagit över {0}.").format(ref.code),
            )

    def _update_buttons(self, *_args: object) -> None:
        has_point = self.point_number() is not None
        t = self._current
        if t is not None and t.code == self.hand_over.code and not self.hand_over.isHidden():
            # Someone else's visitor: take it over or put it back first, nothing else.
            for button in (*main_actions(self), self.call_specific, self.resume):
                button.setEnabled(False)
            self.undo.hide()
            return
        idle = has_point and t is None and not self._busy
        if self._busy:
            t = None  # every button rests until the press has been carried out
        called = t is not None and t.state == st.CALLED
        self.call_next.setEnabled(idle)
        self.call_specific.setEnabled(idle and self.specific.code() is not None)
        self.resume.setEnabled(idle and self.parked.code() is not None)
        self.recall.setEnabled(called)
        self.arrived.setEnabled(called)
        self.no_show.setEnabled(called)
        self.undo.setVisible(idle and self._undoable is not None)
        for button in (self.transfer, self.park, self.return_button, self.finish):
            button.setEnabled(t is not None)
        if not has_point:
            self._show(self.tr("Välj vilken lucka du sitter vid."), "info")

    # ------------------------------------------------------------ actions

    def _act(
        self,
        work: Callable[[QueueDesk], TicketRef],
        done: Callable[[TicketRef], str],
        then: Callable[[TicketRef], None] | None = None,
    ) -> None:
        """Run one queue action; say what happened, or why not; then ``then`` if it was done.

        The point's buttons rest while it runs: a second press cannot act on a
        ticket the first one is still changing.
        """

        def succeeded(ref: TicketRef) -> None:
            self._show(done(ref))
            if then is not None:
                then(ref)

        Action(self._ctx, "service point action", lambda: work(self._ctx.queue)).success(
            succeeded
        ).failure(lambda sentence: self._show(sentence, "error"), database_failed()).while_busy(
            self._set_busy
        ).run(self)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._update_buttons()

    def _call(self, work: Callable[[QueueDesk], TicketRef]) -> None:
        self._undoable = None  # a new call ends the chance to take a no-show back

        def done(ref: TicketRef) -> str:
            return self.tr("{0} ropas upp till {1}.").format(ref.code, ref.service_point_name)

        self._act(work, done, lambda _ref: self._focus_finish())

    def _focus_finish(self) -> None:
        self.finish.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_call_next_clicked(self) -> None:
        number = self.point_number()
        if number is not None:
            self._call(lambda queue: queue.call_next(number))

    def _on_call_specific_clicked(self) -> None:
        number, code = self.point_number(), self.specific.code()
        if number is not None and code:
            self._call(lambda queue: queue.call_ticket(code, number))

    def _on_resume_clicked(self) -> None:
        number, code = self.point_number(), self.parked.code()
        if number is not None and code:
            self._call(lambda queue: queue.resume(code, number))

    def _on_parked_activated(self, _index: object) -> None:
        self.resume.click()

    def _on_arrived_clicked(self) -> None:
        if self._current is not None:
            code = self._current.code
            self._act(
                lambda queue: queue.start_serving(code),
                lambda ref: self.tr("{0} är här. Du betjänar besökaren nu.").format(ref.code),
                lambda _ref: self._focus_finish(),
            )

    def _on_recall_clicked(self) -> None:
        if self._current is not None:
            code = self._current.code
            self._act(
                lambda queue: queue.recall(code),
                lambda ref: self.tr("{0} ropas upp igen ({1}).").format(ref.code, ref.recalls),
            )

    def _after_leaving(
        self,
        work: Callable[[QueueDesk], TicketRef],
        text: str,
        then: Callable[[TicketRef], None] | None = None,
    ) -> None:
        """An action that ends this point's hold on the ticket."""

        def left(ref: TicketRef) -> None:
            self.call_next.setFocus(Qt.FocusReason.OtherFocusReason)
            if then is not None:
                then(ref)

        self._act(work, lambda ref: text.format(ref.code, ref.queue_letter), left)

    def _on_no_show_clicked(self) -> None:
        if self._current is not None:
            code = self._current.code

            self._after_leaving(
                lambda queue: queue.no_show(code),
                self.tr("{0} är markerad som utebliven. Fel? Tryck Ångra (Ctrl+Z)."),
                self._undoable_as("no_show", code),
            )

    def _undoable_as(self, kind: str, code: str) -> Callable[[TicketRef], None]:
        def undoable(_ref: TicketRef) -> None:
            self._undoable = (kind, code)
            self._update_buttons()

        return undoable

    def _on_undo_clicked(self) -> None:
        number, undoable = self.point_number(), self._undoable
        if number is None or undoable is None or not self.undo.isVisible():
            return
        self._undoable = None
        kind, code = undoable
        if kind == "return":
            said = self.tr("{0} är inte längre tillbaka i kön och står kvar hos dig.")
        else:
            said = self.tr("{0} är inte längre utebliven och står kvar hos dig.")

        def work(queue: QueueDesk) -> TicketRef:
            if kind == "return":
                return queue.undo_return(code, number)
            return queue.undo_no_show(code, number)

        self._act(work, lambda ref: said.format(ref.code), lambda _: self._focus_finish())
        self._update_buttons()

    def _on_park_clicked(self) -> None:
        if self._current is not None:
            code = self._current.code
            self._after_leaving(
                lambda queue: queue.park(code),
                self.tr("{0} är parkerad. Ropa upp den igen under Parkerade."),
            )

    def _on_return_clicked(self) -> None:
        if self._current is not None:
            code = self._current.code
            self._after_leaving(
                lambda queue: queue.return_to_queue(code),
                self.tr("{0} är tillbaka i kö {1} på sin gamla plats. Fel? Tryck Ångra (Ctrl+Z)."),
                self._undoable_as("return", code),
            )

    def _on_transfer_clicked(self) -> None:
        if self._current is None or self._snapshot is None:
            return
        self.transfer_menu.clear()
        for q in self._snapshot.queues:
            if q.letter == self._current.queue_letter:
                continue
            text = self.tr("&{0}  {1} ({2} väntar)").format(q.letter, q.label, q.waiting)
            action = self.transfer_menu.addAction(text)
            action.setObjectName(f"transfer-to-{q.letter}")
            action.triggered.connect(lambda _=False, letter=q.letter: self._transfer_form(letter))
        self.transfer_menu.popup(self.transfer.mapToGlobal(self.transfer.rect().bottomLeft()))

    def _transfer_form(self, letter: str) -> None:
        """Log what was done so far (or not), then move the visitor on."""
        if (t := self._current) is not None:
            self.form.start_transfer(t.code, t.queue_letter, letter, t.language)
            self._to_form()

    def _transfer(self, letter: str) -> None:
        self.pages.setCurrentWidget(self.service_page)
        if self._current is not None:
            code = self._current.code
            self._after_leaving(
                lambda queue: queue.transfer(code, letter),
                self.tr("{0} är flyttad till kö {1}."),
            )

    def _on_finish_clicked(self) -> None:
        if (t := self._current) is not None:
            self.form.start_ticket(t.code, t.queue_letter, t.language)
            self._to_form()

    def _on_visits_clicked(self) -> None:
        VisitsDialog.show_for(self._ctx, self)

    def _on_quick_clicked(self) -> None:
        self.form.start_quick(self.point_number())
        self._to_form()

    def _to_form(self) -> None:
        self.pages.setCurrentWidget(self.form)
        self.form.focus_start()

    def _on_form_saved(self, _ref: VisitRef, text: str) -> None:
        self.pages.setCurrentWidget(self.service_page)
        self._show(text)  # the queue was read with the save
        self.call_next.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_form_cancelled(self) -> None:
        self.pages.setCurrentWidget(self.service_page)
        self._ctx.watcher.refresh()
        (self.finish if self.finish.isEnabled() else self.call_next).setFocus()

    def _on_point_changed(self, _index: int) -> None:
        number = self.point_number()
        self._undoable = None
        if number is not None:
            self._ctx.prefs.set(PREF_POINT, number)
            self._show("")
        if self._snapshot is not None:
            self._on_snapshot(self._snapshot)
