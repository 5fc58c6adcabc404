"""Errand logging bound to its store, clock and acting staff member: what screens call."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from app.models.db import Store
from app.services.actor import WORKSTATION, Actor
from app.services.clock import Clock
from app.services.errands import logbook
from app.services.errands.records import CatalogChoices, ErrandInput, VisitRef


@dataclass(frozen=True)
class ErrandDesk:
    """Log the errands of visits on one store, for one acting staff member."""

    store: Store
    clock: Clock
    actor: Actor = WORKSTATION

    def choices(self) -> CatalogChoices:
        """What the errand form offers: agencies, errand types, outcomes, languages …"""
        return logbook.catalog_choices(self.store)

    def finish_with_errands(self, code: str, errands: Sequence[ErrandInput]) -> VisitRef:
        """End the visit of a ticket and store its errands, in one transaction."""
        return logbook.finish_with_errands(
            self.store, self.clock, code, errands, staff_id=self.actor.staff_id
        )

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
