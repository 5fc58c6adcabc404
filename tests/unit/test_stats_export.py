"""Every export format read back (csv, openpyxl, pdftotext) against the day worked out by hand."""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
import zipfile
from datetime import date

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


def test_xlsx_has_numbers_in_minutes_and_frozen_headers(figures, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    store, found = figures
    path = export_figures(found, "xlsx", tmp_path / "stats.xlsx", store)
    book = openpyxl.load_workbook(path)
    daily = book["daily"]
    header = [c.value for c in daily[1]]
    row = dict(zip(header, [c.value for c in daily[2]], strict=True))
    assert row["visitors"] == 5 and isinstance(row["visitors"], int)
    assert row["wait_max_min"] == 18  # durations in minutes
    assert row["service_max_min"] == 15
    assert daily.freeze_panes == "A2"
    assert daily.max_row == 2  # one day, no totals row
    with zipfile.ZipFile(path) as archive:  # openpyxl drops charts on reading: look inside
        assert "xl/charts/chart1.xml" in archive.namelist()
    assert {"totals", "queues", "hours", "agencies", "referrals"} <= set(book.sheetnames)


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
    book = openpyxl.load_workbook(export_figures(found, "xlsx", tmp_path / "s.xlsx", store))
    sheet = book["agencies"]
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
