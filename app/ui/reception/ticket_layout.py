"""What a ticket printout looks like: its lines, the visitor's language and the QR code.

:func:`ticket_layout` turns a :class:`~app.ui.reception.printing.TicketPrint` into a list
of items (paragraphs, rules, a QR code); a :class:`TicketLayout` measures them on a paint
device, so the page can grow to fit before printing starts, and then paints them. Text is
laid out with :class:`QTextLayout`, which shapes Arabic and Ethiopic and orders mixed
right-to-left text itself, given a font that has the glyphs (:func:`family_for`).

The ticket is the visitor's: Swedish first, then English or the visitor's language, never
the language the staff's screens are shown in (so its texts are not Qt translations).
"""

from __future__ import annotations

import dataclasses
import functools
import logging
import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import segno
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QFontInfo,
    QFontMetricsF,
    QImage,
    QPaintDevice,
    QPainter,
    QPen,
    QRawFont,
    QTextLayout,
    QTextOption,
)

from app.services.office.visitor_texts import ALWAYS_ON, VisitorLanguage, VisitorTextError, load
from app.ui.shell.office_time import local

if TYPE_CHECKING:
    from app.ui.reception.printing import TicketPrint

log = logging.getLogger(__name__)

PAPER_WIDTH_MM = 80.0
PAPER_HEIGHT_MM = 110.0  # the shortest ticket: a longer one (a language, a QR code) grows
MARGIN_MM = 4.0
MM_PER_INCH = 25.4
QR_MIN_MM = 28.0  # the symbol itself, quiet zone apart: a phone reads it from arm's length
QR_MAX_MM = 44.0
QR_MODULE_MM = 0.9  # a module this size as long as the symbol stays within the bounds above
QR_QUIET_MODULES = 4  # the quiet zone the QR standard asks for, on every side
# Families that cover the visitor languages' scripts, tried first: Windows (Segoe UI for
# Latin, Cyrillic and Arabic; Ebrima and Nyala for Ethiopic), then common Linux ones.
PREFERRED_FAMILIES = (
    "Segoe UI",
    "Tahoma",
    "Ebrima",
    "Nyala",
    "Noto Sans",
    "Noto Sans Arabic",
    "Noto Naskh Arabic",
    "Noto Sans Ethiopic",
    "DejaVu Sans",
    "Abyssinica SIL",
    "Arial",
)
_WRITING_SYSTEMS = (
    QFontDatabase.WritingSystem.Arabic,
    QFontDatabase.WritingSystem.Cyrillic,
    QFontDatabase.WritingSystem.Latin,
)


# ------------------------------------------------------------------------------ the items


@dataclass(frozen=True)
class Paragraph:
    """Text in one font; "\\n" starts a new line. Centred, or else from the right for a
    right-to-left language (and from the left for the others)."""

    text: str
    font: QFont
    gap_mm: float = 1.5
    rtl: bool = False
    centred: bool = True


@dataclass(frozen=True)
class Rule:
    """A short horizontal line between parts of the ticket."""

    gap_mm: float = 2.5


@dataclass(frozen=True)
class QrCode:
    """A QR code (its dark modules, row by row) with the quiet zone around it."""

    modules: tuple[tuple[bool, ...], ...]
    gap_mm: float = 1.0

    @property
    def size(self) -> int:
        """Modules per side, quiet zone apart."""
        return len(self.modules)


Item = Paragraph | Rule | QrCode


def qr_code(url: str) -> QrCode:
    """The QR code of a URL (error correction M: a crease or a smudge still reads)."""
    symbol = segno.make(url, error="m", micro=False)
    return QrCode(tuple(tuple(bool(dark) for dark in row) for row in symbol.matrix))


def qr_module_px(size: int, dots_per_mm: float) -> int:
    """Whole device pixels per module, so modules meet without hairline gaps."""
    symbol_mm = min(max(size * QR_MODULE_MM, QR_MIN_MM), QR_MAX_MM)
    return max(1, round(symbol_mm * dots_per_mm / size))


# ---------------------------------------------------------------------------- the fonts


def _covers(family: str, characters: Iterable[str]) -> bool:
    raw = QRawFont.fromFont(QFont(family))
    if not raw.isValid() or raw.familyName().casefold() != family.casefold():
        return False  # not installed: the font system gave a substitute
    return all(raw.supportsCharacter(ord(c)) for c in characters)


def own_family() -> str:
    """The family the ticket's Swedish is printed in: the system's sans-serif font."""
    return QFontInfo(font(10)).family()


