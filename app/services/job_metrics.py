"""Job metrics kept in Redis, so /metrics on any API replica reports what every worker did
(Prometheus client metrics live in one process; jobs finish in many): finished jobs, job
durations by kind and outcome, stage durations by kind and stage, and the queue's depth.

A finished job's stages are read back from its events (the source of truth, one read per
job): each stage lasts from its first event to the next stage's, in the last attempt; a counted
stage (`frame 3/40`, `model 2/9`) is one stage (`frame`), every counter of it dropped (a
path-traced turntable's `frame 3/40, pass 2/8` is `frame, pass`), so label values stay few.
The same timings become the job's stage spans when tracing is on.
"""

from __future__ import annotations

import bisect
import logging
import re
from collections.abc import Awaitable, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import cast

from prometheus_client.core import (
    CounterMetricFamily,
    GaugeMetricFamily,
    HistogramMetricFamily,
    Metric,
)
from pymongo.errors import PyMongoError
from redis.asyncio import Redis
from redis.asyncio.client import Pipeline

from app import tracing
from app.models.job import Job, JobEvent, JobStatus

log = logging.getLogger(__name__)

FINISHED_KEY = "atelier:metrics:jobs_finished"
DURATION_KEY = "atelier:metrics:job_duration"
STAGE_DURATION_KEY = "atelier:metrics:job_stage_duration"
BUCKETS = (0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600)
_SEPARATOR = "|"
_COUNTER = re.compile(r"\s+\d+/\d+")


@dataclass(frozen=True)
class StageTiming:
    stage: str
    started_at: datetime
    ended_at: datetime

    @property
    def seconds(self) -> float:
        return max((self.ended_at - self.started_at).total_seconds(), 0.0)


def _observe(pipe: Pipeline, key: str, labels: tuple[str, ...], seconds: float) -> None:
    """One observation of a histogram kept as a Redis hash: its bucket, count and sum."""
    prefix = _SEPARATOR.join(labels)
    bucket = bisect.bisect_left(BUCKETS, seconds)
    pipe.hincrby(key, f"{prefix}{_SEPARATOR}{bucket}", 1)
    pipe.hincrbyfloat(key, f"{prefix}{_SEPARATOR}sum", seconds)


def stage_label(stage: object) -> str | None:
    return _COUNTER.sub("", stage) if isinstance(stage, str) else None


# What a job's events say of its stages: each event's stage, and when it was written.
StageTrail = Iterable[tuple[object, datetime]]


def timings_of(trail: StageTrail) -> list[StageTiming]:
    """The stages of a trail of events in order, each from its first event to the next
    stage's; the last event (the job's end) ends the last stage."""
    timings: list[StageTiming] = []
    current: tuple[str, datetime] | None = None
    for raw_stage, written_at in trail:
        stage = stage_label(raw_stage)
        if current is not None and stage == current[0]:
            continue
        if current is not None:
            timings.append(StageTiming(current[0], current[1], written_at))
        current = (stage, written_at) if stage is not None else None
    return timings


async def stage_timings(job: Job) -> list[StageTiming]:
    """The stages of the job's last attempt, in order, up to its end, read from its events."""
    if job.started_at is None or job.finished_at is None:
        return []
    events = JobEvent.get_pymongo_collection().find(
        {"job_id": job.id, "created_at": {"$gte": job.started_at}},
        {"created_at": 1, "snapshot.stage": 1}).sort("sequence", 1)
    return timings_of([(event.get("snapshot", {}).get("stage"), event["created_at"])
                       async for event in events])


async def record_finished(redis: Redis, job: Job, trail: StageTrail | None = None) -> None:
    """Count the finished job and its durations; its stages from `trail` (the writer's own
    record of the attempt's stage changes, through its end) or else from its events."""
    try:
        timings = timings_of(trail) if trail is not None else await stage_timings(job)
    except PyMongoError as fault:  # the job is finished already; only its stage figures miss
        log.warning("job %s stage timings not read: %s", job.id, fault)
        timings = []
    tracing.record_stages([(t.stage, t.started_at, t.ended_at) for t in timings],
                          failed=job.status is JobStatus.FAILED)
    async with redis.pipeline(transaction=False) as pipe:
        pipe.hincrby(FINISHED_KEY, f"{job.kind.value}{_SEPARATOR}{job.status.value}", 1)
        if job.started_at is not None and job.finished_at is not None:
            seconds = max((job.finished_at - job.started_at).total_seconds(), 0.0)
            _observe(pipe, DURATION_KEY, (job.kind.value, job.status.value), seconds)
        for timing in timings:
            _observe(pipe, STAGE_DURATION_KEY, (job.kind.value, timing.stage), timing.seconds)
        await pipe.execute()


async def _hash(redis: Redis, key: str) -> dict[bytes, bytes]:
    # redis-py types the async client's hgetall as sync-or-async; it is async here.
    return await cast(Awaitable[dict[bytes, bytes]], redis.hgetall(key))


def _histogram(name: str, documentation: str, label_names: list[str],
               fields: dict[bytes, bytes]) -> HistogramMetricFamily:
    counts: dict[tuple[str, ...], list[float]] = {}
    sums: dict[tuple[str, ...], float] = {}
    for raw_field, raw_value in fields.items():
        *labels, part = raw_field.decode().split(_SEPARATOR)
        key = tuple(labels)
        if part == "sum":
            sums[key] = float(raw_value)
        else:
            counts.setdefault(key, [0.0] * (len(BUCKETS) + 1))[int(part)] += float(raw_value)
    family = HistogramMetricFamily(name, documentation, labels=label_names)
    for key, per_bucket in counts.items():
        cumulative, running = [], 0.0
        for bound, count in zip([*map(str, BUCKETS), "+Inf"], per_bucket, strict=True):
            running += count
            cumulative.append((bound, running))
        family.add_metric(list(key), cumulative, sum_value=sums.get(key, 0.0))
    return family


async def collect(redis: Redis) -> list[Metric]:
    finished = CounterMetricFamily(
        "atelier_jobs_finished", "Jobs that reached a terminal state", labels=["kind", "status"]
    )
    for field, value in (await _hash(redis, FINISHED_KEY)).items():
        kind, status = field.decode().split(_SEPARATOR, 1)
        finished.add_metric([kind, status], float(value))
    durations = _histogram(
        "atelier_job_duration_seconds", "Run time of a job's last attempt, by kind and outcome",
        ["kind", "status"], await _hash(redis, DURATION_KEY))
    stages = _histogram(
        "atelier_job_stage_duration_seconds", "Time jobs spent in each stage, by kind",
        ["kind", "stage"], await _hash(redis, STAGE_DURATION_KEY))
    return [finished, durations, stages]


async def collect_queue(redis: Redis, queue_name: str) -> list[Metric]:
    """Deliveries waiting in arq's queue, and jobs waiting in the database for a slot of their
    owner (most of a backlog waits there, with fair dispatch)."""
    depth = GaugeMetricFamily("atelier_queue_depth", "Job deliveries waiting in the queue")
    depth.add_metric([], float(await redis.zcard(queue_name)))
    waiting = GaugeMetricFamily(
        "atelier_jobs_waiting", "Queued jobs waiting in the database for their owner's slot")
    try:
        waiting.add_metric([], float(await Job.find(
            {"status": JobStatus.QUEUED.value, "dispatched": False}).count()))
    except PyMongoError as fault:  # a scrape still reports the rest while the database is down
        log.warning("waiting jobs not counted: %s", fault)
        return [depth]
    return [depth, waiting]
