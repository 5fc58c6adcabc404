"""Fixtures for widget tests: a fresh store, a clock that stands still, a synchronous runner."""

from __future__ import annotations

from datetime import datetime

import pytest

from app.config import resolve_settings
from app.services.office.clock import OFFICE_TZ, ManualClock
from app.services.office.info import seeder
from app.store.engine import open_store
from app.ui.shell.context import UiContext
from app.ui.shell.prefs import Prefs
from app.ui.shell.runner import SyncRunner
from app.ui.shell.watcher import RevisionWatcher
from tests.conftest import new_store

# A Wednesday morning, inside opening hours.
UI_NOW = datetime(2026, 11, 25, 10, 30, tzinfo=OFFICE_TZ)


@pytest.fixture(autouse=True)
def _swedish_numbers():
    """Numbers and dates as the app shows them in its default language (Swedish: "6,8 min"),
    whatever the test machine's locale; a test of the English screens sets its own."""
    from PySide6.QtCore import QLocale

    QLocale.setDefault(QLocale(QLocale.Language.Swedish, QLocale.Country.Sweden))
    yield
    QLocale.setDefault(QLocale(QLocale.Language.Swedish, QLocale.Country.Sweden))


@pytest.fixture
def app_style(qapp):
    """The application's own style and font, as the office's screens have them."""
    from app.ui.shell.style import apply_style

    font, sheet = qapp.font(), qapp.styleSheet()
    apply_style(qapp)
    yield
    qapp.setFont(font)
    qapp.setStyleSheet(sheet)


@pytest.fixture
def ui_clock() -> ManualClock:
    """The clock every screen in a widget test reads."""
    return ManualClock(UI_NOW)


def new_ui_context(data_dir, clock, template=None) -> UiContext:
    """A UiContext on a fresh seeded store in ``data_dir``, signed in as the manager (who
    may do everything; tests/unit/test_roles.py checks each role's limits). The store is a
    copy of ``template``, or (without one) migrated and seeded as the app makes one."""
    settings = resolve_settings(data_dir=data_dir, env={})
    if template is None:
        store = open_store(settings, now=clock.now, seed=seeder(clock))
    else:
        store = new_store(settings, clock, template)
    return UiContext(
        settings=settings,
        store=store,
        clock=clock,
        runner=SyncRunner(),
        watcher=RevisionWatcher(store, clock),
        prefs=Prefs(settings.data_dir / "ws.ini"),
        office_name="Servicekontoret Exempelstad",
        role="manager",
    )


@pytest.fixture
def ui_ctx(tmp_path, ui_clock, qapp, seeded_template):
    """A UiContext on a fresh seeded store; the watcher is polled by hand (watcher.poll())."""
    ctx = new_ui_context(tmp_path / "data", ui_clock, seeded_template)
    yield ctx
    ctx.watcher.stop()
    ctx.store.close()


@pytest.fixture(autouse=True)
def _office_zone_reset():
    """A test that shows another office's zone leaves the next one in Stockholm time."""
    yield
    from app.services.office.clock import OFFICE_TZ
    from app.ui.shell.office_time import use_zone

    use_zone(OFFICE_TZ)
