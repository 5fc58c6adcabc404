"""Staff accounts and sign-in bound to the store and clock: what screens and the CLI call."""

from __future__ import annotations

from dataclasses import dataclass

from app.services.access.actor import NOBODY, Actor, allowed
from app.services.office.clock import Clock
from app.services.staff import accounts
from app.services.staff.accounts import StaffView
from app.store.engine import Store


@dataclass(frozen=True)
class StaffDesk:
    """Sign in (anyone), and the accounts (the manager)."""

    store: Store
    clock: Clock
    actor: Actor = NOBODY

    def sign_in(self, login: str, pin: str) -> Actor:
        """The signed-in actor, or SignInError / LockedOutError."""
        return accounts.sign_in(self.store, self.clock, login, pin)

    def has_staff(self) -> bool:
        """Whether any account exists yet."""
        return accounts.has_staff(self.store)

    def create_first_manager(
        self, login: str, pin: str, confirmation: str, display_name: str | None = None
    ) -> StaffView:
        """The first-run wizard's manager (refused once any account exists)."""
        return accounts.add_staff(
            self.store,
            self.clock,
            login,
            "manager",
            pin,
            confirmation,
            display_name=display_name,
            first=True,
        )

    @allowed("staff")
    def list(self) -> list[StaffView]:
        """Every account."""
        return accounts.list_staff(self.store)

    @allowed("staff")
    def add(
        self, login: str, role: str, pin: str, confirmation: str, display_name: str | None = None
    ) -> StaffView:
        """A new account."""
        return accounts.add_staff(
            self.store, self.clock, login, role, pin, confirmation, display_name=display_name
        )

    @allowed("staff")
    def set_active(self, login: str, active: bool) -> StaffView:
        """Disable or enable an account."""
        return accounts.set_active(self.store, self.clock, login, active)

    @allowed("staff")
    def set_role(self, login: str, role: str) -> StaffView:
        """Change an account's role."""
        return accounts.set_role(self.store, self.clock, login, role)

    @allowed("staff")
    def reset_pin(self, login: str, pin: str, confirmation: str) -> StaffView:
        """Set a new PIN and lift a lock-out."""
        return accounts.reset_pin(self.store, self.clock, login, pin, confirmation)
