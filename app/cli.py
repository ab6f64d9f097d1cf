"""The `atelier` command: serve, api, worker, token create and ingest."""

from __future__ import annotations

import argparse
import asyncio
import sys
from importlib import metadata
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from app import logs, tracing
from app.audit_export import add_audit_commands
from app.backup.commands import add_backup_commands
from app.config import Settings
from app.errors import AtelierError
from app.fsck import add_fsck_command
from app.models.token import Scope
from app.usage import UsageError, report_usage_error

EXIT_INTERRUPTED = 130


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

    settings = _settings(args)
    tracing.configure(settings, "atelier-api")
    serve(settings)
    return 0


def _api(args: argparse.Namespace) -> int:
    import uvicorn

    from app.main import create_app, settle_heap

    settings = _settings(args)
    tracing.configure(settings, "atelier-api")
    app = create_app(settings)
    settle_heap()
    # log_config=None: uvicorn keeps the handlers logs.configure installed.
    uvicorn.run(app, host=settings.host, port=settings.port,
                log_level="info", log_config=None, proxy_headers=True)
    return 0


def _worker(args: argparse.Namespace) -> int:
    settings = _settings(args)
    if args.check:
        from app.workers import probe

        return probe.check(settings)
    from app.workers import runner

    tracing.configure(settings, "atelier-worker")
    runner.run(settings)
    return 0


def _token_create(args: argparse.Namespace) -> int:
    from app.serve import with_running_serve
    from app.services.container import opened_services

    scopes = _scopes(args.scopes)
    settings = with_running_serve(_settings(args))

    async def create() -> str:
        async with opened_services(settings) as services:
            _, secret = await services.tokens.create(
                None, owner=args.owner, name=args.name or args.owner, scopes=scopes
            )
            return secret

    print(asyncio.run(create()))
    return 0


def _scopes(text: str) -> list[Scope]:
    names = [name.strip().upper() for name in text.split(",") if name.strip()]
    unknown = [name for name in names if name not in Scope.__members__]
    if unknown or not names:
        problem = f"unknown scope {', '.join(map(repr, unknown))}" if unknown else "no scope"
        raise UsageError(f"{problem} in --scopes; the scopes are {', '.join(Scope.__members__)}")
    return [Scope[name] for name in names]


def _ingest(args: argparse.Namespace) -> int:
    from app.client.ingest import ingest_paths

    settings = Settings()
    server, token = args.server or settings.server, args.token or settings.token
    if not server:
        raise UsageError("no server given: pass --server URL or set ATELIER_SERVER")
    if not token:
        raise UsageError("no token given: pass --token T or set ATELIER_TOKEN")
    return asyncio.run(ingest_paths(args.paths, server=server, token=token,
                                    tags=args.tag or []))


def _schema(args: argparse.Namespace) -> int:
    from app.schema.schema import build_schema

    print(build_schema(_settings(args).max_query_depth).as_str())
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="atelier", description=__doc__)
    parser.add_argument("--version", action="version",
                        version=f"%(prog)s {metadata.version('atelier')}")
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
    worker.add_argument("--check", action="store_true",
                        help="exit 0 if a worker on this host has a fresh heartbeat (a probe)")
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

    ingest = commands.add_parser("ingest", help="upload files, folders and s3://bucket/prefix "
                                 "(read with your own AWS credentials) to a running server")
    ingest.add_argument("paths", nargs="+")
    ingest.add_argument("--server", help="e.g. http://127.0.0.1:8000 (env ATELIER_SERVER)")
    ingest.add_argument("--token", help="an API token's secret (env ATELIER_TOKEN)")
    ingest.add_argument("--tag", action="append", help="tag every asset (repeatable)")
    ingest.set_defaults(handler=_ingest)
    add_backup_commands(commands)
    add_audit_commands(commands)
    add_fsck_command(commands)

    schema = commands.add_parser("schema", help="print the GraphQL schema (SDL)")
    schema.set_defaults(handler=_schema)
    return parser


def main(argv: list[str] | None = None) -> None:
    args = build_parser().parse_args(argv)
    try:
        logs.configure(_settings(args))
        code = args.handler(args)
    except UsageError as error:
        code = report_usage_error(error)
    except ValidationError as error:
        code = report_usage_error(UsageError(_invalid_settings(error)))
    except AtelierError as error:
        code = report_usage_error(UsageError(error.message))
    except KeyboardInterrupt:
        code = EXIT_INTERRUPTED
    sys.exit(code)


def _invalid_settings(error: ValidationError) -> str:
    problems = [f"ATELIER_{'_'.join(map(str, problem['loc'])).upper()}: {problem['msg']}"
                for problem in error.errors()]
    return f"invalid setting {'; '.join(problems)}"
