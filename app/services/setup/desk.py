"""The office's set-up bound to its store, clock and acting staff member: what Settings calls."""

from __future__ import annotations

from app.services.access.actor import Desk, open_read
from app.services.office.info import get_office
from app.services.setup import office_setup as setup


class OfficeSetup(Desk):
    """Read and change the office's rules, queues, service points and catalog."""

    office = open_read(get_office)
    update_office = setup.update_office
    catalog_overview = open_read(setup.catalog_overview)
    add_catalog_entry = setup.add_catalog_entry
    rename_catalog_entry = setup.rename_catalog_entry
    set_catalog_entry_active = setup.set_catalog_entry_active
    export_catalog_file = setup.export_catalog_file
    import_catalog_file = setup.import_catalog_file
    list_queue_setup = open_read(setup.list_queue_setup)
    add_queue = setup.add_queue
    update_queue = setup.update_queue
    set_queue_active = setup.set_queue_active
    list_point_setup = open_read(setup.list_point_setup)
    add_service_point = setup.add_service_point
    update_service_point = setup.update_service_point
    set_service_point_active = setup.set_service_point_active
