"""The errand form: the errands of a finished ticket or of a quick visit without a ticket.

One row per errand (agency → errand type → outcome → referral, language,
interpreter). The common case is fast: the queue's usual agency is chosen, the
errand type is found by typing part of its name, and Ctrl+Enter saves. Enter
never submits.

Nothing of one visitor reaches the next: each visit starts from the office's
defaults (Swedish, no interpreter, no outcome chosen), so a visitor is never
logged with the last one's language or outcome by one keystroke; only the
language the visitor chose with their ticket, if any, is preselected (the
interpreter is not: the case worker knows whether one took part). Language and
interpreter belong to the visit as the visitor lives it, so a new row of the
same visit takes the row above's agency, language and interpreter; they are
kept per errand, because the statistics count errands per language and an
interpreter may be booked for one agency's errand only (change the row).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.services.errands.records import (
    DEFAULT_INTERPRETER,
    DEFAULT_LANGUAGE,
    CatalogChoices,
    ErrandInput,
    VisitRef,
)
from app.ui.service_point.errand_row import ErrandRow, count_text
from app.ui.service_point.languages import LanguageNames
from app.ui.shell import style
from app.ui.shell.access import describe, tab_chain
from app.ui.shell.action import Action
from app.ui.shell.context import UiContext
from app.ui.shell.fitting import WrappedLabel
from app.ui.shell.messages import database_failed
from app.ui.shell.table_model import KEY_ROLE

if TYPE_CHECKING:  # the services load after the first window (tests/unit/test_quick_read.py)
    from app.services.errands.visits import DayVisit

log = logging.getLogger(__name__)

PREF_CHANNEL = "errands/quick_channel"
PREF_QUICK_AGENCY = "errands/quick_agency"

# The shared style sets one text colour for every widget, so disabled fields are greyed here.
FORM_STYLE = f"""
QComboBox, QLineEdit {{ placeholder-text-color: #4f565c; }}
QComboBox:disabled, QSpinBox:disabled {{ color: #5b6166; }}
QPushButton[role="danger"]:disabled {{ color: #6b7278; border-color: #b0b7be; }}
QGroupBox {{ font-weight: 600; }}
QGroupBox QLabel {{ font-weight: 400; }}
QComboBox[invalid="true"] {{ border: 2px solid {style.DANGER}; border-radius: 3px; }}
QLabel#errand-problem {{ color: {style.DANGER}; font-weight: 700; }}
"""


class ErrandForm(QWidget):
    """Errand rows, save (Ctrl+Enter) and cancel (Esc); calls the errands service once."""

    saved = Signal(object, str)  # VisitRef, a short confirmation for the service view
    cancelled = Signal()
    move_only = Signal(str)  # a transfer without errands logged: the queue's letter

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        # The catalog's language names, for the screen's lists: learnt with every read here.
        self.language_names = LanguageNames(ctx, self)
        self._choices: CatalogChoices | None = None
        self._code: str | None = None
        self._language: str | None = None  # the language the visitor chose with their ticket
        self._letter: str | None = None
        self._point: int | None = None
        self._visit: DayVisit | None = None  # a logged visit being corrected
        self._move_to: str | None = None  # a transfer: the queue the visitor goes on to
        self.rows: list[ErrandRow] = []
        self._loading = 0  # which start of the form the catalog is being read for
        self._focus_wanted = False
        self._setup_ui()

    def _setup_ui(self) -> None:
        self.setObjectName("errand-form")
        self.setAccessibleName(self.tr("Ärenden"))
        self.setStyleSheet(FORM_STYLE)
        self.title = QLabel(self)
        self.title.setObjectName("errand-form-title")
        self.title.setProperty("role", "heading")
        hint = QLabel(
            self.tr("Ctrl+Enter sparar · Esc avbryter · Tab flyttar till nästa fält"), self
        )
        hint.setObjectName("errand-form-hint")

        self.channel_box = QGroupBox(self.tr("Kontaktväg"), self)
        self.channel_box.setObjectName("errand-channel")
        self.desk = QRadioButton(self.tr("Besök vid disk"), self.channel_box)
        self.desk.setObjectName("channel-desk")
        self.desk.setAccessibleName(self.tr("Kontaktväg: besök vid disk"))
        self.phone = QRadioButton(self.tr("Telefon"), self.channel_box)
        self.phone.setObjectName("channel-phone")
        self.phone.setAccessibleName(self.tr("Kontaktväg: telefon"))
        self.duration = QSpinBox(self.channel_box)
        self.duration.setObjectName("quick-duration")
        self.duration.setAccessibleName(self.tr("Besökets längd i minuter, om du vet den"))
        self.duration.setRange(0, 8 * 60)
        self.duration.setSuffix(self.tr(" min"))
        self.duration.setSpecialValueText(self.tr("vet ej"))
        duration_label = QLabel(self.tr("Ti&d:"), self.channel_box)  # Alt+T: Statistik
        duration_label.setBuddy(self.duration)
        channel_layout = QHBoxLayout(self.channel_box)
        channel_layout.addWidget(self.desk)
        channel_layout.addWidget(self.phone)
        channel_layout.addSpacing(24)
        channel_layout.addWidget(duration_label)
        channel_layout.addWidget(self.duration)
        channel_layout.addStretch(1)

        self._rows_host = QWidget(self)
        self._rows_layout = QVBoxLayout(self._rows_host)
        self._rows_layout.setContentsMargins(0, 0, 0, 0)
        self._rows_layout.addStretch(1)
        scroll = self.rows_area = QScrollArea(self)
        scroll.setObjectName("errand-rows")
        scroll.setWidgetResizable(True)
        scroll.setWidget(self._rows_host)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a field Tab reaches scrolls into view

        self.message = WrappedLabel(self)
        self.message.setObjectName("errand-form-message")
        self.message.setProperty("role", "error")

        self.add_button = QPushButton(self.tr("Lägg till &ärende"), self)  # Alt+L: Lucka
        self.add_button.setObjectName("add-errand")
        self.add_button.setAccessibleName(self.tr("Lägg till ärende"))
        self.save_button = QPushButton(self.tr("Spara och avsluta (Ctrl+Enter)"), self)
        self.save_button.setObjectName("save-errands")
        self.save_button.setAccessibleName(self.tr("Spara ärendena"))
        self.save_button.setProperty("role", "primary")
        self.save_button.setAutoDefault(False)
        self.cancel_button = QPushButton(self.tr("Avbryt (Esc)"), self)
        self.cancel_button.setObjectName("cancel-errands")
        self.cancel_button.setAccessibleName(self.tr("Avbryt utan att spara"))
        self.move_button = QPushButton(self.tr("Flytta utan att registrera"), self)
        self.move_button.setObjectName("move-without-errands")
        self.move_button.clicked.connect(lambda: self.move_only.emit(self._move_to or ""))
        self.move_button.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.move_button)
        buttons.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(hint)
        layout.addWidget(self.channel_box)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.save_button.click)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.cancel_button.click)
        self.add_button.clicked.connect(self._on_add_clicked)
        self.save_button.clicked.connect(self._on_save_clicked)
        self.cancel_button.clicked.connect(self._on_cancel_clicked)
        for widget, text in (
            (self.desk, self.tr("Besökaren var här vid disken.")),
            (self.phone, self.tr("Ärendet sköttes i telefon.")),
            (self.duration, self.tr("Hur länge besöket tog; lämna vet ej om du inte vet.")),
            (self.add_button, self.tr("En rad till för nästa ärende under samma besök.")),
            (self.cancel_button, self.tr("Stänger formuläret utan att spara något (Esc).")),
            (self.move_button, self.tr("Flyttar besökaren utan att registrera några ärenden.")),
            (self.save_button, self.tr("Sparar ärendena (Ctrl+Enter).")),
        ):
            describe(widget, text)

    # ------------------------------------------------------------ starting

    def start_transfer(
        self, code: str, queue_letter: str, to: str, language: str | None = None
    ) -> None:
        """The errands handled before a called visitor moves on to queue ``to``: saving
        logs them and moves the visitor; they may also move without any."""
        self.start_ticket(code, queue_letter, language)
        self._move_to = to
        self.title.setText(
            self.tr("Flytta {0} till kö {1} – registrera det som gjorts hittills").format(code, to)
        )
        self.save_button.setText(self.tr("Spara och flytta (Ctrl+Enter)"))
        self.move_button.show()

    def start_correction(self, visit: DayVisit, title: str) -> None:
        """The errands of a logged visit, to correct and add to; saving keeps both at once."""
        self._code, self._letter, self._point, self._visit = None, None, None, visit
        self._move_to, self._language = None, None
        self.move_button.hide()
        self.title.setText(title)
        self.channel_box.hide()
        self.save_button.setText(self.tr("Spara rättelsen (Ctrl+Enter)"))
        self._reset()

    def start_ticket(
        self, code: str, queue_letter: str | None, language: str | None = None
    ) -> None:
        """Errands of a called ticket; saving finishes it. ``language``: the one the visitor
        chose with the ticket, preselected as the service language."""
        self._code, self._letter, self._point, self._visit = code, queue_letter, None, None
        self._move_to, self._language = None, language
        self.move_button.hide()
        self.title.setText(self.tr("Avsluta {0} – registrera ärenden").format(code))
        self.channel_box.hide()
        self.save_button.setText(self.tr("Spara och avsluta (Ctrl+Enter)"))
        self._reset()

    def start_quick(self, point_number: int | None) -> None:
        """Errands of a visit without a ticket (at the desk or on the phone)."""
        self._code, self._letter, self._point, self._visit = None, None, point_number, None
        self._move_to, self._language = None, None
        self.move_button.hide()
        self.title.setText(self.tr("Ärende utan kölapp"))
        self.channel_box.show()
        self.save_button.setText(self.tr("Spara (Ctrl+Enter)"))
        self.duration.setValue(0)
        phone = self._ctx.prefs.get_str(PREF_CHANNEL) == "phone"
        (self.phone if phone else self.desk).setChecked(True)
        self._reset()

    def _reset(self) -> None:
        """Empty the form and read what it offers (off the GUI thread); the first row follows."""
        for row in self.rows:
            self._drop(row)
        self.rows = []
        self.message.clear()
        self._choices = None
        self._loading += 1
        loading = self._loading
        for button in (self.add_button, self.save_button):
            button.setEnabled(False)
        Action(
            self._ctx, "read the errand catalog", self._ctx.errands.choices
        ).without_refresh().success(lambda choices: self._offer(loading, choices)).failure(
            self.message.setText, database_failed()
        ).run_in_background(self)

    def _offer(self, loading: int, choices: CatalogChoices) -> None:
        if loading != self._loading:
            return  # another visit's form was started meanwhile
        self._choices = choices
        self.language_names.learn(choices.languages)
        for button in (self.add_button, self.save_button):
            button.setEnabled(True)
        logged = self._visit.errands if self._visit is not None else ()
        for errand in logged:
            self._add_row().show_errand(errand)
        if not logged:
            self._add_row()
        if self._focus_wanted:
            self.focus_start()

    def _usual_agency(self) -> str | None:
        assert self._choices is not None
        if self._code is None:
            return self._ctx.prefs.get_str(PREF_QUICK_AGENCY)
        usual = self._choices.queue_agencies.get(self._letter or "", ())
        return usual[0] if usual else None

    def _visitor_language(self) -> str:
        """The language the visitor chose, if the catalog offers it; else the default."""
        assert self._choices is not None
        offered = {choice.code for choice in self._choices.languages}
        language = self._language
        return language if language is not None and language in offered else DEFAULT_LANGUAGE

    def _add_row(self) -> ErrandRow:
        assert self._choices is not None
        row = ErrandRow(self._choices, self._rows_host)
        if self.rows:  # the same visitor: same agency, language and interpreter as above
            last = self.rows[-1]
            row.set_defaults(
                last.agency.currentData(KEY_ROLE),
                None,
                last.languages.currentData(KEY_ROLE),
                last.interpreter.currentData(KEY_ROLE),
            )
        else:  # a new visitor: the office's defaults (and their language), never the last one's
            row.set_defaults(
                self._usual_agency(), None, self._visitor_language(), DEFAULT_INTERPRETER
            )
        row.remove_requested.connect(self._on_remove_requested)
        self.rows.append(row)
        self._rows_layout.insertWidget(self._rows_layout.count() - 1, row)
        self._renumber()
        return row

    def _renumber(self) -> None:
        for number, row in enumerate(self.rows, start=1):
            row.set_number(number)  # a logged errand is corrected, never taken away here
            row.remove.setEnabled(len(self.rows) > 1 and row.errand_id is None)
        chain: list[QWidget] = []
        if self._code is None:
            chain += [self.desk, self.phone, self.duration]
        for row in self.rows:
            chain += row.focus_chain()
        tab_chain([*chain, self.add_button, self.cancel_button, self.move_button, self.save_button])

    def _drop(self, row: ErrandRow) -> None:
        self._rows_layout.removeWidget(row)
        row.hide()
        row.setParent(None)  # gone from findChild at once, not only after deleteLater
        row.deleteLater()

    def focus_start(self) -> None:
        """Focus the first field still to fill in (once the first row is there)."""
        self._focus_wanted = not self.rows
        if self.rows:
            self.rows[0].focus_first_empty()

    # ------------------------------------------------------------ slots

    def _on_add_clicked(self) -> None:
        row = self._add_row()
        row.agency.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_remove_requested(self, row: ErrandRow) -> None:
        if len(self.rows) <= 1:
            return
        index = self.rows.index(row)
        self.rows.remove(row)
        self._drop(row)
        self._renumber()
        self.rows[min(index, len(self.rows) - 1)].agency.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_cancel_clicked(self) -> None:
        self.message.clear()
        self.cancelled.emit()

    def _on_save_clicked(self) -> None:
        if self._choices is None:
            return  # the catalog is still being read
        inputs: list[ErrandInput] = []
        self.message.clear()
        for row in self.rows:
            entry, problem, widget = row.to_input()
            if entry is None:
                row.show_problem(problem, widget)
                self.rows_area.ensureWidgetVisible(row)
                return
            inputs.append(entry)
        # On failure the form keeps what was typed, and says why.
        store = self._storing(inputs)
        Action(self._ctx, "save errands", store).success(
            lambda ref: self._on_stored(inputs, ref)
        ).failure(self.message.setText, database_failed()).busy(
            self.save_button, self.cancel_button, self.add_button
        ).run(self)

    def _on_stored(self, inputs: list[ErrandInput], ref: VisitRef) -> None:
        self.message.clear()
        if self._visit is not None:
            self.saved.emit(ref, self.tr("Rättelsen är sparad."))
            return
        if self._move_to is not None:
            said = self.tr("{0} är flyttad till kö {1} – {2}.")
            self.saved.emit(ref, said.format(self._code, self._move_to, count_text(len(inputs))))
            return
        self._remember(inputs)
        if self._code is not None:
            text = self.tr("{0} avslutad – {1}").format(self._code, count_text(len(inputs)))
        else:
            phone = self.phone.isChecked()
            what = self.tr("Telefonsamtal") if phone else self.tr("Besök vid disk")
            text = self.tr("{0} registrerat – {1}").format(what, count_text(len(inputs)))
        self.saved.emit(ref, text)

    def _storing(self, inputs: list[ErrandInput]) -> Callable[[], VisitRef]:
        """The one service call that stores the form (read from the widgets here, run later)."""
        errands, code = self._ctx.errands, self._code
        if self._move_to is not None and code is not None:
            to = self._move_to
            return lambda: errands.transfer_with_errands(code, to, inputs)
        if self._visit is not None:
            visit_id = self._visit.visit_id
            ids = [row.errand_id for row in self.rows]
            corrected = {i: entry for i, entry in zip(ids, inputs, strict=True) if i is not None}
            added = [entry for i, entry in zip(ids, inputs, strict=True) if i is None]
            return lambda: errands.revise_visit(visit_id, corrected, added)
        if code is not None:
            return lambda: errands.finish_with_errands(code, inputs)
        channel = "phone" if self.phone.isChecked() else "desk"
        minutes, point = self.duration.value(), self._point
        return lambda: errands.log_quick_visit(
            channel,
            inputs,
            point_number=point,
            duration_seconds=minutes * 60 if minutes else None,
        )

    def _remember(self, inputs: list[ErrandInput]) -> None:
        """What this PC does most (the channel and agency of quick visits), never what the
        visitor said."""
        prefs = self._ctx.prefs
        if self._code is None:
            prefs.set(PREF_CHANNEL, "phone" if self.phone.isChecked() else "desk")
            prefs.set(PREF_QUICK_AGENCY, inputs[0].agency_code)
