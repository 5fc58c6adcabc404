"""The display's third language: the languages of the people waiting now, in turn.

Beside Swedish and English, the display's headings show a third line in the
language of visitors who are waiting, when they chose one that has visitor
texts: the most common first, each for :data:`ROTATE_MS`, then the next. When
none of them waits any more, the third line goes. Right-to-left languages are
laid out right to left in their line, in a font that has their letters.
"""

from __future__ import annotations

import logging
import unicodedata
from collections import Counter
from functools import cache

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontDatabase, QRawFont
from PySide6.QtWidgets import QLabel

from app.services.office.visitor_texts import VisitorLanguage
from app.services.queue.telling import texts_for
from app.services.queue.views import QueueSnapshot
from app.ui.display.speaking import ALWAYS_SPOKEN
from app.ui.display.widgets import set_text

log = logging.getLogger(__name__)

ROTATE_MS = 8000


def waiting_languages(snapshot: QueueSnapshot) -> tuple[str, ...]:
    """The languages of those waiting, besides Swedish and English, most common first.

    Only languages with visitor texts count; a tie keeps the order of the queue.
    """
    counts = Counter(
        ticket.language
        for ticket in snapshot.waiting
        if ticket.language and ticket.language not in ALWAYS_SPOKEN
    )
    return tuple(code for code, _count in counts.most_common() if texts_for(code) is not None)


class LanguageRotation(QObject):
    """Which third language shows now; the next one every ``interval_ms``."""

    changed = Signal(object)  # the VisitorLanguage now shown, or None

    def __init__(self, parent: QObject | None = None, interval_ms: int | None = None) -> None:
        super().__init__(parent)
        self._codes: tuple[str, ...] = ()
        self._index = 0
        self._timer = QTimer(self)
        self._timer.setInterval(ROTATE_MS if interval_ms is None else interval_ms)
        self._timer.timeout.connect(self.advance)

    @property
    def codes(self) -> tuple[str, ...]:
        """The languages it turns through, most common first."""
        return self._codes

    @property
    def current(self) -> VisitorLanguage | None:
        """The language shown now (None: no third line)."""
        return texts_for(self._codes[self._index]) if self._codes else None

    def set_languages(self, codes: tuple[str, ...]) -> None:
        """Turn through these languages from now on; the one shown stays if it still waits."""
        if codes == self._codes:
            return
        before = self._codes[self._index] if self._codes else None
        self._codes = codes
        self._index = codes.index(before) if before in codes else 0
        if len(codes) > 1:
            if not self._timer.isActive():
                self._timer.start()
        else:
            self._timer.stop()
        if (codes[self._index] if codes else None) != before:
            self.changed.emit(self.current)

    def advance(self) -> None:
        """Show the next language (the timer's slot; a test may call it)."""
        if len(self._codes) > 1:
            self._index = (self._index + 1) % len(self._codes)
            self.changed.emit(self.current)


def _letters(language: VisitorLanguage) -> set[str]:
    """Every letter and mark the language's name and texts use: what its font must have."""
    text = language.name + "".join(language.texts.values())
    return {c for c in text if unicodedata.category(c)[0] in "LM"}


def _writing_system(language: VisitorLanguage) -> tuple[str, QFontDatabase.WritingSystem]:
    """The script of the language's name (ARABIC, CYRILLIC, ETHIOPIC…) and Qt's writing system."""
    first = next((c for c in language.name if c.isalpha()), "a")
    script = unicodedata.name(first, "LATIN").split(" ")[0]
    systems = QFontDatabase.WritingSystem
    return script, getattr(systems, script.title(), systems.Any)


@cache
def family_for(code: str, preferred: str) -> str | None:
    """A font family with every letter of the language: ``preferred`` if it has them all.

    Else the first family Qt lists for the language's writing system (every family
    for a script Qt has no writing system for, as Ethiopic) that has them. None,
    and one line in the log, when no installed font has them.
    """
    language = texts_for(code)
    if language is None:
        return None
    letters = _letters(language)
    script, system = _writing_system(language)
    for family in (preferred, *QFontDatabase.families(system)):
        font = QRawFont.fromFont(QFont(family))
        if font.isValid() and all(font.supportsCharacter(ord(c)) for c in letters):
            return family
    log.warning(
        "no installed font has every letter of %s (%s): its texts may show as boxes;"
        " install one for the %s script (Noto Sans, for instance)",
        language.name_sv,
        code,
        script.title(),
    )
    return None


def show_in(label: QLabel, text: str, language: VisitorLanguage | None, base_family: str) -> None:
    """Show a line in a language: its text, its direction, a font with its letters; or hide it."""
    if language is None or not text:
        if not label.isHidden():
            label.hide()
        return
    set_text(label, text)
    rtl = Qt.LayoutDirection.RightToLeft if language.rtl else Qt.LayoutDirection.LeftToRight
    if label.layoutDirection() != rtl:
        label.setLayoutDirection(rtl)
    family = family_for(language.code, base_family) or base_family
    font = label.font()
    if font.family() != family:
        font = QFont(font)
        font.setFamily(family)
        label.setFont(font)
    if label.isHidden():
        label.show()
