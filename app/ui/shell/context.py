"""What a screen needs, passed in: the store's capabilities, the clock, runner, watcher, prefs."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar, cast

from app.config import Settings
from app.services.access.actor import SYSTEM, Actor, Desk
from app.services.office.clock import Clock
from app.ui.shell.opening import StoreOpening
from app.ui.shell.prefs import Prefs
from app.ui.shell.runner import Runner
from app.ui.shell.watcher import RevisionWatcher

if TYPE_CHECKING:
    from app.services.access.audit import AuditDesk
    from app.services.errands.desk import ErrandDesk
    from app.services.queue.desk import KioskDesk, QueueDesk
    from app.services.setup.desk import OfficeSetup
    from app.services.staff.desk import StaffDesk
    from app.services.stats.desk import StatsDesk
    from app.store.engine import Store


D = TypeVar("D", bound=Desk)


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
        self._bound_desks: dict[type, object] = {}

    @property
    def actor(self) -> Actor:
        """The signed-in staff member (no role: nobody signed in yet)."""
        return self._actor

    @actor.setter
    def actor(self, actor: Actor) -> None:
        """Sign someone in (or out): the services act for them from now on."""
        self._actor = actor
        self._bound_desks.clear()

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

    def _bound(self, kind: type[D]) -> D:
        """The capability ``kind`` bound to the store, clock and signed-in person (made once)."""
        found = self._bound_desks.get(kind)
        if found is None:
            found = self._bound_desks[kind] = kind(self.store, self.clock, self._actor)
        return cast("D", found)

    def _opened(self) -> None:
        """Wait for the store before a capability's module loads (see the class doc)."""
        self.store  # noqa: B018 - the property waits for the opening thread

    @property
    def desk(self) -> Desk:
        """The store, clock and signed-in person, for a use case that is a plain function."""
        return self._bound(Desk)

    @property
    def upkeep(self) -> Desk:
        """The store and clock for the app's own upkeep and sender, which act as SYSTEM."""
        return Desk(self.store, self.clock, SYSTEM)

    @property
    def queue(self) -> QueueDesk:
        """Issue, call and move tickets."""
        self._opened()
        from app.services.queue.desk import QueueDesk

        return self._bound(QueueDesk)

    @property
    def kiosk(self) -> KioskDesk:
        """The self-service kiosk's use cases (its actor is the kiosk)."""
        self._opened()
        from app.services.queue.desk import KioskDesk

        return self._bound(KioskDesk)

    @property
    def errands(self) -> ErrandDesk:
        """Log the errands of a visit."""
        self._opened()
        from app.services.errands.desk import ErrandDesk

        return self._bound(ErrandDesk)

    @property
    def setup(self) -> OfficeSetup:
        """Read and change the office's set-up."""
        self._opened()
        from app.services.setup.desk import OfficeSetup

        return self._bound(OfficeSetup)

    @property
    def stats(self) -> StatsDesk:
        """The office's figures, forecast and exports."""
        self._opened()
        from app.services.stats.desk import StatsDesk

        return self._bound(StatsDesk)

    @property
    def staff(self) -> StaffDesk:
        """Sign-in and the staff accounts."""
        self._opened()
        from app.services.staff.desk import StaffDesk

        return self._bound(StaffDesk)

    @property
    def audit(self) -> AuditDesk:
        """The audit log."""
        self._opened()
        from app.services.access.audit import AuditDesk

        return self._bound(AuditDesk)

    def close(self) -> None:
        """Release the store's connections (nothing if it never opened: that was reported)."""
        try:
            store = self.store
        except Exception:
            return
        store.close()
