"""Liveness (/healthz: the process answers) and readiness (/readyz: its stores answer).

Readiness details (which store failed, and how) are for an ADMIN bearer only: anyone else
learns the status, never the exception text of a store.
"""

from __future__ import annotations

import logging

from starlette.requests import Request
from starlette.responses import JSONResponse

from app.errors import AtelierError

log = logging.getLogger(__name__)


async def healthz(request: Request) -> JSONResponse:
    return JSONResponse({"status": "ok"})


async def _is_admin(request: Request) -> bool:
    authorization = request.headers.get("authorization")
    if authorization is None:
        return False
    try:
        principal = await request.app.state.services.tokens.authenticate(authorization)
    except AtelierError:
        return False
    except Exception:
        # The database being down is what /readyz reports, not a reason to fail it.
        log.warning("readiness: the bearer could not be checked", exc_info=True)
        return False
    return bool(principal.is_admin)


async def readyz(request: Request) -> JSONResponse:
    checks = await request.app.state.services.readiness()
    ready = all(result == "ok" for result in checks.values())
    body: dict[str, object] = {"status": "ready" if ready else "unavailable"}
    if await _is_admin(request):
        body["checks"] = checks
    return JSONResponse(body, status_code=200 if ready else 503)
