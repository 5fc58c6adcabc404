"""What the command line's modules share: exit codes, the one error, opening the store."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.config import Settings

if TYPE_CHECKING:
    from app.services.access.actor import Desk

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_NOTHING = 0, 1, 2, 3


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
