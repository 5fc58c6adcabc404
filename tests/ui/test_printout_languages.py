"""The printout in the visitor's language, beside Swedish, with a QR code to their live page.

The PDFs are read back with pdftotext (poppler-utils), and the QR code is read off the page
as rendered by pdftoppm, module by module, against the code of the expected link.
"""

from __future__ import annotations

import itertools
import logging
import os
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
import segno
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QImage, QRawFont
from PySide6.QtWidgets import QPushButton

from app.services.office.visitor_texts import load
from app.services.queue import calling as queue
from app.services.queue.views import queue_snapshot
from app.services.setup.office_setup import update_office
from app.sync import live
from app.sync.live import live_url
from app.sync.status import save_sync_settings
from app.ui.reception import ticket_layout
from app.ui.reception.printing import (
    PrintOutcome,
    QtTicketPrinter,
    TicketPrint,
    print_and_record,
    print_ticket_headless,
    ticket_for,
    with_visitor_details,
)
from app.ui.reception.screen import ReceptionView
from app.ui.reception.ticket_layout import QR_QUIET_MODULES, family_for, render_image

SYNC_URL = "https://mottagare.example.se"
OFFICE_CODE = "exempelstad"


def needs_poppler(tool: str = "pdftotext") -> None:
    if shutil.which(tool) is None:
        if os.environ.get("SERVICEDISK_CI"):
            pytest.fail(f"{tool} is missing (.ci/run installs Debian's poppler-utils)")
        pytest.skip(f"{tool} is not installed (Debian: apt-get install poppler-utils)")


def needs_font_for(text: str) -> None:
    if family_for(text) is None:
        if os.environ.get("SERVICEDISK_CI"):
            pytest.fail(f"no font has the glyphs of {text!r} (.ci/run installs the fonts)")
        pytest.skip(f"no installed font has the glyphs of {text!r} (apt-get install fonts-…)")


def pdf_text(path: Path) -> str:
    """The PDF's text as pdftotext reads it, Arabic presentation forms normalized."""
    needs_poppler()
    text = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return unicodedata.normalize("NFKC", text)


def flat(text: str) -> str:
    """Text with every run of white space one space (lines wrap where the width says)."""
    return " ".join(text.split())


VOWEL_MARK = re.compile("\\s*[\u064b-\u065f\u0670]")
RLE, LRE, PDF = "\u202b", "\u202a", "\u202c"  # the bidi embeddings pdftotext writes


def _embeds_whole_line(line: str) -> bool:
    """True when the line is one right-to-left embedding, from its first to its last mark."""
    if not line.startswith(RLE):
        return False
    depth = 0
    for i, c in enumerate(line):
        depth += c in (RLE, LRE)
        depth -= c == PDF
        if depth == 0:
            return i == len(line) - 1
    return False


def logical_words(text: str) -> list[str]:
    """The words of a page's text in reading order, punctuation left out.

    pdftotext writes a line it takes for right-to-left as one embedding in logical order.
    A line it takes for left-to-right (one that starts with a number, say) it writes as it
    stands on the page, with each right-to-left run embedded: such a line of a
    right-to-left paragraph is read back run by run from the right.
    """
    words: list[str] = []
    for line in text.splitlines():
        if RLE in line and not _embeds_whole_line(line):
            runs = re.split(f"{RLE}(.*?){PDF}", line)
            line = " ".join(reversed([run for run in runs if run.strip()]))
        line = line.replace(RLE, " ").replace(LRE, " ").replace(PDF, " ")
        # pdftotext sets a vowel mark (ُ) apart from its letter, as a glyph of its own.
        line = VOWEL_MARK.sub("", line)
        words += [word for word in (_bare(w) for w in line.split()) if word]
    return words


def _bare(word: str) -> str:
    """A word without its punctuation and invisible joiners."""
    return "".join(c for c in word if not unicodedata.category(c).startswith(("P", "C")))


def contains(words: list[str], wanted: str) -> bool:
    """True when the words of ``wanted`` stand together, in order, in ``words``."""
    expected = logical_words(unicodedata.normalize("NFKC", wanted))
    return any(
        words[i : i + len(expected)] == expected for i in range(len(words) - len(expected) + 1)
    )


