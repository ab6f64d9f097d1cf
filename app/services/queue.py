"""Delivering jobs to workers through arq; the job document stays the source of truth."""

from __future__ import annotations

from arq.connections import ArqRedis
from arq.constants import in_progress_key_prefix, job_key_prefix

from app.models.job import Job, JobKind

WORKER_FUNCTIONS: dict[JobKind, str] = {
    JobKind.INGEST: "ingest",
    JobKind.CONVERT: "convert",
    JobKind.RENDER: "render",
}


class JobQueue:
    def __init__(self, pool: ArqRedis, queue_name: str) -> None:
        self.pool = pool
        self.queue_name = queue_name

    async def enqueue(self, job: Job) -> None:
        # arq's job id is ours, so delivering the same job twice while queued is a no-op.
        await self.pool.enqueue_job(
            WORKER_FUNCTIONS[job.kind], job.id, _job_id=job.id, _queue_name=self.queue_name
        )

    async def release(self, job_id: str) -> None:
        """Drop a dead worker's claim so the job's delivery is picked up again."""
        await self.pool.delete(in_progress_key_prefix + job_id)

    async def holds(self, job_id: str) -> bool:
        return bool(await self.pool.exists(job_key_prefix + job_id))

    async def clear_stale_claims(self) -> int:
        """Forget in-progress markers left by workers that died; only safe when none run."""
        keys = [key async for key in self.pool.scan_iter(match="arq:in-progress:*")]
        if keys:
            await self.pool.delete(*keys)
        return len(keys)
