"""The office's own spreadsheets: Swedish headers, the XLSX workbook and CSV för Excel.

Both are written for a person at a Swedish office, not for a script: each table
under its Swedish title (a sheet, or a file ``Per dag.csv``), a Swedish header
for every column (:data:`HEADERS`), durations in minutes, dates as dates. The
workbook (XlsxWriter) prints each sheet one A4 page wide, landscape when the
table is wide, with the header row on every page, the office, the sheet and the
period at the top and "Sida 1 av 3" at the foot. CSV för Excel is what Excel
opens in a Swedish locale without an import dialogue: semicolons, decimal
commas, UTF-8 with a BOM, CRLF.

The scripts' CSV (:func:`app.services.stats.export.write_csv`) keeps the JSON's
column names and its seconds; nothing here changes it.
"""

from __future__ import annotations

import csv
import os
import re
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from app.services.stats.export import Table, check_target, safe_text
from app.services.stats.figures import BREAKDOWNS
from app.store.backup import partial_path

# A header for every column an export holds, as the office says it. Seconds
# (``_s``) are written as minutes and staffed minutes as hours, as the headers say.
HEADERS = {
    "day": "Datum",
    "from": "Från och med",
    "to": "Till och med",
    "queue": "Kö",
    "hour": "Timme",
    "code": "Kod",
    "label": "Benämning",
    "count": "Antal",
    "visitors": "Besökare",
    "tickets": "Kölappar",
    "booked": "Bokade",
    "walk_in": "Utan bokning",
    "served": "Betjänade",
    "no_shows": "Uteblev",
    "walked_out": "Gick innan upprop",
    "cancelled": "Makulerade",
    "not_served": "Kvar vid stängning",
    "unreliable": "Osäker tidmätning",
    "quick_desk": "Utan kölapp, i disken",
    "quick_phone": "Utan kölapp, telefon",
    "errands": "Ärenden",
    "wait_count": "Väntetider, antal",
    "wait_mean_s": "Väntetid, medel (min)",
    "wait_median_s": "Väntetid, median (min)",
    "wait_p90_s": "Väntetid, 90 % (min)",
    "wait_max_s": "Väntetid, längsta (min)",
    "service_count": "Betjäningstider, antal",
    "service_mean_s": "Betjäningstid, medel (min)",
    "service_median_s": "Betjäningstid, median (min)",
    "service_p90_s": "Betjäningstid, 90 % (min)",
    "service_max_s": "Betjäningstid, längsta (min)",
    "service_level": "Uppropade inom {threshold} min (%)",
    "staffed_minutes": "Bemannad tid (timmar)",
    "visitors_per_staffed_hour": "Betjänade per bemannad timme",
    "arrivals": "Ankomster",
    "queue_max": "Längsta kö",
    "days": "Dagar med besök",
    "median_abs_error_s": "Avvikelse, median (min)",
    "within_5_min": "Inom 5 min (%)",
    # Bokade besök (app.services.stats.bookings)
    "bookings": "Bokningar",
    "checked_in": "Incheckade",
    "booked_visitors": "Betjänade med bokning",
    "walk_in_visitors": "Betjänade utan bokning",
    "missed_bookings": "Uteblivna bokningar",
    "missed_share": "Uteblivna bokningar (%)",
    "pending_bookings": "Bokningar kvar",
    "cancelled_bookings": "Avbokade",
    "punctuality_count": "Bokade uppropade",
    "punctuality_median_s": "Bokad tid till upprop, median (min)",
    "punctuality_p90_s": "Bokad tid till upprop, 90 % (min)",
    "wait_during_booked_count": "Utan bokning, uppropade under bokade besök",
    "wait_during_booked_median_s": "Utan bokning, väntetid under bokade besök, median (min)",
    "wait_outside_booked_count": "Utan bokning, uppropade övrig tid",
    "wait_outside_booked_median_s": "Utan bokning, väntetid övrig tid, median (min)",
}
# Where a table means something narrower by a column than the word above.
TABLE_HEADERS = {
    ("agencies", "label"): "Myndighet",
    ("errand_types", "label"): "Ärendetyp",
    ("outcomes", "label"): "Utfall",
    ("referrals", "label"): "Hänvisad till",
    ("languages", "label"): "Språk",
    ("interpreters", "label"): "Tolk",
    **{(name, "count"): "Ärenden" for name in BREAKDOWNS},  # each counts errands
    ("estimates", "count"): "Besked om väntetid",
}
DATES = frozenset({"day", "from", "to"})
TEXTS = frozenset({"queue", "code", "label"})
# Minutes, hours and shares have one decimal; the rest that is not a date or text is a count.
DECIMALS = frozenset(
    {
        "staffed_minutes",
        "service_level",
        "within_5_min",
        "visitors_per_staffed_hour",
        "missed_share",
    }
)
UNSAFE_NAME = re.compile(r'[\[\]:*?/\\<>|"]')


