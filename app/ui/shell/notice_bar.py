"""A bar under the menu for what the signed-in person should know before they start: for a
manager, the accounts that wrong PINs locked out since their last sign-in."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QWidget

from app.ui.shell.fitting import WrappedLabel
from app.ui.shell.office_time import stamp

if TYPE_CHECKING:  # the services load after the first window (tests/unit/test_quick_read.py)
    from app.services.staff.lockouts import LockedAccount


class NoticeBar(QFrame):
    """One sentence and a close button above the screens; hidden while there is nothing to
    say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notice-bar")
        self.setStyleSheet("#notice-bar { background: #fff4ce; border-bottom: 1px solid #e0c36a; }")
        self.text = WrappedLabel("", self)
        self.text.setObjectName("notice-text")
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.close_button = QPushButton(self.tr("Stäng"), self)
        self.close_button.setObjectName("notice-close")
        self.close_button.setAccessibleName(self.tr("Stäng meddelandet"))
        self.close_button.setAccessibleDescription(self.tr("Döljer raden; inget tas bort."))
        self.close_button.clicked.connect(self.clear)
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 8, 12, 8)
        row.addWidget(self.text, 1)
        row.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def say(self, sentence: str) -> None:
        """Show a sentence (an empty one hides the bar)."""
        self.text.setText(sentence)
        self.setVisible(bool(sentence))

    def clear(self) -> None:
        """Nothing to say any more."""
        self.say("")

    def lockouts(self, accounts: list[LockedAccount]) -> None:
        """Tell a manager which accounts were locked out since their last sign-in."""
        if not accounts:
            self.clear()
            return
        parts = [
            self.tr("{0} {1} (senast {2}, spärrat upp till {3} min)").format(
                a.login,
                self.tr("en gång") if a.times == 1 else self.tr("{0} gånger").format(a.times),
                stamp(a.last_at),
                a.longest_minutes,
            )
            for a in accounts
        ]
        self.say(
            self.tr(
                "Sedan du senast loggade in har konton spärrats efter fem felaktiga koder: {0}. "
                "Hör med dem det gäller; är det ingen av dem, kan någon ha försökt gissa en kod. "
                "Allt står i loggen under Inställningar."
            ).format("; ".join(parts))
        )
