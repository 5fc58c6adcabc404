"""Booking files (CSV and iCalendar): read into rows, or refused whole naming line and field."""

from __future__ import annotations

import contextlib
import dataclasses
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.services import ServiceError
from app.services.bookings.files import (
    MAX_BOOKINGS,
    MAX_BYTES,
    BookingFileError,
    BookingRow,
    read_bookings,
)
from app.ui.shell.refusals import refusal_text

TZ = ZoneInfo("Europe/Stockholm")
SAMPLE = Path(__file__).resolve().parents[2] / "docs" / "bookings-sample.csv"
HEADER = "booking_reference,date,start,minutes,agency,errand_type,language,interpreter,status"
ROW = "SKV-7F3K9Q,2026-12-08,10:00,15,SKV,id-kort,ar,yes,booked"
NAME = "Anna Andersson"


def csv_file(*lines: str, encoding: str = "utf-8") -> bytes:
    return "".join(line + "\r\n" for line in lines).encode(encoding)


def event(*properties: str) -> str:
    return "BEGIN:VEVENT\r\n" + "".join(p + "\r\n" for p in properties) + "END:VEVENT\r\n"


def calendar(*events: str, head: str = "") -> bytes:
    """A calendar whose first VEVENT begins on line 4 (plus the lines of ``head``)."""
    start = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Bokning//SV\r\n"
    return (start + head + "".join(events) + "END:VCALENDAR\r\n").encode()


def booking(reference: str = "SKV-7F3K9Q", *extra: str) -> str:
    """A good event of seven lines."""
    return event(
        f"X-BOOKING-REFERENCE:{reference}",
        "UID:0b7c5d1e-2f3a-4b5c-8d9e-0f1a2b3c4d5e@booking.example",
        "DTSTART;TZID=Europe/Stockholm:20261208T100000",
        "DURATION:PT15M",
        "X-AGENCY:SKV",
        *extra,
    )


def read(data: bytes, filename: str = "bookings.csv") -> list[BookingRow]:
    return read_bookings(data, filename, TZ)


def only_event(*properties: str) -> BookingRow:
    (row,) = read(calendar(event("UID:SKV-7F3K9Q", "X-AGENCY:SKV", *properties)))
    return row


def refused(data: bytes, filename: str = "bookings.csv") -> BookingFileError:
    with pytest.raises(BookingFileError) as caught:
        read(data, filename)
    return caught.value


def at(hour: int, minute: int = 0, day: int = 8, month: int = 12) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=UTC)


# ---------------------------------------------------------------- CSV that is read


def test_the_sample_day_is_twelve_bookings_one_cancelled_one_with_an_interpreter():
    rows = read(SAMPLE.read_bytes())
    assert [row.line for row in rows] == list(range(2, 14))
    assert sum(row.cancelled for row in rows) == sum(row.interpreter for row in rows) == 1
    assert {row.agency for row in rows} == {"FK", "SKV", "PM", "AF"}
    assert {row.language for row in rows} == {None, "ar", "uk", "so"}
    assert all(at(9) <= row.starts_at <= at(14, 30) for row in rows)  # 10:00–15:30 CET
    assert {row.minutes for row in rows} == {15, 30}


def test_a_csv_row_becomes_a_booking_row_in_utc():
    (row,) = read(csv_file(HEADER, ROW))
    assert row == BookingRow(
        line=2,
        reference="SKV-7F3K9Q",
        starts_at=at(9),
        minutes=15,
        agency="SKV",
        errand_type="id-kort",
        language="ar",
        interpreter=True,
        cancelled=False,
    )
    assert row.starts_at.tzinfo is UTC


def test_semicolon_and_comma_files_read_alike():
    assert read(SAMPLE.read_bytes().replace(b",", b";")) == read(SAMPLE.read_bytes())


