"""The statistics as a one-page A4 PDF: a daily report, or a period report with a trend.

Painted with Qt's ``QPdfWriter``: the office and the period, the key figures,
the booked visits (*Bokade besök*, when the period has bookings), arrivals per
hour against staffed points, errands per agency, outcomes and (for a period)
visitors per day. Text is real PDF text, so ``pdftotext`` reads
every figure back.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMarginsF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen

from app.ui.shell import style

DPI = 300
MM = DPI / 25.4


def _number(value: float) -> str:
    return f"{value:g}".replace(".", ",")


def _minutes(seconds: float | None) -> str:
    return "–" if seconds is None else f"{seconds / 60:.1f} min".replace(".", ",")


def _percent(value: float | None) -> str:
    return "–" if value is None else f"{value:.0f} %"


def _signed_minutes(seconds: float | None) -> str:
    """A time from the booked time: "+2,5 min" late, "−1,0 min" early."""
    if seconds is None:
        return "–"
    sign = "−" if seconds < 0 else "+"
    return f"{sign}{abs(seconds) / 60:.1f} min".replace(".", ",")


def key_figures(figures: dict[str, Any]) -> list[tuple[str, str]]:
    """The report's headline figures, label and value, in Swedish."""
    t = figures["totals"]
    threshold = figures["service_level_threshold_min"]
    return [
        ("Besökare", str(t["visitors"])),
        ("Betjänade", str(t["served"])),
        ("Uteblev", str(t["no_shows"])),
        ("Gick innan upprop", str(t["walked_out"])),
        ("Väntetid, median", _minutes(t["wait_median_s"])),
        ("Väntetid, 90 %", _minutes(t["wait_p90_s"])),
        ("Betjäningstid, median", _minutes(t["service_median_s"])),
        (f"Uppropade inom {threshold} min", _percent(t["service_level"])),
        ("Ärenden", str(t["errands"])),
        ("Besökare per bemannad timme", _number(t["visitors_per_staffed_hour"] or 0)),
    ]


def booking_key_figures(figures: dict[str, Any]) -> list[tuple[str, str]]:
    """The section *Bokade besök*: label and value, in Swedish (empty without bookings)."""
    from app.services.stats.bookings import has_bookings

    if not has_bookings(figures):
        return []
    b = figures["bookings"]
    missed = f"{b['missed_bookings']} ({_percent(b['missed_share'])})"
    # Read down two columns: the counts on the left, the times on the right.
    return [
        ("Bokningar", str(b["bookings"])),
        ("Bokad tid till upprop, median", _signed_minutes(b["punctuality_median_s"])),
        ("Betjänade med bokning", str(b["booked_visitors"])),
        ("Bokad tid till upprop, 90 %", _signed_minutes(b["punctuality_p90_s"])),
        ("Betjänade utan bokning", str(b["walk_in_visitors"])),
        ("Utan bokning, väntetid under bokade", _minutes(b["wait_during_booked_median_s"])),
        ("Uteblivna bokningar", missed),
        ("Utan bokning, väntetid övrig tid", _minutes(b["wait_outside_booked_median_s"])),
        ("Avbokade", str(b["cancelled_bookings"])),
    ]


class _Page:
    """A painter on an A4 page in millimetres."""

    def __init__(self, painter: QPainter) -> None:
        self.p = painter

    def font(self, size: float, bold: bool = False) -> None:
        font = QFont("DejaVu Sans")
        font.setPointSizeF(size)
        font.setBold(bold)
        self.p.setFont(font)

    def text(self, x: float, y: float, w: float, h: float, text: str, align: Any = None) -> None:
        flags = (
            align
            if align is not None
            else Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        )
        self.p.drawText(QRectF(x * MM, y * MM, w * MM, h * MM), flags, text)

    def box(self, x: float, y: float, w: float, h: float, colour: str) -> None:
        self.p.fillRect(QRectF(x * MM, y * MM, w * MM, h * MM), QColor(colour))

    def line(self, x1: float, y1: float, x2: float, y2: float, colour: str = "#9aa4ad") -> None:
        self.p.setPen(QPen(QColor(colour), 0.3 * MM))
        self.p.drawLine(int(x1 * MM), int(y1 * MM), int(x2 * MM), int(y2 * MM))
        self.p.setPen(QPen(QColor("black")))


def _bars(
    page: _Page,
    x: float,
    y: float,
    w: float,
    h: float,
    title: str,
    labels: Sequence[str],
    values: Sequence[float],
    under: tuple[str, Sequence[float]] | None = None,
) -> None:
    """Vertical bars with their values, and optionally a row of figures under the labels."""
    page.font(10, True)
    page.text(15 if under else x, y, w, 6, title)
    top, bottom = y + 10, y + h - (12 if under else 6)
    most = max([*values, 1.0])
    step = w / max(1, len(values))
    page.line(x, bottom, x + w, bottom)
    page.font(6.5)
    for i, (label, value) in enumerate(zip(labels, values, strict=True)):
        height = (bottom - top) * value / most
        page.box(x + i * step + step * 0.15, bottom - height, step * 0.7, height, style.ACCENT)
        centre = Qt.AlignmentFlag.AlignHCenter
        page.text(x + i * step, bottom + 0.5, step, 4, label, centre)
        page.text(x + i * step, bottom - height - 4, step, 4, _number(value), centre)
        if under is not None:
            page.text(x + i * step, bottom + 5, step, 4, _number(under[1][i]), centre)
    if under is not None:
        page.font(6.5, True)
        page.text(15, bottom + 0.5, x - 16, 4, "Timme")
        page.text(15, bottom + 5, x - 16, 4, under[0])


