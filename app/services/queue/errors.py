"""The queue engine's refusals: English for logs and the CLI, a message id for the screens."""

from __future__ import annotations

from datetime import datetime

from app.services import ServiceError
from app.store.errors import short


class UnknownQueueError(ServiceError):
    """No active queue has that letter."""

    def __init__(self, letter: str) -> None:
        shown = short(letter, 12)
        super().__init__(
            f"There is no queue with the letter {shown!r}.", "queue.unknown_queue", letter=shown
        )
        self.letter = letter


class UnknownLanguageError(ServiceError):
    """No active language of the catalog has that code."""

    def __init__(self, code: str) -> None:
        shown = short(code, 12)
        super().__init__(
            f"There is no language with the code {shown!r} in the catalog.",
            "queue.unknown_language",
            code=shown,
        )
        self.code = code


class UnknownTicketError(ServiceError):
    """No ticket today has that code."""

    def __init__(self, code: str) -> None:
        shown = short(code, 12)
        super().__init__(f"There is no ticket {shown} today.", "queue.unknown_ticket", code=shown)
        self.code = code


class UnknownServicePointError(ServiceError):
    """No active service point has that number."""

    def __init__(self, number: int) -> None:
        super().__init__(
            f"There is no service point {number}.", "queue.unknown_point", point=number
        )
        self.number = number


class NobodyWaitingError(ServiceError):
    """Nothing waits for the queues this service point serves."""

    exit_code = 3

    def __init__(self, point: int) -> None:
        super().__init__(
            f"Nobody is waiting for service point {point}.", "queue.nobody_waiting", point=point
        )
        self.point = point


class InvalidTransitionError(ServiceError):
    """The ticket is in a state where that action makes no sense."""

    def __init__(self, code: str, state: str, action: str) -> None:
        # action: what was tried, in English ("start serving"); the screens word it.
        state_en = state.replace("_", "-")
        super().__init__(
            f"Cannot {action} {code}: the ticket is {state_en}.",
            "queue.invalid_transition",
            action=action,
            code=code,
            state=state,
        )
        self.code, self.state = code, state


class PointBusyError(ServiceError):
    """The service point still has a visitor; finish (or return) that one first."""

    def __init__(self, point: int, code: str) -> None:
        super().__init__(
            f"Service point {point} is still serving {code}; finish it first.",
            "queue.point_busy",
            point=point,
            code=code,
        )
        self.point, self.code = point, code


class NotThisPointError(ServiceError):
    """The ticket was called to another service point."""

    def __init__(self, code: str, point: int) -> None:
        super().__init__(
            f"{code} was not called to service point {point}.",
            "queue.not_this_point",
            code=code,
            point=point,
        )
        self.code, self.point = code, point


class RecallTooSoonError(ServiceError):
    """A recall right after a call would overlap the announcement."""

    def __init__(self, code: str, seconds: int) -> None:
        super().__init__(
            f"{code} was just called; wait {seconds} s before recalling.",
            "queue.recall_too_soon",
            code=code,
            seconds=seconds,
        )


class TooFewRecallsError(ServiceError):
    """The office's rule: recall a set number of times before marking a no-show."""

    def __init__(self, code: str, needed: int) -> None:
        times_en = "once" if needed == 1 else f"{needed} times"
        super().__init__(
            f"Recall {code} {times_en} more before marking it a no-show.",
            "queue.too_few_recalls_once" if needed == 1 else "queue.too_few_recalls",
            code=code,
            needed=needed,
        )


class QueueFullError(ServiceError):
    """Numbers go to 999 per queue and day."""

    def __init__(self, letter: str) -> None:
        super().__init__(
            f"Queue {letter} has issued all 999 numbers today.", "queue.full", letter=letter
        )


class KeptForBookingError(ServiceError):
    """A service point reserved for booked visits keeps itself free: a booking of its
    queues is due soon and nobody booked is here yet."""

    exit_code = 3

    def __init__(self, point: int, starts_at: datetime, local_time: str) -> None:
        super().__init__(
            f"Service point {point} is reserved for bookings: the next one is at {local_time}.",
            "queue.kept_for_booking",
            point=point,
            time=local_time,
        )
        self.point = point
        self.starts_at = starts_at