def test_swedish_headers_in_any_case_and_with_accents_are_accepted():
    header = "Bokningsnummer;DATUM;Starttid;minuter;Myndighet;Ärendetyp;Språk;Tolk;Status"
    (row,) = read(csv_file(header, "skv-7f3k9q ;2026-12-08;9:30;30;SKV;;;ja;avbokad"))
    assert row.reference == "SKV-7F3K9Q"  # stripped and upper-cased
    assert row.starts_at == at(8, 30)
    assert row.errand_type is row.language is None and row.interpreter and row.cancelled


def test_a_utf8_file_with_a_bom_and_a_cp1252_file_as_excel_saves_it_are_read():
    assert read(b"\xef\xbb\xbf" + csv_file(HEADER, ROW)) == read(csv_file(HEADER, ROW))
    data = csv_file(
        "Bokningsnummer;Datum;Starttid;Minuter;Myndighet;Språk",
        "FK-9QW3ZP;2026-12-08;10:30;30;FK;so",
        encoding="cp1252",
    )
    assert b"Spr\xe5k" in data  # not UTF-8
    (row,) = read(data)
    assert (row.agency, row.language, row.line) == ("FK", "so", 2)


def test_optional_columns_may_be_left_out():
    (row,) = read(
        csv_file("booking_reference,date,start,minutes,agency", "PM-3VR8LE,2026-12-08,11:30,30,PM")
    )
    assert row.errand_type is row.language is None and not row.interpreter and not row.cancelled


def test_the_interpreter_column_reads_yes_and_no_in_both_languages():
    def booked(written: str) -> bool:
        (row,) = read(csv_file(HEADER, f"SKV-7F3K9Q,2026-12-08,10:00,15,SKV,,,{written},"))
        return row.interpreter

    assert [booked(written) for written in ("yes", "JA", "true", "1")] == [True] * 4
    assert [booked(written) for written in ("", "no", "Nej", "false", "0")] == [False] * 5


def test_a_file_with_only_a_header_is_an_empty_day():
    assert read(csv_file(HEADER)) == []


def test_blank_lines_and_rows_of_bare_delimiters_are_skipped_and_lines_stay_physical():
    data = csv_file(HEADER, "", ROW, ",,,,,,,,", "", "FK-9QW3ZP,2026-12-08,10:30,30,FK,,,,")
    assert [row.line for row in read(data)] == [3, 6]


def test_summer_time_counts_and_a_time_the_clock_passes_twice_is_the_first_of_the_two():
    summer, autumn = (
        "SKV-7F3K9Q,2026-07-07,10:00,15,SKV,,,,",
        "FK-9QW3ZP,2026-10-25,02:30,15,FK,,,,",
    )
    rows = read(csv_file(HEADER, summer, autumn))
    assert [row.starts_at for row in rows] == [at(8, day=7, month=7), at(0, 30, day=25, month=10)]


# ---------------------------------------------------------------- CSV that is refused


def test_a_bad_date_is_refused_naming_the_line_and_the_column_in_both_languages():
    header = "Bokningsnummer;Datum;Starttid;Minuter;Myndighet"
    good, bad = "SKV-7F3K9Q;2026-12-08;10:00;15;SKV", "SKV-2M8D4T;08/12/2026;10:15;15;SKV"
    error = refused(csv_file(header, good, bad))
    assert error.line == 3
    assert error.english.startswith("Line 3: the column 'Datum' is not a date")
    assert refusal_text(error).startswith("Rad 3: kolumnen 'Datum' är inget datum")
    assert str(error) == error.english
    assert isinstance(error, ValueError) and isinstance(error, ServiceError)