@pytest.fixture
def live_office(ui_ctx):
    """The office has the follow-your-place page on; returns the store's ticket keys."""
    save_sync_settings(ui_ctx.desk, OFFICE_CODE, SYNC_URL)
    update_office(ui_ctx.desk, live_page=True)

    def follow_key(code: str) -> str:
        with ui_ctx.store.reading() as fetch:
            return fetch("SELECT follow_key FROM ticket WHERE code = :c", {"c": code})[0][0]

    return follow_key


def issue(ui_ctx, language: str | None, letter: str = "A") -> TicketPrint:
    """A ticket behind one other, as reception prints it (before the store's details)."""
    queue.issue_ticket(ui_ctx.desk, letter)
    ref = queue.issue_ticket(ui_ctx.desk, letter, language=language)
    return ticket_for(queue_snapshot(ui_ctx.store, ui_ctx.clock), ref.code)


def print_pdf(ui_ctx, ticket: TicketPrint, tmp_path: Path) -> Path:
    """Print as reception does (the language and link read from the store), to a PDF."""
    printer = QtTicketPrinter(tmp_path / "tickets", choice=("pdf", ""))
    outcome = print_and_record(ui_ctx.queue, printer, ticket)
    assert outcome.ok, outcome
    return Path(outcome.status.removeprefix("pdf:"))


@pytest.mark.parametrize("language", ["ar", "fa", "uk", "ti", "so"])
def test_a_visitors_language_is_printed_beside_swedish_in_logical_order(
    ui_ctx, live_office, tmp_path, language
):
    visitor = load(language)
    needs_font_for("".join(visitor.texts.values()))
    ticket = issue(ui_ctx, language)
    assert ticket.language == language
    words = logical_words(pdf_text(print_pdf(ui_ctx, ticket, tmp_path)))
    minutes = ticket.wait_minutes
    assert minutes
    for expected in (
        "Vänta tills ditt nummer visas på skärmen.",
        "Före dig: 1",
        f"Beräknad väntetid: ca {minutes} min",
        visitor.text("ticket_instructions"),
        visitor.text("ticket_keep"),
        visitor.text("people_ahead", ahead=1),
        visitor.text("wait_minutes", minutes=minutes),
        visitor.text("follow_online"),
    ):
        assert contains(words, expected), (expected, words)
    # Their own language stands in for the English, which no longer fills the roll.
    assert not contains(words, "Please wait until your number is shown on the screen.")


def test_a_language_without_texts_prints_swedish_and_english(ui_ctx, tmp_path):
    ticket = issue(ui_ctx, "pl")
    text = flat(pdf_text(print_pdf(ui_ctx, ticket, tmp_path)))
    assert "Vänta tills ditt nummer visas på skärmen." in text
    assert "Please wait until your number is shown on the screen." in text
    assert "Ahead of you: 1" in text


@pytest.mark.parametrize("language", [None, "sv", "en"])
def test_a_ticket_without_a_visitor_language_prints_the_lines_it_always_did(
    ui_ctx, tmp_path, language
):
    ticket = issue(ui_ctx, language)
    minutes = ticket.wait_minutes
    path = print_pdf(ui_ctx, ticket, tmp_path)
    # As the lines wrap on the 80 mm roll: the same words in the same order.
    assert flat(pdf_text(path)) == " ".join(
        [
            "Servicekontoret Exempelstad",
            "Ditt nummer / Your number",
            "A002",
            "Försäkringskassan och Pensionsmyndigheten",
            "Social insurance and pensions",
            "2026-11-25 10:30",
            "Före dig: 1 / Ahead of you: 1",
            f"Beräknad väntetid: ca {minutes} min",
            f"Estimated wait: about {minutes} min",
            "Vänta tills ditt nummer visas på skärmen.",
            "Please wait until your number is shown on the screen.",
        ]
    )
    width, height = pdf_page_mm(path)
    assert (round(width), round(height)) == (80, 110)