@dataclass(frozen=True)
class Heading:
    """What every printed page and every header names: the office, the period, the threshold."""

    office: str
    period: str
    threshold_min: int


def header(table: str, column: str, threshold_min: int) -> str:
    """The Swedish header of ``column`` in ``table``."""
    text = TABLE_HEADERS.get((table, column)) or HEADERS.get(column, column)
    return text.format(threshold=threshold_min)


def kind(column: str) -> str:
    """How a column is written: ``date``, ``text``, ``hour``, ``decimal`` or ``count``."""
    if column in DATES:
        return "date"
    if column in TEXTS:
        return "text"
    if column == "hour":
        return "hour"
    if column.endswith("_s") or column in DECIMALS:
        return "decimal"
    return "count"


def office_value(column: str, value: Any) -> Any:
    """A figure as the office reads it: seconds as minutes, staffed minutes as hours."""
    sixtieths = column.endswith("_s") or column == "staffed_minutes"
    if sixtieths and isinstance(value, int | float) and not isinstance(value, bool):
        return value / 60
    return value


def safe_name(title: str, limit: int = 31) -> str:
    """A title usable as a sheet or file name (none of ``[]:*?/\\``, at most ``limit``)."""
    return UNSAFE_NAME.sub("-", title).strip(" '.")[:limit] or "Tabell"


@dataclass(frozen=True)
class Cell:
    """One value as the office reads it (minutes, hours) and how it is written."""

    kind: str
    value: Any


@dataclass(frozen=True)
class Sheet:
    """One table as the office reads it: its Swedish title and headers, and its cells."""

    table: Table
    headers: tuple[str, ...]
    rows: list[tuple[Cell, ...]]


def _cell(column: str, value: Any) -> Cell:
    return Cell(kind(column), office_value(column, value))


def office_sheet(table: Table, threshold_min: int) -> Sheet:
    """The table with Swedish headers; the period's totals (one row of some thirty
    figures) read down the page instead, a figure per row."""
    if table.name == "totals" and len(table.rows) == 1:
        figures = zip(table.columns, table.rows[0], strict=True)
        return Sheet(
            table,
            ("Uppgift", "Värde"),
            [(Cell("text", header(table.name, c, threshold_min)), _cell(c, v)) for c, v in figures],
        )
    return Sheet(
        table,
        tuple(header(table.name, c, threshold_min) for c in table.columns),
        [tuple(_cell(c, v) for c, v in zip(table.columns, row, strict=True)) for row in table.rows],
    )


# ------------------------------------------------------------------ CSV för Excel


def excel_text(cell: Cell) -> str:
    """One cell of CSV för Excel: decimal comma, one decimal, text made safe."""
    value = cell.value
    if value is None:
        return ""
    if cell.kind == "decimal" and isinstance(value, int | float):
        return f"{value:.1f}".replace(".", ",")
    if isinstance(value, float):  # a count is whole; any other number is kept exact
        return repr(value).replace(".", ",")
    return str(safe_text(value))


