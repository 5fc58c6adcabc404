"""Near closing: how much open time is left today, and which queues' new visitors may not
be served before the office closes (reception's warning line, and the ticket itself)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from app.services.office.calendar import opening_intervals
from app.services.queue.views import QueueSnapshot


@dataclass(frozen=True)
class DayLeft:
    """The rest of the office's day as a snapshot sees it."""

    open_left: timedelta  # open time still ahead today (pauses not counted)
    closes: datetime | None  # today's last closing; None when closed all day
    reopens: datetime | None  # in a pause: when the office opens again
    closed_for_the_day: bool  # past today's last closing
    before_opening: bool  # closed all day, or not yet open: a queue then is normal


def day_left(snapshot: QueueSnapshot) -> DayLeft:
    """How much of the office's day is left at the snapshot's instant."""
    now = snapshot.now
    intervals = opening_intervals(snapshot.opening_hours, snapshot.business_day, snapshot.time_zone)
    if not intervals or now < intervals[0][0]:
        last = intervals[-1][1] if intervals else None
        return DayLeft(timedelta(), last, None, False, True)
    ahead = [(max(start, now), end) for start, end in intervals if end > now]
    if not ahead:
        return DayLeft(timedelta(), intervals[-1][1], None, True, False)
    left = sum((end - start for start, end in ahead), timedelta())
    reopens = ahead[0][0] if ahead[0][0] > now else None
    return DayLeft(left, ahead[-1][1], reopens, False, False)


def late_queues(snapshot: QueueSnapshot) -> list[tuple[str, int]]:
    """The queues (letter, estimated minutes) whose new visitor would wait past closing."""
    left = day_left(snapshot)
    if left.before_opening:
        return []
    return [
        (q.letter, q.estimated_wait_minutes)
        for q in snapshot.queues
        if left.closed_for_the_day or timedelta(minutes=q.estimated_wait_minutes) > left.open_left
    ]
