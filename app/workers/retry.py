"""Passing faults (database, Redis, storage hiccups) retry the job; the last try fails it."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import AsyncIterator
from typing import Any

from arq.worker import Retry
from botocore.exceptions import BotoCoreError, ClientError
from pymongo.errors import PyMongoError
from redis.exceptions import RedisError

from app.errors import AtelierError, ErrorCode
from app.workers.job_run import JobRun

log = logging.getLogger(__name__)

PASSING_FAULTS = (PyMongoError, RedisError, OSError, BotoCoreError, ClientError)


@contextlib.asynccontextmanager
async def retry_on_passing_faults(run: JobRun, ctx: dict[str, Any]) -> AsyncIterator[None]:
    try:
        yield
    except PASSING_FAULTS as fault:
        attempt, allowed = int(ctx.get("job_try", 1)), int(ctx.get("max_tries", 1))
        reason = f"{type(fault).__name__}: {fault}"[:300]
        if attempt >= allowed:
            log.error("job %s failed after %d attempts: %s", run.job.id, attempt, reason)
            raise AtelierError(
                f"failed after {attempt} attempts: {reason}", code=ErrorCode.INTERNAL
            ) from fault
        log.warning("job %s attempt %d hit a passing fault, retrying: %s",
                    run.job.id, attempt, reason)
        with contextlib.suppress(*PASSING_FAULTS):
            await run.requeue(f"retrying after: {reason}")
        raise Retry(defer=attempt * 2) from fault
