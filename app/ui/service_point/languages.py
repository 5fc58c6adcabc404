"""The visitor's language at the service point: its Swedish name, a marker, the interpreter hint.

A visitor chooses a language when they take a ticket (a code of the catalog's
languages). The service point shows it before the call, in its ticket lists, and
after it, on the called visitor's card, so the case worker knows in time that an
interpreter may be needed. The names come from the catalog the errand form offers
(:meth:`~app.services.errands.desk.ErrandDesk.choices`), read once off the GUI thread
when a ticket first shows a code not yet known, and again whenever the form reads it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cache

from PySide6.QtCore import QObject, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPixmap

from app.services.errands.records import DEFAULT_LANGUAGE, Choice
from app.ui.shell.action import Action
from app.ui.shell.context import UiContext

ENGLISH = "en"
MARKER_COLOUR = "#b45f06"  # amber, dark enough against white and the list's selection


def needs_notice(code: str | None) -> bool:
    """Whether the visitor's language is worth showing: any but Swedish."""
    return bool(code) and code != DEFAULT_LANGUAGE


def may_need_interpreter(code: str | None) -> bool:
    """Whether the service may need an interpreter: neither Swedish nor English."""
    return needs_notice(code) and code != ENGLISH


def in_sentence(label: str) -> str:
    """A language's name inside a sentence: "Arabiska" → "arabiska" (Swedish writes them so)."""
    return label[:1].lower() + label[1:]


MARKER_SIZE = 32  # drawn large, shown small: sharp on a high-density screen too


@cache
def no_marker_icon() -> QIcon:
    """An empty space as wide as the marker, so that the codes of a list stand in line."""
    pixmap = QPixmap(MARKER_SIZE, MARKER_SIZE)
    pixmap.fill(Qt.GlobalColor.transparent)
    return QIcon(pixmap)


@cache
def marker_icon() -> QIcon:
    """A small speech bubble: this visitor chose a language other than Swedish."""
    pixmap = QPixmap(MARKER_SIZE, MARKER_SIZE)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    bubble = QPainterPath()
    bubble.addRoundedRect(QRectF(2, 3, 28, 20), 6, 6)
    tail = QPainterPath()
    tail.moveTo(QPointF(8, 21))
    tail.lineTo(QPointF(7, 30))
    tail.lineTo(QPointF(16, 21))
    tail.closeSubpath()
    painter.fillPath(bubble.united(tail), QColor(MARKER_COLOUR))
    painter.setBrush(QColor("white"))
    painter.setPen(Qt.PenStyle.NoPen)
    for x in (10, 16, 22):
        painter.drawEllipse(QPointF(x, 13), 2.4, 2.4)
    painter.end()
    return QIcon(pixmap)


class LanguageNames(QObject):
    """The catalog's languages by code, in Swedish; ``changed`` when more are known."""

    changed = Signal()

    def __init__(self, ctx: UiContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._names: dict[str, str] = {}
        self._asked: set[str] = set()  # codes a read was made for: asked once, not per refresh

    def label(self, code: str) -> str:
        """The language's Swedish name ("Arabiska"); the code itself until it is known."""
        return self._names.get(code, code)

    def need(self, codes: Iterable[str | None]) -> None:
        """Read the catalog when one of these codes is not yet known by name."""
        unknown = {c for c in codes if c and c not in self._names and c not in self._asked}
        if not unknown:
            return
        self._asked |= unknown
        ctx = self._ctx
        # The capability is reached in the work: at start-up the store may still be opening.
        Action(
            ctx, "read the language names", lambda: ctx.errands.choices()
        ).without_refresh().success(lambda choices: self.learn(choices.languages)).failure(
            lambda _sentence: None,
            "",  # the codes stay shown; the next call's form reads again
        ).run_in_background(self)

    def learn(self, languages: Sequence[Choice]) -> None:
        """Take the names of the catalog just read (the errand form's, or this object's own)."""
        names = {choice.code: choice.label for choice in languages}
        if any(self._names.get(code) != label for code, label in names.items()):
            self._names.update(names)
            self.changed.emit()

    def hint(self, code: str | None) -> str:
        """The called visitor's language as the card says it ("" for Swedish or none)."""
        if not code or not needs_notice(code):
            return ""
        name = in_sentence(self.label(code))
        if may_need_interpreter(code):
            return self.tr("Språk: {0} — kan behöva tolk").format(name)
        return self.tr("Språk: {0}").format(name)

    def tooltip(self, code: str | None) -> str:
        """What the marker in a ticket list says when pointed at."""
        if may_need_interpreter(code):
            return self.tr("Kan behöva tolk")
        if needs_notice(code):
            return self.tr("Vill ha service på engelska")
        return ""
