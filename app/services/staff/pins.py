"""PINs and passwords, kept only as a slow salted hash (scrypt, from the standard library).

The stored form is ``scrypt$<log2 n>$<r>$<p>$<salt hex>$<hash hex>``, so the
cost can be raised later and old hashes still check. n = 2^15, r = 8, p = 1
costs 32 MB and about a tenth of a second per check: slow for a guesser with a
copy of the database, unnoticed at a sign-in. The wrong-attempt lock-out
(:mod:`app.services.staff.accounts`) is what stops guessing at the counter.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import secrets

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
