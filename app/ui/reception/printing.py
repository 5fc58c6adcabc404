"""The ticket printout: an 80 mm thermal-roll ticket through Qt, or a PDF file when no printer.

The same code prints for reception's button and for ``servicedisk ticket issue A --print``:
:func:`ticket_for` builds what goes on paper from a queue snapshot, :func:`print_and_record`
adds what only the store knows (the visitor's language, the follow-your-place link), a
:class:`TicketPrinter` puts it on paper (or in a PDF) and :func:`print_and_record` stores
how that went. :mod:`app.ui.reception.ticket_layout` says what the paper looks like.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication, QMarginsF, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from app.services.office.clock import business_day, zone
from app.services.queue.closing import late_queues
from app.services.queue.views import QueueSnapshot, ahead_of, queue_snapshot
from app.store.rows import Readable, flag, instant
from app.ui.reception.ticket_layout import (
    MARGIN_MM,
    PAPER_HEIGHT_MM,
    PAPER_WIDTH_MM,
    page_height_mm,
    ticket_layout,
)
from app.ui.shell.headless import ensure_application
from app.ui.shell.office_time import local
from app.ui.shell.prefs import Prefs
from app.ui.shell.refusals import refusal_text

if TYPE_CHECKING:
    from app.services.access.actor import Desk
    from app.services.queue.desk import QueueDesk
    from app.services.queue.errors import InvalidTransitionError

log = logging.getLogger(__name__)

PREF_PRINTER = "printing/printer"
PREF_MODE = "printing/mode"
# The workstation prefs file the GUI keeps in the data dir (see application.build_context).
PREFS_FILENAME = "workstation.ini"


# lupdate reads translate("printing", "…"): the context is given at each call.
translate = QCoreApplication.translate


@dataclass(frozen=True)
class TicketPrint:
    """What one ticket printout says."""

    office_name: str
    code: str
    queue_label: str
    issued_at: datetime
    booked: bool = False
    ahead: int | None = None
    wait_minutes: int | None = None
    queue_label_en: str | None = None
    late: bool = False  # the wait runs past closing: the visitor may not be served today
    language: str | None = None  # the visitor's language (a visitor-text code), if chosen
    follow_url: str | None = None  # the follow-your-place page, when the office has it on
    booked_time: str | None = None  # a checked-in booking's time, office-local "10:30"
    booked_errand: str | None = None  # and its errand type, in Swedish, when the booking says


@dataclass(frozen=True)
class PrintOutcome:
    """How a print went: the status to store, and sentences for the log and the screen."""

    ok: bool
    status: str  # "printed", "pdf:<path>" or "failed"
    english: str
    swedish: str

    @staticmethod
    def failed(english: str, swedish: str) -> PrintOutcome:
        """A failed print with its reason."""
        return PrintOutcome(False, "failed", f"print failed: {english}", swedish)


class TicketPrinter(Protocol):
    """Anything that can put a ticket on paper (tests inject fakes)."""

    def __call__(self, ticket: TicketPrint) -> PrintOutcome:
        """Print the ticket; never raises."""
        ...


@dataclass(frozen=True)
class PrintTarget:
    """Where a print goes: a named printer, or a PDF file."""

    pdf_path: Path | None = None
    printer_name: str = ""


def ticket_for(snapshot: QueueSnapshot, code: str, office_name: str | None = None) -> TicketPrint:
    """The printout of a waiting ticket as the snapshot sees it (people ahead, estimated
    wait). One that will never be called again (cancelled, gone, served, called) is not
    printed: InvalidTransitionError says why."""
    refuse_unless_waiting(snapshot, code)
    view = snapshot.ticket(code)
    if view is None:
        raise LookupError(f"ticket {code} is not in today's queue")
    status = snapshot.queue(view.queue_letter)
    ahead = ahead_of(snapshot, code)
    return TicketPrint(
        office_name=office_name or snapshot.office_name,
        code=view.code,
        queue_label=status.label if status else view.queue_letter,
        issued_at=view.issued_at,
        booked=view.booked,
        ahead=ahead,
        wait_minutes=status.wait_for(ahead) if status else None,
        queue_label_en=status.label_en if status else None,
        late=view.queue_letter in {letter for letter, _ in late_queues(snapshot)},
        language=view.language,
    )


_OFFICE_LIVE = "SELECT code, live_page, sync_url, time_zone FROM office ORDER BY id LIMIT 1"
_TICKET_VISITOR = (
    "SELECT language, follow_key, id FROM ticket WHERE business_day = :day AND code = :code"
)
_TICKET_BOOKING = (
    "SELECT b.starts_at, e.label FROM booking b"
    " LEFT JOIN errand_type e ON e.id = b.errand_type_id WHERE b.ticket_id = :ticket"
)


def with_visitor_details(source: Readable, ticket: TicketPrint) -> TicketPrint:
    """The ticket with its visitor's language, its booking's time (a checked-in booking)
    and, when the office has the live page on and sync set up, the link to the ticket's
    follow-your-place page, read from the store."""
    with source.reading() as fetch:
        office = fetch(_OFFICE_LIVE, {})
        if not office:
            return ticket
        office_code, live_page, sync_url, time_zone = office[0]
        day = business_day(ticket.issued_at, zone(time_zone))
        rows = fetch(_TICKET_VISITOR, {"day": day, "code": ticket.code})
        booking = fetch(_TICKET_BOOKING, {"ticket": rows[0][2]}) if rows and ticket.booked else []
    if not rows:
        return ticket
    language, follow_key, _id = rows[0]
    if booking:
        starts_at, errand = booking[0]
        booked = f"{instant(starts_at).astimezone(zone(time_zone)):%H:%M}"
        ticket = dataclasses.replace(ticket, booked_time=booked, booked_errand=errand)
    url = None
    if flag(live_page) and sync_url and follow_key:
        try:
            from app.sync.live import live_url  # not at import: it brings pydantic

            url = live_url(sync_url, office_code, follow_key)
        except Exception:  # the ticket still prints, in its language, without the QR code
            log.exception("no follow-your-place link for ticket %s", ticket.code)
    return dataclasses.replace(ticket, language=language, follow_url=url)


def refuse_unless_waiting(snapshot: QueueSnapshot, code: str) -> None:
    """InvalidTransitionError for a ticket the snapshot knows in any state but waiting: a
    reprint of it would send a visitor to wait for a number that is never called."""
    from app.services.queue.errors import InvalidTransitionError

    view = snapshot.ticket(code) or next(
        (t for t in snapshot.recent_tickets if t.code == code), None
    )
    if view is not None and view.state != "waiting":
        raise InvalidTransitionError(code, view.state, "print")


def reprint_refusal(exc: InvalidTransitionError) -> str:
    """Why a ticket is not printed again; for one never to be called, what to do instead."""
    if exc.state in ("called", "serving", "parked"):
        return refusal_text(exc)
    return refusal_text(exc) + translate(
        "ReceptionView", " Numret ropas aldrig upp: ge besökaren en ny kölapp."
    )


def current_printout(
    snapshot: QueueSnapshot | None, code: str, office: str, fallback: TicketPrint | None
) -> TicketPrint | None:
    """The ticket as the snapshot knows it now (its place in the queue), else the fallback."""
    if snapshot is not None and snapshot.ticket(code) is not None:
        return ticket_for(snapshot, code, office)
    return fallback


def pdf_filename(ticket: TicketPrint) -> str:
    """ "A012-20261125-103000.pdf": the code and the office-local issue time."""
    issued = local(ticket.issued_at)
    return f"{ticket.code}-{issued:%Y%m%d-%H%M%S}.pdf"


def ticket_page_layout(height_mm: float = PAPER_HEIGHT_MM) -> QPageLayout:
    """The 80 mm roll page, set by the app rather than left to the printer's default."""
    size = QPageSize(
        QSizeF(PAPER_WIDTH_MM, height_mm),
        QPageSize.Unit.Millimeter,
        "Kölapp 80 mm",
        QPageSize.SizeMatchPolicy.ExactMatch,
    )
    margins = QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM)
    return QPageLayout(size, QPageLayout.Orientation.Portrait, margins, QPageLayout.Unit.Millimeter)


