"""A property-based fuzz of the receiver, generated from its own OpenAPI document.

Schemathesis reads ``/openapi.json`` (the same document FastAPI serves, built
from the payload's pydantic models) and draws requests for every operation:
documents that fit the schema and, in its negative mode, ones that do not.
Whatever it sends, the receiver never answers with a server error, and each
answer is one the document lists or a refusal the protocol names.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from tests.conftest import import_or_skip

import_or_skip("fastapi")  # the receiver's extra, in the test extras (and in CI)
schemathesis = import_or_skip("schemathesis")
# ruff: noqa: E402 - the imports below need the extras, checked just above
from hypothesis import HealthCheck, settings

from tests.receiving import receiver_app, receiver_store

TOKEN = "fuzz-token"


_FOLDER = tempfile.TemporaryDirectory(prefix="receiver-fuzz-")  # removed when the run ends
_ENGINE = receiver_store(Path(_FOLDER.name) / "receiver.sqlite3", {TOKEN: {"*"}})
schema = schemathesis.openapi.from_asgi("/openapi.json", receiver_app(_ENGINE))


@schema.parametrize()
@settings(max_examples=60, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
def test_no_request_drawn_from_the_openapi_document_gets_a_server_error(case):
    answer = case.call(headers={"Authorization": f"Bearer {TOKEN}"})
    assert answer.status_code < 500, answer.text
    # 400: a body that is not JSON at all; 404/405: a drawn path (an empty segment, a "/"
    # inside one, a method such as TRACE) that no route takes.
    assert answer.status_code in (200, 400, 401, 403, 404, 405, 409, 413, 422), answer.status_code
