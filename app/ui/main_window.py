"""The main window: the role views in tabs, the status bar, the display menu."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QComboBox, QLabel, QMainWindow, QTabWidget, QWidget

from app.services.queue_views import QueueSnapshot
from app.ui.context import UiContext

ROLES = (("reception", "Reception"), ("caseworker", "Handläggare"), ("manager", "Kontorschef"))


class MainWindow(QMainWindow):
    """Reception, service point, statistics and settings, for the chosen role."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._display: QWidget | None = None
        self._setup_ui()
        ctx.watcher.failed.connect(self._on_watcher_failed)
        ctx.watcher.changed.connect(self._on_snapshot)

    def _setup_ui(self) -> None:
        from app.ui.reception import ReceptionView
        from app.ui.service_point import ServicePointView
        from app.ui.settings_view import SettingsView
        from app.ui.statistics_view import StatisticsView

        self.setObjectName("main-window")
        self.setWindowTitle(self.tr("Servicedisk – {0}").format(self._ctx.office_name))
        self.resize(1280, 800)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("main-tabs")
        self.tabs.setAccessibleName(self.tr("Vyer"))
        self.reception = ReceptionView(self._ctx, self)
        self.service_point = ServicePointView(self._ctx, self)
        self.statistics = StatisticsView(self._ctx, self)
        self.settings_view = SettingsView(self._ctx, self)
        self.tabs.addTab(self.reception, self.tr("&Reception"))
        self.tabs.addTab(self.service_point, self.tr("&Lucka"))
        self.tabs.addTab(self.statistics, self.tr("S&tatistik"))
        self.tabs.addTab(self.settings_view, self.tr("&Inställningar"))
        self.setCentralWidget(self.tabs)

        view_menu = self.menuBar().addMenu(self.tr("&Visa"))
        self.display_action = QAction(self.tr("Väntrumsskärm"), self)
        self.display_action.setObjectName("open-display")
        self.display_action.setShortcut(QKeySequence("Ctrl+D"))
        self.display_action.triggered.connect(self._on_open_display)
        view_menu.addAction(self.display_action)

        bar = self.statusBar()
        self.office_label = QLabel(self._ctx.office_name)
        self.office_label.setObjectName("status-office")
        self.role_picker = QComboBox()
        self.role_picker.setObjectName("role-picker")
        self.role_picker.setAccessibleName(self.tr("Roll"))
        for code, label in ROLES:
            self.role_picker.addItem(self.tr(label), code)
        self.role_picker.currentIndexChanged.connect(self._on_role_changed)
        self.store_label = QLabel(self._store_location())
        self.store_label.setObjectName("status-store")
        self.message_label = QLabel("")
        self.message_label.setObjectName("status-message")
        self.sync_label = QLabel(self.tr("Synk: inte inställd"))
        self.sync_label.setObjectName("status-sync")
        bar.addWidget(self.office_label)
        bar.addWidget(QLabel(self.tr("Roll:")))
        bar.addWidget(self.role_picker)
        bar.addWidget(self.message_label, 1)
        bar.addPermanentWidget(self.sync_label)
        bar.addPermanentWidget(self.store_label)
        saved = self._ctx.prefs.get_str("ui/role", "reception")
        index = max(0, self.role_picker.findData(saved))
        self.role_picker.setCurrentIndex(index)
        self._on_role_changed(index)

    def _store_location(self) -> str:
        path = self._ctx.settings.sqlite_path
        return self.tr("Databas: {0}").format(path if path else self._ctx.settings.database_url)

    def _on_role_changed(self, index: int) -> None:
        role = self.role_picker.itemData(index) or "reception"
        self._ctx.role = role
        self._ctx.prefs.set("ui/role", role)
        manager = role == "manager"
        self.tabs.setTabVisible(self.tabs.indexOf(self.statistics), manager)
        self.tabs.setTabVisible(self.tabs.indexOf(self.settings_view), manager)
        start = self.service_point if role == "caseworker" else self.reception
        self.tabs.setCurrentWidget(start)

    def _on_open_display(self) -> None:
        from app.ui.display import DisplayWindow

        if self._display is None:
            self._display = DisplayWindow(self._ctx)
        self._display.show()
        self._display.raise_()

    def _on_snapshot(self, snapshot: QueueSnapshot) -> None:
        self.message_label.setText("")
        if snapshot.office_name != self._ctx.office_name:  # renamed in Settings
            self._ctx.office_name = snapshot.office_name
            self.office_label.setText(snapshot.office_name)
            self.setWindowTitle(self.tr("Servicedisk – {0}").format(snapshot.office_name))

    def _on_watcher_failed(self, message: str) -> None:
        self.message_label.setText(message)