@pytest.mark.parametrize(
    ("cells", "column", "english"),
    [
        *[(f"{d},10:00,15,SKV,,,,", "date", "not a date") for d in ("2026-02-30", "20261208", "")],
        *[(f"2026-12-08,{t},15,SKV,,,,", "start", "not a time") for t in ("25:00", "10.30", "")],
        ("2026-12-08,10:00:30,15,SKV,,,,", "start", "not a time"),
        ("2026-03-29,02:30,15,SKV,,,,", "start", "gives 2026-03-29 02:30, a time the clock skips"),
        ("2026-12-08,10:00,481,SKV,,,,", "minutes", "is 481 minutes, not 5–480"),
        ("2026-12-08,10:00,4,SKV,,,,", "minutes", "is 4 minutes, not 5–480"),
        *[(f"2026-12-08,10:00,{m},SKV,,,,", "minutes", "whole") for m in ("15.5", "-15", "kvart")],
        ("2026-12-08,10:00,15,,,,,", "agency", "is empty"),
        ("2026-12-08,10:00,15,19800101-1234,,,,", "agency", "personnummer"),
        (f"2026-12-08,10:00,15,SKV,{NAME},,,", "errand_type", "may hold only"),
        ("2026-12-08,10:00,15,SKV,,arabiska!,,", "language", "2–12 letters"),
        ("2026-12-08,10:00,15,SKV,,,kanske,", "interpreter", "yes or no"),
        ("2026-12-08,10:00,15,SKV,,,,no-show", "status", "booked, cancelled or empty"),
    ],
)
def test_a_bad_value_is_refused_naming_the_line_and_the_column(cells, column, english):
    error = refused(csv_file(HEADER, ROW.replace("SKV-7F3K9Q", "SKV-0001"), "SKV-7F3K9Q," + cells))
    assert error.line == 3
    assert error.english.startswith(f"Line 3: the column '{column}' ") and english in error.english
    assert refusal_text(error).startswith(f"Rad 3: kolumnen '{column}' ")
    assert NAME not in error.english + refusal_text(error)


@pytest.mark.parametrize("reference", ["SK1", "SKV_7F3K9Q", "SKV 7F3K9Q", "ÅÄÖ-1234", "A" * 65])
def test_a_bad_reference_is_refused_without_being_quoted(reference):
    error = refused(csv_file(HEADER, f"{reference},2026-12-08,10:00,15,SKV,,,,"))
    assert error.english.startswith("Line 2: the column 'booking_reference' must be 4–64")
    assert reference not in error.english + refusal_text(error)


def test_an_unknown_column_is_refused_by_its_name():
    error = refused(csv_file(HEADER + ",namn", ROW + "," + NAME))
    assert error.line == 1
    assert "unknown column 'namn'" in error.english and "okänd kolumn 'namn'" in refusal_text(error)


def test_a_missing_column_is_refused_by_both_its_names():
    error = refused(
        csv_file("booking_reference,date,start,agency", "SKV-7F3K9Q,2026-12-08,10:00,SKV")
    )
    assert error.line == 1
    assert "'minutes' (or 'minuter') is missing" in error.english
    assert "kolumnen 'minuter' saknas" in refusal_text(error)


def test_a_column_given_in_both_languages_is_refused():
    assert "'date' is there twice" in refused(csv_file(HEADER + ",datum", ROW + ",")).english


def test_a_first_line_that_is_not_a_header_is_refused_without_quoting_it():
    error = refused(csv_file(ROW, ROW))
    assert error.line == 1 and "SKV-7F3K9Q" not in error.english + refusal_text(error)


def test_a_reference_given_twice_names_both_lines():
    again = "skv-7f3k9q,2026-12-08,12:00,15,SKV,,,,cancelled"  # cancelled or not: still twice
    error = refused(csv_file(HEADER, ROW, "FK-9QW3ZP,2026-12-08,10:30,30,FK,,,,", again))
    assert error.line == 4
    assert "Line 4: the same booking reference as line 2" in error.english
    assert "Rad 4: samma bokningsnummer som rad 2" in refusal_text(error)


def test_a_row_with_too_few_values_or_a_quote_left_open_is_refused():
    assert (
        "4 values for 9 columns"
        in refused(csv_file(HEADER, "SKV-7F3K9Q,2026-12-08,10:00,15")).english
    )
    open_quote = 'FK-9QW3ZP,2026-12-08,"10:30,30,FK,,,,'
    assert refused(csv_file(HEADER, ROW, open_quote, ROW, ROW)).line == 3  # where it opens


