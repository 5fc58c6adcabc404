"""What errand logging takes and gives back: frozen records, in catalog codes only.

Nothing here can hold who the visitor was.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

# The service language and interpreter when nothing else is said.
DEFAULT_LANGUAGE = "sv"
DEFAULT_INTERPRETER = "none"


@dataclass(frozen=True)
class ErrandInput:
    """One errand as a case worker enters it (codes from :func:`catalog_choices`)."""

    agency_code: str
    errand_type_code: str | None
    outcome_code: str
    referral_target_code: str | None = None
    language_code: str | None = None  # None → "sv"
    interpreter_code: str | None = None  # None → "none"
    duration_seconds: int | None = None


@dataclass(frozen=True)
class Choice:
    """A catalog entry to choose from."""

    code: str
    label: str
    label_en: str | None


@dataclass(frozen=True)
class AgencyChoice:
    """An agency with its active errand types."""

    code: str
    label: str
    label_en: str | None
    errand_types: tuple[Choice, ...]


@dataclass(frozen=True)
class OutcomeChoice:
    """An outcome, and whether it needs a referral target."""

    code: str
    label: str
    label_en: str | None
    requires_referral: bool


@dataclass(frozen=True)
class CatalogChoices:
    """Everything an errand form offers: active entries only, in sort order."""

    agencies: tuple[AgencyChoice, ...]
    outcomes: tuple[OutcomeChoice, ...]
    referral_targets: tuple[Choice, ...]
    languages: tuple[Choice, ...]
    interpreter_kinds: tuple[Choice, ...]
    # queue letter → agency codes (first = the usual one)
    queue_agencies: dict[str, tuple[str, ...]]


@dataclass(frozen=True)
class ErrandView:
    """A logged errand with its labels (retired entries keep theirs)."""

    id: int
    visit_id: int
    position: int
    agency_code: str
    agency_label: str
    errand_type_code: str | None
    errand_type_label: str | None
    outcome_code: str
    outcome_label: str
    referral_target_code: str | None
    referral_target_label: str | None
    language_code: str | None
    interpreter_code: str | None
    duration_seconds: int | None
    corrected: bool


@dataclass(frozen=True)
class VisitRef:
    """A visit and its errands."""

    visit_id: int
    ticket_code: str | None
    channel: str
    business_day: date
    errands: tuple[ErrandView, ...]
