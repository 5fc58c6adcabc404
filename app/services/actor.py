"""Who acts: the staff member a service call is made for."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Actor:
    """The acting staff member; ``staff_id`` None until sign-in names one (a shared workstation)."""

    staff_id: int | None = None


WORKSTATION = Actor()