def _hbars(
    page: _Page,
    x: float,
    y: float,
    w: float,
    title: str,
    labels: Sequence[str],
    values: Sequence[float],
) -> None:
    """Horizontal bars with the whole label on the left and the value at the end."""
    page.font(10, True)
    page.text(x, y, w, 6, title)
    most = max([*values, 1.0])
    label_w, row_h = 44.0, 6.0
    page.font(7.5)
    for i, (label, value) in enumerate(zip(labels, values, strict=True)):
        top = y + 8 + i * row_h
        page.text(x, top, label_w - 1, row_h, label)
        length = (w - label_w - 12) * value / most
        page.box(x + label_w, top + 1, length, row_h - 2, style.ACCENT)
        page.text(x + label_w + length + 1, top, 12, row_h, _number(value))


def write_pdf(figures: dict[str, Any], path: Path, office_name: str, labels: dict) -> Path:
    """Write the one-page report of the figures to ``path`` (A4, portrait)."""
    from app.services.stats.export import check_target, partial_path

    check_target(path)  # a new or an ordinary file: never a link, a device, a pipe
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = partial_path(path)
    writer = QPdfWriter(str(partial))
    writer.setResolution(DPI)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(0, 0, 0, 0),
        )
    )
    writer.setTitle(f"Servicedisk – {office_name}")
    painter = QPainter(writer)
    try:
        _paint(_Page(painter), figures, office_name, labels)
    finally:
        painter.end()
    os.replace(partial, path)
    return path


def _paint(page: _Page, figures: dict[str, Any], office_name: str, labels: dict) -> None:
    single = figures["from"] == figures["to"]
    page.font(16, True)
    page.text(15, 12, 180, 9, "Dagsrapport" if single else "Periodrapport")
    page.font(11)
    period = figures["from"] if single else f"{figures['from']} – {figures['to']}"
    page.text(15, 21, 180, 7, f"{office_name} · {period}")
    page.line(15, 30, 195, 30)
    page.font(9)
    for i, (label, value) in enumerate(key_figures(figures)):
        col, row = divmod(i, 5)
        x, y = 15 + col * 92, 34 + row * 7
        page.text(x, y, 60, 6, label)
        page.font(9, True)
        page.text(
            x + 60, y, 28, 6, value, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        )
        page.font(9)
    booked = booking_key_figures(figures)
    if booked:  # the section takes room from the chart of the hours and moves the rest down
        _booking_section(page, booked)
    top, height, middle, low = (106, 40, 150, 208) if booked else (74, 62, 142, 200)
    hours = figures["hours"]
    days_counted = max(1, max((h["days"] for h in hours), default=1))
    _bars(
        page,
        32,
        top,
        163,
        height,
        "Ankomster per timme, medel per dag",
        [h["hour"] for h in hours],
        [round(h["arrivals"] / days_counted, 1) for h in hours],
        ("Luckor", [round(h["staffed_minutes"] / 60 / days_counted, 1) for h in hours]),
    )
    agencies = figures["agencies"][:8]
    agency_names = labels.get("agencies", {})
    _hbars(
        page,
        15,
        middle,
        85,
        "Ärenden per myndighet",
        [agency_names.get(a["code"], a["code"]) for a in agencies],
        [a["count"] for a in agencies],
    )
    outcomes = figures["outcomes"][:8]
    outcome_names = labels.get("outcomes", {})
    _hbars(
        page,
        110,
        middle,
        85,
        "Utfall",
        [outcome_names.get(o["code"], o["code"]) for o in outcomes],
        [o["count"] for o in outcomes],
    )
    if single:
        _referrals(page, figures, labels, low)
    else:
        open_days = [d for d in figures["days"] if d["visitors"]]
        shown = open_days[-31:]
        _bars(
            page,
            15,
            low,
            180,
            266 - low,
            "Besökare per öppen dag" + (" (de senaste 31)" if len(open_days) > 31 else ""),
            [d["day"][8:10] for d in shown],
            [d["visitors"] for d in shown],
        )
    page.font(7)
    page.text(
        15,
        282,
        180,
        5,
        "Servicedisk · aggregerade siffror, inga uppgifter om enskilda besökare · "
        "tider av besök med osäker tidmätning är inte medräknade",
    )


def _booking_section(page: _Page, booked: list[tuple[str, str]]) -> None:
    """*Bokade besök*: the booking figures in two columns under the key figures."""
    page.font(10, True)
    page.text(15, 71, 180, 6, "Bokade besök")
    right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    for i, (label, value) in enumerate(booked):
        row, col = divmod(i, 2)
        x, y = 15 + col * 92, 77 + row * 5.5
        page.font(8)
        page.text(x, y, 64, 5.5, label)
        page.font(8, True)
        page.text(x + 64, y, 24, 5.5, value, right)


def _referrals(page: _Page, figures: dict[str, Any], labels: dict, top: float) -> None:
    names = labels.get("referrals", {})
    page.font(10, True)
    page.text(15, top, 180, 6, "Hänvisningar och tolk")
    page.font(9)
    y = top + 8
    for r in figures["referrals"][:6]:
        page.text(15, y, 80, 6, names.get(r["code"], r["code"]))
        page.text(
            95,
            y,
            15,
            6,
            str(r["count"]),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
        )
        y += 6
    y = top + 8
    interpreter_names = labels.get("interpreters", {})
    for r in figures["interpreters"]:
        page.text(120, y, 55, 6, interpreter_names.get(r["code"], r["code"]))
        page.text(
            175,
            y,
            20,
            6,
            str(r["count"]),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
        )
        y += 6