def pdf_page_mm(path: Path) -> tuple[float, float]:
    """The first page's size in millimetres, as pdfinfo reads it."""
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    size = next(line for line in info.splitlines() if line.startswith("Page size:"))
    width, _x, height = size.split(":", 1)[1].split()[:3]
    return float(width) * 25.4 / 72, float(height) * 25.4 / 72


# ------------------------------------------------------------------------------ the QR code


def page_image(pdf: Path, dpi: int, out: Path) -> QImage:
    """The PDF's first page as pdftoppm renders it, in greys."""
    needs_poppler("pdftoppm")
    subprocess.run(
        ["pdftoppm", "-png", "-r", str(dpi), "-singlefile", str(pdf), str(out.with_suffix(""))],
        check=True,
    )
    image = QImage(str(out))
    assert not image.isNull(), out
    return image.convertToFormat(QImage.Format.Format_Grayscale8)


def dark_rows(image: QImage) -> list[str]:
    """Each row of the image as a string of "1" (dark) and "0" (light)."""
    table = bytes((0x31 if value < 128 else 0x30) for value in range(256))
    data = bytes(image.constBits())
    stride, width = image.bytesPerLine(), image.width()
    return [
        data[y * stride : y * stride + width].translate(table).decode()
        for y in range(image.height())
    ]


def runs(line: str) -> list[tuple[str, int, int]]:
    """(colour, start, length) of each run of one colour along a line."""
    found, start = [], 0
    for colour, group in itertools.groupby(line):
        length = len(list(group))
        found.append((colour, start, length))
        start += length
    return found


def finder_at(line: str) -> tuple[int, int] | None:
    """(start, width) of the first dark-light-dark-light-dark run in the ratio 1:1:3:1:1
    (a QR finder pattern crossed through its middle), or None."""
    found = runs(line)
    for i in range(len(found) - 4):
        five = found[i : i + 5]
        if five[0][0] != "1":
            continue
        width = sum(length for _c, _s, length in five)
        module = width / 7
        if all(
            abs(length - want * module) <= 0.5 * module
            for (_c, _s, length), want in zip(five, (1, 1, 3, 1, 1), strict=True)
        ):
            return five[0][1], width
    return None


FINDER = [[r in (0, 6) or c in (0, 6) or (2 <= r <= 4 and 2 <= c <= 4) for c in range(7)]
          for r in range(7)]  # fmt: skip