def write_csv_excel(all_tables: Sequence[Table], folder: Path, heading: Heading) -> Path:
    """One file per table, named by its Swedish title, as Excel in Swedish opens it."""
    check_target(folder, folder=True)
    folder.mkdir(parents=True, exist_ok=True)
    for table in all_tables:
        sheet = office_sheet(table, heading.threshold_min)
        path = folder / f"{safe_name(table.title, 60)}.csv"
        check_target(path)
        partial = partial_path(path)
        with open(partial, "w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle, delimiter=";", lineterminator="\r\n")
            writer.writerow(sheet.headers)
            writer.writerows([excel_text(cell) for cell in row] for row in sheet.rows)
        os.replace(partial, path)
    return folder


# ------------------------------------------------------------------ the workbook

# Excel shows these in the reader's locale: "0.0" is "12,5" and "#,##0" is "1 234" in Swedish.
NUM_FORMATS = {"date": "yyyy-mm-dd", "decimal": "0.0", "count": "#,##0", "hour": "0"}
PORTRAIT_WIDTH = 95  # characters of column width across A4 portrait at 100 %
LANDSCAPE_WIDTH = 135  # … and across landscape: wider tables stand their headers on end
HEADER_LINES = 3  # a header wraps to at most this many lines; its column widens instead
UPRIGHT_LINE = 22  # characters in one line of a header on end


def write_xlsx(all_tables: Sequence[Table], path: Path, heading: Heading) -> Path:
    """One workbook: a sheet per table under its Swedish title, printed one page wide."""
    import xlsxwriter

    check_target(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = partial_path(path)
    workbook = xlsxwriter.Workbook(str(partial), {"strings_to_formulas": False})
    try:
        look = {"bold": True, "font_size": 10, "bg_color": "#dde4ea", "border": 1}
        heads = (
            workbook.add_format({**look, "text_wrap": True, "valign": "bottom"}),
            workbook.add_format(
                {**look, "text_wrap": True, "rotation": 90, "align": "center", "valign": "bottom"}
            ),
        )
        formats = {k: workbook.add_format({"num_format": f}) for k, f in NUM_FORMATS.items()}
        for table in all_tables:
            office = office_sheet(table, heading.threshold_min)
            _write_sheet(workbook, office, heading, heads, formats)
    finally:
        workbook.close()
    os.replace(partial, path)
    return path


def _write_sheet(
    workbook: Any, office: Sheet, heading: Heading, heads: tuple[Any, Any], formats: dict
) -> None:
    table = office.table
    sheet = workbook.add_worksheet(safe_name(table.title))
    for r, row in enumerate(office.rows, start=1):
        for c, cell in enumerate(row):
            _write_cell(sheet, r, c, cell, formats)
    widths, height, across = _layout(office)
    for c, (text, width) in enumerate(zip(office.headers, widths, strict=True)):
        sheet.set_column(c, c, width)
        sheet.write_string(0, c, text, heads[0 if across[c] else 1])
    sheet.set_row(0, height)
    sheet.freeze_panes(1, 1 if len(office.headers) > 6 else 0)
    _print_setup(sheet, office, heading, sum(widths))
    if table.name == "daily" and table.rows:
        _daily_chart(workbook, sheet, table, heading.period)


def _write_cell(sheet: Any, r: int, c: int, cell: Cell, formats: dict) -> None:
    kind_, value = cell.kind, cell.value
    if value is None:
        return
    if kind_ == "date":
        sheet.write_datetime(r, c, date.fromisoformat(value), formats["date"])
    elif kind_ == "hour" and str(value).isdigit():
        sheet.write_number(r, c, int(value), formats["hour"])
    elif isinstance(value, bool) or not isinstance(value, int | float):
        sheet.write_string(r, c, str(value))  # catalog text is never parsed as a formula
    else:
        sheet.write_number(r, c, value, formats.get(kind_, formats["decimal"]))


def _shown(cell: Cell) -> int:
    """About how many characters a cell shows."""
    if cell.value is None:
        return 0
    if cell.kind == "date":
        return 10
    if cell.kind == "decimal" and isinstance(cell.value, int | float):
        return len(f"{cell.value:,.1f}")
    if cell.kind == "count" and isinstance(cell.value, int | float):
        return len(f"{cell.value:,.0f}")
    return len(str(cell.value))


def _layout(office: Sheet) -> tuple[list[float], float, list[bool]]:
    """Column widths, the header row's height, and which headers read across: a table
    too wide for a landscape page at full size would print too small to read with its
    headers across, so its figures' columns narrow to them under headers on end."""
    values = [
        max([0, *(_shown(row[c]) + 2 for row in office.rows)]) for c in range(len(office.headers))
    ]
    across: list[float] = []
    for text, least in zip(office.headers, values, strict=True):
        width = max([7, least, *(len(word) + 1 for word in text.split())])
        while len(textwrap.wrap(text, width - 1)) > HEADER_LINES:
            width += 1
        across.append(min(40, width))
    if sum(across) <= LANDSCAPE_WIDTH:
        headers = zip(office.headers, across, strict=True)
        lines = max(len(textwrap.wrap(h, int(w) - 1)) for h, w in headers)
        return across, 14 * lines + 4, [True] * len(across)
    # The first column names the row and text reads across: their headers stay across.
    stays = [c == 0 or kind(column) == "text" for c, column in enumerate(office.table.columns)]
    wrapped = [textwrap.wrap(h, UPRIGHT_LINE) for h in office.headers]
    widths = [
        across[c] if stays[c] else min(40, max(6, values[c], 2.6 * len(wrapped[c]) + 1.5))
        for c in range(len(across))
    ]
    longest = max(len(line) for c, lines in enumerate(wrapped) if not stays[c] for line in lines)
    return widths, 5.5 * longest + 14, stays


def _print_setup(sheet: Any, office: Sheet, heading: Heading, width: float) -> None:
    """A4, one page wide (as many long as it takes), the header row on every page."""
    sheet.set_paper(9)
    if width > PORTRAIT_WIDTH:
        sheet.set_landscape()
    else:
        sheet.set_portrait()
    sheet.fit_to_pages(1, 0)
    sheet.repeat_rows(0)
    # Only the table: the daily sheet's chart beside it would shrink the table to fit.
    sheet.print_area(0, 0, max(1, len(office.rows)), len(office.headers) - 1)
    sheet.hide_gridlines(0)  # print the grid: the rows are long
    sheet.set_margins(left=0.4, right=0.4, top=0.75, bottom=0.6)

    def text(value: str) -> str:  # "&" starts a code in Excel's header and footer
        return value.replace("&", "&&")

    sheet.set_header(
        f"&L{text(heading.office[:80])}&C&B{text(office.table.title)}&R{text(heading.period)}",
        {"margin": 0.3},
    )
    sheet.set_footer("&LServicedisk&RSida &P av &N", {"margin": 0.3})


def _daily_chart(workbook: Any, sheet: Any, table: Table, period: str) -> None:
    chart = workbook.add_chart({"type": "column"})
    name, last = sheet.get_name(), len(table.rows)
    for column in ("visitors", "served"):
        c = table.columns.index(column)
        chart.add_series(  # the list form quotes a sheet name with spaces itself
            {
                "name": [name, 0, c],
                "categories": [name, 1, 0, last, 0],
                "values": [name, 1, c, last, c],
            }
        )
    chart.set_title({"name": f"Besökare per dag {period}"})
    chart.set_x_axis({"date_axis": False, "num_format": "yyyy-mm-dd"})
    chart.set_size({"width": 720, "height": 320})
    sheet.insert_chart(1, len(table.columns) + 1, chart)
