"""arq worker settings: the job functions, the services each worker process opens, and its
heartbeat (arq's health check, one key per host, read by `atelier worker --check`)."""

from __future__ import annotations

import asyncio
import logging
from typing import Any, cast

from arq.worker import Function, Worker

from app.config import Settings
from app.services.container import Services, open_arq
from app.workers.convert import convert
from app.workers.ingest import expire_uploads, ingest
from app.workers.leases import end_lease, reap_forever, start_lease
from app.workers.observed import observed
from app.workers.probe import heartbeat_key
from app.workers.render import render
from app.workers.storage_import import import_storage
from app.workers.storage_sweep import sweep_storage_forever
from app.workers.wake import WakingWorker
from app.workers.webhooks import start_webhook_deliveries, stop_webhook_deliveries

log = logging.getLogger(__name__)

JOB_FUNCTIONS = [observed(job) for job in (ingest, render, convert, import_storage,
                                            expire_uploads)]
# arq's own limit backs up the per-job sandbox limit, with room for storing results.
ARQ_TIMEOUT_MARGIN_SECONDS = 120


def build_worker(settings: Settings) -> Worker:
    if not settings.redis_url:
        raise RuntimeError("set ATELIER_REDIS_URL (or use `atelier serve`)")

    async def startup(ctx: dict[str, Any]) -> None:
        # arq calls this again each time the runner reconnects; the services outlive outages.
        if "services" not in ctx:
            services = await Services.open(settings)
            ctx["services"] = services
            ctx["max_tries"] = settings.job_max_attempts
            ctx["leases"] = {}
            ctx["reaper"] = asyncio.create_task(reap_forever(services), name="job-reaper")
            ctx["storage_sweep"] = asyncio.create_task(sweep_storage_forever(services),
                                                       name="storage-sweep")
            ctx["webhooks"] = start_webhook_deliveries(services)
        log.info("worker ready on queue %s", settings.queue_name)

    async def shutdown(ctx: dict[str, Any]) -> None:
        for loop in ("reaper", "storage_sweep"):
            task: asyncio.Task[None] | None = ctx.get(loop)
            if task is not None:
                task.cancel()
        webhooks: asyncio.Task[None] | None = ctx.get("webhooks")
        if webhooks is not None:
            await stop_webhook_deliveries(webhooks)
        services: Services | None = ctx.get("services")
        if services is not None:
            await services.close()

    return WakingWorker(
        # arq types job functions as taking any arguments; ours name theirs.
        functions=cast(list[Function], JOB_FUNCTIONS),
        queue_name=settings.queue_name,
        redis_pool=open_arq(settings),
        on_startup=startup,
        on_shutdown=shutdown,
        on_job_start=start_lease,
        on_job_end=end_lease,
        max_jobs=settings.worker_concurrency,
        job_timeout=settings.job_timeout_seconds + ARQ_TIMEOUT_MARGIN_SECONDS,
        keep_result=0,
        poll_seconds=settings.worker_poll_seconds,
        # Each wait for a wake-up ends well before Redis's socket timeout would.
        longest_wait_seconds=settings.dependency_timeout_seconds / 2,
        # One delivery beyond our own limit, so a job whose worker died records its failure.
        max_tries=settings.job_max_attempts + 1,
        health_check_interval=settings.worker_heartbeat_seconds,
        health_check_key=heartbeat_key(settings),
    )