def read_qr(rows: list[str], size: int) -> tuple[list[list[bool]], float, tuple[int, int, int]]:
    """The modules of the QR code of ``size`` modules a side on the page, its module size in
    pixels and its box (left, top, width): the first place, from the top, where a finder
    pattern's run stands with the two others at the distances of that size."""
    for y, line in enumerate(rows):
        hit = finder_at(line)
        if hit is None:
            continue
        left, width = hit
        top = y
        while top > 0 and rows[top - 1][left + width // 14] == "1":
            top -= 1
        module = width / 7
        modules = _sample(rows, left, top, module, size)
        if modules is None or not all(
            [row[c : c + 7] for row in modules[r : r + 7]] == FINDER
            for r, c in ((0, 0), (0, size - 7), (size - 7, 0))
        ):
            continue  # a line of text, or a finder with none at the right distances
        edge = rows[top + round(module / 2)]
        right = edge.rindex("1", 0, round(left + 1.1 * size * module))
        module = (right - left + 1) / size  # measured across the whole code
        exact = _sample(rows, left, top, module, size)
        assert exact is not None
        return exact, module, (left, top, right - left + 1)
    raise AssertionError("no QR code on the page")


def _sample(
    rows: list[str], left: int, top: int, module: float, size: int
) -> list[list[bool]] | None:
    """The modules read at their centres, or None when they would run off the page."""
    if module <= 0 or top + size * module >= len(rows) or left + size * module >= len(rows[0]):
        return None
    return [
        [rows[int(top + (r + 0.5) * module)][int(left + (c + 0.5) * module)] == "1"
         for c in range(size)]
        for r in range(size)
    ]  # fmt: skip


def test_the_qr_code_on_the_page_is_the_visitors_live_page(ui_ctx, live_office, tmp_path):
    ticket = issue(ui_ctx, "ar")
    pdf = print_pdf(ui_ctx, ticket, tmp_path)
    url = live_url(SYNC_URL, OFFICE_CODE, live_office(ticket.code))
    expected = [[bool(m) for m in row] for row in segno.make(url, error="m").matrix]
    dpi = 300
    rows = dark_rows(page_image(pdf, dpi, tmp_path / "page.png"))
    modules, module, (left, top, width) = read_qr(rows, len(expected))
    assert modules == expected
    assert width / dpi * 25.4 >= 25  # at least 25 mm across
    quiet = round(QR_QUIET_MODULES * module)
    for y in range(top - quiet, top + width + quiet):  # nothing printed in the quiet zone
        line = rows[y]
        assert "1" not in line[left - quiet : left] + line[left + width : left + width + quiet]
        if not top <= y < top + width:
            assert "1" not in line[left - quiet : left + width + quiet], y


def test_the_qr_code_scans(ui_ctx, live_office, tmp_path):
    """A barcode reader reads the printed link (where zbarimg is installed)."""
    if shutil.which("zbarimg") is None:
        pytest.skip("zbarimg is not installed (Debian: apt-get install zbar-tools)")
    ticket = issue(ui_ctx, "fa")
    page_image(print_pdf(ui_ctx, ticket, tmp_path), 200, tmp_path / "page.png")
    read = subprocess.run(
        ["zbarimg", "--quiet", "--raw", str(tmp_path / "page.png")],
        capture_output=True,
        text=True,
    )
    assert read.stdout.strip() == live_url(SYNC_URL, OFFICE_CODE, live_office(ticket.code))


def test_without_the_live_page_there_is_no_qr_code_and_no_word_of_it(ui_ctx, tmp_path):
    ticket = issue(ui_ctx, "ar")
    pdf = print_pdf(ui_ctx, ticket, tmp_path)
    words = logical_words(pdf_text(pdf))
    visitor = load("ar")
    assert contains(words, visitor.text("watch_screen"))
    assert not contains(words, visitor.text("follow_online"))
    rows = dark_rows(page_image(pdf, 150, tmp_path / "page.png"))
    with pytest.raises(AssertionError, match="no QR code"):
        read_qr(rows, 25)


def test_a_ticket_with_the_live_page_grows_the_roll_to_hold_its_qr_code(
    ui_ctx, live_office, tmp_path
):
    for language in (None, "ti"):
        ticket = issue(ui_ctx, language)
        width, height = pdf_page_mm(print_pdf(ui_ctx, ticket, tmp_path / str(language)))
        assert round(width) == 80
        assert height > 110 + 25, (language, height)


# ------------------------------------------------------------------------------ the fonts


@pytest.mark.parametrize("language", ["ar", "fa", "uk", "ti", "so"])
def test_a_font_with_the_glyphs_of_each_visitor_language_is_found(language):
    text = "".join(load(language).texts.values())
    needs_font_for(text)
    family = family_for(text)
    assert family is not None
    raw = QRawFont.fromFont(QFont(family))
    assert all(raw.supportsCharacter(ord(c)) for c in text if not c.isascii() and c.isprintable())


def test_without_a_font_for_its_script_the_ticket_prints_swedish_and_english(
    ui_ctx, live_office, tmp_path, monkeypatch, caplog
):
    real = ticket_layout.family_for

    def no_ethiopic(text: str) -> str | None:
        return None if any("\u1200" <= c <= "\u137f" for c in text) else real(text)

    monkeypatch.setattr(ticket_layout, "family_for", no_ethiopic)
    ticket = issue(ui_ctx, "ti")
    with caplog.at_level(logging.WARNING, logger="app.ui.reception.ticket_layout"):
        text = pdf_text(print_pdf(ui_ctx, ticket, tmp_path))
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert warnings == [
        "no installed font has the glyphs of ti: ticket A002 prints in Swedish and English"
    ]
    assert not any("\u1200" <= c <= "\u137f" for c in text)  # no boxes for it either
    words = logical_words(text)
    assert contains(words, "Please wait until your number is shown on the screen.")
    assert contains(words, "Ditt nummer / Your number")
    assert contains(words, "Följ din plats i mobilen")  # the QR code's caption, in Swedish


# ---------------------------------------------------------------- both ways of printing


class Capture:
    """A printer that keeps what it was given."""

    def __init__(self) -> None:
        self.printed: list[TicketPrint] = []

    def __call__(self, ticket: TicketPrint) -> PrintOutcome:
        self.printed.append(ticket)
        return PrintOutcome(True, "printed", "printed on Capture", "utskriven")


def test_the_command_lines_print_reads_the_language_and_the_live_page(ui_ctx, live_office):
    ticket = issue(ui_ctx, "uk")
    printer = Capture()
    ok, message = print_ticket_headless(ui_ctx.desk, ticket.code, printer=printer)
    assert ok, message
    [printed] = printer.printed
    assert printed.language == "uk"
    assert printed.follow_url == live_url(SYNC_URL, OFFICE_CODE, live_office(ticket.code))


def test_receptions_print_and_reprint_read_the_language_and_the_live_page(
    qtbot, ui_ctx, live_office
):
    printer = Capture()
    view = ReceptionView(ui_ctx, printer=printer)
    qtbot.addWidget(view)
    ui_ctx.watcher.refresh()
    qtbot.mouseClick(view.findChild(QPushButton, "issue-B"), Qt.MouseButton.LeftButton)
    queue.issue_ticket(ui_ctx.desk, "A", language="ar")  # at the kiosk
    ui_ctx.watcher.refresh()
    view._reprint("A001")  # reception's "Skriv ut igen" on it
    assert [(t.code, t.language) for t in printer.printed] == [("B001", None), ("A001", "ar")]
    for printed in printer.printed:
        assert printed.follow_url == live_url(SYNC_URL, OFFICE_CODE, live_office(printed.code))


def test_a_live_page_link_that_cannot_be_made_leaves_the_language(ui_ctx, live_office, monkeypatch):
    def broken(*_args: str) -> str:
        raise ValueError("the sync address is not https")

    monkeypatch.setattr(live, "live_url", broken)
    printer = Capture()
    print_and_record(ui_ctx.queue, printer, issue(ui_ctx, "so"))
    [printed] = printer.printed
    assert (printed.language, printed.follow_url) == ("so", None)


# -------------------------------------------------------------------------------- to look at


def test_the_printouts_render_to_png(ui_ctx, live_office, tmp_path):
    """Pictures of the ar, fa, uk, ti and sv printouts, as pdftoppm renders the PDFs;
    SERVICEDISK_TICKET_SHOTS=docs/screenshots keeps them for the docs."""
    out = Path(os.environ.get("SERVICEDISK_TICKET_SHOTS") or tmp_path / "shots")
    out.mkdir(parents=True, exist_ok=True)
    for language in ("ar", "fa", "uk", "ti", "sv"):
        ticket = issue(ui_ctx, language)
        pdf = print_pdf(ui_ctx, ticket, tmp_path / language)
        image = page_image(pdf, 150, out / f"ticket-{language}.png")
        assert abs(image.width() - 80 / 25.4 * 150) <= 1  # the 80 mm roll
        assert image.height() > 110 / 25.4 * 150  # grown to hold the QR code


def test_the_printout_renders_to_an_image_as_it_prints(ui_ctx, live_office, tmp_path):
    """render_image, for pictures of a ticket without a PDF reader: the same page."""
    ticket = with_visitor_details(ui_ctx.store, issue(ui_ctx, "ti"))
    assert ticket.follow_url is not None
    image = render_image(ticket, dpi=300).convertToFormat(QImage.Format.Format_Grayscale8)
    expected = [[bool(m) for m in row] for row in segno.make(ticket.follow_url, error="m").matrix]
    modules, _module, (_left, _top, width) = read_qr(dark_rows(image), len(expected))
    assert modules == expected
    assert width / 300 * 25.4 >= 25
    printed = pdf_page_mm(print_pdf(ui_ctx, ticket, tmp_path))
    # Lines are whole pixels high: at 300 dpi a little taller than at the PDF's 1200.
    assert image.width() / 300 * 25.4 == pytest.approx(printed[0], abs=0.5)
    assert image.height() / 300 * 25.4 == pytest.approx(printed[1], rel=0.02)
