"""The kiosk's pages: the language, what the visit is about, the ticket, and a notice.

Every page is built in the visitor's language (:meth:`Page.show_in`), laid out
right to left for Arabic and Persian, and can say what is on it
(:meth:`Page.spoken`): the kiosk reads that aloud in speech mode. Buttons are
large (a touch target of at least 2 cm) and reachable by keyboard or keypad.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.services.office.visitor_texts import VisitorLanguage, load_or_english
from app.ui.kiosk.pictograms import INK, pictogram, pictogram_for

_WHITE = QColor("#ffffff")
STYLE = """
QWidget#kiosk { background: #f4f6fa; }
QLabel { color: #0b2545; }
QLabel[role="title"] { font-weight: 600; }
QLabel[role="code"] { font-weight: 700; color: #0b2545; }
QLabel[role="notice"] { font-weight: 600; }
QPushButton {
  background: #ffffff; color: #0b2545; border: 3px solid #0b2545; border-radius: 18px;
  padding: 14px 22px; text-align: left;
}
QPushButton:focus { border: 6px solid #e07a00; background: #fff4e0; }
QPushButton:pressed { background: #dfe7f3; }
QPushButton[role="help"] { background: #0b2545; color: #ffffff; }
QPushButton[role="help"] QLabel { color: #ffffff; background: transparent; }
QLabel[role="button-words"], QLabel[role="button-detail"] { background: transparent; }
QLabel[role="button-detail"] { color: #33475f; }
QPushButton[role="help"] QLabel[role="button-detail"] { color: #dfe7f3; }
QPushButton[role="help"]:focus { background: #173d6b; }
QPushButton[role="small"] { text-align: center; }
"""


@dataclass(frozen=True)
class Choice:
    """One thing a visit can be about: a queue, in the visitor's words."""

    letter: str
    code: str
    label: str  # the office's Swedish label
    label_en: str | None
    agency_codes: tuple[str, ...]
    agency_names: tuple[str, ...] = ()  # the agencies' own names ("Försäkringskassan")

    def words(self, texts: VisitorLanguage) -> tuple[str, str]:
        """Its title in the visitor's plain words, and the agencies it is for.

        A queue the visitor texts do not know (the office made it) is titled by the
        office's label, and its line says what its agencies deal with instead."""
        plain = texts.texts.get(f"queue.{self.code}")
        if plain:
            return plain, ", ".join(self.agency_names)
        title = self.label if texts.code == "sv" else (self.label_en or self.label)
        topics = [texts.texts.get(f"topic.{agency}") for agency in self.agency_codes]
        return title, " · ".join(t for t in dict.fromkeys(topics) if t and t != title)


def _label(role: str = "") -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if role:
        label.setProperty("role", role)
    return label


class BigButton(QPushButton):
    """A large touch target whose words wrap, with a pictogram before them."""

    def __init__(self, role: str = "") -> None:
        super().__init__()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        if role:
            self.setProperty("role", role)
        self.picture = QLabel()
        self.words = QLabel()
        self.detail = QLabel()
        for label, role in ((self.words, "button-words"), (self.detail, "button-detail")):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setProperty("role", role)
        for label in (self.picture, self.words, self.detail):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        column = QVBoxLayout()
        column.setSpacing(4)
        column.addStretch(1)
        column.addWidget(self.words)
        column.addWidget(self.detail)
        column.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(22, 14, 22, 14)
        layout.setSpacing(22)
        layout.addWidget(self.picture)
        layout.addLayout(column, 1)
        self.picture.hide()
        self.detail.hide()

    def set_words(self, text: str, spoken: str | None = None, detail: str = "") -> None:
        """Its words (shown, wrapping), a smaller line of detail, and what speech reads."""
        self.words.setText(text)
        self.detail.setText(detail)
        self.detail.setVisible(bool(detail))
        self._plain = f"{text}\n{detail}" if detail else text
        self.setAccessibleName(spoken or self._plain.replace("\n", ". "))

    def text(self) -> str:  # the words, as a plain button's text
        """Its words."""
        return getattr(self, "_plain", "")

    def set_picture(self, name: str, size: int, color: QColor | None = None) -> None:
        """Show this pictogram before the words."""
        self.picture.setPixmap(pictogram(name, size, color or INK))
        self.picture.show()

    def minimumSizeHint(self) -> QSize:
        return QSize(120, 90)

    def sizeHint(self) -> QSize:
        return QSize(300, 120)


def _button(role: str = "") -> QPushButton:
    button = QPushButton()
    button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
    button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    if role:
        button.setProperty("role", role)
    return button


class Page(QWidget):
    """A page of the kiosk in one language."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.texts = load_or_english("sv")

    def show_in(self, texts: VisitorLanguage) -> None:
        """Word the page in this language, in its direction."""
        self.texts = texts
        direction = Qt.LayoutDirection.RightToLeft if texts.rtl else Qt.LayoutDirection.LeftToRight
        self.setLayoutDirection(direction)
        self.retext()

    def retext(self) -> None:
        """Set every text from :attr:`texts`."""

    def spoken(self) -> str:
        """What the page says, read aloud as one text."""
        return ""

    def first_focus(self) -> QWidget | None:
        """Where the keyboard starts on this page."""
        return None


class LanguagePage(Page):
    """The first page: every language the office offers, each named in itself."""

    chosen = Signal(str)
    help_asked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = _label("title")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.grid = QGridLayout()
        self.grid.setSpacing(18)
        self.help = BigButton("help")
        self.help.clicked.connect(self.help_asked)
        self.hint = _label()
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 36, 48, 36)
        layout.setSpacing(24)
        layout.addWidget(self.title)
        layout.addLayout(self.grid, 1)
        layout.addWidget(self.help)
        layout.addWidget(self.hint)
        self.icon_size = 64
        self.buttons: dict[str, BigButton] = {}
        self._languages: list[VisitorLanguage] = []

    def set_languages(self, codes: Sequence[str]) -> None:
        """Show these languages (visitor-text codes), in order, two to a row."""
        languages = [load_or_english(code) for code in codes]
        languages = [lang for lang in languages if lang.code in codes]  # no English twice
        if [lang.code for lang in languages] == [lang.code for lang in self._languages]:
            return
        for button in self.buttons.values():
            self.grid.removeWidget(button)
            button.hide()
            button.deleteLater()
        self.buttons = {}
        self._languages = languages
        for index, lang in enumerate(languages):
            button = BigButton()
            shown = lang.name if lang.code == "sv" else f"{lang.name}\n{lang.name_sv}"
            button.set_words(shown, lang.name)
            button.setLayoutDirection(
                Qt.LayoutDirection.RightToLeft if lang.rtl else Qt.LayoutDirection.LeftToRight
            )
            button.setProperty("language", lang.code)
            button.clicked.connect(lambda _=False, code=lang.code: self.chosen.emit(code))
            self.buttons[lang.code] = button
            self.grid.addWidget(button, index // 2, index % 2)
        self.retext()

    def retext(self) -> None:
        sv, en = load_or_english("sv"), load_or_english("en")
        self.title.setText(f"{sv.text('choose_language')} · {en.text('choose_language')}")
        self.help.set_words(
            f"{sv.text('help_button')} · {en.text('help_button')}", sv.text("help_button")
        )
        self.help.set_picture("help", self.icon_size, _WHITE)
        self.hint.setText(f"{sv.text('speech_hint')}\n{en.text('speech_hint')}")

    def spoken(self) -> str:
        sv = load_or_english("sv")
        return f"{sv.text('choose_language')}. {sv.text('speech_hint')}"

    def first_focus(self) -> QWidget | None:
        return next(iter(self.buttons.values()), None)


class TopicPage(Page):
    """What the visit is about: the office's queues in plain words and pictograms."""

    chosen = Signal(str)
    help_asked = Signal()
    back = Signal()
    booked = Signal()  # "I have a booked time": the check-in page

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = _label("title")
        self.list = QVBoxLayout()
        self.list.setSpacing(16)
        self.help = BigButton("help")
        self.help.clicked.connect(self.help_asked)
        self.back_button = _button("small")
        self.back_button.clicked.connect(self.back)
        self.booked_button = BigButton()
        self.booked_button.clicked.connect(self.booked)
        bottom = QHBoxLayout()
        bottom.setSpacing(18)
        bottom.addWidget(self.back_button, 1)
        bottom.addWidget(self.help, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 36, 48, 36)
        layout.setSpacing(24)
        layout.addWidget(self.title)
        layout.addLayout(self.list, 1)
        layout.addWidget(self.booked_button)
        layout.addLayout(bottom)
        self.buttons: dict[str, BigButton] = {}
        self._choices: list[Choice] = []
        self.icon_size = 96

    def set_choices(self, choices: Sequence[Choice]) -> None:
        """Show these queues, in order."""
        if list(choices) == self._choices:
            return
        for button in self.buttons.values():
            self.list.removeWidget(button)
            button.hide()
            button.deleteLater()
        self._choices = list(choices)
        self.buttons = {}
        for choice in self._choices:
            button = BigButton()
            button.clicked.connect(lambda _=False, letter=choice.letter: self.chosen.emit(letter))
            self.buttons[choice.letter] = button
            self.list.addWidget(button)
        self.retext()

    def retext(self) -> None:
        t = self.texts
        self.title.setText(t.text("what_about"))
        for choice in self._choices:
            title, line = choice.words(t)
            button = self.buttons[choice.letter]
            button.set_words(title, detail=line)
            button.set_picture(pictogram_for(choice.agency_codes), self.icon_size)
        self.help.set_words(t.text("help_button"))
        self.help.set_picture("help", self.icon_size * 2 // 3, _WHITE)
        self.back_button.setText(t.text("back"))
        self.back_button.setAccessibleName(t.text("back"))
        from app.ui.kiosk.check_in import booked_pictogram  # it builds on this module

        self.booked_button.set_words(t.text("booked_checkin"))
        self.booked_button.picture.setPixmap(booked_pictogram(self.icon_size * 2 // 3))
        self.booked_button.picture.show()

    def spoken(self) -> str:
        return self.texts.text("what_about")

    def first_focus(self) -> QWidget | None:
        return next(iter(self.buttons.values()), None)


class TicketPage(Page):
    """The ticket: the code very large, the queue, the people ahead and the wait."""

    done = Signal()
    tell_asked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = _label("title")
        self.code = _label("code")
        self.queue = _label()
        self.ahead = _label()
        self.wait = _label()
        self.message = _label("notice")
        self.watch = _label()
        for label in (self.heading, self.code, self.queue, self.ahead, self.wait):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.tell = _button("small")
        self.tell.clicked.connect(self.tell_asked)
        self.done_button = _button("small")
        self.done_button.clicked.connect(self.done)
        bottom = QHBoxLayout()
        bottom.setSpacing(18)
        bottom.addWidget(self.tell)
        bottom.addWidget(self.done_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 36, 48, 36)
        layout.setSpacing(14)
        for widget in (self.heading, self.code, self.queue, self.ahead, self.wait):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addWidget(self.message)
        layout.addWidget(self.watch)
        layout.addLayout(bottom)
        self.facts: dict[str, object] = {}

    def show_ticket(
        self, code: str, queue_title: str, ahead: int | None, minutes: int | None, message: str
    ) -> None:
        """Show this ticket, with the message about its printout or its call for help."""
        self.facts = {"code": code, "queue": queue_title, "ahead": ahead, "minutes": minutes}
        self._message_text = message
        self.retext()

    def update_place(self, ahead: int, minutes: int | None) -> None:
        """The people ahead and the wait as they are now."""
        self.facts = {**self.facts, "ahead": ahead, "minutes": minutes}
        self.retext()

    def set_message(self, message: str) -> None:
        """How the printout went, once it has."""
        self._message_text = message
        self.message.setText(message)

    def retext(self) -> None:
        t, facts = self.texts, self.facts
        self.heading.setText(t.text("your_number"))
        self.code.setText(str(facts.get("code", "")))
        self.queue.setText(str(facts.get("queue", "")))
        ahead, minutes = facts.get("ahead"), facts.get("minutes")
        self.ahead.setText(t.text("people_ahead", ahead=ahead) if ahead is not None else "")
        if minutes is None:
            self.wait.setText(t.text("wait_unknown"))
        else:  # "about 0 minutes" tells a visitor who is next nothing
            self.wait.setText(t.text("wait_minutes", minutes=minutes) if minutes else "")
        self.message.setText(getattr(self, "_message_text", ""))
        self.watch.setText(t.text("watch_screen"))
        self.tell.setText(t.text("tell_me"))
        self.done_button.setText(t.text("done"))

    def spoken(self) -> str:
        parts = [
            f"{self.heading.text()} {_spell(self.code.text())}.",
            self.queue.text() + ".",
            self.ahead.text() + ".",
            self.wait.text() + ".",
            self.message.text(),
            self.watch.text(),
        ]
        return " ".join(p for p in parts if p.strip(" ."))

    def first_focus(self) -> QWidget | None:
        return self.done_button


class NoticePage(Page):
    """Closed for the day, or full: said in every language the kiosk offers."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lines = QVBoxLayout()
        self.lines.setSpacing(28)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 48, 48, 48)
        layout.addStretch(1)
        layout.addLayout(self.lines)
        layout.addStretch(1)
        self.reason = "closed"
        self._labels: list[QLabel] = []
        self._codes: list[str] = []

    def show_notice(self, reason: str, codes: Sequence[str], english_fallback: str = "") -> None:
        """``reason`` is "closed", "full" or a sentence of its own (a failure)."""
        self.reason, self._codes = reason, list(codes)
        for label in self._labels:
            self.lines.removeWidget(label)
            label.deleteLater()
        self._labels = []
        if reason not in load_or_english("sv").texts:  # a sentence of its own, said once
            self._codes = ["sv"]
        for code in self._codes:
            lang = load_or_english(code)
            label = _label("notice" if code == "sv" else "")
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setLayoutDirection(
                Qt.LayoutDirection.RightToLeft if lang.rtl else Qt.LayoutDirection.LeftToRight
            )
            label.setText(lang.text(reason) if reason in lang.texts else english_fallback)
            self.lines.addWidget(label)
            self._labels.append(label)

    def spoken(self) -> str:
        return self._labels[0].text() if self._labels else ""


def _spell(code: str) -> str:
    """A ticket code as speech reads it well: "A 0 1 2" → "A 12" is how offices say it."""
    letter, digits = code[:1], code[1:]
    return f"{letter} {int(digits)}" if digits.isdigit() else code
