"""The receiver's bearer tokens, kept hashed: the tokens file never holds a token itself.

The file is a JSON object of ``"sha256:<hex>"`` → the list of office codes
that token may send for (``"*"``: any office, the central office's own reading
token). A token is 32 random bytes, so a plain SHA-256 is as strong as a slow
hash here and costs nothing per request; it is compared in constant time.
``servicedisk receiver --tokens FILE --add-token CODE`` makes one, prints it
once and keeps only its hash.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path

PREFIX = "sha256:"


def hash_token(token: str) -> str:
    """The form a token is kept in."""
    return PREFIX + hashlib.sha256(token.encode("utf-8")).hexdigest()


def offices_of(tokens: Mapping[str, set[str]], token: str) -> set[str] | None:
    """The offices a presented token may act for, or None for an unknown token."""
    presented = hash_token(token)
    found = None
    for kept, offices in tokens.items():  # every entry compared: no early exit to time
        if hmac.compare_digest(kept, presented):
            found = offices
    return found


def read_tokens(path: Path) -> dict[str, set[str]]:
    """The tokens file: hash → set of office codes (refused when a token is kept in clear)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or not all(isinstance(v, list) for v in data.values()):
        raise ValueError(f"{path}: expected an object of token hash → list of office codes")
    clear = [k for k in data if not (k.startswith(PREFIX) and len(k) == len(PREFIX) + 64)]
    if clear:
        raise ValueError(
            f"{path}: {len(clear)} entries are not token hashes (sha256:…); "
            "make tokens with `servicedisk receiver --tokens FILE --add-token CODE`"
        )
    return {str(kept): {str(o) for o in offices} for kept, offices in data.items()}


def add_token(path: Path, offices: Iterable[str]) -> str:
    """Make a new token for these offices, keep its hash in the file; the token, once."""
    kept = read_tokens(path) if path.exists() else {}
    token = secrets.token_urlsafe(32)
    kept[hash_token(token)] = set(offices)
    text = json.dumps({k: sorted(v) for k, v in kept.items()}, indent=2, sort_keys=True) + "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, aside = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:  # mkstemp: readable by the user only
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(aside, path)
    except BaseException:
        Path(aside).unlink(missing_ok=True)
        raise
    return token


def hashed(plain: Mapping[str, Iterable[str]]) -> dict[str, set[str]]:
    """Token → offices, as the receiver keeps them (for tests, benchmarks and embedding)."""
    return {hash_token(token): set(offices) for token, offices in plain.items()}
