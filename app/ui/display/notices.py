"""The display's sentences: waits, "closed, opens at …" for visitors, "not heard" for staff."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime, timedelta

from app.services.office.calendar import OpeningHours, opening_times
from app.services.queue.telling import texts_for
from app.services.queue.views import QueueStatus
from app.ui.shell.office_time import local

DAYS_AHEAD = 14  # how far to look for the next opening
ENGLISH_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

Tr = Callable[[str], str]


def waiting_text(tr: Tr, queue: QueueStatus) -> tuple[str, str]:
    """A queue's count and wait in Swedish, and in English for the line beneath it."""
    if queue.waiting == 0:
        return tr("Ingen väntar"), tr("No one waiting")
    count, minutes = queue.waiting, queue.estimated_wait_minutes
    return (
        tr("{0} väntar · ca {1} min").format(count, minutes),
        tr("{0} waiting · about {1} min").format(count, minutes),
    )


def closed_text(tr: Tr, hours: OpeningHours, now: datetime) -> str:
    """ "Stängt / Closed", and when the office opens next, in Swedish and English."""
    closed = tr("Stängt / Closed")
    here = local(now)
    for ahead in range(DAYS_AHEAD):
        day = here.date() + timedelta(days=ahead)
        for start, _end in opening_times(hours, day):
            if ahead == 0 and start <= here.time():
                continue
            at = f"{start:%H:%M}"
            if ahead == 0:
                when = tr("Öppnar kl. {0} / Opens at {0}").format(at)
            elif ahead == 1:
                when = tr("Öppnar i morgon kl. {0} / Opens tomorrow at {0}").format(at)
            else:
                sv, en = _swedish_days(tr)[day.weekday()], ENGLISH_DAYS[day.weekday()]
                when = tr("Öppnar {0} kl. {1} / Opens {2} at {1}").format(sv, at, en)
            return f"{closed}  ·  {when}"
    return closed


def _swedish_days(tr: Tr) -> tuple[str, ...]:
    return (
        tr("måndag"),
        tr("tisdag"),
        tr("onsdag"),
        tr("torsdag"),
        tr("fredag"),
        tr("lördag"),
        tr("söndag"),
    )


def sound_state_text(tr: Tr, *, sound: bool, voice: bool, missing: Iterable[str]) -> str:
    """For staff, in the corner: why calls are not heard, or in which languages ("" if all are)."""
    if not sound:
        return tr("Uppropen hörs inte: datorn har inget ljud")
    if not voice:
        return tr("Uppropen läses inte upp: ingen svensk röst")
    names = sorted(
        (language.name_sv.lower() if (language := texts_for(code)) else code) for code in missing
    )
    if names:
        return tr("Uppropen läses inte upp på {0}: ingen röst").format(", ".join(names))
    return ""
