"""The main window: the role views in tabs, the status bar, the display menu."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.services.access.actor import NOBODY, Actor
from app.services.queue.views import QueueSnapshot
from app.ui.shell.access import describe
from app.ui.shell.context import UiContext
from app.ui.shell.fitting import ScreenScroll, size_by_current_page
from app.ui.shell.focus_ring import FocusRing
from app.ui.shell.gate import Gate
from app.ui.shell.idle import IdleWatch
from app.ui.shell.language_menu import LanguageMenu
from app.ui.shell.notice_bar import NoticeBar
from app.ui.shell.style import ElidedLabel
from app.ui.shell.words import role_word

if TYPE_CHECKING:
    from app.ui.reception.screen import ReceptionView
    from app.ui.service_point.screen import ServicePointView
    from app.ui.settings.view import SettingsView
    from app.ui.statistics.view import StatisticsView

# The tabs, in order. Each screen is built the first time it is shown (or asked for):
# start-up builds only the one the role starts on.
RECEPTION_TAB, SERVICE_POINT_TAB, STATISTICS_TAB, SETTINGS_TAB = range(4)


# The idle lock when the office's own setting cannot be read.
DEFAULT_IDLE_MINUTES = 5


class MainWindow(QMainWindow):
    """Reception, service point, statistics and settings, for the signed-in person's role.

    A window whose context has no role yet starts at the gate (sign-in, or the
    first-run wizard); one made with a role (a test's) starts on its screens.
    """

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._display: QWidget | None = None
        self._views: dict[int, QWidget] = {}
        self._setup_ui()
        ctx.watcher.failed.connect(self._on_watcher_failed)
        ctx.watcher.recovered.connect(lambda: self.message_label.setText(""))
        ctx.watcher.changed.connect(self._on_snapshot)

    def _setup_ui(self) -> None:
        self.setObjectName("main-window")
        self.setWindowTitle(self.tr("Servicedisk – {0}").format(self._ctx.office_name))
        self.resize(1280, 800)
        # Made first, so first in the focus chain: Tab goes round as the eye does, from the
        # tabs through the screen (built later, so last in the chain) down to "Byt
        # användare" at the foot of the window, then the notice above the tabs.
        self.switch_button = QPushButton(self.tr("Byt användare"), self)
        self.switch_button.setObjectName("switch-user")
        self.switch_button.setToolTip(self.tr("Lås skärmen så att nästa person kan logga in"))
        self.switch_button.setAccessibleDescription(
            self.tr("Låser skärmen så att nästa person kan logga in (Ctrl+L).")
        )
        self.switch_button.setShortcut(QKeySequence("Ctrl+L"))
        self.switch_button.clicked.connect(lambda: self.lock())
        self.notice = NoticeBar(self)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("main-tabs")
        self.tabs.setAccessibleName(self.tr("Vyer"))
        self.tabs.tabBar().setObjectName("main-tab-bar")
        describe(
            self.tabs.tabBar(),
            self.tr("Byt vy med piltangenterna, eller med Alt och den understrukna bokstaven."),
            self.tr("Vyer"),
        )
        titles = (
            self.tr("&Reception"),
            self.tr("&Lucka"),
            self.tr("S&tatistik"),
            self.tr("&Inställningar"),
        )
        abouts = (
            self.tr("Ge kölappar och håll koll på kön."),
            self.tr("Ropa upp besökare och registrera ärenden."),
            self.tr("Dagens siffror, perioder, bemanning och export."),
            self.tr("Kontoret, köer, luckor, personal och mer."),
        )
        for title, about in zip(titles, abouts, strict=True):
            index = self.tabs.addTab(QWidget(), title)  # stands in until the screen is built
            self.tabs.setTabToolTip(index, about)
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self.gate = Gate(self._ctx, self)
        self.gate.signed_in.connect(self.sign_in_as)
        self.pages = QStackedWidget(self)
        self.pages.setObjectName("main-pages")
        self.pages.addWidget(self.gate)
        self.pages.addWidget(self.tabs)
        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.notice)
        # At a large font a screen may outgrow the window: then it scrolls (WCAG 1.4.4).
        column.addWidget(ScreenScroll(self.pages, central), 1)
        size_by_current_page(self.pages)  # each screen scrolls by its own size alone
        size_by_current_page(self.tabs)
        self.setCentralWidget(central)
        self.idle = IdleWatch(self)
        self.idle.idle.connect(self._on_idle)
        self.idle.hold = self._serving_here

        view_menu = self.menuBar().addMenu(self.tr("&Visa"))
        self.display_action = QAction(self.tr("Väntrumsskärm"), self)
        self.display_action.setObjectName("open-display")
        self.display_action.setShortcut(QKeySequence("Ctrl+D"))
        self.display_action.triggered.connect(self._on_open_display)
        view_menu.addAction(self.display_action)
        self.language_menu = LanguageMenu(self.menuBar(), self._ctx.prefs, self)

        bar = self.statusBar()  # its lines cut with "…" rather than widen the window
        self.office_label = ElidedLabel(self._ctx.office_name)
        self.office_label.setObjectName("status-office")
        self.user_label = ElidedLabel("")
        self.user_label.setObjectName("status-user")
        self.store_label = ElidedLabel(self._store_location())
        self.store_label.setObjectName("status-store")
        self.message_label = ElidedLabel("")
        self.message_label.setObjectName("status-message")
        self.sync_label = ElidedLabel(self.tr("Synk: inte inställd"))
        self.sync_label.setObjectName("status-sync")
        bar.addWidget(self.office_label)
        bar.addWidget(self.user_label)
        bar.addWidget(self.switch_button)
        bar.addWidget(self.message_label, 1)
        bar.addPermanentWidget(self.sync_label)
        bar.addPermanentWidget(self.store_label)
        FocusRing.follow(self)
        from app.ui.shell.sync_worker import SyncWorker

        self.sync = SyncWorker(self._ctx, self)
        self.sync.changed.connect(self._on_sync_changed)
        if self._ctx.actor.role is not None:
            self.sign_in_as(self._ctx.actor)
        else:
            if self._ctx.prefs.get_str("ui/role", "reception") == "caseworker":
                self.tabs.setCurrentIndex(SERVICE_POINT_TAB)  # a lucka's PC: ready at sign-in
            self.lock()
            self.gate.check_first_run()

    def _on_sync_changed(self, line: object) -> None:
        text, kind = getattr(line, "text", ""), getattr(line, "kind", "info")
        self.sync_label.setText(text)
        self.sync_label.setProperty("kind", kind)
        self.sync_label.setStyleSheet(
            {"error": "color: #a61c00; font-weight: 600;", "ok": "color: #1e6b2e;"}.get(kind, "")
        )

    # ------------------------------------------------------------ the screens, built on demand

    @property
    def reception(self) -> ReceptionView:
        """The reception screen."""
        return cast("ReceptionView", self._view(RECEPTION_TAB))

    @property
    def service_point(self) -> ServicePointView:
        """The service point (lucka) screen."""
        return cast("ServicePointView", self._view(SERVICE_POINT_TAB))

    @property
    def statistics(self) -> StatisticsView:
        """The statistics screen."""
        return cast("StatisticsView", self._view(STATISTICS_TAB))

    @property
    def settings_view(self) -> SettingsView:
        """The settings screen."""
        return cast("SettingsView", self._view(SETTINGS_TAB))

    def _build(self, tab: int, parent: QWidget) -> QWidget:
        if tab in (STATISTICS_TAB, SETTINGS_TAB):
            # These screens load the services (and SQLAlchemy) when imported. At start-up
            # the store loads them on a thread of its own: wait for that to finish, so that
            # two threads never import the same modules at once. (Reception and the
            # service point reach their services through ctx.queue and ctx.errands, which wait.)
            _ = self._ctx.store
        builders: dict[int, Callable[[QWidget], QWidget]] = {
            RECEPTION_TAB: self._build_reception,
            SERVICE_POINT_TAB: self._build_service_point,
            STATISTICS_TAB: self._build_statistics,
            SETTINGS_TAB: self._build_settings,
        }
        return builders[tab](parent)

    def _build_reception(self, parent: QWidget) -> QWidget:
        from app.ui.reception.screen import ReceptionView

        return ReceptionView(self._ctx, parent)

    def _build_service_point(self, parent: QWidget) -> QWidget:
        from app.ui.service_point.screen import ServicePointView

        return ServicePointView(self._ctx, parent)

    def _build_statistics(self, parent: QWidget) -> QWidget:
        from app.ui.statistics.view import StatisticsView

        view = StatisticsView(self._ctx, parent)
        size_by_current_page(view.pages)  # each page scrolls by its own size alone
        return view

    def _build_settings(self, parent: QWidget) -> QWidget:
        from app.ui.settings.view import SettingsView

        view = SettingsView(self._ctx, parent)
        size_by_current_page(view.sections)
        return view

    def _view(self, tab: int) -> QWidget:
        """The screen of a tab, built and put in place of its stand-in the first time."""
        view = self._views.get(tab)
        if view is not None:
            return view
        stand_in = self.tabs.widget(tab)
        assert stand_in is not None
        # Built right in the tabs' page stack: moving a styled widget tree to another
        # parent later makes Qt restyle all of it (tens of ms for a screen).
        view = self._views[tab] = self._build(tab, stand_in.parentWidget() or self.tabs)
        title, visible = self.tabs.tabText(tab), self.tabs.isTabVisible(tab)
        about = self.tabs.tabToolTip(tab)
        was_current = self.tabs.currentIndex() == tab
        # In first, stand-in out after: removing the current tab would show another
        # screen for a moment (and build or reload it).
        blocked = self.tabs.blockSignals(True)  # the swap is no change of tab
        try:
            self.tabs.insertTab(tab, view, title)
            self.tabs.setTabToolTip(tab, about)
            self.tabs.setTabVisible(tab, visible)
            if was_current:
                self.tabs.setCurrentIndex(tab)
            self.tabs.removeTab(tab + 1)
        finally:
            self.tabs.blockSignals(blocked)
        stand_in.deleteLater()
        return view

    def _on_tab_changed(self, index: int) -> None:
        if index >= 0:
            self._view(index)

    # ------------------------------------------------------------ roles, display, status

    def _store_location(self) -> str:
        path = self._ctx.settings.sqlite_path
        return self.tr("Databas: {0}").format(path if path else self._ctx.settings.database_url)

    def sign_in_as(self, actor: Actor) -> None:
        """Show the screens of this person's role; the services act for them from now on."""
        self._ctx.actor = actor
        role = actor.role or "reception"
        self._ctx.prefs.set("ui/role", role)  # this PC's usual screen, built behind the gate
        said = role_word(role)
        self.user_label.setText(self.tr("Inloggad: {0} ({1})").format(actor.login or said, said))
        self.switch_button.setVisible(True)
        # The start tab first: hiding the current tab would show (and build) a neighbour.
        start = SERVICE_POINT_TAB if role == "caseworker" else RECEPTION_TAB
        self.tabs.setCurrentWidget(self._view(start))
        manager = role == "manager"
        self.tabs.setTabVisible(SERVICE_POINT_TAB, role != "reception")
        self.tabs.setTabVisible(STATISTICS_TAB, manager)
        self.tabs.setTabVisible(SETTINGS_TAB, manager)
        self.store_label.setVisible(manager)  # where the records lie is the manager's business
        self.pages.setCurrentWidget(self.tabs)
        point, desk = self._views.get(SERVICE_POINT_TAB), self._views.get(RECEPTION_TAB)
        if point is not None:  # the last person's messages and visitor: not carried over
            cast("ServicePointView", point).new_person()
        if desk is not None:
            cast("ReceptionView", desk).new_person()
        self.idle.arm(0)
        self.notice.clear()
        if actor.staff_id is not None:
            self._arm_idle_lock()
            if manager:
                self._tell_lockouts()

    def _tell_lockouts(self) -> None:
        """A manager hears of the accounts wrong PINs locked out since their last sign-in."""
        from app.ui.shell.action import Action

        Action(self._ctx, "read the lock-outs", self._ctx.staff.recent_lockouts).success(
            self.notice.lockouts
        ).failure(lambda _sentence: None, "").without_refresh().run_in_background(self)

    def lock(self, notice: str = "") -> None:
        """Back to the gate: no one acts until the next person signs in."""
        last = self._ctx.actor.login or ""
        self._ctx.actor = NOBODY
        self.notice.clear()
        self.user_label.setText(self.tr("Inte inloggad"))
        self.switch_button.setVisible(False)
        self.store_label.setVisible(False)
        self.idle.arm(0)
        self.pages.setCurrentWidget(self.gate)  # shown first: the cursor goes to a shown field
        self.gate.sign_in.reset(notice, last if notice else "")

    def _arm_idle_lock(self) -> None:
        """Lock after the office's idle time (read off the GUI thread; five minutes if unread)."""
        from app.ui.shell.action import Action

        def arm(minutes: int) -> None:
            if self.pages.currentWidget() is self.tabs:  # still signed in
                self.idle.arm(minutes)

        Action(
            self._ctx, "read the idle lock", lambda: int(self._ctx.setup.office().idle_lock_minutes)
        ).without_refresh().success(arm).failure(
            lambda _sentence: arm(DEFAULT_IDLE_MINUTES), ""
        ).run_in_background(self)

    def _serving_here(self) -> bool:
        """Whether this PC's service point has a visitor called or served now."""
        view = self._views.get(SERVICE_POINT_TAB)
        return view is not None and getattr(view, "current_ticket", None) is not None

    def _on_idle(self) -> None:
        minutes = self.idle.minutes
        self.lock(self.tr("Skärmen låstes efter {0} minuter utan aktivitet.").format(minutes))

    def _on_open_display(self) -> None:
        from app.ui.display.screen import DisplayWindow

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
