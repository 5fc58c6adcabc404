"""The display's "tell me" key: a visitor types their ticket code and hears their place.

On a keypad or keyboard at the display PC a visitor types the code on their
ticket (letters and digits) and presses Enter, or holds the office's "tell me"
key (``display/tell_key`` in the workstation's settings, ``*`` unless set), and
hears, in their ticket's language and in Swedish, the people ahead of them and
the wait, or the service point they are called to. The same shows large on the
screen for a while. Typing does nothing else: every other key is swallowed.
What is said comes from :mod:`app.services.queue.telling`.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QKeyCombination, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from app.services.office.visitor_texts import REFERENCE
from app.services.queue.telling import texts_for
from app.ui.display.languages import show_in
from app.ui.display.widgets import Sizer, set_text

TELL_KEY = "display/tell_key"
DEFAULT_TELL_KEY = "*"
HOLD_MS = 800  # how long the tell key is held before it counts
FORGET_MS = 20_000  # a code typed and left is forgotten
SHOW_MS = 15_000  # how long an answer stays on the screen
MAX_LENGTH = 5  # "A0123": a letter and four digits
ENTER_KEYS = frozenset({Qt.Key.Key_Return, Qt.Key.Key_Enter})
COMMAND_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)


def tell_key(setting: str) -> Qt.Key | None:
    """The key a setting names ("*", "F12", "Help"…); None for none or one Qt cannot read."""
    sequence = QKeySequence(setting.strip())
    if sequence.isEmpty() or sequence.count() != 1:
        return None
    combination: QKeyCombination = sequence[0]  # type: ignore[index]
    return combination.key()


def tell_keys(setting: str | None, parent: QObject) -> TellKeys:
    """The "tell me" keys with the key the workstation's setting names (``*`` if none)."""
    return TellKeys(tell_key(DEFAULT_TELL_KEY if setting is None else setting), parent)


class TellKeys(QObject):
    """Turns key presses into a typed code and a request to tell it; nothing else."""

    typed = Signal(str)  # the code so far ("": cleared)
    asked = Signal(str)  # a typed code to tell

    def __init__(self, key: Qt.Key | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._key = key
        self._code = ""
        self._hold = self._timer(HOLD_MS, self._ask)
        self._forget = self._timer(FORGET_MS, self.clear)

    def _timer(self, interval_ms: int, slot: Callable[[], None]) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(interval_ms)
        timer.timeout.connect(slot)
        return timer

    @property
    def code(self) -> str:
        """What has been typed so far."""
        return self._code

    def key_press(self, event: QKeyEvent) -> None:
        """A letter or digit adds to the code, Backspace takes one back, Enter tells it."""
        event.accept()  # no key reaches anything else on the display
        key = event.key()
        if event.isAutoRepeat():
            return
        if key == self._key:
            self._hold.start()
        elif key in ENTER_KEYS:
            self._ask()
        elif key == Qt.Key.Key_Backspace:
            self._set(self._code[:-1])
        elif not event.modifiers() & COMMAND_MODIFIERS:
            char = event.text().upper()
            if len(char) == 1 and char.isascii() and char.isalnum():
                self._set((self._code + char)[:MAX_LENGTH])

    def key_release(self, event: QKeyEvent) -> None:
        """Letting go of the tell key before it counts changes nothing."""
        event.accept()
        if event.key() == self._key and not event.isAutoRepeat():
            self._hold.stop()

    def clear(self) -> None:
        """Forget what was typed."""
        self._set("")

    def _set(self, code: str) -> None:
        if code != self._code:
            self._code = code
            self.typed.emit(code)
        if code:
            self._forget.start()
        else:
            self._forget.stop()

    def _ask(self) -> None:
        code = self._code
        self.clear()
        if code:
            self.asked.emit(code)


class TellPanel(QFrame):
    """Over the lower half of the display: the code being typed, then the answer, large."""

    def __init__(self, sizer: Sizer, tr: Callable[[str], str], parent: QWidget) -> None:
        super().__init__(parent)
        self._tr = tr
        self.setObjectName("tell-me")
        self.setAccessibleName(tr("Hör din plats i kön"))
        self.setProperty("panel", "cover")  # opaque: nothing shows in the rounded box's corners
        box = QFrame()
        box.setProperty("panel", "tell")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(box)
        self.code = sizer.label("tell_code", "", "tell-me-code", bold=True, tone="accent")
        self.own = sizer.label("tell_text", "", "tell-me-own", bold=True)
        self.swedish = sizer.label("tell_text", "", "tell-me-swedish")
        self._box_layout = layout = QVBoxLayout(box)
        layout.addStretch(1)
        for label in (self.code, self.own, self.swedish):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setWordWrap(True)
            layout.addWidget(label)
        layout.addStretch(1)
        self._hide_timer = QTimer(self)
        self._hide_timer.setSingleShot(True)
        self._hide_timer.setInterval(SHOW_MS)
        self._hide_timer.timeout.connect(self.hide)
        self.hide()

    def set_padding(self, pixels: int) -> None:
        """Room between the box's border and its text (the display's padding, from its size)."""
        self._box_layout.setContentsMargins(pixels, pixels, pixels, pixels)

    def show_typing(self, code: str) -> None:
        """The code typed so far, and how to go on; nothing typed: the panel goes."""
        if not code:
            self._hide_timer.stop()
            self.hide()
            return
        set_text(self.code, code)
        self.own.hide()
        hint = self._tr("Skriv ditt nummer och tryck Enter / Type your number and press Enter")
        set_text(self.swedish, hint)
        self._show(keep=True)

    def show_telling(self, code: str, texts: list[tuple[str, str]], base_family: str) -> None:
        """The answer: the visitor's language first (if not Swedish), then Swedish."""
        set_text(self.code, code)
        own = [(language, text) for language, text in texts if language != REFERENCE]
        language, text = own[0] if own else (REFERENCE, "")
        show_in(self.own, text, texts_for(language) if own else None, base_family)
        set_text(self.swedish, next((t for lang, t in texts if lang == REFERENCE), ""))
        self._show(keep=False)

    def _lines(self) -> tuple[QLabel, ...]:
        return (self.code, self.own, self.swedish)

    def _show(self, *, keep: bool) -> None:
        self.setAccessibleDescription(
            " ".join(line.text() for line in self._lines() if not line.isHidden())
        )
        self.show()
        self.raise_()
        if keep:
            self._hide_timer.stop()
        else:
            self._hide_timer.start()
