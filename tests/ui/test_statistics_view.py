"""The Statistik tab as the manager uses it: today, a period, the forecast, an export."""

from __future__ import annotations

import csv
from datetime import date, datetime

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


def table_headers(view, name: str) -> list[str]:
    model = view.findChild(QTableView, f"table-{name}").model()
    return [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]


def drawn_texts(page) -> list[str]:
    """The texts a page's chart draws and shows: axis labels and titles, the legend."""
    out = []
    for item in page.view.scene().items():
        if item.type() == 8 and item.isVisible():  # QGraphicsTextItem (Qt Charts' are private)
            text = item.toGraphicsObject().toPlainText()
            if text:
                out.append(text)
    return out


def show_page(view, page) -> list[str]:
    """Bring a page forward as the manager would, and read what its chart draws."""
    from PySide6.QtWidgets import QApplication

    view.pages.setCurrentWidget(page)
    for _ in range(3):  # the layout settles: labels are fitted to the plot's width
        QApplication.processEvents()
    return drawn_texts(page.page if hasattr(page, "page") else page)


@pytest.fixture
def manager_style(qapp):
    """The application's own style and 11-point font, as the manager's screen has them."""
    from app.ui.shell.style import apply_style

    font, sheet = qapp.font(), qapp.styleSheet()
    apply_style(qapp)
    yield
    qapp.setFont(font)
    qapp.setStyleSheet(sheet)


def fill_history(ui_ctx, ui_clock, days: int = 40) -> None:
    """Weeks of a demo office's days up to now (errands of every agency, staff, referrals)."""
    from app.demo.fill import generate_demo

    generate_demo(desk_for(ui_ctx.store, ui_clock), days=days, seed=5, visits_per_day=60)


def choose(view, preset: str) -> None:
    view.preset.setCurrentIndex(view.preset.findData(preset))


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


@pytest.mark.parametrize(
    ("today_", "preset", "first", "last"),
    [
        # A Wednesday: this month so far; last week Monday to Sunday; 30 days with today.
        (date(2026, 12, 2), "month", date(2026, 12, 1), date(2026, 12, 2)),
        (date(2026, 12, 2), "last_week", date(2026, 11, 23), date(2026, 11, 29)),
        (date(2026, 12, 2), "last_30", date(2026, 11, 3), date(2026, 12, 2)),
        (date(2026, 12, 2), "next_week", date(2026, 12, 7), date(2026, 12, 13)),
        # A Monday: last week is the whole week before, not yesterday alone.
        (date(2026, 12, 7), "last_week", date(2026, 11, 30), date(2026, 12, 6)),
        # A Sunday still belongs to its Monday's week (a Swedish week starts on Monday).
        (date(2026, 12, 6), "last_week", date(2026, 11, 23), date(2026, 11, 29)),
        (date(2026, 12, 6), "week", date(2026, 11, 30), date(2026, 12, 6)),
        # The first of a month: this month is that day; the last 30 days reach back a month.
        (date(2026, 3, 1), "month", date(2026, 3, 1), date(2026, 3, 1)),
        (date(2026, 3, 1), "last_30", date(2026, 1, 31), date(2026, 3, 1)),
        (date(2027, 1, 1), "last_week", date(2026, 12, 21), date(2026, 12, 27)),
    ],
)
def test_this_month_last_week_and_the_last_30_days_are_presets(today_, preset, first, last):
    assert preset_range(preset, today_) == (first, last)


def test_the_new_presets_are_offered_and_set_the_dates(qtbot, view, ui_ctx):
    offered = [view.preset.itemText(i) for i in range(view.preset.count())]
    for text in ("I dag", "I går", "Den här veckan", "Förra månaden", "I år", "Eget intervall"):
        assert text in offered  # the old ones stay
    for text in ("Denna månad", "Förra veckan", "Senaste 30 dagarna"):
        assert text in offered
    view.preset.setCurrentIndex(view.preset.findText("Förra veckan"))  # from Wed 2026-11-25
    assert view.period() == (date(2026, 11, 16), date(2026, 11, 22))
    view.preset.setCurrentIndex(view.preset.findText("Senaste 30 dagarna"))
    assert view.period() == (date(2026, 10, 27), date(2026, 11, 25))
    view.preset.setCurrentIndex(view.preset.findText("Denna månad"))
    assert view.period() == (date(2026, 11, 1), date(2026, 11, 25))
    assert view.preset.currentData() == "month"  # setting the dates did not make it custom


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


# ---------------------------------------------------------------- what the charts draw


