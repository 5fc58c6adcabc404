"""``servicedisk-receiver``: the central receiver's command line.

    servicedisk-receiver [--database URL] upgrade
    servicedisk-receiver [--database URL] status
    servicedisk-receiver [--database URL] serve [--host H] [--port P] [--workers N]
    servicedisk-receiver [--database URL] token add --office CODE [--office CODE …] [--label TEXT]
    servicedisk-receiver [--database URL] token list [--json]
    servicedisk-receiver [--database URL] token revoke ID
    servicedisk-receiver [--database URL] token rotate ID [--grace-hours H]
    servicedisk-receiver [--database URL] token import FILE

The database is ``--database`` or ``SERVICEDISK_RECEIVER_DATABASE`` (default:
a SQLite file in the user's data folder). Exit 0 done, 1 refused or failed
(the reason on stderr), 2 a usage error. A new token is printed alone on
stdout, once; the database keeps only its hash.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import timedelta
from pathlib import Path

from sqlalchemy.engine import Engine

from app import __version__
from app.receiver import db, tokens
from app.receiver.settings import (
    ENV_BURST,
    ENV_DATABASE,
    ENV_MAX_BODY,
    ENV_RATE,
    SettingError,
    default_database,
    log_as_json_lines,
    read_environment,
)

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


class Refused(Exception):
    """What the command cannot do, said in one line."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="servicedisk-receiver",
        description="The central receiver of the offices' daily summaries.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--database",
        metavar="URL",
        help=f"sqlite:///PATH or postgresql+psycopg://… (default: ${ENV_DATABASE}, "
        "else a SQLite file in your data folder)",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("upgrade", help="bring the database to the receiver's schema (run at install)")
    sub.add_parser("status", help="the database's schema revision, and whether it is current")
    serve = sub.add_parser("serve", help="answer HTTP until stopped")
    serve.add_argument("--host", default="127.0.0.1", help="default 127.0.0.1 (behind a proxy)")
    serve.add_argument("--port", type=int, default=8765)
    serve.add_argument("--workers", type=int, default=1, help="processes (default 1)")
    serve.add_argument("--max-body", type=int, help="bytes a document may have (default 1 MiB)")
    serve.add_argument("--rate", type=float, help="documents a second per token (default 50)")
    serve.add_argument("--burst", type=int, help="documents at once per token (default 100)")
    serve.add_argument(
        "--forwarded-allow-ips",
        default="127.0.0.1",
        help="proxies whose X-Forwarded-For is believed (default the local one)",
    )
    token = sub.add_parser("token", help="add, list, revoke and rotate tokens (live)")
    what = token.add_subparsers(dest="token_command", required=True)
    add = what.add_parser("add", help="a new token; printed once on stdout")
    add.add_argument(
        "--office",
        action="append",
        required=True,
        metavar="CODE",
        help="an office it may send for (repeat; * for every office, to read all)",
    )
    add.add_argument("--label", default="", help="who holds it, for `token list`")
    listed = what.add_parser("list", help="every token: id, label, offices, made, revoked")
    listed.add_argument("--json", action="store_true")
    revoke = what.add_parser("revoke", help="stop a token at once")
    revoke.add_argument("id", type=int)
    rotate = what.add_parser("rotate", help="a new token for the same offices; the old one stops")
    rotate.add_argument("id", type=int)
    rotate.add_argument(
        "--grace-hours",
        type=float,
        default=0.0,
        help="how long the old token still works (default: it stops now)",
    )
    imported = what.add_parser("import", help="the hashes of a former tokens file (JSON)")
    imported.add_argument("file", type=Path)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        url = args.database or os.environ.get(ENV_DATABASE) or default_database()
        return _run(args, url)
    except (Refused, tokens.TokenError, SettingError) as exc:
        print(f"servicedisk-receiver: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except ImportError as exc:
        print(
            f"servicedisk-receiver: a module is missing ({exc}): "
            "pip install 'servicedisk[receiver]' (and [postgres] for a server)",
            file=sys.stderr,
        )
        return EXIT_FAILED


def _run(args: argparse.Namespace, url: str) -> int:
    engine = db.open_engine(url)
    try:
        if args.command == "upgrade":
            before, after = db.upgrade(engine)
            said = "already at" if before == after else f"upgraded from {before or 'nothing'} to"
            print(f"{said} schema {after}")
            return EXIT_OK
        if args.command == "status":
            at, head = db.current(engine), db.head()
            print(
                f"schema {at or 'none'}, current {head}" + ("" if at == head else ": run upgrade")
            )
            return EXIT_OK if at == head else EXIT_FAILED
        if args.command == "serve":
            return _serve(args, url, engine)
        return _token(args, engine)
    finally:
        engine.dispose()


def _serve(args: argparse.Namespace, url: str, engine: Engine) -> int:
    if not db.at_head(engine):
        raise Refused(
            "the database is not at the receiver's schema: run `servicedisk-receiver upgrade`"
        )
    if not 1 <= args.workers <= 64 or not 1 <= args.port <= 65535:
        raise Refused("--workers must be 1-64 and --port 1-65535")
    import uvicorn

    os.environ[ENV_DATABASE] = url
    for name, value in (
        (ENV_MAX_BODY, args.max_body),
        (ENV_RATE, args.rate),
        (ENV_BURST, args.burst),
    ):
        if value is not None:
            os.environ[name] = str(value)
    read_environment()  # a bad setting refused here, not in every worker
    log_as_json_lines()
    uvicorn.run(
        "app.receiver.asgi:app",
        host=args.host,
        port=args.port,
        workers=args.workers,
        log_level="warning",
        access_log=False,  # the receiver's own request log replaces uvicorn's (no query strings)
        proxy_headers=True,
        forwarded_allow_ips=args.forwarded_allow_ips,
        server_header=False,
    )
    return EXIT_OK


def _token(args: argparse.Namespace, engine: Engine) -> int:
    if not db.at_head(engine):
        raise Refused(
            "the database is not at the receiver's schema: run `servicedisk-receiver upgrade`"
        )
    if args.token_command == "add":
        new_id, plain = tokens.add(engine, args.office, label=args.label)
        print(plain)
        print(
            f"token {new_id} for {', '.join(sorted(set(args.office)))}: shown this once",
            file=sys.stderr,
        )
    elif args.token_command == "list":
        found = tokens.listing(engine)
        if args.json:
            print(json.dumps(found, indent=2, ensure_ascii=False))
        for t in [] if args.json else found:
            state = f"revoked {t['revoked_at']}" if t["revoked_at"] else "valid"
            print(
                f"{t['id']:>4}  {', '.join(t['offices']):<30} {t['label']:<24} "
                f"made {t['created_at']}  {state}"
            )
    elif args.token_command == "revoke":
        tokens.revoke(engine, args.id)
        print(f"token {args.id} revoked", file=sys.stderr)
    elif args.token_command == "rotate":
        if not 0 <= args.grace_hours <= 24 * 90:
            raise Refused("--grace-hours must be from 0 to 2160 (90 days)")
        grace = timedelta(hours=args.grace_hours)
        new_id, plain = tokens.rotate(engine, args.id, grace=grace)
        print(plain)
        print(
            f"token {new_id} replaces token {args.id}"
            + (f", which works {args.grace_hours:g} hours more" if grace else ", revoked now"),
            file=sys.stderr,
        )
    else:
        try:
            added = tokens.import_file(engine, args.file)
        except (OSError, json.JSONDecodeError) as exc:
            raise Refused(f"cannot read {args.file}: {exc}") from exc
        print(f"{added} tokens imported", file=sys.stderr)
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
