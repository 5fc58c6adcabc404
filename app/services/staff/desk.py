"""Staff accounts and sign-in bound to the store and clock: what screens and the CLI call."""

from __future__ import annotations

from app.services.access.actor import Desk, open_read
from app.services.staff import accounts, lockouts


class StaffDesk(Desk):
    """Sign in (anyone), and the accounts (the manager)."""

    sign_in = accounts.sign_in
    sign_in_checked = accounts.sign_in_checked
    change_own_pin = accounts.change_own_pin
    has_staff = open_read(accounts.has_staff)
    login_of = accounts.login_of
    create_first_manager = accounts.create_first_manager
    list = accounts.list_staff
    add = accounts.add_staff
    set_active = accounts.set_active
    set_role = accounts.set_role
    reset_pin = accounts.reset_pin
    recent_lockouts = lockouts.lockouts_since_last_sign_in
