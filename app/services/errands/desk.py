"""Errand logging bound to its store, clock and acting staff member: what screens call."""

from __future__ import annotations

from app.services.access.actor import Desk, open_read
from app.services.errands import logbook, visits


class ErrandDesk(Desk):
    """Log the errands of visits on one store, for one acting staff member."""

    choices = open_read(logbook.catalog_choices)
    finish_with_errands = logbook.finish_with_errands
    log_quick_visit = logbook.log_quick_visit
    log_errands = logbook.log_errands
    correct_errand = logbook.correct_errand
    revise_visit = logbook.revise_visit
    transfer_with_errands = logbook.transfer_with_errands
    day_visits = visits.day_visits
    find_errand = visits.find_errand
