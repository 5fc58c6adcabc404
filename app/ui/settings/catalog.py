"""Settings › Katalog: agencies with errand types, outcomes, referrals, languages, interpreters.

Entries are renamed, retired, restored and added here; the catalog file box
(:mod:`app.ui.settings.catalog_file`) exports and imports the whole catalog.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.setup.office_setup import CatalogItem, CatalogOverview
from app.ui.settings.catalog_file import CatalogFileBox, FileDialogs
from app.ui.settings.common import SettingsPage, SetupDialog, button, named
from app.ui.settings.models import RETIRED_COLOUR
from app.ui.shell.context import UiContext
from app.ui.shell.table_model import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

SECTIONS = (
    ("agency", QT_TRANSLATE_NOOP("CatalogPage", "Myndigheter och ärendetyper")),
    ("outcome", QT_TRANSLATE_NOOP("CatalogPage", "Utfall")),
    ("referral_target", QT_TRANSLATE_NOOP("CatalogPage", "Hänvisningar")),
    ("language", QT_TRANSLATE_NOOP("CatalogPage", "Språk")),
    ("interpreter_kind", QT_TRANSLATE_NOOP("CatalogPage", "Tolk")),
)
KIND_NAMES = {
    "agency": QT_TRANSLATE_NOOP("CatalogPage", "myndighet"),
    "errand_type": QT_TRANSLATE_NOOP("CatalogPage", "ärendetyp"),
    "outcome": QT_TRANSLATE_NOOP("CatalogPage", "utfall"),
    "referral_target": QT_TRANSLATE_NOOP("CatalogPage", "hänvisning"),
    "language": QT_TRANSLATE_NOOP("CatalogPage", "språk"),
    "interpreter_kind": QT_TRANSLATE_NOOP("CatalogPage", "tolkval"),
}
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1  # CatalogItem on entries
SECTION_ROLE = Qt.ItemDataRole.UserRole + 2  # kind on section headings


def _node_key(node: QTreeWidgetItem) -> object:
    """A tree row's lasting identity: its section's kind, or (kind, code, agency)."""
    entry = node.data(0, ENTRY_ROLE)
    if entry is None:
        return node.data(0, SECTION_ROLE)
    return (entry.kind, entry.code, entry.agency_code)


@dataclass(frozen=True)
class Target:
    """What "Ny post" adds: a kind, and the agency for an errand type."""

    kind: str
    agency_code: str | None = None
    agency_label: str = ""


class EntryDialog(SetupDialog):
    """A catalog entry's code (when new), Swedish and English names."""

    def __init__(self, title: str, item: CatalogItem | None, submit, parent: QWidget) -> None:
        super().__init__(title, "entry-dialog", lambda answer: submit(self, answer), parent)
        self.code = named(
            QLineEdit(self),
            "entry-code",
            self.tr("Kod"),
            self.tr("Koden är fast och syns i statistiken: A–Z, siffror, - _ ."),
        )
        self.code.setMaxLength(40)
        self.label = named(
            QLineEdit(self), "entry-label", self.tr("Namn"), self.tr("Namnet på skärmarna.")
        )
        self.label.setMaxLength(120)
        self.label_en = named(
            QLineEdit(self),
            "entry-label-en",
            self.tr("Engelskt namn"),
            self.tr("Namnet för den som har valt engelska."),
        )
        self.label_en.setMaxLength(120)
        if item is None:
            self.form.addRow(self.tr("&Kod:"), self.code)
            note = QLabel(self.tr("Koden är fast och syns i statistiken: A–Z, siffror, - _ ."))
            note.setStyleSheet("color: #4a525a;")
            self.form.addRow("", note)
        else:
            self.code.setText(item.code)
            self.code.hide()
            self.label.setText(item.label)
            self.label_en.setText(item.label_en or "")
        self.form.addRow(self.tr("&Namn:"), self.label)
        self.form.addRow(self.tr("&Engelskt namn:"), self.label_en)


