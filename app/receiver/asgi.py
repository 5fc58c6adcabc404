"""The receiver as an importable ASGI application, for uvicorn or gunicorn with several workers.

    SERVICEDISK_RECEIVER_DATABASE=postgresql+psycopg://… \\
        uvicorn app.receiver.asgi:app --workers 4

Settings come from the environment (see docs/receiver.md): the database URL
(``SERVICEDISK_RECEIVER_DATABASE``, default: a SQLite file for trying it out),
``SERVICEDISK_RECEIVER_MAX_BODY`` (bytes), ``SERVICEDISK_RECEIVER_RATE`` and
``SERVICEDISK_RECEIVER_BURST`` (documents a second per token, and the burst).
Importing it opens nothing: each worker connects at its first request, and a
database not at head makes ``/ready`` answer 503 until ``upgrade`` has run.
"""

from __future__ import annotations

from app.receiver.settings import from_environment

app = from_environment()
