"""Pictograms for the kiosk's choices: plain shapes, drawn, that need no font and no words.

Each queue shows the pictogram of its first agency (by kind of errand, not by
logo): a family for Försäkringskassan, an hourglass for pensions, a form for
Skatteverket, a briefcase for work, a tray of papers for handing in documents,
a house for the municipality, a cross for the region's care.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPixmap

INK = QColor("#0b2545")

# Agency code (or its prefix, for municipalities and regions) → pictogram.
BY_AGENCY = {
    "FK": "family",
    "PM": "pension",
    "SKV": "form",
    "AF": "work",
    "GEMENSAMT": "papers",
    "K-": "house",
    "R-": "care",
}


def pictogram_for(agency_codes: Sequence[str]) -> str:
    """The pictogram of a queue: its first agency's, else a speech bubble."""
    for code in agency_codes:
        for key, name in BY_AGENCY.items():
            if code == key or (key.endswith("-") and code.startswith(key)):
                return name
    return "talk"


def pictogram(name: str, size: int, color: QColor = INK) -> QPixmap:
    """The pictogram drawn on a transparent square of ``size`` pixels."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(size / 100, size / 100)  # every shape is drawn on a 100 × 100 grid
    pen = QPen(color, 6, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    DRAW.get(name, _talk)(painter, color)
    painter.end()
    return pixmap


def _person(p: QPainter, color: QColor, x: float, y: float, scale: float) -> None:
    p.setBrush(color)
    p.drawEllipse(QPointF(x, y), 9 * scale, 9 * scale)
    body = QPainterPath()
    body.moveTo(x - 16 * scale, y + 48 * scale)
    body.quadTo(x - 16 * scale, y + 14 * scale, x, y + 14 * scale)
    body.quadTo(x + 16 * scale, y + 14 * scale, x + 16 * scale, y + 48 * scale)
    body.closeSubpath()
    p.drawPath(body)
    p.setBrush(Qt.BrushStyle.NoBrush)


def _family(p: QPainter, color: QColor) -> None:
    _person(p, color, 32, 30, 1.0)
    _person(p, color, 70, 48, 0.65)


def _pension(p: QPainter, color: QColor) -> None:
    glass = QPainterPath()
    glass.moveTo(28, 14)
    glass.lineTo(72, 14)
    glass.lineTo(52, 50)
    glass.lineTo(72, 86)
    glass.lineTo(28, 86)
    glass.lineTo(48, 50)
    glass.closeSubpath()
    p.drawPath(glass)
    p.drawLine(QPointF(22, 14), QPointF(78, 14))
    p.drawLine(QPointF(22, 86), QPointF(78, 86))
    p.setBrush(color)
    sand = QPainterPath()
    sand.moveTo(36, 80)
    sand.lineTo(64, 80)
    sand.lineTo(50, 64)
    sand.closeSubpath()
    p.drawPath(sand)


def _form(p: QPainter, color: QColor) -> None:
    p.drawRoundedRect(QRectF(24, 10, 52, 80), 4, 4)
    for y in (30, 44, 58):
        p.drawLine(QPointF(34, y), QPointF(66, y))
    p.drawLine(QPointF(34, 74), QPointF(50, 74))


def _work(p: QPainter, color: QColor) -> None:
    p.drawRoundedRect(QRectF(14, 34, 72, 48), 6, 6)
    p.drawRoundedRect(QRectF(38, 20, 24, 14), 3, 3)
    p.drawLine(QPointF(14, 54), QPointF(86, 54))


def _papers(p: QPainter, color: QColor) -> None:
    p.drawRect(QRectF(32, 12, 40, 44))
    p.drawLine(QPointF(40, 26), QPointF(64, 26))
    p.drawLine(QPointF(40, 38), QPointF(64, 38))
    tray = QPainterPath()
    tray.moveTo(14, 56)
    tray.lineTo(14, 86)
    tray.lineTo(86, 86)
    tray.lineTo(86, 56)
    tray.moveTo(14, 56)
    tray.lineTo(36, 56)
    tray.lineTo(42, 66)
    tray.lineTo(58, 66)
    tray.lineTo(64, 56)
    tray.lineTo(86, 56)
    p.drawPath(tray)


def _house(p: QPainter, color: QColor) -> None:
    roof = QPainterPath()
    roof.moveTo(12, 48)
    roof.lineTo(50, 14)
    roof.lineTo(88, 48)
    p.drawPath(roof)
    p.drawRect(QRectF(24, 44, 52, 42))
    p.drawRect(QRectF(44, 62, 12, 24))


def _care(p: QPainter, color: QColor) -> None:
    cross = QPainterPath()
    for x, y in ((38, 14), (62, 14), (62, 38), (86, 38), (86, 62), (62, 62), (62, 86), (38, 86),
                 (38, 62), (14, 62), (14, 38), (38, 38)):  # fmt: skip
        (cross.lineTo if cross.elementCount() else cross.moveTo)(x, y)
    cross.closeSubpath()
    p.drawPath(cross)


def _talk(p: QPainter, color: QColor) -> None:
    bubble = QPainterPath()
    bubble.addRoundedRect(QRectF(12, 16, 76, 52), 14, 14)
    p.drawPath(bubble)
    p.drawLine(QPointF(30, 68), QPointF(24, 86))
    p.drawLine(QPointF(24, 86), QPointF(46, 68))


def _help(p: QPainter, color: QColor) -> None:
    p.drawEllipse(QPointF(50, 50), 38, 38)
    hook = QPainterPath()
    hook.moveTo(36, 38)
    hook.cubicTo(36, 20, 64, 20, 64, 38)
    hook.cubicTo(64, 50, 50, 50, 50, 62)
    p.drawPath(hook)
    p.setBrush(color)
    p.drawEllipse(QPointF(50, 75), 3, 3)


DRAW: dict[str, Callable[[QPainter, QColor], None]] = {
    "family": _family,
    "pension": _pension,
    "form": _form,
    "work": _work,
    "papers": _papers,
    "house": _house,
    "care": _care,
    "talk": _talk,
    "help": _help,
}
