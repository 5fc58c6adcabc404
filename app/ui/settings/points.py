"""Settings › Luckor: the service points with their work profiles and call order."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QWidget,
)

from app.services.setup.office_setup import PointSetup, QueueSetup
from app.services.setup.points import MAX_POINT, RESERVE_MAX, RESERVE_MIN
from app.ui.settings.common import (
    SettingsPage,
    SetupDialog,
    button,
    named,
    select_key,
    selected_key,
    table_view,
)
from app.ui.settings.models import PointTableModel
from app.ui.shell.context import UiContext
from app.ui.shell.fitting import WrappedLabel


class PointDialog(SetupDialog):
    """A service point's number, name, call order and the queues it serves, in order."""

    def __init__(
        self,
        title: str,
        queues: Sequence[tuple[str, str]],
        point: PointSetup | None,
        submit: Callable[[PointDialog, Callable[[str | None], None]], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title, "point-dialog", lambda answer: submit(self, answer), parent)
        self.number = named(QSpinBox(self), "point-number", self.tr("Nummer"))
        self.number.setRange(1, MAX_POINT)
        self.number.setMaximumWidth(90)
        self.name = named(QLineEdit(self), "point-name", self.tr("Namn"))
        self.name.setMaxLength(60)
        self.call_order = named(QComboBox(self), "point-call-order", self.tr("Ordning"))
        for code, text in PointTableModel.CALL_ORDERS.items():
            self.call_order.addItem(QCoreApplication.translate("PointTableModel", text), code)
        self.queues = named(QListWidget(self), "point-queues", self.tr("Köer luckan betjänar"))
        self.queues.setMinimumHeight(150)
        self.queues.itemChanged.connect(self._on_item_changed)
        self.up = button(self, self.tr("Upp"), "point-queue-up")
        self.down = button(self, self.tr("Ned"), "point-queue-down")
        self.up.setToolTip(self.tr("Flytta kön uppåt (Ctrl+Upp)"))
        self.down.setToolTip(self.tr("Flytta kön nedåt (Ctrl+Ned)"))
        self.up.setShortcut("Ctrl+Up")
        self.down.setShortcut("Ctrl+Down")
        self.up.clicked.connect(lambda: self._on_move(-1))
        self.down.clicked.connect(lambda: self._on_move(1))
        self.reserved = named(
            QCheckBox(self.tr("&Reserverad för bokade besök"), self),
            "point-reserved",
            self.tr("Reserverad för bokade besök"),
        )
        self.reserve = named(QSpinBox(self), "point-reserve-minutes", self.tr("Håll ledig"))
        self.reserve.setRange(RESERVE_MIN, RESERVE_MAX)
        self.reserve.setSingleStep(5)
        self.reserve.setValue(15)
        self.reserve.setSuffix(self.tr(" min före en bokning"))
        self.reserve.setAccessibleDescription(
            self.tr(
                "Luckan ropar först de incheckade bokningarna och tar drop-in bara när nästa "
                "bokning är längre bort än så."
            )
        )
        self.reserve.setMaximumWidth(260)
        self.reserved.toggled.connect(self.reserve.setEnabled)
        self.reserved.setAccessibleDescription(
            self.tr("Luckan hålls för bokade besök och tar drop-in bara i luckorna mellan dem.")
        )
        self.number.setAccessibleDescription(self.tr("Numret som visas i väntrummet."))
        self.name.setAccessibleDescription(self.tr("Namnet på skärmarna, till exempel Lucka 3."))
        self.call_order.setAccessibleDescription(
            self.tr("Om luckan tar den som väntat längst, eller köerna i tur och ordning.")
        )
        self.queues.setAccessibleDescription(
            self.tr("Bocka för köerna luckan ropar upp från; ordningen med Upp och Ned.")
        )
        self.hint = named(WrappedLabel(self), "point-profile-hint", self.tr("Arbetsprofil"))
        self.hint.setStyleSheet("color: #4a525a;")

        profile = list(point.profile) if point else []
        ordered = [q for q in profile if q in dict(queues)]
        ordered += [letter for letter, _ in queues if letter not in ordered]
        labels = dict(queues)
        for letter in ordered:
            item = QListWidgetItem(f"{letter}  {labels[letter]}", self.queues)
            item.setData(Qt.ItemDataRole.UserRole, letter)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            on = letter in profile
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        if self.queues.count():
            self.queues.setCurrentRow(0)
        if point:
            self.number.setValue(point.number)
            self.name.setText(point.name)
            self.call_order.setCurrentIndex(max(0, self.call_order.findData(point.call_order)))
            if point.reserve_minutes is not None:
                self.reserve.setValue(point.reserve_minutes)
        self.reserved.setChecked(point is not None and point.reserve_minutes is not None)
        self.reserve.setEnabled(self.reserved.isChecked())

        self.form.addRow(self.tr("&Nummer:"), self.number)
        self.form.addRow(self.tr("N&amn:"), self.name)
        self.form.addRow(self.tr("&Ordning:"), self.call_order)
        box = QGridLayout()
        box.addWidget(self.queues, 0, 0, 3, 1)
        box.addWidget(self.up, 0, 1)
        box.addWidget(self.down, 1, 1)
        queues_label = QLabel(self.tr("&Köer:"), self)
        queues_label.setBuddy(self.queues)
        self.form.addRow(queues_label, box)
        self.form.addRow("", self.hint)
        self.form.addRow(self.tr("Bokade besök:"), self.reserved)
        reserve_label = QLabel(self.tr("&Håll ledig:"), self)
        reserve_label.setBuddy(self.reserve)
        self.form.addRow(reserve_label, self.reserve)
        self._on_item_changed()

    def reserve_minutes(self) -> int:
        """The minutes the point keeps free before a booking; 0: not reserved."""
        return self.reserve.value() if self.reserved.isChecked() else 0

    def profile(self) -> list[str]:
        """The checked queues' letters, in list order (empty: every queue)."""
        items = (self.queues.item(i) for i in range(self.queues.count()))
        return [
            i.data(Qt.ItemDataRole.UserRole)
            for i in items
            if i.checkState() == Qt.CheckState.Checked
        ]

    def _on_item_changed(self, *_args: object) -> None:
        chosen = self.profile()
        if chosen:
            text = self.tr("Luckan betjänar bara {0}, i den ordningen.").format(", ".join(chosen))
        else:
            text = self.tr("Ingen kö vald: luckan betjänar alla köer.")
        self.hint.setText(text)

    def _on_move(self, step: int) -> None:
        row = self.queues.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.queues.count():
            return
        item = self.queues.takeItem(row)
        self.queues.insertItem(target, item)
        self.queues.setCurrentRow(target)
        self._on_item_changed()


class PointsPage(SettingsPage):
    """The service points table and what can be done to a point."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._queue_choices: list[tuple[str, str]] = []  # the queues in use, as last read
        self._setup_ui()
        self.reload()

    def _setup_ui(self) -> None:
        self.setObjectName("settings-points")
        self.model = PointTableModel(self)
        self._list_layout(
            table_view(self, self.model, "points-table", self.tr("Luckor")),
            "point",
            self.tr("&Ny lucka…"),
            self.tr(
                "En luckas arbetsprofil är de köer den ropar upp från. Utan vald kö "
                "betjänar luckan alla köer."
            ),
        )

    def reload(self) -> None:
        """Read the service points (and the queues they may serve) again, keeping the selection."""
        setup = self._ctx.setup
        self.read(
            "read the service points",
            lambda: (setup.list_point_setup(), setup.list_queue_setup()),
            self._show_read,
        )

    def _show_read(self, read: tuple[list[PointSetup], list[QueueSetup]]) -> None:
        points, queues = read
        self._queue_choices = [(q.letter, q.label) for q in queues if q.active]
        key = selected_key(self.table)
        if self.model.set_rows(points) or key is None:
            select_key(self.table, key)
        self._on_selection()

    def selected(self) -> PointSetup | None:
        """The service point on the selected row."""
        return super().selected()

    def _queues(self) -> list[tuple[str, str]]:
        return list(self._queue_choices)

    def _on_add(self) -> None:
        dialog = PointDialog(self.tr("Ny lucka"), self._queues(), None, self._submit_new, self)
        taken = {p.number for p in self.model.rows()}
        dialog.number.setValue(next(n for n in range(1, 100) if n not in taken) if taken else 1)
        dialog.name.setText(self.tr("Lucka {0}").format(dialog.number.value()))
        self._open(dialog, dialog.name)

    def _submit_new(self, dialog: PointDialog, answer: Callable[[str | None], None]) -> None:
        desk, number, name = self._ctx.setup, dialog.number.value(), dialog.name.text()
        order, profile = dialog.call_order.currentData(), dialog.profile()
        reserve = dialog.reserve_minutes()
        self.run(
            lambda: desk.add_service_point(
                number, name, call_order=order, profile=profile, reserve_minutes=reserve
            ),
            self._added,
            answer,
        )

    def _added(self, point: PointSetup) -> str:
        select_key(self.table, point.number)
        return self.tr("{0} är tillagd.").format(point.name)

    def _on_edit(self, *_args: object) -> None:
        point = self.selected()
        if point is None:
            return
        title = self.tr("Ändra {0}").format(point.name)
        dialog = PointDialog(title, self._queues(), point, self._submit_edit(point), self)
        self._open(dialog, dialog.name)

    def _submit_edit(
        self, point: PointSetup
    ) -> Callable[[PointDialog, Callable[[str | None], None]], None]:
        def submit(dialog: PointDialog, answer: Callable[[str | None], None]) -> None:
            desk, number, name = self._ctx.setup, dialog.number.value(), dialog.name.text()
            order, profile = dialog.call_order.currentData(), dialog.profile()
            reserve = dialog.reserve_minutes()
            self.run(
                lambda: desk.update_service_point(
                    point.number,
                    new_number=number,
                    name=name,
                    call_order=order,
                    profile=profile,
                    reserve_minutes=reserve,
                ),
                self._changed,
                answer,
            )

        return submit

    def _changed(self, point: PointSetup) -> str:
        select_key(self.table, point.number)
        return self.tr("{0} är ändrad.").format(point.name)

    def _on_retire(self) -> None:
        point = self.selected()
        if point is None:
            return
        self.attempt(
            lambda: self._ctx.setup.set_service_point_active(point.number, False),
            lambda p: self.tr("{0} är tagen ur bruk.").format(p.name),
        )

    def _on_restore(self) -> None:
        point = self.selected()
        if point is None:
            return
        self.attempt(
            lambda: self._ctx.setup.set_service_point_active(point.number, True),
            lambda p: self.tr("{0} är i bruk igen.").format(p.name),
        )
