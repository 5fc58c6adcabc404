"""The parts of the reception screen: issue buttons, the last-ticket panel, the closing banner."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QObject, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services.office.calendar import OpeningHours
from app.services.queue.closing import day_left, late_queues
from app.services.queue.views import QueueSnapshot, TicketView
from app.ui.reception.printing import PrintOutcome, TicketPrint
from app.ui.shell.fitting import WrappedLabel
from app.ui.shell.office_time import hhmm
from app.ui.shell.style import FitLabel, sized_sheet
from app.ui.shell.table_model import SORT_ROLE

# Sizes for text of 11 pt, grown with the application's font (style.sized_sheet).
AMBER = "background: #fff0c2; color: #3d2c00;"  # 12:1 contrast
WARNING_LINE_STYLE = (
    f"{AMBER} border: 1px solid #b7860b; border-radius: 4px; padding: 2px 8px;"
    " font-size: 11pt; font-weight: 600;"
)
VIEW_STYLE = (
    "QFrame#last-ticket-panel { background: white; border: 1px solid #c4cbd2;"
    " border-radius: 8px; }"
    "QPushButton#booked-toggle { font-size: 12pt; padding: 10px; }"
    f"QPushButton#booked-toggle:checked {{ {AMBER} border: 3px solid #b7860b;"
    " font-weight: 700; }"
    "QTableView { font-size: 12pt; }"
)
ERROR_STYLE = "color: #a61c00; font-weight: 600; font-size: 12pt;"


# lupdate reads translate("reception", "…"): the context is given at each call.
translate = QCoreApplication.translate


def pdf_folder(status: str) -> str:
    """The folder of a ticket printed to PDF ("pdf:<path>")."""
    path = status.removeprefix("pdf:").replace("\\", "/")
    return path.rsplit("/", 1)[0] if "/" in path else path


def closing_warning_text(snapshot: QueueSnapshot, hours: OpeningHours | None = None) -> str:
    """The warning line, one line whatever the number of queues: closed for the day, a
    pause until the office reopens, and the queues whose new visitors may not be served
    before closing (else "")."""
    left = day_left(snapshot)
    if left.before_opening:
        return ""  # closed all day, or before opening: a queue at opening is normal
    if left.closed_for_the_day and left.closes is not None:
        return translate(
            "reception",
            "Kontoret har stängt för i dag (stängde {0}) – nya hinner kanske inte betjänas.",
        ).format(hhmm(left.closes))
    parts = []
    if left.reopens is not None:  # between two intervals of the day
        parts.append(translate("reception", "Paus – öppnar igen {0}.").format(hhmm(left.reopens)))
    late = late_queues(snapshot)
    if late and left.closes is not None:
        queues = ", ".join(
            translate("reception", "{0} ca {1} min").format(letter, m) for letter, m in late
        )
        parts.append(
            translate("reception", "Stänger {0} – nya besökare hinner kanske inte: {1}.").format(
                hhmm(left.closes), queues
            )
        )
    return " ".join(parts)


def make_table(
    model: QAbstractItemModel, name: str, accessible: str, parent: QObject, stretch: int = -1
) -> QTableView:
    """A read-only, row-selecting table over a sortable proxy (Tab leaves it); the
    ``stretch`` column takes the spare width, the others fit their contents."""
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    table = QTableView()
    table.setObjectName(name)
    table.setAccessibleName(accessible)
    table.setModel(proxy)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setTabKeyNavigation(False)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSortIndicatorClearable(True)
    header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # call order until the user sorts
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setMinimumSectionSize(60)
    header.setResizeContentsPrecision(0)  # fit to the rows in view: cheap on long queues
    if stretch >= 0:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    else:
        header.setStretchLastSection(True)
    return table


def titled(title: str, table: QTableView) -> tuple[QVBoxLayout, QLabel]:
    """A table under its title (the title is the table's buddy)."""
    label = QLabel(title)
    sized_sheet(label, "font-size: 12pt; font-weight: 700;")
    label.setBuddy(table)
    box = QVBoxLayout()
    box.addWidget(label)
    box.addWidget(table, 1)
    return box, label


class IssueButton(QPushButton):
    """One big button per queue: letter, label, waiting count and estimate, its F-key."""

    def __init__(self, letter: str, label: str, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.letter, self.label_text, self.key = letter, label, key
        self.setObjectName(f"issue-{letter}")
        self.setProperty("role", "primary")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._stats: tuple[int, int] | None = None
        self._setup_ui()
        self.set_stats(0, 0)

    def _setup_ui(self) -> None:
        layout = QHBoxLayout(self)
        layout.setContentsMargins(18, 8, 14, 8)
        layout.addStrut(110)  # at least this high, and as large as its text (large fonts):
        layout.setSizeConstraint(QHBoxLayout.SizeConstraint.SetMinimumSize)  # not a window's
        letter = FitLabel(40)  # grown with the font, and smaller where the button is low
        letter.setText(self.letter)
        letter.setObjectName(f"issue-letter-{self.letter}")
        letter.setStyleSheet("color: white;")
        letter.setMinimumWidth(56)
        texts = QVBoxLayout()
        self.name_label = WrappedLabel(self.label_text)  # the button grows with its lines
        sized_sheet(self.name_label, "font-size: 12pt; font-weight: 700; color: white;")
        self.stats_label = WrappedLabel("")
        sized_sheet(self.stats_label, "font-size: 12pt; color: white;")
        texts.addStretch(1)
        texts.addWidget(self.name_label)
        texts.addWidget(self.stats_label)
        texts.addStretch(1)
        key = QLabel(self.key)
        sized_sheet(
            key,
            "font-size: 11pt; font-weight: 700; color: white; border: 1px solid white;"
            " border-radius: 4px; padding: 2px 6px;",
        )
        layout.addWidget(letter)
        layout.addSpacing(10)
        layout.addLayout(texts, 1)
        layout.addWidget(key, 0, Qt.AlignmentFlag.AlignTop)
        for child in (letter, self.name_label, self.stats_label, key):
            child.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        if not self.key:
            key.hide()
        said = self.tr("Ger en kölapp i kö {0} och skriver ut den.").format(self.letter)
        self.setAccessibleDescription(said + (f" ({self.key})" if self.key else ""))

    def set_stats(self, waiting: int, minutes: int) -> None:
        """Show how many wait and the estimate for a new ticket."""
        if self._stats == (waiting, minutes):
            return
        self._stats = (waiting, minutes)
        if waiting == 0:
            text = self.tr("Ingen väntar")
        else:
            text = self.tr("{0} väntar · ca {1} min").format(waiting, minutes)
        self.stats_label.setText(text)
        self._update_accessible_name()

    def set_label(self, label: str) -> None:
        """Show the queue's new name (renamed in the settings)."""
        if label == self.label_text:
            return
        self.label_text = label
        self.name_label.setText(label)
        self._update_accessible_name()

    def _update_accessible_name(self) -> None:
        self.setAccessibleName(
            self.tr("Ny kölapp {0}, {1}. {2}. {3}").format(
                self.letter, self.label_text, self.stats_label.text(), self.key
            )
        )


class LastTicketPanel(QFrame):
    """The ticket just issued, very large, with its queue, estimate and print state."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.code: str | None = None
        self._setup_ui()

    def _setup_ui(self) -> None:
        self.setObjectName("last-ticket-panel")
        box = QVBoxLayout(self)
        box.setContentsMargins(18, 12, 18, 12)
        heading = QLabel(self.tr("Senast utfärdad"))
        heading.setProperty("role", "heading")
        self.code_label = FitLabel(72)  # as large as fits, never cut
        self.code_label.setText("–")
        self.code_label.setObjectName("last-ticket")
        self.code_label.setAccessibleName(self.tr("Senast utfärdade kölapp"))
        self.code_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code_label.setStyleSheet("color: #073763;")
        self.booked_label = QLabel(self.tr("Bokad tid / förtur"))
        self.booked_label.setObjectName("last-booked")
        self.booked_label.setStyleSheet(f"{AMBER} font-weight: 700; padding: 2px 10px;")
        self.booked_label.hide()
        self.queue_label = QLabel("")
        self.queue_label.setObjectName("last-queue")
        self.detail = QLabel(self.tr("Tryck på en kö (eller F1 …) för att ge en kölapp."))
        self.detail.setObjectName("last-detail")
        self.print_state = QLabel("")
        self.print_state.setObjectName("print-state")
        for label in (self.queue_label, self.detail, self.print_state):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setWordWrap(True)
            sized_sheet(label, "font-size: 13pt;")
        self.print_error = QLabel("")
        self.print_error.setObjectName("print-error")
        self.print_error.setProperty("role", "error")
        self.print_error.setWordWrap(True)
        sized_sheet(self.print_error, ERROR_STYLE)
        self.print_error.hide()
        self.reprint = QPushButton(self.tr("Skriv ut igen (Ctrl+P)"))
        self.reprint.setObjectName("reprint")
        self.reprint.setAccessibleName(self.tr("Skriv ut senaste kölappen igen"))
        self.reprint.setEnabled(False)
        box.addWidget(heading)
        box.addWidget(self.code_label)
        box.addWidget(self.booked_label, 0, Qt.AlignmentFlag.AlignHCenter)
        for widget in (self.queue_label, self.detail, self.print_state, self.print_error):
            box.addWidget(widget)
        box.addStretch(1)
        box.addWidget(self.reprint)

    def follow(self, ticket: TicketView | None) -> None:
        """Keep the line under the code true once the ticket has moved on (called, served …)."""
        if self.code is None:
            return
        if ticket is None:
            self.detail.setText(self.tr("Inte längre i kön (betjänad eller avslutad)"))
        elif ticket.state == "called":
            self.detail.setText(self.tr("Ropad till {0}").format(ticket.service_point_name))
        elif ticket.state == "serving":
            self.detail.setText(self.tr("Betjänas vid {0}").format(ticket.service_point_name))
        elif ticket.state == "parked":
            self.detail.setText(self.tr("Parkerad – väntar på att ropas upp igen"))

    def show_ticket(self, printout: TicketPrint, letter: str) -> None:
        """Show a newly issued ticket (before it is printed)."""
        self.code = printout.code
        self.code_label.setText(printout.code)
        self.code_label.setAccessibleDescription(printout.code)
        self.booked_label.setVisible(printout.booked)
        self.queue_label.setText(self.tr("Kö {0} – {1}").format(letter, printout.queue_label))
        if printout.ahead is None:
            self.detail.setText("")
        elif printout.ahead == 0:
            self.detail.setText(self.tr("Ingen före – tur snart"))
        else:
            self.detail.setText(
                self.tr("{0} före · ca {1} min väntetid").format(
                    printout.ahead, printout.wait_minutes
                )
            )
        self.print_error.hide()
        self.reprint.setEnabled(True)

    def set_printing(self) -> None:
        """The print has been sent."""
        self.print_state.setText(self.tr("Skriver ut …"))

    def set_outcome(self, outcome: PrintOutcome, sentence: str) -> None:
        """How printing went; a failure shows the sentence in red."""
        if not outcome.ok:
            self.print_state.setText(self.tr("Utskriften misslyckades"))
        elif outcome.status == "printed":
            self.print_state.setText(self.tr("Utskriven ✓"))
        else:  # no printer: the visitor gets no paper, whatever the file says
            self.print_state.setText(self.tr("Ingen skrivare – inte utskriven"))
            sentence = self.tr(
                "Ingen lapp på papper: {0} sparades som PDF i mappen {1}. Säg numret till "
                "besökaren, eller välj en skrivare under Inställningar."
            ).format(self.code or "", pdf_folder(outcome.status))
        self.print_error.setText(sentence if outcome.status != "printed" else "")
        self.print_error.setVisible(outcome.status != "printed")
