"""The queue engine's refusals, each with an English message (logs, CLI) and a Swedish one (UI)."""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar

from app.services import ServiceError
from app.store.errors import short


class UnknownQueueError(ServiceError):
    """No active queue has that letter."""

    def __init__(self, letter: str) -> None:
        shown = short(letter, 12)
        super().__init__(
            f"There is no queue with the letter {shown!r}.",
            f"Det finns ingen kö med bokstaven {shown}.",
        )
        self.letter = letter


class UnknownLanguageError(ServiceError):
    """No active language of the catalog has that code."""

    def __init__(self, code: str) -> None:
        shown = short(code, 12)
        super().__init__(
            f"There is no language with the code {shown!r} in the catalog.",
            f"Det finns inget språk med koden {shown} i katalogen.",
        )
        self.code = code


class UnknownTicketError(ServiceError):
    """No ticket today has that code."""

    def __init__(self, code: str) -> None:
        shown = short(code, 12)
        super().__init__(
            f"There is no ticket {shown} today.", f"Det finns ingen kölapp {shown} i dag."
        )
        self.code = code


class UnknownServicePointError(ServiceError):
    """No active service point has that number."""

    def __init__(self, number: int) -> None:
        super().__init__(f"There is no service point {number}.", f"Det finns ingen lucka {number}.")
        self.number = number


class NobodyWaitingError(ServiceError):
    """Nothing waits for the queues this service point serves."""

    exit_code = 3

    def __init__(self, point: int) -> None:
        super().__init__(
            f"Nobody is waiting for service point {point}.",
            f"Ingen väntar i köerna som lucka {point} betjänar.",
        )
        self.point = point


class InvalidTransitionError(ServiceError):
    """The ticket is in a state where that action makes no sense."""

    STATES_SV: ClassVar[dict[str, str]] = {
        "waiting": "väntar",
        "called": "är uppropad",
        "serving": "betjänas",
        "parked": "är parkerad",
        "done": "är klar",
        "no_show": "uteblev",
        "walked_out": "gick innan upprop",
        "cancelled": "är makulerad",
        "not_served": "stängdes obetjänad",
    }

    def __init__(self, code: str, state: str, action_en: str, action_sv: str) -> None:
        state_en = state.replace("_", "-")
        super().__init__(
            f"Cannot {action_en} {code}: the ticket is {state_en}.",
            f"Det går inte att {action_sv} {code}: lappen {self.STATES_SV.get(state, state)}.",
        )
        self.code, self.state = code, state


class PointBusyError(ServiceError):
    """The service point still has a visitor; finish (or return) that one first."""

    def __init__(self, point: int, code: str) -> None:
        super().__init__(
            f"Service point {point} is still serving {code}; finish it first.",
            f"Lucka {point} betjänar fortfarande {code}. Avsluta den först.",
        )
        self.point, self.code = point, code


class NotThisPointError(ServiceError):
    """The ticket was called to another service point."""

    def __init__(self, code: str, point: int) -> None:
        super().__init__(
            f"{code} was not called to service point {point}.",
            f"{code} ropades inte upp till lucka {point}.",
        )
        self.code, self.point = code, point


class RecallTooSoonError(ServiceError):
    """A recall right after a call would overlap the announcement."""

    def __init__(self, code: str, seconds: int) -> None:
        super().__init__(
            f"{code} was just called; wait {seconds} s before recalling.",
            f"{code} ropades nyss upp. Vänta {seconds} s innan du ropar igen.",
        )


class TooFewRecallsError(ServiceError):
    """The office's rule: recall a set number of times before marking a no-show."""

    def __init__(self, code: str, needed: int) -> None:
        times_en = "once" if needed == 1 else f"{needed} times"
        times_sv = "en gång" if needed == 1 else f"{needed} gånger"
        super().__init__(
            f"Recall {code} {times_en} more before marking it a no-show.",
            f"Ropa upp {code} {times_sv} till innan du markerar att besökaren uteblev.",
        )


class QueueFullError(ServiceError):
    """Numbers go to 999 per queue and day."""

    def __init__(self, letter: str) -> None:
        super().__init__(
            f"Queue {letter} has issued all 999 numbers today.",
            f"Kö {letter} har delat ut alla 999 nummer i dag.",
        )


class KeptForBookingError(ServiceError):
    """A service point reserved for booked visits keeps itself free: a booking of its
    queues is due soon and nobody booked is here yet."""

    exit_code = 3

    def __init__(self, point: int, starts_at: datetime, local_time: str) -> None:
        super().__init__(
            f"Service point {point} is reserved for bookings: the next one is at {local_time}.",
            f"Lucka {point} är reserverad för bokade besök: nästa bokning är {local_time}. "
            "Drop-in tas när nästa bokning är längre bort.",
        )
        self.point = point
        self.starts_at = starts_at