def test_every_chart_label_is_drawn_whole_at_1280_by_800(
    qtbot, manager_style, view, ui_ctx, ui_clock
):
    """Long agency names, outcomes and staff names, hours and a month of dates: each label
    is drawn whole or (dates on a crowded axis) left out, never cut to "Försäkringska…"."""
    fill_history(ui_ctx, ui_clock)
    view.first.setDate(QDate(2026, 10, 27))  # the last 30 days
    view.last.setDate(QDate(2026, 11, 25))
    view.refresh()
    for page in (view.agencies, view.outcomes, view.staff):
        texts = show_page(view, page)
        names = [row[0] for row in table_rows(view, page.objectName().split("-")[-1])]
        assert names and all(name in texts for name in names), (names, texts)
    assert "Gemensamt för myndigheterna" in show_page(view, view.agencies)
    for page in (view.arrivals, view.waits, view.agencies, view.outcomes, view.trend):
        texts = show_page(view, page)
        assert not [t for t in texts if "..." in t or "…" in t], texts
    hours = show_page(view, view.arrivals)
    assert {"10", "11", "12", "13", "14", "15"} <= set(hours)  # short hour labels, all drawn
    assert {"0–5", "5–10", "55–60", "60+"} <= set(show_page(view, view.waits))
    dates = [t for t in show_page(view, view.trend) if "/" in t]
    days = [date.fromisoformat(row[0]) for row in table_rows(view, "trend")]
    assert len(dates) >= 5  # every few days is labelled, as "3/11", not "11-…"
    assert set(dates) <= {f"{d.day}/{d.month}" for d in days}


def test_the_staffing_chart_reads_as_points_per_hour_against_those_staffed(
    qtbot, manager_style, view, ui_ctx, ui_clock
):
    fill_history(ui_ctx, ui_clock)
    view.first.setDate(QDate(2026, 11, 16))  # last week, Mon 16/11 – Sun 22/11
    view.last.setDate(QDate(2026, 11, 22))
    view.refresh()
    assert [row[0] for row in table_rows(view, "forecast")][:2] == ["10", "11"]  # hours
    page = view.staffing
    assert page.day.currentText() == "mån 16/11"
    texts = show_page(view, page)
    assert {"10", "11", "12", "13", "14", "15"} <= set(texts)  # the open hours of that day
    assert {"Luckor som behövs", "Bemannade luckor", "Luckor", "Timme, mån 16/11"} <= set(texts)
    assert not [t for t in texts if "..." in t or "…" in t], texts
    (bars, line) = page.chart.series()
    assert [bars.barSets()[0].at(i) for i in range(bars.barSets()[0].count())] == [
        float(row[3]) for row in table_rows(view, "forecast")
    ]
    assert line.name() == "Bemannade luckor" and line.count() == 6
    page.day.setCurrentIndex(page.day.findData(""))  # every day of the period at once
    texts = show_page(view, page)
    assert {"mån 16/11", "fre 20/11", "Behövd tid", "Bemannad tid", "Dag"} <= set(texts)
    assert [row[0] for row in table_rows(view, "forecast")] == [
        "mån 16/11",
        "tis 17/11",
        "ons 18/11",
        "tors 19/11",
        "fre 20/11",
    ]


# ---------------------------------------------------------------- the hours, the KPI, the forecast


def test_the_hours_shown_are_the_open_hours_and_those_visitors_came_in(
    qtbot, view, ui_ctx, ui_clock
):
    from app.services.errands import logbook
    from app.services.errands.records import ErrandInput

    today_ = today(ui_ctx)  # a Wednesday: open 10–16
    ui_clock.set(datetime(today_.year, today_.month, today_.day, 9, 5, tzinfo=OFFICE_TZ))
    phone = [ErrandInput("FK", "vab", "resolved")]  # a call before opening: nobody came in
    logbook.log_quick_visit(desk_for(ui_ctx.store, ui_clock), "phone", phone, duration_seconds=60)
    ui_clock.set(datetime(today_.year, today_.month, today_.day, 10, 30, tzinfo=OFFICE_TZ))
    queue.issue_ticket(desk_for(ui_ctx.store, ui_clock), "A")
    ui_clock.set(datetime(today_.year, today_.month, today_.day, 16, 10, tzinfo=OFFICE_TZ))
    queue.issue_ticket(desk_for(ui_ctx.store, ui_clock), "A")  # let in after closing
    view.refresh()
    hours = [row[0] for row in table_rows(view, "arrivals")]
    assert hours == ["10", "11", "12", "13", "14", "15", "16"]
    assert view.arrivals.category_labels() == hours  # the chart draws the same hours
    rows = {row[0]: row for row in table_rows(view, "arrivals")}
    assert rows["12"][2] == "0" and rows["16"][2] == "1"  # open and empty; after closing, one


