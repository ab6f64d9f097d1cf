"""Job functions run observed: every log line a job writes carries its job id and kind, and with
tracing on the job runs in a span that continues the trace whose request enqueued it."""

from __future__ import annotations

import functools
import logging
import time
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

import structlog

from app import tracing
from app.services.queue import WORKER_FUNCTIONS

log = logging.getLogger(__name__)

JobFunction = Callable[..., Awaitable[Any]]
KIND_OF_FUNCTION = {name: kind.value for kind, name in WORKER_FUNCTIONS.items()}


def observed(function: JobFunction) -> JobFunction:
    """`function`, taking the `trace_context` the queue hands over with each delivery."""
    kind = KIND_OF_FUNCTION.get(function.__name__, function.__name__)

    @functools.wraps(function)
    async def run(ctx: dict[str, Any], *args: Any,
                  trace_context: Mapping[str, str] | None = None, **kwargs: Any) -> Any:
        job_id = str(args[0]) if args else None
        # arq runs each job in its own task, so this binding ends with the job.
        structlog.contextvars.bind_contextvars(job_id=job_id, job_kind=kind)
        attributes = {"atelier.job.kind": kind, "atelier.job.id": job_id or ""}
        started = time.perf_counter()
        log.info("job started (try %s)", ctx.get("job_try"))
        try:
            with tracing.job_span(f"job {kind}", trace_context, attributes):
                return await function(ctx, *args, **kwargs)
        finally:
            log.info("job run ended after %.2fs", time.perf_counter() - started)

    return run
