"""Twelve PCs try one account's PIN at the same instant, as separate processes, on SQLite and
on a PostgreSQL server: they share its five attempts, so five PINs are checked at most, the
account locks, and the right PIN is then refused until the lock-out ends. A right PIN counted
among the five signs in and starts the count again, as any sign-in does."""

from __future__ import annotations

import multiprocessing
from collections import Counter

import pytest

from app.config import resolve_settings
from app.services.access.actor import SYSTEM, Desk
from app.services.access.audit import list_events
from app.services.office.clock import SystemClock
from app.services.staff import accounts
from app.store.engine import open_store
from tests.conftest import desk_for

pytestmark = [pytest.mark.both_stores, pytest.mark.slow]

PCS = 12


def _try(data_dir: str, url: str, pin: str, barrier, results) -> None:
    """Child: one PC's sign-in, started with the others."""
    desk = Desk(open_store(resolve_settings(data_dir, url, env={})), SystemClock(), SYSTEM)
    barrier.wait(timeout=120)
    try:
        accounts.sign_in(desk, "anna", pin)
        results.put("signed in")
    except accounts.LockedOutError:
        results.put("locked")
    except accounts.SignInError:
        results.put("wrong")
    finally:
        desk.store.close()


def test_pcs_signing_in_at_once_share_five_attempts(store):
    settings = store.settings
    assert settings is not None
    desk = desk_for(store, SystemClock())
    accounts.add_staff(desk, "anna", "caseworker", "2468", "2468")
    store.close()

    ctx = multiprocessing.get_context("spawn")
    barrier, results = ctx.Barrier(PCS), ctx.Queue()
    where = (str(settings.data_dir), settings.database_url)
    # Every PC guesses wrong, but the last one has the right PIN.
    pins = ["0000"] * (PCS - 1) + ["2468"]
    procs = [ctx.Process(target=_try, args=(*where, pin, barrier, results)) for pin in pins]
    for p in procs:
        p.start()
    try:
        said = sorted(results.get(timeout=120) for _ in procs)
    finally:
        for p in procs:
            p.join(timeout=60)
    assert [p.exitcode for p in procs] == [0] * PCS

    again = open_store(settings)
    try:
        events = list(reversed(list_events(again)))
        checked = [
            e
            for e in events
            if e.kind in ("sign_in", "sign_in_failed") and "locked" not in e.detail
        ]
        numbers = Counter(
            int(e.detail.rsplit("attempt=", 1)[1]) for e in checked if e.kind == "sign_in_failed"
        )
        assert max(numbers) <= accounts.MAX_ATTEMPTS  # no count ever passes five
        if "signed in" not in said:  # the right PIN came after the five: it is refused too
            assert len(checked) == accounts.MAX_ATTEMPTS  # five PINs checked, no more
            assert sorted(numbers.elements()) == list(range(1, accounts.MAX_ATTEMPTS + 1))
            assert said.count("locked") == PCS - accounts.MAX_ATTEMPTS + 1
            assert [e.kind for e in events].count("locked_out") == 1
            with pytest.raises(accounts.LockedOutError):
                accounts.sign_in(desk_for(again, SystemClock()), "anna", "2468")
        else:
            # It was among the five, and a right PIN starts the count again: the wrong PINs
            # counted before it and those after it take five attempts each at most.
            assert said.count("signed in") == 1
            assert said.count("wrong") + said.count("locked") == PCS - 1
            assert all(times <= 2 for times in numbers.values())
            assert len(checked) <= 2 * accounts.MAX_ATTEMPTS
    finally:
        again.close()
