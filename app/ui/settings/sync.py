"""Settings › Synk: where the daily summaries go, the token, "Synka nu", and the log.

The address is the office's (in the store); the token is kept in the
operating system's keyring, else in a file only this user may read, never in
the database, and the field never shows it again. The log lists the latest
tries: when, which day and revision, and what the receiver answered.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.ui.settings.common import SettingsPage, button, named, table_view
from app.ui.shell.action import Action
from app.ui.shell.context import UiContext
from app.ui.shell.fitting import WrappedLabel
from app.ui.shell.messages import database_failed
from app.ui.shell.office_time import stamp
from app.ui.shell.table_model import QT_TRANSLATE_NOOP, SORT_ROLE, RowsModel

if TYPE_CHECKING:
    from app.sync.status import SyncSummary

OUTCOMES = {
    "acked": QT_TRANSLATE_NOOP("AttemptModel", "Mottagen"),
    "superseded": QT_TRANSLATE_NOOP("AttemptModel", "Redan nyare hos mottagaren"),
    "retry": QT_TRANSLATE_NOOP("AttemptModel", "Försöker igen"),
    "stopped": QT_TRANSLATE_NOOP("AttemptModel", "Stoppad"),
}


class AttemptModel(RowsModel):
    """The sync log: when, day, revision, answer, outcome, detail."""

    HEADERS = (
        QT_TRANSLATE_NOOP("AttemptModel", "När"),
        QT_TRANSLATE_NOOP("AttemptModel", "Dag"),
        QT_TRANSLATE_NOOP("AttemptModel", "Version"),
        QT_TRANSLATE_NOOP("AttemptModel", "Svar"),
        QT_TRANSLATE_NOOP("AttemptModel", "Utfall"),
        QT_TRANSLATE_NOOP("AttemptModel", "Detaljer"),
    )

    def _key(self, row: Any) -> object:
        return (row.at, row.day, row.revision)

    def _cell(self, row: Any, column: int, role: int) -> Any:
        if role == SORT_ROLE:
            return (row.at.timestamp(), row.day, row.revision or 0, row.status or 0, row.outcome,
                    row.detail)[column]  # fmt: skip
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        values = (
            stamp(row.at, seconds=True),
            row.day,
            "" if row.revision is None else str(row.revision),
            "" if row.status is None else str(row.status),
            self.tr(OUTCOMES.get(row.outcome, row.outcome)),
            row.detail,
        )
        return values[column]


class SyncPage(SettingsPage):
    """The sync settings and log, for the manager."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        box = QGroupBox(self.tr("Mottagare"), self)
        form = QFormLayout(box)
        self.url = named(
            QLineEdit(box),
            "sync-url",
            self.tr("Adress till mottagaren"),
            self.tr("Webbadressen som dagens summor skickas till, https://…"),
        )
        self.url.setPlaceholderText("https://…")
        self.code = named(
            QLineEdit(box),
            "sync-office-code",
            self.tr("Kontorets kod"),
            self.tr("Koden som mottagaren känner kontoret under."),
        )
        self.token = named(
            QLineEdit(box),
            "sync-token",
            self.tr("Nyckel (token)"),
            self.tr("Nyckeln från mottagaren. Lämna tom för att behålla den sparade."),
        )
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        self.token.setPlaceholderText(self.tr("oförändrad"))
        form.addRow(self.tr("&Adress:"), self.url)
        form.addRow(self.tr("&Kontorets kod:"), self.code)
        form.addRow(self.tr("&Nyckel:"), self.token)
        self.save_button = button(
            self,
            self.tr("&Spara"),
            "save-sync",
            "primary",
            self.tr("Sparar mottagarens uppgifter."),
        )
        self.now_button = button(  # Alt+N: Nyckel
            self,
            self.tr("Synka n&u"),
            "sync-now",
            None,
            self.tr("Skickar de dagar som inte har skickats, nu."),
        )
        self.state = WrappedLabel(self)
        self.state.setObjectName("sync-state")
        self.model = AttemptModel(self)
        self.table = table_view(self, self.model, "sync-log", self.tr("Synkloggen"), 5)
        self.table.setAccessibleDescription(self.tr("De senaste försöken att skicka, nyast först."))
        actions = QHBoxLayout()
        actions.addWidget(self.save_button)
        actions.addWidget(self.now_button)
        actions.addStretch(1)
        intro = WrappedLabel(
            self.tr(
                "Varje dags sammanställning skickas till den centrala mottagaren, bara "
                "summor: inga uppgifter om besökare och inga siffror per handläggare."
            ),
            self,
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.addWidget(intro)
        layout.addWidget(box)
        layout.addLayout(actions)
        layout.addWidget(self.state)
        layout.addWidget(self.table, 1)
        self.save_button.clicked.connect(self._on_save)
        self.now_button.clicked.connect(self._on_sync_now)

    def reload(self) -> None:
        """Show the address, the state and the log as the store holds them now."""
        from app.sync.status import recent_attempts, sync_summary

        store = self._ctx.store
        self.read(
            "read the sync state",
            lambda: (sync_summary(store), recent_attempts(store)),
            self._show_state,
        )

    def _show_state(self, read: tuple[SyncSummary, list[Any]]) -> None:
        summary, attempts = read
        if not self.url.isModified():
            self.url.setText(summary.url or "")
        if not self.code.isModified():
            self.code.setText(summary.office_code)
        self.model.set_rows(attempts)
        if summary.last_acked_at:
            when = stamp(summary.last_acked_at)
            text = self.tr("Senast mottaget {0}.").format(when)
        else:
            text = self.tr("Inget skickat ännu.")
        if summary.waiting:
            text += " " + self.tr("{0} dagar väntar på att skickas.").format(summary.waiting)
        self.state.setText(text)

    def _on_save(self) -> None:
        from app.sync.status import SyncSettings, save_sync_settings

        ctx, url, token = self._ctx, self.url.text(), self.token.text().strip()
        code = self.code.text()

        def work() -> SyncSettings:  # a bad address or code is a SyncConfigError, in Swedish
            return save_sync_settings(ctx.desk, code, url, token)

        def done(_saved: SyncSettings) -> None:
            self.token.clear()
            self.url.setModified(False)
            self.code.setModified(False)
            self.reload()
            self.tell(self.tr("Inställningarna för synk är sparade."))

        def failed(sentence: str) -> None:
            self.tell(sentence, True)

        # Off the GUI thread: a desktop keyring may take its time (or ask to be unlocked).
        Action(ctx, "sync settings", work).without_refresh().success(done).failure(
            failed, database_failed()
        ).run_in_background(self)

    def _on_sync_now(self) -> None:
        window = self.window()
        worker = getattr(window, "sync", None)
        if worker is None:
            self.tell(self.tr("Synk körs inte i det här fönstret."), True)
            return
        worker.sync_now()
        self.reload()
        self.tell(self.tr("Synkar …"))