def _candidates() -> Iterable[str]:
    yield own_family()
    installed = set(QFontDatabase.families())
    yield from (family for family in PREFERRED_FAMILIES if family in installed)
    for system in _WRITING_SYSTEMS:
        yield from QFontDatabase.families(system)
    yield from QFontDatabase.families()  # Ethiopic has no writing system of its own in Qt


@functools.lru_cache(maxsize=64)
def _family_for(characters: frozenset[str]) -> str | None:
    seen: set[str] = set()
    for family in _candidates():
        if family in seen:
            continue
        seen.add(family)
        if _covers(family, characters):
            return family
    return None


def family_for(text: str) -> str | None:
    """An installed font family with a glyph for every character of ``text`` beyond ASCII
    (codes and digits come from the ticket's own font), or None."""
    wanted = frozenset(c for c in text if not c.isascii() and c.isprintable())
    return _family_for(wanted) if wanted else own_family()


def families_for(text: str, family: str) -> list[str]:
    """The families to print a visitor language's ``text`` in, ``family`` having its glyphs.

    The ticket's own family comes first when it has none of the text's letters, so codes
    and digits look as they do above; not when it has some of them, as a word drawn from
    two fonts would not join up.
    """
    own = own_family()
    if family == own:
        return [own]
    letters = {c for c in text if c.isalpha() and not c.isascii()}
    raw = QRawFont.fromFont(QFont(own))
    if raw.isValid() and any(raw.supportsCharacter(ord(c)) for c in letters):
        return [family]
    return [own, family]


def font(point_size: float, bold: bool = False, families: list[str] | None = None) -> QFont:
    """A sans-serif font of the ticket (of ``families`` for a visitor language's text)."""
    result = QFont()
    if families:
        result.setFamilies(families)
    result.setStyleHint(QFont.StyleHint.SansSerif)
    result.setPointSizeF(point_size)
    result.setBold(bold)
    return result


# ---------------------------------------------------------------------------- the layout


def _paragraph_layouts(
    item: Paragraph, device: QPaintDevice, width: float
) -> tuple[list[tuple[QTextLayout, float]], float]:
    """Each line of the paragraph laid out to ``width``, with its top; and the height."""
    if item.centred:
        alignment = Qt.AlignmentFlag.AlignHCenter
    elif item.rtl:
        alignment = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute
    else:
        alignment = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignAbsolute
    option = QTextOption(alignment)
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    option.setTextDirection(
        Qt.LayoutDirection.RightToLeft if item.rtl else Qt.LayoutDirection.LeftToRight
    )
    # A block of text keeps off the roll's edges as the rules do (centred lines are short).
    inset = 0.0 if item.centred else 0.06 * width
    placed: list[tuple[QTextLayout, float]] = []
    y = 0.0
    for part in item.text.split("\n"):
        layout = QTextLayout(part, item.font, device)
        layout.setTextOption(option)
        layout.beginLayout()
        top = 0.0
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width - 2 * inset)
            line.setPosition(QPointF(inset, top))
            top += line.height()
        layout.endLayout()
        placed.append((layout, y))
        y += top
    return placed, y


@dataclass(frozen=True)
class TicketLayout:
    """The ticket's items, top to bottom, measured and painted on one kind of device."""

    items: tuple[Item, ...]

    def height(self, device: QPaintDevice, width: float) -> float:
        """The height in device pixels of everything, for a paint area ``width`` wide."""
        return self._walk(None, device, width)

    def paint(self, painter: QPainter, device: QPaintDevice, width: float) -> float:
        """Paint from the top of the paint area; returns the height used."""
        return self._walk(painter, device, width)

    def _walk(self, painter: QPainter | None, device: QPaintDevice, width: float) -> float:
        mm = device.logicalDpiY() / MM_PER_INCH
        y = end = 0.0
        if painter is not None:
            painter.setPen(Qt.GlobalColor.black)
        for item in self.items:
            if isinstance(item, Paragraph):
                placed, height = _paragraph_layouts(item, device, width)
                if painter is not None:
                    for layout, top in placed:
                        layout.draw(painter, QPointF(0, y + top))
            elif isinstance(item, Rule):
                if painter is not None:
                    painter.setPen(QPen(Qt.GlobalColor.black, 0.3 * mm))
                    painter.drawLine(QPointF(0.1 * width, y), QPointF(0.9 * width, y))
                    painter.setPen(Qt.GlobalColor.black)
                height = 0.0
            else:
                height = _qr(painter, item, y, width, device.logicalDpiX() / MM_PER_INCH)
            end = y + height  # the gap below the last item is the page's margin's
            y = end + item.gap_mm * mm
        return end


