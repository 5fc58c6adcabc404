"""The ticket printout: page size, job name, what it says (å, ä, ö too), and its status."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QPageSize
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from app.services.queue import calling as queue
from app.services.queue.views import queue_snapshot
from app.ui.reception.printing import (
    PrintOutcome,
    PrintTarget,
    QtTicketPrinter,
    make_qprinter,
    print_and_record,
    print_ticket_headless,
    ticket_for,
)
from app.ui.shell.prefs import Prefs

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def pdf_prefs(tmp_path) -> Prefs:
    prefs = Prefs(tmp_path / "ws.ini")
    prefs.set("printing/mode", "pdf")
    return prefs


@pytest.fixture
def ticket(ui_ctx):
    queue.issue_ticket(ui_ctx.desk, "A")
    queue.issue_ticket(ui_ctx.desk, "A")
    return ticket_for(queue_snapshot(ui_ctx.store, ui_ctx.clock), "A002")


def pdf_page_mm(path: Path) -> tuple[float, float]:
    """The first page's MediaBox, in millimetres (read from the file's bytes)."""
    box = re.search(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)", path.read_bytes())
    assert box is not None, "no MediaBox in the PDF"
    return float(box[1]) * 25.4 / 72, float(box[2]) * 25.4 / 72


def pdf_text(path: Path) -> tuple[str, str]:
    """The text of the first page and the document title, by QtPdf or else pdftotext."""
    try:
        from PySide6.QtPdf import QPdfDocument
    except ImportError:
        if shutil.which("pdftotext") is None:
            pytest.skip("neither QtPdf nor pdftotext is installed to read the PDF back")
        text = subprocess.run(
            ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
        ).stdout
        info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
        title = next(
            (ln.split(":", 1)[1].strip() for ln in info.splitlines() if ln.startswith("Title:")), ""
        )
        return text, title
    doc = QPdfDocument()
    assert doc.load(str(path)) == QPdfDocument.Error.None_
    text = doc.getAllText(0).text()
    title = doc.metaData(QPdfDocument.MetaDataField.Title)
    doc.close()
    return text, title


def test_ticket_for_reads_ahead_and_estimate(ticket):
    assert ticket.code == "A002"
    assert ticket.office_name == "Servicekontoret Exempelstad"
    assert ticket.queue_label == "Försäkringskassan och Pensionsmyndigheten"
    assert ticket.ahead == 1 and ticket.wait_minutes is not None and ticket.wait_minutes > 0


def test_pdf_ticket_says_it_all_on_an_80_mm_page(ticket, tmp_path, pdf_prefs):
    outcome = QtTicketPrinter(tmp_path / "tickets", pdf_prefs)(ticket)
    assert outcome.ok, outcome
    path = Path(outcome.status.removeprefix("pdf:"))
    assert path == tmp_path / "tickets" / "A002-20261125-103000.pdf"
    text, title = pdf_text(path)
    flat = " ".join(text.split())
    for expected in (
        "A002",
        "Servicekontoret Exempelstad",
        "Försäkringskassan och Pensionsmyndigheten",
        "2026-11-25",
        "10:30",
        "Före dig: 1",
        "Vänta tills ditt nummer visas på skärmen.",
        "Please wait until your number is shown on the screen.",
    ):
        assert expected in flat, expected
    assert title == "Kölapp A002"


def test_a_ticket_near_closing_says_the_visitor_may_not_be_served_today(
    ui_ctx, tmp_path, pdf_prefs
):
    from datetime import datetime

    from app.services.office.clock import OFFICE_TZ

    ui_ctx.clock.set(datetime(2026, 11, 25, 15, 50, tzinfo=OFFICE_TZ))  # closes 16:00
    for _ in range(12):
        queue.issue_ticket(ui_ctx.desk, "A")
    late = ticket_for(queue_snapshot(ui_ctx.store, ui_ctx.clock), "A012")
    assert late.late
    outcome = QtTicketPrinter(tmp_path / "tickets", pdf_prefs)(late)
    text, _title = pdf_text(Path(outcome.status.removeprefix("pdf:")))
    flat = " ".join(text.split())
    assert "Du hinner kanske inte betjänas i dag." in flat
    assert "You may not be served today." in flat
    ui_ctx.clock.set(datetime(2026, 11, 25, 11, 0, tzinfo=OFFICE_TZ))  # the morning
    assert not ticket_for(queue_snapshot(ui_ctx.store, ui_ctx.clock), "A012").late


def test_pdf_page_is_the_80_mm_roll(ticket, tmp_path, pdf_prefs):
    outcome = QtTicketPrinter(tmp_path / "tickets", pdf_prefs)(ticket)
    width, height = pdf_page_mm(Path(outcome.status.removeprefix("pdf:")))
    assert width == pytest.approx(80, abs=0.5)
    assert height == pytest.approx(110, abs=0.5)


def test_job_name_and_page_are_set_by_the_app(ticket, tmp_path):
    made: list[QPrinter] = []

    def capture(target: PrintTarget) -> QPrinter:
        printer = make_qprinter(PrintTarget(pdf_path=tmp_path / "capture.pdf"))
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))  # a printer's own default
        made.append(printer)
        return printer

    outcome = QtTicketPrinter(tmp_path, None, make_printer=capture)(ticket)
    assert outcome.ok
    printer = made[0]
    assert printer.docName() == "Kölapp A002"
    page = printer.pageLayout().pageSize().size(QPageSize.Unit.Millimeter)
    assert (round(page.width()), round(page.height())) == (80, 110)


@pytest.mark.skipif(bool(QPrinterInfo.availablePrinterNames()), reason="a printer exists here")
def test_without_any_printer_it_prints_to_pdf(ticket, tmp_path):
    prefs = Prefs(tmp_path / "ws.ini")  # mode not set: "use the printer"
    target = QtTicketPrinter(tmp_path / "tickets", prefs).target(ticket)
    assert target.pdf_path == tmp_path / "tickets" / "A002-20261125-103000.pdf"


def test_print_and_record_keeps_a_raising_printer_from_losing_the_ticket(ui_ctx, ticket):
    def explode(_ticket):
        raise OSError("spooler gone")

    outcome = print_and_record(ui_ctx.queue, explode, ticket)
    assert not outcome.ok and outcome.status == "failed"
    assert "spooler gone" in outcome.english
    after = queue_snapshot(ui_ctx.store, ui_ctx.clock).ticket("A002")
    assert after.state == "waiting" and after.print_status == "failed"


def test_print_ticket_headless_prints_and_records(ui_ctx, ticket):
    ui_ctx.prefs.set("printing/mode", "pdf")  # not the workstation file: a default print
    ok, message = print_ticket_headless(ui_ctx.desk, "A002")
    assert ok, message
    status = queue_snapshot(ui_ctx.store, ui_ctx.clock).ticket("A002").print_status
    if QPrinterInfo.availablePrinterNames():
        assert status == "printed"
        return
    path = ui_ctx.settings.data_dir / "tickets" / "A002-20261125-103000.pdf"
    assert message == f"printed to PDF {path}"
    assert status == f"pdf:{path}"
    assert path.exists()


def test_print_ticket_headless_reports_a_failure(ui_ctx, ticket):
    def broken(_ticket):
        return PrintOutcome.failed("the printer is offline", "skrivaren är inte ansluten")

    ok, message = print_ticket_headless(ui_ctx.desk, "A002", printer=broken)
    assert not ok
    assert message == "print failed: the printer is offline"
    ok, message = print_ticket_headless(ui_ctx.desk, "B999")
    assert not ok and message.startswith("print failed:")


def test_a_cancelled_ticket_is_not_printed_again(ui_ctx, ticket):
    printed = []
    queue_desk = ui_ctx.queue
    queue_desk.cancel("A002")
    ok, message = print_ticket_headless(ui_ctx.desk, "A002", printer=printed.append)
    assert not ok and message == "not printed: Cannot print A002: the ticket is cancelled."
    assert printed == []


def test_the_command_line_prints_as_the_button_does(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "SERVICEDISK_DATA_DIR": ""}
    data = tmp_path / "office"
    result = subprocess.run(
        [sys.executable, "-m", "app", "--data-dir", str(data), "ticket", "issue", "B", "--print"],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == "B001"
    if not QPrinterInfo.availablePrinterNames():
        assert "printed to PDF" in result.stderr
        assert len(list((data / "tickets").glob("B001-*.pdf"))) == 1


def test_the_command_line_reprints_a_waiting_ticket_and_refuses_a_cancelled_one(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "SERVICEDISK_DATA_DIR": ""}
    data = tmp_path / "office"

    def run(*args: str) -> subprocess.CompletedProcess:
        command = [sys.executable, "-m", "app", "--data-dir", str(data), "ticket", *args]
        return subprocess.run(
            command, capture_output=True, text=True, env=env, cwd=ROOT, timeout=120
        )

    for _ in range(2):
        assert run("issue", "B").returncode == 0
    assert run("cancel", "B001").returncode == 0
    refused = run("print", "B001")
    assert refused.returncode == 1 and "the ticket is cancelled" in refused.stderr
    assert not list((data / "tickets").glob("B001-*.pdf"))
    again = run("print", "B002")
    assert again.returncode == 0, again.stderr
    if not QPrinterInfo.availablePrinterNames():
        assert len(list((data / "tickets").glob("B002-*.pdf"))) == 1


def test_a_worker_gets_the_printer_choice_read_beforehand(tmp_path, pdf_prefs):
    printer = QtTicketPrinter(tmp_path, pdf_prefs)
    frozen = printer.frozen()
    pdf_prefs.set("printing/mode", "")
    pdf_prefs.set("printing/printer", "Kassaskrivaren")
    assert frozen.choice() == ("pdf", "")
    assert printer.choice() == ("", "Kassaskrivaren")