def test_a_file_neither_utf8_nor_cp1252_is_refused_naming_the_line():
    error = refused(csv_file(HEADER, ROW) + b"FK-9QW3ZP,2026-12-08,10:30,30,FK,\x81\x8d,,,\r\n")
    assert error.line == 3 and "UTF-8" in error.english and "UTF-8" in refusal_text(error)


@pytest.mark.parametrize(
    "data",
    [
        csv_file(HEADER, ROW, encoding="utf-16"),  # Excel's "Unicode text"
        b"PK\x03\x04\x14\x00\x06\x00" + bytes(range(256)),  # an .xlsx workbook
    ],
)
def test_utf16_text_and_binary_files_are_refused(data):
    assert "CSV UTF-8" in refused(data).english


@pytest.mark.parametrize("data", [b"", b"\xef\xbb\xbf", b" \r\n\r\n\t"])
def test_an_empty_file_is_refused(data):
    error = refused(data)
    assert (error.english, refusal_text(error), error.line) == (
        "The file is empty.",
        "Filen är tom.",
        None,
    )


def test_a_file_over_5_mb_is_refused_before_it_is_read():
    error = refused(csv_file(HEADER) + b" " * MAX_BYTES)
    assert "5 MB" in error.english and "5 MB" in refusal_text(error)


def test_more_than_5000_bookings_are_refused_at_the_first_too_many():
    rows = [f"SKV-{n:06X},2026-12-08,10:00,15,SKV,,,," for n in range(MAX_BOOKINGS + 1)]
    assert len(read(csv_file(HEADER, *rows[:MAX_BOOKINGS]))) == MAX_BOOKINGS
    error = refused(csv_file(HEADER, *rows))
    assert error.line == MAX_BOOKINGS + 2 and "more than 5000 bookings" in error.english


def test_a_file_named_ics_that_is_not_a_calendar_is_refused():
    assert (
        "'bokningar.ics' is named .ics but is no calendar"
        in refused(csv_file(HEADER, ROW), "bokningar.ics").english
    )


# ---------------------------------------------------------------- iCalendar that is read


def test_an_event_with_a_stockholm_tzid_becomes_a_booking_row():
    data = calendar(
        booking("SKV-7F3K9Q", "X-ERRAND-TYPE:id-kort", "X-LANGUAGE:uk", "X-INTERPRETER:yes")
    )
    assert read(data, "bokningar.ics") == [
        BookingRow(
            line=4,
            reference="SKV-7F3K9Q",
            starts_at=at(9),
            minutes=15,
            agency="SKV",
            errand_type="id-kort",
            language="uk",
            interpreter=True,
            cancelled=False,
        )
    ]


def test_utc_floating_and_tzid_times_are_told_apart():
    def starting(dtstart: str) -> datetime:
        return only_event(dtstart, "DURATION:PT15M").starts_at

    assert starting("DTSTART:20261208T100000Z") == at(10)
    assert starting("DTSTART:20261208T100000") == at(9)  # floating: the office's zone
    assert starting("DTSTART;TZID=Europe/Stockholm:20261208T100000") == at(9)
    assert starting("DTSTART;TZID=Europe/London:20261208T100000") == at(10)


def test_dtend_and_duration_give_the_same_length():
    def length(*properties: str) -> int:
        return only_event("DTSTART:20261208T090000Z", *properties).minutes

    assert length("DURATION:PT30M") == length("DTEND:20261208T093000Z") == 30
    assert length("DURATION:PT1H", "DTEND:20261208T100000Z") == 60  # both, agreeing


def test_a_cancelled_event_is_a_cancelled_booking():
    data = calendar(
        booking("SKV-7F3K9Q", "STATUS:CANCELLED"), booking("SKV-2M8D4T", "STATUS:CONFIRMED")
    )
    assert [row.cancelled for row in read(data)] == [True, False]


