"""PINs, accounts and sign-in at the service level: hashing and salt, lock-out, refusals."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.models import Staff
from app.services.access.actor import NOBODY
from app.services.access.audit import list_events
from app.services.staff import accounts
from app.services.staff.pins import LOG2_N, check_pin, hash_pin
from app.ui.shell.refusals import refusal_text
from tests.conftest import desk_for

pytestmark = pytest.mark.both_stores


def test_a_pin_is_kept_as_a_slow_salted_hash():
    first, second = hash_pin("2468"), hash_pin("2468")
    assert first != second  # a new salt each time
    assert "2468" not in first
    scheme, log2_n, r, p, salt, key = first.split("$")
    assert (scheme, int(log2_n), int(r), int(p)) == ("scrypt", LOG2_N, 8, 1) and LOG2_N >= 15
    assert len(bytes.fromhex(salt)) == 16 and len(bytes.fromhex(key)) == 32
    assert check_pin("2468", first) and check_pin("2468", second)
    assert not check_pin("2469", first) and not check_pin("2468", None)
    assert not check_pin("2468", "md5$abc")  # a form it does not know never matches


def test_the_store_holds_the_hash_never_the_pin(store, clock, desk):
    accounts.add_staff(desk, "Anna.L", "caseworker", "2468", "2468", display_name="Anna")
    with store.read() as session:
        staff = session.scalar(select(Staff))
    assert staff.login == "anna.l" and "2468" not in staff.pin_hash
    assert accounts.sign_in(desk, "ANNA.L ", "2468").login == "anna.l"


@pytest.mark.parametrize(
    ("login", "pin", "again", "says"),
    [
        ("a", "2468", "2468", "2–40"),
        ("9lives", "2468", "2468", "a letter first"),
        ("anna", "246", "246", "at least 4"),
        ("anna", "1111", "1111", "repeated"),
        ("anna", "2468", "2469", "confirmation differ"),
    ],
)
def test_a_bad_account_is_refused_and_nothing_is_made(store, clock, desk, login, pin, again, says):
    with pytest.raises(accounts.StaffError, match=says) as refused:
        accounts.add_staff(desk, login, "caseworker", pin, again)
    assert refusal_text(refused.value)
    assert not accounts.has_staff(store)


def test_five_wrong_pins_lock_the_account_for_five_minutes(store, clock, desk):
    accounts.add_staff(desk, "anna", "caseworker", "2468", "2468")
    for attempt in range(1, 5):
        with pytest.raises(accounts.SignInError) as wrong:
            accounts.sign_in(desk, "anna", "0000")
        assert not isinstance(wrong.value, accounts.LockedOutError), attempt
    with pytest.raises(accounts.LockedOutError):
        accounts.sign_in(desk, "anna", "0000")
    with pytest.raises(accounts.LockedOutError, match="5 min"):
        accounts.sign_in(desk, "anna", "2468")  # the right PIN waits too
    clock.advance(minutes=5, seconds=1)
    assert accounts.sign_in(desk, "anna", "2468").role == "caseworker"
    kinds = [e.kind for e in reversed(list_events(store))]
    assert kinds.count("sign_in_failed") == 6 and kinds.count("locked_out") == 1
    assert kinds[-1] == "sign_in"


def test_a_pin_reset_lifts_the_lock_and_the_old_pin_stops_working(store, clock, desk):
    accounts.add_staff(desk, "anna", "caseworker", "2468", "2468")
    for _ in range(5):
        with pytest.raises(accounts.SignInError):
            accounts.sign_in(desk, "anna", "0000")
    accounts.reset_pin(desk, "anna", "1357", "1357")
    assert accounts.sign_in(desk, "anna", "1357").login == "anna"
    with pytest.raises(accounts.SignInError):
        accounts.sign_in(desk, "anna", "2468")


def test_unknown_and_disabled_logins_get_the_same_answer_and_are_not_kept(store, clock, desk):
    accounts.add_staff(desk, "karin", "manager", "864200", "864200")
    accounts.add_staff(desk, "anna", "caseworker", "2468", "2468")
    accounts.set_active(desk, "anna", False)
    answers = []
    for login in ("anna", "nobody-like-this"):
        with pytest.raises(accounts.SignInError) as refused:
            accounts.sign_in(desk, login, "2468")
        answers.append(str(refused.value))
    assert answers[0] == answers[1] == "Wrong login or PIN."
    details = " ".join(e.detail for e in list_events(store))
    assert "nobody-like-this" not in details  # what was typed is not kept


def test_the_office_always_keeps_an_active_manager(store, clock, desk):
    accounts.add_staff(desk, "karin", "manager", "864200", "864200")
    with pytest.raises(accounts.StaffError):
        accounts.set_active(desk, "karin", False)
    with pytest.raises(accounts.StaffError):
        accounts.set_role(desk, "karin", "caseworker")
    accounts.add_staff(desk, "bo", "manager", "135700", "135700")
    accounts.set_role(desk, "karin", "caseworker")
    assert {s.login: s.role for s in accounts.list_staff(desk)} == {
        "bo": "manager",
        "karin": "caseworker",
    }


def test_the_first_manager_only_while_there_is_no_account(store, clock, desk):
    nobody = desk_for(store, clock, NOBODY)  # the first-run wizard: nobody can sign in yet
    accounts.create_first_manager(nobody, "karin", "864200", "864200")
    with pytest.raises(accounts.StaffError, match="already"):
        accounts.create_first_manager(nobody, "bo", "135700", "135700")


def test_each_lock_out_since_the_last_sign_in_lasts_longer(store, clock, desk):
    accounts.add_staff(desk, "anna", "caseworker", "2468", "2468")

    def five_wrong() -> accounts.LockedOutError:
        for _ in range(4):
            with pytest.raises(accounts.SignInError):
                accounts.sign_in(desk, "anna", "0000")
        with pytest.raises(accounts.LockedOutError) as locked:
            accounts.sign_in(desk, "anna", "0000")
        return locked.value

    waits = []
    for _ in range(6):
        locked = five_wrong()
        waits.append(locked.until - clock.now())
        clock.advance(seconds=waits[-1].total_seconds() + 1)
    assert [w.total_seconds() / 60 for w in waits] == [5, 15, 60, 240, 1440, 1440]
    assert "Försök igen om 24 timmar" in refusal_text(locked)
    assert accounts.sign_in(desk, "anna", "2468").login == "anna"  # the lock-outs start over
    assert (five_wrong().until - clock.now()).total_seconds() == 5 * 60
    said = [e.detail for e in list_events(store) if e.kind == "locked_out"]
    assert len(said) == 7 and "1440" in said[1]  # the manager reads each in the audit
