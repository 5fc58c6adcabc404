"""The audit log on screen speaks Swedish: each kind of event the services record reads as
a sentence, from the same coded detail the CSV export keeps for scripts."""

from __future__ import annotations

import contextlib

from app.services.access.audit import list_events
from app.services.errands import logbook as errands
from app.services.errands.records import ErrandInput
from app.services.queue import calling as q
from app.services.setup.office_setup import update_office
from app.services.staff import accounts
from app.ui.settings.audit_text import describe
from tests.conftest import desk_for


def _said(store) -> list[str]:
    return [describe(e.kind, e.detail) for e in reversed(list_events(store))]


def test_each_event_reads_as_a_swedish_sentence(ui_ctx):
    store, clock = ui_ctx.store, ui_ctx.clock
    desk = desk_for(store, clock)
    accounts.add_staff(desk, "rut", "reception", "2468", "2468")
    for _ in range(accounts.MAX_ATTEMPTS):
        with contextlib.suppress(accounts.SignInError):
            accounts.sign_in(desk, "rut", "0000")
    with contextlib.suppress(accounts.SignInError):
        accounts.sign_in(desk, "nobody-here", "0000")
    accounts.reset_pin(desk, "rut", "1357", "1357")
    update_office(desk, retention_days=60)
    q.issue_ticket(desk, "A")
    q.call_next(desk, 1)
    visit = errands.finish_with_errands(desk, "A001", [ErrandInput("FK", None, "resolved")])
    errands.correct_errand(desk, visit.errands[0].id, ErrandInput("FK", None, "documents"))
    said = _said(store)
    assert "Kontot rut lades till som reception." in said
    assert "Fel kod (försök 5 av 5)." in said
    assert "Kontot spärrades i 5 minuter efter 5 felaktiga koder." in said
    assert "Inloggning med ett användarnamn som inte finns." in said
    assert "Kontorschefen satte en ny kod för rut." in said
    assert "Gallringstid (dagar): ändrades från 90 till 60." in said
    assert any(s.startswith("Ärende ") and "utfall resolved → documents" in s for s in said)
    assert not [s for s in said if "=" in s]  # no coded detail left on screen


def test_a_detail_it_does_not_know_is_shown_as_it_is():
    assert describe("config", "change=something new") == "Inställningar: something new"
    assert describe("newkind", "a=1") == "a=1"