def _qr(painter: QPainter | None, item: QrCode, y: float, width: float, mm: float) -> float:
    """Paint the QR code centred, its quiet zone below ``y``; returns its height."""
    module = qr_module_px(item.size, mm)
    total = (item.size + 2 * QR_QUIET_MODULES) * module
    if painter is not None:
        left = round((width - item.size * module) / 2)
        top = round(y) + QR_QUIET_MODULES * module
        painter.save()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.fillRect(QRectF((width - total) / 2, y, total, total), QColor("white"))
        painter.setBrush(QColor("black"))
        for row, darks in enumerate(item.modules):
            column = 0
            while column < item.size:  # one rectangle per run of dark modules
                if not darks[column]:
                    column += 1
                    continue
                end = column
                while end < item.size and darks[end]:
                    end += 1
                x = left + column * module
                painter.drawRect(x, top + row * module, (end - column) * module, module)
                column = end
        painter.restore()
    return float(total)


# ------------------------------------------------------------------- what goes on paper


def visitor_language(code: str | None) -> VisitorLanguage | None:
    """The visitor's texts when they get a part of their own: not for Swedish or English,
    nor for a language without a file of texts (they read English, as everyone else)."""
    if not code or code in ALWAYS_ON:
        return None
    try:
        return load(code)
    except VisitorTextError as exc:  # a catalog language without texts ("pl"): no news
        log.info("ticket in Swedish and English: %s", exc)
        return None


def ticket_layout(ticket: TicketPrint, device: QPaintDevice, width: float) -> TicketLayout:
    """The items of a ticket's printout, for a paint area ``width`` device pixels wide."""
    if ticket.booked_time:  # called at the booked time: the people ahead and the wait mislead
        ticket = dataclasses.replace(ticket, ahead=None, wait_minutes=None)
    visitor = visitor_language(ticket.language)
    part = _visitor_part(ticket, visitor) if visitor else None
    own, families = part or (None, None)
    if visitor is not None and own is None:
        log.warning(
            "no installed font has the glyphs of %s: ticket %s prints in Swedish and English",
            visitor.code,
            ticket.code,
        )
    english = own is None
    items: list[Item] = [Paragraph(ticket.office_name, font(10, bold=True), 2), Rule()]
    items.append(Paragraph("Ditt nummer" + (" / Your number" if english else ""), font(8)))
    items.append(Paragraph(ticket.code, _code_font(ticket.code, device, width), 0.5))
    if ticket.booked_time:
        items += _booked(ticket, english)
    elif ticket.booked:
        items.append(Paragraph("BOKAD TID" + " / BOOKED TIME", font(10, bold=True), 1))
    if ticket.queue_label_en and ticket.queue_label_en != ticket.queue_label:
        items.append(Paragraph(ticket.queue_label, font(11, bold=True), 0.5))
        items.append(Paragraph(ticket.queue_label_en, font(8), 2.5))
    else:
        items.append(Paragraph(ticket.queue_label, font(11, bold=True), 2.5))
    items.append(Paragraph("\n".join(_facts(ticket, english)), font(9), 2.5))
    if ticket.late:
        late = "Du hinner kanske inte betjänas i dag." + "\nYou may not be served today."
        items.append(Paragraph(late, font(9, bold=True), 2.5))
    items.append(Rule())
    items.append(Paragraph("Vänta tills ditt nummer visas på skärmen.", font(9, True), 0.8))
    if english:
        items.append(Paragraph("Please wait until your number is shown on the screen.", font(8)))
    if own is not None:
        items += [Rule(), *own]
    if ticket.follow_url:
        items.append(qr_code(ticket.follow_url))
        if visitor is not None and families is not None:
            caption = visitor.text("follow_online")
            items.append(Paragraph(caption, font(8, families=families), 1, visitor.rtl))
        else:
            items.append(Paragraph("Följ din plats i mobilen", font(8), 1))
    return TicketLayout(tuple(items))


def _booked(ticket: TicketPrint, english: bool) -> list[Item]:
    """A checked-in booking's time (and its errand type), under the code."""
    time = ticket.booked_time
    line = f"Bokad tid {time}" + (f"\nBooked time {time}" if english else "")
    items: list[Item] = [Paragraph(line, font(11, bold=True), 0.5)]
    if ticket.booked_errand:
        items.append(Paragraph(ticket.booked_errand, font(9), 1))
    return items


