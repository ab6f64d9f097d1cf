"""arq worker settings: the job functions, and the services each worker process opens."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from arq.connections import RedisSettings
from arq.worker import Worker

from app.config import Settings
from app.services.container import Services
from app.workers.convert import convert
from app.workers.ingest import expire_uploads, ingest
from app.workers.leases import end_lease, reap_forever, start_lease
from app.workers.render import render

log = logging.getLogger(__name__)

JOB_FUNCTIONS = [ingest, render, convert, expire_uploads]
# arq's own limit backs up the per-job sandbox limit, with room for storing results.
ARQ_TIMEOUT_MARGIN_SECONDS = 120


def build_worker(settings: Settings) -> Worker:
    if not settings.redis_url:
        raise RuntimeError("set ATELIER_REDIS_URL (or use `atelier serve`)")

    async def startup(ctx: dict[str, Any]) -> None:
        services = await Services.open(settings)
        ctx["services"] = services
        ctx["max_tries"] = settings.job_max_attempts
        ctx["leases"] = {}
        ctx["reaper"] = asyncio.create_task(reap_forever(services), name="job-reaper")
        log.info("worker ready on queue %s", settings.queue_name)

    async def shutdown(ctx: dict[str, Any]) -> None:
        reaper: asyncio.Task[None] | None = ctx.get("reaper")
        if reaper is not None:
            reaper.cancel()
        services: Services | None = ctx.get("services")
        if services is not None:
            await services.close()

    return Worker(
        functions=JOB_FUNCTIONS,
        queue_name=settings.queue_name,
        redis_settings=RedisSettings.from_dsn(settings.redis_url),
        on_startup=startup,
        on_shutdown=shutdown,
        on_job_start=start_lease,
        on_job_end=end_lease,
        max_jobs=settings.worker_concurrency,
        job_timeout=settings.job_timeout_seconds + ARQ_TIMEOUT_MARGIN_SECONDS,
        keep_result=0,
        poll_delay=settings.worker_poll_seconds,
        # One delivery beyond our own limit, so a job whose worker died records its failure.
        max_tries=settings.job_max_attempts + 1,
    )
