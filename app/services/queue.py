"""Delivering jobs to workers through arq; the job document stays the source of truth.

Each hand-over of a job is one delivery with its own arq id (`<job id>@<delivery>`), so a job
queued again while arq still holds its last delivery (a bundle job taking turns) is delivered
anew instead of being dropped as a duplicate.

What arq's public API expresses is used through it: a delivery's state is `arq.jobs.Job.status`,
retries are arq's `max_tries` and `Retry`, time limits its `job_timeout`, worker health its
health check. A delivery's place in arq's queue is its score, the time it may run from; an
interactive job's delivery is scored `INTERACTIVE_HEAD_START` earlier, so workers take it before
deliveries that waited less than that. Two things it cannot express touch its in-progress
marker directly: handing back the delivery of a worker that died (arq would wait out its job
timeout first) and clearing the markers a whole crashed installation left (`serve` at start,
before any worker runs). Leases and the reaper exist only for those.

arq finds new deliveries by polling; each delivery also pushes a wake-up onto a short list
that an idle worker waits on between polls (BLPOP, see app.workers.wake), so a job starts at
once instead of after up to a poll interval. The poll stays the safety net: a lost wake-up
(Redis restarted, the woken worker busy) costs at most the interval, as before.
"""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any

from arq.connections import ArqRedis
from arq.constants import in_progress_key_prefix
from arq.jobs import Job as ArqJob
from arq.jobs import JobStatus as ArqJobStatus
from redis.asyncio import Redis
from redis.exceptions import RedisError
from redis.exceptions import TimeoutError as RedisTimeoutError

from app import tracing
from app.models.common import utcnow
from app.models.job import Job, JobKind, JobPriority

log = logging.getLogger(__name__)

WORKER_FUNCTIONS: dict[JobKind, str] = {
    JobKind.INGEST: "ingest",
    JobKind.CONVERT: "convert",
    JobKind.RENDER: "render",
    JobKind.IMPORT: "import_storage",
}
_DELIVERY_SEPARATOR = "@"
INTERACTIVE_HEAD_START = timedelta(hours=1)
_HELD = frozenset({ArqJobStatus.queued, ArqJobStatus.deferred, ArqJobStatus.in_progress})
# Wake-ups kept for workers not waiting yet; more would only cause early polls.
WAKE_BACKLOG = 16
# Redis reads a blocking timeout in milliseconds, and 0 as "forever".
_SHORTEST_WAIT_SECONDS = 0.001


def wake_key(queue_name: str) -> str:
    return f"{queue_name}:wake"


async def wake_a_worker(redis: Redis, queue_name: str) -> None:
    """Tell one idle worker of `queue_name` to poll now."""
    key = wake_key(queue_name)
    async with redis.pipeline(transaction=True) as pipe:
        pipe.lpush(key, 1)
        pipe.ltrim(key, 0, WAKE_BACKLOG - 1)
        await pipe.execute()


async def wait_for_wake(redis: Redis, queue_name: str, seconds: float) -> bool:
    """Wait up to `seconds` for a wake-up; whether one came."""
    # redis-py's blpop types its timeout as whole seconds; Redis takes a fraction.
    wait = f"{max(seconds, _SHORTEST_WAIT_SECONDS):.3f}"
    try:
        woken = await redis.execute_command(  # type: ignore[no-untyped-call]  # unannotated
            "BLPOP", wake_key(queue_name), wait)
    except RedisTimeoutError:
        # A slow answer on a loaded machine is no outage: the poll that follows is the net.
        return False
    return woken is not None


def delivery_id(job: Job) -> str:
    return f"{job.id}{_DELIVERY_SEPARATOR}{job.deliveries}"


def job_of_delivery(arq_job_id: str) -> str:
    """Our job id from arq's id of one of its deliveries."""
    return arq_job_id.partition(_DELIVERY_SEPARATOR)[0]


class JobQueue:
    def __init__(self, pool: ArqRedis, queue_name: str) -> None:
        self.pool = pool
        self.queue_name = queue_name

    async def enqueue(self, job: Job) -> None:
        # Delivering the same delivery twice while queued is a no-op.
        # The trace context (W3C headers, with tracing on) continues in the job's span.
        carried = tracing.outgoing_context()
        extra: dict[str, Any] = {"trace_context": carried} if carried else {}
        if job.priority >= JobPriority.INTERACTIVE:
            extra["_defer_until"] = utcnow() - INTERACTIVE_HEAD_START
        await self.pool.enqueue_job(
            WORKER_FUNCTIONS[job.kind], job.id, _job_id=delivery_id(job),
            _queue_name=self.queue_name, **extra,
        )
        try:
            await wake_a_worker(self.pool, self.queue_name)
        except RedisError as fault:  # the delivery is queued: the poll finds it all the same
            log.warning("no worker woken for job %s: %s", job.id, fault)

    async def release(self, job: Job) -> None:
        """Drop a dead worker's claim so the job's delivery is picked up again."""
        await self.pool.delete(in_progress_key_prefix + delivery_id(job))

    async def holds(self, job: Job) -> bool:
        """Whether arq still has the job's delivery: waiting, deferred or running."""
        delivery = ArqJob(delivery_id(job), self.pool, _queue_name=self.queue_name)
        return await delivery.status() in _HELD

    async def clear_stale_claims(self) -> int:
        """Forget in-progress markers left by workers that died; only safe when none run."""
        keys = [key async for key in self.pool.scan_iter(match=in_progress_key_prefix + "*")]
        if keys:
            await self.pool.delete(*keys)
        return len(keys)
