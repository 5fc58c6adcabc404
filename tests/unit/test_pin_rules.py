"""PINs an offline search cannot find in an afternoon: a manager's is six characters at least,
the office may ask more of everyone, a PIN under the rule or set by a manager is changed at
the next sign-in, and a manager is told which accounts wrong PINs locked out."""

from __future__ import annotations

import pytest
from sqlalchemy import update

from app.models import Staff
from app.services.access.actor import NOBODY, SYSTEM, acting
from app.services.access.audit import list_events
from app.services.setup.office_setup import InvalidSettingError, update_office
from app.services.staff import accounts
from app.services.staff.lockouts import lockouts_since_last_sign_in
from app.services.staff.pins import hash_pin
from app.ui.shell.refusals import refusal_text
from tests.conftest import desk_for

pytestmark = pytest.mark.both_stores


def _as(store, clock, signed: accounts.SignedIn):
    return desk_for(store, clock, signed.actor)


def test_a_managers_pin_is_six_characters_at_least(store, clock, desk):
    with pytest.raises(accounts.StaffError, match="at least 6") as refused:
        accounts.add_staff(desk, "karin", "manager", "8642", "8642")
    assert "minst 6 tecken" in refusal_text(refused.value)
    accounts.add_staff(desk, "anna", "caseworker", "2468", "2468")  # four will do for her
    accounts.add_staff(desk, "karin", "manager", "864213", "864213")
    with pytest.raises(accounts.StaffError, match="at least 6"):
        accounts.reset_pin(desk, "karin", "1357", "1357")
    accounts.set_role(desk, "anna", "manager")  # promoted: her four digits no longer do
    signed = accounts.sign_in_checked(desk, "anna", "2468")
    assert signed.new_pin_due == "short" and signed.shortest == 6


def test_the_office_raises_the_shortest_pin_for_everyone(store, clock, desk):
    accounts.add_staff(desk, "anna", "caseworker", "2468", "2468")
    update_office(desk, pin_min_length=8)
    with pytest.raises(accounts.StaffError, match="at least 8"):
        accounts.add_staff(desk, "bo", "reception", "246813", "246813")
    with pytest.raises(accounts.StaffError, match="at least 8"):
        accounts.add_staff(desk, "karin", "manager", "2468135", "2468135")
    for outside in (3, 13):
        with pytest.raises(InvalidSettingError, match=r"pin_min_length must be .* from 4 to 12"):
            update_office(desk, pin_min_length=outside)
    signed = accounts.sign_in_checked(desk, "anna", "2468")
    assert signed.new_pin_due == "short" and signed.shortest == 8
    assert any("pin_min_length changed from 4 to 8" in e.detail for e in list_events(store))


def test_a_short_pin_from_before_the_rule_is_changed_at_the_next_sign_in(store, clock, desk):
    accounts.add_staff(desk, "karin", "manager", "864213", "864213")
    # A store from before the rule: a manager with four digits.
    with acting(SYSTEM), store.write() as session:
        session.execute(update(Staff).values(pin_hash=hash_pin("8642")))
    signed = accounts.sign_in_checked(desk, "karin", "8642")
    assert signed.new_pin_due == "short" and signed.actor.role == "manager"
    karin = _as(store, clock, signed)
    with pytest.raises(accounts.StaffError, match="at least 6"):
        accounts.change_own_pin(karin, "8642", "1357", "1357")
    with pytest.raises(accounts.SignInError):  # the PIN she has proves it is her
        accounts.change_own_pin(karin, "0000", "13572468", "13572468")
    accounts.change_own_pin(karin, "8642", "13572468", "13572468")
    assert accounts.sign_in_checked(desk, "karin", "13572468").new_pin_due is None
    with pytest.raises(accounts.SignInError):
        accounts.sign_in(desk, "karin", "8642")
    assert any("pin_changed" in e.detail for e in list_events(store, kinds=["staff"]))


def test_a_pin_a_manager_set_is_the_holders_only_until_they_choose_their_own(store, clock, desk):
    accounts.add_staff(desk, "karin", "manager", "864213", "864213")
    accounts.add_staff(desk, "anna", "caseworker", "2468", "2468")
    karin = _as(store, clock, accounts.sign_in_checked(desk, "karin", "864213"))
    accounts.reset_pin(karin, "anna", "1357", "1357")
    signed = accounts.sign_in_checked(desk, "anna", "1357")
    assert signed.new_pin_due == "reset"
    anna = _as(store, clock, signed)
    with pytest.raises(accounts.StaffError, match="other than"):
        accounts.change_own_pin(anna, "1357", "1357", "1357")
    accounts.change_own_pin(anna, "1357", "9753", "9753")
    assert accounts.sign_in_checked(desk, "anna", "9753").new_pin_due is None
    accounts.reset_pin(karin, "karin", "97531864", "97531864")  # her own: nothing to change
    assert accounts.sign_in_checked(desk, "karin", "97531864").new_pin_due is None


def test_nobody_changes_a_pin_without_signing_in(store, clock, desk):
    accounts.add_staff(desk, "anna", "caseworker", "2468", "2468")
    with pytest.raises(accounts.StaffError, match="Sign in"):
        accounts.change_own_pin(desk_for(store, clock, NOBODY), "2468", "97531", "97531")


def test_a_manager_is_told_of_the_lock_outs_since_their_last_sign_in(store, clock, desk):
    accounts.add_staff(desk, "karin", "manager", "864213", "864213")
    accounts.add_staff(desk, "anna", "caseworker", "2468", "2468")
    accounts.sign_in(desk, "karin", "864213")
    for lock in range(2):  # two lock-outs: five minutes, then fifteen
        for _ in range(accounts.MAX_ATTEMPTS):
            with pytest.raises(accounts.SignInError):
                accounts.sign_in(desk, "anna", "0000")
        clock.advance(minutes=5 if lock == 0 else 15, seconds=1)
    karin = _as(store, clock, accounts.sign_in_checked(desk, "karin", "864213"))
    told = lockouts_since_last_sign_in(karin)
    assert [(a.login, a.times, a.longest_minutes) for a in told] == [("anna", 2, 15)]
    accounts.sign_in(desk, "karin", "864213")  # told once: the next sign-in starts afresh
    assert lockouts_since_last_sign_in(karin) == []
    anna = _as(store, clock, accounts.sign_in_checked(desk, "anna", "2468"))
    with pytest.raises(Exception, match="may not"):
        lockouts_since_last_sign_in(anna)  # a manager's to know