def test_the_uid_is_the_reference_without_x_booking_reference_and_categories_the_agency():
    data = calendar(
        event(
            "UID:fk-9qw3zp", "DTSTART:20261208T093000Z", "DURATION:PT30M", "CATEGORIES:FK,Bokad tid"
        )
    )
    (row,) = read(data)
    assert (row.reference, row.agency) == ("FK-9QW3ZP", "FK")


def test_an_outlook_vtimezone_is_honoured():
    zone = (
        "BEGIN:VTIMEZONE\r\nTZID:W. Europe Standard Time\r\n"
        "BEGIN:STANDARD\r\nDTSTART:16011028T030000\r\nRRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10\r\n"
        "TZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nEND:STANDARD\r\n"
        "BEGIN:DAYLIGHT\r\nDTSTART:16010325T020000\r\nRRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3\r\n"
        "TZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nEND:DAYLIGHT\r\nEND:VTIMEZONE\r\n"
    )
    start = "DTSTART;TZID=W. Europe Standard Time:20260707T100000"
    (row,) = read(
        calendar(event("UID:SKV-7F3K9Q", start, "DURATION:PT15M", "X-AGENCY:SKV"), head=zone)
    )
    assert (row.starts_at, row.line) == (at(8, day=7, month=7), 19)


def test_names_in_summary_description_attendee_and_organizer_never_reach_a_row():
    data = calendar(
        booking(
            "SKV-7F3K9Q",
            f"SUMMARY:ID-kort {NAME}",
            f"DESCRIPTION:{NAME}\\, personnummer 19800101-1234\\, ring 070-1234567",
            f"ATTENDEE;CN={NAME}:mailto:anna.andersson@example.se",
            "ORGANIZER;CN=Handläggare Berg:mailto:berg@skatteverket.example",
        )
    )
    held = " ".join(str(value) for value in dataclasses.astuple(read(data)[0]))
    for word in ("Anna", "Andersson", "19800101", "070", "mailto", "Berg", "ID-kort"):
        assert word not in held


def test_line_numbers_count_the_lines_of_the_file_folded_ones_included():
    folded = "DESCRIPTION:a long text that the booking system\r\n  folded over\r\n  three lines"
    error = refused(calendar(booking("SKV-7F3K9Q", folded), booking("SKV-7F3K9Q")))
    assert error.line == 4 + 10  # the first event is 10 lines long in the file


def test_a_calendar_is_known_by_its_content_not_its_name():
    (row,) = read(b"\xef\xbb\xbf\r\n  " + calendar(booking()), "export.csv")
    assert row.line == 5  # the blank line before BEGIN:VCALENDAR counts


def test_a_calendar_without_events_is_an_empty_day():
    assert read(calendar(), "tom.ics") == []


# ---------------------------------------------------------------- iCalendar that is refused


@pytest.mark.parametrize(
    ("properties", "field", "english"),
    [
        (("DTSTART;VALUE=DATE:20261208",), "DTSTART", "has no time of day"),
        (("DTSTART;TZID=Mars/Olympus:20261208T100000",), "DTSTART", "time zone 'Mars/Olympus'"),
        (("DTSTART;TZID={0}{zone}:20261208T100000",), "DTSTART", "time zone '{0}{zone}'"),
        (("DTSTART:20260329T023000",), "DTSTART", "a time the clock skips"),
        (("DTSTART:2026-12-08 10:00",), "DTSTART", "cannot be read"),
        ((), "DTSTART", "is missing"),
        (
            ("DTSTART:20261208T090000Z", "DURATION:PT1H", "DTEND:20261208T093000Z"),
            "DURATION",
            "DTEND",
        ),
        (("DTSTART:20261208T090000Z",), "DTEND", "is missing (or give DURATION)"),
        (("DTSTART:20261208T090000Z", "DURATION:PT9H"), "DURATION", "is 540 minutes"),
        (("DTSTART:20261208T090000Z", "DTEND:20261208T090200Z"), "DTEND", "is 2 minutes"),
        (("DTSTART:20261208T090000Z", "DURATION:PT15M30S"), "DURATION", "whole number"),
        (("DTSTART:20261208T090000Z", "DTEND:20261208T080000Z"), "DTEND", "is -60 minutes"),
    ],
)
def test_a_bad_time_or_length_names_the_line_where_the_event_begins_and_the_field(
    properties, field, english
):
    bad = event("UID:SKV-2M8D4T", "X-AGENCY:SKV", *(properties or ("DURATION:PT15M",)))
    error = refused(calendar(booking(), bad))
    assert error.line == 4 + 7
    assert error.english.startswith(f"Line 11: the event's {field} ") and english in error.english
    assert refusal_text(error).startswith(f"Rad 11: händelsens {field} ")


