"""Why an errand could not be logged or corrected: English for logs, a message for the screen."""

from __future__ import annotations

from datetime import date

from app.services import ServiceError, say

MAX_DURATION_SECONDS = 8 * 3600


class ErrandError(ServiceError):
    """An errand cannot be logged or corrected as given; nothing was stored."""

    def __init__(
        self, english: str, message_id: str, index: int | None = None, **params: object
    ) -> None:
        message = say(message_id, **params)
        if index is not None:
            english = f"Errand {index + 1}: {english}"
            message = say("errand.numbered", number=index + 1, text=message)
        super().__init__(english, message)
        self.index = index


# The kinds of catalog entry an errand names, in English (the screens word them).
_KINDS = {
    "agency": "agency",
    "errand_type": "errand type",
    "outcome": "outcome",
    "referral_target": "referral target",
    "language": "language",
    "interpreter": "interpreter choice",
}


class UnknownCatalogEntryError(ErrandError):
    """The code is not in the catalog at all."""

    def __init__(self, kind: str, code: str, index: int | None = None) -> None:
        super().__init__(
            f"There is no {_KINDS[kind]} '{code}' in the catalog.",
            "errand.unknown_entry",
            index,
            code=code,
            entry=kind,
        )
        self.kind, self.code = kind, code


class RetiredCatalogEntryError(ErrandError):
    """The entry was retired: kept for old errands, not to be chosen for new ones."""

    def __init__(self, kind: str, code: str, index: int | None = None) -> None:
        super().__init__(
            f"The {_KINDS[kind]} '{code}' has been retired and cannot be chosen for new errands.",
            "errand.retired_entry",
            index,
            code=code,
            entry=kind,
        )
        self.kind, self.code = kind, code


class ErrandTypeMismatchError(ErrandError):
    """The errand type belongs to another agency."""

    def __init__(self, agency: str, errand_type: str, index: int | None = None) -> None:
        super().__init__(
            f"The errand type '{errand_type}' is not one of {agency}'s errand types.",
            "errand.type_mismatch",
            index,
            errand_type=errand_type,
            agency=agency,
        )


class ReferralRequiredError(ErrandError):
    """The outcome is a referral, so it needs a target."""

    def __init__(self, outcome: str, index: int | None = None) -> None:
        super().__init__(
            f"The outcome '{outcome}' needs a referral target: say where the visitor was sent.",
            "errand.referral_required",
            index,
            outcome=outcome,
        )


class ReferralNotAllowedError(ErrandError):
    """A referral target was given for an outcome that is not a referral."""

    def __init__(self, outcome: str, index: int | None = None) -> None:
        super().__init__(
            f"The outcome '{outcome}' is not a referral; leave the referral target empty.",
            "errand.referral_not_allowed",
            index,
            outcome=outcome,
        )


class InvalidDurationError(ErrandError):
    """A duration outside 0 s … 8 h."""

    def __init__(self, seconds: int, index: int | None = None) -> None:
        limit = MAX_DURATION_SECONDS // 3600
        super().__init__(
            f"A duration of {seconds} s is not possible; give 0 to {limit} hours.",
            "errand.invalid_duration",
            index,
            seconds=seconds,
            limit=limit,
        )


class NoErrandsError(ErrandError):
    """A quick visit without a ticket is only its errands: it needs at least one."""

    def __init__(self) -> None:
        super().__init__(
            "A visit without a ticket needs at least one errand.",
            "errand.none",
        )


class InvalidChannelError(ErrandError):
    """A quick visit is at a desk or on the phone."""

    def __init__(self, channel: str) -> None:
        super().__init__(
            f"A visit without a ticket is 'desk' or 'phone', not '{channel}'.",
            "errand.invalid_channel",
        )


class UnknownVisitError(ErrandError):
    """No visit has that id."""

    def __init__(self, visit_id: int) -> None:
        super().__init__(f"There is no visit {visit_id}.", "errand.unknown_visit", visit=visit_id)


class UnknownErrandError(ErrandError):
    """No errand has that id."""

    def __init__(self, errand_id: int) -> None:
        super().__init__(
            f"There is no errand {errand_id}.", "errand.unknown_errand", errand=errand_id
        )


class UnknownStaffError(ErrandError):
    """No staff member has that id."""

    def __init__(self, staff_id: int) -> None:
        super().__init__(
            f"There is no staff member {staff_id}.", "errand.unknown_staff", staff=staff_id
        )


class PastRetentionError(ErrandError):
    """A day past the office's retention is closed: its visits are (or are about to be)
    purged, and only its summary stays."""

    def __init__(self, day: date) -> None:
        super().__init__(
            f"The visits of {day.isoformat()} are past the office's retention period: they "
            "cannot be changed.",
            "errand.past_retention",
            date=day.isoformat(),
        )
        self.day = day


class NotYourVisitError(ErrandError):
    """A case worker changes the errands of their own visits; the manager everyone's."""

    def __init__(self) -> None:
        super().__init__(
            "That visit was served by someone else: only they or the office manager may "
            "change its errands.",
            "errand.not_yours",
        )


class CorrectionTooLateError(ErrandError):
    """After its day, only the office manager may change a visit's errands."""

    def __init__(self, day: date) -> None:
        super().__init__(
            f"The errands of {day.isoformat()} can only be changed by the office manager now.",
            "errand.too_late",
            date=day.isoformat(),
        )
        self.day = day
