"""Every export format read back (csv, openpyxl, pdftotext) against the day worked out by hand."""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
import zipfile
from datetime import date, datetime

import pytest
from sqlalchemy import update

from app.models import Agency
from app.services.access.actor import SYSTEM, acting
from app.services.stats.export import catalog_labels, export_figures
from app.services.stats.figures import period_figures
from tests.unit.test_stats import RULES, office, play_small_day  # noqa: F401 - the fixture

pytestmark = pytest.mark.both_stores

DAY = date(2026, 3, 10)


@pytest.fixture
def figures(office):  # noqa: F811 - the fixture imported above
    store, clock = office
    play_small_day(store, clock, DAY)
    return store, period_figures(store, DAY, DAY, clock.now(), RULES)


def read_csv(path):
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_csv_holds_the_days_figures(figures, tmp_path):
    store, found = figures
    folder = export_figures(found, "csv", tmp_path / "csv", store)
    assert {p.name for p in folder.iterdir()} >= {
        "daily.csv",
        "totals.csv",
        "queues.csv",
        "hours.csv",
        "agencies.csv",
        "errand_types.csv",
        "outcomes.csv",
        "referrals.csv",
        "languages.csv",
        "interpreters.csv",
    }
    assert (folder / "daily.csv").read_bytes().startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM
    (daily,) = read_csv(folder / "daily.csv")  # one row per day, no totals row
    assert daily["day"] == "2026-03-10"
    assert (daily["visitors"], daily["served"], daily["no_shows"]) == ("5", "3", "1")
    assert float(daily["wait_max_s"]) == 18 * 60
    assert float(daily["service_max_s"]) == 15 * 60
    referrals = read_csv(folder / "referrals.csv")
    assert referrals == [{"code": "SOCIALTJANST", "label": "Kommunens socialtjänst", "count": "1"}]


# The scripts' CSV as it has always been: scripts read these names, so they never change.
SCRIPTS_DAILY_HEADER = (
    "day,visitors,tickets,booked,walk_in,served,no_shows,walked_out,cancelled,not_served,"
    "unreliable,quick_desk,quick_phone,errands,wait_count,wait_mean_s,wait_median_s,wait_p90_s,"
    "wait_max_s,service_count,service_mean_s,service_median_s,service_p90_s,service_max_s,"
    "service_level,staffed_minutes,visitors_per_staffed_hour"
)


def read_excel_csv(path):
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle, delimiter=";"))


