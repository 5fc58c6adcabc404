"""The queue engine bound to its store, clock and acting staff member: what screens call."""

from __future__ import annotations

from app.services.access.actor import Desk
from app.services.queue import calling


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
