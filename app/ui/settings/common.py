"""What the settings pages share: a page that reports in Swedish, a dialog that keeps its input."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QSize, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.ui.shell.access import buttons_in_reading_order
from app.ui.shell.action import Action
from app.ui.shell.context import UiContext
from app.ui.shell.fitting import WrappedLabel
from app.ui.shell.table_model import KEY_ROLE, SORT_ROLE, RowsModel

T = TypeVar("T")


def button(
    parent: QWidget, text: str, name: str, role: str | None = None, description: str = ""
) -> QPushButton:
    """A push button with an object name, an accessible name and description and an optional
    style role."""
    widget = QPushButton(text, parent)
    widget.setObjectName(name)
    widget.setAccessibleName(text.replace("&", "").rstrip("… "))
    widget.setAccessibleDescription(description)
    if role:
        widget.setProperty("role", role)
    return widget


def revert_and_save(page: Any, name: str) -> QHBoxLayout:
    """The "Ångra ändringar" and "Spara" row at the foot of a settings form: sets
    ``page.revert_button`` and ``page.save_button``, wired to ``page._on_revert`` and
    ``page._on_save``."""
    page.revert_button = button(
        page,
        QCoreApplication.translate("SettingsPage", "Ångra än&dringar"),
        f"revert-{name}",
        description=QCoreApplication.translate(
            "SettingsPage", "Visar det sparade igen; det du ändrat försvinner."
        ),
    )
    page.save_button = button(
        page,
        QCoreApplication.translate("SettingsPage", "&Spara"),
        f"save-{name}",
        "primary",
        QCoreApplication.translate("SettingsPage", "Sparar alla ändringar på sidan."),
    )
    page.revert_button.clicked.connect(page._on_revert)
    page.save_button.clicked.connect(page._on_save)
    actions = QHBoxLayout()
    actions.addStretch(1)
    actions.addWidget(page.revert_button)
    actions.addWidget(page.save_button)
    return actions


def repolish(widget: QWidget) -> None:
    """Apply the style sheet again after a property the style sheet looks at changed."""
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def named(widget: Any, name: str, accessible: str, description: str = "") -> Any:
    """Give a control its object name, screen-reader name and description; returns it."""
    widget.setObjectName(name)
    widget.setAccessibleName(accessible)
    if description:
        widget.setAccessibleDescription(description)
    return widget


class SettingsPage(QWidget):
    """A settings section: it reloads from the services and reports each change as a sentence."""

    message = Signal(str, bool)  # Swedish text, is it an error

    # Set by list pages (see _list_layout): their table, its model, the open dialog.
    table: QTableView
    model: Any

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.dialog: QDialog | None = None
        self._focus_after_dialog: QWidget | None = None
        self._reading = 0  # reads for the page under way
        self._after_reading: list[Callable[[], None]] = []

    def reload(self) -> None:
        """Read the set-up again (another window may have changed it)."""

    def tell(self, text: str, error: bool = False) -> None:
        """Show a sentence under the sections."""
        self.message.emit(text, error)

    def run(
        self,
        action: Callable[[], Any],
        done: Callable[[Any], str],
        answer: Callable[[str | None], None] | None = None,
    ) -> None:
        """Run a service call (off the GUI thread). Done: reload, tell it, answer(None).
        Refused: answer(the Swedish sentence), or, with no one to answer, tell it."""

        def succeeded(result: Any) -> None:
            def told() -> None:  # once the page shows the change (done() may select it)
                self.tell(done(result))
                if answer is not None:
                    answer(None)

            self._after_reading.append(told)
            self.reload()
            if not self._reading:
                self._read_done()

        def refused(sentence: str) -> None:
            if answer is not None:
                answer(sentence)
            else:
                self.tell(sentence, True)

        Action(self._ctx, "set-up change", action).success(succeeded).failure(
            refused,
            self.tr(
                "Ändringen kunde inte sparas: databasen svarade inte. "
                "Inget är ändrat. Försök igen om en stund."
            ),
        ).run(self)

    def read(self, what: str, work: Callable[[], T], show: Callable[[T], None]) -> None:
        """Read for the page off the GUI thread; show what was read (or say why not)."""
        self._reading += 1

        def shown(result: T) -> None:
            self._reading -= 1
            show(result)
            self._read_done()

        def failed(sentence: str) -> None:
            self._reading -= 1
            self.tell(sentence, True)
            self._read_done()

        Action(self._ctx, what, work).without_refresh().success(shown).failure(
            failed,
            self.tr("Inställningarna kunde inte läsas: databasen svarade inte. Försök igen."),
        ).run_in_background(self)

    def _read_done(self) -> None:
        """Say what was waiting for the page to be read again."""
        if self._reading:
            return
        waiting, self._after_reading = self._after_reading, []
        for then in waiting:
            then()

    def _list_layout(self, table: QTableView, kind: str, add_label: str, intro: str) -> None:
        """Lay out a list page: an intro, the table, and add/edit/retire/restore buttons.

        The buttons are named ``add-<kind>`` … and call ``_on_add``, ``_on_edit``,
        ``_on_retire`` and ``_on_restore``; activating a row edits it.
        """
        self.table = table
        table.activated.connect(self._on_edit)
        table.selectionModel().selectionChanged.connect(self._on_selection)
        self.add_button = button(
            self,
            add_label,
            f"add-{kind}",
            "primary",
            self.tr("Öppnar ett fönster för att lägga till en ny."),
        )
        self.edit_button = button(
            self, self.tr("&Ändra…"), f"edit-{kind}", None, self.tr("Ändrar den valda raden.")
        )
        self.retire_button = button(
            self,
            self.tr("Ta &ur bruk"),
            f"retire-{kind}",
            "danger",
            self.tr("Den valda syns inte längre i arbetet; statistiken finns kvar."),
        )
        self.restore_button = button(
            self,
            self.tr("Åter&ställ"),
            f"restore-{kind}",
            None,
            self.tr("Tar den valda i bruk igen."),
        )
        table.setAccessibleDescription(self.tr("Välj en rad med piltangenterna; Enter ändrar den."))
        self.add_button.clicked.connect(self._on_add)
        self.edit_button.clicked.connect(self._on_edit)
        self.retire_button.clicked.connect(self._on_retire)
        self.restore_button.clicked.connect(self._on_restore)
        label = WrappedLabel(intro, self)
        actions = QHBoxLayout()
        actions.setSpacing(8)
        for widget in (self.add_button, self.edit_button, self.retire_button):
            actions.addWidget(widget)
        actions.addWidget(self.restore_button)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.setSpacing(12)
        layout.addWidget(label)
        layout.addWidget(table, 1)
        layout.addLayout(actions)

    # List pages override these (see _list_layout).
    def _on_add(self) -> None: ...
    def _on_edit(self, *_args: object) -> None: ...
    def _on_retire(self) -> None: ...
    def _on_restore(self) -> None: ...

    def _on_selection(self, *_args: object) -> None:
        """Enable what can be done to the selected row (list pages)."""
        item = self.selected()
        self.edit_button.setEnabled(item is not None)
        self.retire_button.setEnabled(item is not None and item.active)
        self.restore_button.setEnabled(item is not None and not item.active)

    def selected(self) -> Any:
        """The read model on the selected row of a list page, or None."""
        return self.model.find(selected_key(self.table))

    def _open(self, dialog: QDialog, focus: QWidget, back: QWidget | None = None) -> None:
        """Open an edit dialog without blocking; when it closes, focus goes back (the table)."""
        self.dialog = dialog
        self._focus_after_dialog = back
        dialog.finished.connect(self._on_dialog_finished)
        dialog.open()
        focus.setFocus()

    def _on_dialog_finished(self, _result: int) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = None
        (self._focus_after_dialog or self.table).setFocus()

    def attempt(self, action: Callable[[], Any], done: Callable[[Any], str]) -> None:
        """Run a service call and report either way (in the page's message line)."""
        self.run(action, done)


def table_view(
    parent: QWidget, model: RowsModel, name: str, accessible: str, stretch: int = -1
) -> QTableView:
    """A sortable, row-selecting table over the model (behind a proxy).

    Columns fit their contents; the ``stretch`` column (default: the last) takes the rest.
    """
    proxy = QSortFilterProxyModel(parent)
    proxy.setSortRole(SORT_ROLE)
    proxy.setSourceModel(model)
    view = named(QTableView(parent), name, accessible)
    view.setModel(proxy)
    # Unsorted until the user clicks a header: the office's own order, in use first.
    view.horizontalHeader().setSortIndicatorClearable(True)
    view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    view.setSortingEnabled(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    column = stretch if stretch >= 0 else model.columnCount() - 1
    header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
    header.setStretchLastSection(False)
    view.setTabKeyNavigation(False)
    return view


def selected_key(view: QTableView) -> Any:
    """The key of the selected row, or None."""
    rows = view.selectionModel().selectedRows()
    return rows[0].data(KEY_ROLE) if rows else None


def select_key(view: QTableView, key: Any) -> None:
    """Select the row with this key (after a reload), else the first row."""
    proxy = view.model()
    if proxy.rowCount() == 0:
        return
    row = next((r for r in range(proxy.rowCount()) if proxy.index(r, 0).data(KEY_ROLE) == key), 0)
    view.selectRow(row)
    view.setCurrentIndex(proxy.index(row, 0))


class SetupDialog(QDialog):
    """A small form that calls ``submit`` on Save and stays open, input kept, if refused.

    ``submit(answer)`` starts the change and calls ``answer(None)`` when it was made,
    or ``answer(sentence)`` with why not; Save rests until then.
    """

    def __init__(
        self,
        title: str,
        name: str,
        submit: Callable[[Callable[[str | None], None]], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self._submit = submit
        self.form = QFormLayout()
        self.form.setVerticalSpacing(10)
        self.form.setHorizontalSpacing(16)
        self.error = named(WrappedLabel(self), f"{name}-error", self.tr("Fel"))
        self.error.setProperty("role", "error")
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        named(save, f"{name}-save", self.tr("Spara"), self.tr("Sparar och stänger fönstret."))
        save.setText(self.tr("&Spara"))
        save.setProperty("role", "primary")
        repolish(save)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        named(cancel, f"{name}-cancel", self.tr("Avbryt"), self.tr("Stänger utan att spara."))
        cancel.setText(self.tr("Avbryt"))
        buttons_in_reading_order(self.buttons)
        self.buttons.accepted.connect(self._on_save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 20, 20, 16)
        layout.setSpacing(12)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def showEvent(self, event: QShowEvent) -> None:
        """At least 600 px wide, and wider where the text is large: the layout's minimum
        holds every label whole (a fixed minimum width would override it)."""
        self.resize(self.size().expandedTo(QSize(600, 0)))
        super().showEvent(event)

    def _on_save(self) -> None:
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        if not save.isEnabled():
            return  # the last Save is still being carried out
        save.setEnabled(False)
        self.error.hide()

        def answer(problem: str | None) -> None:
            if not shiboken6.isValid(self):
                return
            save.setEnabled(True)
            if problem:
                self.error.setText(problem)
                self.error.show()
                return
            self.accept()

        self._submit(answer)
