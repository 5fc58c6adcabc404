"""Errand logging bound to its store, clock and acting staff member: what screens call."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from app.services.access.actor import NOBODY, Actor, allowed
from app.services.errands import logbook
from app.services.errands.records import CatalogChoices, ErrandInput, ErrandView, VisitRef
from app.services.office.clock import Clock
from app.store.engine import Store


@dataclass(frozen=True)
class ErrandDesk:
    """Log the errands of visits on one store, for one acting staff member."""

    store: Store
    clock: Clock
    actor: Actor = NOBODY

    def choices(self) -> CatalogChoices:
        """What the errand form offers: agencies, errand types, outcomes, languages …"""
        return logbook.catalog_choices(self.store)

    @allowed("errands")
    def finish_with_errands(self, code: str, errands: Sequence[ErrandInput]) -> VisitRef:
        """End the visit of a ticket and store its errands, in one transaction."""
        return logbook.finish_with_errands(
            self.store, self.clock, code, errands, staff_id=self.actor.staff_id
        )

    @allowed("errands")
    def log_quick_visit(
        self,
        channel: str,
        errands: Sequence[ErrandInput],
        *,
        point_number: int | None = None,
        duration_seconds: int | None = None,
    ) -> VisitRef:
        """Store a visit without a ticket (a quick errand at the desk or by phone)."""
        return logbook.log_quick_visit(
            self.store,
            self.clock,
            channel,
            errands,
            point_number=point_number,
            staff_id=self.actor.staff_id,
            duration_seconds=duration_seconds,
        )

    @allowed("errands")
    def log_errands(self, visit_id: int, errands: Sequence[ErrandInput]) -> VisitRef:
        """Add errands to a finished visit: today, or an earlier day as the manager."""
        return logbook.log_errands(
            self.store,
            self.clock,
            visit_id,
            errands,
            staff_id=self.actor.staff_id,
            role=self.actor.role or "",
        )

    @allowed("errands")
    def correct_errand(self, errand_id: int, new: ErrandInput) -> ErrandView:
        """Correct a logged errand: today, or an earlier day as the manager (audited)."""
        return logbook.correct_errand(
            self.store,
            self.clock,
            errand_id,
            new,
            staff_id=self.actor.staff_id,
            role=self.actor.role or "",
        )