def _facts(ticket: TicketPrint, english: bool) -> list[str]:
    """Date and time, people ahead and the wait, in Swedish (and English)."""
    issued = local(ticket.issued_at)
    lines = [f"{issued:%Y-%m-%d   %H:%M}"]
    if ticket.ahead is not None:
        ahead = f"Före dig: {ticket.ahead}"
        lines.append(ahead + (f" / Ahead of you: {ticket.ahead}" if english else ""))
    if ticket.wait_minutes is not None:
        if ticket.wait_minutes <= 0:
            # No visitor text says "short": the English stays for everyone.
            lines.append("Väntetid: kort" + " / Wait: short")
        else:
            minutes = ticket.wait_minutes
            wait = f"Beräknad väntetid: ca {minutes} min"
            lines.append(wait + (f"\nEstimated wait: about {minutes} min" if english else ""))
    return lines


def _visitor_part(
    ticket: TicketPrint, visitor: VisitorLanguage
) -> tuple[list[Item], list[str]] | None:
    """The ticket's part in the visitor's language and the font families it is printed in;
    None when no font has its glyphs."""
    texts = [(visitor.text("your_number") + f": {ticket.code}", 11.0, True, 1.0)]
    if ticket.booked_time:
        texts.append((visitor.text("ticket_booked", time=ticket.booked_time), 9, True, 0.5))
    if ticket.ahead is not None:
        texts.append((visitor.text("people_ahead", ahead=ticket.ahead), 9, False, 0.5))
    if ticket.wait_minutes is not None and ticket.wait_minutes > 0:
        texts.append((visitor.text("wait_minutes", minutes=ticket.wait_minutes), 9, False, 0.5))
    # The instructions speak of the QR code: without one, the plain "watch the screen".
    instructions = "ticket_instructions" if ticket.follow_url else "watch_screen"
    texts.append((visitor.text(instructions), 9, True, 1.0))
    texts.append((visitor.text("ticket_keep"), 8, False, 2.5))
    everything = " ".join(text for text, *_ in texts) + " " + visitor.text("follow_online")
    family = family_for(everything)
    if family is None:
        return None
    families = families_for(everything, family)
    return [
        Paragraph(text, font(size, bold, families), gap, visitor.rtl, centred=not visitor.rtl)
        for text, size, bold, gap in texts
    ], families


def _code_font(code: str, device: QPaintDevice, width: float) -> QFont:
    """The code in very large type, smaller only when it would not fit the width."""
    code_font = font(64, bold=True)
    metrics = QFontMetricsF(code_font, device)
    while metrics.horizontalAdvance(code) > 0.92 * width and code_font.pointSizeF() > 20:
        code_font.setPointSizeF(code_font.pointSizeF() - 2)
        metrics = QFontMetricsF(code_font, device)
    return code_font


def page_height_mm(
    layout: TicketLayout, device: QPaintDevice, width: float, margins_mm: float
) -> float:
    """How long the page must be, in whole millimetres: 110 mm, or more to hold it all."""
    content_mm = layout.height(device, width) / device.logicalDpiY() * MM_PER_INCH
    return float(max(PAPER_HEIGHT_MM, math.ceil(content_mm + margins_mm)))


def render_image(ticket: TicketPrint, dpi: int = 300) -> QImage:
    """The printout as a white image at ``dpi``, as it is printed on an 80 mm page."""
    dots_per_metre = round(dpi / MM_PER_INCH * 1000)
    probe = QImage(1, 1, QImage.Format.Format_RGB32)
    probe.setDotsPerMeterX(dots_per_metre)
    probe.setDotsPerMeterY(dots_per_metre)
    mm = dpi / MM_PER_INCH
    width = (PAPER_WIDTH_MM - 2 * MARGIN_MM) * mm
    layout = ticket_layout(ticket, probe, width)
    height_mm = page_height_mm(layout, probe, width, 2 * MARGIN_MM)
    image = QImage(round(PAPER_WIDTH_MM * mm), round(height_mm * mm), QImage.Format.Format_RGB32)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    image.fill(QColor("white"))
    painter = QPainter(image)
    try:
        painter.translate(MARGIN_MM * mm, MARGIN_MM * mm)
        layout.paint(painter, image, width)
    finally:
        painter.end()
    return image
