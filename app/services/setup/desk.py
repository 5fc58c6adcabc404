"""The office's set-up bound to its store, clock and acting staff member: what Settings calls."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.services.access.actor import NOBODY, Actor, allowed
from app.services.catalog.transfer import ImportResult
from app.services.office.clock import Clock
from app.services.office.info import OfficeInfo, get_office
from app.services.setup import office_setup as setup
from app.services.setup.office_setup import CatalogItem, CatalogOverview, PointSetup, QueueSetup
from app.store.engine import Store


@dataclass(frozen=True)
class OfficeSetup:
    """Read and change the office's rules, queues, service points and catalog."""

    store: Store
    clock: Clock
    actor: Actor = NOBODY

    def office(self) -> OfficeInfo:
        """The office and its rules."""
        return get_office(self.store)

    def catalog_overview(self) -> CatalogOverview:
        """Every catalog entry with its active flag, entries in use first."""
        return setup.catalog_overview(self.store)

    @allowed("configure")
    def add_catalog_entry(
        self, kind: str, code: str, label: str, label_en: str = "", agency_code: str | None = None
    ) -> CatalogItem:
        """Add an entry in use at the end of its list (an errand type under its agency)."""
        return setup.add_catalog_entry(
            self.store, self.clock, kind, code, label, label_en, agency_code
        )

    @allowed("configure")
    def rename_catalog_entry(
        self,
        kind: str,
        code: str,
        label: str,
        label_en: str | None = None,
        agency_code: str | None = None,
    ) -> CatalogItem:
        """Give an entry a new Swedish label (and English one; None keeps it, "" clears it)."""
        return setup.rename_catalog_entry(
            self.store, self.clock, kind, code, label, label_en, agency_code
        )

    @allowed("configure")
    def set_catalog_entry_active(
        self, kind: str, code: str, active: bool, agency_code: str | None = None
    ) -> CatalogItem:
        """Retire (hide for new errands, keep for history) or restore a catalog entry."""
        return setup.set_catalog_entry_active(
            self.store, self.clock, kind, code, active, agency_code
        )

    @allowed("configure")
    def export_catalog_file(self, path: Path) -> Path:
        """Write the active catalog to a file in the catalog format; returns the path."""
        return setup.export_catalog_file(self.store, path)

    @allowed("configure")
    def import_catalog_file(self, path: Path) -> ImportResult:
        """Validate a catalog file, then apply it all or nothing."""
        return setup.import_catalog_file(self.store, self.clock, path)

    def list_queue_setup(self) -> list[QueueSetup]:
        """Every queue, in use first, in display order."""
        return setup.list_queue_setup(self.store)

    @allowed("configure")
    def add_queue(
        self, letter: str, label: str, *, label_en: str = "", agencies: Sequence[str] = ()
    ) -> QueueSetup:
        """Add a queue in use with its ticket letter, after the others."""
        return setup.add_queue(
            self.store, self.clock, letter, label, label_en=label_en, agencies=agencies
        )

    @allowed("configure")
    def update_queue(
        self,
        code: str,
        *,
        letter: str | None = None,
        label: str | None = None,
        label_en: str | None = None,
        agencies: Sequence[str] | None = None,
    ) -> QueueSetup:
        """Change a queue's letter, names or agencies; None leaves a field, "" clears label_en."""
        return setup.update_queue(
            self.store,
            self.clock,
            code,
            letter=letter,
            label=label,
            label_en=label_en,
            agencies=agencies,
        )

    @allowed("configure")
    def set_queue_active(self, code: str, active: bool) -> QueueSetup:
        """Retire a queue (kept for history, no new tickets) or put it back in use."""
        return setup.set_queue_active(self.store, self.clock, code, active)

    def list_point_setup(self) -> list[PointSetup]:
        """Every service point, by number, with its own profile (empty: all queues)."""
        return setup.list_point_setup(self.store)

    @allowed("configure")
    def add_service_point(
        self,
        number: int,
        name: str = "",
        *,
        call_order: str = "longest_wait",
        profile: Sequence[str] = (),
    ) -> PointSetup:
        """Add a service point in use; an empty profile serves every queue."""
        return setup.add_service_point(
            self.store, self.clock, number, name, call_order=call_order, profile=profile
        )

    @allowed("configure")
    def update_service_point(
        self,
        number: int,
        *,
        new_number: int | None = None,
        name: str | None = None,
        call_order: str | None = None,
        profile: Sequence[str] | None = None,
    ) -> PointSetup:
        """Change a service point's number, name, call order or work profile (letters, in order)."""
        return setup.update_service_point(
            self.store,
            self.clock,
            number,
            new_number=new_number,
            name=name,
            call_order=call_order,
            profile=profile,
        )

    @allowed("configure")
    def set_service_point_active(self, number: int, active: bool) -> PointSetup:
        """Retire a service point (kept for history) or put it back in use."""
        return setup.set_service_point_active(self.store, self.clock, number, active)

    @allowed("configure")
    def update_office(
        self,
        *,
        name: str | None = None,
        opening_hours: dict[str, Any] | None = None,
        recalls_before_no_show: int | None = None,
        recall_min_seconds: int | None = None,
        priority_ratio: int | None = None,
        retention_days: int | None = None,
        small_count_threshold: int | None = None,
        backup_days: int | None = None,
        idle_lock_minutes: int | None = None,
    ) -> OfficeInfo:
        """Change the office's name, opening hours or rules; None leaves a value as it is."""
        return setup.update_office(
            self.store,
            self.clock,
            name=name,
            opening_hours=opening_hours,
            recalls_before_no_show=recalls_before_no_show,
            recall_min_seconds=recall_min_seconds,
            priority_ratio=priority_ratio,
            retention_days=retention_days,
            small_count_threshold=small_count_threshold,
            backup_days=backup_days,
            idle_lock_minutes=idle_lock_minutes,
        )