@pytest.mark.parametrize(
    ("extra", "field"),
    [
        ("RRULE:FREQ=WEEKLY;COUNT=4", "RRULE"),
        ("X-INTERPRETER:maybe", "X-INTERPRETER"),
        ("X-LANGUAGE:Arabic 2", "X-LANGUAGE"),
        ("X-ERRAND-TYPE:id kort", "X-ERRAND-TYPE"),
        ("X-AGENCY:FK", "X-AGENCY"),  # given twice
    ],
)
def test_a_bad_field_is_refused_naming_it(extra, field):
    error = refused(calendar(booking("SKV-7F3K9Q", extra)))
    assert error.english.startswith(f"Line 4: the event's {field} ")


def test_an_event_without_an_agency_is_refused():
    error = refused(calendar(event("UID:SKV-2M8D4T", "DTSTART:20261208T090000Z", "DURATION:PT15M")))
    assert error.english.startswith("Line 4: the event's X-AGENCY is empty")


def test_a_uid_that_is_no_booking_reference_is_refused_without_being_quoted():
    uid = "UID:anna.andersson@example.se"
    error = refused(
        calendar(event(uid, "DTSTART:20261208T090000Z", "DURATION:PT15M", "X-AGENCY:SKV"))
    )
    assert error.english.startswith("Line 4: the event's UID must be 4–64")
    assert "anna" not in (error.english + refusal_text(error)).lower()


def test_two_events_with_one_reference_name_both_lines():
    error = refused(calendar(booking("SKV-7F3K9Q"), booking("SKV-2M8D4T"), booking("skv-7f3k9q")))
    assert error.line == 18
    assert "Line 18: the same booking reference as line 4" in error.english


@pytest.mark.parametrize(
    ("body", "line", "english"),
    [
        (booking().replace("END:VEVENT\r\n", ""), 4, "BEGIN:VEVENT is never ended"),
        (booking() + "END:VEVENT\r\n", 11, "END:VEVENT closes nothing begun"),
        (booking().replace("X-AGENCY:SKV", NAME), 9, "not an iCalendar line"),
    ],
)
def test_a_broken_calendar_is_refused_naming_the_line_without_quoting_it(body, line, english):
    error = refused(calendar(body))
    assert error.line == line and english in error.english
    assert NAME not in error.english + refusal_text(error)


def test_a_calendar_not_in_utf8_is_refused():
    data = calendar(booking("SKV-7F3K9Q", "SUMMARY:Bokad tid"))
    error = refused(data.replace(b"Bokad", "Bökad".encode("cp1252")))
    assert error.line == 10 and "UTF-8" in error.english


def test_more_than_5000_events_are_refused():
    error = refused(calendar("".join(booking(f"SKV-{n:06X}") for n in range(MAX_BOOKINGS + 1))))
    assert error.line == 4 + 7 * MAX_BOOKINGS


@settings(max_examples=300, deadline=None)
@given(st.sampled_from([b"", HEADER.encode() + b"\n", calendar()[:-15]]), st.binary(max_size=300))
def test_any_bytes_give_rows_or_a_booking_file_error_and_nothing_else(start, rest):
    with contextlib.suppress(BookingFileError):
        read(start + rest)