def test_csv_for_excel_has_semicolons_decimal_commas_and_swedish_headers(figures, tmp_path):
    store, found = figures
    folder = export_figures(found, "csv-excel", tmp_path / "excel", store)
    assert {p.name for p in folder.iterdir()} >= {
        "Per dag.csv",
        "Hela perioden.csv",
        "Per kö.csv",
        "Per timme.csv",
        "Ärenden per myndighet.csv",
        "Hänvisningar.csv",
    }
    raw = (folder / "Per dag.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM: Excel reads å, ä, ö right
    assert raw.count(b"\n") == raw.count(b"\r\n") == 2  # the header and the one day, CRLF
    header, row = read_excel_csv(folder / "Per dag.csv")
    assert header[:6] == ["Datum", "Besökare", "Kölappar", "Bokade", "Utan bokning", "Betjänade"]
    day = dict(zip(header, row, strict=True))
    assert day["Datum"] == "2026-03-10" and day["Besökare"] == "5" and day["Uteblev"] == "1"
    assert day["Väntetid, längsta (min)"] == "18,0"  # minutes, with a decimal comma
    assert day["Betjäningstid, medel (min)"] == "9,7"  # (10 + 15 + 4) / 3 minutes
    assert day["Uppropade inom 15 min (%)"] == "66,7"
    totals = dict(read_excel_csv(folder / "Hela perioden.csv")[1:])  # a figure per row
    assert totals["Från och med"] == "2026-03-10" and totals["Betjänade"] == "3"
    (_, referral) = read_excel_csv(folder / "Hänvisningar.csv")
    assert referral == ["SOCIALTJANST", "Kommunens socialtjänst", "1"]


def test_every_column_of_every_table_has_a_swedish_header(figures):
    from app.services.stats.export import tables
    from app.services.stats.sheets import header

    store, found = figures
    for table in tables(found, catalog_labels(store)):
        headers = [header(table.name, c, 15) for c in table.columns]
        english = [h for h, c in zip(headers, table.columns, strict=True) if h == c or "_" in h]
        assert not english, (table.name, english)
        assert len(set(headers)) == len(headers), table.name  # no two columns alike


def test_csv_for_excel_holds_the_scripts_figures_and_leaves_the_scripts_csv_alone(
    figures, tmp_path
):
    store, found = figures
    scripts = export_figures(found, "csv", tmp_path / "scripts", store)
    excel = export_figures(found, "csv-excel", tmp_path / "excel", store)
    lines = (scripts / "daily.csv").read_bytes().decode("utf-8-sig").split("\r\n")
    assert lines[0] == SCRIPTS_DAILY_HEADER  # comma, English names, seconds: as before
    assert sorted(p.name for p in scripts.iterdir()) == sorted(
        f"{name}.csv"
        for name in (
            *("daily", "totals", "queues", "hours", "agencies", "errand_types", "outcomes"),
            *("referrals", "languages", "interpreters", "estimates"),
        )
    )
    (script_row,) = read_csv(scripts / "daily.csv")
    header, excel_row = read_excel_csv(excel / "Per dag.csv")
    assert len(header) == len(script_row)  # a Swedish header for every column, same order
    for (column, value), text in zip(script_row.items(), excel_row, strict=True):
        if column == "day" or value == "":
            assert text == value, column
            continue
        number = float(text.replace(",", "."))
        expected = float(value) / 60 if column.endswith("_s") else float(value)
        if column == "staffed_minutes":  # the office reads staffed time in hours
            expected = float(value) / 60
        assert number == pytest.approx(expected, abs=0.05), column
        assert "." not in text, column  # a decimal comma, never a point


def test_the_workbook_is_in_swedish_with_numbers_as_numbers(figures, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    store, found = figures
    path = export_figures(found, "xlsx", tmp_path / "stats.xlsx", store)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames[:4] == ["Per dag", "Hela perioden", "Per kö", "Per timme"]
    assert {"Ärenden per myndighet", "Hänvisningar", "Utlovad väntetid mot verklig"} <= set(
        book.sheetnames
    )
    daily = book["Per dag"]
    header = [c.value for c in daily[1]]
    assert header[:3] == ["Datum", "Besökare", "Kölappar"]
    assert "walk_in" not in header and "Utan bokning" in header
    row = dict(zip(header, [c.value for c in daily[2]], strict=True))
    assert row["Datum"] == datetime(2026, 3, 10)  # a date, not text
    assert daily["A2"].number_format == "yyyy-mm-dd"
    assert row["Besökare"] == 5 and isinstance(row["Besökare"], int)
    assert row["Väntetid, längsta (min)"] == 18  # durations in minutes
    assert row["Betjäningstid, längsta (min)"] == 15
    assert row["Uppropade inom 15 min (%)"] == pytest.approx(66.7)
    wait_mean = header.index("Väntetid, medel (min)") + 1
    assert daily.cell(2, wait_mean).number_format == "0.0"  # "8,0" in a Swedish Excel
    assert daily.freeze_panes == "B2"
    assert daily.max_row == 2  # one day, no totals row
    totals = {r[0]: r[1] for r in book["Hela perioden"].iter_rows(min_row=2, values_only=True)}
    assert totals["Besökare"] == 5 and totals["Väntetid, längsta (min)"] == 18
    with zipfile.ZipFile(path) as archive:  # openpyxl drops charts on reading: look inside
        chart = archive.read("xl/charts/chart1.xml").decode()
    assert "'Per dag'!$B$1" in chart and "'Per dag'!$A$2" in chart  # the renamed sheet


def test_every_sheet_prints_one_a4_page_wide_with_its_header_row_on_each_page(figures, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    store, found = figures
    book = openpyxl.load_workbook(export_figures(found, "xlsx", tmp_path / "s.xlsx", store))
    for sheet in book.worksheets:
        setup = sheet.page_setup
        assert sheet.sheet_properties.pageSetUpPr.fitToPage, sheet.title
        assert (setup.fitToWidth or 1) == 1 and setup.fitToHeight == 0, sheet.title
        assert int(setup.paperSize) == 9, sheet.title  # A4
        assert sheet.print_title_rows == "$1:$1", sheet.title
        assert sheet.oddFooter.right.text == "Sida &P av &N"
        assert sheet.oddHeader.left.text == "Servicekontoret Exempelstad"
        assert sheet.oddHeader.right.text == "2026-03-10"
    orientation = {s.title: s.page_setup.orientation for s in book.worksheets}
    assert orientation["Per dag"] == orientation["Per timme"] == "landscape"
    assert orientation["Hela perioden"] == orientation["Hänvisningar"] == "portrait"


def test_catalog_text_never_becomes_a_formula(figures, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    store, found = figures
    with acting(SYSTEM), store.write() as session:
        session.execute(update(Agency).where(Agency.code == "FK").values(label="=1+1"))
    labels = catalog_labels(store)
    assert labels["agencies"]["FK"] == "=1+1"
    folder = export_figures(found, "csv", tmp_path / "csv", store)
    fk = next(r for r in read_csv(folder / "agencies.csv") if r["code"] == "FK")
    assert fk["label"] == "'=1+1"
    excel = export_figures(found, "csv-excel", tmp_path / "excel", store)
    rows = read_excel_csv(excel / "Ärenden per myndighet.csv")
    assert next(r for r in rows if r[0] == "FK")[1] == "'=1+1"
    book = openpyxl.load_workbook(export_figures(found, "xlsx", tmp_path / "s.xlsx", store))
    sheet = book["Ärenden per myndighet"]
    cell = next(r[1] for r in sheet.iter_rows(min_row=2) if r[0].value == "FK")
    assert cell.value == "=1+1" and cell.data_type == "s"  # text, not a formula


def test_the_pdf_report_reads_back(figures, tmp_path, qapp):
    if shutil.which("pdftotext") is None:
        assert not os.environ.get("SERVICEDISK_CI"), ".ci/run installs poppler-utils"
        pytest.skip("pdftotext (poppler-utils) is not installed here; CI installs it")
    from app.ui.statistics.report import write_pdf

    store, found = figures
    path = write_pdf(
        found, tmp_path / "day.pdf", "Servicekontoret Exempelstad", catalog_labels(store)
    )
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Dagsrapport" in text and "2026-03-10" in text
    lines = {" ".join(line.split()) for line in text.splitlines()}
    assert any(line.startswith("Besökare 5") for line in lines), text
    assert any("Uteblev 1" in line for line in lines)
    assert "Kommunens socialtjänst" in text
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    fields = {
        k.strip(): v.strip() for k, _, v in (ln.partition(":") for ln in info.stdout.splitlines())
    }
    assert fields["Pages"] == "1" and "(A4)" in fields["Page size"]
