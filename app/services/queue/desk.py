"""The queue engine bound to its store, clock and acting staff member: what screens call."""

from __future__ import annotations

from app.services.access.actor import Desk
from app.services.bookings import day
from app.services.queue import calling, kiosk


class QueueDesk(Desk):
    """Issue, call and move tickets on one store, for one acting staff member."""

    issue = calling.issue_ticket
    set_print_status = calling.set_print_status
    cancel = calling.cancel
    walked_out = calling.walked_out
    undo_walked_out = calling.undo_walked_out
    transfer = calling.transfer
    call_next = calling.call_next
    call_ticket = calling.call_ticket
    resume = calling.resume
    recall = calling.recall
    start_serving = calling.start_serving
    finish = calling.finish
    no_show = calling.no_show
    undo_no_show = calling.undo_no_show
    park = calling.park
    return_to_queue = calling.return_to_queue
    undo_return = calling.undo_return
    take_over = calling.take_over
    snapshot = calling.snapshot
    open_help_requests = kiosk.open_help_requests
    answer_help = kiosk.answer_help


class KioskDesk(Desk):
    """The self-service kiosk's use cases (acting as the kiosk)."""

    rules = kiosk.kiosk_rules
    state = kiosk.kiosk_state
    issue = kiosk.issue_at_kiosk
    set_print_status = kiosk.kiosk_print_status
    snapshot = calling.snapshot
    check_in = day.check_in_at_kiosk
