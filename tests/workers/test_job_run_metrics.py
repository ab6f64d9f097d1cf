"""A job run records its stage metrics from its own stage changes, without reading its events
back: the same stages, each counted once, with the durations its events say."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from app.config import Settings
from app.embedded.database import EmbeddedDatabase
from app.embedded.redis import EmbeddedRedis
from app.models.job import Job, JobKind
from app.services import job_metrics
from app.services.container import Services, opened_services
from app.services.job_metrics import STAGE_DURATION_KEY, StageTiming, stage_timings
from app.workers.job_run import JobRun


@pytest.fixture(scope="module")
async def services(database: EmbeddedDatabase, redis_server: EmbeddedRedis,
                   tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Services]:
    settings = Settings(mongodb_url=database.url, redis_url=redis_server.url,
                        database_name="job_run_metrics_test",
                        queue_name="atelier:queue:job-run-metrics-test",
                        secret_key="test", storage_dir=tmp_path_factory.mktemp("metrics"))
    async with opened_services(settings) as opened:
        yield opened


async def _no_read(job: Job) -> list[StageTiming]:
    raise AssertionError("the run's stages were read back from its events")


async def stage_counts(services: Services) -> dict[str, float]:
    fields = await services.redis.hgetall(STAGE_DURATION_KEY)
    return {key.decode(): float(value) for key, value in fields.items()
            if key.decode().startswith("CONVERT|")}


async def test_the_stages_a_run_wrote_are_the_stages_its_events_hold(
        services: Services, monkeypatch: pytest.MonkeyPatch) -> None:
    job = await services.jobs.create("owner-metrics", JobKind.CONVERT, params={})
    before = await stage_counts(services)
    run = await JobRun.claim(services.jobs.log, job.id, lease_seconds=30, first_stage="load")
    assert run is not None
    for number in (1, 2):
        await run.stage(f"frame {number}/2", 0.5 * number)
    await run.within(0.9, 1.0)("encode", 0.5)
    with monkeypatch.context() as patched:
        patched.setattr(job_metrics, "stage_timings", _no_read)
        await run.succeed()
    after = await stage_counts(services)

    finished = await Job.get(job.id)
    assert finished is not None
    from_events = await stage_timings(finished)
    assert [timing.stage for timing in from_events] == ["load", "frame", "encode"]
    for timing in from_events:
        count_key = next(key for key in after if key.startswith(f"CONVERT|{timing.stage}|")
                         and not key.endswith("|sum"))
        assert after[count_key] - before.get(count_key, 0) == 1
        seconds = after[f"CONVERT|{timing.stage}|sum"] - before.get(
            f"CONVERT|{timing.stage}|sum", 0)
        assert seconds == pytest.approx(timing.seconds, abs=0.02)
