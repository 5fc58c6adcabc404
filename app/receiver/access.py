"""Who is asking: the request's token looked up in the receiver's database, before anything else.

``Token`` for the API (``Authorization: Bearer``), ``Browser`` for the
overview's pages (the same, or HTTP Basic with the token as the password, so a
browser's own prompt can be used). Both are declared in the OpenAPI document
as security schemes. 401 for no token, an unknown one, or one revoked.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
from datetime import UTC, datetime
from typing import Annotated

from fastapi import Depends, HTTPException, Request
from fastapi.security import (
    HTTPAuthorizationCredentials,
    HTTPBasic,
    HTTPBasicCredentials,
    HTTPBearer,
)
from sqlalchemy.engine import Engine

from app.receiver.tokens import Holder, holder

bearer = HTTPBearer(
    auto_error=False, description="A token made by `servicedisk-receiver token add`"
)
basic = HTTPBasic(
    auto_error=False, description="For a browser: any user name, the token as password"
)


def token_of(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> Holder:
    """The holder of the request's bearer token (401 without one the receiver knows)."""
    plain = credentials.credentials if credentials else ""
    return holder_of(request.app.state.single, plain, browser=False)


def browser_token(
    request: Request,
    _basic: Annotated[HTTPBasicCredentials | None, Depends(basic)],
) -> Holder:
    """Bearer, or HTTP Basic with the token as the password (a browser's prompt)."""
    scheme, _, value = request.headers.get("authorization", "").partition(" ")
    plain = value if scheme.lower() == "bearer" else ""
    if scheme.lower() == "basic":
        with contextlib.suppress(ValueError, UnicodeDecodeError, binascii.Error):
            plain = base64.b64decode(value, validate=True).decode().partition(":")[2]
    return holder_of(request.app.state.single, plain, browser=True)


Token = Annotated[Holder, Depends(token_of)]
Browser = Annotated[Holder, Depends(browser_token)]


def holder_of(engine: Engine, plain: str, *, browser: bool) -> Holder:
    with engine.connect() as conn:
        found = holder(conn, plain, datetime.now(UTC)) if plain else None
    if found is None:
        challenge = {"WWW-Authenticate": 'Basic realm="servicedisk"' if browser else "Bearer"}
        raise HTTPException(401, "missing, unknown or revoked token", headers=challenge)
    return found
