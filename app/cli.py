"""The `atelier` command: serve, api, worker, token create and ingest."""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from pathlib import Path
from typing import Any

from app.config import Settings
from app.models.token import Scope


def _settings(args: argparse.Namespace) -> Settings:
    overrides: dict[str, Any] = {
        key: value for key in ("host", "port", "data_dir", "workers")
        if (value := getattr(args, key, None)) is not None
    }
    return Settings(**overrides)


def _listen_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", help="address to listen on (env ATELIER_HOST, 127.0.0.1)")
    parser.add_argument("--port", type=int, help="port to listen on (env ATELIER_PORT, 8000)")


def _serve(args: argparse.Namespace) -> int:
    from app.serve import serve

    serve(_settings(args))
    return 0


def _api(args: argparse.Namespace) -> int:
    import uvicorn

    from app.main import create_app

    settings = _settings(args)
    uvicorn.run(create_app(settings), host=settings.host, port=settings.port,
                log_level="info", proxy_headers=True)
    return 0


def _worker(args: argparse.Namespace) -> int:
    from app.workers import runner

    if args.check:
        return runner.check(_settings(args))
    runner.run(_settings(args))
    return 0


def _token_create(args: argparse.Namespace) -> int:
    from app.serve import with_running_serve
    from app.services.container import opened_services

    scopes = [Scope(scope.strip().upper()) for scope in args.scopes.split(",") if scope.strip()]

    settings = with_running_serve(_settings(args))

    async def create() -> str:
        async with opened_services(settings) as services:
            _, secret = await services.tokens.create(
                None, owner=args.owner, name=args.name or args.owner, scopes=scopes
            )
            return secret

    print(asyncio.run(create()))
    return 0


def _ingest(args: argparse.Namespace) -> int:
    from app.client.ingest import ingest_paths

    return asyncio.run(ingest_paths([Path(p) for p in args.paths], server=args.server,
                                    token=args.token, tags=args.tag or []))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="atelier", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    serve = commands.add_parser("serve", help="API, workers and embedded stores in one command")
    _listen_options(serve)
    serve.add_argument("--data-dir", type=Path, help="where data lives (env ATELIER_DATA_DIR)")
    serve.add_argument("--workers", type=int, help="worker processes (env ATELIER_WORKERS, 1)")
    serve.set_defaults(handler=_serve)

    api = commands.add_parser("api", help="the API alone, configured by ATELIER_* env")
    _listen_options(api)
    api.set_defaults(handler=_api)

    worker = commands.add_parser("worker", help="one worker, configured by ATELIER_* env")
    worker.set_defaults(handler=_worker)

    token = commands.add_parser("token", help="manage API tokens")
    token_commands = token.add_subparsers(dest="token_command", required=True)
    create = token_commands.add_parser("create", help="print a new token's secret once")
    create.add_argument("--owner", required=True)
    create.add_argument("--scopes", required=True,
                        help=f"comma-separated: {','.join(s.value for s in Scope)}")
    create.add_argument("--name")
    create.add_argument("--data-dir", type=Path)
    create.set_defaults(handler=_token_create)

    ingest = commands.add_parser("ingest", help="upload files and folders to a running server")
    ingest.add_argument("paths", nargs="+")
    ingest.add_argument("--server", required=True, help="e.g. http://127.0.0.1:8000")
    ingest.add_argument("--token", required=True)
    ingest.add_argument("--tag", action="append", help="tag every asset (repeatable)")
    ingest.set_defaults(handler=_ingest)
    return parser


def main(argv: list[str] | None = None) -> None:
    logging.basicConfig(level=logging.INFO,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    worker.add_argument("--check", action="store_true",
                        help="exit 0 if a worker on this host has a fresh heartbeat (a probe)")
    args = build_parser().parse_args(argv)
    sys.exit(args.handler(args))
