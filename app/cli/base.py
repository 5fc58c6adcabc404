"""What the command line's modules share: exit codes, the one error, opening the store, and
the manager's sign-in an office may ask of the commands that change staff, restore or purge."""

from __future__ import annotations

import getpass
import logging
import sys
from typing import TYPE_CHECKING

from app.config import Settings

if TYPE_CHECKING:
    from app.services.access.actor import Actor, Desk

log = logging.getLogger(__name__)

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_NOTHING, EXIT_REFUSED = 0, 1, 2, 3, 4


class CliError(Exception):
    """A failure to report as one sentence, with an exit code."""

    def __init__(self, message: str, exit_code: int = EXIT_FAILED) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def _open(settings: Settings) -> Desk:
    """The store, opened for the command line: it acts as the OS user's local manager."""
    from app.services.access.actor import Actor, Desk
    from app.services.office.clock import SystemClock
    from app.services.office.info import seeder
    from app.store.engine import open_store

    clock = SystemClock()
    store = open_store(settings, now=clock.now, seed=seeder(clock))
    return Desk(store, clock, Actor.command_line())


def read_line(prompt: str, *, secret: bool = False, what: str = "a PIN") -> str:
    """A line from the terminal (a secret not echoed), or a line of standard input."""
    if sys.stdin.isatty():
        return getpass.getpass(prompt) if secret else input(prompt)
    line = sys.stdin.readline()
    if not line:
        raise CliError(f"Expected {what} on standard input.", EXIT_USAGE)
    return line.rstrip("\r\n")


def manager_desk(settings: Settings) -> Desk:
    """The store opened for a command that changes staff or purges: for the OS user's local
    manager, or, where the office asks it (Settings › Kontoret), for the manager whose login
    and PIN are read from standard input."""
    from app.services.access.actor import Desk

    desk = _open(settings)
    try:
        return Desk(desk.store, desk.clock, signed_in_manager(desk))
    except BaseException:
        desk.store.close()
        raise


def signed_in_manager(desk: Desk) -> Actor:
    """The command line's actor for a manager's work: itself, unless the office asks the
    command line to sign in, when a manager's login and PIN are read and checked (the
    attempt counted and audited like any sign-in)."""
    from app.services.access.actor import MANAGER, Actor
    from app.services.office.info import get_office
    from app.services.staff import accounts

    if not get_office(desk.store).cli_sign_in:
        return desk.actor
    login = read_line("Manager's login: ", what="a manager's login and PIN")
    pin = read_line("PIN: ", secret=True, what="a manager's login and PIN")
    signed = accounts.sign_in_checked(desk, login, pin)
    if signed.actor.role != MANAGER:
        raise CliError(f"{signed.actor.login} is not a manager: nothing was done.", EXIT_REFUSED)
    if signed.new_pin_due:
        raise CliError(
            f"{signed.actor.login} must choose a new PIN in the app first: nothing was done.",
            EXIT_REFUSED,
        )
    return Actor(
        staff_id=signed.actor.staff_id,
        role=MANAGER,
        login=signed.actor.login,
        os_user=desk.actor.os_user,
    )


def restore_actor(settings: Settings) -> Actor:
    """Who restores: as :func:`signed_in_manager`, when the store can be read. A store that
    cannot be opened has no setting to follow; IT repairs it as the OS user."""
    from app.services.access.actor import Actor, Desk
    from app.services.office.clock import SystemClock
    from app.store.engine import open_store
    from app.store.errors import StoreError

    path = settings.sqlite_path
    if path is not None and not path.exists():
        return Actor.command_line()
    try:
        store = open_store(settings)
    except StoreError as exc:
        log.warning("the store cannot be opened (%s): restoring as the OS user", exc)
        return Actor.command_line()
    try:
        return signed_in_manager(Desk(store, SystemClock(), Actor.command_line()))
    finally:
        store.close()
