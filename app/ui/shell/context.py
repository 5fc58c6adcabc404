"""What a screen needs, passed in: the store's capabilities, the clock, runner, watcher, prefs."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.config import Settings
from app.services.access.actor import Actor
from app.services.office.clock import Clock
from app.ui.shell.opening import StoreOpening
from app.ui.shell.prefs import Prefs
from app.ui.shell.runner import Runner
from app.ui.shell.watcher import RevisionWatcher

if TYPE_CHECKING:
    from app.services.errands.desk import ErrandDesk
    from app.services.queue.desk import QueueDesk
    from app.services.setup.desk import OfficeSetup
    from app.services.staff.desk import StaffDesk
    from app.services.stats.desk import StatsDesk
    from app.store.engine import Store


class UiContext:
    """The few collaborators every screen shares; built once in application.py or a test.

    The store is given open, or (at start-up) as a :class:`StoreOpening` still at
    work: :attr:`store` and the capabilities (:attr:`queue`, :attr:`errands`,
    :attr:`setup`, :attr:`stats`) then wait for it the first time they are needed. Their modules
    load only then, after the opening thread has loaded SQLAlchemy: two threads
    never import the same modules at once.
    """

    def __init__(
        self,
        *,
        settings: Settings,
        store: Store | StoreOpening,
        clock: Clock,
        runner: Runner,
        watcher: RevisionWatcher,
        prefs: Prefs,
        office_name: str,
        role: str | None = None,  # a test's shortcut: act in this role, no one signed in
        actor: Actor | None = None,
    ) -> None:
        self.settings, self.clock, self.runner = settings, clock, runner
        self.watcher, self.prefs = watcher, prefs
        self.office_name = office_name
        self._actor = actor or Actor(role=role)
        self._store = store
        self._queue: QueueDesk | None = None
        self._errands: ErrandDesk | None = None
        self._setup: OfficeSetup | None = None
        self._stats: StatsDesk | None = None
        self._staff: StaffDesk | None = None

    @property
    def actor(self) -> Actor:
        """The signed-in staff member (no role: nobody signed in yet)."""
        return self._actor

    @actor.setter
    def actor(self, actor: Actor) -> None:
        """Sign someone in (or out): the services act for them from now on."""
        self._actor = actor
        self._queue = self._errands = self._setup = self._stats = self._staff = None

    @property
    def role(self) -> str | None:
        """The signed-in person's role."""
        return self._actor.role

    @property
    def store(self) -> Store:
        """The open store (waiting for it in the first moments after start-up)."""
        store = self._store
        if isinstance(store, StoreOpening):
            store = self._store = store.wait()
        return store

    @property
    def queue(self) -> QueueDesk:
        """Issue, call and move tickets."""
        if self._queue is None:
            store = self.store
            from app.services.queue.desk import QueueDesk

            self._queue = QueueDesk(store, self.clock, self.actor)
        return self._queue

    @property
    def errands(self) -> ErrandDesk:
        """Log the errands of a visit."""
        if self._errands is None:
            store = self.store
            from app.services.errands.desk import ErrandDesk

            self._errands = ErrandDesk(store, self.clock, self.actor)
        return self._errands

    @property
    def setup(self) -> OfficeSetup:
        """Read and change the office's set-up."""
        if self._setup is None:
            store = self.store
            from app.services.setup.desk import OfficeSetup

            self._setup = OfficeSetup(store, self.clock, self.actor)
        return self._setup

    @property
    def stats(self) -> StatsDesk:
        """The office's figures, forecast and exports."""
        if self._stats is None:
            store = self.store
            from app.services.stats.desk import StatsDesk

            self._stats = StatsDesk(store, self.clock, self.actor)
        return self._stats

    @property
    def staff(self) -> StaffDesk:
        """Sign-in and the staff accounts."""
        if self._staff is None:
            store = self.store
            from app.services.staff.desk import StaffDesk

            self._staff = StaffDesk(store, self.clock, self.actor)
        return self._staff

    def close(self) -> None:
        """Release the store's connections (nothing if it never opened: that was reported)."""
        try:
            store = self.store
        except Exception:
            return
        store.close()
