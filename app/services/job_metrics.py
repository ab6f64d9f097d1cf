"""Job outcome counters kept in Redis, so /metrics on any API replica reports what every worker
finished (Prometheus client metrics live in one process; jobs finish in many)."""

from __future__ import annotations

from prometheus_client.core import CounterMetricFamily, Metric
from redis.asyncio import Redis

from app.models.job import Job

FINISHED_KEY = "atelier:metrics:jobs_finished"
SECONDS_KEY = "atelier:metrics:job_seconds"


async def record_finished(redis: Redis, job: Job) -> None:
    async with redis.pipeline(transaction=False) as pipe:
        pipe.hincrby(FINISHED_KEY, f"{job.kind.value}|{job.status.value}", 1)
        if job.started_at is not None and job.finished_at is not None:
            seconds = (job.finished_at - job.started_at).total_seconds()
            pipe.hincrbyfloat(SECONDS_KEY, job.kind.value, max(seconds, 0.0))
        await pipe.execute()


async def collect(redis: Redis) -> list[Metric]:
    finished = CounterMetricFamily(
        "atelier_jobs_finished", "Jobs that reached a terminal state", labels=["kind", "status"]
    )
    for field, value in (await redis.hgetall(FINISHED_KEY)).items():
        kind, status = field.decode().split("|", 1)
        finished.add_metric([kind, status], float(value))
    busy = CounterMetricFamily(
        "atelier_job_run_seconds", "Seconds jobs spent running, by kind", labels=["kind"]
    )
    for field, value in (await redis.hgetall(SECONDS_KEY)).items():
        busy.add_metric([field.decode()], float(value))
    return [finished, busy]