def make_qprinter(target: PrintTarget) -> QPrinter:
    """A QPrinter aimed at the target (page size and job name are set by the caller)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    if target.pdf_path is not None:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target.pdf_path))
    else:
        printer.setOutputFormat(QPrinter.OutputFormat.NativeFormat)
        printer.setPrinterName(target.printer_name)
    return printer


class QtTicketPrinter:
    """Prints through Qt to the chosen or default printer, or to a PDF when there is none.

    ``prefs`` is read at each print (a printer chosen in Settings applies at once);
    ``make_printer`` builds the QPrinter for a target (tests inject one that fails).
    """

    def __init__(
        self,
        pdf_dir: Path,
        prefs: Prefs | None = None,
        make_printer: Callable[[PrintTarget], QPrinter] = make_qprinter,
        *,
        choice: tuple[str, str] | None = None,
    ) -> None:
        self._pdf_dir, self._prefs, self._make_printer = pdf_dir, prefs, make_printer
        self._choice = choice

    def choice(self) -> tuple[str, str]:
        """(mode, printer name) from the prefs: mode "pdf" or "", name "" for the default."""
        if self._choice is not None:
            return self._choice
        if self._prefs is None:
            return "", ""
        mode = self._prefs.get_str(PREF_MODE, "") or ""
        name = self._prefs.get_str(PREF_PRINTER, "") or ""
        return mode.strip(), name.strip()

    def frozen(self) -> QtTicketPrinter:
        """A copy with the prefs read now, to print on a worker thread (QSettings is not
        shared across threads)."""
        return QtTicketPrinter(self._pdf_dir, None, self._make_printer, choice=self.choice())

    def target(self, ticket: TicketPrint) -> PrintTarget:
        """Where this ticket goes now: PDF by choice or for want of a printer, else a printer."""
        mode, chosen = self.choice()
        names = QPrinterInfo.availablePrinterNames()
        if mode == "pdf" or not names:
            return PrintTarget(pdf_path=self._pdf_dir / pdf_filename(ticket))
        if not chosen:
            default = QPrinterInfo.defaultPrinterName()
            chosen = default if default in names else names[0]
        return PrintTarget(printer_name=chosen)

    def __call__(self, ticket: TicketPrint) -> PrintOutcome:
        """Print one ticket; reports failure instead of raising."""
        try:
            return self._print(ticket)
        except Exception as exc:  # a print must never take the ticket (or the GUI) down with it
            log.exception("printing %s failed", ticket.code)
            return PrintOutcome.failed(
                str(exc), translate("printing", "oväntat fel vid utskriften")
            )

    def _print(self, ticket: TicketPrint) -> PrintOutcome:
        target = self.target(ticket)
        if target.pdf_path is None and target.printer_name not in (
            QPrinterInfo.availablePrinterNames()
        ):
            return PrintOutcome.failed(
                f"the printer {target.printer_name!r} was not found",
                translate("printing", "skrivaren {0} finns inte").format(target.printer_name),
            )
        if target.pdf_path is not None:
            target.pdf_path.parent.mkdir(parents=True, exist_ok=True)
        printer = self._make_printer(target)
        printer.setDocName(f"Kölapp {ticket.code}")
        printer.setCreator("Servicedisk")
        printer.setFullPage(False)
        if not printer.setPageLayout(ticket_page_layout()):
            log.warning("printer %s refused the 80 mm page layout", printer.printerName())
        # Laid out in the width the printer's margins leave, the roll as long as it takes.
        page = printer.pageLayout()
        width = float(page.paintRectPixels(printer.resolution()).width())
        layout = ticket_layout(ticket, printer, width)
        margins = page.margins(QPageLayout.Unit.Millimeter)
        height_mm = page_height_mm(layout, printer, width, margins.top() + margins.bottom())
        if height_mm > PAPER_HEIGHT_MM and not printer.setPageLayout(ticket_page_layout(height_mm)):
            log.warning(
                "printer %s refused a %.0f mm long ticket", printer.printerName(), height_mm
            )
        painter = QPainter()
        if not painter.begin(printer):
            where = printer.outputFileName() or printer.printerName()
            return PrintOutcome.failed(
                f"could not open {where}", translate("printing", "skrivaren gick inte att öppna")
            )
        try:
            layout.paint(painter, printer, width)
        finally:
            ended = painter.end()
        if not ended or printer.printerState() == QPrinter.PrinterState.Error:
            return PrintOutcome.failed(
                "the printer reported an error",
                translate("printing", "skrivaren rapporterade ett fel"),
            )
        if target.pdf_path is not None:
            path = target.pdf_path
            return PrintOutcome(
                True,
                f"pdf:{path}",
                f"printed to PDF {path}",
                translate("printing", "sparad som PDF"),
            )
        name = printer.printerName()
        return PrintOutcome(
            True,
            "printed",
            f"printed on {name}",
            translate("printing", "utskriven på {0}").format(name),
        )


def for_worker(printer: TicketPrinter) -> TicketPrinter:
    """The printer to hand a worker thread: a Qt printer with its prefs read on this thread."""
    return printer.frozen() if isinstance(printer, QtTicketPrinter) else printer


# ------------------------------------------------------------------ shared by GUI and CLI


def print_and_record(queue: QueueDesk, printer: TicketPrinter, ticket: TicketPrint) -> PrintOutcome:
    """Print a ticket, in its visitor's language and with its follow-your-place link, and
    store how it went (as the desk's actor may issue); the ticket stays issued whatever
    happens."""
    try:
        ticket = with_visitor_details(queue.store, ticket)
    except Exception:  # without them the ticket still prints, in Swedish and English
        log.exception("could not read the language and live page of %s", ticket.code)
    try:
        outcome = printer(ticket)
    except Exception as exc:  # an injected printer that raises is still a failed print
        log.exception("printing %s failed", ticket.code)
        outcome = PrintOutcome.failed(str(exc), translate("printing", "oväntat fel vid utskriften"))
    if outcome.ok:
        log.info("ticket %s: %s", ticket.code, outcome.english)
    else:
        log.warning("ticket %s: %s", ticket.code, outcome.english)
    try:
        # A booked visit's ticket shows no wait: it is called at its time.
        estimate = None if ticket.booked_time else ticket.wait_minutes
        queue.set_print_status(ticket.code, outcome.status, estimate_minutes=estimate)
    except Exception:
        log.exception("could not record the print status of %s", ticket.code)
    return outcome


def print_ticket_headless(
    desk: Desk, code: str, printer: TicketPrinter | None = None
) -> tuple[bool, str]:
    """Print a ticket exactly as reception's button does; returns (ok, English message)."""
    # Not at import: start-up shows reception before the services load.
    from app.services.queue.desk import QueueDesk

    ensure_application()
    settings = desk.store.settings
    if printer is None:
        if settings is None:
            return False, "print failed: the store has no data dir to keep prints or settings in"
        prefs = Prefs(settings.data_dir / PREFS_FILENAME)
        printer = QtTicketPrinter(settings.data_dir / "tickets", prefs)
    from app.services.queue.errors import InvalidTransitionError

    try:
        ticket = ticket_for(queue_snapshot(desk.store, desk.clock), code)
    except InvalidTransitionError as exc:
        return False, f"not printed: {exc}"
    except LookupError as exc:
        return False, f"print failed: {exc}"
    outcome = print_and_record(QueueDesk.of(desk), printer, ticket)
    return outcome.ok, outcome.english
