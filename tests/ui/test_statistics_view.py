"""The Statistik tab as the manager uses it: today, a period, the forecast, an export."""

from __future__ import annotations

import csv
from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QLabel, QPushButton, QTableView

from app.services.office.clock import OFFICE_TZ
from app.services.queue import calling as queue
from app.ui.statistics.view import StatisticsView, preset_range
from tests.conftest import desk_for


@pytest.fixture
def view(qtbot, ui_ctx, tmp_path):
    widget = StatisticsView(ui_ctx, save_path=lambda _p, _t, name: str(tmp_path / name))
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    return widget


def today(ui_ctx) -> date:
    return ui_ctx.clock.now().astimezone(OFFICE_TZ).date()


def table_rows(view, name: str) -> list[list[str]]:
    table = view.findChild(QTableView, f"table-{name}")
    model = table.model()
    return [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def test_presets_name_the_days_a_manager_means():
    wednesday = date(2026, 12, 2)
    assert preset_range("today", wednesday) == (wednesday, wednesday)
    assert preset_range("yesterday", wednesday) == (date(2026, 12, 1),) * 2
    assert preset_range("week", wednesday) == (date(2026, 11, 30), wednesday)
    assert preset_range("last_month", wednesday) == (date(2026, 11, 1), date(2026, 11, 30))
    assert preset_range("year", wednesday) == (date(2026, 1, 1), wednesday)


def test_today_follows_the_live_queue_and_the_days_figures(qtbot, view, ui_ctx, ui_clock):
    for letter in "AAB":
        queue.issue_ticket(desk_for(ui_ctx.store, ui_clock), letter)
        ui_clock.advance(minutes=2)
    ui_ctx.watcher.refresh()
    assert view.findChild(QLabel, "today-waiting").text() == "3"
    assert view.findChild(QLabel, "today-longest").text() == "6,0 min"  # A001, 3 × 2 min ago
    queue.call_next(desk_for(ui_ctx.store, ui_clock), 1)
    ui_clock.advance(minutes=3)
    queue.finish(desk_for(ui_ctx.store, ui_clock), "A001")
    ui_ctx.watcher.refresh()
    assert view.findChild(QLabel, "today-waiting").text() == "2"
    assert view.findChild(QLabel, "today-served").text() == "1"
    assert view.findChild(QLabel, "today-median").text() != "–"


def test_a_period_is_shown_as_charts_with_tables_and_exported(qtbot, view, ui_ctx, ui_clock):
    queue.issue_ticket(desk_for(ui_ctx.store, ui_clock), "A")
    ui_clock.advance(minutes=6)
    queue.call_next(desk_for(ui_ctx.store, ui_clock), 1)
    ui_clock.advance(minutes=4)
    queue.finish(desk_for(ui_ctx.store, ui_clock), "A001")
    day = today(ui_ctx)
    view.first.setDate(QDate(day.year, day.month, day.day).addDays(-2))
    view.last.setDate(QDate(day.year, day.month, day.day))
    assert view.preset.currentData() == "custom"
    qtbot.mouseClick(view.findChild(QPushButton, "stats-show"), Qt.MouseButton.LeftButton)
    assert "1 besökare, 1 betjänade" in view.findChild(QLabel, "stats-status").text()
    trend = table_rows(view, "trend")
    assert [row[1] for row in trend] == ["1"]  # the open days only, with their visitors
    waits = table_rows(view, "waits")
    assert waits[1] == ["5–10 min", "1"]
    assert view.arrivals.chart.series()  # the chart is drawn from the same figures
    qtbot.mouseClick(view.findChild(QPushButton, "export-csv"), Qt.MouseButton.LeftButton)
    status = view.findChild(QLabel, "stats-status").text()
    assert status.startswith("Exporterad till")
    folder = status.removeprefix("Exporterad till ").removesuffix(".")
    with open(f"{folder}/daily.csv", encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["visitors"] for r in rows] == ["0", "0", "1"]
    assert rows[-1]["day"] == day.isoformat()


def test_csv_for_excel_from_the_screen_is_a_folder_of_swedish_tables(qtbot, view, ui_ctx, ui_clock):
    from app.services.access.audit import list_events

    queue.issue_ticket(desk_for(ui_ctx.store, ui_clock), "A")
    ui_clock.advance(minutes=6)
    queue.call_next(desk_for(ui_ctx.store, ui_clock), 1)
    button = view.findChild(QPushButton, "export-csv-excel")
    assert button.text() == "CSV för Excel …"
    assert button.accessibleName() == "Exportera CSV för Excel"
    assert list(view.export_buttons) == ["csv", "csv-excel", "xlsx", "pdf"]  # side by side
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    status = view.findChild(QLabel, "stats-status").text()
    folder = status.removeprefix("Exporterad till ").removesuffix(".")
    assert folder.endswith("-excel")  # its own folder, beside the scripts' CSV
    with open(f"{folder}/Per dag.csv", encoding="utf-8-sig", newline="") as handle:
        header, row = list(csv.reader(handle, delimiter=";"))
    day = dict(zip(header, row, strict=True))
    assert day["Datum"] == today(ui_ctx).isoformat() and day["Besökare"] == "1"
    assert day["Väntetid, median (min)"] == "6,0"
    (event,) = list_events(ui_ctx.store, kinds=["export"])
    assert "format=csv-excel" in event.detail


def test_the_pdf_report_from_the_screen_is_audited_like_every_export(qtbot, view, ui_ctx):
    from app.services.access.audit import list_events

    qtbot.mouseClick(view.findChild(QPushButton, "export-pdf"), Qt.MouseButton.LeftButton)
    assert view.findChild(QLabel, "stats-status").text().startswith("Exporterad till")
    (event,) = list_events(ui_ctx.store, kinds=["export"])
    assert "format=pdf" in event.detail and event.role == "manager"


def test_a_backwards_range_is_refused_in_swedish(qtbot, view, ui_ctx):
    day = today(ui_ctx)
    view.first.setDate(QDate(day.year, day.month, day.day))
    view.last.setDate(QDate(day.year, day.month, day.day).addDays(-3))
    view.refresh()
    status = view.findChild(QLabel, "stats-status")
    assert status.text() == "Perioden slutar innan den börjar. Välj om datumen."
    assert status.property("role") == "error"


def test_the_forecast_covers_the_coming_week(qtbot, view, ui_ctx):
    rows = table_rows(view, "forecast")
    days = {row[0].split()[0] for row in rows}
    assert days <= {"mån", "tis", "ons", "tors", "fre"}  # the seed office is closed at weekends
    assert rows and all(row[2].isdigit() for row in rows)


def test_the_manager_sees_each_member_of_staff_by_name(qtbot, view, ui_ctx, ui_clock):
    from app.services.access.actor import Actor
    from app.services.queue.desk import QueueDesk
    from app.services.staff.accounts import add_staff, sign_in

    add_staff(
        desk_for(ui_ctx.store, ui_clock),
        "anna",
        "caseworker",
        "2468",
        "2468",
        display_name="Anna Lind",
    )
    anna = sign_in(desk_for(ui_ctx.store, ui_clock), "anna", "2468")
    QueueDesk(ui_ctx.store, ui_clock, Actor(role="reception")).issue("A")
    desk = QueueDesk(ui_ctx.store, ui_clock, anna)
    desk.call_next(1)
    ui_clock.advance(minutes=7)
    desk.finish("A001")
    qtbot.mouseClick(view.findChild(QPushButton, "stats-show"), Qt.MouseButton.LeftButton)
    assert table_rows(view, "staff") == [["Anna Lind (anna)", "1", "7,0 min", "7,0 min"]]