class CatalogPage(SettingsPage):
    """The catalog tree, what can be done to an entry, and the catalog file."""

    imported = Signal()  # a catalog file was imported: the other sections should reload

    def __init__(
        self, ctx: UiContext, parent: QWidget | None = None, file_dialogs: FileDialogs | None = None
    ) -> None:
        super().__init__(ctx, parent)
        self._overview: CatalogOverview | None = None
        self._setup_ui(file_dialogs)
        self.reload()

    def _setup_ui(self, file_dialogs: FileDialogs | None) -> None:
        self.setObjectName("settings-catalog")
        self.tree = named(
            QTreeWidget(self),
            "catalog-tree",
            self.tr("Katalogen"),
            self.tr("Välj en post med piltangenterna; Enter byter namn på den."),
        )
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels([self.tr("Namn"), self.tr("Kod"), self.tr("Status")])
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.currentItemChanged.connect(self._on_current_changed)
        self.tree.itemActivated.connect(self._on_rename)

        self.detail = named(QLabel(self), "entry-detail", self.tr("Vald post"))
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        # A long name must not widen the panel; the full text is in the tree too.
        self.detail.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.rename_button = button(
            self, self.tr("&Byt namn…"), "rename-entry", None, self.tr("Ändrar postens namn.")
        )
        self.retire_button = button(
            self,
            self.tr("Ta &ur bruk"),
            "retire-entry",
            "danger",
            self.tr("Posten går inte längre att välja; statistiken finns kvar."),
        )
        self.restore_button = button(
            self, self.tr("Åter&ställ"), "restore-entry", None, self.tr("Tar posten i bruk igen.")
        )
        self.add_button = button(
            self,
            self.tr("&Ny post…"),
            "add-entry",
            None,
            self.tr("En ny post av samma slag som den valda."),
        )
        self.rename_button.clicked.connect(self._on_rename)
        self.retire_button.clicked.connect(lambda: self._on_set_active(False))
        self.restore_button.clicked.connect(lambda: self._on_set_active(True))
        self.add_button.clicked.connect(self._on_add)
        entry_box = QGroupBox(self.tr("Vald post"), self)
        entry_layout = QVBoxLayout(entry_box)
        entry_layout.addWidget(self.detail)
        entry_layout.addSpacing(6)
        for widget in (self.rename_button, self.retire_button, self.restore_button):
            entry_layout.addWidget(widget)
        entry_layout.addSpacing(8)
        entry_layout.addWidget(self.add_button)

        self.file_box = CatalogFileBox(self._ctx, self, file_dialogs)
        self.file_box.message.connect(self.message)
        self.file_box.imported.connect(self._on_imported)
        side = QVBoxLayout()
        side.setSpacing(16)
        side.addWidget(entry_box)
        side.addWidget(self.file_box)
        side.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.setSpacing(16)
        layout.addWidget(self.tree, 3)
        layout.addLayout(side, 2)

    # ---------------------------------------------------------------- the tree

    def reload(self) -> None:
        """Read the catalog again (off the GUI thread); the tree follows."""
        self.read("read the catalog", self._ctx.setup.catalog_overview, self._show_overview)

    def _show_overview(self, overview: CatalogOverview) -> None:
        """Rebuild the tree, only when the catalog changed."""
        if overview == self._overview:
            return
        current = self.selected()
        first = self._overview is None
        expanded = {_node_key(n) for n in self._nodes() if n.isExpanded()}
        self._overview = overview
        self.tree.clear()
        for kind, title in SECTIONS:
            section = QTreeWidgetItem(self.tree, [self.tr(title)])
            section.setData(0, SECTION_ROLE, kind)
            font = section.font(0)
            font.setBold(True)
            section.setFont(0, font)
            if kind == "agency":
                for agency in overview.agencies:
                    parent = self._add(section, agency.item)
                    for errand_type in agency.errand_types:
                        self._add(parent, errand_type)
            else:
                for item in getattr(overview, f"{kind}s"):
                    self._add(section, item)
        for node in self._nodes():
            node.setExpanded(_node_key(node) in expanded or (first and node.parent() is None))
        self._select(current)

    def _add(self, parent: QTreeWidgetItem, item: CatalogItem) -> QTreeWidgetItem:
        status = self.tr("I bruk") if item.active else self.tr("Ur bruk")
        node = QTreeWidgetItem(parent, [item.label, item.code, status])
        node.setData(0, ENTRY_ROLE, item)
        if not item.active:
            for column in range(3):
                node.setForeground(column, QBrush(RETIRED_COLOUR))
                font = node.font(column)
                font.setItalic(True)
                node.setFont(column, font)
        return node

    def _nodes(self) -> list[QTreeWidgetItem]:
        out: list[QTreeWidgetItem] = []
        stack = [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        while stack:
            node = stack.pop(0)
            out.append(node)
            stack[0:0] = [node.child(i) for i in range(node.childCount())]
        return out

    def _select(self, item: CatalogItem | None) -> None:
        if item is None or not self.select_entry(item.kind, item.code, item.agency_code):
            self.tree.setCurrentItem(self.tree.topLevelItem(0))

    def select_entry(self, kind: str, code: str, agency_code: str | None = None) -> bool:
        """Make an entry current, expanding its parents; whether it was found."""
        for node in self._nodes():
            if _node_key(node) == (kind, code, agency_code):
                parent = node.parent()
                while parent is not None:
                    parent.setExpanded(True)
                    parent = parent.parent()
                self.tree.setCurrentItem(node)
                return True
        return False

    def selected(self) -> CatalogItem | None:
        """The entry on the current row (None on a section heading)."""
        node = self.tree.currentItem()
        return node.data(0, ENTRY_ROLE) if node is not None else None

    def _target(self) -> Target:
        node = self.tree.currentItem()
        if node is None:
            return Target("agency")
        kind = node.data(0, SECTION_ROLE)
        if kind:
            return Target(kind)
        entry: CatalogItem = node.data(0, ENTRY_ROLE)
        if entry.kind == "agency":
            return Target("errand_type", entry.code, entry.label)
        if entry.kind == "errand_type":
            parent = node.parent().data(0, ENTRY_ROLE)
            return Target("errand_type", parent.code, parent.label)
        return Target(entry.kind)

    def _on_current_changed(self, *_args: object) -> None:
        entry = self.selected()
        self.rename_button.setEnabled(entry is not None)
        self.retire_button.setEnabled(entry is not None and entry.active)
        self.restore_button.setEnabled(entry is not None and not entry.active)
        target = self._target()
        what = self.tr(KIND_NAMES[target.kind])
        if target.agency_code:
            what = self.tr("{0} för {1}").format(what, target.agency_label)
        self.add_button.setText(self.tr("&Ny {0}…").format(what))
        self.add_button.setAccessibleName(self.tr("Ny {0}").format(what))
        if entry is None:
            self.detail.setText(self.tr("Välj en post i listan."))
            return
        lines = [
            self.tr("{0}: {1}").format(self.tr(KIND_NAMES[entry.kind]).capitalize(), entry.label),
            self.tr("Kod: {0}").format(entry.code),
            self.tr("Engelska: {0}").format(entry.label_en or "–"),
            self.tr("I bruk") if entry.active else self.tr("Ur bruk: visas inte för nya ärenden"),
        ]
        self.detail.setText("\n".join(lines))

    # ---------------------------------------------------------------- entry actions

    def _on_rename(self, *_args: object) -> None:
        entry = self.selected()
        if entry is None:
            return
        title = self.tr("Byt namn på {0}").format(entry.label)

        def submit(dialog: EntryDialog, answer: Callable[[str | None], None]) -> None:
            desk, label, label_en = self._ctx.setup, dialog.label.text(), dialog.label_en.text()
            self.run(
                lambda: desk.rename_catalog_entry(
                    entry.kind, entry.code, label, label_en, agency_code=entry.agency_code
                ),
                lambda item: self.tr("Namnet är ändrat till ”{0}”.").format(item.label),
                answer,
            )

        self._open_entry(EntryDialog(title, entry, submit, self))

    def _on_add(self) -> None:
        target = self._target()
        what = self.tr(KIND_NAMES[target.kind])
        if target.agency_code:
            what = self.tr("{0} för {1}").format(what, target.agency_label)
        title = self.tr("Ny {0}").format(what)

        def submit(dialog: EntryDialog, answer: Callable[[str | None], None]) -> None:
            desk, code = self._ctx.setup, dialog.code.text()
            label, label_en = dialog.label.text(), dialog.label_en.text()
            self.run(
                lambda: desk.add_catalog_entry(
                    target.kind, code, label, label_en, agency_code=target.agency_code
                ),
                self._added,
                answer,
            )

        self._open_entry(EntryDialog(title, None, submit, self))

    def _added(self, item: CatalogItem) -> str:
        self.select_entry(item.kind, item.code, item.agency_code)
        return self.tr("”{0}” är tillagd.").format(item.label)

    def _open_entry(self, dialog: EntryDialog) -> None:
        self._open(dialog, dialog.code if not dialog.code.isHidden() else dialog.label, self.tree)

    def _on_set_active(self, active: bool) -> None:
        entry = self.selected()
        if entry is None:
            return
        if active:
            done = self.tr("”{0}” är i bruk igen.")
        else:
            done = self.tr("”{0}” är tagen ur bruk och visas inte för nya ärenden.")
        self.attempt(
            lambda: self._ctx.setup.set_catalog_entry_active(
                entry.kind,
                entry.code,
                active,
                agency_code=entry.agency_code,
            ),
            lambda item: done.format(item.label),
        )

    def _on_imported(self) -> None:
        self.imported.emit()
        self.reload()
