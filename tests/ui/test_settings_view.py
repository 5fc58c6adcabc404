"""The settings screen: office, queues, service points and catalog, driven like a manager would."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QTableView,
    QTabWidget,
    QTimeEdit,
    QTreeWidget,
)

from app.services.catalog import transfer as catalog
from app.services.office.info import get_office, list_queues, list_service_points
from app.services.queue import calling as queue
from app.services.queue.views import office_revision
from app.services.setup import office_setup as setup
from app.ui.settings.models import PointTableModel, QueueTableModel
from app.ui.settings.view import SettingsView


class FakeFileDialogs:
    """Answers the file dialogs at once with the paths the test set."""

    def __init__(self) -> None:
        self.save_to: str | None = None
        self.open_from: str | None = None
        self.suggested: str | None = None

    def save_path(self, parent, title, suggested):
        self.suggested = suggested
        return self.save_to

    def open_path(self, parent, title, folder):
        return self.open_from


@pytest.fixture
def dialogs() -> FakeFileDialogs:
    return FakeFileDialogs()


@pytest.fixture
def view(qtbot, ui_ctx, dialogs):
    widget = SettingsView(ui_ctx, file_dialogs=dialogs)
    qtbot.addWidget(widget)
    widget.resize(1280, 760)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def child(parent, kind, name):
    found = parent.findChild(kind, name)
    assert found is not None, f"no {kind.__name__} named {name!r}"
    return found


def click(qtbot, parent, name):
    widget = child(parent, QPushButton, name)
    assert widget.isEnabled(), f"{name} is disabled"
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def message(view) -> str:
    label = child(view, QLabel, "settings-message")
    assert label.isVisible()
    return label.text()


def is_error(view) -> bool:
    return child(view, QLabel, "settings-message").property("role") == "error"


def open_section(view, title: str) -> None:
    tabs = child(view, QTabWidget, "settings-sections")
    index = next(i for i in range(tabs.count()) if tabs.tabText(i).replace("&", "") == title)
    tabs.setCurrentIndex(index)


def select_row(table: QTableView, text: str, column: int = 0) -> None:
    model = table.model()
    row = next(r for r in range(model.rowCount()) if model.index(r, column).data() == text)
    table.selectRow(row)


def row_texts(table: QTableView, column: int) -> list[str]:
    model = table.model()
    return [model.index(r, column).data() for r in range(model.rowCount())]


def type_text(qtbot, edit: QLineEdit, text: str) -> None:
    """Type like a user; QTest cannot type å, ä, ö: those are inserted as an input method does."""
    for char in text:
        if char.isascii():
            qtbot.keyClicks(edit, char)
        else:
            edit.insert(char)


def set_text(qtbot, edit: QLineEdit, text: str) -> None:
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    type_text(qtbot, edit, text)


def tree_node(tree: QTreeWidget, *path: str):
    """The tree row found by following labels from a section heading down."""
    items = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    node = None
    for label in path:
        node = next(i for i in items if i.text(0) == label)
        items = [node.child(i) for i in range(node.childCount())]
    return node


# ---------------------------------------------------------------- Kontoret


def test_change_office_name_and_opening_hours_and_save(qtbot, view, ui_ctx):
    open_section(view, "Kontoret")
    set_text(qtbot, child(view, QLineEdit, "office-name"), "Servicekontoret Nystad")
    child(view, QTimeEdit, "hours-mon-open").setTime(QTime(9, 0))
    qtbot.mouseClick(child(view, QCheckBox, "hours-fri-closed"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(child(view, QCheckBox, "hours-tue-pause"), Qt.MouseButton.LeftButton)
    child(view, QTimeEdit, "hours-tue-pause-start").setTime(QTime(12, 0))
    child(view, QTimeEdit, "hours-tue-pause-end").setTime(QTime(13, 0))
    child(view, QSpinBox, "retention-days").setValue(120)
    click(qtbot, view, "save-office")

    office = get_office(ui_ctx.store)
    assert office.name == "Servicekontoret Nystad"
    assert office.opening_hours["mon"] == [["09:00", "16:00"]]
    assert office.opening_hours["tue"] == [["10:00", "12:00"], ["13:00", "16:00"]]
    assert office.opening_hours["fri"] == []
    assert office.opening_hours["thu"] == [["10:00", "18:00"]]
    assert office.retention_days == 120
    assert message(view) == "Kontorets inställningar är sparade."
    assert not is_error(view)
    assert not child(view, QTimeEdit, "hours-fri-open").isEnabled()


def test_refused_office_save_keeps_what_was_typed(qtbot, view, ui_ctx):
    before = get_office(ui_ctx.store)
    set_text(qtbot, child(view, QLineEdit, "office-name"), "Nytt namn")
    child(view, QTimeEdit, "hours-wed-close").setTime(QTime(9, 0))
    click(qtbot, view, "save-office")

    assert is_error(view)
    assert "onsdag: 10:00–09:00 slutar innan det börjar" in message(view)
    assert get_office(ui_ctx.store) == before
    assert child(view, QLineEdit, "office-name").text() == "Nytt namn"
    assert child(view, QTimeEdit, "hours-wed-close").time() == QTime(9, 0)
    ui_ctx.watcher.refresh()  # another window's change must not wipe the form either
    assert child(view, QLineEdit, "office-name").text() == "Nytt namn"

    click(qtbot, view, "revert-office")
    assert child(view, QLineEdit, "office-name").text() == before.name
    click(qtbot, view, "save-office")
    assert message(view) == "Inget att spara: inget är ändrat."


# ---------------------------------------------------------------- Köer


def test_add_queue_e(qtbot, view, ui_ctx):
    open_section(view, "Köer")
    click(qtbot, view, "add-queue")
    dialog = child(view, QDialog, "queue-dialog")
    assert dialog.isVisible()
    qtbot.keyClicks(child(dialog, QLineEdit, "queue-letter"), "e")
    qtbot.keyClicks(child(dialog, QLineEdit, "queue-label"), "Migrationsverket")
    agencies = child(dialog, QListWidget, "queue-agencies")
    common = next(
        agencies.item(i)
        for i in range(agencies.count())
        if agencies.item(i).text().startswith("Gem")
    )
    common.setCheckState(Qt.CheckState.Checked)
    click(qtbot, dialog, "queue-dialog-save")

    assert not dialog.isVisible()
    added = next(q for q in list_queues(ui_ctx.store) if q.letter == "E")
    assert (added.label, added.agency_codes) == ("Migrationsverket", ("GEMENSAMT",))
    table = child(view, QTableView, "queues-table")
    assert "E" in row_texts(table, QueueTableModel.LETTER)
    assert message(view) == "Kö E (Migrationsverket) är tillagd."
    assert view.queues_page.selected().letter == "E"


def test_refused_new_queue_keeps_the_dialog_and_its_input(qtbot, view, ui_ctx):
    click(qtbot, view, "add-queue")
    dialog = child(view, QDialog, "queue-dialog")
    qtbot.keyClicks(child(dialog, QLineEdit, "queue-letter"), "B")
    qtbot.keyClicks(child(dialog, QLineEdit, "queue-label"), "Skatt igen")
    click(qtbot, dialog, "queue-dialog-save")

    assert dialog.isVisible()
    error = child(dialog, QLabel, "queue-dialog-error")
    assert "Bokstaven B används redan av kön Skatteverket" in error.text()
    assert child(dialog, QLineEdit, "queue-label").text() == "Skatt igen"
    assert [q.letter for q in list_queues(ui_ctx.store)] == ["A", "B", "C", "D"]
    set_text(qtbot, child(dialog, QLineEdit, "queue-letter"), "F")
    click(qtbot, dialog, "queue-dialog-save")
    assert not dialog.isVisible()
    assert "F" in [q.letter for q in list_queues(ui_ctx.store)]


def test_edit_a_queue_from_the_keyboard(qtbot, view, ui_ctx):
    open_section(view, "Köer")
    table = child(view, QTableView, "queues-table")
    select_row(table, "C")
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Return)
    dialog = child(view, QDialog, "queue-dialog")
    assert dialog.isVisible()
    set_text(qtbot, child(dialog, QLineEdit, "queue-label"), "Arbete och studier")
    qtbot.keyClick(child(dialog, QLineEdit, "queue-label"), Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert next(q for q in list_queues(ui_ctx.store) if q.letter == "C").label == (
        "Arbete och studier"
    )


def test_retire_a_queue_with_nobody_waiting_and_restore_it(qtbot, view, ui_ctx):
    open_section(view, "Köer")
    table = child(view, QTableView, "queues-table")
    select_row(table, "C")
    click(qtbot, view, "retire-queue")

    assert "C" not in [q.letter for q in list_queues(ui_ctx.store)]
    assert message(view).startswith("Kö C är tagen ur bruk.")
    retired = row_texts(table, QueueTableModel.STATUS)[row_texts(table, 0).index("C")]
    assert retired == "Ur bruk"
    assert not child(view, QPushButton, "retire-queue").isEnabled()
    click(qtbot, view, "restore-queue")
    assert "C" in [q.letter for q in list_queues(ui_ctx.store)]
    assert message(view) == "Kö C är i bruk igen."


def test_refuse_retiring_a_queue_with_a_waiting_ticket(qtbot, view, ui_ctx):
    queue.issue_ticket(ui_ctx.desk, "B")
    open_section(view, "Köer")
    select_row(child(view, QTableView, "queues-table"), "B")
    click(qtbot, view, "retire-queue")

    assert is_error(view)
    assert message(view).startswith("Kö B har 1 besökare som väntar eller betjänas i dag.")
    assert "B" in [q.letter for q in list_queues(ui_ctx.store)]


# ---------------------------------------------------------------- Luckor


def test_edit_point_2_to_serve_only_b(qtbot, view, ui_ctx):
    open_section(view, "Luckor")
    table = child(view, QTableView, "points-table")
    select_row(table, "2")
    click(qtbot, view, "edit-point")
    dialog = child(view, QDialog, "point-dialog")
    queues = child(dialog, QListWidget, "point-queues")
    for i in range(queues.count()):
        item = queues.item(i)
        wanted = item.data(Qt.ItemDataRole.UserRole) == "B"
        item.setCheckState(Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)
    assert "bara B" in child(dialog, QLabel, "point-profile-hint").text()
    click(qtbot, dialog, "point-dialog-save")

    point = next(p for p in list_service_points(ui_ctx.store) if p.number == 2)
    assert point.queue_letters == ("B",)
    assert row_texts(table, PointTableModel.QUEUES)[1] == "B"
    assert message(view) == "Lucka 2 är ändrad."


def test_point_profile_order_and_call_order(qtbot, view, ui_ctx):
    select_row(child(view, QTableView, "points-table"), "3")
    click(qtbot, view, "edit-point")
    dialog = child(view, QDialog, "point-dialog")
    queues = child(dialog, QListWidget, "point-queues")
    for i in range(queues.count()):
        if queues.item(i).data(Qt.ItemDataRole.UserRole) in ("A", "D"):
            queues.item(i).setCheckState(Qt.CheckState.Checked)
    queues.setCurrentRow(3)  # D
    for _ in range(3):
        click(qtbot, dialog, "point-queue-up")
    order = dialog.findChild(type(dialog.call_order), "point-call-order")
    order.setCurrentIndex(order.findData("queue_order"))
    click(qtbot, dialog, "point-dialog-save")

    point = next(p for p in list_service_points(ui_ctx.store) if p.number == 3)
    assert (point.queue_letters, point.call_order) == (("D", "A"), "queue_order")


def test_a_point_reserved_for_bookings_is_set_shown_and_ended(qtbot, view, ui_ctx):
    from PySide6.QtWidgets import QCheckBox, QSpinBox

    from app.services.setup.points import list_point_setup

    table = child(view, QTableView, "points-table")
    select_row(table, "4")
    click(qtbot, view, "edit-point")
    dialog = child(view, QDialog, "point-dialog")
    minutes = child(dialog, QSpinBox, "point-reserve-minutes")
    assert not minutes.isEnabled()  # not reserved: nothing to keep free
    child(dialog, QCheckBox, "point-reserved").setChecked(True)
    assert minutes.isEnabled()
    minutes.setValue(20)
    click(qtbot, dialog, "point-dialog-save")
    four = next(p for p in list_point_setup(ui_ctx.store) if p.number == 4)
    assert four.reserve_minutes == 20
    assert row_texts(table, PointTableModel.CALL_ORDER)[3].endswith("reserverad för bokade besök")

    select_row(table, "4")
    click(qtbot, view, "edit-point")
    dialog = child(view, QDialog, "point-dialog")
    assert child(dialog, QSpinBox, "point-reserve-minutes").value() == 20
    child(dialog, QCheckBox, "point-reserved").setChecked(False)
    click(qtbot, dialog, "point-dialog-save")
    four = next(p for p in list_point_setup(ui_ctx.store) if p.number == 4)
    assert four.reserve_minutes is None


def test_add_point_with_a_taken_number_is_refused_in_the_dialog(qtbot, view, ui_ctx):
    click(qtbot, view, "add-point")
    dialog = child(view, QDialog, "point-dialog")
    assert child(dialog, QSpinBox, "point-number").value() == 7
    child(dialog, QSpinBox, "point-number").setValue(4)
    click(qtbot, dialog, "point-dialog-save")
    assert "Nummer 4 har redan Lucka 4" in child(dialog, QLabel, "point-dialog-error").text()
    child(dialog, QSpinBox, "point-number").setValue(7)
    click(qtbot, dialog, "point-dialog-save")
    assert [p.number for p in list_service_points(ui_ctx.store)][-1] == 7


# ---------------------------------------------------------------- Katalog


def active_errand_types(store, agency: str) -> list[str]:
    with store.read() as session:
        doc = catalog.export_catalog(session)
    return [t["code"] for a in doc["agencies"] if a["code"] == agency for t in a["errand_types"]]


def test_retire_an_errand_type_in_the_catalog_tree(qtbot, view, ui_ctx):
    open_section(view, "Katalog")
    tree = child(view, QTreeWidget, "catalog-tree")
    node = tree_node(
        tree, "Myndigheter och ärendetyper", "Försäkringskassan", "Tillfällig föräldrapenning (VAB)"
    )
    tree.setCurrentItem(node)
    click(qtbot, view, "retire-entry")

    assert "vab" not in active_errand_types(ui_ctx.store, "FK")
    assert message(view).endswith("är tagen ur bruk och visas inte för nya ärenden.")
    node = tree_node(
        tree, "Myndigheter och ärendetyper", "Försäkringskassan", "Tillfällig föräldrapenning (VAB)"
    )
    assert node.text(2) == "Ur bruk" and tree.currentItem() is node
    assert node.parent().isExpanded()
    click(qtbot, view, "restore-entry")
    assert "vab" in active_errand_types(ui_ctx.store, "FK")


def test_rename_an_outcome(qtbot, view, ui_ctx):
    tree = child(view, QTreeWidget, "catalog-tree")
    tree.setCurrentItem(tree_node(tree, "Utfall", "Löst på plats"))
    click(qtbot, view, "rename-entry")
    dialog = child(view, QDialog, "entry-dialog")
    set_text(qtbot, child(dialog, QLineEdit, "entry-label"), "")
    click(qtbot, dialog, "entry-dialog-save")
    assert "Fyll i namnet" in child(dialog, QLabel, "entry-dialog-error").text()
    set_text(qtbot, child(dialog, QLineEdit, "entry-label"), "Klart på plats")
    click(qtbot, dialog, "entry-dialog-save")
    outcome = setup.catalog_overview(ui_ctx.store).outcomes[0]
    assert (outcome.label, outcome.label_en) == ("Klart på plats", "Resolved here")
    assert tree_node(tree, "Utfall", "Klart på plats") is tree.currentItem()


def test_add_an_errand_type_under_the_selected_agency(qtbot, view, ui_ctx):
    tree = child(view, QTreeWidget, "catalog-tree")
    tree.setCurrentItem(tree_node(tree, "Myndigheter och ärendetyper", "Skatteverket"))
    add = child(view, QPushButton, "add-entry")
    assert add.text().replace("&", "") == "Ny ärendetyp för Skatteverket…"
    click(qtbot, view, "add-entry")
    dialog = child(view, QDialog, "entry-dialog")
    qtbot.keyClicks(child(dialog, QLineEdit, "entry-code"), "kupong")
    type_text(qtbot, child(dialog, QLineEdit, "entry-label"), "Kupong för kvarskatt")
    click(qtbot, dialog, "entry-dialog-save")
    assert active_errand_types(ui_ctx.store, "SKV")[-1] == "kupong"


def test_export_then_import_the_same_file_changes_nothing(qtbot, view, ui_ctx, dialogs, tmp_path):
    open_section(view, "Katalog")
    dialogs.save_to = str(tmp_path / "katalog")
    click(qtbot, view, "export-catalog")
    exported = tmp_path / "katalog.json"
    assert exported.exists()
    assert dialogs.suggested.endswith("katalog-exempelstad-2026-11-25.json")
    assert message(view) == f"Katalogen är exporterad till {exported}."

    revision = office_revision(ui_ctx.store)
    dialogs.open_from = str(exported)
    click(qtbot, view, "import-catalog")
    assert message(view) == (
        "Katalogen är importerad. Inget ändrades: filen stämmer med katalogen."
    )
    assert office_revision(ui_ctx.store) == revision


def test_import_changes_show_in_every_section(qtbot, view, ui_ctx, dialogs, tmp_path):
    path = setup.export_catalog_file(ui_ctx.desk, tmp_path / "k.json")
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["queues"].append({"code": "mig", "letter": "E", "label": "Migrationsverket"})
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    dialogs.open_from = str(path)
    click(qtbot, view, "import-catalog")
    assert message(view) == "Katalogen är importerad: 1 nya, 0 ändrade, 0 tagna ur bruk."
    assert "E" in row_texts(child(view, QTableView, "queues-table"), 0)


def test_import_of_a_broken_file_names_the_entry(qtbot, view, ui_ctx, dialogs, tmp_path):
    path = setup.export_catalog_file(ui_ctx.desk, tmp_path / "k.json")
    doc = json.loads(path.read_text(encoding="utf-8"))
    del doc["agencies"][2]["errand_types"][1]["code"]
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    before = (office_revision(ui_ctx.store), setup.catalog_overview(ui_ctx.store))
    dialogs.open_from = str(path)
    click(qtbot, view, "import-catalog")

    assert is_error(view)
    assert message(view) == "Katalogen importerades inte: agencies[2].errand_types[1]: code saknas"
    assert (office_revision(ui_ctx.store), setup.catalog_overview(ui_ctx.store)) == before
    assert child(view, QPushButton, "import-catalog").isEnabled()


def test_cancelled_file_dialog_does_nothing(qtbot, view, ui_ctx, dialogs):
    click(qtbot, view, "import-catalog")
    click(qtbot, view, "export-catalog")
    assert not child(view, QLabel, "settings-message").isVisible()


# ---------------------------------------------------------------- the whole screen


def test_changes_from_elsewhere_show_when_the_revision_moves(qtbot, view, ui_ctx):
    setup.add_queue(ui_ctx.desk, "E", "Migrationsverket")
    setup.update_service_point(ui_ctx.desk, 1, profile=["A"])
    ui_ctx.watcher.poll()
    assert "E" in row_texts(child(view, QTableView, "queues-table"), 0)
    assert row_texts(child(view, QTableView, "points-table"), PointTableModel.QUEUES)[0] == "A"


def test_every_control_has_an_accessible_name(view):
    for kind in (QPushButton, QLineEdit, QSpinBox, QTimeEdit, QCheckBox, QTableView, QTreeWidget):
        for widget in view.findChildren(kind):
            if widget.objectName() and not widget.objectName().startswith("qt_"):
                assert widget.accessibleName(), widget.objectName()


def test_models_pass_the_model_tester(qtmodeltester, view, ui_ctx):
    setup.set_queue_active(ui_ctx.desk, "af", False)
    view.reload()
    qtmodeltester.check(view.queues_page.model)
    qtmodeltester.check(view.points_page.model)
    qtmodeltester.check(child(view, QTableView, "queues-table").model())
    qtmodeltester.check(child(view, QTableView, "points-table").model())
