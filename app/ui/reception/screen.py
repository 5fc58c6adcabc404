"""Reception: issue a ticket with one press, print it, and keep an eye on the queue."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont, QFontMetrics, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.services.queue.errors import InvalidTransitionError
from app.services.queue.views import QueueSnapshot
from app.ui.reception.check_in import CheckInBox
from app.ui.reception.keyboard import chain_focus, describe_controls
from app.ui.reception.printing import (
    PrintOutcome,
    QtTicketPrinter,
    TicketPrint,
    TicketPrinter,
    current_printout,
    for_worker,
    print_and_record,
    refuse_unless_waiting,
    reprint_refusal,
)
from app.ui.reception.queue_models import RecentTicketsModel, ServingModel, WaitingModel
from app.ui.reception.visitor import HelpAlerts, LanguageChooser, TellButton
from app.ui.reception.widgets import (
    ERROR_STYLE,
    VIEW_STYLE,
    WARNING_LINE_STYLE,
    IssueButton,
    LastTicketPanel,
    closing_warning_text,
    make_table,
    pdf_folder,
    titled,
)
from app.ui.shell.action import Action
from app.ui.shell.context import UiContext
from app.ui.shell.stale import StaleNotice
from app.ui.shell.style import follow_font, relative_pt, sized_sheet
from app.ui.shell.table_model import KEY_ROLE

if TYPE_CHECKING:
    from app.services.queue.base import TicketRef

log = logging.getLogger(__name__)

DOUBLE_PRESS_SECONDS = 0.8  # a second press on the same queue within this is a bounce
TICK_MS = 20_000  # waits so far grow on screen even when nothing changes


class ReceptionView(QWidget):
    """Issue buttons, the last ticket, recent tickets, the waiting queue, now serving.
    ``printer`` puts a ticket on paper (default: Qt to the chosen printer or a PDF);
    ``monotonic`` is the clock of the double-press guard. Both are injectable for tests."""

    def __init__(
        self,
        ctx: UiContext,
        parent: QWidget | None = None,
        *,
        printer: TicketPrinter | None = None,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        tickets = ctx.settings.data_dir / "tickets"
        self._printer: TicketPrinter = printer or QtTicketPrinter(tickets, ctx.prefs)
        self._monotonic = monotonic
        self._pressed: dict[str, float] = {}
        self._buttons: dict[str, IssueButton] = {}
        self._shortcuts: list[QShortcut] = []
        self._printouts: dict[str, TicketPrint] = {}
        self._setup_ui()
        if ctx.watcher.snapshot is None:  # not read yet (a failed read is reported, and retried)
            ctx.watcher.refresh()
        snapshot = ctx.watcher.snapshot
        self._build_buttons([(q.letter, q.label) for q in snapshot.queues] if snapshot else [])
        ctx.watcher.changed.connect(self._on_snapshot)
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._on_tick)
        self._timer.start()
        if ctx.watcher.snapshot is not None:
            self._on_snapshot(ctx.watcher.snapshot)

    def _fit_rows(self, message_row: QWidget, heading: QLabel) -> None:
        """The message row two lines of the message (12 pt at least) or a button high, the
        heading the warning line's: nothing cut at any font size, nor when it changes."""
        font = QFont(self.font())
        font.setPointSizeF(max(relative_pt(12.0), font.pointSizeF()))
        buttons = (b.sizeHint().height() for b in (self.undo, self.check_in.walk_in))
        message_row.setFixedHeight(max(2 * QFontMetrics(font).lineSpacing(), *buttons) + 4)
        said = self.warning.text()
        self.warning.setText("Ag")  # as high as the warning line, shown or not
        heading.setMinimumHeight(max(heading.sizeHint().height(), self.warning.sizeHint().height()))
        self.warning.setText(said)

    def _setup_ui(self) -> None:
        self.setObjectName("reception")
        sized_sheet(self, VIEW_STYLE)  # its sizes follow the application's font
        root = QVBoxLayout(self)
        root.setContentsMargins(16, 12, 16, 12)
        root.setSpacing(12)
        self.warning = QLabel("")
        self.warning.setObjectName("closing-warning")
        self.warning.setWordWrap(True)
        # One line beside "Ny kölapp": coming or going it moves nothing; a narrow screen
        # cuts it rather than widening the window (the tooltip has it all).
        sized_sheet(self.warning, WARNING_LINE_STYLE)
        self.warning.setWordWrap(False)
        self.warning.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.warning.hide()
        # The message row keeps its height, said or not, so that nothing under the clerk's
        # mouse moves when a sentence comes or goes; "Ångra" takes back the last press.
        self.message = QLabel("")
        self.message.setObjectName("reception-message")
        self.message.setWordWrap(True)
        self.undo = QPushButton(self.tr("Ångra"))
        self.undo.setObjectName("reception-undo")
        self.undo.setAccessibleName(self.tr("Ångra: besökaren gick inte"))
        self.undo.clicked.connect(self._on_undo_clicked)
        self.undo.hide()
        self._undoable: str | None = None  # the ticket just marked as gone
        self._reprinting: set[str] = set()  # reprints sent, each confirmed when done
        message_row = QWidget(self)
        message_row.setObjectName("reception-message-row")
        row = QHBoxLayout(message_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.message, 1)
        row.addWidget(self.undo, 0, Qt.AlignmentFlag.AlignVCenter)
        self.check_in = CheckInBox(self._ctx, self._on_issued, self._say, self, offer_row=row)
        root.addWidget(message_row)
        self.alerts = HelpAlerts(self._ctx, self)
        root.addWidget(self.alerts)

        top = QHBoxLayout()
        top.setSpacing(16)
        issue_box = QVBoxLayout()
        heading = QLabel(self.tr("Ny kölapp"))
        heading.setProperty("role", "heading")
        follow_font(self, lambda: self._fit_rows(message_row, heading))
        heading_row = QHBoxLayout()
        heading_row.addWidget(heading)
        heading_row.addWidget(self.warning, 1)
        issue_box.addLayout(heading_row)
        self.button_grid = QGridLayout()
        self.button_grid.setSpacing(10)
        issue_box.addLayout(self.button_grid, 1)
        self.booked = QPushButton()
        self.booked.setObjectName("booked-toggle")
        self.booked.setCheckable(True)
        self.booked.setAccessibleName(self.tr("Bokad tid eller förtur för nästa kölapp"))
        self.booked.toggled.connect(self._on_booked_toggled)
        self._on_booked_toggled(False)
        self.language = LanguageChooser(self._ctx, self)
        self.language.load()
        visitor_row = QHBoxLayout()
        visitor_row.addWidget(self.booked, 3)
        visitor_row.addWidget(self.language, 2)
        issue_box.addLayout(visitor_row)
        issue_box.addWidget(self.check_in)
        top.addLayout(issue_box, 3)
        self.panel = LastTicketPanel(self)
        self.panel.reprint.clicked.connect(self._on_reprint_clicked)
        top.addWidget(self.panel, 2)
        root.addLayout(top, 3)

        bottom = QHBoxLayout()
        bottom.setSpacing(16)
        self.recent_model = RecentTicketsModel(self)
        self.recent_table = make_table(
            self.recent_model,
            "recent-tickets",
            self.tr("Senaste kölappar"),
            self,
            stretch=RecentTicketsModel.COL_STATE,
        )
        self.recent_table.selectionModel().selectionChanged.connect(self._on_recent_selected)
        recent_box, _ = titled(self.tr("Senaste kölappar"), self.recent_table)
        actions = QHBoxLayout()
        self.reprint_selected = QPushButton(self.tr("Skriv ut vald igen"))
        self.reprint_selected.setObjectName("reprint-selected")
        self.reprint_selected.setAccessibleName(self.tr("Skriv ut vald kölapp igen"))
        self.reprint_selected.clicked.connect(self._on_reprint_selected_clicked)
        self.walked_out = QPushButton(self.tr("Gick innan upprop"))
        self.walked_out.setObjectName("walked-out")
        self.walked_out.setAccessibleName(
            self.tr("Markera vald kölapp: besökaren gick innan upprop")
        )
        self.walked_out.clicked.connect(self._on_walked_out_clicked)
        self.cancel_ticket = QPushButton(self.tr("Makulera vald …"))
        self.cancel_ticket.setObjectName("cancel-ticket")
        self.cancel_ticket.setProperty("role", "danger")
        self.cancel_ticket.setAccessibleName(self.tr("Makulera vald kölapp"))
        self.cancel_ticket.clicked.connect(self._on_cancel_clicked)
        self.tell = TellButton(self._ctx, self._selected_code, self)
        for button in (self.reprint_selected, self.tell, self.walked_out, self.cancel_ticket):
            button.setEnabled(False)
            actions.addWidget(button)
        recent_box.addLayout(actions)
        bottom.addLayout(recent_box, 5)
        self.waiting_model = WaitingModel(self)
        self.waiting_table = make_table(
            self.waiting_model, "waiting-table", self.tr("Väntande kölappar"), self
        )
        self.waiting_table.setSortingEnabled(True)
        waiting_box, self.waiting_heading = titled(self.tr("Väntar"), self.waiting_table)
        self.stale = StaleNotice(self._ctx.watcher, self)
        waiting_box.insertWidget(1, self.stale)
        bottom.addLayout(waiting_box, 5)
        self.serving_model = ServingModel(self)
        self.serving_table = make_table(
            self.serving_model, "serving-table", self.tr("Betjänas nu"), self, stretch=0
        )
        serving_box, _ = titled(self.tr("Betjänas nu"), self.serving_table)
        bottom.addLayout(serving_box, 3)
        root.addLayout(bottom, 4)

        describe_controls(self)
        self.alerts.changed.connect(lambda: chain_focus(self))
        reprint_key = QShortcut(QKeySequence("Ctrl+P"), self)
        reprint_key.activated.connect(self._on_reprint_clicked)

    def _build_buttons(self, queues: list[tuple[str, str]]) -> None:
        for old in self._buttons.values():
            old.deleteLater()
        for shortcut in self._shortcuts:
            shortcut.setEnabled(False)
            shortcut.deleteLater()
        self._buttons, self._shortcuts = {}, []
        for i, (letter, label) in enumerate(queues):
            key = f"F{i + 1}" if i < 12 else ""
            button = IssueButton(letter, label, key, self)
            button.clicked.connect(lambda _checked=False, x=letter: self._on_issue(x))
            self.button_grid.addWidget(button, i // 2, i % 2)
            self._buttons[letter] = button
            if key:
                shortcut = QShortcut(QKeySequence(key), self)
                shortcut.setAutoRepeat(False)  # a held key is one press
                shortcut.activated.connect(lambda x=letter: self._on_issue(x))
                self._shortcuts.append(shortcut)
        chain_focus(self)

    def issue_buttons(self) -> list[IssueButton]:
        """The issue buttons, in the queues' order."""
        return list(self._buttons.values())

    # ------------------------------------------------------------ issuing and printing

    def _on_issue(self, letter: str) -> None:
        pressed = self._monotonic()
        if pressed - self._pressed.get(letter, pressed - 2 * DOUBLE_PRESS_SECONDS) < (
            DOUBLE_PRESS_SECONDS
        ):
            log.debug("ignored a double press on queue %s", letter)
            return
        button = self._buttons.get(letter)
        if button is not None and not button.isEnabled():
            return  # this queue's last press is still being carried out
        self._pressed[letter] = pressed
        booked, language = self.booked.isChecked(), self.language.code()
        action = (
            Action(
                self._ctx,
                f"issue in {letter}",
                lambda: self._ctx.queue.issue(
                    letter, booked=booked, language=language, source="reception"
                ),
            )
            .success(self._on_issued)
            .failure(
                self._say_error,
                self.tr(
                    "Kölappen kunde inte utfärdas: databasen svarade inte. Försök igen; "
                    "kvarstår felet, kontakta IT."
                ),
            )
        )
        if button is not None:
            action.busy(button)
        action.run(self)

    def _on_issued(self, ref: TicketRef, booked_time: str | None = None) -> None:
        """The ticket is stored and the lists have read it: show it once, then print it."""
        self.booked.setChecked(False)
        self.language.reset()
        self._say("")
        button = self._buttons.get(ref.queue_letter)
        label = button.label_text if button else ref.queue_letter
        fallback = TicketPrint(self._ctx.office_name, ref.code, label, ref.issued_at, ref.booked)
        printout = self._printout(ref.code, fallback)
        assert printout is not None
        printout = self.check_in.dress(printout, booked_time, self.panel.booked_label)
        self._printouts[ref.code] = printout
        self.panel.show_ticket(printout, ref.queue_letter)
        self._print(printout)

    def _printout(self, code: str, fallback: TicketPrint | None) -> TicketPrint | None:
        return current_printout(self._ctx.watcher.snapshot, code, self._ctx.office_name, fallback)

    def _print(self, printout: TicketPrint) -> None:
        code = printout.code
        if code == self.panel.code:
            self.panel.set_printing()
        queue, printer = self._ctx.queue, for_worker(self._printer)

        def printed(outcome: PrintOutcome) -> None:
            if shiboken6.isValid(self):  # the window may have closed while the printer worked
                self._on_printed(code, outcome)

        self._ctx.runner.submit(
            lambda: print_and_record(queue, printer, printout),
            printed,
            lambda exc: printed(PrintOutcome.failed(str(exc), self.tr("fel"))),
        )

    def _on_printed(self, code: str, outcome: PrintOutcome) -> None:
        sentence = self.tr(
            "Kölappen {0} kunde inte skrivas ut ({1}). Lappen är utfärdad och står i kön – "
            "säg numret till besökaren, kontrollera skrivaren och tryck ”Skriv ut igen”."
        ).format(code, outcome.swedish)
        if code == self.panel.code:
            self.panel.set_outcome(outcome, sentence)
        elif not outcome.ok:
            self._say(sentence, error=True)
        if code in self._reprinting:  # every reprint is confirmed, or its failure said
            self._reprinting.discard(code)
            if outcome.status == "printed":
                self._say(self.tr("Kölappen {0} är utskriven igen.").format(code))
            elif outcome.ok:
                self._say(
                    self.tr("{0}: ingen skrivare – sparad igen som PDF i mappen {1}.").format(
                        code, pdf_folder(outcome.status)
                    ),
                    error=True,
                )
        self._ctx.watcher.refresh()

    def _on_reprint_clicked(self) -> None:
        if self.panel.code is not None:
            self._reprint(self.panel.code)

    def _on_reprint_selected_clicked(self) -> None:
        code = self._selected_code()
        if code is not None:
            self._reprint(code)

    def _reprint(self, code: str) -> None:
        snapshot = self._ctx.watcher.snapshot
        try:
            if snapshot is not None:
                refuse_unless_waiting(snapshot, code)
            printout = self._printout(code, self._printouts.get(code))
        except InvalidTransitionError as exc:
            self._say(reprint_refusal(exc), error=True)
            return
        if printout is None:
            self._say(self.tr("Kölappen {0} finns inte längre i kön.").format(code), error=True)
            return
        self._reprinting.add(code)
        self._print(printout)

    # ---------------------------------------------------- recent tickets, cancel, walked out

    def _selected_code(self) -> str | None:
        rows = self.recent_table.selectionModel().selectedRows()
        return rows[0].data(KEY_ROLE) if rows else None

    def _on_recent_selected(self, *_args: object) -> None:
        code = self._selected_code()
        snapshot = self._ctx.watcher.snapshot
        ticket = snapshot.ticket(code) if code and snapshot else None
        self.reprint_selected.setEnabled(ticket is not None and ticket.state == "waiting")
        self.tell.setEnabled(ticket is not None)
        in_queue = ticket is not None and ticket.state in ("waiting", "parked")
        self.walked_out.setEnabled(in_queue)
        self.cancel_ticket.setEnabled(in_queue)

    def _on_cancel_clicked(self) -> None:
        code = self._selected_code()
        if code is None:
            return
        box = QMessageBox(self)
        box.setObjectName("cancel-confirm")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Makulera kölapp"))
        box.setText(self.tr("Makulera kölapp {0}?").format(code))
        box.setInformativeText(self.tr("Lappen tas bort ur kön och ropas inte upp."))
        yes = box.addButton(self.tr("Makulera {0}").format(code), QMessageBox.ButtonRole.AcceptRole)
        yes.setObjectName("confirm-cancel")
        no = box.addButton(self.tr("Behåll"), QMessageBox.ButtonRole.RejectRole)
        no.setObjectName("keep-ticket")
        box.setDefaultButton(no)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(lambda clicked: self._on_cancel_answered(code, clicked is yes))
        box.open()

    def _on_cancel_answered(self, code: str, confirmed: bool) -> None:
        if not confirmed:
            return
        Action(self._ctx, f"cancel {code}", lambda: self._ctx.queue.cancel(code)).success(
            lambda _ref: self._say(self.tr("{0} är makulerad.").format(code))
        ).failure(
            self._say_error, self.tr("{0} kunde inte makuleras. Försök igen.").format(code)
        ).busy(self.cancel_ticket, self.walked_out).run(self)

    def _on_walked_out_clicked(self) -> None:
        """The visitor left before being called: not a no-show, not a cancellation."""
        code = self._selected_code()
        if code is None:
            return
        said = self.tr("{0} är markerad: gick innan upprop. Fel? Tryck Ångra.").format(code)
        Action(self._ctx, f"walked out {code}", lambda: self._ctx.queue.walked_out(code)).success(
            lambda _ref: self._say(said, undo=code)
        ).failure(
            self._say_error,
            self.tr("{0} kunde inte markeras som gått. Försök igen.").format(code),
        ).busy(self.cancel_ticket, self.walked_out).run(self)

    def new_person(self) -> None:
        """Someone else signed in here: the last person's message and selection go."""
        self._say("")
        self.recent_table.clearSelection()

    def _on_undo_clicked(self) -> None:
        """The visitor marked as gone was only outside: back in the queue, in the old place."""
        code = self._undoable
        if code is None:
            return
        Action(
            self._ctx, f"undo walked out {code}", lambda: self._ctx.queue.undo_walked_out(code)
        ).success(
            lambda _ref: self._say(self.tr("{0} står i kön igen, på sin gamla plats.").format(code))
        ).failure(
            self._say_error, self.tr("{0} kunde inte sättas tillbaka i kön.").format(code)
        ).busy(self.undo).run(self)

    # ------------------------------------------------------------ the live queue

    def _on_snapshot(self, snapshot: QueueSnapshot) -> None:
        queues = [(q.letter, q.label) for q in snapshot.queues]
        if [letter for letter, _ in queues] != list(self._buttons):
            self._build_buttons(queues)  # the catalog changed
        for status in snapshot.queues:
            button = self._buttons[status.letter]
            button.set_label(status.label)  # a renamed queue keeps its letter
            button.set_stats(status.waiting, status.estimated_wait_minutes)
        self.waiting_model.set_snapshot(snapshot)
        self.serving_model.set_snapshot(snapshot)
        self.recent_model.set_snapshot(snapshot)
        if self.panel.code is not None:
            self.panel.follow(snapshot.ticket(self.panel.code))
        self.waiting_heading.setText(self.tr("Väntar ({0})").format(len(snapshot.waiting)))
        self.alerts.refresh()
        self._on_recent_selected()
        text = closing_warning_text(snapshot, snapshot.opening_hours)
        self.warning.setText(text)
        self.warning.setToolTip(text)
        self.warning.setAccessibleDescription(text)
        self.warning.setVisible(bool(text))

    def _on_tick(self) -> None:
        self.waiting_model.set_now(self._ctx.clock.now())

    def _on_booked_toggled(self, checked: bool) -> None:
        self.booked.setText(
            self.tr("✓ Bokad tid / förtur – nästa kölapp blir bokad")
            if checked
            else self.tr("Bokad tid / förtur (för nästa kölapp)")
        )

    def _say_error(self, text: str) -> None:
        self._say(text, error=True)

    def _say(self, text: str, *, error: bool = False, undo: str | None = None) -> None:
        """A sentence in the message row (the row stays, empty or not); ``undo``: the ticket
        the row's Ångra button takes back."""
        self.message.setText(text)
        self.check_in.hide_offer()
        # A new style sheet polishes the label again: sized_sheet leaves an unchanged one.
        sized_sheet(self.message, ERROR_STYLE if error else "font-size: 12pt;")
        self._undoable = undo
        self.undo.setVisible(undo is not None)
