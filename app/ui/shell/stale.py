"""A line over a waiting list when the queue could not be read: the list shows an older picture.

While the database cannot be read (a server away, a file locked too long) the
screens keep the last picture of the queue and go on with what still works.
This says so where staff look, with the time the picture is from, and goes
away by itself at the first read that succeeds.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.ui.shell import style
from app.ui.shell.fitting import WrappedLabel
from app.ui.shell.office_time import local
from app.ui.shell.watcher import RevisionWatcher


class StaleNotice(WrappedLabel):
    """Hidden while the queue is read as usual; "read at 10:42:07" while it cannot be."""

    def __init__(self, watcher: RevisionWatcher, parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self._watcher = watcher
        self.setObjectName("stale-notice")
        self.setStyleSheet(f"color: {style.DANGER}; font-weight: 700; padding: 2px 0;")
        self.hide()
        watcher.failed.connect(self._on_failed)
        watcher.recovered.connect(self.hide)
        if watcher.failing:
            self._on_failed("")

    def _on_failed(self, _sentence: str) -> None:
        read_at = self._watcher.read_at
        if read_at is None:
            text = self.tr("Kön kunde inte läsas från databasen. Försöker igen …")
        else:
            text = self.tr(
                "Kön kunde inte läsas från databasen. Listan visar läget kl. {0}. Försöker igen …"
            ).format(f"{local(read_at):%H:%M:%S}")
        self.setText(text)
        self.setAccessibleName(text)
        self.show()
