"""Settings › Köer: the queues with their letters and agencies; add, edit, retire, restore."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QWidget,
)

from app.services.setup.office_setup import CatalogOverview, QueueSetup
from app.ui.settings.common import (
    SettingsPage,
    SetupDialog,
    named,
    select_key,
    selected_key,
    table_view,
)
from app.ui.settings.models import QueueTableModel
from app.ui.shell.context import UiContext


class QueueDialog(SetupDialog):
    """A queue's letter, names and agencies."""

    def __init__(
        self,
        title: str,
        agencies: Sequence[tuple[str, str]],
        queue: QueueSetup | None,
        submit: Callable[[QueueDialog, Callable[[str | None], None]], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title, "queue-dialog", lambda answer: submit(self, answer), parent)
        self.letter = named(
            QLineEdit(self),
            "queue-letter",
            self.tr("Bokstav"),
            self.tr("Bokstaven före numret på kölappen, A–Z."),
        )
        self.letter.setMaxLength(1)
        self.letter.setValidator(QRegularExpressionValidator(QRegularExpression("[A-Za-z]"), self))
        self.letter.setMaximumWidth(60)
        self.letter.textEdited.connect(self._on_letter_edited)
        self.label = named(
            QLineEdit(self), "queue-label", self.tr("Namn"), self.tr("Köns namn på skärmarna.")
        )
        self.label.setMaxLength(120)
        self.label_en = named(
            QLineEdit(self),
            "queue-label-en",
            self.tr("Engelskt namn"),
            self.tr("Köns namn på kiosken och skärmen för den som läser engelska."),
        )
        self.label_en.setMaxLength(120)
        self.agencies = named(
            QListWidget(self),
            "queue-agencies",
            self.tr("Myndigheter"),
            self.tr("Myndigheterna vars besökare tar den här kön; kryssa för med mellanslag."),
        )
        self.agencies.setMinimumHeight(170)
        chosen = set(queue.agency_codes) if queue else set()
        for code, label in agencies:
            item = QListWidgetItem(label, self.agencies)
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = Qt.CheckState.Checked if code in chosen else Qt.CheckState.Unchecked
            item.setCheckState(checked)
        if queue:
            self.letter.setText(queue.letter if queue.has_letter else "")
            self.label.setText(queue.label)
            self.label_en.setText(queue.label_en or "")
        self.form.addRow(self.tr("&Bokstav:"), self.letter)
        self.form.addRow(self.tr("&Namn:"), self.label)
        self.form.addRow(self.tr("&Engelskt namn:"), self.label_en)
        self.form.addRow(self.tr("&Myndigheter:"), self.agencies)
        hint = QLabel(self.tr("Kryssa för med mellanslag."), self)
        hint.setStyleSheet("color: #4a525a;")
        self.form.addRow("", hint)

    def _on_letter_edited(self, text: str) -> None:
        self.letter.setText(text.upper())

    def agency_codes(self) -> list[str]:
        """The checked agencies, in list order."""
        items = (self.agencies.item(i) for i in range(self.agencies.count()))
        return [
            i.data(Qt.ItemDataRole.UserRole)
            for i in items
            if i.checkState() == Qt.CheckState.Checked
        ]


class QueuesPage(SettingsPage):
    """The queues table and what can be done to a queue."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._agencies: list[tuple[str, str]] = []
        self._setup_ui()
        self.reload()

    def _setup_ui(self) -> None:
        self.setObjectName("settings-queues")
        self.model = QueueTableModel(self)
        self._list_layout(
            table_view(self, self.model, "queues-table", self.tr("Köer"), QueueTableModel.AGENCIES),
            "queue",
            self.tr("&Ny kö…"),
            self.tr(
                "Varje kö har en bokstav på kölappen. En kö som tas ur bruk finns kvar i "
                "statistiken och kan återställas."
            ),
        )

    def reload(self) -> None:
        """Read the queues and the agencies in use again, keeping the selection."""
        setup = self._ctx.setup
        self.read(
            "read the queues",
            lambda: (setup.catalog_overview(), setup.list_queue_setup()),
            self._show_read,
        )

    def _show_read(self, read: tuple[CatalogOverview, list[QueueSetup]]) -> None:
        overview, queues = read
        key = selected_key(self.table)
        self._agencies = [(a.item.code, a.item.label) for a in overview.agencies if a.item.active]
        self.model.set_agency_labels({a.item.code: a.item.label for a in overview.agencies})
        if self.model.set_rows(queues) or key is None:
            select_key(self.table, key)
        self._on_selection()

    def selected(self) -> QueueSetup | None:
        """The queue on the selected row."""
        return super().selected()

    def _on_add(self) -> None:
        dialog = QueueDialog(self.tr("Ny kö"), self._agencies, None, self._submit_new, self)
        self._open(dialog, dialog.letter)

    def _submit_new(self, dialog: QueueDialog, answer: Callable[[str | None], None]) -> None:
        desk = self._ctx.setup
        letter, label, label_en = dialog.letter.text(), dialog.label.text(), dialog.label_en.text()
        agencies = dialog.agency_codes()
        self.run(
            lambda: desk.add_queue(letter, label, label_en=label_en, agencies=agencies),
            self._added,
            answer,
        )

    def _added(self, queue: QueueSetup) -> str:
        select_key(self.table, queue.code)
        return self.tr("Kö {0} ({1}) är tillagd.").format(queue.letter, queue.label)

    def _on_edit(self, *_args: object) -> None:
        queue = self.selected()
        if queue is None:
            return
        title = self.tr("Ändra kö {0}").format(queue.letter if queue.has_letter else queue.label)
        dialog = QueueDialog(title, self._agencies, queue, self._submit_edit(queue), self)
        self._open(dialog, dialog.letter)

    def _submit_edit(
        self, queue: QueueSetup
    ) -> Callable[[QueueDialog, Callable[[str | None], None]], None]:
        def submit(dialog: QueueDialog, answer: Callable[[str | None], None]) -> None:
            desk, typed = self._ctx.setup, dialog.letter.text()
            letter = typed if queue.active or typed else None
            label, label_en = dialog.label.text(), dialog.label_en.text()
            agencies = dialog.agency_codes()
            self.run(
                lambda: desk.update_queue(
                    queue.code, letter=letter, label=label, label_en=label_en, agencies=agencies
                ),
                lambda q: self.tr("Kö {0} är ändrad.").format(
                    q.letter if q.has_letter else q.label
                ),
                answer,
            )

        return submit

    def _on_retire(self) -> None:
        queue = self.selected()
        if queue is None:
            return
        self.attempt(
            lambda: self._ctx.setup.set_queue_active(queue.code, False),
            lambda q: self.tr(
                "Kö {0} är tagen ur bruk. Den finns kvar i statistiken och kan återställas."
            ).format(q.letter),
        )

    def _on_restore(self) -> None:
        queue = self.selected()
        if queue is None:
            return
        self.attempt(
            lambda: self._ctx.setup.set_queue_active(queue.code, True),
            lambda q: self.tr("Kö {0} är i bruk igen.").format(q.letter),
        )
