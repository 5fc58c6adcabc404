"""While the store has not answered yet: the pressed control rests, presses keep their order,
and a queue that cannot be read leaves the last picture on screen, saying when it is from.

The runner here keeps each job until the test lets it run, as a slow server would.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel

from app.services.queue import calling as queue
from app.store.errors import StoreError
from app.ui.reception.screen import ReceptionView
from app.ui.service_point.screen import ServicePointView
from app.ui.shell.runner import PRESSES, WATCHING
from app.ui.shell.watcher import RevisionWatcher
from tests.conftest import desk_for
from tests.ui.test_reception import button


class HeldRunner:
    """Keeps what is submitted, per lane, until the test runs it."""

    def __init__(self) -> None:
        self.held: list[tuple[str | None, Callable[[], Any], Callable, Callable]] = []

    def submit(self, work, on_done, on_error=None, *, lane=None) -> None:  # type: ignore[no-untyped-def]
        self.held.append((lane, work, on_done, on_error or (lambda exc: None)))

    def waiting(self, lane: str | None) -> int:
        return sum(1 for held_lane, *_ in self.held if held_lane == lane)

    def run(self, lane: str | None, *, fail: Exception | None = None) -> None:
        """Run the oldest job of the lane (or let it fail as the store would)."""
        index = next(i for i, (held_lane, *_) in enumerate(self.held) if held_lane == lane)
        _lane, work, on_done, on_error = self.held.pop(index)
        if fail is not None:
            on_error(fail)
            return
        try:
            result = work()
        except Exception as exc:
            on_error(exc)
            return
        on_done(result)


@pytest.fixture
def held(ui_ctx):
    runner = HeldRunner()
    ui_ctx.runner = runner
    ui_ctx.watcher = RevisionWatcher(ui_ctx.store, ui_ctx.clock, runner)
    ui_ctx.watcher.refresh_now()
    return runner


def test_the_pressed_queue_button_rests_until_its_ticket_is_stored(qtbot, ui_ctx, held):
    view = ReceptionView(ui_ctx, printer=lambda ticket: None)
    qtbot.addWidget(view)
    issue_a, issue_b = button(view, "issue-A"), button(view, "issue-B")
    qtbot.mouseClick(issue_a, Qt.MouseButton.LeftButton)
    assert not issue_a.isEnabled() and issue_b.isEnabled()  # another queue may be pressed
    qtbot.mouseClick(issue_a, Qt.MouseButton.LeftButton)  # resting: nothing happens
    assert held.waiting(PRESSES) == 1
    held.run(PRESSES)
    assert issue_a.isEnabled()
    assert view.panel.code_label.text() == "A001"
    assert [view.waiting_model.index(r, 0).data() for r in range(1)] == ["A001"]


def test_a_case_workers_presses_are_carried_out_in_order_with_the_buttons_resting(
    qtbot, ui_ctx, held
):
    queue.issue_ticket(desk_for(ui_ctx.store, ui_ctx.clock), "A")
    ui_ctx.watcher.refresh_now()
    view = ServicePointView(ui_ctx)
    qtbot.addWidget(view)
    picker = view.findChild(QComboBox, "point-picker")
    picker.setCurrentIndex(picker.findData(1))
    call_next = button(view, "call-next")
    qtbot.mouseClick(call_next, Qt.MouseButton.LeftButton)
    assert not call_next.isEnabled() and not button(view, "arrived").isEnabled()
    held.run(PRESSES)
    assert "A001 ropas upp" in view.findChild(QLabel, "point-message").text()
    assert button(view, "arrived").isEnabled() and not call_next.isEnabled()


def test_a_queue_that_cannot_be_read_stays_on_screen_with_the_time_it_is_from(qtbot, ui_ctx, held):
    queue.issue_ticket(desk_for(ui_ctx.store, ui_ctx.clock), "A")
    ui_ctx.watcher.refresh_now()
    view = ReceptionView(ui_ctx, printer=lambda ticket: None)
    qtbot.addWidget(view)
    view.show()
    assert not view.stale.isVisible()
    ui_ctx.clock.advance(minutes=3)
    ui_ctx.watcher.refresh()
    held.run(WATCHING, fail=StoreError("server away", "Databasservern går inte att nå."))
    assert view.stale.isVisible()
    assert "Listan visar läget kl. 10:30:00" in view.stale.text()
    assert view.waiting_model.rowCount() == 1  # the last picture stays
    ui_ctx.watcher.poll()
    held.run(WATCHING)  # the server is back
    assert not view.stale.isVisible()
