"""Settings › Kiosk: languages, cut-off, idle time, the cap on waiting and the live page."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QCheckBox, QSpinBox
from sqlalchemy import select

from app.models import Office
from app.services.access.actor import SYSTEM, acting
from app.services.office.info import get_office
from app.services.setup import office_setup as setup
from app.ui.settings.kiosk import KioskPage
from app.ui.settings.view import SettingsView
from tests.conftest import desk_for
from tests.ui.test_settings_view import child, click, is_error, message, open_section


def make_view(qtbot, ctx) -> SettingsView:
    widget = SettingsView(ctx)
    qtbot.addWidget(widget)
    widget.resize(1280, 760)
    widget.show()
    qtbot.waitExposed(widget)
    open_section(widget, "Kiosk")
    return widget


@pytest.fixture
def view(qtbot, ui_ctx):
    """The page of an office whose kiosk offers only Swedish and English so far."""
    setup.update_office(desk_for(ui_ctx.store, ui_ctx.clock), kiosk_languages=[])
    return make_view(qtbot, ui_ctx)


def box(view, code: str) -> QCheckBox:
    return child(view, QCheckBox, f"kiosk-language-{code}")


def spin(view, name: str) -> QSpinBox:
    return child(view, QSpinBox, name)


def press(qtbot, widget: QCheckBox) -> None:
    """Click a check box on its square (its row may be wider than its text)."""
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=QPoint(8, widget.height() // 2))


def tick(qtbot, view, code: str) -> None:
    press(qtbot, box(view, code))


def type_number(qtbot, widget: QSpinBox, value: int) -> None:
    """Select what the field holds and type a new number, as a person would."""
    widget.setFocus()
    widget.selectAll()
    qtbot.keyClicks(widget, str(value))
    assert widget.value() == value


def test_a_new_office_offers_every_language_with_visitor_texts(qtbot, ui_ctx):
    view = make_view(qtbot, ui_ctx)
    assert all(
        box.isChecked() for box in child(view, KioskPage, "settings-kiosk").languages.values()
    )


def test_the_languages_with_visitor_texts_are_offered_in_swedish_and_their_own_names(view):
    page = child(view, KioskPage, "settings-kiosk")
    assert list(page.languages) == ["sv", "en", "ar", "fa", "so", "ti", "uk"]
    assert box(view, "ar").accessibleName() == (
        "Arabiska — العربية (ej granskad av modersmålstalare)"
    )
    assert box(view, "en").accessibleName() == "Engelska — English (alltid med)"
    assert box(view, "sv").accessibleName() == "Svenska (alltid med)"
    for code in ("sv", "en"):
        assert box(view, code).isChecked()
        assert not box(view, code).isEnabled()
    assert not any(box(view, code).isChecked() for code in ("ar", "fa", "so", "ti", "uk"))


def test_swedish_and_english_cannot_be_unticked(qtbot, view, ui_ctx):
    tick(qtbot, view, "sv")
    tick(qtbot, view, "en")
    assert box(view, "sv").isChecked() and box(view, "en").isChecked()
    click(qtbot, view, "save-kiosk")
    assert message(view) == "Inget att spara: inget är ändrat."
    assert get_office(ui_ctx.store).kiosk_languages == ("sv", "en")


def test_change_every_kiosk_setting_and_read_it_back(qtbot, view, ui_ctx):
    tick(qtbot, view, "uk")
    tick(qtbot, view, "ar")
    type_number(qtbot, spin(view, "kiosk-cutoff-minutes"), 30)
    type_number(qtbot, spin(view, "kiosk-idle-seconds"), 90)
    type_number(qtbot, spin(view, "max-waiting"), 40)
    press(qtbot, child(view, QCheckBox, "kiosk-live-page"))
    click(qtbot, view, "save-kiosk")

    assert message(view) == "Kioskens inställningar är sparade."
    assert not is_error(view)
    office = get_office(ui_ctx.store)
    assert office.kiosk_languages == ("sv", "en", "ar", "uk")  # in the page's order
    assert office.kiosk_cutoff_minutes == 30
    assert office.kiosk_idle_seconds == 90
    assert office.max_waiting == 40
    assert office.live_page

    # And back: a language off, no cap, no live page.
    tick(qtbot, view, "ar")
    type_number(qtbot, spin(view, "max-waiting"), 0)
    press(qtbot, child(view, QCheckBox, "kiosk-live-page"))
    click(qtbot, view, "save-kiosk")
    office = get_office(ui_ctx.store)
    assert office.kiosk_languages == ("sv", "en", "uk")
    assert office.max_waiting is None
    assert not office.live_page
    # A page opened now shows what was saved.
    again = make_view(qtbot, ui_ctx)
    assert box(again, "uk").isChecked() and not box(again, "ar").isChecked()
    assert spin(again, "kiosk-cutoff-minutes").value() == 30
    assert spin(again, "max-waiting").value() == 0


def test_a_refused_value_is_said_in_swedish_and_changes_nothing(qtbot, view, ui_ctx, monkeypatch):
    before = get_office(ui_ctx.store)
    # The service's rule is stricter than the field (another version's limit, say).
    monkeypatch.setitem(setup.LIMITS, "kiosk_idle_seconds", (20, 120))
    tick(qtbot, view, "so")
    type_number(qtbot, spin(view, "kiosk-idle-seconds"), 300)
    click(qtbot, view, "save-kiosk")

    assert is_error(view)
    assert message(view) == (
        "Värdet för kioskens återgång till början (sekunder) ska vara ett heltal från 20 till 120."
    )
    assert get_office(ui_ctx.store) == before  # the language was not saved either
    assert spin(view, "kiosk-idle-seconds").value() == 300  # what was typed stays
    assert box(view, "so").isChecked()
    ui_ctx.watcher.refresh()  # another window's change does not wipe it
    assert spin(view, "kiosk-idle-seconds").value() == 300

    click(qtbot, view, "revert-kiosk")
    assert message(view) == "Ändringarna är ångrade."
    assert spin(view, "kiosk-idle-seconds").value() == before.kiosk_idle_seconds
    assert not box(view, "so").isChecked()


def test_a_stored_language_without_visitor_texts_is_shown_and_can_be_removed(qtbot, ui_ctx):
    with acting(SYSTEM), ui_ctx.store.write() as session:  # its file is gone since
        session.scalar(select(Office)).kiosk_languages = "sv,en,xx,ar"
    view = make_view(qtbot, ui_ctx)
    assert box(view, "xx").isChecked()
    assert box(view, "xx").text() == "xx (inga besökartexter finns)"
    assert box(view, "ar").isChecked()

    type_number(qtbot, spin(view, "kiosk-cutoff-minutes"), 20)
    click(qtbot, view, "save-kiosk")
    assert is_error(view)
    assert message(view).startswith("Kiosken kan inte erbjuda språket xx")
    assert get_office(ui_ctx.store).kiosk_cutoff_minutes == 15

    tick(qtbot, view, "xx")
    click(qtbot, view, "save-kiosk")
    assert message(view) == "Kioskens inställningar är sparade."
    office = get_office(ui_ctx.store)
    assert office.kiosk_languages == ("sv", "en", "ar")
    assert office.kiosk_cutoff_minutes == 20
    assert view.findChild(QCheckBox, "kiosk-language-xx") is None  # gone once unticked
