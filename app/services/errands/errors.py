"""Why an errand could not be logged or corrected: English for logs, Swedish for the screen."""

from __future__ import annotations

from datetime import date

from app.services import ServiceError

MAX_DURATION_SECONDS = 8 * 3600


class ErrandError(ServiceError):
    """An errand cannot be logged or corrected as given; nothing was stored."""

    def __init__(self, english: str, swedish: str, index: int | None = None) -> None:
        if index is not None:
            english, swedish = f"Errand {index + 1}: {english}", f"Ärende {index + 1}: {swedish}"
        super().__init__(english, swedish)
        self.index = index


_KINDS = {
    "agency": ("agency", "myndigheten"),
    "errand_type": ("errand type", "ärendetypen"),
    "outcome": ("outcome", "utfallet"),
    "referral_target": ("referral target", "hänvisningen"),
    "language": ("language", "språket"),
    "interpreter": ("interpreter choice", "tolkvalet"),
}


class UnknownCatalogEntryError(ErrandError):
    """The code is not in the catalog at all."""

    def __init__(self, kind: str, code: str, index: int | None = None) -> None:
        en, sv = _KINDS[kind]
        super().__init__(
            f"There is no {en} '{code}' in the catalog.",
            f"Det finns ingen post '{code}' för {sv} i katalogen.",
            index,
        )
        self.kind, self.code = kind, code


class RetiredCatalogEntryError(ErrandError):
    """The entry was retired: kept for old errands, not to be chosen for new ones."""

    def __init__(self, kind: str, code: str, index: int | None = None) -> None:
        en, sv = _KINDS[kind]
        super().__init__(
            f"The {en} '{code}' has been retired and cannot be chosen for new errands.",
            f"Valet '{code}' för {sv} används inte längre och kan inte väljas för nya ärenden.",
            index,
        )
        self.kind, self.code = kind, code


class ErrandTypeMismatchError(ErrandError):
    """The errand type belongs to another agency."""

    def __init__(self, agency: str, errand_type: str, index: int | None = None) -> None:
        super().__init__(
            f"The errand type '{errand_type}' is not one of {agency}'s errand types.",
            f"Ärendetypen '{errand_type}' hör inte till {agency}. Välj en av dess ärendetyper.",
            index,
        )


class ReferralRequiredError(ErrandError):
    """The outcome is a referral, so it needs a target."""

    def __init__(self, outcome: str, index: int | None = None) -> None:
        super().__init__(
            f"The outcome '{outcome}' needs a referral target: say where the visitor was sent.",
            f"Utfallet '{outcome}' kräver en hänvisning. Välj vart besökaren hänvisades.",
            index,
        )


class ReferralNotAllowedError(ErrandError):
    """A referral target was given for an outcome that is not a referral."""

    def __init__(self, outcome: str, index: int | None = None) -> None:
        super().__init__(
            f"The outcome '{outcome}' is not a referral; leave the referral target empty.",
            f"Utfallet '{outcome}' är ingen hänvisning. Lämna hänvisningen tom.",
            index,
        )


class InvalidDurationError(ErrandError):
    """A duration outside 0 s … 8 h."""

    def __init__(self, seconds: int, index: int | None = None) -> None:
        limit = MAX_DURATION_SECONDS // 3600
        super().__init__(
            f"A duration of {seconds} s is not possible; give 0 to {limit} hours.",
            f"Tiden {seconds} s är inte möjlig. Ange mellan 0 och {limit} timmar.",
            index,
        )


class NoErrandsError(ErrandError):
    """A quick visit without a ticket is only its errands: it needs at least one."""

    def __init__(self) -> None:
        super().__init__(
            "A visit without a ticket needs at least one errand.",
            "Ett besök utan kölapp behöver minst ett ärende.",
        )


class InvalidChannelError(ErrandError):
    """A quick visit is at a desk or on the phone."""

    def __init__(self, channel: str) -> None:
        super().__init__(
            f"A visit without a ticket is 'desk' or 'phone', not '{channel}'.",
            "Ett besök utan kölapp sker i disken eller på telefon.",
        )


class UnknownVisitError(ErrandError):
    """No visit has that id."""

    def __init__(self, visit_id: int) -> None:
        super().__init__(f"There is no visit {visit_id}.", f"Det finns inget besök {visit_id}.")


class UnknownErrandError(ErrandError):
    """No errand has that id."""

    def __init__(self, errand_id: int) -> None:
        super().__init__(f"There is no errand {errand_id}.", f"Det finns inget ärende {errand_id}.")


class UnknownStaffError(ErrandError):
    """No staff member has that id."""

    def __init__(self, staff_id: int) -> None:
        super().__init__(
            f"There is no staff member {staff_id}.", f"Det finns ingen medarbetare {staff_id}."
        )


class PastRetentionError(ErrandError):
    """A day past the office's retention is closed: its visits are (or are about to be)
    purged, and only its summary stays."""

    def __init__(self, day: date) -> None:
        super().__init__(
            f"The visits of {day.isoformat()} are past the office's retention period: they "
            "cannot be changed.",
            f"Besöken från {day.isoformat()} är äldre än gallringstiden och kan inte ändras.",
        )
        self.day = day


class NotYourVisitError(ErrandError):
    """A case worker changes the errands of their own visits; the manager everyone's."""

    def __init__(self) -> None:
        super().__init__(
            "That visit was served by someone else: only they or the office manager may "
            "change its errands.",
            "Besöket betjänades av någon annan. Bara den personen eller kontorschefen kan "
            "ändra dess ärenden.",
        )


class CorrectionTooLateError(ErrandError):
    """After its day, only the office manager may change a visit's errands."""

    def __init__(self, day: date) -> None:
        super().__init__(
            f"The errands of {day.isoformat()} can only be changed by the office manager now.",
            f"Ärenden från {day.isoformat()} kan nu bara ändras av kontorschefen. Be hen om hjälp.",
        )
        self.day = day