def test_the_service_level_has_one_name_on_the_whole_tab(qtbot, view, ui_ctx, ui_clock):
    from sqlalchemy import select

    from app.models import Office
    from app.services.access.actor import SYSTEM, acting
    from app.services.stats.sheets import header

    with acting(SYSTEM), ui_ctx.store.write() as session:
        session.scalar(select(Office)).service_level_minutes = 10
    queue.issue_ticket(desk_for(ui_ctx.store, ui_clock), "A")
    view.refresh()
    name = header("days", "service_level", 10)
    assert name == "Uppropade inom 10 min (%)"  # the exports' header, with the threshold
    assert table_headers(view, "arrivals").count(name) == 1
    assert table_headers(view, "trend").count(name) == 1
    texts = [label.text() for label in view.findChildren(QLabel)]
    for page in ("arrivals", "waits", "agencies", "outcomes", "trend", "forecast", "staff"):
        texts += table_headers(view, page)
    for page in (view.arrivals, view.trend, view.staffing):
        texts += show_page(view, page)
    naming = [t for t in texts if "inom" in t.lower() or "målet" in t or "nivå" in t]
    assert naming, texts
    assert "Inom målet, %" not in texts and not [t for t in texts if "ervicenivå" in t]
    assert view.findChild(QLabel, "today-level-caption").text() == name.removesuffix(" (%)")
    for text in naming:  # every other mention says it the same way: "… inom 10 min"
        assert "inom 10 min" in text, text


def test_the_staffing_page_follows_the_period_picker(qtbot, view, ui_ctx, ui_clock):
    view.first.setDate(QDate(2026, 11, 30))  # next week, Mon 30/11 – Sun 6/12: ahead
    view.last.setDate(QDate(2026, 12, 6))
    view.refresh()
    status = view.findChild(QLabel, "stats-status").text()
    assert status == "2026-11-30 – 2026-12-06 har inte börjat: Bemanning visar vad dagarna behöver."
    page = view.pages.currentWidget()  # nothing has happened yet: the staffing is shown
    assert view.pages.tabText(view.pages.currentIndex()) == "Bemanning"
    days = [page.day.itemData(i) for i in range(page.day.count())]
    assert days == ["", "2026-11-30", "2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04"]
    assert page.day.currentData() == "2026-11-30"
    assert page.note.text().startswith("Visar mån 30/11 – sön 6/12:")
    choose(view, "next_week")  # the same days as a preset
    assert view.period() == (date(2026, 11, 30), date(2026, 12, 6))
    choose(view, "yesterday")  # Tue 24/11: the picker drives the days, past ones too
    assert [page.day.itemText(i) for i in range(page.day.count())] == ["tis 24/11"]
    assert page.note.text().startswith("Visar tis 24/11:")
    view.first.setDate(QDate(2026, 12, 3))
    view.last.setDate(QDate(2026, 12, 3))
    view.refresh()
    assert [page.day.itemData(i) for i in range(page.day.count())] == ["2026-12-03"]
    assert [row[0] for row in table_rows(view, "forecast")][-1] == "17"  # Thursdays till 18


def test_a_past_period_sets_the_forecast_against_what_was_staffed(qtbot, view, ui_ctx, ui_clock):
    fill_history(ui_ctx, ui_clock)
    view.first.setDate(QDate(2026, 11, 16))  # last week, Mon 16/11 – Sun 22/11
    view.last.setDate(QDate(2026, 11, 22))
    view.refresh()
    header = table_headers(view, "forecast")
    assert "Bemannade\nluckor" in header
    staffed = header.index("Bemannade\nluckor")
    rows = table_rows(view, "forecast")  # Monday 16/11, hour by hour
    assert [row[0] for row in rows] == ["10", "11", "12", "13", "14", "15"]
    page = view.staffing
    assert all(row[staffed] != "–" for row in rows)  # each hour's actual staffing
    (_bars, line) = page.chart.series()
    assert line.name() == "Bemannade luckor"
    assert [line.at(i).y() for i in range(line.count())] == [
        float(row[staffed].replace(",", ".")) for row in rows
    ]
    assert "Välj Nästa vecka för att planera framåt." in page.note.text()


def test_the_staffing_table_changes_columns_and_stays_a_sound_model(
    qtbot, qtmodeltester, view, ui_ctx, ui_clock
):
    view.first.setDate(QDate(2026, 11, 30))
    view.last.setDate(QDate(2026, 12, 4))
    view.refresh()
    page = view.staffing
    qtmodeltester.check(page.model)  # hour by hour
    page.day.setCurrentIndex(page.day.findData(""))
    assert table_headers(view, "forecast")[0] == "Dag"
    qtmodeltester.check(page.model)  # day by day
    qtmodeltester.check(view.arrivals.model)
