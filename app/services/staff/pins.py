"""PINs and passwords: how long they must be, and kept only as a slow salted hash (scrypt).

The stored form is ``scrypt$<log2 n>$<r>$<p>$<salt hex>$<hash hex>``, so the
cost can be raised later and old hashes still check. n = 2^15, r = 8, p = 1
costs 32 MB and about a tenth of a second per check: slow for a guesser with a
copy of the database, unnoticed at a sign-in. The wrong-attempt lock-out
(:mod:`app.services.staff.accounts`) is what stops guessing at the counter.

Length is what stops a search with a copy of the store: 10,000 four-digit PINs take about
40 minutes on one core at a quarter of a second a try, a million six-digit ones about three
days, and a passphrase far longer. So a manager's PIN is six characters at least, and the
office may ask more of everyone (Settings › Kontoret). A PIN shorter than the rule it meets
at sign-in is changed there and then.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import secrets

from app.services import ServiceError
from app.services.access.actor import MANAGER

PIN_MIN, PIN_MAX = 4, 128  # what the office may set as everyone's shortest, and the longest
MANAGER_PIN_MIN = 6  # a manager's PIN guards the office's records: never shorter
OFFICE_PIN_MIN_RANGE = (PIN_MIN, 12)
LOG2_N, R, P = 15, 8, 1
SALT_BYTES, KEY_BYTES = 16, 32
_MAXMEM = 64 * 1024 * 1024


def _derive(pin: str, salt: bytes, log2_n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(
        pin.encode("utf-8"), salt=salt, n=2**log2_n, r=r, p=p, maxmem=_MAXMEM, dklen=KEY_BYTES
    )


def hash_pin(pin: str) -> str:
    """The stored form of a PIN: a new random salt each time."""
    salt = secrets.token_bytes(SALT_BYTES)
    key = _derive(pin, salt, LOG2_N, R, P)
    return f"scrypt${LOG2_N}${R}${P}${salt.hex()}${key.hex()}"


def check_pin(pin: str, stored: str | None) -> bool:
    """Whether the PIN matches the stored hash (constant-time; False for none or a bad one)."""
    if not stored:
        check_pin(pin, _dummy())  # the same work as a real check: no timing tells
        return False
    try:
        scheme, log2_n, r, p, salt, key = stored.split("$")
        if scheme != "scrypt":
            return False
        derived = _derive(pin, bytes.fromhex(salt), int(log2_n), int(r), int(p))
    except (ValueError, MemoryError):
        return False
    return hmac.compare_digest(derived, bytes.fromhex(key))


@functools.cache
def _dummy() -> str:
    """A hash no PIN matches, checked against for an unknown login."""
    return hash_pin(secrets.token_hex(16))


class StaffError(ServiceError):
    """An account request refused."""


class PinRuleError(StaffError):
    """A new PIN does not meet the rules (the message says which)."""


def pin_minimum(role: str | None, office_minimum: int) -> int:
    """The shortest PIN allowed for a role: the office's, never under six for a manager."""
    shortest = max(PIN_MIN, office_minimum)
    return max(shortest, MANAGER_PIN_MIN) if role == MANAGER else shortest


def check_new_pin(pin: str, confirmation: str, minimum: int = PIN_MIN) -> str:
    """A new PIN that its confirmation repeats, at least ``minimum`` long, or PinRuleError."""
    if pin != confirmation:
        raise PinRuleError(
            "The PIN and its confirmation differ; nothing was changed.",
            "staff.pin.differ",
        )
    if len(pin) < minimum:
        raise PinRuleError(
            f"The PIN must be at least {minimum} characters.",
            "staff.pin.too_short",
            minimum=minimum,
        )
    if len(pin) > PIN_MAX:
        raise PinRuleError(
            f"A PIN is at most {PIN_MAX} characters.", "staff.pin.too_long", maximum=PIN_MAX
        )
    if len(set(pin)) == 1:
        raise PinRuleError(
            "A PIN of one repeated character is too easy to guess.",
            "staff.pin.repeated",
        )
    return pin
