"""The queue engine bound to its store, clock and acting staff member: what screens call."""

from __future__ import annotations

from dataclasses import dataclass

from app.services.access.actor import NOBODY, Actor, allowed
from app.services.office.clock import Clock
from app.services.queue import calling
from app.services.queue.calling import TicketRef
from app.services.queue.views import QueueSnapshot, queue_snapshot
from app.store.engine import Store


@dataclass(frozen=True)
class QueueDesk:
    """Issue, call and move tickets on one store, for one acting staff member."""

    store: Store
    clock: Clock
    actor: Actor = NOBODY

    @allowed("issue")
    def issue(self, letter: str, *, booked: bool = False) -> TicketRef:
        """Issue the next ticket of a queue (stored when this returns)."""
        return calling.issue_ticket(self.store, self.clock, letter, booked=booked)

    @allowed("serve")
    def call_next(self, point_number: int) -> TicketRef:
        """Call the next ticket for a service point, by its work profile."""
        return calling.call_next(self.store, self.clock, point_number, self.actor.staff_id)

    @allowed("serve")
    def call_ticket(self, code: str, point_number: int) -> TicketRef:
        """Call one ticket out of turn to a service point."""
        return calling.call_ticket(self.store, self.clock, code, point_number, self.actor.staff_id)

    @allowed("serve")
    def resume(self, code: str, point_number: int) -> TicketRef:
        """Take a parked ticket back at a service point."""
        return calling.resume(self.store, self.clock, code, point_number, self.actor.staff_id)

    @allowed("serve")
    def recall(self, code: str) -> TicketRef:
        """Call a called ticket once more."""
        return calling.recall(self.store, self.clock, code)

    @allowed("serve")
    def start_serving(self, code: str) -> TicketRef:
        """The visitor has arrived at the service point."""
        return calling.start_serving(self.store, self.clock, code)

    @allowed("serve")
    def finish(self, code: str) -> TicketRef:
        """The visit is over (without errands logged)."""
        return calling.finish(self.store, self.clock, code)

    @allowed("serve")
    def no_show(self, code: str) -> TicketRef:
        """Called, and did not come."""
        return calling.no_show(self.store, self.clock, code)

    @allowed("serve")
    def undo_no_show(self, code: str, point_number: int) -> TicketRef:
        """Take back a no-show marked by mistake, at the point that marked it."""
        return calling.undo_no_show(self.store, self.clock, code, point_number)

    @allowed("serve")
    def park(self, code: str) -> TicketRef:
        """Set a visit aside while the visitor fetches something."""
        return calling.park(self.store, self.clock, code)

    @allowed("serve")
    def return_to_queue(self, code: str) -> TicketRef:
        """Put a called ticket back in its queue."""
        return calling.return_to_queue(self.store, self.clock, code)

    @allowed("issue")
    def transfer(self, code: str, letter: str) -> TicketRef:
        """Move a ticket to another queue."""
        return calling.transfer(self.store, self.clock, code, letter)

    @allowed("issue")
    def cancel(self, code: str) -> TicketRef:
        """Void a ticket issued by mistake."""
        return calling.cancel(self.store, self.clock, code)

    @allowed("issue")
    def walked_out(self, code: str) -> TicketRef:
        """The visitor left before being called."""
        return calling.walked_out(self.store, self.clock, code)

    @allowed("issue")
    def set_print_status(
        self, code: str, status: str, *, estimate_minutes: int | None = None
    ) -> None:
        """Record how printing a ticket went (not a change of the day's visits)."""
        calling.set_print_status(
            self.store, self.clock, code, status, estimate_minutes=estimate_minutes
        )

    def snapshot(self) -> QueueSnapshot:
        """The live queue, as every screen shows it."""
        return queue_snapshot(self.store, self.clock)
